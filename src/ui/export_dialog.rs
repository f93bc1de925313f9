//! File ▸ Export (Ctrl+E): a modal dialog to choose the format (jsonl, spacy, conll with its tag
//! scheme, brat, hf, csv), the layers (all, one annotator's, gold) and whether only finished
//! documents go out; then a native save dialog (a folder picker for the formats that write a
//! folder); then [`workbench::write_export`] (the one `gloss export` runs) writes a copy of the
//! project in a job, and a summary lists what it wrote: the counts and every span the format could
//! not hold.
//!
//! The import dialog ([`super::import_dialog`]) shares [`FormatDialogs`] and [`FormatsDone`].

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::model::{DocId, LayerName, Project};
use crate::workbench::{self, ExportFormat, ExportSelection, TagScheme};

use super::app::GlossApp;
use super::file_picker::{PickMode, PickPurpose};
use super::import_dialog::{ImportStage, ParsedImport};
use super::jobs::Done;

/// The export and import dialogs' state, kept in the [`View`](super::view::View).
#[derive(Default)]
pub struct FormatDialogs {
    pub export: Option<ExportStage>,
    pub import: Option<ImportStage>,
}

impl FormatDialogs {
    /// Whether a dialog is open (keys then go to it, not to the article).
    pub fn is_open(&self) -> bool {
        self.export.is_some() || self.import.is_some()
    }
}

/// Where the export dialog is.
pub enum ExportStage {
    Choosing(ExportChoice),
    /// The save dialog is open, or the export is being written.
    Running {
        what: String,
    },
    /// The export was written: what the report says.
    Summary {
        lines: Vec<String>,
    },
}

/// Which layers go out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayerChoice {
    All,
    /// One annotator's layer, or gold.
    One(LayerName),
}

/// What the analyst chose in the export dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    /// One of [`ExportFormat::NAMES`].
    pub format: &'static str,
    /// CoNLL only.
    pub scheme: TagScheme,
    pub layer: LayerChoice,
    pub finished_only: bool,
    /// The layers the project has, for the layer picker (gold included when it exists).
    pub layers: Vec<LayerName>,
}

impl ExportChoice {
    fn new(project: &Project) -> Self {
        let mut layers: Vec<LayerName> = project
            .annotators
            .iter()
            .filter_map(LayerName::new)
            .collect();
        for name in project.layer_names() {
            if !layers.contains(&name) {
                layers.push(name);
            }
        }
        if !layers.iter().any(LayerName::is_gold) {
            layers.push(LayerName::gold());
        }
        Self {
            format: ExportFormat::NAMES[0],
            scheme: TagScheme::default(),
            layer: LayerChoice::All,
            finished_only: false,
            layers,
        }
    }

    /// The format and selection chosen. `format` is always one of the known names.
    pub fn resolved(&self) -> (ExportFormat, ExportSelection) {
        let format = ExportFormat::parse(self.format, self.scheme).unwrap_or(ExportFormat::Jsonl);
        let selection = ExportSelection {
            layer: match &self.layer {
                LayerChoice::All => None,
                LayerChoice::One(name) => Some(name.clone()),
            },
            finished_only: self.finished_only,
        };
        (format, selection)
    }
}

/// A native dialog's answer, awaited on the jobs thread.
pub(super) type PickedPath =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>>;

/// What a background job of these dialogs reports.
pub enum FormatsDone {
    /// The save dialog closed; `None` when it was cancelled.
    ExportPath {
        format: ExportFormat,
        selection: ExportSelection,
        path: Option<PathBuf>,
    },
    /// The export's report lines (after a line naming where it went), or what went wrong.
    Exported(Result<Vec<String>, String>),
    /// Files read and parsed for import; `Ok(None)` when the file dialog was cancelled.
    ImportRead(Result<Option<ParsedImport>, String>),
}

impl GlossApp {
    /// File ▸ Export: opens the export dialog over the open project.
    pub(super) fn open_export_dialog(&mut self) {
        let Some(wb) = &self.workbench else {
            self.view.warn("Open a project first");
            return;
        };
        self.view.formats.export = Some(ExportStage::Choosing(ExportChoice::new(wb.project())));
    }

    /// What the export dialog has chosen so far, while it is open: for tests.
    pub fn export_choice(&self) -> Option<(ExportFormat, ExportSelection)> {
        match &self.view.formats.export {
            Some(ExportStage::Choosing(choice)) => Some(choice.resolved()),
            _ => None,
        }
    }

    /// The export summary's lines, while it is shown: for tests.
    pub fn export_summary(&self) -> Option<&[String]> {
        match &self.view.formats.export {
            Some(ExportStage::Summary { lines }) => Some(lines),
            _ => None,
        }
    }

    /// The export as it runs after the save dialog, to `path`: for tests, where no native dialog
    /// can open. Runs in the background; the summary shows when it is done.
    pub fn export_to_path_for_test(
        &mut self,
        format: ExportFormat,
        selection: ExportSelection,
        path: PathBuf,
    ) {
        self.export_to_path(format, selection, path);
    }

    /// Collects a finished job of the export or import dialog.
    pub(super) fn on_formats_done(&mut self, done: FormatsDone) {
        match done {
            FormatsDone::ExportPath {
                format,
                selection,
                path: Some(path),
            } => self.export_to_path(format, selection, path),
            FormatsDone::ExportPath { path: None, .. } => self.view.formats.export = None,
            FormatsDone::Exported(Ok(lines)) => {
                self.view.formats.export = Some(ExportStage::Summary { lines });
            }
            FormatsDone::Exported(Err(message)) => {
                self.view.formats.export = None;
                self.view.error(message);
            }
            FormatsDone::ImportRead(result) => self.on_import_read(result),
        }
    }

    /// Draws whichever of the export and import dialogs is open.
    pub(super) fn show_format_dialogs(&mut self, ctx: &egui::Context) {
        self.show_export_dialog(ctx);
        self.show_import_dialog(ctx);
    }

    fn show_export_dialog(&mut self, ctx: &egui::Context) {
        let Some(stage) = self.view.formats.export.as_mut() else {
            return;
        };
        let mut close = false;
        let mut go = None;
        egui::Modal::new(Id::unique("gloss-export")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            match stage {
                ExportStage::Choosing(choice) => {
                    ui.heading("Export annotations");
                    choose(ui, choice);
                    ui.separator();
                    ui.horizontal(|ui| {
                        let (format, _) = choice.resolved();
                        let button = if format.writes_folder() {
                            "Choose a folder…"
                        } else {
                            "Choose a file…"
                        };
                        if ui.button(button).clicked() {
                            go = Some(choice.resolved());
                        }
                        close = ui.button("Cancel").clicked();
                    });
                }
                ExportStage::Running { what } => {
                    ui.heading("Export annotations");
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(what.as_str());
                    });
                }
                ExportStage::Summary { lines } => {
                    ui.heading("Export finished");
                    egui::ScrollArea::vertical()
                        .max_height(420.0)
                        .show(ui, |ui| {
                            for line in lines.iter() {
                                ui.label(line.as_str());
                            }
                        });
                    close = ui.button("OK").clicked();
                }
            }
        });
        if close {
            self.view.formats.export = None;
        } else if let Some((format, selection)) = go {
            self.pick_export_path(format, selection);
        }
    }

    /// Opens the native save dialog (a folder picker for folder formats) on the jobs thread.
    fn pick_export_path(&mut self, format: ExportFormat, selection: ExportSelection) {
        let Some(wb) = &self.workbench else {
            return;
        };
        let slug = DocId::slug(&wb.project().name);
        let title = format!("Export as {}", format.name());
        let mode = if format.writes_folder() {
            PickMode::Folder
        } else {
            PickMode::Save {
                file_name: export_file_name(format, slug.as_str()).1,
            }
        };
        let purpose = PickPurpose::Export {
            format,
            selection: selection.clone(),
        };
        if self.pick_in_window(purpose, mode, &title) {
            self.export_waits_for_picker();
            return;
        }
        let dialog = rfd::AsyncFileDialog::new().set_title(format!("Export as {}", format.name()));
        // The dialog is made here, on the window's thread, and awaited on the jobs thread.
        let picked: PickedPath = if format.writes_folder() {
            Box::pin(dialog.pick_folder())
        } else {
            let (ext, name) = export_file_name(format, slug.as_str());
            Box::pin(
                dialog
                    .add_filter(format.name(), &[ext])
                    .set_file_name(name)
                    .save_file(),
            )
        };
        self.jobs.spawn("dialog", move |_| {
            let path = crate::workbench::jobs::block_on(picked).map(|h| h.path().to_path_buf());
            Done::Formats(Box::new(FormatsDone::ExportPath {
                format,
                selection,
                path,
            }))
        });
        self.view.formats.export = Some(ExportStage::Running {
            what: "Choosing where to write…".to_owned(),
        });
    }

    /// Exports a copy of the project to `path` in the background, so that annotating goes on.
    fn export_to_path(&mut self, format: ExportFormat, selection: ExportSelection, path: PathBuf) {
        let Some(wb) = &self.workbench else {
            self.view.formats.export = None;
            return;
        };
        if let Some(reading) = wb.reading() {
            self.view.formats.export = None;
            self.view.warn(format!(
                "Not exported: the export needs every document. {}.",
                reading.sentence()
            ));
            return;
        }
        let project = wb.project().clone();
        let dir = wb.dir().to_path_buf();
        self.view.formats.export = Some(ExportStage::Running {
            what: format!("Exporting {} to {}…", format.name(), path.display()),
        });
        self.jobs.spawn("export", move |job| {
            let written =
                workbench::write_export(&project, &dir, format, &selection, &path, Some(job));
            Done::Formats(Box::new(FormatsDone::Exported(
                written.map(|written| written.lines),
            )))
        });
    }
}

/// The extension and suggested file name of an export to one file.
fn export_file_name(format: ExportFormat, slug: &str) -> (&'static str, String) {
    match format {
        ExportFormat::Conll { .. } => ("conll", format!("{slug}.conll")),
        ExportFormat::Spacy => ("jsonl", format!("{slug}.spacy.jsonl")),
        ExportFormat::Hf => ("jsonl", format!("{slug}.hf.jsonl")),
        _ => ("jsonl", format!("{slug}.jsonl")),
    }
}

/// The format, scheme, layer and status pickers.
fn choose(ui: &mut egui::Ui, choice: &mut ExportChoice) {
    egui::Grid::new("export-choice")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Format");
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(choice.format)
                .show_ui(ui, |ui| {
                    for name in ExportFormat::NAMES {
                        ui.selectable_value(&mut choice.format, name, name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            if choice.format == "conll" {
                let label = ui.label("Tag scheme");
                egui::ComboBox::from_id_salt("export-scheme")
                    .selected_text(choice.scheme.name())
                    .show_ui(ui, |ui| {
                        for scheme in [TagScheme::Iob2, TagScheme::Bilou] {
                            ui.selectable_value(&mut choice.scheme, scheme, scheme.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Layers");
            let shown = match &choice.layer {
                LayerChoice::All => "all layers".to_owned(),
                LayerChoice::One(name) => name.to_string(),
            };
            egui::ComboBox::from_id_salt("export-layer")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice.layer, LayerChoice::All, "all layers");
                    for name in &choice.layers {
                        ui.selectable_value(
                            &mut choice.layer,
                            LayerChoice::One(name.clone()),
                            name.to_string(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.checkbox(&mut choice.finished_only, "Finished documents only")
        .on_hover_text("Only layers marked done (adjudicated, for gold)");
    ui.label(RichText::new(format_hint(choice.resolved().0)).weak());
}

/// One line on what the chosen format writes.
fn format_hint(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Jsonl => "Gloss's own JSON lines: every annotation kind.",
        ExportFormat::Spacy => "spaCy / Prodigy JSON lines: entity spans only.",
        ExportFormat::Conll { .. } => {
            "CoNLL-2003 columns: one entity per token; nested entities keep the outer one."
        }
        ExportFormat::Brat => "A brat folder: .txt and .ann per document, and annotation.conf.",
        ExportFormat::Hf => {
            "Hugging Face token classification JSON lines, with labels.json beside."
        }
        ExportFormat::Csv => "quotes.csv and events.csv, for spreadsheets.",
    }
}
