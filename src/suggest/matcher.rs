//! The string matcher (as INCEpTION's): every surface form the analyst labelled is suggested at its
//! other occurrences, in this document and across the project, with the label it carried most often;
//! the score is the share of that label among the form's annotations. At each place the longest
//! form wins, and matches never overlap.

use crate::model::CharSpan;

use super::context::SuggestContext;
use super::{Recommender, Suggestion};

/// The recommender's name.
pub const NAME: &str = "string-matcher";

#[derive(Clone, Copy, Debug, Default)]
pub struct StringMatcher;

impl Recommender for StringMatcher {
    fn name(&self) -> &str {
        NAME
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        let index = ctx.training.form_index();
        if index.is_empty() {
            return Vec::new();
        }
        let words = &ctx.words;
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let best = index.get(&words[i].text).and_then(|entries| {
                entries.iter().find(|entry| {
                    entry.words.len() <= words.len() - i
                        && entry
                            .words
                            .iter()
                            .zip(&words[i..])
                            .all(|(form, word)| *form == word.text)
                        && ctx.has_label(&entry.label)
                })
            });
            match best {
                Some(entry) => {
                    let end = i + entry.words.len();
                    let span = CharSpan::new(words[i].span.start, words[end - 1].span.end);
                    let rule = if entry.count == 1 {
                        "form-seen-once"
                    } else {
                        "form-seen"
                    };
                    out.push(Suggestion::entity(
                        span,
                        &entry.label,
                        entry.share,
                        NAME,
                        rule,
                    ));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}
