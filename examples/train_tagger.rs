//! Trains the entity model and writes its weights.
//!
//! ```text
//! cargo run --release --no-default-features --example train_tagger -- --seed 1 --epochs 8 \
//!     --jsonl assets/training/entities/train-*.jsonl --jsonl tests/fixtures/entities/news.jsonl \
//!     --cluener corpora/ner/cluener-train.json --pd1998 corpora/ner/pd1998-dev.bio \
//!     --project office.jiaodui.ron --dev dev.jsonl --out assets/models/entities.bin
//! ```
//!
//! Options: `--jsonl FILE` (repeatable; the project's conventions, all four kinds),
//! `--jsonl-untitled FILE` (repeatable; the same conventions with titles left unannotated, so the
//! chars outside its spans may be titles), `--cluener
//! FILE`, `--pd1998 FILE` (People's Daily 1998 BIO), `--project FILE` (repeatable; an editor's
//! corrected project: its confirmed spans and rejections as partial gold), `--weight-cluener W`,
//! `--weight-pd1998 W` (how much an error on those corpora moves the weights; 1 by default),
//! `--partial` (chars a public corpus leaves outside may be titles: PD1998 never tags them),
//! `--dev FILE` (repeatable JSONL scored after every epoch, never trained on), `--epochs N`,
//! `--seed N`, `--prune X` (weights below X in size are dropped), `--without-rules PREFIX`
//! (repeatable: the model does not see the firings of the rules whose ids start with it, e.g.
//! `place:`; for measuring what a family of rules adds on the development split), `--out FILE`.

#[path = "common/corpus.rs"]
mod corpus;

use std::time::Instant;

use corpus::{Annotated, Score, kind_of, read_bio, read_cluener, read_jsonl};
use jiaodui::formats::project;
use jiaodui::pipeline::entities::Tagger;
use jiaodui::pipeline::entities::sequence::{
    self, Observation, Weights, features::hard_masks, labels, learn::Learner, taught,
};

struct Options {
    jsonl: Vec<String>,
    jsonl_untitled: Vec<String>,
    cluener: Option<String>,
    pd1998: Option<String>,
    pd1998_holdout: usize,
    projects: Vec<String>,
    dev: Vec<String>,
    weight_cluener: f32,
    weight_pd1998: f32,
    partial: bool,
    epochs: usize,
    seed: u64,
    prune: f32,
    without_rules: Vec<String>,
    out: String,
}

fn parse() -> Options {
    let mut o = Options {
        jsonl: Vec::new(),
        jsonl_untitled: Vec::new(),
        cluener: None,
        pd1998: None,
        pd1998_holdout: 0,
        projects: Vec::new(),
        dev: Vec::new(),
        weight_cluener: 1.0,
        weight_pd1998: 1.0,
        partial: false,
        epochs: 8,
        seed: 1,
        prune: 0.0,
        without_rules: Vec::new(),
        out: "assets/models/entities.bin".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--jsonl" => o.jsonl.push(value()),
            "--jsonl-untitled" => o.jsonl_untitled.push(value()),
            "--cluener" => o.cluener = Some(value()),
            "--pd1998" => o.pd1998 = Some(value()),
            "--project" => o.projects.push(value()),
            "--pd1998-holdout" => o.pd1998_holdout = value().parse().expect("a number"),
            "--dev" => o.dev.push(value()),
            "--weight-cluener" => o.weight_cluener = value().parse().expect("a number"),
            "--weight-pd1998" => o.weight_pd1998 = value().parse().expect("a number"),
            "--partial" => o.partial = true,
            "--epochs" => o.epochs = value().parse().expect("a number"),
            "--seed" => o.seed = value().parse().expect("a number"),
            "--prune" => o.prune = value().parse().expect("a number"),
            "--without-rules" => o.without_rules.push(value()),
            "--out" => o.out = value(),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// A training sentence: what the model sees, the gold masks, how much an error on it counts.
struct Example {
    obs: Observation,
    gold: Vec<labels::Mask>,
    hard: Vec<labels::Mask>,
    rate: f32,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Observations of `texts`, computed on every core, in order.
fn observe_all(tagger: &Tagger, texts: &[String]) -> Vec<Observation> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = texts.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|t| tagger.observe(t)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("observing panicked"))
            .collect()
    })
}

/// A small deterministic generator for the shuffles (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn main() {
    let o = parse();
    let started = Instant::now();
    let tagger = Tagger::with_weights(Weights::default()).without_rule_features(&o.without_rules);
    let title = kind_of("TITLE").expect("TITLE is a kind");

    let mut sentences: Vec<(Annotated, f32)> = Vec::new();
    let mut pd_dev: Vec<Annotated> = Vec::new();
    for path in &o.jsonl {
        let read = read_jsonl(&read(path));
        eprintln!("{path}: {} sentences", read.len());
        sentences.extend(read.into_iter().map(|a| (a, 1.0)));
    }
    for path in &o.jsonl_untitled {
        let read = read_jsonl(&read(path));
        eprintln!("{path}: {} sentences, titles left open", read.len());
        sentences.extend(read.into_iter().map(|mut a| {
            a.open_outside_to(title);
            (a, 1.0)
        }));
    }
    if let Some(path) = &o.cluener {
        let read = read_cluener(&read(path));
        eprintln!("{path}: {} sentences (CLUENER)", read.len());
        sentences.extend(read.into_iter().map(|a| (a, o.weight_cluener)));
    }
    if let Some(path) = &o.pd1998 {
        let mut read = read_bio(&read(path));
        let held = read.split_off(read.len().saturating_sub(o.pd1998_holdout));
        eprintln!(
            "{path}: {} sentences (PD1998), {} held out",
            read.len(),
            held.len()
        );
        pd_dev = held;
        sentences.extend(read.into_iter().map(|mut a| {
            if o.partial {
                a.open_outside_to(title);
            }
            (a, o.weight_pd1998)
        }));
    }
    for path in &o.projects {
        let p =
            project::load(std::path::Path::new(path)).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let read = taught::from_project(&p);
        eprintln!(
            "{path}: {} fields with confirmed spans or rejections",
            read.len()
        );
        sentences.extend(read.into_iter().map(|t| {
            (
                Annotated {
                    text: t.text,
                    spans: Vec::new(),
                    gold: t.masks,
                },
                1.0,
            )
        }));
    }
    let texts: Vec<String> = sentences.iter().map(|(a, _)| a.text.clone()).collect();
    let observations = observe_all(&tagger, &texts);
    let mut examples: Vec<Example> = sentences
        .into_iter()
        .zip(observations)
        .map(|((a, rate), obs)| {
            let chars: Vec<char> = a.text.chars().collect();
            Example {
                obs,
                hard: hard_masks(&chars),
                gold: a.gold,
                rate,
            }
        })
        .filter(|e| e.obs.len() == e.gold.len() && !e.gold.is_empty())
        .collect();
    eprintln!(
        "{} training sentences observed in {:.1} s",
        examples.len(),
        started.elapsed().as_secs_f64()
    );

    let mut dev: Vec<(Annotated, Observation)> = Vec::new();
    for path in &o.dev {
        let read = read_jsonl(&read(path));
        let texts: Vec<String> = read.iter().map(|a| a.text.clone()).collect();
        dev.extend(read.into_iter().zip(observe_all(&tagger, &texts)));
    }

    let pd_texts: Vec<String> = pd_dev.iter().map(|a| a.text.clone()).collect();
    let pd_dev: Vec<(Annotated, Observation)> = pd_dev
        .into_iter()
        .zip(observe_all(&tagger, &pd_texts))
        .collect();

    let mut rng = Rng(o.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut learner = Learner::new();
    for epoch in 1..=o.epochs {
        rng.shuffle(&mut examples);
        let mut errors = 0;
        for e in &examples {
            if learner.learn(None, &e.obs, &e.gold, Some(&e.hard), e.rate) {
                errors += 1;
            }
        }
        let mut line = format!(
            "epoch {epoch}: {errors} of {} sentences wrong, {} features, {:.1} s",
            examples.len(),
            learner.current().features(),
            started.elapsed().as_secs_f64()
        );
        if !dev.is_empty() || !pd_dev.is_empty() {
            let averaged = learner.averaged(o.prune);
            if !pd_dev.is_empty() {
                let score = score_dev(&averaged, &pd_dev);
                let (_, _, f) = score.micro(&[0, 2, 3]);
                line.push_str(&format!("; PD1998 held-out PER/ORG/LOC F1 {f:.3}"));
            }
            let score = score_dev(&averaged, &dev);
            let (p, r, f) = score.micro(&[0, 1, 2, 3]);
            line.push_str(&format!("; dev micro P {p:.3} R {r:.3} F1 {f:.3}"));
            if epoch == o.epochs {
                eprintln!(
                    "{}",
                    score.table(&[(0, "PERSON"), (1, "TITLE"), (2, "ORG"), (3, "PLACE")])
                );
            }
        }
        eprintln!("{line}");
    }
    let weights = learner.averaged(o.prune);
    let bytes = weights.to_bytes();
    std::fs::write(&o.out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", o.out));
    eprintln!(
        "wrote {}: {} features, {:.1} MB",
        o.out,
        weights.features(),
        bytes.len() as f64 / 1e6
    );
}

/// The model alone (no bylines) on the development sentences.
fn score_dev(weights: &Weights, dev: &[(Annotated, Observation)]) -> Score {
    let mut score = Score::default();
    for (a, obs) in dev {
        let chars: Vec<char> = a.text.chars().collect();
        let masks = hard_masks(&chars);
        let found: Vec<(usize, usize, usize)> = sequence::suggest(&[weights], obs, Some(&masks))
            .into_iter()
            .map(|s| (s.kind, s.start, s.end))
            .collect();
        score.add(&a.spans, &found);
    }
    score
}
