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
    // Lines are serialised into a buffer and written a good many at a time: serde_json writing its
    // many small pieces through `dyn Write` was most of the export's time.
    let mut buffer = Vec::new();
    let summary = write_lines(project, layer, &mut buffer, |buffer| {
        out.write_all(buffer)?;
        buffer.clear();
        Ok(())
    })?;
    out.write_all(&buffer)?;
    out.flush()?;
    Ok(summary)
}

/// [`export_jsonl`] into memory: the lines serialised straight into the bytes returned, with no
/// copy in between (an export's runs are put together this way before they are written).
pub fn export_jsonl_bytes(
    project: &Project,
    layer: Option<&LayerName>,
) -> io::Result<(Vec<u8>, ExportSummary)> {
    // Room for every line at once, so that the bytes do not move as they grow.
    let room: usize = project
        .layers()
        .filter(|(key, _)| layer.is_none_or(|wanted| *wanted == key.layer))
        .map(|(key, found)| {
            let text = project
                .document(&key.doc)
                .map_or(0, |d| d.text.as_str().len());
            line_room(text, found.len())
        })
        .sum();
    let mut bytes = Vec::with_capacity(room);
    let summary = write_lines(project, layer, &mut bytes, |_| Ok(()))?;
    Ok((bytes, summary))
}

/// Room enough, nearly always, for a line of a text of `text` bytes and `annotations` annotations:
/// the text with some escapes, and the longest usual annotation (an entity with its provenance
/// is some 300 bytes besides its words).
fn line_room(text: usize, annotations: usize) -> usize {
    text + text / 8 + 1_024 + 512 * annotations
}

/// How many bytes of lines [`export_jsonl`] gathers before it writes them.
const WRITE_EVERY: usize = 1 << 20;

/// Appends the lines to `buffer`, handing it to `flush` whenever it holds [`WRITE_EVERY`] bytes.
fn write_lines(
    project: &Project,
    layer: Option<&LayerName>,
    buffer: &mut Vec<u8>,
    mut flush: impl FnMut(&mut Vec<u8>) -> io::Result<()>,
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
    for document in project.documents() {
        let Some(layers) = by_document.get(&document.id) else {
            continue;
        };
        summary.documents += 1;
        for &(name, found) in layers {
            let line = line(document, name, found, project.registry())?;
            summary.layers += 1;
            let annotations = line.entities.len() + line.quotes.len() + line.events.len();
            summary.annotations += annotations;
            buffer.reserve(line_room(document.text.as_str().len(), annotations));
            serde_json::to_writer(&mut *buffer, &line)?;
            buffer.push(b'\n');
            if buffer.len() >= WRITE_EVERY {
                flush(buffer)?;
            }
        }
    }
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
    created: TimestampOut,
    modified: TimestampOut,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: IdOut,
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
    id: IdOut,
    kind: &'static str,
    content: Vec<SpanOut<'a>>,
    cue: Option<SpanOut<'a>>,
    speaker: Option<IdOut>,
    speaker_span: Option<SpanOut<'a>>,
    attributes: &'a Attributes,
    note: &'a str,
    provenance: ProvenanceOut<'a>,
}

#[derive(Serialize)]
struct ArgumentOut<'a> {
    role: &'a str,
    #[serde(rename = "ref")]
    filler: IdOut,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: IdOut,
    #[serde(rename = "type")]
    event_type: &'a str,
    trigger: SpanOut<'a>,
    arguments: Vec<ArgumentOut<'a>>,
    attributes: &'a Attributes,
    note: &'a str,
    provenance: ProvenanceOut<'a>,
}

/// An annotation id, written as a JSON string (`"12"`) without a `String` made for it.
struct IdOut(u32);

impl Serialize for IdOut {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut digits = Ascii::<10>::default();
        let width = self.0.checked_ilog10().unwrap_or(0) + 1;
        digits.number(self.0, width);
        serializer.serialize_str(digits.as_str())
    }
}

/// A time as RFC 3339 in UTC, exactly as `jiff` prints it (`2026-12-04T16:02:03Z`, with the
/// fraction of a second when there is one, its trailing zeros left out), printed here without
/// the formatting machinery: two of these in every annotation were a tenth of the export's time.
struct TimestampOut(Timestamp);

impl Serialize for TimestampOut {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match rfc3339(self.0) {
            Some(text) => serializer.serialize_str(text.as_str()),
            // Before 1970 or after 9999: jiff's own printing.
            None => serializer.collect_str(&self.0),
        }
    }
}

/// `time` as jiff's `Display` prints it, for times from 1970 to 9999 (`None` for others).
fn rfc3339(time: Timestamp) -> Option<Ascii<30>> {
    let seconds = time.as_second();
    let nanos = u32::try_from(time.subsec_nanosecond()).ok()?;
    if !(0..253_402_300_800).contains(&seconds) {
        return None;
    }
    let (days, of_day) = (seconds / 86_400, seconds % 86_400);
    // Days since 1970-01-01 to the civil date: Howard Hinnant's `civil_from_days`, for days ≥ 0.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let field = |value: i64| u32::try_from(value).ok();
    let mut out = Ascii::<30>::default();
    out.number(field(year)?, 4);
    out.push(b'-');
    out.number(field(month)?, 2);
    out.push(b'-');
    out.number(field(day)?, 2);
    out.push(b'T');
    out.number(field(of_day / 3_600)?, 2);
    out.push(b':');
    out.number(field(of_day / 60 % 60)?, 2);
    out.push(b':');
    out.number(field(of_day % 60)?, 2);
    if nanos != 0 {
        out.push(b'.');
        let mut digits = 9;
        let mut fraction = nanos;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        out.number(fraction, digits);
    }
    out.push(b'Z');
    Some(out)
}

/// A short ASCII string on the stack.
#[derive(Clone, Copy)]
struct Ascii<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Default for Ascii<N> {
    fn default() -> Self {
        Self {
            bytes: [0; N],
            len: 0,
        }
    }
}

impl<const N: usize> Ascii<N> {
    /// Appends `byte` (ASCII); beyond `N` bytes nothing is appended.
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// Appends the last `width` decimal digits of `value`, zero-padded; beyond `N` bytes nothing.
    fn number(&mut self, mut value: u32, width: u32) {
        let start = self.len;
        let end = start + width as usize;
        let Some(digits) = self.bytes.get_mut(start..end) else {
            return;
        };
        // From the last digit back: dividing by a constant ten is a multiplication.
        for digit in digits.iter_mut().rev() {
            *digit = b'0' + (value % 10) as u8;
            value /= 10;
        }
        self.len = end;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
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
        id: IdOut(entity.id.0),
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
                Some(IdOut(mention.0)),
                at.map(|at| span(at, id)).transpose()?,
            )
        }
    };
    Ok(QuoteOut {
        id: IdOut(quote.id.0),
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
        id: IdOut(event.id.0),
        event_type: &event.event_type,
        trigger,
        arguments: event
            .arguments
            .iter()
            .map(|argument| ArgumentOut {
                role: &argument.role,
                filler: IdOut(argument.filler.0),
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
        created: TimestampOut(provenance.created),
        modified: TimestampOut(provenance.modified),
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn times_print_as_jiff_prints_them(
            seconds in 0_i64..253_402_207_200,
            nanos in 0_i32..1_000_000_000,
            rounded_to in 0_u32..10,
        ) {
            // Fractions with trailing zeros (whole milliseconds, whole seconds) as well as without.
            let nanos = nanos / 10_i32.pow(rounded_to) * 10_i32.pow(rounded_to);
            let time = Timestamp::new(seconds, nanos).unwrap_or_default();
            let printed = rfc3339(time).map(|text| text.as_str().to_owned());
            proptest::prop_assert_eq!(printed, Some(time.to_string()));
        }

        #[test]
        fn ids_and_times_are_json_strings_as_display_prints_them(id: u32, seconds in -10_000_000_000_i64..10_000_000_000) {
            let time = Timestamp::new(seconds, 0).unwrap_or_default();
            proptest::prop_assert_eq!(
                serde_json::to_string(&(IdOut(id), TimestampOut(time))).ok(),
                serde_json::to_string(&(id.to_string(), time)).ok()
            );
        }
    }

    #[test]
    fn the_edges_of_the_calendar_print_as_jiff_prints_them() {
        for text in [
            "1970-01-01T00:00:00Z",
            "1972-02-29T23:59:59.5Z",
            "2000-02-29T12:00:00.000000001Z",
            "2100-03-01T00:00:00Z",
            "2026-12-04T16:02:03.123Z",
            "9999-12-30T21:59:59.999999999Z",
        ] {
            let time: Timestamp = text.parse().unwrap_or_default();
            assert_eq!(
                rfc3339(time).map(|t| t.as_str().to_owned()),
                Some(text.to_owned())
            );
        }
        let before: Timestamp = "1969-12-31T23:59:59Z".parse().unwrap_or_default();
        assert!(rfc3339(before).is_none(), "left to jiff");
    }
}
