//! The services both faces of Gloss call: `gloss check`, `stats`, `agree`, `adjudicate --auto`,
//! `suggest` (print or `--apply`), `eval` and training the tagger, written once here. The command line
//! parses its arguments, calls one of these and prints what it returns; the window can run the same
//! calls as background jobs, since the long ones take [`Hooks`] (progress and a cancel flag).
//!
//! Every service that writes takes the project lock before it loads, changes the project in memory
//! and saves once, so an error or a cancel part-way leaves the files as they were.

pub mod adjudicate;
pub mod agreement;
pub mod check;
pub mod consistency;
pub mod evaluate;
pub mod events;
mod hooks;
pub mod quotes;
pub mod search;
pub mod stats;
pub mod suggest;
pub mod train;
pub mod train_model;

pub use hooks::{Hooks, Progress};

use std::path::Path;

use crate::storage;

/// The types the hosts need to show what these services return, re-exported so that the window and
/// the command line depend on the workbench alone (HOUSE-STYLE §1).
pub mod vocabulary {
    pub use crate::formats::{ExportFormat, ExportSelection, ImportFormat, TagScheme};
    pub use crate::model::matching::Counts;
    pub use crate::review::{
        AgreementOptions, AgreementReport, Disagreement, DisagreementKind, Figures, MIN_ITEMS,
        Signature, Version,
    };
    pub use crate::storage::PROJECT_FILE;
    pub use crate::storage::presets::NAMES as PRESET_NAMES;
    pub use crate::suggest::evaluate::Evaluation;
    pub use crate::suggest::tagger::NAME as TAGGER_NAME;
    pub use crate::suggest::{Suggestion, SuggestionKind, TrainingReport};
}

/// Whether `dir` holds a Gloss project (a `project.ron`).
pub fn is_project(dir: &Path) -> bool {
    storage::is_project(dir)
}

/// "1 document", "2 documents".
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `work` over `items` in contiguous parts on the machine's cores (scoped threads), the results
/// concatenated in input order.
pub(crate) fn in_parts<T: Sync, R: Send>(
    name: &str,
    items: &[T],
    work: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len() / 64)
        .max(1);
    if threads == 1 {
        return work(items);
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| {
                std::thread::Builder::new()
                    .name(format!("{name}-{i}"))
                    .spawn_scoped(scope, move || work(part))
            })
            .collect();
        let mut all = Vec::new();
        for (handle, part) in handles.into_iter().zip(items.chunks(chunk)) {
            // A thread that could not start (or panicked) leaves its part to this one.
            match handle.ok().and_then(|h| h.join().ok()) {
                Some(results) => all.extend(results),
                None => all.extend(work(part)),
            }
        }
        all
    })
}
