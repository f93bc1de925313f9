//! Accepting suggestions: each becomes ordinary `Add` edits whose provenance names the recommender
//! and its score. A quote's speaker and an event's arguments point at entity mentions of the layer,
//! so a mention that does not exist yet is added too (in the same group of edits, one undo step).

use crate::model::Label;
use thiserror::Error;

use crate::model::{
    Annotation, AnnotationId, CharSpan, Edit, Entity, Event, EventArgument, LayerKey, Project,
    Provenance, Quote, Source, Speaker, Timestamp,
};

use super::{Suggestion, SuggestionKind};

/// Why suggestions could not become edits. Nothing is produced in that case.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AcceptError {
    #[error("document {0} is not in the project")]
    UnknownDocument(String),
    #[error("suggested span {span} lies outside document {doc} ({len} chars)")]
    OutOfBounds {
        doc: String,
        span: String,
        len: usize,
    },
    #[error("entity label {0} is not in the schema")]
    UnknownLabel(String),
    #[error("event type {0} is not in the schema")]
    UnknownEventType(String),
}

/// The edits that accept one suggestion into the layer `key`, as one group.
pub fn suggestion_to_edits(
    project: &Project,
    key: &LayerKey,
    suggestion: &Suggestion,
    annotator: &str,
    now: Timestamp,
) -> Result<Vec<Edit>, AcceptError> {
    suggestions_to_edits(
        project,
        key,
        std::slice::from_ref(suggestion),
        annotator,
        now,
    )
}

/// The edits that accept several suggestions at once ("accept every PERSON above 0.8"), as one
/// group: fresh ids in order, a mention needed twice (one speaker of two quotes) added once, an
/// entity the layer already has (same span and label) not added again.
pub fn suggestions_to_edits(
    project: &Project,
    key: &LayerKey,
    suggestions: &[Suggestion],
    annotator: &str,
    now: Timestamp,
) -> Result<Vec<Edit>, AcceptError> {
    let document = project
        .document(&key.doc)
        .ok_or_else(|| AcceptError::UnknownDocument(key.doc.to_string()))?;
    let len = document.text.char_len();
    let layer = project.layer(key);
    let mut next_id = layer.map_or(1, |l| l.next_id().0);
    // Entity mentions of the layer, then those this group adds: (span, label, id).
    let mut mentions: Vec<(CharSpan, String, AnnotationId)> = layer
        .into_iter()
        .flat_map(|l| l.iter())
        .filter_map(Annotation::as_entity)
        .map(|e| (e.span, e.label.to_string(), e.id))
        .collect();
    let mut edits = Vec::new();
    for suggestion in suggestions {
        for span in suggestion.spans() {
            if span.start > span.end || span.end > len {
                return Err(AcceptError::OutOfBounds {
                    doc: key.doc.to_string(),
                    span: span.to_string(),
                    len,
                });
            }
        }
        let provenance = Provenance {
            source: Source::Suggestion {
                recommender: Label::new(&suggestion.recommender),
                score: suggestion.score,
            },
            annotator: Label::new(annotator),
            created: now,
            modified: now,
        };
        let mut fresh = || {
            let id = AnnotationId(next_id);
            next_id += 1;
            id
        };
        // The id of the mention at `span`: an existing one (any label for a speaker, the same label
        // for an entity), else a new entity with `label`, added to `edits`.
        let mut mention = |span: CharSpan,
                           label: &str,
                           any_label: bool,
                           edits: &mut Vec<Edit>,
                           fresh: &mut dyn FnMut() -> AnnotationId|
         -> Result<Option<AnnotationId>, AcceptError> {
            if let Some((_, _, id)) = mentions
                .iter()
                .find(|(s, l, _)| *s == span && (any_label || l == label))
            {
                return Ok(Some(*id));
            }
            if label.is_empty() {
                return Ok(None);
            }
            if project.schema.entity_label(label).is_none() {
                return Err(AcceptError::UnknownLabel(label.to_owned()));
            }
            let id = fresh();
            mentions.push((span, label.to_owned(), id));
            edits.push(Edit::Add {
                key: key.clone(),
                annotation: Annotation::Entity(Entity::new(id, span, label, provenance.clone())),
            });
            Ok(Some(id))
        };
        match &suggestion.kind {
            SuggestionKind::Entity { span, label } => {
                mention(*span, label, false, &mut edits, &mut fresh)?;
            }
            SuggestionKind::Quote {
                content,
                cue,
                speaker,
                quote_kind,
            } => {
                let speaker = match speaker {
                    None => None,
                    Some(s) => Some(
                        match mention(s.span, &s.label, true, &mut edits, &mut fresh)? {
                            Some(id) => Speaker::Mention(id),
                            None => Speaker::Span(s.span),
                        },
                    ),
                };
                let mut content = content.clone();
                content.sort();
                let id = fresh();
                edits.push(Edit::Add {
                    key: key.clone(),
                    annotation: Annotation::Quote(Box::new(Quote {
                        id,
                        content,
                        cue: *cue,
                        speaker,
                        kind: *quote_kind,
                        attributes: Default::default(),
                        note: String::new(),
                        provenance: provenance.clone(),
                    })),
                });
            }
            SuggestionKind::Event {
                trigger,
                event_type,
                arguments,
            } => {
                if project.schema.event_type(event_type).is_none() {
                    return Err(AcceptError::UnknownEventType(event_type.clone()));
                }
                let mut filled = Vec::new();
                for argument in arguments {
                    if let Some(filler) =
                        mention(argument.span, &argument.label, true, &mut edits, &mut fresh)?
                    {
                        filled.push(EventArgument {
                            role: Label::new(&argument.role),
                            filler,
                        });
                    }
                }
                let id = fresh();
                edits.push(Edit::Add {
                    key: key.clone(),
                    annotation: Annotation::Event(Box::new(Event {
                        id,
                        trigger: *trigger,
                        event_type: Label::new(event_type),
                        arguments: filled,
                        attributes: Default::default(),
                        note: String::new(),
                        provenance: provenance.clone(),
                    })),
                });
            }
        }
    }
    Ok(edits)
}
