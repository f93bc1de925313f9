//! Work the window must not wait for: loading and creating projects, native file dialogs, reading
//! imported files, exporting, closing a project (its final save). Each job runs on a named thread,
//! sends one [`Done`] back through a channel and wakes the UI with `request_repaint`.

use std::future::Future;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use crate::workbench::Workbench;

/// What a native folder dialog was opened for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderPurpose {
    Open,
    /// The folder in which to create a new project.
    NewProject,
}

/// What a finished job reports. Errors are messages for the analyst, naming the file.
pub enum Done {
    /// A project was opened (or created and opened).
    Opened {
        dir: PathBuf,
        /// Boxed: a workbench is large and this enum travels through a channel.
        result: Result<Box<Workbench>, String>,
    },
    /// The annotators a project lists, read without opening it (to offer them at first start).
    Peeked {
        dir: PathBuf,
        result: Result<Vec<String>, String>,
    },
    FolderPicked {
        purpose: FolderPurpose,
        dir: Option<PathBuf>,
    },
    /// Text files read for import: (file name, contents) pairs; empty when the dialog was cancelled.
    FilesRead(Result<Vec<(String, String)>, String>),
    /// A step of the export or import dialog (boxed: it may carry a parsed import).
    Formats(Box<super::export_dialog::FormatsDone>),
    /// A project closed: its last save finished (or failed).
    Closed(Result<(), String>),
}

/// The channel jobs report through, and how many are still running.
pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    ctx: Option<egui::Context>,
    running: usize,
}

impl Jobs {
    pub fn new() -> Self {
        let (tx, rx) = mpsc::channel();
        Self {
            tx,
            rx,
            ctx: None,
            running: 0,
        }
    }

    /// The context to wake when a job finishes. Until it is set, results wait for the next frame.
    pub fn set_context(&mut self, ctx: egui::Context) {
        self.ctx = Some(ctx);
    }

    /// Runs `work` on a thread named `gloss-{name}`. If the thread cannot start, the work runs here,
    /// which blocks this frame but loses nothing.
    pub fn spawn(&mut self, name: &str, work: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        let job = move || {
            // The receiver lives as long as the app; a failed send means the app is gone.
            let _ = tx.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        };
        self.running += 1;
        let shared = Arc::new(Mutex::new(Some(job)));
        let for_thread = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name(format!("gloss-{name}"))
            .spawn(move || take_and_run(&for_thread));
        if spawned.is_err() {
            take_and_run(&shared);
        }
    }

    /// The jobs that finished since the last call.
    pub fn finished(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// Whether any job is still running (the status line shows a spinner).
    pub fn busy(&self) -> bool {
        self.running > 0
    }
}

impl Default for Jobs {
    fn default() -> Self {
        Self::new()
    }
}

fn take_and_run<F: FnOnce()>(job: &Mutex<Option<F>>) {
    let job = job.lock().ok().and_then(|mut slot| slot.take());
    if let Some(job) = job {
        job();
    }
}

/// Drives a future to completion on the current (background) thread: enough for rfd's dialog
/// futures, which need no runtime, only a waker.
pub fn block_on<F: Future>(future: F) -> F::Output {
    struct ThreadWaker(std::thread::Thread);
    impl Wake for ThreadWaker {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_back_and_stops_counting_as_running() {
        let mut jobs = Jobs::new();
        jobs.spawn("test", || Done::Closed(Ok(())));
        assert!(jobs.busy());
        let mut done = Vec::new();
        while done.is_empty() {
            done = jobs.finished();
            std::thread::yield_now();
        }
        assert!(matches!(done.as_slice(), [Done::Closed(Ok(()))]));
        assert!(!jobs.busy());
    }

    #[test]
    fn block_on_runs_a_ready_future() {
        assert_eq!(block_on(async { 7 }), 7);
    }
}
