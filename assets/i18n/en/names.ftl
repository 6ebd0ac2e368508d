## The names of the languages, each in itself.
language-english = English
language-welsh = Cymraeg
