//! The project folder, for the window and the command line alike: open it for writing (lock, then
//! load), create one from a preset, read its annotators without opening it, save it.
//!
//! [`LockedProject`] is the one lock-load-save sequence: [`Workbench::open`](super::Workbench::open)
//! holds one for as long as the window has the project open, and each command that changes a
//! project (`gloss import`, …) holds one while it works.

use std::path::{Path, PathBuf};

use super::WorkbenchError;
use super::disk;
use crate::model::Project;
use crate::storage;

/// A project loaded under its lock: nobody else writes it until this is dropped.
#[derive(Debug)]
pub struct LockedProject {
    pub dir: PathBuf,
    pub project: Project,
    /// Said once to the user, e.g. that the last Gloss to open the project ended without closing it
    /// (the operating system freed its lock), which is worth a `gloss check`.
    pub warning: Option<String>,
    /// Held until this is dropped.
    _lock: disk::Lock,
}

impl LockedProject {
    /// Takes the project's lock, then loads it: locking first means no other writer saves between
    /// this load and this save. The lock names the user's login name; see [`Self::open_as`].
    pub fn open(dir: &Path) -> Result<Self, WorkbenchError> {
        Self::open_as(dir, None)
    }

    /// Like [`Self::open`], with the lock naming `holder` (the annotator), so that anyone else who
    /// tries to open the project is told who has it open.
    pub fn open_as(dir: &Path, holder: Option<&str>) -> Result<Self, WorkbenchError> {
        let (lock, warning) = Self::lock(dir, holder)?;
        let project = disk::load(dir)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            project,
            warning,
            _lock: lock,
        })
    }

    /// Takes a project folder's lock, naming `holder`, before anything is read from it; with the
    /// warning [`Self::open_as`] describes.
    pub(super) fn lock(
        dir: &Path,
        holder: Option<&str>,
    ) -> Result<(disk::Lock, Option<String>), WorkbenchError> {
        if !storage::is_project(dir) {
            return Err(WorkbenchError::Storage(format!(
                "{}: not a Gloss project (expected a folder with a project.ron); make one with \
                 `gloss new`",
                dir.display()
            )));
        }
        disk::lock(dir, holder)
    }

    /// Writes what changed, atomically, file by file.
    pub fn save(&mut self) -> Result<(), WorkbenchError> {
        storage::save(&self.dir, &mut self.project)
            .map(|_| ())
            .map_err(|e| WorkbenchError::Storage(e.to_string()))
    }
}

/// Makes a new project folder with a preset's schema (`news`, `ontonotes`, `conll`, `ace2005`);
/// refuses a folder that holds other files. Returns the project as written.
pub fn create_project(dir: &Path, name: &str, preset: &str) -> Result<Project, WorkbenchError> {
    disk::create(dir, name, preset)
}

/// The annotators a project lists, read without locking it (offered at first start).
pub fn peek_annotators(dir: &Path) -> Result<Vec<String>, WorkbenchError> {
    // The index names them: no need to read a single document.
    disk::open_index(dir).map(|index| index.base().annotators.clone())
}

/// A project loaded without its lock, never to be saved (screenshots, exports).
pub fn load_read_only(dir: &Path) -> Result<Project, WorkbenchError> {
    disk::load(dir)
}
