//! Suggestions: recommenders that propose entities, quotes and events for a document, and the one
//! background thread that trains the tagger and talks to an external model.
//!
//! Depends on `model` only. Suggestions are derived data: never saved, never in the history;
//! accepting one is an ordinary [`Edit::Add`](crate::model::Edit) whose provenance names the
//! recommender and its score ([`suggestion_to_edits`]).
//!
//! Recommenders ([`Recommenders::standard`] gives the first five):
//! 1. [`baseline`]: capitalisation, titles, gazetteers and dates; works on the very first article.
//! 2. [`matcher`]: each surface form the analyst labelled, at its other occurrences (as INCEpTION's
//!    string matcher).
//! 3. [`tagger`]: an averaged perceptron over BILOU tags, trained on the project by the [`Worker`].
//! 4. [`quotes`]: quotation-mark pairs, cues, speakers (pronouns resolved), indirect quotes.
//! 5. [`events`]: triggers from a lexicon and from the analyst, arguments from nearby mentions.
//! 6. [`http`]: an external model behind `POST /predict` (see the module for the protocol).
//!
//! The pipeline ([`suggest_document`]) runs entity recommenders first, hands their mentions to the
//! quote and event recommenders, then drops what the layer already has, what the analyst rejected,
//! duplicates and overlaps (the higher score wins).

pub mod accept;
pub mod baseline;
mod baseline_model;
pub mod calibration;
pub mod chunked;
pub mod context;
pub mod dates;
pub mod evaluate;
pub mod events;
pub mod features;
pub mod gazetteer;
pub mod http;
pub mod labels;
pub mod lexicon;
pub mod matcher;
mod overlaps;
pub mod quotation_marks;
pub mod quotes;
mod speaker_name;
pub mod suggestion;
pub mod tagger;
pub mod tagger_file;
pub mod tagger_shipped;
pub mod training;
pub mod worker;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::model::{
    Annotation, AnnotationKind, CharSpan, DocId, Document, Layer, LayerKey, LayerName, Project,
    Schema,
};

pub use accept::{AcceptError, suggestion_to_edits, suggestions_to_edits};
pub use chunked::{CHUNK_CHARS, suggest_in_pieces};
pub use context::{Mention, SuggestContext, TrainingView, Word};
pub use suggestion::{
    ArgumentSuggestion, SpeakerSuggestion, Suggestion, SuggestionKey, SuggestionKind,
};
pub use tagger::{TaggerModel, TaggerRecommender};
pub use training::{TrainingReport, TrainingSet};
pub use worker::{External, Worker, WorkerEvent};

/// Something that proposes annotations for a document. Implementations must be cheap enough to run
/// on the UI thread for one article (a few milliseconds), except [`http::HttpRecommender`], which the
/// window runs through the [`Worker`].
pub trait Recommender: Send + Sync {
    /// A short, stable name: `baseline`, `string-matcher`, `tagger`, `quotes`, `events`, `external`.
    fn name(&self) -> &str;

    /// Whether the recommender reads [`SuggestContext::mentions`] (quote speakers, event
    /// arguments): such recommenders run after the entity recommenders.
    fn needs_mentions(&self) -> bool {
        false
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion>;
}

/// A recommender with the analyst's settings for it.
pub struct Entry {
    pub recommender: Box<dyn Recommender>,
    /// Off: its suggestions are not shown (an entity recommender may still feed speakers and
    /// arguments of quotes and events, see [`suggest_with`]).
    pub enabled: bool,
    /// Suggestions scoring below this are not shown. In `[0, 1]`.
    pub threshold: f32,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry")
            .field("recommender", &self.recommender.name())
            .field("enabled", &self.enabled)
            .field("threshold", &self.threshold)
            .finish()
    }
}

/// The recommenders of a project, in the order they run and are listed.
#[derive(Debug, Default)]
pub struct Recommenders {
    entries: Vec<Entry>,
}

impl Recommenders {
    /// No recommender at all.
    pub fn new() -> Self {
        Self::default()
    }

    /// Baseline, string matcher, tagger (suggesting nothing until a model is installed), quotes and
    /// events, all on, threshold 0.
    pub fn standard() -> Self {
        let mut set = Self::new();
        set.push(Box::new(baseline::Baseline::default()));
        set.push(Box::new(matcher::StringMatcher));
        set.push(Box::new(TaggerRecommender::untrained()));
        set.push(Box::new(quotes::Quotes));
        set.push(Box::new(events::Events));
        set
    }

    /// Adds a recommender, on, threshold 0; replaces one of the same name, keeping its settings.
    pub fn push(&mut self, recommender: Box<dyn Recommender>) {
        if let Some(entry) = self.entry_mut(recommender.name()) {
            entry.recommender = recommender;
        } else {
            self.entries.push(Entry {
                recommender,
                enabled: true,
                threshold: 0.0,
            });
        }
    }

    /// Puts a trained model in place of the tagger (keeping its on/off and threshold).
    pub fn install_tagger(&mut self, model: Arc<TaggerModel>) {
        self.push(Box::new(TaggerRecommender::new(model)));
    }

    /// Turns the tagger off when its held-out F1 (all labels, exact matching) is below `min_f1`,
    /// and on otherwise; a report without held-out scores (fewer than two documents) changes
    /// nothing. Returns whether the tagger is now on.
    pub fn hide_tagger_below(&mut self, report: &TrainingReport, min_f1: f64) -> bool {
        let Some(entry) = self.entry_mut(tagger::NAME) else {
            return false;
        };
        if let Some(held_out) = &report.held_out {
            entry.enabled = held_out.scores.all.f1() >= min_f1;
        }
        entry.enabled
    }

    /// Keeps only the named recommender; `None` when there is none of that name.
    pub fn only(mut self, name: &str) -> Option<Self> {
        self.entries.retain(|e| e.recommender.name() == name);
        (!self.entries.is_empty()).then_some(self)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.recommender.name() == name)
    }

    pub fn entry_mut(&mut self, name: &str) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|e| e.recommender.name() == name)
    }

    /// The names, in order.
    pub fn names(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|e| e.recommender.name().to_owned())
            .collect()
    }

    /// Turns a recommender on or off; false when there is none of that name.
    pub fn set_enabled(&mut self, name: &str, enabled: bool) -> bool {
        self.entry_mut(name).map(|e| e.enabled = enabled).is_some()
    }

    /// Sets a recommender's threshold (clamped to `[0, 1]`); false when there is none of that name.
    pub fn set_threshold(&mut self, name: &str, threshold: f32) -> bool {
        self.entry_mut(name)
            .map(|e| e.threshold = threshold.clamp(0.0, 1.0))
            .is_some()
    }
}

/// Suggestions computed elsewhere (by the [`Worker`] from an external model) for one document,
/// served as a recommender so that they merge with the others.
#[derive(Clone, Debug)]
pub struct Precomputed {
    name: String,
    doc: DocId,
    suggestions: Vec<Suggestion>,
}

impl Precomputed {
    pub fn new(name: &str, doc: DocId, suggestions: Vec<Suggestion>) -> Self {
        Self {
            name: name.to_owned(),
            doc,
            suggestions,
        }
    }
}

impl Recommender for Precomputed {
    fn name(&self) -> &str {
        &self.name
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        if ctx.document.id == self.doc {
            self.suggestions.clone()
        } else {
            Vec::new()
        }
    }
}

/// The suggestions for one document and layer: de-duplicated, overlaps resolved (higher score,
/// then longer span wins), minus what the layer already has (anything overlapping an annotation of
/// the same kind) and minus what was rejected. Sorted by position. Empty for an unknown document.
pub fn suggest_document(
    project: &Project,
    doc: &DocId,
    layer: &LayerName,
    recommenders: &Recommenders,
    rejected: &[SuggestionKey],
) -> Vec<Suggestion> {
    let Some(document) = project.document(doc) else {
        return Vec::new();
    };
    let training = TrainingView::of_layer(project, layer);
    let key = LayerKey::new(doc.clone(), layer.clone());
    suggest_with(
        document,
        &project.schema,
        project.layer(&key),
        &training,
        recommenders,
        rejected,
    )
}

/// [`suggest_document`] for callers that keep the [`TrainingView`] between runs.
pub fn suggest_with(
    document: &Document,
    schema: &Schema,
    layer: Option<&Layer>,
    training: &TrainingView,
    recommenders: &Recommenders,
    rejected: &[SuggestionKey],
) -> Vec<Suggestion> {
    let mut ctx = SuggestContext::new(document, schema, layer, training);
    let mut all = Vec::new();
    for entry in recommenders
        .entries
        .iter()
        .filter(|e| e.enabled && !e.recommender.needs_mentions())
    {
        all.extend(
            entry
                .recommender
                .suggest(&ctx)
                .into_iter()
                .filter(|s| s.score >= entry.threshold),
        );
    }
    let structures: Vec<&Entry> = recommenders
        .entries
        .iter()
        .filter(|e| e.enabled && e.recommender.needs_mentions())
        .collect();
    if !structures.is_empty() {
        let mut hints = resolve(all.clone());
        if !hints
            .iter()
            .any(|s| matches!(s.kind, SuggestionKind::Entity { .. }))
        {
            // No entity recommender is on: speakers and arguments still need mentions.
            hints = baseline::Baseline::default().suggest(&ctx);
        }
        let mentions = mentions_of(&hints);
        ctx.add_mentions(mentions);
        for entry in structures {
            all.extend(
                entry
                    .recommender
                    .suggest(&ctx)
                    .into_iter()
                    .filter(|s| s.score >= entry.threshold),
            );
        }
    }
    let existing = LayerSpans::new(layer);
    // Rejections come from the caller and from the layer, which keeps them across sessions.
    all.retain(|s| {
        let key = s.key();
        fits_schema(schema, s)
            && !existing.has(s)
            && !rejected.contains(&key)
            && !layer.is_some_and(|l| l.is_rejected(&key.rejection()))
    });
    let mut kept = resolve(all);
    kept.sort_by_key(|s| (s.primary_span(), s.annotation_kind()));
    kept
}

/// The entity suggestions as mentions for speakers and arguments.
fn mentions_of(suggestions: &[Suggestion]) -> Vec<Mention> {
    suggestions
        .iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Entity { span, label } => Some(Mention {
                span: *span,
                label: label.clone(),
                existing: None,
            }),
            _ => None,
        })
        .collect()
}

/// Whether the schema allows the suggestion's label (and quotes at all).
/// Accepting it as it stands must give annotations `gloss check` accepts: known labels, a speaker
/// the schema allows, an event whose arguments fit their roles and fill every required one. A
/// suggestion that does not is never offered.
fn fits_schema(schema: &Schema, suggestion: &Suggestion) -> bool {
    match &suggestion.kind {
        SuggestionKind::Entity { label, .. } => schema.entity_label(label).is_some(),
        SuggestionKind::Quote {
            content, speaker, ..
        } => {
            let speakers = &schema.quotes.speaker_labels;
            schema.quotes.enabled
                && !content.is_empty()
                && speaker.as_ref().is_none_or(|s| {
                    schema.entity_label(&s.label).is_some()
                        && (speakers.is_empty() || speakers.contains(&s.label))
                })
        }
        SuggestionKind::Event {
            event_type,
            arguments,
            ..
        } => schema.event_type(event_type).is_some_and(|ty| {
            let fitting = arguments.iter().all(|a| {
                schema.entity_label(&a.label).is_some()
                    && ty.role(&a.role).is_some_and(|role| {
                        role.labels.is_empty() || role.labels.contains(&a.label)
                    })
            });
            let counts_fit = ty.roles.iter().all(|role| {
                let count = arguments.iter().filter(|a| a.role == role.name).count();
                (!role.required || count > 0) && role.max.is_none_or(|max| count <= max as usize)
            });
            fitting && counts_fit
        }),
    }
}

/// Whether the layer already has an annotation of the same kind where the suggestion points.
/// Spans sorted by start with the running maximum of their ends, so that "does any of them overlap
/// this span?" costs O(log n): a suggestion pass over a long article must not compare every
/// suggestion with every annotation.
struct SpanIndex {
    spans: Vec<CharSpan>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn new(mut spans: Vec<CharSpan>) -> Self {
        spans.sort();
        let mut running = 0;
        let max_end = spans
            .iter()
            .map(|span| {
                running = running.max(span.end);
                running
            })
            .collect();
        Self { spans, max_end }
    }

    /// The same answer as `spans.iter().any(|k| k.overlaps(span))`.
    fn overlaps(&self, span: CharSpan) -> bool {
        // Only spans starting before `span` ends can overlap it; one does iff it ends after `span` starts.
        let candidates = self.spans.partition_point(|k| k.start < span.end);
        candidates > 0 && self.max_end[candidates - 1] > span.start
    }
}

/// What a layer already marks, per kind, for dropping suggestions it already has.
struct LayerSpans {
    entities: SpanIndex,
    quote_content: SpanIndex,
    triggers: SpanIndex,
}

impl LayerSpans {
    fn new(layer: Option<&Layer>) -> Self {
        let (mut entities, mut quote_content, mut triggers) = (Vec::new(), Vec::new(), Vec::new());
        for annotation in layer.into_iter().flat_map(Layer::iter) {
            match annotation {
                Annotation::Entity(e) => entities.push(e.span),
                Annotation::Quote(q) => quote_content.extend(q.content.iter().copied()),
                Annotation::Event(e) => triggers.push(e.trigger),
            }
        }
        Self {
            entities: SpanIndex::new(entities),
            quote_content: SpanIndex::new(quote_content),
            triggers: SpanIndex::new(triggers),
        }
    }

    /// Whether the layer already has an annotation of the suggestion's kind overlapping it.
    fn has(&self, suggestion: &Suggestion) -> bool {
        match &suggestion.kind {
            SuggestionKind::Entity { span, .. } => self.entities.overlaps(*span),
            SuggestionKind::Quote { content, .. } => content
                .iter()
                .any(|span| self.quote_content.overlaps(*span)),
            SuggestionKind::Event { trigger, .. } => self.triggers.overlaps(*trigger),
        }
    }
}

/// Keeps, per kind, a set of suggestions that do not overlap: higher score first, then the longer
/// span; identical suggestions from several recommenders collapse into the best-scored one.
fn resolve(all: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut all = drop_names_inside_longer_ones(all);
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.extent().len().cmp(&a.extent().len()))
            .then_with(|| a.primary_span().cmp(&b.primary_span()))
    });
    // The kept extents of each kind never overlap one another, so ordered by (start, end) their ends
    // never decrease: the last kept extent starting before a new one ends is the only one that can
    // reach into it. That keeps this pass O(n log n) instead of comparing with everything kept.
    let mut kept_extents: BTreeMap<AnnotationKind, BTreeSet<(usize, usize)>> = BTreeMap::new();
    let mut kept: Vec<Suggestion> = Vec::with_capacity(all.len());
    for suggestion in all {
        let extent = suggestion.extent();
        let extents = kept_extents
            .entry(suggestion.annotation_kind())
            .or_default();
        let clash = extents
            .range(..(extent.end, 0))
            .next_back()
            .is_some_and(|&(_, end)| end > extent.start);
        if !clash {
            extents.insert((extent.start, extent.end));
            kept.push(suggestion);
        }
    }
    kept
}

/// Drops an entity suggestion that lies strictly inside a longer one of the same label, whatever
/// their scores: once the analyst accepted "Erdogan" somewhere, the string matcher suggests
/// "Erdogan" everywhere with a high score, and "Recep Tayyip Erdogan" must not shrink to it.
fn drop_names_inside_longer_ones(mut all: Vec<Suggestion>) -> Vec<Suggestion> {
    let entity = |s: &Suggestion| match &s.kind {
        SuggestionKind::Entity { span, label } => Some((label.clone(), *span)),
        _ => None,
    };
    let mut order: Vec<(String, CharSpan, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(i, s)| entity(s).map(|(label, span)| (label, span, i)))
        .collect();
    order.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.start.cmp(&b.1.start))
            .then(b.1.end.cmp(&a.1.end))
    });
    let mut inside = vec![false; all.len()];
    let mut widest: Option<(&str, CharSpan)> = None;
    for (label, span, i) in &order {
        match widest {
            Some((l, w)) if l == label.as_str() => {
                if w.end >= span.end && w != *span {
                    inside[*i] = true;
                } else if span.end > w.end {
                    widest = Some((label, *span));
                }
            }
            _ => widest = Some((label, *span)),
        }
    }
    let mut index = 0;
    all.retain(|_| {
        let keep = !inside[index];
        index += 1;
        keep
    });
    all
}

#[cfg(test)]
mod overlap_tests {
    use super::*;

    /// A small deterministic generator, so the test needs no extra crate and fails the same way twice.
    fn spans(seed: u64, n: usize) -> Vec<CharSpan> {
        let mut state = seed;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        (0..n)
            .map(|_| {
                let start = next() % 200;
                CharSpan::new(start, start + next() % 12)
            })
            .collect()
    }

    #[test]
    fn the_span_index_answers_as_comparing_with_every_span_would() {
        for seed in 0..50 {
            let existing = spans(seed, 40);
            let index = SpanIndex::new(existing.clone());
            for probe in spans(seed + 1000, 100) {
                let naive = existing.iter().any(|k| k.overlaps(probe));
                assert_eq!(index.overlaps(probe), naive, "seed {seed}, probe {probe}");
            }
        }
    }

    #[test]
    fn resolving_keeps_what_comparing_with_every_kept_suggestion_would() {
        for seed in 0..50 {
            let all: Vec<Suggestion> = spans(seed, 60)
                .into_iter()
                .enumerate()
                .map(|(i, span)| Suggestion {
                    kind: SuggestionKind::Entity {
                        span,
                        label: "PERSON".to_owned(),
                    },
                    score: (i % 7) as f32 / 7.0,
                    recommender: "test".to_owned(),
                    rule: "test".to_owned(),
                })
                .collect();
            // A name strictly inside a longer one of the same label goes first.
            let inside = |s: &Suggestion| {
                let (a, b) = (s.primary_span(), s.label());
                all.iter().any(|o| {
                    let w = o.primary_span();
                    o.label() == b && w.start <= a.start && w.end >= a.end && w != a
                })
            };
            let mut sorted: Vec<Suggestion> = all.iter().filter(|s| !inside(s)).cloned().collect();
            sorted.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| b.extent().len().cmp(&a.extent().len()))
                    .then_with(|| a.primary_span().cmp(&b.primary_span()))
            });
            let mut naive: Vec<Suggestion> = Vec::new();
            for s in sorted {
                if !naive.iter().any(|k| k.extent().overlaps(s.extent())) {
                    naive.push(s);
                }
            }
            assert_eq!(resolve(all), naive, "seed {seed}");
        }
    }
}
