//! Where chars are on screen: the paragraphs laid out this frame, and conversions between screen
//! positions and document char offsets.
//!
//! A left-to-right paragraph's galley holds exactly one glyph per char (epaint adds zero-width
//! continuation glyphs inside clusters such as 🇽🇰), so glyph `i` of the galley is char
//! `first_char + i` of the document. A paragraph with right-to-left text is laid out in visual
//! order instead and carries its own map ([`VisualParagraph`]); every conversion here goes through
//! it for such a paragraph and takes the plain path for the others.

use std::sync::Arc;

use egui::{Galley, Pos2, Rect, pos2};

use super::visual::VisualParagraph;
use crate::model::CharSpan;

/// Vertical metrics of a row, in points: rows are `line_height` tall and the text box, `font_height`
/// tall, is centred in them (epaint centres text in an explicit line height). Tags use the space
/// above the text box, stacked underlines the space below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RowMetrics {
    pub line_height: f32,
    pub font_height: f32,
}

impl RowMetrics {
    /// Offset of the text box's top from the row's top.
    pub fn text_top(&self) -> f32 {
        ((self.line_height - self.font_height) / 2.0).max(0.0)
    }
}

/// A paragraph laid out this frame, and where it is on screen.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    /// Index in the paragraph list.
    pub index: usize,
    /// Document char offset of the galley's first char.
    pub first_char: usize,
    /// Screen position of the galley's origin: its top-left corner, or its top-right one for a
    /// right-to-left paragraph (whose galley is right-aligned).
    pub origin: Pos2,
    pub galley: Arc<Galley>,
    /// The visual-order layout and its map, for a paragraph with right-to-left text (then `galley`
    /// is its galley).
    pub visual: Option<Arc<VisualParagraph>>,
}

/// One row's piece of a span: the text box in screen coordinates, and whether the span starts or
/// ends on this row (where a tag goes, where a box is closed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SpanBox {
    pub rect: Rect,
    pub row: usize,
    pub starts: bool,
    pub ends: bool,
    /// The span's first char runs right to left: its tag goes at the right end of the box.
    pub rtl: bool,
}

impl Placed {
    pub fn char_count(&self) -> usize {
        match &self.visual {
            Some(visual) => visual.char_count,
            None => self.galley.rows.iter().map(|r| r.glyphs.len()).sum(),
        }
    }

    /// Document char range of the galley.
    pub fn chars(&self) -> CharSpan {
        CharSpan::new(self.first_char, self.first_char + self.char_count())
    }

    /// Screen rectangle of the whole galley.
    pub fn rect(&self) -> Rect {
        self.galley.rect.translate(self.origin.to_vec2())
    }

    /// The text boxes covering the part of `span` (document offsets) in this paragraph, one per row.
    pub fn span_boxes(&self, span: CharSpan, metrics: RowMetrics) -> Vec<SpanBox> {
        let mut out = Vec::new();
        let local_start = span.start.saturating_sub(self.first_char);
        let local_end = span.end.saturating_sub(self.first_char);
        if local_end == 0 {
            return out;
        }
        if let Some(visual) = &self.visual {
            for piece in visual.pieces(local_start..local_end) {
                let Some(row_top) = visual.row_top(piece.row) else {
                    continue;
                };
                let top = row_top + metrics.text_top();
                let rect = Rect::from_min_max(
                    pos2(piece.x.start, top),
                    pos2(
                        piece.x.end.max(piece.x.start + 1.0),
                        top + metrics.font_height,
                    ),
                );
                out.push(SpanBox {
                    rect: rect.translate(self.origin.to_vec2()),
                    row: piece.row,
                    starts: piece.starts,
                    ends: piece.ends,
                    rtl: piece.rtl,
                });
            }
            return out;
        }
        let mut row_start = 0;
        for (row_index, row) in self.galley.rows.iter().enumerate() {
            let row_len = row.glyphs.len();
            let row_end = row_start + row_len;
            if local_start < row_end && local_end > row_start {
                let from = local_start.max(row_start) - row_start;
                let to = local_end.min(row_end) - row_start;
                let x0 = row.pos.x + row.x_offset(from.into());
                let x1 = row.pos.x + row.x_offset(to.into());
                let top = row.pos.y + metrics.text_top();
                let rect = Rect::from_min_max(
                    pos2(x0, top),
                    pos2(x1.max(x0 + 1.0), top + metrics.font_height),
                );
                out.push(SpanBox {
                    rect: rect.translate(self.origin.to_vec2()),
                    row: row_index,
                    starts: span.start >= self.first_char + row_start,
                    ends: span.end <= self.first_char + row_end,
                    rtl: false,
                });
            }
            if row_end >= local_end {
                break;
            }
            row_start = row_end;
        }
        out
    }

    /// The caret position (document offset, between chars) nearest to a screen position. Above the
    /// paragraph gives its start, below it its end.
    pub fn cursor_at(&self, pos: Pos2) -> usize {
        let local = pos - self.origin;
        if let Some(visual) = &self.visual {
            return self.first_char + visual.cursor_at(local.to_pos2());
        }
        self.first_char + self.galley.cursor_from_pos(local).index.0
    }

    /// The char (document offset) whose glyph box contains the screen position, if any: a click in
    /// the margin or past the end of a row hits no char.
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        let local = pos - self.origin;
        if let Some(visual) = &self.visual {
            return visual.char_at(local.to_pos2()).map(|c| self.first_char + c);
        }
        let mut row_start = 0;
        for row in &self.galley.rows {
            let row_len = row.glyphs.len();
            if local.y >= row.min_y() && local.y < row.max_y() {
                let x = local.x - row.pos.x;
                let column = row
                    .glyphs
                    .iter()
                    .position(|g| x >= g.pos.x && x < g.max_x())?;
                return Some(self.first_char + row_start + column);
            }
            row_start += row_len;
        }
        None
    }

    /// The screen rectangle of one char's box (a whole row tall), if it is in this paragraph. In a
    /// paragraph with right-to-left text, the box of its whole grapheme cluster.
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        let local = offset.checked_sub(self.first_char)?;
        if let Some(visual) = &self.visual {
            let (row, x) = visual.char_box(local)?;
            let (top, bottom) = visual.row_span(row)?;
            let rect = Rect::from_min_max(pos2(x.start, top), pos2(x.end, bottom));
            return Some(rect.translate(self.origin.to_vec2()));
        }
        let mut row_start = 0;
        for row in &self.galley.rows {
            let row_len = row.glyphs.len();
            if local < row_start + row_len {
                let glyph = row.glyphs.get(local - row_start)?;
                let min = pos2(row.pos.x + glyph.pos.x, row.min_y());
                let rect = Rect::from_min_max(min, pos2(min.x + glyph.advance_width, row.max_y()));
                return Some(rect.translate(self.origin.to_vec2()));
            }
            row_start += row_len;
        }
        None
    }
}
