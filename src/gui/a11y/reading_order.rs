//! A group of buttons on the right of a row, laid out in reading order: egui's right-to-left
//! layout adds the rightmost button first, so Tab would run through the group backwards.

use egui::{Align, Layout, Ui, Vec2};

/// Draws `add_contents` left to right at the right end of `ui`'s row (a horizontal `ui`, laid out
/// either way), so the Tab order is the reading order. The group's width is remembered from the
/// last pass; when it changes the pass is redrawn, so the group never shows out of place.
pub(crate) fn right_aligned<R>(
    ui: &mut Ui,
    salt: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let width_id = ui.scope_id().with((salt, "right-aligned-width"));
    let last_width: f32 = ui.data(|data| data.get_temp(width_id)).unwrap_or(0.0);
    let inner = if ui.layout().prefer_right_to_left() {
        // The parent places what it is given at its right end: give it the group's width.
        let size = Vec2::new(last_width, ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), add_contents)
    } else {
        let space = ui.available_width() - last_width;
        if space > 0.0 {
            ui.add_space(space);
        }
        ui.scope(add_contents)
    };
    let width = inner.response.rect.width();
    if (width - last_width).abs() > 0.5 {
        ui.data_mut(|data| data.insert_temp(width_id, width));
        ui.ctx()
            .request_discard("a right-aligned group was measured");
    }
    inner.inner
}
