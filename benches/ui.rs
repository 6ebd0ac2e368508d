//! The real desktop UI, headless, over a generated 10,000-entry register: CPU time per frame.
//!
//! Each sample is one frame: `DpiaApp::show` inside `egui::Context::run_ui`, then tessellation (the
//! CPU work eframe does before handing triangles to the GPU). Divan reports the median. The target
//! is under 8 ms in release. Before them, `growth::report` prints how each frame grows from 100
//! to 10,000 entries (target under 1.5× for typing, scoring and searching). Run with
//! `CARGO_TARGET_DIR=/work/bench-target cargo bench --bench ui`.

use divan::Bencher;
use dpia_core::edit::{Edit, EntryText};
use dpia_core::register::{Assessment, Stage};
use dpia_core::synthetic;
use dpia_register::gui::{Command, DpiaApp, FileChoosers, Options, Settings};
use egui::{Event, Key, Modifiers, MouseWheelUnit, Pos2, RawInput, Rect, Vec2};

fn main() {
    growth::report();
    divan::main();
}

const NUM_ENTRIES: usize = 10_000;
const SCREEN: Vec2 = Vec2::new(1400.0, 900.0);
/// A projector or small laptop: the narrow layout (folded sidebar, search in the menu row).
const SMALL_SCREEN: Vec2 = Vec2::new(1024.0, 700.0);
/// A point over the register table.
const OVER_TABLE: Pos2 = Pos2::new(700.0, 250.0);

/// The app in a headless egui context, with a frame clock.
struct Window {
    ctx: egui::Context,
    app: DpiaApp,
    time: f64,
    screen: Vec2,
}

impl Window {
    fn new() -> Self {
        Self::sized(NUM_ENTRIES, SCREEN)
    }

    /// The app over a generated register of `entries`, in a `screen`-sized window.
    fn sized(entries: usize, screen: Vec2) -> Self {
        let options = Options {
            today: jiff::civil::date(2019, 7, 11),
            file_choosers: FileChoosers::PathField,
            settings: Settings::default(),
        };
        let app = DpiaApp::with_register(synthetic::register(entries, 1), None, options);
        let mut window = Self {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
            screen,
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
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, self.screen)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let mut output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        // No GPU here to take the font texture; said so, so a debug build does not complain.
        output.textures_delta.clear();
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
/// changes (a text edit: no re-ranking, and the rows stay as they are).
#[divan::bench(sample_count = 300, sample_size = 1)]
fn typing_frame(bencher: Bencher<'_, '_>) {
    typing(bencher, Window::new());
}

/// `typing_frame` at 1024 × 700, the narrow layout.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn typing_frame_1024(bencher: Bencher<'_, '_>) {
    typing(bencher, Window::sized(NUM_ENTRIES, SMALL_SCREEN));
}

/// `idle_frame` at 1024 × 700, the narrow layout.
#[divan::bench(sample_count = 300, sample_size = 1)]
fn idle_frame_1024(bencher: Bencher<'_, '_>) {
    let mut window = Window::sized(NUM_ENTRIES, SMALL_SCREEN);
    let mut step = 0.0;
    bencher.bench_local(|| {
        step += 1.0;
        let pointer = OVER_TABLE + Vec2::new(0.0, (step % 50.0) * 2.0);
        window.frame(vec![Event::PointerMoved(pointer)])
    });
}

fn typing(bencher: Bencher<'_, '_>, mut window: Window) {
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

/// How a frame's cost grows with the register: each operation timed on 100 and on 10,000
/// entries, the two interleaved sample by sample in one run (so load on the machine falls on
/// both alike), and the ratio of the medians printed. The target is under 1.5× for typing,
/// scoring and searching.
mod growth {
    use std::time::{Duration, Instant};

    use super::{
        Assessment, Command, Edit, EntryText, Event, Key, Modifiers, MouseWheelUnit, OVER_TABLE,
        SCREEN, Stage, Vec2, Window,
    };

    const SAMPLES: usize = 300;
    const SMALL: usize = 100;
    const LARGE: usize = 10_000;

    /// One operation's state in one window: what the next frame does.
    struct Operation {
        window: Window,
        step: u32,
        text: String,
    }

    #[derive(Clone, Copy)]
    enum Kind {
        Idle,
        Scrolling,
        Typing,
        Scoring,
        Searching,
    }

    impl Kind {
        const ALL: [Self; 5] = [
            Self::Idle,
            Self::Scrolling,
            Self::Typing,
            Self::Scoring,
            Self::Searching,
        ];

        fn name(self) -> &'static str {
            match self {
                Self::Idle => "idle",
                Self::Scrolling => "scrolling",
                Self::Typing => "typing",
                Self::Scoring => "scoring",
                Self::Searching => "searching",
            }
        }
    }

    impl Operation {
        fn new(kind: Kind, entries: usize) -> Self {
            let mut window = Window::sized(entries, SCREEN);
            if let Kind::Searching = kind {
                window.frame(vec![Event::Key {
                    key: Key::F,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: Modifiers::COMMAND,
                }]);
                window.frame(vec![Event::Text("custody".to_owned())]);
            }
            Self {
                window,
                step: 0,
                text: String::new(),
            }
        }

        /// Runs one frame of `kind` and returns its time.
        fn frame(&mut self, kind: Kind) -> Duration {
            self.step += 1;
            let step = self.step;
            let window = &mut self.window;
            let start = Instant::now();
            match kind {
                Kind::Idle => {
                    let pointer = OVER_TABLE
                        + Vec2::new(0.0, f32::from(u8::try_from(step % 100).unwrap_or(0)) * 2.0);
                    window.frame(vec![Event::PointerMoved(pointer)]);
                }
                Kind::Scrolling => {
                    let direction = if (step / 30).is_multiple_of(2) {
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
                    ]);
                }
                Kind::Typing => {
                    let entry = window.selected();
                    self.text.push('ŵ');
                    window.app.push(Command::Edit(Edit::SetEntryText {
                        entry,
                        field: EntryText::Concern,
                        text: self.text.clone(),
                    }));
                    window.frame(vec![Event::PointerMoved(OVER_TABLE)]);
                }
                Kind::Scoring => {
                    let entry = window.selected();
                    let right = window
                        .app
                        .register()
                        .entry(&entry)
                        .and_then(|e| e.impacts.first())
                        .map(|impact| impact.right.clone());
                    if let Some(right) = right {
                        let severity = u8::try_from(step % 4).unwrap_or(0) + 1;
                        window.app.push(Command::Edit(Edit::SetImpact {
                            entry,
                            right,
                            stage: Stage::Inherent,
                            assessment: Assessment::from_values(severity, 3),
                        }));
                    }
                    window.frame(vec![Event::PointerMoved(OVER_TABLE)]);
                }
                Kind::Searching => {
                    let event = if step.is_multiple_of(2) {
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
                    window.frame(vec![event]);
                }
            }
            start.elapsed()
        }
    }

    fn median(mut times: Vec<Duration>) -> Duration {
        times.sort();
        times.get(times.len() / 2).copied().unwrap_or_default()
    }

    /// Prints, for each operation, the medians at 100 and 10,000 entries and their ratio.
    #[expect(
        clippy::print_stdout,
        reason = "the report is the bench's output, beside divan's table"
    )]
    pub(super) fn report() {
        // Fewer samples for a quick look (a debug build, say): `DPIA_GROWTH_SAMPLES=30`.
        let samples = std::env::var("DPIA_GROWTH_SAMPLES")
            .ok()
            .and_then(|text| text.parse().ok())
            .unwrap_or(SAMPLES);
        println!(
            "ui growth: median frame, {SMALL} against {LARGE} entries, {samples} interleaved samples each"
        );
        // Only some, for a quick look: `DPIA_GROWTH_ONLY=scoring,searching`.
        let only = std::env::var("DPIA_GROWTH_ONLY").unwrap_or_default();
        for kind in Kind::ALL {
            if !only.is_empty() && !only.split(',').any(|name| name == kind.name()) {
                continue;
            }
            let mut small = Operation::new(kind, SMALL);
            let mut large = Operation::new(kind, LARGE);
            let (mut small_times, mut large_times) = (Vec::new(), Vec::new());
            for _ in 0..samples {
                small_times.push(small.frame(kind));
                large_times.push(large.frame(kind));
            }
            let (small_median, large_median) = (median(small_times), median(large_times));
            let ratio = large_median.as_secs_f64() / small_median.as_secs_f64().max(1e-9);
            println!(
                "  {:<10} {:>9.3} ms {:>9.3} ms   {ratio:.2}×",
                kind.name(),
                small_median.as_secs_f64() * 1000.0,
                large_median.as_secs_f64() * 1000.0,
            );
        }
    }
}
