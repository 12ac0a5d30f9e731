//! Jiaodui (校对): a workbench for correcting scanned Chinese bulletins.
//!
//! The library holds everything testable: the [`model`] (project, articles, spans, edits), the
//! [`pipeline`] that turns raw OCR text into a first draft, the [`formats`] it reads and writes,
//! the [`collection`]s that hold many issues, and the [`ui`] that shows it. The binary in
//! `main.rs` is a thin command-line front.

pub mod cli;
pub mod collection;
pub mod formats;
pub mod i18n;
pub mod model;
pub mod pipeline;
#[cfg(feature = "window")]
pub mod ui;

/// The bulletin shown the first time the window opens, and used by tests and benchmarks.
pub const SAMPLE_BULLETIN: &str = include_str!("../assets/sample-bulletin.txt");
/// File name under which the embedded sample is presented.
pub const SAMPLE_NAME: &str = "sample-bulletin.txt";
