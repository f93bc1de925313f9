//! What makes two annotations in different layers "the same": ids differ per layer, so annotations
//! are compared by what an analyst sees (spans, labels, and the spans and labels of what they link
//! to), never by id, note, attributes or provenance.

use crate::model::{Annotation, AnnotationId, AnnotationKind, CharSpan, Layer, QuoteKind, Speaker};

/// Where an annotation sits and what it says, without its links: the kind, the primary span (the
/// mention, the first content span, the trigger) and the label (entity label, `QUOTE`, event type).
/// Links are remapped between layers through anchors.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    pub kind: AnnotationKind,
    pub span: CharSpan,
    pub label: String,
}

impl Anchor {
    pub fn of(annotation: &Annotation) -> Self {
        Self {
            kind: annotation.kind(),
            span: annotation.primary_span(),
            label: annotation.label().to_owned(),
        }
    }
}

/// A quote's speaker as another layer can recognise it: its span, and the entity label when the
/// speaker is an entity mention (`None` for a plain span).
pub type SpeakerSignature = (CharSpan, Option<String>);

/// Everything two annotators must agree on for two annotations to count as the same annotation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Signature {
    Entity {
        span: CharSpan,
        /// The further parts of a discontinuous mention (empty for a contiguous one).
        parts: Vec<CharSpan>,
        label: String,
    },
    Event {
        trigger: CharSpan,
        event_type: String,
        /// Sorted: (role, filler).
        arguments: Vec<(String, Anchor)>,
    },
    Quote {
        content: Vec<CharSpan>,
        cue: Option<CharSpan>,
        kind: QuoteKind,
        speaker: Option<SpeakerSignature>,
    },
}

impl Signature {
    /// The signature of `annotation`, whose links are looked up in `layer` (its own layer). A link
    /// to an annotation the layer lacks is left out.
    pub fn of(annotation: &Annotation, layer: Option<&Layer>) -> Self {
        let lookup = |id: AnnotationId| layer.and_then(|layer| layer.get(id));
        Self::with(annotation, &lookup)
    }

    /// [`Signature::of`] with any lookup for linked annotations.
    pub fn with<'a>(
        annotation: &Annotation,
        lookup: &dyn Fn(AnnotationId) -> Option<&'a Annotation>,
    ) -> Self {
        match annotation {
            Annotation::Entity(entity) => Signature::Entity {
                span: entity.span,
                parts: entity.details().parts.clone(),
                label: entity.label.to_string(),
            },
            Annotation::Event(event) => {
                let mut arguments: Vec<(String, Anchor)> = event
                    .arguments
                    .iter()
                    .filter_map(|argument| {
                        Some((
                            argument.role.to_string(),
                            Anchor::of(lookup(argument.filler)?),
                        ))
                    })
                    .collect();
                arguments.sort();
                Signature::Event {
                    trigger: event.trigger,
                    event_type: event.event_type.to_string(),
                    arguments,
                }
            }
            Annotation::Quote(quote) => Signature::Quote {
                content: quote.content.clone(),
                cue: quote.cue,
                kind: quote.kind,
                speaker: speaker_signature(quote.speaker.as_ref(), lookup),
            },
        }
    }
}

/// A speaker as another layer can recognise it; a mention whose entity is missing counts as none.
pub fn speaker_signature<'a>(
    speaker: Option<&Speaker>,
    lookup: &dyn Fn(AnnotationId) -> Option<&'a Annotation>,
) -> Option<SpeakerSignature> {
    match speaker? {
        Speaker::Span(span) => Some((*span, None)),
        Speaker::Mention(id) => {
            let mention = lookup(*id)?;
            Some((mention.primary_span(), Some(mention.label().to_owned())))
        }
    }
}
