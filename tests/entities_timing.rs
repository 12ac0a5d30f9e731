//! A rough timing of the whole suggestion pass against jieba alone, on the sample bulletin ×100
//! (about 1 MB). Ignored by default and never asserted: run it with
//! `cargo test --test entities_timing -- --ignored --nocapture`; the real benchmark lives in
//! `benches/`.

use std::time::Instant;

use jiaodui::pipeline::entities::{Tagger, suggest_project};
use jiaodui::pipeline::import_structure;

#[test]
#[ignore]
fn suggest_project_against_jieba_alone() {
    let text = jiaodui::SAMPLE_BULLETIN.repeat(100);
    let project = import_structure(text.as_bytes(), "sample-x100.txt").unwrap();
    let started = Instant::now();
    let jieba = jieba_rs::Jieba::new();
    let jieba_load = started.elapsed();
    let started = Instant::now();
    let tagger = Tagger::shared();
    let tagger_load = started.elapsed();
    println!(
        "loading: jieba {:.3} s, tagger {:.3} s",
        jieba_load.as_secs_f64(),
        tagger_load.as_secs_f64()
    );
    let fields: Vec<&str> = project
        .articles
        .iter()
        .flat_map(|a| a.fields().map(|(_, f)| f.text.as_str()))
        .filter(|t| !t.is_empty())
        .collect();

    // The best of a few runs: the machine's cores are shared.
    let runs = 7;
    let mut words = 0;
    let jieba_time = (0..runs)
        .map(|_| {
            let started = Instant::now();
            words = fields.iter().map(|f| jieba.tag(f, true).len()).sum();
            started.elapsed()
        })
        .min()
        .unwrap();
    let tag_time = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let spans: usize = fields.iter().map(|f| tagger.tag(f).len()).sum();
            assert!(spans > 0);
            started.elapsed()
        })
        .min()
        .unwrap();
    let mut edit = jiaodui::model::Edit::Batch(Vec::new());
    let suggest_time = (0..runs)
        .map(|_| {
            let started = Instant::now();
            edit = suggest_project(&project, tagger);
            started.elapsed()
        })
        .min()
        .unwrap();

    // As benches/throughput.rs counts them: each side loads its dictionary.
    let loaded_jieba = (0..3)
        .map(|_| {
            let started = Instant::now();
            let jieba = jieba_rs::Jieba::new();
            for field in &fields {
                std::hint::black_box(jieba.tag(field, true));
            }
            started.elapsed()
        })
        .min()
        .unwrap();
    let loaded_suggest = (0..3)
        .map(|_| {
            let started = Instant::now();
            let tagger = Tagger::new();
            std::hint::black_box(suggest_project(&project, &tagger));
            started.elapsed()
        })
        .min()
        .unwrap();
    println!(
        "with dictionary loads: jieba load + tag {:.3} s; Tagger::new + suggest_project {:.3} s; ratio {:.2}",
        loaded_jieba.as_secs_f64(),
        loaded_suggest.as_secs_f64(),
        loaded_suggest.as_secs_f64() / loaded_jieba.as_secs_f64()
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{} bytes, {} fields, {words} words; jieba tag (1 thread, best of {runs}): {:.3} s; Tagger::tag (1 thread): {:.3} s; suggest_project ({threads} threads, best of {runs}): {:.3} s; ratio {:.2}",
        text.len(),
        fields.len(),
        jieba_time.as_secs_f64(),
        tag_time.as_secs_f64(),
        suggest_time.as_secs_f64(),
        suggest_time.as_secs_f64() / jieba_time.as_secs_f64()
    );
    assert!(matches!(edit, jiaodui::model::Edit::Batch(ref edits) if !edits.is_empty()));
}
