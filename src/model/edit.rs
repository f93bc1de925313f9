//! Edits: the facts that change a project's annotations, each exactly invertible.

use thiserror::Error;

use super::annotation::{Annotation, AnnotationId};
use super::document::{CleanedText, DocId, DocumentInfo};
use super::layer::{LayerKey, Rejection, Status};
use super::registry::{CanonicalEntity, EntityKey};
use super::schema::Schema;

/// One change to a project's annotations. Every edit carries what it needs to be inverted exactly:
/// a removal stores what it removed, a replacement both versions.
// Replace holds two annotations and is the largest variant by about 200 bytes. Edits live in the
// history and in short groups, never in large arrays, so boxing would cost clarity for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds an annotation under its id, which the layer must not have.
    Add {
        key: LayerKey,
        annotation: Annotation,
    },
    /// Removes an annotation, which must equal the one in the layer.
    Remove {
        key: LayerKey,
        annotation: Annotation,
    },
    /// Replaces `before` (which must equal the annotation in the layer) by `after`, with the same id.
    Replace {
        key: LayerKey,
        before: Annotation,
        after: Annotation,
    },
    /// Changes a layer's status.
    SetStatus {
        key: LayerKey,
        before: Status,
        after: Status,
    },
    /// Records (`rejected: true`) or forgets a rejected suggestion of a layer; the layer must not
    /// be in that state already.
    SetRejected {
        key: LayerKey,
        rejection: Rejection,
        rejected: bool,
    },
    /// Replaces the schema (label renames, new event types, recolouring).
    SetSchema {
        before: Box<Schema>,
        after: Box<Schema>,
    },
    /// Replaces a document's title and metadata (`before` must be what the document has).
    SetDocumentInfo {
        doc: DocId,
        before: Box<DocumentInfo>,
        after: Box<DocumentInfo>,
    },
    /// Replaces a document's text and its record of what cleaning removed (putting a removed line
    /// back). Only while no layer of the document has annotations or rejected suggestions, whose
    /// offsets would move.
    SetText {
        doc: DocId,
        before: Box<CleanedText>,
        after: Box<CleanedText>,
    },
    /// Creates (`before: None`), changes or removes (`after: None`) a canonical entity of the
    /// registry; `before` must be what the registry holds under `key`.
    SetEntity {
        key: EntityKey,
        before: Option<Box<CanonicalEntity>>,
        after: Option<Box<CanonicalEntity>>,
    },
    /// Replaces the annotators a document is assigned to (empty: nobody); `before` must be who
    /// it is assigned to now. A curator's change to `project.ron`.
    SetAssignment {
        doc: DocId,
        before: Vec<String>,
        after: Vec<String>,
    },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add { key, annotation } => Edit::Remove {
                key: key.clone(),
                annotation: annotation.clone(),
            },
            Edit::Remove { key, annotation } => Edit::Add {
                key: key.clone(),
                annotation: annotation.clone(),
            },
            Edit::Replace { key, before, after } => Edit::Replace {
                key: key.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Edit::SetStatus { key, before, after } => Edit::SetStatus {
                key: key.clone(),
                before: *after,
                after: *before,
            },
            Edit::SetRejected {
                key,
                rejection,
                rejected,
            } => Edit::SetRejected {
                key: key.clone(),
                rejection: rejection.clone(),
                rejected: !rejected,
            },
            Edit::SetSchema { before, after } => Edit::SetSchema {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::SetDocumentInfo { doc, before, after } => Edit::SetDocumentInfo {
                doc: doc.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Edit::SetText { doc, before, after } => Edit::SetText {
                doc: doc.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Edit::SetEntity { key, before, after } => Edit::SetEntity {
                key: key.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Edit::SetAssignment { doc, before, after } => Edit::SetAssignment {
                doc: doc.clone(),
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// The layer the edit touches; `None` for schema and document edits.
    pub fn key(&self) -> Option<&LayerKey> {
        match self {
            Edit::Add { key, .. }
            | Edit::Remove { key, .. }
            | Edit::Replace { key, .. }
            | Edit::SetStatus { key, .. }
            | Edit::SetRejected { key, .. } => Some(key),
            Edit::SetSchema { .. }
            | Edit::SetDocumentInfo { .. }
            | Edit::SetText { .. }
            | Edit::SetEntity { .. }
            | Edit::SetAssignment { .. } => None,
        }
    }
}

/// Why an edit could not be applied: it does not fit the project's current state. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("document {0} is not in the project")]
    UnknownDocument(String),
    #[error("document {0} is still being read from disk")]
    NotLoaded(String),
    #[error("layer {key} has {what} already")]
    StaleRejection { key: String, what: String },
    #[error("layer {key} already has annotation {id}")]
    DuplicateId { key: String, id: AnnotationId },
    #[error("layer {key} has no annotation {id}")]
    Missing { key: String, id: AnnotationId },
    #[error("annotation {id} of layer {key} is not the one the edit expected")]
    Stale { key: String, id: AnnotationId },
    #[error("a replacement may not change annotation {id} of layer {key} into another id")]
    IdChanged { key: String, id: AnnotationId },
    #[error("span {span} of annotation {id} lies outside document {doc} ({len} chars)")]
    OutOfBounds {
        doc: String,
        id: AnnotationId,
        span: String,
        len: usize,
    },
    #[error("layer {key} has status {found}, not {expected}")]
    StaleStatus {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("the schema is not the one the edit expected")]
    StaleSchema,
    #[error("document {0} is not in the state the edit expected")]
    StaleDocument(String),
    #[error("entity {0} of the registry is not in the state the edit expected")]
    StaleEntity(String),
    #[error("the text of document {0} is fixed: it has annotations, whose offsets must stay exact")]
    TextFixed(String),
}
