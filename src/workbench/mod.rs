//! The application without a screen: the open project, the current document and selection, the one
//! history, the find bar, pending two-step picks and the autosave policy.
//!
//! Every user intent is a [`Command`]; [`Workbench::execute`] is the one place that changes state, and
//! every change to annotations or the schema goes through [`History`] as one group of [`Edit`]s (one
//! undo step per command). The UI reads the workbench, draws, and pushes commands; it never waits on
//! disk: saves and the Review window's agreement figures run as [`jobs`] and [`Workbench::tick`]
//! collects their results.
//!
//! The services the window and the command line share live here too: [`LockedProject`] (the one
//! lock-load-save), [`create_project`], [`read_import`] and [`ReadImport::apply`],
//! [`write_export`]; [`files::read_input`] is the one reader of the user's input files.

mod annotate;
mod command;
mod consistency;
mod corpus;
mod disk;
mod document_info;
mod entities;
mod export;
pub mod fetch;
mod figures;
mod file_chooser;
pub mod files;
mod find;
mod fingerprints;
mod folder;
mod import;
pub mod jobs;
mod loading;
pub mod matrix;
mod navigate;
mod quotes_events;
mod review;
mod sample;
mod saver;
mod schema_edit;
mod shortcuts;
mod shutdown;
mod speaker;
mod suggestions;
pub mod tasks;
pub mod team;
pub mod trust;
mod watch;
mod web;
mod who_said;

use std::path::{Path, PathBuf};

pub use command::{Command, FindState, Pending, SaveState, WorkbenchError};
pub use consistency::ConsistencyView;
pub use corpus::{CorpusSearch, WINDOW_HIT_LIMIT};
pub use document_info::{DetailsChange, document_details};
pub use entities::{EntityCandidate, EntityInfo, EntityUse, MAX_CANDIDATES};
pub use export::{ExportWritten, check_out, known_layer, write_export, write_export_across};
pub use figures::AgreementFigures;
pub use file_chooser::{FILE_DIALOG_VAR, native_file_chooser_unavailable};
pub use folder::{LockedProject, create_project, load_read_only, peek_annotators};
pub use import::{
    DEFAULT_IMPORT_LAYER, Duplicates, ImportApplied, ImportRequest, ImportSummary, ReadImport,
    read_import,
};
pub use loading::{HeadStart, READ_IN_BACKGROUND_ABOVE, Reading};
pub use review::{Review, default_layers, is_review_key, review_action_for};
pub use sample::{SAMPLE_NAME, sample_home, write_sample};
pub use saver::AUTOSAVE_DELAY;
pub use schema_edit::hotkey_clashes;
pub use shortcuts::{
    Action, Chord, CommandInfo, Key, Shortcut, action_for, command_clash, command_on_typed_key,
    shortcut, shortcuts,
};
pub use shutdown::ShutdownSignal;
pub use suggestions::{
    DEFAULT_TAGGER_MIN_F1, LIVE_SUGGESTION_CHARS, RecommenderTrust, SYNC_SUGGESTION_CHARS,
    SuggestionState, TaggerStatus, Tally, is_suggestion_key,
};
pub use tasks::search::{Hit, SearchRequest, SearchResults};
/// The formats, presets, measures and suggestion types the window and the command line show, named
/// here so that `ui` and `cli` need only the workbench.
pub use tasks::vocabulary::*;
pub use tasks::{Hooks, Progress};
pub use who_said::WhoSaidView;

use crate::model::validate::annotation_problems;
use crate::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, History, Layer, LayerKey, LayerName,
    Project, Selection, Status, Timestamp,
};

/// What the document list flags on one document (see [`Workbench::document_problems`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocumentProblems {
    /// Spans of the gold layer with contradictory labels.
    pub gold_contradictions: usize,
    /// Annotations (of any layer) whose label or event type the schema lacks.
    pub unknown_labels: usize,
}

/// Names the schema's entity labels and event types, which decide which labels a layer uses that
/// the schema lacks: a different stamp means the counts must be made again.
fn schema_stamp(schema: &crate::model::Schema) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for label in &schema.entity_labels {
        label.name.hash(&mut hasher);
    }
    0xff_u8.hash(&mut hasher);
    for ty in &schema.event_types {
        ty.name.hash(&mut hasher);
    }
    hasher.finish()
}

/// The clock that stamps provenance. Injectable so tests get stable times.
pub type Clock = Box<dyn Fn() -> Timestamp + Send>;

/// The open project and everything the analyst is doing with it. See the module docs.
pub struct Workbench {
    dir: PathBuf,
    project: Project,
    history: History,
    /// The current annotator: names the layer every edit goes to.
    annotator: LayerName,
    /// The current annotator's layer of the shown document (kept to avoid rebuilding the key).
    current: Option<LayerKey>,
    selection: Selection,
    /// Token spans of the current document (char offsets), for snapping and growing.
    tokens: Vec<CharSpan>,
    /// The length in chars of the text `tokens` were made from.
    tokens_chars: Option<usize>,
    char_precision: bool,
    revision: u64,
    pending: Option<Pending>,
    find: FindState,
    /// The corpus search (Ctrl+Shift+F): request, results, the index.
    corpus: corpus::CorpusState,
    /// The consistency panel's findings (see `consistency`).
    consistency: consistency::ConsistencyState,
    /// The "Who said what" panel's tables (see `who_said`).
    who_said: who_said::WhoSaidState,
    /// Review: the open comparison, which layer edits go to, decisions to keep neither version.
    review: review::ReviewState,
    /// Suggestions of the shown layer, rejections, recommender settings, the tagger's training.
    suggestions: suggestions::SuggestionState,
    /// The entity label most recently applied: what [`Command::LabelFindHit`] uses.
    last_label: Option<String>,
    saver: saver::Saver,
    /// Where saves (and other long work) run: threads, or a queue tests drive.
    jobs: jobs::Jobs,
    /// The Sync button's job and its last result.
    sync: team::SyncState,
    /// The curator's documents × annotators view, computed in a job while it is open.
    matrix: matrix::MatrixState,
    /// The project folder's watcher and the changes it reported.
    watch: watch::WatchState,
    /// The Review window's agreement figures, computed in a job when their inputs change.
    figures: figures::FiguresState,
    clock: Clock,
    /// A message for the UI to show once (e.g. that the last Gloss here ended without closing).
    notice: Option<String>,
    /// Each layer's [`DocumentProblems`], with the layer revision and schema stamp they were
    /// counted at: an edit recounts only its own layer, not every annotation of the project.
    problem_counts:
        std::sync::Mutex<std::collections::HashMap<LayerKey, (u64, u64, DocumentProblems)>>,
    /// Held while the project is open; released on drop.
    _lock: Option<disk::Lock>,
    /// Why the project is open read-only (another Gloss holds its lock): every command that would
    /// change it is refused with this, and nothing is ever saved.
    read_only: Option<String>,
    /// The background reading of a project opened from its index, until every document is read.
    loading: Option<loading::Loading>,
}

impl std::fmt::Debug for Workbench {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbench")
            .field("dir", &self.dir)
            .field("annotator", &self.annotator)
            .field("current", &self.current)
            .field("selection", &self.selection)
            .field("revision", &self.revision)
            .finish_non_exhaustive()
    }
}

impl Workbench {
    /// Opens a project folder for writing: takes its lock, loads and validates it, adds `annotator` to
    /// the project's annotators and shows the first document. The lock names `annotator` to anyone else
    /// who tries to open the project. When the last Gloss to open it ended without closing it, a
    /// warning waits in [`Workbench::take_notice`].
    pub fn open(dir: &Path, annotator: &str) -> Result<Workbench, WorkbenchError> {
        Workbench::open_reading_above(dir, annotator, usize::MAX)
    }

    /// Like [`Workbench::open`], except that a project of more than `above` documents opens from its
    /// index, with the first document read and the rest read in the background (see
    /// [`Workbench::reading`]): the window's way to open, with [`READ_IN_BACKGROUND_ABOVE`].
    pub fn open_reading_above(
        dir: &Path,
        annotator: &str,
        above: usize,
    ) -> Result<Workbench, WorkbenchError> {
        Workbench::open_reading_with(dir, annotator, above, None)
    }

    /// [`Workbench::open_reading_above`], taking the index from `head` when it read this project's
    /// as it is now.
    fn open_reading_with(
        dir: &Path,
        annotator: &str,
        above: usize,
        head: Option<&HeadStart>,
    ) -> Result<Workbench, WorkbenchError> {
        let (lock, warning) = LockedProject::lock(dir, Some(annotator))?;
        let (project, loading) = loading::read_project(dir, above, head)?;
        let mut workbench = Workbench::build(project, dir.to_path_buf(), annotator, Some(lock))?;
        workbench.loading = loading;
        // Both are said: the unclean ending first.
        workbench.notice = match (warning, workbench.notice.take()) {
            (Some(a), Some(b)) => Some(format!("{a}. {b}")),
            (a, b) => a.or(b),
        };
        let fingerprints = workbench.saver.fingerprints.clone();
        fingerprints.record_open(&workbench.dir, &workbench.project, &workbench.annotator);
        Ok(workbench)
    }

    /// Opens a project for writing, or, when another running Gloss holds its lock, read-only: the
    /// project can be read and searched, every change is refused saying who has it open, and
    /// nothing is saved ([`Workbench::read_only`]). Other errors are [`Workbench::open`]'s.
    pub fn open_or_read_only(dir: &Path, annotator: &str) -> Result<Workbench, WorkbenchError> {
        Workbench::open_or_read_only_reading_above(dir, annotator, usize::MAX, None)
    }

    /// [`Workbench::open_or_read_only`], opening a project of more than `above` documents from its
    /// index as [`Workbench::open_reading_above`] does, the index read ahead by `head` when it
    /// read this project's as it is now (see [`HeadStart`]).
    pub fn open_or_read_only_reading_above(
        dir: &Path,
        annotator: &str,
        above: usize,
        head: Option<&HeadStart>,
    ) -> Result<Workbench, WorkbenchError> {
        match Workbench::open_reading_with(dir, annotator, above, head) {
            Err(WorkbenchError::Locked(holder)) => {
                let (project, loading) = loading::read_project(dir, above, head)?;
                let name = layer_name(annotator);
                let mut workbench = Workbench::with_layer(project, dir.to_path_buf(), name, None);
                workbench.loading = loading;
                // Joining the project's annotators is a change: it waits for writing.
                workbench.project.mark_saved();
                workbench.read_only = Some(holder);
                Ok(workbench)
            }
            other => other,
        }
    }

    /// Why the project is open read-only (who holds its lock), or `None` when it is open for
    /// writing.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Whether it is read-only because the folder cannot be written (rather than another Gloss
    /// holding it).
    pub fn read_only_folder(&self) -> bool {
        self.read_only
            .as_deref()
            .is_some_and(|why| why.contains(" is a read-only folder ("))
    }

    /// Creates a new project folder with a preset schema (`news`, `ontonotes`, `conll`, `ace2005`) and
    /// opens it.
    pub fn new_project(
        dir: &Path,
        name: &str,
        preset: &str,
        annotator: &str,
    ) -> Result<Workbench, WorkbenchError> {
        create_project(dir, name, preset)?;
        Workbench::open(dir, annotator)
    }

    /// A workbench over a project in memory, without a lock: for tests and benchmarks. Saves go to `dir`.
    /// An annotator name that is not a valid layer name (ASCII letters, digits, `-`, `_`, `.`) becomes
    /// its slug.
    pub fn from_project(project: Project, dir: PathBuf, annotator: &str) -> Workbench {
        let name = layer_name(annotator);
        let mut workbench = Workbench::with_layer(project, dir, name, None);
        workbench.notice = None;
        workbench
    }

    fn build(
        project: Project,
        dir: PathBuf,
        annotator: &str,
        lock: Option<disk::Lock>,
    ) -> Result<Workbench, WorkbenchError> {
        let name = LayerName::new(annotator).ok_or_else(|| {
            WorkbenchError::refused(format!(
                "annotator name {annotator:?} may only use ASCII letters, digits, '-', '_' and '.'"
            ))
        })?;
        Ok(Workbench::with_layer(project, dir, name, lock))
    }

    fn with_layer(
        mut project: Project,
        dir: PathBuf,
        annotator: LayerName,
        lock: Option<disk::Lock>,
    ) -> Workbench {
        project.add_annotator(annotator.as_str());
        let current = project.documents().first().map(|d| d.id.clone());
        let history = History::with_limit(project.settings.undo_limit);
        let mut workbench = Workbench {
            dir,
            project,
            history,
            annotator,
            current: None,
            selection: Selection::default(),
            tokens: Vec::new(),
            tokens_chars: None,
            char_precision: false,
            revision: 0,
            pending: None,
            find: FindState::default(),
            corpus: corpus::CorpusState::default(),
            consistency: consistency::ConsistencyState::default(),
            who_said: who_said::WhoSaidState::default(),
            review: review::ReviewState::default(),
            suggestions: suggestions::SuggestionState::default(),
            last_label: None,
            saver: saver::Saver::new(),
            jobs: jobs::Jobs::threaded(),
            sync: team::SyncState::default(),
            matrix: matrix::MatrixState::default(),
            watch: watch::WatchState::default(),
            figures: figures::FiguresState::default(),
            clock: Box::new(Timestamp::now),
            notice: None,
            problem_counts: Default::default(),
            _lock: lock,
            read_only: None,
            loading: None,
        };
        workbench.sync.shared = workbench.dir.join(".git").exists();
        match tasks::train_model::project_model(&workbench.project, &workbench.dir) {
            Ok(Some(model)) => workbench.suggestions.use_baseline_model(model),
            Ok(None) => {}
            Err(error) => workbench.suggestions.tell(format!(
                "{error:#}; the baseline uses the shipped news model instead"
            )),
        }
        if let Some(doc) = current {
            workbench.show_document(doc);
        }
        if !workbench.project.dirty().is_empty() {
            // E.g. a new annotator joined: autosave it like any change.
            workbench.saver.note_change();
        }
        workbench.notice = workbench.outside_schema_notice();
        workbench
    }

    /// Replaces the clock that stamps provenance (tests inject a fixed time).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Whether selections snap to tokens (`false`, the default) or keep char precision (`true`); the
    /// same as [`Command::SetCharPrecision`].
    pub fn set_char_precision(&mut self, on: bool) {
        self.char_precision = on;
    }

    /// Called from background work (a save, suggestions) when it finishes, so the UI can repaint
    /// (egui's `request_repaint`) and collect the result in [`Workbench::tick`].
    pub fn set_waker(&mut self, waker: Box<dyn Fn() + Send + Sync>) {
        self.saver.set_waker(waker);
        let slot = self.saver.waker_slot();
        self.jobs.set_waker(std::sync::Arc::new(move || {
            if let Ok(slot) = slot.lock()
                && let Some(wake) = slot.as_ref()
            {
                wake();
            }
        }));
    }

    /// Runs this workbench's jobs (saves, agreement) with `jobs`: the window shares its own, and
    /// window tests pass [`jobs::Jobs::queued`] so that work finishes when the test says.
    pub fn set_jobs(&mut self, jobs: jobs::Jobs) {
        self.jobs = jobs;
    }

    /// Where this workbench's jobs run.
    pub fn jobs(&self) -> &jobs::Jobs {
        &self.jobs
    }

    /// Applies one command. Errors are the analyst's to read ("select some text first"); when one is
    /// returned nothing changed. Derived data (the suggestion list) is brought up to date here, so
    /// that read accessors stay pure reads.
    pub fn execute(&mut self, command: Command) -> Result<(), WorkbenchError> {
        // With no pick under way (none can start), a click on a mark only selects it.
        let selects = matches!(command, Command::ClickAnnotation(_)) && self.pending.is_none();
        if let Some(holder) = &self.read_only
            && !reads_only(&command)
            && !selects
        {
            return Err(WorkbenchError::refused(format!(
                "open read-only, nothing can be changed: {holder}"
            )));
        }
        self.refuse_while_reading(&command)?;
        let result = self.carry_out(command);
        self.refresh_suggestions();
        result
    }

    fn carry_out(&mut self, command: Command) -> Result<(), WorkbenchError> {
        match command {
            Command::SelectDocument(doc) => self.select_document(doc),
            Command::NextDocument => self.step_document(1),
            Command::PreviousDocument => self.step_document(-1),
            Command::SelectSpan(span) => self.select_span(span),
            Command::ExtendSelectionTo(offset) => self.extend_selection_to(offset),
            Command::SelectAnnotation(id) => self.select_annotation(id),
            Command::SelectNextAnnotation => self.step_annotation(true),
            Command::SelectPreviousAnnotation => self.step_annotation(false),
            Command::ClearSelection => {
                self.clear_selection();
                Ok(())
            }
            Command::SetCharPrecision(on) => {
                self.char_precision = on;
                Ok(())
            }
            Command::Label(label) => self.label(&label),
            Command::Hotkey(key) => self.hotkey(key),
            Command::Delete => self.delete_selected(),
            Command::GrowStart => self.resize(annotate::Resize::GrowStart),
            Command::ShrinkStart => self.resize(annotate::Resize::ShrinkStart),
            Command::GrowEnd => self.resize(annotate::Resize::GrowEnd),
            Command::ShrinkEnd => self.resize(annotate::Resize::ShrinkEnd),
            Command::Undo => self.undo_with_suggestions(),
            Command::Redo => self.redo_with_suggestions(),
            Command::Save => self.save_now(),
            Command::Sync => self.request_sync(),
            Command::ShowTeam(open) => {
                self.show_team(open);
                Ok(())
            }
            Command::SettleProjectConflict { keep_mine } => self.settle_conflict(keep_mine),
            Command::SetAssignment {
                doc,
                annotator,
                assigned,
            } => self.set_assignment(&doc, &annotator, assigned),
            Command::SetStatus(doc, status) => self.set_status(doc, status),
            Command::ToggleDone => self.toggle_done(),
            Command::CreateQuote => self.create_quote(),
            Command::SetSpeaker { quote, speaker } => self.set_speaker(quote, speaker),
            Command::SpeakerNearest => self.speaker_nearest(),
            Command::PickSpeaker { quote } => self.start_pick(Pending::Speaker { quote }),
            Command::PickCue { quote } => self.start_pick(Pending::Cue { quote }),
            Command::PickContent { quote } => self.start_pick(Pending::Content { quote }),
            Command::SetCue { quote, span } => self.set_cue(quote, span),
            Command::AddQuoteContent { quote, span } => self.add_quote_content(quote, span),
            Command::RemoveQuoteContent { quote, index } => self.remove_quote_content(quote, index),
            Command::PickPart { entity } => self.start_pick(Pending::Part { entity }),
            Command::AddEntityPart { entity, span } => self.add_entity_part(entity, span),
            Command::RemoveEntityPart { entity, index } => self.remove_entity_part(entity, index),
            Command::SetQuoteKind { quote, kind } => self.set_quote_kind(quote, kind),
            Command::CycleQuoteKind => self.cycle_quote_kind(),
            Command::CreateEvent(event_type) => self.create_event(&event_type),
            Command::PickArgument { event, role } => {
                self.start_pick(Pending::Argument { event, role })
            }
            Command::AddArgument {
                event,
                role,
                filler,
            } => self.add_argument(event, &role, filler),
            Command::RemoveArgument { event, index } => self.remove_argument(event, index),
            Command::SetAttribute { id, name, value } => self.set_attribute(id, &name, value),
            Command::SetNote { id, note } => self.set_note(id, note),
            Command::SetNorm { id, norm } => self.set_norm(id, norm),
            Command::LinkEntity { id, entity } => self.link_entity(id, entity),
            Command::NewEntity(id) => self.new_entity(id),
            Command::MergeEntities { keep, absorb } => self.merge_entities(&keep, &absorb),
            Command::SplitEntity(id) => self.split_entity(id),
            Command::SetEntityInfo { key, info } => self.set_entity_info(&key, *info),
            Command::ClickAnnotation(id) => self.click_annotation(id),
            Command::PickNumber(n) => self.pick_number(n),
            Command::CancelPending => {
                if self.pending.take().is_none() {
                    self.clear_selection();
                }
                Ok(())
            }
            Command::Find(query) => self.find_text(query),
            Command::FindNext => self.step_find(true),
            Command::FindPrevious => self.step_find(false),
            Command::LabelFindHit => self.label_find_hit(),
            Command::SearchCorpus(request) => self.search_corpus(request),
            Command::NextCorpusHit => self.step_corpus_hit(true),
            Command::PreviousCorpusHit => self.step_corpus_hit(false),
            Command::GoToCorpusHit(index) => self.go_to_corpus_hit(index),
            Command::LabelCorpusHits(label) => self.label_corpus_hits(&label),
            Command::SetDocumentInfo { doc, info } => self.set_document_info(doc, *info),
            Command::RestoreRemoved { doc, index } => self.restore_removed(doc, index),
            Command::CheckConsistency => self.check_consistency(),
            Command::TallyCorpus(follow) => self.tally_corpus(follow),
            Command::GoToAnnotation { doc, id } => self.go_to_annotation(doc, id),
            Command::GoToFindingPlace { finding, place } => self.go_to_finding(finding, place),
            Command::FixFinding(finding) => self.fix_finding(finding),
            Command::AddEntityLabel(label) => self.add_entity_label(label),
            Command::RenameEntityLabel { from, to } => self.rename_entity_label(&from, &to),
            Command::SetLabelColor { label, color } => self.edit_label(&label, |l| l.color = color),
            Command::SetLabelHotkey { label, hotkey } => self.set_label_hotkey(&label, hotkey),
            Command::SetLabelDescription { label, description } => {
                self.edit_label(&label, |l| l.description = description)
            }
            Command::RemoveEntityLabel(label) => self.remove_entity_label(&label),
            Command::AddEventType(event_type) => self.add_event_type(event_type),
            Command::UpdateEventType { name, event_type } => {
                self.update_event_type(&name, event_type)
            }
            Command::RemoveEventType(name) => self.remove_event_type(&name),
            Command::SetAttributeDefs(defs) => self.set_schema_with(|s| s.attributes = defs),
            Command::SetQuoteSettings(quotes) => self.set_schema_with(|s| s.quotes = quotes),
            Command::OpenReview(layers) => self.open_review(layers),
            Command::CloseReview => {
                self.close_review();
                Ok(())
            }
            Command::NextDisagreement => self.step_disagreement(true),
            Command::PreviousDisagreement => self.step_disagreement(false),
            Command::GoToDisagreement(index) => self.go_to_disagreement(index),
            Command::Resolve(choice) => self.resolve_current(choice),
            Command::AutoMerge(k) => self.auto_merge(k),
            Command::EditGold(on) => self.edit_gold(on),
            Command::FinishAdjudication => self.finish_adjudication(),
            command @ (Command::NextSuggestion
            | Command::PreviousSuggestion
            | Command::FocusSuggestion(_)
            | Command::AcceptSuggestion(_)
            | Command::RejectSuggestion(_)
            | Command::AcceptAllSuggestions { .. }
            | Command::SetRecommenderEnabled { .. }
            | Command::SetRecommenderThreshold { .. }
            | Command::SetTaggerMinF1(_)
            | Command::TrustRecommender { .. }
            | Command::DeclineRecommender) => self.execute_suggestion(command),
        }
    }

    /// Adds plain-text files as documents (one per file, or one per non-empty line with
    /// `split_lines`). Not undoable: imports are not annotation edits. Returns how many documents
    /// were added; shows the first of them if no document was shown.
    pub fn import_texts(&mut self, files: Vec<(String, String)>, split_lines: bool) -> usize {
        let mut added = Vec::new();
        for (file_name, contents) in files {
            for document in disk::documents_from_text(&file_name, &contents, split_lines) {
                added.push(self.project.add_document(document));
            }
        }
        if !added.is_empty() {
            self.changed();
            if self.current.is_none()
                && let Some(first) = added.first()
            {
                self.show_document(first.clone());
            }
        }
        added.len()
    }

    // --- Read access -----------------------------------------------------------------------------

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The current annotator, whose layer every edit goes to.
    pub fn annotator(&self) -> &LayerName {
        &self.annotator
    }

    pub fn current_doc(&self) -> Option<&Document> {
        self.current
            .as_ref()
            .and_then(|key| self.project.document(&key.doc))
    }

    /// The current annotator's layer of the current document (which may not exist yet).
    pub fn current_layer_key(&self) -> Option<LayerKey> {
        self.current.clone()
    }

    /// The current annotator's layer of the current document; `None` while it has no annotations and
    /// status New.
    pub fn current_layer(&self) -> Option<&Layer> {
        self.current
            .as_ref()
            .and_then(|key| self.project.layer(key))
    }

    /// The status of the current annotator's layer of a document.
    pub fn status_of(&self, doc: &DocId) -> Status {
        self.project
            .status(&LayerKey::new(doc.clone(), self.annotator.clone()))
    }

    /// An annotation of the current layer.
    pub fn annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.current_layer().and_then(|layer| layer.get(id))
    }

    /// The selected annotation, if it (still) exists in the current layer.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        self.selection.annotation.and_then(|id| self.annotation(id))
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The token spans of the current document (char offsets, in order): what selections snap to.
    pub fn tokens(&self) -> &[CharSpan] {
        &self.tokens
    }

    pub fn char_precision(&self) -> bool {
        self.char_precision
    }

    /// Bumps on every change of annotations, schema or documents (never on selection changes), so the
    /// UI can cache layout per revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo() || self.suggestions.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo() || self.suggestions.can_redo()
    }

    /// A two-step pick in progress (speaker, cue, content, argument filler).
    pub fn pending(&self) -> Option<&Pending> {
        self.pending.as_ref()
    }

    /// The find bar: query, hits in the current document, current hit.
    pub fn find(&self) -> &FindState {
        &self.find
    }

    /// The label [`Command::LabelFindHit`] applies: the one most recently used.
    pub fn last_label(&self) -> Option<&str> {
        self.last_label.as_deref()
    }

    /// What is wrong with an annotation of the current layer, for the inspector (required roles left
    /// empty, labels not in the schema, dangling links…). Empty when all is well or the id is unknown.
    pub fn problems(&self, id: AnnotationId) -> Vec<String> {
        let (Some(layer), Some(doc)) = (self.current_layer(), self.current_doc()) else {
            return Vec::new();
        };
        layer.get(id).map_or_else(Vec::new, |annotation| {
            annotation_problems(&self.project.schema, layer, annotation, doc.text.char_len())
        })
    }

    /// What the document list flags per document: contradictory gold spans (see
    /// [`crate::model::validate::gold_contradictions`]) and annotations whose label the schema
    /// lacks; documents with neither are left out. Call it when [`Workbench::revision`] changed,
    /// not every frame: it recounts only the layers that changed since the last call (or all of
    /// them after a schema change), so an edit costs one layer, not the project.
    pub fn document_problems(&self) -> std::collections::BTreeMap<DocId, DocumentProblems> {
        let schema = &self.project.schema;
        let stamp = schema_stamp(schema);
        let mut counted = self
            .problem_counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut kept = std::collections::HashMap::with_capacity(counted.len());
        let mut found: std::collections::BTreeMap<DocId, DocumentProblems> =
            std::collections::BTreeMap::new();
        for (key, layer) in self.project.layers() {
            let problems = match counted.remove(key) {
                Some((revision, at, problems)) if revision == layer.revision() && at == stamp => {
                    problems
                }
                _ => DocumentProblems {
                    gold_contradictions: if key.layer.is_gold() {
                        crate::model::validate::gold_contradictions(layer).len()
                    } else {
                        0
                    },
                    unknown_labels: crate::model::validate::labels_outside_schema(schema, layer)
                        .count(),
                },
            };
            if problems != DocumentProblems::default() {
                let entry = found.entry(key.doc.clone()).or_default();
                entry.gold_contradictions += problems.gold_contradictions;
                entry.unknown_labels += problems.unknown_labels;
            }
            kept.insert(key.clone(), (layer.revision(), stamp, problems));
        }
        // Layers gone since the last call are left behind.
        *counted = kept;
        found
    }

    /// Labels the schema lacks that annotations of any layer still use, with how many use each.
    pub fn labels_outside_schema(&self) -> std::collections::BTreeMap<String, usize> {
        let mut found = std::collections::BTreeMap::new();
        for (_, layer) in self.project.layers() {
            for label in crate::model::validate::labels_outside_schema(&self.project.schema, layer)
            {
                *found.entry(label.to_owned()).or_insert(0) += 1;
            }
        }
        found
    }

    /// The sentence the window shows when annotations use labels the schema lacks, or `None`.
    fn outside_schema_notice(&self) -> Option<String> {
        let found = self.labels_outside_schema();
        let total: usize = found.values().sum();
        let first = found.keys().next()?;
        let listed: Vec<String> = found
            .iter()
            .take(5)
            .map(|(label, n)| format!("{label} ({n})"))
            .collect();
        Some(format!(
            "{total} {} labels the schema does not have: {}{}. They are kept: put the labels back \
             in the schema, or relabel them (Find: label:{first}, then label all hits)",
            if total == 1 {
                "annotation uses"
            } else {
                "annotations use"
            },
            listed.join(", "),
            if found.len() > 5 { ", …" } else { "" }
        ))
    }

    /// A message the UI should show once, e.g. that the last Gloss here ended without closing.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    // --- Shared internals ------------------------------------------------------------------------

    /// The shown document's id.
    fn current_id(&self) -> Option<&DocId> {
        self.current.as_ref().map(|key| &key.doc)
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// The current layer's key, or a refusal when no document is shown.
    fn layer_key(&self) -> Result<LayerKey, WorkbenchError> {
        self.current_layer_key()
            .ok_or_else(|| WorkbenchError::refused("open a document first"))
    }

    /// Applies a group of edits to the current layer as one undo step, ending with `selection_after`.
    /// Marks a New layer InProgress in the same step.
    fn apply_annotation_edits(
        &mut self,
        mut edits: Vec<Edit>,
        selection_after: Selection,
    ) -> Result<(), WorkbenchError> {
        let mut touched: Vec<LayerKey> = Vec::new();
        for edit in &edits {
            if let Some(key) = edit.key()
                && !matches!(edit, Edit::SetStatus { .. })
                && !touched.contains(key)
            {
                touched.push(key.clone());
            }
        }
        for key in touched {
            if self.project.status(&key) == Status::New {
                edits.push(Edit::SetStatus {
                    key,
                    before: Status::New,
                    after: Status::InProgress,
                });
            }
        }
        self.apply_edits(edits, selection_after)
    }

    /// Applies a group of edits as one undo step (no status bookkeeping).
    fn apply_edits(
        &mut self,
        edits: Vec<Edit>,
        selection_after: Selection,
    ) -> Result<(), WorkbenchError> {
        if edits.is_empty() {
            return Ok(());
        }
        let before = self.selection.clone();
        self.forget_suggestion_redo();
        self.history
            .apply(&mut self.project, edits, before, selection_after.clone())?;
        self.selection = selection_after;
        self.changed();
        Ok(())
    }

    /// Something worth saving changed: bump the revision and restart the autosave delay.
    fn changed(&mut self) {
        self.revision += 1;
        self.saver.note_change();
        self.refresh_review();
        self.refresh_suggestions();
    }
}

/// Whether a command only reads the project (moves, selects, finds, compares): what a read-only
/// workbench still does.
fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::SelectDocument(_)
            | Command::NextDocument
            | Command::PreviousDocument
            | Command::SelectSpan(_)
            | Command::ExtendSelectionTo(_)
            | Command::SelectAnnotation(_)
            | Command::SelectNextAnnotation
            | Command::SelectPreviousAnnotation
            | Command::ClearSelection
            | Command::SetCharPrecision(_)
            | Command::CancelPending
            | Command::Find(_)
            | Command::FindNext
            | Command::FindPrevious
            | Command::OpenReview(_)
            | Command::CloseReview
            | Command::NextDisagreement
            | Command::PreviousDisagreement
            | Command::GoToDisagreement(_)
            | Command::NextSuggestion
            | Command::PreviousSuggestion
            | Command::FocusSuggestion(_)
            | Command::TallyCorpus(_)
            | Command::GoToAnnotation { .. }
            | Command::ShowTeam(_)
    )
}

/// A layer name from any annotator name: as given when valid, else a slug of it (at most 64 chars).
fn layer_name(annotator: &str) -> LayerName {
    if let Some(name) = LayerName::new(annotator) {
        return name;
    }
    let slug: String = DocId::slug(annotator).as_str().chars().take(64).collect();
    // A slug is always a valid layer name once trimmed; `gold` is only a formal fallback.
    LayerName::new(slug.trim_end_matches('-')).unwrap_or_else(LayerName::gold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_annotator_names_become_slugs() {
        assert_eq!(layer_name("Ana Marić").as_str(), "ana-mari");
        assert_eq!(layer_name("alice").as_str(), "alice");
    }

    #[test]
    fn now_is_injectable() {
        let mut wb =
            Workbench::from_project(Project::default(), PathBuf::from("/nonexistent"), "alice");
        let fixed = Timestamp::UNIX_EPOCH;
        wb.set_clock(Box::new(move || fixed));
        assert_eq!(wb.now(), fixed);
    }
}
