//! The workbench's services, called as the window calls them (plain calls, no process): they report
//! progress, stop when cancelled without changing a file, and give the figures the CLI prints.
#![allow(clippy::unwrap_used)]

#[path = "cli_support/mod.rs"]
mod cli_support;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use cli_support::{sample_copy, snapshot};
use gloss::model::Timestamp;
use gloss::workbench::tasks::adjudicate::{AdjudicationRequest, adjudicate};
use gloss::workbench::tasks::suggest::{SuggestRequest, apply};
use gloss::workbench::{Hooks, Progress};

fn merge_request() -> AdjudicationRequest {
    AdjudicationRequest {
        min_agree: None,
        layers: Vec::new(),
        docs: Vec::new(),
        curator: "dana".to_owned(),
        now: Timestamp::UNIX_EPOCH,
    }
}

#[test]
fn adjudication_reports_progress_and_saves_once() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    let gold = dir.join("annotations/kosovo-serbia-brussels-talks/gold.ron");
    assert!(!gold.exists());
    let seen: RefCell<Vec<Progress>> = RefCell::new(Vec::new());
    let report = |p: Progress| seen.borrow_mut().push(p);
    let never = AtomicBool::new(false);
    let hooks = Hooks {
        progress: &report,
        cancel: &never,
    };
    let outcome = adjudicate(&dir, &merge_request(), hooks).unwrap();
    assert!(outcome.merged() > 0);
    let seen = seen.into_inner();
    assert_eq!(seen.first().map(|p| (p.done, p.total)), Some((0, 1)));
    assert_eq!(seen.last().map(|p| p.message.as_str()), Some("saving"));
    assert!(gold.exists(), "the merge was saved");
}

#[test]
fn a_cancelled_service_changes_no_file() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    let before = snapshot(&dir);
    let cancelled = AtomicBool::new(false);
    cancelled.store(true, Ordering::Relaxed);
    let hooks = Hooks {
        progress: &|_| {},
        cancel: &cancelled,
    };
    let err = adjudicate(&dir, &merge_request(), hooks).unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
    let request = SuggestRequest {
        layer: Some("pre".to_owned()),
        ..SuggestRequest::default()
    };
    let err = apply(&dir, &request, hooks).unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
    assert_eq!(
        snapshot(&dir),
        before,
        "a cancel leaves the project as it was"
    );
}
