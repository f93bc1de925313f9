//! Pairs of quotation marks: straight and curly double quotes, „…“, ”…”, «…», »…«, ‹…›, ‘…’, and the AP
//! wire style's closing `''`. A pair never crosses a line; an apostrophe inside a word (`Kosovo’s`)
//! never closes one.
//!
//! [`quotations`] also follows a quote over paragraphs, as the AP style writes one: each paragraph
//! opens with a quotation mark and only the last one closes.

use crate::model::CharSpan;

/// Opening marks and the marks that may close them. `''` is the AP wire style's closing mark.
const PAIRS: &[(&str, &[&str])] = &[
    ("\"", &["\"", "”", "''"]),
    ("“", &["”", "\"", "''"]),
    ("„", &["“", "”"]),
    // ”…”: Swedish and Finnish typography, and copies whose curly marks were all turned the
    // closing way (`”Mission accomplished,” Arians said`).
    ("”", &["”", "\""]),
    ("«", &["»"]),
    ("»", &["«"]),
    ("‹", &["›"]),
    ("‘", &["’"]),
    ("``", &["''"]),
];

/// Whether `c` is a double quotation mark of any kind (straight, curly, low, guillemet): what a
/// stretch of text holds when it holds a quotation.
pub(crate) fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

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
    let mut p = 0;
    while p < chars.len() {
        let Some((open_len, closes)) = opener_at(chars, p) else {
            p += 1;
            continue;
        };
        let start = p + open_len;
        match closing_in_line(chars, start, closes) {
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

/// A quotation: one pair of marks, or an AP-style quote over several paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// Where the first opening mark starts.
    pub open: usize,
    /// One content span per paragraph, trimmed, in order; never empty.
    pub contents: Vec<CharSpan>,
    /// Where the last closing mark ends; for a quote that never closes, the end of its last
    /// paragraph.
    pub close_end: usize,
    /// Whether the quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

/// Every quotation: the [`pairs`], and quotes that open without closing on their line and go on
/// in the following paragraphs. Such a quote goes on while a paragraph opens with a quotation
/// mark and does not close it, and ends with the first paragraph that closes it (whether or not
/// that paragraph opens with a mark, since some copies lose the opening one); it goes on through
/// a paragraph with no mark only when a later one closes it (see [`runs_on`]). A quote that
/// opens and is never continued runs to the end of its paragraph.
pub fn quotations(chars: &[char]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        let Some((open_len, closes)) = opener_at(chars, p) else {
            p += 1;
            continue;
        };
        let start = p + open_len;
        if let Some((content_end, close_end)) = closing_in_line(chars, start, closes) {
            if let Some(content) = trim_content(chars, start, content_end) {
                out.push(Quotation {
                    open: p,
                    contents: vec![content],
                    close_end,
                    multi_paragraph: false,
                });
            }
            p = close_end;
            continue;
        }
        let mut line_end = line_end_of(chars, start);
        let mut contents: Vec<CharSpan> =
            trim_content(chars, start, line_end).into_iter().collect();
        let mut close_end = line_end;
        loop {
            let next = next_paragraph(chars, line_end);
            if next >= chars.len() {
                break;
            }
            let next_end = line_end_of(chars, next);
            let (from, opened) = match opener_at(chars, next) {
                Some((len, _)) => (next + len, true),
                None => (next, false),
            };
            match closing_in_line(chars, from, closes) {
                // A paragraph without an opening mark belongs to the quote only if its first
                // closing mark comes before any opening one.
                Some((content_end, end))
                    if opened || (from..content_end).all(|k| opener_at(chars, k).is_none()) =>
                {
                    contents.extend(trim_content(chars, from, content_end));
                    close_end = end;
                    break;
                }
                None if opened || runs_on(chars, next, closes) => {
                    contents.extend(trim_content(chars, from, next_end));
                    close_end = next_end;
                    line_end = next_end;
                }
                _ => break,
            }
        }
        if !contents.is_empty() {
            out.push(Quotation {
                open: p,
                multi_paragraph: contents.len() > 1,
                contents,
                close_end,
            });
        }
        p = close_end.max(start);
    }
    out
}

/// Whether an open quote goes on through the paragraph at `p`, which holds no mark at all, as in
/// a text written one sentence per line (`“I can't believe it.` / `They all looked after each
/// other.` / `“John was a good kid.` / `His sister was his world.”`): only when the paragraphs
/// from `p` on, at most eight, hold nothing but such unmarked paragraphs and AP-style reopenings
/// until one that closes the quote with no opening mark before it, a mark that nothing else
/// could have opened. A paragraph with a pair of its own (`"It is over," said Bob.`), or with
/// an opening mark inside it, ends the quote where it was.
fn runs_on(chars: &[char], p: usize, closes: &[&str]) -> bool {
    let mut at = p;
    for _ in 0..8 {
        if at >= chars.len() {
            return false;
        }
        let end = line_end_of(chars, at);
        let (from, opened) = match opener_at(chars, at) {
            Some((len, _)) => (at + len, true),
            None => (at, false),
        };
        let opener_inside = (from..end).any(|k| opener_at(chars, k).is_some());
        match closing_in_line(chars, from, closes) {
            Some((content_end, _)) => {
                return !opened && (from..content_end).all(|k| opener_at(chars, k).is_none());
            }
            None if opener_inside => return false,
            None => {}
        }
        at = next_paragraph(chars, end);
    }
    false
}

/// Verbs of saying after which a `“` set after a comma is a closing mark typed the wrong way.
const CLOSE_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "asks",
    "told",
    "explained",
    "continued",
    "noted",
    "wrote",
];

/// `We are better than this, “said Stefanski.`, `… choose, “Meyer says.`, `… this team. “` at a
/// line's end: a `“` after a comma or a sentence's end and a space, followed by a verb of saying,
/// a name and a verb of saying, or nothing, closes the quotation (the copy typed it the opening
/// way).
fn mistyped_close(chars: &[char], q: usize) -> bool {
    if chars.get(q) != Some(&'“')
        || q < 2
        || chars[q - 1] != ' '
        || !matches!(chars[q - 2], ',' | '.' | '!' | '?')
    {
        return false;
    }
    let end = line_end_of(chars, q);
    let rest: String = chars[q + 1..end].iter().collect();
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let Some(&first) = words.first() else {
        return true;
    };
    let name = leading_name_words(&words);
    CLOSE_CUES.contains(&first)
        || (name > 0 && words.get(name).is_some_and(|w| CLOSE_CUES.contains(w)))
}

/// How many of the first words (at most three) are capitalised words of a name before a verb of
/// saying; `O'Brien, “He asked why, …`: a pronoun and a verb open the words quoted.
fn leading_name_words(words: &[&str]) -> usize {
    words
        .iter()
        .take(3)
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !matches!(**w, "He" | "She" | "They" | "We" | "I" | "It" | "You")
        })
        .count()
}

/// Whether an opening mark starts at `p`: its length and the marks that may close it.
fn opener_at(chars: &[char], p: usize) -> Option<(usize, &'static [&'static str])> {
    // Asked at every char of a document: most are no opening mark's first char.
    if !chars
        .get(p)
        .is_some_and(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '‘' | '`'))
    {
        return None;
    }
    if mistyped_close(chars, p) {
        return None;
    }
    let before = p.checked_sub(1).map(|k| chars[k]);
    PAIRS.iter().find_map(|(open, closes)| {
        let len = open.chars().count();
        let next = chars.get(p + len).copied();
        // `ce ministère qu'il considérait comme « dévalué ». Sa « préférence »`: a mark before a
        // sentence's or a clause's punctuation opens nothing (French spaces its guillemets, and
        // `» .` read as an opening `»…«` paired the wrong marks).
        // (An ellipsis, `"...plied the detective"`, opens the words quoted.)
        let ellipsis = next == Some('.') && chars.get(p + len + 1) == Some(&'.');
        let opens_word = next.is_some_and(|n| {
            !n.is_whitespace() && !matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')')
        }) || ellipsis;
        let free_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-:/".contains(b));
        // `said," For example …"`: the space slipped to the wrong side of a mark after a comma.
        // (A mark closing a quote there, `"…," he said`, was taken by its opening mark first.)
        let slipped = before == Some(',')
            && next == Some(' ')
            && chars
                .get(p + len + 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '[');
        // `on the currency." I was given clothes … for the NGOs," said Araya`: a mark after a
        // sentence's end, then a space and a capital, with no quotation open (a closing mark is
        // taken by its opening one first) and a closing mark later in its line, was set the wrong
        // way round: it opens the quotation that the later mark closes, when no other mark
        // stands between (`Turkey." McGurk later wrote, "The SDF …"` closes one quotation and
        // opens the next).
        let slipped_after_stop = matches!(before, Some('.' | '!' | '?'))
            && next == Some(' ')
            && chars.get(p + len + 1).is_some_and(|c| c.is_uppercase())
            && closing_in_line(chars, p + len, closes).is_some_and(|(content_end, _)| {
                !chars[p + len..content_end]
                    .iter()
                    .any(|&c| is_double_mark(c))
            });
        // `" The inclusion of parity …," said Jim Ramstad`: a mark opening a paragraph, then a
        // space and a word, with a closing mark later in its line, opens the quotation (a mark
        // at a paragraph's start closes nothing); taken for a closing one, the marks after it
        // paired the wrong way.
        let spaced_at_paragraph_start = before.is_none_or(|b| b == '\n')
            && next == Some(' ')
            && chars.get(p + len + 1).is_some_and(|c| c.is_alphanumeric())
            && closing_in_line(chars, p + len, closes).is_some();
        // `”` opens only before a word, after a space or a line's start, in a line with no `“`
        // (`”Mission accomplished,” Arians said`): elsewhere it closes (`8,000,” he continued`,
        // `“肉色 ”过多`).
        if *open == "”" && mark_at(chars, p, open) {
            let line_start = chars[..p]
                .iter()
                .rposition(|&c| c == '\n')
                .map_or(0, |k| k + 1);
            let curly_line = chars[line_start..line_end_of(chars, p)].contains(&'“');
            return (opens_word && free_before && !curly_line).then_some((len, *closes));
        }
        (mark_at(chars, p, open)
            && (opens_word && free_before
                || slipped
                || slipped_after_stop
                || spaced_at_paragraph_start))
            .then_some((len, *closes))
    })
}

fn mark_at(chars: &[char], p: usize, mark: &str) -> bool {
    (p..)
        .zip(mark.chars())
        .all(|(k, c)| chars.get(k) == Some(&c))
}

/// The first closing mark from `from` to the end of the line: (content end, close end).
fn closing_in_line(chars: &[char], from: usize, closes: &[&str]) -> Option<(usize, usize)> {
    let mut q = from;
    while q < chars.len() && chars[q] != '\n' {
        if q > from && closes.contains(&"\"") && reopens_joined_paragraph(chars, q) {
            return Some((q, q));
        }
        if closes.contains(&"\"") && unclosed_before_cue(chars, q) {
            return Some((q, q + 1));
        }
        if closes.contains(&"”") && mistyped_close(chars, q) {
            return Some((q, q + 1));
        }
        let closing = closes.iter().find(|close| {
            mark_at(chars, q, close) && {
                let len = close.chars().count();
                let after = chars.get(q + len).copied();
                let prev = q.checked_sub(1).map(|k| chars[k]);
                // A closing mark ends a word; ’ between letters is an apostrophe ("Kosovo’s").
                // `… I'd think, 'Wow.' "` at a line's end: a space set between the inner
                // quote's closing mark and the outer one's.
                let ends_line = (q + len..chars.len())
                    .find(|&k| !matches!(chars[k], ' ' | '\t'))
                    .is_none_or(|k| chars[k] == '\n');
                let spaced_close = prev == Some(' ')
                    && ends_line
                    && q >= 2
                    && matches!(chars[q - 2], '\'' | '’' | '.' | '!' | '?');
                // `… the world's major exchanges, " he said.`: a space typed between the
                // quotation's last comma or full stop and its closing mark, then a space and a
                // word in lower case. (Tokenised text spaces its opening marks too: `said , " We
                // are`.)
                let spaced_after_stop = prev == Some(' ')
                    && q >= 2
                    && matches!(chars[q - 2], ',' | '.' | '!' | '?')
                    && after == Some(' ')
                    && chars.get(q + len + 1).is_some_and(|c| c.is_lowercase());
                // `… a roaring success,"said James O'Neill`: no space typed after the closing
                // mark, a verb of saying glued to it.
                let glued_cue = matches!(prev, Some(',' | '.' | '!' | '?'))
                    && CLOSE_CUES.iter().any(|cue| {
                        mark_at(chars, q + len, cue)
                            && chars
                                .get(q + len + cue.chars().count())
                                .is_none_or(|c| !c.is_alphanumeric())
                    });
                ((prev.is_some_and(|c| !c.is_whitespace())
                    || spaced_close
                    || spaced_after_stop
                    || spaced_before_named_cue(chars, q, len))
                    && after.is_none_or(|a| !a.is_alphanumeric()))
                    || glued_cue
            }
        });
        if let Some(close) = closing {
            return Some((q, q + close.chars().count()));
        }
        q += 1;
    }
    None
}

/// `Ms Hewitt said: "We have already … taken it up to 26 weeks. "We are going to extend …"`: a
/// copy that joined a quote's paragraphs into one line keeps the AP style's reopening mark of
/// each, after a sentence's end and a space and glued to a capital. Inside an open double-quoted
/// quotation such a mark ends the paragraph quoted so far and opens the next one (no closing mark
/// could stand there: a closing mark follows the words it closes).
fn reopens_joined_paragraph(chars: &[char], q: usize) -> bool {
    matches!(chars[q], '"' | '“')
        && q >= 2
        && chars[q - 1] == ' '
        && matches!(chars[q - 2], '.' | '!' | '?')
        && chars.get(q + 1).is_some_and(|c| c.is_uppercase())
}

/// `… who hadn't flown for nine years... " Hailey later recalled.`: a space typed between the
/// quotation's last full stop and its closing mark, then a name of up to three capitalised words,
/// an adverb or none, and a verb of saying.
fn spaced_before_named_cue(chars: &[char], q: usize, len: usize) -> bool {
    if q < 2 || chars[q - 1] != ' ' || !matches!(chars[q - 2], '.' | '!' | '?' | ',' | '…') {
        return false;
    }
    if chars.get(q + len) != Some(&' ') {
        return false;
    }
    let end = line_end_of(chars, q);
    let rest: String = chars[q + len..end].iter().take(80).collect();
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let name = leading_name_words(&words);
    if name == 0 || words[0] == "The" {
        return false;
    }
    let mut next = name;
    if words
        .get(next)
        .is_some_and(|w| matches!(*w, "later" | "once" | "then" | "also" | "recently"))
    {
        next += 1;
    }
    words
        .get(next)
        .is_some_and(|w| CLOSE_CUES.contains(w) || matches!(*w, "recalled" | "says"))
}

/// `"It's a rather gloomy outlook for the economy, said David Wyss of Data Resources Inc. "I'm
/// particularly …`: the wire left out the closing mark before a comma, "said" and a capitalised
/// name, and the next mark in the line, if any, opens the next part (a space before it, a letter
/// after it). The quotation ends at that comma.
fn unclosed_before_cue(chars: &[char], q: usize) -> bool {
    let cue_after = [", said ", ", says "].iter().any(|cue| {
        mark_at(chars, q, cue)
            && chars
                .get(q + cue.chars().count())
                .is_some_and(|c| c.is_uppercase())
    });
    if !cue_after {
        return false;
    }
    let end = line_end_of(chars, q);
    (q..end)
        .find(|&k| is_double_mark(chars[k]))
        .is_none_or(|k| {
            chars[k] == '"'
                && k > 0
                && chars[k - 1] == ' '
                && chars.get(k + 1).is_some_and(|c| c.is_alphanumeric())
        })
}

/// The end of the line holding `p` (the position of its `\n`, or the end of the text).
fn line_end_of(chars: &[char], p: usize) -> usize {
    (p..chars.len())
        .find(|&k| chars[k] == '\n')
        .unwrap_or(chars.len())
}

/// The first non-blank char after the line ending at `end`.
fn next_paragraph(chars: &[char], end: usize) -> usize {
    (end..chars.len())
        .find(|&k| !chars[k].is_whitespace())
        .unwrap_or(chars.len())
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
