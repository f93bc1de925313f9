//! Opening a large project without the wait: the window opens from the project's index
//! (`project.ron`, `entities.ron` and the list of layer files), which lists every document, reads
//! the first document on the spot and the rest in the background, [`BATCH`] documents per job, in
//! project order except that a document the analyst opens (and its neighbours) comes first.
//!
//! Until every document is read, the project holds the others as the index lists them: title and
//! metadata, no text, no layers ([`Project::is_loaded`]). What that allows:
//! - reading, annotating and reviewing suggestions in documents that are read, moving to any
//!   document (it is read first, then shown), editing document details and cosmetic schema
//!   settings, saving (the index in memory is complete, and storage refuses to write a document
//!   that is not read: see `storage::pending_writes`);
//! - not what needs every document (corpus search, consistency, who said what, the team matrix,
//!   review and adjudication, export, sync, schema changes that relabel annotations, merging
//!   entities): each is refused with how far the reading has come ([`Workbench::refuse_while_reading`]).
//!
//! A file that cannot be read stops the reading with its error: the documents read so far stay
//! open, nothing is written for the others, and the message says to fix the file and reopen.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::disk::{self, Index, LoadedDocument};
use super::fingerprints::Fingerprints;
use super::jobs::Job;
use super::{Command, Workbench, WorkbenchError};
use std::collections::HashMap;

use crate::model::{DocId, LayerKey, LayerName, Project, Status};
use crate::storage::{self, FileStamp};

/// Projects with more documents than this open from their index in the window; smaller ones are
/// read whole before they show (a fraction of a second). Measured on generated articles of 300
/// annotations: 1,000 read whole took 1.64 s to the first frame, 10,000 from the index 0.37 s.
pub const READ_IN_BACKGROUND_ABOVE: usize = 200;

/// How many documents the background reading reads in all (unless [`READ_AT_MOST_BYTES`] comes
/// first): beyond it, a document is read when it is opened. The command line (`gloss check`,
/// `stats`, `agree`, `export`) reads a project of any size a batch at a time.
pub const READ_AT_MOST: usize = 20_000;

/// About how much memory the background reading fills before it rests, whatever the count of
/// documents: estimated as the texts' bytes plus [`BYTES_PER_ANNOTATION`] per annotation.
pub const READ_AT_MOST_BYTES: usize = 1 << 30;

/// What an annotation takes in memory with its share of the layer around it (measured: about 600
/// bytes on the generated 300-annotation articles, whose window held 1.8 GB for 10,000).
const BYTES_PER_ANNOTATION: usize = 600;

/// How many documents one background job reads.
const BATCH: usize = 256;

/// How many documents on each side of one the analyst opens are read with it.
const NEIGHBOURS: usize = 2;

type ReadJob = Job<Result<Vec<LoadedDocument>, WorkbenchError>>;

/// The peek at every unread document's status (see `Loading::statuses`).
type StatusJob = Job<Vec<(DocId, Option<Status>)>>;

/// The background reading of a project opened from its index.
pub(super) struct Loading {
    index: Arc<Index>,
    /// Every position before this one has been asked for.
    cursor: usize,
    job: Option<ReadJob>,
    /// A document the analyst opened that is not read yet: read next.
    wanted: Option<DocId>,
    /// Why the reading stopped, once a file could not be read.
    failure: Option<String>,
    /// How many documents the background reading reads before it rests ([`READ_AT_MOST`]).
    budget: usize,
    /// About how many bytes the documents read so far hold (see [`READ_AT_MOST_BYTES`]).
    held: usize,
    /// The annotator's status of each document not read yet, from its layer file's header (a
    /// background job at opening): what the document list and its count of documents done show
    /// until the document is read. `None` in the map: the header did not say.
    statuses: Option<HashMap<DocId, Option<Status>>>,
    status_job: Option<StatusJob>,
}

/// How far the background reading has come: what the status bar shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub read: usize,
    pub total: usize,
    /// Why the reading stopped (a file that could not be read), if it did.
    pub failure: Option<String>,
    /// The background reading has read as many documents as the window holds
    /// ([`READ_AT_MOST`]); the others are read when opened.
    pub resting: bool,
}

impl Reading {
    /// "Reading the project: 2,304 of 10,000 documents" or why it stopped.
    pub fn sentence(&self) -> String {
        match &self.failure {
            Some(failure) => format!(
                "Reading stopped at {} of {} documents: {failure}. Fix the file and reopen the \
                 project; nothing is written for the documents not read",
                thousands(self.read),
                thousands(self.total)
            ),
            None if self.resting => format!(
                "{} of {} documents read: the others are read when opened (for figures over \
                 every document, use gloss check, stats, agree or export)",
                thousands(self.read),
                thousands(self.total)
            ),
            None => format!(
                "Reading the project: {} of {} documents",
                thousands(self.read),
                thousands(self.total)
            ),
        }
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A project's index (`project.ron`, `entities.ron`) read on a thread of its own from the moment the
/// window is asked for, while the window is still being made: the window system, the renderer and
/// the fonts take a few tenths of a second before the app exists and can start opening, and the
/// index of a 100,000-article project takes as long to read. Opening takes the index read ahead
/// instead of reading it again when both files are as they were when it was read
/// ([`storage::FileStamp`]); otherwise (changed, unreadable, another folder) it reads as ever, so a
/// head start never changes what opens or what an error says.
pub struct HeadStart {
    dir: PathBuf,
    reading: Mutex<Option<Ahead>>,
}

/// The reading ahead: under way on its thread, or done.
enum Ahead {
    Reading(JoinHandle<Option<ReadAhead>>),
    Read(Option<Box<ReadAhead>>),
}

/// An index read ahead, with its files' stamps from before the reading (equal after it).
struct ReadAhead {
    index: Index,
    stamps: [Option<FileStamp>; 2],
}

/// The stamps of the files the index is read from.
fn index_stamps(dir: &Path) -> [Option<FileStamp>; 2] {
    [storage::PROJECT_FILE, storage::ENTITIES_FILE].map(|name| FileStamp::of(&dir.join(name)))
}

impl HeadStart {
    /// Starts reading `dir`'s index; `None` when the system will not start a thread (opening then
    /// reads it as ever).
    pub fn begin(dir: &Path) -> Option<HeadStart> {
        let folder = dir.to_owned();
        let reading = std::thread::Builder::new()
            .name("gloss-head-start".to_owned())
            .spawn(move || read_ahead(&folder))
            .ok()?;
        Some(HeadStart {
            dir: dir.to_owned(),
            reading: Mutex::new(Some(Ahead::Reading(reading))),
        })
    }

    /// Reads `dir`'s index ahead here and now, for a caller with nothing to overlap it with (and
    /// tests, which need to know it has been read).
    pub fn read(dir: &Path) -> HeadStart {
        HeadStart {
            dir: dir.to_owned(),
            reading: Mutex::new(Some(Ahead::Read(read_ahead(dir).map(Box::new)))),
        }
    }

    /// The index read ahead, when it is `dir`'s and its files have not changed since; waits for
    /// the reading to end. Once only: later calls get `None`.
    fn take(&self, dir: &Path) -> Option<Index> {
        let ahead = match self
            .reading
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()?
        {
            Ahead::Reading(thread) => thread.join().ok().flatten(),
            Ahead::Read(read) => read.map(|ahead| *ahead),
        }?;
        (self.dir == dir && index_stamps(dir) == ahead.stamps).then_some(ahead.index)
    }
}

/// `dir`'s index with its files' stamps, `None` when it cannot be read or changed while it was.
fn read_ahead(dir: &Path) -> Option<ReadAhead> {
    let stamps = index_stamps(dir);
    let index = disk::open_index(dir).ok()?;
    // Written while it was read: the reading may have seen half of a change.
    (index_stamps(dir) == stamps).then_some(ReadAhead { index, stamps })
}

/// The project to open: read whole when it has at most `above` documents, else as its index lists
/// it with the first document read, and the reading of the rest to start. The index comes from
/// `head` when it read this project's as it is now.
pub(super) fn read_project(
    dir: &Path,
    above: usize,
    head: Option<&HeadStart>,
) -> Result<(Project, Option<Loading>), WorkbenchError> {
    if above == usize::MAX {
        // Read whole whatever its size (the command line, tests): no index to read first.
        return Ok((disk::load(dir)?, None));
    }
    let index = match head.and_then(|head| head.take(dir)) {
        Some(index) => index,
        None => disk::open_index(dir)?,
    };
    if index.len() <= above {
        drop(index);
        return Ok((disk::load(dir)?, None));
    }
    let mut project = index.listing();
    if let Some(first) = index.document_ids().next().cloned() {
        for loaded in disk::read_documents(&index, &[first])? {
            project.fill_document(loaded.document, loaded.layers);
        }
    }
    let loading = Loading {
        index: Arc::new(index),
        cursor: 0,
        job: None,
        wanted: None,
        failure: None,
        budget: READ_AT_MOST,
        held: 0,
        statuses: None,
        status_job: None,
    };
    Ok((project, Some(loading)))
}

impl Workbench {
    /// A workbench over a project read without its lock, never to be saved (screenshot runs), as
    /// [`Workbench::from_project`] makes; a project of more than `above` documents opens from its
    /// index (read ahead by `head`, see [`HeadStart`]). The annotator is `annotator` of the
    /// project's (the list in `project.ron`).
    pub fn unlocked_reading_above(
        dir: &Path,
        annotator: impl FnOnce(&[String]) -> String,
        above: usize,
        head: Option<&HeadStart>,
    ) -> Result<Workbench, WorkbenchError> {
        let (project, loading) = read_project(dir, above, head)?;
        let annotator = annotator(&project.annotators);
        let mut workbench = Workbench::from_project(project, dir.to_path_buf(), &annotator);
        workbench.loading = loading;
        Ok(workbench)
    }

    /// How far reading a project opened from its index has come; `None` once every document is
    /// read (or for a project read whole).
    pub fn reading(&self) -> Option<Reading> {
        let loading = self.loading.as_ref()?;
        let total = self.project.documents().len();
        let read = total - self.project.unloaded_count();
        Some(Reading {
            read,
            total,
            failure: loading.failure.clone(),
            resting: loading.job.is_none()
                && (loading.cursor >= loading.budget.min(total)
                    || loading.held >= READ_AT_MOST_BYTES),
        })
    }

    /// Sets how many documents the background reading reads in all (see [`READ_AT_MOST`]).
    pub fn set_reading_budget(&mut self, documents: usize) {
        if let Some(loading) = self.loading.as_mut() {
            loading.budget = documents;
        }
    }

    /// The annotator's status of a document not read yet, as its layer file's header names it;
    /// `None` until the headers are read (or when this one did not say). For a document that is
    /// read, [`Workbench::status_of`].
    pub fn peeked_status(&self, doc: &DocId) -> Option<Status> {
        if self.project.is_loaded(doc) {
            return Some(self.status_of(doc));
        }
        self.loading
            .as_ref()?
            .statuses
            .as_ref()?
            .get(doc)
            .copied()?
    }

    /// Whether the status of every document is known: every document read, or the headers of
    /// those not read yet read.
    pub fn statuses_known(&self) -> bool {
        self.loading
            .as_ref()
            .is_none_or(|loading| loading.statuses.is_some())
    }

    /// Whether a document's text and layers are read (see [`Workbench::reading`]).
    pub fn is_read(&self, doc: &DocId) -> bool {
        self.project.is_loaded(doc)
    }

    /// Refuses a command that needs every document while some are not read yet, saying how far the
    /// reading has come.
    pub(super) fn refuse_while_reading(&self, command: &Command) -> Result<(), WorkbenchError> {
        let Some(reading) = self.reading() else {
            return Ok(());
        };
        if works_while_reading(command) {
            return Ok(());
        }
        Err(WorkbenchError::refused(match reading.failure {
            Some(_) => format!(
                "{}: this needs every document",
                reading.sentence().trim_end_matches('.')
            ),
            None if reading.resting => format!(
                "this needs every document, and the window holds {} of this project's {}: \
                 gloss check, stats, agree and export read a project of any size",
                thousands(reading.read),
                thousands(reading.total)
            ),
            None => format!(
                "this needs every document, and the project is still being read ({} of {}); \
                 try again in a moment",
                thousands(reading.read),
                thousands(reading.total)
            ),
        }))
    }

    /// Asks for a document that is not read yet to be read next (with its neighbours).
    pub(super) fn want_read(&mut self, doc: &DocId) {
        if let Some(loading) = self.loading.as_mut()
            && !self.project.is_loaded(doc)
        {
            loading.wanted = Some(doc.clone());
        }
    }

    /// Collects a finished read, puts its documents in place, and starts the next one. Called from
    /// [`Workbench::tick`]; never blocks.
    pub(super) fn tick_loading(&mut self) {
        let Some(loading) = self.loading.as_mut() else {
            return;
        };
        if let Some(job) = loading.status_job.as_mut()
            && let Some(result) = job.poll()
        {
            loading.status_job = None;
            // A failed peek leaves the statuses unknown until each document is read.
            loading.statuses =
                Some(result.map_or_else(|_| HashMap::new(), |peeked| peeked.into_iter().collect()));
            self.revision += 1;
        }
        let scan = (loading.statuses.is_none() && loading.status_job.is_none())
            .then(|| Arc::clone(&loading.index));
        if let Some(index) = scan {
            let ids: Vec<DocId> = self
                .project
                .documents()
                .iter()
                .filter(|d| !self.project.is_loaded(&d.id))
                .map(|d| d.id.clone())
                .collect();
            let annotator = self.annotator.clone();
            let job = self.jobs.start("statuses", move |_| {
                disk::peek_statuses(&index, &ids, &annotator)
            });
            if let Some(loading) = self.loading.as_mut() {
                loading.status_job = Some(job);
            }
        }
        let Some(loading) = self.loading.as_mut() else {
            return;
        };
        let mut arrived = Vec::new();
        if let Some(job) = loading.job.as_mut()
            && let Some(result) = job.poll()
        {
            loading.job = None;
            match result {
                Ok(Ok(documents)) => arrived = documents,
                Ok(Err(error)) => loading.failure = Some(error.to_string()),
                Err(failed) => loading.failure = Some(failed.to_string()),
            }
        }
        let filled = !arrived.is_empty();
        let current_arrived = self
            .current_id()
            .is_some_and(|doc| arrived.iter().any(|l| &l.document.id == doc));
        for loaded in arrived {
            if let Some(loading) = self.loading.as_mut() {
                loading.held += held_by(&loaded);
            }
            self.project.fill_document(loaded.document, loaded.layers);
        }
        if filled {
            // Caches keyed on the revision (document list marks, counts) take the new documents in.
            self.revision += 1;
        }
        if current_arrived && let Some(doc) = self.current_id().cloned() {
            self.show_document(doc);
        }
        self.start_next_read();
    }

    fn start_next_read(&mut self) {
        let Some(loading) = self.loading.as_mut() else {
            return;
        };
        if loading.job.is_some() || loading.failure.is_some() {
            return;
        }
        let ids = next_batch(loading, &self.project);
        if ids.is_empty() && self.project.unloaded_count() > 0 {
            // As many as the window holds are read: the others when opened.
            return;
        }
        if ids.is_empty() {
            self.loading = None;
            self.revision += 1;
            // What the opening said about labels outside the schema counted only the first
            // document: now it can count them all.
            if let Some(notice) = self.outside_schema_notice() {
                self.notice = Some(match self.notice.take() {
                    Some(earlier) if earlier != notice => format!("{earlier}. {notice}"),
                    _ => notice,
                });
            }
            return;
        }
        let index = Arc::clone(&loading.index);
        let fingerprints = self.saver.fingerprints.clone();
        let dir = self.dir.clone();
        let annotator = self.annotator.clone();
        let record = self.read_only.is_none();
        loading.job = Some(self.jobs.start("read", move |_| {
            let documents = disk::read_documents(&index, &ids)?;
            if record {
                record_own_layers(&fingerprints, &dir, &annotator, &documents);
            }
            Ok(documents)
        }));
    }
}

/// About how many bytes a document read holds in memory.
fn held_by(loaded: &LoadedDocument) -> usize {
    let annotations: usize = loaded.layers.iter().map(|(_, layer)| layer.len()).sum();
    loaded.document.text.as_str().len() + annotations * BYTES_PER_ANNOTATION
}

/// What a save compares with before it writes the annotator's own layer files: what they held
/// when read (see `fingerprints`).
fn record_own_layers(
    fingerprints: &Fingerprints,
    dir: &Path,
    annotator: &LayerName,
    documents: &[LoadedDocument],
) {
    let keys: Vec<LayerKey> = documents
        .iter()
        .map(|loaded| LayerKey::new(loaded.document.id.clone(), annotator.clone()))
        .collect();
    fingerprints.record_layers(dir, &keys);
}

/// The documents to read next: the one the analyst wants and its neighbours, else the next
/// [`BATCH`] in project order that are not read.
fn next_batch(loading: &mut Loading, project: &Project) -> Vec<DocId> {
    let documents = project.documents();
    if let Some(wanted) = loading.wanted.take()
        && let Some(position) = project.document_position(&wanted)
        && !project.is_loaded(&wanted)
    {
        let from = position.saturating_sub(NEIGHBOURS);
        let to = (position + NEIGHBOURS + 1).min(documents.len());
        return documents[from..to]
            .iter()
            .filter(|d| !project.is_loaded(&d.id))
            .map(|d| d.id.clone())
            .collect();
    }
    let mut ids = Vec::with_capacity(BATCH);
    if loading.held >= READ_AT_MOST_BYTES {
        return ids;
    }
    let end = documents.len().min(loading.budget);
    while loading.cursor < end && ids.len() < BATCH {
        let doc = &documents[loading.cursor];
        if !project.is_loaded(&doc.id) {
            ids.push(doc.id.clone());
        }
        loading.cursor += 1;
    }
    ids
}

/// Whether a command works on the documents that are read while others are not: it changes or
/// reads only the shown document (or one it goes to, which is then read first), the registry's
/// entries, document details or the schema's looks. What needs every document is not.
fn works_while_reading(command: &Command) -> bool {
    use Command as C;
    match command {
        C::SelectDocument(_)
        | C::NextDocument
        | C::PreviousDocument
        | C::SelectSpan(_)
        | C::ExtendSelectionTo(_)
        | C::SelectAnnotation(_)
        | C::SelectNextAnnotation
        | C::SelectPreviousAnnotation
        | C::ClearSelection
        | C::SetCharPrecision(_)
        | C::Label(_)
        | C::Hotkey(_)
        | C::Delete
        | C::GrowStart
        | C::ShrinkStart
        | C::GrowEnd
        | C::ShrinkEnd
        | C::Undo
        | C::Redo
        | C::Save
        | C::SetStatus(..)
        | C::ToggleDone
        | C::CreateQuote
        | C::SetSpeaker { .. }
        | C::SpeakerNearest
        | C::PickSpeaker { .. }
        | C::PickCue { .. }
        | C::PickContent { .. }
        | C::SetCue { .. }
        | C::AddQuoteContent { .. }
        | C::RemoveQuoteContent { .. }
        | C::PickPart { .. }
        | C::AddEntityPart { .. }
        | C::RemoveEntityPart { .. }
        | C::SetQuoteKind { .. }
        | C::CycleQuoteKind
        | C::CreateEvent(_)
        | C::PickArgument { .. }
        | C::AddArgument { .. }
        | C::RemoveArgument { .. }
        | C::SetAttribute { .. }
        | C::SetNote { .. }
        | C::SetNorm { .. }
        | C::LinkEntity { .. }
        | C::NewEntity(_)
        | C::SetEntityInfo { .. }
        | C::ClickAnnotation(_)
        | C::PickNumber(_)
        | C::CancelPending
        | C::Find(_)
        | C::FindNext
        | C::FindPrevious
        | C::LabelFindHit
        | C::SetDocumentInfo { .. }
        | C::RestoreRemoved { .. }
        | C::GoToAnnotation { .. }
        | C::AddEntityLabel(_)
        | C::SetLabelColor { .. }
        | C::SetLabelHotkey { .. }
        | C::SetLabelDescription { .. }
        | C::ShowTeam(false)
        | C::CloseReview
        | C::NextSuggestion
        | C::PreviousSuggestion
        | C::FocusSuggestion(_)
        | C::AcceptSuggestion(_)
        | C::RejectSuggestion(_)
        | C::AcceptAllSuggestions { .. }
        | C::SetRecommenderEnabled { .. }
        | C::SetRecommenderThreshold { .. }
        | C::SetTaggerMinF1(_)
        | C::TrustRecommender { .. }
        | C::DeclineRecommender => true,
        C::Sync
        | C::ShowTeam(true)
        | C::SettleProjectConflict { .. }
        | C::SetAssignment { .. }
        | C::MergeEntities { .. }
        | C::SplitEntity(_)
        | C::SearchCorpus(_)
        | C::NextCorpusHit
        | C::PreviousCorpusHit
        | C::GoToCorpusHit(_)
        | C::LabelCorpusHits(_)
        | C::CheckConsistency
        | C::TallyCorpus(_)
        | C::GoToFindingPlace { .. }
        | C::FixFinding(_)
        | C::RenameEntityLabel { .. }
        | C::RemoveEntityLabel(_)
        | C::AddEventType(_)
        | C::UpdateEventType { .. }
        | C::RemoveEventType(_)
        | C::SetAttributeDefs(_)
        | C::SetQuoteSettings(_)
        | C::OpenReview(_)
        | C::NextDisagreement
        | C::PreviousDisagreement
        | C::GoToDisagreement(_)
        | C::Resolve(_)
        | C::AutoMerge(_)
        | C::EditGold(_)
        | C::FinishAdjudication => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_with_thousands_separators() {
        let reading = Reading {
            read: 2304,
            total: 100_000,
            failure: None,
            resting: false,
        };
        assert_eq!(
            reading.sentence(),
            "Reading the project: 2,304 of 100,000 documents"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
