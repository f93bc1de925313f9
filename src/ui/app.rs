//! [`GlossApp`]: the eframe app. Each frame: collect finished background jobs, read the keys, draw the
//! panels (which fill an [`Outbox`]), carry out what was asked, and let the workbench autosave.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::workbench::jobs::Jobs as Runner;
use crate::workbench::{Command, SaveState, Workbench};

use super::annotation_list::{self, ListCache};
use super::article::ArticleView;
use super::centre::{self, MarkCache};
use super::dialogs;
use super::documents;
use super::inspector;
use super::jobs::Jobs;
use super::keys;
use super::prefs::{Prefs, ThemeChoice, clamp_scale};
use super::schema_editor;
use super::screenshot::{Screenshot, ScreenshotRun};
use super::status_bar;
use super::top_bar;
use super::view::{Outbox, SidePanel, View};

/// The id of the document list's panel (its width is remembered under it).
const DOCUMENTS_PANEL: &str = "gloss-documents";
/// The id of the inspector's panel.
const INSPECTOR_PANEL: &str = "gloss-inspector";
/// The narrowest the article column gets before a side panel makes way: about 40 chars, so a
/// sentence still reads as one.
const MIN_ARTICLE_WIDTH: f32 = 360.0;

/// Where a screenshot run reports whether the PNG was written.
pub type ScreenshotOutcome = Arc<Mutex<Option<Result<(), String>>>>;

/// The Gloss window.
pub struct GlossApp {
    pub(super) workbench: Option<Workbench>,
    pub(super) prefs: Prefs,
    /// Whether preferences are stored (not for tests and screenshot runs).
    pub(super) persist: bool,
    pub(super) view: View,
    pub(super) jobs: Jobs,
    pub(super) article: ArticleView,
    pub(super) marks: MarkCache,
    pub(super) list: ListCache,
    /// The Review window (comparison, adjudication, agreement): open while a comparison is.
    pub(super) review: super::review::ReviewPanel,
    /// The recommenders panel (Suggest ▸ Recommenders…).
    pub(super) recommenders: super::recommenders::RecommendersPanel,
    /// The corpus search panel (Find ▸ Search all documents…, Ctrl+Shift+F).
    pub(super) corpus: super::corpus_search::CorpusSearchPanel,
    /// The consistency panel (Find ▸ Consistency checks…).
    pub(super) consistency: super::consistency::ConsistencyPanel,
    /// The "Who said what" panel (Find ▸ Who said what…).
    pub(super) who_said: super::who_said::WhoSaidPanel,
    /// A project waiting for the annotator's name before it can be opened.
    pub(super) waiting: Option<PathBuf>,
    /// The annotator the command line named (`gloss DIR --as NAME`): projects open as them without
    /// asking, and the remembered name is left as it was.
    pub(super) annotator_given: Option<String>,
    /// The project being opened in the background.
    pub(super) opening: Option<PathBuf>,
    /// The command line's project's index, read while the window was being made: the first open
    /// of that project takes it ([`crate::workbench::HeadStart`]).
    pub(super) head_start: Option<crate::workbench::HeadStart>,
    /// What to do once "Who is annotating?" is answered (creating a project needs the name).
    pub(super) after_annotator: Option<super::view::UiAction>,
    /// Open the text import once the project being opened is in place ("Import articles…").
    pub(super) import_after_open: bool,
    /// SIGTERM, SIGINT or SIGHUP arrived: the window closes as its close button does.
    shutdown: Option<crate::workbench::ShutdownSignal>,
    /// The window was asked to close (by a signal): said once.
    closing: bool,
    /// The desktop's file chooser, or Gloss's own picker when it cannot open.
    pub(super) file_chooser: super::picking::FileChooser,
    /// The folder in which "Open the sample" puts its copy (`~/Gloss`).
    pub(super) sample_home: PathBuf,
    pub(super) screenshot: Option<(ScreenshotRun, ScreenshotOutcome)>,
    /// The theme and scale last handed to egui.
    applied_style: Option<(ThemeChoice, f32)>,
    /// The last save failure reported, so that it is reported once.
    save_error: Option<String>,
    /// Whether the first frame has wired the context into jobs and the workbench.
    wired: bool,
    /// What egui's frame time 0 is on the clock the workbench's autosave reads: the frame time
    /// (simulated in tests) is the clock, so that autosave never depends on how fast the machine is.
    epoch: Instant,
}

impl GlossApp {
    /// The app as the window starts it: preferences from eframe storage, system fonts, and the project
    /// given on the command line (else the most recent one) opening in the background.
    /// `head_start` is `project`'s index being read since before the window was made.
    pub fn new(
        cc: &eframe::CreationContext,
        project: Option<PathBuf>,
        annotator: Option<String>,
        head_start: Option<crate::workbench::HeadStart>,
    ) -> Self {
        let mut app = Self::starting_with(cc, project, annotator, Runner::threaded(), head_start);
        app.probe_file_chooser();
        app.close_on_signals(&cc.egui_ctx);
        app
    }

    /// The app as the window starts it, with its background work run by `jobs`: tests pass
    /// [`Runner::queued`] and finish the work with [`GlossApp::finish_jobs`].
    pub fn starting(cc: &eframe::CreationContext, project: Option<PathBuf>, jobs: Runner) -> Self {
        Self::starting_as(cc, project, None, jobs)
    }

    /// Like [`GlossApp::starting`], opening projects as `annotator` when it is given (the command
    /// line's `--as NAME`) instead of asking who is annotating.
    pub fn starting_as(
        cc: &eframe::CreationContext,
        project: Option<PathBuf>,
        annotator: Option<String>,
        jobs: Runner,
    ) -> Self {
        Self::starting_with(cc, project, annotator, jobs, None)
    }

    fn starting_with(
        cc: &eframe::CreationContext,
        project: Option<PathBuf>,
        annotator: Option<String>,
        jobs: Runner,
        head_start: Option<crate::workbench::HeadStart>,
    ) -> Self {
        let prefs = Prefs::load(cc.storage);
        let mut app = Self::bare(None, prefs, true, jobs);
        app.annotator_given = annotator;
        app.head_start = head_start;
        super::fonts::install(&cc.egui_ctx);
        app.wire(&cc.egui_ctx);
        // Without a project the welcome screen offers recent projects, the sample and a new one.
        if let Some(dir) = project {
            app.request_open(dir);
        }
        app
    }

    /// The app over a workbench, without storage or persistence: for kittest. Background work
    /// (saves, opening, imports, exports) waits until [`GlossApp::finish_jobs`].
    pub fn for_test(workbench: Workbench) -> Self {
        let prefs = Prefs {
            annotator: Some(workbench.annotator().to_string()),
            ..Prefs::default()
        };
        Self::bare(Some(workbench), prefs, false, Runner::queued())
    }

    /// Runs the background work started so far (and what it starts) to its end, when jobs are
    /// queued (tests); the next frame collects the results. Threaded jobs need no help.
    pub fn finish_jobs(&mut self) {
        self.jobs.runner().run_until_idle();
    }

    /// A screenshot run: no stored preferences, the project opened read-only as its first
    /// annotator, nothing ever saved.
    pub(super) fn for_screenshot(
        cc: &eframe::CreationContext,
        project: Option<PathBuf>,
        shot: Screenshot,
        outcome: ScreenshotOutcome,
        head_start: Option<crate::workbench::HeadStart>,
    ) -> Self {
        let mut app = Self::bare(None, Prefs::default(), false, Runner::threaded());
        app.head_start = head_start;
        super::fonts::install(&cc.egui_ctx);
        app.wire(&cc.egui_ctx);
        let annotator = shot.annotator.clone();
        app.screenshot = Some((ScreenshotRun::new(shot), outcome));
        if let Some(dir) = project {
            app.open_read_only(dir, annotator);
        }
        app
    }

    fn bare(mut workbench: Option<Workbench>, prefs: Prefs, persist: bool, jobs: Runner) -> Self {
        if let Some(wb) = workbench.as_mut() {
            wb.set_jobs(jobs.clone());
        }
        // A workbench that comes with a selection (restored, or set up by a test) shows it.
        let view = View {
            scroll_to: workbench
                .as_ref()
                .and_then(|wb| wb.selection().span)
                .filter(|span| !span.is_empty()),
            ..View::default()
        };
        Self {
            workbench,
            prefs,
            persist,
            view,
            jobs: Jobs::new(jobs),
            article: ArticleView::new("gloss-article"),
            marks: MarkCache::default(),
            list: ListCache::default(),
            review: super::review::ReviewPanel::default(),
            recommenders: super::recommenders::RecommendersPanel::default(),
            corpus: super::corpus_search::CorpusSearchPanel::default(),
            consistency: super::consistency::ConsistencyPanel::default(),
            who_said: super::who_said::WhoSaidPanel::default(),
            waiting: None,
            annotator_given: None,
            opening: None,
            head_start: None,
            after_annotator: None,
            import_after_open: false,
            sample_home: crate::workbench::sample_home(),
            file_chooser: super::picking::FileChooser::default(),
            shutdown: None,
            closing: false,
            screenshot: None,
            applied_style: None,
            save_error: None,
            wired: false,
            epoch: Instant::now(),
        }
    }

    /// Closes the window, as its close button does, when SIGTERM, SIGINT or SIGHUP arrives: edits
    /// not yet autosaved are saved and the project lock released ([`eframe::App::on_exit`]). The
    /// real window does this at start.
    pub fn close_on_signals(&mut self, ctx: &egui::Context) {
        let waker = ctx.clone();
        match crate::workbench::ShutdownSignal::listen(Arc::new(move || waker.request_repaint())) {
            Ok(signal) => self.shutdown = Some(signal),
            Err(error) => {
                eprintln!("gloss: cannot listen for SIGTERM ({error}); close the window to save")
            }
        }
    }

    /// Whether the window has asked to close (after a closing signal).
    pub fn closing(&self) -> bool {
        self.closing
    }

    /// The open workbench, if any: what tests assert on.
    pub fn workbench(&self) -> Option<&Workbench> {
        self.workbench.as_ref()
    }

    /// Opens a project folder in the background, as File > Open does after its dialog: as the
    /// remembered annotator, or after asking who is annotating. The current project stays open until
    /// the new one has loaded; a failure shows the loader's message and changes nothing.
    pub fn open_project(&mut self, dir: PathBuf) {
        self.request_open(dir);
    }

    /// Whether background work (opening, saving a closed project, dialogs) is still running.
    pub fn busy(&self) -> bool {
        self.jobs.busy() || self.opening.is_some()
    }

    /// The message an error dialog shows now, if one is open.
    pub fn error_shown(&self) -> Option<&str> {
        self.view.errors.first().map(String::as_str)
    }

    /// Draws in this theme from the next frame on (remembered with the other preferences).
    pub fn set_theme(&mut self, theme: ThemeChoice) {
        self.prefs.theme = theme;
    }

    /// Puts "Open the sample"'s copy in `dir` instead of `~/Gloss` (tests).
    pub fn set_sample_home(&mut self, dir: PathBuf) {
        self.sample_home = dir;
    }

    /// Remembers these projects as recently opened, most recent first, as earlier sessions
    /// would have (tests of the welcome screen).
    pub fn set_recent_projects(&mut self, recent: Vec<PathBuf>) {
        for dir in recent.iter().rev() {
            self.prefs.remember_project(dir);
        }
    }

    /// The projects the welcome screen and File ▸ Recent offer, most recent first.
    pub fn recent_projects(&self) -> &[PathBuf] {
        &self.prefs.recent
    }

    /// Opens the schema editor window, as Edit > Schema… does.
    pub fn show_schema_editor(&mut self) {
        self.carry_out_schema_editor();
    }

    /// Opens the corpus search panel, as Find ▸ Search all documents… (Ctrl+Shift+F) does.
    pub fn show_corpus_search(&mut self) {
        self.corpus.open();
    }

    /// Opens the consistency panel and checks, as Find ▸ Consistency checks… does.
    pub fn show_consistency(&mut self) {
        self.open_consistency();
    }

    /// Opens the "Who said what" panel, as Find ▸ Who said what… does.
    pub fn show_who_said(&mut self) {
        self.open_who_said();
    }

    pub(super) fn open_who_said(&mut self) {
        self.who_said.open = true;
        if let Some(wb) = self.workbench.as_mut() {
            // Starting a tally cannot be refused.
            let _ = wb.execute(Command::TallyCorpus(true));
        }
    }

    pub(super) fn open_consistency(&mut self) {
        self.consistency.open = true;
        if let Some(wb) = self.workbench.as_mut() {
            // Starting a check cannot be refused.
            let _ = wb.execute(Command::CheckConsistency);
        }
    }

    /// Opens the recommenders panel, as Suggest ▸ Recommenders… does.
    pub fn show_recommenders(&mut self) {
        self.recommenders.open = true;
    }

    /// The open workbench for changing: tests use it to set up what they are not about.
    pub fn workbench_mut(&mut self) -> Option<&mut Workbench> {
        self.workbench.as_mut()
    }

    /// How many times the document list's order was computed: once per change of the project,
    /// the filters or the sort, never per frame.
    pub fn document_list_builds(&self) -> u64 {
        self.view.doc_list.builds
    }

    /// The article view as drawn last frame: tests find where a char is on screen with
    /// [`ArticleView::char_rect`] to drag over real text.
    pub fn article(&self) -> &ArticleView {
        &self.article
    }

    /// Connects background work to the context so that finished jobs and saves repaint the window.
    fn wire(&mut self, ctx: &egui::Context) {
        if self.wired {
            return;
        }
        self.wired = true;
        let waker = ctx.clone();
        self.jobs
            .runner()
            .set_waker(Arc::new(move || waker.request_repaint()));
        if let Some(wb) = self.workbench.as_mut() {
            let waker = ctx.clone();
            wb.set_waker(Box::new(move || waker.request_repaint()));
        }
    }

    /// Theme and scale from the preferences; a zoom changed with egui's own keys becomes the
    /// preference.
    fn apply_style(&mut self, ctx: &egui::Context) {
        if let Some((_, scale)) = self.applied_style
            && (ctx.zoom_factor() - scale).abs() > f32::EPSILON
            && (self.prefs.ui_scale - scale).abs() <= f32::EPSILON
        {
            self.prefs.ui_scale = clamp_scale(ctx.zoom_factor());
        }
        let wanted = (self.prefs.theme, clamp_scale(self.prefs.ui_scale));
        if self.applied_style != Some(wanted) {
            ctx.set_theme(wanted.0.preference());
            ctx.set_zoom_factor(wanted.1);
            self.applied_style = Some(wanted);
        }
    }

    /// One frame of the whole window.
    fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.wire(&ctx);
        if !self.closing && self.shutdown.as_ref().is_some_and(|s| s.requested()) {
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        for done in self.jobs.finished() {
            match done {
                Ok(done) => self.on_done(&ctx, done),
                Err(message) => self.view.error(message),
            }
        }
        self.apply_style(&ctx);

        let mut out = Outbox::default();
        let modal = dialogs::any_modal(&self.view);
        // Review keys first: while the comparison is open they shadow schema hotkeys.
        super::review::handle_keys(&ctx, self.workbench.as_ref(), modal, &mut out);
        keys::handle(&ctx, self.workbench.as_ref(), &self.view, modal, &mut out);
        self.panels(ui, &mut out);
        self.review.show(&ctx, self.workbench.as_ref(), &mut out);
        self.recommenders
            .show(&ctx, self.workbench.as_ref(), &mut out);
        self.corpus.show(&ctx, self.workbench.as_ref(), &mut out);
        self.consistency
            .show(&ctx, self.workbench.as_ref(), &mut out);
        let was_open = self.who_said.open;
        if !self.who_said.show(&ctx, self.workbench.as_ref(), &mut out) && was_open {
            // Closed: the tables stop following the annotations.
            out.command(Command::TallyCorpus(false));
        }
        super::trust_prompt::show(&ctx, self.workbench.as_ref(), &mut out);
        super::bulk_accept::show(&ctx, &mut self.view, self.workbench.as_ref(), &mut out);
        dialogs::show(&ctx, &mut self.view, &mut out);
        super::details::show(&ctx, self.workbench.as_ref(), &mut self.view, &mut out);
        super::team::show(&ctx, self.workbench.as_ref(), &mut self.view, &mut out);
        self.show_format_dialogs(&ctx);
        self.show_file_picker(&ctx);
        if self.view.help_open {
            let schema = self.workbench.as_ref().map(|wb| &wb.project().schema);
            dialogs::help_window(&ctx, &mut self.view, schema);
        }
        if let (Some(editor), Some(wb)) =
            (self.view.schema_editor.as_mut(), self.workbench.as_ref())
            && !schema_editor::show(&ctx, editor, wb, &mut out)
        {
            self.view.schema_editor = None;
        }
        self.carry_out(&ctx, out);

        let frame_time = Duration::from_secs_f64(ctx.input(|i| i.time).max(0.0));
        let now = self.epoch + frame_time;
        let screenshot_run = self.screenshot.is_some();
        if let Some(wb) = self.workbench.as_mut()
            && !screenshot_run
        {
            wb.tick(now);
            // The external recommender failing, said once in the status line.
            if let Some(message) = wb.take_suggestion_message() {
                self.view.warn(message);
            }
            // A save that kept a newer file beside the user's version, said once.
            if let Some(message) = wb.take_notice() {
                self.view.warn(message);
            }
            if let Some(next) = wb.next_tick() {
                ctx.request_repaint_after(next.saturating_duration_since(now));
            }
            // A failed save is said once in the status line (the top bar keeps showing it).
            let failed = match wb.save_state() {
                SaveState::Error(message) => Some(message),
                _ => None,
            };
            if let Some(message) = &failed
                && failed != self.save_error
            {
                self.view.warn(format!("Could not save: {message}"));
            }
            self.save_error = failed;
        }
        self.screenshot_frame(&ctx);
    }

    /// Which side panels to show this frame: those the analyst wants, less what would leave the
    /// article narrower than [`MIN_ARTICLE_WIDTH`] (the panel not shown last on the analyst's
    /// word goes first; the one they asked for stays).
    fn side_panels(&self, ui: &egui::Ui) -> (bool, bool) {
        let width_of = |id: &str, default: f32| {
            egui::containers::panel::PanelState::load(
                ui.ctx(),
                ui.scope_id().with_salt(egui::IdSalt::new(id)),
            )
            .map_or(default, |state| state.outer_rect.width())
        };
        let documents_width = width_of(DOCUMENTS_PANEL, 250.0);
        let inspector_width = width_of(INSPECTOR_PANEL, 340.0);
        let mut documents = self.prefs.show_documents;
        let mut inspector = self.prefs.show_inspector;
        let article = |documents: bool, inspector: bool| {
            ui.available_width()
                - if documents { documents_width } else { 0.0 }
                - if inspector { inspector_width } else { 0.0 }
        };
        let (first, second) = match self.view.panel_priority {
            Some(SidePanel::Documents) => (SidePanel::Inspector, SidePanel::Documents),
            _ => (SidePanel::Documents, SidePanel::Inspector),
        };
        for panel in [first, second] {
            if article(documents, inspector) >= MIN_ARTICLE_WIDTH
                || self.view.panel_priority == Some(panel)
            {
                break;
            }
            match panel {
                SidePanel::Documents => documents = false,
                SidePanel::Inspector => inspector = false,
            }
        }
        (documents, inspector)
    }

    /// F9, F10 and the View menu: a shown panel hides; a hidden one (by choice or for lack of room)
    /// shows, and keeps its place in a narrow window at the other's expense.
    pub(super) fn toggle_panel(&mut self, panel: SidePanel) {
        let (documents, inspector) = self.view.panels_shown;
        let (shown, wanted) = match panel {
            SidePanel::Documents => (documents, &mut self.prefs.show_documents),
            SidePanel::Inspector => (inspector, &mut self.prefs.show_inspector),
        };
        if shown {
            *wanted = false;
            if self.view.panel_priority == Some(panel) {
                self.view.panel_priority = None;
            }
        } else {
            *wanted = true;
            self.view.panel_priority = Some(panel);
        }
    }

    fn panels(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        let wb = self.workbench.as_ref();
        // The project being opened (or waiting for who is annotating), named while it loads.
        let loading = self.opening.as_deref().or(self.waiting.as_deref());
        egui::Panel::top("gloss-top").show(ui, |ui| {
            top_bar::show(ui, wb, loading, &mut self.prefs, &self.view, out);
        });
        let busy = self.busy().then(|| {
            if self.opening.is_none() && self.jobs.only_dialogs() {
                // Waiting for the analyst, not working: said without an animation, which would
                // redraw the window for as long as the dialog is open.
                return status_bar::Busy {
                    message: "Waiting for the file dialog…".to_owned(),
                    animate: false,
                };
            }
            status_bar::Busy {
                message: self
                    .jobs
                    .progress()
                    .map(|progress| progress.message)
                    .unwrap_or_default(),
                animate: true,
            }
        });
        egui::Panel::bottom("gloss-status").show(ui, |ui| {
            status_bar::show(ui, wb, &self.view, busy.as_ref());
        });
        if let Some(wb) = wb {
            let (show_documents, show_inspector) = self.side_panels(ui);
            self.view.panels_shown = (show_documents, show_inspector);
            if show_documents {
                egui::Panel::left(DOCUMENTS_PANEL)
                    .resizable(true)
                    .default_size(250.0)
                    .size_range(160.0..=600.0)
                    .show(ui, |ui| documents::show(ui, wb, &mut self.view, out));
            }
            if show_inspector {
                egui::Panel::right(INSPECTOR_PANEL)
                    .resizable(true)
                    .default_size(340.0)
                    .size_range(220.0..=800.0)
                    .show(ui, |ui| {
                        // The list takes what the inspector leaves, at most two thirds.
                        let height = ui.available_height();
                        egui::Panel::bottom("gloss-annotation-list")
                            .resizable(true)
                            .default_size((height * 0.45).max(120.0))
                            .size_range(80.0..=(height * 0.67).max(80.0))
                            .show(ui, |ui| {
                                annotation_list::show(ui, wb, &mut self.list, &mut self.view, out);
                            });
                        egui::CentralPanel::default().show(ui, |ui| {
                            egui::ScrollArea::vertical()
                                .id_salt("inspector")
                                .auto_shrink([false, false])
                                .show(ui, |ui| inspector::show(ui, wb, &mut self.view, out));
                        });
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(dir) = &self.opening {
                ui.centered_and_justified(|ui| {
                    ui.label(format!("Opening {}…", dir.display()));
                });
                return;
            }
            if wb.is_none() {
                if self.waiting.is_none() {
                    super::welcome::show(ui, &self.prefs.recent, out);
                }
                return;
            }
            // A margin in the colour of the layer being edited (gold or one's own), beside the
            // article, as the top bar names it.
            if let Some(wb) = wb {
                let rect = ui.max_rect();
                let margin = egui::Rect::from_min_max(
                    rect.left_top() - egui::vec2(6.0, 0.0),
                    rect.left_bottom() - egui::vec2(2.0, 0.0),
                );
                ui.painter()
                    .rect_filled(margin, 0.0, top_bar::layer_tint(ui, wb));
            }
            centre::show(
                ui,
                wb,
                &mut self.article,
                &mut self.marks,
                &mut self.view,
                out,
            );
        });
    }

    /// Executes the frame's commands in order, then its UI actions. A refused command leaves its
    /// reason in the status line; nothing changed.
    fn carry_out(&mut self, ctx: &egui::Context, out: Outbox) {
        let Outbox {
            mut commands,
            actions,
            from_article,
        } = out;
        // Text typed in the inspector is saved before anything else happens, since the next
        // command may show another annotation or document (a typed note is never lost).
        let draft_doc = self.view.draft.owner.as_ref().map(|(doc, _)| doc.clone());
        let current_doc = self
            .workbench
            .as_ref()
            .and_then(|wb| wb.current_doc())
            .map(|d| d.id.clone());
        if !self.view.draft.dirty.is_empty() && (!commands.is_empty() || !actions.is_empty()) {
            let commits = self.view.draft.take_commits();
            if draft_doc.is_some() && draft_doc == current_doc {
                commands.splice(0..0, commits);
            }
        }
        if let Some(wb) = self.workbench.as_mut()
            && !commands.is_empty()
        {
            let before = wb.selection().clone();
            for command in commands {
                let precision = match &command {
                    Command::SetCharPrecision(on) => Some(*on),
                    _ => None,
                };
                let schema_change = is_schema_change(&command);
                match wb.execute(command) {
                    Ok(()) => {
                        self.view.message = None;
                        if let Some(on) = precision {
                            self.prefs.char_precision = on;
                        }
                        if let (true, Some(editor)) =
                            (schema_change, self.view.schema_editor.as_mut())
                        {
                            editor.refusal = None;
                        }
                    }
                    Err(error) => {
                        // Said where the change was made too: the schema editor may cover the
                        // status line.
                        if let (true, Some(editor)) =
                            (schema_change, self.view.schema_editor.as_mut())
                        {
                            editor.refusal = Some(error.to_string());
                        }
                        self.view.warn(error.to_string());
                    }
                }
            }
            let after = wb.selection();
            if *after != before {
                // Follow the selection when it moved by key, list or find; the article already
                // shows what the mouse did there.
                if !from_article {
                    self.view.scroll_to = after.span;
                }
                if after.annotation.is_some() && after.annotation != before.annotation {
                    self.view.reveal_in_list = true;
                }
            }
        }
        for action in actions {
            self.carry_out_action(ctx, action);
        }
    }

    /// Whether a screenshot run may go on: the project open and no job running.
    fn screenshot_ready(&self) -> bool {
        self.opening.is_none() && self.waiting.is_none() && !self.jobs.busy()
    }

    fn screenshot_frame(&mut self, ctx: &egui::Context) {
        let ready = self.screenshot_ready();
        let Some((run, outcome)) = self.screenshot.as_mut() else {
            return;
        };
        run.frame(ctx, ready);
        if let Some(result) = run.outcome()
            && let Ok(mut slot) = outcome.lock()
            && slot.is_none()
        {
            // The PNG is written either way (it shows the error), but a window that could not open
            // its project is not a passing smoke test.
            let result = match (result, self.view.errors.first()) {
                (Ok(()), Some(error)) => Err(format!("the window showed an error: {error}")),
                (result, _) => result.clone(),
            };
            *slot = Some(result);
        }
    }

    /// Writes what is unsaved and waits for it, then closes the project, which releases its lock:
    /// the window is closing.
    fn flush(&mut self) {
        if self.screenshot.is_some() {
            return;
        }
        if let Some(wb) = self.workbench.as_mut()
            && let Err(error) = wb.flush()
        {
            eprintln!("gloss: could not save before closing: {error}");
        }
        // The lock goes with the workbench (before the process ends, so its file goes too).
        self.workbench = None;
    }
}

/// Whether a command edits the schema (what the schema editor sends).
fn is_schema_change(command: &Command) -> bool {
    matches!(
        command,
        Command::AddEntityLabel(_)
            | Command::RenameEntityLabel { .. }
            | Command::SetLabelColor { .. }
            | Command::SetLabelHotkey { .. }
            | Command::SetLabelDescription { .. }
            | Command::RemoveEntityLabel(_)
            | Command::AddEventType(_)
            | Command::UpdateEventType { .. }
            | Command::RemoveEventType(_)
            | Command::SetAttributeDefs(_)
            | Command::SetQuoteSettings(_)
    )
}

impl eframe::App for GlossApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            self.prefs.save(storage);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush();
    }

    /// Panel widths live in egui's memory; a screenshot run neither uses nor overwrites the
    /// analyst's.
    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }

    /// A screenshot run with `--keys` presses them here, as the keyboard would.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let ready = self.screenshot_ready();
        if let Some((run, _)) = self.screenshot.as_mut() {
            run.press(raw_input, ready);
        }
    }
}
