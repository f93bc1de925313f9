//! The tokenizer's promise on real text: every article in the checkout (the shared samples and the
//! quote benchmark's articles) is cut into exactly the words `unicode_segmentation` finds, though
//! ASCII stretches take a faster path.

use gloss::model::{CharSpan, tokens::tokens};
use unicode_segmentation::UnicodeSegmentation;

/// The non-whitespace word segments of `text` by UAX #29, as char spans.
fn unicode_words(text: &str) -> Vec<CharSpan> {
    let mut spans = Vec::new();
    let mut at = 0;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        if !word.chars().all(char::is_whitespace) {
            spans.push(CharSpan::new(at, at + len));
        }
        at += len;
    }
    spans
}

#[test]
fn real_articles_tokenise_as_unicode_segmentation_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for dir in [
        root.join("../shared/samples"),
        root.join("benches/data/quotes"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            assert_eq!(
                tokens(&text),
                unicode_words(&text),
                "{}",
                entry.path().display()
            );
            read += 1;
        }
    }
    assert!(
        read > 100,
        "the benchmark's articles are in the checkout ({read} read)"
    );
}
