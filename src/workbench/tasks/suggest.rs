//! `gloss suggest`: the recommenders' suggestions for a project's documents ([`suggest`]), or written
//! into a layer as accepted suggestions ([`apply`]: lock, load, apply, save once).

use std::path::Path;

use anyhow::Context as _;

use super::train::{external_allowed, external_warnings, project_recommenders};
use super::{Hooks, plural};
use crate::model::{DocId, LayerKey, LayerName, Project, Schema, Timestamp};
use crate::storage::{self, lock::ProjectLock};
use crate::suggest::{
    CHUNK_CHARS, Suggestion, SuggestionKind, TrainingView, suggest_in_pieces, suggestions_to_edits,
};

/// What to suggest, as a user names it.
#[derive(Debug, Clone, Default)]
pub struct SuggestRequest {
    /// Only this document id.
    pub doc: Option<String>,
    /// Only this recommender.
    pub recommender: Option<String>,
    /// The layer to suggest for: what it has is not suggested again, and the learners learn from it
    /// (default: learn from gold, leave nothing out).
    pub layer: Option<String>,
    /// Leave out suggestions scoring below this.
    pub min_score: f32,
    /// Whether the project's external recommender may be sent the documents' text.
    pub allow_external: bool,
}

/// The suggestions per document, with the project they are for (its documents hold the text).
#[derive(Debug)]
pub struct Suggested {
    pub project: Project,
    pub documents: Vec<(DocId, Vec<Suggestion>)>,
    pub warnings: Vec<String>,
}

/// What [`apply`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub layer: LayerName,
    pub added: usize,
    /// Documents that got at least one annotation.
    pub touched: usize,
    pub documents: usize,
    /// Events left out because no argument fills a required role.
    pub incomplete: usize,
    pub warnings: Vec<String>,
}

/// Loads the project in `dir` and runs the recommenders on the chosen documents.
pub fn suggest(
    dir: &Path,
    request: &SuggestRequest,
    hooks: Hooks<'_>,
) -> anyhow::Result<Suggested> {
    let layer = layer_of(request)?;
    let project = storage::load(dir)?;
    suggest_in(project, dir, request, layer.as_ref(), hooks, Vec::new())
}

/// Locks the project in `dir`, loads it, writes the suggestions for `request.layer` into that layer
/// as accepted suggestions and saves once.
pub fn apply(dir: &Path, request: &SuggestRequest, hooks: Hooks<'_>) -> anyhow::Result<Applied> {
    let layer = layer_of(request)?.context("--apply needs --layer: the layer to write into")?;
    // Lock before loading, so that no other writer saves between our load and save.
    let (_lock, warning) = ProjectLock::acquire(dir)?;
    let project = storage::load(dir)?;
    let warnings = warning.into_iter().collect();
    let mut suggested = suggest_in(project, dir, request, Some(&layer), hooks, warnings)?;
    let project = &mut suggested.project;
    let now = Timestamp::now();
    let (mut added, mut touched, mut incomplete) = (0, 0, 0);
    for (doc, suggestions) in &mut suggested.documents {
        hooks.check()?;
        // A layer written in one go should pass `gloss check`: events whose required roles no
        // argument fills are left for an analyst to complete in the window.
        let before = suggestions.len();
        suggestions.retain(|s| complete(&project.schema, s));
        incomplete += before - suggestions.len();
        let key = LayerKey::new(doc.clone(), layer.clone());
        let edits = suggestions_to_edits(project, &key, suggestions, layer.as_str(), now)
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
    hooks.check()?;
    let documents = suggested.documents.len();
    hooks.report(documents, documents, "saving");
    storage::save(dir, project)?;
    let mut warnings = suggested.warnings;
    if incomplete > 0 {
        warnings.push(format!(
            "left out {incomplete} event{} whose required roles no argument fills",
            plural(incomplete)
        ));
    }
    Ok(Applied {
        layer,
        added,
        touched,
        documents,
        incomplete,
        warnings,
    })
}

fn layer_of(request: &SuggestRequest) -> anyhow::Result<Option<LayerName>> {
    request
        .layer
        .as_deref()
        .map(|name| {
            LayerName::new(name).with_context(|| {
                format!(
                    "--layer {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'"
                )
            })
        })
        .transpose()
}

fn suggest_in(
    project: Project,
    dir: &Path,
    request: &SuggestRequest,
    layer: Option<&LayerName>,
    hooks: Hooks<'_>,
    mut warnings: Vec<String>,
) -> anyhow::Result<Suggested> {
    let documents = chosen_documents(&project, request.doc.as_deref(), dir)?;
    let learn_from = layer.cloned().unwrap_or_else(LayerName::gold);
    let allow_external = external_allowed(&project, dir, request.allow_external, &mut warnings);
    if request.recommender.as_deref() == Some(crate::suggest::http::NAME)
        && project.settings.recommender_url.is_none()
    {
        anyhow::bail!(
            "--recommender external: {} names no external recommender; set one in its settings, \
             e.g. `recommender_url: Some(\"http://127.0.0.1:8000\")`, with a server such as \
             examples/spacy_server.py running there",
            dir.join(storage::PROJECT_FILE).display()
        );
    }
    if request.recommender.as_deref() == Some(crate::suggest::http::NAME)
        && !allow_external
        && project.settings.recommender_url.is_some()
    {
        anyhow::bail!(
            "--recommender external: the recommender that project.ron names is not trusted; \
             pass --trust-recommender to send it the documents' text"
        );
    }
    let (mut recommenders, errors) =
        project_recommenders(&project, &learn_from, allow_external, hooks, &mut warnings);
    super::train_model::use_project_model(&project, dir, &mut recommenders)?;
    let recommenders = match &request.recommender {
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
    let mut all: Vec<(DocId, Vec<Suggestion>)> = Vec::new();
    for (done, doc) in documents.iter().enumerate() {
        hooks.check()?;
        let Some(document) = project.document(doc) else {
            continue;
        };
        hooks.report(done, documents.len(), doc.to_string());
        let existing = layer.and_then(|l| project.layer(&LayerKey::new(doc.clone(), l.clone())));
        // In pieces, so that a very long document needs bounded working memory.
        let mut suggestions: Vec<Suggestion> = Vec::new();
        suggest_in_pieces(
            document,
            &project.schema,
            existing,
            &training,
            &recommenders,
            &[],
            CHUNK_CHARS,
            &mut |piece| {
                suggestions.extend(piece.into_iter().filter(|s| s.score >= request.min_score));
            },
        );
        all.push((doc.clone(), suggestions));
    }
    if let Some(errors) = &errors {
        external_warnings(errors, &mut warnings);
    }
    Ok(Suggested {
        project,
        documents: all,
        warnings,
    })
}

/// Whether a suggestion can be written as is: an event needs an argument for each required role.
fn complete(schema: &Schema, suggestion: &Suggestion) -> bool {
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

/// The documents to work on: the one named by `--doc`, or all.
pub(crate) fn chosen_documents(
    project: &Project,
    doc: Option<&str>,
    dir: &Path,
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
