//! The window's view of background work: the jobs it started on the workbench's job runner
//! ([`crate::workbench::jobs`]), each delivering one [`Done`]. The window polls them every frame and
//! draws their state; it never starts a thread itself.

use std::path::PathBuf;

use crate::workbench::Workbench;
use crate::workbench::jobs::{Job, JobContext, Jobs as Runner, Progress};

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
    /// Text files read for import; `None` when the dialog was cancelled.
    TextsRead(Result<Option<crate::workbench::ReadImport>, String>),
    /// Whether the desktop's file chooser can open: `Some(reason)` when it cannot.
    FileChooser(Option<String>),
    /// A folder listed for Gloss's own file picker.
    Listed {
        dir: PathBuf,
        result: Result<Vec<crate::workbench::files::FolderEntry>, String>,
    },
    /// The built-in sample was copied into this folder (or was there already).
    SampleWritten(Result<PathBuf, String>),
    /// A step of the export or import dialog (boxed: it may carry a parsed import).
    Formats(Box<super::export_dialog::FormatsDone>),
    /// A project closed: its last save finished (or failed).
    Closed(Result<(), String>),
}

/// The jobs the window started and has not collected yet.
pub struct Jobs {
    runner: Runner,
    running: Vec<Job<Done>>,
}

impl Jobs {
    pub fn new(runner: Runner) -> Self {
        Self {
            runner,
            running: Vec::new(),
        }
    }

    /// Where the jobs run (shared with the open workbench, whose saves run there too).
    pub fn runner(&self) -> &Runner {
        &self.runner
    }

    /// Starts `work` as a job named `name`.
    pub fn spawn(&mut self, name: &str, work: impl FnOnce(&JobContext) -> Done + Send + 'static) {
        let job = self.runner.start(name, work);
        self.running.push(job);
    }

    /// The jobs that finished since the last call, in the order they were started. A job that
    /// failed unexpectedly becomes an error message.
    pub fn finished(&mut self) -> Vec<Result<Done, String>> {
        let mut done = Vec::new();
        self.running.retain_mut(|job| match job.poll() {
            None => true,
            Some(result) => {
                done.push(result.map_err(|failed| failed.to_string()));
                false
            }
        });
        done
    }

    /// Whether any job is still running (the status line shows a spinner).
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Whether every running job waits on a native file dialog: the analyst is choosing a file,
    /// nothing is being worked on, and nothing needs animating.
    pub fn only_dialogs(&self) -> bool {
        self.running.iter().all(|job| job.name() == "dialog")
    }

    /// Asks the running jobs named `name` to stop (see [`JobContext::cancelled`]).
    pub fn cancel(&self, name: &str) {
        for job in self.running.iter().filter(|job| job.name() == name) {
            job.cancel();
        }
    }

    /// What the oldest running job says it is doing.
    pub fn progress(&self) -> Option<Progress> {
        self.running.first().map(Job::progress)
    }
}
