//! [`ArticleView`]: the view state and the frame: sync with the input, lay out what is visible,
//! handle the pointer, paint.

use std::collections::HashMap;
use std::sync::Arc;

use egui::style::ScrollAnimation;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    AsIdSalt, Color32, FontId, Galley, IdSalt, Margin, Pos2, Rect, Role, ScrollArea, Sense,
    TextFormat, Ui, WidgetInfo, pos2, scroll_area::ScrollSource, vec2,
};

use super::geometry::{Placed, RowMetrics};
use super::input::{self, PointerState, Pointing};
use super::marks::{self, MarkIndex};
use super::paint::{self, Chip, LinkLine, Scene};
use super::paragraphs::{self, Heights, Paragraph, TextKey};
use super::visual::{GlyphCounts, VisualParagraph};

mod drawn;
mod map;
use super::{ArticleEvent, ArticleInput, ArticleStyle, MarkKind};
use crate::model::AnnotationId;

/// A paragraph laid out this frame: its index, its top in content coordinates, its galley, and
/// its visual-order map when it holds right-to-left text.
type Laid = (usize, f32, Arc<Galley>, Option<Arc<VisualParagraph>>);

/// The article map's width, and how many screens long an article must be to get one.
const MAP_WIDTH: f32 = 10.0;
const MAP_MIN_SCREENS: f32 = 3.0;

/// How many labels a stack's count lists on hover.
const STACK_LABELS_LISTED: usize = 12;

/// A sentence with the letter frequencies of prose, for estimating the width of unseen text.
const SAMPLE: &str =
    "The talks in Brussels ended without an agreement, officials said on Thursday.";

/// The article view's state. One per article panel; keep it across frames.
///
/// Invariants: `paragraphs` belong to the text identified by `text_key`; `index` to those
/// paragraphs and the marks identified by `marks_key`; `heights` to those paragraphs laid out as
/// `layout_key` says.
#[derive(Debug)]
pub struct ArticleView {
    id: IdSalt,
    /// How the article looks; change it freely, the view re-measures on the next frame.
    pub style: ArticleStyle,
    text_key: Option<TextKey>,
    paragraphs: Vec<Paragraph>,
    marks_key: Option<(u64, usize, usize)>,
    index: MarkIndex,
    layout_key: Option<LayoutKey>,
    heights: Heights,
    /// A paragraph visible last frame and its top then, in content coordinates: kept still on
    /// screen when heights above it change (estimates replaced, width changed).
    anchor: Option<(usize, f32)>,
    pending_scroll: Option<usize>,
    /// Page Up/Down, Home or End, carried out on the next frame.
    pending_page: Option<Page>,
    /// A scroll offset asked for by a click on the article map, applied next frame.
    pending_offset: Option<f32>,
    /// The part of the content shown last frame, in content coordinates.
    content_viewport: Rect,
    /// The paragraphs on screen last frame, for hit tests and [`ArticleView::char_rect`].
    placed: Vec<Placed>,
    viewport: Rect,
    pointer: PointerState,
    /// Tag chips drawn last frame: clicking one selects its annotation.
    tags: Vec<Chip>,
    links: Option<LinkCache>,
    /// Paragraphs with right-to-left text laid out in visual order, by paragraph index: those on
    /// screen last frame. Valid for `layout_key`, like `heights`.
    visual: HashMap<usize, Arc<VisualParagraph>>,
    glyph_counts: GlyphCounts,
    /// Row metrics of last frame.
    metrics: RowMetrics,
}

#[derive(Clone, Debug, PartialEq)]
struct LayoutKey {
    text: TextKey,
    column_width: f32,
    pixels_per_point: f32,
    style: ArticleStyle,
}

#[derive(Debug)]
struct LinkCache {
    key: (AnnotationId, u64, usize, usize),
    lines: Vec<LinkLine>,
}

/// Where Page Up/Down, Home and End take the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Up,
    Down,
    Start,
    End,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self::new("gloss-article")
    }
}

impl ArticleView {
    /// A view whose scroll state lives under `id_salt` (give two article panels different salts).
    pub fn new(id_salt: impl AsIdSalt) -> Self {
        Self {
            id: IdSalt::new(id_salt),
            style: ArticleStyle::default(),
            text_key: None,
            paragraphs: Vec::new(),
            marks_key: None,
            index: MarkIndex::default(),
            layout_key: None,
            heights: Heights::default(),
            pending_offset: None,
            anchor: None,
            pending_scroll: None,
            pending_page: None,
            content_viewport: Rect::NOTHING,
            placed: Vec::new(),
            viewport: Rect::NOTHING,
            pointer: PointerState::default(),
            tags: Vec::new(),
            links: None,
            visual: HashMap::new(),
            glyph_counts: GlyphCounts::new(),
            metrics: RowMetrics {
                line_height: 0.0,
                font_height: 0.0,
            },
        }
    }

    /// Shows the article in all the space `ui` offers and returns what the analyst did.
    pub fn show(&mut self, ui: &mut Ui, input: &ArticleInput<'_>) -> Vec<ArticleEvent> {
        self.sync(input);
        if let Some(offset) = input.scroll_to {
            self.pending_scroll = Some(offset);
        }
        let mut area = ScrollArea::vertical()
            .id_salt(self.id)
            .auto_shrink(false)
            .content_margin(Margin::ZERO)
            // Dragging selects text; it must not scroll.
            .scroll_source(ScrollSource::SCROLL_BAR | ScrollSource::MOUSE_WHEEL);
        if let Some(offset) = self.pending_scroll
            && self.layout_key.is_some()
        {
            self.pending_scroll = None;
            if let Some(y) = self.scroll_target(offset) {
                area = area.vertical_scroll_offset(y);
                self.anchor = None;
            }
        }
        if let Some(page) = self.pending_page.take()
            && self.layout_key.is_some()
        {
            area = area.vertical_scroll_offset(self.page_target(page));
            self.anchor = None;
        }
        if let Some(offset) = self.pending_offset.take()
            && self.layout_key.is_some()
        {
            area = area.vertical_scroll_offset(offset);
            self.anchor = None;
        }
        let mut events = Vec::new();
        // A long article gets a map of where its annotations are, beside the scroll bar.
        let full = ui.available_rect_before_wrap();
        let long = self.heights.total() > MAP_MIN_SCREENS * full.height().max(1.0);
        let article_rect = if long {
            Rect::from_min_max(full.min, pos2(full.max.x - MAP_WIDTH - 2.0, full.max.y))
        } else {
            full
        };
        let output = ui
            .scope_builder(egui::UiBuilder::new().max_rect(article_rect), |ui| {
                area.show_viewport(ui, |ui, viewport| {
                    self.content_viewport = viewport;
                    self.frame(ui, viewport, input, &mut events);
                })
            })
            .inner;
        self.viewport = output.inner_rect;
        if long {
            let map = Rect::from_min_max(pos2(full.max.x - MAP_WIDTH, full.min.y), full.max);
            self.map(ui, map, input);
        }
        events
    }

    /// Scrolls by a screen (less a line, so the last line read stays in view) or to either end, on
    /// the next frame.
    pub fn page(&mut self, page: Page) {
        self.pending_page = Some(page);
    }

    /// The scroll offset `page` goes to from where the article was shown last frame.
    fn page_target(&self, page: Page) -> f32 {
        let top = self.content_viewport.min.y.max(0.0);
        let line = self.style.font_size * self.style.line_spacing;
        let step = (self.content_viewport.height() - line).max(1.0);
        let total = self.heights.top(self.paragraphs.len());
        let bottom = (total - self.content_viewport.height()).max(0.0);
        match page {
            Page::Down => (top + step).min(bottom),
            Page::Up => (top - step).max(0.0),
            Page::Start => 0.0,
            Page::End => bottom,
        }
    }

    /// Re-splits the text and re-indexes the marks when they changed.
    fn sync(&mut self, input: &ArticleInput<'_>) {
        let text_key = TextKey::of(input.text);
        if self.text_key != Some(text_key) {
            self.text_key = Some(text_key);
            self.paragraphs = paragraphs::split(input.text);
            self.marks_key = None;
            self.layout_key = None;
            self.anchor = None;
            self.placed.clear();
            self.tags.clear();
            self.pointer = PointerState::default();
        }
        let marks_key = (
            input.marks_revision,
            input.marks.as_ptr() as usize,
            input.marks.len(),
        );
        if self.marks_key != Some(marks_key) {
            self.marks_key = Some(marks_key);
            self.index = MarkIndex::build(&self.paragraphs, input.marks, input.text.char_len());
            self.links = None;
        }
    }

    /// The scroll offset that brings `offset` into view, or `None` when it is visible already.
    fn scroll_target(&self, offset: usize) -> Option<f32> {
        if let Some(rect) = self.char_rect(offset)
            && self.viewport.contains_rect(rect)
        {
            return None;
        }
        let p = paragraphs::at_or_after(&self.paragraphs, offset)
            .min(self.paragraphs.len().checked_sub(1)?);
        let y = self.heights.top(p);
        Some((y - self.viewport.height().max(0.0) / 3.0).max(0.0))
    }

    fn frame(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        input: &ArticleInput<'_>,
        events: &mut Vec<ArticleEvent>,
    ) {
        let style = self.style.clone();
        let font_id = FontId::proportional(style.font_size);
        let line_height = (style.font_size * style.line_spacing).round();
        let font_height = ui.fonts_mut(|f| f.row_height(&font_id));
        let metrics = RowMetrics {
            line_height,
            font_height,
        };
        self.metrics = metrics;
        let width = ui.available_width();
        let column_width = (width - 2.0 * style.margin)
            .min(style.max_width_em * style.font_size)
            .max(4.0 * style.font_size)
            .floor();
        let column_left = ((width - column_width) / 2.0).max(style.margin).floor();
        self.ensure_heights(ui, &font_id, column_width, line_height);

        let (laid, shift) =
            self.lay_out_visible(ui, viewport, input, &font_id, metrics, column_width);
        let content_origin = ui.max_rect().min;
        let total = self.heights.total().max(viewport.height());
        let (_, response) = ui.allocate_exact_size(vec2(width, total), Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(Role::Article, true, "Article"));
        if shift.abs() > 0.0 {
            ui.scroll_with_delta_animation(vec2(0.0, -shift), ScrollAnimation::none());
        }

        let origin = content_origin + vec2(column_left, -shift);
        self.placed = laid
            .into_iter()
            .map(|(index, top, galley, visual)| {
                // A right-to-left paragraph's galley is right-aligned around its origin.
                let right = if visual.as_ref().is_some_and(|v| v.rtl) {
                    column_width
                } else {
                    0.0
                };
                Placed {
                    index,
                    first_char: self.paragraphs[index].chars.start,
                    origin: origin + vec2(right, top),
                    galley,
                    visual,
                }
            })
            .collect();
        if !self.visual.is_empty() {
            let placed = &self.placed;
            self.visual
                .retain(|index, _| placed.iter().any(|p| p.index == *index));
        }
        self.anchor = self
            .placed
            .iter()
            .find(|p| p.origin.y >= ui.clip_rect().top())
            .or(self.placed.first())
            .map(|p| (p.index, self.heights.top(p.index)));

        input::handle(
            ui,
            &response,
            &Pointing {
                input,
                paragraphs: &self.paragraphs,
                index: &self.index,
                placed: &self.placed,
                tags: &self.tags,
            },
            &mut self.pointer,
            events,
        );

        let links = self.link_lines(input);
        let scene = Scene {
            painter: ui.painter(),
            visuals: ui.visuals(),
            metrics,
            style: &style,
            marks: input.marks,
            index: &self.index,
            input,
            selection: self.pointer.dragged.or(input.selection),
            hovered: self.pointer.hovered,
            column_left: origin.x,
            column_right: origin.x + column_width,
            links: &links,
        };
        self.tags.clear();
        for placed in &self.placed {
            paint::paragraph(&scene, placed, &mut self.tags);
        }
        let paragraphs = &self.paragraphs;
        let heights = &self.heights;
        let locate = |mark: usize| -> Option<Pos2> {
            let span = input.marks.get(mark)?.span;
            if let Some(placed) = self.placed.iter().find(|p| p.chars().contains(span.start))
                && let Some(first) = placed.span_boxes(span, metrics).first()
            {
                return Some(first.rect.center_top());
            }
            // Off screen: point at where the paragraph would be, so the curve leaves the viewport
            // in the right direction.
            let p = paragraphs::at_or_after(paragraphs, span.start)
                .min(paragraphs.len().checked_sub(1)?);
            Some(pos2(
                origin.x + column_width / 2.0,
                origin.y + heights.top(p),
            ))
        };
        paint::links(&scene, &links, &self.tags, &locate);

        // A stack's count lists what it holds while the pointer is on it.
        if let Some(pos) = response.hover_pos()
            && let Some((p, span)) = self
                .tags
                .iter()
                .find(|chip| chip.rect.contains(pos))
                .and_then(|chip| chip.stack)
        {
            let labels = super::marks::stack_labels(input.marks, self.index.of_paragraph(p), span);
            let total: usize = labels.iter().map(|(_, n)| n).sum();
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(format!("{total} annotations on this span"));
                for (label, n) in labels.iter().take(STACK_LABELS_LISTED) {
                    ui.label(format!("{label}: {n}"));
                }
                if labels.len() > STACK_LABELS_LISTED {
                    ui.label(format!(
                        "and {} more labels",
                        labels.len() - STACK_LABELS_LISTED
                    ));
                }
                ui.weak("Click the count to select the first one not drawn.");
            });
        }
    }

    /// Re-estimates every paragraph's height when the column width, the style, the pixel density or
    /// the text changed. O(paragraphs), on such changes only.
    fn ensure_heights(&mut self, ui: &Ui, font_id: &FontId, column_width: f32, line_height: f32) {
        let key = LayoutKey {
            text: self.text_key.unwrap_or_default(),
            column_width,
            pixels_per_point: ui.ctx().pixels_per_point(),
            style: self.style.clone(),
        };
        if self.layout_key.as_ref() == Some(&key) {
            return;
        }
        self.visual.clear();
        self.glyph_counts.clear();
        let sample = ui.fonts_mut(|f| {
            f.layout_job(LayoutJob::simple_singleline(
                SAMPLE.to_owned(),
                font_id.clone(),
                Color32::PLACEHOLDER,
            ))
        });
        let char_width = sample.rect.width() / SAMPLE.len() as f32;
        self.heights = Heights::estimate(
            &self.paragraphs,
            column_width,
            char_width,
            line_height,
            self.style.paragraph_spacing * self.style.font_size,
        );
        self.layout_key = Some(key);
    }

    /// Lays out the paragraphs in the viewport and records their exact heights. Returns them with
    /// their tops (content coordinates) and the shift that keeps last frame's anchor paragraph where
    /// it was on screen, which the caller applies to the scroll offset.
    fn lay_out_visible(
        &mut self,
        ui: &Ui,
        viewport: Rect,
        input: &ArticleInput<'_>,
        font_id: &FontId,
        metrics: RowMetrics,
        column_width: f32,
    ) -> (Vec<Laid>, f32) {
        // Only an anchor that would still be on or near the screen counts: after a jump with the
        // scroll bar the analyst reads somewhere else, and the old anchor must not pull the view.
        let anchor = self
            .anchor
            .filter(|&(_, top)| top >= viewport.min.y - viewport.height() && top <= viewport.max.y);
        let mut shift = 0.0;
        let mut laid = Vec::new();
        // Laying out replaces estimates with exact heights, which moves the anchor again; each
        // pass lays out what the last one revealed, so this settles in two passes in practice.
        for _ in 0..4 {
            if let Some((index, top)) = anchor {
                shift = self.heights.top(index) - top;
            }
            let visible = viewport.translate(vec2(0.0, shift));
            laid = self.lay_out_range(ui, visible, input, font_id, metrics, column_width);
            self.heights.refresh();
            match anchor {
                Some((index, top)) if (self.heights.top(index) - top - shift).abs() >= 0.5 => {}
                _ => break,
            }
        }
        (laid, shift)
    }

    fn lay_out_range(
        &mut self,
        ui: &Ui,
        visible: Rect,
        input: &ArticleInput<'_>,
        font_id: &FontId,
        metrics: RowMetrics,
        column_width: f32,
    ) -> Vec<Laid> {
        let mut laid = Vec::new();
        let Some(first) = self.heights.at_y(visible.min.y) else {
            return laid;
        };
        let spacing = self.style.paragraph_spacing * self.style.font_size;
        let text = input.text.as_str();
        let mut y = self.heights.top(first);
        ui.fonts_mut(|fonts| {
            for (index, paragraph) in self.paragraphs.iter().enumerate().skip(first) {
                if y >= visible.max.y {
                    break;
                }
                let Some(string) = text.get(paragraph.bytes.clone()) else {
                    continue;
                };
                let format = TextFormat {
                    font_id: font_id.clone(),
                    // Coloured at paint time, so a theme switch lays out nothing.
                    color: Color32::PLACEHOLDER,
                    line_height: Some(metrics.line_height),
                    ..Default::default()
                };
                let (galley, visual) = if paragraph.bidi {
                    let visual = self
                        .visual
                        .entry(index)
                        .or_insert_with(|| {
                            Arc::new(VisualParagraph::lay_out(
                                fonts,
                                string,
                                &format,
                                column_width,
                                super::bidi::Direction::Auto,
                                &mut self.glyph_counts,
                            ))
                        })
                        .clone();
                    (visual.galley.clone(), Some(visual))
                } else {
                    let mut job = LayoutJob::single_section(string.to_owned(), format);
                    job.wrap = TextWrapping::wrap_at_width(column_width);
                    (fonts.layout_job(job), None)
                };
                let height = galley.rect.height() + if paragraph.continued { 0.0 } else { spacing };
                self.heights.set_exact(index, height);
                laid.push((index, y, galley, visual));
                y += height;
            }
        });
        laid
    }

    /// The link curves for the selected annotation, recomputed when the selection or the marks
    /// change (finding a link's ends scans the marks once).
    fn link_lines(&mut self, input: &ArticleInput<'_>) -> Vec<LinkLine> {
        let Some(selected) = input.selected_annotation else {
            return Vec::new();
        };
        let key = (
            selected,
            input.marks_revision,
            input.links.as_ptr() as usize,
            input.links.len(),
        );
        if let Some(cache) = &self.links
            && cache.key == key
        {
            return cache.lines.clone();
        }
        let mut lines = Vec::new();
        for link in input.links {
            if link.from != selected && link.to != selected {
                continue;
            }
            if let (Some(from), Some(to)) = (
                marks::anchor_of(input.marks, link.from),
                marks::anchor_of(input.marks, link.to),
            ) {
                lines.push(LinkLine {
                    from,
                    to,
                    role: link.role.clone(),
                });
            }
        }
        // A quote's own cue and plain-span speaker hang off its content, the further parts of a
        // mention in pieces off its first part: each draws as one annotation.
        if let Some(first) = marks::anchor_of(input.marks, selected) {
            let first_kind = input.marks[first].kind;
            for (i, mark) in input.marks.iter().enumerate() {
                let hangs = match first_kind {
                    MarkKind::QuoteContent => {
                        matches!(mark.kind, MarkKind::QuoteSpeaker | MarkKind::QuoteCue)
                    }
                    MarkKind::Entity => i != first && mark.kind == MarkKind::Entity,
                    _ => false,
                };
                if mark.annotation == selected && hangs {
                    // No role: the mark's own tag already says "cue" or "speaker".
                    lines.push(LinkLine {
                        from: first,
                        to: i,
                        role: Arc::from(""),
                    });
                }
            }
        }
        self.links = Some(LinkCache {
            key,
            lines: lines.clone(),
        });
        lines
    }
}
