//! An analyst's layer written down as text to find, in text order, so that every offset is computed,
//! never typed: each mention is searched (as a whole word) from the end of the previous one, each
//! quote from the end of the previous quote, each trigger after the previous trigger.
//!
//! A second annotator's layer is the first one's with a list of [`Change`]s: what they missed,
//! labelled or bounded differently, or had not reached yet. Second annotators do not normalise and
//! write no notes.

use gloss::model::EntityDetails;
use std::collections::BTreeMap;

use anyhow::{Context, Result, bail};
use gloss::model::annotation::Attributes;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, Entity, Event, EventArgument, Provenance, Quote, QuoteKind,
    Speaker, Timestamp,
};

use super::Article;

/// Where a quote's cue stands: before its content ("told reporters that …") or after it ("…,'' he said").
#[derive(Clone, Copy)]
pub enum Cue {
    Before(&'static str),
    After(&'static str),
}

pub type Attrs = &'static [(&'static str, &'static str)];
pub const PAST: Attrs = &[
    ("modality", "asserted"),
    ("polarity", "positive"),
    ("tense", "past"),
];
pub const PRESENT: Attrs = &[
    ("modality", "asserted"),
    ("polarity", "positive"),
    ("tense", "present"),
];
pub const FUTURE: Attrs = &[
    ("modality", "asserted"),
    ("polarity", "positive"),
    ("tense", "future"),
];
pub const INTENDED: Attrs = &[
    ("modality", "intended"),
    ("polarity", "positive"),
    ("tense", "future"),
];
pub const HYPOTHETICAL: Attrs = &[("modality", "hypothetical"), ("polarity", "positive")];

/// A mention: (key, text, label). The key names it for quotes and events (`""` when nothing links
/// to it).
pub type MentionSpec = (&'static str, &'static str, &'static str);

/// A quote: (key, kind, content, cue, speaker key).
pub type QuoteSpec = (&'static str, QuoteKind, &'static str, Cue, &'static str);

/// An event: (key, type, trigger, arguments as (role, mention or event key), attributes, note).
pub type EventSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    Attrs,
    &'static str,
);

/// One article's complete annotation, as its first annotator wrote it.
pub struct Spec {
    pub mentions: &'static [MentionSpec],
    /// Notes on mentions, by key.
    pub notes: &'static [(&'static str, &'static str)],
    /// Wikidata ids, by mention text, where they are certain.
    pub norms: &'static [(&'static str, &'static str)],
    pub quotes: &'static [QuoteSpec],
    pub events: &'static [EventSpec],
}

/// How a second annotator's layer differs from the first's.
#[derive(Clone, Copy)]
pub enum Change {
    /// Got as far as this mention: later mentions are not annotated yet (quotes and events are
    /// limited separately).
    StopAfter(&'static str),
    /// Annotated only the first events.
    FirstEvents(usize),
    /// Did not mark this mention (quotes and events lose the link to it).
    Missed(&'static str),
    /// Gave this mention another label.
    Label(&'static str, &'static str),
    /// Marked this text, overlapping the mention, instead of the mention's own span.
    Span(&'static str, &'static str),
    /// Also marked (text, label), found overlapping or after this mention.
    Extra(&'static str, &'static str, &'static str),
    /// Linked this quote to another speaker mention.
    Speaker(&'static str, &'static str),
}

/// One layer's annotations before ids and provenance are fixed. Links are by key.
#[derive(Clone)]
pub struct LayerDraft {
    entities: Vec<EntityDraft>,
    quotes: Vec<QuoteDraft>,
    events: Vec<EventDraft>,
}

#[derive(Clone)]
struct EntityDraft {
    key: &'static str,
    span: CharSpan,
    label: &'static str,
    norm: Option<&'static str>,
    note: &'static str,
}

#[derive(Clone)]
struct QuoteDraft {
    key: &'static str,
    kind: QuoteKind,
    content: CharSpan,
    cue: CharSpan,
    speaker: Option<&'static str>,
}

#[derive(Clone)]
struct EventDraft {
    key: &'static str,
    event_type: &'static str,
    trigger: CharSpan,
    arguments: Vec<(&'static str, &'static str)>,
    attributes: Attrs,
    note: &'static str,
}

fn lookup<'a>(table: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

impl LayerDraft {
    /// The first annotator's complete layer.
    pub fn first(article: &Article, spec: &Spec) -> Result<Self> {
        let mut entities = Vec::new();
        let mut cursor = 0;
        for &(key, text, label) in spec.mentions {
            let span = article.find(text, cursor, true)?;
            cursor = span.end;
            entities.push(EntityDraft {
                key,
                span,
                label,
                norm: lookup(spec.norms, text),
                note: lookup(spec.notes, key).unwrap_or(""),
            });
        }
        check_every_occurrence_is_tagged(article, &entities)?;

        let mut quotes = Vec::new();
        let mut cursor = 0;
        for &(key, kind, content, cue, speaker) in spec.quotes {
            let content = article.find(content, cursor, false)?;
            let cue = match cue {
                Cue::Before(cue) => {
                    let cue = article.find(cue, cursor, true)?;
                    if cue.end > content.start {
                        bail!("the cue of quote {key} does not precede its content");
                    }
                    cue
                }
                Cue::After(cue) => article.find(cue, content.end, true)?,
            };
            quotes.push(QuoteDraft {
                key,
                kind,
                content,
                cue,
                speaker: Some(speaker),
            });
            cursor = content.end;
        }

        let mut events = Vec::new();
        let mut cursor = 0;
        for &(key, event_type, trigger, arguments, attributes, note) in spec.events {
            let trigger = article.find(trigger, cursor, true)?;
            cursor = trigger.start + 1;
            events.push(EventDraft {
                key,
                event_type,
                trigger,
                arguments: arguments.to_vec(),
                attributes,
                note,
            });
        }
        Ok(Self {
            entities,
            quotes,
            events,
        })
    }

    /// A second annotator's layer: this one with `changes`, without norms or notes.
    pub fn varied(&self, article: &Article, changes: &[Change]) -> Result<Self> {
        let mut layer = self.clone();
        for entity in &mut layer.entities {
            entity.norm = None;
            entity.note = "";
        }
        for event in &mut layer.events {
            event.note = "";
        }
        for &change in changes {
            match change {
                Change::StopAfter(key) => {
                    let last = layer.entity(key)?;
                    layer.entities.truncate(last + 1);
                }
                Change::FirstEvents(n) => layer.events.truncate(n),
                Change::Missed(key) => {
                    let index = layer.entity(key)?;
                    layer.entities.remove(index);
                }
                Change::Label(key, label) => {
                    let index = layer.entity(key)?;
                    layer.entities[index].label = label;
                }
                Change::Span(key, text) => {
                    let index = layer.entity(key)?;
                    let span = layer.entities[index].span;
                    layer.entities[index].span = overlapping(article, text, span)?;
                }
                Change::Extra(key, text, label) => {
                    let index = layer.entity(key)?;
                    let near = layer.entities[index].span;
                    let from = near.start.saturating_sub(text.chars().count());
                    let span = article.find(text, from, true)?;
                    layer.entities.insert(
                        index + 1,
                        EntityDraft {
                            key: "",
                            span,
                            label,
                            norm: None,
                            note: "",
                        },
                    );
                }
                Change::Speaker(quote, speaker) => {
                    let quote = layer
                        .quotes
                        .iter_mut()
                        .find(|q| q.key == quote)
                        .with_context(|| format!("no quote is called {quote}"))?;
                    quote.speaker = Some(speaker);
                }
            }
        }
        // What links to a mention this annotator did not mark loses the link.
        let marked: Vec<&str> = layer.entities.iter().map(|e| e.key).collect();
        for quote in &mut layer.quotes {
            quote.speaker = quote.speaker.filter(|s| marked.contains(s));
        }
        let events: Vec<&str> = layer.events.iter().map(|e| e.key).collect();
        for event in &mut layer.events {
            event
                .arguments
                .retain(|(_, filler)| marked.contains(filler) || events.contains(filler));
        }
        Ok(layer)
    }

    fn entity(&self, key: &str) -> Result<usize> {
        self.entities
            .iter()
            .position(|e| e.key == key)
            .with_context(|| format!("no mention is called {key}"))
    }

    /// The annotations with ids in order (entities 1.., then quotes, then events) and manual
    /// provenance by `annotator`, one annotation every 40 seconds after `start`.
    pub fn annotations(&self, annotator: &str, start: Timestamp) -> Result<Vec<Annotation>> {
        let keys: Vec<&str> = (self.entities.iter().map(|e| e.key))
            .chain(self.quotes.iter().map(|q| q.key))
            .chain(self.events.iter().map(|e| e.key))
            .collect();
        let named: Vec<&str> = keys.iter().copied().filter(|k| !k.is_empty()).collect();
        if let Some(twice) = named
            .iter()
            .find(|k| named.iter().filter(|n| n == k).count() > 1)
        {
            bail!("{annotator}: two annotations are called {twice}");
        }
        let id = |key: &str| -> Result<AnnotationId> {
            let index = keys
                .iter()
                .position(|k| *k == key)
                .with_context(|| format!("{annotator}: nothing is called {key}"))?;
            Ok(AnnotationId(u32::try_from(index + 1)?))
        };
        let provenance = |index: usize| -> Result<Provenance> {
            let seconds = 40 * i64::try_from(index + 1)?;
            Ok(Provenance::manual(
                annotator,
                start.checked_add(jiff::SignedDuration::from_secs(seconds))?,
            ))
        };
        let mut out = Vec::new();
        for e in &self.entities {
            let index = out.len();
            out.push(Annotation::Entity(
                Entity::new(
                    AnnotationId(u32::try_from(index + 1)?),
                    e.span,
                    e.label,
                    provenance(index)?,
                )
                .with_details(EntityDetails {
                    norm: e.norm.map(str::to_owned),
                    note: e.note.to_owned(),
                    ..EntityDetails::default()
                }),
            ));
        }
        for q in &self.quotes {
            let index = out.len();
            let speaker = match q.speaker {
                Some(key) => Some(Speaker::Mention(id(key)?)),
                None => None,
            };
            out.push(Annotation::Quote(Box::new(Quote {
                id: id(q.key)?,
                content: vec![q.content],
                cue: Some(q.cue),
                speaker,
                kind: q.kind,
                attributes: Attributes::new(),
                note: String::new(),
                provenance: provenance(index)?,
            })));
        }
        for e in &self.events {
            let index = out.len();
            let arguments = e
                .arguments
                .iter()
                .map(|&(role, filler)| {
                    Ok(EventArgument {
                        role: role.into(),
                        filler: id(filler)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            out.push(Annotation::Event(Box::new(Event {
                id: id(e.key)?,
                trigger: e.trigger,
                event_type: e.event_type.into(),
                arguments,
                attributes: e
                    .attributes
                    .iter()
                    .map(|&(k, v)| (k.to_owned(), v.to_owned()))
                    .collect::<BTreeMap<_, _>>(),
                note: e.note.to_owned(),
                provenance: provenance(index)?,
            })));
        }
        Ok(out)
    }
}

/// The first whole-word occurrence of `text` that overlaps `span`.
fn overlapping(article: &Article, text: &str, span: CharSpan) -> Result<CharSpan> {
    let mut from = span.start.saturating_sub(text.chars().count());
    while let Some(found) = article.search(text, from, true) {
        if found.overlaps(span) {
            return Ok(found);
        }
        if found.start >= span.end {
            break;
        }
        from = found.start + 1;
    }
    bail!("{text:?} does not overlap the mention at {span}")
}

/// Completeness: a name tagged somewhere is tagged (or covered by a longer mention) everywhere.
fn check_every_occurrence_is_tagged(article: &Article, entities: &[EntityDraft]) -> Result<()> {
    for entity in entities {
        let Some(text) = article.slice(entity.span) else {
            bail!("mention {} lies outside the article", entity.span);
        };
        let mut from = 0;
        while let Some(found) = article.search(text, from, true) {
            if !entities.iter().any(|e| e.span.contains_span(found)) {
                bail!("{text:?} at char {} is not tagged", found.start);
            }
            from = found.end;
        }
    }
    Ok(())
}
