//! The tokenisation rule behind the token-level measures (Cohen's κ, Fleiss' κ, Krippendorff's α).
//!
//! Tokens are [`crate::model::tokens::tokens`] of the document text (Unicode word boundaries,
//! whitespace dropped). A token's label in a layer is the label of the longest entity mention that
//! shares at least one char with the token (so nested mentions count as their outermost one); ties go
//! to the mention that starts first, then to the label that sorts first. A token no mention touches
//! is `O`.

use crate::model::CharSpan;

/// The label of a token no entity mention touches.
pub const OUTSIDE: &str = "O";

/// Each token's label under the rule above; `tokens` must be sorted, as
/// [`crate::model::tokens::tokens`] returns them.
pub fn token_labels<'a>(
    tokens: &[CharSpan],
    mentions: impl IntoIterator<Item = (CharSpan, &'a str)>,
) -> Vec<&'a str> {
    let mentions: Vec<(CharSpan, &str)> = mentions.into_iter().collect();
    label_tokens(tokens, &mentions, OUTSIDE)
}

/// [`token_labels`] over any label type, `outside` for untouched tokens.
pub(crate) fn label_tokens<L: Copy + Ord>(
    tokens: &[CharSpan],
    mentions: &[(CharSpan, L)],
    outside: L,
) -> Vec<L> {
    let mut order: Vec<&(CharSpan, L)> = mentions
        .iter()
        .filter(|(span, _)| !span.is_empty())
        .collect();
    // Longest first, then earliest, then by label: the first mention to reach a token labels it.
    order.sort_by(|(x, lx), (y, ly)| {
        y.len()
            .cmp(&x.len())
            .then(x.start.cmp(&y.start))
            .then(lx.cmp(ly))
    });
    let mut labels: Vec<Option<L>> = vec![None; tokens.len()];
    for (span, label) in order {
        let first = tokens.partition_point(|t| t.end <= span.start);
        for (token, slot) in tokens[first..].iter().zip(&mut labels[first..]) {
            if token.start >= span.end {
                break;
            }
            if slot.is_none() && token.overlaps(*span) {
                *slot = Some(*label);
            }
        }
    }
    labels
        .into_iter()
        .map(|label| label.unwrap_or(outside))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tokens::tokens;

    #[test]
    fn nested_mentions_label_their_tokens_with_the_outermost() {
        let text = "Kurti's team met";
        let labels = token_labels(
            &tokens(text),
            [
                (CharSpan::new(0, 5), "PERSON"),
                (CharSpan::new(0, 12), "ORG"),
            ],
        );
        assert_eq!(labels.last(), Some(&OUTSIDE));
        assert!(
            labels[..labels.len() - 1].iter().all(|l| *l == "ORG"),
            "{labels:?}"
        );
    }

    #[test]
    fn a_mention_ending_inside_a_token_still_labels_it() {
        let text = "Prishtinë objected";
        let labels = token_labels(&tokens(text), [(CharSpan::new(0, 4), "GPE")]);
        assert_eq!(labels, ["GPE", "O"]);
    }
}
