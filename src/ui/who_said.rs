//! The "Who said what" panel (Find ▸ Who said what…): the quotes of the layer being edited by
//! speaker (the canonical entity a speaker mention links to) and by outlet, its events by type and
//! participant, each table with a chart, and the events' timeline. A click on a row opens the
//! next of its quotes or events in its article.
//!
//! Egui only: reads [`Workbench::who_said`] and pushes [`Command`]s.

use std::collections::HashMap;

use egui::{RichText, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Plot};

use crate::model::{AnnotationId, DocId};
use crate::workbench::tasks::events::EventRow;
use crate::workbench::tasks::plural;
use crate::workbench::tasks::quotes::QuoteRow;
use crate::workbench::{Command, Workbench};

use super::view::Outbox;

/// How many rows each chart shows (the tables show every row up to [`SHOWN`]).
const CHARTED: usize = 10;
/// At most this many rows are drawn per table.
const SHOWN: usize = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Speakers,
    Outlets,
    Events,
}

#[derive(Debug, Default)]
pub struct WhoSaidPanel {
    pub open: bool,
    pub tab: Tab,
    /// Which of a row's places the next click opens, by (tab, row key).
    next: HashMap<(u8, String), usize>,
}

impl WhoSaidPanel {
    /// Returns whether the panel is still open.
    pub fn show(&mut self, ctx: &egui::Context, wb: Option<&Workbench>, out: &mut Outbox) -> bool {
        let Some(wb) = wb else {
            return self.open;
        };
        if !self.open {
            return false;
        }
        let mut open = true;
        let available = ctx.content_rect();
        egui::Window::new("Who said what")
            .open(&mut open)
            .default_pos(available.center() - egui::vec2(320.0, 260.0))
            .default_size([640.0, 520.0])
            .vscroll(true)
            .show(ctx, |ui| self.contents(ui, wb, out));
        self.open &= open;
        self.open
    }

    fn contents(&mut self, ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
        let view = wb.who_said();
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Speakers, "Speakers");
            ui.selectable_value(&mut self.tab, Tab::Outlets, "Outlets");
            ui.selectable_value(&mut self.tab, Tab::Events, "Events");
            if view.computing {
                ui.spinner();
                ui.label("Counting…");
            }
        });
        let Some(layer) = &view.layer else {
            return;
        };
        ui.label(RichText::new(format!("Layer {layer}, every document")).weak());
        ui.separator();
        match self.tab {
            Tab::Speakers => self.quotes(ui, &view.by_speaker, "speaker", out),
            Tab::Outlets => self.quotes(ui, &view.by_outlet, "outlet", out),
            Tab::Events => {
                self.events(ui, &view.events, out);
                timeline(ui, &view.timeline);
            }
        }
    }

    fn quotes(&mut self, ui: &mut Ui, rows: &[QuoteRow], by: &str, out: &mut Outbox) {
        if rows.is_empty() {
            ui.label(RichText::new("No quotes in this layer yet.").weak());
            return;
        }
        let names: Vec<String> = rows
            .iter()
            .take(CHARTED)
            .map(|r| shown(&r.key, by))
            .collect();
        let counts: Vec<f64> = rows.iter().take(CHARTED).map(|r| r.quotes as f64).collect();
        bars(ui, &format!("quotes-by-{by}"), &names, &counts);
        let tab = if by == "speaker" { 0 } else { 1 };
        for row in rows.iter().take(SHOWN) {
            let name = shown(&row.key, by);
            let mut line = format!(
                "{name}: {} quote{} ({} direct, {} indirect",
                row.quotes,
                plural(row.quotes),
                row.direct,
                row.indirect
            );
            if row.mixed > 0 {
                line.push_str(&format!(", {} mixed", row.mixed));
            }
            line.push(')');
            let mut details: Vec<String> = Vec::new();
            if !row.cues.is_empty() {
                let cues: Vec<&str> = row.cues.iter().take(3).map(|(c, _)| c.as_str()).collect();
                details.push(cues.join(", "));
            }
            if by == "speaker" && !row.outlets.is_empty() {
                details.push(row.outlets.join(", "));
            }
            if !row.dates.is_empty() {
                details.push(row.dates.join(", "));
            }
            self.row(
                ui,
                tab,
                &row.key,
                &line,
                &details.join(" · "),
                &row.places,
                out,
            );
        }
    }

    fn events(&mut self, ui: &mut Ui, rows: &[EventRow], out: &mut Outbox) {
        if rows.is_empty() {
            ui.label(RichText::new("No events in this layer yet.").weak());
            return;
        }
        // Events per type: an event appears under each of its participants, so count places.
        let mut per_type: Vec<(String, std::collections::BTreeSet<&(DocId, AnnotationId)>)> =
            Vec::new();
        for row in rows {
            match per_type.iter_mut().find(|(t, _)| *t == row.event_type) {
                Some((_, places)) => places.extend(row.places.iter()),
                None => per_type.push((row.event_type.clone(), row.places.iter().collect())),
            }
        }
        per_type.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        let names: Vec<String> = per_type
            .iter()
            .take(CHARTED)
            .map(|(t, _)| t.clone())
            .collect();
        let counts: Vec<f64> = per_type
            .iter()
            .take(CHARTED)
            .map(|(_, places)| places.len() as f64)
            .collect();
        bars(ui, "events-by-type", &names, &counts);
        for row in rows.iter().take(SHOWN) {
            let participant = if row.participant.is_empty() {
                "(no participant)"
            } else {
                row.participant.as_str()
            };
            let line = format!(
                "{} · {participant}: {} event{}",
                row.event_type,
                row.events,
                plural(row.events)
            );
            let mut details = vec![row.roles.join(", ")];
            if !row.dates.is_empty() {
                details.push(row.dates.join(", "));
            }
            let key = format!("{}\u{1}{}", row.event_type, row.participant);
            self.row(ui, 2, &key, &line, &details.join(" · "), &row.places, out);
        }
    }

    /// One clickable row: each click opens the next of its places.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        ui: &mut Ui,
        tab: u8,
        key: &str,
        line: &str,
        details: &str,
        places: &[(DocId, AnnotationId)],
        out: &mut Outbox,
    ) {
        let response = ui.selectable_label(false, line);
        if !details.is_empty() {
            ui.label(RichText::new(details).weak().small());
        }
        if response.clicked() && !places.is_empty() {
            let next = self.next.entry((tab, key.to_owned())).or_default();
            let (doc, id) = places[*next % places.len()].clone();
            *next += 1;
            out.command(Command::GoToAnnotation { doc, id });
        }
    }
}

fn shown(key: &str, by: &str) -> String {
    if !key.is_empty() {
        return key.to_owned();
    }
    if by == "speaker" {
        "(no speaker)".to_owned()
    } else {
        "(no outlet)".to_owned()
    }
}

/// One horizontal bar per name, the first at the top, names on the left (news names are too long
/// to fit under vertical bars).
fn bars(ui: &mut Ui, id: &str, names: &[String], counts: &[f64]) {
    let color = ui.visuals().selection.bg_fill;
    let count = names.len();
    // Row i is drawn at y = count - 1 - i, so that the largest comes first.
    let at = move |i: usize| (count - 1 - i) as f64;
    let chart = BarChart::new(
        id,
        counts
            .iter()
            .enumerate()
            .map(|(i, &n)| Bar::new(at(i), n).width(0.7).fill(color))
            .collect(),
    )
    .horizontal();
    let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    Plot::new(id)
        .height(22.0 * count as f32 + 30.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([true, false])
        .y_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .custom_y_axes(vec![
            AxisHints::new_y()
                .min_thickness((7.0 * widest.min(32) as f32).max(40.0))
                .label_spacing(8.0..=16.0)
                .formatter(move |mark, _| {
                    let rounded = mark.value.round();
                    if (mark.value - rounded).abs() > 1e-6 || rounded < 0.0 {
                        return String::new();
                    }
                    let row = count.saturating_sub(1 + rounded as usize);
                    names
                        .get(row)
                        .map(|n| n.chars().take(32).collect())
                        .unwrap_or_default()
                }),
        ])
        .include_y(-0.6)
        .include_y(count as f64 - 0.4)
        .include_x(0.0)
        .show(ui, |plot| plot.bar_chart(chart));
}

/// Events per document date (stacked over types would hide small ones: one bar per date).
fn timeline(ui: &mut Ui, points: &[crate::workbench::tasks::events::TimelinePoint]) {
    let mut dates: Vec<String> = Vec::new();
    let mut counts: Vec<f64> = Vec::new();
    for point in points {
        let date = if point.date.is_empty() {
            "undated".to_owned()
        } else {
            point.date.clone()
        };
        match dates.iter().position(|d| *d == date) {
            Some(i) => counts[i] += point.events as f64,
            None => {
                dates.push(date);
                counts.push(point.events as f64);
            }
        }
    }
    if dates.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Events per publication date").strong());
    bars(ui, "events-timeline", &dates, &counts);
}
