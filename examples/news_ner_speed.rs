//! In-process speed of the baseline's entity suggestions (shipped news model + rules) over the texts
//! of a JSONL file (`{"text": ...}` a line), without process start or project loading:
//! `cargo run --example news_ner_speed -- benches/data/news-heldout/gum-news-test.jsonl`.
//! `scripts/news_model/compare_spacy.py` times the whole `gloss suggest` process instead.

use std::time::Instant;

use gloss::model::{DocId, Document};
use gloss::suggest::{Recommenders, TrainingView, suggest_with};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: news_ner_speed FILE.jsonl")?;
    let mut documents = Vec::new();
    for (i, line) in std::fs::read_to_string(&path)?.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let text = value["text"].as_str().ok_or("a line without text")?;
        documents.push(Document::from_raw(DocId::slug(&format!("d{i}")), "d", text));
    }
    let words: usize = documents
        .iter()
        .map(|d| d.text.as_str().split_whitespace().count())
        .sum();
    let schema = gloss::storage::presets::preset("news").ok_or("no news preset")?;
    let started = Instant::now();
    let recommenders = Recommenders::standard()
        .only("baseline")
        .ok_or("no baseline")?;
    let training = TrainingView::default();
    // The first pass reads the model; the rest are timed.
    for document in &documents {
        suggest_with(document, &schema, None, &training, &recommenders, &[]);
    }
    let first = started.elapsed();
    let runs = 5;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..runs {
        for document in &documents {
            found += suggest_with(document, &schema, None, &training, &recommenders, &[]).len();
        }
    }
    let each = started.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "{} documents, {words} words: first pass (model load included) {:.1} ms; then {:.1} ms a pass, {:.0} words/s ({} suggestions a pass)",
        documents.len(),
        first.as_secs_f64() * 1000.0,
        each * 1000.0,
        words as f64 / each,
        found / runs as usize
    );
    Ok(())
}
