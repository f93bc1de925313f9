//! The Review window (issue 6): where a curator compares the annotators' layers of the shown
//! document and settles their disagreements into gold, and where everyone sees how far the team
//! agrees.
//!
//! It is open while the workbench has a comparison open ([`Workbench::review`]): Review ▸ Compare
//! and adjudicate… or Ctrl+R. Two tabs:
//! - **Compare**: the layers compared, progress ("n remaining"), merge of what enough annotators
//!   agree on, the pending disagreements by kind (each jumping to its place) with the annotators'
//!   comments, the current disagreement with the keys that settle it (N, Shift+N, A, B, T, S, E:
//!   see [`handle_keys`]), and the article with every compared layer's annotations, merged (a
//!   colour per annotator, grey where all agree) or side by side.
//! - **Agreement**: [`crate::review::agreement`]'s figures for the project, the ones `gloss agree`
//!   prints, with their diagnostics and two charts (label distribution per annotator, agreement
//!   per label).
//!
//! Egui only: it reads the workbench and pushes [`Command`]s; it keeps view state only (tab,
//! layout, scroll, cached marks and figures).

mod article;
mod charts;
mod compare;
mod figures;
mod keys;
mod marks;

pub use keys::{handle_keys, key_hints};

use egui::{RichText, Ui};

use crate::model::CharSpan;
use crate::model::{AnnotationId, DocId};
use crate::workbench::{Command, Review, Workbench};

use super::article::ArticleView;
use super::view::Outbox;

/// The two tabs of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Compare,
    Agreement,
}

/// How the comparison shows the layers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// One article, every layer's annotations in it.
    #[default]
    Merged,
    /// Two articles next to each other.
    SideBySide,
}

/// The Review window's view state. Keep one across frames; it draws itself only while a
/// comparison is open.
///
/// The window starts on the merged comparison; `GLOSS_REVIEW_VIEW=side` or `=agreement` starts it
/// side by side or on the figures, so that `examples/window_states.rs review` can picture each.
pub struct ReviewPanel {
    pub tab: Tab,
    pub layout: Layout,
    comparison: marks::Comparison,
    merged: ArticleView,
    sides: [ArticleView; 2],
    /// What each side showed last frame, to tell which one the reader scrolled.
    side_visible: [Option<CharSpan>; 2],
    side_scroll: [Option<usize>; 2],
    /// Scroll the comparison to this char offset on the next frame.
    scroll_to: Option<usize>,
    /// The current disagreement last drawn: when it changes, the views follow.
    followed: Option<(DocId, CharSpan)>,
    reveal_in_list: bool,
    hovered: Option<AnnotationId>,
    /// k of "merge what k annotators agree on"; the project's `min_agree` until changed.
    merge_k: Option<u32>,
    measure: charts::Measure,
}

impl Default for ReviewPanel {
    fn default() -> Self {
        let article = |salt: &str| {
            let mut view = ArticleView::new(salt);
            // The window is narrower than the centre: a little smaller type, narrower margins.
            view.style.font_size = 15.0;
            view.style.margin = 18.0;
            view
        };
        let start = std::env::var("GLOSS_REVIEW_VIEW").unwrap_or_default();
        Self {
            tab: if start == "agreement" {
                Tab::Agreement
            } else {
                Tab::Compare
            },
            layout: if start == "side" {
                Layout::SideBySide
            } else {
                Layout::Merged
            },
            comparison: marks::Comparison::default(),
            merged: article("review-merged"),
            sides: [article("review-left"), article("review-right")],
            side_visible: [None, None],
            side_scroll: [None, None],
            scroll_to: None,
            followed: None,
            reveal_in_list: false,
            hovered: None,
            merge_k: None,
            measure: charts::Measure::default(),
        }
    }
}

impl ReviewPanel {
    /// Draws the window while the workbench has a comparison open; closing it closes the
    /// comparison.
    pub fn show(&mut self, ctx: &egui::Context, wb: Option<&Workbench>, out: &mut Outbox) {
        let Some(wb) = wb else {
            return;
        };
        let Some(review) = wb.review() else {
            self.followed = None;
            return;
        };
        let mut open = true;
        let available = ctx.content_rect();
        egui::Window::new("Review")
            .open(&mut open)
            .default_size([
                (available.width() * 0.72).clamp(480.0, 1200.0),
                (available.height() * 0.78).clamp(360.0, 900.0),
            ])
            .default_pos(available.left_top() + egui::vec2(available.width() * 0.14, 48.0))
            .min_size([420.0, 300.0])
            .resizable(true)
            .collapsible(true)
            .show(ctx, |ui| self.contents(ui, wb, review, out));
        if !open {
            out.command(Command::CloseReview);
        }
    }

    fn contents(&mut self, ui: &mut Ui, wb: &Workbench, review: &Review, out: &mut Outbox) {
        let Some(doc) = wb.current_doc() else {
            ui.label("Open a document to compare its layers.");
            return;
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Compare, "Compare");
            ui.selectable_value(&mut self.tab, Tab::Agreement, "Agreement");
            ui.separator();
            let title = if doc.title.trim().is_empty() {
                doc.id.as_str()
            } else {
                doc.title.as_str()
            };
            ui.add(egui::Label::new(RichText::new(title).strong()).truncate());
        });
        ui.separator();
        match self.tab {
            Tab::Compare => {
                self.comparison
                    .refresh(wb.project(), doc, wb.revision(), review.layers());
                compare::header(ui, self, wb, review, out);
                ui.separator();
                egui::Panel::left("review-list")
                    .resizable(true)
                    .default_size(300.0)
                    .size_range(180.0..=600.0)
                    .show(ui, |ui| compare::list(ui, self, wb, review, out));
                egui::Panel::bottom("review-card")
                    .show(ui, |ui| compare::card(ui, wb, review, out));
                egui::CentralPanel::default()
                    .show(ui, |ui| article::show(ui, self, wb, review, out));
            }
            Tab::Agreement => self.agreement_tab(ui, wb),
        }
    }

    fn agreement_tab(&mut self, ui: &mut Ui, wb: &Workbench) {
        let figures = wb.agreement_figures().unwrap_or_default();
        if let Some(failure) = &figures.failure {
            ui.colored_label(ui.visuals().error_fg_color, failure);
        }
        let stale = figures.stale;
        let Some(report) = figures.report else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Measuring agreement…");
            });
            return;
        };
        if stale {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(
                    RichText::new("Updating: these figures are from before the last change.")
                        .weak(),
                );
            });
        }
        // Charts on the right, figures on the left, each scrolling on its own.
        egui::Panel::right("review-charts")
            .resizable(true)
            .default_size((ui.available_width() * 0.45).max(260.0))
            .size_range(220.0..=900.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("review-charts-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.strong("Mentions per label and annotator");
                        charts::label_distribution(ui, &report);
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            ui.strong("Agreement:");
                            egui::ComboBox::new("review-measure", "per label")
                                .selected_text(self.measure.name())
                                .show_ui(ui, |ui| {
                                    for measure in charts::Measure::ALL {
                                        ui.selectable_value(
                                            &mut self.measure,
                                            measure,
                                            measure.name(),
                                        );
                                    }
                                });
                        });
                        charts::agreement_per_label(ui, &report, self.measure);
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("review-agreement-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| figures::show(ui, &report));
        });
    }
}
