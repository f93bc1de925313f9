//! The question a project with an external recommender asks before any of its documents leave the
//! machine: "this project wants to send its documents to http://…: Allow for this project / Not
//! now". The answer is a workbench command; the workbench keeps the trust outside the project.
//!
//! A window, not a modal: until the user answers nothing is sent, and annotating goes on.

use egui::RichText;

use crate::workbench::{Command, Workbench};

use super::view::Outbox;

/// The prompt's title, for finding it (tests, accessibility).
pub const TITLE: &str = "External recommender";

/// Draws the prompt while the workbench asks ([`crate::workbench::RecommenderTrust::asks`]).
pub fn show(ctx: &egui::Context, wb: Option<&Workbench>, out: &mut Outbox) {
    let Some(wb) = wb else {
        return;
    };
    let trust = wb.recommender_trust();
    let (true, Some(url)) = (trust.asks(), trust.url()) else {
        return;
    };
    egui::Window::new(TITLE)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0))
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(format!(
                "This project wants to send its documents to {url} for suggestions."
            ));
            ui.label(
                RichText::new(
                    "The address comes from the project's settings (project.ron), not from you. \
                     Nothing is sent until you allow it; your answer is kept in your own settings, \
                     not in the project.",
                )
                .weak(),
            );
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Allow for this project").clicked() {
                    out.command(Command::TrustRecommender {
                        url: url.to_owned(),
                    });
                }
                if ui.button("Not now").clicked() {
                    out.command(Command::DeclineRecommender);
                }
            });
        });
}
