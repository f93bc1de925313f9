//! The left panel: progress, the filters (text, outlet, date range), the sort order, and every
//! document with each annotator's status and, on a second line, its outlet and date.
//!
//! The shown order is computed when the project, the filters or the sort change (never while
//! drawing), so a list of 10,000 documents costs only the rows on screen per frame.

use std::cmp::Ordering;

use egui::{RichText, Ui};

use crate::model::{Document, LayerName, Project, Status};
use crate::workbench::{Action, Command, DocumentProblems, Workbench};

use super::colors;
use super::keys;
use super::view::{Outbox, View};

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DocSort {
    /// The order the documents were imported in.
    #[default]
    Imported,
    Title,
    /// By outlet, then date, then title; documents without an outlet last.
    Outlet,
    /// By publication date; undated documents last.
    Date,
}

impl DocSort {
    const ALL: [DocSort; 4] = [
        DocSort::Imported,
        DocSort::Title,
        DocSort::Outlet,
        DocSort::Date,
    ];

    fn name(self) -> &'static str {
        match self {
            DocSort::Imported => "Added",
            DocSort::Title => "Title",
            DocSort::Outlet => "Outlet",
            DocSort::Date => "Date",
        }
    }
}

/// Which documents the list shows, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocQuery {
    /// Case-insensitive: title, id, outlet, or the start of the date.
    pub text: String,
    /// Only this outlet's documents.
    pub outlet: Option<String>,
    /// Only documents published on or after this date (`2015`, `2015-05`, `2015-05-18`).
    pub from: String,
    /// Only documents published on or before this date (a prefix: `2015` means to the end of 2015).
    pub to: String,
    pub sort: DocSort,
    pub descending: bool,
}

/// The document list's state: the query and the order it gave, with what it was computed for.
#[derive(Default)]
pub struct DocList {
    pub query: DocQuery,
    /// Positions in project order of the documents shown, in shown order; the query and project
    /// revision it was computed for.
    shown: Option<(u64, DocQuery, Vec<usize>)>,
    /// Every outlet named in the project, sorted, with the revision it was gathered at.
    outlets: Option<(u64, Vec<String>)>,
    /// How many times the shown order was computed (tests check it is not every frame).
    pub builds: u64,
    /// The annotator the shown order put first the assignments of.
    shown_for: String,
}

impl DocList {
    /// The positions of the documents to show, recomputed only when the project or query changed.
    fn shown(&mut self, project: &Project, revision: u64, annotator: &str) -> &[usize] {
        let fresh = self.shown.as_ref().is_some_and(|(r, q, _)| {
            *r == revision && *q == self.query && self.shown_for == annotator
        });
        if !fresh {
            self.builds += 1;
            let mut order = order(project.documents(), &self.query);
            // The annotator's assignments first, each part in the order asked for.
            let documents = project.documents();
            order.sort_by_key(|&p| !project.team.is_assigned(&documents[p].id, annotator));
            self.shown = Some((revision, self.query.clone(), order));
            self.shown_for = annotator.to_owned();
        }
        self.shown.as_ref().map_or(&[], |(_, _, order)| order)
    }

    fn outlets(&mut self, project: &Project, revision: u64) -> &[String] {
        if self.outlets.as_ref().is_none_or(|(r, _)| *r != revision) {
            let mut outlets: Vec<String> = project
                .documents()
                .iter()
                .filter_map(|d| d.meta.outlet.clone())
                .collect();
            outlets.sort_by_key(|o| o.to_lowercase());
            outlets.dedup();
            self.outlets = Some((revision, outlets));
        }
        self.outlets.as_ref().map_or(&[], |(_, o)| o)
    }
}

/// The date part (`2015-05-18`) of a published value (`2015-05-18T10:00:00Z`, or as a source gave
/// it); empty when there is none.
pub fn date_of(document: &Document) -> &str {
    let published = document.meta.published.as_deref().unwrap_or("").trim();
    match published.get(..10) {
        Some(date) if published.as_bytes().get(4) == Some(&b'-') => date,
        _ => published,
    }
}

/// The positions (in project order) of the documents `query` keeps, in its order.
pub fn order(documents: &[Document], query: &DocQuery) -> Vec<usize> {
    let text = query.text.trim().to_lowercase();
    let from = query.from.trim();
    let to = query.to.trim();
    let mut kept: Vec<usize> = documents
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            let date = date_of(d);
            (text.is_empty()
                || d.title.to_lowercase().contains(&text)
                || d.id.as_str().contains(&text)
                || d.meta
                    .outlet
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains(&text))
                || (!date.is_empty() && date.starts_with(&text)))
                && query
                    .outlet
                    .as_ref()
                    .is_none_or(|o| d.meta.outlet.as_ref() == Some(o))
                && (from.is_empty() || (!date.is_empty() && date >= from))
                && (to.is_empty()
                    || (!date.is_empty() && date.get(..to.len()).unwrap_or(date) <= to))
        })
        .map(|(i, _)| i)
        .collect();
    if query.sort == DocSort::Imported {
        if query.descending {
            kept.reverse();
        }
        return kept;
    }
    // Keys made once per document, not once per comparison.
    let keys: Vec<(Option<String>, String)> = kept
        .iter()
        .map(|&i| {
            let d = &documents[i];
            let title = d.title.to_lowercase();
            let key = match query.sort {
                DocSort::Title | DocSort::Imported => Some(title.clone()),
                DocSort::Outlet => d.meta.outlet.as_ref().map(|o| o.to_lowercase()),
                DocSort::Date => Some(date_of(d).to_owned()).filter(|d| !d.is_empty()),
            };
            (key, title)
        })
        .collect();
    let mut positions: Vec<usize> = (0..kept.len()).collect();
    positions.sort_by(|&a, &b| {
        let (ka, ta) = &keys[a];
        let (kb, tb) = &keys[b];
        // Documents without the key come last, whichever the direction.
        let primary = match (ka, kb) {
            (Some(x), Some(y)) => {
                let o = x.cmp(y);
                if query.descending { o.reverse() } else { o }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary
            .then_with(|| {
                if query.sort == DocSort::Outlet {
                    date_of(&documents[kept[a]]).cmp(date_of(&documents[kept[b]]))
                } else {
                    Ordering::Equal
                }
            })
            .then_with(|| ta.cmp(tb))
            .then(a.cmp(&b))
    });
    positions.into_iter().map(|p| kept[p]).collect()
}

pub fn show(ui: &mut Ui, wb: &Workbench, view: &mut View, out: &mut Outbox) {
    let documents = wb.project().documents();
    let done = match view.done_count {
        Some((revision, done)) if revision == wb.revision() => done,
        _ => {
            let done = documents
                .iter()
                .filter(|d| wb.peeked_status(&d.id).is_some_and(Status::is_finished))
                .count();
            view.done_count = Some((wb.revision(), done));
            done
        }
    };
    ui.heading("Documents");
    match wb.reading() {
        // Statuses are in the layer files: until their headers are read, only the documents read
        // are counted.
        Some(reading) if !wb.statuses_known() => ui
            .label(format!(
                "{done} / {} done so far ({} read)",
                documents.len(),
                reading.read
            ))
            .on_hover_text(format!(
                "Documents {} has marked done, among those read so far",
                wb.annotator()
            )),
        _ => ui
            .label(format!("{done} / {} done", documents.len()))
            .on_hover_text(format!("Documents {} has marked done", wb.annotator())),
    };
    let fraction = if documents.is_empty() {
        0.0
    } else {
        done as f32 / documents.len() as f32
    };
    ui.add(egui::ProgressBar::new(fraction).desired_height(4.0));
    let (done_assigned, assigned) = assigned_progress(wb, view);
    if assigned > 0 {
        ui.label(format!(
            "Assigned to you: {done_assigned} / {assigned} done, listed first"
        ));
    }

    filters(ui, wb, &mut view.doc_list);

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
        ui.horizontal(|ui| {
            if ui.button(text).on_hover_text(hover).clicked() {
                out.command(Command::ToggleDone);
            }
            if ui
                .button("Details…")
                .on_hover_text("Title, outlet, authors, date, language and source of this document")
                .clicked()
            {
                view.details_open = true;
            }
        });
    }
    ui.separator();

    if view
        .document_problems
        .as_ref()
        .is_none_or(|(revision, _)| *revision != wb.revision())
    {
        view.document_problems = Some((wb.revision(), wb.document_problems()));
    }
    let problems = view
        .document_problems
        .as_ref()
        .map(|(_, found)| found.clone())
        .unwrap_or_default();
    let shown = view
        .doc_list
        .shown(wb.project(), wb.revision(), wb.annotator().as_str());
    if shown.is_empty() {
        ui.label(RichText::new("No document matches").weak());
        return;
    }
    if shown.len() < documents.len() {
        ui.label(
            RichText::new(format!("{} of {} shown", shown.len(), documents.len()))
                .small()
                .weak(),
        );
    }
    let row_height =
        ui.spacing().interact_size.y + second_line_height(ui) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, shown.len(), |ui, rows| {
            for &position in &shown[rows] {
                let document = &documents[position];
                let problems = problems.get(&document.id).copied().unwrap_or_default();
                row(ui, wb, document, problems, out);
            }
        });
}

/// The text filter, the outlet and date-range filters and the sort buttons.
fn filters(ui: &mut Ui, wb: &Workbench, list: &mut DocList) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut list.query.text)
                .hint_text("title, id, outlet or date")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    let outlets = list.outlets(wb.project(), wb.revision()).to_vec();
    if !outlets.is_empty() {
        ui.horizontal(|ui| {
            let label = ui.label("Outlet");
            let chosen = list.query.outlet.clone();
            egui::ComboBox::from_id_salt("documents-outlet")
                .selected_text(chosen.as_deref().unwrap_or("All outlets"))
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut list.query.outlet, None, "All outlets");
                    for outlet in &outlets {
                        ui.selectable_value(
                            &mut list.query.outlet,
                            Some(outlet.clone()),
                            outlet.as_str(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    ui.horizontal(|ui| {
        let from = ui.label("From");
        let width = (ui.available_width() - 40.0).max(60.0) / 2.0;
        ui.add(
            egui::TextEdit::singleline(&mut list.query.from)
                .hint_text("2015")
                .desired_width(width),
        )
        .labelled_by(from.id)
        .on_hover_text("Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let to = ui.label("to");
        ui.add(
            egui::TextEdit::singleline(&mut list.query.to)
                .hint_text("2023")
                .desired_width(width),
        )
        .labelled_by(to.id)
        .on_hover_text("Published on or before this date (2015 means to the end of 2015)");
    });
    ui.horizontal_wrapped(|ui| {
        // Tighter than usual, so the four choices fit the panel's default width on one line.
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.spacing_mut().button_padding.x = 3.0;
        ui.label("Sort");
        for sort in DocSort::ALL {
            let current = list.query.sort == sort;
            // Ascending is the highlighted button alone (the panel is narrow); reversed shows ↓.
            let text = if current && list.query.descending {
                format!("{} ↓", sort.name())
            } else {
                sort.name().to_owned()
            };
            let response = ui
                .add(egui::Button::selectable(current, text))
                .on_hover_text(if current {
                    "Sorted by this: click again to reverse"
                } else {
                    "Sort the list by this"
                });
            if response.clicked() {
                if current {
                    list.query.descending = !list.query.descending;
                } else {
                    list.query.sort = sort;
                    list.query.descending = false;
                }
            }
        }
    });
}

/// One document: the current annotator's status, the title, then everyone else's status; below,
/// small, its outlet and date.
/// `conflicts`: how many spans of the document's gold have contradictory labels (a problem, as
/// `gloss check` says).
/// How many of the documents assigned to the annotator are done, and how many there are; counted
/// when the project changes, not every frame.
fn assigned_progress(wb: &Workbench, view: &mut View) -> (usize, usize) {
    if let Some((revision, done, assigned)) = view.assigned_count
        && revision == wb.revision()
    {
        return (done, assigned);
    }
    let me = wb.annotator().as_str();
    let team = &wb.project().team;
    let mine: Vec<&Document> = wb
        .project()
        .documents()
        .iter()
        .filter(|d| team.is_assigned(&d.id, me))
        .collect();
    let done = mine
        .iter()
        .filter(|d| wb.peeked_status(&d.id).is_some_and(Status::is_finished))
        .count();
    view.assigned_count = Some((wb.revision(), done, mine.len()));
    (done, mine.len())
}

fn row(
    ui: &mut Ui,
    wb: &Workbench,
    document: &Document,
    problems: DocumentProblems,
    out: &mut Outbox,
) {
    ui.horizontal(|ui| title_line(ui, wb, document, problems, out));
    let outlet = document.meta.outlet.as_deref().unwrap_or("");
    let date = date_of(document);
    let source = match (outlet.is_empty(), date.is_empty()) {
        (false, false) => format!("{outlet} · {date}"),
        (false, true) => outlet.to_owned(),
        (true, false) => date.to_owned(),
        // An empty line keeps every row the same height (the list draws only visible rows).
        (true, true) => " ".to_owned(),
    };
    // Exactly one small line high, so that every row has the height the list counts with.
    let size = egui::vec2(ui.available_width(), second_line_height(ui));
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.add_space(ui.spacing().indent);
            ui.add(egui::Label::new(RichText::new(source).small().weak()).truncate());
        },
    );
}

fn second_line_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Small)
}

fn title_line(
    ui: &mut Ui,
    wb: &Workbench,
    document: &Document,
    problems: DocumentProblems,
    out: &mut Outbox,
) {
    let mine = wb
        .peeked_status(&document.id)
        .unwrap_or_else(|| wb.status_of(&document.id));
    let current = wb.current_doc().is_some_and(|d| d.id == document.id);
    if let Some(status) = wb.peeked_status(&document.id) {
        colors::status_dot(ui, status, wb.annotator().as_str());
    } else {
        // Its status is in its layer files, not read yet.
        ui.label(RichText::new("…").weak())
            .on_hover_text("Not read yet: the project is still being read");
    }
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
    // Leave room for the other annotators' dots (and a warning) after the title.
    let warning = problem_mark(problems);
    let dots = others.len() as f32 * (ui.spacing().item_spacing.x + row_dot_width(ui))
        + warning.as_ref().map_or(0.0, |w| 8.0 * w.len() as f32);
    let response = ui
        .scope(|ui| {
            ui.set_max_width((ui.available_width() - dots).max(40.0));
            let shown = super::article::bidi_label(ui, title, egui::TextStyle::Button);
            let response = ui.add(egui::Button::selectable(current, shown).truncate());
            // Screen readers get the title in logical order, not as drawn.
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), current, title)
            });
            response
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
        .on_hover_text(problem_text(problems));
    }
}

/// The short mark after a document's title when something in it needs fixing.
fn problem_mark(problems: DocumentProblems) -> Option<String> {
    match (problems.gold_contradictions, problems.unknown_labels) {
        (0, 0) => None,
        (gold, 0) => Some(format!("{gold} gold!")),
        (0, _) => Some("label?".to_owned()),
        (gold, _) => Some(format!("{gold} gold! label?")),
    }
}

/// What the mark means, for its hover text.
fn problem_text(problems: DocumentProblems) -> String {
    let mut lines = Vec::new();
    let gold = problems.gold_contradictions;
    if gold > 0 {
        lines.push(format!(
            "Gold has {gold} span{} with contradictory labels",
            if gold == 1 { "" } else { "s" }
        ));
    }
    let unknown = problems.unknown_labels;
    if unknown > 0 {
        lines.push(format!(
            "{unknown} annotation{} a label the schema does not have (kept: put the label back in \
             the schema, or relabel)",
            if unknown == 1 { " uses" } else { "s use" }
        ));
    }
    lines.push("`gloss check` lists them".to_owned());
    lines.join("\n")
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
