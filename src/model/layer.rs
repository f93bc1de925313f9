//! Layers: one annotator's annotations of one document.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::annotation::{Annotation, AnnotationId, AnnotationKind};
use super::document::DocId;
use super::label::Label;
use super::span::CharSpan;

/// The name of the layer that holds adjudicated annotations.
pub const GOLD: &str = "gold";

/// A layer's name: the annotator's name, or [`GOLD`]. Same character rules as a [`DocId`], since it
/// names a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LayerName(Label);

impl LayerName {
    /// `None` unless the name is a non-empty slug of ASCII letters, digits, `-`, `_` and `.`, not
    /// starting with `.`.
    pub fn new(name: impl Into<String>) -> Option<Self> {
        let name = name.into();
        let valid = !name.is_empty()
            && name.len() <= 64
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        valid.then(|| Self(Label::new(&name)))
    }

    /// Sorts before every valid name: where a range over one document's layers starts.
    pub(super) fn before_all() -> Self {
        Self(Label::default())
    }

    pub fn gold() -> Self {
        Self(Label::new(GOLD))
    }

    pub fn is_gold(&self) -> bool {
        self.0 == GOLD
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for LayerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// Addresses one layer of one document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LayerKey {
    pub doc: DocId,
    pub layer: LayerName,
}

impl LayerKey {
    pub fn new(doc: DocId, layer: LayerName) -> Self {
        Self { doc, layer }
    }
}

impl fmt::Display for LayerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.doc, self.layer)
    }
}

/// How far an annotator (or the curator, for gold) has got with a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    #[default]
    New,
    InProgress,
    Done,
    /// Gold only: the curator has settled every disagreement.
    Adjudicated,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::New,
        Status::InProgress,
        Status::Done,
        Status::Adjudicated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Adjudicated => "adjudicated",
        }
    }

    /// Done, or adjudicated for gold.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Adjudicated)
    }
}

/// The annotations of one layer, by id. A layer that is `New` and empty is the same as no layer.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    pub status: Status,
    annotations: BTreeMap<AnnotationId, Annotation>,
    /// Suggestions the analyst turned down for this layer: never suggested again, saved with the
    /// layer.
    rejected: BTreeSet<Rejection>,
    /// The smallest id never used in this layer during this session; never decreases, so undoing an
    /// add and adding again does not reuse an id that a redo might bring back.
    next_id: u32,
    /// Names this content: a fresh number (unique in the process) at every change of the
    /// annotations, kept by clones. Caches derived from a layer (the search's annotation index)
    /// are valid while it is unchanged.
    revision: u64,
}

/// The next [`Layer::revision`]: unique across all layers, so that a layer replaced by another
/// never looks unchanged.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Layers are equal when they hold the same status and annotations; `next_id` is bookkeeping for
/// allocating ids in this session, not data (undoing an add leaves it where it was, by design).
impl PartialEq for Layer {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.annotations == other.annotations
            && self.rejected == other.rejected
    }
}

/// A suggestion the analyst rejected, as it is remembered: the kind of annotation it would have
/// made, its primary span (mention, first content span, trigger; char offsets, half-open) and its
/// label (`QUOTE` for quotes).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rejection {
    pub kind: AnnotationKind,
    pub span: CharSpan,
    pub label: String,
}

impl Layer {
    /// A layer from annotations read from disk; ids must already be unique (the map guarantees it).
    pub fn from_annotations(
        status: Status,
        annotations: BTreeMap<AnnotationId, Annotation>,
    ) -> Self {
        // A map filled one id after another leaves its nodes about half full; built again from
        // its sorted entries, every node but the last of each level is full: a loaded layer holds
        // about a third less (benches/memory.rs).
        Self::from_compact_annotations(status, annotations.into_iter().collect())
    }

    /// [`Layer::from_annotations`] for a map already built from its sorted entries (collected, not
    /// filled one id at a time), which is kept as it is.
    pub fn from_compact_annotations(
        status: Status,
        annotations: BTreeMap<AnnotationId, Annotation>,
    ) -> Self {
        // Saturating: a file can hold the largest id (storage refuses it, but not every caller is
        // storage), and `next_id` then looks for a free id instead of overflowing.
        let next_id = annotations
            .keys()
            .next_back()
            .map_or(1, |id| id.0.saturating_add(1));
        Self {
            status,
            annotations,
            rejected: BTreeSet::new(),
            next_id,
            revision: next_revision(),
        }
    }

    /// The layer with these rejections (read from disk).
    pub fn with_rejections(mut self, rejected: impl IntoIterator<Item = Rejection>) -> Self {
        self.rejected.extend(rejected);
        self
    }

    /// The rejected suggestions, sorted.
    pub fn rejections(&self) -> impl Iterator<Item = &Rejection> {
        self.rejected.iter()
    }

    pub fn is_rejected(&self, rejection: &Rejection) -> bool {
        self.rejected.contains(rejection)
    }

    /// Records or forgets a rejection; false when it was already so.
    pub(crate) fn set_rejected(&mut self, rejection: &Rejection, rejected: bool) -> bool {
        if rejected {
            self.rejected.insert(rejection.clone())
        } else {
            self.rejected.remove(rejection)
        }
    }

    /// Names the annotations as they are now: equal revisions mean equal annotations (the
    /// converse need not hold). A new empty layer has revision 0.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.get(&id)
    }

    pub fn contains(&self, id: AnnotationId) -> bool {
        self.annotations.contains_key(&id)
    }

    /// Annotations in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations.values()
    }

    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    /// An id no annotation of this layer has or had in this session. Once the largest id has been
    /// used, the smallest id no annotation has (so that adding never overwrites an annotation).
    pub fn next_id(&self) -> AnnotationId {
        let next = AnnotationId(self.next_id.max(1));
        if next.0 < u32::MAX || !self.annotations.contains_key(&next) {
            return next;
        }
        let mut free = 1;
        for id in self.annotations.keys() {
            if id.0 != free {
                break;
            }
            free += 1;
        }
        AnnotationId(free)
    }

    /// Whether this layer carries nothing worth a file.
    pub fn is_blank(&self) -> bool {
        self.status == Status::New && self.annotations.is_empty() && self.rejected.is_empty()
    }

    pub(crate) fn insert(&mut self, mut annotation: Annotation) {
        // An edit that emptied a mention's details leaves them boxed; the layer keeps the compact
        // form.
        if let Annotation::Entity(entity) = &mut annotation {
            entity.compact();
        }
        let id = annotation.id();
        self.next_id = self.next_id.max(id.0.saturating_add(1));
        self.revision = next_revision();
        self.annotations.insert(id, annotation);
    }

    pub(crate) fn remove(&mut self, id: AnnotationId) -> Option<Annotation> {
        self.revision = next_revision();
        self.annotations.remove(&id)
    }

    /// The annotation, to change in place: the layer counts as changed.
    pub(crate) fn get_mut(&mut self, id: AnnotationId) -> Option<&mut Annotation> {
        self.revision = next_revision();
        self.annotations.get_mut(&id)
    }
}
