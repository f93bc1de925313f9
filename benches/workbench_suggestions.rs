//! Suggestions in the window: how long the analyst waits for the first suggestions when the sample
//! article opens (target ≤ 100 ms, so they are computed on the UI thread), and for the list to be
//! recomputed after a decision.
//!
//! Run: `cargo bench --bench workbench_suggestions -- --warm-up-time 1 --measurement-time 5`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

#[path = "support/generated.rs"]
mod generated;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::workbench::{Command, Workbench};

fn sample() -> Workbench {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks");
    let project = gloss::storage::load(&dir).unwrap();
    Workbench::from_project(project, PathBuf::from("/nonexistent"), "nadia")
}

fn suggestions(c: &mut Criterion) {
    let mut group = c.benchmark_group("sample article");
    group.bench_function("open: the first suggestions", |b| {
        let mut wb = sample();
        let mut threshold = 0.0;
        b.iter(|| {
            // A settings change empties the cache, as opening a document does.
            threshold = if threshold == 0.0 { 0.01 } else { 0.0 };
            wb.execute(Command::SetRecommenderThreshold {
                name: "events".to_owned(),
                threshold,
            })
            .unwrap();
            wb.suggestions().len()
        })
    });
    group.bench_function("accept the focused suggestion, then undo", |b| {
        let mut wb = sample();
        b.iter(|| {
            wb.execute(Command::NextSuggestion).unwrap();
            wb.execute(Command::AcceptSuggestion(None)).unwrap();
            let after = wb.suggestions().len();
            wb.execute(Command::Undo).unwrap();
            after
        })
    });
    group.finish();

    let mut group = c.benchmark_group("1 MB article, 30,000 annotations");
    group.sample_size(10);
    group.bench_function("the suggestions", |b| {
        let mut wb = Workbench::from_project(
            generated::generated(1_000_000, 30_000),
            PathBuf::from("/nonexistent"),
            "bench",
        );
        let mut threshold = 0.0;
        b.iter(|| {
            threshold = if threshold == 0.0 { 0.01 } else { 0.0 };
            wb.execute(Command::SetRecommenderThreshold {
                name: "events".to_owned(),
                threshold,
            })
            .unwrap();
            wb.suggestions().len()
        })
    });
    group.finish();
}

criterion_group!(benches, suggestions);
criterion_main!(benches);
