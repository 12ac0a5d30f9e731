//! Scores the tagger (the whole suggestion path of `jiaodui tag`, one sentence at a time) against
//! an annotated file: exact-span precision, recall and F1 per type and micro-averaged.
//!
//! ```text
//! cargo run --release --no-default-features --example eval_tagger -- FILE.jsonl
//! cargo run --release --no-default-features --example eval_tagger -- --format bio FILE.bio
//! ```
//!
//! JSONL is scored in the project's conventions over all four types. `--format bio` reads People's
//! Daily 1998 style (a char and its BIO label per line): PER, LOC and ORG are scored against
//! PERSON, PLACE and ORG; the tagger's TITLE spans are left out, since that corpus never tags
//! titles. `--errors` prints every miss and every false suggestion. The weights used are the
//! shipped ones, or those of the file named by `JIAODUI_ENTITY_WEIGHTS`.

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{Score, kind_of, read_bio, read_jsonl};
use jiaodui::pipeline::entities::Tagger;

fn main() {
    let mut bio = false;
    let mut errors = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => bio = args.next().as_deref() == Some("bio"),
            "--errors" => errors = true,
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("usage: eval_tagger [--format bio] [--errors] FILE...");
        std::process::exit(2);
    }
    let tagger = Tagger::new();
    let title = kind_of("TITLE").expect("TITLE is a kind");
    let mut score = Score::default();
    let mut sentences = 0;
    for path in &files {
        let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let annotated = if bio {
            read_bio(&content)
        } else {
            read_jsonl(&content)
        };
        for a in annotated {
            sentences += 1;
            let found: Vec<(usize, usize, usize)> = tagger
                .tag(&a.text)
                .iter()
                .filter_map(|s| Some((kind_of(s.kind.code())?, s.start, s.end)))
                .filter(|&(k, _, _)| !(bio && k == title))
                .collect();
            if errors {
                let chars: Vec<char> = a.text.chars().collect();
                let show = |(k, s, e): (usize, usize, usize)| {
                    format!(
                        "{}:{}",
                        ["PERSON", "TITLE", "ORG", "PLACE"][k],
                        chars[s..e].iter().collect::<String>()
                    )
                };
                let missed: Vec<String> = a
                    .spans
                    .iter()
                    .filter(|g| !found.contains(g))
                    .map(|&g| show(g))
                    .collect();
                let wrong: Vec<String> = found
                    .iter()
                    .filter(|f| !a.spans.contains(f))
                    .map(|&f| show(f))
                    .collect();
                if !missed.is_empty() || !wrong.is_empty() {
                    println!("{}\n    missed {missed:?}\n    wrong  {wrong:?}", a.text);
                }
            }
            score.add(&a.spans, &found);
        }
    }
    println!("{sentences} sentences");
    if bio {
        print!("{}", score.table(&[(0, "PER"), (3, "LOC"), (2, "ORG")]));
    } else {
        print!(
            "{}",
            score.table(&[(0, "PERSON"), (1, "TITLE"), (2, "ORG"), (3, "PLACE")])
        );
    }
}
