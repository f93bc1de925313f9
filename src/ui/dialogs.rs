//! Small dialogs: who is annotating, a new project, an error, and the list of every shortcut.

use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use crate::model::{DocId, LayerName, Schema};
use crate::workbench;

use super::view::{Outbox, UiAction, View};

/// Asks for the annotator's name: at first start, and when switching.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotatorDialog {
    pub name: String,
    /// The annotators the project lists, offered as one-click choices.
    pub known: Vec<String>,
    /// The project that opens once the name is known (first start); `None` when switching
    /// annotator. Cancel then goes back to the welcome screen without opening it.
    pub opening: Option<PathBuf>,
}

/// Importing web pages: URLs (one a line) and feeds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WebImportDialog {
    pub urls: String,
    pub feeds: String,
    pub keep_noise: bool,
}

/// The http(s) URLs of `text`, one a line; other lines are left out.
fn urls_in(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
        .map(str::to_owned)
        .collect()
}

/// Creating a project: its name, a schema preset and the folder to create it in.
#[derive(Clone, Debug, PartialEq)]
pub struct NewProjectDialog {
    pub name: String,
    pub preset: String,
    /// The folder the project folder is created in.
    pub parent: Option<PathBuf>,
    /// Whether the text import follows once the project is created (the welcome screen's "Import
    /// articles…").
    pub then_import: bool,
}

impl Default for NewProjectDialog {
    fn default() -> Self {
        Self {
            name: String::new(),
            preset: workbench::PRESET_NAMES
                .first()
                .map_or_else(|| "news".to_owned(), |n| (*n).to_owned()),
            parent: None,
            then_import: false,
        }
    }
}

impl NewProjectDialog {
    /// Where the project will be created: a folder named after the project inside `parent`.
    pub fn target(&self) -> Option<PathBuf> {
        let parent = self.parent.as_ref()?;
        let name = self.name.trim();
        (!name.is_empty()).then(|| parent.join(DocId::slug(name).as_str()))
    }
}

/// Whether a modal dialog is open, so that the article's keys stay quiet.
pub fn any_modal(view: &View) -> bool {
    view.annotator_dialog.is_some()
        || view.new_project.is_some()
        || view.web_import.is_some()
        || !view.errors.is_empty()
        || view.formats.is_open()
        || view.bulk_accept.is_some()
        || view.picker.is_some()
}

pub fn show(ctx: &egui::Context, view: &mut View, out: &mut Outbox) {
    error_dialog(ctx, view);
    annotator_dialog(ctx, view, out);
    new_project_dialog(ctx, view, out);
    web_import_dialog(ctx, view, out);
}

fn web_import_dialog(ctx: &egui::Context, view: &mut View, out: &mut Outbox) {
    let Some(dialog) = view.web_import.as_mut() else {
        return;
    };
    let mut fetch = false;
    let mut cancel = false;
    let response = egui::Modal::new(Id::unique("gloss-web-import")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Import web pages");
        let label = ui.label("Page URLs, one a line");
        ui.add(
            egui::TextEdit::multiline(&mut dialog.urls)
                .hint_text("https://www.example.org/news/article")
                .desired_rows(5)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let label = ui.label("News feeds (RSS or Atom), one a line");
        ui.add(
            egui::TextEdit::multiline(&mut dialog.feeds)
                .hint_text("https://www.example.org/rss.xml")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.checkbox(
            &mut dialog.keep_noise,
            "Keep scraped noise (captions, \"Read More\" lines, bylines)",
        );
        ui.label(
            RichText::new(
                "Pages are fetched in the background; a page that fails is reported and the others are imported.",
            )
            .weak(),
        );
        ui.horizontal(|ui| {
            let any = !urls_in(&dialog.urls).is_empty() || !urls_in(&dialog.feeds).is_empty();
            fetch = ui
                .add_enabled(any, egui::Button::new("Fetch and import"))
                .clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if fetch {
        out.action(UiAction::FetchWebPages {
            urls: urls_in(&dialog.urls),
            feeds: urls_in(&dialog.feeds),
            keep_noise: dialog.keep_noise,
        });
        view.web_import = None;
    } else if cancel || response.should_close() {
        view.web_import = None;
    }
}

fn error_dialog(ctx: &egui::Context, view: &mut View) {
    let Some(message) = view.errors.first().cloned() else {
        return;
    };
    let response = egui::Modal::new(Id::unique("gloss-error")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Something went wrong");
        ui.add_space(4.0);
        ui.label(&message);
        ui.add_space(8.0);
        ui.label(RichText::new("Nothing on disk was changed.").weak());
        ui.add_space(8.0);
        ui.button("OK").clicked()
    });
    if response.inner || response.should_close() {
        view.errors.remove(0);
    }
}

fn annotator_dialog(ctx: &egui::Context, view: &mut View, out: &mut Outbox) {
    let Some(dialog) = view.annotator_dialog.as_mut() else {
        return;
    };
    let mut chosen: Option<String> = None;
    let mut cancel = false;
    let response = egui::Modal::new(Id::unique("gloss-annotator")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("Who is annotating?");
        if let Some(dir) = &dialog.opening {
            ui.label(format!("Opening {}.", dir.display()));
        }
        ui.label(
            "Your annotations go to a layer under this name, separate from everyone else's. \
             Gloss remembers it on this computer.",
        );
        ui.add_space(6.0);
        if !dialog.known.is_empty() {
            ui.label("Continue as one of this project's annotators:");
            ui.horizontal_wrapped(|ui| {
                for name in &dialog.known {
                    if ui.button(name).clicked() {
                        chosen = Some(name.clone());
                    }
                }
            });
            ui.add_space(4.0);
            ui.label("or as someone new:");
        }
        let label = ui.label("Your name");
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.name).hint_text("e.g. amira"))
            .labelled_by(label.id);
        if !field.has_focus() && dialog.name.is_empty() && chosen.is_none() {
            field.request_focus();
        }
        let valid = LayerName::new(dialog.name.trim()).is_some();
        if !dialog.name.is_empty() && !valid {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "Use ASCII letters, digits, '-', '_' and '.' (it names a file).",
            );
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(valid, egui::Button::new("Continue"))
                .clicked()
                || (entered && valid)
            {
                chosen = Some(dialog.name.trim().to_owned());
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if dialog.opening.is_some() {
            ui.label(
                RichText::new(
                    "Cancel goes back to the welcome screen without opening the project.",
                )
                .weak(),
            );
        }
    });
    if response.should_close() {
        cancel = true;
    }
    if let Some(name) = chosen {
        view.annotator_dialog = None;
        out.action(UiAction::SetAnnotator(name));
    } else if cancel {
        let first_start = dialog.opening.is_some();
        view.annotator_dialog = None;
        if first_start {
            out.action(UiAction::AnnotatorCancelled);
        }
    }
}

fn new_project_dialog(ctx: &egui::Context, view: &mut View, out: &mut Outbox) {
    let Some(dialog) = view.new_project.as_mut() else {
        return;
    };
    let mut create = false;
    let mut cancel = false;
    let mut pick = false;
    let response = egui::Modal::new(Id::unique("gloss-new-project")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading("New project");
        if dialog.then_import {
            ui.label("Articles are imported into a project: name it, choose its folder, then pick the articles.");
        }
        egui::Grid::new("new-project")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Name");
                ui.add(egui::TextEdit::singleline(&mut dialog.name).hint_text("Kosovo talks"))
                    .labelled_by(label.id);
                ui.end_row();
                let schema_label = ui.label("Schema");
                egui::ComboBox::from_id_salt("preset")
                    .selected_text(&dialog.preset)
                    .show_ui(ui, |ui| {
                        for preset in workbench::PRESET_NAMES {
                            ui.selectable_value(
                                &mut dialog.preset,
                                (*preset).to_owned(),
                                preset.to_string(),
                            );
                        }
                    })
                    .response
                    .labelled_by(schema_label.id);
                ui.end_row();
                ui.label("Inside folder");
                ui.horizontal(|ui| {
                    match &dialog.parent {
                        Some(parent) => ui.label(parent.display().to_string()),
                        None => ui.label(RichText::new("none chosen").weak()),
                    };
                    pick = ui.button("Choose…").clicked();
                });
                ui.end_row();
            });
        if let Some(target) = dialog.target() {
            ui.label(RichText::new(format!("Creates {}", target.display())).weak());
        }
        ui.horizontal(|ui| {
            create = ui
                .add_enabled(dialog.target().is_some(), egui::Button::new("Create"))
                .clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if pick {
        out.action(UiAction::PickNewProjectFolder);
    }
    if create && let Some(dir) = dialog.target() {
        out.action(UiAction::CreateProject {
            dir,
            name: dialog.name.trim().to_owned(),
            preset: dialog.preset.clone(),
            then_import: dialog.then_import,
        });
        view.new_project = None;
    } else if cancel || response.should_close() {
        view.new_project = None;
    }
}

/// F1: every shortcut from the command list, by menu, and the schema's hotkeys.
pub fn help_window(ctx: &egui::Context, view: &mut View, schema: Option<&Schema>) {
    let mut open = view.help_open;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .default_width(520.0)
        .vscroll(true)
        .show(ctx, |ui| help_contents(ui, schema));
    view.help_open = open;
}

fn help_contents(ui: &mut Ui, schema: Option<&Schema>) {
    let mut menu = "";
    egui::Grid::new("shortcuts")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for entry in workbench::shortcuts() {
                if entry.menu != menu {
                    menu = entry.menu;
                    ui.label(RichText::new(menu).strong());
                    ui.end_row();
                }
                ui.label(RichText::new(entry.keys).monospace());
                ui.label(entry.name);
                ui.label(RichText::new(entry.description).weak());
                ui.end_row();
            }
        });
    let Some(schema) = schema else {
        return;
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new("Label keys (this project's schema; they apply to the selection)").strong(),
    );
    egui::Grid::new("hotkeys")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |key: Option<char>, name: &str, what: &str| {
                if let Some(key) = key {
                    ui.label(RichText::new(key.to_string()).monospace());
                    ui.label(format!("{name}: {what}"));
                    ui.end_row();
                }
            };
            for label in &schema.entity_labels {
                row(label.hotkey, &label.name, "entity");
            }
            if schema.quotes.enabled {
                row(
                    schema.quotes.hotkey,
                    "QUOTE",
                    "quote, then click its speaker",
                );
            }
            for ty in &schema.event_types {
                row(ty.hotkey, &ty.name, "event trigger");
            }
        });
}
