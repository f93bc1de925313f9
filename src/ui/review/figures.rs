//! The project's agreement figures: [`crate::review::agreement`]'s report, the one `gloss agree`
//! prints, shown as tables beside its diagnostics.
//!
//! The report is cached by workbench revision and options. Small projects are measured on the UI
//! thread (about a millisecond per document); from [`BACKGROUND_ANNOTATIONS`] annotations on, on
//! the `gloss-agreement` thread over a copy of the project, while the last report stays on screen.
//! A result computed for an older revision is shown until the newer one arrives, marked as such.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{Grid, RichText, Ui};

use crate::review::{self, AgreementOptions, AgreementReport, Figures as Measures};
use crate::workbench::Workbench;

/// Projects with at least this many annotations (all layers) are measured in the background.
pub const BACKGROUND_ANNOTATIONS: usize = 20_000;

/// What a report was computed for.
type Key = (u64, AgreementOptions);

/// The agreement report of the open project, kept up to date.
pub struct AgreementCache {
    report: Option<(Key, Arc<AgreementReport>)>,
    worker: Option<(Key, Receiver<AgreementReport>)>,
    /// Why the last background run gave nothing (the thread could not start or died).
    failure: Option<String>,
    /// From this many annotations on, measure in the background ([`BACKGROUND_ANNOTATIONS`]).
    background_from: usize,
}

impl Default for AgreementCache {
    fn default() -> Self {
        Self {
            report: None,
            worker: None,
            failure: None,
            background_from: BACKGROUND_ANNOTATIONS,
        }
    }
}

impl AgreementCache {
    /// The report for the project now, computing it if needed. The flag says whether it belongs to
    /// an older revision (a newer one is being computed).
    pub fn report(
        &mut self,
        ctx: &egui::Context,
        wb: &Workbench,
        options: &AgreementOptions,
    ) -> Option<(Arc<AgreementReport>, bool)> {
        let key: Key = (wb.revision(), options.clone());
        self.collect();
        let fresh = self.report.as_ref().is_some_and(|(k, _)| *k == key);
        let running = self.worker.as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh && !running {
            let size: usize = wb.project().layers().map(|(_, layer)| layer.len()).sum();
            if size < self.background_from {
                let report = review::agreement(wb.project(), options);
                self.report = Some((key.clone(), Arc::new(report)));
            } else if self.worker.is_none() {
                self.spawn(ctx, wb, key.clone());
            }
        }
        let (computed_for, report) = self.report.as_ref()?;
        Some((Arc::clone(report), *computed_for != key))
    }

    /// The message of a background run that failed, if the last one did.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Takes a finished background result.
    fn collect(&mut self) {
        let Some((key, receiver)) = &self.worker else {
            return;
        };
        match receiver.try_recv() {
            Ok(report) => {
                self.report = Some((key.clone(), Arc::new(report)));
                self.worker = None;
                self.failure = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.failure = Some("the agreement could not be computed".to_owned());
                self.worker = None;
            }
        }
    }

    fn spawn(&mut self, ctx: &egui::Context, wb: &Workbench, key: Key) {
        let (sender, receiver) = mpsc::channel();
        let project = wb.project().clone();
        let options = key.1.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("gloss-agreement".to_owned())
            .spawn(move || {
                let report = review::agreement(&project, &options);
                // The window may have closed meanwhile: then nobody is waiting.
                let _ = sender.send(report);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.worker = Some((key, receiver)),
            Err(error) => {
                self.failure = Some(format!("could not start the agreement thread: {error}"));
            }
        }
    }
}

/// A figure as the CLI prints it: three decimals, or a dash for a measure that does not apply.
pub fn format_figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

/// One figure in a grid cell, right-aligned; its accessible label names the row and the column
/// ("overall exact F1: 0.719"), so a screen reader (and a test) can tell the cells apart.
pub fn figure_cell(ui: &mut Ui, row: &str, column: &str, value: Option<f64>) {
    let text = format_figure(value);
    // Padded in a monospace font, so that decimal points line up down a column ("-0.004").
    let response = ui.label(RichText::new(format!("{text:>6}")).monospace());
    let label = format!("{row} {column}: {text}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
}

/// A column of the entity table: its heading and the figure it shows.
type Column = (&'static str, fn(&Measures) -> Option<f64>);

/// The columns of the entity table: which apply depends on how many layers are compared.
fn entity_columns(layers: usize) -> Vec<Column> {
    let mut columns: Vec<Column> = vec![
        ("exact F1", |f| f.span_f1_exact),
        ("overlap F1", |f| f.span_f1_overlap),
    ];
    if layers == 2 {
        columns.push(("Cohen κ", |f| f.cohen_kappa));
    } else {
        columns.push(("Fleiss κ", |f| f.fleiss_kappa));
    }
    columns.push(("α", |f| f.krippendorff_alpha_nominal));
    columns.push(("α_u", |f| f.krippendorff_alpha_unitizing));
    columns
}

/// The report's tables: entity mentions overall and per label, quotes, events, pairs, diagnostics.
pub fn show(ui: &mut Ui, report: &AgreementReport) {
    let documents = match report.documents {
        1 => "1 document".to_owned(),
        n => format!("{n} documents"),
    };
    ui.label(format!(
        "Agreement of {} over {documents} annotated in every layer",
        report.layers.join(", ")
    ));
    if report.layers.len() < 2 {
        ui.label(RichText::new("Agreement needs at least two annotators' layers.").weak());
        return;
    }

    ui.add_space(4.0);
    ui.strong("Entity mentions");
    let columns = entity_columns(report.layers.len());
    Grid::new("review-entity-figures")
        .striped(true)
        .num_columns(columns.len() + 1)
        .show(ui, |ui| {
            ui.label("");
            for (name, _) in &columns {
                ui.label(RichText::new(*name).strong());
            }
            ui.end_row();
            let row = |ui: &mut Ui, name: &str, figures: &Measures| {
                ui.label(name);
                for (column, value) in &columns {
                    figure_cell(ui, name, column, value(figures));
                }
                ui.end_row();
            };
            row(ui, "overall", &report.overall);
            for (label, figures) in &report.per_label {
                row(ui, label, figures);
            }
        });

    ui.add_space(6.0);
    Grid::new("review-quote-event-figures")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong("quotes");
            for (column, value) in [
                ("content F1", report.quotes.content_f1),
                ("speaker agreement", report.quotes.speaker_agreement),
                ("cue F1", report.quotes.cue_f1),
            ] {
                ui.label(column);
                figure_cell(ui, "quotes", column, value);
            }
            ui.end_row();
            ui.strong("events");
            for (column, value) in [
                ("trigger F1", report.events.trigger_f1),
                ("type agreement", report.events.type_agreement),
                ("argument F1", report.events.argument_f1),
            ] {
                ui.label(column);
                figure_cell(ui, "events", column, value);
            }
            ui.end_row();
        });

    ui.add_space(6.0);
    pairs(ui, report);
    ui.add_space(6.0);
    diagnostics(ui, report);
}

fn pairs(ui: &mut Ui, report: &AgreementReport) {
    ui.strong("Pairs")
        .on_hover_text("Precision and recall read the second layer against the first");
    let columns: [&str; 7] = [
        "documents",
        "exact P",
        "exact R",
        "exact F1",
        "overlap F1",
        "α",
        "α_u",
    ];
    Grid::new("review-pairs")
        .striped(true)
        .num_columns(columns.len() + 1)
        .show(ui, |ui| {
            ui.label("");
            for column in columns {
                ui.label(RichText::new(column).strong());
            }
            ui.end_row();
            for pair in &report.pairs {
                let name = format!("{} / {}", pair.a, pair.b);
                ui.label(&name);
                ui.label(pair.documents.to_string());
                for (column, value) in [
                    ("exact P", pair.span_precision_exact),
                    ("exact R", pair.span_recall_exact),
                    ("exact F1", pair.span_f1_exact),
                    ("overlap F1", pair.span_f1_overlap),
                    ("α", pair.krippendorff_alpha_nominal),
                    ("α_u", pair.krippendorff_alpha_unitizing),
                ] {
                    figure_cell(ui, &name, column, value);
                }
                ui.end_row();
            }
        });
}

fn diagnostics(ui: &mut Ui, report: &AgreementReport) {
    let d = &report.diagnostics;
    ui.strong("What the figures rest on");
    let documents = match d.compared_documents {
        1 => "1 document".to_owned(),
        n => format!("{n} documents"),
    };
    ui.label(format!(
        "{documents} compared, {} tokens in the documents every layer annotated",
        d.tokens
    ));
    Grid::new("review-items")
        .striped(true)
        .num_columns(report.layers.len() + 1)
        .show(ui, |ui| {
            ui.label(RichText::new("items").strong());
            for layer in &report.layers {
                ui.label(RichText::new(layer).strong());
            }
            ui.end_row();
            let row = |ui: &mut Ui, name: &str, counts: &dyn Fn(&str) -> usize| {
                ui.label(name);
                for layer in &report.layers {
                    ui.label(counts(layer).to_string());
                }
                ui.end_row();
            };
            for (label, by_layer) in &d.mentions {
                row(ui, label, &|layer| {
                    by_layer.get(layer).copied().unwrap_or(0)
                });
            }
            row(ui, "quotes", &|layer| {
                d.quotes.get(layer).copied().unwrap_or(0)
            });
            row(ui, "events", &|layer| {
                d.events.get(layer).copied().unwrap_or(0)
            });
        });
    if !d.too_few_items.is_empty() {
        ui.label(
            RichText::new(format!(
                "Too few items to judge (under {} mentions in every layer): {}",
                review::MIN_ITEMS,
                d.too_few_items.join(", ")
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    if !d.confusions.is_empty() {
        let confusions: Vec<String> = d
            .confusions
            .iter()
            .map(|c| format!("{} / {} ×{}", c.labels[0], c.labels[1], c.count))
            .collect();
        ui.label(format!(
            "Most frequent confusions (O: no mention): {}",
            confusions.join(", ")
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::markup;
    use crate::model::{
        Annotation, AnnotationId, DocId, Document, Entity, Layer, LayerKey, LayerName, Project,
        Provenance, Schema, Status, Timestamp,
    };

    fn layer(marked: &str) -> Layer {
        let marked = markup::parse(marked).unwrap();
        let annotations = marked
            .spans
            .into_iter()
            .enumerate()
            .map(|(i, (span, label))| {
                let id = AnnotationId(i as u32 + 1);
                let entity = Entity {
                    id,
                    span,
                    label,
                    attributes: Default::default(),
                    norm: None,
                    note: String::new(),
                    provenance: Provenance::manual("test", Timestamp::UNIX_EPOCH),
                };
                (id, Annotation::Entity(entity))
            })
            .collect();
        Layer::from_annotations(Status::Done, annotations)
    }

    #[test]
    fn large_projects_are_measured_in_the_background_with_the_same_result() {
        let a = "[Vucic]{PERSON} met [Kurti]{PERSON} in [Brussels]{GPE}.";
        let b = "[Vucic]{PERSON} met Kurti in [Brussels]{LOC}.";
        let mut project = Project::new("Test", Schema::default());
        let doc = DocId::new("talks").unwrap();
        let text = markup::parse(a).unwrap().text;
        project.add_document(Document::from_raw(doc.clone(), "Talks", &text));
        for (name, marked) in [("amira", a), ("bruno", b)] {
            let key = LayerKey::new(doc.clone(), LayerName::new(name).unwrap());
            project.insert_loaded_layer(key, layer(marked));
        }
        let wb = Workbench::from_project(project, PathBuf::from("/nonexistent"), "carla");
        let ctx = egui::Context::default();
        let options = AgreementOptions::default();
        let mut cache = AgreementCache {
            background_from: 0,
            ..AgreementCache::default()
        };
        assert!(
            cache.report(&ctx, &wb, &options).is_none(),
            "nothing to show until the thread is done"
        );
        let mut shown = None;
        for _ in 0..1000 {
            if let Some((report, stale)) = cache.report(&ctx, &wb, &options) {
                assert!(!stale);
                shown = Some(report);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let shown = shown.expect("the agreement thread finished");
        assert_eq!(*shown, review::agreement(wb.project(), &options));
        assert_eq!(cache.failure(), None);
    }
}
