//! Collections at the size of a year of a daily bulletin: 365 issues (the sample bulletin,
//! varied: dates, people and article order differ from issue to issue), about 20 MB.
//!
//! In one run: the batch import on every core against the same import on one thread (the
//! ratio is the parallel speed-up); opening the collection (time, and the peak memory of a
//! process that does only that) against loading a single issue's project; a find across the
//! whole collection, the first (which loads the texts) and the following ones.
//!
//! `cargo bench --bench collection` (`-- --issues N` for another size).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jiaodui::collection::Collection;
use jiaodui::collection::batch::{self, BatchOptions, FileStatus};
use jiaodui::collection::find::Archive;
use jiaodui::i18n::Lang;
use jiaodui::model::search::{Query, SearchOptions};
use jiaodui::pipeline::entities::Tagger;

/// Set in the child process that only opens a collection and reports its memory.
const OPEN_ONLY: &str = "JIAODUI_BENCH_OPEN_ONLY";

/// People swapped in for the sample's officials, so issues differ in who appears.
const PEOPLE: [&str; 6] = ["张红军", "李建国", "王海燕", "赵志刚", "陈晓东", "刘文华"];

fn main() {
    if let Ok(dir) = std::env::var(OPEN_ONLY) {
        open_only(Path::new(&dir));
        return;
    }
    let issues = std::env::args()
        .skip_while(|a| a != "--issues")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(365usize);
    let root =
        std::env::temp_dir().join(format!("jiaodui-collection-bench-{}", std::process::id()));
    let raw = root.join("raw");
    std::fs::create_dir_all(&raw).expect("temp dir");
    let bytes = write_issues(&raw, issues);
    println!(
        "input: {issues} issues, {:.1} MB",
        bytes as f64 / 1_000_000.0
    );
    let (files, _) = batch::collect_inputs(std::slice::from_ref(&raw), Lang::En);
    Tagger::shared();

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (single, single_cpu) = import(&files, &root.join("one-thread"), 1);
    let (parallel, parallel_cpu) = import(&files, &root.join("all-cores"), cores);
    println!(
        "batch import: one thread {:.1} s, {cores} threads {:.1} s — speed-up {:.2}× ({:.2} MB/s on {cores} cores)",
        single.as_secs_f64(),
        parallel.as_secs_f64(),
        single.as_secs_f64() / parallel.as_secs_f64(),
        bytes as f64 / 1_000_000.0 / parallel.as_secs_f64(),
    );
    // On a machine shared with other work the wall-clock ratio understates the speed-up; the
    // CPU time shows whether the parallel run did more work than the single thread.
    println!(
        "  CPU time: one thread {:.1} s, {cores} threads {:.1} s (parallel overhead {:+.0}%); load average before: {}",
        single_cpu,
        parallel_cpu,
        (parallel_cpu / single_cpu - 1.0) * 100.0,
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim(),
    );

    let out = root.join("all-cores");
    let start = Instant::now();
    let collection = Collection::open(&out).expect("opens");
    let open = start.elapsed();
    let first_key = collection.index.issues[0].key.clone();
    let start = Instant::now();
    collection.load_issue(&first_key).expect("loads");
    let one_project = start.elapsed();
    let (child_open, peak_kb) = open_in_child(&out);
    println!(
        "open the collection: {:.0} ms in this process, {:.0} ms and {:.0} MB peak RSS in a process that only opens it; loading one issue's project {:.0} ms (open = {:.1}× one project)",
        ms(open),
        ms(child_open),
        peak_kb as f64 / 1024.0,
        ms(one_project),
        open.as_secs_f64() / one_project.as_secs_f64(),
    );

    let query = Query::new("张红军", SearchOptions::default()).expect("a plain query");
    let start = Instant::now();
    let (archive, failed) = Archive::load(&collection);
    let first_hits = archive.find(&query, usize::MAX);
    let first = start.elapsed();
    assert!(failed.is_empty());
    let mut later = Vec::new();
    for word in ["李建国", "管委会", "高质量发展", "张红军"] {
        let q = Query::new(word, SearchOptions::default()).expect("a plain query");
        let start = Instant::now();
        std::hint::black_box(archive.find(&q, usize::MAX));
        later.push(start.elapsed());
    }
    later.sort();
    println!(
        "find across {} issues: first (loads the texts) {:.0} ms, then median {:.1} ms, slowest {:.1} ms ({} hits of 张红军); first/then = {:.0}×",
        archive.len(),
        ms(first),
        ms(later[later.len() / 2]),
        ms(later[later.len() - 1]),
        first_hits.len(),
        first.as_secs_f64() / later[later.len() / 2].as_secs_f64(),
    );
    let _ = std::fs::remove_dir_all(&root);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Writes `count` varied issues; returns their total size in bytes.
fn write_issues(dir: &Path, count: usize) -> usize {
    let articles: Vec<&str> = split_articles(jiaodui::SAMPLE_BULLETIN);
    let mut total = 0;
    for i in 0..count {
        let (month, day) = month_day(i);
        let mut text = format!("高新区工作简报\n\n2021年{month}月{day}日\n\n");
        // About 55 KB an issue: the sample's articles six times over, rotated and with other
        // people in some copies.
        for copy in 0..6 {
            for k in 0..articles.len() {
                let article = articles[(i + copy + k) % articles.len()];
                let person = PEOPLE[(i + copy) % PEOPLE.len()];
                text.push_str(
                    &article
                        .replace("6月10日", &format!("{month}月{day}日"))
                        .replace("张红军", person),
                );
                text.push_str("\n\n");
            }
        }
        total += text.len();
        let name = format!("gaoxin-2021-{month:02}-{day:02}-{i:03}.txt");
        std::fs::write(dir.join(name), text).expect("writes");
    }
    total
}

/// The sample's articles: it separates them with headline lines after two blank lines.
fn split_articles(text: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = text
        .split("\n\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    if parts.len() < 2 {
        parts = vec![text];
    }
    parts
}

/// Issue `i`'s date in 2021 (cycling through a 360-day year).
fn month_day(i: usize) -> (usize, usize) {
    (1 + (i / 30) % 12, 1 + i % 28)
}

/// CPU seconds (user + system) this process has used so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}

/// Imports `files` into a new collection at `out` on `threads` threads: wall time and CPU
/// seconds.
fn import(files: &[PathBuf], out: &Path, threads: usize) -> (Duration, f64) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let mut collection = Collection::open_or_new(out).expect("a new collection");
    let cpu = cpu_seconds();
    let start = Instant::now();
    let outcomes = pool
        .install(|| {
            batch::import(
                &mut collection,
                files,
                BatchOptions {
                    force: false,
                    with_entities: true,
                    lang: Lang::En,
                },
                &|_| {},
                &AtomicBool::new(false),
            )
        })
        .expect("imports");
    let took = start.elapsed();
    let cpu = cpu_seconds() - cpu;
    assert!(outcomes.iter().all(|o| o.status == FileStatus::Imported));
    (took, cpu)
}

/// Opens the collection in a fresh process of this bench and reads back its time and peak RSS.
fn open_in_child(dir: &Path) -> (Duration, u64) {
    let output = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .env(OPEN_ONLY, dir)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace();
    let micros: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
    let peak_kb: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
    (Duration::from_micros(micros), peak_kb)
}

/// The child: opens the collection, prints microseconds and peak RSS in kB (Linux).
fn open_only(dir: &Path) {
    let start = Instant::now();
    let collection = Collection::open(dir).expect("opens");
    let took = start.elapsed();
    std::hint::black_box(&collection);
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .unwrap_or_else(|| "0".into());
    println!("{} {peak}", took.as_micros());
}
