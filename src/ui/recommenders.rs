//! The recommenders panel (Suggest ▸ Recommenders…): each recommender on or off with its score
//! threshold, what it suggests in this document and how often the analyst accepted it; the
//! tagger's training (size, when, held-out precision / recall / F1 per label, the F1 below which it
//! hides); the external model's state; and accepting every suggestion of a label at once.
//!
//! Egui only: reads the workbench and pushes [`Command`]s; keeps whether it is open and the
//! accept-all choices.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::model::matching::Counts;
use crate::workbench::{Command, SuggestionState, Tally, Workbench};
use crate::workbench::{Suggestion, TAGGER_NAME, TrainingReport};

use super::view::Outbox;

/// The panel's view state.
#[derive(Debug)]
pub struct RecommendersPanel {
    pub open: bool,
    /// Accept all: the label chosen, and the lowest score accepted.
    bulk_label: Option<String>,
    bulk_min_score: f32,
}

impl Default for RecommendersPanel {
    fn default() -> Self {
        Self {
            open: false,
            bulk_label: None,
            bulk_min_score: 0.8,
        }
    }
}

impl RecommendersPanel {
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Draws the window while it is open.
    pub fn show(&mut self, ctx: &egui::Context, wb: Option<&Workbench>, out: &mut Outbox) {
        let Some(wb) = wb else {
            return;
        };
        if !self.open {
            return;
        }
        let mut open = true;
        let available = ctx.content_rect();
        egui::Window::new("Recommenders")
            .open(&mut open)
            .default_pos(available.center() - egui::vec2(280.0, 240.0))
            .default_width(520.0)
            .vscroll(true)
            .show(ctx, |ui| self.contents(ui, wb, out));
        self.open &= open;
    }

    fn contents(&mut self, ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
        let state = wb.suggestion_state();
        let list = wb.suggestions();
        if wb.review().is_some() {
            ui.label(RichText::new("Suggestions are hidden while layers are compared.").weak());
        }
        if wb.suggestions_too_long() {
            ui.label(
                RichText::new(format!(
                    "This document is too long for live suggestions (over {} chars): \
                     `gloss suggest --apply` pre-annotates it.",
                    crate::workbench::LIVE_SUGGESTION_CHARS
                ))
                .weak(),
            );
        }
        if state.refining() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Computing this long document's suggestions…");
            });
        }
        let total = state.total();
        ui.label(format!(
            "{} in this document · {} accepted and {} rejected this session{}",
            plural(list.len(), "suggestion"),
            total.accepted,
            total.rejected,
            rate(total).map_or(String::new(), |r| format!(" ({r} accepted)")),
        ));
        ui.add_space(4.0);
        recommender_grid(ui, state, &list, out);
        ui.separator();
        tagger_section(ui, state, out);
        ui.separator();
        external_section(ui, wb);
        ui.separator();
        self.bulk_section(ui, &list, out);
    }

    /// Accept every suggestion of one label scoring at least a threshold: one undo step.
    fn bulk_section(&mut self, ui: &mut Ui, list: &[Suggestion], out: &mut Outbox) {
        ui.label(RichText::new("Accept all").strong());
        let mut labels: BTreeMap<&str, usize> = BTreeMap::new();
        for suggestion in list {
            *labels.entry(suggestion.label()).or_default() += 1;
        }
        if labels.is_empty() {
            ui.label(RichText::new("Nothing to accept in this document.").weak());
            return;
        }
        // The label chosen before while it has suggestions, else the one with the most.
        let mut chosen = match &self.bulk_label {
            Some(label) if labels.contains_key(label.as_str()) => label.clone(),
            _ => labels
                .iter()
                .max_by_key(|(_, count)| **count)
                .map(|(label, _)| (*label).to_owned())
                .unwrap_or_default(),
        };
        ui.horizontal(|ui| {
            egui::ComboBox::from_label("label")
                .selected_text(&chosen)
                .show_ui(ui, |ui| {
                    for (name, count) in &labels {
                        ui.selectable_value(
                            &mut chosen,
                            (*name).to_owned(),
                            format!("{name} ({count})"),
                        );
                    }
                });
            let min = ui.label("score at least");
            ui.add(egui::Slider::new(&mut self.bulk_min_score, 0.0..=1.0).fixed_decimals(2))
                .labelled_by(min.id);
        });
        self.bulk_label = Some(chosen.clone());
        let count = list
            .iter()
            .filter(|s| s.label() == chosen && s.score >= self.bulk_min_score)
            .count();
        let button = egui::Button::new(format!(
            "Accept {} {chosen} ≥ {:.2}",
            count, self.bulk_min_score
        ));
        if ui
            .add_enabled(count > 0, button)
            .on_hover_text("One undo step (Ctrl+Z takes them all back)")
            .clicked()
        {
            out.command(Command::AcceptAllSuggestions {
                label: chosen,
                min_score: self.bulk_min_score,
            });
        }
    }
}

/// One row per recommender: on/off, threshold, suggestions here, acceptance.
fn recommender_grid(ui: &mut Ui, state: &SuggestionState, list: &[Suggestion], out: &mut Outbox) {
    egui::Grid::new("recommenders")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Recommender").strong());
            ui.label(RichText::new("Hide below score").strong());
            ui.label(RichText::new("Here").strong());
            ui.label(RichText::new("Accepted / decided").strong());
            ui.end_row();
            for entry in state.recommenders().entries() {
                let name = entry.recommender.name().to_owned();
                let mut enabled = entry.enabled;
                let checkbox = ui
                    .checkbox(&mut enabled, &name)
                    .on_hover_text(describe(&name));
                if checkbox.changed() {
                    out.command(Command::SetRecommenderEnabled {
                        name: name.clone(),
                        enabled,
                    });
                }
                let mut threshold = entry.threshold;
                let slider = ui
                    .add(egui::Slider::new(&mut threshold, 0.0..=1.0).fixed_decimals(2))
                    .labelled_by(checkbox.id);
                if slider.changed() {
                    out.command(Command::SetRecommenderThreshold {
                        name: name.clone(),
                        threshold,
                    });
                }
                let here = list.iter().filter(|s| s.recommender == name).count();
                ui.label(here.to_string());
                let tally = state.tally(&name);
                ui.label(match rate(tally) {
                    Some(rate) => format!("{} / {} ({rate})", tally.accepted, tally.decided()),
                    None => "—".to_owned(),
                });
                ui.end_row();
            }
        });
}

/// The tagger: training size and time, held-out scores per label, the F1 below which it hides.
fn tagger_section(ui: &mut Ui, state: &SuggestionState, out: &mut Outbox) {
    ui.label(RichText::new("Tagger").strong());
    let status = state.tagger();
    let training = state.working() && status.requested != status.report.as_ref().map(|(r, _)| *r);
    if training {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Training on your latest annotations…");
        });
    }
    match &status.report {
        None if !training => {
            ui.label(
                RichText::new(
                    "Not trained yet: it learns from your annotations (or gold) once there are some.",
                )
                .weak(),
            );
        }
        None => {}
        Some((_, report)) => report_lines(ui, report),
    }
    ui.horizontal(|ui| {
        let label = ui.label("Hide the tagger when its held-out F1 is below");
        let mut min_f1 = status.min_f1;
        if ui
            .add(egui::Slider::new(&mut min_f1, 0.0..=1.0).fixed_decimals(2))
            .labelled_by(label.id)
            .changed()
        {
            out.command(Command::SetTaggerMinF1(min_f1));
        }
    });
    let on = state
        .recommenders()
        .entry(TAGGER_NAME)
        .is_some_and(|e| e.enabled);
    let why = match (on, status.set_by_hand) {
        (true, true) => "on (turned on by hand)",
        (true, false) if status.report.is_none() => "on (it suggests once trained)",
        (true, false) => "on",
        (false, true) => "off (turned off by hand)",
        (false, false) => "hidden: its held-out F1 is below the minimum",
    };
    ui.label(RichText::new(format!("The tagger is {why}.")).weak());
}

fn report_lines(ui: &mut Ui, report: &TrainingReport) {
    ui.label(format!(
        "Trained on {} and {} · last trained {} UTC, in {} ms",
        plural(report.documents, "document"),
        plural(report.tokens, "token"),
        report.finished.strftime("%Y-%m-%d %H:%M:%S"),
        report.duration.as_millis()
    ));
    let Some(held_out) = &report.held_out else {
        ui.label(
            RichText::new("No held-out scores: they need at least two annotated documents.").weak(),
        );
        return;
    };
    ui.label(format!(
        "Held out: trained on {}, tested on {} (exact matching)",
        plural(held_out.train_documents, "document"),
        plural(held_out.test_documents, "document"),
    ));
    egui::Grid::new("tagger-scores")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Label", "Precision", "Recall", "F1", "Gold"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            let row = |ui: &mut Ui, name: &str, counts: &Counts| {
                ui.label(name);
                ui.label(format!("{:.2}", counts.precision()));
                ui.label(format!("{:.2}", counts.recall()));
                ui.label(format!("{:.2}", counts.f1()));
                ui.label(counts.gold().to_string());
                ui.end_row();
            };
            for (label, counts) in &held_out.scores.labels {
                row(ui, label, counts);
            }
            row(ui, "all", &held_out.scores.all);
        });
}

fn external_section(ui: &mut Ui, wb: &Workbench) {
    ui.label(RichText::new("External model").strong());
    let settings = &wb.project().settings;
    match settings
        .recommender_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        None => {
            ui.label(
                RichText::new(
                    "None configured: set settings.recommender_url in project.ron (see README).",
                )
                .weak(),
            );
        }
        Some(url) => {
            ui.label(format!(
                "{url} (timeout {} ms)",
                settings.recommender_timeout_ms
            ));
            if let Some(error) = wb.suggestion_state().external_error() {
                ui.colored_label(ui.visuals().warn_fg_color, error);
            }
        }
    }
}

/// What a recommender does, for its hover text.
fn describe(name: &str) -> &'static str {
    match name {
        "baseline" => "Names from capitalisation, titles and gazetteers; dates",
        "string-matcher" => "Each form you labelled, at its other occurrences",
        "tagger" => "A tagger trained on your annotations in the background",
        "quotes" => "Quotation marks, cues and speakers; indirect quotes",
        "events" => "Event triggers from a lexicon and your annotations, with arguments",
        "external" => "The project's external model over HTTP",
        _ => "",
    }
}

fn rate(tally: Tally) -> Option<String> {
    tally.rate().map(|r| format!("{:.0}%", r * 100.0))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
