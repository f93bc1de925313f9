//! Working as a team: the project folder is a git clone, and [`sync_project`] shares the user's
//! work through its remote (commit their own files, bring in everyone else's, push). The command
//! line (`gloss sync`) and the window's Sync button both call it; the git work itself is
//! [`crate::storage::git`].

use std::collections::BTreeSet;
use std::path::Path;

use super::WorkbenchError;
use super::disk;
use crate::model::{DocId, LayerName};
use crate::storage::{git, team};

pub use crate::storage::git::{ProjectConflict, SyncReport};

/// What a sync did, with what the user should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncOutcome {
    /// Who synced.
    pub annotator: String,
    pub report: SyncReport,
    /// Labels the new schema removed that annotations still use, one sentence each. The
    /// annotations stay in their files.
    pub orphans: Vec<String>,
    /// The `project.ron` conflict waiting for the user (this sync's or an earlier one's).
    pub conflict: Option<ProjectConflict>,
}

impl SyncOutcome {
    /// What happened, one line each: the results, then `warning:` lines.
    pub fn lines(&self) -> Vec<String> {
        let report = &self.report;
        let mut lines = Vec::new();
        match &report.committed {
            Some(message) => lines.push(format!("committed: {message}")),
            None => lines.push("committed: nothing new of yours".to_owned()),
        }
        if !report.received.is_empty() {
            let shown: Vec<&str> = report.received.iter().take(5).map(String::as_str).collect();
            let more = report.received.len() - shown.len();
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            lines.push(format!(
                "received: {} {} from others ({}{tail})",
                report.received.len(),
                plural(report.received.len(), "file", "files"),
                shown.join(", ")
            ));
        }
        match &report.offline {
            None if report.pushed => lines.push("pushed: the remote has all your work".to_owned()),
            None => {}
            Some(why) => lines.push(format!(
                "offline: {why} ({} {} waiting)",
                report.unpushed,
                plural(report.unpushed, "commit", "commits")
            )),
        }
        if report.attempts > 1 {
            lines.push(format!(
                "retried: someone pushed at the same time; synced on attempt {}",
                report.attempts
            ));
        }
        for refused in &report.refused {
            lines.push(format!("warning: {refused}"));
        }
        if report.conflict {
            lines.push(format!(
                "warning: project.ron was changed here and on the remote in the same places: the \
                 remote's version is in project.ron, yours is kept in {}/conflict/project.ron.mine; \
                 open the project in Gloss to compare them side by side and choose",
                git::SYNC_DIR
            ));
        }
        for (file, kept) in &report.kept {
            if !report.conflict || file != "project.ron" {
                lines.push(format!(
                    "warning: {file}: a newer version came in; the one here is kept as {kept}"
                ));
            }
        }
        for orphan in &self.orphans {
            lines.push(format!("warning: {orphan}"));
        }
        lines
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The annotator a sync is for: `name`, else the one that last synced this folder.
pub fn sync_name(dir: &Path, name: Option<&str>) -> Result<String, WorkbenchError> {
    let name = match name {
        Some(name) => name.to_owned(),
        None => git::remembered_name(dir).ok_or_else(|| {
            WorkbenchError::refused(format!(
                "{}: who is syncing? Say it with --as NAME (remembered for the next sync)",
                dir.display()
            ))
        })?,
    };
    if LayerName::new(&name).is_none() {
        return Err(WorkbenchError::refused(format!(
            "{name:?} cannot be an annotator's name: expected 1 to 64 ASCII letters, digits, -, _ or . \
             (it names their layer files)"
        )));
    }
    Ok(name)
}

/// `gloss sync`: takes the project's lock (a Gloss window that has it open syncs with its own
/// Sync button), then syncs as `name` (see [`sync_name`]).
pub fn sync_project(dir: &Path, name: Option<&str>) -> Result<SyncOutcome, WorkbenchError> {
    sync_project_with(dir, name, None)
}

/// [`sync_project`], calling `before_push` before each push (tests make a concurrent push there).
pub fn sync_project_with(
    dir: &Path,
    name: Option<&str>,
    before_push: Option<&dyn Fn(u32)>,
) -> Result<SyncOutcome, WorkbenchError> {
    if !crate::storage::is_project(dir) {
        return Err(WorkbenchError::Storage(format!(
            "{}: not a Gloss project (expected a folder with a project.ron)",
            dir.display()
        )));
    }
    let name = sync_name(dir, name)?;
    let (_lock, _) = disk::lock(dir, Some(&name))?;
    sync_folder(dir, &name, before_push)
}

/// Syncs a folder whose lock the caller holds (the window's job, or [`sync_project`]).
pub(crate) fn sync_folder(
    dir: &Path,
    name: &str,
    before_push: Option<&dyn Fn(u32)>,
) -> Result<SyncOutcome, WorkbenchError> {
    let storage_error = |e: crate::storage::StorageError| WorkbenchError::Storage(e.to_string());
    let git_error = |e: git::GitError| WorkbenchError::Storage(e.to_string());
    let before = team::read_header(dir).map_err(storage_error)?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let request = git::SyncRequest {
        dir,
        annotator: name,
        may_change_project: before.team.may_change_project(name),
        curators: &before.team.curators,
        stamp: &stamp,
        attempts: git::DEFAULT_ATTEMPTS,
        before_push,
    };
    let report = git::sync(&request).map_err(git_error)?;
    git::remember_name(dir, name).map_err(git_error)?;
    let mut orphans = Vec::new();
    if report.project_changed() {
        let after = team::read_header(dir).map_err(storage_error)?;
        let removed: BTreeSet<&String> = before.labels.difference(&after.labels).collect();
        if !removed.is_empty() {
            for (label, files) in team::labels_not_in(dir, &after.labels) {
                let count: usize = files.iter().map(|(_, n)| n).sum();
                let places: Vec<&str> = files.iter().take(3).map(|(f, _)| f.as_str()).collect();
                orphans.push(format!(
                    "the schema no longer has {label}, but {count} {} still use it ({}{}); they \
                     are kept: put the label back in the schema, or relabel them",
                    plural(count, "annotation", "annotations"),
                    places.join(", "),
                    if files.len() > 3 { ", …" } else { "" }
                ));
            }
        }
    }
    Ok(SyncOutcome {
        annotator: name.to_owned(),
        report,
        orphans,
        conflict: git::project_conflict(dir),
    })
}

/// The `project.ron` conflict a sync left, if any (both versions, for the window to show).
pub fn project_conflict(dir: &Path) -> Option<ProjectConflict> {
    git::project_conflict(dir)
}

/// Settles the `project.ron` conflict: keep the user's version (shared at the next sync) or the
/// remote's.
pub fn settle_project_conflict(dir: &Path, keep_mine: bool) -> Result<(), WorkbenchError> {
    git::settle_project_conflict(dir, keep_mine).map_err(|e| WorkbenchError::Storage(e.to_string()))
}

/// What `gloss assign` asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssignRequest {
    /// Who annotates; empty to change only the curators.
    pub annotators: Vec<String>,
    /// How many annotators each document gets (the overlap agreement is measured on).
    pub per_doc: usize,
    /// Only the documents whose id matches (`*`, `?`); default all. Others keep their assignment.
    pub docs: Option<String>,
    /// Shuffles the documents first; the same seed gives the same assignment.
    pub seed: Option<u64>,
    /// Replaces the project's curators.
    pub curators: Option<Vec<String>>,
}

/// What `gloss assign` did, in project order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    pub assignments: Vec<(DocId, Vec<String>)>,
    /// Each annotator with the number of documents now assigned to them in the whole project.
    pub load: Vec<(String, usize)>,
    pub curators: Vec<String>,
}

/// Assigns documents to annotators evenly with a fixed overlap (see [`crate::model::distribute`]),
/// adds them to the project's annotators, and saves `project.ron`. Nothing is written when the
/// request cannot be met.
pub fn assign(dir: &Path, request: &AssignRequest) -> Result<Assigned, WorkbenchError> {
    let names = request
        .annotators
        .iter()
        .chain(request.curators.iter().flatten());
    for name in names {
        if LayerName::new(name).is_none() || name == crate::model::GOLD {
            return Err(WorkbenchError::refused(format!(
                "{name:?} cannot be an annotator's name: expected 1 to 64 ASCII letters, digits, \
                 -, _ or . (it names their layer files), and not gold"
            )));
        }
    }
    let unique: BTreeSet<&String> = request.annotators.iter().collect();
    if unique.len() != request.annotators.len() {
        return Err(WorkbenchError::refused(
            "--annotators names someone twice: expected each annotator once",
        ));
    }
    let n = request.annotators.len();
    if n > 0 && !(1..=n).contains(&request.per_doc) {
        return Err(WorkbenchError::refused(format!(
            "--per-doc {} cannot be met by {n} annotators: expected 1 to {n}",
            request.per_doc
        )));
    }
    if n == 0 && request.curators.is_none() {
        return Err(WorkbenchError::refused(
            "nothing to do: give --annotators (and --per-doc), or --curators",
        ));
    }
    let mut locked = super::LockedProject::open(dir)?;
    let project = &mut locked.project;
    if n > 0 {
        let selected: Vec<DocId> = project
            .documents()
            .iter()
            .map(|d| d.id.clone())
            .filter(|id| {
                request
                    .docs
                    .as_deref()
                    .is_none_or(|glob| crate::model::glob_matches(glob, id.as_str()))
            })
            .collect();
        if selected.is_empty() {
            return Err(WorkbenchError::refused(format!(
                "{}: no document id matches {:?} (gloss stats lists the ids)",
                dir.display(),
                request.docs.as_deref().unwrap_or("*")
            )));
        }
        let assigned = crate::model::distribute(
            &selected,
            &request.annotators,
            request.per_doc,
            request.seed,
        );
        project.team.assignments.extend(assigned);
        for name in &request.annotators {
            project.add_annotator(name);
        }
    }
    if let Some(curators) = &request.curators {
        project.team.curators = curators.clone();
    }
    project.mark_project_dirty();
    let selected: Vec<(DocId, Vec<String>)> = project
        .documents()
        .iter()
        .filter(|d| {
            n > 0
                && request
                    .docs
                    .as_deref()
                    .is_none_or(|glob| crate::model::glob_matches(glob, d.id.as_str()))
        })
        .map(|d| (d.id.clone(), project.team.assigned(&d.id).to_vec()))
        .collect();
    let mut everyone: Vec<String> = project.annotators.clone();
    for names in project.team.assignments.values() {
        for name in names {
            if !everyone.contains(name) {
                everyone.push(name.clone());
            }
        }
    }
    let load = everyone
        .into_iter()
        .map(|name| {
            let count = project
                .team
                .assignments
                .values()
                .filter(|names| names.contains(&name))
                .count();
            (name, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let curators = project.team.curators.clone();
    locked.save()?;
    Ok(Assigned {
        assignments: selected,
        load,
        curators,
    })
}

/// What the top bar shows of the last sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncView {
    /// Sync was asked for; unsaved work is being saved first.
    Saving,
    Syncing,
    /// Finished: what happened, one line each (see [`SyncOutcome::lines`]).
    Synced {
        outcome: Box<SyncOutcome>,
    },
    Failed(String),
}

impl SyncView {
    /// One short line for the top bar.
    pub fn summary(&self) -> String {
        match self {
            SyncView::Saving => "Saving, then syncing…".to_owned(),
            SyncView::Syncing => "Syncing…".to_owned(),
            SyncView::Failed(why) => format!("Sync failed: {why}"),
            SyncView::Synced { outcome } => {
                let report = &outcome.report;
                let warnings = outcome
                    .lines()
                    .iter()
                    .filter(|l| l.starts_with("warning:"))
                    .count();
                let mut parts = Vec::new();
                match &report.offline {
                    Some(_) => parts.push(format!(
                        "Offline: {} {} waiting",
                        report.unpushed,
                        plural(report.unpushed, "commit", "commits")
                    )),
                    None => parts.push("Synced".to_owned()),
                }
                if !report.received.is_empty() {
                    parts.push(format!(
                        "{} {} received",
                        report.received.len(),
                        plural(report.received.len(), "file", "files")
                    ));
                }
                if warnings > 0 {
                    parts.push(format!(
                        "{warnings} {}",
                        plural(warnings, "warning", "warnings")
                    ));
                }
                parts.join(", ")
            }
        }
    }
}

/// A sync's outcome, with the project read again when files came in (read in the job, not on the
/// UI thread).
type SyncJob =
    super::jobs::Job<Result<(SyncOutcome, Option<crate::model::Project>), WorkbenchError>>;

#[derive(Default)]
pub(super) struct SyncState {
    /// Whether the project folder is a git clone (looked at once, when it opens).
    pub(super) shared: bool,
    /// Sync was asked for and waits for the save in flight (or the unsaved changes) first.
    wanted: bool,
    running: Option<SyncJob>,
    /// Files came in: the project as read after them, put in place once nothing of the user's is
    /// unsaved (their own layers are kept from memory).
    reload: Option<crate::model::Project>,
    view: Option<SyncView>,
    conflict: Option<ProjectConflict>,
    /// Keep mine (true) or theirs, waiting for the saves to finish.
    settle: Option<bool>,
    settling: Option<super::jobs::Job<Result<crate::model::Project, WorkbenchError>>>,
}

impl super::Workbench {
    /// The last sync's state, for the top bar; `None` before the first.
    pub fn sync_view(&self) -> Option<&SyncView> {
        self.sync.view.as_ref()
    }

    /// Whether the project folder is a git clone, so the window offers Sync.
    pub fn is_shared(&self) -> bool {
        self.sync.shared
    }

    /// Whether a sync or the settling of a conflict is writing the folder (saves wait).
    pub(super) fn syncing_or_settling(&self) -> bool {
        self.sync.running.is_some() || self.sync.settling.is_some()
    }

    /// Whether a sync job is running.
    pub fn syncing(&self) -> bool {
        self.sync.running.is_some()
    }

    /// The `project.ron` conflict the last sync found, both versions, for the window to show side
    /// by side until the user chooses.
    pub fn project_conflict(&self) -> Option<&ProjectConflict> {
        self.sync.conflict.as_ref()
    }

    pub(super) fn request_sync(&mut self) -> Result<(), WorkbenchError> {
        if self.syncing() || self.sync.wanted {
            return Ok(());
        }
        self.sync.wanted = true;
        self.sync.view = Some(SyncView::Saving);
        self.save_now()?;
        self.tick_sync();
        Ok(())
    }

    /// Starts the sync once everything is saved, collects it, reads in what came. Never blocks.
    pub(super) fn tick_sync(&mut self) {
        if let Some(job) = self.sync.running.as_mut()
            && let Some(result) = job.poll()
        {
            self.sync.running = None;
            self.sync.view = Some(match result {
                Ok(Ok((outcome, reloaded))) => {
                    self.sync.reload = reloaded;
                    self.sync.conflict = outcome.conflict.clone();
                    SyncView::Synced {
                        outcome: Box::new(outcome),
                    }
                }
                Ok(Err(error)) => SyncView::Failed(error.to_string()),
                Err(failed) => SyncView::Failed(failed.to_string()),
            });
        }
        let settled = self.saver.idle() && self.project.dirty().is_empty();
        self.tick_settle(settled);
        let settled = settled && self.sync.settling.is_none();
        if self.sync.wanted && self.sync.running.is_none() {
            if !settled {
                // The save was asked for in request_sync; an edit since then is saved first too.
                let _ = self.save_now();
                return;
            }
            self.sync.wanted = false;
            let dir = self.dir.clone();
            let name = self.annotator.as_str().to_owned();
            let fingerprints = self.saver.fingerprints.clone();
            self.sync.view = Some(SyncView::Syncing);
            self.sync.running = Some(self.jobs.start("sync", move |_| {
                let outcome = sync_folder(&dir, &name, None)?;
                let received: Vec<std::path::PathBuf> =
                    outcome.report.received.iter().map(Into::into).collect();
                fingerprints.record_current(&dir, &received);
                let reloaded = if received.is_empty() {
                    None
                } else {
                    Some(disk::load(&dir)?)
                };
                Ok((outcome, reloaded))
            }));
            return;
        }
        if self.sync.running.is_none()
            && settled
            && let Some(project) = self.sync.reload.take()
        {
            self.put_in_place(project);
        }
    }

    /// A project read again (after a change in the folder): put in place once nothing of the user's
    /// is unsaved and no sync is writing.
    pub(super) fn sync_reload(&mut self, project: crate::model::Project) {
        self.sync.reload = Some(project);
        self.tick_sync();
    }

    /// Puts a project read from disk (after a sync, a settled conflict, a change in the folder)
    /// in place of the open one, keeping the user's own layers as they are in memory (never
    /// older than on disk: Gloss wrote them) and the history (which only touches them), and the
    /// document shown.
    pub(super) fn put_in_place(&mut self, mut project: crate::model::Project) {
        let curator = self
            .project
            .team
            .may_change_project(self.annotator.as_str());
        let me = self.annotator.clone();
        let mine =
            |name: &LayerName| *name == me || (curator && name.as_str() == crate::model::GOLD);
        let keys: Vec<crate::model::LayerKey> = project
            .layers()
            .map(|(key, _)| key.clone())
            .filter(|key| mine(&key.layer))
            .collect();
        for key in keys {
            project.insert_loaded_layer(key, crate::model::Layer::default());
        }
        for (key, layer) in self.project.layers() {
            if mine(&key.layer) && project.document(&key.doc).is_some() {
                project.insert_loaded_layer(key.clone(), layer.clone());
            }
        }
        project.mark_saved();
        project.add_annotator(self.annotator.as_str());
        let shown = self.current.as_ref().map(|key| key.doc.clone());
        let outside_before = self.labels_outside_schema();
        self.project = project;
        // A schema that removed labels still in use (a curator's change, pulled): said once.
        if self.labels_outside_schema() != outside_before {
            self.notice = self.outside_schema_notice().or(self.notice.take());
        }
        self.revision += 1;
        let doc = shown
            .filter(|doc| self.project.document(doc).is_some())
            .or_else(|| self.project.documents().first().map(|d| d.id.clone()));
        if let Some(doc) = doc {
            self.show_document(doc);
        }
        if !self.project.dirty().is_empty() {
            self.saver.note_change();
        }
    }

    /// Settles the conflict once everything is saved, in a job (it writes `project.ron`), then
    /// reads the project again.
    pub(super) fn settle_conflict(&mut self, keep_mine: bool) -> Result<(), WorkbenchError> {
        if self.sync.conflict.is_none() {
            return Ok(());
        }
        self.sync.settle = Some(keep_mine);
        self.save_now()?;
        self.tick_sync();
        Ok(())
    }

    fn tick_settle(&mut self, settled: bool) {
        if let Some(job) = self.sync.settling.as_mut()
            && let Some(result) = job.poll()
        {
            self.sync.settling = None;
            match result {
                Ok(Ok(project)) => {
                    self.sync.conflict = None;
                    self.sync.reload = Some(project);
                }
                Ok(Err(error)) => self.sync.view = Some(SyncView::Failed(error.to_string())),
                Err(failed) => self.sync.view = Some(SyncView::Failed(failed.to_string())),
            }
        }
        if self.sync.settling.is_none()
            && self.sync.running.is_none()
            && settled
            && let Some(keep_mine) = self.sync.settle.take()
        {
            let dir = self.dir.clone();
            let fingerprints = self.saver.fingerprints.clone();
            self.sync.settling = Some(self.jobs.start("settle", move |_| {
                settle_project_conflict(&dir, keep_mine)?;
                fingerprints.record_current(&dir, &[crate::storage::PROJECT_FILE.into()]);
                disk::load(&dir)
            }));
        }
    }

    pub(super) fn set_assignment(
        &mut self,
        doc: &DocId,
        annotator: &str,
        assigned: bool,
    ) -> Result<(), WorkbenchError> {
        let me = self.annotator.as_str();
        if !self.project.team.may_change_project(me) {
            return Err(WorkbenchError::refused(format!(
                "only a curator ({}) assigns documents",
                self.project.team.curators.join(", ")
            )));
        }
        if self.project.document(doc).is_none() || LayerName::new(annotator).is_none() {
            return Err(WorkbenchError::refused(format!(
                "there is no document {doc} or annotator {annotator:?} to assign"
            )));
        }
        let before = self.project.team.assigned(doc).to_vec();
        let there = before.iter().any(|n| n == annotator);
        let after: Vec<String> = match (assigned, there) {
            (true, false) => before
                .iter()
                .cloned()
                .chain([annotator.to_owned()])
                .collect(),
            (false, true) => before.iter().filter(|n| *n != annotator).cloned().collect(),
            _ => return Ok(()),
        };
        // One undo step, like any other change.
        let selection = self.selection.clone();
        self.apply_edits(
            vec![crate::model::Edit::SetAssignment {
                doc: doc.clone(),
                before,
                after,
            }],
            selection,
        )
    }
}
