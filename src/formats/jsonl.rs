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

use crate::model::annotation::Attributes;
use crate::model::{
    Annotation, CharSpan, DocId, Document, Entity, Event, Layer, LayerName, Project, Provenance,
    Quote, Source, Speaker, Status, Timestamp,
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
    let mut times = TimeCache::default();
    for document in project.documents() {
        let Some(layers) = by_document.get(&document.id) else {
            continue;
        };
        summary.documents += 1;
        for &(name, found) in layers {
            buffer.reserve(line_room(document.text.as_str().len(), found.len()));
            let annotations = write_line(
                buffer,
                document,
                name,
                found,
                project.registry(),
                &mut times,
            )?;
            buffer.push(b'\n');
            summary.layers += 1;
            summary.annotations += annotations;
            if buffer.len() >= WRITE_EVERY {
                flush(buffer)?;
            }
        }
    }
    Ok(summary)
}

/// Appends one line (without its newline) for `layer` of `document` to `out`, in the shape of the
/// module doc, and returns how many annotations it holds. On an error nothing is appended.
///
/// Written by hand rather than through serde: the keys are constant bytes, strings are escaped a
/// word at a time, and nothing is gathered first. serde_json escaping every key and every value a
/// byte at a time was the larger part of an export's serialising (the test module keeps the serde
/// form the lines must match, and a property test holds the two together).
fn write_line(
    out: &mut Vec<u8>,
    document: &Document,
    name: &LayerName,
    layer: &Layer,
    registry: &crate::model::Registry,
    times: &mut TimeCache,
) -> io::Result<usize> {
    let start = out.len();
    let written = Json { out, times }.line(document, name, layer, registry);
    if written.is_err() {
        out.truncate(start);
    }
    written
}

/// The JSON of a line, appended to `out`.
struct Json<'b> {
    out: &'b mut Vec<u8>,
    times: &'b mut TimeCache,
}

impl Json<'_> {
    fn line(
        &mut self,
        document: &Document,
        name: &LayerName,
        layer: &Layer,
        registry: &crate::model::Registry,
    ) -> io::Result<usize> {
        let meta = &document.meta;
        self.raw(b"{\"id\":");
        self.str(document.id.as_str());
        self.raw(b",\"title\":");
        self.str(&document.title);
        self.raw(b",\"meta\":{\"outlet\":");
        self.opt_str(meta.outlet.as_deref());
        self.raw(b",\"url\":");
        self.opt_str(meta.url.as_deref());
        self.raw(b",\"published\":");
        self.opt_str(meta.published.as_deref());
        self.raw(b",\"author\":");
        self.opt_str(meta.author.as_deref());
        self.raw(b",\"language\":");
        self.opt_str(meta.language.as_deref());
        if let Some(retrieved) = &meta.retrieved {
            self.raw(b",\"retrieved\":");
            self.str(retrieved);
        }
        self.raw(b"},\"layer\":");
        self.str(name.as_str());
        self.raw(b",\"status\":");
        self.str(status_name(layer.status));
        self.raw(b",\"text\":");
        self.str(document.text.as_str());
        let at = Spans { document, name };
        // Three passes over the layer, one per list, instead of gathering the lists first.
        self.raw(b",\"entities\":[");
        for (n, entity) in layer.iter().filter_map(Annotation::as_entity).enumerate() {
            self.comma_unless_first(n);
            self.entity(entity, &at, registry)?;
        }
        self.raw(b"],\"quotes\":[");
        for (n, quote) in layer.iter().filter_map(Annotation::as_quote).enumerate() {
            self.comma_unless_first(n);
            self.quote(quote, layer, &at)?;
        }
        self.raw(b"],\"events\":[");
        for (n, event) in layer.iter().filter_map(Annotation::as_event).enumerate() {
            self.comma_unless_first(n);
            self.event(event, &at)?;
        }
        self.raw(b"]}");
        // Every annotation is a mention, a quote or an event: each is in one of the lists.
        Ok(layer.len())
    }

    fn entity(
        &mut self,
        entity: &Entity,
        at: &Spans<'_>,
        registry: &crate::model::Registry,
    ) -> io::Result<()> {
        let id = entity.id.0;
        let details = entity.details();
        self.raw(b"{\"id\":");
        self.id(id);
        self.raw(b",");
        self.span_fields(entity.span, at.covered(entity.span, id)?);
        self.raw(b",\"parts\":[");
        for (n, &part) in details.parts.iter().enumerate() {
            self.comma_unless_first(n);
            self.span(part, at.covered(part, id)?);
        }
        self.raw(b"],\"label\":");
        self.str(&entity.label);
        self.raw(b",\"attributes\":");
        self.attributes(&details.attributes);
        self.raw(b",\"norm\":");
        self.opt_str(details.norm.as_deref());
        self.raw(b",\"entity\":");
        self.opt_str(details.entity.as_ref().map(|key| {
            registry
                .resolve(key)
                .map_or(key.as_str(), |canonical| canonical.key.as_str())
        }));
        self.raw(b",\"note\":");
        self.str(&details.note);
        self.raw(b",\"provenance\":");
        self.provenance(&entity.provenance)?;
        self.raw(b"}");
        Ok(())
    }

    fn quote(&mut self, quote: &Quote, layer: &Layer, at: &Spans<'_>) -> io::Result<()> {
        let id = quote.id.0;
        self.raw(b"{\"id\":");
        self.id(id);
        self.raw(b",\"kind\":");
        self.str(quote.kind.name());
        self.raw(b",\"content\":[");
        for (n, &content) in quote.content.iter().enumerate() {
            self.comma_unless_first(n);
            self.span(content, at.covered(content, id)?);
        }
        self.raw(b"],\"cue\":");
        match quote.cue {
            Some(cue) => self.span(cue, at.covered(cue, id)?),
            None => self.raw(b"null"),
        }
        let (speaker, speaker_span) = match &quote.speaker {
            None => (None, None),
            Some(Speaker::Span(span)) => (None, Some(*span)),
            // A dangling link (which validation reports) still names its id; only its span is unknown.
            Some(Speaker::Mention(mention)) => (
                Some(mention.0),
                layer
                    .get(*mention)
                    .and_then(Annotation::as_entity)
                    .map(|e| e.span),
            ),
        };
        self.raw(b",\"speaker\":");
        match speaker {
            Some(mention) => self.id(mention),
            None => self.raw(b"null"),
        }
        self.raw(b",\"speaker_span\":");
        match speaker_span {
            Some(span) => self.span(span, at.covered(span, id)?),
            None => self.raw(b"null"),
        }
        self.last_fields(&quote.attributes, &quote.note, &quote.provenance)
    }

    fn event(&mut self, event: &Event, at: &Spans<'_>) -> io::Result<()> {
        let id = event.id.0;
        self.raw(b"{\"id\":");
        self.id(id);
        self.raw(b",\"type\":");
        self.str(&event.event_type);
        self.raw(b",\"trigger\":");
        self.span(event.trigger, at.covered(event.trigger, id)?);
        self.raw(b",\"arguments\":[");
        for (n, argument) in event.arguments.iter().enumerate() {
            self.comma_unless_first(n);
            self.raw(b"{\"role\":");
            self.str(&argument.role);
            self.raw(b",\"ref\":");
            self.id(argument.filler.0);
            self.raw(b"}");
        }
        self.raw(b"]");
        self.last_fields(&event.attributes, &event.note, &event.provenance)
    }

    /// `,"attributes":…,"note":…,"provenance":…}`: how a quote and an event end.
    fn last_fields(
        &mut self,
        attributes: &Attributes,
        note: &str,
        provenance: &Provenance,
    ) -> io::Result<()> {
        self.raw(b",\"attributes\":");
        self.attributes(attributes);
        self.raw(b",\"note\":");
        self.str(note);
        self.raw(b",\"provenance\":");
        self.provenance(provenance)?;
        self.raw(b"}");
        Ok(())
    }

    fn provenance(&mut self, provenance: &Provenance) -> io::Result<()> {
        let (source, recommender, score, format) = match &provenance.source {
            Source::Manual => ("manual", None, None, None),
            Source::Suggestion { recommender, score } => {
                ("suggestion", Some(recommender.as_str()), Some(*score), None)
            }
            Source::Imported { format } => ("imported", None, None, Some(format.as_str())),
        };
        if matches!(provenance.source, Source::Manual) {
            // Most annotations: one copy for what a drawn annotation's provenance always begins with.
            self.raw(
                b"{\"source\":\"manual\",\"recommender\":null,\"score\":null,\"format\":null,\"annotator\":",
            );
        } else {
            self.raw(b"{\"source\":");
            self.str(source);
            self.raw(b",\"recommender\":");
            self.opt_str(recommender);
            self.raw(b",\"score\":");
            match score {
                // serde_json's own printing of a float (and its `null` for NaN and infinities).
                Some(score) => serde_json::to_writer(&mut *self.out, &score)?,
                None => self.raw(b"null"),
            }
            self.raw(b",\"format\":");
            self.opt_str(format);
            self.raw(b",\"annotator\":");
        }
        self.str(&provenance.annotator);
        self.raw(b",\"created\":");
        self.time(provenance.created);
        self.raw(b",\"modified\":");
        self.time(provenance.modified);
        self.raw(b"}");
        Ok(())
    }

    /// `{"start":…,"end":…,"text":…}`.
    fn span(&mut self, span: CharSpan, covered: &str) {
        self.raw(b"{");
        self.span_fields(span, covered);
        self.raw(b"}");
    }

    /// `"start":…,"end":…,"text":…`, the fields a span shares with an entity.
    fn span_fields(&mut self, span: CharSpan, covered: &str) {
        self.raw(b"\"start\":");
        self.number(span.start);
        self.raw(b",\"end\":");
        self.number(span.end);
        self.raw(b",\"text\":");
        self.str(covered);
    }

    fn attributes(&mut self, attributes: &Attributes) {
        self.raw(b"{");
        for (n, (key, value)) in attributes.iter().enumerate() {
            self.comma_unless_first(n);
            self.str(key);
            self.raw(b":");
            self.str(value);
        }
        self.raw(b"}");
    }

    fn comma_unless_first(&mut self, n: usize) {
        if n > 0 {
            self.out.push(b',');
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn number(&mut self, n: usize) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    /// An annotation id, as a JSON string (`"12"`).
    fn id(&mut self, id: u32) {
        self.out.push(b'"');
        self.raw(itoa::Buffer::new().format(id).as_bytes());
        self.out.push(b'"');
    }

    fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.raw(b"null"),
        }
    }

    fn str(&mut self, text: &str) {
        escaped(self.out, text);
    }

    /// A time as a JSON string, RFC 3339 in UTC exactly as `jiff` prints it.
    fn time(&mut self, time: Timestamp) {
        match self.times.rfc3339(time) {
            Some(text) => {
                self.out.push(b'"');
                self.raw(text.as_bytes());
                self.out.push(b'"');
            }
            // Before 1970 or after 9999: jiff's own printing.
            None => self.str(&time.to_string()),
        }
    }
}

/// Where a line's spans are and what they cover, for its error messages.
struct Spans<'a> {
    document: &'a Document,
    name: &'a LayerName,
}

impl<'a> Spans<'a> {
    /// The text `span` of annotation `id` covers; an error when it lies outside the text.
    fn covered(&self, span: CharSpan, id: u32) -> io::Result<&'a str> {
        let text = &self.document.text;
        text.slice(span).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{}/{} annotation {id}: span {span} lies outside the text ({} chars)",
                    self.document.id,
                    self.name,
                    text.char_len()
                ),
            )
        })
    }
}

/// The last time printed and its text: an annotation's two times are mostly one, and the
/// annotations made together often share theirs, so most times are printed once.
#[derive(Default)]
struct TimeCache {
    last: Option<(Timestamp, Ascii<30>)>,
}

impl TimeCache {
    fn rfc3339(&mut self, time: Timestamp) -> Option<Ascii<30>> {
        match self.last {
            Some((last, text)) if last == time => Some(text),
            _ => {
                let text = rfc3339(time)?;
                self.last = Some((time, text));
                Some(text)
            }
        }
    }
}

/// Appends `text` as a JSON string, escaped exactly as serde_json escapes it: `"` and `\`, and
/// the control characters (as `\n`, `\t`, … where JSON has a short form, else as `\u00XX`).
///
/// Eight bytes are looked at at once, and runs with nothing to escape are copied whole: news text
/// has a quotation mark or a line break every few hundred bytes.
fn escaped(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(word) = bytes.get(at..at + 8)
            && let Ok(word) = <[u8; 8]>::try_from(word)
            && !needs_escape(u64::from_le_bytes(word))
        {
            at += 8;
            continue;
        }
        // A word with something to escape in it, or the last few bytes: byte by byte.
        let end = (at + 8).min(bytes.len());
        for (i, &byte) in (at..end).zip(bytes.get(at..end).unwrap_or_default()) {
            if let Some(escape) = escape_of(byte) {
                out.extend_from_slice(bytes.get(copied..i).unwrap_or_default());
                out.extend_from_slice(escape.as_bytes());
                copied = i + 1;
            }
        }
        at = end;
    }
    out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    out.push(b'"');
}

/// Whether any of the eight bytes of `word` is `"`, `\` or below 0x20 (the classic bit tricks:
/// a byte's top bit is left set exactly when some byte is zero, or below the constant; they may
/// mark a wrong byte but never miss one or mark one in a word without any).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & TOPS != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & TOPS != 0;
    below_space
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// What JSON writes for `byte`, if it must be escaped.
fn escape_of(byte: u8) -> Option<EscapeText> {
    let short = match byte {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        0x08 => "\\b",
        0x09 => "\\t",
        0x0A => "\\n",
        0x0C => "\\f",
        0x0D => "\\r",
        0x00..=0x1F => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let mut text = Ascii::<6>::default();
            for b in *b"\\u00" {
                text.push(b);
            }
            text.push(HEX[usize::from(byte >> 4)]);
            text.push(HEX[usize::from(byte & 0xF)]);
            return Some(EscapeText::Long(text));
        }
        _ => return None,
    };
    Some(EscapeText::Short(short))
}

/// An escape: a short one (`\n`) or `\u00XX`.
enum EscapeText {
    Short(&'static str),
    Long(Ascii<6>),
}

impl EscapeText {
    fn as_bytes(&self) -> &[u8] {
        match self {
            EscapeText::Short(text) => text.as_bytes(),
            EscapeText::Long(text) => text.as_bytes(),
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

    #[cfg(test)]
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The bytes appended: ASCII, so no check that they are UTF-8 is needed to copy them out.
    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
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

    /// The shape of a line as serde derives it from plain structs: the specification the hand-written
    /// writer must match byte for byte (this was the export's code before the writer).
    mod serde_form {
        use super::super::*;
        use crate::model::Text;
        use serde::Serialize;

        /// One line as serde_json writes it.
        pub(super) fn line_json(
            document: &Document,
            name: &LayerName,
            layer: &Layer,
            registry: &crate::model::Registry,
        ) -> io::Result<Vec<u8>> {
            let line = line(document, name, layer, registry)?;
            Ok(serde_json::to_vec(&line)?)
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

        /// An id as serde writes a `String` of it.
        struct IdOut(u32);

        impl Serialize for IdOut {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0.to_string())
            }
        }

        /// A time as serde writes jiff's `Display` of it.
        struct TimestampOut(Timestamp);

        impl Serialize for TimestampOut {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0)
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
    }

    use crate::model::annotation::{EntityDetails, EventArgument, QuoteKind};
    use crate::model::{AnnotationId, DocumentMeta, EntityKey};
    use proptest::prelude::{Just, Strategy, any, prop_oneof};

    /// Text that exercises escaping: plain words, quotation marks, backslashes, control
    /// characters, DEL, and any char at all.
    fn any_text(max: usize) -> impl Strategy<Value = String> {
        let char = prop_oneof![
            4 => proptest::char::range('a', 'z'),
            2 => Just(' '),
            1 => Just('"'),
            1 => Just('\\'),
            1 => (0_u8..0x20).prop_map(char::from),
            1 => Just('\u{7f}'),
            2 => any::<char>(),
        ];
        proptest::collection::vec(char, 0..max).prop_map(|chars| chars.into_iter().collect())
    }

    fn document(text: &str, title: &str, meta: &[Option<String>]) -> Document {
        let id = crate::model::DocId::new("doc-1").unwrap_or_else(|| unreachable!());
        let mut document = Document::from_raw(id, title, text);
        let field = |n: usize| meta.get(n).cloned().flatten();
        document.meta = DocumentMeta {
            outlet: field(0),
            url: field(1),
            published: field(2),
            author: field(3),
            language: field(4),
            retrieved: field(5),
            ..DocumentMeta::default()
        };
        document
    }

    /// An annotation of any kind with any fields, its spans placed in the text when it is made.
    #[derive(Clone, Debug)]
    struct Made {
        kind: u8,
        spans: Vec<(usize, usize)>,
        label: String,
        note: String,
        attributes: Vec<(String, String)>,
        norm: Option<String>,
        linked: bool,
        speaker: u8,
        source: u8,
        score: f32,
        times: (i64, i32, i64),
    }

    fn any_annotation() -> impl Strategy<Value = Made> {
        (
            (
                0_u8..3,
                proptest::collection::vec((0_usize..100, 0_usize..8), 1..4),
            ),
            (any_text(8), any_text(8)),
            proptest::collection::vec((any_text(5), any_text(5)), 0..3),
            (proptest::option::of(any_text(5)), any::<bool>(), 0_u8..20),
            (0_u8..3, any::<f32>()),
            (
                -100_000_000_000_i64..300_000_000_000,
                0_i32..1_000_000_000,
                0_i64..2,
            ),
        )
            .prop_map(
                |(
                    (kind, spans),
                    (label, note),
                    attributes,
                    (norm, linked, speaker),
                    (source, score),
                    times,
                )| Made {
                    kind,
                    spans,
                    label,
                    note,
                    attributes,
                    norm,
                    linked,
                    speaker,
                    source,
                    score,
                    times,
                },
            )
    }

    impl Made {
        fn annotation(&self, id: AnnotationId, chars: usize) -> Annotation {
            let span = |n: usize| {
                let (start, len) = self.spans.get(n).copied().unwrap_or_default();
                let start = start.min(chars);
                CharSpan::new(start, (start + len).min(chars))
            };
            let (seconds, nanos, later) = self.times;
            let created = Timestamp::new(seconds, nanos).unwrap_or_default();
            let provenance = Provenance {
                source: match self.source {
                    0 => Source::Manual,
                    1 => Source::Suggestion {
                        recommender: self.label.as_str().into(),
                        score: self.score,
                    },
                    _ => Source::Imported {
                        format: self.note.as_str().into(),
                    },
                },
                annotator: self.note.as_str().into(),
                created,
                // The same time, or a later one.
                modified: Timestamp::new(seconds.saturating_add(later * 61), nanos)
                    .unwrap_or(created),
            };
            let attributes: Attributes = self.attributes.iter().cloned().collect();
            let spans: Vec<CharSpan> = (0..self.spans.len()).map(span).collect();
            match self.kind {
                0 => Annotation::Entity(
                    Entity::new(id, span(0), self.label.as_str(), provenance).with_details(
                        EntityDetails {
                            parts: spans.iter().skip(1).copied().collect(),
                            attributes,
                            norm: self.norm.clone(),
                            entity: if self.linked {
                                EntityKey::new("kurti-1")
                            } else {
                                None
                            },
                            note: self.note.clone(),
                        },
                    ),
                ),
                1 => Annotation::Quote(Box::new(Quote {
                    id,
                    content: spans.clone(),
                    cue: self.linked.then(|| span(1)),
                    speaker: match self.speaker % 3 {
                        0 => None,
                        1 => Some(Speaker::Span(span(2))),
                        // Any id: a mention, another kind of annotation, or none (dangling).
                        _ => Some(Speaker::Mention(AnnotationId(u32::from(self.speaker / 3)))),
                    },
                    kind: [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]
                        [usize::from(self.speaker % 3)],
                    attributes,
                    note: self.note.clone(),
                    provenance,
                })),
                _ => Annotation::Event(Box::new(Event {
                    id,
                    trigger: span(0),
                    event_type: self.label.as_str().into(),
                    arguments: self
                        .attributes
                        .iter()
                        .enumerate()
                        .map(|(n, (role, _))| EventArgument {
                            role: role.as_str().into(),
                            filler: AnnotationId(n as u32 + u32::from(self.speaker)),
                        })
                        .collect(),
                    attributes,
                    note: self.note.clone(),
                    provenance,
                })),
            }
        }
    }

    #[test]
    fn a_span_outside_the_text_is_an_error_and_leaves_nothing_written() {
        let document = document("Kurti spoke.", "Talks", &[]);
        let name = LayerName::new("amira").unwrap_or_else(|| unreachable!());
        let made = Made {
            kind: 0,
            spans: vec![(6, 40)],
            label: "PERSON".to_owned(),
            note: String::new(),
            attributes: Vec::new(),
            norm: None,
            linked: false,
            speaker: 0,
            source: 0,
            score: 0.0,
            times: (0, 0, 0),
        };
        let mut entity = made.annotation(AnnotationId(3), 100);
        if let Annotation::Entity(entity) = &mut entity {
            assert_eq!(entity.span, CharSpan::new(6, 46));
        }
        let layer = Layer::from_annotations(Status::Done, [(AnnotationId(3), entity)].into());
        let mut written = b"earlier lines\n".to_vec();
        let error = write_line(
            &mut written,
            &document,
            &name,
            &layer,
            &crate::model::Registry::default(),
            &mut TimeCache::default(),
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("doc-1/amira annotation 3: span 6..46 lies outside the text (12 chars)")
        );
        assert_eq!(written, b"earlier lines\n");
    }

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
        fn strings_are_escaped_as_serde_json_escapes_them(text in any_text(200)) {
            let mut out = Vec::new();
            escaped(&mut out, &text);
            proptest::prop_assert_eq!(
                String::from_utf8(out).ok(),
                serde_json::to_string(&text).ok()
            );
        }

        #[test]
        fn a_line_is_byte_for_byte_what_serde_writes(
            text in any_text(80),
            title in any_text(12),
            meta in proptest::collection::vec(proptest::option::of(any_text(6)), 6),
            annotations in proptest::collection::vec(any_annotation(), 0..12),
            status in 0_usize..4,
        ) {
            let document = document(&text, &title, &meta);
            let chars = document.text.char_len();
            let name = LayerName::new("amira").unwrap_or_else(|| unreachable!());
            let status = [Status::New, Status::InProgress, Status::Done, Status::Adjudicated][status];
            let layer = Layer::from_annotations(
                status,
                annotations
                    .into_iter()
                    .enumerate()
                    .map(|(n, made)| {
                        let id = AnnotationId(n as u32 + 1);
                        (id, made.annotation(id, chars))
                    })
                    .collect(),
            );
            let registry = crate::model::Registry::default();
            let mut written = Vec::new();
            let mut times = TimeCache::default();
            let annotations = write_line(&mut written, &document, &name, &layer, &registry, &mut times);
            proptest::prop_assert_eq!(annotations.ok(), Some(layer.len()));
            let expected = serde_form::line_json(&document, &name, &layer, &registry).ok();
            proptest::prop_assert_eq!(String::from_utf8(written).ok(), expected.and_then(|e| String::from_utf8(e).ok()));
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
