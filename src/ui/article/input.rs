//! Mouse input: drags, double-clicks, shift-clicks and clicks turned into [`ArticleEvent`]s.

use egui::style::ScrollAnimation;
use egui::{CursorIcon, Pos2, Response, Ui, vec2};

use super::geometry::Placed;
use super::marks::MarkIndex;
use super::paint::Chip;
use super::paragraphs::{self, Paragraph};
use super::{ArticleEvent, ArticleInput};
use crate::model::tokens::{snap_to_tokens, tokens};
use crate::model::{AnnotationId, CharSpan};
use unicode_segmentation::UnicodeSegmentation;

/// How fast a drag past the viewport's edge scrolls the article, at most (points per frame).
const AUTOSCROLL_MAX: f32 = 40.0;

/// What the pointer is doing across frames.
#[derive(Debug, Default)]
pub(crate) struct PointerState {
    /// Caret offset where the drag in progress started.
    pub drag_anchor: Option<usize>,
    /// The span the drag in progress selects, already snapped; drawn as the selection.
    pub dragged: Option<CharSpan>,
    pub hovered: Option<AnnotationId>,
}

/// What a pointer position can hit this frame.
pub(crate) struct Pointing<'a, 'i> {
    pub input: &'a ArticleInput<'i>,
    pub paragraphs: &'a [Paragraph],
    pub index: &'a MarkIndex,
    pub placed: &'a [Placed],
    pub tags: &'a [Chip],
}

/// Reads the pointer on the article's response, updates the drag state and pushes events.
pub(crate) fn handle(
    ui: &Ui,
    response: &Response,
    pointing: &Pointing<'_, '_>,
    state: &mut PointerState,
    events: &mut Vec<ArticleEvent>,
) {
    let hover_pos = response.hover_pos();
    let hovered = hover_pos.and_then(|pos| pointing.annotation_at(pos));
    if hovered != state.hovered {
        state.hovered = hovered;
        events.push(ArticleEvent::Hover(hovered));
    }
    if let Some(pos) = hover_pos {
        let on_tag = pointing.tags.iter().any(|chip| chip.rect.contains(pos));
        ui.ctx().set_cursor_icon(if on_tag {
            CursorIcon::PointingHand
        } else {
            CursorIcon::Text
        });
    }

    if response.drag_started() {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        state.drag_anchor = origin.and_then(|pos| pointing.caret_at(pos));
    }
    if response.dragged()
        && let (Some(anchor), Some(pos)) = (state.drag_anchor, response.interact_pointer_pos())
    {
        if let Some(caret) = pointing.caret_at(pos) {
            let span = pointing.snap(CharSpan::new(anchor, caret));
            state.dragged = (!span.is_empty()).then_some(span);
        }
        autoscroll(ui, pos);
    }
    if response.drag_stopped() {
        if let Some(span) = state.dragged.take() {
            events.push(ArticleEvent::Select(span));
        }
        state.drag_anchor = None;
    }

    let Some(pos) = response.interact_pointer_pos() else {
        return;
    };
    if response.double_clicked() {
        if let Some(token) = pointing.char_at(pos).and_then(|c| pointing.token_at(c)) {
            events.push(ArticleEvent::Select(token));
        }
    } else if response.clicked() {
        if ui.input(|i| i.modifiers.shift) {
            if let Some(span) = pointing.extend(pointing.input.selection, pos) {
                events.push(ArticleEvent::Select(span));
            }
        } else if let Some(id) = pointing.annotation_at(pos) {
            events.push(ArticleEvent::ClickAnnotation(id));
        } else if let Some(caret) = pointing.caret_at(pos) {
            events.push(ArticleEvent::ClickText(caret));
        }
    }
}

/// Scrolls while a drag holds the pointer above or below the viewport, faster the further out.
fn autoscroll(ui: &Ui, pos: Pos2) {
    let clip = ui.clip_rect();
    let up = clip.top() - pos.y;
    let down = pos.y - clip.bottom();
    let delta = if up > 0.0 {
        up.min(AUTOSCROLL_MAX)
    } else if down > 0.0 {
        -down.min(AUTOSCROLL_MAX)
    } else {
        return;
    };
    ui.scroll_with_delta_animation(vec2(0.0, delta), ScrollAnimation::none());
    ui.ctx().request_repaint();
}

impl Pointing<'_, '_> {
    /// The caret offset nearest to a screen position: in the paragraph whose box (with half the
    /// gaps around it) contains the position's height; above the first it is the start of the
    /// first visible paragraph, below the last the end of the last.
    pub fn caret_at(&self, pos: Pos2) -> Option<usize> {
        let mut chosen = self.placed.last()?;
        for pair in self.placed.windows(2) {
            let boundary = (pair[0].rect().bottom() + pair[1].rect().top()) / 2.0;
            if pos.y < boundary {
                chosen = &pair[0];
                break;
            }
        }
        Some(chosen.cursor_at(pos))
    }

    /// The char under the pointer, if the pointer is over a glyph.
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        self.placed
            .iter()
            .filter(|p| p.rect().contains(pos))
            .find_map(|p| p.char_at(pos))
    }

    /// The annotation whose tag is under the pointer, else the innermost (shortest) mark under it.
    pub fn annotation_at(&self, pos: Pos2) -> Option<AnnotationId> {
        if let Some(chip) = self.tags.iter().find(|chip| chip.rect.contains(pos)) {
            return Some(chip.annotation);
        }
        let placed = self.placed.iter().find(|p| p.rect().contains(pos))?;
        let offset = placed.char_at(pos)?;
        self.index
            .of_paragraph(placed.index)
            .iter()
            .filter_map(|&i| self.input.marks.get(i as usize))
            .filter(|m| m.span.contains(offset))
            .min_by_key(|m| m.span.len())
            .map(|m| m.annotation)
    }

    /// The token containing a char: from the input's tokens, or by tokenising its paragraph when
    /// the app gave none.
    pub fn token_at(&self, offset: usize) -> Option<CharSpan> {
        let tokens_given = self.input.tokens;
        if !tokens_given.is_empty() {
            let i = tokens_given.partition_point(|t| t.end <= offset);
            return tokens_given.get(i).filter(|t| t.contains(offset)).copied();
        }
        let p = self
            .paragraphs
            .get(paragraphs::at_or_after(self.paragraphs, offset))?;
        let text = self.input.text.as_str().get(p.bytes.clone())?;
        tokens(text)
            .into_iter()
            .map(|t| CharSpan::new(t.start + p.chars.start, t.end + p.chars.start))
            .find(|t| t.contains(offset))
    }

    /// The span grown to whole tokens, unless the analyst asked for char precision; to whole
    /// grapheme clusters either way, so that a selection never splits "é" written as e and a
    /// combining accent, a flag or a family emoji.
    pub fn snap(&self, span: CharSpan) -> CharSpan {
        let span = CharSpan::new(
            self.grapheme_boundary(span.start, false),
            self.grapheme_boundary(span.end, true),
        );
        if self.input.char_precision || self.input.tokens.is_empty() {
            span
        } else {
            snap_to_tokens(self.input.tokens, span)
        }
    }

    /// `offset` if it lies between two grapheme clusters of its paragraph, else the boundary
    /// before it (or after it, `forward`). Linear in the paragraph, which is at most a chunk long.
    fn grapheme_boundary(&self, offset: usize, forward: bool) -> usize {
        let Some(p) = self
            .paragraphs
            .get(paragraphs::at_or_after(self.paragraphs, offset))
            .filter(|p| p.chars.start < offset && offset < p.chars.end)
        else {
            return offset;
        };
        let Some(text) = self.input.text.as_str().get(p.bytes.clone()) else {
            return offset;
        };
        let local = offset - p.chars.start;
        let mut start = 0;
        for cluster in text.graphemes(true) {
            let end = start + cluster.chars().count();
            if local < end {
                let boundary = if local == start || !forward {
                    start
                } else {
                    end
                };
                return p.chars.start + boundary;
            }
            start = end;
        }
        offset
    }

    /// Shift-click: the selection extended to the clicked token (or caret, with char precision),
    /// keeping its far end; the clicked token alone when nothing is selected.
    pub fn extend(&self, selection: Option<CharSpan>, pos: Pos2) -> Option<CharSpan> {
        let caret = self.caret_at(pos)?;
        let target = if self.input.char_precision {
            CharSpan::new(caret, caret)
        } else {
            self.char_at(pos)
                .and_then(|c| self.token_at(c))
                .unwrap_or_else(|| self.snap(CharSpan::new(caret, caret)))
        };
        let extended = match selection {
            None => target,
            Some(sel) if target.end <= sel.start => CharSpan::new(target.start, sel.end),
            Some(sel) => CharSpan::new(sel.start, target.end.max(sel.start)),
        };
        let extended = CharSpan::new(
            self.grapheme_boundary(extended.start, false),
            self.grapheme_boundary(extended.end, true),
        );
        (!extended.is_empty()).then_some(extended)
    }
}
