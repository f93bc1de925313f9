//! Corpus speed (issue 14): 10,000 generated news-like articles of ~3,000 chars (30 MB of text,
//! with accents, Cyrillic and emoji), 100 entity mentions each (1,000,000 annotations), some of
//! them labelled inconsistently.
//!
//! Targets: a search answers in under 50 ms once the index is built; the consistency check of the
//! whole corpus finishes in under 2 s. Also measured: building the index (folding every text) and
//! opening it from the cache file, which `gloss search` and the window's indexing job pay once.
//! Run: `cargo bench --bench search -- --warm-up-time 1 --measurement-time 5`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Entity, Layer, LayerKey, LayerName,
    Project, Provenance, Status, Timestamp,
};
use gloss::workbench::Hooks;
use gloss::workbench::tasks::consistency;
use gloss::workbench::tasks::search::{SearchRequest, TextIndex, search};

const ARTICLES: usize = 10_000;
const CHARS: usize = 3_000;
const MENTIONS: usize = 100;
const WORDS: [&str; 24] = [
    "the",
    "talks",
    "in",
    "Brussels",
    "between",
    "Serbia",
    "and",
    "Kosovo",
    "ended",
    "without",
    "agreement",
    "officials",
    "said",
    "on",
    "Thursday",
    "after",
    "Kurti",
    "Vučić",
    "Prishtinë",
    "Вучић",
    "Курти",
    "🇽🇰",
    "Lajčák",
    "negotiations",
];
const NAMES: [&str; 5] = ["Kurti", "Vučić", "Lajčák", "Prishtinë", "Brussels"];
/// Mostly PERSON, sometimes ORG or GPE: the inconsistencies the check finds.
const LABELS: [&str; 7] = [
    "PERSON", "PERSON", "PERSON", "ORG", "PERSON", "PERSON", "GPE",
];

fn corpus() -> Project {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Bench", schema);
    let layer = LayerName::new("bench").unwrap();
    let provenance = Provenance::manual("bench", Timestamp::UNIX_EPOCH);
    for article in 0..ARTICLES {
        let mut text = String::with_capacity(CHARS + 64);
        let mut chars = 0;
        let mut names = Vec::new();
        while chars < CHARS {
            let word = if names.len() < MENTIONS && next(3) == 0 {
                let name = NAMES[next(NAMES.len())];
                names.push(CharSpan::new(chars, chars + name.chars().count()));
                name
            } else {
                WORDS[next(WORDS.len())]
            };
            text.push_str(word);
            text.push(if next(12) == 0 { '\n' } else { ' ' });
            chars += word.chars().count() + 1;
        }
        let id = DocId::new(format!("article-{article:05}")).unwrap();
        project.add_document(Document::from_raw(
            id.clone(),
            format!("Article {article}"),
            &text,
        ));
        let annotations: BTreeMap<AnnotationId, Annotation> = names
            .into_iter()
            .enumerate()
            .map(|(i, span)| {
                let id = AnnotationId(i as u32 + 1);
                let entity = Entity::new(id, span, LABELS[i % LABELS.len()], provenance.clone());
                (id, Annotation::Entity(entity))
            })
            .collect();
        project.insert_loaded_layer(
            LayerKey::new(id, layer.clone()),
            Layer::from_annotations(Status::InProgress, annotations),
        );
    }
    project
}

fn benches(c: &mut Criterion) {
    let project = corpus();
    let index = TextIndex::build(project.documents());
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    for (name, request) in [
        ("text-common", SearchRequest::text("vucic")),
        (
            "text-rare",
            SearchRequest::text("Lajcak negotiations after"),
        ),
        (
            "regex",
            SearchRequest {
                regex: true,
                ..SearchRequest::text(r"Ku?rti said")
            },
        ),
        ("annotations", SearchRequest::text("label:PERSON Kurti")),
    ] {
        // The first annotation search also builds the index's per-layer summaries: timed once here.
        let first = std::time::Instant::now();
        let hits = search(&project, &index, &request, 5_000).unwrap().total;
        println!(
            "{name}: {hits} hits over {ARTICLES} articles (first search {:?})",
            first.elapsed()
        );
        group.bench_function(name, |b| {
            b.iter(|| search(&project, &index, &request, 5_000).unwrap())
        });
    }
    group.sample_size(10);
    let layer = LayerName::new("bench").unwrap();
    let report = consistency::check(&project, &index, Some(&layer));
    println!(
        "consistency: {} findings over {} mentions",
        report.findings.len(),
        report.mentions
    );
    group.bench_function("consistency", |b| {
        b.iter(|| consistency::check(&project, &index, Some(&layer)))
    });
    group.bench_function("index-build", |b| {
        b.iter(|| TextIndex::build(project.documents()))
    });
    let dir = tempfile::TempDir::new().unwrap();
    let (_, report) = TextIndex::open(dir.path(), project.documents(), Hooks::none());
    assert_eq!(report.folded, ARTICLES);
    assert!(report.cache_warning.is_none());
    group.bench_function("index-open-from-cache", |b| {
        b.iter(|| {
            let (index, report) = TextIndex::open(dir.path(), project.documents(), Hooks::none());
            assert_eq!(report.folded, 0);
            index
        })
    });
    group.finish();
}

criterion_group! {
    name = search_benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(search_benches);
