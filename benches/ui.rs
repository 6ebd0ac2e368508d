//! The real desktop UI, headless, over a generated 10,000-entry register: CPU time per frame.
//!
//! Each sample is one frame: `DpiaApp::show` inside `egui::Context::run_ui`, then tessellation (the
//! CPU work eframe does before handing triangles to the GPU). Divan reports the median. The target
//! is under 8 ms in release. Run with
//! `CARGO_TARGET_DIR=/work/bench-target cargo bench --bench ui`.

use divan::Bencher;
use dpia_core::edit::{Edit, EntryText};
use dpia_core::register::{Assessment, Stage};
use dpia_core::synthetic;
use dpia_register::gui::{Command, DpiaApp, FileChoosers, Options, Settings};
use egui::{Event, Key, Modifiers, MouseWheelUnit, Pos2, RawInput, Rect, Vec2};

fn main() {
    divan::main();
}

const NUM_ENTRIES: usize = 10_000;
const SCREEN: Vec2 = Vec2::new(1400.0, 900.0);
/// A point over the register table.
const OVER_TABLE: Pos2 = Pos2::new(700.0, 250.0);

/// The app in a headless egui context, with a frame clock.
struct Window {
    ctx: egui::Context,
    app: DpiaApp,
    time: f64,
}

impl Window {
    fn new() -> Self {
        let options = Options {
            today: jiff::civil::date(2019, 7, 11),
            file_choosers: FileChoosers::PathField,
            settings: Settings::default(),
        };
        let app = DpiaApp::with_register(synthetic::register(NUM_ENTRIES, 1), None, options);
        let mut window = Self {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
        };
        // Warm up: fonts, layout caches, the first ranking.
        for _ in 0..5 {
            window.frame(vec![Event::PointerMoved(OVER_TABLE)]);
        }
        window
    }

    /// Runs one frame with `events` and tessellates its shapes, as eframe would.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }

    fn selected(&self) -> dpia_core::register::EntryId {
        self.app
            .selection()
            .cloned()
            .expect("the top priority is selected at start")
    }
}

/// A frame with only the pointer moving over the table (hover highlights change).
#[divan::bench(sample_count = 300, sample_size = 1)]
fn idle_frame(bencher: Bencher<'_, '_>) {
    let mut window = Window::new();
    let mut step = 0.0;
    bencher.bench_local(|| {
        step += 1.0;
        let pointer = OVER_TABLE + Vec2::new(0.0, (step % 100.0) * 2.0);
        window.frame(vec![Event::PointerMoved(pointer)])
    });
}

/// A frame scrolling the register table by three lines.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn scrolling_frame(bencher: Bencher<'_, '_>) {
    let mut window = Window::new();
    let mut frames = 0_u32;
    bencher.bench_local(|| {
        frames += 1;
        // Down for a while, then back up, so the table never runs out of rows.
        let direction = if (frames / 100).is_multiple_of(2) {
            -1.0
        } else {
            1.0
        };
        window.frame(vec![
            Event::PointerMoved(OVER_TABLE),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: Vec2::new(0.0, direction * 90.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: Modifiers::NONE,
            },
        ])
    });
}

/// A frame in which one character is typed into the selected entry's concern: the register
/// changes, so ranking, filtering and the table are recomputed.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn typing_frame(bencher: Bencher<'_, '_>) {
    let mut window = Window::new();
    let entry = window.selected();
    let mut concern = String::new();
    bencher.bench_local(|| {
        concern.push('ŵ');
        window.app.push(Command::Edit(Edit::SetEntryText {
            entry: entry.clone(),
            field: EntryText::Concern,
            text: concern.clone(),
        }));
        window.frame(vec![Event::PointerMoved(OVER_TABLE)])
    });
}

/// A frame in which a severity is picked in the impact grid: a new undo step (a snapshot of the
/// register) and a new ranking.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn scoring_frame(bencher: Bencher<'_, '_>) {
    let mut window = Window::new();
    let entry = window.selected();
    let right = window
        .app
        .register()
        .entry(&entry)
        .and_then(|e| e.impacts.first())
        .map(|impact| impact.right.clone())
        .expect("generated entries have impacts");
    let mut severity = 1;
    bencher.bench_local(|| {
        severity = severity % 4 + 1;
        window.app.push(Command::Edit(Edit::SetImpact {
            entry: entry.clone(),
            right: right.clone(),
            stage: Stage::Inherent,
            assessment: Assessment::from_values(severity, 3),
        }));
        window.frame(vec![Event::PointerMoved(OVER_TABLE)])
    });
}

/// A frame in which a letter is typed into (or deleted from) the search box: the 10,000 entries
/// are searched again.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn searching_frame(bencher: Bencher<'_, '_>) {
    let mut window = Window::new();
    window.frame(vec![Event::Key {
        key: Key::F,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    }]);
    window.frame(vec![Event::Text("custody".to_owned())]);
    let mut frames = 0_u32;
    bencher.bench_local(|| {
        frames += 1;
        let event = if frames.is_multiple_of(2) {
            Event::Text("s".to_owned())
        } else {
            Event::Key {
                key: Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            }
        };
        window.frame(vec![event])
    });
}
