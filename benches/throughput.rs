//! Import throughput on 1 MB of raw text (the sample bulletin repeated 100 times), against the
//! floor of jieba-rs alone loading its dictionary and tagging the same text on one thread, run
//! in the same process so the figures read as ratios whatever the machine.
//!
//! `cargo bench --bench throughput` (add `-- --rounds N` for more rounds; the median is shown).

use std::hint::black_box;
use std::time::{Duration, Instant};

use jiaodui::formats::project;
use jiaodui::pipeline::{self, entities::Tagger};

fn main() {
    let rounds = std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3usize);
    let text = vec![jiaodui::SAMPLE_BULLETIN; 100].join("\n\n");
    let bytes = text.as_bytes();
    let mb = bytes.len() as f64 / 1_000_000.0;
    let dir = std::env::temp_dir().join(format!("jiaodui-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.jiaodui.ron");

    let jieba = median(rounds, || {
        let jieba = jieba_rs::Jieba::new();
        for line in text.lines() {
            black_box(jieba.tag(line, true));
        }
    });
    let tagger_load = median(rounds, || {
        black_box(Tagger::new());
    });
    let recover_only = median(rounds, || {
        black_box(pipeline::structure::recover(&text));
    });
    let structure = median(rounds, || {
        black_box(pipeline::import_structure(bytes, "bench.txt").expect("imports"));
    });
    let mut imported = None;
    let whole = median(rounds, || {
        let tagger = Tagger::new();
        let p = pipeline::import_with(bytes, "bench.txt", &tagger).expect("imports");
        project::save(&p, &path).expect("saves");
        imported = Some(p);
    });
    let p = imported.expect("ran at least once");
    let tagger = Tagger::new();
    let suggest = median(rounds, || {
        black_box(pipeline::entities::suggest_project(&p, &tagger));
    });
    let save = median(rounds, || project::save(&p, &path).expect("saves"));
    let load = median(rounds, || {
        black_box(project::load(&path).expect("loads"));
    });

    println!(
        "input: {:.2} MB, {} articles, {} paragraphs, {} spans",
        mb,
        p.articles.len(),
        p.paragraph_count(),
        p.span_count()
    );
    let row = |name: &str, t: Duration| {
        println!(
            "{name:<48} {:>9.1} ms {:>8.2} MB/s {:>6.2}x jieba",
            t.as_secs_f64() * 1000.0,
            mb / t.as_secs_f64(),
            t.as_secs_f64() / jieba.as_secs_f64()
        );
    };
    row("jieba-rs: load dictionary + tag (1 thread)", jieba);
    row("  load tagger (jieba dictionary + lexicons)", tagger_load);
    row("  import, structure only", structure);
    row("    structure recovery alone (line model)", recover_only);
    row("  suggestions on all articles (all cores)", suggest);
    row("import: load tagger + structure + tag + save", whole);
    row("save project", save);
    row("load project", load);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Median wall time of `rounds` runs of `f`.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
