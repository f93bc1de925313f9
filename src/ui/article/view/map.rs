//! The article map beside the scroll bar of a long article.

use egui::{Color32, Rect, Role, Sense, Ui, WidgetInfo, pos2};

use super::ArticleView;
use crate::ui::article::ArticleInput;

impl ArticleView {
    /// The article map: the whole article's height in a strip, a tick at each paragraph with
    /// annotations (in the colour of its first), the part on screen outlined. A click or drag
    /// scrolls there. O(paragraphs) a frame, with ticks merged per pixel row.
    pub(super) fn map(&mut self, ui: &mut Ui, rect: Rect, input: &ArticleInput<'_>) {
        let response = ui.interact(
            rect,
            ui.scope_id().with((self.id, "map")),
            Sense::click_and_drag(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::ScrollBar, true, "Article map"));
        let total = self.heights.total().max(1.0);
        let scale = rect.height() / total;
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
        let rows = rect.height().ceil().max(1.0) as usize;
        let mut ticks: Vec<Option<Color32>> = vec![None; rows + 1];
        for p in 0..self.paragraphs.len() {
            let Some(&first) = self.index.of_paragraph(p).first() else {
                continue;
            };
            let Some(mark) = input.marks.get(first as usize) else {
                continue;
            };
            let top = (self.heights.top(p) * scale) as usize;
            let bottom = ((self.heights.top(p + 1) * scale) as usize).max(top + 1);
            for tick in ticks.iter_mut().take(bottom.min(rows + 1)).skip(top) {
                tick.get_or_insert(mark.color);
            }
        }
        for (row, color) in ticks.iter().enumerate() {
            if let Some(color) = color {
                let y = rect.top() + row as f32;
                painter.line_segment(
                    [pos2(rect.left() + 2.0, y), pos2(rect.right() - 2.0, y)],
                    egui::Stroke::new(1.0, crate::ui::article::colors::ink(*color, visuals)),
                );
            }
        }
        let shown = Rect::from_min_max(
            pos2(
                rect.left(),
                rect.top() + self.content_viewport.min.y.max(0.0) * scale,
            ),
            pos2(
                rect.right(),
                rect.top() + self.content_viewport.max.y * scale,
            ),
        );
        painter.rect_stroke(
            shown,
            2.0,
            egui::Stroke::new(1.0, visuals.text_color().gamma_multiply(0.7)),
            egui::StrokeKind::Inside,
        );
        if (response.clicked() || response.dragged())
            && let Some(pos) = response.interact_pointer_pos()
        {
            let at = ((pos.y - rect.top()) / scale).clamp(0.0, total);
            let height = self.content_viewport.height();
            self.pending_offset = Some((at - height / 2.0).clamp(0.0, (total - height).max(0.0)));
            ui.ctx().request_repaint();
        }
    }
}
