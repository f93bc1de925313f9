//! The tagger's features, CRFsuite-style: word, lower case, shape, prefixes and suffixes, the
//! neighbouring words and shapes, gazetteer hits, a title before, inside quotation marks, next to a
//! speech verb. Emitted as strings (so that `benches/crfsuite_compare.py` can feed python-crfsuite
//! exactly the same ones) and hashed for Gloss's own tagger.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use super::context::Word;
use super::gazetteer::{GazKind, gazetteer};
use super::lexicon::{is_common_word, is_speech_verb};
use super::quotation_marks::quotation_contents;

/// What the features of a document need beyond the words, computed once per document.
#[derive(Debug)]
pub struct FeatureDoc<'w> {
    words: &'w [Word],
    gazetteer: Vec<Option<(GazKind, bool)>>,
    after_title: Vec<bool>,
    in_quote: Vec<bool>,
    /// Lower-cased forms the document also writes in lower case ("the", "minister"): a capital on
    /// such a word says less.
    seen_lower: WordSet<String>,
    /// Lower-cased forms the document capitalises away from a sentence start (names).
    seen_capitalised: WordSet<String>,
    /// Each word's [`shape`], computed once: a word is read as itself and as the neighbour of four
    /// others.
    shapes: Vec<String>,
    /// Each word is a speech verb (read as the neighbour of three others).
    speech_verb: Vec<bool>,
}

impl<'w> FeatureDoc<'w> {
    pub fn new(words: &'w [Word], chars: &[char]) -> Self {
        let g = gazetteer();
        let mut after_title = vec![false; words.len()];
        for i in 0..words.len() {
            if let Some(len) = g.title_at(words, i)
                && let Some(flag) = after_title.get_mut(i + len)
            {
                *flag = true;
            }
        }
        let mut in_quote = vec![false; words.len()];
        // Words are in text order: only those from the first one starting inside a content up to
        // the content's end can lie in it (comparing every word with every quote made a long
        // document quadratic).
        for content in quotation_contents(chars) {
            let first = words.partition_point(|w| w.span.start < content.start);
            for (flag, word) in in_quote[first..].iter_mut().zip(&words[first..]) {
                if word.span.start >= content.end {
                    break;
                }
                if content.contains_span(word.span) {
                    *flag = true;
                }
            }
        }
        let mut seen_lower = WordSet::default();
        let mut seen_capitalised = WordSet::default();
        for word in words {
            if word.text.chars().next().is_some_and(char::is_lowercase) {
                seen_lower.insert(word.lower.clone());
            } else if word.is_capitalised() && !word.sentence_start {
                seen_capitalised.insert(word.lower.clone());
            }
        }
        Self {
            words,
            gazetteer: g.tag_words(words),
            after_title,
            in_quote,
            seen_lower,
            seen_capitalised,
            shapes: words.iter().map(|w| shape(&w.text)).collect(),
            speech_verb: words.iter().map(|w| is_speech_verb(&w.lower)).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Calls `emit` with every feature of word `i`; `buf` is scratch space reused between calls.
    pub fn for_each(&self, i: usize, buf: &mut String, emit: &mut dyn FnMut(&str)) {
        let words = self.words;
        let word = &words[i];
        let sentence = word.sentence;
        let at = |k: isize| -> Option<&Word> {
            let j = usize::try_from(i as isize + k).ok()?;
            words.get(j).filter(|w| w.sentence == sentence)
        };
        let mut put = |buf: &mut String, args: std::fmt::Arguments| {
            buf.clear();
            let _ = buf.write_fmt(args);
            emit(buf);
        };
        put(buf, format_args!("bias"));
        put(buf, format_args!("w={}", word.lower));
        put(buf, format_args!("s={}", self.shapes[i]));
        let chars: Vec<char> = word.lower.chars().collect();
        for n in 1..=4.min(chars.len()) {
            let prefix: String = chars[..n].iter().collect();
            let suffix: String = chars[chars.len() - n..].iter().collect();
            put(buf, format_args!("p{n}={prefix}"));
            put(buf, format_args!("x{n}={suffix}"));
        }
        if word.is_capitalised() {
            put(buf, format_args!("cap"));
        }
        if word.is_acronym() {
            put(buf, format_args!("acronym"));
        }
        if word.text.chars().any(|c| c.is_ascii_digit()) {
            put(buf, format_args!("digit"));
        }
        if word.sentence_start {
            put(buf, format_args!("first"));
        }
        if is_common_word(&word.lower) {
            put(buf, format_args!("common"));
        }
        if word.is_capitalised() {
            // A capitalisation ratio in two bits: does the document also write the word in lower
            // case, and does it capitalise it where no sentence starts?
            if self.seen_lower.contains(&word.lower) {
                put(buf, format_args!("seen-lower"));
            }
            if self.seen_capitalised.contains(&word.lower) {
                put(buf, format_args!("seen-capitalised"));
            }
        }
        for k in [-2isize, -1, 1, 2] {
            match at(k) {
                Some(w) => put(buf, format_args!("w{k:+}={}", w.lower)),
                None if k < 0 => put(buf, format_args!("w{k:+}=<s>")),
                None => put(buf, format_args!("w{k:+}=</s>")),
            }
        }
        for k in [-2isize, -1, 1, 2] {
            if let Some(w) = at(k) {
                put(buf, format_args!("s{k:+}={}", shape(&w.text)));
            }
        }
        let glued_before = at(-1).is_some_and(|w| w.span.end == word.span.start);
        let glued_after = at(1).is_some_and(|w| w.span.start == word.span.end);
        if glued_before || glued_after {
            // "Chi-wai", "U.S.": pieces of one written word.
            put(
                buf,
                format_args!("glued={}{}", u8::from(glued_before), u8::from(glued_after)),
            );
        }
        let previous = at(-1).map_or("<s>", |w| w.lower.as_str());
        put(buf, format_args!("w-1|w={previous}|{}", word.lower));
        if let Some(next) = at(1) {
            put(buf, format_args!("w|w+1={}|{}", word.lower, next.lower));
        }
        if let Some((kind, first)) = self.gazetteer[i] {
            let position = if first { "B" } else { "I" };
            put(buf, format_args!("g={position}-{}", kind.name()));
        }
        for k in [-1isize, 1] {
            let j = i as isize + k;
            if at(k).is_some()
                && let Some((kind, _)) = usize::try_from(j).ok().and_then(|j| self.gazetteer[j])
            {
                put(buf, format_args!("g{k:+}={}", kind.name()));
            }
        }
        if self.after_title[i] {
            put(buf, format_args!("after-title"));
        }
        if self.in_quote[i] {
            put(buf, format_args!("in-quote"));
        }
        if at(-1).is_some_and(|w| is_speech_verb(&w.lower))
            || at(-2).is_some_and(|w| is_speech_verb(&w.lower))
        {
            put(buf, format_args!("after-speech-verb"));
        }
        if at(1).is_some_and(|w| is_speech_verb(&w.lower)) {
            put(buf, format_args!("before-speech-verb"));
        }
    }

    /// Every feature of word `i`, hashed: the hashes of [`Self::for_each`]'s strings in the same
    /// order (the tagger sums weights in this order), computed without writing the strings. FNV-1a
    /// reads bytes one after another, so each feature's pieces are fed to it as they stand.
    /// `buf` is unused (kept so that callers need not change).
    pub fn hashed(&self, i: usize, _buf: &mut String, out: &mut Vec<u64>) {
        out.clear();
        let words = self.words;
        let word = &words[i];
        let sentence = word.sentence;
        let at = |k: isize| -> Option<usize> {
            let j = usize::try_from(i as isize + k).ok()?;
            words.get(j).filter(|w| w.sentence == sentence).map(|_| j)
        };
        let lower = word.lower.as_str();
        out.push(Fnv::START.add(b"bias").0);
        out.push(Fnv::START.add(b"w=").add(lower.as_bytes()).0);
        out.push(Fnv::START.add(b"s=").add(self.shapes[i].as_bytes()).0);
        // Prefixes and suffixes of 1 to 4 chars (not bytes) of the lower-case form.
        let n_chars = lower.chars().count();
        let mut prefix_ends = lower
            .char_indices()
            .map(|(b, _)| b)
            .skip(1)
            .chain([lower.len()]);
        let mut suffix_starts = lower.char_indices().rev().map(|(b, _)| b);
        const P: [&[u8]; 4] = [b"p1=", b"p2=", b"p3=", b"p4="];
        const X: [&[u8]; 4] = [b"x1=", b"x2=", b"x3=", b"x4="];
        for n in 0..4.min(n_chars) {
            let (Some(end), Some(start)) = (prefix_ends.next(), suffix_starts.next()) else {
                break;
            };
            out.push(Fnv::START.add(P[n]).add(&lower.as_bytes()[..end]).0);
            out.push(Fnv::START.add(X[n]).add(&lower.as_bytes()[start..]).0);
        }
        let capitalised = word.is_capitalised();
        if capitalised {
            out.push(Fnv::START.add(b"cap").0);
        }
        if word.is_acronym() {
            out.push(Fnv::START.add(b"acronym").0);
        }
        if word.text.chars().any(|c| c.is_ascii_digit()) {
            out.push(Fnv::START.add(b"digit").0);
        }
        if word.sentence_start {
            out.push(Fnv::START.add(b"first").0);
        }
        if is_common_word(lower) {
            out.push(Fnv::START.add(b"common").0);
        }
        if capitalised {
            if self.seen_lower.contains(lower) {
                out.push(Fnv::START.add(b"seen-lower").0);
            }
            if self.seen_capitalised.contains(lower) {
                out.push(Fnv::START.add(b"seen-capitalised").0);
            }
        }
        const NEIGHBOURS: [(isize, &[u8], &[u8]); 4] = [
            (-2, b"w-2=", b"s-2="),
            (-1, b"w-1=", b"s-1="),
            (1, b"w+1=", b"s+1="),
            (2, b"w+2=", b"s+2="),
        ];
        for (k, name, _) in NEIGHBOURS {
            let value: &[u8] = match at(k) {
                Some(j) => words[j].lower.as_bytes(),
                None if k < 0 => b"<s>",
                None => b"</s>",
            };
            out.push(Fnv::START.add(name).add(value).0);
        }
        for (k, _, name) in NEIGHBOURS {
            if let Some(j) = at(k) {
                out.push(Fnv::START.add(name).add(self.shapes[j].as_bytes()).0);
            }
        }
        let before = at(-1);
        let after = at(1);
        let glued_before = before.is_some_and(|j| words[j].span.end == word.span.start);
        let glued_after = after.is_some_and(|j| words[j].span.start == word.span.end);
        if glued_before || glued_after {
            let bits = [b'0' + u8::from(glued_before), b'0' + u8::from(glued_after)];
            out.push(Fnv::START.add(b"glued=").add(&bits).0);
        }
        let previous = before.map_or(&b"<s>"[..], |j| words[j].lower.as_bytes());
        out.push(
            Fnv::START
                .add(b"w-1|w=")
                .add(previous)
                .add(b"|")
                .add(lower.as_bytes())
                .0,
        );
        if let Some(j) = after {
            out.push(
                Fnv::START
                    .add(b"w|w+1=")
                    .add(lower.as_bytes())
                    .add(b"|")
                    .add(words[j].lower.as_bytes())
                    .0,
            );
        }
        if let Some((kind, first)) = self.gazetteer[i] {
            let position: &[u8] = if first { b"B-" } else { b"I-" };
            out.push(
                Fnv::START
                    .add(b"g=")
                    .add(position)
                    .add(kind.name().as_bytes())
                    .0,
            );
        }
        for (j, name) in [(before, &b"g-1="[..]), (after, &b"g+1="[..])] {
            if let Some((kind, _)) = j.and_then(|j| self.gazetteer[j]) {
                out.push(Fnv::START.add(name).add(kind.name().as_bytes()).0);
            }
        }
        if self.after_title[i] {
            out.push(Fnv::START.add(b"after-title").0);
        }
        if self.in_quote[i] {
            out.push(Fnv::START.add(b"in-quote").0);
        }
        if before.is_some_and(|j| self.speech_verb[j])
            || at(-2).is_some_and(|j| self.speech_verb[j])
        {
            out.push(Fnv::START.add(b"after-speech-verb").0);
        }
        if after.is_some_and(|j| self.speech_verb[j]) {
            out.push(Fnv::START.add(b"before-speech-verb").0);
        }
    }
}

/// A hash map keyed by short strings from Gloss's own word lists and a document's words, looked up
/// for nearly every word: FNV-1a instead of std's SipHash, which resists keys chosen to collide
/// but costs several times as much on a six-letter word (a crafted text could slow its own
/// suggestions down, nothing more).
pub type WordMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The set counterpart of [`WordMap`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// The hasher of [`WordMap`] and [`WordSet`]: FNV-1a over the bytes written.
#[derive(Clone, Copy, Debug)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        Self(Fnv::START.0)
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = Fnv(self.0).add(bytes).0;
    }
}

/// FNV-1a fed piece by piece: the same hash as [`hash`] of the pieces written one after another.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);

    #[inline]
    fn add(self, bytes: &[u8]) -> Fnv {
        let mut h = self.0;
        for &byte in bytes {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Fnv(h)
    }
}

/// The word's shape with runs collapsed: `Kurti` → `Xx`, `EU` → `X`, `2021` → `d`, `Sept.` → `Xx.`.
pub fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in text.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

/// FNV-1a, 64 bits: stable across runs and platforms (the model's feature keys).
pub fn hash(feature: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in feature.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::context::analyse;

    #[test]
    fn shapes_collapse_runs_in_any_script() {
        assert_eq!(shape("Kurti"), "Xx");
        assert_eq!(shape("Вучић"), "Xx");
        assert_eq!(shape("EU-led"), "X-x");
        assert_eq!(shape("2021"), "d");
    }

    #[test]
    fn hashed_features_are_the_hashes_of_the_feature_strings_in_order() {
        let text = "\"We left,\" said President Kurti of Kosovo. Вучић и Курти met in \
                    Prishtinë, çështje 🇽🇰 👨‍👩‍👧.\r\nWu Chi-wai told the U.S. Senate: «Ça va», \
                    Ö'Brien's G7 x 2021 Sept. EU-led ab a\nThe minister said \"no\".";
        let (chars, words, _) = analyse(text);
        let doc = FeatureDoc::new(&words, &chars);
        let (mut buf, mut hashed) = (String::new(), Vec::new());
        for (i, word) in words.iter().enumerate() {
            let mut strings = Vec::new();
            doc.for_each(i, &mut buf, &mut |f| strings.push(hash(f)));
            doc.hashed(i, &mut buf, &mut hashed);
            assert_eq!(hashed, strings, "word {i}: {:?}", word.text);
        }
    }

    #[test]
    fn features_name_the_word_its_neighbours_and_its_context() {
        let (chars, words, _) = analyse("\"We left,\" said President Kurti of Kosovo.");
        let doc = FeatureDoc::new(&words, &chars);
        let mut buf = String::new();
        let kurti = words.iter().position(|w| w.text == "Kurti").unwrap_or(0);
        let mut features = Vec::new();
        doc.for_each(kurti, &mut buf, &mut |f| features.push(f.to_owned()));
        for expected in [
            "w=kurti",
            "s=Xx",
            "w-1=president",
            "after-title",
            "cap",
            "x3=rti",
        ] {
            assert!(
                features.iter().any(|f| f == expected),
                "{expected} in {features:?}"
            );
        }
        let we = words.iter().position(|w| w.text == "We").unwrap_or(0);
        let mut features = Vec::new();
        doc.for_each(we, &mut buf, &mut |f| features.push(f.to_owned()));
        assert!(features.iter().any(|f| f == "in-quote"), "{features:?}");
        let kosovo = words.iter().position(|w| w.text == "Kosovo").unwrap_or(0);
        let mut features = Vec::new();
        doc.for_each(kosovo, &mut buf, &mut |f| features.push(f.to_owned()));
        assert!(features.iter().any(|f| f == "g=B-country"), "{features:?}");
    }
}
