//! Files the program reads and writes: the RON project and the export formats.

pub mod project;
pub mod recovery;
