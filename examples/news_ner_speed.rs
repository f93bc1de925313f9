//! In-process speed of the baseline's entity suggestions (shipped news model + rules) over the texts
//! of JSONL files (`{"text": ...}` a line), `.txt` files or folders of them, without process start
//! or project loading:
//! `cargo run --release --example news_ner_speed -- benches/data/news-heldout/gum-news-test.jsonl`.
//! `scripts/news_model/compare_spacy.py` times the whole `gloss suggest` process as well, and runs
//! this with `--json` to print both side by side.
//!
//! Options: `--runs N` timed passes over all the texts (default 20, after one untimed pass that reads
//! the model); `--json` prints one JSON object instead of a sentence.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

#[path = "support/texts.rs"]
mod texts;

use gloss::model::{DocId, Document};
use gloss::suggest::{Recommenders, TrainingView, suggest_with};
use texts::read_texts;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut runs = 20usize;
    let mut json = false;
    let mut texts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().ok_or("--runs needs a number")?.parse()?,
            "--json" => json = true,
            path => read_texts(Path::new(path), &mut texts)?,
        }
    }
    if texts.is_empty() || runs == 0 {
        return Err(
            "usage: news_ner_speed [--runs N] [--json] FILE.jsonl|FILE.txt|FOLDER...".into(),
        );
    }
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, (_, text))| Document::from_raw(DocId::slug(&format!("d{i}")), "d", text))
        .collect();
    let words: usize = documents
        .iter()
        .map(|d| d.text.as_str().split_whitespace().count())
        .sum();
    let chars: usize = documents
        .iter()
        .map(|d| d.text.as_str().chars().count())
        .sum();
    let schema = gloss::storage::presets::preset("news").ok_or("no news preset")?;
    let started = Instant::now();
    let recommenders = Recommenders::standard()
        .only("baseline")
        .ok_or("no baseline")?;
    let training = TrainingView::default();
    // The first pass reads the model and the gazetteers; the rest are timed one by one.
    let mut found = 0;
    for document in &documents {
        found += suggest_with(document, &schema, None, &training, &recommenders, &[]).len();
    }
    let first = started.elapsed().as_secs_f64();
    let mut passes: Vec<f64> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        for document in &documents {
            std::hint::black_box(suggest_with(
                document,
                &schema,
                None,
                &training,
                &recommenders,
                &[],
            ));
        }
        passes.push(started.elapsed().as_secs_f64());
    }
    passes.sort_by(f64::total_cmp);
    let median = passes[passes.len() / 2];
    let (fastest, slowest) = (passes[0], passes[passes.len() - 1]);
    if json {
        println!(
            "{{\"documents\": {}, \"words\": {words}, \"chars\": {chars}, \"suggestions\": {found}, \"first_pass_s\": {first}, \"runs\": {runs}, \"min_s\": {fastest}, \"median_s\": {median}, \"max_s\": {slowest}}}",
            documents.len()
        );
    } else {
        println!(
            "{} documents, {words} words, {chars} chars, {found} suggestions: first pass (model load included) {:.1} ms; {runs} passes: median {:.2} ms ({:.0} words/s, {:.0} chars/s), fastest {:.2} ms, slowest {:.2} ms",
            documents.len(),
            first * 1000.0,
            median * 1000.0,
            words as f64 / median,
            chars as f64 / median,
            fastest * 1000.0,
            slowest * 1000.0,
        );
    }
    Ok(())
}
