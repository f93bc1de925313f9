//! The annotation domain, pure: document text and char offsets, annotations (entity mentions, quotes,
//! events), the schema, the project, and the invertible edits and history that change it.
//!
//! No egui, no files, no threads, no clock: everything here is a plain value that tests can build by hand.

pub mod annotation;
pub mod document;
pub mod edit;
pub mod fold;
pub mod history;
pub mod label;
pub mod layer;
pub mod markup;
pub mod matching;
pub mod near_duplicate;
pub mod project;
pub mod registry;
pub mod schema;
pub mod selection;
pub mod span;
pub mod team;
pub mod text;
pub mod tokens;
pub mod validate;

pub use annotation::{
    Annotation, AnnotationId, AnnotationKind, Entity, EntityDetails, Event, EventArgument,
    Provenance, Quote, QuoteKind, Source, Speaker, Timestamp,
};
pub use document::{
    CleanedText, DocId, Document, DocumentInfo, DocumentMeta, RemovedText, is_rfc3339,
};
pub use edit::{Edit, EditError};
pub use history::History;
pub use label::{Label, Name};
pub use layer::{GOLD, Layer, LayerKey, LayerName, Rejection, Status};
pub use project::{Dirty, Project, Settings};
pub use registry::{CanonicalEntity, EntityKey, Registry};
pub use schema::{
    AttributeDef, AttributeTarget, Color, EntityLabel, EventType, QuoteSettings, RoleDef, Schema,
};
pub use selection::Selection;
pub use span::CharSpan;
pub use team::{Team, distribute, glob_matches};
pub use text::Text;
