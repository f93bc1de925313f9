//! The Review window's charts (egui_plot): how often each annotator used each label (grouped bars,
//! in the annotators' colours of the comparison), and how far they agree on each label.

use egui::Ui;
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Legend, Plot};

use crate::workbench::{AgreementReport, Figures};

use super::marks::annotator_color;

/// Which figure the agreement chart shows per label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    ExactF1,
    OverlapF1,
    /// Cohen's κ for two layers, Fleiss' κ for more.
    Kappa,
    Alpha,
    AlphaUnitizing,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::ExactF1,
        Measure::OverlapF1,
        Measure::Kappa,
        Measure::Alpha,
        Measure::AlphaUnitizing,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Measure::ExactF1 => "exact F1",
            Measure::OverlapF1 => "overlap F1",
            Measure::Kappa => "κ",
            Measure::Alpha => "Krippendorff's α",
            Measure::AlphaUnitizing => "α_u",
        }
    }

    fn of(self, figures: &Figures) -> Option<f64> {
        match self {
            Measure::ExactF1 => figures.span_f1_exact,
            Measure::OverlapF1 => figures.span_f1_overlap,
            Measure::Kappa => figures.cohen_kappa.or(figures.fleiss_kappa),
            Measure::Alpha => figures.krippendorff_alpha_nominal,
            Measure::AlphaUnitizing => figures.krippendorff_alpha_unitizing,
        }
    }
}

/// Height of each chart, in points.
const HEIGHT: f32 = 200.0;

/// A bar plot with one category per label on the x axis, named under its tick; fixed, since
/// zooming a handful of bars shows nothing new and would steal the scroll wheel from the window.
fn category_plot<'a>(id: &'a str, labels: &'a [String]) -> Plot<'a> {
    let count = labels.len();
    Plot::new(id)
        .height(HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        // Label names fit closer together than egui_plot's default spacing for numbers allows;
        // a name that does not fit its slot is still left out.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label_spacing(10.0..=20.0)
                .formatter(move |mark, _| {
                    let rounded = mark.value.round();
                    if (mark.value - rounded).abs() > 1e-6 || rounded < 0.0 {
                        return String::new();
                    }
                    labels.get(rounded as usize).cloned().unwrap_or_default()
                }),
        ])
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .include_y(0.0)
}

/// How many mentions of each label each annotator made, side by side per label.
pub fn label_distribution(ui: &mut Ui, report: &AgreementReport) {
    let mentions = &report.diagnostics.mentions;
    let labels: Vec<String> = mentions.keys().cloned().collect();
    if labels.is_empty() || report.layers.is_empty() {
        ui.label(egui::RichText::new("No entity mentions to count yet.").weak());
        return;
    }
    let layers = report.layers.len();
    let width = 0.8 / layers as f64;
    let charts: Vec<BarChart> = report
        .layers
        .iter()
        .enumerate()
        .map(|(j, layer)| {
            let offset = (j as f64 - (layers as f64 - 1.0) / 2.0) * width;
            let bars = labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let count = mentions
                        .get(label)
                        .and_then(|by_layer| by_layer.get(layer))
                        .copied()
                        .unwrap_or(0);
                    Bar::new(i as f64 + offset, count as f64)
                        .width(width * 0.95)
                        .name(format!("{layer}: {label}"))
                })
                .collect();
            BarChart::new(layer.clone(), bars).color(annotator_color(j))
        })
        .collect();
    category_plot("review-label-distribution", &labels)
        .legend(Legend::default())
        .y_axis_label("mentions")
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// One figure per label, as bars; labels whose figure is undefined get no bar.
pub fn agreement_per_label(ui: &mut Ui, report: &AgreementReport, measure: Measure) {
    let labels: Vec<String> = report.per_label.keys().cloned().collect();
    if labels.is_empty() {
        ui.label(egui::RichText::new("No labels to compare yet.").weak());
        return;
    }
    let bars: Vec<Bar> = labels
        .iter()
        .enumerate()
        .filter_map(|(i, label)| {
            let value = measure.of(report.per_label.get(label)?)?;
            Some(Bar::new(i as f64, value).width(0.6).name(label))
        })
        .collect();
    let chart = BarChart::new(measure.name(), bars).color(ui.visuals().selection.bg_fill);
    category_plot("review-agreement-per-label", &labels)
        .include_y(1.0)
        .y_axis_label(measure.name())
        .show(ui, |plot| plot.bar_chart(chart));
}
