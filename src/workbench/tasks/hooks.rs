//! How a long service reports progress and learns it should stop: the window runs services as jobs
//! and draws this progress; the command line shows a bar on a terminal.

use std::sync::atomic::{AtomicBool, Ordering};

/// How far a service got: `done` of `total` steps (documents, usually), and what it is doing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub message: String,
}

/// A service's progress callback and cancel flag. A cancelled service stops at the next document
/// and returns an error without saving anything.
#[derive(Clone, Copy)]
pub struct Hooks<'a> {
    pub progress: &'a dyn Fn(Progress),
    pub cancel: &'a AtomicBool,
}

impl std::fmt::Debug for Hooks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks")
            .field("cancelled", &self.cancelled())
            .finish_non_exhaustive()
    }
}

static NEVER: AtomicBool = AtomicBool::new(false);

fn ignore(_: Progress) {}

impl Hooks<'static> {
    /// No progress shown, never cancelled.
    pub fn none() -> Self {
        Hooks {
            progress: &ignore,
            cancel: &NEVER,
        }
    }
}

impl Hooks<'_> {
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub(crate) fn report(&self, done: usize, total: usize, message: impl Into<String>) {
        (self.progress)(Progress {
            done,
            total,
            message: message.into(),
        });
    }

    /// An error when cancelled: the caller stops before saving.
    pub(crate) fn check(&self) -> anyhow::Result<()> {
        if self.cancelled() {
            anyhow::bail!("cancelled; nothing was saved");
        }
        Ok(())
    }
}
