//! Document text, addressed by char offsets.

use std::sync::Arc;

use super::span::CharSpan;

/// How many chars lie between two byte checkpoints in [`Text`].
const CHECKPOINT_EVERY: usize = 64;

/// The immutable text of a document, with a sparse index from char offsets to byte offsets so that
/// slicing by char offsets costs at most [`CHECKPOINT_EVERY`] steps, however long the text.
///
/// Shared, not copied, by clones: a copy of a project handed to a background job (an export, the
/// figures) costs the window next to nothing however long its texts are.
#[derive(Clone, Debug, Default)]
pub struct Text {
    string: Arc<str>,
    char_len: usize,
    /// Byte offset of every `CHECKPOINT_EVERY`-th char. Empty when the text is ASCII (chars are bytes).
    checkpoints: Arc<[usize]>,
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.string == other.string
    }
}

impl Eq for Text {}

impl Text {
    pub fn new(string: String) -> Self {
        if string.is_ascii() {
            return Self {
                char_len: string.len(),
                string: Arc::from(string),
                checkpoints: Arc::from([]),
            };
        }
        let mut checkpoints = Vec::with_capacity(string.len() / CHECKPOINT_EVERY + 1);
        let mut char_len = 0;
        let bytes = string.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Eight bytes at once when no checkpoint falls among their chars: the chars before
            // them are not a whole number of checkpoints apart, nor do theirs reach the next.
            if let Some(word) = bytes.get(at..at + 8) {
                let starts = char_starts(word);
                let into = char_len % CHECKPOINT_EVERY;
                if into != 0 && into + starts <= CHECKPOINT_EVERY {
                    char_len += starts;
                    at += 8;
                    continue;
                }
            }
            // A char starts at every byte that is not a continuation byte (`10xxxxxx`; below -64
            // as i8).
            for (byte, &b) in bytes.iter().enumerate().take(at + 8).skip(at) {
                if (b as i8) >= -64 {
                    if char_len % CHECKPOINT_EVERY == 0 {
                        checkpoints.push(byte);
                    }
                    char_len += 1;
                }
            }
            at += 8;
        }
        Self {
            string: Arc::from(string),
            char_len,
            checkpoints: Arc::from(checkpoints),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// Length in chars.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_empty(&self) -> bool {
        self.string.is_empty()
    }

    /// The byte offset of char offset `offset`; `offset == char_len()` gives the text's byte length.
    pub fn byte_offset(&self, offset: usize) -> Option<usize> {
        if offset > self.char_len {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(offset);
        }
        if offset == self.char_len {
            return Some(self.string.len());
        }
        let checkpoint = offset / CHECKPOINT_EVERY;
        let base = *self.checkpoints.get(checkpoint)?;
        let skip = offset - checkpoint * CHECKPOINT_EVERY;
        if self.is_ascii_chunk(checkpoint) {
            return Some(base + skip);
        }
        nth_char_start(&self.string.as_bytes()[base..], skip).map(|byte| base + byte)
    }

    /// Whether the chars from checkpoint `checkpoint` to the next are all ASCII: as many bytes as
    /// chars lie between them. Most chunks of a news text are, however many curly quotes and
    /// accented names the whole text holds, and in such a chunk a char offset is a byte offset away.
    fn is_ascii_chunk(&self, checkpoint: usize) -> bool {
        let Some(&base) = self.checkpoints.get(checkpoint) else {
            return false;
        };
        let first_char = checkpoint * CHECKPOINT_EVERY;
        let chars = CHECKPOINT_EVERY.min(self.char_len.saturating_sub(first_char));
        let next = self
            .checkpoints
            .get(checkpoint + 1)
            .copied()
            .unwrap_or(self.string.len());
        next - base == chars
    }

    /// The char offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        if byte > self.string.len() || !self.string.is_char_boundary(byte) {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(byte);
        }
        let checkpoint = self.checkpoints.partition_point(|&b| b <= byte) - 1;
        let base = self.checkpoints[checkpoint];
        Some(checkpoint * CHECKPOINT_EVERY + self.string[base..byte].chars().count())
    }

    /// The text a span covers, or `None` when the span is out of bounds.
    pub fn slice(&self, span: CharSpan) -> Option<&str> {
        if span.start > span.end {
            return None;
        }
        let start = self.byte_offset(span.start)?;
        let len = span.end - span.start;
        let end = if self.checkpoints.is_empty()
            || len >= CHECKPOINT_EVERY
            || self.is_ascii_chunk(span.end / CHECKPOINT_EVERY)
        {
            self.byte_offset(span.end)?
        } else {
            // A short span (a name, a word) is quicker to walk from its start than from the
            // checkpoint before its end.
            if span.end > self.char_len {
                return None;
            }
            nth_char_start(&self.string.as_bytes()[start..], len)
                .map_or(self.string.len(), |byte| start + byte)
        };
        Some(&self.string[start..end])
    }

    /// Whether the span lies within the text.
    pub fn contains_span(&self, span: CharSpan) -> bool {
        span.start <= span.end && span.end <= self.char_len
    }
}

/// The byte offset in `bytes` (valid UTF-8 from a char boundary) of its `n`th char, counting from 0;
/// `None` when it has `n` chars or fewer. The same as `char_indices().nth(n)`, in fewer steps: a
/// char starts at every byte that is not a continuation byte (`10xxxxxx`), and eight bytes are
/// counted at once while the char sought lies beyond them.
fn nth_char_start(bytes: &[u8], n: usize) -> Option<usize> {
    let mut seen = 0;
    let mut at = 0;
    while let Some(word) = bytes.get(at..at + 8) {
        let starts = char_starts(word);
        // `seen + starts <= n`: the char sought is not among this word's.
        if seen + starts > n {
            break;
        }
        seen += starts;
        at += 8;
    }
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        // As i8, a continuation byte is below -64.
        if (b as i8) >= -64 {
            if seen == n {
                return Some(i);
            }
            seen += 1;
        }
    }
    None
}

/// How many chars start in `word` (eight bytes of UTF-8): the bytes that are not continuation
/// bytes (`10xxxxxx`), counted all at once.
fn char_starts(word: &[u8]) -> usize {
    let Ok(word) = <[u8; 8]>::try_from(word) else {
        return word.iter().filter(|&&b| (b as i8) >= -64).count();
    };
    let word = u64::from_le_bytes(word);
    // A continuation byte has its top bit set and the one below it clear; shifting the word left
    // by one brings each byte's second bit to its top (the bit carried into the next byte is
    // masked away).
    let continuation = word & !(word << 1) & 0x8080_8080_8080_8080;
    8 - continuation.count_ones() as usize
}

/// Line endings normalised: CRLF (and a lone CR) become LF. Returns the text and whether anything changed.
pub fn normalize_newlines(raw: &str) -> (String, bool) {
    if !raw.contains('\r') {
        return (raw.to_owned(), false);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slice_is_the_chars_it_spans_short_or_long_across_checkpoints() {
        let raw: String = "Вучић и Курти — 🇽🇰 Prishtinë çështje… "
            .repeat(8)
            .chars()
            .collect();
        let text = Text::new(raw.clone());
        let chars: Vec<char> = raw.chars().collect();
        for start in 0..=chars.len() {
            for end in start..=(start + 150).min(chars.len()) {
                let expected: String = chars[start..end].iter().collect();
                assert_eq!(
                    text.slice(CharSpan::new(start, end)),
                    Some(expected.as_str())
                );
            }
            assert_eq!(text.slice(CharSpan::new(start, chars.len() + 1)), None);
        }
    }

    proptest::proptest! {
        /// Mostly ASCII with a few wide chars, as news is: chunks that are ASCII (where a char
        /// offset is a byte offset away) and chunks that are not, side by side.
        #[test]
        fn slices_and_offsets_agree_with_counting_chars_in_mostly_ascii_text(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => "[a-zA-Z ,.]{1,90}",
                    1 => "[’“”—ëçćé🇽🇰]{1,3}",
                ],
                1..12,
            ),
            starts in proptest::collection::vec(0usize..2_000, 1..40),
            lens in proptest::collection::vec(0usize..140, 1..40),
        ) {
            let raw: String = pieces.concat();
            let text = Text::new(raw.clone());
            let chars: Vec<(usize, char)> = raw.char_indices().collect();
            proptest::prop_assert_eq!(text.char_len(), chars.len());
            let byte_of = |n: usize| chars.get(n).map_or(raw.len(), |&(byte, _)| byte);
            for (&start, &len) in starts.iter().zip(&lens) {
                let start = start % (chars.len() + 1);
                let end = start + len;
                let expected = (end <= chars.len()).then(|| &raw[byte_of(start)..byte_of(end)]);
                proptest::prop_assert_eq!(text.slice(CharSpan::new(start, end)), expected);
                proptest::prop_assert_eq!(text.byte_offset(start), Some(byte_of(start)));
                proptest::prop_assert_eq!(text.char_offset(byte_of(start)), Some(start));
            }
        }
    }

    proptest::proptest! {
        /// Any chars at all, one to four bytes long, in any order: the word-at-a-time count finds
        /// the same char as walking the chars one by one, and the checkpoints made eight bytes at
        /// a time are the same as made byte by byte.
        #[test]
        fn counting_eight_bytes_at_once_finds_the_chars_one_by_one_finds(
            raw in "\\PC{0,300}",
            n in 0usize..320,
        ) {
            let expected = raw.char_indices().nth(n).map(|(byte, _)| byte);
            proptest::prop_assert_eq!(nth_char_start(raw.as_bytes(), n), expected);
            let text = Text::new(raw.clone());
            let checkpoints: Vec<usize> = raw
                .char_indices()
                .step_by(CHECKPOINT_EVERY)
                .map(|(byte, _)| byte)
                .collect();
            if !raw.is_ascii() {
                proptest::prop_assert_eq!(&text.checkpoints[..], &checkpoints[..]);
            }
            proptest::prop_assert_eq!(text.char_len(), raw.chars().count());
        }
    }

    #[test]
    fn slices_by_chars_not_bytes() {
        let text = Text::new("Вучић и Курти".to_owned());
        assert_eq!(text.char_len(), 13);
        assert_eq!(text.slice(CharSpan::new(0, 5)), Some("Вучић"));
        assert_eq!(text.slice(CharSpan::new(8, 13)), Some("Курти"));
        assert_eq!(text.slice(CharSpan::new(8, 14)), None);
    }

    #[test]
    fn emoji_flags_and_zwj_sequences_count_as_their_scalar_values() {
        // 🇽🇰 is two regional indicators; 👨‍👩‍👧 is five scalars joined by ZWJ.
        let text = Text::new("🇽🇰 👨‍👩‍👧 Kurti".to_owned());
        assert_eq!(text.slice(CharSpan::new(0, 2)), Some("🇽🇰"));
        assert_eq!(text.slice(CharSpan::new(3, 8)), Some("👨‍👩‍👧"));
        assert_eq!(text.slice(CharSpan::new(9, 14)), Some("Kurti"));
    }

    #[test]
    fn long_texts_slice_across_checkpoints() {
        let s: String = "Prishtinë, çështje. ".repeat(500);
        let text = Text::new(s.clone());
        let chars: Vec<char> = s.chars().collect();
        for start in (0..chars.len() - 30).step_by(37) {
            let expected: String = chars[start..start + 30].iter().collect();
            assert_eq!(
                text.slice(CharSpan::new(start, start + 30)),
                Some(expected.as_str())
            );
            let byte = text.byte_offset(start).unwrap_or(usize::MAX);
            assert_eq!(text.char_offset(byte), Some(start));
        }
    }

    #[test]
    fn crlf_becomes_lf_and_is_recorded() {
        assert_eq!(
            normalize_newlines("a\r\nb\rc\n"),
            ("a\nb\nc\n".to_owned(), true)
        );
        assert_eq!(normalize_newlines("a\nb"), ("a\nb".to_owned(), false));
    }
}
