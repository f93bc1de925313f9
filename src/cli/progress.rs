//! A progress bar on stderr for a workbench service's [`Hooks`]: shown only on a terminal and for
//! runs of at least a few documents, so pipes and tests see nothing.

use std::io::IsTerminal as _;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};

use crate::workbench::{Hooks, Progress};

pub(super) struct ProgressShown {
    report: Box<dyn Fn(Progress)>,
    bar: ProgressBar,
    /// The command line has no cancel button (Ctrl-C ends the process before anything is saved).
    never: AtomicBool,
}

impl ProgressShown {
    /// A bar drawn with `template` once a service reports a total of at least `min` steps.
    pub(super) fn new(template: &str, min: usize) -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let style = ProgressStyle::with_template(template)
                .map(|style| style.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::new(0).with_style(style)
        } else {
            ProgressBar::hidden()
        };
        let shown = bar.clone();
        let report = Box::new(move |progress: Progress| {
            if progress.total < min {
                return;
            }
            shown.set_length(progress.total as u64);
            shown.set_position(progress.done as u64);
            shown.set_message(progress.message);
        });
        Self {
            report,
            bar,
            never: AtomicBool::new(false),
        }
    }

    pub(super) fn hooks(&self) -> Hooks<'_> {
        Hooks {
            progress: &*self.report,
            cancel: &self.never,
        }
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
