//! No word the app shows is written in the GUI's code: every one comes from the message
//! catalogues (`assets/i18n/`), through `tr("id")` or `tr_args!("id", …)`.
//!
//! The rule, on every string literal of `src/gui/**/*.rs` outside `#[cfg(test)]` and attributes:
//! - the first argument of `tr(` or `tr_args!(` is a message id: allowed;
//! - a literal with no word in it (two letters in a row, once `{…}` placeholders are taken out),
//!   such as `"×"`, `"…"`, `"{} · {}"` or `"%Y-%m-%d"`, is a symbol or glue: allowed;
//! - inside a call that shows text (`label(`, `button(`, `heading(`, `on_hover_text(`,
//!   `RichText::new(`, `checkbox(`, `hint_text(`, `WidgetInfo::labeled(`, … see `TEXT_CALLS`), any
//!   other literal, `format!` strings included, is inline UI text: a failure;
//! - anywhere else, a literal is allowed if it is a key (lowercase, no spaces: an egui id, a file
//!   extension, a Fluent selector value such as `"up"`), an environment variable or acronym in
//!   capitals, inside an egui id call (`Id::new(`, `id_salt(`, `Grid::new(`, …), or one of the
//!   `EXCEPTIONS` below (each with its reason); anything else fails.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use super::util::root;

/// Calls whose string arguments are shown to the user.
const TEXT_CALLS: &[&str] = &[
    "label",
    "button",
    "small_button",
    "heading",
    "on_hover_text",
    "on_disabled_hover_text",
    "new", // RichText::new, Button::new, Label::new, Checkbox::new, Window::new, … (ids excepted below)
    "selectable_label",
    "selectable_value",
    "checkbox",
    "radio",
    "radio_value",
    "menu_button",
    "hint_text",
    "selected_text",
    "labeled",
    "selected",
    "shortcut_text",
    "small",
    "strong",
    "weak",
    "text",
    "muted",
    "bold",
    "tag",
    "push",
];

/// Calls whose string arguments are egui ids, thread names or other keys, never shown.
const ID_CALLS: &[&str] = &[
    "Id::new",
    "Id::unique",
    "Command::new",
    "request_discard",
    "make_persistent_id",
    "id_salt",
    "from_id_salt",
    "push_id",
    "Grid::new",
    "name",
    "top",
    "bottom",
    "left",
    "right",
    "var",
    "set_extension",
    "eq_ignore_ascii_case",
    "strftime",
    "include_str!",
    "include_bytes!",
    "concat!",
    "env!",
];

/// Literals that are not UI text though they look like it: `(file, literal, why)`.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "src/gui/mod.rs",
        "DPIA register",
        "eframe's app name, which names its storage folder",
    ),
    (
        "src/gui/mod.rs",
        "dpia-register: cannot open the window: {err}",
        "printed to the terminal",
    ),
    ("src/gui/theme.rs", "DejaVuSans", "a font's name"),
    ("src/gui/theme.rs", "DejaVuSans-Bold", "a font's name"),
    ("src/gui/theme.rs", "DejaVuSansMono", "a font's name"),
];

/// One string literal: its text, line, the calls it is inside (innermost last), and whether it
/// is the first argument of the innermost call.
struct Literal {
    text: String,
    line: usize,
    calls: Vec<String>,
    is_first_argument: bool,
}

/// The string literals of `code`, with the calls around each; comments, char literals and
/// attributes skipped. A `{` starts a fresh call stack (a closure body or a block).
fn literals(code: &str) -> Vec<Literal> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    // Each frame: the calls open in one block, as (name, number of arguments begun).
    let mut blocks: Vec<Vec<(String, usize)>> = vec![Vec::new()];
    let mut line = 1;
    let mut at = 0;
    let mut attribute_depth: Option<usize> = None;
    let mut bracket_depth = 0usize;
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if matches!(next, Some('/' | '*')) => {
                at = after_comment(&chars, at, &mut line);
                continue;
            }
            '#' if next == Some('[') || (next == Some('!') && chars.get(at + 2) == Some(&'[')) => {
                attribute_depth = Some(bracket_depth);
            }
            '[' => bracket_depth += 1,
            ']' => {
                bracket_depth = bracket_depth.saturating_sub(1);
                if attribute_depth == Some(bracket_depth) {
                    attribute_depth = None;
                }
            }
            '\'' => {
                // A char literal ('x', '\n', '\''), else a lifetime.
                if next == Some('\\') {
                    at += 2;
                    while at < chars.len() && chars[at] != '\'' {
                        at += 1;
                    }
                } else if chars.get(at + 2) == Some(&'\'') {
                    at += 2;
                }
            }
            '{' => blocks.push(Vec::new()),
            '}' if blocks.len() > 1 => {
                blocks.pop();
            }
            '(' => {
                let mut start = at;
                while start > 0 && is_path_char(chars[start - 1]) {
                    start -= 1;
                }
                let name: String = chars[start..at].iter().collect();
                let name = name.rsplit('.').next().unwrap_or_default().to_owned();
                if let Some(calls) = blocks.last_mut() {
                    calls.push((name, 0));
                }
            }
            ')' => {
                if let Some(calls) = blocks.last_mut() {
                    calls.pop();
                }
            }
            ',' => {
                if let Some((_, arguments)) = blocks.last_mut().and_then(|calls| calls.last_mut()) {
                    *arguments += 1;
                }
            }
            '"' | 'r' | 'b' => {
                let is_raw =
                    c == 'r' && matches!(next, Some('"' | '#')) && !is_path_char_before(&chars, at);
                let is_byte = c == 'b' && next == Some('"') && !is_path_char_before(&chars, at);
                if c == '"' || is_raw || is_byte {
                    let start_line = line;
                    let (text, end) = if is_raw {
                        raw_string(&chars, at + 1)
                    } else {
                        string(&chars, if is_byte { at + 1 } else { at })
                    };
                    line += text.matches('\n').count();
                    let calls = blocks.last().cloned().unwrap_or_default();
                    if attribute_depth.is_none() && !is_byte {
                        found.push(Literal {
                            text,
                            line: start_line,
                            is_first_argument: calls.last().is_some_and(|(_, args)| *args == 0),
                            calls: calls.into_iter().map(|(name, _)| name).collect(),
                        });
                    }
                    at = end;
                    continue;
                }
            }
            _ => {}
        }
        at += 1;
    }
    found
}

/// The index after the `//` or `/* */` comment at `at`, counting the lines a block comment spans.
fn after_comment(chars: &[char], mut at: usize, line: &mut usize) -> usize {
    if chars.get(at + 1) == Some(&'/') {
        while at < chars.len() && chars[at] != '\n' {
            at += 1;
        }
        return at;
    }
    while at + 1 < chars.len() && !(chars[at] == '*' && chars[at + 1] == '/') {
        if chars[at] == '\n' {
            *line += 1;
        }
        at += 1;
    }
    at + 2
}

fn is_path_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | ':' | '!' | '.')
}

fn is_path_char_before(chars: &[char], at: usize) -> bool {
    at > 0 && (chars[at - 1].is_alphanumeric() || chars[at - 1] == '_')
}

/// A `"…"` string from `at` (the quote): its text as written (escapes unresolved) and the index
/// after it.
fn string(chars: &[char], at: usize) -> (String, usize) {
    let mut end = at + 1;
    let mut text = String::new();
    while end < chars.len() && chars[end] != '"' {
        if chars[end] == '\\' {
            text.push(chars[end]);
            end += 1;
        }
        text.push(chars[end]);
        end += 1;
    }
    (text, end + 1)
}

/// A raw string from `at` (the first `#` or quote after `r`).
fn raw_string(chars: &[char], mut at: usize) -> (String, usize) {
    let mut hashes = 0;
    while chars[at] == '#' {
        hashes += 1;
        at += 1;
    }
    let close: String = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let rest: String = chars[at + 1..].iter().collect();
    let len = rest.find(&close).unwrap_or(rest.len());
    let text: String = rest.chars().take(len).collect();
    let end = at + 1 + text.chars().count() + close.chars().count();
    (text, end)
}

/// Whether `text` has a word in it: two letters in a row outside `{…}` placeholders.
fn has_words(text: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let mut run = 0;
    for c in outside.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

/// A key: lowercase, digits and `-_./~` only (an id, an extension, a selector value, a path).
fn is_key(text: &str) -> bool {
    let text: String = text.split(['{', '}']).step_by(2).collect();
    text.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./~".contains(c))
}

/// An environment variable or an acronym: capitals, digits and `_`.
fn is_capitals(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A source file without its items marked `#[cfg(test)]` (test modules, fixtures, test-only
/// constants): each is cut from its attribute to the `;` or the closing brace that ends it, and the
/// code after it is read.
fn without_test_items(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut kept = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find(MARK) {
        kept.push_str(&rest[..at]);
        let item = &rest[at + MARK.len()..];
        let mut depth = 0_usize;
        let mut end = item.len();
        for (idx, c) in item.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        end = idx + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = idx + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    kept.push_str(rest);
    kept
}

/// What is wrong with the literals of one file (`path` relative to the root), as
/// `path:line: why`.
fn problems(path: &str, code: &str) -> Vec<String> {
    let code = without_test_items(code);
    let code = code.as_str();
    let mut problems = Vec::new();
    for literal in literals(code) {
        let innermost = literal.calls.last().map(String::as_str).unwrap_or_default();
        let text = literal.text.as_str();
        if (matches!(innermost, "tr" | "tr_args!") && literal.is_first_argument) || !has_words(text)
        {
            continue;
        }
        let in_id_call = ID_CALLS.iter().any(|call| {
            literal
                .calls
                .iter()
                .rev()
                .take(2)
                .any(|c| c == call || c.ends_with(&format!("::{call}")))
        }) && !matches!(innermost, "format!");
        let in_text_call = literal.calls.iter().any(|call| {
            let last = call.rsplit("::").next().unwrap_or_default();
            TEXT_CALLS.contains(&last) && !ID_CALLS.iter().any(|id| call.ends_with(id))
        });
        let is_excepted = EXCEPTIONS
            .iter()
            .any(|(file, t, _)| *file == path && *t == text);
        if is_excepted || in_id_call {
            continue;
        }
        if in_text_call {
            problems.push(format!(
                "{path}:{}: \"{text}\" is shown inline (in {}): put it in assets/i18n",
                literal.line,
                literal.calls.join(" > ")
            ));
        } else if !is_key(text) && !is_capitals(text) {
            problems.push(format!(
                "{path}:{}: \"{text}\" looks like UI text: put it in assets/i18n, or add it to EXCEPTIONS with why",
                literal.line
            ));
        }
    }
    problems
}

fn rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn no_ui_text_is_written_inline_in_the_gui() {
    let mut files = Vec::new();
    rust_files(&root().join("src/gui"), &mut files);
    files.sort();
    assert!(files.len() > 30, "the GUI's files are found");
    let mut all = Vec::new();
    let mut num_ids = 0;
    for file in &files {
        let path = file.strip_prefix(root()).unwrap().display().to_string();
        let code = fs::read_to_string(file).unwrap();
        num_ids += code.matches("tr(\"").count() + code.matches("tr_args!(").count();
        all.extend(problems(&path, &code));
    }
    assert!(
        num_ids > 300,
        "the GUI looks its words up: {num_ids} lookups"
    );
    assert!(
        all.is_empty(),
        "UI text written inline:\n{}",
        all.join("\n")
    );
}

/// The message ids the catalogue files of `language` define.
fn catalogue_ids(language: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in fs::read_dir(root().join("assets/i18n").join(language)).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.insert(message.id.name.to_owned());
            }
        }
    }
    ids
}

/// The message ids the GUI's code (outside tests and comments) names: the first argument of
/// every `tr(` and `tr_args!(`, with the file naming it.
fn ids_in_code() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src/gui"), &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let text = without_test_items(&text);
        let text: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for call in ["tr(", "tr_args!("] {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id = rest.split('"').next().unwrap_or_default();
                ids.insert((id.to_owned(), file.display().to_string()));
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_names_is_defined_and_every_message_is_used() {
    let english = catalogue_ids("en");
    assert_eq!(
        english,
        catalogue_ids("cy"),
        "both languages define the same messages"
    );
    let ids = ids_in_code();
    assert!(
        ids.len() > 300,
        "the code looks up its words: {}",
        ids.len()
    );
    let missing: Vec<_> = ids.iter().filter(|(id, _)| !english.contains(id)).collect();
    assert!(missing.is_empty(), "not in the catalogues: {missing:?}");
    let used: BTreeSet<&String> = ids.iter().map(|(id, _)| id).collect();
    let unused: Vec<_> = english.iter().filter(|id| !used.contains(id)).collect();
    assert!(unused.is_empty(), "no code shows {unused:?}");
}

#[test]
fn the_rule_finds_inline_text_and_lets_ids_symbols_and_keys_pass() {
    let flagged = |code: &str| problems("src/gui/x.rs", code);
    assert_eq!(
        flagged(r#"fn f(ui: &mut Ui) { ui.button("Save"); }"#).len(),
        1,
        "a button's label"
    );
    assert_eq!(
        flagged(r#"fn f(ui: &mut Ui) { ui.label(format!("{n} entries")); }"#).len(),
        1,
        "a format! in a label"
    );
    assert_eq!(
        flagged(r#"fn f(ui: &mut Ui) { ui.label(RichText::new("Owner").strong()); }"#).len(),
        1,
        "RichText"
    );
    assert_eq!(
        flagged(r#"fn f(r: Response) { r.on_hover_text("Remove this group"); }"#).len(),
        1,
        "a tooltip"
    );
    assert_eq!(
        flagged(r#"fn f(ui: &mut Ui) { ui.checkbox(&mut on, "public"); }"#).len(),
        1,
        "even a lowercase word"
    );
    assert_eq!(
        flagged(r#"fn f() -> &'static str { match x { A => "Residual risk accepted" } }"#).len(),
        1,
        "a sentence anywhere"
    );
    assert_eq!(
        flagged(r#"const X: &str = "Save the register first";"#).len(),
        1,
        "a sentence in a const"
    );
    assert!(flagged(r#"fn f(ui: &mut Ui) { ui.button(tr("app-save")); ui.label(tr_args!("app-entries", count = 2)); }"#).is_empty(), "ids");
    assert!(flagged(r#"fn f(ui: &mut Ui) { ui.label("×"); ui.label(format!("{} · {}", a, b)); ui.label("…"); }"#).is_empty(), "symbols");
    assert!(flagged(r#"fn f(ui: &mut Ui) { egui::Grid::new("export-options"); ui.push_id(("row", 3), |ui| {}); let e = "pdf"; }"#).is_empty(), "ids and keys");
    assert!(
        flagged(r#"#[expect(clippy::x, reason = "because it is so")] fn f() {} // "Comment text""#)
            .is_empty(),
        "attributes and comments"
    );
    assert!(
        flagged("fn f() { let c = '\"'; let d = 'x'; }").is_empty(),
        "char literals"
    );
}

/// The error types of `crate_dir`'s sources (each derived `thiserror::Error`, and `ChainProblem`)
/// as `(file stem, type name)`.
fn error_types(crate_dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join(crate_dir), &mut files);
    let mut types = Vec::new();
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let code = without_test_items(&fs::read_to_string(&file).unwrap());
        let mut is_error = false;
        for line in code.lines() {
            if line.starts_with("#[derive(") && line.contains("thiserror::Error") {
                is_error = true;
            }
            let item = line
                .strip_prefix("pub enum ")
                .or_else(|| line.strip_prefix("pub struct "));
            if let Some(item) = item {
                let name: String = item
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if is_error || name == "ChainProblem" {
                    types.push((stem.clone(), name));
                }
                is_error = false;
            }
        }
    }
    types
}

#[test]
fn every_error_of_the_core_and_files_crates_is_put_in_words_by_the_gui() {
    let mut types = error_types("crates/dpia-core/src");
    types.extend(error_types("crates/dpia-files/src"));
    assert!(types.len() > 20, "the error types are found: {types:?}");
    let mut words = String::new();
    let mut files = Vec::new();
    rust_files(&root().join("src/gui/error_text"), &mut files);
    for file in files {
        words.push_str(&without_test_items(&fs::read_to_string(file).unwrap()));
    }
    let is_shared = |name: &str| types.iter().filter(|(_, n)| n == name).count() > 1;
    let missing: Vec<_> = types
        .iter()
        .filter(|(stem, name)| {
            let implemented = if is_shared(name) {
                words.contains(&format!("impl ErrorText for {stem}::{name} {{"))
            } else {
                words.contains(&format!("impl ErrorText for {name} {{"))
            };
            !implemented
        })
        .collect();
    assert!(
        missing.is_empty(),
        "no `impl ErrorText` in src/gui/error_text/ for {missing:?}"
    );
    assert!(
        !words.contains("_ =>"),
        "every variant has its own message: no catch-all arm in src/gui/error_text/"
    );
}

#[test]
fn no_error_is_shown_in_the_crates_english() {
    const SHOWN_IN_ENGLISH: &[&str] = &[
        "err.to_string()",
        "error.to_string()",
        "problem.to_string()",
        "map_err(ToString::to_string)",
        "{err}",
        "{error}",
        "{problem}",
    ];
    let mut files = Vec::new();
    rust_files(&root().join("src/gui"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let path = file.strip_prefix(root()).unwrap().display().to_string();
        let code = without_test_items(&fs::read_to_string(&file).unwrap());
        for (idx, line) in code.lines().enumerate() {
            for pattern in SHOWN_IN_ENGLISH {
                // The one message printed to the terminal, where the window cannot open.
                let is_terminal = line.contains("cannot open the window");
                if line.contains(pattern) && !line.trim_start().starts_with("//") && !is_terminal {
                    found.push(format!("{path}:{}: {}", idx + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "errors shown by their English Display: use ErrorText's error_text():\n{}",
        found.join("\n")
    );
}
