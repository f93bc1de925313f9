//! File ▸ Import annotations…: a modal dialog to choose the format and the layer the annotations go
//! to (the current annotator's by default); then a native file or folder picker; then the files are
//! read and parsed in the background against a copy of the project. The report (spans skipped
//! because they do not fit their text, labels added to the schema, what will be added) is shown
//! before anything changes; "Import" applies it through [`Workbench::apply_import`].
//!
//! A file that cannot be read or parsed shows an error dialog and changes nothing.
//!
//! [`Workbench::apply_import`]: crate::workbench::Workbench::apply_import

use std::path::{Path, PathBuf};

use egui::{Id, RichText};

use crate::formats::{self, Import, ImportFormat, ImportOptions};
use crate::model::{LayerName, Project};

use super::app::GlossApp;
use super::export_dialog::{FormatsDone, PickedPaths};
use super::jobs::{Done, block_on};

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
    pub import: Import,
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
        self.read_import(format, layer, false, None, paths);
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
                        ui.label("Reading the files…");
                    });
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
        if close {
            self.view.formats.import = None;
        } else if apply {
            self.apply_parsed_import();
        } else if let Some((layer, folder)) = pick
            && let Some(ImportStage::Choosing(choice)) = &self.view.formats.import
        {
            let format = parse_format(choice.format);
            let keep = choice.keep_layers && format == ImportFormat::Jsonl;
            let title = format!("Import {}", format.name());
            let dialog = rfd::AsyncFileDialog::new().set_title(title);
            let picked: PickedPaths = if folder {
                Box::pin(async move { dialog.pick_folder().await.map(|h| vec![h]) })
            } else {
                Box::pin(dialog.pick_files())
            };
            self.read_import(format, layer, keep, Some(picked), Vec::new());
        }
    }

    /// Reads and parses the files (those `picked` in a native dialog, else `paths`) against a copy
    /// of the project, on the jobs thread.
    fn read_import(
        &mut self,
        format: ImportFormat,
        layer: LayerName,
        keep_layers: bool,
        picked: Option<PickedPaths>,
        paths: Vec<PathBuf>,
    ) {
        let Some(wb) = &self.workbench else {
            return;
        };
        let project = wb.project().clone();
        let options = wb.import_options(layer, keep_layers);
        self.view.formats.import = Some(ImportStage::Reading);
        self.jobs.spawn("import", move || {
            let paths = match picked {
                None => paths,
                Some(picked) => match block_on(picked) {
                    None => return Done::Formats(Box::new(FormatsDone::ImportRead(Ok(None)))),
                    Some(handles) => handles.iter().map(|h| h.path().to_path_buf()).collect(),
                },
            };
            let result = parse(&project, format, &options, &paths).map(Some);
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
        match wb.apply_import(parsed.import) {
            Ok(applied) => self.view.info(format!(
                "Imported {} annotation(s) and {} new document(s)",
                applied.annotations, applied.documents
            )),
            Err(error) => self.view.error(format!("{error}; nothing was imported")),
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
    if choice.format == "jsonl" {
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

/// Reads every file and parses them; an error names the file and leaves the project unchanged.
fn parse(
    project: &Project,
    format: ImportFormat,
    options: &ImportOptions,
    paths: &[PathBuf],
) -> Result<ParsedImport, String> {
    let files = read_files(paths, format)?;
    let import = formats::import(project, format, &files, options)
        .map_err(|e| format!("{e}; nothing was imported"))?;
    let lines = review_lines(&import, files.len(), format);
    Ok(ParsedImport { import, lines })
}

/// What the review shows before anything is applied.
fn review_lines(import: &Import, files: usize, format: ImportFormat) -> Vec<String> {
    let mut layers = std::collections::BTreeMap::<String, usize>::new();
    for (key, _) in &import.annotations {
        *layers.entry(key.layer.to_string()).or_default() += 1;
    }
    let into: Vec<String> = layers
        .iter()
        .map(|(layer, n)| format!("{n} into {layer}"))
        .collect();
    let mut lines = vec![format!(
        "{} annotation(s){} and {} new document(s) read from {files} {} file(s)",
        import.annotations.len(),
        if into.is_empty() {
            String::new()
        } else {
            format!(" ({})", into.join(", "))
        },
        import.documents.len(),
        format.name()
    )];
    let added = &import.schema_additions;
    let mut schema: Vec<String> = Vec::new();
    schema.extend(
        added
            .entity_labels
            .iter()
            .map(|l| format!("entity label {}", l.name)),
    );
    schema.extend(added.event_types.iter().map(|t| {
        let roles: Vec<&str> = t.roles.iter().map(|r| r.name.as_str()).collect();
        format!("event type {} ({})", t.name, roles.join(", "))
    }));
    schema.extend(
        added
            .attributes
            .iter()
            .map(|a| format!("attribute {}", a.name)),
    );
    if !schema.is_empty() {
        lines.push(format!("Added to the schema: {}", schema.join("; ")));
    }
    if !import.report.is_empty() {
        lines.push(format!(
            "{} note(s): what was skipped, and why:",
            import.report.len()
        ));
        lines.extend(import.report.iter().map(ToString::to_string));
    }
    lines
}

/// Every file's bytes, named by its path; a folder gives the format's files under it (sorted). For
/// hf, the `labels.json` beside a data file comes along.
fn read_files(paths: &[PathBuf], format: ImportFormat) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside = Vec::new();
            collect(path, format, &mut inside)?;
            if inside.is_empty() {
                return Err(format!(
                    "{}: no {} files in this folder",
                    path.display(),
                    format.name()
                ));
            }
            inside.sort();
            found.extend(inside);
        } else {
            found.push(path.clone());
        }
    }
    if format == ImportFormat::Hf {
        let beside: Vec<PathBuf> = found
            .iter()
            .filter_map(|f| Some(f.parent()?.join("labels.json")))
            .filter(|labels| labels.is_file())
            .collect();
        found.extend(beside);
    }
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|f| seen.insert(f.clone()));
    found
        .iter()
        .map(|path| {
            std::fs::read(path)
                .map(|bytes| (path.display().to_string(), bytes))
                .map_err(|e| format!("{}: cannot read: {e}; nothing was imported", path.display()))
        })
        .collect()
}

/// The format's files under `dir`, recursively. Symbolic links to folders are not followed.
fn collect(dir: &Path, format: ImportFormat, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let extensions: &[&str] = match format {
        ImportFormat::Txt { .. } => &["txt"],
        ImportFormat::Jsonl | ImportFormat::Spacy | ImportFormat::Doccano | ImportFormat::Hf => {
            &["jsonl"]
        }
        ImportFormat::Brat => &["txt", "ann"],
        ImportFormat::Conll => &["conll", "iob", "bio", "bilou"],
        ImportFormat::WebannoTsv3 => &["tsv"],
        ImportFormat::LabelStudio => &["json"],
    };
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            collect(&path, format, found)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        {
            found.push(path);
        }
    }
    Ok(())
}
