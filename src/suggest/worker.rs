//! The one background thread of suggestions (`gloss-suggest`): trains the tagger on the project's
//! annotations and talks to the external model, so that the UI thread never waits for either.
//!
//! At most one job of each kind waits: a new request replaces the waiting one (a retrain after every
//! decision collapses into one run with the latest annotations); the running job finishes. External
//! predictions go before training, since the analyst is looking at the document. Every result
//! carries the revision it was computed for, so that the caller can drop stale ones; after each
//! result the `repaint` callback wakes the UI.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::model::{DocId, Document, Schema, Timestamp};

use super::http::{self, ExternalError, Prediction};
use super::tagger::{TaggerModel, TrainingOptions};
use super::training::{TrainingReport, TrainingSet, held_out};

/// A result from the worker.
#[derive(Debug)]
pub enum WorkerEvent {
    /// A new tagger model, trained on the annotations of `revision`.
    Trained {
        revision: u64,
        model: Arc<TaggerModel>,
        report: TrainingReport,
    },
    /// The training set of `revision` had no entity to learn from.
    NothingToTrain { revision: u64 },
    /// The external model's answer for one document at `revision`.
    External {
        revision: u64,
        doc: DocId,
        result: Result<Prediction, ExternalError>,
    },
    /// The external model's answer to `POST /train` for the annotations of `revision`.
    ExternalTrained {
        revision: u64,
        result: Result<(), ExternalError>,
    },
}

/// Where and how long to wait for the external model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct External {
    pub url: String,
    pub timeout: Duration,
}

struct TrainJob {
    revision: u64,
    set: TrainingSet,
    options: TrainingOptions,
    /// Also send the set to the external model's `/train`.
    external: Option<(External, Schema)>,
}

struct PredictJob {
    revision: u64,
    document: Document,
    schema: Schema,
    external: External,
}

#[derive(Default)]
struct Queue {
    training: Option<TrainJob>,
    prediction: Option<PredictJob>,
    busy: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
    shutdown: AtomicBool,
}

impl Shared {
    /// The queue, even if a panic elsewhere poisoned the lock (the queue stays consistent: every
    /// change is one assignment).
    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The handle on the `gloss-suggest` thread. Dropping it stops the thread after its current job
/// (training stops at the next pass).
pub struct Worker {
    shared: Arc<Shared>,
    events: Receiver<WorkerEvent>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("busy", &self.is_busy())
            .finish()
    }
}

impl Worker {
    /// Starts the thread. `repaint` is called (on the worker thread) after each result.
    pub fn spawn(repaint: Box<dyn Fn() + Send>) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
            shutdown: AtomicBool::new(false),
        });
        let (sender, events) = channel();
        let thread_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("gloss-suggest".to_owned())
            .spawn(move || run(&thread_shared, &sender, repaint.as_ref()))?;
        Ok(Self { shared, events })
    }

    /// Asks for a tagger trained on `set` (taken at `revision`), replacing a waiting request.
    pub fn train(&self, revision: u64, set: TrainingSet) {
        self.train_with(revision, set, TrainingOptions::default(), None);
    }

    /// [`Worker::train`] with options, and the external model's `/train` too when `external` is set.
    pub fn train_with(
        &self,
        revision: u64,
        set: TrainingSet,
        options: TrainingOptions,
        external: Option<(External, Schema)>,
    ) {
        self.shared.queue().training = Some(TrainJob {
            revision,
            set,
            options,
            external,
        });
        self.shared.wake.notify_one();
    }

    /// Asks the external model for suggestions on `document`, replacing a waiting request.
    pub fn predict_external(
        &self,
        revision: u64,
        document: Document,
        schema: Schema,
        external: External,
    ) {
        self.shared.queue().prediction = Some(PredictJob {
            revision,
            document,
            schema,
            external,
        });
        self.shared.wake.notify_one();
    }

    /// The results that arrived since the last call. Never blocks.
    pub fn poll(&self) -> Vec<WorkerEvent> {
        self.events.try_iter().collect()
    }

    /// Waits up to `timeout` for the next result (for tests and the command line; never call it on
    /// the UI thread).
    pub fn wait(&self, timeout: Duration) -> Option<WorkerEvent> {
        self.events.recv_timeout(timeout).ok()
    }

    /// Whether a job is running or waiting.
    pub fn is_busy(&self) -> bool {
        let queue = self.shared.queue();
        queue.busy || queue.training.is_some() || queue.prediction.is_some()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        self.shared.wake.notify_all();
    }
}

// A job lives in a local for as long as it runs, never in a collection: the size difference
// between the variants (a document with its metadata against a training request) costs nothing.
#[allow(clippy::large_enum_variant)]
enum Job {
    Train(TrainJob),
    Predict(PredictJob),
}

fn run(shared: &Shared, sender: &Sender<WorkerEvent>, repaint: &dyn Fn()) {
    loop {
        let job = {
            let mut queue = shared.queue();
            loop {
                if shared.shutdown.load(Ordering::SeqCst) {
                    return;
                }
                if let Some(job) = queue.prediction.take() {
                    queue.busy = true;
                    break Job::Predict(job);
                }
                if let Some(job) = queue.training.take() {
                    queue.busy = true;
                    break Job::Train(job);
                }
                queue = shared
                    .wake
                    .wait(queue)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        };
        let cancelled = || shared.shutdown.load(Ordering::SeqCst);
        let events = match job {
            Job::Predict(job) => vec![WorkerEvent::External {
                revision: job.revision,
                doc: job.document.id.clone(),
                result: http::predict(
                    &job.external.url,
                    job.external.timeout,
                    &job.document,
                    &job.schema,
                ),
            }],
            Job::Train(job) => train(job, &cancelled),
        };
        shared.queue().busy = false;
        if cancelled() {
            return;
        }
        for event in events {
            // The receiver is gone only when the Worker was dropped: nothing left to do.
            if sender.send(event).is_err() {
                return;
            }
        }
        repaint();
    }
}

fn train(job: TrainJob, cancelled: &dyn Fn() -> bool) -> Vec<WorkerEvent> {
    let started = Instant::now();
    let mut events = Vec::new();
    if let Some((external, schema)) = &job.external {
        events.push(WorkerEvent::ExternalTrained {
            revision: job.revision,
            result: http::train(&external.url, external.timeout, &job.set, schema),
        });
    }
    let report_held_out = held_out(&job.set, job.options, cancelled);
    match TaggerModel::train(&job.set, job.options, cancelled) {
        Some(model) => {
            let report = TrainingReport {
                documents: model.documents,
                tokens: model.tokens,
                held_out: report_held_out,
                duration: started.elapsed(),
                finished: Timestamp::now(),
            };
            events.push(WorkerEvent::Trained {
                revision: job.revision,
                model: Arc::new(model),
                report,
            });
        }
        None => events.push(WorkerEvent::NothingToTrain {
            revision: job.revision,
        }),
    }
    events
}
