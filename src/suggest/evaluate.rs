//! Scoring suggestions (or a layer) against a gold layer: precision, recall and F1 per label, with
//! exact and overlap matching; speaker accuracy for quotes; argument accuracy for events.
//!
//! Matching is [`crate::model::matching`]'s, the one `gloss agree` uses: one-to-one; exact: same
//! span(s) and label; overlap: same label, spans share a char, identical spans first, then the
//! most chars shared.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::CharSpan;
use crate::model::matching::{SpanMatch, match_labelled, match_multi_span, ratio};

use super::{Suggestion, SuggestionKind};

pub use crate::model::matching::Counts;

/// Counts per label, and over all labels (micro-averaged).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LabelScores {
    pub labels: BTreeMap<String, Counts>,
    pub all: Counts,
}

impl LabelScores {
    pub fn add(&mut self, other: &LabelScores) {
        for (label, counts) in &other.labels {
            self.labels.entry(label.clone()).or_default().add(*counts);
        }
        self.all.add(other.all);
    }

    /// Counts over the given labels only.
    pub fn over(&self, labels: &[&str]) -> Counts {
        let mut total = Counts::default();
        for label in labels {
            if let Some(counts) = self.labels.get(*label) {
                total.add(*counts);
            }
        }
        total
    }
}

/// Correct out of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }

    pub fn add(&mut self, other: Accuracy) {
        self.correct += other.correct;
        self.total += other.total;
    }
}

/// Every figure of one comparison; add several (one per document) with [`Evaluation::add`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evaluation {
    pub entities_exact: LabelScores,
    pub entities_overlap: LabelScores,
    pub quotes_exact: Counts,
    pub quotes_overlap: Counts,
    /// Over quotes matched by overlap whose gold quote has a speaker: the predicted speaker overlaps
    /// the gold speaker.
    pub speakers: Accuracy,
    pub events_exact: LabelScores,
    pub events_overlap: LabelScores,
    /// Over the gold arguments of events matched by overlap: a predicted argument with the same role
    /// overlaps the gold filler.
    pub arguments: Accuracy,
}

impl Evaluation {
    pub fn add(&mut self, other: &Evaluation) {
        self.entities_exact.add(&other.entities_exact);
        self.entities_overlap.add(&other.entities_overlap);
        self.quotes_exact.add(other.quotes_exact);
        self.quotes_overlap.add(other.quotes_overlap);
        self.speakers.add(other.speakers);
        self.events_exact.add(&other.events_exact);
        self.events_overlap.add(&other.events_overlap);
        self.arguments.add(other.arguments);
    }
}

/// Scores `predicted` against `gold` for one document.
pub fn evaluate(gold: &[Suggestion], predicted: &[Suggestion]) -> Evaluation {
    let entities = |items: &[Suggestion]| -> Vec<(CharSpan, String)> {
        items
            .iter()
            .filter_map(|s| match &s.kind {
                SuggestionKind::Entity { span, label } => Some((*span, label.clone())),
                _ => None,
            })
            .collect()
    };
    let events = |items: &[Suggestion]| -> Vec<(CharSpan, String)> {
        items
            .iter()
            .filter_map(|s| match &s.kind {
                SuggestionKind::Event {
                    trigger,
                    event_type,
                    ..
                } => Some((*trigger, event_type.clone())),
                _ => None,
            })
            .collect()
    };
    let (gold_entities, predicted_entities) = (entities(gold), entities(predicted));
    let (gold_events, predicted_events) = (events(gold), events(predicted));
    let mut evaluation = Evaluation {
        entities_exact: by_label(&gold_entities, &predicted_entities, false).0,
        entities_overlap: by_label(&gold_entities, &predicted_entities, true).0,
        events_exact: by_label(&gold_events, &predicted_events, false).0,
        ..Evaluation::default()
    };
    let (events_overlap, event_pairs) = by_label(&gold_events, &predicted_events, true);
    evaluation.events_overlap = events_overlap;

    let (gold_quotes, predicted_quotes) = (of_kind(gold, is_quote), of_kind(predicted, is_quote));
    let content = |qs: &[&Suggestion]| -> Vec<Vec<CharSpan>> {
        qs.iter()
            .map(|q| match &q.kind {
                SuggestionKind::Quote { content, .. } => content.clone(),
                _ => Vec::new(),
            })
            .collect()
    };
    let (gq, pq) = (content(&gold_quotes), content(&predicted_quotes));
    let exact = match_multi_span(&gq, &pq, SpanMatch::Exact);
    evaluation.quotes_exact = Counts::of(exact.len(), gq.len(), pq.len());
    let quote_pairs = match_multi_span(&gq, &pq, SpanMatch::Overlap);
    evaluation.quotes_overlap = Counts::of(quote_pairs.len(), gq.len(), pq.len());
    for (g, p) in quote_pairs {
        let speaker = |s: &Suggestion| match &s.kind {
            SuggestionKind::Quote { speaker, .. } => speaker.as_ref().map(|s| s.span),
            _ => None,
        };
        if let Some(gold_speaker) = speaker(gold_quotes[g]) {
            evaluation.speakers.total += 1;
            if speaker(predicted_quotes[p]).is_some_and(|s| s.overlaps(gold_speaker)) {
                evaluation.speakers.correct += 1;
            }
        }
    }

    let gold_event_items = of_kind(gold, is_event);
    let predicted_event_items = of_kind(predicted, is_event);
    for (g, p) in event_pairs {
        let (
            SuggestionKind::Event {
                arguments: gold_args,
                ..
            },
            SuggestionKind::Event {
                arguments: predicted_args,
                ..
            },
        ) = (&gold_event_items[g].kind, &predicted_event_items[p].kind)
        else {
            continue;
        };
        for argument in gold_args {
            evaluation.arguments.total += 1;
            if predicted_args
                .iter()
                .any(|a| a.role == argument.role && a.span.overlaps(argument.span))
            {
                evaluation.arguments.correct += 1;
            }
        }
    }
    evaluation
}

fn of_kind(items: &[Suggestion], keep: fn(&Suggestion) -> bool) -> Vec<&Suggestion> {
    items.iter().filter(|s| keep(s)).collect()
}

fn is_quote(s: &Suggestion) -> bool {
    matches!(s.kind, SuggestionKind::Quote { .. })
}

fn is_event(s: &Suggestion) -> bool {
    matches!(s.kind, SuggestionKind::Event { .. })
}

/// Counts per label and the matched (gold index, predicted index) pairs.
fn by_label(
    gold: &[(CharSpan, String)],
    predicted: &[(CharSpan, String)],
    overlap: bool,
) -> (LabelScores, Vec<(usize, usize)>) {
    let mode = if overlap {
        SpanMatch::Overlap
    } else {
        SpanMatch::Exact
    };
    let pairs = match_labelled(gold, predicted, mode);
    let mut scores = LabelScores::default();
    let (mut matched_gold, mut matched_predicted) =
        (vec![false; gold.len()], vec![false; predicted.len()]);
    for &(g, p) in &pairs {
        matched_gold[g] = true;
        matched_predicted[p] = true;
    }
    for ((_, label), matched) in gold.iter().zip(&matched_gold) {
        let counts = scores.labels.entry(label.clone()).or_default();
        if *matched {
            counts.tp += 1;
        } else {
            counts.fn_ += 1;
        }
    }
    for ((_, label), matched) in predicted.iter().zip(&matched_predicted) {
        if !matched {
            scores.labels.entry(label.clone()).or_default().fp += 1;
        }
    }
    for counts in scores.labels.values() {
        scores.all.add(*counts);
    }
    (scores, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(start: usize, end: usize, label: &str) -> Suggestion {
        Suggestion::entity(CharSpan::new(start, end), label, 1.0, "test", "test")
    }

    #[test]
    fn exact_and_overlap_matching_count_differently() {
        let gold = [entity(0, 5, "PERSON"), entity(10, 16, "GPE")];
        let predicted = [
            entity(0, 5, "PERSON"),
            entity(10, 12, "GPE"),
            entity(20, 22, "ORG"),
        ];
        let evaluation = evaluate(&gold, &predicted);
        assert_eq!(
            evaluation.entities_exact.all,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(
            evaluation.entities_overlap.all,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        assert!((evaluation.entities_overlap.all.f1() - 0.8).abs() < 1e-9);
        assert_eq!(
            evaluation.entities_exact.labels["ORG"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
    }
}
