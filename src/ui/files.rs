//! Projects and files from the window: open, create, import, export, switch annotator. Everything that
//! touches the disk or shows a native dialog runs as a workbench job ([`super::jobs`]) calling a
//! workbench service; the results come back to [`GlossApp::on_done`].
//!
//! Native dialogs: rfd's dialogs are futures. A job awaits one with `crate::workbench::jobs::block_on` on the
//! job's thread, so the frame loop never waits and no executor is written here; the dialog itself
//! is made on the window's thread, where some platforms require it.

use std::path::{Path, PathBuf};

use crate::workbench::{self, Command, ImportFormat, Workbench};

use super::annotation_list::ListCache;
use super::app::GlossApp;
use super::article::ArticleView;
use super::centre::MarkCache;
use super::dialogs::{AnnotatorDialog, NewProjectDialog};
use super::file_picker::{PickMode, PickPurpose};
use super::jobs::{Done, FolderPurpose};
use super::schema_editor::SchemaEditor;
use super::view::{InspectorDraft, UiAction};

/// The annotator a screenshot run uses when the project lists none.
const SCREENSHOT_ANNOTATOR: &str = "analyst";

impl GlossApp {
    /// Opens a project as the remembered annotator, or first asks who is annotating (offering the
    /// project's annotators, read in the background).
    pub(super) fn request_open(&mut self, dir: PathBuf) {
        match self.annotator_now() {
            Some(annotator) => self.open_as(dir, annotator),
            None => {
                self.waiting = Some(dir.clone());
                self.jobs.spawn("peek", move |_| Done::Peeked {
                    result: workbench::peek_annotators(&dir).map_err(|e| e.to_string()),
                    dir,
                });
            }
        }
    }

    /// Opens a project for writing in the background. Reopening the open project (as another
    /// annotator) closes it first, since it holds the lock; any other project stays open until the
    /// new one has loaded, so a failure leaves the analyst where they were.
    fn open_as(&mut self, dir: PathBuf, annotator: String) {
        let same = self.workbench.as_ref().is_some_and(|wb| wb.dir() == dir);
        let previous = if same { self.workbench.take() } else { None };
        self.opening = Some(dir.clone());
        let head_start = self.head_start.take();
        self.jobs.spawn("open", move |_| {
            if let Some(mut previous) = previous {
                if let Err(error) = previous.flush() {
                    return Done::Opened {
                        dir,
                        result: Err(format!("could not save before reopening: {error}")),
                    };
                }
                drop(previous);
            }
            // A project another Gloss has open opens read-only, saying who has it.
            let result = Workbench::open_or_read_only_reading_above(
                &dir,
                &annotator,
                workbench::READ_IN_BACKGROUND_ABOVE,
                head_start.as_ref(),
            )
            .map(Box::new)
            .map_err(|e| e.to_string());
            Done::Opened { dir, result }
        });
    }

    /// A screenshot run: load without a lock, as `annotator` (else the project's first), and never
    /// save.
    pub(super) fn open_read_only(&mut self, dir: PathBuf, annotator: Option<String>) {
        self.opening = Some(dir.clone());
        let head_start = self.head_start.take();
        self.jobs.spawn("open", move |_| {
            let result = Workbench::unlocked_reading_above(
                &dir,
                |annotators| {
                    annotator
                        .or_else(|| annotators.first().cloned())
                        .unwrap_or_else(|| SCREENSHOT_ANNOTATOR.to_owned())
                },
                workbench::READ_IN_BACKGROUND_ABOVE,
                head_start.as_ref(),
            )
            .map(Box::new)
            .map_err(|e| e.to_string());
            Done::Opened { dir, result }
        });
    }

    /// Asks who is annotating: before `opening` opens (Cancel then opens nothing), or to switch
    /// annotator (`None`).
    pub(super) fn ask_annotator(&mut self, known: Vec<String>, opening: Option<PathBuf>) {
        self.view.annotator_dialog = Some(AnnotatorDialog {
            name: String::new(),
            known,
            opening,
        });
    }

    /// The annotator projects open as: the command line's `--as`, else the remembered name.
    fn annotator_now(&self) -> Option<String> {
        self.annotator_given
            .clone()
            .or_else(|| self.prefs.annotator.clone())
    }

    /// Puts a freshly opened workbench in place of the old one, which closes (and saves) in the
    /// background.
    fn install(&mut self, ctx: &egui::Context, dir: &Path, mut wb: Workbench) {
        let waker = ctx.clone();
        wb.set_waker(Box::new(move || waker.request_repaint()));
        wb.set_jobs(self.jobs.runner().clone());
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
            "{} — Gloss",
            wb.project().name
        )));
        if self.prefs.char_precision {
            // Cannot fail: it only sets a flag.
            let _ = wb.execute(Command::SetCharPrecision(true));
        }
        if let Some(notice) = wb.take_notice() {
            self.view.info(notice);
        }
        if let Some(holder) = wb.read_only() {
            if wb.read_only_folder() {
                self.view.warn(format!("Opened read-only: {holder}."));
            } else {
                self.view.warn(format!(
                    "Opened read-only: {holder}. Once it is closed there, click “Open for writing”."
                ));
            }
        }
        if let Some(old) = self.workbench.replace(wb) {
            self.close_in_background(old);
        }
        if self.persist {
            self.prefs.remember_project(dir);
        }
        // Caches and drafts belong to the old project.
        self.article = ArticleView::new("gloss-article");
        self.marks = MarkCache::default();
        self.list = ListCache::default();
        self.view.draft = InspectorDraft::default();
        self.view.find_open = false;
        self.view.find_query.clear();
        self.view.hovered = None;
        self.view.done_count = None;
        if std::mem::take(&mut self.import_after_open) {
            self.import_dialog();
        }
    }

    fn close_in_background(&mut self, mut old: Workbench) {
        self.jobs.spawn("close", move |_| {
            let result = old.flush().map_err(|e| e.to_string());
            drop(old);
            Done::Closed(result)
        });
    }

    /// Collects one finished job.
    pub(super) fn on_done(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::Opened { dir, result } => {
                self.opening = None;
                match result {
                    Ok(wb) => self.install(ctx, &dir, *wb),
                    Err(message) => {
                        self.import_after_open = false;
                        self.prefs.forget_project(&dir);
                        self.view.error(message);
                    }
                }
            }
            Done::Peeked { dir, result } => match result {
                Ok(known) => self.ask_annotator(known, Some(dir)),
                Err(message) => {
                    // Back to the welcome screen, with the loader's message.
                    self.waiting = None;
                    self.prefs.forget_project(&dir);
                    self.view.error(message);
                }
            },
            Done::SampleWritten(Ok(dir)) => self.request_open(dir),
            Done::FileChooser(unavailable) => {
                self.file_chooser = match unavailable {
                    Some(reason) => super::picking::FileChooser::InWindow(reason),
                    None => super::picking::FileChooser::Native,
                };
            }
            Done::Listed { dir, result } => self.on_listed(dir, result),
            Done::SampleWritten(Err(message)) => self.view.error(message),
            Done::FolderPicked { purpose, dir } => match (purpose, dir) {
                (FolderPurpose::Open, Some(dir)) => self.request_open(dir),
                (FolderPurpose::NewProject, Some(dir)) => {
                    if let Some(dialog) = self.view.new_project.as_mut() {
                        dialog.parent = Some(dir);
                    }
                }
                (_, None) => {}
            },
            Done::TextsRead(Ok(Some(read))) => {
                let Some(wb) = self.workbench.as_mut() else {
                    return;
                };
                let what = read.summary().what.clone();
                let warnings = read.summary().warnings.clone();
                let removed = read.summary().removed_noise.len();
                match wb.apply_read_import(read) {
                    Ok(_) if removed > 0 => self.view.info(format!(
                        "Imported {what}; {removed} line(s) of scraped noise removed"
                    )),
                    Ok(_) => self.view.info(format!("Imported {what}")),
                    Err(message) => self.view.error(message),
                }
                if let Some(first) = warnings.first() {
                    self.view
                        .warn(format!("{} warning(s); the first: {first}", warnings.len()));
                }
            }
            Done::TextsRead(Ok(None)) => {}
            Done::TextsRead(Err(message)) => self.view.error(message),
            Done::Formats(done) => self.on_formats_done(*done),
            Done::Closed(Err(message)) => {
                self.view.error(format!(
                    "The previous project could not be saved: {message}"
                ));
            }
            Done::Closed(Ok(())) => {}
        }
    }

    pub(super) fn carry_out_action(&mut self, ctx: &egui::Context, action: UiAction) {
        match action {
            UiAction::OpenProjectDialog => {
                let title = "Open a Gloss project folder";
                if self.pick_in_window(PickPurpose::OpenProject, PickMode::Folder, title) {
                    return;
                }
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Open a Gloss project folder")
                    .pick_folder();
                self.jobs.spawn("dialog", move |_| Done::FolderPicked {
                    purpose: FolderPurpose::Open,
                    dir: crate::workbench::jobs::block_on(dialog).map(|h| h.path().to_path_buf()),
                });
            }
            UiAction::OpenProject(dir) => self.request_open(dir),
            UiAction::NewProjectDialog => self.view.new_project = Some(NewProjectDialog::default()),
            UiAction::PickNewProjectFolder => {
                let title = "Folder in which to create the project";
                if self.pick_in_window(PickPurpose::NewProjectFolder, PickMode::Folder, title) {
                    return;
                }
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title("Folder in which to create the project")
                    .pick_folder();
                self.jobs.spawn("dialog", move |_| Done::FolderPicked {
                    purpose: FolderPurpose::NewProject,
                    dir: crate::workbench::jobs::block_on(dialog).map(|h| h.path().to_path_buf()),
                });
            }
            UiAction::CreateProject {
                dir,
                name,
                preset,
                then_import,
            } => {
                let Some(annotator) = self.annotator_now() else {
                    // Asked first; the project is created once the name is known.
                    self.ask_annotator(Vec::new(), Some(dir.clone()));
                    self.after_annotator = Some(UiAction::CreateProject {
                        dir,
                        name,
                        preset,
                        then_import,
                    });
                    return;
                };
                self.import_after_open = then_import;
                self.opening = Some(dir.clone());
                self.jobs.spawn("create", move |_| {
                    let result = Workbench::new_project(&dir, &name, &preset, &annotator)
                        .map(Box::new)
                        .map_err(|e| e.to_string());
                    Done::Opened { dir, result }
                });
            }
            UiAction::ImportTexts => self.import_dialog(),
            UiAction::OpenSample => {
                let dir = self.sample_home.join(workbench::SAMPLE_NAME);
                self.jobs.spawn("sample", move |_| {
                    Done::SampleWritten(workbench::write_sample(&dir).map_err(|e| e.to_string()))
                });
            }
            UiAction::ImportIntoNewProject => {
                self.view.new_project = Some(NewProjectDialog {
                    then_import: true,
                    ..NewProjectDialog::default()
                });
            }
            UiAction::ImportAnnotations => self.open_import_dialog(),
            UiAction::ImportWebPages => {
                if self.workbench.is_some() {
                    self.view.web_import = Some(super::dialogs::WebImportDialog::default());
                } else {
                    self.view.warn("Open or create a project first");
                }
            }
            UiAction::FetchWebPages {
                urls,
                feeds,
                keep_noise,
            } => self.fetch_web_pages(urls, feeds, keep_noise),
            UiAction::ExportJsonl => self.open_export_dialog(),
            UiAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiAction::ChangeAnnotator => {
                let known = self
                    .workbench
                    .as_ref()
                    .map(|wb| wb.project().annotators.clone())
                    .unwrap_or_default();
                self.ask_annotator(known, None);
            }
            UiAction::OpenTeam => {
                self.view.team_open = true;
                if let Some(wb) = self.workbench.as_mut() {
                    // Cannot fail: it only opens the view.
                    let _ = wb.execute(Command::ShowTeam(true));
                }
            }
            UiAction::ReopenForWriting => {
                if let Some(wb) = &self.workbench {
                    let dir = wb.dir().to_path_buf();
                    let annotator = wb.annotator().as_str().to_owned();
                    self.open_as(dir, annotator);
                }
            }
            UiAction::AnnotatorCancelled => {
                self.after_annotator = None;
                if let Some(dir) = self.waiting.take() {
                    self.view.info(format!(
                        "{} was not opened: Gloss opens a project once it knows who is annotating",
                        dir.display()
                    ));
                }
            }
            UiAction::SetAnnotator(name) => {
                self.prefs.annotator = Some(name.clone());
                if let Some(action) = self.after_annotator.take() {
                    self.carry_out_action(ctx, action);
                } else if let Some(dir) = self.waiting.take() {
                    self.open_as(dir, name);
                } else if let Some(wb) = &self.workbench
                    && wb.annotator().as_str() != name
                {
                    let dir = wb.dir().to_path_buf();
                    self.open_as(dir, name);
                }
            }
            UiAction::ShowHelp => self.view.help_open = !self.view.help_open,
            UiAction::Scroll(page) => self.article.page(page),
            UiAction::TogglePanel(panel) => self.toggle_panel(panel),
            UiAction::ShowSchemaEditor => self.carry_out_schema_editor(),
            UiAction::ShowRecommenders => self.recommenders.toggle(),
            UiAction::OpenCorpusSearch => self.corpus.open(),
            UiAction::ShowConsistency => self.open_consistency(),
            UiAction::ShowWhoSaid => self.open_who_said(),
            UiAction::OpenFind => {
                self.view.find_open = true;
                self.view.focus_find = true;
            }
            UiAction::CloseFind => {
                self.view.find_open = false;
                if let Some(wb) = self.workbench.as_mut() {
                    // Clearing the query removes the hits from the article; it cannot fail.
                    let _ = wb.execute(Command::Find(String::new()));
                }
            }
            UiAction::Hint(text) => self.view.info(text),
            UiAction::ConfirmAcceptAll { label, min_score } => {
                self.view.bulk_accept = Some(super::bulk_accept::BulkAccept { label, min_score });
            }
        }
    }

    pub(super) fn carry_out_schema_editor(&mut self) {
        if self.workbench.is_some() && self.view.schema_editor.is_none() {
            self.view.schema_editor = Some(SchemaEditor::default());
        }
    }

    fn import_dialog(&mut self) {
        if self.workbench.is_none() {
            self.view.warn("Open or create a project first");
            return;
        }
        if self.pick_in_window(
            PickPurpose::ImportTexts,
            PickMode::Files,
            "Import text files",
        ) {
            return;
        }
        let dialog = rfd::AsyncFileDialog::new()
            .set_title("Import text files")
            .add_filter(
                "Text and saved web pages",
                &["txt", "text", "md", "html", "htm", "xhtml", "mhtml", "mht"],
            )
            .add_filter("All files", &["*"])
            .pick_files();
        let picked = Box::pin(async move {
            dialog
                .await
                .map(|handles| handles.iter().map(|h| h.path().to_path_buf()).collect())
        });
        self.import_texts(picked);
    }

    /// Plain-text files into the project as documents: the files the dialog picks (or `paths`)
    /// are read by [`workbench::read_import`] in a job, then applied here.
    pub(super) fn import_texts(&mut self, picked: PickedFiles) {
        let Some(wb) = &self.workbench else {
            return;
        };
        let request = wb.import_request(ImportFormat::Txt { split_lines: false }, Vec::new(), None);
        let now = wb.import_time();
        self.jobs.spawn("import", move |job| {
            let Some(paths) = crate::workbench::jobs::block_on(picked) else {
                return Done::TextsRead(Ok(None));
            };
            let request = workbench::ImportRequest { paths, ..request };
            // Plain text is read without the project (it only becomes new documents).
            let result =
                workbench::read_import(&crate::model::Project::default(), &request, now, Some(job));
            Done::TextsRead(result.map(Some))
        });
    }

    /// File ▸ Import web pages…: fetched and read by [`workbench::read_import`] in a job (never on
    /// the UI thread), against a copy of the project so that its duplicates and its outlets'
    /// boilerplate are known; then applied like text files.
    fn fetch_web_pages(&mut self, urls: Vec<String>, feeds: Vec<String>, keep_noise: bool) {
        let Some(wb) = &self.workbench else {
            return;
        };
        let mut request =
            wb.import_request(ImportFormat::Txt { split_lines: false }, Vec::new(), None);
        request.urls = urls;
        request.feeds = feeds;
        request.keep_noise = keep_noise;
        let now = wb.import_time();
        let project = wb.project().clone();
        self.view.info("Fetching web pages…");
        self.jobs.spawn("import", move |job| {
            let result = workbench::read_import(&project, &request, now, Some(job));
            Done::TextsRead(result.map(Some))
        });
    }

    /// File ▸ Import text files… as it runs after the file dialog, on `paths`: for tests, where no
    /// native dialog can open.
    pub fn import_texts_for_test(&mut self, paths: Vec<PathBuf>) {
        self.import_texts(Box::pin(std::future::ready(Some(paths))));
    }
}

/// The paths a native dialog picked (`None`: cancelled), awaited in a job.
pub(super) type PickedFiles =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<Vec<PathBuf>>> + Send>>;
