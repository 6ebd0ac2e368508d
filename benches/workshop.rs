//! Workshop sessions over generated registers of 1,000 and 10,000 entries: the live order (what
//! the presenter recomputes after each vote, tier or move) and ending the session.
//!
//! Run with `cargo bench --bench workshop`. The presenter recomputes the order once per change,
//! not per frame, so the target is a key press that feels instant: under 50 ms at 1,000 entries.

use divan::Bencher;
use dpia_core::register::Register;
use dpia_core::register::{Participant, Scope, Tier};
use dpia_core::synthetic;
use dpia_core::workshop::{Direction, Session};

fn main() {
    divan::main();
}

/// A session well under way: 12 participants have spent their 5 votes, 30 entries have tiers
/// and 3 have been moved by hand.
fn session(register: &Register) -> Session {
    let participants = (1..=12)
        .map(|number| Participant {
            name: format!("Organisation {number}"),
            is_pseudonym: number % 3 == 0,
        })
        .collect();
    let mut session = Session::with_participants(
        register,
        "Benchmark workshop",
        jiff::civil::date(2019, 7, 11),
        Scope::All,
        participants,
        5,
    )
    .expect("a session");
    let ids: Vec<_> = register
        .entries
        .iter()
        .map(|entry| entry.id.clone())
        .collect();
    for participant_idx in 0..12 {
        for vote in 0..5 {
            let entry = &ids[(participant_idx * 37 + vote * 11) % ids.len()];
            session
                .vote(register, participant_idx, entry)
                .expect("a vote");
        }
    }
    for (idx, entry) in ids.iter().take(30).enumerate() {
        let tier = Tier::ALL[idx % Tier::ALL.len()];
        session
            .set_tier(register, entry, Some(tier))
            .expect("a tier");
    }
    for entry in ids.iter().skip(100).take(3) {
        session
            .move_entry(register, entry, Direction::Up, "Raised by the group")
            .expect("a move");
    }
    session
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn live_order(bencher: Bencher<'_, '_>, num_entries: usize) {
    let register = synthetic::register(num_entries, 1);
    let session = session(&register);
    bencher.bench(|| session.live_order(divan::black_box(&register)));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn finish(bencher: Bencher<'_, '_>, num_entries: usize) {
    let register = synthetic::register(num_entries, 1);
    let session = session(&register);
    bencher.bench(|| session.finish(divan::black_box(&register), "workshop-2019-07-11"));
}
