//! Files the program reads and writes: the RON project and the export formats.
//!
//! [`export`] is the entry point for exports; the other modules each render one format.

pub mod brat;
pub mod conll;
pub mod csv_tables;
pub mod docx;
pub mod export;
pub mod jsonl;
pub mod markdown;
pub mod project;
pub mod recovery;
pub mod tei;
pub mod txt;
