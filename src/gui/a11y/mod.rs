//! What a screen reader and a keyboard user need beyond what egui gives: the words that name
//! widgets nothing visible names (`names`), arrow keys within a widget that holds a choice
//! (`keys`), right-aligned button groups in reading order (`reading_order`), and the table, row and
//! cell roles of the register table and the ranked list in the AccessKit tree (`table`).
//!
//! Draws nothing and changes no document: it only adds to the AccessKit tree and names nodes.

pub(crate) mod keys;
pub(crate) mod names;
pub(crate) mod reading_order;
pub(crate) mod table;
