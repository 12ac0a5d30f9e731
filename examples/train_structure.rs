//! Trains the line model of structure recovery and writes its weights.
//!
//! ```text
//! cargo run --release --no-default-features --example train_structure -- \
//!     --data /path/to/pd2020 --seed 1 --epochs 6 --out assets/models/structure/lines.bin
//! ```
//!
//! The pages are rebuilt from a newspaper archive of one file per article (see
//! `structure_pages`): the months 2020-01 and 2020-02 train; 2020-05 is the development split
//! and is never read here. Every page is laid out in both layouts, a quarter of them as a local
//! bulletin (`本报讯`, closing `记者 王某`), with fresh random cuts each epoch. The sample
//! bulletin shipped with the program (with its hand-made gold) is training data too. The same
//! seed gives the same weights.

#[path = "structure_pages/mod.rs"]
mod structure_pages;

use std::path::PathBuf;

use jiaodui::pipeline::structure::{Trainer, training_sequence};
use structure_pages::{Layout, Rng, as_bulletin, lay_out, read_pages, reporter_pool, sample_page};

/// How often the sample bulletin is learned from in each epoch (it is one page among hundreds,
/// and the only one of its kind with a gold made by hand).
const SAMPLE_REPEATS: usize = 3;

/// The training months; 2020-05 is kept for development.
const TRAIN_MONTHS: &[&str] = &["2020-01", "2020-02"];

fn main() {
    let mut data = PathBuf::from("corpora/pd2020");
    let mut seed = 1u64;
    let mut epochs = 6usize;
    let mut out = PathBuf::from("assets/models/structure/lines.bin");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()),
            "--seed" => seed = value().parse().expect("--seed takes a number"),
            "--epochs" => epochs = value().parse().expect("--epochs takes a number"),
            "--out" => out = PathBuf::from(value()),
            other => panic!("unknown argument {other}; see the doc comment of this example"),
        }
    }
    let pages = read_pages(&data, TRAIN_MONTHS);
    let names = reporter_pool(&pages);
    eprintln!(
        "{} pages, {} articles, {} reporter names",
        pages.len(),
        pages.iter().map(Vec::len).sum::<usize>(),
        names.len()
    );
    let mut rng = Rng::new(seed);
    let mut trainer = Trainer::new();
    let mut order: Vec<usize> = (0..pages.len()).collect();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut total) = (0, 0);
        for &p in &order {
            for layout in [Layout::Clean, Layout::Scanned] {
                let bulletin = rng.chance(0.25);
                let articles: Vec<_> = if bulletin {
                    pages[p]
                        .iter()
                        .map(|a| as_bulletin(a, &names, &mut rng))
                        .collect()
                } else {
                    pages[p].clone()
                };
                let page = lay_out(&articles, layout, &mut rng);
                let Some(sequence) = training_sequence(&page.text, |n| page.role(n)) else {
                    continue;
                };
                total += sequence.len();
                wrong += trainer.learn(&sequence);
            }
        }
        let sample = sample_page();
        let sequence = training_sequence(&sample.text, |n| sample.role(n))
            .expect("every content line of the sample has a gold role");
        for _ in 0..SAMPLE_REPEATS {
            wrong += trainer.learn(&sequence);
            total += sequence.len();
        }
        eprintln!(
            "epoch {}: {wrong} of {total} lines wrong while learning ({:.4})",
            epoch + 1,
            wrong as f64 / total.max(1) as f64
        );
    }
    let bytes = trainer.averaged().to_bytes();
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
}
