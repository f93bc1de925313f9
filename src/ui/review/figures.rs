//! The project's agreement figures: [`crate::review::agreement`]'s report, the one `gloss agree`
//! prints, shown as tables beside its diagnostics. The workbench computes it in a job when the
//! project or the layers compared change ([`Workbench::agreement_figures`]); this only draws it.
//!
//! [`Workbench::agreement_figures`]: crate::workbench::Workbench::agreement_figures

use egui::{Grid, RichText, Ui};

use crate::workbench::{AgreementReport, Figures as Measures, MIN_ITEMS};

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
                MIN_ITEMS,
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
