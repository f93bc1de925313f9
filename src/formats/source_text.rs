//! A document's text as another tool stored it, and the offsets that tool counted, mapped to Gloss's.
//!
//! Gloss stores text with LF line endings and no byte-order mark, and counts chars. Other tools count
//! in the text as they read it (CRLF kept, a BOM kept) and some count UTF-16 code units (WebAnno TSV3,
//! older Label Studio). [`SourceText`] keeps both versions and maps offsets counted in the raw text,
//! in either unit, to char offsets of the stored text; every span is then checked against the text the
//! file claims it covers.

use super::error::excerpt;
use crate::model::text::normalize_newlines;
use crate::model::{CharSpan, Text};

/// What an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Unicode scalar values (Python `str` indices).
    Chars,
    /// UTF-16 code units (JavaScript and Java string indices).
    Utf16,
    /// Chars of the stored text: after the BOM was dropped and CRLF became LF, as a tool that read
    /// the file with universal newlines counts.
    StoredChars,
}

/// The raw text of a document as a file holds it, and the text Gloss stores for it.
#[derive(Debug)]
pub(crate) struct SourceText {
    /// Without the BOM and with LF line endings: the document's text.
    pub(crate) text: Text,
    pub(crate) crlf_normalized: bool,
    /// Char offset in the stored text of every raw char offset `0..=raw_len`; empty when the two
    /// texts are the same.
    raw_to_text: Vec<usize>,
    /// Raw char offset of every UTF-16 offset `0..=utf16_len`, `usize::MAX` inside a surrogate pair;
    /// empty when the raw text has no char outside the BMP (then the two units agree).
    utf16_to_raw: Vec<usize>,
    raw_len: usize,
}

impl SourceText {
    pub(crate) fn new(raw: &str) -> Self {
        let without_bom = raw.strip_prefix('\u{feff}');
        let (text, crlf_normalized) = normalize_newlines(without_bom.unwrap_or(raw));
        let raw_len = raw.chars().count();
        let mut raw_to_text = Vec::new();
        if without_bom.is_some() || crlf_normalized {
            raw_to_text.reserve(raw_len + 1);
            let mut at = 0;
            let mut chars = raw.chars().peekable();
            let mut first = true;
            while let Some(c) = chars.next() {
                raw_to_text.push(at);
                let bom = first && c == '\u{feff}';
                first = false;
                // A CR before an LF and a BOM vanish: they map to where the next char lands.
                let vanishes = bom || (c == '\r' && chars.peek() == Some(&'\n'));
                if !vanishes {
                    at += 1;
                }
            }
            raw_to_text.push(at);
        }
        let mut utf16_to_raw = Vec::new();
        if raw.chars().any(|c| c.len_utf16() == 2) {
            utf16_to_raw.reserve(raw_len + 16);
            for (i, c) in raw.chars().enumerate() {
                utf16_to_raw.push(i);
                if c.len_utf16() == 2 {
                    utf16_to_raw.push(usize::MAX);
                }
            }
            utf16_to_raw.push(raw_len);
        }
        Self {
            text: Text::new(text),
            crlf_normalized,
            raw_to_text,
            utf16_to_raw,
            raw_len,
        }
    }

    /// The stored-text span of raw offsets `start..end` counted in `unit`; `None` when they are
    /// reversed, out of bounds or inside a surrogate pair.
    pub(crate) fn span(&self, start: usize, end: usize, unit: Unit) -> Option<CharSpan> {
        if start > end {
            return None;
        }
        if unit == Unit::StoredChars {
            let span = CharSpan::new(start, end);
            return self.text.contains_span(span).then_some(span);
        }
        let (start, end) = match unit {
            Unit::Utf16 if !self.utf16_to_raw.is_empty() => {
                let raw = |offset: usize| {
                    self.utf16_to_raw
                        .get(offset)
                        .copied()
                        .filter(|&o| o != usize::MAX)
                };
                (raw(start)?, raw(end)?)
            }
            _ => (start, end),
        };
        if end > self.raw_len {
            return None;
        }
        if self.raw_to_text.is_empty() {
            return Some(CharSpan::new(start, end));
        }
        Some(CharSpan::new(
            *self.raw_to_text.get(start)?,
            *self.raw_to_text.get(end)?,
        ))
    }

    /// The span that raw offsets `start..end` stand for, trying each unit in turn: the first whose
    /// covered text equals `claimed` (line endings aside), or the first in bounds when the file
    /// claims no text. The error says what was expected and found, for the import report.
    pub(crate) fn resolve(
        &self,
        start: usize,
        end: usize,
        claimed: Option<&str>,
        units: &[Unit],
    ) -> Result<CharSpan, String> {
        let mut first_found: Option<(CharSpan, String)> = None;
        for &unit in units {
            let Some(span) = self.span(start, end, unit) else {
                continue;
            };
            let Some(claimed) = claimed else {
                return Ok(span);
            };
            let found = self.text.slice(span).unwrap_or_default();
            if normalize_newlines(claimed).0 == found {
                return Ok(span);
            }
            if first_found.is_none() {
                first_found = Some((span, found.to_owned()));
            }
        }
        match (first_found, claimed) {
            (Some((_, found)), Some(claimed)) => Err(format!(
                "span {start}..{end}: expected the text {}, found {}",
                excerpt(claimed),
                excerpt(&found)
            )),
            _ => Err(format!(
                "span {start}..{end} does not fit the text ({} chars)",
                self.raw_len
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_offsets_map_to_the_stored_lf_text() {
        let source = SourceText::new("a\r\nВучић\r\n");
        assert_eq!(source.text.as_str(), "a\nВучић\n");
        assert!(source.crlf_normalized);
        // "Вучић" is raw chars 3..8, stored chars 2..7.
        let span = source.resolve(3, 8, Some("Вучић"), &[Unit::Chars]);
        assert_eq!(span, Ok(CharSpan::new(2, 7)));
    }

    #[test]
    fn stored_char_offsets_count_the_text_after_line_endings_were_normalised() {
        let source = SourceText::new("a\r\nKurti");
        let both = [Unit::Chars, Unit::StoredChars];
        assert_eq!(
            source.resolve(2, 7, Some("Kurti"), &both),
            Ok(CharSpan::new(2, 7))
        );
        assert_eq!(
            source.resolve(3, 8, Some("Kurti"), &both),
            Ok(CharSpan::new(2, 7))
        );
    }

    #[test]
    fn a_byte_order_mark_is_counted_by_raw_offsets_but_not_stored() {
        let source = SourceText::new("\u{feff}Kurti");
        assert_eq!(source.text.as_str(), "Kurti");
        assert_eq!(source.span(1, 6, Unit::Chars), Some(CharSpan::new(0, 5)));
    }

    #[test]
    fn utf16_offsets_skip_surrogate_pairs() {
        // 🇽🇰 is two astral chars: four UTF-16 units.
        let source = SourceText::new("🇽🇰 Kurti");
        assert_eq!(source.span(5, 10, Unit::Utf16), Some(CharSpan::new(3, 8)));
        assert_eq!(
            source.span(1, 10, Unit::Utf16),
            None,
            "inside a surrogate pair"
        );
        let both = [Unit::Chars, Unit::Utf16];
        assert_eq!(
            source.resolve(5, 10, Some("Kurti"), &both),
            Ok(CharSpan::new(3, 8))
        );
        assert_eq!(
            source.resolve(3, 8, Some("Kurti"), &both),
            Ok(CharSpan::new(3, 8))
        );
    }

    #[test]
    fn a_mismatch_names_expected_and_found_text() {
        let source = SourceText::new("Vucic met Kurti");
        let err = source.resolve(0, 5, Some("Kurti"), &[Unit::Chars]);
        assert_eq!(
            err,
            Err("span 0..5: expected the text \"Kurti\", found \"Vucic\"".to_owned())
        );
        assert!(source.resolve(10, 99, None, &[Unit::Chars]).is_err());
    }
}
