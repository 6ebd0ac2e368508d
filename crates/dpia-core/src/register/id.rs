//! Identifiers that parse, not strings that get validated: entry, right and system ids.
//!
//! Ids are what files, CSV rows and snapshots use to match things across versions, so they are
//! restricted to letters, digits, `-` and `_` and never change once given. This module does no I/O.

use std::fmt;

use serde::{Deserialize, Serialize};

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
}

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

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses an id: letters, digits, `-` and `_`, surrounding white space ignored.
            pub fn parse(text: &str) -> Result<Self, IdError> {
                parse_id(text).map(Self)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<Self, IdError> {
                Self::parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// The stable id of a register entry, such as `LEDS-003`. Never reused after a delete.
    EntryId
);
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
}
