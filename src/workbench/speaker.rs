//! Who said a quote, for the "nearest speaker" key (Alt+S): the mention the attribution names, not
//! just the closest one. News attributes a quote in a few patterns, all in the quote's own paragraph:
//! "Kurti said …", "… , said Kurti.", "… , he said." (a pronoun: the person last named before the
//! quote), or nothing at all in a continuation paragraph (the person last named before it).
//!
//! Mentions inside the quote never speak it. People and organisations come before the other labels a
//! schema allows as speakers (a country "said" is rarer than its president).

use crate::model::{AnnotationId, CharSpan, Text};

/// A mention that may speak the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Candidate<'a> {
    pub id: AnnotationId,
    pub span: CharSpan,
    pub label: &'a str,
}

/// Verbs and phrases that attribute speech, lower case.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "stated",
    "states",
    "declared",
    "announced",
    "insisted",
    "noted",
    "warned",
    "argued",
    "explained",
    "wrote",
    "writes",
    "claimed",
    "replied",
    "stressed",
    "urged",
    "according to",
];

/// Pronouns that stand for a person named before.
const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// How many chars from the cue a mention may start or end and still be its subject or object
/// ("said Serbian President Aleksandar Vucic").
const CUE_REACH: usize = 48;

/// Labels that speak most often, best first.
fn label_rank(label: &str) -> u8 {
    match label {
        "PERSON" | "PER" => 0,
        "ORG" => 1,
        _ => 2,
    }
}

/// The speaker of the quote whose content runs from `start` to `end`, with `cue` when the quote has
/// one; `None` when no candidate fits.
pub(super) fn resolve(
    text: &Text,
    start: usize,
    end: usize,
    cue: Option<CharSpan>,
    candidates: &[Candidate<'_>],
) -> Option<AnnotationId> {
    let outside: Vec<&Candidate<'_>> = candidates
        .iter()
        .filter(|c| c.span.end <= start || c.span.start >= end)
        .collect();
    let paragraph = paragraph_of(text, start, end);
    let in_paragraph =
        |c: &&&Candidate<'_>| c.span.start >= paragraph.start && c.span.end <= paragraph.end;
    let cue = cue.or_else(|| find_cue(text, paragraph, start, end));
    if let Some(cue) = cue {
        // The cue's subject or object: the best-ranked mention within reach of it, nearest first.
        let near_cue = outside
            .iter()
            .filter(in_paragraph)
            .filter(|c| {
                distance(c.span, cue) <= CUE_REACH && !quote_between(c.span, cue, start, end)
            })
            .min_by_key(|c| (label_rank(c.label), distance(c.span, cue)));
        if let Some(speaker) = near_cue {
            return Some(speaker.id);
        }
        if pronoun_subject(text, cue)
            && let Some(person) = last_before(&outside, start, |c| label_rank(c.label) == 0)
        {
            return Some(person);
        }
    }
    // No attribution to read: the quote's paragraph, then the person or organisation named last
    // before it (a continuation paragraph), then whatever the schema allows, nearest first.
    outside
        .iter()
        .filter(in_paragraph)
        .min_by_key(|c| {
            (
                label_rank(c.label),
                distance(c.span, CharSpan::new(start, end)),
            )
        })
        .map(|c| c.id)
        .or_else(|| last_before(&outside, start, |c| label_rank(c.label) < 2))
        .or_else(|| {
            outside
                .iter()
                .min_by_key(|c| distance(c.span, CharSpan::new(start, end)))
                .map(|c| c.id)
        })
}

/// Whether the quote lies between a mention and the cue: then the mention is not the cue's subject
/// or object ("Serbia said “…”, Borrell was told").
fn quote_between(mention: CharSpan, cue: CharSpan, start: usize, end: usize) -> bool {
    let (left, right) = if mention.end <= cue.start {
        (mention.end, cue.start)
    } else {
        (cue.end, mention.start)
    };
    start >= left && end <= right
}

/// The chars between two spans (0 when they touch or overlap).
fn distance(a: CharSpan, b: CharSpan) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The mention of the wanted kind that ends last before `start`.
fn last_before(
    candidates: &[&Candidate<'_>],
    start: usize,
    wanted: impl Fn(&Candidate<'_>) -> bool,
) -> Option<AnnotationId> {
    candidates
        .iter()
        .filter(|c| c.span.end <= start && wanted(c))
        .max_by_key(|c| (c.span.end, std::cmp::Reverse(c.span.start)))
        .map(|c| c.id)
}

/// The line (paragraph) holding the quote, as chars; a quote over several lines spans them all.
fn paragraph_of(text: &Text, start: usize, end: usize) -> CharSpan {
    let s = text.as_str();
    let (Some(from), Some(to)) = (text.byte_offset(start), text.byte_offset(end)) else {
        return CharSpan::new(start, end);
    };
    let para_start = s[..from].rfind('\n').map_or(0, |i| i + 1);
    let para_end = s[to..].find('\n').map_or(s.len(), |i| to + i);
    match (text.char_offset(para_start), text.char_offset(para_end)) {
        (Some(a), Some(b)) => CharSpan::new(a, b),
        _ => CharSpan::new(start, end),
    }
}

/// The attribution cue nearest the quote in its paragraph, outside the quote: a whole word or
/// phrase of [`CUES`].
fn find_cue(text: &Text, paragraph: CharSpan, start: usize, end: usize) -> Option<CharSpan> {
    let (Some(from), Some(to)) = (
        text.byte_offset(paragraph.start),
        text.byte_offset(paragraph.end),
    ) else {
        return None;
    };
    let s = text.as_str();
    let lower = s[from..to].to_lowercase();
    // Lower-casing may change byte lengths; only search when it did not, so offsets stay exact.
    if lower.len() != to - from {
        return None;
    }
    let quote = CharSpan::new(start, end);
    let mut best: Option<CharSpan> = None;
    for cue in CUES {
        for (at, _) in lower.match_indices(cue) {
            let before_ok = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[at + cue.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            let (Some(a), Some(b)) = (
                text.char_offset(from + at),
                text.char_offset(from + at + cue.len()),
            ) else {
                continue;
            };
            let span = CharSpan::new(a, b);
            if distance(span, quote) == 0 && span.start >= start && span.end <= end {
                continue;
            }
            if best.is_none_or(|b| distance(span, quote) < distance(b, quote)) {
                best = Some(span);
            }
        }
    }
    best
}

/// Whether the word before or after the cue is a personal pronoun ("he said", "said she").
fn pronoun_subject(text: &Text, cue: CharSpan) -> bool {
    let (Some(from), Some(to)) = (text.byte_offset(cue.start), text.byte_offset(cue.end)) else {
        return false;
    };
    let s = text.as_str();
    let before = s[..from]
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .filter(|_| {
            !s[..from]
                .trim_end()
                .ends_with(|c: char| ",.;:!?\"'”’".contains(c))
        });
    let after = s[to..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    [before, after]
        .into_iter()
        .flatten()
        .any(|w| PERSON_PRONOUNS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidates from `[words]{LABEL}` markup, and the plain text.
    fn marked(markup: &str) -> (Text, Vec<(CharSpan, String)>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut rest = markup;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..]
                .find(']')
                .map(|i| open + i)
                .unwrap_or(rest.len());
            let label_end = rest[close..]
                .find('}')
                .map(|i| close + i)
                .unwrap_or(rest.len());
            let start = text.chars().count();
            text.push_str(&rest[open + 1..close]);
            let end = text.chars().count();
            spans.push((
                CharSpan::new(start, end),
                rest[close + 2..label_end].to_owned(),
            ));
            rest = &rest[label_end + 1..];
        }
        text.push_str(rest);
        (Text::new(text), spans)
    }

    /// The covered text of the speaker chosen for the quote `quote`.
    fn speaker_of(markup: &str, quote: &str) -> Option<String> {
        let (text, spans) = marked(markup);
        let byte = text.as_str().find(quote).map(|b| text.char_offset(b));
        let start = byte.flatten().unwrap_or(0);
        let end = start + quote.chars().count();
        let candidates: Vec<Candidate<'_>> = spans
            .iter()
            .enumerate()
            .map(|(i, (span, label))| Candidate {
                id: AnnotationId(i as u32 + 1),
                span: *span,
                label,
            })
            .collect();
        let id = resolve(&text, start, end, None, &candidates)?;
        let span = candidates.iter().find(|c| c.id == id)?.span;
        text.slice(span).map(str::to_owned)
    }

    #[test]
    fn a_pronoun_cue_names_the_person_last_named_not_the_country_nearer_the_quote() {
        let article = "[Vucic]{PERSON} told reporters that [Serbia]{GPE} will not accept \
                       [Kosovo]{GPE}'s independence.\n\n\"We want peace in the entire region,'' he said.";
        assert_eq!(
            speaker_of(article, "\"We want peace in the entire region,''").as_deref(),
            Some("Vucic")
        );
    }

    #[test]
    fn the_name_beside_the_cue_speaks_before_or_after_it() {
        let after = "\"We will not,\" said [Kurti]{PERSON}, the prime minister of [Kosovo]{GPE}.";
        assert_eq!(
            speaker_of(after, "\"We will not,\"").as_deref(),
            Some("Kurti")
        );
        let before = "[Kurti]{PERSON} said that [Kosovo]{GPE} would not give up.";
        assert_eq!(
            speaker_of(before, "would not give up").as_deref(),
            Some("Kurti")
        );
        let country = "[Serbia]{GPE} said \"the talks are over\", [Borrell]{PERSON} was told.";
        assert_eq!(
            speaker_of(country, "\"the talks are over\"").as_deref(),
            Some("Serbia")
        );
    }

    #[test]
    fn a_continuation_paragraph_is_spoken_by_the_person_named_last_before_it() {
        let article = "[Borrell]{PERSON} said: \"We are close.\n\n\"We will meet again in \
                       [Brussels]{GPE} next week.\"";
        assert_eq!(
            speaker_of(article, "\"We will meet again in Brussels next week.\"").as_deref(),
            Some("Borrell")
        );
    }

    #[test]
    fn a_mention_inside_the_quote_never_speaks_it() {
        let article = "\"[Kurti]{PERSON} must go,\" said [Vucic]{PERSON}.";
        assert_eq!(
            speaker_of(article, "\"Kurti must go,\"").as_deref(),
            Some("Vucic")
        );
    }
}
