//! Suggestions in the background: the `gloss-suggest` worker (training the tagger, asking the
//! external model) and the `gloss-suggest-doc` thread that computes a long document's list. Both
//! are started on first need, never waited for on the UI thread, and wake it through the
//! workbench's waker; every result carries what it was computed for, and stale ones are dropped.

use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::super::Workbench;
use super::{Cached, ListKey, RecommenderTrust, SuggestionState};
use crate::model::{Document, Layer, Schema};
use crate::suggest::http::{self, ExternalError};
use crate::suggest::{
    External, Precomputed, Recommenders, Suggestion, SuggestionKey, TaggerModel, TrainingSet,
    TrainingView, Worker, WorkerEvent, suggest_with, tagger,
};

impl Workbench {
    /// Collects background results and asks for training, external suggestions and a long
    /// document's list when the project changed. Called from [`Workbench::tick`]; never blocks.
    pub(in crate::workbench) fn tick_suggestions(&mut self) {
        self.check_trust();
        let events = self
            .suggestions
            .worker
            .as_ref()
            .map(Worker::poll)
            .unwrap_or_default();
        for event in events {
            self.on_worker_event(event);
        }
        let lists = self
            .suggestions
            .long
            .as_ref()
            .map(LongDocuments::poll)
            .unwrap_or_default();
        for (key, list) in lists {
            self.on_long_list(key, list);
        }
        self.refresh_suggestions();
        self.request_training();
        self.request_external();
        self.request_long_list();
    }

    /// Starts the suggestion work that is due (training the tagger, asking a trusted external
    /// recommender, long documents) even when the workbench's jobs are queued: window tests, which
    /// queue every job so that nothing arrives at a moment they did not choose, call this to say when
    /// that work begins, then [`Workbench::wait_for_background_suggestions`]. [`Workbench::tick`]
    /// does this on its own with threaded jobs.
    pub fn start_background_suggestions(&mut self) {
        self.tick_suggestions();
    }

    /// Takes in background results as they come, for up to `timeout`: for tests and the command
    /// line, never the UI thread. Returns whether any came. Starts nothing (see
    /// [`Workbench::tick`]).
    pub fn wait_for_background_suggestions(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let events = self
                .suggestions
                .worker
                .as_ref()
                .map(Worker::poll)
                .unwrap_or_default();
            let lists = self
                .suggestions
                .long
                .as_ref()
                .map(LongDocuments::poll)
                .unwrap_or_default();
            let any = !events.is_empty() || !lists.is_empty();
            for event in events {
                self.on_worker_event(event);
            }
            for (key, list) in lists {
                self.on_long_list(key, list);
            }
            self.refresh_suggestions();
            if any {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn on_worker_event(&mut self, event: WorkerEvent) {
        let state = &mut self.suggestions;
        match event {
            WorkerEvent::Trained {
                revision,
                model,
                report,
            } => {
                if state
                    .tagger
                    .report
                    .as_ref()
                    .is_some_and(|(installed, _)| *installed > revision)
                {
                    return;
                }
                state.tagger_model = Some(Arc::clone(&model));
                state.recommenders.install_tagger(model);
                if !state.tagger.set_by_hand {
                    state
                        .recommenders
                        .hide_tagger_below(&report, state.tagger.min_f1);
                }
                state.tagger.report = Some((revision, report));
                state.changed();
            }
            WorkerEvent::NothingToTrain { .. } => {}
            WorkerEvent::External {
                revision,
                doc,
                result,
            } => {
                let current = self.current.as_ref().map(|key| &key.doc);
                let older = state
                    .external_answered
                    .as_ref()
                    .is_some_and(|(d, r)| *d == doc && *r > revision);
                if current != Some(&doc) || older {
                    return;
                }
                match result {
                    Ok(prediction) => {
                        let answer =
                            Precomputed::new(http::NAME, doc.clone(), prediction.suggestions);
                        state.recommenders.push(Box::new(answer.clone()));
                        state.external_answer = Some(answer);
                        state.external_error = None;
                        if let Some(skipped) = prediction.skipped {
                            state.external_failed(&ExternalError::Skipped(skipped));
                        }
                        state.changed();
                    }
                    Err(error) => state.external_failed(&error),
                }
                state.external_answered = Some((doc, revision));
            }
            WorkerEvent::ExternalTrained { result, .. } => match result {
                Ok(()) | Err(ExternalError::NoTraining { .. }) => {}
                Err(error) => state.external_failed(&error),
            },
        }
    }

    /// A long document's list: shown if it belongs to the shown layer (even if the project moved
    /// on since; the newer list is on its way), dropped otherwise.
    fn on_long_list(&mut self, key: ListKey, list: Vec<Suggestion>) {
        if self.current_layer_key().as_ref() != Some(&key.0) {
            return;
        }
        self.suggestions.cache = Some(Cached {
            key,
            list: Arc::from(list),
        });
    }

    /// Retrains the tagger on the annotator's layer when the project changed since the last
    /// request and the worker is free (so that at most one run waits, with the latest
    /// annotations). Not while the analyst has turned the tagger off, and not while a large
    /// project is still being read: each batch read changes the project, and training again on
    /// everything read so far after every batch did the work about twice over, on a copy of it
    /// all made each time on this thread. Once the reading is done (or rests), one run learns
    /// from everything read, edits made meanwhile included.
    fn request_training(&mut self) {
        let revision = self.revision;
        let reading = self
            .reading()
            .is_some_and(|r| !r.resting && r.failure.is_none());
        let state = &self.suggestions;
        let off_by_hand = state.tagger.set_by_hand
            && !state
                .recommenders
                .entry(tagger::NAME)
                .is_some_and(|e| e.enabled);
        if state.tagger.requested == Some(revision) || state.working() || off_by_hand || reading {
            return;
        }
        self.suggestions.tagger.requested = Some(revision);
        let set = TrainingSet::from_project(&self.project, &self.annotator);
        if set.documents.is_empty() {
            return;
        }
        let external = self.external().map(|e| (e, self.project.schema.clone()));
        if let Some(worker) = self.suggestion_worker() {
            worker.train_with(revision, set, tagger::TrainingOptions::default(), external);
        }
    }

    /// Asks the external model about the shown document when it or the project changed.
    fn request_external(&mut self) {
        let Some(external) = self.external() else {
            return;
        };
        let Some(document) = self.current_doc().cloned() else {
            return;
        };
        let asked = (document.id.clone(), self.revision);
        if self.suggestions.external_requested.as_ref() == Some(&asked) || self.review().is_some() {
            return;
        }
        self.suggestions.external_requested = Some(asked);
        let (revision, schema) = (self.revision, self.project.schema.clone());
        if let Some(worker) = self.suggestion_worker() {
            worker.predict_external(revision, document, schema, external);
        }
    }

    /// Asks the long-document thread for the shown layer's list when it is out of date.
    fn request_long_list(&mut self) {
        if !self.list_is_long() {
            return;
        }
        let Some(key) = self.list_key() else {
            return;
        };
        let fresh = self
            .suggestions
            .cache
            .as_ref()
            .is_some_and(|cached| cached.key == key);
        if fresh || self.suggestions.long_requested.as_ref() == Some(&key) {
            return;
        }
        let Some(document) = self.project.document(&key.0.doc).cloned() else {
            return;
        };
        let job = ListJob {
            document,
            schema: self.project.schema.clone(),
            layer: self.project.layer(&key.0).cloned(),
            training: TrainingView::of_layer(&self.project, &key.0.layer),
            rejected: self.rejected_keys(&key.0),
            recommenders: RecommenderSetup::of(&self.suggestions),
            key: key.clone(),
        };
        self.suggestions.long_requested = Some(key);
        if self.suggestions.long.is_none() && !self.suggestions.long_failed {
            match LongDocuments::spawn(self.saver.waker_slot()) {
                Ok(long) => self.suggestions.long = Some(long),
                Err(error) => {
                    self.suggestions.long_failed = true;
                    self.suggestions.messages.push(format!(
                        "No suggestions for long documents: could not start their thread ({error})"
                    ));
                }
            }
        }
        if let Some(long) = &self.suggestions.long {
            long.ask(job);
        }
    }

    /// The project's external model, if it has one and the user trusts it for this project
    /// ([`RecommenderTrust::Trusted`]): nothing is sent to an untrusted URL.
    fn external(&self) -> Option<External> {
        let url = self.recommender_url()?;
        match &self.suggestions.trust {
            RecommenderTrust::Trusted { url: trusted } if trusted == url => Some(External {
                url: url.to_owned(),
                timeout: Duration::from_millis(self.project.settings.recommender_timeout_ms.max(1)),
            }),
            _ => None,
        }
    }

    /// The worker, started on first use; `None` (said once) when the OS refuses a thread.
    fn suggestion_worker(&mut self) -> Option<&Worker> {
        if self.suggestions.worker.is_none() && !self.suggestions.worker_failed {
            let wake = waking(self.saver.waker_slot());
            match Worker::spawn(Box::new(wake)) {
                Ok(worker) => self.suggestions.worker = Some(worker),
                Err(error) => {
                    self.suggestions.worker_failed = true;
                    self.suggestions.messages.push(format!(
                        "Suggestions will not learn: could not start their thread ({error})"
                    ));
                }
            }
        }
        self.suggestions.worker.as_ref()
    }
}

impl SuggestionState {
    /// Remembers the external model's failure, and says it once until it changes.
    fn external_failed(&mut self, error: &ExternalError) {
        let message = error.to_string();
        if self.external_error.as_deref() != Some(&message) {
            self.messages
                .push(format!("External recommender: {message}"));
        }
        self.external_error = Some(message);
    }
}

/// A call that wakes the UI through the workbench's waker, whenever one is set.
fn waking(slot: super::super::saver::Waker) -> impl Fn() + Send + 'static {
    move || {
        if let Ok(slot) = slot.lock()
            && let Some(wake) = slot.as_ref()
        {
            wake();
        }
    }
}

/// The recommenders' settings and models, to set them up again on another thread (recommenders
/// are not `Clone`).
struct RecommenderSetup {
    /// (name, on, threshold) in order.
    settings: Vec<(String, bool, f32)>,
    tagger: Option<Arc<TaggerModel>>,
    external: Option<Precomputed>,
    /// The project's own entity model for the baseline, when it names one.
    baseline: Option<Arc<TaggerModel>>,
}

impl RecommenderSetup {
    fn of(state: &SuggestionState) -> Self {
        Self {
            settings: state
                .recommenders
                .entries()
                .iter()
                .map(|e| (e.recommender.name().to_owned(), e.enabled, e.threshold))
                .collect(),
            tagger: state.tagger_model.clone(),
            external: state.external_answer.clone(),
            baseline: state.baseline_model.clone(),
        }
    }

    fn build(self) -> Recommenders {
        let mut recommenders = Recommenders::standard();
        if let Some(model) = self.baseline {
            recommenders.push(Box::new(crate::suggest::baseline::Baseline::with_model(
                model,
            )));
        }
        if let Some(model) = self.tagger {
            recommenders.install_tagger(model);
        }
        if let Some(external) = self.external {
            recommenders.push(Box::new(external));
        }
        for (name, enabled, threshold) in &self.settings {
            recommenders.set_enabled(name, *enabled);
            recommenders.set_threshold(name, *threshold);
        }
        recommenders
    }
}

/// Everything one long document's list needs, owned.
struct ListJob {
    key: ListKey,
    document: Document,
    schema: Schema,
    layer: Option<Layer>,
    training: TrainingView,
    rejected: Vec<SuggestionKey>,
    recommenders: RecommenderSetup,
}

#[derive(Default)]
struct Slot {
    /// The one job waiting: a newer request replaces it.
    job: Option<ListJob>,
    busy: bool,
    shutdown: bool,
}

/// The handle on the `gloss-suggest-doc` thread. Dropping it stops the thread after its current
/// list.
pub(super) struct LongDocuments {
    shared: Arc<(Mutex<Slot>, Condvar)>,
    lists: Receiver<(ListKey, Vec<Suggestion>)>,
}

impl LongDocuments {
    fn spawn(waker: super::super::saver::Waker) -> std::io::Result<Self> {
        let shared = Arc::new((Mutex::new(Slot::default()), Condvar::new()));
        let (sender, lists) = channel();
        let thread_shared = Arc::clone(&shared);
        let wake = waking(waker);
        std::thread::Builder::new()
            .name("gloss-suggest-doc".to_owned())
            .spawn(move || {
                while let Some(job) = next_job(&thread_shared) {
                    let recommenders = job.recommenders.build();
                    let list = suggest_with(
                        &job.document,
                        &job.schema,
                        job.layer.as_ref(),
                        &job.training,
                        &recommenders,
                        &job.rejected,
                    );
                    lock(&thread_shared.0).busy = false;
                    // The receiver is gone only when the workbench closed: nothing left to do.
                    if sender.send((job.key, list)).is_err() {
                        return;
                    }
                    wake();
                }
            })?;
        Ok(Self { shared, lists })
    }

    /// Asks for a list, replacing the one waiting.
    fn ask(&self, job: ListJob) {
        lock(&self.shared.0).job = Some(job);
        self.shared.1.notify_one();
    }

    fn poll(&self) -> Vec<(ListKey, Vec<Suggestion>)> {
        self.lists.try_iter().collect()
    }

    pub(super) fn is_busy(&self) -> bool {
        let slot = lock(&self.shared.0);
        slot.busy || slot.job.is_some()
    }
}

impl Drop for LongDocuments {
    fn drop(&mut self) {
        lock(&self.shared.0).shutdown = true;
        self.shared.1.notify_all();
    }
}

/// The slot, even if a panic elsewhere poisoned the lock (every change to it is one assignment).
fn lock(slot: &Mutex<Slot>) -> MutexGuard<'_, Slot> {
    slot.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Waits for the next job; `None` once the handle is dropped.
fn next_job(shared: &(Mutex<Slot>, Condvar)) -> Option<ListJob> {
    let mut slot = lock(&shared.0);
    loop {
        if slot.shutdown {
            return None;
        }
        if let Some(job) = slot.job.take() {
            slot.busy = true;
            return Some(job);
        }
        slot = shared
            .1
            .wait(slot)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    }
}
