//! JSONL export: one JSON object per line for each (document, layer), ready for pandas, spaCy or a
//! training script.
//!
//! Which lines are written:
//! - Documents in project order; within a document, its layers in layer-name order.
//! - Only layers that exist: a layer never written (status new, no annotations) has no line, and a
//!   document without any layer has none either, so every line is someone's work. With a layer filter,
//!   only that layer's lines.
//!
//! The shape of a line (keys always present, in this order; absent values are `null`):
//!
//! ```json
//! {"id": "doc-id", "title": "…",
//!  "meta": {"outlet": …, "url": …, "published": …, "author": …, "language": …[, "retrieved": …]},
//!  "layer": "amira", "status": "done", "text": "…",
//!  "entities": [{"id": "1", "start": 0, "end": 6, "text": "Kosovo",
//!                "parts": [{"start", "end", "text"}], "label": "GPE",
//!                "attributes": {}, "norm": null, "entity": "kosovo" | null, "note": "",
//!                "provenance": {…}}],
//!  "quotes": [{"id": "40", "kind": "direct", "content": [{"start", "end", "text"}],
//!              "cue": {"start", "end", "text"} | null, "speaker": "12" | null,
//!              "speaker_span": {"start", "end", "text"} | null, "attributes", "note", "provenance"}],
//!  "events": [{"id": "50", "type": "MEET", "trigger": {"start", "end", "text"},
//!              "arguments": [{"role": "Participant", "ref": "12"}], "attributes", "note", "provenance"}]}
//! ```
//!
//! - Offsets are code points (Unicode scalar values), half-open: in Python, `text[start:end] == span_text`.
//!   The text is the document's text as stored, with LF line endings.
//! - `parts` holds the further parts of a discontinuous mention (`start`/`end`/`text` are its
//!   first part), in text order; it is empty for the usual, contiguous mention.
//! - Ids are strings, unique within a (document, layer); `speaker` and `ref` name ids of the same line.
//! - `speaker_span` says where the speaker stands in the text: the span of the speaker mention when
//!   `speaker` names one, or the plain speaker span (with `speaker` null) when no mention exists.
//! - `status` is `new`, `in_progress`, `done` or `adjudicated`; `kind` is `direct`, `indirect` or `mixed`.
//! - `provenance` is `{"source": "manual" | "suggestion" | "imported", "recommender", "score", "format",
//!   "annotator", "created", "modified"}`; `recommender` and `score` are set for suggestions, `format` for
//!   imports, the others are null; times are RFC 3339 in UTC.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::annotation::Attributes;
use crate::model::{
    Annotation, CharSpan, DocId, Document, Entity, Event, Layer, LayerName, Project, Provenance,
    Quote, Source, Speaker, Status, Text, Timestamp,
};

/// What an export wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Documents with at least one line.
    pub documents: usize,
    /// Lines written: one per (document, layer).
    pub layers: usize,
    /// Entity mentions, quotes and events, over all lines.
    pub annotations: usize,
}

/// Writes the project's layers (or only `layer`) to `out` as JSON lines; see the module doc for the
/// shape. Fails on a write error, or with [`io::ErrorKind::InvalidData`] when a span lies outside its
/// document (which a validated project never has); what was written before stays written.
pub fn export_jsonl(
    project: &Project,
    layer: Option<&LayerName>,
    out: &mut dyn Write,
) -> io::Result<ExportSummary> {
    // One pass over the layers (sorted by document id, then layer name) instead of one per document.
    let mut by_document: HashMap<&DocId, Vec<(&LayerName, &Layer)>> = HashMap::new();
    for (key, found) in project.layers() {
        if layer.is_none_or(|wanted| *wanted == key.layer) {
            by_document
                .entry(&key.doc)
                .or_default()
                .push((&key.layer, found));
        }
    }
    let mut summary = ExportSummary::default();
    // Each line is serialised into a buffer of its own and written whole: serde_json writing its
    // many small pieces through `dyn Write` was most of the export's time.
    let mut buffer = Vec::new();
    for document in project.documents() {
        let Some(layers) = by_document.get(&document.id) else {
            continue;
        };
        summary.documents += 1;
        for &(name, found) in layers {
            let line = line(document, name, found, project.registry())?;
            summary.layers += 1;
            summary.annotations += line.entities.len() + line.quotes.len() + line.events.len();
            buffer.clear();
            serde_json::to_writer(&mut buffer, &line)?;
            buffer.push(b'\n');
            out.write_all(&buffer)?;
        }
    }
    out.flush()?;
    Ok(summary)
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta<'a>,
    layer: &'a str,
    status: &'static str,
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    events: Vec<EventOut<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    author: Option<&'a str>,
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retrieved: Option<&'a str>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ProvenanceOut<'a> {
    source: &'static str,
    recommender: Option<&'a str>,
    score: Option<f32>,
    format: Option<&'a str>,
    annotator: &'a str,
    created: Timestamp,
    modified: Timestamp,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: String,
    start: usize,
    end: usize,
    text: &'a str,
    /// The further parts of a discontinuous mention (empty for a contiguous one).
    parts: Vec<SpanOut<'a>>,
    label: &'a str,
    attributes: &'a Attributes,
    norm: Option<&'a str>,
    /// The key of the canonical entity the mention stands for (after merges), if linked.
    entity: Option<&'a str>,
    note: &'a str,
    provenance: ProvenanceOut<'a>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: String,
    kind: &'static str,
    content: Vec<SpanOut<'a>>,
    cue: Option<SpanOut<'a>>,
    speaker: Option<String>,
    speaker_span: Option<SpanOut<'a>>,
    attributes: &'a Attributes,
    note: &'a str,
    provenance: ProvenanceOut<'a>,
}

#[derive(Serialize)]
struct ArgumentOut<'a> {
    role: &'a str,
    #[serde(rename = "ref")]
    filler: String,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: String,
    #[serde(rename = "type")]
    event_type: &'a str,
    trigger: SpanOut<'a>,
    arguments: Vec<ArgumentOut<'a>>,
    attributes: &'a Attributes,
    note: &'a str,
    provenance: ProvenanceOut<'a>,
}

fn line<'a>(
    document: &'a Document,
    name: &'a LayerName,
    layer: &'a Layer,
    registry: &'a crate::model::Registry,
) -> io::Result<Line<'a>> {
    let span = |span: CharSpan, id| span_out(&document.text, span, document, name, id);
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    for annotation in layer.iter() {
        match annotation {
            Annotation::Entity(entity) => entities.push(entity_out(
                entity,
                span(entity.span, entity.id.0)?,
                entity
                    .details()
                    .parts
                    .iter()
                    .map(|&part| span(part, entity.id.0))
                    .collect::<io::Result<_>>()?,
                registry,
            )),
            Annotation::Quote(quote) => quotes.push(quote_out(quote, layer, &span)?),
            Annotation::Event(event) => {
                events.push(event_out(event, span(event.trigger, event.id.0)?))
            }
        }
    }
    let meta = &document.meta;
    Ok(Line {
        id: document.id.as_str(),
        title: &document.title,
        meta: Meta {
            outlet: meta.outlet.as_deref(),
            url: meta.url.as_deref(),
            published: meta.published.as_deref(),
            author: meta.author.as_deref(),
            language: meta.language.as_deref(),
            retrieved: meta.retrieved.as_deref(),
        },
        layer: name.as_str(),
        status: status_name(layer.status),
        text: document.text.as_str(),
        entities,
        quotes,
        events,
    })
}

fn span_out<'a>(
    text: &'a Text,
    span: CharSpan,
    document: &Document,
    layer: &LayerName,
    id: u32,
) -> io::Result<SpanOut<'a>> {
    let covered = text.slice(span).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}/{layer} annotation {id}: span {span} lies outside the text ({} chars)",
                document.id,
                text.char_len()
            ),
        )
    })?;
    Ok(SpanOut {
        start: span.start,
        end: span.end,
        text: covered,
    })
}

fn entity_out<'a>(
    entity: &'a Entity,
    span: SpanOut<'a>,
    parts: Vec<SpanOut<'a>>,
    registry: &'a crate::model::Registry,
) -> EntityOut<'a> {
    EntityOut {
        id: entity.id.to_string(),
        start: span.start,
        end: span.end,
        text: span.text,
        parts,
        label: &entity.label,
        attributes: &entity.details().attributes,
        norm: entity.details().norm.as_deref(),
        entity: entity.details().entity.as_ref().map(|key| {
            registry
                .resolve(key)
                .map_or(key.as_str(), |canonical| canonical.key.as_str())
        }),
        note: &entity.details().note,
        provenance: provenance_out(&entity.provenance),
    }
}

fn quote_out<'a>(
    quote: &'a Quote,
    layer: &'a Layer,
    span: &impl Fn(CharSpan, u32) -> io::Result<SpanOut<'a>>,
) -> io::Result<QuoteOut<'a>> {
    let id = quote.id.0;
    let content = quote
        .content
        .iter()
        .map(|&content| span(content, id))
        .collect::<io::Result<Vec<_>>>()?;
    let cue = quote.cue.map(|cue| span(cue, id)).transpose()?;
    let (speaker, speaker_span) = match &quote.speaker {
        None => (None, None),
        Some(Speaker::Span(at)) => (None, Some(span(*at, id)?)),
        Some(Speaker::Mention(mention)) => {
            // A dangling link (which validation reports) still names its id; only its span is unknown.
            let at = layer
                .get(*mention)
                .and_then(Annotation::as_entity)
                .map(|e| e.span);
            (
                Some(mention.to_string()),
                at.map(|at| span(at, id)).transpose()?,
            )
        }
    };
    Ok(QuoteOut {
        id: quote.id.to_string(),
        kind: quote.kind.name(),
        content,
        cue,
        speaker,
        speaker_span,
        attributes: &quote.attributes,
        note: &quote.note,
        provenance: provenance_out(&quote.provenance),
    })
}

fn event_out<'a>(event: &'a Event, trigger: SpanOut<'a>) -> EventOut<'a> {
    EventOut {
        id: event.id.to_string(),
        event_type: &event.event_type,
        trigger,
        arguments: event
            .arguments
            .iter()
            .map(|argument| ArgumentOut {
                role: &argument.role,
                filler: argument.filler.to_string(),
            })
            .collect(),
        attributes: &event.attributes,
        note: &event.note,
        provenance: provenance_out(&event.provenance),
    }
}

fn provenance_out(provenance: &Provenance) -> ProvenanceOut<'_> {
    let (source, recommender, score, format) = match &provenance.source {
        Source::Manual => ("manual", None, None, None),
        Source::Suggestion { recommender, score } => {
            ("suggestion", Some(recommender.as_str()), Some(*score), None)
        }
        Source::Imported { format } => ("imported", None, None, Some(format.as_str())),
    };
    ProvenanceOut {
        source,
        recommender,
        score,
        format,
        annotator: &provenance.annotator,
        created: provenance.created,
        modified: provenance.modified,
    }
}

/// Machine-readable status names (the model's display names have spaces).
fn status_name(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Adjudicated => "adjudicated",
    }
}
