//! The pipeline over a long document in pieces: recommenders hold per-word and per-suggestion data
//! worth tens of bytes per char of text (`examples/suggest_memory.rs`: about 93 bytes per char on a
//! news article, whatever its length), so a 32 MiB document run in one piece needs gigabytes. Run
//! paragraph-aligned pieces of at most [`CHUNK_CHARS`] one after the other instead, and memory for
//! the work stays that of one piece; each piece's suggestions are handed over as soon as they are
//! made, shifted back to the document's offsets.
//!
//! A piece ends at a blank line (a paragraph break) when there is one in its second half, else at a
//! line break, else at the size limit; recommenders look no further than a few sentences, so only
//! a pronoun at the very start of a piece may lose an antecedent in the piece before.

use crate::model::{CharSpan, Document, Layer, Schema};

use super::{Recommenders, Suggestion, SuggestionKey, TrainingView, suggest_with};

/// The largest piece run at once, in chars: about 100 MB of working memory.
pub const CHUNK_CHARS: usize = 1 << 20;

/// [`suggest_with`] in paragraph-aligned pieces of at most `chunk_chars` chars, calling `each` with
/// every piece's suggestions (document offsets, sorted by position) in document order. A layer with
/// annotations is checked against the whole document, so such documents run in one piece.
// The arguments are `suggest_with`'s, plus the piece size and where the pieces go.
#[allow(clippy::too_many_arguments)]
pub fn suggest_in_pieces(
    document: &Document,
    schema: &Schema,
    layer: Option<&Layer>,
    training: &TrainingView,
    recommenders: &Recommenders,
    rejected: &[SuggestionKey],
    chunk_chars: usize,
    each: &mut dyn FnMut(Vec<Suggestion>),
) {
    let annotated = layer.is_some_and(|l| l.iter().next().is_some());
    if annotated || document.text.char_len() <= chunk_chars {
        each(suggest_with(
            document,
            schema,
            layer,
            training,
            recommenders,
            rejected,
        ));
        return;
    }
    // A layer without annotations may still hold rejections; the pieces see no layer, so they get
    // them with the caller's.
    let rejected: Vec<SuggestionKey> = rejected
        .iter()
        .cloned()
        .chain(
            layer
                .into_iter()
                .flat_map(|l| l.rejections().map(SuggestionKey::from)),
        )
        .collect();
    for piece in pieces(document.text.as_str(), chunk_chars.max(1)) {
        let Some(text) = document.text.slice(piece) else {
            continue;
        };
        let part = Document {
            text: crate::model::Text::new(text.to_owned()),
            ..Document::from_raw(document.id.clone(), document.title.clone(), "")
        };
        let shifted: Vec<SuggestionKey> = rejected
            .iter()
            .filter(|k| piece.contains_span(k.span))
            .map(|k| SuggestionKey {
                span: CharSpan::new(k.span.start - piece.start, k.span.end - piece.start),
                ..k.clone()
            })
            .collect();
        let mut list = suggest_with(&part, schema, None, training, recommenders, &shifted);
        for suggestion in &mut list {
            suggestion.shift(piece.start);
        }
        each(list);
    }
}

/// The pieces of `text`, in chars: consecutive, covering it, each at most `max` chars, ending after
/// a blank line or a line break where one falls in the piece's second half.
pub fn pieces(text: &str, max: usize) -> Vec<CharSpan> {
    let mut out = Vec::new();
    let (mut start, mut chars_seen) = (0, 0);
    // (char offset after "\n\n", char offset after "\n") last seen in the current piece.
    let (mut after_blank, mut after_line) = (None, None);
    let mut previous = '\0';
    for c in text.chars() {
        chars_seen += 1;
        if c == '\n' {
            after_line = Some(chars_seen);
            if previous == '\n' {
                after_blank = Some(chars_seen);
            }
        }
        previous = c;
        if chars_seen - start == max {
            let half = start + max / 2;
            let end = after_blank
                .filter(|&e| e > half)
                .or(after_line.filter(|&e| e > half))
                .unwrap_or(chars_seen);
            out.push(CharSpan::new(start, end));
            start = end;
            (after_blank, after_line) = (None, None);
        }
    }
    if chars_seen > start {
        out.push(CharSpan::new(start, chars_seen));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_end_at_paragraphs_and_stay_under_the_limit() {
        let text = "Вучић said.\n\nKurti said 🇽🇰.\n\nThe EU said nothing at all.\n";
        let len = text.chars().count();
        for max in [1, 5, 12, 20, 30, 100] {
            let pieces = pieces(text, max);
            assert_eq!(pieces.first().map(|p| p.start), Some(0));
            assert_eq!(pieces.last().map(|p| p.end), Some(len));
            for pair in pieces.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "max {max}");
            }
            assert!(pieces.iter().all(|p| p.len() <= max && !p.is_empty()));
        }
        // Where a line break falls in a piece's second half, the piece ends after it.
        let chars: Vec<char> = text.chars().collect();
        for piece in pieces(text, 30) {
            if piece.end < len {
                assert_eq!(chars[piece.end - 1], '\n', "{piece:?}");
            }
        }
    }
}
