//! The annotation side of the search index: for each layer of each document, its annotations'
//! spans grouped by label, in a few compact arrays, so that `label:PERSON Kurti` looks only at the
//! PERSON mentions instead of walking every annotation of the corpus.
//!
//! Layers change with every edit, so each summary remembers the [`Layer::revision`] it was built
//! from; a search uses it only while the layer is unchanged and otherwise builds it again from the
//! layer (and keeps the new one). Nothing is written to disk: building every summary of a corpus
//! of a million annotations takes about as long as one search without them, so the first
//! annotation search of a session pays it and the following ones do not.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use crate::model::{AnnotationId, AnnotationKind, CharSpan, DocId, Layer, LayerName, Text};

use super::extent;

/// One annotation as the index keeps it: the span a hit covers, the same span in bytes of the
/// document's folded text (where a text query is looked for, without converting offsets), the
/// annotation's id and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub span: CharSpan,
    /// `None` when the span lies outside the text (a damaged layer): such an entry is checked the
    /// slow way, which finds nothing there.
    pub folded_bytes: Option<Range<usize>>,
    pub id: AnnotationId,
    pub kind: AnnotationKind,
}

/// One layer's annotations by label (as written), each group sorted by span.
#[derive(Debug)]
pub(super) struct Summary {
    revision: u64,
    groups: Vec<(String, Vec<Entry>)>,
}

impl Summary {
    /// The summary of `layer`, whose document's folded text is `folded`.
    fn of(layer: &Layer, folded: &Text) -> Self {
        let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
        for annotation in layer.iter() {
            let span = extent(annotation);
            // A mention in pieces is matched against its parts' text, the slow way.
            let pieces = annotation.as_entity().is_some_and(|e| e.is_discontinuous());
            let entry = Entry {
                span,
                folded_bytes: folded
                    .byte_offset(span.start)
                    .zip(folded.slice(span))
                    .map(|(start, slice)| start..start + slice.len())
                    .filter(|_| !pieces),
                id: annotation.id(),
                kind: annotation.kind(),
            };
            match groups.iter_mut().find(|(l, _)| l == annotation.label()) {
                Some((_, entries)) => entries.push(entry),
                None => groups.push((annotation.label().to_owned(), vec![entry])),
            }
        }
        for (_, entries) in &mut groups {
            entries.sort_by_key(|e| (e.span.start, e.span.end, e.id));
        }
        Self {
            revision: layer.revision(),
            groups,
        }
    }

    /// The groups whose label is `label` (compared ignoring ASCII case), or all with `None`.
    pub fn groups<'a>(&'a self, label: Option<&'a str>) -> impl Iterator<Item = &'a [Entry]> + 'a {
        self.groups
            .iter()
            .filter(move |(l, _)| label.is_none_or(|want| l.eq_ignore_ascii_case(want)))
            .map(|(_, entries)| entries.as_slice())
    }
}

/// One document's layer summaries, by layer name.
type DocumentSummaries = Vec<(LayerName, Arc<Summary>)>;

/// Summaries of the layers searched so far, by document and layer name.
#[derive(Debug, Default)]
pub(super) struct AnnotationIndex {
    layers: Mutex<HashMap<DocId, DocumentSummaries>>,
}

impl Clone for AnnotationIndex {
    fn clone(&self) -> Self {
        let layers = self
            .layers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Self {
            layers: Mutex::new(layers),
        }
    }
}

impl AnnotationIndex {
    /// The summary of `layer`, the document's layer `name` (`folded`, the document's folded
    /// text): the one kept when the layer has not changed since, else built now and kept.
    pub fn summary(
        &self,
        doc: &DocId,
        name: &LayerName,
        layer: &Layer,
        folded: &Text,
    ) -> Arc<Summary> {
        let revision = layer.revision();
        {
            let layers = self.layers.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((_, summary)) = layers
                .get(doc)
                .and_then(|v| v.iter().find(|(n, _)| n == name))
                && summary.revision == revision
            {
                return Arc::clone(summary);
            }
        }
        // Built without the lock: other threads go on finding theirs meanwhile.
        let summary = Arc::new(Summary::of(layer, folded));
        let mut layers = self.layers.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = layers.entry(doc.clone()).or_default();
        match kept.iter_mut().find(|(n, _)| n == name) {
            Some((_, old)) => *old = Arc::clone(&summary),
            None => kept.push((name.clone(), Arc::clone(&summary))),
        }
        summary
    }
}
