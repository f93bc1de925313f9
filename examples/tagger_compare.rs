//! Gloss's tagger on the benchmark corpus (`benches/support/corpus.rs`): trains on four fifths of the
//! documents, scores the held-out fifth, and writes the same sentences, features and split as JSON for
//! `benches/crfsuite_compare.py`, which trains python-crfsuite on them and prints both side by side.
//!
//! Run: `cargo run --release --example tagger_compare -- OUT.json [TOKENS]`
// A measurement tool: failures should stop it loudly.
#![allow(clippy::unwrap_used)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use gloss::suggest::context::analyse;
use gloss::suggest::features::FeatureDoc;
use gloss::suggest::tagger::{TaggerModel, TrainingOptions, gold_tags, sentence_ranges};
use gloss::suggest::training::{TrainingDocument, TrainingSet, score_on};
use serde_json::{Value, json};

const PARTS: [&str; 4] = ["B", "I", "L", "U"];

fn tag_name(tag: usize, labels: &[String]) -> String {
    if tag == 0 {
        "O".to_owned()
    } else {
        format!("{}-{}", PARTS[(tag - 1) % 4], labels[(tag - 1) / 4])
    }
}

/// Sentences of a document as `{"features": [[...]], "tags": [...]}`, tags from `entities`.
fn sentences(
    document: &TrainingDocument,
    entities: &[(gloss::model::CharSpan, String)],
    labels: &[String],
) -> Vec<Value> {
    let (chars, words, _) = analyse(&document.text);
    let features = FeatureDoc::new(&words, &chars);
    let tagged = TrainingDocument {
        entities: entities.to_vec(),
        ..document.clone()
    };
    let tags = gold_tags(&words, &tagged, labels);
    let mut buf = String::new();
    sentence_ranges(&words)
        .into_iter()
        .map(|range| {
            let rows: Vec<Vec<String>> = range
                .clone()
                .map(|i| {
                    let mut row = Vec::new();
                    features.for_each(i, &mut buf, &mut |f| row.push(f.to_owned()));
                    row
                })
                .collect();
            let names: Vec<String> = range.map(|i| tag_name(tags[i], labels)).collect();
            json!({"features": rows, "tags": names})
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .unwrap_or_else(|| "tagger-compare.json".to_owned());
    let tokens: usize = args.next().map_or(50_000, |t| t.parse().unwrap());
    let corpus = corpus::corpus(tokens, 7);
    let (train, test) = corpus.split().unwrap();
    let mut labels: Vec<String> = corpus
        .documents
        .iter()
        .flat_map(|d| d.entities.iter().map(|(_, l)| l.clone()))
        .collect();
    labels.sort();
    labels.dedup();

    let started = Instant::now();
    let model = TaggerModel::train(&train, TrainingOptions::default(), &|| false).unwrap();
    let train_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let predicted: Vec<Vec<(gloss::model::CharSpan, String)>> = test
        .documents
        .iter()
        .map(|d| {
            let (chars, words, _) = analyse(&d.text);
            model
                .predict(&words, &chars)
                .into_iter()
                .map(|(span, label, _)| (span, label))
                .collect()
        })
        .collect();
    let predict_seconds = started.elapsed().as_secs_f64();
    let scores = score_on(&model, &test);
    let train_tokens: usize = TrainingSet {
        documents: train.documents.clone(),
    }
    .tokens();

    let train_json: Vec<Value> = train
        .documents
        .iter()
        .flat_map(|d| sentences(d, &d.entities, &labels))
        .collect();
    let test_json: Vec<Value> = test
        .documents
        .iter()
        .flat_map(|d| sentences(d, &d.entities, &labels))
        .collect();
    let predicted_json: Vec<Value> = test
        .documents
        .iter()
        .zip(&predicted)
        .flat_map(|(d, p)| sentences(d, p, &labels))
        .map(|s| s["tags"].clone())
        .collect();
    let report = json!({
        "train": train_json,
        "test": test_json,
        "gloss": {
            "algorithm": "averaged perceptron, 8 epochs",
            "train_documents": train.documents.len(),
            "test_documents": test.documents.len(),
            "train_tokens": train_tokens,
            "train_seconds": train_seconds,
            "predict_seconds": predict_seconds,
            "f1": scores.all.f1(),
            "predicted_tags": predicted_json,
        },
    });
    std::fs::write(&out, serde_json::to_vec(&report).unwrap()).unwrap();
    println!(
        "gloss: trained on {train_tokens} tokens ({} documents) in {train_seconds:.3} s; held-out F1 {:.4} on {} documents; wrote {out}",
        train.documents.len(),
        scores.all.f1(),
        test.documents.len()
    );
}
