//! The article split into paragraphs, and where each paragraph sits vertically.
//!
//! Splitting is O(text) and happens once per document; the height table is O(paragraphs) and is
//! rebuilt only when the column width, the style or the pixel density change. Per frame the view
//! touches only the paragraphs in the viewport.

use std::ops::Range;

use super::bidi;
use crate::model::{CharSpan, Text};

/// Longest run of chars laid out as one galley. A longer paragraph (a text without line breaks)
/// is cut at a space into chunks of at most this many chars, so that bringing it into view never
/// lays out megabytes at once. The chunks are drawn without paragraph spacing between them.
const MAX_CHUNK_CHARS: usize = 2_000;

/// One paragraph, or one chunk of a very long paragraph: a line of the text that is not blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// Char offsets in the document, half-open; never contains `\n`.
    pub chars: CharSpan,
    /// The same range in bytes of `Text::as_str()`.
    pub bytes: Range<usize>,
    /// Whether the next paragraph continues this one (a chunk boundary, not a line break).
    pub continued: bool,
    /// Holds right-to-left text ([`bidi::needs_bidi`]), so it is laid out in visual order.
    pub bidi: bool,
}

/// Identifies a text without hashing all of it: its address, its length and a sample of its bytes.
/// Documents never change after import, so a different text means a different document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TextKey {
    address: usize,
    len: usize,
    sample: u64,
}

impl TextKey {
    pub fn of(text: &Text) -> Self {
        let bytes = text.as_str().as_bytes();
        // FNV-1a over the first and last 256 bytes: cheap enough for every frame.
        let mut sample: u64 = 0xcbf2_9ce4_8422_2325;
        let head = &bytes[..bytes.len().min(256)];
        let tail = &bytes[bytes.len().saturating_sub(256)..];
        for byte in head.iter().chain(tail) {
            sample ^= u64::from(*byte);
            sample = sample.wrapping_mul(0x0100_0000_01b3);
        }
        Self {
            address: bytes.as_ptr() as usize,
            len: bytes.len(),
            sample,
        }
    }
}

/// The non-blank lines of a text, in order. Blank lines become paragraph spacing; offsets of the
/// chars between paragraphs (newlines, blank lines) belong to no paragraph.
pub(crate) fn split(text: &Text) -> Vec<Paragraph> {
    let string = text.as_str();
    let mut paragraphs = Vec::with_capacity(string.len() / 200 + 1);
    let mut char_pos = 0;
    let mut byte_pos = 0;
    for line in string.split('\n') {
        let line_chars = line.chars().count();
        if !line.trim().is_empty() {
            push_chunks(&mut paragraphs, line, char_pos, byte_pos);
        }
        char_pos += line_chars + 1;
        byte_pos += line.len() + 1;
    }
    paragraphs
}

/// Pushes one line as one paragraph, or as chunks of at most [`MAX_CHUNK_CHARS`] cut after a space.
fn push_chunks(out: &mut Vec<Paragraph>, line: &str, char_start: usize, byte_start: usize) {
    let mut chars = 0;
    let mut chunk_char_start = 0;
    let mut chunk_byte_start = 0;
    let mut last_break: Option<(usize, usize)> = None;
    // Whether the chunk so far, and the part of it after `last_break`, need the bidi layout.
    let mut bidi = false;
    let mut bidi_after_break = false;
    for (byte, c) in line.char_indices() {
        if chars - chunk_char_start >= MAX_CHUNK_CHARS {
            // Cut after the last space, or hard at the limit when the chunk has none.
            let (cut_chars, cut_bytes) = last_break.unwrap_or((chars, byte));
            // Cut hard, everything so far goes; cut at a space, what followed it stays.
            let carried = last_break.is_some() && bidi_after_break;
            out.push(Paragraph {
                chars: CharSpan::new(char_start + chunk_char_start, char_start + cut_chars),
                bytes: byte_start + chunk_byte_start..byte_start + cut_bytes,
                continued: true,
                bidi,
            });
            chunk_char_start = cut_chars;
            chunk_byte_start = cut_bytes;
            last_break = None;
            bidi = carried;
            bidi_after_break = carried;
        }
        chars += 1;
        if c == ' ' {
            last_break = Some((chars, byte + 1));
            bidi_after_break = false;
        } else if bidi::needs_bidi(c) {
            bidi = true;
            bidi_after_break = true;
        }
    }
    out.push(Paragraph {
        chars: CharSpan::new(char_start + chunk_char_start, char_start + chars),
        bytes: byte_start + chunk_byte_start..byte_start + line.len(),
        continued: false,
        bidi,
    });
}

/// The index of the paragraph containing `offset`, or of the first one after it when `offset`
/// falls between paragraphs; `paragraphs.len()` when it lies after the last.
pub(crate) fn at_or_after(paragraphs: &[Paragraph], offset: usize) -> usize {
    paragraphs.partition_point(|p| p.chars.end <= offset)
}

/// Vertical positions of the paragraphs in points: estimated until a paragraph has been laid out,
/// exact afterwards (until the next re-estimate). Invariant: `tops.len() == heights.len() + 1` and `tops` is the running sum of
/// `heights` once [`Heights::refresh`] has run.
#[derive(Debug, Default)]
pub(crate) struct Heights {
    heights: Vec<f32>,
    tops: Vec<f32>,
    stale: bool,
}

impl Heights {
    /// Every paragraph estimated from its length: `char_width` points per char on rows of
    /// `row_width` points, `row_height` points per row, plus the spacing after it.
    pub fn estimate(
        paragraphs: &[Paragraph],
        row_width: f32,
        char_width: f32,
        row_height: f32,
        spacing: f32,
    ) -> Self {
        let chars_per_row = (row_width / char_width.max(0.1)).max(1.0);
        let heights: Vec<f32> = paragraphs
            .iter()
            .map(|p| {
                let rows = (p.chars.len() as f32 / chars_per_row).ceil().max(1.0);
                rows * row_height + if p.continued { 0.0 } else { spacing }
            })
            .collect();
        let mut this = Self {
            heights,
            tops: Vec::new(),
            stale: true,
        };
        this.refresh();
        this
    }

    /// Records the laid-out height of a paragraph (spacing included).
    pub fn set_exact(&mut self, index: usize, height: f32) {
        if let Some(h) = self.heights.get_mut(index)
            && (*h - height).abs() > 0.01
        {
            *h = height;
            self.stale = true;
        }
    }

    /// Brings `tops` up to date after [`Heights::set_exact`] calls. O(paragraphs), and only when
    /// a height changed.
    pub fn refresh(&mut self) {
        if !self.stale {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
        self.stale = false;
    }

    /// Top of paragraph `index` in content coordinates; the total height for `index == len`.
    pub fn top(&self, index: usize) -> f32 {
        self.tops
            .get(index)
            .or(self.tops.last())
            .copied()
            .unwrap_or(0.0)
    }

    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The paragraph whose vertical extent (spacing included) contains `y`, clamped to the
    /// first and last paragraph; `None` when there are none.
    pub fn at_y(&self, y: f32) -> Option<usize> {
        let len = self.heights.len();
        if len == 0 {
            return None;
        }
        let after = self.tops[1..].partition_point(|&bottom| bottom <= y);
        Some(after.min(len - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(text: &Text, p: &Paragraph) -> String {
        text.slice(p.chars).unwrap_or_default().to_owned()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_offsets_stay_document_offsets() {
        let text = Text::new("Вучић и Курти\n\n  \nPrishtinë, çështje\n🇽🇰 ok".to_owned());
        let paragraphs = split(&text);
        let texts: Vec<String> = paragraphs.iter().map(|p| text_of(&text, p)).collect();
        assert_eq!(texts, ["Вучић и Курти", "Prishtinë, çështje", "🇽🇰 ok"]);
        for p in &paragraphs {
            assert_eq!(&text.as_str()[p.bytes.clone()], text_of(&text, p));
        }
        assert_eq!(at_or_after(&paragraphs, 14), 1);
        assert!(paragraphs.iter().all(|p| !p.bidi), "no right-to-left text");
    }

    #[test]
    fn paragraphs_with_right_to_left_text_are_marked_for_the_bidi_layout() {
        let text = Text::new(
            "Kurti said
قال كورتي
הוא אמר 2024
Numbers ٣"
                .to_owned(),
        );
        let bidi: Vec<bool> = split(&text).iter().map(|p| p.bidi).collect();
        assert_eq!(bidi, [false, true, true, true]);
        // In a long line, only the chunks that hold right-to-left text.
        let line = format!("{}{}", "word ".repeat(500), "كلمة ".repeat(500));
        let chunks = split(&Text::new(line));
        assert_eq!(chunks.first().map(|p| p.bidi), Some(false));
        assert_eq!(chunks.last().map(|p| p.bidi), Some(true));
    }

    #[test]
    fn a_huge_line_is_cut_into_chunks_at_spaces() {
        let line = "word ".repeat(1_000);
        let text = Text::new(line.clone());
        let paragraphs = split(&text);
        assert!(paragraphs.len() >= 3);
        assert!(paragraphs.iter().all(|p| p.chars.len() <= MAX_CHUNK_CHARS));
        let joined: String = paragraphs.iter().map(|p| text_of(&text, p)).collect();
        assert_eq!(joined, line);
        assert!(
            paragraphs[..paragraphs.len() - 1]
                .iter()
                .all(|p| p.continued)
        );
    }

    #[test]
    fn heights_locate_paragraphs_by_y() {
        let text = Text::new("a\nb\nc".to_owned());
        let paragraphs = split(&text);
        let mut heights = Heights::estimate(&paragraphs, 100.0, 10.0, 20.0, 5.0);
        assert_eq!(heights.total(), 75.0);
        heights.set_exact(0, 50.0);
        heights.refresh();
        assert_eq!(heights.top(1), 50.0);
        assert_eq!(heights.at_y(49.0), Some(0));
        assert_eq!(heights.at_y(50.0), Some(1));
        assert_eq!(heights.at_y(1_000.0), Some(2));
        assert_eq!(heights.at_y(-5.0), Some(0));
    }
}
