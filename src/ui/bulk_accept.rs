//! Alt+Y asks before it accepts: "Accept every GPE suggestion scoring 0.80 or more? This adds 12
//! annotations: 12 GPE." Yes is one command, so one undo step; Cancel (or Escape) adds nothing.
//! What would be added comes from the workbench ([`Workbench::accept_all_preview`]).

use crate::workbench::{Command, Workbench};

use super::view::{Outbox, View};

/// The dialog's title, for finding it (tests, accessibility).
pub const TITLE: &str = "Accept all like it";

/// A bulk accept waiting for the analyst's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkAccept {
    pub label: String,
    pub min_score: f32,
}

/// Draws the question while one is pending; the answer clears it.
pub fn show(ctx: &egui::Context, view: &mut View, wb: Option<&Workbench>, out: &mut Outbox) {
    let (Some(pending), Some(wb)) = (view.bulk_accept.clone(), wb) else {
        view.bulk_accept = None;
        return;
    };
    let preview = wb.accept_all_preview(&pending.label, pending.min_score);
    let total: usize = preview.iter().map(|(_, n)| n).sum();
    let mut answered = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Window::new(TITLE)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0))
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(format!(
                "Accept every {} suggestion scoring {:.2} or more?",
                pending.label, pending.min_score
            ));
            if total == 0 {
                ui.label("Nothing would be added.");
            } else {
                let parts: Vec<String> = preview
                    .iter()
                    .map(|(label, n)| format!("{n} {label}"))
                    .collect();
                ui.label(format!(
                    "This adds {total} annotation{}: {}. Ctrl+Z takes them all back in one step.",
                    if total == 1 { "" } else { "s" },
                    parts.join(", ")
                ));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let add = egui::Button::new(format!("Add {total}"));
                if ui.add_enabled(total > 0, add).clicked() {
                    out.command(Command::AcceptAllSuggestions {
                        label: pending.label.clone(),
                        min_score: pending.min_score,
                    });
                    answered = true;
                }
                if ui.button("Cancel").clicked() {
                    answered = true;
                }
            });
        });
    if answered {
        view.bulk_accept = None;
    }
}
