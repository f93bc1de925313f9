//! Where spaCy's English tokenizer (`spacy.blank("en")`, spaCy 3.8) puts token boundaries, so the spaCy
//! export can name each span that `Doc.char_span(..., alignment_mode="strict")` will refuse.
//!
//! The same steps as spaCy's `Tokenizer`, on each run of non-whitespace chars:
//! 1. a run that is a special case (`Mr.`, `Sept.`, `can't` → `ca` `n't`) is tokenized as the case says;
//! 2. prefixes (`(`, `"`, `$`, `«`, …) and suffixes (`,`, `.` after a lowercase letter or a digit, `’s`,
//!    units after a digit as in `10km`, …) are split off one at a time, checking special cases after
//!    each;
//! 3. what is left is one token when it looks like a URL (`kurti.com`), else it is split at infixes
//!    (hyphens and `/` between letters, `.` between a lowercase and an uppercase letter, `...`).
//!
//! The special cases are spaCy's own list (`spacy_en_exceptions.tsv`, written by
//! `scripts/consumers/spacy_exceptions.py`); the affix rules are spaCy's `lang/punctuation.py`
//! written as char tests. Not modelled: spaCy's final pass that re-matches special cases across
//! tokens (emoticons such as `:)` inside longer runs). `tests/formats_consumers.rs` checks the result
//! against spaCy itself on news sentences.

use std::collections::HashMap;
use std::sync::OnceLock;

const EXCEPTIONS: &str = include_str!("spacy_en_exceptions.tsv");

/// Special cases: string → lengths (in chars) of the tokens spaCy makes of it.
fn specials() -> &'static HashMap<Vec<char>, Vec<usize>> {
    static SPECIALS: OnceLock<HashMap<Vec<char>, Vec<usize>>> = OnceLock::new();
    SPECIALS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in EXCEPTIONS.lines().filter(|l| !l.starts_with("# ")) {
            let mut fields = line.split('\t');
            let Some(key) = fields.next() else { continue };
            let pieces: Vec<usize> = fields.map(|p| p.chars().count()).collect();
            let key: Vec<char> = key.chars().collect();
            // A case whose tokens do not spell the string (none in spaCy 3.8) is one token here.
            let lengths = if pieces.iter().sum::<usize>() == key.len() && !pieces.is_empty() {
                pieces
            } else {
                vec![key.len()]
            };
            map.insert(key, lengths);
        }
        map
    })
}

/// Token starts and ends of a text, as spaCy's English tokenizer splits it.
pub(crate) struct SpacyTokens {
    /// `starts[i]`: a token starts at char `i`; `ends[i]`: one ends there.
    starts: Vec<bool>,
    ends: Vec<bool>,
}

impl SpacyTokens {
    pub(crate) fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Self {
            starts: vec![false; chars.len() + 1],
            ends: vec![false; chars.len() + 1],
        };
        let mut start = 0;
        while start < chars.len() {
            let space = is_space(chars[start]);
            let end = chars[start..]
                .iter()
                .position(|&c| is_space(c) != space)
                .map_or(chars.len(), |n| start + n);
            if !space {
                tokens.run(&chars[start..end], start);
            }
            start = end;
        }
        tokens
    }

    /// Whether `start..end` begins at a token start and ends at a token end.
    pub(crate) fn aligned(&self, start: usize, end: usize) -> bool {
        self.starts.get(start).copied().unwrap_or(false)
            && self.ends.get(end).copied().unwrap_or(false)
    }

    fn token(&mut self, start: usize, len: usize) {
        if len == 0 {
            return;
        }
        self.starts[start] = true;
        self.ends[start + len] = true;
    }

    /// One run of non-whitespace chars beginning at char `offset`.
    fn run(&mut self, run: &[char], offset: usize) {
        let specials = specials();
        if let Some(lengths) = specials.get(run) {
            self.special(lengths, offset);
            return;
        }
        // The part left after splitting affixes, as (start, end) within the run.
        let (mut lo, mut hi) = (0, run.len());
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_size = usize::MAX;
        while lo < hi && hi - lo != last_size {
            let s = &run[lo..hi];
            if specials.contains_key(s) {
                break;
            }
            last_size = hi - lo;
            let pre = prefix_len(s);
            if pre != 0 && pre < s.len() && specials.contains_key(&s[pre..]) {
                prefixes.push((lo, pre));
                lo += pre;
                break;
            }
            let suf = suffix_len(&s[pre..]);
            if suf != 0 && suf < s.len() && specials.contains_key(&s[..s.len() - suf]) {
                suffixes.push((hi - suf, suf));
                hi -= suf;
                break;
            }
            if pre != 0 && suf != 0 && pre + suf <= s.len() {
                prefixes.push((lo, pre));
                suffixes.push((hi - suf, suf));
                lo += pre;
                hi -= suf;
            } else if pre != 0 {
                prefixes.push((lo, pre));
                lo += pre;
            } else if suf != 0 {
                suffixes.push((hi - suf, suf));
                hi -= suf;
            }
        }
        for (start, len) in prefixes {
            self.token(offset + start, len);
        }
        if lo < hi {
            let s = &run[lo..hi];
            if let Some(lengths) = specials.get(s) {
                self.special(lengths, offset + lo);
            } else if url_like(s) {
                self.token(offset + lo, s.len());
            } else {
                let mut start = 0;
                for (infix_start, infix_end) in infixes(s) {
                    if infix_start == 0 {
                        continue;
                    }
                    self.token(offset + lo + start, infix_start - start);
                    self.token(offset + lo + infix_start, infix_end - infix_start);
                    start = infix_end;
                }
                self.token(offset + lo + start, s.len() - start);
            }
        }
        for (start, len) in suffixes {
            self.token(offset + start, len);
        }
    }

    fn special(&mut self, lengths: &[usize], offset: usize) {
        let mut at = offset;
        for &len in lengths {
            self.token(at, len);
            at += len;
        }
    }
}

/// Python's `str.isspace()`, which spaCy splits runs at.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

const PUNCT: &str = "…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪";
const QUOTES: &str = "'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧";
const CURRENCY: &[&str] = &[
    "$", "£", "€", "¥", "฿", "US$", "C$", "A$", "₽", "﷼", "₴", "₠", "₡", "₢", "₣", "₤", "₥", "₦",
    "₧", "₨", "₩", "₪", "₫", "₭", "₮", "₯", "₰", "₱", "₲", "₳", "₵", "₶", "₷", "₸", "₹", "₺", "₻",
    "₼", "₾", "₿",
];
const UNITS: &[&str] = &[
    "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²",
    "mm³", "ha", "µm", "nm", "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s",
    "km/h", "kmh", "mph", "hPa", "Pa", "mbar", "mb", "MB", "kb", "KB", "gb", "GB", "tb", "TB", "T",
    "G", "M", "K", "%", "км", "км²", "км³", "м", "м²", "м³", "дм", "дм²", "дм³", "см", "см²",
    "см³", "мм", "мм²", "мм³", "нм", "кг", "г", "мг", "м/с", "км/ч", "кПа", "Па", "мбар", "Кб",
    "КБ", "кб", "Мб", "МБ", "мб", "Гб", "ГБ", "гб", "Тб", "ТБ", "тб",
];
const HYPHENS: &[&str] = &["-", "–", "—", "--", "---", "——", "~"];

fn punct(c: char) -> bool {
    PUNCT.contains(c)
}

fn quote(c: char) -> bool {
    QUOTES.contains(c)
}

/// Unicode's "other symbol" category (spaCy's icons), approximately: emoji, dingbats, arrows, box
/// drawing, regional indicators, `©`, `®`, `°`.
fn icon(c: char) -> bool {
    matches!(c as u32,
        0xA6 | 0xA9 | 0xAE | 0xB0
        | 0x2100..=0x214F
        | 0x2190..=0x21FF
        | 0x2300..=0x23FF
        | 0x2400..=0x244A
        | 0x2500..=0x2775
        | 0x2794..=0x27BF
        | 0x2B00..=0x2BFF
        | 0x3200..=0x33FF
        | 0x1F000..=0x1FAFF)
}

fn alpha(c: char) -> bool {
    c.is_alphabetic()
}

fn uncased(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

fn lower(c: char) -> bool {
    c.is_lowercase() || uncased(c)
}

fn upper(c: char) -> bool {
    c.is_uppercase() || uncased(c)
}

fn starts_with(s: &[char], text: &str) -> bool {
    let n = text.chars().count();
    s.len() >= n && s[..n].iter().copied().eq(text.chars())
}

fn equals(s: &[char], text: &str) -> bool {
    s.iter().copied().eq(text.chars())
}

/// The length of the prefix spaCy splits off `s`, 0 for none: its alternatives in order, the first
/// that matches.
fn prefix_len(s: &[char]) -> usize {
    let Some(&first) = s.first() else { return 0 };
    let single = "§%=—–".contains(first)
        || (first == '+' && !s.get(1).is_some_and(char::is_ascii_digit))
        || punct(first);
    if single {
        return 1;
    }
    if first == '.' && s.get(1) == Some(&'.') {
        return s.iter().take_while(|&&c| c == '.').count();
    }
    if quote(first) {
        return 1;
    }
    if let Some(cur) = CURRENCY.iter().find(|cur| starts_with(s, cur)) {
        return cur.chars().count();
    }
    usize::from(icon(first))
}

/// The length of the suffix spaCy splits off `s`: the longest (leftmost) tail any alternative matches.
fn suffix_len(s: &[char]) -> usize {
    (0..s.len())
        .find(|&i| suffix_at(&s[..i], &s[i..]))
        .map_or(0, |i| s.len() - i)
}

/// Whether `tail` (the end of a string, `before` in front of it) is a suffix alternative.
fn suffix_at(before: &[char], tail: &[char]) -> bool {
    let last = before.last().copied();
    let digit_before = last.is_some_and(|c| c.is_ascii_digit());
    match tail {
        [c] if punct(*c) || quote(*c) || icon(*c) || matches!(c, '…' | '—' | '–') => {
            return true;
        }
        [c] if *c == '+' && digit_before => return true,
        ['.'] => {
            let n = before.len();
            let degrees = n >= 2 && before[n - 2] == '°' && "FfCcKk".contains(before[n - 1]);
            let after_lower = last.is_some_and(|c| {
                c.is_ascii_digit() || lower(c) || "%²-+".contains(c) || punct(c) || quote(c)
            });
            let two_upper = n >= 2 && upper(before[n - 1]) && upper(before[n - 2]);
            if degrees || after_lower || two_upper {
                return true;
            }
        }
        _ => {}
    }
    if tail.len() >= 2 && tail.iter().all(|&c| c == '.') {
        return true;
    }
    if equals(tail, "……") || ["'s", "'S", "’s", "’S"].iter().any(|s| equals(tail, s)) {
        return true;
    }
    digit_before
        && (CURRENCY.iter().any(|c| equals(tail, c)) || UNITS.iter().any(|u| equals(tail, u)))
}

/// The infixes of `s` as (start, end), leftmost first and not overlapping, as `re.finditer` finds them.
fn infixes(s: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match infix_at(s, i) {
            Some(len) if len > 0 => {
                found.push((i, i + len));
                i += len;
            }
            _ => i += 1,
        }
    }
    found
}

/// The length of the infix alternative matching at `i`, in spaCy's order.
fn infix_at(s: &[char], i: usize) -> Option<usize> {
    let c = s[i];
    let before = i.checked_sub(1).map(|b| s[b]);
    if c == '.' && s.get(i + 1) == Some(&'.') {
        return Some(s[i..].iter().take_while(|&&c| c == '.').count());
    }
    if c == '…' || icon(c) {
        return Some(1);
    }
    let next = s.get(i + 1).copied();
    if before.is_some_and(|b| b.is_ascii_digit())
        && "+-*^".contains(c)
        && next.is_some_and(|n| n.is_ascii_digit() || n == '-')
    {
        return Some(1);
    }
    if c == '.'
        && before.is_some_and(|b| lower(b) || quote(b))
        && next.is_some_and(|n| upper(n) || quote(n))
    {
        return Some(1);
    }
    if c == ',' && before.is_some_and(alpha) && next.is_some_and(alpha) {
        return Some(1);
    }
    if before.is_some_and(|b| alpha(b) || b.is_ascii_digit()) {
        for hyphen in HYPHENS {
            let len = hyphen.chars().count();
            if starts_with(&s[i..], hyphen) && s.get(i + len).copied().is_some_and(alpha) {
                return Some(len);
            }
        }
        if ":<>=/".contains(c) && next.is_some_and(alpha) {
            return Some(1);
        }
    }
    None
}

/// Whether spaCy's URL pattern takes `s` whole: an optional scheme and user, a host of dot-separated
/// labels ending in a top-level domain of lowercase letters, an optional port and path.
fn url_like(s: &[char]) -> bool {
    let mut rest = s;
    if let Some(at) = (0..rest.len().saturating_sub(2)).find(|&i| equals(&rest[i..i + 3], "://"))
        && at >= 2
        && rest[..at]
            .iter()
            .all(|&c| c.is_alphanumeric() || "_+-.".contains(c))
    {
        rest = &rest[at + 3..];
    }
    if let Some(at) = rest.iter().rposition(|&c| c == '@')
        && at > 0
    {
        rest = &rest[at + 1..];
    }
    let label_char = |c: char| c.is_ascii_alphanumeric() || c as u32 >= 0xA1;
    let host_len = rest
        .iter()
        .position(|&c| !(label_char(c) || c == '.' || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_len);
    let labels: Vec<&[char]> = host.split(|&c| c == '.').collect();
    let Some((tld, domains)) = labels.split_last() else {
        return false;
    };
    let tld_ok = (2..=63).contains(&tld.len())
        && tld.iter().all(|&c| {
            c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase() && c as u32 >= 0x590)
        });
    let domains_ok = !domains.is_empty()
        && domains.iter().all(|label| {
            label.first().copied().is_some_and(label_char)
                && label.last().copied().is_some_and(label_char)
                && label.len() <= 64
        });
    let tail_ok = match tail {
        [] => true,
        [':', port @ ..] => {
            let digits = port.iter().take_while(|c| c.is_ascii_digit()).count();
            (2..=5).contains(&digits)
                && port
                    .get(digits)
                    .is_none_or(|&c| matches!(c, '/' | '?' | '#'))
        }
        [c, ..] => matches!(c, '/' | '?' | '#'),
    };
    tld_ok && domains_ok && tail_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text`, as spaCy's English tokenizer gives them (checked against spaCy 3.8).
    fn tokens(text: &str) -> Vec<String> {
        let t = SpacyTokens::new(text);
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut start = None;
        for i in 0..=chars.len() {
            if t.ends[i]
                && let Some(s) = start.take()
            {
                out.push(chars[s..i].iter().collect());
            }
            if t.starts[i] {
                start = Some(i);
            }
        }
        out
    }

    #[test]
    fn abbreviations_urls_handles_and_units_split_as_spacy_splits_them() {
        let cases: &[(&str, &[&str])] = &[
            ("U.S.", &["U.S."]),
            ("Sept. 5", &["Sept.", "5"]),
            ("Mr. Kurti", &["Mr.", "Kurti"]),
            ("@Kurti", &["@Kurti"]),
            ("kurti.com.", &["kurti.com", "."]),
            ("10km", &["10", "km"]),
            ("Kosovo’s", &["Kosovo", "’s"]),
            ("can't", &["ca", "n't"]),
            ("(Mr.", &["(", "Mr."]),
            ("e-mail", &["e", "-", "mail"]),
            ("1990s", &["1990s"]),
            ("$10", &["$", "10"]),
            ("10%", &["10", "%"]),
            ("«Kurti»", &["«", "Kurti", "»"]),
            ("said:\"no\"", &["said:\"no", "\""]),
            ("3-4", &["3", "-", "4"]),
            ("x...y", &["x", "...", "y"]),
            ("Kurti--and", &["Kurti", "--", "and"]),
            ("U.S.-led", &["U.S.-led"]),
            ("EU-led", &["EU", "-", "led"]),
            ("www.kurti.com/x", &["www.kurti.com/x"]),
            ("http://x.org", &["http://x.org"]),
        ];
        for (text, expected) in cases {
            assert_eq!(tokens(text), *expected, "{text}");
        }
    }
}
