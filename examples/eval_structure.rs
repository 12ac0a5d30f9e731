//! Scores structure recovery on the development split, for each layout: article-start F1,
//! exact-paragraph F1, headline-block accuracy (kicker + headline + deck as one string) and
//! role accuracy per kind.
//!
//! ```text
//! cargo run --release --no-default-features --example eval_structure -- \
//!     --data /path/to/pd2020 --month 2020-05 --seed 1 [--weights other.bin] [--bulletin]
//! ```
//!
//! Without `--weights` the shipped weights are scored. `--bulletin` lays every article out as a
//! local bulletin (`本报讯`, closing `记者 王某`). `--file PATH` prints the role of each line of
//! one text instead; `--show N` prints the first N lines read wrong. The pages are built as in training
//! (`structure_pages`), from a month the trainer never reads.

#[path = "structure_pages/mod.rs"]
mod structure_pages;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jiaodui::pipeline::structure::{LineRole, Model, explain_lines, line_roles, recover_with};
use structure_pages::{Layout, Rng, as_bulletin, lay_out, read_pages, reporter_pool};

#[derive(Default)]
struct Counts {
    starts: [usize; 3],
    paragraphs: [usize; 3],
    blocks: [usize; 2],
    /// gold role → (right, total)
    roles: BTreeMap<LineRole, (usize, usize)>,
    /// (gold, predicted) → count, for the confusions
    confusions: BTreeMap<(LineRole, LineRole), usize>,
}

/// Adds the overlap of two sets to `[hits, predicted, gold]`.
fn tally<T: Ord>(counts: &mut [usize; 3], predicted: &BTreeSet<T>, gold: &BTreeSet<T>) {
    counts[0] += predicted.intersection(gold).count();
    counts[1] += predicted.len();
    counts[2] += gold.len();
}

fn f1(c: &[usize; 3]) -> f64 {
    let (p, r) = (
        c[0] as f64 / c[1].max(1) as f64,
        c[0] as f64 / c[2].max(1) as f64,
    );
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Paragraph spans (first, last raw line) from per-line roles.
fn paragraph_spans(roles: &[(usize, LineRole)]) -> BTreeSet<(usize, usize)> {
    let mut spans = BTreeSet::new();
    let mut open: Option<(usize, usize)> = None;
    for &(line, role) in roles {
        match role {
            LineRole::Join => {
                if let Some(span) = open.as_mut() {
                    span.1 = line;
                }
            }
            LineRole::Lead
            | LineRole::Body
            | LineRole::Crosshead
            | LineRole::Note
            | LineRole::Caption
            | LineRole::BoxLabel => {
                spans.extend(open.take());
                open = Some((line, line));
            }
            _ => spans.extend(open.take()),
        }
    }
    spans.extend(open);
    spans
}

fn main() {
    let mut data = PathBuf::from("corpora/pd2020");
    let mut month = "2020-05".to_string();
    let mut seed = 1u64;
    let mut weights: Option<PathBuf> = None;
    let mut bulletin = false;
    let mut show = 0usize;
    let mut file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()),
            "--month" => month = value(),
            "--seed" => seed = value().parse().expect("--seed takes a number"),
            "--weights" => weights = Some(PathBuf::from(value())),
            "--bulletin" => bulletin = true,
            "--show" => show = value().parse().expect("--show takes a number"),
            "--file" => file = Some(PathBuf::from(value())),
            other => panic!("unknown argument {other}; see the doc comment of this example"),
        }
    }
    assert!(
        !month.starts_with("2019"),
        "text from 2019 is reserved for the final evaluation"
    );
    let model = match &weights {
        Some(path) => Model::from_bytes(&std::fs::read(path).expect("weights file"))
            .expect("a weights file written by train_structure"),
        None => Model::shipped().clone(),
    };
    if let Some(path) = file {
        let text = std::fs::read_to_string(&path).expect("a UTF-8 text file");
        let lines: Vec<&str> = text.split('\n').collect();
        for (n, role, reason) in explain_lines(&model, &text) {
            let line: String = lines[n - 1].trim().chars().take(24).collect();
            println!("{n:>5} {:<10} {line}  [{reason}]", role.name());
        }
        return;
    }
    let pages = read_pages(&data, &[month.as_str()]);
    let names = reporter_pool(&pages);
    println!(
        "{month}: {} pages, {} articles{}",
        pages.len(),
        pages.iter().map(Vec::len).sum::<usize>(),
        if bulletin { ", as bulletins" } else { "" }
    );
    for layout in [Layout::Clean, Layout::Scanned] {
        let mut rng = Rng::new(seed);
        let mut c = Counts::default();
        let mut shown = 0;
        for articles in &pages {
            let articles: Vec<_> = if bulletin {
                articles
                    .iter()
                    .map(|a| as_bulletin(a, &names, &mut rng))
                    .collect()
            } else {
                articles.clone()
            };
            let page = lay_out(&articles, layout, &mut rng);
            let structure = recover_with(&model, &page.text);
            let predicted_starts: BTreeSet<usize> = structure
                .articles
                .iter()
                .filter_map(|a| a.source_lines().first().map(|r| r.first))
                .collect();
            let gold_starts: BTreeSet<usize> = page.articles.iter().map(|a| a.0).collect();
            tally(&mut c.starts, &predicted_starts, &gold_starts);
            let predicted_blocks: BTreeMap<usize, String> = structure
                .articles
                .iter()
                .filter_map(|a| {
                    let first = a.source_lines().first()?.first;
                    Some((
                        first,
                        format!("{}{}{}", a.kicker.text, a.headline.text, a.subheadline.text),
                    ))
                })
                .collect();
            for (start, block) in &page.articles {
                c.blocks[1] += 1;
                if predicted_blocks.get(start) == Some(block) {
                    c.blocks[0] += 1;
                }
            }
            let predicted_paragraphs: BTreeSet<(usize, usize)> = structure
                .articles
                .iter()
                .flat_map(|a| a.paragraphs.iter())
                .filter_map(|p| Some((p.source_lines.first()?.first, p.source_lines.last()?.last)))
                .collect();
            let roles = line_roles(&model, &page.text);
            let gold_roles: Vec<(usize, LineRole)> = roles
                .iter()
                .filter_map(|&(n, _)| Some((n, page.role(n)?)))
                .collect();
            tally(
                &mut c.paragraphs,
                &predicted_paragraphs,
                &paragraph_spans(&gold_roles),
            );
            let lines: Vec<&str> = page.text.split('\n').collect();
            for (&(n, got), &(_, want)) in roles.iter().zip(&gold_roles) {
                let entry = c.roles.entry(want).or_default();
                entry.1 += 1;
                if got == want {
                    entry.0 += 1;
                } else {
                    *c.confusions.entry((want, got)).or_default() += 1;
                    if shown < show {
                        shown += 1;
                        println!(
                            "  {} line {n}: gold {} got {}: {}",
                            layout.name(),
                            want.name(),
                            got.name(),
                            lines[n - 1].chars().take(40).collect::<String>()
                        );
                    }
                }
            }
        }
        println!(
            "{:<8} article starts F1 {:.3}  exact paragraphs F1 {:.3}  headline blocks {:.3} ({} articles)",
            layout.name(),
            f1(&c.starts),
            f1(&c.paragraphs),
            c.blocks[0] as f64 / c.blocks[1].max(1) as f64,
            c.blocks[1]
        );
        let per_role: Vec<String> = c
            .roles
            .iter()
            .map(|(role, (right, total))| {
                format!(
                    "{} {:.3} ({total})",
                    role.name(),
                    *right as f64 / *total as f64
                )
            })
            .collect();
        println!("         role accuracy: {}", per_role.join(", "));
        let mut confusions: Vec<_> = c.confusions.iter().collect();
        confusions.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = confusions
            .iter()
            .take(8)
            .map(|((g, p), n)| format!("{}→{} {n}", g.name(), p.name()))
            .collect();
        println!("         most confused (gold→got): {}", top.join(", "));
    }
}
