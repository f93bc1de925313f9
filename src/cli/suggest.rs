//! `gloss suggest`: the recommenders' suggestions for a project's documents, as JSON lines, or
//! written into a layer as accepted suggestions (`--apply`).

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::plural;
use crate::model::{DocId, Document, LayerKey, LayerName, Project, Timestamp};
use crate::storage::{self, lock::ProjectLock};
use crate::suggest::http::{ExternalError, HttpRecommender};
use crate::suggest::tagger::{TaggerModel, TrainingOptions};
use crate::suggest::{
    Recommenders, Suggestion, SuggestionKind, TrainingSet, TrainingView, suggest_with,
    suggestions_to_edits,
};

/// The output formats of `gloss suggest`.
const FORMATS: &[&str] = &["jsonl"];

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss suggest projects/kosovo-talks
  gloss suggest projects/kosovo-talks --doc kosovo-serbia-brussels-talks --recommender quotes
  gloss suggest my-project --apply --layer pre-annotation")]
pub struct SuggestArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// Only this document (its id, as `gloss stats` lists them).
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,

    /// Only this recommender: baseline, string-matcher, tagger, quotes, events, external.
    #[arg(long, value_name = "NAME")]
    pub recommender: Option<String>,

    /// The output format. Available: jsonl (one JSON object per suggestion, code-point offsets).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl")]
    pub format: String,

    /// The layer to suggest for: what it already has is not suggested again, and the string matcher
    /// and tagger learn from it (default: learn from gold, leave nothing out).
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// Write the suggestions into --layer as accepted suggestions instead of printing them.
    #[arg(long, requires = "layer")]
    pub apply: bool,

    /// Leave out suggestions scoring below this (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    pub min_score: f32,
}

pub fn run(args: &SuggestArgs) -> anyhow::Result<ExitCode> {
    if !FORMATS.contains(&args.format.as_str()) {
        anyhow::bail!(
            "unknown suggestion format {:?}: expected one of {}",
            args.format,
            FORMATS.join(", ")
        );
    }
    let layer = args
        .layer
        .as_deref()
        .map(|name| {
            LayerName::new(name).with_context(|| {
                format!(
                    "--layer {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'"
                )
            })
        })
        .transpose()?;
    // Lock before loading when writing, so that no other writer saves between our load and save.
    let lock = match (&layer, args.apply) {
        (Some(_), true) => {
            let (lock, warning) = ProjectLock::acquire(&args.dir)?;
            if let Some(warning) = warning {
                eprintln!("warning: {warning}");
            }
            Some(lock)
        }
        _ => None,
    };
    let mut project = storage::load(&args.dir)?;
    let documents = chosen_documents(&project, args.doc.as_deref(), &args.dir)?;
    let learn_from = layer.clone().unwrap_or_else(LayerName::gold);
    let (recommenders, errors) = project_recommenders(&project, &learn_from);
    let recommenders = match &args.recommender {
        None => recommenders,
        Some(name) => {
            let names = recommenders.names();
            recommenders.only(name).with_context(|| {
                format!(
                    "--recommender {name:?}: expected one of {}",
                    names.join(", ")
                )
            })?
        }
    };
    let training = TrainingView::of_layer(&project, &learn_from);

    let progress = progress_bar(if args.apply { documents.len() } else { 0 });
    let mut all: Vec<(DocId, Vec<Suggestion>)> = Vec::new();
    for doc in &documents {
        let Some(document) = project.document(doc) else {
            continue;
        };
        progress.set_message(doc.to_string());
        let existing = layer
            .as_ref()
            .and_then(|l| project.layer(&LayerKey::new(doc.clone(), l.clone())));
        let suggestions: Vec<Suggestion> = suggest_with(
            document,
            &project.schema,
            existing,
            &training,
            &recommenders,
            &[],
        )
        .into_iter()
        .filter(|s| s.score >= args.min_score)
        .collect();
        all.push((doc.clone(), suggestions));
        progress.inc(1);
    }
    report_external_errors(&errors);

    let (Some(layer), true) = (layer, args.apply) else {
        progress.finish_and_clear();
        let mut out = std::io::stdout().lock();
        for (doc, suggestions) in &all {
            if let Some(document) = project.document(doc) {
                for suggestion in suggestions {
                    let line = serde_json::to_string(&line_of(document, suggestion))?;
                    writeln!(out, "{line}")?;
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    };

    progress.set_message("saving");
    let now = Timestamp::now();
    let (mut added, mut touched, mut incomplete) = (0, 0, 0);
    for (doc, suggestions) in &mut all {
        // A layer written in one go should pass `gloss check`: events whose required roles no
        // argument fills are left for an analyst to complete in the window.
        let before = suggestions.len();
        suggestions.retain(|s| complete(&project.schema, s));
        incomplete += before - suggestions.len();
        let key = LayerKey::new(doc.clone(), layer.clone());
        let edits = suggestions_to_edits(&project, &key, suggestions, layer.as_str(), now)
            .with_context(|| format!("{doc}: cannot accept the suggestions"))?;
        for edit in &edits {
            project
                .apply(edit)
                .with_context(|| format!("{doc}: cannot add a suggestion to layer {layer}"))?;
        }
        added += edits.len();
        touched += usize::from(!edits.is_empty());
    }
    if !layer.is_gold() {
        project.add_annotator(layer.as_str());
    }
    storage::save(&args.dir, &mut project)?;
    progress.finish_and_clear();
    drop(lock);
    println!(
        "added {added} annotation{} from suggestions to layer {layer} in {touched} of {} document{}",
        plural(added),
        documents.len(),
        plural(documents.len())
    );
    if incomplete > 0 {
        eprintln!(
            "warning: left out {incomplete} event{} whose required roles no argument fills",
            plural(incomplete)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a suggestion can be written as is: an event needs an argument for each required role.
fn complete(schema: &crate::model::Schema, suggestion: &Suggestion) -> bool {
    let SuggestionKind::Event {
        event_type,
        arguments,
        ..
    } = &suggestion.kind
    else {
        return true;
    };
    schema.event_type(event_type).is_some_and(|ty| {
        ty.roles
            .iter()
            .filter(|role| role.required)
            .all(|role| arguments.iter().any(|a| a.role == role.name))
    })
}

/// The standard recommenders, with the tagger trained on `learn_from` (gold by default) when the
/// project has annotated documents, and the external model when the project names one. The second
/// value collects the external model's errors.
pub(super) fn project_recommenders(
    project: &Project,
    learn_from: &LayerName,
) -> (Recommenders, Option<Arc<Mutex<Vec<ExternalError>>>>) {
    let mut recommenders = Recommenders::standard();
    let set = TrainingSet::from_project(project, learn_from);
    if let Some(model) = TaggerModel::train(&set, TrainingOptions::default(), &|| false) {
        recommenders.install_tagger(Arc::new(model));
    }
    let mut errors = None;
    if let Some(url) = &project.settings.recommender_url {
        let external = HttpRecommender::new(
            url,
            Duration::from_millis(project.settings.recommender_timeout_ms),
        );
        errors = Some(external.errors());
        recommenders.push(Box::new(external));
    }
    (recommenders, errors)
}

/// Prints each distinct external-model error once, as a warning.
pub(super) fn report_external_errors(errors: &Option<Arc<Mutex<Vec<ExternalError>>>>) {
    let Some(errors) = errors else {
        return;
    };
    let Ok(errors) = errors.lock() else {
        return;
    };
    let mut seen: Vec<String> = Vec::new();
    for error in errors.iter() {
        let message = error.to_string();
        if !seen.contains(&message) {
            eprintln!("warning: {message}");
            seen.push(message);
        }
    }
}

/// The documents to work on: the one named by `--doc`, or all.
pub(super) fn chosen_documents(
    project: &Project,
    doc: Option<&str>,
    dir: &std::path::Path,
) -> anyhow::Result<Vec<DocId>> {
    match doc {
        None => Ok(project.documents().iter().map(|d| d.id.clone()).collect()),
        Some(id) => {
            let found = DocId::new(id).filter(|id| project.document(id).is_some());
            let id = found.with_context(|| {
                format!(
                    "--doc {id:?}: no such document in {} (see `gloss stats`)",
                    dir.display()
                )
            })?;
            Ok(vec![id])
        }
    }
}

/// A progress bar for `len` documents, on a terminal only.
fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} documents  {msg}") {
        bar.set_style(style);
    }
    bar
}

/// `{"start", "end", "text"}`.
#[derive(Debug, Serialize)]
struct SpanText {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct SpeakerLine {
    start: usize,
    end: usize,
    text: String,
    resolved_by: String,
    pronoun: Option<SpanText>,
}

#[derive(Debug, Serialize)]
struct ArgumentLine {
    role: String,
    start: usize,
    end: usize,
    text: String,
}

/// One line of `gloss suggest` output, in the shapes the issue specifies.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Line {
    Entity {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        label: String,
        score: f32,
        recommender: String,
    },
    Quote {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        cue: Option<SpanText>,
        speaker: Option<SpeakerLine>,
        quote_kind: &'static str,
        score: f32,
        recommender: String,
    },
    Event {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        label: String,
        arguments: Vec<ArgumentLine>,
        score: f32,
        recommender: String,
    },
}

fn line_of(document: &Document, suggestion: &Suggestion) -> Line {
    let text =
        |span: crate::model::CharSpan| document.text.slice(span).unwrap_or_default().to_owned();
    let span_text = |span: crate::model::CharSpan| SpanText {
        start: span.start,
        end: span.end,
        text: text(span),
    };
    let doc = document.id.to_string();
    let recommender = suggestion.recommender.clone();
    let score = suggestion.score;
    match &suggestion.kind {
        SuggestionKind::Entity { span, label } => Line::Entity {
            doc,
            kind: "entity",
            start: span.start,
            end: span.end,
            text: text(*span),
            label: label.clone(),
            score,
            recommender,
        },
        SuggestionKind::Quote {
            cue,
            speaker,
            quote_kind,
            ..
        } => {
            // The content's extent: a quote split by "he said" is one quote.
            let extent = suggestion.extent();
            Line::Quote {
                doc,
                kind: "quote",
                start: extent.start,
                end: extent.end,
                text: text(extent),
                cue: cue.map(span_text),
                speaker: speaker.as_ref().map(|s| SpeakerLine {
                    start: s.span.start,
                    end: s.span.end,
                    text: text(s.span),
                    resolved_by: s.resolved_by.clone(),
                    pronoun: s.pronoun.map(span_text),
                }),
                quote_kind: quote_kind.name(),
                score,
                recommender,
            }
        }
        SuggestionKind::Event {
            trigger,
            event_type,
            arguments,
        } => Line::Event {
            doc,
            kind: "event",
            start: trigger.start,
            end: trigger.end,
            text: text(*trigger),
            label: event_type.clone(),
            arguments: arguments
                .iter()
                .map(|a| ArgumentLine {
                    role: a.role.clone(),
                    start: a.span.start,
                    end: a.span.end,
                    text: text(a.span),
                })
                .collect(),
            score,
            recommender,
        },
    }
}
