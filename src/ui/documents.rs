//! The left panel: progress, a filter box, and every document with each annotator's status.

use egui::{RichText, Ui};

use crate::model::{Document, LayerName, Status};
use crate::workbench::{Action, Command, Workbench};

use super::colors;
use super::keys;
use super::view::{Outbox, View};

pub fn show(ui: &mut Ui, wb: &Workbench, view: &mut View, out: &mut Outbox) {
    let documents = wb.project().documents();
    let done = match view.done_count {
        Some((revision, done)) if revision == wb.revision() => done,
        _ => {
            let done = documents
                .iter()
                .filter(|d| wb.status_of(&d.id).is_finished())
                .count();
            view.done_count = Some((wb.revision(), done));
            done
        }
    };
    ui.heading("Documents");
    ui.label(format!("{done} / {} done", documents.len()))
        .on_hover_text(format!("Documents {} has marked done", wb.annotator()));
    let fraction = if documents.is_empty() {
        0.0
    } else {
        done as f32 / documents.len() as f32
    };
    ui.add(egui::ProgressBar::new(fraction).desired_height(4.0));

    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut view.doc_filter)
                .hint_text("title, id, outlet or date")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });

    if let Some(current) = wb.current_doc() {
        let finished = wb.status_of(&current.id).is_finished();
        let text = if finished { "Reopen" } else { "Mark done" };
        let hover = format!(
            "{} ({})",
            if finished {
                "Set your layer of this document back to in progress"
            } else {
                "Mark your layer of this document done"
            },
            keys::keys_of(Action::ToggleDone)
        );
        if ui.button(text).on_hover_text(hover).clicked() {
            out.command(Command::ToggleDone);
        }
    }
    ui.separator();

    let filter = view.doc_filter.trim().to_lowercase();
    let shown: Vec<&Document> = documents
        .iter()
        .filter(|d| {
            filter.is_empty()
                || d.title.to_lowercase().contains(&filter)
                || d.id.as_str().contains(&filter)
                || d.meta
                    .outlet
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains(&filter))
                || d.meta
                    .published
                    .as_deref()
                    .is_some_and(|p| p.starts_with(&filter))
        })
        .collect();
    if shown.is_empty() {
        ui.label(RichText::new("No document matches").weak());
        return;
    }
    if view
        .gold_contradictions
        .as_ref()
        .is_none_or(|(revision, _)| *revision != wb.revision())
    {
        view.gold_contradictions = Some((wb.revision(), wb.gold_contradictions()));
    }
    let contradictions = view
        .gold_contradictions
        .as_ref()
        .map(|(_, found)| found.clone())
        .unwrap_or_default();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, shown.len(), |ui, rows| {
            for document in &shown[rows] {
                let conflicts = contradictions.get(&document.id).copied().unwrap_or(0);
                row(ui, wb, document, conflicts, out);
            }
        });
}

/// One document: the current annotator's status, the title, then everyone else's status.
/// `conflicts`: how many spans of the document's gold have contradictory labels (a problem, as
/// `gloss check` says).
fn row(ui: &mut Ui, wb: &Workbench, document: &Document, conflicts: usize, out: &mut Outbox) {
    let mine = wb.status_of(&document.id);
    let current = wb.current_doc().is_some_and(|d| d.id == document.id);
    ui.horizontal(|ui| {
        colors::status_dot(ui, mine, wb.annotator().as_str());
        let title = if document.title.trim().is_empty() {
            document.id.as_str()
        } else {
            document.title.as_str()
        };
        let others: Vec<(&LayerName, Status)> = wb
            .project()
            .layers_of(&document.id)
            .filter(|(name, _)| *name != wb.annotator())
            .map(|(name, layer)| (name, layer.status))
            .collect();
        // Leave room for the other annotators' dots (and a gold warning) after the title.
        let warning = (conflicts > 0).then(|| format!("{conflicts} gold!"));
        let dots = others.len() as f32 * (ui.spacing().item_spacing.x + row_dot_width(ui))
            + if warning.is_some() { 56.0 } else { 0.0 };
        let response = ui
            .scope(|ui| {
                ui.set_max_width((ui.available_width() - dots).max(40.0));
                ui.add(egui::Button::selectable(current, title).truncate())
            })
            .inner
            .on_hover_text(format!(
                "{title}{}\n{}: {}",
                source_lines(document),
                wb.annotator(),
                mine.name()
            ));
        if response.clicked() {
            out.command(Command::SelectDocument(document.id.clone()));
        }
        response.context_menu(|ui| {
            for status in [Status::New, Status::InProgress, Status::Done] {
                if ui
                    .add_enabled(
                        status != mine,
                        egui::Button::new(format!("Mark {}", status.name())),
                    )
                    .clicked()
                {
                    out.command(Command::SetStatus(document.id.clone(), status));
                    ui.close();
                }
            }
        });
        for (name, status) in others {
            colors::status_dot(ui, status, name.as_str());
        }
        if let Some(warning) = warning {
            ui.label(
                RichText::new(warning)
                    .small()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(format!(
                "Gold has {conflicts} span{} with contradictory labels: `gloss check` lists them",
                if conflicts == 1 { "" } else { "s" }
            ));
        }
    });
}

/// Where the document came from, one line per thing known, each after a newline.
fn source_lines(document: &Document) -> String {
    let meta = &document.meta;
    [
        ("Outlet", &meta.outlet),
        ("Published", &meta.published),
        ("By", &meta.author),
        ("Language", &meta.language),
        ("Source", &meta.url),
        ("Retrieved", &meta.retrieved),
    ]
    .iter()
    .filter_map(|(what, value)| value.as_deref().map(|v| format!("\n{what}: {v}")))
    .collect()
}

fn row_dot_width(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) * 0.6
}
