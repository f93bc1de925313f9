//! Every annotation of the current layer in text order; a click jumps to it and selects it (or
//! completes a speaker or argument pick).

use egui::{RichText, Ui};

use crate::model::{Annotation, AnnotationId, DocId, Speaker};
use crate::workbench::{Command, Workbench};

use super::colors;
use super::inspector::snippet;
use super::view::{Outbox, View};

/// The current layer's annotation ids sorted by position, rebuilt when the document or revision
/// changes.
#[derive(Default)]
pub struct ListCache {
    key: Option<(DocId, u64)>,
    ids: Vec<AnnotationId>,
}

impl ListCache {
    fn refresh(&mut self, wb: &Workbench) {
        let Some(doc) = wb.current_doc() else {
            *self = Self::default();
            return;
        };
        let key = (doc.id.clone(), wb.revision());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let mut order: Vec<(usize, usize, AnnotationId)> = wb
            .current_layer()
            .map(|layer| {
                layer
                    .iter()
                    .map(|a| {
                        let span = a.primary_span();
                        (span.start, span.end, a.id())
                    })
                    .collect()
            })
            .unwrap_or_default();
        // After an edit the layer is in text order but for the few annotations the edit touched:
        // the stable sort finds the sorted runs and merges them (about linear), where an unstable
        // sort starts over. The keys are unique (ids), so both give the same order.
        order.sort();
        self.ids = order.into_iter().map(|(_, _, id)| id).collect();
        self.key = Some(key);
    }
}

pub fn show(ui: &mut Ui, wb: &Workbench, cache: &mut ListCache, view: &mut View, out: &mut Outbox) {
    cache.refresh(wb);
    let Some(doc) = wb.current_doc() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Annotations");
        ui.label(RichText::new(cache.ids.len().to_string()).weak());
    });
    if cache.ids.is_empty() {
        ui.label(RichText::new("None yet in your layer of this document.").weak());
        return;
    }
    let selected = wb.selection().annotation;
    let row_height = ui.spacing().interact_size.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("annotation-list")
        .auto_shrink([false, false]);
    if std::mem::take(&mut view.reveal_in_list)
        && let Some(index) = selected.and_then(|id| cache.ids.iter().position(|&i| i == id))
    {
        let row = row_height + ui.spacing().item_spacing.y;
        let offset = index as f32 * row - ui.available_height() / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    let schema = &wb.project().schema;
    area.show_rows(ui, row_height, cache.ids.len(), |ui, rows| {
        for &id in &cache.ids[rows] {
            let Some(annotation) = wb.annotation(id) else {
                continue;
            };
            ui.horizontal(|ui| {
                colors::chip(
                    ui,
                    annotation.label(),
                    colors::annotation_color(schema, annotation),
                );
                let text = describe(wb, doc, annotation);
                let shown = super::article::bidi_label(ui, &text, egui::TextStyle::Button);
                let is_selected = selected == Some(id);
                let response = ui
                    .add(egui::Button::selectable(is_selected, shown).truncate())
                    .on_hover_text(format!("#{id} chars {}", annotation.primary_span()));
                // Screen readers and tests get the text in logical order, not as drawn.
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        ui.is_enabled(),
                        is_selected,
                        &text,
                    )
                });
                if response.clicked() {
                    out.command(Command::ClickAnnotation(id));
                }
            });
        }
    });
}

/// One line about an annotation: its text, and for a quote who said it.
fn describe(wb: &Workbench, doc: &crate::model::Document, annotation: &Annotation) -> String {
    let text = match annotation.as_entity() {
        // A mention in pieces reads as its parts joined by an ellipsis.
        Some(entity) if entity.is_discontinuous() => entity
            .all_spans()
            .map(|s| snippet(doc, s))
            .collect::<Vec<_>>()
            .join(" … "),
        _ => snippet(doc, annotation.primary_span()),
    };
    match annotation {
        Annotation::Quote(quote) => {
            let speaker = match &quote.speaker {
                Some(Speaker::Mention(id)) => wb
                    .annotation(*id)
                    .map_or_else(|| format!("#{id}"), |a| snippet(doc, a.primary_span())),
                Some(Speaker::Span(span)) => snippet(doc, *span),
                None => "no speaker".to_owned(),
            };
            format!("{speaker}: “{text}”")
        }
        Annotation::Event(event) => match event.arguments.len() {
            1 => format!("{text} (1 argument)"),
            n => format!("{text} ({n} arguments)"),
        },
        Annotation::Entity(_) => text,
    }
}
