//! Annotations: entity mentions, quotes and events, each with its provenance.

use std::collections::BTreeMap;
use std::fmt;

use super::label::{Label, Name};
use super::span::CharSpan;

/// A point in time, as RFC 3339 on disk. The model never reads the clock: callers pass it in.
pub type Timestamp = jiff::Timestamp;

/// Identifies an annotation within its layer. Stable: never reused for another annotation of the
/// same layer while the first one exists, and kept across saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnotationId(pub u32);

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where an annotation came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Drawn by the annotator.
    Manual,
    /// A recommender's suggestion the annotator accepted.
    Suggestion { recommender: Name, score: f32 },
    /// Read from a file in another format.
    Imported { format: Name },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    pub source: Source,
    pub annotator: Name,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Provenance {
    pub fn manual(annotator: impl Into<Name>, now: Timestamp) -> Self {
        Self {
            source: Source::Manual,
            annotator: annotator.into(),
            created: now,
            modified: now,
        }
    }
}

/// Key → value attributes, as the schema's attribute definitions allow. Sorted for stable files.
pub type Attributes = BTreeMap<String, String>;

/// A mention of an entity: a span with a label such as PERSON or GPE. A discontinuous mention
/// has further parts after its first: "the [Serbian] and [Kosovo] [delegations]" holds the
/// mention "Serbian … delegations".
///
/// What most mentions leave empty (further parts, attributes, norm, entity link, note) is held in
/// [`EntityDetails`], boxed only when something is set: a project holds hundreds of thousands of
/// mentions, and a plain one is 80 bytes instead of 190.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: AnnotationId,
    pub label: Label,
    /// The mention, or its first part.
    pub span: CharSpan,
    /// `None` when every detail is empty (a boxed empty one means the same).
    details: Option<Box<EntityDetails>>,
    pub provenance: Provenance,
}

/// The rarely set parts of an [`Entity`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityDetails {
    /// The further parts of a discontinuous mention, in text order, each after `span` and the
    /// part before it without overlapping them; empty for the usual, contiguous mention.
    pub parts: Vec<CharSpan>,
    pub attributes: Attributes,
    /// A normalisation id in a knowledge base, e.g. a Wikidata id (`Q1246`).
    pub norm: Option<String>,
    /// The canonical entity of the project's registry this mention refers to.
    pub entity: Option<super::registry::EntityKey>,
    pub note: String,
}

/// What a mention without details reads as.
static NO_DETAILS: EntityDetails = EntityDetails {
    parts: Vec::new(),
    attributes: Attributes::new(),
    norm: None,
    entity: None,
    note: String::new(),
};

impl EntityDetails {
    /// Whether nothing is set: what every field of [`NO_DETAILS`] holds. Asked of every mention
    /// read from disk, so field by field rather than by comparing with `NO_DETAILS`.
    pub fn is_empty(&self) -> bool {
        let EntityDetails {
            parts,
            attributes,
            norm,
            entity,
            note,
        } = self;
        parts.is_empty()
            && attributes.is_empty()
            && norm.is_none()
            && entity.is_none()
            && note.is_empty()
    }
}

/// Mentions are equal when their details are, whether or not those are boxed.
impl PartialEq for Entity {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.label == other.label
            && self.span == other.span
            && self.provenance == other.provenance
            && self.details() == other.details()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteKind {
    /// The speaker's own words, in quotation marks.
    Direct,
    /// Reported speech ("X said that …").
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed];

    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq)]
pub enum Speaker {
    /// An entity mention in the same layer.
    Mention(AnnotationId),
    /// A plain span, when no entity mention exists for the speaker.
    Span(CharSpan),
}

/// What was said (one or more content spans: a quote split by "he said" is one quote), the cue
/// ("said", "told reporters") and who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub id: AnnotationId,
    /// Sorted by start, non-empty.
    pub content: Vec<CharSpan>,
    pub cue: Option<CharSpan>,
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
    pub attributes: Attributes,
    pub note: String,
    pub provenance: Provenance,
}

/// One role filled in an event: who met, whom, where, when.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventArgument {
    pub role: Label,
    /// An entity mention or another event of the same layer.
    pub filler: AnnotationId,
}

/// Something that happened, anchored on a trigger word ("talks", "refused").
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: AnnotationId,
    pub trigger: CharSpan,
    pub event_type: Label,
    pub arguments: Vec<EventArgument>,
    pub attributes: Attributes,
    pub note: String,
    pub provenance: Provenance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnnotationKind {
    Entity,
    Quote,
    Event,
}

impl AnnotationKind {
    pub fn name(self) -> &'static str {
        match self {
            AnnotationKind::Entity => "entity",
            AnnotationKind::Quote => "quote",
            AnnotationKind::Event => "event",
        }
    }
}

/// Quotes and events are boxed: they are few beside the mentions, and larger.
#[derive(Clone, Debug, PartialEq)]
pub enum Annotation {
    Entity(Entity),
    Quote(Box<Quote>),
    Event(Box<Event>),
}

impl Entity {
    /// A plain mention: one span, with no attributes, norm, entity link or note.
    pub fn new(
        id: AnnotationId,
        span: CharSpan,
        label: impl Into<Label>,
        provenance: Provenance,
    ) -> Self {
        Self {
            id,
            label: label.into(),
            span,
            details: None,
            provenance,
        }
    }

    /// The mention with these details (boxed only if one is set).
    pub fn with_details(mut self, details: EntityDetails) -> Self {
        self.details = (!details.is_empty()).then(|| Box::new(details));
        self
    }

    /// Parts, attributes, norm, entity link and note; all empty for most mentions.
    pub fn details(&self) -> &EntityDetails {
        self.details.as_deref().unwrap_or(&NO_DETAILS)
    }

    /// The details, to change in place (boxed on first use; [`Entity::compact`] unboxes empty
    /// ones).
    pub fn details_mut(&mut self) -> &mut EntityDetails {
        self.details.get_or_insert_with(Box::default)
    }

    /// Drops the box of details that are all empty again.
    pub fn compact(&mut self) {
        if self.details.as_deref().is_some_and(EntityDetails::is_empty) {
            self.details = None;
        }
    }

    /// The further parts of a discontinuous mention (see [`EntityDetails::parts`]).
    pub fn parts(&self) -> &[CharSpan] {
        &self.details().parts
    }

    pub fn attributes(&self) -> &Attributes {
        &self.details().attributes
    }

    pub fn norm(&self) -> Option<&str> {
        self.details().norm.as_deref()
    }

    /// The canonical entity of the project's registry this mention refers to.
    pub fn entity(&self) -> Option<&super::registry::EntityKey> {
        self.details().entity.as_ref()
    }

    pub fn note(&self) -> &str {
        &self.details().note
    }

    /// Every part of the mention in text order: `span`, then `parts`.
    pub fn all_spans(&self) -> impl Iterator<Item = CharSpan> + '_ {
        std::iter::once(self.span).chain(self.parts().iter().copied())
    }

    /// From the start of the first part to the end of the last.
    pub fn extent(&self) -> CharSpan {
        self.parts()
            .last()
            .map_or(self.span, |last| self.span.union(*last))
    }

    pub fn is_discontinuous(&self) -> bool {
        !self.parts().is_empty()
    }
}

impl Annotation {
    pub fn id(&self) -> AnnotationId {
        match self {
            Annotation::Entity(e) => e.id,
            Annotation::Quote(q) => q.id,
            Annotation::Event(e) => e.id,
        }
    }

    pub fn set_id(&mut self, id: AnnotationId) {
        match self {
            Annotation::Entity(e) => e.id = id,
            Annotation::Quote(q) => q.id = id,
            Annotation::Event(e) => e.id = id,
        }
    }

    pub fn kind(&self) -> AnnotationKind {
        match self {
            Annotation::Entity(_) => AnnotationKind::Entity,
            Annotation::Quote(_) => AnnotationKind::Quote,
            Annotation::Event(_) => AnnotationKind::Event,
        }
    }

    /// The entity label, the event type, or `QUOTE`.
    pub fn label(&self) -> &str {
        match self {
            Annotation::Entity(e) => &e.label,
            Annotation::Quote(_) => "QUOTE",
            Annotation::Event(e) => &e.event_type,
        }
    }

    /// The span that locates the annotation: the mention, the first content span, or the trigger.
    pub fn primary_span(&self) -> CharSpan {
        match self {
            Annotation::Entity(e) => e.span,
            Annotation::Quote(q) => q.content.first().copied().unwrap_or_default(),
            Annotation::Event(e) => e.trigger,
        }
    }

    /// Every span the annotation owns (not those of linked annotations).
    pub fn spans(&self) -> Vec<CharSpan> {
        match self {
            Annotation::Entity(e) => e.all_spans().collect(),
            Annotation::Quote(q) => {
                let mut spans = q.content.clone();
                spans.extend(q.cue);
                if let Some(Speaker::Span(span)) = q.speaker {
                    spans.push(span);
                }
                spans
            }
            Annotation::Event(e) => vec![e.trigger],
        }
    }

    /// The annotations this one links to (a quote's speaker mention, an event's argument fillers).
    pub fn links(&self) -> Vec<AnnotationId> {
        match self {
            Annotation::Entity(_) => Vec::new(),
            Annotation::Quote(q) => match q.speaker {
                Some(Speaker::Mention(id)) => vec![id],
                _ => Vec::new(),
            },
            Annotation::Event(e) => e.arguments.iter().map(|a| a.filler).collect(),
        }
    }

    pub fn attributes(&self) -> &Attributes {
        match self {
            Annotation::Entity(e) => e.attributes(),
            Annotation::Quote(q) => &q.attributes,
            Annotation::Event(e) => &e.attributes,
        }
    }

    pub fn attributes_mut(&mut self) -> &mut Attributes {
        match self {
            Annotation::Entity(e) => &mut e.details_mut().attributes,
            Annotation::Quote(q) => &mut q.attributes,
            Annotation::Event(e) => &mut e.attributes,
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Annotation::Entity(e) => e.note(),
            Annotation::Quote(q) => &q.note,
            Annotation::Event(e) => &e.note,
        }
    }

    pub fn note_mut(&mut self) -> &mut String {
        match self {
            Annotation::Entity(e) => &mut e.details_mut().note,
            Annotation::Quote(q) => &mut q.note,
            Annotation::Event(e) => &mut e.note,
        }
    }

    pub fn provenance(&self) -> &Provenance {
        match self {
            Annotation::Entity(e) => &e.provenance,
            Annotation::Quote(q) => &q.provenance,
            Annotation::Event(e) => &e.provenance,
        }
    }

    pub fn provenance_mut(&mut self) -> &mut Provenance {
        match self {
            Annotation::Entity(e) => &mut e.provenance,
            Annotation::Quote(q) => &mut q.provenance,
            Annotation::Event(e) => &mut e.provenance,
        }
    }

    pub fn as_entity(&self) -> Option<&Entity> {
        match self {
            Annotation::Entity(e) => Some(e),
            _ => None,
        }
    }

    pub fn as_quote(&self) -> Option<&Quote> {
        match self {
            Annotation::Quote(q) => Some(q),
            _ => None,
        }
    }

    pub fn as_event(&self) -> Option<&Event> {
        match self {
            Annotation::Event(e) => Some(e),
            _ => None,
        }
    }
}
