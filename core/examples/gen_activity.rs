//! Writes a deterministic raw-activity CSV (`customer_id,date,amount`) of about the requested
//! size, with churn realistic enough for an interesting triangle: customers arrive every month
//! (a little more each month), each has their own monthly churn probability (a mix of loyal and
//! fickle customers, so retention curves flatten as in Fader & Hardie's sBG), sometimes skips a
//! month without leaving, has one to three events in an active month, and sometimes upgrades.
//!
//! Usage: `cargo run --release --example gen_activity -- <target_mb> <seed> <out.csv>`
//! About 26 bytes a row: 50 MB is about 1.9 million rows.

use std::fs::File;
use std::io::{BufWriter, Write};

/// SplitMix64: tiny, deterministic across platforms, good enough for a simulation.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Customer {
    id: u32,
    churn: f64,
    price: f64,
}

/// Monthly churn probabilities and their shares: heterogeneity makes survivors ever more loyal.
const SEGMENTS: [(f64, f64); 5] = [
    (0.02, 0.25),
    (0.06, 0.25),
    (0.12, 0.2),
    (0.25, 0.15),
    (0.5, 0.15),
];
const PRICES: [f64; 4] = [9.0, 19.0, 49.0, 99.0];

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: gen_activity <target_mb> <seed> <out.csv>");
        std::process::exit(2);
    }
    let target_mb: f64 = args[1].parse().expect("target_mb is a number");
    let seed: u64 = args[2].parse().expect("seed is a whole number");
    let target = (target_mb * 1_000_000.0) as u64;
    let mut rng = Rng(seed);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&args[3])?);
    let mut written = out.write(b"customer_id,date,amount\n")? as u64;
    // About 36 months of history whatever the size: scale the arrivals to the target.
    let mut arrivals = (target as f64 / (36.0 * 300.0)).max(1.0);
    let (mut year, mut month) = (2022u32, 1u32);
    let mut alive: Vec<Customer> = Vec::new();
    let mut next_id = 1u32;
    let mut rows = 0u64;
    let mut line = String::with_capacity(64);
    'months: loop {
        let new = (arrivals * (0.9 + 0.2 * rng.unit())) as u32;
        for _ in 0..new {
            let mut pick = rng.unit();
            let mut churn = SEGMENTS[0].0;
            for (c, share) in SEGMENTS {
                churn = c;
                if pick < share {
                    break;
                }
                pick -= share;
            }
            let price = PRICES[rng.below(PRICES.len() as u64) as usize];
            alive.push(Customer {
                id: next_id,
                churn,
                price,
            });
            next_id += 1;
        }
        let days = days_in_month(year, month);
        let first_new = alive.len() - new as usize;
        for (i, c) in alive.iter_mut().enumerate() {
            // New customers are active in their first month; others skip one month in ten
            // without leaving (exact and "on or after" retention then differ).
            if i < first_new && rng.unit() < 0.1 {
                continue;
            }
            if rng.unit() < 0.03 {
                c.price *= 1.5; // an upgrade: expansion revenue for NRR > GRR
            }
            let events = 1 + u32::from(rng.unit() < 0.4) + u32::from(rng.unit() < 0.1);
            for _ in 0..events {
                let day = 1 + rng.below(u64::from(days)) as u32;
                line.clear();
                use std::fmt::Write as _;
                let _ = writeln!(
                    line,
                    "C{:07},{year:04}-{month:02}-{day:02},{:.2}",
                    c.id,
                    c.price / f64::from(events)
                );
                out.write_all(line.as_bytes())?;
                written += line.len() as u64;
                rows += 1;
                if written >= target {
                    break 'months;
                }
            }
        }
        // Churn at the end of the month.
        alive.retain(|c| rng_keep(&mut rng, c.churn));
        arrivals *= 1.02;
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
    }
    out.flush()?;
    eprintln!(
        "wrote {written} bytes, {rows} rows, {} customers, last month {year:04}-{month:02}",
        next_id - 1
    );
    Ok(())
}

fn rng_keep(rng: &mut Rng, churn: f64) -> bool {
    rng.unit() >= churn
}
