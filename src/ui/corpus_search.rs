//! The corpus search panel (Find ▸ Search all documents…, Ctrl+Shift+F): a query over every
//! document, its hits in context grouped by document with their counts, F3 / Shift+F3 through
//! them across documents, and "Label all hits" as one undo step.
//!
//! Egui only: reads [`Workbench::corpus_search`] and pushes [`Command`]s; keeps what is typed.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat, Ui};

use crate::workbench::tasks::search::context;
use crate::workbench::{Command, SearchRequest, SearchResults, Workbench};

use super::view::Outbox;

/// Chars of context shown either side of a hit.
const CONTEXT_CHARS: usize = 40;

/// The panel's view state.
#[derive(Debug, Default)]
pub struct CorpusSearchPanel {
    pub open: bool,
    /// Put the caret in the query field on the next frame.
    pub focus: bool,
    query: String,
    regex: bool,
    /// The entity label "Label all hits" applies.
    label: Option<String>,
    /// The current hit the list last scrolled to: F3 scrolls the list once, then the analyst may.
    scrolled_to: Option<usize>,
}

/// One line of the results list: a document's heading or one hit.
enum Row {
    Document(usize),
    Hit(usize),
}

impl CorpusSearchPanel {
    /// Opens the panel with the caret in its field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
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
        egui::Window::new("Search all documents")
            .open(&mut open)
            .default_pos(available.center() - egui::vec2(330.0, 260.0))
            .default_size([660.0, 520.0])
            .resizable(true)
            .show(ctx, |ui| self.contents(ui, wb, out));
        self.open &= open;
    }

    fn contents(&mut self, ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(
                            "Vučić, label:PERSON, speaker:Kurti, event:MEET participant:Vucic",
                        )
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.checkbox(&mut self.regex, "Regex");
            if ui.button("Search").clicked() || entered {
                out.command(Command::SearchCorpus(SearchRequest {
                    query: self.query.clone(),
                    regex: self.regex,
                    ..SearchRequest::default()
                }));
            }
        });
        ui.label(
            RichText::new(
                "Case and accents are ignored. Filters: label:L kind:entity|quote|event \
                 attr:NAME=VALUE speaker:X event:TYPE participant:Y layer:NAME",
            )
            .weak()
            .small(),
        );
        let search = wb.corpus_search();
        if search.indexing {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Indexing the documents…");
            });
        }
        if let Some(error) = &search.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if let Some(warning) = search
            .index_report
            .as_ref()
            .and_then(|r| r.cache_warning.as_ref())
        {
            ui.label(RichText::new(warning).weak());
        }
        let Some(results) = search.results.clone() else {
            return;
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new(summary(&results)).strong());
            if !results.hits.is_empty() {
                ui.separator();
                self.label_all(ui, wb, out);
            }
        });
        ui.separator();
        self.results_list(ui, wb, &results, search.current, out);
    }

    /// "Label all hits as [label]": one undo step.
    fn label_all(&mut self, ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
        let labels: Vec<String> = wb
            .project()
            .schema
            .entity_labels
            .iter()
            .map(|l| l.name.clone())
            .collect();
        let Some(first) = labels.first() else {
            return;
        };
        let mut chosen = match &self.label {
            Some(label) if labels.contains(label) => label.clone(),
            _ => wb
                .last_label()
                .filter(|l| labels.iter().any(|x| x == l))
                .map_or_else(|| first.clone(), str::to_owned),
        };
        let caption = ui.label("Label all hits as");
        egui::ComboBox::from_id_salt("corpus-label-all")
            .selected_text(chosen.as_str())
            .show_ui(ui, |ui| {
                for label in &labels {
                    ui.selectable_value(&mut chosen, label.clone(), label);
                }
            })
            .response
            .labelled_by(caption.id);
        self.label = Some(chosen.clone());
        if ui
            .button("Label all hits")
            .on_hover_text("Make every hit an entity with this label in your layer (one undo step)")
            .clicked()
        {
            out.command(Command::LabelCorpusHits(chosen));
        }
    }

    fn results_list(
        &mut self,
        ui: &mut Ui,
        wb: &Workbench,
        results: &SearchResults,
        current: Option<usize>,
        out: &mut Outbox,
    ) {
        let mut rows = Vec::with_capacity(results.hits.len() + results.per_document.len());
        let mut doc_row = 0;
        for (i, hit) in results.hits.iter().enumerate() {
            if i == 0 || results.hits[i - 1].doc != hit.doc {
                while results
                    .per_document
                    .get(doc_row)
                    .is_some_and(|(doc, _)| *doc != hit.doc)
                {
                    doc_row += 1;
                }
                rows.push(Row::Document(doc_row));
            }
            rows.push(Row::Hit(i));
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("corpus-results")
            .auto_shrink([false, false]);
        if current != self.scrolled_to {
            self.scrolled_to = current;
            if let Some(row) = current.and_then(|i| {
                rows.iter()
                    .position(|r| matches!(r, Row::Hit(h) if *h == i))
            }) {
                // Rows are drawn only where visible, so the list scrolls by position.
                area = area.vertical_scroll_offset((row as f32 - 3.0).max(0.0) * row_height);
            }
        }
        area.show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                match row {
                    Row::Document(n) => {
                        let Some((doc, count)) = results.per_document.get(*n) else {
                            continue;
                        };
                        let title = wb
                            .project()
                            .document(doc)
                            .map_or_else(|| doc.to_string(), |d| d.title.clone());
                        ui.label(
                            RichText::new(format!(
                                "{title} — {count} hit{}",
                                if *count == 1 { "" } else { "s" }
                            ))
                            .strong(),
                        );
                    }
                    Row::Hit(i) => {
                        let hit = &results.hits[*i];
                        let Some(document) = wb.project().document(&hit.doc) else {
                            continue;
                        };
                        let (before, text, after) =
                            context(&document.text, hit.span, CONTEXT_CHARS);
                        let job = hit_line(ui, &before, &text, &after, hit.label.as_deref());
                        let selected = current == Some(*i);
                        if ui.selectable_label(selected, job).clicked() {
                            out.command(Command::GoToCorpusHit(*i));
                        }
                    }
                }
            }
        });
    }
}

/// "N hits in M documents (of K)".
fn summary(results: &SearchResults) -> String {
    let documents = results.per_document.len();
    let mut text = format!(
        "{} hit{} in {} document{} (of {})",
        results.total,
        if results.total == 1 { "" } else { "s" },
        documents,
        if documents == 1 { "" } else { "s" },
        results.documents_searched
    );
    if results.truncated() {
        text.push_str(&format!("; the first {} shown", results.hits.len()));
    }
    text
}

/// A hit in its context, the hit itself highlighted, its label (for annotation hits) first.
fn hit_line(ui: &Ui, before: &str, text: &str, after: &str, label: Option<&str>) -> LayoutJob {
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body) - 2.0);
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    if let Some(label) = label {
        job.append(
            &format!("{label}  "),
            0.0,
            TextFormat {
                color: ui.visuals().weak_text_color(),
                ..plain.clone()
            },
        );
    }
    job.append(&format!("…{}", before.trim_start()), 0.0, plain.clone());
    job.append(
        &text.replace('\n', " "),
        0.0,
        TextFormat {
            background: Color32::from_rgba_unmultiplied(255, 200, 0, 90),
            ..plain.clone()
        },
    );
    job.append(&format!("{}…", after.trim_end()), 0.0, plain);
    job
}
