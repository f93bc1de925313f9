//! The trained tagger and the background worker: learning from the analyst's entities, suggesting for
//! names it never saw, held-out scores, and training off the caller's thread with revisions.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use gloss::model::{CharSpan, DocId, Document, Schema};
use gloss::suggest::tagger::{TaggerModel, TrainingOptions};
use gloss::suggest::training::{TrainingDocument, TrainingSet, held_out};
use gloss::suggest::{
    Recommender, SuggestContext, TaggerRecommender, TrainingView, Worker, WorkerEvent,
};

/// Six sentences such as "Minister <First> <Last> visited <Place> on Monday." with made-up names.
fn document(i: usize) -> TrainingDocument {
    let names = [
        "Dara Voluk",
        "Tomo Brez",
        "Ilka Saren",
        "Vuk Morav",
        "Ena Kalist",
        "Oto Pirel",
    ];
    let places = ["Zagora", "Velmir", "Ostrava", "Lukon", "Brena", "Tivar"];
    let mut text = String::new();
    let mut entities = Vec::new();
    for k in 0..6 {
        let name = names[(i + k) % names.len()];
        let place = places[(i * 2 + k) % places.len()];
        let (before, between, after) = [
            ("Minister ", " visited ", " on Monday. "),
            ("Yesterday ", " flew to ", ". "),
            ("The envoy ", " arrived in ", " late. "),
            ("Reporters saw ", " leave ", " at dawn. "),
        ][(i + k) % 4];
        text.push_str(before);
        let start = text.chars().count();
        text.push_str(name);
        entities.push((
            CharSpan::new(start, start + name.chars().count()),
            "PERSON".to_owned(),
        ));
        text.push_str(between);
        let start = text.chars().count();
        text.push_str(place);
        entities.push((
            CharSpan::new(start, start + place.chars().count()),
            "GPE".to_owned(),
        ));
        text.push_str(after);
        text.push_str("The talks went on for hours. ");
    }
    TrainingDocument {
        id: format!("doc{i}"),
        text,
        entities,
    }
}

fn set(n: usize) -> TrainingSet {
    TrainingSet {
        documents: (0..n).map(document).collect(),
    }
}

fn schema() -> Schema {
    gloss::storage::presets::preset("news").unwrap()
}

#[test]
fn the_tagger_learns_the_analysts_labels_and_finds_unseen_names() {
    let model = TaggerModel::train(&set(6), TrainingOptions::default(), &|| false).unwrap();
    assert_eq!(model.labels(), ["GPE", "PERSON"]);
    let document = Document::from_raw(
        DocId::slug("new"),
        "new",
        "👨‍👩‍👧 🇽🇰\nMinister Жарко Лазић visited Ситница on Monday. Minister Anu Ferro visited Qarth on Monday.",
    );
    let schema = schema();
    let training = TrainingView::default();
    let ctx = SuggestContext::new(&document, &schema, None, &training);
    let found: Vec<(String, String)> = TaggerRecommender::new(Arc::new(model))
        .suggest(&ctx)
        .iter()
        .map(|s| (ctx.text_of(s.primary_span()), s.label().to_owned()))
        .collect();
    assert_eq!(
        found,
        [
            ("Жарко Лазић".to_owned(), "PERSON".to_owned()),
            ("Ситница".to_owned(), "GPE".to_owned()),
            ("Anu Ferro".to_owned(), "PERSON".to_owned()),
            ("Qarth".to_owned(), "GPE".to_owned()),
        ]
    );
}

#[test]
fn an_untrained_tagger_suggests_nothing_and_a_set_without_entities_trains_nothing() {
    let document = Document::from_raw(
        DocId::slug("new"),
        "new",
        "Minister Anu Ferro visited Qarth.",
    );
    let schema = schema();
    let training = TrainingView::default();
    let ctx = SuggestContext::new(&document, &schema, None, &training);
    assert!(TaggerRecommender::untrained().suggest(&ctx).is_empty());
    let empty = TrainingSet {
        documents: vec![TrainingDocument {
            id: "a".to_owned(),
            text: "No names here.".to_owned(),
            entities: Vec::new(),
        }],
    };
    assert!(TaggerModel::train(&empty, TrainingOptions::default(), &|| false).is_none());
}

#[test]
fn held_out_scores_are_per_label_on_documents_not_trained_on() {
    let report = held_out(&set(10), TrainingOptions::default(), &|| false).unwrap();
    assert_eq!((report.train_documents, report.test_documents), (8, 2));
    let labels: Vec<&String> = report.scores.labels.keys().collect();
    assert_eq!(labels, ["GPE", "PERSON"]);
    assert!(report.scores.all.f1() > 0.9, "{:?}", report.scores);
    // One document cannot be split.
    assert!(held_out(&set(1), TrainingOptions::default(), &|| false).is_none());
}

#[test]
fn the_worker_trains_in_the_background_and_reports_the_latest_revision() {
    let (repainted, repaints) = std::sync::mpsc::channel();
    let worker = Worker::spawn(Box::new(move || {
        let _ = repainted.send(());
    }))
    .unwrap();
    // Asking never blocks; later requests replace a waiting one.
    worker.train(1, set(6));
    worker.train(2, set(6));
    worker.train(3, set(7));
    let mut trained = Vec::new();
    while let Some(event) = worker.wait(Duration::from_secs(60)) {
        match event {
            WorkerEvent::Trained {
                revision,
                report,
                model,
                ..
            } => {
                assert!(report.held_out.is_some());
                assert_eq!(model.labels(), ["GPE", "PERSON"]);
                trained.push(revision);
                if revision == 3 {
                    break;
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(trained.last(), Some(&3));
    assert!(trained.len() <= 3, "{trained:?}");
    // The UI is woken after each result.
    assert!(repaints.recv_timeout(Duration::from_secs(60)).is_ok());
    assert!(worker.poll().is_empty());
}

#[test]
fn the_worker_says_when_there_is_nothing_to_learn() {
    let worker = Worker::spawn(Box::new(|| {})).unwrap();
    worker.train(7, TrainingSet::default());
    match worker.wait(Duration::from_secs(60)) {
        Some(WorkerEvent::NothingToTrain { revision }) => assert_eq!(revision, 7),
        other => panic!("unexpected {other:?}"),
    }
}
