//! Saving without making the UI wait: the UI thread clones what is dirty (usually one layer and its
//! document) and hands it to a `gloss-saver` job ([`super::jobs`]), which serialises it and writes
//! the files atomically; [`Workbench::tick`] collects the result. Autosave runs [`AUTOSAVE_DELAY`]
//! after the last change (measured on the clock the caller passes to `tick`: the window's frame
//! time, which tests drive), on document switch and on [`Workbench::flush`].
//!
//! Serialising happens in the job because it is what costs: ~70 ms for a layer of 30,000
//! annotations, against a few ms to clone it. One save runs at a time, so a later save never loses
//! to an earlier one.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::disk;
use super::jobs::Job;
use super::{SaveState, Workbench, WorkbenchError};
use crate::model::{Dirty, Project};

/// How long after the last change an autosave starts: a crash loses at most this much work.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

pub(super) type Waker = Arc<Mutex<Option<Box<dyn Fn() + Send + Sync>>>>;

/// A save in the background: what it has to tell (a newer file kept aside), or why it failed.
type SaveJob = Job<Result<Vec<String>, String>>;

/// The save being written and the autosave bookkeeping.
pub(super) struct Saver {
    waker: Waker,
    /// The save being written, and what it holds (marked dirty again if it fails).
    in_flight: Option<(SaveJob, Dirty)>,
    /// What the files held when last read or written (see `fingerprints`).
    pub(super) fingerprints: super::fingerprints::Fingerprints,
    /// A change happened since the last tick; the tick stamps it with its `now`.
    changed: bool,
    /// When the latest unsaved change was seen; `None` when no autosave is due.
    last_change: Option<Instant>,
    /// Save at the next opportunity, whatever the delay (Save command, document switch).
    requested: bool,
    error: Option<String>,
}

impl Saver {
    pub(super) fn new() -> Self {
        Self {
            waker: Arc::new(Mutex::new(None)),
            in_flight: None,
            fingerprints: Default::default(),
            changed: false,
            last_change: None,
            requested: false,
            error: None,
        }
    }

    pub(super) fn set_waker(&mut self, waker: Box<dyn Fn() + Send + Sync>) {
        if let Ok(mut slot) = self.waker.lock() {
            *slot = Some(waker);
        }
    }

    /// The slot the waker lives in, for the other background thread that wakes the UI (the
    /// suggestions' worker, started later than the waker is set).
    pub(super) fn waker_slot(&self) -> Waker {
        Arc::clone(&self.waker)
    }

    /// Whether no save is running.
    pub(super) fn idle(&self) -> bool {
        self.in_flight.is_none()
    }

    pub(super) fn note_change(&mut self) {
        self.changed = true;
    }
}

impl Workbench {
    /// The autosave policy and the saver's results; the UI calls this every frame with the frame's time.
    /// Never blocks.
    pub fn tick(&mut self, now: Instant) {
        self.collect_saves(false);
        self.tick_loading();
        // The suggestion threads (tagger training, the external model, long documents) are not
        // jobs yet: with queued jobs (window tests) they are not started, so that nothing arrives
        // at a moment the test did not choose.
        if !self.jobs.is_queued() {
            self.tick_suggestions();
        }
        self.tick_figures();
        self.tick_corpus();
        self.tick_consistency();
        self.tick_who_said();
        self.tick_sync();
        self.tick_matrix();
        self.tick_watch();
        if self.saver.changed {
            self.saver.changed = false;
            self.saver.last_change = Some(now);
        }
        if self.read_only.is_some() {
            return;
        }
        if self.project.dirty().is_empty() {
            // Nothing to save (a change that was saved in the same frame, or one that is not
            // saved at all): no autosave is due, and none may stay due, or the window would be
            // woken for it at every frame from then on.
            self.saver.last_change = None;
            self.saver.requested = false;
        }
        // A sync is writing the folder: saves wait for it (and it waits for them).
        if self.saver.in_flight.is_some()
            || self.project.dirty().is_empty()
            || self.syncing_or_settling()
        {
            return;
        }
        let due = self.saver.requested
            || self
                .saver
                .last_change
                .is_some_and(|last| now.saturating_duration_since(last) >= AUTOSAVE_DELAY);
        if due {
            // A failure is recorded in the save state; nothing else to do here.
            let _ = self.start_save();
        }
    }

    /// When the UI should call [`Workbench::tick`] next even without input (to start an autosave), or
    /// `None` when nothing is due.
    pub fn next_tick(&self) -> Option<Instant> {
        if self.saver.in_flight.is_some() || self.project.dirty().is_empty() {
            return None;
        }
        self.saver.last_change.map(|last| last + AUTOSAVE_DELAY)
    }

    /// Writes everything pending and waits for it: the one blocking call, for closing the window.
    pub fn flush(&mut self) -> Result<(), WorkbenchError> {
        if self.read_only.is_some() {
            return Ok(());
        }
        self.collect_saves(true);
        if !self.project.dirty().is_empty() {
            self.start_save()?;
            self.collect_saves(true);
        }
        match &self.saver.error {
            Some(message) => Err(WorkbenchError::Storage(message.clone())),
            None => Ok(()),
        }
    }

    pub fn save_state(&self) -> SaveState {
        if self.saver.in_flight.is_some() {
            SaveState::Saving
        } else if let Some(message) = &self.saver.error {
            SaveState::Error(message.clone())
        } else if self.project.dirty().is_empty() {
            SaveState::Saved
        } else {
            SaveState::Unsaved
        }
    }

    /// Saves as soon as possible: now if no save is running, else right after it.
    pub(super) fn save_now(&mut self) -> Result<(), WorkbenchError> {
        self.collect_saves(false);
        if self.saver.in_flight.is_some() {
            self.saver.requested = true;
            return Ok(());
        }
        if self.project.dirty().is_empty() {
            return Ok(());
        }
        self.start_save()
    }

    /// Hands what is dirty to a saver job and marks the project saved (until told otherwise).
    fn start_save(&mut self) -> Result<(), WorkbenchError> {
        self.saver.requested = false;
        self.saver.last_change = None;
        let dirty = self.project.dirty().clone();
        let dir = self.dir.clone();
        let snapshot = snapshot(&self.project);
        self.project.mark_saved();
        let fingerprints = self.saver.fingerprints.clone();
        let stamp = (self.clock)().to_string().replace([':', '.'], "");
        let job = self.jobs.start("saver", move |_| {
            disk::save_snapshot(&dir, &snapshot, &fingerprints, &stamp)
        });
        self.saver.in_flight = Some((job, dirty));
        Ok(())
    }

    /// Takes the save's result; with `wait`, blocks until the save in flight has finished.
    fn collect_saves(&mut self, wait: bool) {
        let result = match self.saver.in_flight.as_mut() {
            None => return,
            Some((_, _)) if wait => match self.saver.in_flight.take() {
                Some((job, dirty)) => (job.wait(), dirty),
                None => return,
            },
            Some((job, _)) => match job.poll() {
                None => return,
                Some(result) => match self.saver.in_flight.take() {
                    Some((_, dirty)) => (result, dirty),
                    None => return,
                },
            },
        };
        let (outcome, dirty) = result;
        let outcome = outcome
            .unwrap_or_else(|failed| Err(format!("{failed}; the last changes were not saved")));
        self.finish_save(outcome, &dirty);
    }

    /// Records a save's result; a failure marks what it held dirty again, so nothing is lost.
    fn finish_save(&mut self, result: Result<Vec<String>, String>, held: &Dirty) {
        match result {
            Ok(notices) => {
                self.saver.error = None;
                if !notices.is_empty() {
                    self.notice = Some(notices.join("\n"));
                }
            }
            Err(message) => {
                self.project.mark_dirty(held);
                self.saver.error = Some(message);
            }
        }
    }
}

/// What a save needs, cloned so the saver thread can serialise it: the dirty layers, the documents
/// they belong to (their covered text is written beside each span), every document when the project
/// file (which lists them all) is dirty, and the same dirty marks.
fn snapshot(project: &Project) -> Project {
    let dirty = project.dirty();
    let mut snapshot = Project::new(project.name.clone(), project.schema.clone());
    snapshot.annotators.clone_from(&project.annotators);
    snapshot.team.clone_from(&project.team);
    snapshot.settings.clone_from(&project.settings);
    let layer_docs: BTreeSet<_> = dirty.layers.iter().map(|key| &key.doc).collect();
    for document in project.documents() {
        if dirty.project
            || dirty.documents.contains(&document.id)
            || layer_docs.contains(&document.id)
        {
            snapshot.insert_loaded_document(document.clone());
        }
    }
    for key in &dirty.layers {
        if let Some(layer) = project.layer(key) {
            snapshot.insert_loaded_layer(key.clone(), layer.clone());
        }
    }
    if dirty.registry {
        snapshot.insert_loaded_registry(project.registry().clone());
    }
    snapshot.mark_saved();
    snapshot.mark_dirty(dirty);
    snapshot
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
        Provenance, Schema, Timestamp,
    };

    fn two_documents() -> (Project, LayerKey) {
        let mut project = Project::new("p", Schema::default());
        for id in ["a", "b"] {
            let id = DocId::new(id).unwrap_or_else(|| DocId::slug(id));
            project.add_document(Document::from_raw(id, "t", "Kurti met Vucic"));
        }
        project.mark_saved();
        let key = LayerKey::new(DocId::slug("b"), LayerName::gold());
        let entity = Entity::new(
            AnnotationId(1),
            CharSpan::new(0, 5),
            "PERSON",
            Provenance::manual("x", Timestamp::UNIX_EPOCH),
        );
        let edit = Edit::Add {
            key: key.clone(),
            annotation: Annotation::Entity(entity),
        };
        assert_eq!(project.apply(&edit), Ok(()));
        (project, key)
    }

    #[test]
    fn a_snapshot_holds_the_dirty_layer_and_its_document_only() {
        let (project, key) = two_documents();
        let snapshot = snapshot(&project);
        assert_eq!(snapshot.dirty(), project.dirty());
        let ids: Vec<&str> = snapshot.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert_eq!(snapshot.layer(&key), project.layer(&key));
    }

    #[test]
    fn a_snapshot_for_the_project_file_lists_every_document() {
        let (mut project, _) = two_documents();
        project.mark_project_dirty();
        assert_eq!(snapshot(&project).documents(), project.documents());
    }
}
