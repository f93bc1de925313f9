//! The consistency panel (Find ▸ Consistency checks…): the findings of the layer being edited,
//! each with its places (a click shows one) and, where there is one, "Fix all" (one undo step).
//!
//! Egui only: reads [`Workbench::consistency`] and pushes [`Command`]s.

use egui::{RichText, Ui};

use crate::workbench::tasks::consistency::{Finding, Fix};
use crate::workbench::{Command, Workbench};

use super::view::Outbox;

/// At most this many findings are drawn (the count says how many there are).
const SHOWN: usize = 300;

#[derive(Debug, Default)]
pub struct ConsistencyPanel {
    pub open: bool,
}

impl ConsistencyPanel {
    pub fn show(&mut self, ctx: &egui::Context, wb: Option<&Workbench>, out: &mut Outbox) {
        let Some(wb) = wb else {
            return;
        };
        if !self.open {
            return;
        }
        let mut open = true;
        let available = ctx.content_rect();
        egui::Window::new("Consistency")
            .open(&mut open)
            .default_pos(available.center() - egui::vec2(300.0, 240.0))
            .default_size([600.0, 480.0])
            .vscroll(true)
            .show(ctx, |ui| contents(ui, wb, out));
        self.open &= open;
    }
}

fn contents(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let view = wb.consistency();
    ui.horizontal(|ui| {
        if view.checking {
            ui.spinner();
            ui.label("Checking…");
        }
        if ui.button("Check again").clicked() {
            out.command(Command::CheckConsistency);
        }
    });
    let Some(report) = &view.report else {
        return;
    };
    let layer = view
        .layer
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    let n = report.findings.len();
    ui.label(
        RichText::new(format!(
            "Layer {layer}: {n} finding{} over {} mention{} in {} document{}",
            if n == 1 { "" } else { "s" },
            report.mentions,
            if report.mentions == 1 { "" } else { "s" },
            report.documents,
            if report.documents == 1 { "" } else { "s" },
        ))
        .strong(),
    );
    if n == 0 {
        ui.label("Every surface form is labelled the same way throughout.");
        return;
    }
    ui.separator();
    for (index, finding) in report.findings.iter().enumerate().take(SHOWN) {
        finding_row(ui, wb, index, finding, out);
    }
    if n > SHOWN {
        ui.label(RichText::new(format!("… and {} more", n - SHOWN)).weak());
    }
}

fn finding_row(ui: &mut Ui, wb: &Workbench, index: usize, finding: &Finding, out: &mut Outbox) {
    let title = format!("{}: {}", finding.kind.name(), finding.message);
    egui::CollapsingHeader::new(title)
        .id_salt(("finding", index))
        .default_open(index < 10)
        .show(ui, |ui| {
            if let Some(fix) = &finding.fix {
                let what = match fix {
                    Fix::Relabel { label } => format!("Relabel every place {label}"),
                    Fix::Label { label } => format!("Label every place {label}"),
                };
                if ui.button("Fix all").on_hover_text(what).clicked() {
                    out.command(Command::FixFinding(index));
                }
            }
            for (place_index, place) in finding.places.iter().enumerate() {
                let title = wb
                    .project()
                    .document(&place.doc)
                    .map_or_else(|| place.doc.to_string(), |d| d.title.clone());
                let label = place.label.as_deref().unwrap_or("unlabelled");
                let line = format!("{title} {}: {:?} {label}", place.span(), place.text);
                let selected = wb.selection().doc.as_ref() == Some(&place.doc)
                    && wb.selection().span == Some(place.span());
                if ui.selectable_label(selected, line).clicked() {
                    out.command(Command::GoToFindingPlace {
                        finding: index,
                        place: place_index,
                    });
                }
            }
        });
}
