//! The Team window: documents × annotators for the curator (assigned or not, not started / in
//! progress / done), agreement per document, what is ready to adjudicate; a curator assigns by
//! hand with the check boxes. A `project.ron` conflict a sync left is shown here side by side,
//! with a choice of version. The matrix is computed by the workbench in a job; this only draws it.

use egui::{RichText, Ui};

use super::view::{Outbox, View};
use crate::workbench::matrix::{Progress, TeamMatrix};
use crate::workbench::{Command, Workbench};

/// The Team window, while `view.team_open`.
pub fn show(ctx: &egui::Context, wb: Option<&Workbench>, view: &mut View, out: &mut Outbox) {
    let Some(wb) = wb else {
        return;
    };
    let conflict = wb.project_conflict();
    if !view.team_open && conflict.is_none() {
        return;
    }
    let mut open = true;
    egui::Window::new("Team")
        .open(&mut open)
        .resizable(true)
        .default_width(640.0)
        .show(ctx, |ui| {
            if let Some(conflict) = conflict {
                conflict_view(ui, conflict, out);
                ui.separator();
            }
            match wb.team_matrix() {
                None => {
                    ui.label(RichText::new("Counting…").weak());
                }
                Some(matrix) => matrix_view(ui, wb, matrix, out),
            }
        });
    if !open {
        view.team_open = false;
        out.command(Command::ShowTeam(false));
    }
}

fn conflict_view(
    ui: &mut Ui,
    conflict: &crate::workbench::team::ProjectConflict,
    out: &mut Outbox,
) {
    ui.label(
        RichText::new("project.ron was changed here and on the remote in the same places")
            .color(ui.visuals().warn_fg_color)
            .strong(),
    );
    ui.label("The remote's version is in use; yours is kept. Compare them and choose:");
    ui.columns(2, |columns| {
        for (ui, (title, text)) in columns.iter_mut().zip([
            ("Yours (not shared)", &conflict.mine),
            ("The remote's (in use)", &conflict.theirs),
        ]) {
            ui.label(RichText::new(title).strong());
            egui::ScrollArea::vertical()
                .id_salt(title)
                .max_height(220.0)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(text.as_str()).monospace()).wrap());
                });
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("Keep mine")
            .on_hover_text("Put your version back; the next sync shares it")
            .clicked()
        {
            out.command(Command::SettleProjectConflict { keep_mine: true });
        }
        if ui.button("Keep the remote's").clicked() {
            out.command(Command::SettleProjectConflict { keep_mine: false });
        }
    });
}

fn matrix_view(ui: &mut Ui, wb: &Workbench, matrix: &TeamMatrix, out: &mut Outbox) {
    let curator = wb
        .project()
        .team
        .may_change_project(wb.annotator().as_str());
    let ready = matrix.rows.iter().filter(|r| r.ready).count();
    ui.label(format!(
        "{} documents, {} annotators; {ready} ready to adjudicate",
        matrix.rows.len(),
        matrix.annotators.len()
    ));
    if curator {
        ui.label(RichText::new("Tick a box to assign a document to an annotator.").weak());
    }
    egui::ScrollArea::both().max_height(420.0).show(ui, |ui| {
        egui::Grid::new("team-matrix")
            .striped(true)
            .num_columns(matrix.annotators.len() + 3)
            .show(ui, |ui| {
                ui.label(RichText::new("Document").strong());
                for name in &matrix.annotators {
                    ui.label(RichText::new(name).strong());
                }
                ui.label(RichText::new("Agreement").strong());
                ui.label(RichText::new("Adjudicate").strong());
                ui.end_row();
                for row in &matrix.rows {
                    let title = if row.title.trim().is_empty() {
                        row.doc.as_str()
                    } else {
                        row.title.as_str()
                    };
                    if ui
                        .add(egui::Button::selectable(false, title).truncate())
                        .on_hover_text(row.doc.as_str())
                        .clicked()
                    {
                        out.command(Command::SelectDocument(row.doc.clone()));
                    }
                    for (name, cell) in matrix.annotators.iter().zip(&row.cells) {
                        ui.horizontal(|ui| {
                            if curator {
                                let mut assigned = cell.assigned;
                                let label = ui.label(progress_text(ui, cell.progress));
                                let who = format!("{name} on {}", row.doc);
                                let response = ui.checkbox(&mut assigned, "");
                                // The name a screen reader (and a test) finds the box by.
                                response.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::CheckBox,
                                        true,
                                        cell.assigned,
                                        &who,
                                    )
                                });
                                let response = response.on_hover_text(&who);
                                let _ = label;
                                if response.changed() {
                                    out.command(Command::SetAssignment {
                                        doc: row.doc.clone(),
                                        annotator: name.clone(),
                                        assigned,
                                    });
                                }
                            } else {
                                let text = if cell.assigned {
                                    format!("{} (assigned)", cell.progress.name())
                                } else {
                                    cell.progress.name().to_owned()
                                };
                                ui.label(progress_text_owned(ui, cell.progress, text));
                            }
                        });
                    }
                    match row.agreement {
                        Some(f1) => ui.label(format!("F1 {f1:.2}")),
                        None => ui.label(RichText::new("—").weak()),
                    };
                    if row.ready {
                        ui.label(RichText::new("ready").strong());
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    });
}

fn progress_text(ui: &Ui, progress: Progress) -> RichText {
    progress_text_owned(ui, progress, progress.name().to_owned())
}

fn progress_text_owned(ui: &Ui, progress: Progress, text: String) -> RichText {
    let text = RichText::new(text);
    match progress {
        Progress::Done => text.strong(),
        Progress::InProgress => text,
        Progress::NotStarted => text.color(ui.visuals().weak_text_color()),
    }
}
