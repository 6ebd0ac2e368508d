//! A group of buttons on the right of a row, laid out in reading order: egui's right-to-left
//! layout adds the rightmost button first, so Tab would run through the group backwards.

use egui::Ui;

/// Draws `add_contents` left to right at the right end of `ui`'s row (a horizontal `ui`), so the
/// Tab order is the reading order. The group's width is remembered from the last pass; when it
/// changes the pass is redrawn, so the group never shows out of place.
pub(crate) fn right_aligned<R>(ui: &mut Ui, salt: &str, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    let width_id = ui.scope_id().with((salt, "right-aligned-width"));
    let last_width: f32 = ui.data(|data| data.get_temp(width_id)).unwrap_or(0.0);
    let space = ui.available_width() - last_width;
    if space > 0.0 {
        ui.add_space(space);
    }
    let inner = ui.scope(add_contents);
    let width = inner.response.rect.width();
    if (width - last_width).abs() > 0.5 {
        ui.data_mut(|data| data.insert_temp(width_id, width));
        ui.ctx().request_discard("a right-aligned group was measured");
    }
    inner.inner
}
