//! Pairs of quotation marks: straight and curly double quotes, „…“, «…», »…«, ‹…›, ‘…’, and the AP
//! wire style's closing `''`. A pair never crosses a line; an apostrophe inside a word (`Kosovo’s`)
//! never closes one.

use crate::model::CharSpan;

/// Opening marks and the marks that may close them. `''` is the AP wire style's closing mark.
const PAIRS: &[(&str, &[&str])] = &[
    ("\"", &["\"", "''"]),
    ("“", &["”", "\"", "''"]),
    ("„", &["“", "”"]),
    ("«", &["»"]),
    ("»", &["«"]),
    ("‹", &["›"]),
    ("‘", &["’"]),
    ("``", &["''"]),
];

/// The contents of every pair of quotation marks, trimmed (see [`PAIRS`]).
pub fn quotation_contents(chars: &[char]) -> Vec<CharSpan> {
    pairs(chars)
        .into_iter()
        .map(|(_, content, _)| content)
        .collect()
}

/// Every pair of quotation marks within a line, as (open start, content, close end).
pub fn pairs(chars: &[char]) -> Vec<(usize, CharSpan, usize)> {
    let mut out = Vec::new();
    let at = |p: usize, mark: &str| {
        (p..)
            .zip(mark.chars())
            .all(|(k, c)| chars.get(k) == Some(&c))
    };
    let mut p = 0;
    while p < chars.len() {
        let before = p.checked_sub(1).map(|k| chars[k]);
        let opener = PAIRS.iter().find(|(open, _)| {
            at(p, open) && {
                let len = open.chars().count();
                let next = chars.get(p + len).copied();
                let opens_word = next.is_some_and(|n| !n.is_whitespace());
                let free_before =
                    before.is_none_or(|b| b.is_whitespace() || "([{—–-:/".contains(b));
                opens_word && free_before
            }
        });
        let Some((open, closes)) = opener else {
            p += 1;
            continue;
        };
        let start = p + open.chars().count();
        let mut q = start;
        let mut found = None;
        while q < chars.len() && chars[q] != '\n' {
            let closing = closes.iter().find(|close| {
                at(q, close) && {
                    let len = close.chars().count();
                    let after = chars.get(q + len).copied();
                    let prev = q.checked_sub(1).map(|k| chars[k]);
                    // A closing mark ends a word; ’ between letters is an apostrophe ("Kosovo’s").
                    prev.is_some_and(|c| !c.is_whitespace())
                        && after.is_none_or(|a| !a.is_alphanumeric())
                }
            });
            if let Some(close) = closing {
                found = Some((q, q + close.chars().count()));
                break;
            }
            q += 1;
        }
        match found {
            Some((content_end, close_end)) => {
                if let Some(content) = trim_content(chars, start, content_end) {
                    out.push((p, content, close_end));
                }
                p = close_end;
            }
            None => p = start,
        }
    }
    out
}

/// The content between the marks without surrounding spaces and a trailing comma.
pub fn trim_content(chars: &[char], mut start: usize, mut end: usize) -> Option<CharSpan> {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && (chars[end - 1].is_whitespace() || chars[end - 1] == ',') {
        end -= 1;
    }
    (start < end).then(|| CharSpan::new(start, end))
}
