//! The rights catalogue: which rights an entry's impacts are scored against.
//!
//! The default catalogue follows the rights the Open Space asked to see scored (ECHR articles and
//! the DPA 2018 principles). Users add and rename rights; ids stay so files and scores still match.

use serde::{Deserialize, Serialize};

use super::RightId;

/// A right in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// The stable id files and CSV use, such as `privacy`.
    pub id: RightId,
    /// The name people read, such as "Private and family life".
    pub name: String,
    /// Where the right comes from in law, such as "ECHR Art 8".
    pub legal_reference: String,
}

/// The default rights, in the order the method lists them: `(id, name, legal reference)`.
const DEFAULT_RIGHTS: [(&str, &str, &str); 10] = [
    ("privacy", "Private and family life", "ECHR Art 8"),
    ("religion", "Thought, conscience and religion", "ECHR Art 9"),
    ("expression", "Expression, including protest", "ECHR Art 10"),
    ("association", "Assembly and association", "ECHR Art 11"),
    ("fair_hearing", "Fair hearing", "ECHR Art 6"),
    (
        "no_punishment_without_law",
        "No punishment without law",
        "ECHR Art 7",
    ),
    ("life", "Life", "ECHR Art 2"),
    ("liberty", "Liberty and security", "ECHR Art 5"),
    ("non_discrimination", "Non-discrimination", "ECHR Art 14"),
    (
        "data_protection",
        "Data protection principles",
        "DPA 2018 Part 3",
    ),
];

/// The default rights catalogue that a new or imported register starts with.
pub fn default_rights() -> Vec<Right> {
    DEFAULT_RIGHTS
        .iter()
        .filter_map(|(id, name, legal_reference)| {
            Some(Right {
                id: RightId::parse(id).ok()?,
                name: (*name).to_owned(),
                legal_reference: (*legal_reference).to_owned(),
            })
        })
        .collect()
}

/// The default right with this id, if there is one.
pub fn default_right(id: &RightId) -> Option<Right> {
    default_rights().into_iter().find(|right| &right.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_catalogue_has_the_ten_rights_in_order() {
        let ids: Vec<String> = default_rights().into_iter().map(|r| r.id.into()).collect();
        assert_eq!(
            ids,
            [
                "privacy",
                "religion",
                "expression",
                "association",
                "fair_hearing",
                "no_punishment_without_law",
                "life",
                "liberty",
                "non_discrimination",
                "data_protection"
            ],
            "the catalogue the issue fixes"
        );
    }

    #[test]
    fn finds_a_default_right_by_id() {
        let liberty = default_right(&RightId::parse("liberty").unwrap()).unwrap();
        assert_eq!(liberty.legal_reference, "ECHR Art 5");
        assert!(default_right(&RightId::parse("flying").unwrap()).is_none());
    }
}
