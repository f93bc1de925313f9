//! Import of Gloss's own JSONL, in the shape [`crate::formats::jsonl`] writes: every annotation kind,
//! with ids, links, attributes, notes, norms and provenance.
//!
//! - Each line's spans are checked against the `text` they carry; a span that does not fit skips its
//!   annotation (reported), and a link to a skipped annotation is dropped (reported).
//! - Ids are kept when free in the target layer; links follow them.
//! - With [`crate::formats::ImportOptions::keep_layers`] each line goes to the layer it names and keeps
//!   its status; otherwise every line goes to the chosen layer and statuses are not imported.

use crate::model::EntityDetails;
use crate::model::Label;
use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::Value;

use super::error::{FormatError, excerpt, json_problem};
use super::export::status_named;
use super::import_builder::Builder;
use super::import_builder::MAX_KEPT_ID;
use super::source_text::{SourceText, Unit};
use crate::model::{
    Annotation, AnnotationId, CharSpan, DocumentMeta, Entity, Event, EventArgument, LayerKey,
    LayerName, Provenance, Quote, QuoteKind, Source, Speaker, Timestamp,
};

#[derive(Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    meta: MetaIn,
    layer: String,
    #[serde(default)]
    status: Option<String>,
    text: String,
    #[serde(default)]
    entities: Vec<EntityIn>,
    #[serde(default)]
    quotes: Vec<QuoteIn>,
    #[serde(default)]
    events: Vec<EventIn>,
}

#[derive(Default, Deserialize)]
struct MetaIn {
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
    language: Option<String>,
    retrieved: Option<String>,
}

#[derive(Deserialize)]
struct SpanIn {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct ProvenanceIn {
    source: String,
    #[serde(default)]
    recommender: Option<String>,
    #[serde(default)]
    score: Option<f32>,
    #[serde(default)]
    format: Option<String>,
    annotator: String,
    created: Timestamp,
    modified: Timestamp,
}

#[derive(Deserialize)]
struct EntityIn {
    id: Value,
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    /// The further parts of a discontinuous mention.
    #[serde(default)]
    parts: Vec<SpanIn>,
    label: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    norm: Option<String>,
    /// The key of the canonical entity (Gloss's own export writes it).
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    provenance: Option<ProvenanceIn>,
}

#[derive(Deserialize)]
struct QuoteIn {
    id: Value,
    #[serde(default)]
    kind: Option<String>,
    content: Vec<SpanIn>,
    #[serde(default)]
    cue: Option<SpanIn>,
    #[serde(default)]
    speaker: Option<Value>,
    #[serde(default)]
    speaker_span: Option<SpanIn>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    provenance: Option<ProvenanceIn>,
}

#[derive(Deserialize)]
struct ArgumentIn {
    role: String,
    #[serde(rename = "ref")]
    filler: Value,
}

#[derive(Deserialize)]
struct EventIn {
    id: Value,
    #[serde(rename = "type")]
    event_type: String,
    trigger: SpanIn,
    #[serde(default)]
    arguments: Vec<ArgumentIn>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    provenance: Option<ProvenanceIn>,
}

/// An id as the file writes it: `"12"` or `12`.
fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An id for a message: short, whatever the file holds.
fn id_shown(id: &Value) -> String {
    let text = id_text(id);
    if text.chars().count() <= 40 {
        text
    } else {
        excerpt(&text)
    }
}

pub(crate) fn read(builder: &mut Builder<'_>, file: &str, text: &str) -> Result<(), FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(raw).map_err(|err| {
            FormatError::parse(
                file,
                number,
                format!(
                    "expected a Gloss JSONL object (id, layer, text, entities, quotes, events): {}",
                    json_problem(&err)
                ),
            )
        })?;
        read_line(builder, file, number, line)?;
    }
    Ok(())
}

fn read_line(
    builder: &mut Builder<'_>,
    file: &str,
    number: usize,
    line: Line,
) -> Result<(), FormatError> {
    let source = SourceText::new(&line.text);
    let meta = DocumentMeta {
        outlet: line.meta.outlet,
        url: line.meta.url,
        published: line.meta.published,
        author: line.meta.author,
        language: line.meta.language,
        retrieved: line.meta.retrieved,
        ..Default::default()
    };
    let doc = builder.document(&line.id, line.title, &source, meta);
    let key = if builder.options().keep_layers {
        let layer = LayerName::new(line.layer.as_str()).ok_or_else(|| {
            FormatError::parse(
                file,
                number,
                format!(
                    "expected a layer name of ASCII letters, digits, '-', '_' or '.', found {}",
                    excerpt(&line.layer)
                ),
            )
        })?;
        if let Some(status) = &line.status {
            let status = status_named(status).ok_or_else(|| {
                FormatError::parse(
                    file,
                    number,
                    format!(
                        "expected a status (new, in_progress, done, adjudicated), found {}",
                        excerpt(status)
                    ),
                )
            })?;
            builder.status(&LayerKey::new(doc.clone(), layer.clone()), status);
        }
        LayerKey::new(doc, layer)
    } else {
        builder.key(&doc)
    };
    let mut ids: HashMap<String, AnnotationId> = HashMap::new();
    let skip = |builder: &mut Builder<'_>, what: String, message: String| {
        builder.note(file, Some(number), format!("{what} skipped: {message}"));
    };
    let resolve =
        |span: &SpanIn| source.resolve(span.start, span.end, span.text.as_deref(), &[Unit::Chars]);
    let wanted = |id: &Value| id_text(id).parse::<u32>().ok();
    // An id too large to keep is renumbered: say so, since links and other tools may name it.
    let renumbered = |builder: &mut Builder<'_>, id: &Value, claimed: AnnotationId| {
        let given = id_text(id);
        let too_large = given
            .parse::<u64>()
            .is_ok_and(|n| n > u64::from(MAX_KEPT_ID));
        if too_large {
            builder.note(
                file,
                Some(number),
                format!(
                    "annotation id {} renumbered {claimed}: ids above {MAX_KEPT_ID} leave no room \
                     for new annotations",
                    id_shown(id)
                ),
            );
        }
    };

    for entity in line.entities {
        let name = format!("entity {}", id_shown(&entity.id));
        let span = SpanIn {
            start: entity.start,
            end: entity.end,
            text: entity.text,
        };
        let span = match resolve(&span) {
            Ok(span) => span,
            Err(message) => {
                skip(builder, name, message);
                continue;
            }
        };
        let parts: Result<Vec<CharSpan>, String> = entity.parts.iter().map(&resolve).collect();
        let parts = match parts {
            Ok(mut parts) => {
                // In text order, each after the one before, as the model keeps them.
                parts.sort();
                let mut previous = span;
                let ordered = parts.iter().all(|part| {
                    let after = part.start >= previous.end && !part.is_empty();
                    previous = *part;
                    after
                });
                if !ordered {
                    skip(
                        builder,
                        name,
                        "its parts overlap, are empty or come before its first part".to_owned(),
                    );
                    continue;
                }
                parts
            }
            Err(message) => {
                skip(builder, name, message);
                continue;
            }
        };
        let id = builder.claim_id(&key, wanted(&entity.id));
        renumbered(builder, &entity.id, id);
        ids.insert(id_text(&entity.id), id);
        let provenance = provenance(builder, entity.provenance);
        builder.push(
            &key,
            Annotation::Entity(
                Entity::new(id, span, Label::new(&entity.label), provenance).with_details(
                    EntityDetails {
                        parts,
                        attributes: entity.attributes,
                        norm: entity.norm,
                        // Gloss writes only valid keys; another tool's value that is not one is
                        // no link.
                        entity: entity.entity.and_then(crate::model::EntityKey::new),
                        note: entity.note,
                    },
                ),
            ),
        );
    }

    let mut events = Vec::new();
    for event in line.events {
        match resolve(&event.trigger) {
            Ok(trigger) => {
                let id = builder.claim_id(&key, wanted(&event.id));
                renumbered(builder, &event.id, id);
                ids.insert(id_text(&event.id), id);
                events.push((id, trigger, event));
            }
            Err(message) => skip(builder, format!("event {}", id_shown(&event.id)), message),
        }
    }

    for quote in line.quotes {
        let name = format!("quote {}", id_shown(&quote.id));
        let content: Result<Vec<CharSpan>, String> = quote.content.iter().map(resolve).collect();
        let cue = quote.cue.as_ref().map(resolve).transpose();
        let speaker_span = match (&quote.speaker, &quote.speaker_span) {
            (None, Some(span)) => resolve(span).map(|span| Some(Speaker::Span(span))),
            _ => Ok(None),
        };
        let (mut content, cue, speaker_span) = match (content, cue, speaker_span) {
            (Ok(content), Ok(cue), Ok(speaker)) if !content.is_empty() => (content, cue, speaker),
            (Err(message), ..) | (_, Err(message), _) | (.., Err(message)) => {
                skip(builder, name, message);
                continue;
            }
            _ => {
                skip(
                    builder,
                    name,
                    "expected at least one content span".to_owned(),
                );
                continue;
            }
        };
        content.sort();
        let speaker = match &quote.speaker {
            Some(id) => match ids.get(&id_text(id)) {
                Some(&mention) => Some(Speaker::Mention(mention)),
                None => {
                    let message = format!(
                        "{name}: speaker link dropped: {} was skipped or is not an entity of the line",
                        id_shown(id)
                    );
                    builder.note(file, Some(number), message);
                    None
                }
            },
            None => speaker_span,
        };
        let kind = match quote.kind.as_deref() {
            None => QuoteKind::Direct,
            Some(kind) => QuoteKind::parse(kind).ok_or_else(|| {
                FormatError::parse(
                    file,
                    number,
                    format!(
                        "{name}: expected kind direct, indirect or mixed, found {}",
                        excerpt(kind)
                    ),
                )
            })?,
        };
        let id = builder.claim_id(&key, wanted(&quote.id));
        renumbered(builder, &quote.id, id);
        let provenance = provenance(builder, quote.provenance);
        builder.push(
            &key,
            Annotation::Quote(Box::new(Quote {
                id,
                content,
                cue,
                speaker,
                kind,
                attributes: quote.attributes,
                note: quote.note,
                provenance,
            })),
        );
    }

    for (id, trigger, event) in events {
        let mut arguments = Vec::new();
        for argument in event.arguments {
            match ids.get(&id_text(&argument.filler)) {
                Some(&filler) => arguments.push(EventArgument {
                    role: Label::new(&argument.role),
                    filler,
                }),
                None => skip(
                    builder,
                    format!(
                        "argument {} of event {}",
                        excerpt(&argument.role),
                        id_shown(&event.id)
                    ),
                    format!(
                        "its filler {} was skipped or is not in the line",
                        id_shown(&argument.filler)
                    ),
                ),
            }
        }
        let provenance = provenance(builder, event.provenance);
        builder.push(
            &key,
            Annotation::Event(Box::new(Event {
                id,
                trigger,
                event_type: Label::new(&event.event_type),
                arguments,
                attributes: event.attributes,
                note: event.note,
                provenance,
            })),
        );
    }
    Ok(())
}

/// The provenance a line gives, or the import's own when it gives none.
fn provenance(builder: &Builder<'_>, given: Option<ProvenanceIn>) -> Provenance {
    let Some(given) = given else {
        return builder.provenance();
    };
    let source = match given.source.as_str() {
        "suggestion" => Source::Suggestion {
            recommender: Label::new(&given.recommender.unwrap_or_default()),
            score: given.score.unwrap_or_default(),
        },
        "imported" => Source::Imported {
            format: Label::new(&given.format.unwrap_or_default()),
        },
        _ => Source::Manual,
    };
    Provenance {
        source,
        annotator: Label::new(&given.annotator),
        created: given.created,
        modified: given.modified,
    }
}
