//! Identifiers that parse, not strings that get validated: entry, right and system ids.
//!
//! Ids are what files, CSV rows and snapshots use to match things across versions, so they are
//! restricted to letters, digits, `-` and `_` and never change once given. `id_type!` makes each
//! such newtype, and also snapshot labels and checksums, each under its own rule. This module does
//! no I/O.

/// Why a piece of text is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The text was empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The text held a character other than a letter, digit, `-` or `_`.
    #[error("id `{id}` has `{character}`: use only letters, digits, `-` and `_`")]
    BadCharacter {
        /// The rejected text.
        id: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// An entry id's number (after its last `-`) is above `MAX_ENTRY_NUMBER`.
    #[error("id `{id}` has a number above {MAX_ENTRY_NUMBER}, the highest an entry id may have")]
    NumberTooLarge {
        /// The rejected text (its first 64 characters, if longer).
        id: String,
    },
}

/// The highest number an entry id may end with (`PND-999999999`): far above any register, and
/// low enough that counting on from it never overflows.
pub const MAX_ENTRY_NUMBER: u32 = 999_999_999;

/// The rule for entry ids: the shared rule, and a number after the last `-` of at most
/// `MAX_ENTRY_NUMBER`, so the ids issued after it never wrap.
fn parse_entry_id(text: &str) -> Result<String, IdError> {
    let text = parse_id(text)?;
    if let Some((_, digits)) = text.rsplit_once('-')
        && !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && digits
            .parse::<u32>()
            .map_or(true, |number| number > MAX_ENTRY_NUMBER)
    {
        return Err(IdError::NumberTooLarge {
            id: text.chars().take(64).collect(),
        });
    }
    Ok(text)
}

/// The shared rule for text ids: letters, digits, `-` and `_`, surrounding white space ignored.
fn parse_id(text: &str) -> Result<String, IdError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    if let Some(character) = text
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(IdError::BadCharacter {
            id: text.to_owned(),
            character,
        });
    }
    Ok(text.to_owned())
}

/// Defines an id-like newtype: parsed from text by its own rule, written back as text by
/// `Display`, and stored in files as that text (serde through `String`, so a file holding a bad
/// one fails to load with the rule's error).
///
/// Three forms:
///
/// - `id_type!(/// Docs. Name)`: a text id under the shared rule (`parse_id`, failing with
///   `IdError`): letters, digits, `-` and `_`.
/// - `text Name; /// Parse docs. parse = rule, error = Error;`: a text id under its own rule, a
///   `fn(&str) -> Result<String, Error>`. Text ids have `as_str` and are ordered by their text.
/// - `value Name(Repr); /// Parse docs. parse = rule, error = Error, display = write;`: an id held
///   as the value its rule returns (`fn(&str) -> Result<Repr, Error>`), such as a checksum's bytes,
///   written back by `write`, a `fn(&Repr, &mut fmt::Formatter<'_>) -> fmt::Result`.
///
/// Attributes before the name (docs, an extra `#[derive(Copy)]`) go on the type. Paths in the
/// expansion are absolute, as the macro is also used outside this module (`snapshot`).
macro_rules! id_type {
    ($(#[$attr:meta])* $name:ident) => {
        $crate::register::id_type! {
            $(#[$attr])*
            text $name;
            /// Parses an id: letters, digits, `-` and `_`, surrounding white space ignored.
            parse = $crate::register::id::parse_id, error = $crate::register::IdError;
        }
    };
    (
        $(#[$attr:meta])*
        text $name:ident;
        $(#[$parse_doc:meta])*
        parse = $rule:path, error = $error:ty;
    ) => {
        $(#[$attr])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize,
        )]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            $(#[$parse_doc])*
            pub fn parse(text: &str) -> Result<Self, $error> {
                $rule(text).map(Self)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        $crate::register::id_type!(@try_from_string $name, $error);
    };
    (
        $(#[$attr:meta])*
        value $name:ident($repr:ty);
        $(#[$parse_doc:meta])*
        parse = $rule:path, error = $error:ty, display = $display:path;
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name($repr);

        impl $name {
            $(#[$parse_doc])*
            pub fn parse(text: &str) -> Result<Self, $error> {
                $rule(text).map(Self)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.to_string()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $display(&self.0, f)
            }
        }

        $crate::register::id_type!(@try_from_string $name, $error);
    };
    (@try_from_string $name:ident, $error:ty) => {
        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(text: String) -> Result<Self, $error> {
                Self::parse(&text)
            }
        }
    };
}
pub(crate) use id_type;

id_type! {
    /// The stable id of a register entry, such as `LEDS-003`. Never reused after a delete.
    text EntryId;
    /// Parses an entry id: letters, digits, `-` and `_`, surrounding white space ignored, and a
    /// number after the last `-` of at most `MAX_ENTRY_NUMBER`.
    parse = parse_entry_id, error = IdError;
}
id_type!(
    /// The id of a right in the rights catalogue, such as `privacy`. Stays when the right is renamed.
    RightId
);
id_type!(
    /// The id of a system under assessment, such as `PND` or `HOB`.
    SystemId
);

impl EntryId {
    /// The id numbered `number` for `system`, zero-padded to three digits: `LEDS-003`.
    pub fn numbered(system: &SystemId, number: u32) -> Self {
        Self(format!("{system}-{number:03}"))
    }

    /// An id for `system` once every number up to `MAX_ENTRY_NUMBER` is used: `PND-999999999-2`.
    pub fn beyond_numbers(system: &SystemId, suffix: u64) -> Self {
        Self(format!("{system}-{MAX_ENTRY_NUMBER}-{suffix}"))
    }

    /// The number after `SYSTEM-`, when this id has that shape.
    pub fn number_for(&self, system: &SystemId) -> Option<u32> {
        self.0
            .strip_prefix(system.as_str())?
            .strip_prefix('-')?
            .parse()
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_number_too_large_is_refused() {
        assert!(EntryId::parse("PND-999999999").is_ok(), "the highest");
        for text in [
            "PND-1000000000",
            "PND-4294967295",
            "PND-99999999999999999999999",
        ] {
            assert_eq!(
                EntryId::parse(text),
                Err(IdError::NumberTooLarge {
                    id: text.to_owned()
                }),
                "{text}"
            );
        }
        assert_eq!(
            EntryId::parse("PND-4294967295").unwrap_err().to_string(),
            "id `PND-4294967295` has a number above 999999999, the highest an entry id may have"
        );
        assert!(EntryId::parse("PND-12a").is_ok(), "not a number");
        assert!(
            SystemId::parse("4294967296").is_ok(),
            "only entry ids are numbered"
        );
    }

    #[test]
    fn parses_letters_digits_dash_underscore() {
        assert_eq!(EntryId::parse(" LEDS-003 ").unwrap().as_str(), "LEDS-003");
        assert_eq!(
            RightId::parse("fair_hearing").unwrap().as_str(),
            "fair_hearing"
        );
    }

    #[test]
    fn rejects_empty_and_punctuation() {
        assert_eq!(EntryId::parse("  "), Err(IdError::Empty));
        let err = SystemId::parse("PN D").unwrap_err();
        assert_eq!(
            err.to_string(),
            "id `PN D` has ` `: use only letters, digits, `-` and `_`"
        );
    }

    #[test]
    fn numbered_ids_are_zero_padded_and_read_back() {
        let leds = SystemId::parse("LEDS").unwrap();
        let id = EntryId::numbered(&leds, 7);
        assert_eq!(id.as_str(), "LEDS-007");
        assert_eq!(id.number_for(&leds), Some(7));
        assert_eq!(id.number_for(&SystemId::parse("LED").unwrap()), None);
    }

    #[test]
    fn an_id_is_stored_as_its_text_and_checked_on_loading() {
        let id = EntryId::parse("LEDS-003").unwrap();
        assert_eq!(ron::to_string(&id).unwrap(), r#""LEDS-003""#);
        assert_eq!(ron::from_str::<EntryId>(r#""LEDS-003""#).unwrap(), id);
        let err = ron::from_str::<EntryId>(r#""LEDS 003""#).unwrap_err();
        assert!(
            err.to_string()
                .contains("id `LEDS 003` has ` `: use only letters, digits, `-` and `_`"),
            "{err}"
        );
    }
}
