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

use std::path::Path;

#[path = "support/texts.rs"]
mod texts;

use gloss::model::{DocId, Document};
use gloss::suggest::{Recommenders, TrainingView, suggest_with};
use texts::read_texts;

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
