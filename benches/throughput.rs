//! Import throughput on 1 MB of raw text (the sample bulletin repeated 100 times), against the
//! floor of jieba-rs alone loading its dictionary and tagging the same text on one thread, run
//! in the same process so the figures read as ratios whatever the machine; then the start-up of
//! the program as a process: a cold `jiaodui import` of the sample and `jiaodui tag` answering
//! its first line, with the parts of the first.
//!
//! `cargo bench --bench throughput` (add `-- --rounds N` for more rounds; the median is shown).

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jiaodui::formats::project;
use jiaodui::pipeline::entities::sequence::{self, Weights};
use jiaodui::pipeline::{self, entities::Tagger};

/// The program as `cargo bench` built it.
const PROGRAM: &str = env!("CARGO_BIN_EXE_jiaodui");

/// A tagger loaded from nothing, as a new process loads it (the shipped weights read anew).
fn fresh_tagger() -> Tagger {
    Tagger::with_weights(sequence::load_shipped())
}

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
        black_box(fresh_tagger());
    });
    let weights_load = median(rounds, || {
        black_box(sequence::load_shipped());
    });
    let recover_only = median(rounds, || {
        black_box(pipeline::structure::recover(&text));
    });
    let structure = median(rounds, || {
        black_box(pipeline::import_structure(bytes, "bench.txt").expect("imports"));
    });
    let mut imported = None;
    let whole = median(rounds, || {
        let p = pipeline::import_loading(bytes, "bench.txt", fresh_tagger).expect("imports");
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

    let weights: Weights = sequence::load_shipped();
    println!(
        "input: {:.2} MB, {} articles, {} paragraphs, {} spans",
        mb,
        p.articles.len(),
        p.paragraph_count(),
        p.span_count()
    );
    let row = |name: &str, t: Duration| {
        println!(
            "{name:<52} {:>9.1} ms {:>8.2} MB/s {:>6.2}x jieba",
            t.as_secs_f64() * 1000.0,
            mb / t.as_secs_f64(),
            t.as_secs_f64() / jieba.as_secs_f64()
        );
    };
    row("jieba-rs: load dictionary + tag (1 thread)", jieba);
    row(
        "  load tagger (segmenter image, lexicons, weights)",
        tagger_load,
    );
    row("    entity weights alone", weights_load);
    row("  import, structure only", structure);
    row("    structure recovery alone (line model)", recover_only);
    row("  suggestions on all articles (all cores)", suggest);
    row("import: load tagger + structure + tag + save", whole);
    row("save project", save);
    row("load project", load);
    println!(
        "entity weights: {} features, {:.1} MB in memory",
        weights.features(),
        weights.memory_bytes() as f64 / 1e6
    );

    // Start-up as a process, on the one-page sample.
    let sample = dir.join("sample.txt");
    std::fs::write(&sample, jiaodui::SAMPLE_BULLETIN).expect("writes the sample");
    let out = dir.join("sample.jiaodui.ron");
    let import = |extra: &[&str]| median(rounds.max(5), || run_import(&sample, &out, extra));
    let cold = import(&[]);
    let no_entities = import(&["--no-entities"]);
    let mut answers: Vec<Duration> = (0..rounds.max(5)).map(|_| first_tagged_line()).collect();
    answers.sort();
    let first_line = answers[answers.len() / 2];
    let small = jiaodui::SAMPLE_BULLETIN;
    let tagger = fresh_tagger();
    let sample_tagged = median(rounds.max(5), || {
        black_box(pipeline::import_with(small.as_bytes(), "sample.txt", &tagger).expect("imports"));
    });
    let sample_structure = median(rounds.max(5), || {
        black_box(pipeline::import_structure(small.as_bytes(), "sample.txt").expect("imports"));
    });
    let ms = |name: &str, t: Duration| println!("{name:<52} {:>9.1} ms", t.as_secs_f64() * 1000.0);
    ms("process: jiaodui import of the sample (cold)", cold);
    ms(
        "  the same with --no-entities (start, structure, save)",
        no_entities,
    );
    ms(
        "  load tagger (in the import, beside structure)",
        tagger_load,
    );
    ms("  structure of the sample", sample_structure);
    ms(
        "  structure + suggestions of the sample, tagger loaded",
        sample_tagged,
    );
    ms("process: jiaodui tag, first line answered", first_line);
    let _ = std::fs::remove_dir_all(&dir);
}

/// One `jiaodui import` of `sample` into `out`, as a process.
fn run_import(sample: &Path, out: &Path, extra: &[&str]) {
    let status = Command::new(PROGRAM)
        .arg("import")
        .arg(sample)
        .arg("-o")
        .arg(out)
        .arg("--force")
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program runs");
    assert!(status.success(), "jiaodui import failed");
}

/// Starts `jiaodui tag`, writes one line and returns how long the answer took from the start.
fn first_tagged_line() -> Duration {
    let start = Instant::now();
    let mut child = Command::new(PROGRAM)
        .arg("tag")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the program runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    writeln!(stdin, "郑州市公安局局长王建国在郑州会见美国客人。").expect("writes a line");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("reads the answer");
    let answered = start.elapsed();
    assert!(line.contains("王建国"), "{line}");
    drop(stdin);
    child.wait().expect("the program ends");
    answered
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
