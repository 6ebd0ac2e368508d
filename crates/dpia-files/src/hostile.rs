//! Generated registers with hostile text (formula leads, line breaks, quotes, separators, escapes,
//! Welsh, emoji), for the round-trip property tests of the CSV and workbook formats.

use dpia_core::register::{Attendance, Register, Scope, Workshop};

fn workshop(title: &str) -> Workshop {
    Workshop {
        title: title.to_owned(),
        date: jiff::civil::date(2019, 7, 11),
        scope: Scope::All,
        attendance: Attendance::Anonymous { count: 3 },
        votes_per_participant: 3,
        votes: Vec::new(),
        ballots: Vec::new(),
        tiers: Vec::new(),
        moves: Vec::new(),
        final_order: Vec::new(),
        snapshot_label: String::new(),
    }
}

/// A deterministic generator (xorshift64*), so the property test repeats exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    /// Text made of pieces spreadsheets and CSV readers stumble on.
    fn hostile(&mut self) -> String {
        const PIECES: [&str; 30] = [
            "=SUM(A1:A3)",
            "+44 20",
            "-1",
            "@cmd",
            "\t",
            "\r",
            "\n",
            "\r\n",
            ",",
            ";",
            "\"",
            "'",
            "''=",
            "\\",
            "\\n",
            "\\e",
            "\\\\",
            " ",
            "  lead",
            "trail  ",
            "Gŵyr",
            "Minutes, 2019-02-30",
            "2019-13-01",
            "privacy=3x4",
            "a: b",
            "\u{feff}",
            "é",
            "🙂",
            "x",
            "Normal words",
        ];
        (0..self.below(5))
            .map(|_| PIECES[self.below(PIECES.len())])
            .collect()
    }
}

/// A generated register with hostile text in every free-text field, that `check` accepts.
pub(crate) fn register(seed: u64) -> Register {
    use dpia_core::register::{
        AcceptanceDecision, Benefit, PolicingPurpose, PurposeBenefit, RiskAcceptance,
    };
    let mut rng = Rng(seed);
    let mut register = dpia_core::synthetic::register(12, seed);
    register.metadata.title = format!("{}title", rng.hostile());
    register.metadata.purpose = rng.hostile();
    register.metadata.owner = rng.hostile();
    register.systems[0].description = rng.hostile();
    register.rights[0].name = format!("{}right", rng.hostile());
    register.workshops.push(workshop(&rng.hostile()));
    for entry in &mut register.entries {
        entry.issue = format!("{}{}", rng.hostile(), "issue");
        entry.concern = rng.hostile();
        entry.category = rng.hostile();
        entry.balancing.note = rng.hostile();
        entry.source.document = rng.hostile();
        if rng.below(2) == 0 {
            entry.source.date = None;
        }
        entry.affected_groups = (0..rng.below(3)).map(|_| rng.hostile()).collect();
        for mitigation in &mut entry.mitigations {
            mitigation.text = format!("{}m{}", rng.hostile(), rng.hostile());
            mitigation.owner = rng.hostile();
            if rng.below(2) == 0 {
                mitigation.due = Some(jiff::civil::date(2026, 1, 31));
            }
        }
        for impact in &mut entry.impacts {
            impact.note = rng.hostile();
        }
        if rng.below(3) == 0 {
            entry.balancing.purposes = vec![PurposeBenefit {
                purpose: PolicingPurpose::ALL[rng.below(5)],
                benefit: Benefit::new(3).unwrap(),
            }];
        }
        if rng.below(3) == 0 {
            entry.acceptance = Some(RiskAcceptance {
                decision: AcceptanceDecision::NotAccepted,
                name: rng.hostile(),
                role: rng.hostile(),
                date: jiff::civil::date(2026, 2, 1),
                rationale: rng.hostile(),
            });
        }
    }
    register
}
