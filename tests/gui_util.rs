//! What the app's kittest tests share: the app open on a fixture in a throw-away folder, and a
//! user's hands (click, press, type), so every test drives the app the same way.

use std::fs;
use std::path::PathBuf;

use dpia_core::register::EntryId;
use dpia_register::gui::{DpiaApp, FileChoosers, Options, Settings};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::util::{Dir, fixture};

/// A throw-away folder holding a copy of a fixture, and the app open on it.
pub(crate) struct App {
    pub(crate) harness: Harness<'static, DpiaApp>,
    pub(crate) path: PathBuf,
    pub(crate) dir: Dir,
}

/// The app's options in tests: 11 July 2019, and the in-app path field instead of file choosers.
pub(crate) fn options() -> Options {
    Options {
        today: jiff::civil::date(2019, 7, 11),
        file_choosers: FileChoosers::PathField,
        settings: Settings::default(),
    }
}

/// A 1400 × 900 harness around `app`, after its first frame.
pub(crate) fn harness(app: DpiaApp) -> Harness<'static, DpiaApp> {
    harness_sized(app, 1400.0, 900.0)
}

/// A `width` × `height` harness around `app`, after its first frame.
pub(crate) fn harness_sized(app: DpiaApp, width: f32, height: f32) -> Harness<'static, DpiaApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut DpiaApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app open on a copy of `tests/fixtures/small.ron`.
pub(crate) fn open_small() -> App {
    open_small_with(|app| app)
}

/// The app open on a copy of `tests/fixtures/small.ron`, set up by `configure` (a clock, say).
pub(crate) fn open_small_with(configure: impl FnOnce(DpiaApp) -> DpiaApp) -> App {
    let dir = Dir::new();
    let path = dir.path().join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let harness = harness(configure(DpiaApp::open(&path, options())));
    App { harness, path, dir }
}

/// The app open on a copy of the bundled register (29 entries, long right names) in a
/// `width` × `height` window.
pub(crate) fn open_bundled_sized(width: f32, height: f32) -> App {
    let dir = Dir::new();
    let path = dir.bundled("leds-hob-open-space.ron");
    let harness = harness_sized(DpiaApp::open(&path, options()), width, height);
    App { harness, path, dir }
}

/// An entry id.
pub(crate) fn id(text: &str) -> EntryId {
    EntryId::parse(text).unwrap()
}

/// Presses a key with modifiers, then lets the app draw a frame.
pub(crate) fn press(harness: &mut Harness<'_, DpiaApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Scrolls the widget labelled `label` into view and clicks it.
pub(crate) fn click(harness: &mut Harness<'_, DpiaApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// The (single-line, multi-line or password) text field labelled `label`.
pub(crate) fn field<'h>(
    harness: &'h Harness<'_, DpiaApp>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    harness
        .query_by_role_and_label(Role::TextInput, label)
        .or_else(|| harness.query_by_role_and_label(Role::MultilineTextInput, label))
        .or_else(|| harness.query_by_role_and_label(Role::PasswordInput, label))
        .expect("a text field with this label")
}

/// Types `text` at the end of the text field labelled `label`.
pub(crate) fn type_into(harness: &mut Harness<'_, DpiaApp>, label: &str, text: &str) {
    type_after(harness, label, text, Key::End, Modifiers::NONE);
}

/// Replaces the text of the field labelled `label` with `text`.
pub(crate) fn replace_text(harness: &mut Harness<'_, DpiaApp>, label: &str, text: &str) {
    type_after(harness, label, text, Key::A, Modifiers::COMMAND);
}

fn type_after(
    harness: &mut Harness<'_, DpiaApp>,
    label: &str,
    text: &str,
    key: Key,
    modifiers: Modifiers,
) {
    field(harness, label).focus();
    harness.run();
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    field(harness, label).type_text(text);
    harness.run();
}

/// The text in the field labelled `label`.
pub(crate) fn text_in(harness: &Harness<'_, DpiaApp>, label: &str) -> Option<String> {
    field(harness, label).value()
}

/// The app's AccessKit tree as text, one node a line indented by depth: the role, the name in
/// quotes, `= value`, and `[focusable]`, `[focused]`, `[selected]`, `[toggled]`, `[disabled]`
/// marks. Hidden nodes are left out. What a screen reader can find, for tests and for
/// `docs/accesskit-register-view.txt`.
pub(crate) fn accesskit_tree(harness: &Harness<'_, DpiaApp>) -> String {
    let mut text = String::new();
    write_node(&mut text, harness.root().accesskit_node(), 0);
    text
}

fn write_node(text: &mut String, node: egui_kittest::kittest::AccessKitNode<'_>, depth: usize) {
    use std::fmt::Write as _;
    if node.is_hidden() {
        return;
    }
    write!(text, "{:indent$}{:?}", "", node.role(), indent = depth * 2).unwrap();
    if let Some(label) = node.label().filter(|label| !label.is_empty()) {
        write!(text, " {label:?}").unwrap();
    }
    if let Some(value) = node.value().filter(|value| !value.is_empty())
        && node.label().as_deref() != Some(value.as_str())
    {
        write!(text, " = {value:?}").unwrap();
    }
    let data = node.data();
    let marks = [
        (is_focusable(&node), "focusable"),
        (node.is_focused(), "focused"),
        (data.is_selected() == Some(true), "selected"),
        (
            data.toggled() == Some(egui::accesskit::Toggled::True),
            "toggled",
        ),
        (data.is_disabled(), "disabled"),
    ];
    for (is_set, mark) in marks {
        if is_set {
            write!(text, " [{mark}]").unwrap();
        }
    }
    text.push('\n');
    for child in node.children() {
        write_node(text, child, depth + 1);
    }
}

/// Whether a screen reader or the Tab key can put the focus on `node`.
pub(crate) fn is_focusable(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    node.data().supports_action(egui::accesskit::Action::Focus)
}

/// Every visible focusable node of the tree without a name, each described by its role and the
/// names of its nearest named ancestor: what a screen reader would announce as just "button".
pub(crate) fn unnamed_focusable(harness: &Harness<'_, DpiaApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    harness
        .root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .filter(|node| !node.is_hidden() && is_focusable(node))
        .filter(|node| node.label().is_none_or(|label| label.trim().is_empty()))
        .map(|node| {
            let ancestor =
                std::iter::successors(node.parent(), egui_kittest::kittest::AccessKitNode::parent)
                    .find_map(|parent| parent.label().filter(|label| !label.is_empty()))
                    .unwrap_or_default();
            format!(
                "{:?} at {:?} inside {ancestor:?}",
                node.role(),
                node.raw_bounds()
            )
        })
        .collect()
}
