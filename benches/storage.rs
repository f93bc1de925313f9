//! Storage speed on a large project: 1,000 articles of ~600 words with 100 annotations each (mostly
//! entity mentions, some quotes with cue and speaker, some events with arguments).
//!
//! Targets on a 2-core machine: open ≤ 1 s, save after one edit ≤ 20 ms; copying the project for a
//! background job (on the UI thread) well under a frame.
//! Run: `cargo bench --bench storage -- --warm-up-time 1 --measurement-time 5`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, Event, EventArgument,
    LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, Source, Speaker, Status, Timestamp,
};
use gloss::storage;

const ARTICLES: usize = 1_000;
const WORDS: usize = 600;
const ENTITIES: u32 = 85;
const QUOTES: u32 = 10;
const EVENTS: u32 = 5;

/// A small deterministic generator, so every run measures the same project.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

const WORDS_POOL: [&str; 24] = [
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
    "hours",
    "of",
    "negotiations",
    "Prishtinë",
    "Вучић",
    "Курти",
    "dialogue",
    "🇽🇰",
];

/// One article: ~600 words, and the char spans of its words.
fn article(rng: &mut Lcg) -> (String, Vec<CharSpan>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(WORDS);
    let mut offset = 0;
    for i in 0..WORDS {
        let word = WORDS_POOL[rng.next(WORDS_POOL.len())];
        let len = word.chars().count();
        spans.push(CharSpan::new(offset, offset + len));
        text.push_str(word);
        offset += len;
        let separator = if i % 20 == 19 { ".\n" } else { " " };
        text.push_str(separator);
        offset += separator.chars().count();
    }
    (text, spans)
}

fn provenance(now: Timestamp, i: u32) -> Provenance {
    let mut provenance = Provenance::manual("alice", now);
    if i.is_multiple_of(3) {
        provenance.source = Source::Suggestion {
            recommender: "spacy-en_core_web_trf".into(),
            score: 0.5 + (i % 50) as f32 / 100.0,
        };
    }
    provenance
}

fn generate() -> Project {
    let schema = storage::presets::preset("news").unwrap();
    let labels: Vec<String> = schema
        .entity_labels
        .iter()
        .map(|l| l.name.clone())
        .collect();
    let meet = schema.event_type("MEET").unwrap().name.clone();
    let mut project = Project::new("Benchmark", schema);
    project.add_annotator("alice");
    let now: Timestamp = "2024-06-01T08:00:00Z".parse().unwrap();
    let mut rng = Lcg(7);
    for n in 0..ARTICLES {
        let (text, words) = article(&mut rng);
        let id = project.add_document(Document::from_raw(
            DocId::new(format!("article-{n:04}")).unwrap(),
            format!("Article {n}"),
            &text,
        ));
        let key = LayerKey::new(id, LayerName::new("alice").unwrap());
        let len = text.chars().count();
        let word = |rng: &mut Lcg| words[rng.next(words.len())];
        let mut annotations = Vec::new();
        for i in 1..=ENTITIES {
            annotations.push(Annotation::Entity(Entity::new(
                AnnotationId(i),
                word(&mut rng),
                gloss::model::Label::new(&labels[rng.next(labels.len())]),
                provenance(now, i),
            )));
        }
        for i in ENTITIES + 1..=ENTITIES + QUOTES {
            let start = word(&mut rng).start;
            annotations.push(Annotation::Quote(Box::new(Quote {
                id: AnnotationId(i),
                content: vec![CharSpan::new(start, (start + 80).min(len))],
                cue: Some(word(&mut rng)),
                speaker: Some(Speaker::Mention(AnnotationId(
                    1 + rng.next(ENTITIES as usize) as u32,
                ))),
                kind: QuoteKind::Direct,
                attributes: BTreeMap::new(),
                note: String::new(),
                provenance: provenance(now, i),
            })));
        }
        for i in ENTITIES + QUOTES + 1..=ENTITIES + QUOTES + EVENTS {
            let filler = |rng: &mut Lcg| AnnotationId(1 + rng.next(ENTITIES as usize) as u32);
            annotations.push(Annotation::Event(Box::new(Event {
                id: AnnotationId(i),
                trigger: word(&mut rng),
                event_type: gloss::model::Label::new(&meet),
                arguments: vec![
                    EventArgument {
                        role: "Participant".into(),
                        filler: filler(&mut rng),
                    },
                    EventArgument {
                        role: "Participant".into(),
                        filler: filler(&mut rng),
                    },
                ],
                attributes: BTreeMap::new(),
                note: String::new(),
                provenance: provenance(now, i),
            })));
        }
        for annotation in annotations {
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        }
        project
            .apply(&Edit::SetStatus {
                key,
                before: Status::New,
                after: Status::InProgress,
            })
            .unwrap();
    }
    project
}

/// Renames the label of entity 1 of the first article between PERSON and ORG: one line of one file.
fn one_edit(project: &mut Project) {
    let key = LayerKey::new(
        DocId::new("article-0000").unwrap(),
        LayerName::new("alice").unwrap(),
    );
    let before = project
        .layer(&key)
        .unwrap()
        .get(AnnotationId(1))
        .unwrap()
        .clone();
    let mut after = before.clone();
    if let Annotation::Entity(entity) = &mut after {
        entity.label = if entity.label == "PERSON" {
            "ORG"
        } else {
            "PERSON"
        }
        .into();
    }
    project
        .apply(&Edit::Replace { key, before, after })
        .unwrap();
}

fn storage_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut project = generate();
    storage::create(dir.path(), &mut project).unwrap();
    let bytes: u64 = walk_size(dir.path());
    eprintln!(
        "project: {ARTICLES} articles, {} annotations, {:.1} MB on disk",
        project
            .layers()
            .map(|(_, layer)| layer.len())
            .sum::<usize>(),
        bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("storage");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("open 1000 articles", |b| {
        b.iter(|| storage::load(dir.path()).unwrap());
    });
    group.bench_function("save after one edit", |b| {
        b.iter(|| {
            one_edit(&mut project);
            storage::save(dir.path(), &mut project).unwrap()
        });
    });
    group.bench_function("serialise after one edit (pending_writes)", |b| {
        b.iter(|| {
            one_edit(&mut project);
            let writes = storage::pending_writes(&project).unwrap();
            project.mark_saved();
            writes
        });
    });
    // What the window hands a background job (an export, the agreement figures, an import's
    // reading): it runs on the UI thread, so it must cost next to nothing.
    group.bench_function("copy the project for a background job", |b| {
        b.iter(|| project.clone());
    });
    group.bench_function("save all 1000 articles", |b| {
        b.iter(|| {
            project.mark_all_dirty();
            storage::save(dir.path(), &mut project).unwrap()
        });
    });
    group.finish();
}

fn walk_size(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        total += if meta.is_dir() {
            walk_size(&entry.path())
        } else {
            meta.len()
        };
    }
    total
}

criterion_group!(benches, storage_benches);
criterion_main!(benches);
