//! Painting one laid-out paragraph with its marks, and the link curves of the selected annotation.
//!
//! Marks are shapes over and under an uncoloured galley, never part of the text layout: that is
//! what lets an edit repaint without laying out text again.

use std::sync::Arc;

use egui::epaint::CubicBezierShape;
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Visuals, pos2, vec2};

use super::colors::{body_text, ink, text_on, tint};
use super::geometry::{Placed, RowMetrics, SpanBox};
use super::marks::{self, MarkIndex};
use super::{ArticleInput, ArticleStyle, Mark, MarkKind};
use crate::model::{AnnotationId, CharSpan};

/// Vertical distance between stacked underlines, and their width.
const UNDERLINE_STEP: f32 = 3.0;
const UNDERLINE_WIDTH: f32 = 1.5;
/// Tag text size relative to the body text.
const TAG_SCALE: f32 = 0.68;
/// Find hits: amber, readable under black and white text once tinted.
const FIND_COLOR: Color32 = Color32::from_rgb(0xff, 0xb0, 0x00);

/// A link curve between two marks (indices into the marks slice).
#[derive(Clone, Debug)]
pub(crate) struct LinkLine {
    pub from: usize,
    pub to: usize,
    pub role: Arc<str>,
}

/// What painting a frame needs besides the paragraph.
pub(crate) struct Scene<'a, 'i> {
    pub painter: &'a Painter,
    pub visuals: &'a Visuals,
    pub metrics: RowMetrics,
    pub style: &'a ArticleStyle,
    pub marks: &'a [Mark],
    pub index: &'a MarkIndex,
    pub input: &'a ArticleInput<'i>,
    /// The drag in progress, else the app's selection.
    pub selection: Option<CharSpan>,
    pub hovered: Option<AnnotationId>,
    /// Screen x of the column's edges: quote bars go left of it, or right of it beside a
    /// right-to-left paragraph.
    pub column_left: f32,
    pub column_right: f32,
    pub links: &'a [LinkLine],
}

/// A tag chip as drawn: clicking it selects its annotation, and link curves run between chips.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Chip {
    pub rect: Rect,
    pub annotation: AnnotationId,
    /// Index of the mark it labels.
    pub mark: usize,
    /// A link's role on its target, rather than the mark's own label.
    pub role: bool,
    /// A stack's count ("+N"): its paragraph and span, whose labels the chip lists on hover.
    pub stack: Option<(usize, CharSpan)>,
}

struct Tag<'s> {
    row: usize,
    /// Where the chip starts: its left edge, or its right edge for a right-to-left span.
    x: f32,
    from_right: bool,
    text_top: f32,
    text: std::borrow::Cow<'s, str>,
    color: Color32,
    annotation: AnnotationId,
    mark: usize,
    role: bool,
    stack: Option<CharSpan>,
    /// Outlined (a role, a suggestion) rather than filled (a label).
    outlined: bool,
}

/// Paints a paragraph: tints, find hits and selection under the text, then the text, then
/// underlines, boxes, quote bars and tags. Pushes the screen rectangle of every tag drawn.
pub(crate) fn paragraph(scene: &Scene<'_, '_>, placed: &Placed, chips: &mut Vec<Chip>) {
    let painter = scene.painter;
    let visuals = scene.visuals;
    let metrics = scene.metrics;
    let chars = placed.chars();
    let selected = scene.input.selected_annotation;
    // Stacks of marks on one span are drawn as three and a count.
    let (shown, stacks) = marks::collapse(
        scene.marks,
        scene.index.of_paragraph(placed.index),
        selected,
    );
    let here = &shown[..];

    for &i in here {
        let mark = &scene.marks[i as usize];
        let strength = match mark.kind {
            MarkKind::Entity => 1.0,
            MarkKind::QuoteContent => 0.45,
            MarkKind::QuoteCue | MarkKind::QuoteSpeaker | MarkKind::Suggestion => 0.6,
            MarkKind::Trigger => 0.8,
        } * if selected == Some(mark.annotation) {
            2.2
        } else {
            1.0
        };
        let fill = tint(mark.color, visuals, strength);
        for b in placed.span_boxes(mark.span, metrics) {
            painter.rect_filled(b.rect, 2.0, fill);
        }
    }
    let hits = scene.input.find_hits;
    let first_hit = hits.partition_point(|h| h.end <= chars.start);
    for hit in hits[first_hit..].iter().take_while(|h| h.start < chars.end) {
        let current = scene.input.current_find_hit == Some(*hit);
        let fill = tint(FIND_COLOR, visuals, if current { 2.2 } else { 1.4 });
        for b in placed.span_boxes(*hit, metrics) {
            painter.rect_filled(b.rect, 2.0, fill);
            if current {
                painter.rect_stroke(
                    b.rect,
                    2.0,
                    Stroke::new(1.5, ink(FIND_COLOR, visuals)),
                    egui::StrokeKind::Outside,
                );
            }
        }
    }
    if let Some(selection) = scene.selection
        && selection.overlaps(chars)
    {
        let fill = visuals.selection.bg_fill.gamma_multiply(0.7);
        for b in placed.span_boxes(selection, metrics) {
            painter.rect_filled(b.rect, 0.0, fill);
        }
    }

    painter.galley(placed.origin, placed.galley.clone(), body_text(visuals));

    for (i, level) in marks::levels(scene.marks, here) {
        let mark = &scene.marks[i as usize];
        let color = ink(mark.color, visuals);
        let width = if selected == Some(mark.annotation) {
            UNDERLINE_WIDTH + 1.0
        } else {
            UNDERLINE_WIDTH
        };
        let dashed = mark.kind != MarkKind::Entity;
        for b in placed.span_boxes(mark.span, metrics) {
            let y = b.rect.bottom() + 1.0 + f32::from(level) * UNDERLINE_STEP;
            let ends = [pos2(b.rect.left() + 1.0, y), pos2(b.rect.right() - 1.0, y)];
            let stroke = Stroke::new(width, color);
            if dashed {
                painter.extend(Shape::dashed_line(&ends, stroke, 4.0, 3.0));
            } else {
                painter.line_segment(ends, stroke);
            }
        }
    }

    let mut quote_level = 0.0;
    for &i in here {
        let mark = &scene.marks[i as usize];
        let color = ink(mark.color, visuals);
        let boxes = placed.span_boxes(mark.span, metrics);
        match mark.kind {
            MarkKind::Trigger | MarkKind::QuoteSpeaker => {
                let stroke = Stroke::new(1.5, color);
                for b in &boxes {
                    painter.rect_stroke(b.rect, 2.0, stroke, egui::StrokeKind::Outside);
                }
            }
            MarkKind::Suggestion => {
                for b in &boxes {
                    outline_dashed(painter, b.rect, Stroke::new(1.0, color));
                }
            }
            MarkKind::QuoteContent => {
                // Bars of nested or neighbouring quotes step outwards so that each stays visible,
                // in the margin where the paragraph's lines begin.
                let step = 8.0 + 5.0 * quote_level;
                let x = if placed.visual.as_ref().is_some_and(|v| v.rtl) {
                    scene.column_right + step
                } else {
                    scene.column_left - step
                };
                quote_level = (quote_level + 1.0) % 3.0;
                let width = if selected == Some(mark.annotation) {
                    4.0
                } else {
                    3.0
                };
                for b in &boxes {
                    let top = b.rect.top() - metrics.text_top();
                    painter.line_segment(
                        [pos2(x, top), pos2(x, top + metrics.line_height)],
                        Stroke::new(width, color),
                    );
                }
            }
            MarkKind::Entity | MarkKind::QuoteCue => {}
        }
        if selected == Some(mark.annotation) && mark.kind != MarkKind::QuoteContent {
            for b in &boxes {
                painter.rect_stroke(
                    b.rect.expand(1.0),
                    2.0,
                    Stroke::new(2.0, color),
                    egui::StrokeKind::Outside,
                );
            }
        } else if scene.hovered == Some(mark.annotation) {
            let stroke = Stroke::new(1.0, visuals.text_color().gamma_multiply(0.6));
            for b in &boxes {
                painter.rect_stroke(b.rect, 2.0, stroke, egui::StrokeKind::Outside);
            }
        }
    }

    if scene.style.show_tags {
        let tags = collect_tags(scene, placed, here, &stacks);
        paint_tags(scene, tags, chips, placed.index);
    }
}

/// The tags that start in this paragraph: each mark's label, and the roles of the selected
/// annotation's links on their targets. Ordered by row, then left to right, outer spans first.
fn collect_tags<'s>(
    scene: &Scene<'s, '_>,
    placed: &Placed,
    here: &[u32],
    stacks: &[marks::Stack],
) -> Vec<Tag<'s>> {
    let chars = placed.chars();
    let mut tags = Vec::new();
    let mut push = |index: usize,
                    text: std::borrow::Cow<'s, str>,
                    color: Color32,
                    role: bool,
                    stack: Option<CharSpan>,
                    boxes: &[SpanBox]| {
        let mark = &scene.marks[index];
        if let Some(first) = boxes.iter().find(|b| b.starts) {
            tags.push(Tag {
                row: first.row,
                x: if first.rtl {
                    first.rect.right()
                } else {
                    first.rect.left()
                },
                from_right: first.rtl,
                text_top: first.rect.top(),
                text,
                color,
                annotation: mark.annotation,
                mark: index,
                role,
                stack,
                outlined: role || stack.is_some() || mark.kind == MarkKind::Suggestion,
            });
        }
    };
    for &i in here {
        let mark = &scene.marks[i as usize];
        if mark.tag.is_empty() || !chars.contains(mark.span.start) {
            continue;
        }
        let boxes = placed.span_boxes(mark.span, scene.metrics);
        push(
            i as usize,
            mark.tag.as_ref().into(),
            mark.color,
            false,
            None,
            &boxes,
        );
    }
    // After the stack's own tags (the sort below keeps the order of equal places).
    for stack in stacks {
        if !chars.contains(stack.span.start) {
            continue;
        }
        let mark = &scene.marks[stack.first_hidden as usize];
        let boxes = placed.span_boxes(stack.span, scene.metrics);
        let text = format!("+{}", stack.hidden);
        push(
            stack.first_hidden as usize,
            text.into(),
            mark.color,
            false,
            Some(stack.span),
            &boxes,
        );
    }
    for line in scene.links {
        let (Some(target), Some(source)) = (scene.marks.get(line.to), scene.marks.get(line.from))
        else {
            continue;
        };
        if line.role.is_empty() || !chars.contains(target.span.start) {
            continue;
        }
        let boxes = placed.span_boxes(target.span, scene.metrics);
        push(
            line.to,
            line.role.as_ref().into(),
            source.color,
            true,
            None,
            &boxes,
        );
    }
    tags.sort_by(|a, b| {
        (a.row, a.x)
            .partial_cmp(&(b.row, b.x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    tags
}

/// Paints tag chips above the text, pushing each right past the previous one on its row so that
/// tags of spans starting at the same place stay legible.
fn paint_tags(scene: &Scene<'_, '_>, tags: Vec<Tag<'_>>, chips: &mut Vec<Chip>, paragraph: usize) {
    let painter = scene.painter;
    let font = FontId::proportional((scene.style.font_size * TAG_SCALE).round());
    let mut row = usize::MAX;
    let mut right = f32::NEG_INFINITY;
    for tag in tags {
        if tag.row != row {
            row = tag.row;
            right = f32::NEG_INFINITY;
        }
        let fill = ink(tag.color, scene.visuals);
        let text_color = if tag.outlined { fill } else { text_on(fill) };
        let galley = painter.layout_no_wrap(tag.text.into_owned(), font.clone(), text_color);
        let size = galley.size() + vec2(6.0, 0.0);
        let left = if tag.from_right {
            tag.x - size.x
        } else {
            tag.x
        };
        let x = left.max(right + 2.0);
        // The text box includes the font's leading above the capitals, so the chip may dip into it.
        let rect = Rect::from_min_size(pos2(x, tag.text_top - size.y + 2.0), size);
        right = rect.right();
        if tag.outlined {
            painter.rect_filled(rect, 3.0, scene.visuals.panel_fill);
            painter.rect_stroke(rect, 3.0, Stroke::new(1.0, fill), egui::StrokeKind::Inside);
        } else {
            painter.rect_filled(rect, 3.0, fill);
        }
        painter.galley(rect.min + vec2(3.0, 0.0), galley, text_color);
        chips.push(Chip {
            rect,
            annotation: tag.annotation,
            mark: tag.mark,
            role: tag.role,
            stack: tag.stack.map(|span| (paragraph, span)),
        });
    }
}

fn outline_dashed(painter: &Painter, rect: Rect, stroke: Stroke) {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    painter.extend(Shape::dashed_line(&corners, stroke, 3.0, 3.0));
}

/// Curves from each link's source to its target with an arrow head, above the text: from the
/// source's label chip to the target's role chip when they are on screen, else between the tops
/// of the spans (`locate` gives a mark's top-centre, or a point towards it when off screen).
pub(crate) fn links(
    scene: &Scene<'_, '_>,
    lines: &[LinkLine],
    chips: &[Chip],
    locate: &dyn Fn(usize) -> Option<Pos2>,
) {
    let chip = |mark: usize, role: bool| {
        chips
            .iter()
            .find(|c| c.mark == mark && c.role == role)
            .map(|c| c.rect.center_top())
    };
    for line in lines {
        let Some(source) = scene.marks.get(line.from) else {
            continue;
        };
        let (Some(start), Some(end)) = (
            chip(line.from, false).or_else(|| locate(line.from)),
            chip(line.to, !line.role.is_empty()).or_else(|| locate(line.to)),
        ) else {
            continue;
        };
        let color = ink(source.color, scene.visuals);
        let end = end - vec2(0.0, 1.0);
        let lift = (16.0 + 0.15 * (end.x - start.x).abs()).min(48.0);
        let curve = CubicBezierShape::from_points_stroke(
            [start, start - vec2(0.0, lift), end - vec2(0.0, lift), end],
            false,
            Color32::TRANSPARENT,
            Stroke::new(1.5, color),
        );
        scene.painter.add(curve);
        let head = vec![end, end + vec2(-4.0, -7.0), end + vec2(4.0, -7.0)];
        scene
            .painter
            .add(Shape::convex_polygon(head, color, Stroke::NONE));
    }
}
