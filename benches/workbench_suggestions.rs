//! Suggestions in the window: how long the analyst waits for the first suggestions when the sample
//! article opens (target ≤ 100 ms, so they are computed on the UI thread), and for the list to be
//! recomputed after a decision.
//!
//! Run: `cargo bench --bench workbench_suggestions -- --warm-up-time 1 --measurement-time 5`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Timestamp,
};
use gloss::workbench::{Command, Workbench};

const LABELS: [&str; 6] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"];
const WORDS: [&str; 16] = [
    "the",
    "talks",
    "in",
    "Brussels",
    "ended",
    "without",
    "an",
    "agreement",
    "officials",
    "said",
    "Kurti",
    "Vučić",
    "met",
    "Borrell",
    "on",
    "Thursday",
];

/// A document of about `bytes` bytes in paragraphs of ~130 chars with `count` entity mentions (as
/// `benches/window.rs` makes it), opened as `bench`.
fn generated(bytes: usize, count: usize) -> Workbench {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut text, mut words, mut chars, mut in_paragraph) = (String::new(), Vec::new(), 0, 0);
    while text.len() < bytes {
        let word = WORDS[(next() % WORDS.len() as u64) as usize];
        let len = word.chars().count();
        words.push((chars, chars + len));
        text.push_str(word);
        chars += len;
        in_paragraph += len + 1;
        if in_paragraph > 130 {
            text.push_str(".\n\n");
            chars += 3;
            in_paragraph = 0;
        } else {
            text.push(' ');
            chars += 1;
        }
    }
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Bench", schema);
    let doc = project.add_document(Document::from_raw(DocId::slug("big"), "Big", &text));
    let key = LayerKey::new(doc, LayerName::new("bench").unwrap());
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    let step = (words.len() / count).max(1);
    for (i, &(start, end)) in words.iter().step_by(step).take(count).enumerate() {
        let annotation = Annotation::Entity(Entity {
            id: AnnotationId(i as u32 + 1),
            span: CharSpan::new(start, end),
            label: LABELS[i % LABELS.len()].to_owned(),
            attributes: Default::default(),
            norm: None,
            note: String::new(),
            provenance: Provenance::manual("bench", now),
        });
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })
            .unwrap();
    }
    Workbench::from_project(project, PathBuf::from("/nonexistent"), "bench")
}

fn sample() -> Workbench {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/kosovo-talks");
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
        let mut wb = generated(1_000_000, 30_000);
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
