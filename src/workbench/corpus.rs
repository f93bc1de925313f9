//! Corpus search in the window: the request, its results across every document, the current hit,
//! and labelling every hit at once (one undo step). The searching itself is
//! [`super::tasks::search`]'s, the one `gloss search` runs.
//!
//! The folded texts are built in a job (read from `.gloss-cache/`, folded where missing, written
//! back) the first time the analyst searches; a search asked for before then waits for the index
//! and runs when [`Workbench::tick`] collects it. Results are recomputed when annotations change,
//! since annotation queries depend on them.

use crate::model::Label;
use std::sync::Arc;

use super::jobs::Job;
use super::tasks::search::{self, IndexReport, SearchRequest, SearchResults, TextIndex};
use super::{Workbench, WorkbenchError};
use crate::model::{Annotation, AnnotationId, Edit, Entity, LayerKey, Selection};

/// At most this many hits are kept for the window (all are counted).
pub const WINDOW_HIT_LIMIT: usize = 5_000;

/// The corpus search as the panel draws it.
#[derive(Clone, Debug, Default)]
pub struct CorpusSearch {
    /// The last search asked for.
    pub request: Option<SearchRequest>,
    /// Its results, once the index is there.
    pub results: Option<Arc<SearchResults>>,
    /// Index into `results.hits`.
    pub current: Option<usize>,
    /// Why the last request could not run (a bad regex, an unknown filter).
    pub error: Option<String>,
    /// Whether the index is being built (the results come when it is done).
    pub indexing: bool,
    /// What the last indexing did, and any trouble with its cache file.
    pub index_report: Option<IndexReport>,
}

impl CorpusSearch {
    pub fn current_hit(&self) -> Option<&search::Hit> {
        let results = self.results.as_ref()?;
        results.hits.get(self.current?)
    }
}

#[derive(Default)]
pub(super) struct CorpusState {
    view: CorpusSearch,
    index: Option<Arc<TextIndex>>,
    indexing: Option<Job<(TextIndex, IndexReport)>>,
    /// The revision the results were computed at.
    revision: u64,
}

impl Workbench {
    /// The corpus search: request, results, current hit, indexing.
    pub fn corpus_search(&self) -> &CorpusSearch {
        &self.corpus.view
    }

    /// The search index, once built (the consistency check shares it).
    pub(super) fn corpus_index(&self) -> Option<Arc<TextIndex>> {
        self.corpus.index.clone()
    }

    pub(super) fn search_corpus(&mut self, request: SearchRequest) -> Result<(), WorkbenchError> {
        let state = &mut self.corpus;
        state.view.request = Some(request.clone());
        state.view.results = None;
        state.view.current = None;
        state.view.error = None;
        if let Err(message) = search::validate(&request) {
            state.view.error = Some(message.clone());
            return Err(WorkbenchError::refused(message));
        }
        if self.corpus.index.is_none() {
            self.start_indexing();
            return Ok(());
        }
        self.run_corpus_search();
        Ok(())
    }

    /// Builds the index in a job, unless one is running.
    fn start_indexing(&mut self) {
        if self.corpus.indexing.is_some() {
            return;
        }
        let dir = self.dir.clone();
        let documents = self.project.documents().to_vec();
        let job = self.jobs.start("search-index", move |context| {
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let progress = |p: super::Progress| {
                let fraction = (p.total > 0).then(|| p.done as f32 / p.total as f32);
                context.report(fraction, format!("{} ({}/{})", p.message, p.done, p.total));
            };
            let hooks = super::Hooks {
                progress: &progress,
                cancel: &cancel,
            };
            TextIndex::open(&dir, &documents, hooks)
        });
        self.corpus.indexing = Some(job);
        self.corpus.view.indexing = true;
    }

    /// Collects a finished index and runs the search waiting for it; reruns the search when
    /// annotations changed. Called from [`Workbench::tick`]; never blocks.
    pub(super) fn tick_corpus(&mut self) {
        if let Some(job) = self.corpus.indexing.as_mut()
            && let Some(result) = job.poll()
        {
            self.corpus.indexing = None;
            self.corpus.view.indexing = false;
            match result {
                Ok((index, report)) => {
                    self.corpus.index = Some(Arc::new(index));
                    self.corpus.view.index_report = Some(report);
                    if self.corpus.view.request.is_some() && self.corpus.view.error.is_none() {
                        self.run_corpus_search();
                    }
                }
                Err(failed) => {
                    self.corpus.view.error = Some(format!("the search index failed: {failed}"));
                }
            }
        }
        if self.corpus.view.results.is_some() && self.corpus.revision != self.revision {
            self.run_corpus_search();
        }
    }

    /// Runs the current request over the index (which must be there), keeping the current hit
    /// where it was when it still exists.
    fn run_corpus_search(&mut self) {
        let Some(request) = self.corpus.view.request.clone() else {
            return;
        };
        let Some(index) = self.corpus.index.clone() else {
            return;
        };
        let before = self.corpus.view.current_hit().cloned();
        self.corpus.revision = self.revision;
        match search::search(&self.project, &index, &request, WINDOW_HIT_LIMIT) {
            Ok(results) => {
                let current = before.and_then(|hit| {
                    results
                        .hits
                        .iter()
                        .position(|h| h.doc == hit.doc && h.span == hit.span)
                });
                self.corpus.view.results = Some(Arc::new(results));
                self.corpus.view.current = current;
            }
            Err(message) => self.corpus.view.error = Some(message),
        }
    }

    fn corpus_hits(&self) -> Result<Arc<SearchResults>, WorkbenchError> {
        match &self.corpus.view.results {
            Some(results) if !results.hits.is_empty() => Ok(Arc::clone(results)),
            Some(_) => Err(WorkbenchError::refused("the search found nothing")),
            None => Err(WorkbenchError::refused(
                "search the corpus first (Ctrl+Shift+F)",
            )),
        }
    }

    pub(super) fn step_corpus_hit(&mut self, forward: bool) -> Result<(), WorkbenchError> {
        let count = self.corpus_hits()?.hits.len();
        let next = match self.corpus.view.current {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => 0,
            None => count - 1,
        };
        self.go_to_corpus_hit(next)
    }

    /// Shows the hit's document and selects the hit (its annotation too, when it is in the layer
    /// being edited).
    pub(super) fn go_to_corpus_hit(&mut self, index: usize) -> Result<(), WorkbenchError> {
        let results = self.corpus_hits()?;
        let hit = results
            .hits
            .get(index)
            .ok_or_else(|| WorkbenchError::refused(format!("there is no hit {}", index + 1)))?;
        if self.current_id() != Some(&hit.doc) {
            self.select_document(hit.doc.clone())?;
        }
        let editing = self.current.as_ref().map(|key| key.layer.clone());
        let annotation = match (&hit.layer, hit.annotation) {
            (Some(layer), Some(id)) if Some(layer) == editing.as_ref() => Some(id),
            _ => None,
        };
        self.selection = Selection {
            doc: Some(hit.doc.clone()),
            span: Some(hit.span),
            annotation,
        };
        self.corpus.view.current = Some(index);
        Ok(())
    }

    /// Labels every hit with an entity `label` in the layer being edited, as one undo step: an
    /// entity already on exactly that span is relabelled (or left when it has the label), others
    /// are added.
    pub(super) fn label_corpus_hits(&mut self, label: &str) -> Result<(), WorkbenchError> {
        if self.project.schema.entity_label(label).is_none() {
            return Err(WorkbenchError::refused(format!(
                "label {label} is not in the schema"
            )));
        }
        let results = self.corpus_hits()?;
        if results.truncated() {
            return Err(WorkbenchError::refused(format!(
                "the search found {} hits, more than the {} the window holds: narrow it first",
                results.total,
                results.hits.len()
            )));
        }
        let layer = self
            .current
            .as_ref()
            .map_or_else(|| self.annotator.clone(), |key| key.layer.clone());
        let now = self.now();
        let mut edits = Vec::new();
        let mut next_ids: std::collections::HashMap<LayerKey, AnnotationId> =
            std::collections::HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for hit in &results.hits {
            if !seen.insert((hit.doc.clone(), hit.span)) || hit.span.is_empty() {
                continue;
            }
            let key = LayerKey::new(hit.doc.clone(), layer.clone());
            let existing = self.project.layer(&key).and_then(|l| {
                l.iter()
                    .filter_map(Annotation::as_entity)
                    .find(|e| e.span == hit.span)
            });
            match existing {
                Some(entity) if entity.label == label => {}
                Some(entity) => {
                    let mut after = entity.clone();
                    after.label = Label::new(label);
                    after.provenance.modified = now;
                    edits.push(Edit::Replace {
                        key,
                        before: Annotation::Entity(entity.clone()),
                        after: Annotation::Entity(after),
                    });
                }
                None => {
                    let id = next_ids.entry(key.clone()).or_insert_with(|| {
                        self.project
                            .layer(&key)
                            .map_or(AnnotationId(1), |l| l.next_id())
                    });
                    let entity = Entity::new(
                        *id,
                        hit.span,
                        label,
                        crate::model::Provenance::manual(self.annotator.as_str(), now),
                    );
                    id.0 += 1;
                    edits.push(Edit::Add {
                        key,
                        annotation: Annotation::Entity(entity),
                    });
                }
            }
        }
        if edits.is_empty() {
            return Err(WorkbenchError::refused(format!(
                "every hit is already labelled {label}"
            )));
        }
        self.last_label = Some(label.to_owned());
        let selection = self.selection.clone();
        self.apply_annotation_edits(edits, selection)?;
        self.run_corpus_search();
        Ok(())
    }
}
