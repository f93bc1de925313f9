//! Peak memory of the suggestion pipeline on one long news-like document, for issue 11's "memory
//! bounded by a small multiple of the text size". Run under `/usr/bin/time -v` and read "Maximum
//! resident set size":
//!
//! ```text
//! cargo build --release --example suggest_memory
//! /usr/bin/time -v target/release/examples/suggest_memory 32
//! /usr/bin/time -v target/release/examples/suggest_memory 32 context   # words and sentences only
//! /usr/bin/time -v target/release/examples/suggest_memory 32 pieces    # in pieces, streamed
//! ```
//!
//! The text is the sample article (names, quotes, dates, Cyrillic) repeated to the given size in
//! MiB (default 8); the recommenders are the window's: baseline, string matcher, tagger trained on
//! the sample's annotations, quotes and events.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use gloss::model::{DocId, Document, LayerName};
use gloss::suggest::tagger::{TaggerModel, TrainingOptions};
use gloss::suggest::{
    CHUNK_CHARS, Recommenders, SuggestContext, TrainingSet, TrainingView, suggest_in_pieces,
    suggest_with,
};

fn main() {
    let mib: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(8);
    let sample_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks");
    let sample = gloss::storage::load(&sample_dir).unwrap();
    let article = &sample.documents()[0].text;
    let mut text = String::with_capacity(mib << 20);
    while text.len() < mib << 20 {
        text.push_str(article.as_str());
        text.push_str("\n\n");
    }
    let document = Document::from_raw(DocId::new("long").unwrap(), "Long", &text);
    drop(text);
    let annotator = LayerName::new("amira").unwrap();
    let mut recommenders = Recommenders::standard();
    let set = TrainingSet::from_project(&sample, &annotator);
    if let Some(model) = TaggerModel::train(&set, TrainingOptions::default(), &|| false) {
        recommenders.install_tagger(Arc::new(model));
    }
    let training = TrainingView::of_layer(&sample, &annotator);
    let started = Instant::now();
    if std::env::args().nth(2).as_deref() == Some("context") {
        // Only what every recommender shares: the chars, words and sentences.
        let ctx = SuggestContext::new(&document, &sample.schema, None, &training);
        eprintln!(
            "{mib} MiB: context of {} words, {} sentences in {:.1} s",
            ctx.words.len(),
            ctx.sentences.len(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    let count = if std::env::args().nth(2).as_deref() == Some("pieces") {
        // As `gloss suggest` can stream them: each piece's suggestions counted, then dropped.
        let mut count = 0;
        suggest_in_pieces(
            &document,
            &sample.schema,
            None,
            &training,
            &recommenders,
            &[],
            CHUNK_CHARS,
            &mut |list| count += list.len(),
        );
        count
    } else {
        suggest_with(
            &document,
            &sample.schema,
            None,
            &training,
            &recommenders,
            &[],
        )
        .len()
    };
    eprintln!(
        "{} MiB ({} chars): {} suggestions in {:.1} s",
        mib,
        document.text.char_len(),
        count,
        started.elapsed().as_secs_f64()
    );
}
