//! Every suggestion Gloss makes for a set of texts, printed in full (spans, labels, rules, speakers,
//! and scores to the last bit), so that a change meant to make suggesting faster can be checked to
//! change nothing: run it before and after and compare the outputs byte for byte.
//!
//! ```text
//! cargo run --release --example suggest_snapshot -- benches/data/quotes benches/data/news-heldout/gum-news-test.jsonl > after.txt
//! ```
//!
//! Each argument is a folder (its `.txt` files, in name order), a `.txt` file or a JSONL file
//! (`{"text": ...}` a line). Two passes per text: the baseline alone (what `gloss suggest
//! --recommender baseline` and `scripts/news_model/compare_spacy.py` score), then every standard
//! recommender but the untrained tagger (what `examples/quote_eval.rs` scores).
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use gloss::model::{DocId, Document};
use gloss::suggest::{Recommenders, TrainingView, suggest_with};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut texts: Vec<(String, String)> = Vec::new();
    for arg in std::env::args().skip(1) {
        read_texts(Path::new(&arg), &mut texts)?;
    }
    if texts.is_empty() {
        return Err("usage: suggest_snapshot (FOLDER | FILE.txt | FILE.jsonl)...".into());
    }
    let schema = gloss::storage::presets::preset("news").ok_or("no news preset")?;
    let training = TrainingView::default();
    let baseline = Recommenders::standard()
        .only("baseline")
        .ok_or("no baseline")?;
    let mut standard = Recommenders::standard();
    standard.set_enabled(gloss::suggest::tagger::NAME, false);
    for (name, text) in &texts {
        let document = Document::from_raw(DocId::slug(name), name, text);
        for (pass, recommenders) in [("baseline", &baseline), ("standard", &standard)] {
            for s in suggest_with(&document, &schema, None, &training, recommenders, &[]) {
                println!(
                    "{name}\t{pass}\t{:08x}\t{}\t{}\t{:?}",
                    s.score.to_bits(),
                    s.recommender,
                    s.rule,
                    s.kind
                );
            }
        }
    }
    Ok(())
}

fn read_texts(
    path: &Path,
    texts: &mut Vec<(String, String)>,
) -> Result<(), Box<dyn std::error::Error>> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            read_texts(&file, texts)?;
        }
    } else if path.extension().is_some_and(|e| e == "jsonl") {
        for (i, line) in std::fs::read_to_string(path)?.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let text = value["text"]
                .as_str()
                .ok_or_else(|| format!("{}:{}: no text", path.display(), i + 1))?;
            texts.push((format!("{stem}-{}", i + 1), text.to_owned()));
        }
    } else {
        texts.push((stem, std::fs::read_to_string(path)?));
    }
    Ok(())
}
