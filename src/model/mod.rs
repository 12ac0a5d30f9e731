//! The project model: articles, fields, spans, the registry, and the edits that change them.
//!
//! Nothing here knows about windows or files; the UI, the CLI and the formats all work through
//! these types, and every change goes through [`Edit`].

pub mod edit;
pub mod history;
pub mod lessons;
pub mod project;
pub mod registry;
pub mod search;
pub mod shape;
pub mod tagging;
pub mod text;

pub use edit::{Direction, Edit, EditError};
pub use history::History;
pub use project::{
    Article, ArticleId, Decision, EntityType, FORMAT_TAG, FORMAT_VERSION, FieldRef, FieldSlot,
    FurnitureLine, LexiconEntry, Meta, Project, Rejection, Source,
};
pub use registry::{Entity, EntityId, Registry, Role};
pub use text::{EntityKind, Join, LineRange, ParagraphKind, Span, SpanStatus, TextField};
