//! Where things were drawn last frame: for popups beside the selection, and for tests that click
//! text or check that marks sit on the words they mark.

use egui::{Rect, pos2, vec2};

use super::ArticleView;
use crate::model::CharSpan;

impl ArticleView {
    /// Screen rectangle of the char at `offset` as drawn last frame (a whole row tall), or `None`
    /// when it was not on screen. For popups next to the selection, and for tests that click text.
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        self.placed.iter().find_map(|p| p.char_rect(offset))
    }

    /// Where the count chip ("+N") of the stack of marks on `span` was drawn last frame, if the
    /// span holds more marks than are drawn and was on screen. For tests that hover and click it.
    pub fn stack_count_rect(&self, span: CharSpan) -> Option<Rect> {
        self.tags
            .iter()
            .find(|chip| chip.stack.is_some_and(|(_, s)| s == span))
            .map(|chip| chip.rect)
    }

    /// The screen rectangles a mark on `span` was drawn in last frame, as far as it was on screen:
    /// one per row, or several on a row where right-to-left and left-to-right text meet. For tests
    /// that check marks sit on the words they mark.
    pub fn span_rects(&self, span: CharSpan) -> Vec<Rect> {
        let metrics = self.metrics;
        self.placed
            .iter()
            .filter(|p| p.chars().overlaps(span))
            .flat_map(|p| p.span_boxes(span, metrics))
            .map(|b| b.rect)
            .collect()
    }

    /// Every glyph drawn last frame with the char it draws (a joining form for Arabic, a mirrored
    /// bracket in right-to-left text), in screen coordinates, row by row from left to right: what
    /// the analyst sees, independent of the map from chars to places that the view keeps.
    pub fn drawn_glyphs(&self) -> Vec<(char, Rect)> {
        let mut out = Vec::new();
        for placed in &self.placed {
            for row in &placed.galley.rows {
                for glyph in &row.glyphs {
                    let min = placed.origin + row.pos.to_vec2() + vec2(glyph.pos.x, 0.0);
                    let rect = Rect::from_min_max(
                        pos2(min.x, placed.origin.y + row.min_y()),
                        pos2(min.x + glyph.advance_width, placed.origin.y + row.max_y()),
                    );
                    out.push((glyph.chr, rect));
                }
            }
        }
        out
    }

    /// The chars of the paragraphs on screen last frame.
    pub fn visible_span(&self) -> Option<CharSpan> {
        let first = self.placed.first()?.chars();
        let last = self.placed.last()?.chars();
        Some(first.union(last))
    }
}
