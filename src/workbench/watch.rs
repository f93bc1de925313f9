//! Watching the open project's folder: when a file changes on disk that Gloss did not write (a pull,
//! another Gloss, an editor), the project is read again in a job and put in place once nothing of
//! the user's is unsaved, their own layers kept as they are in memory (see
//! [`Workbench::put_in_place`]). A save never overwrites such a change unseen: see `fingerprints`.
//!
//! The watcher's own thread (notify's) filters the events: only layer files and `project.ron`, and
//! only when their content is not what Gloss last read or wrote. The UI thread only drains a
//! channel. With queued jobs (window tests) no watcher runs; tests report changes with
//! [`Workbench::folder_changed`], as the watcher does.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{RecursiveMode, Watcher};

use super::fingerprints::Fingerprints;
use super::jobs::Job;
use super::{Workbench, WorkbenchError, disk};
use crate::model::Project;
use crate::storage;

#[derive(Default)]
pub(super) struct WatchState {
    started: bool,
    watcher: Option<notify::RecommendedWatcher>,
    changes: Option<Receiver<PathBuf>>,
    /// Changed files not read yet.
    pending: Vec<PathBuf>,
    reading: Option<Job<Result<Project, WorkbenchError>>>,
}

/// Whether a path (relative to the project folder) is one whose change the window reads in.
fn watched(relative: &Path) -> bool {
    let parts: Vec<&str> = relative
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    match parts.as_slice() {
        [file] => *file == storage::PROJECT_FILE || *file == storage::ENTITIES_FILE,
        [dir, _doc, file] => *dir == storage::ANNOTATIONS_DIR && file.ends_with(".ron"),
        _ => false,
    }
}

fn start(
    dir: &Path,
    fingerprints: Fingerprints,
) -> Option<(notify::RecommendedWatcher, Receiver<PathBuf>)> {
    let (send, receive) = channel();
    let root = dir.canonicalize().ok()?;
    let folder = dir.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if !(event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove()) {
            return;
        }
        for path in event.paths {
            let Ok(relative) = path.strip_prefix(&root) else {
                continue;
            };
            if watched(relative) && !fingerprints.is_known(&folder, relative) {
                // The window may have closed the project: then nobody listens, which is fine.
                let _ = send.send(relative.to_path_buf());
            }
        }
    })
    .ok()?;
    watcher.watch(dir, RecursiveMode::Recursive).ok()?;
    Some((watcher, receive))
}

impl Workbench {
    /// Files of the project folder changed on disk by someone else (what the watcher reports;
    /// tests call it directly). They are read in at the next ticks.
    pub fn folder_changed(&mut self, paths: Vec<PathBuf>) {
        self.watch
            .pending
            .extend(paths.into_iter().filter(|p| watched(p)));
    }

    /// Starts the watcher once (not with queued jobs, nor read-only), collects its reports, reads
    /// the project again in a job and puts it in place when nothing is unsaved. Never blocks.
    pub(super) fn tick_watch(&mut self) {
        // A project still being read is not watched: reading a change in means reading the whole
        // project again, and the user's own layers of documents not read yet are not in memory to
        // be kept. It is watched from the moment every document is read.
        if !self.watch.started
            && !self.jobs.is_queued()
            && self.read_only.is_none()
            && self.loading.is_none()
        {
            self.watch.started = true;
            if let Some((watcher, changes)) = start(&self.dir, self.saver.fingerprints.clone()) {
                self.watch.watcher = Some(watcher);
                self.watch.changes = Some(changes);
            }
        }
        if let Some(changes) = &self.watch.changes {
            self.watch.pending.extend(changes.try_iter());
        }
        if let Some(job) = self.watch.reading.as_mut()
            && let Some(result) = job.poll()
        {
            self.watch.reading = None;
            match result {
                Ok(Ok(project)) => self.sync_reload(project),
                Ok(Err(error)) => {
                    self.notice = Some(format!(
                        "files changed on disk, and the project could not be read again: {error}"
                    ));
                }
                Err(failed) => self.notice = Some(failed.to_string()),
            }
        }
        // A sync reads the project itself when it is done.
        if self.watch.pending.is_empty()
            || self.watch.reading.is_some()
            || self.syncing_or_settling()
        {
            return;
        }
        let changed = std::mem::take(&mut self.watch.pending);
        let dir = self.dir.clone();
        let fingerprints = self.saver.fingerprints.clone();
        self.watch.reading = Some(self.jobs.start("reload", move |_| {
            // project.ron is taken as it is now; the user's own layers stay as in memory, so a
            // change to them on disk stays unknown, and the next save keeps it beside theirs.
            let project_file = PathBuf::from(storage::PROJECT_FILE);
            if changed.contains(&project_file) {
                fingerprints.record_current(&dir, &[project_file]);
            }
            disk::load(&dir)
        }));
    }
}
