//! The first screen when no project is open: recent projects (remembered per user in eframe's
//! storage), the sample, a new project, and importing articles (into a new project).

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::view::{Outbox, UiAction};

/// Draws the welcome screen. `recent`: most recent first.
pub fn show(ui: &mut Ui, recent: &[PathBuf], out: &mut Outbox) {
    egui::ScrollArea::vertical()
        .id_salt("welcome")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(520.0);
                ui.add_space(40.0);
                ui.heading(RichText::new("Welcome to Gloss").size(26.0));
                ui.label("Annotate news articles: people, places, quotes and events.");
                ui.add_space(20.0);
                start_buttons(ui, out);
                ui.add_space(24.0);
                recent_projects(ui, recent, out);
            });
        });
}

fn start_buttons(ui: &mut Ui, out: &mut Outbox) {
    let wide = |text: &str| {
        egui::Button::new(RichText::new(text).size(16.0)).min_size([260.0, 32.0].into())
    };
    if ui
        .add(wide("Open the sample"))
        .on_hover_text("A copy of the Kosovo talks sample project in ~/Gloss, to try Gloss on")
        .clicked()
    {
        out.action(UiAction::OpenSample);
    }
    if ui.add(wide("New project…")).clicked() {
        out.action(UiAction::NewProjectDialog);
    }
    if ui
        .add(wide("Import articles…"))
        .on_hover_text("Plain-text articles, into a new project")
        .clicked()
    {
        out.action(UiAction::ImportIntoNewProject);
    }
    if ui.add(wide("Open project…")).clicked() {
        out.action(UiAction::OpenProjectDialog);
    }
}

fn recent_projects(ui: &mut Ui, recent: &[PathBuf], out: &mut Outbox) {
    ui.label(RichText::new("Recent projects").strong());
    if recent.is_empty() {
        ui.label(RichText::new("None yet: the projects you open are listed here.").weak());
        return;
    }
    for dir in recent {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .add(egui::Button::new(&name).min_size([260.0, 24.0].into()))
            .on_hover_text(dir.display().to_string())
            .clicked()
        {
            out.action(UiAction::OpenProject(dir.clone()));
        }
        ui.label(RichText::new(dir.display().to_string()).weak().small());
    }
}
