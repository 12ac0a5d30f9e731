//! Frame times of the real workbench, headless: a 1 MB project (the sample bulletin ×100), drawn
//! frame after frame while both panes scroll and the shown article changes.
//!
//! Prints per-frame CPU time (p50, p95, max) and the process's resident memory, next to the same
//! figures for an empty app in the same harness, so the numbers read as ratios on any machine.
//!
//! Run: `cargo bench --bench frames`

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use jiaodui::ui::App;

const FRAMES: usize = 400;
const WARMUP: usize = 20;
const SIZE: [f32; 2] = [1600.0, 1000.0];

fn main() {
    let raw = jiaodui::SAMPLE_BULLETIN.repeat(100);
    let started = Instant::now();
    // The whole import, suggestions included: the panes then draw every entity span, as they
    // do for an editor.
    let project =
        jiaodui::pipeline::import(raw.as_bytes(), "sample-x100.txt").expect("the sample imports");
    let import_time = started.elapsed();
    println!(
        "project: {:.2} MB raw, {} lines, {} articles, {} paragraphs, {} spans (import {:.1} ms)",
        raw.len() as f64 / 1e6,
        project.source.text.lines().count(),
        project.articles.len(),
        project.paragraph_count(),
        project.span_count(),
        import_time.as_secs_f64() * 1e3
    );

    let baseline = measure_empty();
    let rss_empty = rss();
    let workbench = measure_workbench(project);
    let rss_workbench = rss();

    report("empty app (baseline)", &baseline, &rss_empty);
    report("workbench, 1 MB project", &workbench, &rss_workbench);
    let ratio = |q: f64| {
        percentile(&workbench, q).as_secs_f64() / percentile(&baseline, q).as_secs_f64().max(1e-9)
    };
    println!(
        "ratio workbench / empty: p50 ×{:.1}, p95 ×{:.1}",
        ratio(0.5),
        ratio(0.95)
    );
}

fn measure_empty() -> Vec<Duration> {
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_context_setup(jiaodui::ui::fonts::install)
        .build_ui(|ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label("");
            });
        });
    time_frames(&mut harness, |_, _| {})
}

fn measure_workbench(project: jiaodui::model::Project) -> Vec<Duration> {
    let articles = project.articles.len();
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_context_setup(jiaodui::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), App::new_for_test(project));
    time_frames(&mut harness, |harness, frame| {
        // Every 40 frames show another article; in between scroll the raw pane (left of centre)
        // and the article pane (right of centre) in turns.
        if frame % 40 == 39 {
            let next = (frame / 40 * 7) % articles.max(1);
            harness.state_mut().select_article(next);
            return;
        }
        let x = if (frame / 10) % 2 == 0 {
            SIZE[0] * 0.35
        } else {
            SIZE[0] * 0.62
        };
        harness.hover_at(egui::pos2(x, SIZE[1] * 0.5));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
    })
}

fn time_frames<S>(
    harness: &mut Harness<'_, S>,
    mut input: impl FnMut(&mut Harness<'_, S>, usize),
) -> Vec<Duration> {
    for _ in 0..WARMUP {
        harness.step();
    }
    let mut times = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES {
        input(harness, frame);
        let start = Instant::now();
        harness.step();
        times.push(start.elapsed());
    }
    times
}

fn percentile(times: &[Duration], q: f64) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index]
}

fn report(name: &str, times: &[Duration], rss: &str) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: {} frames, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms, RSS {rss}",
        times.len(),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        ms(*times.iter().max().expect("frames were measured")),
    );
}

/// Resident memory of this process, where the platform reports it (`/proc/self/status`).
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
        })
        .unwrap_or_else(|| "n/a".to_string())
}
