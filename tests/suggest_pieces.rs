//! A long document's suggestions computed in paragraph-aligned pieces (so that memory stays that of
//! one piece: `examples/suggest_memory.rs`) are the whole document's suggestions, at the same
//! offsets, in document order.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use gloss::model::{DocId, Document, LayerName};
use gloss::suggest::{Recommenders, Suggestion, TrainingView, suggest_in_pieces, suggest_with};

#[test]
fn suggestions_made_in_pieces_are_the_whole_documents_suggestions() {
    let sample = gloss::storage::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
    )
    .unwrap();
    let article = sample.documents()[0].text.as_str().to_owned();
    let text = [article.as_str(), "Вучић и Курти 🇽🇰.", article.as_str()].join("\n\n");
    let document = Document::from_raw(DocId::new("long").unwrap(), "Long", &text);
    let recommenders = Recommenders::standard();
    let training = TrainingView::of_layer(&sample, &LayerName::new("amira").unwrap());
    let whole = suggest_with(
        &document,
        &sample.schema,
        None,
        &training,
        &recommenders,
        &[],
    );
    assert!(whole.len() > 50);
    let mut pieces: Vec<Vec<Suggestion>> = Vec::new();
    suggest_in_pieces(
        &document,
        &sample.schema,
        None,
        &training,
        &recommenders,
        &[],
        article.chars().count() / 2,
        &mut |list| pieces.push(list),
    );
    assert!(pieces.len() >= 4, "{} pieces", pieces.len());
    let joined: Vec<Suggestion> = pieces.into_iter().flatten().collect();
    for s in &joined {
        assert!(document.text.slice(s.primary_span()).is_some());
    }
    assert_eq!(joined, whole);
}
