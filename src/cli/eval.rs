//! `gloss eval`: precision, recall and F1 per label of each recommender (or of another layer) against
//! a gold layer, with exact and overlap matching, speaker accuracy for quotes and argument accuracy
//! for events.
//!
//! Recommenders that learn (string matcher, tagger) are scored by cross-validation over documents:
//! for the documents of each fold they learn from the gold layer of the other folds only, so that no
//! recommender is scored on what it was taught.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;

use super::suggest::{chosen_documents, report_external_errors};
use crate::model::{DocId, LayerKey, LayerName, Project};
use crate::suggest::evaluate::{Counts, Evaluation, evaluate};
use crate::suggest::http::{self, HttpRecommender};
use crate::suggest::tagger::{self, TaggerModel, TrainingOptions};
use crate::suggest::{Recommenders, Suggestion, TrainingSet, TrainingView, suggest_with};

/// At most this many folds of documents for the recommenders that learn.
const FOLDS: usize = 5;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss eval projects/kosovo-talks --gold amira
  gloss eval projects/kosovo-talks --gold amira --layer bruno
  gloss eval projects/kosovo-talks --gold amira --json")]
pub struct EvalArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// The layer holding the reference annotations (an annotator's name, or gold).
    #[arg(long, value_name = "LAYER")]
    pub gold: String,

    /// Score this layer instead of the recommenders.
    #[arg(long, value_name = "OTHER")]
    pub layer: Option<String>,

    /// Only this document.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,

    /// Print the figures as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// What `gloss eval --json` prints.
#[derive(Debug, Serialize)]
struct Report {
    gold: String,
    documents: usize,
    results: Vec<Scored>,
}

#[derive(Debug, Serialize)]
struct Scored {
    /// A recommender's name, or `layer:NAME`.
    source: String,
    evaluation: Evaluation,
}

pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let project = crate::storage::load(&args.dir)?;
    let gold = layer_name(&args.gold, "--gold")?;
    if !project.layer_names().contains(&gold) {
        anyhow::bail!(
            "--gold {gold}: no layer of that name in {} (layers: {})",
            args.dir.display(),
            names(&project)
        );
    }
    let documents = chosen_documents(&project, args.doc.as_deref(), &args.dir)?;
    let results = match &args.layer {
        Some(other) => {
            let other = layer_name(other, "--layer")?;
            if !project.layer_names().contains(&other) {
                anyhow::bail!(
                    "--layer {other}: no layer of that name in {} (layers: {})",
                    args.dir.display(),
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
        None => score_recommenders(&project, &gold, &documents),
    };
    let report = Report {
        gold: gold.to_string(),
        documents: documents.len(),
        results,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", table(&report));
    }
    Ok(ExitCode::SUCCESS)
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
fn score_recommenders(project: &Project, gold: &LayerName, documents: &[DocId]) -> Vec<Scored> {
    let mut names = Recommenders::standard().names();
    if project.settings.recommender_url.is_some() {
        names.push(http::NAME.to_owned());
    }
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
        let model = TaggerModel::train(&set, TrainingOptions::default(), &|| false).map(Arc::new);
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
                    if let Some(url) = &project.settings.recommender_url {
                        let external = HttpRecommender::new(
                            url,
                            Duration::from_millis(project.settings.recommender_timeout_ms),
                        );
                        errors.push(external.errors());
                        alone.push(Box::new(external));
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
    for log in errors {
        report_external_errors(&Some(log));
    }
    results
}

/// Tables: entities per label, quotes, events per type; exact and overlap side by side.
fn table(report: &Report) -> String {
    let mut out = format!(
        "against layer {} on {} document{}\n",
        report.gold,
        report.documents,
        super::plural(report.documents)
    );
    let cells = |c: Option<&Counts>| match c {
        Some(c) => [
            format!("{:.3}", c.precision()),
            format!("{:.3}", c.recall()),
            format!("{:.3}", c.f1()),
        ],
        None => [String::new(), String::new(), String::new()],
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for scored in &report.results {
        let e = &scored.evaluation;
        // A recommender is shown for the kinds it suggests; a layer for every kind.
        let layer = scored.source.starts_with("layer:");
        let suggested = |c: &Counts| layer || c.tp + c.fp > 0;
        let mut row = |what: String,
                       gold: usize,
                       exact: Option<&Counts>,
                       overlap: Option<&Counts>,
                       extra: String| {
            let mut cells_row = vec![scored.source.clone(), what, gold.to_string()];
            cells_row.extend(cells(exact));
            cells_row.extend(cells(overlap));
            cells_row.push(extra);
            rows.push(cells_row);
        };
        if suggested(&e.entities_exact.all) {
            for (label, exact) in &e.entities_exact.labels {
                let overlap = e
                    .entities_overlap
                    .labels
                    .get(label)
                    .copied()
                    .unwrap_or_default();
                row(
                    format!("entity {label}"),
                    exact.gold(),
                    Some(exact),
                    Some(&overlap),
                    String::new(),
                );
            }
        }
        if suggested(&e.quotes_exact) {
            let speakers = format!("speaker {}/{}", e.speakers.correct, e.speakers.total);
            row(
                "quote".to_owned(),
                e.quotes_exact.gold(),
                Some(&e.quotes_exact),
                Some(&e.quotes_overlap),
                speakers,
            );
        }
        if suggested(&e.events_exact.all) {
            for (label, exact) in &e.events_exact.labels {
                let overlap = e
                    .events_overlap
                    .labels
                    .get(label)
                    .copied()
                    .unwrap_or_default();
                row(
                    format!("event {label}"),
                    exact.gold(),
                    Some(exact),
                    Some(&overlap),
                    String::new(),
                );
            }
            if e.arguments.total > 0 {
                let accuracy = format!("argument {}/{}", e.arguments.correct, e.arguments.total);
                row(
                    "event arguments".to_owned(),
                    e.arguments.total,
                    None,
                    None,
                    accuracy,
                );
            }
        }
        let shown = e.entities_exact.all.tp
            + e.entities_exact.all.fp
            + e.quotes_exact.tp
            + e.quotes_exact.fp
            + e.events_exact.all.tp
            + e.events_exact.all.fp;
        if !layer && shown == 0 {
            row("nothing suggested".to_owned(), 0, None, None, String::new());
        }
    }
    let header = [
        "source",
        "what",
        "gold",
        "exact P",
        "R",
        "F1",
        "overlap P",
        "R",
        "F1",
        "accuracy",
    ];
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i > 0 {
                line.push_str("  ");
            }
            if i < 2 || i == cells.len() - 1 {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            } else {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            }
        }
        format!("{}\n", line.trim_end())
    };
    out.push('\n');
    out.push_str(&line(header.iter().map(|h| (*h).to_owned()).collect()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}
