//! Schema colours on screen: label chips and status dots that read in light and dark themes.

use egui::{Color32, Response, Sense, Ui, Vec2};

use crate::model::{Annotation, Color, Schema, Status};

pub fn color32(color: Color) -> Color32 {
    Color32::from_rgb(color.r, color.g, color.b)
}

/// The schema colour of an annotation's label (entity label, event type, or the quote colour); grey
/// for a label the schema does not define.
pub fn annotation_color(schema: &Schema, annotation: &Annotation) -> Color32 {
    let color = match annotation {
        Annotation::Entity(entity) => schema.entity_label(&entity.label).map(|l| l.color),
        Annotation::Quote(_) => Some(schema.quotes.color),
        Annotation::Event(event) => schema.event_type(&event.event_type).map(|t| t.color),
    };
    color.map_or(Color32::GRAY, color32)
}

/// Black or white, whichever reads better on `fill` (WCAG relative luminance).
pub fn text_on(fill: Color32) -> Color32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        0.2126 * channel(fill.r()) + 0.7152 * channel(fill.g()) + 0.0722 * channel(fill.b());
    if luminance > 0.4 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// A small filled tag with a label name in it. Painted from one unwrapped galley, so a chip never
/// wraps inside itself and never asks its panel for more width than its text.
pub fn chip(ui: &mut Ui, text: &str, fill: Color32) -> Response {
    let galley = egui::WidgetText::from(egui::RichText::new(text).small().strong()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let padding = egui::vec2(4.0, 1.0);
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * padding, Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 3.0, fill);
        ui.painter()
            .galley(rect.min + padding, galley, text_on(fill));
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// The colour of a status dot: grey new, amber in progress, green done, blue adjudicated.
pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::New => Color32::from_gray(150),
        Status::InProgress => Color32::from_rgb(0xe0, 0x9a, 0x1a),
        Status::Done => Color32::from_rgb(0x2c, 0xa0, 0x2c),
        Status::Adjudicated => Color32::from_rgb(0x1f, 0x77, 0xb4),
    }
}

/// A status dot (painted, so it needs no glyph), with the status named on hover.
pub fn status_dot(ui: &mut Ui, status: Status, who: &str) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Body) * 0.6;
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let color = status_color(status);
    let center = rect.center();
    let radius = size * 0.45;
    if status == Status::New {
        ui.painter()
            .circle_stroke(center, radius, egui::Stroke::new(1.2, color));
    } else {
        ui.painter().circle_filled(center, radius, color);
    }
    response.on_hover_text(format!("{who}: {}", status.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chip_text_contrasts_with_its_fill() {
        assert_eq!(text_on(Color32::from_rgb(0xff, 0xee, 0x88)), Color32::BLACK);
        assert_eq!(text_on(Color32::from_rgb(0x1f, 0x77, 0xb4)), Color32::WHITE);
    }
}
