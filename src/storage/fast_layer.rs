//! A fast reader for layer files as Gloss writes them. Parsing RON through serde is most of the
//! time of reading a large project (about 150 MB/s on this data; a 10,000-article project holds
//! 450 MB of layer files), so the files Gloss itself wrote are read by this hand-written parser, and
//! anything it does not recognise goes to `ron` as before.
//!
//! The contract: when [`parse`] returns `Some(file)`, `ron::from_str::<LayerFile>` on the same text
//! returns `Ok(file)`; when the text is anything else (comments, raw strings, other number forms,
//! struct names, an escape it does not know, a missing, unknown or repeated field, a syntax error),
//! [`parse`] returns `None` and the caller asks `ron`, which gives the same result or its own error
//! message. It accepts a subset of RON: `tests` below check it against `ron` on written files and
//! on every kind of change a hand edit makes.

use std::collections::BTreeMap;

use super::format_v1::{
    ArgumentV1, EntityV1, EventV1, LayerFile, ProvenanceV1, QuoteKindV1, QuoteV1, RejectedKindV1,
    RejectionV1, SourceV1, SpanV1, SpeakerV1, StatusV1,
};

/// The layer file in `source`, or `None` when it is not in the form this reader knows.
pub(crate) fn parse(source: &str) -> Option<LayerFile> {
    let mut reader = Reader {
        bytes: source.as_bytes(),
        source,
        at: 0,
        last_time: None,
    };
    let file = reader.layer_file()?;
    reader.ws()?;
    (reader.at == reader.bytes.len()).then_some(file)
}

struct Reader<'a> {
    bytes: &'a [u8],
    source: &'a str,
    at: usize,
    /// The last timestamp read, with its text: a layer's `created` and `modified` repeat.
    last_time: Option<(&'a str, jiff::Timestamp)>,
}

/// Collects a struct's fields: each may be given once.
macro_rules! field {
    ($slot:expr, $value:expr) => {{
        if $slot.is_some() {
            return None;
        }
        $slot = Some($value);
    }};
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips blanks; a comment (which `ron` allows) is left to `ron`.
    fn ws(&mut self) -> Option<()> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.at += 1,
                b'/' => return None,
                _ => break,
            }
        }
        Some(())
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.ws()?;
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Whether the next token is `byte` (consumed if so).
    fn try_eat(&mut self, byte: u8) -> Option<bool> {
        self.ws()?;
        Some(if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        })
    }

    /// A plain identifier: ASCII letters, digits and `_` (a raw identifier `r#…` goes to `ron`).
    fn ident(&mut self) -> Option<&'a str> {
        self.ws()?;
        let start = self.at;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        let name = &self.source[start..self.at];
        let first = name.bytes().next()?;
        if first.is_ascii_digit() || matches!(self.peek(), Some(b'#' | b'"')) || self.at_unicode() {
            return None;
        }
        Some(name)
    }

    /// Whether a non-ASCII char follows (an identifier `ron` would read on into).
    fn at_unicode(&self) -> bool {
        self.peek().is_some_and(|b| b >= 0x80)
    }

    /// Iterates the fields of a struct `( name: value, … )`, calling `field` at each value.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'(')?;
        loop {
            if self.try_eat(b')')? {
                return Some(());
            }
            let name = self.ident()?;
            self.eat(b':')?;
            field(self, name)?;
            if !self.try_eat(b',')? {
                return self.eat(b')');
            }
        }
    }

    /// `[ item, … ]`.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        loop {
            if self.try_eat(b']')? {
                return Some(items);
            }
            items.push(item(self)?);
            if !self.try_eat(b',')? {
                self.eat(b']')?;
                return Some(items);
            }
        }
    }

    /// A decimal number without sign, separators or leading zeros.
    fn digits(&mut self) -> Option<u64> {
        self.ws()?;
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let text = &self.source[start..self.at];
        if text.is_empty()
            || (text.len() > 1 && text.starts_with('0'))
            || self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b >= 0x80)
        {
            return None;
        }
        text.parse().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.digits()?).ok()
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.digits()?).ok()
    }

    /// A plain decimal float (`0.82`, `1`, `1e-3`); `inf`, `NaN`, suffixes and `_` go to `ron`.
    fn f32(&mut self) -> Option<f32> {
        self.ws()?;
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        {
            self.at += 1;
        }
        let text = &self.source[start..self.at];
        if text.is_empty()
            || text.contains("..")
            || self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            return None;
        }
        text.parse().ok()
    }

    /// A `"…"` string with the escapes Gloss's writer makes (`char::escape_debug`'s).
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let rest = &self.bytes[self.at..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] == b'"' {
            let text = self.source.get(self.at..self.at + end)?.to_owned();
            self.at += end + 1;
            return Some(text);
        }
        let mut text = String::with_capacity(end + 16);
        loop {
            let rest = &self.bytes[self.at..];
            let next = memchr::memchr2(b'"', b'\\', rest)?;
            text.push_str(self.source.get(self.at..self.at + next)?);
            self.at += next + 1;
            if rest[next] == b'"' {
                return Some(text);
            }
            let escaped = self.peek()?;
            self.at += 1;
            match escaped {
                b'"' => text.push('"'),
                b'\\' => text.push('\\'),
                b'\'' => text.push('\''),
                b'n' => text.push('\n'),
                b'r' => text.push('\r'),
                b't' => text.push('\t'),
                b'0' => text.push('\0'),
                b'u' => {
                    if self.peek()? != b'{' {
                        return None;
                    }
                    self.at += 1;
                    let start = self.at;
                    while self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                        self.at += 1;
                    }
                    let hex = &self.source[start..self.at];
                    if hex.is_empty() || hex.len() > 6 || self.peek()? != b'}' {
                        return None;
                    }
                    self.at += 1;
                    text.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                }
                _ => return None,
            }
        }
    }

    /// `Some(value)` or `None`.
    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.ident()? {
            "None" => Some(None),
            "Some" => {
                self.eat(b'(')?;
                let inner = value(self)?;
                self.eat(b')')?;
                Some(Some(inner))
            }
            _ => None,
        }
    }

    /// `{ "key": "value", … }`; a repeated key keeps its last value, as serde's map does.
    fn map(&mut self) -> Option<BTreeMap<String, String>> {
        self.eat(b'{')?;
        let mut map = BTreeMap::new();
        loop {
            if self.try_eat(b'}')? {
                return Some(map);
            }
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.string()?;
            map.insert(key, value);
            if !self.try_eat(b',')? {
                self.eat(b'}')?;
                return Some(map);
            }
        }
    }

    fn timestamp(&mut self) -> Option<jiff::Timestamp> {
        // Borrow the text when it has no escapes, to compare it with the last one.
        self.eat(b'"')?;
        let rest = &self.bytes[self.at..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] != b'"' {
            return None;
        }
        let text = self.source.get(self.at..self.at + end)?;
        self.at += end + 1;
        if let Some((last, time)) = self.last_time
            && last == text
        {
            return Some(time);
        }
        let time: jiff::Timestamp = text.parse().ok()?;
        self.last_time = Some((text, time));
        Some(time)
    }

    fn layer_file(&mut self) -> Option<LayerFile> {
        let (mut format, mut document, mut layer, mut status) = (None, None, None, None);
        let (mut entities, mut quotes, mut events, mut rejected) = (None, None, None, None);
        self.fields(|r, name| {
            match name {
                "format" => field!(format, r.u32()?),
                "document" => field!(document, r.string()?),
                "layer" => field!(layer, r.string()?),
                "status" => field!(status, r.status()?),
                "entities" => field!(entities, r.list(Self::entity)?),
                "quotes" => field!(quotes, r.list(Self::quote)?),
                "events" => field!(events, r.list(Self::event)?),
                "rejected" => field!(rejected, r.list(Self::rejection)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(LayerFile {
            format: format?,
            document: document?,
            layer: layer?,
            status: status?,
            entities: entities.unwrap_or_default(),
            quotes: quotes.unwrap_or_default(),
            events: events.unwrap_or_default(),
            rejected: rejected.unwrap_or_default(),
        })
    }

    fn status(&mut self) -> Option<StatusV1> {
        Some(match self.ident()? {
            "New" => StatusV1::New,
            "InProgress" => StatusV1::InProgress,
            "Done" => StatusV1::Done,
            "Adjudicated" => StatusV1::Adjudicated,
            _ => return None,
        })
    }

    fn span(&mut self) -> Option<SpanV1> {
        let (mut start, mut end, mut text) = (None, None, None);
        self.fields(|r, name| {
            match name {
                "start" => field!(start, r.usize()?),
                "end" => field!(end, r.usize()?),
                "text" => field!(text, r.string()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(SpanV1 {
            start: start?,
            end: end?,
            text: text?,
        })
    }

    /// A provenance as Gloss writes it, `(source: …, annotator: "…", created: "…", modified:
    /// "…")`, read by matching the fixed text between the values; `None`, with the position where
    /// it was, for any other form.
    fn provenance_as_written(&mut self) -> Option<ProvenanceV1> {
        self.or_back(|r| {
            r.literal(b"(source: ")?;
            let source = r.source()?;
            r.literal(b", annotator: ")?;
            let annotator = r.string()?;
            r.literal(b", created: ")?;
            let created = r.timestamp()?;
            r.literal(b", modified: ")?;
            let modified = r.timestamp()?;
            r.literal(b")")?;
            Some(ProvenanceV1 {
                source,
                annotator,
                created,
                modified,
            })
        })
    }

    fn provenance(&mut self) -> Option<ProvenanceV1> {
        self.ws()?;
        if let Some(provenance) = self.provenance_as_written() {
            return Some(provenance);
        }
        let (mut source, mut annotator, mut created, mut modified) = (None, None, None, None);
        self.fields(|r, name| {
            match name {
                "source" => field!(source, r.source()?),
                "annotator" => field!(annotator, r.string()?),
                "created" => field!(created, r.timestamp()?),
                "modified" => field!(modified, r.timestamp()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(ProvenanceV1 {
            source: source?,
            annotator: annotator?,
            created: created?,
            modified: modified?,
        })
    }

    fn source(&mut self) -> Option<SourceV1> {
        match self.ident()? {
            "Manual" => {
                // `Manual()` and the like go to `ron`.
                self.ws()?;
                (self.peek() != Some(b'(')).then_some(SourceV1::Manual)
            }
            "Suggestion" => {
                let (mut recommender, mut score) = (None, None);
                self.fields(|r, name| {
                    match name {
                        "recommender" => field!(recommender, r.string()?),
                        "score" => field!(score, r.f32()?),
                        _ => return None,
                    }
                    Some(())
                })?;
                Some(SourceV1::Suggestion {
                    recommender: recommender?,
                    score: score?,
                })
            }
            "Imported" => {
                let mut format = None;
                self.fields(|r, name| {
                    match name {
                        "format" => field!(format, r.string()?),
                        _ => return None,
                    }
                    Some(())
                })?;
                Some(SourceV1::Imported { format: format? })
            }
            _ => None,
        }
    }

    /// Consumes `literal` when the text goes on with exactly it; `None` (nothing consumed) if not.
    fn literal(&mut self, literal: &[u8]) -> Option<()> {
        self.bytes[self.at..]
            .starts_with(literal)
            .then(|| self.at += literal.len())
    }

    /// What `read` reads, or `None` with the position back where it was: for a fixed form tried
    /// before the general reader.
    fn or_back<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let at = self.at;
        let value = read(self);
        if value.is_none() {
            self.at = at;
        }
        value
    }

    /// A number right here (no blanks before it) that a `,` or `)` ends, as [`Reader::digits`]
    /// reads it.
    fn number_here(&mut self) -> Option<u64> {
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(&b) = self.bytes.get(self.at).filter(|b| b.is_ascii_digit()) {
            value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        let ended = matches!(self.peek(), Some(b',' | b')'));
        (ended && (len == 1 || (len > 1 && self.bytes[start] != b'0'))).then_some(value)
    }

    /// An entity as Gloss writes one with none of the optional fields, `(id: 1, start: 0, end: 5,
    /// text: "…", label: "…", provenance: (…))`: most entities, read by matching the fixed text
    /// between the values instead of reading and matching each field's name. `None`, with the
    /// position where it was, for any other form, which the general reader below takes.
    fn entity_as_written(&mut self) -> Option<EntityV1> {
        self.or_back(Self::entity_fixed_form)
    }

    fn entity_fixed_form(&mut self) -> Option<EntityV1> {
        self.literal(b"(id: ")?;
        let id = u32::try_from(self.number_here()?).ok()?;
        self.literal(b", start: ")?;
        let start = usize::try_from(self.number_here()?).ok()?;
        self.literal(b", end: ")?;
        let end = usize::try_from(self.number_here()?).ok()?;
        self.literal(b", text: ")?;
        let text = self.string()?;
        self.literal(b", label: ")?;
        let label = self.string()?;
        self.literal(b", provenance: ")?;
        let provenance = self.provenance()?;
        self.literal(b")")?;
        Some(EntityV1 {
            id,
            start,
            end,
            text,
            parts: Vec::new(),
            label,
            attributes: BTreeMap::new(),
            norm: None,
            entity: None,
            note: String::new(),
            provenance,
        })
    }

    fn entity(&mut self) -> Option<EntityV1> {
        self.ws()?;
        if let Some(entity) = self.entity_as_written() {
            return Some(entity);
        }
        let (mut id, mut start, mut end, mut text, mut parts) = (None, None, None, None, None);
        let (mut label, mut attributes, mut norm, mut entity) = (None, None, None, None);
        let (mut note, mut provenance) = (None, None);
        self.fields(|r, name| {
            match name {
                "id" => field!(id, r.u32()?),
                "start" => field!(start, r.usize()?),
                "end" => field!(end, r.usize()?),
                "text" => field!(text, r.string()?),
                "parts" => field!(parts, r.list(Self::span)?),
                "label" => field!(label, r.string()?),
                "attributes" => field!(attributes, r.map()?),
                "norm" => field!(norm, r.option(Self::string)?),
                "entity" => field!(entity, r.option(Self::string)?),
                "note" => field!(note, r.string()?),
                "provenance" => field!(provenance, r.provenance()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(EntityV1 {
            id: id?,
            start: start?,
            end: end?,
            text: text?,
            parts: parts.unwrap_or_default(),
            label: label?,
            attributes: attributes.unwrap_or_default(),
            norm: norm.flatten(),
            entity: entity.flatten(),
            note: note.unwrap_or_default(),
            provenance: provenance?,
        })
    }

    fn quote(&mut self) -> Option<QuoteV1> {
        let (mut id, mut kind, mut content, mut cue, mut speaker) = (None, None, None, None, None);
        let (mut attributes, mut note, mut provenance) = (None, None, None);
        self.fields(|r, name| {
            match name {
                "id" => field!(id, r.u32()?),
                "kind" => field!(kind, r.quote_kind()?),
                "content" => field!(content, r.list(Self::span)?),
                "cue" => field!(cue, r.option(Self::span)?),
                "speaker" => field!(speaker, r.option(Self::speaker)?),
                "attributes" => field!(attributes, r.map()?),
                "note" => field!(note, r.string()?),
                "provenance" => field!(provenance, r.provenance()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(QuoteV1 {
            id: id?,
            kind: kind?,
            content: content?,
            cue: cue.flatten(),
            speaker: speaker.flatten(),
            attributes: attributes.unwrap_or_default(),
            note: note.unwrap_or_default(),
            provenance: provenance?,
        })
    }

    fn quote_kind(&mut self) -> Option<QuoteKindV1> {
        Some(match self.ident()? {
            "Direct" => QuoteKindV1::Direct,
            "Indirect" => QuoteKindV1::Indirect,
            "Mixed" => QuoteKindV1::Mixed,
            _ => return None,
        })
    }

    fn speaker(&mut self) -> Option<SpeakerV1> {
        let speaker = match self.ident()? {
            "Mention" => {
                self.eat(b'(')?;
                SpeakerV1::Mention(self.u32()?)
            }
            "Span" => {
                self.eat(b'(')?;
                SpeakerV1::Span(self.span()?)
            }
            _ => return None,
        };
        self.eat(b')')?;
        Some(speaker)
    }

    fn event(&mut self) -> Option<EventV1> {
        let (mut id, mut event_type, mut trigger, mut arguments) = (None, None, None, None);
        let (mut attributes, mut note, mut provenance) = (None, None, None);
        self.fields(|r, name| {
            match name {
                "id" => field!(id, r.u32()?),
                "type" => field!(event_type, r.string()?),
                "trigger" => field!(trigger, r.span()?),
                "arguments" => field!(arguments, r.list(Self::argument)?),
                "attributes" => field!(attributes, r.map()?),
                "note" => field!(note, r.string()?),
                "provenance" => field!(provenance, r.provenance()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(EventV1 {
            id: id?,
            event_type: event_type?,
            trigger: trigger?,
            arguments: arguments.unwrap_or_default(),
            attributes: attributes.unwrap_or_default(),
            note: note.unwrap_or_default(),
            provenance: provenance?,
        })
    }

    fn argument(&mut self) -> Option<ArgumentV1> {
        let (mut role, mut filler) = (None, None);
        self.fields(|r, name| {
            match name {
                "role" => field!(role, r.string()?),
                "ref" => field!(filler, r.u32()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(ArgumentV1 {
            role: role?,
            filler: filler?,
        })
    }

    fn rejection(&mut self) -> Option<RejectionV1> {
        let (mut kind, mut start, mut end, mut text, mut label) = (None, None, None, None, None);
        self.fields(|r, name| {
            match name {
                "kind" => field!(
                    kind,
                    match r.ident()? {
                        "Entity" => RejectedKindV1::Entity,
                        "Quote" => RejectedKindV1::Quote,
                        "Event" => RejectedKindV1::Event,
                        _ => return None,
                    }
                ),
                "start" => field!(start, r.usize()?),
                "end" => field!(end, r.usize()?),
                "text" => field!(text, r.string()?),
                "label" => field!(label, r.string()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(RejectionV1 {
            kind: kind?,
            start: start?,
            end: end?,
            text: text?,
            label: label?,
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::storage::format_v1::VERSION;
    use crate::storage::save::layer_style;

    fn written(file: &LayerFile) -> String {
        ron::ser::to_string_pretty(file, layer_style()).unwrap_or_default()
    }

    /// Text with the characters that need escapes or care: quotes, backslashes, controls,
    /// right-to-left marks, combining accents, letters of other scripts.
    fn any_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\''),
                Just('\\'),
                Just('\n'),
                Just('\t'),
                Just('\r'),
                Just('\0'),
                Just('\u{200f}'),
                Just('\u{301}'),
                Just('é'),
                Just('ك'),
                Just('/'),
                Just('#'),
                Just(','),
                Just(')'),
                proptest::char::range('a', 'z'),
                proptest::char::range(' ', '~'),
                any::<char>(),
            ],
            0..12,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    fn span() -> impl Strategy<Value = SpanV1> {
        (0usize..100_000, 0usize..100_000, any_text()).prop_map(|(start, end, text)| SpanV1 {
            start,
            end,
            text,
        })
    }

    fn provenance() -> impl Strategy<Value = ProvenanceV1> {
        let source = prop_oneof![
            Just(SourceV1::Manual),
            (
                any_text(),
                any::<f32>().prop_filter("a number", |f| f.is_finite())
            )
                .prop_map(|(recommender, score)| SourceV1::Suggestion { recommender, score }),
            (0f32..1.0).prop_map(|score| SourceV1::Suggestion {
                recommender: "baseline".to_owned(),
                score
            }),
            any_text().prop_map(|format| SourceV1::Imported { format }),
        ];
        (source, any_text(), 0i64..4_000_000_000, 0i64..4_000_000_000).prop_map(
            |(source, annotator, created, modified)| ProvenanceV1 {
                source,
                annotator,
                created: jiff::Timestamp::from_second(created).unwrap_or_default(),
                modified: jiff::Timestamp::from_second(modified).unwrap_or_default(),
            },
        )
    }

    fn attributes() -> impl Strategy<Value = BTreeMap<String, String>> {
        proptest::collection::btree_map(any_text(), any_text(), 0..3)
    }

    fn entity() -> impl Strategy<Value = EntityV1> {
        (
            (
                any::<u32>(),
                span(),
                proptest::collection::vec(span(), 0..2),
            ),
            (any_text(), attributes(), proptest::option::of(any_text())),
            (proptest::option::of(any_text()), any_text(), provenance()),
        )
            .prop_map(
                |((id, span, parts), (label, attributes, norm), (entity, note, provenance))| {
                    EntityV1 {
                        id,
                        start: span.start,
                        end: span.end,
                        text: span.text,
                        parts,
                        label,
                        attributes,
                        norm,
                        entity,
                        note,
                        provenance,
                    }
                },
            )
    }

    fn quote() -> impl Strategy<Value = QuoteV1> {
        let kind = prop_oneof![
            Just(QuoteKindV1::Direct),
            Just(QuoteKindV1::Indirect),
            Just(QuoteKindV1::Mixed)
        ];
        let speaker = prop_oneof![
            any::<u32>().prop_map(SpeakerV1::Mention),
            span().prop_map(SpeakerV1::Span)
        ];
        (
            (any::<u32>(), kind, proptest::collection::vec(span(), 0..3)),
            (proptest::option::of(span()), proptest::option::of(speaker)),
            (attributes(), any_text(), provenance()),
        )
            .prop_map(
                |((id, kind, content), (cue, speaker), (attributes, note, provenance))| QuoteV1 {
                    id,
                    kind,
                    content,
                    cue,
                    speaker,
                    attributes,
                    note,
                    provenance,
                },
            )
    }

    fn event() -> impl Strategy<Value = EventV1> {
        let argument =
            (any_text(), any::<u32>()).prop_map(|(role, filler)| ArgumentV1 { role, filler });
        (
            (any::<u32>(), any_text(), span()),
            proptest::collection::vec(argument, 0..3),
            (attributes(), any_text(), provenance()),
        )
            .prop_map(
                |((id, event_type, trigger), arguments, (attributes, note, provenance))| EventV1 {
                    id,
                    event_type,
                    trigger,
                    arguments,
                    attributes,
                    note,
                    provenance,
                },
            )
    }

    fn rejection() -> impl Strategy<Value = RejectionV1> {
        let kind = prop_oneof![
            Just(RejectedKindV1::Entity),
            Just(RejectedKindV1::Quote),
            Just(RejectedKindV1::Event)
        ];
        (kind, span(), any_text()).prop_map(|(kind, span, label)| RejectionV1 {
            kind,
            start: span.start,
            end: span.end,
            text: span.text,
            label,
        })
    }

    fn layer_file() -> impl Strategy<Value = LayerFile> {
        let status = prop_oneof![
            Just(StatusV1::New),
            Just(StatusV1::InProgress),
            Just(StatusV1::Done),
            Just(StatusV1::Adjudicated)
        ];
        (
            (any_text(), any_text(), status),
            proptest::collection::vec(entity(), 0..4),
            proptest::collection::vec(quote(), 0..3),
            proptest::collection::vec(event(), 0..3),
            proptest::collection::vec(rejection(), 0..2),
        )
            .prop_map(
                |((document, layer, status), entities, quotes, events, rejected)| LayerFile {
                    format: VERSION,
                    document,
                    layer,
                    status,
                    entities,
                    quotes,
                    events,
                    rejected,
                },
            )
    }

    /// What a hand edit can do to a file: take out a stretch, put in a character that means
    /// something to RON, repeat a stretch.
    fn edited(text: &str, at: usize, len: usize, choice: usize, insert: char) -> String {
        let mut bytes = text.as_bytes().to_vec();
        if bytes.is_empty() {
            return String::new();
        }
        let at = at % bytes.len();
        let end = (at + len % 12).min(bytes.len());
        match choice % 3 {
            0 => {
                bytes.drain(at..end);
            }
            1 => {
                let mut buffer = [0; 4];
                let encoded = insert.encode_utf8(&mut buffer).as_bytes().to_vec();
                bytes.splice(at..at, encoded);
            }
            _ => {
                let stretch = bytes[at..end].to_vec();
                bytes.splice(at..at, stretch);
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every file Gloss writes is read by the fast reader, into exactly what was written.
        #[test]
        fn what_gloss_writes_reads_back_through_the_fast_reader(file in layer_file()) {
            let text = written(&file);
            prop_assert_eq!(parse(&text), Some(file));
        }

        /// An edited file reads as `ron` reads it, or goes to `ron`: never another result.
        #[test]
        fn an_edited_file_reads_as_ron_reads_it_or_is_left_to_ron(
            file in layer_file(),
            edits in proptest::collection::vec(
                (any::<usize>(), any::<usize>(), any::<usize>(),
                 prop_oneof![
                     Just('/'), Just('#'), Just('_'), Just('r'), Just(' '), Just('\n'), Just(','),
                     Just(')'), Just('('), Just('"'), Just('\\'), Just('0'), Just('x'), Just('.'),
                     Just('é'), Just('f'), Just('e'), Just('-'), Just(':'), Just('{'), Just('['),
                 ]),
                1..4,
            ),
        ) {
            let mut text = written(&file);
            for (at, len, choice, insert) in edits {
                text = edited(&text, at, len, choice, insert);
            }
            let by_ron = ron::from_str::<LayerFile>(&text);
            if let Some(fast) = parse(&text) {
                prop_assert_eq!(by_ron.ok(), Some(fast), "{}", text);
            }
        }
    }

    /// The fixed form of an entity and a provenance (matched as text, not field by field) reads
    /// as `ron` reads it, and each near miss reads as `ron` does too or goes to `ron`.
    #[test]
    fn an_entity_as_gloss_writes_it_and_its_near_misses_read_as_ron_reads_them() {
        let entity = r#"(id: 7, start: 0, end: 5, text: "Vučić", label: "PERSON", provenance: (source: Manual, annotator: "alice", created: "2023-11-14T22:13:20Z", modified: "2023-11-14T22:13:20Z"))"#;
        let file = |entity: &str| {
            format!("(format: 1, document: \"d\", layer: \"a\", status: New, entities: [{entity}])")
        };
        let written = file(entity);
        let read = parse(&written).expect("the form Gloss writes");
        assert_eq!(
            Some(&read),
            ron::from_str::<LayerFile>(&written).ok().as_ref()
        );
        assert_eq!(read.entities[0].id, 7);
        assert_eq!(read.entities[0].text, "Vučić");
        for (from, to) in [
            ("id: 7", "id: 07"),
            ("id: 7", "id: 4294967296"),
            ("start: 0", "start: 00"),
            ("end: 5", "end: 5 "),
            ("end: 5", "end:5"),
            ("end: 5", "end: 5.0"),
            ("end: 5", "end: 5_0"),
            (", label", ",label"),
            (", label", ", note: \"n\", label"),
            ("source: Manual", "source: Manual()"),
            (
                "source: Manual",
                "source: Suggestion(recommender: \"r\", score: 0.5)",
            ),
            ("Z\"))", "Z\"), )"),
            ("Z\"))", "Z\", ))"),
            ("(id: 7", "( id: 7"),
            ("\"alice\"", "\"al\\u{69}ce\""),
        ] {
            let edited = file(&entity.replacen(from, to, 1));
            if let Some(fast) = parse(&edited) {
                assert_eq!(
                    Some(fast),
                    ron::from_str::<LayerFile>(&edited).ok(),
                    "{edited}"
                );
            }
        }
    }

    #[test]
    fn what_the_fast_reader_leaves_to_ron() {
        let header = "(format: 1, document: \"d\", layer: \"a\", status: New";
        for text in [
            // a comment
            format!("{header}, // done\n)"),
            // a struct name
            format!("LayerFile{header})"),
            // a raw string
            "(format: 1, document: r\"d\", layer: \"a\", status: New)".to_owned(),
            // a hexadecimal number
            "(format: 0x1, document: \"d\", layer: \"a\", status: New)".to_owned(),
            // an unknown field
            format!("{header}, colour: \"red\")"),
            // a repeated field
            format!("{header}, layer: \"b\")"),
            // a missing field
            "(format: 1, document: \"d\", status: New)".to_owned(),
            // something after the file
            format!("{header}) x"),
        ] {
            assert_eq!(parse(&text), None, "{text}");
        }
        assert!(parse(&format!("{header})")).is_some());
        assert!(parse(&format!("{header},\n)\n")).is_some());
    }
}
