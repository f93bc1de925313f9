//! Tokens and sentences in char offsets: what selections snap to, and what token-level formats and
//! agreement count.
//!
//! Tokens follow Unicode word boundaries (UAX #29), without whitespace: `Kosovo's` is `Kosovo`, `'s`;
//! `Sept.` is `Sept`, `.`; an emoji ZWJ sequence or a flag is one token.

use unicode_segmentation::UnicodeSegmentation;

use super::span::CharSpan;

/// The tokens of a text, in order, as char spans.
pub fn tokens(text: &str) -> Vec<CharSpan> {
    let mut spans = Vec::new();
    let mut char_pos = 0;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        if !word.chars().all(char::is_whitespace) {
            spans.push(CharSpan::new(char_pos, char_pos + len));
        }
        char_pos += len;
    }
    spans
}

/// The smallest span of whole tokens covering `span`. A span that touches no token is returned as is.
/// `tokens` must be sorted, as [`tokens`] returns them.
pub fn snap_to_tokens(tokens: &[CharSpan], span: CharSpan) -> CharSpan {
    let first = tokens.partition_point(|t| t.end <= span.start);
    let mut snapped: Option<CharSpan> = None;
    for token in &tokens[first..] {
        let touches = if span.is_empty() {
            token.contains(span.start)
        } else {
            token.overlaps(span)
        };
        if token.start >= span.end && !span.is_empty() {
            break;
        }
        if touches {
            snapped = Some(snapped.map_or(*token, |s| s.union(*token)));
        } else if span.is_empty() {
            break;
        }
    }
    snapped.unwrap_or(span)
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "St",
    "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "U.S", "U.K", "U.N", "E.U",
];

/// The sentences of a text as char spans, without surrounding whitespace. Lines never join: a blank
/// or single line break ends a sentence. Within a line a sentence ends after `.`, `!` or `?` (and any
/// closing quotes) followed by a space and an upper-case letter, digit or opening quote, unless the
/// word before is a known abbreviation or a single letter.
pub fn sentences(text: &str) -> Vec<CharSpan> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |out: &mut Vec<CharSpan>, start: usize, end: usize| {
        let mut s = start;
        let mut e = end;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e {
            out.push(CharSpan::new(s, e));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '"' | '\'' | '’' | '”' | '»' | ')')
            {
                end += 1;
            }
            let followed = end < chars.len() && chars[end] == ' ' && {
                let next = chars[end + 1..].iter().find(|c| **c != ' ');
                next.is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '„' | '«' | '\'')
                })
            };
            if followed && !(c == '.' && ends_with_abbreviation(&chars[start..i])) {
                push(&mut out, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, chars.len());
    out
}

fn ends_with_abbreviation(before: &[char]) -> bool {
    let word_start = before
        .iter()
        .rposition(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map_or(0, |p| p + 1);
    let word: String = before[word_start..].iter().collect();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[CharSpan]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        spans
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn tokens_split_words_and_punctuation_in_any_script() {
        let text = "Вучић и Курти, Prishtinë's 🇽🇰 👨‍👩‍👧.";
        assert_eq!(
            texts(text, &tokens(text)),
            ["Вучић", "и", "Курти", ",", "Prishtinë's", "🇽🇰", "👨‍👩‍👧", "."]
        );
    }

    #[test]
    fn snapping_grows_a_selection_to_whole_tokens() {
        let text = "Prime Minister Albin Kurti met";
        let toks = tokens(text);
        // "ster Alb" snaps to "Minister Albin".
        let snapped = snap_to_tokens(&toks, CharSpan::new(10, 18));
        assert_eq!(&texts(text, &[snapped])[0], "Minister Albin");
        // A caret inside a word selects the word.
        let caret = snap_to_tokens(&toks, CharSpan::new(23, 23));
        assert_eq!(&texts(text, &[caret])[0], "Kurti");
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text = "Police stood near Jarinje, Monday, Sept. 20, 2021. Mr. Vucic left. \"We want peace,'' he said.\nRead More";
        assert_eq!(
            texts(text, &sentences(text)),
            [
                "Police stood near Jarinje, Monday, Sept. 20, 2021.",
                "Mr. Vucic left.",
                "\"We want peace,'' he said.",
                "Read More",
            ]
        );
    }
}
