//! The workbench's only contact with `storage` and `formats`: every call goes through here, so their
//! errors become [`WorkbenchError`]s (messages naming the file) in one place.

use std::path::Path;

use super::WorkbenchError;
use crate::model::{Document, Project};
use crate::storage::{self, lock::ProjectLock};

/// The project lock, held while a project is open.
pub(super) type Lock = ProjectLock;

fn storage_error(error: storage::StorageError) -> WorkbenchError {
    WorkbenchError::Storage(error.to_string())
}

/// Takes the project's lock, naming `holder` (an annotator; the user's login name when `None`) in it
/// for anyone else who tries; the message is a warning when the last Gloss to hold it ended without
/// closing the project.
pub(super) fn lock(
    dir: &Path,
    holder: Option<&str>,
) -> Result<(Lock, Option<String>), WorkbenchError> {
    ProjectLock::acquire_as(dir, holder).map_err(|error| match error {
        locked @ storage::StorageError::Locked { .. } => WorkbenchError::Locked(locked.to_string()),
        // A folder this user cannot write (a colleague's share, a read-only mount): the window opens
        // it read-only, as it does a project another Gloss holds.
        storage::StorageError::Io { source, .. } if cannot_write(&source) => {
            WorkbenchError::Locked(format!(
                "{} is a read-only folder ({source}), so nothing can be saved there",
                dir.display()
            ))
        }
        other => storage_error(other),
    })
}

fn cannot_write(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

pub(super) fn load(dir: &Path) -> Result<Project, WorkbenchError> {
    storage::load(dir).map_err(storage_error)
}

/// A project's index (`project.ron`, `entities.ron`, the list of layer files), from which
/// documents are read a few at a time.
pub(super) type Index = storage::stream::Corpus;
pub(super) use storage::stream::LoadedDocument;

/// Reads a project's index (`project.ron`, `entities.ron`), checked as [`load`] checks it,
/// without its texts and layers; each document's folder is listed when it is read.
pub(super) fn open_index(dir: &Path) -> Result<Index, WorkbenchError> {
    Index::open_index(dir).map_err(storage_error)
}

/// The status layer `layer` of each document in `ids` names in its file's header (see
/// `Corpus::peek_statuses`).
pub(super) fn peek_statuses(
    index: &Index,
    ids: &[crate::model::DocId],
    layer: &crate::model::LayerName,
) -> Vec<(crate::model::DocId, Option<crate::model::Status>)> {
    index.peek_statuses(ids, layer)
}

/// Reads documents `ids` of an index with their layers.
pub(super) fn read_documents(
    index: &Index,
    ids: &[crate::model::DocId],
) -> Result<Vec<LoadedDocument>, WorkbenchError> {
    index.read_documents(ids).map_err(storage_error)
}

/// Makes a new project folder with a preset's schema (refuses a folder that holds other files).
pub(super) fn create(dir: &Path, name: &str, preset: &str) -> Result<Project, WorkbenchError> {
    let schema = storage::presets::preset(preset).ok_or_else(|| {
        WorkbenchError::refused(format!(
            "there is no preset {preset}; the presets are {}",
            storage::presets::NAMES.join(", ")
        ))
    })?;
    let mut project = Project::new(name, schema);
    storage::create(dir, &mut project).map_err(storage_error)?;
    Ok(project)
}

/// Serialises what `project` marks dirty and writes it atomically into `dir`; the error names the
/// file. Runs on the saver thread.
pub(super) fn save_snapshot(
    dir: &Path,
    project: &Project,
    fingerprints: &super::fingerprints::Fingerprints,
    stamp: &str,
) -> Result<Vec<String>, String> {
    let mut writes = storage::pending_writes(project).map_err(|e| e.to_string())?;
    // The registry is everyone's: if a pull (or another Gloss) changed it since it was read, the
    // save merges that version in, entity by entity, instead of putting it aside.
    let mut notices = fingerprints.merge_registry(dir, &mut writes);
    notices.extend(fingerprints.keep_newer(dir, &writes, stamp));
    storage::write_all(dir, &writes).map_err(|e| e.to_string())?;
    fingerprints.record_written(&writes);
    Ok(notices)
}

pub(super) fn documents_from_text(file_name: &str, raw: &str, split_lines: bool) -> Vec<Document> {
    crate::formats::txt::documents_from_text(file_name, raw, split_lines)
}
