//! The Document details window (title, outlet, authors, published, language, source URL), and
//! the review of what cleaning removed at import, shown above the inspector while the document
//! has removals: each line with why, a Restore button and Restore all, until the first annotation.

use egui::{RichText, Ui};

use crate::model::{DocId, DocumentInfo, DocumentMeta};
use crate::workbench::{Command, Workbench};

use super::view::{Outbox, View};

/// The fields as typed, for the document they were loaded from.
#[derive(Clone, Debug, Default)]
pub struct DetailsDraft {
    doc: Option<DocId>,
    /// What the document had when the fields were filled: the fields follow the document (after
    /// an undo) while nothing was typed.
    loaded: DocumentInfo,
    title: String,
    outlet: String,
    authors: String,
    published: String,
    language: String,
    url: String,
}

impl DetailsDraft {
    fn load(doc: DocId, info: DocumentInfo) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            title: info.title.clone(),
            outlet: text(&info.meta.outlet),
            authors: text(&info.meta.author),
            published: text(&info.meta.published),
            language: text(&info.meta.language),
            url: text(&info.meta.url),
            doc: Some(doc),
            loaded: info,
        }
    }

    /// The values typed; `retrieved` is not edited and stays as loaded.
    fn info(&self) -> DocumentInfo {
        let value = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        DocumentInfo {
            title: self.title.trim().to_owned(),
            meta: DocumentMeta {
                outlet: value(&self.outlet),
                url: value(&self.url),
                published: value(&self.published),
                author: value(&self.authors),
                language: value(&self.language),
                retrieved: self.loaded.meta.retrieved.clone(),
                duplicate_of: self.loaded.meta.duplicate_of.clone(),
            },
        }
    }
}

/// The Document details window for the shown document, while `view.details_open`.
pub fn show(ctx: &egui::Context, wb: Option<&Workbench>, view: &mut View, out: &mut Outbox) {
    if !view.details_open {
        return;
    }
    let Some(document) = wb.and_then(|wb| wb.current_doc()) else {
        view.details_open = false;
        return;
    };
    let info = document.info();
    let draft = &mut view.details;
    let untouched = draft.info() == draft.loaded;
    if draft.doc.as_ref() != Some(&document.id) || (untouched && draft.loaded != info) {
        *draft = DetailsDraft::load(document.id.clone(), info.clone());
    }
    let mut open = true;
    let mut close = false;
    // Over the article, not over the document list it was opened from.
    let available = ctx.content_rect();
    egui::Window::new("Document details")
        .default_pos(available.center() - egui::vec2(240.0, 220.0))
        .open(&mut open)
        .resizable(true)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("Document {}", document.id)).weak());
            let typed = draft.info();
            let problems = typed.problems();
            egui::Grid::new("document-details")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    field(ui, "Title", &mut draft.title, "", &problems, "title");
                    field(
                        ui,
                        "Outlet",
                        &mut draft.outlet,
                        "e.g. TRT World",
                        &problems,
                        "outlet",
                    );
                    field(
                        ui,
                        "Authors",
                        &mut draft.authors,
                        "e.g. Jane Doe, John Roe",
                        &problems,
                        "authors",
                    );
                    field(
                        ui,
                        "Published",
                        &mut draft.published,
                        "YYYY-MM-DD, or RFC 3339 date and time",
                        &problems,
                        "published",
                    );
                    field(
                        ui,
                        "Language",
                        &mut draft.language,
                        "e.g. en, sr-Latn",
                        &problems,
                        "language",
                    );
                    field(
                        ui,
                        "Source URL",
                        &mut draft.url,
                        "e.g. https://…",
                        &problems,
                        "source URL",
                    );
                    if let Some(retrieved) = &draft.loaded.meta.retrieved {
                        ui.label("Retrieved");
                        ui.label(retrieved);
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            let changed = typed != draft.loaded;
            ui.horizontal(|ui| {
                let save = ui
                    .add_enabled(
                        changed && problems.is_empty(),
                        egui::Button::new("Save details"),
                    )
                    .on_disabled_hover_text(if problems.is_empty() {
                        "Nothing changed"
                    } else {
                        "Correct the fields marked in red first"
                    });
                if save.clicked() {
                    out.command(Command::SetDocumentInfo {
                        doc: document.id.clone(),
                        info: Box::new(typed.clone()),
                    });
                }
                if ui
                    .add_enabled(changed, egui::Button::new("Revert"))
                    .on_hover_text("Put the fields back as the document has them")
                    .clicked()
                {
                    *draft = DetailsDraft::load(document.id.clone(), info.clone());
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
            if !problems.is_empty() {
                ui.label(
                    RichText::new("Nothing is saved until every field is valid.")
                        .small()
                        .color(ui.visuals().error_fg_color),
                );
            } else {
                ui.label(
                    RichText::new("Saving is one step: Ctrl+Z takes it back.")
                        .small()
                        .weak(),
                );
            }
        });
    if !open || close {
        view.details_open = false;
    }
}

/// One labelled field, and below it (in red) what is wrong with it.
fn field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    problems: &[(&'static str, String)],
    key: &str,
) {
    let name = ui.label(label);
    ui.vertical(|ui| {
        ui.add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(320.0),
        )
        .labelled_by(name.id);
        for (_, message) in problems.iter().filter(|(k, _)| *k == key) {
            ui.label(
                RichText::new(message)
                    .small()
                    .color(ui.visuals().error_fg_color),
            );
        }
    });
    ui.end_row();
}

/// "Cleaned at import: N lines", expandable: each removal with why and a Restore button, and
/// Restore all; once the document has annotations, a note that its text is fixed instead.
pub fn cleaning(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let Some(document) = wb.current_doc() else {
        return;
    };
    if document.removed.is_empty() {
        return;
    }
    let n = document.removed.len();
    let free = wb.text_is_free(&document.id);
    let heading = format!(
        "Cleaned at import: {n} line{}",
        if n == 1 { "" } else { "s" }
    );
    egui::CollapsingHeader::new(heading)
        .id_salt(("cleaned", document.id.as_str()))
        .show(ui, |ui| {
            if free {
                ui.label(
                    RichText::new(
                        "Removed as scraped noise. Put back what belongs to the article before \
                         annotating: once it has annotations the text is fixed.",
                    )
                    .small()
                    .weak(),
                );
                if ui
                    .button("Restore all")
                    .on_hover_text("Put every removed line back (one step: Ctrl+Z takes it back)")
                    .clicked()
                {
                    out.command(Command::RestoreRemoved {
                        doc: document.id.clone(),
                        index: None,
                    });
                }
            } else {
                ui.label(
                    RichText::new(
                        "The text is fixed: this document has annotations, whose offsets must \
                         stay exact. Removed lines can no longer be put back.",
                    )
                    .small()
                    .color(ui.visuals().warn_fg_color),
                );
            }
            for (index, removal) in document.removed.iter().enumerate() {
                ui.separator();
                ui.label(format!("“{}”", removal.shown()));
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&removal.why).small().weak());
                    if free
                        && ui
                            .small_button("Restore")
                            .on_hover_text(format!(
                                "Put line {} back where it was (Ctrl+Z takes it back)",
                                index + 1
                            ))
                            .clicked()
                    {
                        out.command(Command::RestoreRemoved {
                            doc: document.id.clone(),
                            index: Some(index),
                        });
                    }
                });
            }
        });
    ui.add_space(4.0);
}
