//! Tokens and sentences in char offsets: what selections snap to, and what token-level formats and
//! agreement count.
//!
//! Tokens follow Unicode word boundaries (UAX #29), without whitespace: `Kosovo's` is `Kosovo`, `'s`;
//! `Sept.` is `Sept`, `.`; an emoji ZWJ sequence or a flag is one token.

use unicode_segmentation::UnicodeSegmentation;

use super::span::CharSpan;

/// The tokens of a text, in order, as char spans.
///
/// The text is cut after each run of ASCII whitespace that an ASCII character other than whitespace
/// follows: Unicode's word rules always break there and never look across, so each piece is
/// segmented alone. A piece that is all ASCII (most of English news) is segmented by
/// [`ascii_segments`], the rules restricted to ASCII and a byte-table lookup; any other piece by
/// `unicode_segmentation`. Both give the same tokens (a property test and real articles check it);
/// the ASCII path is several times faster.
pub fn tokens(text: &str) -> Vec<CharSpan> {
    let mut spans = Vec::with_capacity(text.len() / 5);
    let mut chars_before = 0;
    for piece in pieces(text) {
        if piece.is_ascii() {
            for (start, end) in ascii_segments(piece.as_bytes()) {
                spans.push(CharSpan::new(chars_before + start, chars_before + end));
            }
            chars_before += piece.len();
        } else {
            chars_before = unicode_tokens(piece, chars_before, &mut spans);
        }
    }
    spans
}

/// `text`'s tokens by `unicode_segmentation`, pushed onto `spans` with chars counted from
/// `chars_before`; returns the char offset after `text`.
fn unicode_tokens(text: &str, chars_before: usize, spans: &mut Vec<CharSpan>) -> usize {
    let mut char_pos = chars_before;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        if !word.chars().all(char::is_whitespace) {
            spans.push(CharSpan::new(char_pos, char_pos + len));
        }
        char_pos += len;
    }
    char_pos
}

/// `text` cut after every run of ASCII whitespace followed by an ASCII character that is not
/// whitespace. No word rule joins anything across such a cut (whitespace is no letter, digit or
/// joiner, and a character after it that is not an Extend, Format or ZWJ cannot attach to it), and no
/// rule looks back past whitespace, so segmenting each piece alone gives the text's segments.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        while i + 1 < bytes.len() {
            i += 1;
            let (before, here) = (bytes[i - 1], bytes[i]);
            if ascii_space(before) && here.is_ascii() && !ascii_space(here) {
                let piece = &text[start..i];
                start = i;
                return Some(piece);
            }
        }
        let piece = &text[start..];
        start = bytes.len();
        Some(piece)
    })
}

/// ASCII whitespace as `char::is_whitespace` has it: space, tab, LF, VT, FF, CR.
fn ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The word-break property (UAX #29) of an ASCII character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    Cr,
    Lf,
    /// VT and FF.
    Newline,
    /// The space.
    Space,
    Letter,
    Digit,
    /// `:`.
    MidLetter,
    /// `,` and `;`.
    MidNum,
    /// `.` and `'` (MidNumLet and Single_Quote, which the rules below treat alike).
    MidNumLetQ,
    /// `_`.
    ExtendNumLet,
    Other,
}

const fn break_of(byte: u8) -> Break {
    match byte {
        b'\r' => Break::Cr,
        b'\n' => Break::Lf,
        0x0B | 0x0C => Break::Newline,
        b' ' => Break::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Break::Letter,
        b'0'..=b'9' => Break::Digit,
        b':' => Break::MidLetter,
        b',' | b';' => Break::MidNum,
        b'.' | b'\'' => Break::MidNumLetQ,
        b'_' => Break::ExtendNumLet,
        _ => Break::Other,
    }
}

const BREAKS: [Break; 128] = {
    let mut table = [Break::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = break_of(byte as u8);
        byte += 1;
    }
    table
};

/// The segments of ASCII `text` that are not whitespace, as `[start, end)` offsets, by UAX #29's word
/// rules as they apply to ASCII (WB3–WB3d, WB5–WB13b; the rest concern characters ASCII lacks).
fn ascii_segments(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let class = |i: usize| BREAKS[usize::from(text[i] & 0x7F)];
    let joined = move |i: usize| -> bool {
        use Break::*;
        let (left, right) = (class(i - 1), class(i));
        let after = || (i + 1 < text.len()).then(|| class(i + 1));
        let before = || i.checked_sub(2).map(class);
        match (left, right) {
            (Cr, Lf) => true,                                             // WB3
            (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,     // WB3a, WB3b
            (Space, Space) => true,                                       // WB3d
            (Letter | Digit, Letter | Digit) => true,                     // WB5, WB8–WB10
            (Letter, MidLetter | MidNumLetQ) => after() == Some(Letter),  // WB6
            (MidLetter | MidNumLetQ, Letter) => before() == Some(Letter), // WB7
            (Digit, MidNum | MidNumLetQ) => after() == Some(Digit),       // WB12
            (MidNum | MidNumLetQ, Digit) => before() == Some(Digit),      // WB11
            (Letter | Digit | ExtendNumLet, ExtendNumLet) => true,        // WB13a
            (ExtendNumLet, Letter | Digit) => true,                       // WB13b
            _ => false,                                                   // WB999
        }
    };
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while start < text.len() {
            i += 1;
            if i < text.len() && joined(i) {
                continue;
            }
            let segment = (start, i);
            start = i;
            if !ascii_space(text[segment.0]) {
                return Some(segment);
            }
        }
        None
    })
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

/// Titles written short before a name, whose full stop ends no sentence ("Dr. Livermore", "Maj.
/// Gen. Bill Lee", "retired Adm. Eugene Carroll").
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Rev",
    "Maj", "Brig", "Adm", "Cmdr", "Cdr", "Cpl", "Pvt", "Spc", "Supt", "Insp", "Det", "Msgr",
];

/// Abbreviations after which a full stop does not end a sentence (besides the
/// [`TITLE_ABBREVIATIONS`]).
const ABBREVIATIONS: &[&str] = &[
    "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
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
    // Initials written together ("E.F. Hutton", "A.J. Smith", "J.R.R. Tolkien").
    let mut parts = word.split('.');
    if word.contains('.')
        && parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    {
        return true;
    }
    ABBREVIATIONS.contains(&word.as_str()) || TITLE_ABBREVIATIONS.contains(&word.as_str())
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

    /// What `unicode_segmentation` alone makes of `text`: the tokens [`tokens`] must give.
    fn reference(text: &str) -> Vec<CharSpan> {
        let mut spans = Vec::new();
        unicode_tokens(text, 0, &mut spans);
        spans
    }

    /// Characters of every word-break class ASCII has, and others that attach to their neighbours
    /// (a combining accent, ZWJ, a flag's halves, curly quotes, an ideographic space).
    const TRICKY: &[char] = &[
        'a', 'Z', 'é', 'Ж', '0', '7', ' ', ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '.', ',',
        ';', ':', '\'', '"', '_', '-', '!', '$', '\u{0301}', '\u{200D}', '\u{00A0}', '\u{3000}',
        '’', '‘', '“', '🇽', '🇰', '👩', '٣', 'א', 'カ', '\u{2028}', '\u{85}',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn tokens_equal_unicode_word_segments(picks in proptest::collection::vec(0..TRICKY.len(), 0..40)) {
            let text: String = picks.iter().map(|&i| TRICKY[i]).collect();
            proptest::prop_assert_eq!(tokens(&text), reference(&text), "{:?}", text);
        }

        #[test]
        fn ascii_tokens_equal_unicode_word_segments(text in "[ -~\t\n\r]{0,60}") {
            proptest::prop_assert_eq!(tokens(&text), reference(&text), "{:?}", text);
        }
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

    #[test]
    fn initials_written_together_end_no_sentence() {
        let text = "Richard Schwarz follows Kodak for E.F. Hutton. He left.";
        assert_eq!(
            texts(text, &sentences(text)),
            ["Richard Schwarz follows Kodak for E.F. Hutton.", "He left."]
        );
    }

    #[test]
    fn a_rank_written_short_ends_no_sentence() {
        let text = "\"It is over,\" said retired Adm. Eugene Carroll. Maj. Gen. Bill Lee agreed.";
        assert_eq!(
            texts(text, &sentences(text)),
            [
                "\"It is over,\" said retired Adm. Eugene Carroll.",
                "Maj. Gen. Bill Lee agreed.",
            ]
        );
    }
}
