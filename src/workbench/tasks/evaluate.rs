//! `gloss eval`: precision, recall and F1 per label of each recommender (or of another layer) against
//! a gold layer, with exact and overlap matching (the one matching `gloss agree` uses, from
//! [`crate::model::matching`]), speaker accuracy for quotes and argument accuracy for events.
//!
//! Recommenders that learn (string matcher, tagger) are scored by cross-validation over documents:
//! for the documents of each fold they learn from the gold layer of the other folds only, so that no
//! recommender is scored on what it was taught.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use serde::Serialize;

use super::Hooks;
use super::suggest::chosen_documents;
use super::train::{external_allowed, external_recommender, external_warnings};
use crate::model::{DocId, LayerKey, LayerName, Project};
use crate::storage;
use crate::suggest::evaluate::{Evaluation, evaluate};
use crate::suggest::http;
use crate::suggest::tagger::{self, TaggerModel, TrainingOptions};
use crate::suggest::{Recommenders, Suggestion, TrainingSet, TrainingView, suggest_with};

/// At most this many folds of documents for the recommenders that learn.
const FOLDS: usize = 5;

/// What to score, as a user names it.
#[derive(Debug, Clone, Default)]
pub struct EvalRequest {
    /// The layer holding the reference annotations.
    pub gold: String,
    /// Score this layer instead of the recommenders.
    pub layer: Option<String>,
    /// Only this document id.
    pub doc: Option<String>,
    /// Whether the project's external recommender may be sent the documents' text.
    pub allow_external: bool,
}

/// What `gloss eval --json` prints.
#[derive(Debug, Serialize)]
pub struct EvalReport {
    pub gold: String,
    pub documents: usize,
    pub results: Vec<Scored>,
    #[serde(skip)]
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Scored {
    /// A recommender's name, or `layer:NAME`.
    pub source: String,
    pub evaluation: Evaluation,
}

impl Scored {
    /// Whether this scores a layer (shown for every kind) rather than a recommender.
    pub fn is_layer(&self) -> bool {
        self.source.starts_with("layer:")
    }
}

/// Loads the project in `dir` and scores the recommenders, or `request.layer`, against
/// `request.gold`.
pub fn evaluate_project(
    dir: &Path,
    request: &EvalRequest,
    hooks: Hooks<'_>,
) -> anyhow::Result<EvalReport> {
    let project = storage::load(dir)?;
    let gold = layer_name(&request.gold, "--gold")?;
    if !project.layer_names().contains(&gold) {
        anyhow::bail!(
            "--gold {gold}: no layer of that name in {} (layers: {})",
            dir.display(),
            names(&project)
        );
    }
    let documents = chosen_documents(&project, request.doc.as_deref(), dir)?;
    let mut warnings = Vec::new();
    let results = match &request.layer {
        Some(other) => {
            let other = layer_name(other, "--layer")?;
            if !project.layer_names().contains(&other) {
                anyhow::bail!(
                    "--layer {other}: no layer of that name in {} (layers: {})",
                    dir.display(),
                    names(&project)
                );
            }
            let mut evaluation = Evaluation::default();
            for doc in &documents {
                evaluation.add(&evaluate(
                    &as_suggestions(&project, doc, &gold),
                    &as_suggestions(&project, doc, &other),
                ));
            }
            vec![Scored {
                source: format!("layer:{other}"),
                evaluation,
            }]
        }
        None => score_recommenders(
            &project,
            &gold,
            &documents,
            external_allowed(&project, dir, request.allow_external, &mut warnings),
            super::train_model::project_model(&project, dir)?,
            hooks,
            &mut warnings,
        )?,
    };
    Ok(EvalReport {
        gold: gold.to_string(),
        documents: documents.len(),
        results,
        warnings,
    })
}

fn layer_name(name: &str, flag: &str) -> anyhow::Result<LayerName> {
    LayerName::new(name).with_context(|| {
        format!("{flag} {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'")
    })
}

fn names(project: &Project) -> String {
    let names: Vec<String> = project
        .layer_names()
        .iter()
        .map(ToString::to_string)
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// A layer's annotations of one document, as suggestions.
fn as_suggestions(project: &Project, doc: &DocId, layer: &LayerName) -> Vec<Suggestion> {
    project
        .layer(&LayerKey::new(doc.clone(), layer.clone()))
        .map(|l| {
            l.iter()
                .map(|a| Suggestion::from_annotation(l, a, layer.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

/// Each recommender alone, on every document, learning only from the gold layer of other folds.
fn score_recommenders(
    project: &Project,
    gold: &LayerName,
    documents: &[DocId],
    allow_external: bool,
    baseline_model: Option<Arc<TaggerModel>>,
    hooks: Hooks<'_>,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Vec<Scored>> {
    let mut names = Recommenders::standard().names();
    // Asked only when trusted; otherwise `external_recommender` says why it is left out.
    let trusted_external = external_recommender(project, allow_external, warnings);
    if trusted_external.is_some() {
        names.push(http::NAME.to_owned());
    }
    drop(trusted_external);
    let mut results: Vec<Scored> = names
        .iter()
        .map(|name| Scored {
            source: name.clone(),
            evaluation: Evaluation::default(),
        })
        .collect();
    let full = TrainingSet::from_project(project, gold);
    let folds = documents.len().clamp(1, FOLDS);
    let mut errors = Vec::new();
    for fold in 0..folds {
        hooks.check()?;
        hooks.report(fold, folds, format!("fold {} of {folds}", fold + 1));
        let in_fold: Vec<&DocId> = documents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
            .map(|(_, d)| d)
            .collect();
        // What the learners may see: the gold layer of every document outside this fold.
        let mut training = TrainingView::default();
        for document in project
            .documents()
            .iter()
            .filter(|d| !in_fold.contains(&&d.id))
        {
            if let Some(layer) = project.layer(&LayerKey::new(document.id.clone(), gold.clone())) {
                training.add(document, layer);
            }
        }
        let set = TrainingSet {
            documents: full
                .documents
                .iter()
                .filter(|d| !in_fold.iter().any(|id| id.as_str() == d.id))
                .cloned()
                .collect(),
        };
        let model = TaggerModel::train(&set, TrainingOptions::default(), &|| hooks.cancelled())
            .map(Arc::new);
        for scored in &mut results {
            let alone = match scored.source.as_str() {
                tagger::NAME => {
                    let mut alone = Recommenders::new();
                    if let Some(model) = &model {
                        alone.install_tagger(Arc::clone(model));
                    }
                    alone
                }
                http::NAME => {
                    let mut alone = Recommenders::new();
                    let mut ignored = Vec::new();
                    if let Some((external, log)) =
                        external_recommender(project, allow_external, &mut ignored)
                    {
                        errors.push(log);
                        alone.push(Box::new(external));
                    }
                    alone
                }
                // The project's own entity model, when project.ron names one, as `gloss suggest`
                // and the window use it.
                crate::suggest::baseline::NAME if baseline_model.is_some() => {
                    let mut alone = Recommenders::new();
                    if let Some(model) = &baseline_model {
                        alone.push(Box::new(crate::suggest::baseline::Baseline::with_model(
                            Arc::clone(model),
                        )));
                    }
                    alone
                }
                name => Recommenders::standard().only(name).unwrap_or_default(),
            };
            for doc in &in_fold {
                let Some(document) = project.document(doc) else {
                    continue;
                };
                let reference = as_suggestions(project, doc, gold);
                let suggestions =
                    suggest_with(document, &project.schema, None, &training, &alone, &[]);
                scored.evaluation.add(&evaluate(&reference, &suggestions));
            }
        }
    }
    for log in &errors {
        external_warnings(log, warnings);
    }
    Ok(results)
}
