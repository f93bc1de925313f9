//! Gloss's own file picker, drawn in the window: used when the desktop's file chooser cannot open
//! (no xdg-desktop-portal and no zenity, see [`crate::workbench::native_file_chooser_unavailable`]),
//! so that Open, New project, Import and Export always let the analyst pick a file. It says why the
//! desktop's chooser is not used. Folders are listed by a workbench job
//! ([`crate::workbench::files::list_folder`]); the picker only draws the listing it was given.
//!
//! (The `egui-file-dialog` crate would do this job, but its current release is built on egui 0.36.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{Id, RichText, Ui};

use crate::model::LayerName;
use crate::workbench::files::FolderEntry;
use crate::workbench::{ExportFormat, ExportSelection, ImportFormat};

/// What the picked paths are for: the flow that continues once they are known.
#[derive(Clone, Debug)]
pub enum PickPurpose {
    OpenProject,
    /// The folder in which the new-project dialog creates its project.
    NewProjectFolder,
    ImportTexts,
    ImportAnnotations {
        format: ImportFormat,
        layer: Option<LayerName>,
    },
    Export {
        format: ExportFormat,
        selection: ExportSelection,
    },
}

/// What may be picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickMode {
    /// One folder: the one shown (or the one selected in it).
    Folder,
    /// One or more files.
    Files,
    /// A new or existing file to write, with a suggested name.
    Save { file_name: String },
}

/// The folder listing, as far as it has come.
#[derive(Clone, Debug, PartialEq)]
pub enum Listing {
    Loading,
    Ready(Vec<FolderEntry>),
    Failed(String),
}

/// The open picker: view state only.
#[derive(Clone, Debug)]
pub struct FilePicker {
    pub purpose: PickPurpose,
    pub mode: PickMode,
    pub title: String,
    /// Why the desktop's file chooser is not used.
    pub reason: String,
    /// The folder shown.
    pub dir: PathBuf,
    /// The location field: typed paths are gone to with Enter.
    pub location: String,
    pub listing: Listing,
    /// Names selected in `dir`.
    pub selected: BTreeSet<String>,
    /// The file name typed in Save mode.
    pub file_name: String,
}

/// What the analyst did in the picker this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerEvent {
    /// Show this folder (its listing is to be read).
    GoTo(PathBuf),
    /// Picked: these paths.
    Picked(Vec<PathBuf>),
    Cancelled,
}

impl FilePicker {
    pub fn new(
        purpose: PickPurpose,
        mode: PickMode,
        title: impl Into<String>,
        reason: String,
        dir: PathBuf,
    ) -> Self {
        let file_name = match &mode {
            PickMode::Save { file_name } => file_name.clone(),
            _ => String::new(),
        };
        Self {
            purpose,
            mode,
            title: title.into(),
            reason,
            location: dir.display().to_string(),
            dir,
            listing: Listing::Loading,
            selected: BTreeSet::new(),
            file_name,
        }
    }

    /// Shows `dir`, whose listing is being read.
    pub fn go_to(&mut self, dir: PathBuf) {
        self.location = dir.display().to_string();
        self.dir = dir;
        self.listing = Listing::Loading;
        self.selected.clear();
    }

    /// The listing of `dir` arrived (ignored if another folder is shown by now).
    pub fn listed(&mut self, dir: &Path, listing: Result<Vec<FolderEntry>, String>) {
        if dir == self.dir {
            self.listing = match listing {
                Ok(entries) => Listing::Ready(entries),
                Err(message) => Listing::Failed(message),
            };
        }
    }

    /// The paths the "choose" button would pick now, if any.
    fn chosen(&self) -> Option<Vec<PathBuf>> {
        match &self.mode {
            PickMode::Folder => {
                let selected_dir = self
                    .selected
                    .iter()
                    .next()
                    .filter(|name| self.entry(name).is_some_and(|entry| entry.is_dir));
                Some(vec![match selected_dir {
                    Some(name) => self.dir.join(name),
                    None => self.dir.clone(),
                }])
            }
            PickMode::Files => {
                let files: Vec<PathBuf> = self
                    .selected
                    .iter()
                    .filter(|name| self.entry(name).is_some_and(|entry| !entry.is_dir))
                    .map(|name| self.dir.join(name))
                    .collect();
                (!files.is_empty()).then_some(files)
            }
            PickMode::Save { .. } => {
                let name = self.file_name.trim();
                (!name.is_empty() && !name.contains('/')).then(|| vec![self.dir.join(name)])
            }
        }
    }

    fn entry(&self, name: &str) -> Option<&FolderEntry> {
        match &self.listing {
            Listing::Ready(entries) => entries.iter().find(|entry| entry.name == name),
            _ => None,
        }
    }
}

/// Draws the picker as a modal window; returns what the analyst did.
pub fn show(ctx: &egui::Context, picker: &mut FilePicker) -> Option<PickerEvent> {
    let mut event = None;
    let response = egui::Modal::new(Id::unique("gloss-file-picker")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(&picker.title);
        ui.label(
            RichText::new(format!(
                "Gloss's own file picker: {}.",
                picker.reason.trim_end_matches('.')
            ))
            .weak(),
        );
        ui.add_space(4.0);
        let went = location_bar(ui, picker);
        ui.separator();
        let listed = listing(ui, picker);
        if let Some(went) = went.or(listed) {
            event = Some(went);
        }
        ui.separator();
        if let PickMode::Save { .. } = picker.mode {
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                ui.add(egui::TextEdit::singleline(&mut picker.file_name).desired_width(400.0))
                    .labelled_by(label.id);
            });
        }
        ui.horizontal(|ui| {
            let chosen = picker.chosen();
            let verb = match picker.mode {
                PickMode::Folder => "Choose this folder",
                PickMode::Files => "Choose",
                PickMode::Save { .. } => "Save here",
            };
            if ui
                .add_enabled(chosen.is_some(), egui::Button::new(verb))
                .clicked()
                && let Some(paths) = chosen
            {
                event = Some(PickerEvent::Picked(paths));
            }
            if ui.button("Cancel").clicked() {
                event = Some(PickerEvent::Cancelled);
            }
            if let Some(paths) = picker.chosen() {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                ui.label(RichText::new(names.join(", ")).weak().small());
            }
        });
    });
    if event.is_none() && response.should_close() {
        event = Some(PickerEvent::Cancelled);
    }
    event
}

fn location_bar(ui: &mut Ui, picker: &mut FilePicker) -> Option<PickerEvent> {
    let mut event = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(picker.dir.parent().is_some(), egui::Button::new("Up"))
            .on_hover_text("The folder above")
            .clicked()
            && let Some(parent) = picker.dir.parent()
        {
            event = Some(PickerEvent::GoTo(parent.to_path_buf()));
        }
        if ui.button("Home").clicked() {
            event = Some(PickerEvent::GoTo(crate::workbench::files::home_folder()));
        }
        let label = ui.label("Folder");
        let field = ui
            .add(egui::TextEdit::singleline(&mut picker.location).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && (field.lost_focus() || field.has_focus()) {
            event = Some(PickerEvent::GoTo(PathBuf::from(picker.location.trim())));
        }
    });
    event
}

fn listing(ui: &mut Ui, picker: &mut FilePicker) -> Option<PickerEvent> {
    let mut event = None;
    // The same height whatever the folder holds: the dialog keeps its place on screen, so that a
    // click lands where the analyst saw the button.
    egui::ScrollArea::vertical()
        .id_salt("file-picker-list")
        .max_height(360.0)
        .min_scrolled_height(360.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let entries = match &picker.listing {
                Listing::Loading => {
                    ui.label(RichText::new("Reading the folder…").weak());
                    return;
                }
                Listing::Failed(message) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                    return;
                }
                Listing::Ready(entries) => entries.clone(),
            };
            if entries.is_empty() {
                ui.label(RichText::new("This folder is empty.").weak());
            }
            for entry in &entries {
                // Files cannot be picked where a folder is wanted; they are shown for orientation.
                let pickable = entry.is_dir || picker.mode != PickMode::Folder;
                let text = match (entry.is_dir, entry.is_project) {
                    (true, true) => format!("{}/  (Gloss project)", entry.name),
                    (true, false) => format!("{}/", entry.name),
                    (false, _) => entry.name.clone(),
                };
                let selected = picker.selected.contains(&entry.name);
                let response = ui.add_enabled(pickable, egui::Button::selectable(selected, text));
                // A folder opens with a double click; where files are picked, with one.
                let enter = entry.is_dir
                    && (response.double_clicked()
                        || (response.clicked() && picker.mode != PickMode::Folder));
                if enter {
                    event = Some(PickerEvent::GoTo(picker.dir.join(&entry.name)));
                } else if response.clicked() {
                    let multiple =
                        picker.mode == PickMode::Files && ui.input(|i| i.modifiers.command);
                    if !multiple {
                        picker.selected.clear();
                    }
                    if !selected || !multiple {
                        picker.selected.insert(entry.name.clone());
                    } else {
                        picker.selected.remove(&entry.name);
                    }
                    if !entry.is_dir && matches!(picker.mode, PickMode::Save { .. }) {
                        picker.file_name = entry.name.clone();
                    }
                }
            }
        });
    event
}
