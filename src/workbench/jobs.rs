//! Long work off the UI thread: opening and saving projects, reading imports, writing exports,
//! measuring agreement. A [`Job`] reports progress (a fraction and a message), can be asked to stop
//! (a flag the work checks between steps) and delivers one result, which the UI polls each frame.
//!
//! [`Jobs`] runs them in one of two ways:
//! - [`Jobs::threaded`]: each job on its own named thread (`gloss-<name>`); when one finishes, the
//!   waker runs (the window's `request_repaint`).
//! - [`Jobs::queued`]: jobs wait in a queue until [`Jobs::run_until_idle`] runs them on the calling
//!   thread, in the order they were started. Window tests use this: when a result arrives is then
//!   decided by the test, never by how fast the machine is.
//!
//! Either way [`Job::wait`] blocks until the result is there (running a queued job in place), with
//! no timing involved: for closing a project and for the command line.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// What the UI gives to be woken when a job has finished (egui's `request_repaint`).
pub type JobWaker = Arc<dyn Fn() + Send + Sync>;

/// Where jobs run. Cheap to clone: clones share the queue and the waker.
#[derive(Clone)]
pub struct Jobs {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("queued", &self.inner.queued)
            .finish_non_exhaustive()
    }
}

struct Inner {
    /// Whether jobs wait for [`Jobs::run_until_idle`] instead of running on threads.
    queued: bool,
    queue: Mutex<VecDeque<Arc<Task>>>,
    waker: Mutex<Option<JobWaker>>,
}

/// The work of one job, taken by whoever runs it first (its thread, the queue, or a waiter).
struct Task {
    work: Mutex<Option<Box<dyn FnOnce() + Send>>>,
}

impl Task {
    fn run(&self) {
        let work = lock(&self.work).take();
        if let Some(work) = work {
            work();
        }
    }
}

/// What a job's work reads and writes while it runs: its progress and whether it should stop.
#[derive(Clone, Debug, Default)]
pub struct JobContext {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    cancelled: AtomicBool,
    progress: Mutex<Progress>,
}

/// How far a job has come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// From 0 to 1; `None` when the work cannot tell.
    pub fraction: Option<f32>,
    /// What it is doing now, for the analyst ("Reading talks.jsonl").
    pub message: String,
}

impl JobContext {
    /// Says how far the work has come.
    pub fn report(&self, fraction: Option<f32>, message: impl Into<String>) {
        *lock(&self.shared.progress) = Progress {
            fraction: fraction.map(|f| f.clamp(0.0, 1.0)),
            message: message.into(),
        };
    }

    /// Whether the job was asked to stop: work checks this between steps and returns early.
    pub fn cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }
}

/// A job that did not deliver its result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct JobFailed(String);

/// One started job: its progress, a way to stop it, and its result once there.
pub struct Job<T> {
    name: String,
    task: Arc<Task>,
    context: JobContext,
    result: Receiver<Result<T, JobFailed>>,
    /// Whether the task waits in a queue (then a waiter runs it) rather than on its own thread.
    queued: bool,
    delivered: bool,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").field("name", &self.name).finish()
    }
}

impl<T> Job<T> {
    /// The result, if the job has finished; never blocks. After it returned `Some`, it returns
    /// `None` again.
    pub fn poll(&mut self) -> Option<Result<T, JobFailed>> {
        if self.delivered {
            return None;
        }
        let result = match self.result.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(self.lost()),
        };
        self.delivered = true;
        Some(result)
    }

    /// Blocks until the result is there; a queued job runs here and now.
    pub fn wait(self) -> Result<T, JobFailed> {
        if self.queued {
            self.task.run();
        }
        self.result.recv().unwrap_or_else(|_| Err(self.lost()))
    }

    /// Asks the work to stop at its next check; its result still comes (usually saying it stopped).
    pub fn cancel(&self) {
        self.context.shared.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn progress(&self) -> Progress {
        lock(&self.context.shared.progress).clone()
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn lost(&self) -> JobFailed {
        JobFailed(format!("the {} job stopped without a result", self.name))
    }
}

impl Jobs {
    /// Each job on its own named thread.
    pub fn threaded() -> Self {
        Self::with_mode(false)
    }

    /// Jobs wait until [`Jobs::run_until_idle`]: deterministic, for tests.
    pub fn queued() -> Self {
        Self::with_mode(true)
    }

    fn with_mode(queued: bool) -> Self {
        Self {
            inner: Arc::new(Inner {
                queued,
                queue: Mutex::new(VecDeque::new()),
                waker: Mutex::new(None),
            }),
        }
    }

    /// Whether jobs wait for [`Jobs::run_until_idle`].
    pub fn is_queued(&self) -> bool {
        self.inner.queued
    }

    /// Called after each job has finished, from the thread that ran it.
    pub fn set_waker(&self, waker: JobWaker) {
        *lock(&self.inner.waker) = Some(waker);
    }

    /// Starts `work` as a job named `name` (its thread is `gloss-<name>`). If the OS refuses a
    /// thread, the work runs here: slower, but nothing is lost.
    pub fn start<T, F>(&self, name: &str, work: F) -> Job<T>
    where
        T: Send + 'static,
        F: FnOnce(&JobContext) -> T + Send + 'static,
    {
        let (sender, result) = mpsc::channel();
        let context = JobContext::default();
        let for_work = context.clone();
        let inner = Arc::clone(&self.inner);
        let job_name = name.to_owned();
        let task = Arc::new(Task {
            work: Mutex::new(Some(Box::new(move || {
                let outcome = catch_unwind(AssertUnwindSafe(|| work(&for_work)))
                    .map_err(|_| JobFailed(format!("the {job_name} job failed unexpectedly")));
                // The handle may be gone (the window closed): then nobody wants the result.
                let _ = sender.send(outcome);
                let waker = lock(&inner.waker).clone();
                if let Some(wake) = waker {
                    wake();
                }
            }))),
        });
        if self.inner.queued {
            lock(&self.inner.queue).push_back(Arc::clone(&task));
        } else {
            let for_thread = Arc::clone(&task);
            let spawned = std::thread::Builder::new()
                .name(format!("gloss-{name}"))
                .spawn(move || for_thread.run());
            if spawned.is_err() {
                task.run();
            }
        }
        Job {
            name: name.to_owned(),
            task,
            context,
            result,
            queued: self.inner.queued,
            delivered: false,
        }
    }

    /// Runs queued jobs, oldest first, until none is left (including jobs they start); returns how
    /// many ran. Does nothing for threaded jobs, which need no help.
    pub fn run_until_idle(&self) -> usize {
        let mut ran = 0;
        loop {
            let next = lock(&self.inner.queue).pop_front();
            let Some(task) = next else {
                return ran;
            };
            task.run();
            ran += 1;
        }
    }
}

impl Default for Jobs {
    fn default() -> Self {
        Self::threaded()
    }
}

/// Waits for `future` on the calling thread: for a job that awaits something with no runtime of its
/// own, such as a native file dialog (rfd's dialogs are futures that need only a waker). Never call
/// it on the UI thread.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    pollster::block_on(future)
}

/// A lock that survives a panicked holder: the data here (a queue, a progress line) stays usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queued_job_runs_only_when_the_queue_is_run() {
        let jobs = Jobs::queued();
        let mut job = jobs.start("test", |_| 7);
        assert_eq!(job.poll(), None, "not run yet");
        assert_eq!(jobs.run_until_idle(), 1);
        assert_eq!(job.poll(), Some(Ok(7)));
        assert_eq!(job.poll(), None, "delivered once");
    }

    #[test]
    fn a_threaded_job_delivers_its_result_to_a_waiter_and_wakes_the_ui() {
        let jobs = Jobs::threaded();
        let (woken, woke) = mpsc::channel();
        let woken = Mutex::new(woken);
        jobs.set_waker(Arc::new(move || {
            let _ = lock(&woken).send(());
        }));
        let job = jobs.start("test", |_| std::thread::current().name().map(str::to_owned));
        assert_eq!(job.wait(), Ok(Some("gloss-test".to_owned())));
        assert_eq!(woke.recv(), Ok(()), "the waker ran");
    }

    #[test]
    fn waiting_runs_a_queued_job_in_place() {
        let jobs = Jobs::queued();
        let job = jobs.start("test", |_| "done");
        assert_eq!(job.wait(), Ok("done"));
        assert_eq!(
            jobs.run_until_idle(),
            1,
            "the queue still held it; it does nothing"
        );
    }

    #[test]
    fn a_cancelled_job_sees_the_flag_and_its_progress_is_readable() {
        let jobs = Jobs::queued();
        let mut job = jobs.start("test", |context: &JobContext| {
            context.report(Some(0.5), "half way");
            context.cancelled()
        });
        job.cancel();
        jobs.run_until_idle();
        assert_eq!(job.poll(), Some(Ok(true)));
        assert_eq!(
            job.progress(),
            Progress {
                fraction: Some(0.5),
                message: "half way".to_owned()
            }
        );
    }

    #[test]
    fn a_job_that_panics_reports_a_failure_instead_of_taking_the_app_down() {
        let jobs = Jobs::queued();
        let job = jobs.start("test", |_| -> u8 { panic!("boom") });
        let failed = job.wait().unwrap_err();
        assert!(failed.to_string().contains("test job"), "{failed}");
    }

    #[test]
    fn jobs_started_by_a_job_run_in_the_same_pass() {
        let jobs = Jobs::queued();
        let inner = jobs.clone();
        let (sender, receiver) = mpsc::channel();
        let _outer = jobs.start("outer", move |_| {
            let job = inner.start("inner", |_| 2);
            let _ = sender.send(job);
        });
        assert_eq!(jobs.run_until_idle(), 2);
        let mut job = receiver.recv().unwrap();
        assert_eq!(job.poll(), Some(Ok(2)));
    }
}
