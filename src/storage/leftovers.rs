//! What an interrupted save can leave in a project folder, found and removed. A save writes texts and
//! layer files before the index (`project.ron`), so a Gloss killed half-way leaves files the index does
//! not name, and the temp file of the write it was in; loading skips them, `gloss check` lists them and
//! `gloss check --repair` removes them. Only files Gloss could have made are ever listed or removed.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::TEMP_PREFIX;
use super::error::StorageError;
use super::load::file_name;
use super::{ANNOTATIONS_DIR, DOCUMENTS_DIR};
use crate::model::{DocId, LayerName, Project};

/// What kind of leftover a file or folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftoverKind {
    /// `.gloss-*.tmp`: the temp file of a write that was interrupted.
    TempFile,
    /// `documents/<id>.txt` of a document the index does not list.
    UnindexedText,
    /// `annotations/<id>/` of a document the index does not list.
    UnindexedLayers,
}

/// A file or folder an interrupted save left behind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Leftover {
    /// Relative to the project folder.
    pub path: PathBuf,
    pub kind: LeftoverKind,
}

impl Leftover {
    /// What it is, for a message after its path.
    pub fn describe(&self) -> &'static str {
        match self.kind {
            LeftoverKind::TempFile => "temp file of an interrupted save",
            LeftoverKind::UnindexedText => {
                "text of a document that project.ron does not list (an interrupted import)"
            }
            LeftoverKind::UnindexedLayers => {
                "layer files of a document that project.ron does not list (an interrupted import)"
            }
        }
    }
}

fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp")
}

/// The leftovers in the folder of `project`, sorted by path. Looks only where Gloss writes: the project
/// folder, `documents/`, `annotations/` and `annotations/<doc>/`; never follows a link.
pub fn leftovers(dir: &Path, project: &Project) -> Result<Vec<Leftover>, StorageError> {
    leftovers_of(dir, &|id| project.document(id).is_some())
}

/// [`leftovers`], with `indexed` saying which document ids the index lists (a streamed pass over
/// a project has the index, not the documents).
pub fn leftovers_of(
    dir: &Path,
    indexed: &dyn Fn(&DocId) -> bool,
) -> Result<Vec<Leftover>, StorageError> {
    // In name order, as a walk of the tree would go (`annotations/` before `documents/`), with the
    // document folders' contents listed on every core: a project of 100,000 documents has as many
    // folders. The first problem in that order is the error.
    let mut found = Vec::new();
    for (path, name, file_type) in sorted_entries(dir)? {
        let relative = PathBuf::from(&name);
        if file_type.is_file() && is_temp_name(&name) {
            found.push(Leftover {
                path: relative,
                kind: LeftoverKind::TempFile,
            });
            continue;
        }
        // Gloss writes inside these two folders only; a link is not followed.
        if !file_type.is_dir() {
            continue;
        }
        if name == DOCUMENTS_DIR {
            for (_, name, file_type) in sorted_entries(&path)? {
                if !file_type.is_file() {
                    continue;
                }
                let kind = if is_temp_name(&name) {
                    LeftoverKind::TempFile
                } else {
                    let listed = name
                        .strip_suffix(".txt")
                        .and_then(DocId::new)
                        .map(|id| indexed(&id));
                    if listed != Some(false) {
                        continue;
                    }
                    LeftoverKind::UnindexedText
                };
                found.push(Leftover {
                    path: relative.join(&name),
                    kind,
                });
            }
        } else if name == ANNOTATIONS_DIR {
            found.extend(annotation_leftovers(&path, &relative, indexed)?);
        }
    }
    found.sort();
    Ok(found)
}

/// The leftovers in `annotations/` (at `path`, `relative` in the project) and its folders.
fn annotation_leftovers(
    path: &Path,
    relative: &Path,
    indexed: &dyn Fn(&DocId) -> bool,
) -> Result<Vec<Leftover>, StorageError> {
    let mut found = Vec::new();
    let mut folders = Vec::new();
    let mut stopped = None;
    match sorted_entries(path) {
        Ok(entries) => {
            for (folder, name, file_type) in entries {
                if file_type.is_file() && is_temp_name(&name) {
                    found.push(Leftover {
                        path: relative.join(&name),
                        kind: LeftoverKind::TempFile,
                    });
                } else if file_type.is_dir() {
                    if DocId::new(name.as_str()).is_some_and(|id| !indexed(&id)) {
                        found.push(Leftover {
                            path: relative.join(&name),
                            kind: LeftoverKind::UnindexedLayers,
                        });
                    }
                    folders.push((folder, relative.join(&name)));
                }
            }
        }
        Err(error) => stopped = Some(error),
    }
    let temp_files = super::parallel::try_map(
        "gloss-leftovers",
        &folders,
        super::parallel::cpu_threads(),
        |(folder, relative)| {
            let entries = sorted_entries(folder)?;
            Ok::<_, StorageError>(
                entries
                    .into_iter()
                    .filter(|(_, name, file_type)| file_type.is_file() && is_temp_name(name))
                    .map(|(_, name, _)| Leftover {
                        path: relative.join(name),
                        kind: LeftoverKind::TempFile,
                    })
                    .collect::<Vec<_>>(),
            )
        },
    )?;
    if let Some(error) = stopped {
        return Err(error);
    }
    found.extend(temp_files.into_iter().flatten());
    Ok(found)
}

/// The entries of folder `dir`, sorted by name: path, name and type (a link is a link, not what it
/// points to).
fn sorted_entries(dir: &Path) -> Result<Vec<(PathBuf, String, std::fs::FileType)>, StorageError> {
    let list_error = |e| StorageError::io(dir, "list", e);
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(list_error)? {
        let entry = entry.map_err(list_error)?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| StorageError::io(&path, "list", e))?;
        entries.push((entry.file_name(), path, file_type));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries
        .into_iter()
        .map(|(name, path, file_type)| (path, name.to_string_lossy().into_owned(), file_type))
        .collect())
}

/// Removes `leftovers` (as [`leftovers`] found them) from the project folder `dir` and returns the
/// paths removed, relative to `dir`. Each is checked again first: only a regular file (never a link)
/// of the kind it was found as is removed; of a layer folder only its `<layer>.ron` and temp files,
/// and the folder itself once empty. Anything else is left where it is. Call with the project locked.
pub fn remove_leftovers(dir: &Path, leftovers: &[Leftover]) -> Result<Vec<PathBuf>, StorageError> {
    let mut removed = Vec::new();
    for leftover in leftovers {
        let path = dir.join(&leftover.path);
        match leftover.kind {
            LeftoverKind::TempFile | LeftoverKind::UnindexedText => {
                if remove_regular_file(&path)? {
                    removed.push(leftover.path.clone());
                }
            }
            LeftoverKind::UnindexedLayers => {
                if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                    continue;
                }
                let entries =
                    std::fs::read_dir(&path).map_err(|e| StorageError::io(&path, "list", e))?;
                let mut names = Vec::new();
                for entry in entries {
                    let entry = entry.map_err(|e| StorageError::io(&path, "list", e))?;
                    names.push(file_name(&entry.path()));
                }
                names.sort();
                for name in names {
                    let gloss_made = is_temp_name(&name)
                        || name
                            .strip_suffix(".ron")
                            .is_some_and(|layer| LayerName::new(layer).is_some());
                    let file = path.join(&name);
                    if gloss_made && remove_regular_file(&file)? {
                        removed.push(leftover.path.join(&name));
                    }
                }
                match std::fs::remove_dir(&path) {
                    Ok(()) => removed.push(leftover.path.clone()),
                    // Something Gloss did not make is still in it: it stays.
                    Err(e) if e.kind() == io::ErrorKind::DirectoryNotEmpty => {}
                    Err(e) => return Err(StorageError::io(&path, "remove", e)),
                }
            }
        }
    }
    Ok(removed)
}

/// Removes `path` if it is a regular file; whether it did.
fn remove_regular_file(path: &Path) -> Result<bool, StorageError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => {}
        Ok(_) => return Ok(false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(StorageError::io(path, "read", e)),
    }
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StorageError::io(path, "remove", e)),
    }
}
