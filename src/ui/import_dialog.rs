//! File ▸ Import annotations…: a modal dialog to choose the format and the layer the annotations go
//! to (the current annotator's by default); then a native file or folder picker; then
//! [`workbench::read_import`] reads and parses the files in a job against a copy of the project,
//! as `gloss import` does. Its summary (what will be added, labels added to the schema, spans
//! skipped because they do not fit their text) is shown before anything changes; "Import" applies
//! it through [`Workbench::apply_read_import`].
//!
//! A file that cannot be read or parsed shows an error dialog and changes nothing.
//!
//! [`Workbench::apply_read_import`]: crate::workbench::Workbench::apply_read_import

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::model::LayerName;
use crate::workbench::{self, ImportFormat, ReadImport};

use super::app::GlossApp;
use super::export_dialog::FormatsDone;
use super::file_picker::{PickMode, PickPurpose};
use super::files::PickedFiles;
use super::jobs::Done;

/// The formats offered (plain text has its own menu entry).
const FORMATS: [&str; 8] = [
    "jsonl",
    "spacy",
    "doccano",
    "brat",
    "conll",
    "hf",
    "webanno-tsv3",
    "label-studio",
];

/// Where the import dialog is.
pub enum ImportStage {
    Choosing(ImportChoice),
    /// The file dialog is open, or the files are being read.
    Reading,
    /// Read and parsed, waiting for the analyst to apply it.
    Review(Box<ParsedImport>),
}

/// What the analyst chose in the import dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportChoice {
    /// One of [`FORMATS`].
    pub format: &'static str,
    /// The layer the annotations go to, as typed.
    pub layer: String,
    /// Gloss JSONL only: each line's annotations go to the layer the line names.
    pub keep_layers: bool,
}

/// Files read and parsed, not yet in the project.
pub struct ParsedImport {
    pub import: ReadImport,
    /// What the review shows: counts, schema additions, then each skipped span.
    pub lines: Vec<String>,
}

impl GlossApp {
    /// File ▸ Import annotations…: opens the import dialog.
    pub(super) fn open_import_dialog(&mut self) {
        let Some(wb) = &self.workbench else {
            self.view.warn("Open or create a project first");
            return;
        };
        self.view.formats.import = Some(ImportStage::Choosing(ImportChoice {
            format: FORMATS[1],
            layer: wb.annotator().to_string(),
            keep_layers: false,
        }));
    }

    /// The import's review lines, while they are shown: for tests.
    pub fn import_review(&self) -> Option<&[String]> {
        match &self.view.formats.import {
            Some(ImportStage::Review(parsed)) => Some(&parsed.lines),
            _ => None,
        }
    }

    /// The import as it runs after the file dialog, on `paths`: for tests, where no native dialog
    /// can open. Reads in the background; the review shows when it is done.
    pub fn import_paths_for_test(
        &mut self,
        format: ImportFormat,
        layer: LayerName,
        paths: Vec<PathBuf>,
    ) {
        self.read_import(
            format,
            Some(layer),
            Box::pin(std::future::ready(Some(paths))),
        );
    }

    pub(super) fn on_import_read(&mut self, result: Result<Option<ParsedImport>, String>) {
        match result {
            Ok(Some(parsed)) => {
                self.view.formats.import = Some(ImportStage::Review(Box::new(parsed)));
            }
            Ok(None) => self.view.formats.import = None,
            Err(message) => {
                self.view.formats.import = None;
                self.view.error(message);
            }
        }
    }

    pub(super) fn show_import_dialog(&mut self, ctx: &egui::Context) {
        let doing = self
            .jobs
            .progress()
            .map(|p| p.message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "Reading the files…".to_owned());
        let mut stop = false;
        let Some(stage) = self.view.formats.import.as_mut() else {
            return;
        };
        let mut close = false;
        let mut pick = None;
        let mut apply = false;
        egui::Modal::new(Id::unique("gloss-import")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Import annotations");
            match stage {
                ImportStage::Choosing(choice) => {
                    let layer = choose(ui, choice);
                    ui.separator();
                    ui.horizontal(|ui| {
                        let ready = layer.is_some();
                        if ui
                            .add_enabled(ready, egui::Button::new("Choose files…"))
                            .clicked()
                        {
                            pick = layer.clone().map(|l| (l, false));
                        }
                        if ui
                            .add_enabled(ready, egui::Button::new("Choose a folder…"))
                            .clicked()
                        {
                            pick = layer.map(|l| (l, true));
                        }
                        close = ui.button("Cancel").clicked();
                    });
                }
                ImportStage::Reading => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(doing.as_str());
                    });
                    stop = ui.button("Cancel").clicked();
                }
                ImportStage::Review(parsed) => {
                    egui::ScrollArea::vertical()
                        .max_height(420.0)
                        .show(ui, |ui| {
                            for line in &parsed.lines {
                                ui.label(line.as_str());
                            }
                        });
                    ui.separator();
                    ui.horizontal(|ui| {
                        apply = ui.button("Import").clicked();
                        close = ui.button("Cancel").clicked();
                    });
                }
            }
        });
        if stop {
            // The job stops before its next file and reports nothing; the dialog closes now.
            self.jobs.cancel("import");
            self.view.formats.import = None;
        } else if close {
            self.view.formats.import = None;
        } else if apply {
            self.apply_parsed_import();
        } else if let Some((layer, folder)) = pick
            && let Some(ImportStage::Choosing(choice)) = &self.view.formats.import
        {
            let format = parse_format(choice.format);
            // Gloss's own exports name their layer: kept when the analyst asks for it.
            let layer = if choice.keep_layers && format.names_layers() {
                None
            } else {
                Some(layer)
            };
            let title = format!("Import {}", format.name());
            let mode = if folder {
                PickMode::Folder
            } else {
                PickMode::Files
            };
            if self.pick_in_window(
                PickPurpose::ImportAnnotations {
                    format,
                    layer: layer.clone(),
                },
                mode,
                &title,
            ) {
                return;
            }
            let dialog = rfd::AsyncFileDialog::new().set_title(title);
            let picked: PickedFiles = if folder {
                let dialog = dialog.pick_folder();
                Box::pin(async move { dialog.await.map(|h| vec![h.path().to_path_buf()]) })
            } else {
                let dialog = dialog.pick_files();
                Box::pin(async move {
                    dialog
                        .await
                        .map(|handles| handles.iter().map(|h| h.path().to_path_buf()).collect())
                })
            };
            self.read_import(format, layer, picked);
        }
    }

    /// Reads and parses the files `picked` in a native dialog against a copy of the project, in a
    /// job.
    pub(super) fn read_import(
        &mut self,
        format: ImportFormat,
        layer: Option<LayerName>,
        picked: PickedFiles,
    ) {
        let Some(wb) = &self.workbench else {
            return;
        };
        let project = wb.project().clone();
        let request = wb.import_request(format, Vec::new(), layer);
        let now = wb.import_time();
        self.view.formats.import = Some(ImportStage::Reading);
        self.jobs.spawn("import", move |job| {
            let Some(paths) = crate::workbench::jobs::block_on(picked) else {
                return Done::Formats(Box::new(FormatsDone::ImportRead(Ok(None))));
            };
            let request = workbench::ImportRequest { paths, ..request };
            let result = workbench::read_import(&project, &request, now, Some(job)).map(|import| {
                let lines = import.summary().review_lines();
                Some(ParsedImport { import, lines })
            });
            // Cancelled: nothing to report, the analyst asked for it.
            let result = if job.cancelled() { Ok(None) } else { result };
            Done::Formats(Box::new(FormatsDone::ImportRead(result)))
        });
    }

    fn apply_parsed_import(&mut self) {
        let Some(ImportStage::Review(parsed)) = self.view.formats.import.take() else {
            return;
        };
        let Some(wb) = self.workbench.as_mut() else {
            return;
        };
        let what = parsed.import.summary().what.clone();
        match wb.apply_read_import(parsed.import) {
            Ok(_) => self.view.info(format!("Imported {what}")),
            Err(message) => self.view.error(message),
        }
    }
}

fn parse_format(name: &str) -> ImportFormat {
    ImportFormat::parse(name, false).unwrap_or(ImportFormat::Spacy)
}

/// The format and layer pickers; the layer when the typed name is valid.
fn choose(ui: &mut egui::Ui, choice: &mut ImportChoice) -> Option<LayerName> {
    egui::Grid::new("import-choice")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Format");
            egui::ComboBox::from_id_salt("import-format")
                .selected_text(choice.format)
                .show_ui(ui, |ui| {
                    for name in FORMATS {
                        ui.selectable_value(&mut choice.format, name, name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Layer");
            ui.text_edit_singleline(&mut choice.layer)
                .labelled_by(label.id);
            ui.end_row();
        });
    if parse_format(choice.format).names_layers() {
        ui.checkbox(&mut choice.keep_layers, "Keep the layers the file names");
    }
    let layer = LayerName::new(choice.layer.trim());
    if layer.is_none() {
        ui.label(
            RichText::new("A layer name is ASCII letters, digits, '-', '_' or '.'")
                .color(ui.visuals().warn_fg_color),
        );
    }
    layer
}
