//! The months' names in English and Welsh: the one list the papers write and typed dates are read
//! by (`31 October 2019`, `31 Hyd 2019`, an action's `Oct'19`).

use crate::register::Language;

/// The English month names, January first.
pub const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The Welsh month names, Ionawr first.
pub const WELSH: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The twelve names in `language`.
pub fn names(language: Language) -> &'static [&'static str; 12] {
    match language {
        Language::English => &ENGLISH,
        Language::Welsh => &WELSH,
    }
}

/// The month (1 to 12) that `word`, a name or its first three letters or more in any case, names in
/// `language`.
pub fn named_in(language: Language, word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let idx = names(language)
        .iter()
        .position(|name| name.to_lowercase().starts_with(&word))?;
    i8::try_from(idx + 1).ok()
}

/// The month `word` names in English, else in Welsh.
pub fn named(word: &str) -> Option<i8> {
    named_in(Language::English, word).or_else(|| named_in(Language::Welsh, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_their_first_letters_in_either_language() {
        assert_eq!(named("October"), Some(10));
        assert_eq!(named("oct"), Some(10));
        assert_eq!(named("Hyd"), Some(10));
        assert_eq!(named("hydref"), Some(10));
        assert_eq!(named("MAI"), Some(5));
        assert_eq!(named("chw"), Some(2));
        assert_eq!(named("ma"), None, "two letters are too few");
        assert_eq!(named("Smarch"), None);
        assert_eq!(named_in(Language::English, "Hyd"), None);
        assert_eq!(names(Language::Welsh)[11], "Rhagfyr");
    }
}
