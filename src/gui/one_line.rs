//! A single-line text field that does not hide what it cannot show: while it is not being edited,
//! a text too long for it ends in "…" and the whole text shows on hover.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Galley, Id, Response, TextBuffer, TextEdit, Ui};

/// Adds a single-line field for `text`, `width` wide, with the id `id`.
pub(super) fn one_line_ui(
    ui: &mut Ui,
    text: &mut String,
    id: Id,
    hint: &str,
    width: f32,
) -> Response {
    let is_editing = ui.memory(|m| m.has_focus(id));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui
        .visuals()
        .override_text_color
        .unwrap_or_else(|| ui.visuals().widgets.inactive.text_color());
    let mut cut_short = false;
    let mut truncating = |ui: &Ui, buffer: &dyn TextBuffer, wrap_width: f32| -> Arc<Galley> {
        let mut job = LayoutJob::simple_singleline(buffer.as_str().to_owned(), font.clone(), color);
        job.wrap = TextWrapping::truncate_at_width(wrap_width);
        let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
        cut_short = galley.elided;
        galley
    };
    let mut edit = TextEdit::singleline(text)
        .id(id)
        .hint_text(hint)
        .desired_width(width);
    if !is_editing {
        edit = edit.layouter(&mut truncating);
    }
    let response = ui.add(edit);
    if cut_short {
        response.on_hover_text(text.as_str())
    } else {
        response
    }
}
