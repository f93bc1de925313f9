//! Picking files and folders: with the desktop's file chooser (rfd, awaited in a job) when it can
//! open, else with Gloss's own picker ([`super::file_picker`]), which says why. Either way the picked
//! paths continue the same flow ([`GlossApp::on_picked`]).

use std::path::PathBuf;

use super::app::GlossApp;
use super::export_dialog::{ExportStage, FormatsDone};
use super::file_picker::{FilePicker, PickMode, PickPurpose, PickerEvent};
use super::jobs::Done;
use crate::workbench;

/// Which file chooser the window uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FileChooser {
    /// Not asked yet (or a test): the desktop's, as rfd shows it.
    #[default]
    Native,
    /// Gloss's own picker, and why the desktop's cannot be used.
    InWindow(String),
}

impl GlossApp {
    /// Asks, in the background, whether the desktop's file chooser can open (the real window does
    /// this when it starts).
    pub(super) fn probe_file_chooser(&mut self) {
        self.jobs.spawn("probe", |_| {
            Done::FileChooser(workbench::native_file_chooser_unavailable())
        });
    }

    /// Uses Gloss's own file picker from now on, saying `reason` (what the start-up probe finds
    /// when there is no xdg-desktop-portal and no zenity; tests set it).
    pub fn use_in_window_file_picker(&mut self, reason: impl Into<String>) {
        self.file_chooser = FileChooser::InWindow(reason.into());
    }

    /// Opens Gloss's own picker instead of the desktop's when the desktop's cannot open; returns
    /// whether it did (the caller then shows no native dialog).
    pub(super) fn pick_in_window(
        &mut self,
        purpose: PickPurpose,
        mode: PickMode,
        title: &str,
    ) -> bool {
        let FileChooser::InWindow(reason) = &self.file_chooser else {
            return false;
        };
        let start = self.picker_start();
        let picker = FilePicker::new(purpose, mode, title, reason.clone(), start.clone());
        self.view.picker = Some(picker);
        self.list_folder(start);
        true
    }

    /// Where the picker starts: beside the open project (or the most recent one), else at home.
    fn picker_start(&self) -> PathBuf {
        let project = self
            .workbench
            .as_ref()
            .map(|wb| wb.dir().to_path_buf())
            .or_else(|| self.prefs.recent.first().cloned());
        project
            .and_then(|dir| dir.parent().map(PathBuf::from))
            .filter(|dir| !dir.as_os_str().is_empty())
            .unwrap_or_else(workbench::files::home_folder)
    }

    fn list_folder(&mut self, dir: PathBuf) {
        self.jobs.spawn("list", move |_| Done::Listed {
            result: workbench::files::list_folder(&dir),
            dir,
        });
    }

    /// Draws the open picker and acts on what the analyst did in it.
    pub(super) fn show_file_picker(&mut self, ctx: &egui::Context) {
        let Some(picker) = self.view.picker.as_mut() else {
            return;
        };
        match super::file_picker::show(ctx, picker) {
            None => {}
            Some(PickerEvent::GoTo(dir)) => {
                picker.go_to(dir.clone());
                self.list_folder(dir);
            }
            Some(PickerEvent::Cancelled) => {
                if let Some(picker) = self.view.picker.take() {
                    self.on_picked(picker.purpose, None);
                }
            }
            Some(PickerEvent::Picked(paths)) => {
                if let Some(picker) = self.view.picker.take() {
                    self.on_picked(picker.purpose, Some(paths));
                }
            }
        }
    }

    /// A folder listing for the picker arrived.
    pub(super) fn on_listed(
        &mut self,
        dir: PathBuf,
        result: Result<Vec<workbench::files::FolderEntry>, String>,
    ) {
        if let Some(picker) = self.view.picker.as_mut() {
            picker.listed(&dir, result);
        }
    }

    /// Goes on with what the paths were picked for; `None`: cancelled.
    pub(super) fn on_picked(&mut self, purpose: PickPurpose, paths: Option<Vec<PathBuf>>) {
        let first = paths.as_ref().and_then(|paths| paths.first().cloned());
        match purpose {
            PickPurpose::OpenProject => {
                if let Some(dir) = first {
                    self.request_open(dir);
                }
            }
            PickPurpose::NewProjectFolder => {
                if let (Some(dir), Some(dialog)) = (first, self.view.new_project.as_mut()) {
                    dialog.parent = Some(dir);
                }
            }
            PickPurpose::ImportTexts => {
                if let Some(paths) = paths {
                    self.import_texts(Box::pin(std::future::ready(Some(paths))));
                }
            }
            PickPurpose::ImportAnnotations { format, layer } => {
                if let Some(paths) = paths {
                    self.read_import(format, layer, Box::pin(std::future::ready(Some(paths))));
                }
            }
            PickPurpose::Export { format, selection } => {
                self.on_formats_done(FormatsDone::ExportPath {
                    format,
                    selection,
                    path: first,
                });
            }
        }
    }

    /// The export dialog waits while the picker is open, as it does for the desktop's dialog.
    pub(super) fn export_waits_for_picker(&mut self) {
        self.view.formats.export = Some(ExportStage::Running {
            what: "Choosing where to write…".to_owned(),
        });
    }
}
