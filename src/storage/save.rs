//! Writing a project: only what changed, each file atomically, in an order that keeps the folder
//! loadable if the writing stops half-way.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::Serialize;

use super::atomic::{folder_of, replace_file, sync_dir, write_atomic};
use super::error::StorageError;
use super::files::{check_folders, read_project_file};
use super::{ENTITIES_FILE, PROJECT_FILE, layer_path, text_path};
use super::{convert, parallel};
use crate::model::Project;

/// One file to write or delete, relative to the project folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingWrite {
    /// Relative to the project folder, e.g. `annotations/talks/alice.ron`.
    pub path: PathBuf,
    /// The new contents, or `None` to delete the file (a layer that became blank).
    pub contents: Option<Vec<u8>>,
}

/// What a save did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    pub files_written: usize,
    /// Files removed (a layer that became blank); a file that was already gone is not counted.
    pub files_deleted: usize,
}

/// How layer files are printed: the header fields and each annotation on its own line, each annotation
/// whole on one line, so that one edit changes one line (and git diffs and merges stay small).
pub(crate) fn layer_style() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(2)
        .new_line("\n")
        .indentor("    ")
}

/// How the project file is printed: each document entry, entity label and event type on its own line.
fn project_style() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(3)
        .new_line("\n")
        .indentor("    ")
}

pub(super) fn to_ron<T: Serialize>(
    value: &T,
    style: PrettyConfig,
    path: &Path,
) -> Result<Vec<u8>, StorageError> {
    let mut text =
        ron::ser::to_string_pretty(value, style).map_err(|e| StorageError::Serialize {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The files a save must write or delete for what `project.dirty()` marks, in the order to write
/// them: new document texts, then `entities.ron`, then layer files, then `project.ron` last. The index commits the save: a
/// save that stops half-way (a crash, a kill) leaves texts and layer files the index does not name yet,
/// which loading skips and [`super::leftovers`] finds, and never an index naming a text that is not
/// there. Serialises only; touches no disk, so it can run on the UI thread and hand the bytes to a
/// writer thread.
pub fn pending_writes(project: &Project) -> Result<Vec<PendingWrite>, StorageError> {
    let dirty = project.dirty();
    // A document whose text and layers are not read yet has an empty text and no layers in memory:
    // writing either would erase the files on disk.
    let waiting = dirty
        .documents
        .iter()
        .map(text_path)
        .zip(dirty.documents.iter())
        .chain(
            dirty
                .layers
                .iter()
                .map(|key| (layer_path(&key.doc, &key.layer), &key.doc)),
        )
        .find(|(_, doc)| !project.is_loaded(doc));
    if let Some((path, doc)) = waiting {
        return Err(StorageError::invalid(
            &path,
            None,
            format!("document {doc} is not read from disk yet, so it cannot be written"),
        ));
    }
    let mut writes = Vec::new();
    // Project order, so that a large import writes its texts in the order it shows them.
    for doc in project.documents() {
        if dirty.documents.contains(&doc.id) {
            writes.push(PendingWrite {
                path: text_path(&doc.id),
                contents: Some(doc.text.as_str().as_bytes().to_vec()),
            });
        }
    }
    // The registry before the layers: a save that stops in between leaves entities no mention links
    // to yet, never a link to an entity that is not written.
    if dirty.registry {
        let path = PathBuf::from(ENTITIES_FILE);
        let contents = if project.registry().is_empty() {
            None
        } else {
            let file = convert::registry_to_v1(project.registry());
            Some(to_ron(&file, layer_style(), &path)?)
        };
        writes.push(PendingWrite { path, contents });
    }
    // Each layer file is written out on every core (a batch of a large adjudication or
    // pre-annotation holds hundreds), in the order of `dirty.layers`.
    let keys: Vec<&crate::model::LayerKey> = dirty.layers.iter().collect();
    let layers = parallel::try_map("gloss-serialize", &keys, parallel::cpu_threads(), |key| {
        let path = layer_path(&key.doc, &key.layer);
        let Some(doc) = project.document(&key.doc) else {
            // A layer of a document that is not in the project has nowhere to go.
            return Ok(None);
        };
        let contents = match project.layer(key) {
            Some(layer) if !layer.is_blank() => {
                let file = convert::layer_to_v1(key, layer, &doc.text, &path)?;
                Some(to_ron(&file, layer_style(), &path)?)
            }
            // Blank (or gone): no file, so that "new and empty" has one representation on disk.
            _ => None,
        };
        Ok::<_, StorageError>(Some(PendingWrite { path, contents }))
    })?;
    writes.extend(layers.into_iter().flatten());
    if dirty.project {
        let path = PathBuf::from(PROJECT_FILE);
        let file = convert::project_to_v1(project);
        convert::check_project_names(&file, &path)?;
        writes.push(PendingWrite {
            contents: Some(to_ron(&file, project_style(), &path)?),
            path,
        });
    }
    Ok(writes)
}

/// Writes or deletes each file, creating folders as needed, each file atomically as [`write_atomic`]
/// does. The list is done in runs of consecutive writes to the same top-level entry (`documents/`,
/// `project.ron`, `annotations/`), one run after another; the files of a run are written on a few
/// threads and their folders synced once at the end of the run, which makes saving a whole project
/// several times faster than one file after another.
///
/// On failure no later run is started, and within the failing run some files may be written: every
/// file holds either its old or its new contents. The error names the first failing file in list order.
pub fn write_all(dir: &Path, writes: &[PendingWrite]) -> Result<(), StorageError> {
    write_counting(dir, writes).map(|_| ())
}

/// What writing one file did.
enum Outcome {
    /// Written; `made_folders` when its folder had to be made (so the folders above need syncing).
    Written {
        made_folders: bool,
    },
    Deleted,
    AlreadyGone,
}

fn write_counting(dir: &Path, writes: &[PendingWrite]) -> Result<SaveReport, StorageError> {
    let mut report = SaveReport::default();
    remove_stale_layers(dir, writes)?;
    for run in writes.chunk_by(|a, b| top_level(&a.path) == top_level(&b.path)) {
        // Nothing is written through a linked folder (it could point anywhere): every folder of the
        // run is checked once before any file of it is written.
        let relative_folders: BTreeSet<&Path> =
            run.iter().filter_map(|write| write.path.parent()).collect();
        for folder in relative_folders {
            check_folders(dir, folder)?;
        }
        let outcomes = parallel::try_map("gloss-save", run, parallel::IO_THREADS, |write| {
            write_one(dir, write)
        })?;
        // The folders of the run are synced before the next run starts, so that the order of runs holds
        // after a power cut; a folder made in this run is an entry of its parent, so those are synced too.
        let mut folders = BTreeSet::new();
        for (write, outcome) in run.iter().zip(outcomes) {
            let path = dir.join(&write.path);
            let folder = folder_of(&path);
            folders.insert(folder.to_owned());
            match outcome {
                Outcome::Written { made_folders } => {
                    report.files_written += 1;
                    if made_folders {
                        folders.extend(
                            folder
                                .ancestors()
                                .take_while(|a| a.starts_with(dir))
                                .map(Path::to_owned),
                        );
                    }
                }
                Outcome::Deleted => report.files_deleted += 1,
                Outcome::AlreadyGone => {}
            }
        }
        let folders: Vec<PathBuf> = folders.into_iter().filter(|f| f.is_dir()).collect();
        parallel::try_map("gloss-sync", &folders, parallel::IO_THREADS, |folder| {
            sync_dir(folder).map_err(|e| StorageError::io(folder, "sync", e))
        })?;
    }
    Ok(report)
}

fn write_one(dir: &Path, write: &PendingWrite) -> Result<Outcome, StorageError> {
    let path = dir.join(&write.path);
    match &write.contents {
        Some(bytes) => {
            let folder = folder_of(&path);
            let made_folders = !folder.is_dir();
            if made_folders {
                std::fs::create_dir_all(folder)
                    .map_err(|e| StorageError::io(folder, "create folder", e))?;
            }
            replace_file(&path, bytes).map_err(|e| StorageError::io(&path, "write", e))?;
            Ok(Outcome::Written { made_folders })
        }
        None => match std::fs::remove_file(&path) {
            Ok(()) => Ok(Outcome::Deleted),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Outcome::AlreadyGone),
            Err(e) => Err(StorageError::io(&path, "remove", e)),
        },
    }
}

/// Removes the layer files an interrupted save left under the id of a document this save adds (its
/// text is among `writes`): an import killed before it wrote the index leaves `annotations/<id>/`,
/// and a document added later under the same id must not inherit those annotations. Only
/// `<layer>.ron` files that this save does not write are removed; a document whose text is written
/// has no other layers (the project holds every layer file of an indexed document, and writes all of
/// them when it writes all texts).
fn remove_stale_layers(dir: &Path, writes: &[PendingWrite]) -> Result<(), StorageError> {
    let written: BTreeSet<&Path> = writes.iter().map(|w| w.path.as_path()).collect();
    for write in writes {
        let Some(doc) = write
            .path
            .strip_prefix(super::DOCUMENTS_DIR)
            .ok()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".txt"))
            .and_then(crate::model::DocId::new)
        else {
            continue;
        };
        let relative = Path::new(super::ANNOTATIONS_DIR).join(doc.as_str());
        let folder = dir.join(&relative);
        if !std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        check_folders(dir, &relative)?;
        let entries =
            std::fs::read_dir(&folder).map_err(|e| StorageError::io(&folder, "list", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::io(&folder, "list", e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_layer = name
                .strip_suffix(".ron")
                .is_some_and(|layer| crate::model::LayerName::new(layer).is_some());
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_layer && is_file && !written.contains(relative.join(&name).as_path()) {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(|e| StorageError::io(&path, "remove", e))?;
            }
        }
    }
    Ok(())
}

/// The first component of a relative path: `documents`, `project.ron`, `annotations`.
fn top_level(path: &Path) -> Option<&std::ffi::OsStr> {
    path.components().next().map(|c| c.as_os_str())
}

/// Saves what changed since the last save and marks the project saved. On error the project stays
/// dirty, so the next save tries again; every file on disk is either its old or its new version.
pub fn save(dir: &Path, project: &mut Project) -> Result<SaveReport, StorageError> {
    let writes = pending_writes(project)?;
    let report = write_counting(dir, &writes)?;
    project.mark_saved();
    Ok(report)
}

/// Files written beside their places as work goes on and put in place together at the end
/// ([`Staged::commit`]): work that writes many batches (`gloss adjudicate --auto` over a large
/// project) holds none of them in memory, and when it fails part-way nothing changes, since
/// dropping a `Staged` that was not committed removes its temp files. A crash leaves temp files
/// named as [`super::atomic`]'s, which loaders skip and `gloss check --repair` removes.
pub struct Staged {
    dir: PathBuf,
    /// Each temp file (removed on drop unless kept) and the project file it becomes.
    files: Vec<(tempfile::TempPath, PathBuf)>,
}

impl Staged {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            files: Vec::new(),
        }
    }

    /// How many files wait to be put in place.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Writes each of `writes` to a temp file beside its place (synced to disk), to be put in place
    /// by [`Staged::commit`]. Only files with contents: a removal cannot be staged.
    pub fn stage(&mut self, writes: Vec<PendingWrite>) -> Result<(), StorageError> {
        // Checked first, in order: the first bad write is the one named, and nothing of a batch
        // with one is written.
        for write in &writes {
            let path = self.dir.join(&write.path);
            if write.contents.is_none() {
                return Err(StorageError::invalid(
                    &path,
                    None,
                    "a removal cannot wait to be committed with other writes",
                ));
            }
            if let Some(folder) = write.path.parent() {
                check_folders(&self.dir, folder)?;
            }
        }
        // Each temp file waits on its own sync to disk: on several threads, as a save's files are.
        let dir = &self.dir;
        let staged = parallel::try_map("gloss-stage", &writes, parallel::IO_THREADS, |write| {
            let path = dir.join(&write.path);
            let bytes = write.contents.as_deref().unwrap_or_default();
            let folder = folder_of(&path);
            if !folder.is_dir() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| StorageError::io(folder, "create folder", e))?;
            }
            let temp = stage_file(&path, bytes).map_err(|e| StorageError::io(&path, "write", e))?;
            Ok::<_, StorageError>((temp, path))
        })?;
        self.files.extend(staged);
        Ok(())
    }

    /// Puts every staged file in its place (each replacement atomic), then syncs their folders.
    pub fn commit(self) -> Result<usize, StorageError> {
        let count = self.files.len();
        let mut folders = BTreeSet::new();
        for (temp, path) in self.files {
            folders.insert(folder_of(&path).to_owned());
            temp.persist(&path)
                .map_err(|e| StorageError::io(&path, "put in place", e.error))?;
        }
        let folders: Vec<PathBuf> = folders.into_iter().collect();
        parallel::try_map("gloss-sync", &folders, parallel::IO_THREADS, |folder| {
            sync_dir(folder).map_err(|e| StorageError::io(folder, "sync", e))
        })?;
        Ok(count)
    }
}

/// A synced temp file holding `bytes` beside `path`, with the permissions the file it replaces has
/// (a new file's, if none).
fn stage_file(path: &Path, bytes: &[u8]) -> io::Result<tempfile::TempPath> {
    use std::io::Write as _;
    let mut temp = tempfile::Builder::new()
        .prefix(super::atomic::TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    temp.write_all(bytes)?;
    if let Some(permissions) = super::atomic::permissions_for(path)? {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    Ok(temp.into_temp_path())
}

/// What `create` puts in a new project's `.gitignore`.
const GITIGNORE: &str = ".gloss.lock\n";

/// What `create` puts in a new project's `.gitattributes`: offsets count the chars of the texts exactly
/// as written, so git must never convert their line endings.
const GITATTRIBUTES: &str = "# Offsets in annotations/ count chars of documents/ exactly: never convert line endings.\n\
                             *.txt -text\n*.ron -text\n";

/// Creates a project in `dir`, a new folder or an empty one (hidden entries such as `.git` aside), and
/// writes all of it: `project.ron`, every text and layer, a `.gitignore` naming the lock file and a
/// `.gitattributes` that keeps git from changing line endings. Refuses if `dir` already holds a project.
pub fn create(dir: &Path, project: &mut Project) -> Result<(), StorageError> {
    let project_path = dir.join(PROJECT_FILE);
    if project_path.exists() {
        return Err(StorageError::AlreadyExists { path: project_path });
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|e| StorageError::io(dir, "list", e))?;
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    return Err(StorageError::NotEmpty {
                        dir: dir.to_owned(),
                    });
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(|e| StorageError::io(dir, "create folder", e))?;
        }
        Err(e) => return Err(StorageError::io(dir, "list", e)),
    }
    add_lines(&dir.join(".gitignore"), GITIGNORE)?;
    add_lines(&dir.join(".gitattributes"), GITATTRIBUTES)?;
    project.mark_all_dirty();
    save(dir, project)?;
    Ok(())
}

/// Writes `lines` to a file, or appends those it lacks to an existing one (a `.gitignore` the user
/// already had in an empty folder is kept).
fn add_lines(path: &Path, lines: &str) -> Result<(), StorageError> {
    let existing = match read_project_file(path, 1024 * 1024) {
        Ok(bytes) => super::error::utf8_owned(path, bytes)?,
        Err(StorageError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            String::new()
        }
        Err(e) => return Err(e),
    };
    let mut contents = existing.clone();
    for line in lines.lines() {
        if !existing.lines().any(|l| l.trim() == line) {
            if !contents.is_empty() && !contents.ends_with('\n') {
                contents.push('\n');
            }
            contents.push_str(line);
            contents.push('\n');
        }
    }
    if contents == existing {
        return Ok(());
    }
    write_atomic(path, contents.as_bytes()).map_err(|e| StorageError::io(path, "write", e))
}

/// Adds `name` to the annotators in `dir`'s `project.ron`, leaving the rest of the file as it is,
/// for a command that wrote layers a batch at a time and never held the whole project. Returns
/// whether the file changed (not when `name` is already there).
pub fn add_annotator(dir: &Path, name: &str) -> Result<bool, StorageError> {
    let path = dir.join(super::PROJECT_FILE);
    let bytes = read_project_file(&path, super::max_ron_bytes())?;
    let source = super::error::utf8(&path, &bytes)?;
    let mut file: super::format_v1::ProjectFile =
        ron::from_str(source).map_err(|e| StorageError::syntax(&path, source, &e))?;
    super::load::check_version(&path, file.format)?;
    if file.annotators.iter().any(|a| a == name) {
        return Ok(false);
    }
    file.annotators.push(name.to_owned());
    let contents = to_ron(&file, project_style(), &path)?;
    write_atomic(&path, &contents).map_err(|e| StorageError::io(&path, "write", e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::lock::LOCK_FILE;

    #[test]
    fn a_new_gitignore_names_the_lock_file() {
        assert_eq!(GITIGNORE.trim(), LOCK_FILE);
    }

    #[test]
    fn existing_ignore_lines_are_kept_and_not_repeated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        std::fs::write(&path, "target").unwrap();
        add_lines(&path, GITIGNORE).unwrap();
        add_lines(&path, GITIGNORE).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "target\n.gloss.lock\n"
        );
    }

    /// `add_annotator` writes what saving the whole project with the annotator added writes.
    #[test]
    fn adding_an_annotator_to_project_ron_is_what_a_save_would_write() {
        use crate::model::{DocId, Document, Schema};
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::new("Shards", Schema::default());
        project.add_annotator("amira");
        for i in 0..3 {
            project.add_document(Document::from_raw(
                DocId::slug(&format!("article-{i}")),
                format!("Article {i}"),
                "Kurti met Vučić in Brussels.",
            ));
        }
        save(dir.path(), &mut project).unwrap();

        assert!(add_annotator(dir.path(), "bruno").unwrap());
        assert!(!add_annotator(dir.path(), "bruno").unwrap(), "only once");
        let written = std::fs::read(dir.path().join(PROJECT_FILE)).unwrap();

        project.add_annotator("bruno");
        save(dir.path(), &mut project).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            std::fs::read_to_string(dir.path().join(PROJECT_FILE)).unwrap()
        );
    }
}
