//! The comparison's article: every compared layer's annotations merged into one view (a colour per
//! annotator, grey where all agree) or two layers side by side, following the current
//! disagreement; a click on an annotation makes its disagreement current.

use egui::{Color32, RichText, Ui};

use crate::model::{Document, LayerKey, LayerName};
use crate::workbench::{Command, Review, Workbench};
use crate::workbench::{Disagreement, Version};

use super::marks::{AGREED, annotator_color, describe};
use super::{Layout, ReviewPanel};
use crate::ui::article::{ArticleEvent, ArticleInput};
use crate::ui::view::Outbox;

/// The article with the compared layers' annotations.
pub fn show(
    ui: &mut Ui,
    panel: &mut ReviewPanel,
    wb: &Workbench,
    review: &Review,
    out: &mut Outbox,
) {
    let Some(doc) = wb.current_doc() else {
        return;
    };
    let current = review.current();
    // Follow the current disagreement when it changes (N, a click in the list, after a decision).
    let now = current.map(|d| (doc.id.clone(), d.span));
    if now != panel.followed {
        if let Some((_, span)) = &now {
            panel.scroll_to = Some(span.start);
            panel.reveal_in_list = true;
        }
        panel.followed = now;
    }
    let scroll_to = panel.scroll_to.take();
    match panel.layout {
        Layout::Merged => merged(ui, panel, wb, doc, current, scroll_to, out),
        Layout::SideBySide => side_by_side(ui, panel, wb, doc, review, scroll_to, out),
    }
}

fn merged(
    ui: &mut Ui,
    panel: &mut ReviewPanel,
    wb: &Workbench,
    doc: &Document,
    current: Option<&Disagreement>,
    scroll_to: Option<usize>,
    out: &mut Outbox,
) {
    let layers: Vec<LayerName> = wb.review().map(|r| r.layers().to_vec()).unwrap_or_default();
    let comparison = &panel.comparison;
    let selected = current.and_then(|d| {
        let (layer, version) = match (&d.a, &d.b) {
            (Some(a), _) => (&d.layer_a, a),
            (None, Some(b)) => (&d.layer_b, b),
            (None, None) => return None,
        };
        let index = layers.iter().position(|l| l == layer)?;
        comparison.merged_id(index, version.annotation.id())
    });
    let links = comparison.links_of(selected);
    let hovered_line = panel.hovered.and_then(|id| {
        let (index, id) = comparison.origin(id)?;
        let layer = layers.get(index)?;
        let annotation = wb
            .project()
            .layer(&LayerKey::new(doc.id.clone(), layer.clone()))?
            .get(id)?;
        let mut line = format!("{layer}: {}", describe(doc, annotation, &[]));
        let note = annotation.note().trim();
        if !note.is_empty() {
            line.push_str(&format!(" — note: {note}"));
        }
        Some((index, line))
    });
    egui::Panel::bottom("review-hover")
        .show_separator_line(false)
        .show(ui, |ui| {
            legend(ui, &layers);
            match &hovered_line {
                Some((_, line)) => ui.label(crate::ui::article::bidi_label(
                    ui,
                    line,
                    egui::TextStyle::Body,
                )),
                None => {
                    ui.label(RichText::new("Point at an annotation to see whose it is.").weak())
                }
            };
        });
    let input = ArticleInput {
        text: &doc.text,
        marks: &comparison.merged,
        marks_revision: comparison.revision,
        links: &links,
        selection: current.map(|d| d.span),
        selected_annotation: selected,
        find_hits: &[],
        current_find_hit: None,
        tokens: wb.tokens(),
        char_precision: wb.char_precision(),
        scroll_to,
    };
    let events = panel.merged.show(ui, &input);
    for event in events {
        match event {
            ArticleEvent::ClickAnnotation(id) => {
                if let Some((index, id)) = panel.comparison.origin(id) {
                    jump_to_annotation(wb, &layers, index, id, out);
                }
            }
            ArticleEvent::Select(span) => out.command(Command::SelectSpan(span)),
            ArticleEvent::Hover(id) => panel.hovered = id,
            ArticleEvent::ClickText(_) => {}
        }
    }
}

/// A click on an annotation in the comparison: its disagreement becomes current, if it has one.
fn jump_to_annotation(
    wb: &Workbench,
    layers: &[LayerName],
    layer: usize,
    id: crate::model::AnnotationId,
    out: &mut Outbox,
) {
    let (Some(review), Some(name)) = (wb.review(), layers.get(layer)) else {
        return;
    };
    let holds = |version: &Option<Version>, of: &LayerName| {
        of == name && version.as_ref().is_some_and(|v| v.annotation.id() == id)
    };
    if let Some(index) = review
        .pending()
        .iter()
        .position(|d| holds(&d.a, &d.layer_a) || holds(&d.b, &d.layer_b))
    {
        out.command(Command::GoToDisagreement(index));
    }
}

/// Which colour is whose.
fn legend(ui: &mut Ui, layers: &[LayerName]) {
    ui.horizontal_wrapped(|ui| {
        for (index, layer) in layers.iter().enumerate() {
            swatch(ui, annotator_color(index));
            ui.label(layer.as_str());
        }
        swatch(ui, AGREED);
        ui.label("all agree");
    });
}

fn swatch(ui: &mut Ui, color: Color32) {
    let size = egui::vec2(12.0, 12.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// Two layers next to each other: the current disagreement's, else the first two compared. Each
/// side keeps the paragraph the other is reading in view.
fn side_by_side(
    ui: &mut Ui,
    panel: &mut ReviewPanel,
    wb: &Workbench,
    doc: &Document,
    review: &Review,
    scroll_to: Option<usize>,
    out: &mut Outbox,
) {
    let layers = review.layers();
    let pair: Vec<usize> = match review.current() {
        Some(d) => [&d.layer_a, &d.layer_b]
            .iter()
            .filter_map(|name| layers.iter().position(|l| l == *name))
            .collect(),
        None => (0..layers.len().min(2)).collect(),
    };
    if pair.len() < 2 {
        ui.label(RichText::new("Side by side needs two annotators' layers.").weak());
        return;
    }
    if let Some(offset) = scroll_to {
        panel.side_scroll = [Some(offset), Some(offset)];
    }
    let selection = review.current().map(|d| d.span);
    let mut visible = [None, None];
    let mut hovered = [false, false];
    ui.columns(2, |columns| {
        for (side, column) in columns.iter_mut().enumerate() {
            let index = pair[side];
            let Some(layer) = layers.get(index) else {
                continue;
            };
            column.label(
                RichText::new(layer.as_str())
                    .color(annotator_color(index))
                    .strong(),
            );
            hovered[side] = column.rect_contains_pointer(column.max_rect());
            let marks = panel
                .comparison
                .sides
                .get(index)
                .map_or(&[][..], Vec::as_slice);
            let input = ArticleInput {
                text: &doc.text,
                marks,
                marks_revision: panel.comparison.revision,
                links: &[],
                selection,
                selected_annotation: None,
                find_hits: &[],
                current_find_hit: None,
                tokens: wb.tokens(),
                char_precision: wb.char_precision(),
                scroll_to: panel.side_scroll[side].take(),
            };
            let view = &mut panel.sides[side];
            for event in view.show(column, &input) {
                match event {
                    ArticleEvent::ClickAnnotation(id) => {
                        jump_to_annotation(wb, layers, index, id, out);
                    }
                    ArticleEvent::Select(span) => out.command(Command::SelectSpan(span)),
                    ArticleEvent::Hover(_) | ArticleEvent::ClickText(_) => {}
                }
            }
            visible[side] = view.visible_span();
        }
    });
    // The side under the pointer leads: when it has scrolled, the other brings the middle of what
    // the leader shows into view (the views share text and width, so their paragraphs line up).
    for (leader, follower) in [(0, 1), (1, 0)] {
        if hovered[leader]
            && visible[leader] != panel.side_visible[leader]
            && let Some(span) = visible[leader]
        {
            panel.side_scroll[follower] = Some(span.start + span.len() / 2);
        }
    }
    panel.side_visible = visible;
}
