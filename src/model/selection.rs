//! What the analyst has selected: restored by undo.

use super::annotation::AnnotationId;
use super::document::DocId;
use super::span::CharSpan;

/// The analyst's selection in the window: a document, a text range and/or an annotation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub doc: Option<DocId>,
    pub span: Option<CharSpan>,
    pub annotation: Option<AnnotationId>,
}

impl Selection {
    pub fn in_doc(doc: DocId) -> Self {
        Self {
            doc: Some(doc),
            ..Self::default()
        }
    }
}
