//! Import of brat standoff folders: `<doc>.txt` with `<doc>.ann` beside it.
//!
//! Read as [`crate::formats::brat`] writes them, and as brat and PolNeAR-style corpora do:
//! - `T` lines become entity mentions, except event triggers, quote parts (`Content`, a cue used as an
//!   `Attribution` trigger, a `Source` used as a speaker) and nothing else. Fragments separated only by
//!   whitespace (brat splits spans at line breaks) are joined; an entity with a real gap is a
//!   discontinuous mention (its fragments become its parts), a trigger with one cannot be one Gloss
//!   span and is reported and skipped. Each `T`'s text is checked against the
//!   `.txt`, counting chars of the file as is, or of the text with CRLF read as LF.
//! - `E` lines become events (`Role2` is role `Role` again, as brat numbers repeated roles); an
//!   `Attribution` event becomes a quote (cue = trigger, `Source` = speaker, `Content` = content).
//!   A `Content` `T` in no attribution is a quote on its own; `Attributed_to` relations give it a
//!   speaker. Other relations and `*` equivalences have no place in Gloss and are reported.
//! - `A` (and legacy `M`) lines become attributes (a binary attribute has the value `true`);
//!   `QuoteKind` sets a quote's kind. `N` lines become norms (`Gloss:Q1246` → `Q1246`, any other
//!   database keeps its name: `Wikidata:Q1246`), except `GlossEntity:<key>`, a link to a canonical
//!   entity of the registry. `#` `AnnotatorNotes` lines become notes.
//! - Labels the schema lacks become schema additions. `.conf` files are read by brat, not here.

use crate::model::EntityDetails;
use crate::model::Label;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::brat::{ATTRIBUTED_TO, CONTENT, CUE, ENTITY_DB, QUOTE_KIND, SOURCE, line_break};
use super::brat_ann::{Line, parse};
use super::error::{FormatError, utf8};
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::{SourceText, Unit};
use crate::model::{
    Annotation, CharSpan, DocumentMeta, Entity, Event, EventArgument, LayerKey, Quote, QuoteKind,
    Speaker,
};

pub(crate) fn read(
    builder: &mut Builder<'_>,
    files: &[(String, Vec<u8>)],
) -> Result<(), FormatError> {
    // Pair files by their path without extension, in the order their .txt files come.
    let mut texts: Vec<(&str, &str)> = Vec::new();
    let mut anns: HashMap<&str, (&str, &[u8])> = HashMap::new();
    for (name, bytes) in files {
        match name.rsplit_once('.') {
            Some((stem, "txt")) => texts.push((stem, name)),
            Some((stem, "ann")) => {
                anns.insert(stem, (name, bytes));
            }
            Some((_, "conf")) => {}
            _ => builder.note(name, None, "skipped: not a .txt or .ann file"),
        }
    }
    let paired: HashSet<&str> = texts.iter().map(|(stem, _)| *stem).collect();
    if let Some((_, (ann, _))) = anns.iter().find(|(stem, _)| !paired.contains(**stem)) {
        let expected = ann.strip_suffix(".ann").unwrap_or(ann);
        return Err(FormatError::file(
            ann,
            format!("expected {expected}.txt beside it, holding the text it annotates"),
        ));
    }
    if texts.is_empty() {
        return Err(FormatError::Empty(
            "no .txt files among the brat files given".to_owned(),
        ));
    }
    let bytes: HashMap<&str, &[u8]> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    // Gloss writes each layer of an all-layer export to its own folder: the folder names the layer,
    // when the files come from more than one folder (a single folder is just where the corpus is).
    let folders: HashSet<&str> = anns.keys().map(|stem| parent_folder(stem)).collect();
    let layered = folders.len() > 1;
    for (stem, txt) in texts {
        let raw = utf8(txt, bytes.get(txt).copied().unwrap_or_default())?;
        let source = SourceText::new(raw);
        let doc = builder.document(
            file_stem(txt),
            title_from(source.text.as_str()),
            &source,
            DocumentMeta::default(),
        );
        let Some(&(ann, ann_bytes)) = anns.get(stem) else {
            continue;
        };
        let lines = parse(ann, utf8(ann, ann_bytes)?)?;
        let named = layered.then(|| parent_folder(stem));
        let key = builder.named_key(&doc, named, ann);
        Document {
            builder: &mut *builder,
            file: ann,
            key,
            source: &source,
        }
        .build(lines);
    }
    Ok(())
}

/// The name of the folder `path` lies in (`out/alice/talks` → `alice`), empty at the top.
fn parent_folder(path: &str) -> &str {
    let mut parts = path.rsplit(['/', '\\']);
    parts.next();
    parts.next().unwrap_or_default()
}

/// The parts of a quote, by brat id: an attribution event (or a lone content span) and what it names.
struct QuoteParts {
    line: usize,
    name: String,
    cue: Option<String>,
    source: Option<String>,
    content: Vec<String>,
}

/// Turns one `.ann` file's lines into annotations of one document.
struct Document<'b, 'p, 's> {
    builder: &'b mut Builder<'p>,
    file: &'s str,
    key: LayerKey,
    source: &'s SourceText,
}

impl Document<'_, '_, '_> {
    fn skip(&mut self, line: usize, message: String) {
        self.builder.note(self.file, Some(line), message);
    }

    /// The spans of a `T` line, checked against its text; `None` (reported) when they do not fit.
    fn fragments(
        &mut self,
        line: usize,
        id: &str,
        fragments: &[(usize, usize)],
        claimed: Option<&str>,
    ) -> Option<Vec<CharSpan>> {
        let text = &self.source.text;
        let mut found = None;
        for unit in [Unit::Chars, Unit::StoredChars] {
            let spans: Option<Vec<CharSpan>> = fragments
                .iter()
                .map(|&(s, e)| self.source.span(s, e, unit))
                .collect();
            let Some(spans) = spans else { continue };
            let covered: Vec<&str> = spans
                .iter()
                .map(|&s| text.slice(s).unwrap_or_default())
                .collect();
            let covered = covered.join(" ");
            if claimed
                .is_none_or(|claimed| crate::model::text::normalize_newlines(claimed).0 == covered)
            {
                return Some(spans);
            }
            found.get_or_insert(covered);
        }
        let message = match (found, claimed) {
            (Some(found), Some(claimed)) => {
                format!("{id} skipped: expected the text {claimed:?}, found {found:?}")
            }
            _ => format!(
                "{id} skipped: its offsets do not fit the text ({} chars)",
                text.char_len()
            ),
        };
        self.skip(line, message);
        None
    }

    /// Fragments joined where only whitespace lies between them.
    fn joined(&self, mut spans: Vec<CharSpan>) -> Vec<CharSpan> {
        spans.sort();
        let mut out: Vec<CharSpan> = Vec::with_capacity(spans.len());
        for span in spans {
            if let Some(last) = out.last_mut() {
                let gap = CharSpan::new(last.end.min(span.start), span.start);
                let blank = self
                    .source
                    .text
                    .slice(gap)
                    .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || line_break(c)));
                if span.start <= last.end || blank {
                    *last = last.union(span);
                    continue;
                }
            }
            out.push(span);
        }
        out
    }

    fn build(mut self, lines: Vec<(usize, Line)>) {
        // Text-bound annotations that fit the text, by brat id: (line, label, spans joined at blanks).
        let mut bound: HashMap<String, (usize, String, Vec<CharSpan>)> = HashMap::new();
        for (number, line) in &lines {
            if let Line::Text {
                id,
                label,
                fragments,
                text,
            } = line
                && let Some(spans) = self.fragments(*number, id, fragments, text.as_deref())
            {
                let spans = self.joined(spans);
                bound.insert(id.clone(), (*number, label.clone(), spans));
            }
        }
        let triggers: HashSet<&str> = lines
            .iter()
            .filter_map(|(_, l)| match l {
                Line::Event { trigger, .. } => Some(trigger.as_str()),
                _ => None,
            })
            .collect();
        let speakers: HashSet<&str> = lines
            .iter()
            .flat_map(|(_, l)| match l {
                Line::Event {
                    event_type,
                    arguments,
                    ..
                } if event_type == CUE => arguments.as_slice(),
                Line::Relation {
                    relation,
                    arguments,
                    ..
                } if relation == ATTRIBUTED_TO => arguments.as_slice(),
                _ => &[],
            })
            .filter(|(role, _)| role == SOURCE || role == "Arg2")
            .map(|(_, id)| id.as_str())
            .collect();

        let mut annotations: Vec<Annotation> = Vec::new();
        // brat id → index in `annotations` (a quote's content T and attribution E both name the quote).
        let mut index: HashMap<String, usize> = HashMap::new();
        let one_span = |this: &mut Self, number: usize, id: &str, spans: &[CharSpan]| match spans {
            [span] => Some(*span),
            _ => {
                this.skip(
                    number,
                    format!(
                        "{id} skipped: discontinuous (Gloss mentions and triggers are one span)"
                    ),
                );
                None
            }
        };
        for (_, line) in &lines {
            let Line::Text { id, .. } = line else {
                continue;
            };
            let Some((number, label, spans)) = bound.get(id) else {
                continue;
            };
            let is_speaker_span = label == SOURCE && speakers.contains(id.as_str());
            if triggers.contains(id.as_str()) || label == CONTENT || is_speaker_span {
                continue;
            }
            // A discontinuous mention: its first fragment, then the others as parts.
            let mut spans = spans.clone();
            spans.sort();
            let Some((&span, parts)) = spans.split_first() else {
                continue;
            };
            if spans.windows(2).any(|w| w[0].end > w[1].start) {
                self.skip(*number, format!("{id} skipped: its fragments overlap"));
                continue;
            }
            let parts = parts.to_vec();
            let annotation_id = self.builder.claim_id(&self.key, None);
            index.insert(id.clone(), annotations.len());
            annotations.push(Annotation::Entity(
                Entity::new(
                    annotation_id,
                    span,
                    Label::new(label),
                    self.builder.provenance(),
                )
                .with_details(EntityDetails {
                    parts,
                    ..EntityDetails::default()
                }),
            ));
        }
        let id_of = |index: &HashMap<String, usize>, annotations: &[Annotation], brat: &str| {
            index
                .get(brat)
                .and_then(|&i| annotations.get(i))
                .map(Annotation::id)
        };

        // Events: ids first (an event may fill another's role), then their arguments.
        let mut events = Vec::new();
        for (number, line) in &lines {
            let Line::Event {
                id,
                event_type,
                trigger,
                arguments,
            } = line
            else {
                continue;
            };
            if event_type == CUE {
                continue;
            }
            let Some((_, _, spans)) = bound.get(trigger) else {
                self.skip(
                    *number,
                    format!("{id} skipped: its trigger {trigger} was skipped or is missing"),
                );
                continue;
            };
            let Some(span) = one_span(&mut self, *number, trigger, spans) else {
                continue;
            };
            let annotation_id = self.builder.claim_id(&self.key, None);
            index.insert(id.clone(), annotations.len());
            events.push((*number, id, arguments, annotations.len()));
            annotations.push(Annotation::Event(Box::new(Event {
                id: annotation_id,
                trigger: span,
                event_type: Label::new(event_type),
                arguments: Vec::new(),
                attributes: Default::default(),
                note: String::new(),
                provenance: self.builder.provenance(),
            })));
        }
        for (number, id, arguments, at) in events {
            let mut filled = Vec::new();
            let event_type = annotations
                .get(at)
                .map(|a| a.label().to_owned())
                .unwrap_or_default();
            for (role, filler) in arguments {
                match id_of(&index, &annotations, filler) {
                    Some(filler) => filled.push(EventArgument {
                        role: Label::new(&self.role(&event_type, role)),
                        filler,
                    }),
                    None => self.skip(number, format!("{id}: argument {role}:{filler} dropped: {filler} was skipped or is missing")),
                }
            }
            if let Some(Annotation::Event(event)) = annotations.get_mut(at) {
                event.arguments = filled;
            }
        }

        // Quotes: attribution events, then content spans in no attribution.
        let mut quote_parts: Vec<QuoteParts> = Vec::new();
        let mut used_content = HashSet::new();
        for (number, line) in &lines {
            if let Line::Event {
                id,
                event_type,
                trigger,
                arguments,
            } = line
                && event_type == CUE
            {
                let source = arguments
                    .iter()
                    .find(|(role, _)| role == SOURCE)
                    .map(|(_, t)| t.clone());
                let content: Vec<String> = arguments
                    .iter()
                    .filter(|(role, _)| {
                        role.trim_end_matches(|c: char| c.is_ascii_digit()) == CONTENT
                    })
                    .map(|(_, t)| t.clone())
                    .collect();
                used_content.extend(content.iter().cloned());
                quote_parts.push(QuoteParts {
                    line: *number,
                    name: id.clone(),
                    cue: Some(trigger.clone()),
                    source,
                    content,
                });
            }
        }
        let mut relations: BTreeMap<&str, &str> = BTreeMap::new();
        for (number, line) in &lines {
            match line {
                Line::Relation {
                    relation,
                    arguments,
                    ..
                } if relation == ATTRIBUTED_TO => {
                    let arg = |name: &str| {
                        arguments
                            .iter()
                            .find(|(role, _)| role == name)
                            .map(|(_, t)| t.as_str())
                    };
                    if let (Some(content), Some(speaker)) = (arg("Arg1"), arg("Arg2")) {
                        relations.insert(content, speaker);
                    }
                }
                Line::Relation { id, relation, .. } => {
                    self.skip(
                        *number,
                        format!("{id} skipped: Gloss holds no {relation} relations"),
                    );
                }
                Line::Other { id } => self.skip(
                    *number,
                    format!("{id} skipped: Gloss holds no equivalences"),
                ),
                _ => {}
            }
        }
        for (number, line) in &lines {
            if let Line::Text { id, label, .. } = line
                && label == CONTENT
                && !used_content.contains(id)
                && bound.contains_key(id)
            {
                let speaker = relations.get(id.as_str()).map(|s| (*s).to_owned());
                quote_parts.push(QuoteParts {
                    line: *number,
                    name: id.clone(),
                    cue: None,
                    source: speaker,
                    content: vec![id.clone()],
                });
            }
        }
        for QuoteParts {
            line: number,
            name,
            cue,
            source,
            content: content_ids,
        } in quote_parts
        {
            let mut content = Vec::new();
            for part in &content_ids {
                match bound.get(part) {
                    Some((_, _, spans)) => content.extend(spans.iter().copied()),
                    None => self.skip(
                        number,
                        format!("{name}: content {part} was skipped or is missing"),
                    ),
                }
            }
            if content.is_empty() {
                self.skip(number, format!("{name} skipped: no content span"));
                continue;
            }
            let cue = cue.and_then(|cue| match bound.get(&cue) {
                Some((_, _, spans)) => spans.first().map(|s| s.union(*spans.last().unwrap_or(s))),
                None => {
                    self.skip(
                        number,
                        format!("{name}: cue {cue} was skipped or is missing"),
                    );
                    None
                }
            });
            let speaker =
                source.and_then(|s| match (id_of(&index, &annotations, &s), bound.get(&s)) {
                    (Some(mention), _) => Some(Speaker::Mention(mention)),
                    (None, Some((_, _, spans))) => spans
                        .first()
                        .map(|f| Speaker::Span(f.union(*spans.last().unwrap_or(f)))),
                    (None, None) => {
                        self.skip(
                            number,
                            format!("{name}: speaker {s} was skipped or is missing"),
                        );
                        None
                    }
                });
            let quote_id = self.builder.claim_id(&self.key, None);
            let at = annotations.len();
            index.insert(name, at);
            for part in content_ids {
                index.entry(part).or_insert(at);
            }
            annotations.push(Annotation::Quote(Box::new(Quote {
                id: quote_id,
                content: self.joined(content),
                cue,
                speaker,
                kind: QuoteKind::Direct,
                attributes: Default::default(),
                note: String::new(),
                provenance: self.builder.provenance(),
            })));
        }

        for (number, line) in &lines {
            let target = match line {
                Line::Attribute { target, .. }
                | Line::Norm { target, .. }
                | Line::Note { target, .. } => target,
                _ => continue,
            };
            let Some(annotation) = index.get(target).and_then(|&i| annotations.get_mut(i)) else {
                self.skip(
                    *number,
                    format!("skipped: {target} was skipped or is missing"),
                );
                continue;
            };
            match (line, annotation) {
                (Line::Attribute { name, value, .. }, Annotation::Quote(quote))
                    if name == QUOTE_KIND =>
                {
                    quote.kind = QuoteKind::parse(value).unwrap_or(quote.kind);
                }
                (Line::Attribute { name, value, .. }, annotation) => {
                    annotation
                        .attributes_mut()
                        .insert(name.clone(), value.clone());
                }
                (Line::Norm { reference, .. }, Annotation::Entity(entity)) => {
                    // Gloss's own link to a canonical entity (`GlossEntity:kosovo`) is a link,
                    // not a norm.
                    match reference
                        .strip_prefix(ENTITY_DB)
                        .and_then(|r| r.strip_prefix(':'))
                        .and_then(crate::model::EntityKey::new)
                    {
                        Some(key) => entity.details_mut().entity = Some(key),
                        None => entity.details_mut().norm = Some(reference.clone()),
                    }
                }
                (Line::Note { text, .. }, annotation) => *annotation.note_mut() = text.clone(),
                _ => self.skip(
                    *number,
                    format!("skipped: {target} is not an entity mention, so it takes no norm"),
                ),
            }
        }
        for annotation in annotations {
            self.builder.push(&self.key, annotation);
        }
    }

    /// A role as brat numbers it (`Participant2`) back to the schema's name (`Participant`).
    fn role(&self, event_type: &str, role: &str) -> String {
        let known = self
            .builder
            .schema()
            .event_type(event_type)
            .is_some_and(|ty| ty.role(role).is_some());
        let stripped = role.trim_end_matches(|c: char| c.is_ascii_digit());
        if known || stripped.is_empty() {
            role.to_owned()
        } else {
            stripped.to_owned()
        }
    }
}
