//! `gloss sync` at scale (issue 13, item 6): a project of 10,000 documents and 5 annotators in a
//! local bare repository; one annotator edits one document and syncs (commit, fetch, replay, update
//! the folder, push), end to end through the same service as `gloss sync`. Target: under 1 s.
//! Every sync of an edit is one commit, so `git log` stays one line per sync.
//!
//! The project (short articles, 5 mentions in each annotator's layer of each document: 10,000 texts
//! and 50,000 layer files) is generated once into `target/team-sync-bench/` and reused.
//! `cargo bench --bench team_sync` (GLOSS_SYNC_DOCS=1000 for a smaller project).
//!
//! Measured on the 2-core development machine (shared): 657 ms median for 10,000 documents
//! (629–685 ms), 107 ms for 1,000. The remote is not changed by others between iterations, so this
//! is commit + fetch + push; what comes in adds the files written.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Timestamp,
};

const ANNOTATORS: [&str; 5] = ["a1", "a2", "a3", "a4", "a5"];

fn documents() -> usize {
    std::env::var("GLOSS_SYNC_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// The remote (bare) and the first annotator's clone, made once.
fn team(n: usize) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/team-sync-bench")
        .join(n.to_string());
    let remote = root.join("remote.git");
    let clone = root.join("a1");
    if root.join("complete").exists() {
        return (remote, clone);
    }
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let started = Instant::now();
    let curator = root.join("curator");
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Team sync", schema);
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    for i in 0..n {
        let text = format!(
            "Talks number {i}\n\nAlbin Kurti met Aleksandar Vučić in Brussels on Thursday, the \
             European Union said after the talks ended without an agreement.\n"
        );
        let doc = project.add_document(Document::from_raw(
            DocId::slug(&format!("article-{i:05}")),
            format!("Talks number {i}"),
            &text,
        ));
        let offset = format!("Talks number {i}\n\n").chars().count();
        let mentions = [
            (0, 11, "PERSON"),
            (16, 32, "PERSON"),
            (36, 44, "GPE"),
            (48, 56, "DATE"),
            (62, 76, "ORG"),
        ];
        for name in ANNOTATORS {
            let key = LayerKey::new(doc.clone(), LayerName::new(name).unwrap());
            for (k, (start, end, label)) in mentions.iter().enumerate() {
                let annotation = Annotation::Entity(Entity::new(
                    AnnotationId(k as u32 + 1),
                    CharSpan::new(offset + start, offset + end),
                    *label,
                    Provenance::manual(name, now),
                ));
                project
                    .apply(&Edit::Add {
                        key: key.clone(),
                        annotation,
                    })
                    .unwrap();
            }
        }
    }
    for name in ANNOTATORS {
        project.add_annotator(name);
    }
    gloss::storage::save(&curator, &mut project).unwrap();
    // The first commit with git2 (every file), pushed to the bare remote; then the clone.
    git2::Repository::init_bare(&remote).unwrap();
    let repo = git2::Repository::init(&curator).unwrap();
    let mut index = repo.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let signature = git2::Signature::now("curator", "curator@gloss.invalid").unwrap();
    repo.commit(
        Some("HEAD"),
        &signature,
        &signature,
        "the project",
        &tree,
        &[],
    )
    .unwrap();
    let branch = repo.head().unwrap().name().unwrap().to_owned();
    let mut origin = repo.remote("origin", remote.to_str().unwrap()).unwrap();
    origin.push(&[format!("{branch}:{branch}")], None).unwrap();
    git2::Repository::clone(remote.to_str().unwrap(), &clone).unwrap();
    std::fs::write(root.join("complete"), "").unwrap();
    eprintln!(
        "generated {n} documents x {} annotators in {:.1} s",
        ANNOTATORS.len(),
        started.elapsed().as_secs_f64()
    );
    (remote, clone)
}

/// a1 changes the status of one of their layers (Done ⇄ InProgress), as Ctrl+D and a save do.
fn edit_one(clone: &Path, round: usize) {
    let file = clone.join(format!("annotations/article-{:05}/a1.ron", round % 100));
    let text = std::fs::read_to_string(&file).unwrap();
    let text = if text.contains("status: Done") {
        text.replacen("status: Done", "status: InProgress", 1)
    } else {
        text.replacen("status: New", "status: Done", 1).replacen(
            "status: InProgress",
            "status: Done",
            1,
        )
    };
    gloss::storage::write_atomic(&file, text.as_bytes()).unwrap();
}

fn team_sync(c: &mut Criterion) {
    let n = documents();
    let (_remote, clone) = team(n);
    let mut round = 0;
    let mut group = c.benchmark_group("team_sync");
    group.sample_size(10);
    group.bench_function(
        format!("sync one edit, {n} documents x 5 annotators"),
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    edit_one(&clone, round);
                    round += 1;
                    let started = Instant::now();
                    let outcome = gloss::workbench::team::sync_project(&clone, Some("a1")).unwrap();
                    total += started.elapsed();
                    assert!(outcome.report.pushed, "{outcome:?}");
                    assert!(outcome.report.committed.is_some(), "{outcome:?}");
                }
                total
            });
        },
    );
    group.finish();
}

criterion_group!(benches, team_sync);
criterion_main!(benches);
