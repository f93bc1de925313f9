//! `gloss suggest`: the recommenders' suggestions for a project's documents ([`suggest`]), or written
//! into a layer as accepted suggestions ([`apply`]: lock, load, apply, save once).

use std::path::Path;

use anyhow::Context as _;

use super::train::{external_allowed, external_warnings, project_recommenders};
use super::{Hooks, plural};
use crate::model::{DocId, LayerKey, LayerName, Project, Schema, Timestamp};
use crate::storage::{self, lock::ProjectLock, stream::Corpus};
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

/// Suggests and writes what is suggested into layer `request.layer` of every chosen document,
/// holding the project's lock. The project is read twice, a batch of documents at a time: once to
/// learn from the layer (only the documents annotated in it are kept for training), once to
/// suggest, add and save each batch's layers; memory does not grow with the project. Each layer
/// file is written whole and atomically; the annotator joins `project.ron` at the end.
pub fn apply(dir: &Path, request: &SuggestRequest, hooks: Hooks<'_>) -> anyhow::Result<Applied> {
    let layer = layer_of(request)?.context("--apply needs --layer: the layer to write into")?;
    let (_lock, warning) = ProjectLock::acquire(dir)?;
    let corpus = Corpus::open(dir)?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let only: Option<Vec<DocId>> = request
        .doc
        .as_deref()
        .map(|id| doc_named(id, &|id| corpus.contains(id), dir).map(|id| vec![id]))
        .transpose()?;
    // What the recommenders learn from: the documents annotated in this layer, that layer only.
    let mut learning = corpus.base().clone();
    corpus.for_each_batch(None, |batch| -> anyhow::Result<()> {
        hooks.check()?;
        for document in batch.documents() {
            let key = LayerKey::new(document.id.clone(), layer.clone());
            if let Some(annotations) = batch.layer(&key) {
                learning.insert_loaded_document(document.clone());
                learning.insert_loaded_layer(key, annotations.clone());
            }
        }
        Ok(())
    })?;
    let prepared = prepare(&learning, dir, request, &layer, hooks, &mut warnings)?;
    drop(learning);
    let total = only.as_ref().map_or(corpus.len(), Vec::len);
    let now = Timestamp::now();
    let (mut added, mut touched, mut incomplete, mut done) = (0, 0, 0, 0);
    corpus.for_each_batch(only.as_deref(), |mut batch| -> anyhow::Result<()> {
        let ids: Vec<DocId> = batch.documents().iter().map(|d| d.id.clone()).collect();
        hooks.check()?;
        hooks.report(
            done,
            total,
            ids.first().map(ToString::to_string).unwrap_or_default(),
        );
        // Documents are suggested for independently: on every core.
        let found = suggest_on_all_cores(&batch, &ids, &layer, &prepared, request.min_score);
        for (doc, mut suggestions) in ids.iter().zip(found) {
            done += 1;
            let before = suggestions.len();
            suggestions.retain(|s| complete(&batch.schema, s));
            incomplete += before - suggestions.len();
            let key = LayerKey::new(doc.clone(), layer.clone());
            let edits = suggestions_to_edits(&batch, &key, &suggestions, layer.as_str(), now)
                .with_context(|| format!("{doc}: cannot accept the suggestions"))?;
            for edit in &edits {
                batch
                    .apply(edit)
                    .with_context(|| format!("{doc}: cannot add a suggestion to layer {layer}"))?;
            }
            added += edits.len();
            touched += usize::from(!edits.is_empty());
        }
        hooks.check()?;
        // A batch writes its layer files only: `project.ron` lists every document, and a batch
        // holds only its own.
        if batch.dirty().project || batch.dirty().registry || !batch.dirty().documents.is_empty() {
            anyhow::bail!(
                "{}: a batch would rewrite the project's index",
                dir.display()
            );
        }
        storage::save(dir, &mut batch)?;
        Ok(())
    })?;
    if !layer.is_gold() {
        storage::add_annotator(dir, layer.as_str())?;
    }
    if let Some(errors) = &prepared.errors {
        external_warnings(errors, &mut warnings);
    }
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
        documents: total,
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

/// What suggesting needs, set up once for a run: the recommenders (trained on `learn_from` of the
/// project given), what the layer teaches the context recommenders, and where the external
/// recommender's errors are collected.
struct Prepared {
    recommenders: crate::suggest::Recommenders,
    training: TrainingView,
    errors: Option<super::train::ExternalErrors>,
}

/// Checks the request against the project and sets up the recommenders. `project` holds at least
/// every document annotated in the layer learned from (the whole project, or only those).
fn prepare(
    project: &Project,
    dir: &Path,
    request: &SuggestRequest,
    learn_from: &LayerName,
    hooks: Hooks<'_>,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Prepared> {
    let allow_external = external_allowed(project, dir, request.allow_external, warnings);
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
        project_recommenders(project, learn_from, allow_external, hooks, warnings);
    super::train_model::use_project_model(project, dir, &mut recommenders)?;
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
    Ok(Prepared {
        recommenders,
        training: TrainingView::of_layer(project, learn_from),
        errors,
    })
}

/// The suggestions for document `doc` of `project` (its layer `layer`, if any, is what they add
/// to), at or above the minimum score.
fn suggest_document(
    project: &Project,
    doc: &DocId,
    layer: Option<&LayerName>,
    prepared: &Prepared,
    min_score: f32,
) -> Vec<Suggestion> {
    let Some(document) = project.document(doc) else {
        return Vec::new();
    };
    let existing = layer.and_then(|l| project.layer(&LayerKey::new(doc.clone(), l.clone())));
    let mut suggestions: Vec<Suggestion> = Vec::new();
    suggest_in_pieces(
        document,
        &project.schema,
        existing,
        &prepared.training,
        &prepared.recommenders,
        &[],
        CHUNK_CHARS,
        &mut |piece| {
            suggestions.extend(piece.into_iter().filter(|s| s.score >= min_score));
        },
    );
    suggestions
}

/// [`suggest_document`] for each of `ids`, on a thread per core, results in the order of `ids`.
fn suggest_on_all_cores(
    project: &Project,
    ids: &[DocId],
    layer: &LayerName,
    prepared: &Prepared,
    min_score: f32,
) -> Vec<Vec<Suggestion>> {
    let suggested = storage::try_map("gloss-suggest", ids, storage::cpu_threads(), |doc| {
        Ok::<_, std::convert::Infallible>(suggest_document(
            project,
            doc,
            Some(layer),
            prepared,
            min_score,
        ))
    });
    match suggested {
        Ok(all) => all,
        Err(never) => match never {},
    }
}

/// Suggests for the chosen documents of a project loaded whole.
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
    let prepared = prepare(&project, dir, request, &learn_from, hooks, &mut warnings)?;
    let mut all: Vec<(DocId, Vec<Suggestion>)> = Vec::new();
    for (done, doc) in documents.iter().enumerate() {
        hooks.check()?;
        hooks.report(done, documents.len(), doc.to_string());
        let suggestions = suggest_document(&project, doc, layer, &prepared, request.min_score);
        all.push((doc.clone(), suggestions));
    }
    if let Some(errors) = &prepared.errors {
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
        Some(id) => Ok(vec![doc_named(
            id,
            &|id| project.document(id).is_some(),
            dir,
        )?]),
    }
}

/// The document `--doc` names, which `exists` must say the project has.
fn doc_named(id: &str, exists: &dyn Fn(&DocId) -> bool, dir: &Path) -> anyhow::Result<DocId> {
    DocId::new(id).filter(|id| exists(id)).with_context(|| {
        format!(
            "--doc {id:?}: no such document in {} (see `gloss stats`)",
            dir.display()
        )
    })
}
