//! The presenter view: the session over the whole window, for a projector. A header, the
//! banner (errors and what the last action did), one entry or the ranked list, and a footer with
//! the participants' votes, the keys and the session's buttons.
//!
//! Draws `Live` and hands keys and clicks to it; the order shown is the core's live order.

use crate::gui::i18n::{self, tr, tr_args};
use dpia_report::labels::labels;
use egui::{
    Align, CornerRadius, Layout, RichText, ScrollArea, Sense, Stroke, StrokeKind, Ui, UiBuilder,
    Vec2,
};

use dpia_core::register::{Entry, EntryId, Register};
use dpia_core::scoring::EntryScores;
use dpia_core::workshop::{LiveRank, Session};

use super::keys::{KeyAction, take_key_actions};
use super::live::{Live, Message, Showing};
use super::prompts::{Dialog, dialog_ui};
use super::style::{Sizes, bold, column, label, muted, score_tag, tag, text, tier_tag};
use super::{RegisterKey, WorkshopCommand, WorkshopState, long_date, votes};
use crate::gui::a11y::reading_order;
use crate::gui::command::Command;
use crate::gui::reason_text::reason_line;
use crate::gui::state::View;
use crate::gui::theme::{self, presenter as colours};

/// Draws the presenter over the whole window and acts on its keys.
pub(super) fn presenter_ui(
    ui: &mut Ui,
    register: &Register,
    register_key: RegisterKey,
    state: &mut WorkshopState,
    errors: &mut Vec<String>,
    commands: &mut Vec<Command>,
) {
    let Some(live) = state.live.as_mut() else {
        return;
    };
    let ctx = ui.ctx().clone();
    live.refresh(register, register_key);
    if live.dialog.is_none() {
        for action in take_key_actions(&ctx) {
            live.act(action, register, commands);
            live.refresh(register, register_key);
        }
    }
    let sizes = Sizes::for_height(ctx.content_rect().height());
    let frame = egui::Frame::new()
        .fill(colours::BACKGROUND)
        .inner_margin(egui::Margin::symmetric(28, 12));
    egui::Panel::top("presenter-header")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| header_ui(ui, register, live, sizes));
    egui::Panel::bottom("presenter-footer")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| footer_ui(ui, register, live, sizes, commands));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        banner_ui(ui, live, errors, sizes);
        match live.showing {
            Showing::OneEntry => entry_ui(ui, register, live, sizes),
            Showing::RankedList => list_ui(ui, live, register, sizes),
        }
    });
    dialog_ui(&ctx, register, live, sizes, commands);
}

fn header_ui(ui: &mut Ui, register: &Register, live: &Live, sizes: Sizes) {
    ui.horizontal(|ui| {
        label(ui, bold(&live.session.title, sizes.px(28.0)));
        let in_scope = register
            .entries
            .iter()
            .filter(|entry| live.session.scope.contains(entry))
            .count();
        label(
            ui,
            muted(
                tr_args!(
                    "workshop-entries",
                    date = long_date(live.session.date),
                    scope = labels(i18n::language()).workshop_scope(&live.session.scope),
                    in_scope = in_scope
                ),
                sizes.px(22.0),
            ),
        );
    });
}

fn banner_ui(ui: &mut Ui, live: &Live, errors: &mut Vec<String>, sizes: Sizes) {
    let mut dismissed = None;
    for (error_idx, error) in errors.iter().enumerate() {
        egui::Frame::new()
            .fill(colours::ERROR_FILL)
            .corner_radius(CornerRadius::same(6))
            .inner_margin(egui::Margin::symmetric(14, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui.button(tr("app-dismiss")).clicked() {
                        dismissed = Some(error_idx);
                    }
                    ui.add(
                        egui::Label::new(
                            RichText::new(error)
                                .size(sizes.px(22.0))
                                .color(colours::ON_FILL),
                        )
                        .wrap(),
                    );
                });
            });
        ui.add_space(4.0);
    }
    if let Some(error_idx) = dismissed
        && error_idx < errors.len()
    {
        errors.remove(error_idx);
    }
    if let Some(message) = &live.message {
        let (fill, words) = match message {
            Message::Done(words) => (colours::NOTICE_FILL, words),
            Message::Refused(words) => (colours::ERROR_FILL, words),
        };
        egui::Frame::new()
            .fill(fill)
            .corner_radius(CornerRadius::same(6))
            .inner_margin(egui::Margin::symmetric(14, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(
                    egui::Label::new(
                        RichText::new(words)
                            .font(theme::bold_family_size(sizes.px(24.0)))
                            .color(colours::ON_FILL),
                    )
                    .wrap(),
                );
            });
        ui.add_space(sizes.px(8.0));
    }
}

fn entry_ui(ui: &mut Ui, register: &Register, live: &Live, sizes: Sizes) {
    let Some(current) = live.current_rank() else {
        label(
            ui,
            text(tr("workshop-no-entries-in-this-session"), sizes.px(28.0)),
        );
        return;
    };
    let Some(entry) = register.entries.get(current.entry_idx) else {
        return;
    };
    let scores = EntryScores::of(entry, register);
    ScrollArea::vertical()
        .id_salt("presenter-entry")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                label(
                    ui,
                    bold(
                        tr_args!(
                            "workshop-rank-of",
                            tied_rank = current.tied_rank,
                            order = live.order.len()
                        ),
                        sizes.px(32.0),
                    ),
                );
                ui.add_space(sizes.px(12.0));
                tier_tag(ui, current.tier, sizes.px(26.0));
                rank_tags(ui, current, sizes.px(22.0));
            });
            ui.add_space(sizes.px(10.0));
            label(
                ui,
                muted(format!("{} · {}", entry.id, entry.system), sizes.px(24.0)),
            );
            ui.add(
                egui::Label::new(bold(&entry.issue, sizes.px(44.0)))
                    .wrap()
                    .selectable(false),
            );
            ui.add_space(sizes.px(10.0));
            ui.add(
                egui::Label::new(text(&entry.concern, sizes.px(26.0)))
                    .wrap()
                    .selectable(false),
            );
            ui.add_space(sizes.px(18.0));
            ui.horizontal(|ui| {
                score_tag(
                    ui,
                    register,
                    tr("editor-residual"),
                    scores.residual.as_ref(),
                    sizes,
                );
                score_tag(
                    ui,
                    register,
                    tr("editor-inherent"),
                    scores.inherent.as_ref(),
                    sizes,
                );
            });
            ui.add_space(sizes.px(12.0));
            votes_and_moves_ui(ui, register, live, (current, entry, &scores), sizes);
        });
}

/// The current entry's votes, its reason line and the manual moves made to it.
fn votes_and_moves_ui(
    ui: &mut Ui,
    register: &Register,
    live: &Live,
    (current, entry, scores): (&LiveRank, &Entry, &EntryScores),
    sizes: Sizes,
) {
    ui.add_space(sizes.px(12.0));
    ui.horizontal(|ui| {
        label(
            ui,
            bold(
                tr_args!(
                    "workshop-this-session",
                    session_votes = votes(current.session_votes)
                ),
                sizes.px(28.0),
            ),
        );
        if entry.votes > 0 {
            label(
                ui,
                muted(
                    tr_args!("workshop-and-before", votes = votes(entry.votes)),
                    sizes.px(22.0),
                ),
            );
        }
    });
    ui.add_space(sizes.px(8.0));
    ui.add(
        egui::Label::new(muted(
            reason_line(register, entry, scores, entry.votes + current.session_votes),
            sizes.px(22.0),
        ))
        .wrap()
        .selectable(false),
    );
    for manual in live
        .session
        .moves()
        .iter()
        .filter(|manual| manual.entry == current.entry)
    {
        let way = if manual.to_rank < manual.from_rank {
            "up"
        } else {
            "down"
        };
        ui.add(
            egui::Label::new(text(
                tr_args!("workshop-moved-by-hand", way = way, reason = manual.reason),
                sizes.px(22.0),
            ))
            .wrap()
            .selectable(false),
        );
    }
}

/// TIE and MOVED, for a rank that ties with a neighbour or was moved by hand.
fn rank_tags(ui: &mut Ui, rank: &LiveRank, size: f32) {
    if rank.is_tied {
        tag(
            ui,
            tr("workshop-tag-tie"),
            colours::TIE,
            colours::ON_TAG,
            size,
        );
    }
    if rank.is_moved {
        tag(
            ui,
            tr("workshop-tag-moved"),
            colours::MOVED,
            colours::ON_TAG,
            size,
        );
    }
}

fn list_ui(ui: &mut Ui, live: &mut Live, register: &Register, sizes: Sizes) {
    // Room for a title on two lines and the reason line under it.
    let row_height = sizes.px(112.0);
    let mut area = ScrollArea::vertical()
        .id_salt("presenter-list")
        .auto_shrink([false, false]);
    if live.scroll_to_current
        && let Some(position) = live.current_position()
    {
        let spacing = ui.spacing().item_spacing.y;
        let offset =
            position as f32 * (row_height + spacing) - (ui.available_height() - row_height) / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
        live.scroll_to_current = false;
    }
    let current = live.current_position();
    let mut clicked = None;
    area.show_rows(ui, row_height, live.order.len(), |ui, range| {
        for position in range {
            let Some(rank) = live.order.get(position) else {
                continue;
            };
            let is_current = current == Some(position);
            if row_ui(ui, register, rank, is_current, row_height, sizes).clicked() {
                clicked = Some(rank.entry.clone());
            }
        }
    });
    if let Some(entry) = clicked {
        live.current = Some(entry);
    }
}

/// One row of the ranked list: rank, id, issue, tier, votes; then tags and the reason line.
fn row_ui(
    ui: &mut Ui,
    register: &Register,
    rank: &LiveRank,
    is_current: bool,
    height: f32,
    sizes: Sizes,
) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::click());
    let issue = register
        .entries
        .get(rank.entry_idx)
        .map_or("", |entry| entry.issue.as_str());
    let name = format!("{} {} {issue}", rank.label(), rank.entry.as_str());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_current, &name));
    let radius = CornerRadius::same(6);
    let fill = if is_current {
        colours::CURRENT
    } else {
        colours::CARD
    };
    ui.painter().rect_filled(rect, radius, fill);
    if rank.is_tied {
        let bar = egui::Rect::from_min_size(rect.min, Vec2::new(sizes.px(8.0), rect.height()));
        ui.painter().rect_filled(bar, radius, colours::TIE);
    }
    if is_current {
        ui.painter().rect_stroke(
            rect,
            radius,
            Stroke::new(sizes.px(3.0), colours::TEXT),
            StrokeKind::Inside,
        );
    }
    let inner = rect.shrink2(Vec2::new(sizes.px(20.0), sizes.px(6.0)));
    let mut row = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Min)),
    );
    let entry = register.entries.get(rank.entry_idx);
    let rank_width = sizes.px(86.0);
    let line_height = sizes.px(66.0);
    row.horizontal(|ui| {
        ui.set_height(line_height);
        let rank_text = rank.label();
        column(ui, rank_width, line_height, |ui| {
            label(ui, bold(rank_text, sizes.px(32.0)));
        });
        column(ui, sizes.px(150.0), line_height, |ui| {
            label(ui, muted(rank.entry.as_str(), sizes.px(24.0)));
        });
        let right_width = sizes.px(330.0);
        let issue_width = (ui.available_width() - right_width).max(sizes.px(120.0));
        column(ui, issue_width, line_height, |ui| {
            // A room reads the titles: on up to two lines, cut with "…" only past the second.
            let issue = entry.map_or("", |entry| entry.issue.as_str());
            let mut job = egui::text::LayoutJob::single_section(
                issue.to_owned(),
                egui::TextFormat::simple(
                    crate::gui::theme::bold_family_size(sizes.px(26.0)),
                    colours::TEXT,
                ),
            );
            job.wrap = egui::text::TextWrapping {
                max_width: issue_width,
                max_rows: 2,
                break_anywhere: false,
                overflow_character: Some('…'),
            };
            let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            ui.add(egui::Label::new(galley).selectable(false))
                .on_hover_text(issue);
        });
        column(ui, sizes.px(150.0), line_height, |ui| {
            tier_tag(ui, rank.tier, sizes.px(24.0));
        });
        column(ui, sizes.px(170.0), line_height, |ui| {
            let words = votes(rank.session_votes);
            if rank.session_votes == 0 {
                label(ui, muted(words, sizes.px(24.0)));
            } else {
                label(ui, bold(words, sizes.px(26.0)));
            }
        });
    });
    row.horizontal(|ui| {
        ui.add_space(rank_width + ui.spacing().item_spacing.x);
        rank_tags(ui, rank, sizes.px(18.0));
        ui.add(
            egui::Label::new(muted(
                entry.map_or_else(String::new, |entry| {
                    reason_line(
                        register,
                        entry,
                        &EntryScores::of(entry, register),
                        entry.votes + rank.session_votes,
                    )
                }),
                sizes.px(23.0),
            ))
            .truncate()
            .selectable(false),
        );
    });
    response
}

/// The participants with the votes each has left, the keys, and the session's buttons.
fn footer_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    participants_ui(ui, register, live, sizes);
    ui.add_space(sizes.px(6.0));
    label(
        ui,
        muted(tr("workshop-entry-1-9-vote-shift"), sizes.px(19.0)),
    );
    ui.add_space(sizes.px(6.0));
    session_buttons_ui(ui, register, live, sizes, commands);
}

/// Each participant with the votes they have left, and + and − buttons for the current entry,
/// as cards of one width in as many rows as they need.
fn participants_ui(ui: &mut Ui, register: &Register, live: &mut Live, sizes: Sizes) {
    let min_width = sizes.px(400.0);
    let gap = sizes.px(10.0);
    let width = ui.available_width();
    let mut per_row = 1;
    while (per_row + 1) as f32 * (min_width + gap) <= width + gap {
        per_row += 1;
    }
    // The cards share the row out evenly, so names get all the room there is.
    let card = Vec2::new(
        (width - gap * (per_row - 1) as f32) / per_row as f32,
        sizes.px(44.0),
    );
    let mut voted = None;
    let mut withdrew = None;
    let participants = live.session.participants();
    for (row_idx, row) in participants.chunks(per_row).enumerate() {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (in_row, participant) in row.iter().enumerate() {
                let participant_idx = row_idx * per_row + in_row;
                let (rect, _) = ui.allocate_exact_size(card, Sense::hover());
                ui.painter()
                    .rect_filled(rect, CornerRadius::same(6), colours::CARD);
                let mut inner = ui.new_child(
                    UiBuilder::new()
                        .max_rect(rect.shrink2(Vec2::new(sizes.px(10.0), 0.0)))
                        .layout(Layout::left_to_right(Align::Center)),
                );
                inner.spacing_mut().item_spacing.x = sizes.px(6.0);
                let (plus, minus) = participant_card_ui(
                    &mut inner,
                    &live.session,
                    participant_idx,
                    &participant.name,
                    live.current.as_ref(),
                    sizes,
                );
                if plus {
                    voted = Some(participant_idx);
                }
                if minus {
                    withdrew = Some(participant_idx);
                }
            }
        });
    }
    if let Some(participant_idx) = voted {
        live.vote(register, participant_idx);
    }
    if let Some(participant_idx) = withdrew {
        live.withdraw(participant_idx);
    }
}

/// One participant's card: number and name, votes left, and whether + or − was clicked.
fn participant_card_ui(
    ui: &mut Ui,
    session: &Session,
    participant_idx: usize,
    name: &str,
    current: Option<&EntryId>,
    sizes: Sizes,
) -> (bool, bool) {
    let budget = session.votes_per_participant();
    let left = session.votes_left(participant_idx);
    // The number is the key that votes for them.
    let number = if participant_idx < 9 {
        format!("{} ", participant_idx + 1)
    } else {
        String::new()
    };
    // Fixed columns, so the cards line up; the name is cut if long.
    let height = ui.available_height();
    let spacing = ui.spacing().item_spacing.x;
    let dots_width = if budget <= 6 {
        sizes.px(14.0) * budget as f32
    } else {
        0.0
    };
    let left_width = sizes.px(72.0);
    let buttons_width = sizes.px(80.0);
    let name_width =
        (ui.available_width() - dots_width - left_width - buttons_width - 3.0 * spacing)
            .max(sizes.px(60.0));
    column(ui, name_width, height, |ui| {
        // A long name goes on two smaller lines rather than be cut.
        let text = format!("{number}{name}");
        let galley = |size: f32, max_rows: usize| {
            let mut job = egui::text::LayoutJob::single_section(
                text.clone(),
                egui::TextFormat::simple(theme::bold_family_size(size), colours::TEXT),
            );
            job.wrap = egui::text::TextWrapping {
                max_width: name_width,
                max_rows,
                break_anywhere: false,
                overflow_character: Some('…'),
            };
            ui.fonts_mut(|fonts| fonts.layout_job(job))
        };
        let one_line = galley(sizes.px(21.0), 1);
        let shown = if one_line.elided {
            galley(sizes.px(16.0), 2)
        } else {
            one_line
        };
        ui.add(egui::Label::new(shown).selectable(false))
            .on_hover_text(&text);
    });
    if budget <= 6 {
        let spent = budget.saturating_sub(left);
        let dots: String = std::iter::repeat_n('●', usize::try_from(left).unwrap_or(0))
            .chain(std::iter::repeat_n(
                '○',
                usize::try_from(spent).unwrap_or(0),
            ))
            .collect();
        column(ui, dots_width, height, |ui| {
            label(ui, text(dots, sizes.px(20.0)));
        });
    }
    column(ui, left_width, height, |ui| {
        let words = tr_args!("workshop-left", left = left);
        if left == 0 {
            label(ui, muted(words, sizes.px(21.0)));
        } else {
            label(ui, bold(words, sizes.px(21.0)));
        }
    });
    let Some(entry) = current else {
        return (false, false);
    };
    let plus = ui
        .add(egui::Button::new(bold("+", sizes.px(20.0))).fill(colours::CURRENT))
        .on_hover_text(tr_args!("workshop-votes-for", name = name, entry = entry))
        .clicked();
    let minus = ui
        .add(egui::Button::new(bold("−", sizes.px(20.0))).fill(colours::CURRENT))
        .on_hover_text(tr_args!(
            "workshop-takes-a-vote-back-from",
            name = name,
            entry = entry
        ))
        .clicked();
    (plus, minus)
}

fn session_buttons_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let button = |words: &str| {
            egui::Button::new(bold(words, sizes.px(20.0)))
                .fill(colours::CARD)
                .stroke(Stroke::new(1.0, colours::MUTED))
        };
        let switch = match live.showing {
            Showing::OneEntry => tr("workshop-ranked-list"),
            Showing::RankedList => tr("workshop-one-entry"),
        };
        if ui.add(button(switch)).clicked() {
            live.act(KeyAction::SwitchShowing, register, commands);
        }
        let fullscreen = if live.is_fullscreen {
            WorkshopCommand::LeaveFullscreen
        } else {
            WorkshopCommand::EnterFullscreen
        };
        if ui.add(button(fullscreen.label())).clicked() {
            commands.push(Command::Workshop(fullscreen));
        }
        if ui
            .add(button(tr("workshop-back-to-the-app")))
            .on_hover_text(tr("workshop-the-session-keeps-running-the"))
            .clicked()
        {
            if live.is_fullscreen {
                commands.push(Command::Workshop(WorkshopCommand::LeaveFullscreen));
            }
            commands.push(Command::ShowView(View::Register));
        }
        reading_order::right_aligned(ui, "presenter-session-buttons", |ui| {
            if ui.add(button(tr("workshop-discard-session"))).clicked() {
                live.dialog = Some(Dialog::ConfirmDiscard);
            }
            if ui.add(button(tr("workshop-end-session"))).clicked() {
                live.dialog = Some(Dialog::ConfirmEnd);
            }
        });
    });
}
