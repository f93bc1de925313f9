//! What the tagger learns from: a snapshot of the project's annotated documents, taken on the caller's
//! thread and handed to the worker; and the held-out scores of a model trained on part of it.

use std::time::Duration;

use serde::Serialize;

use crate::model::{Annotation, CharSpan, LayerKey, LayerName, Project, Timestamp};

use super::Suggestion;
use super::context::analyse;
use super::evaluate::{LabelScores, evaluate};
use super::tagger::{TaggerModel, TrainingOptions};

/// One annotated document, owned (so that the worker thread needs nothing from the project).
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingDocument {
    pub id: String,
    pub text: String,
    /// Entity mentions: char spans of `text` with their labels.
    pub entities: Vec<(CharSpan, String)>,
}

/// The documents a model trains on, in project order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingSet {
    pub documents: Vec<TrainingDocument>,
}

impl TrainingSet {
    /// Per document, the entities of `layer` if it has any, else those of the gold layer; documents
    /// with neither are left out (an unannotated article would teach that nothing is a name).
    pub fn from_project(project: &Project, layer: &LayerName) -> Self {
        let mut documents = Vec::new();
        for document in project.documents() {
            let entities_of = |name: LayerName| -> Vec<(CharSpan, String)> {
                project
                    .layer(&LayerKey::new(document.id.clone(), name))
                    .into_iter()
                    .flat_map(|l| l.iter())
                    .filter_map(Annotation::as_entity)
                    .map(|e| (e.span, e.label.to_string()))
                    .collect()
            };
            let mut entities = entities_of(layer.clone());
            if entities.is_empty() && !layer.is_gold() {
                entities = entities_of(LayerName::gold());
            }
            if !entities.is_empty() {
                documents.push(TrainingDocument {
                    id: document.id.to_string(),
                    text: document.text.as_str().to_owned(),
                    entities,
                });
            }
        }
        Self { documents }
    }

    /// Words in all documents.
    pub fn tokens(&self) -> usize {
        self.documents
            .iter()
            .map(|d| analyse(&d.text).1.len())
            .sum()
    }

    /// Splits by document: every fifth document (the 5th, 10th, …) is held out; with two to four
    /// documents, the last one. `None` with fewer than two documents.
    pub fn split(&self) -> Option<(TrainingSet, TrainingSet)> {
        let n = self.documents.len();
        if n < 2 {
            return None;
        }
        let held_out = |i: usize| if n < 5 { i == n - 1 } else { i % 5 == 4 };
        let (mut train, mut test) = (Vec::new(), Vec::new());
        for (i, document) in self.documents.iter().enumerate() {
            if held_out(i) {
                test.push(document.clone());
            } else {
                train.push(document.clone());
            }
        }
        Some((
            TrainingSet { documents: train },
            TrainingSet { documents: test },
        ))
    }
}

/// How a model trained on the training part of a split scores on the held-out part (exact
/// matching, per label).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeldOut {
    pub scores: LabelScores,
    pub train_documents: usize,
    pub test_documents: usize,
}

/// Trains on the training part of [`TrainingSet::split`] and scores the held-out part. `None` when
/// the set cannot be split, has no entity in its training part, or training was cancelled.
pub fn held_out(
    set: &TrainingSet,
    options: TrainingOptions,
    cancelled: &dyn Fn() -> bool,
) -> Option<HeldOut> {
    let (train, test) = set.split()?;
    let model = TaggerModel::train(&train, options, cancelled)?;
    Some(HeldOut {
        scores: score_on(&model, &test),
        train_documents: train.documents.len(),
        test_documents: test.documents.len(),
    })
}

/// Exact-match scores of a model's predictions on a set's documents.
pub fn score_on(model: &TaggerModel, test: &TrainingSet) -> LabelScores {
    let mut scores = LabelScores::default();
    for document in &test.documents {
        let (chars, words, _) = analyse(&document.text);
        let predicted: Vec<Suggestion> = model
            .predict(&words, &chars)
            .into_iter()
            .map(|(span, label, score)| Suggestion::entity(span, &label, score, "tagger", "tagger"))
            .collect();
        let gold: Vec<Suggestion> = document
            .entities
            .iter()
            .map(|(span, label)| Suggestion::entity(*span, label, 1.0, "gold", "gold"))
            .collect();
        scores.add(&evaluate(&gold, &predicted).entities_exact);
    }
    scores
}

/// What a training run produced, for the recommenders panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainingReport {
    pub documents: usize,
    pub tokens: usize,
    /// Held-out scores, when the set had at least two documents.
    pub held_out: Option<HeldOut>,
    /// Wall-clock time of the whole run (held-out model and final model).
    #[serde(serialize_with = "millis")]
    pub duration: Duration,
    #[serde(serialize_with = "timestamp")]
    pub finished: Timestamp,
}

fn millis<S: serde::Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u128(duration.as_millis())
}

fn timestamp<S: serde::Serializer>(time: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&time.to_string())
}
