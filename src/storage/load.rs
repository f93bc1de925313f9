//! Reading a project folder: every file parsed, converted and validated; the first problem is
//! reported. Never writes, never panics on what it reads.

use std::io;
use std::path::{Path, PathBuf};

use super::convert::{self, DocumentEntry};
use super::error::{StorageError, utf8, utf8_owned};
use super::files::{check_folders, max_document_bytes, max_ron_bytes, read_project_file};
use super::format_v1::{EntitiesFile, LayerFile, ProjectFile, VERSION, VersionProbe};
use super::{ANNOTATIONS_DIR, DOCUMENTS_DIR, ENTITIES_FILE, PROJECT_FILE, parallel, text_path};
use crate::model::{DocId, Document, Layer, LayerKey, LayerName, Project, Registry, Text, text};

/// The format versions this build reads.
pub const SUPPORTED_VERSIONS: [u32; 1] = [VERSION];

/// Whether `dir` holds a project (has a `project.ron`, which [`load`] then checks is a regular file).
pub fn is_project(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(PROJECT_FILE)).is_ok()
}

/// Reads and validates the project in `dir`. The project comes back with nothing to save
/// ([`Project::dirty`] is empty). The first problem found, in a stable order (the project file, then
/// texts in project order, then the names and places of layer files by path, then their contents by
/// path), is the error.
///
/// Only regular files inside the folder are read: a symbolic link, FIFO, device or folder where a file
/// is expected, and a linked `documents/` or `annotations/<doc>/` folder, are errors naming the path, and
/// so is a file over the size limit ([`super::max_document_bytes`] for texts, [`super::max_ron_bytes`]
/// for RON files). What an interrupted save can leave (texts and layer folders of documents the index
/// does not list yet, temp files) is skipped; [`super::leftovers`] lists it.
pub fn load(dir: &Path) -> Result<Project, StorageError> {
    let (mut project, entries) = read_index(dir)?;
    check_folders(dir, Path::new(DOCUMENTS_DIR))?;
    for entry in entries {
        let document = read_document(dir, entry)?;
        project.insert_loaded_document(document);
    }
    let files = layer_files(dir, &|doc| project.document(doc).is_some())?;
    for (key, layer) in parse_layers(&project, files)? {
        project.insert_loaded_layer(key, layer);
    }
    if let Some(registry) = read_registry(dir, &project)? {
        project.insert_loaded_registry(registry);
    }
    project.mark_saved();
    Ok(project)
}

/// `project.ron` read and checked: the project without its documents, and the index of them.
pub(crate) fn read_index(dir: &Path) -> Result<(Project, Vec<DocumentEntry>), StorageError> {
    let path = dir.join(PROJECT_FILE);
    if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
        return Err(StorageError::NotAProject {
            dir: dir.to_owned(),
        });
    }
    let bytes = read_project_file(&path, max_ron_bytes())?;
    let source = utf8(&path, &bytes)?;
    let file: ProjectFile = parse_versioned(&path, source)?;
    convert::project_from_v1(file, &path, source)
}

/// A project file of this version (`project.ron`, `entities.ron`), with the errors of probing its
/// version first: a file of another version may not parse as this one, and "unsupported version"
/// says more than the parse error would. Parsed straight into this version's type, the version
/// probed only when that fails: the same errors at half the cost (the probe parses the whole file,
/// 0.2 s for the index of 100,000 documents).
fn parse_versioned<T>(path: &Path, source: &str) -> Result<T, StorageError>
where
    T: serde::de::DeserializeOwned + Versioned,
{
    match ron::from_str::<T>(source) {
        Ok(file) => {
            check_version(path, file.format())?;
            Ok(file)
        }
        Err(error) => {
            let probe: VersionProbe =
                ron::from_str(source).map_err(|e| StorageError::syntax(path, source, &e))?;
            check_version(path, probe.format)?;
            Err(StorageError::syntax(path, source, &error))
        }
    }
}

/// A file type that says its format version.
trait Versioned {
    fn format(&self) -> u32;
}

impl Versioned for ProjectFile {
    fn format(&self) -> u32 {
        self.format
    }
}

impl Versioned for EntitiesFile {
    fn format(&self) -> u32 {
        self.format
    }
}

/// `entities.ron`, if the project has one.
pub(crate) fn read_registry(
    dir: &Path,
    project: &Project,
) -> Result<Option<Registry>, StorageError> {
    let path = dir.join(ENTITIES_FILE);
    let bytes = match read_project_file(&path, max_ron_bytes()) {
        Ok(bytes) => bytes,
        Err(StorageError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let source = utf8(&path, &bytes)?;
    let file: EntitiesFile = parse_versioned(&path, source)?;
    convert::registry_from_v1(file, &project.schema, &path, source).map(Some)
}

pub(crate) fn check_version(path: &Path, found: u32) -> Result<(), StorageError> {
    if SUPPORTED_VERSIONS.contains(&found) {
        Ok(())
    } else {
        Err(StorageError::UnsupportedVersion {
            path: path.to_owned(),
            found,
            supported: SUPPORTED_VERSIONS.to_vec(),
        })
    }
}

pub(crate) fn read_document(dir: &Path, entry: DocumentEntry) -> Result<Document, StorageError> {
    let path = dir.join(text_path(&entry.id));
    let bytes = match read_project_file(&path, max_document_bytes()) {
        Ok(bytes) => bytes,
        Err(StorageError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Err(StorageError::invalid(
                &path,
                None,
                format!(
                    "the text file of document {} is missing (project.ron lists the document)",
                    entry.id
                ),
            ));
        }
        Err(e) => return Err(e),
    };
    let raw = utf8_owned(&path, bytes)?;
    // Gloss writes LF only (the model normalises at import), so a CR can only come from a tool such as
    // git's autocrlf; undoing it restores the text the offsets were counted in.
    let string = if raw.contains('\r') {
        text::normalize_newlines(&raw).0
    } else {
        raw
    };
    let text = Text::new(string);
    // A record that does not fit the text is not used: a save stopped after writing a text with a
    // line put back but before the index forgot that line, or a hand edit. The text is what counts.
    let removed = match entry.cleaned {
        Some((chars, removed))
            if chars == text.char_len() && removed.iter().all(|r| r.at <= chars) =>
        {
            removed
        }
        _ => Vec::new(),
    };
    Ok(Document {
        id: entry.id,
        title: entry.title,
        meta: entry.meta,
        text,
        crlf_normalized: entry.crlf_normalized,
        removed,
    })
}

/// A layer file found on disk, with the layer its place names.
pub(crate) struct LayerFileRef {
    pub(crate) key: LayerKey,
    pub(crate) path: PathBuf,
}

/// Every `annotations/<doc>/<layer>.ron` of an indexed document, sorted by path; names are checked in
/// that order. Hidden entries (such as a temp file a crash left behind) and files of other extensions
/// are skipped, and so are the folders of documents not in the index (an interrupted import writes
/// them before the index). A folder or file name that Gloss cannot have written, a linked folder, or
/// anything but a regular file named `*.ron` is an error.
pub(crate) fn layer_files(
    dir: &Path,
    indexed: &dyn Fn(&DocId) -> bool,
) -> Result<Vec<LayerFileRef>, StorageError> {
    check_folders(dir, Path::new(ANNOTATIONS_DIR))?;
    let root = dir.join(ANNOTATIONS_DIR);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    // The document folders in name order, then their contents listed on every core: a project of
    // 100,000 documents has as many folders, and listing them one after another took seconds. The
    // first problem in path order is the error, as a walk of the tree in name order would find it:
    // a bad folder name stops the listing there, after the problems of the folders before it.
    let entries = visible_entries(&root)?;
    let mut folders = Vec::new();
    let mut stopped = None;
    for entry in entries {
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(e) => {
                stopped = Some(StorageError::io(&path, "list", e));
                break;
            }
        };
        if file_type.is_symlink() {
            stopped = Some(StorageError::link(&path));
            break;
        }
        if !file_type.is_dir() {
            // A stray file next to the document folders: nothing Gloss reads.
            continue;
        }
        let doc_name = file_name(&path);
        let Some(doc) = DocId::new(doc_name.as_str()) else {
            stopped = Some(StorageError::invalid(
                &path,
                None,
                format!(
                    "folder name {} is not a document id: expected ASCII letters, digits, - or _",
                    convert::quoted(&doc_name)
                ),
            ));
            break;
        };
        if indexed(&doc) {
            folders.push((path, doc));
        }
    }
    let listed = parallel::try_map(
        "gloss-list",
        &folders,
        parallel::cpu_threads(),
        |(folder, doc)| files_in_folder(folder, doc),
    )?;
    if let Some(error) = stopped {
        return Err(error);
    }
    Ok(listed.into_iter().flatten().collect())
}

/// A `*.ron` file of a document's folder as a layer file: a regular file (not a link, which could
/// point anywhere) named as a layer.
fn layer_file(
    path: &Path,
    file_type: std::fs::FileType,
    metadata: impl FnOnce() -> Option<std::fs::Metadata>,
    doc: DocId,
) -> Result<LayerFileRef, StorageError> {
    check_layer_file(path, file_type, metadata)?;
    let layer_name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(layer) = LayerName::new(layer_name.as_str()) else {
        return Err(StorageError::invalid(
            path,
            None,
            format!(
                "file name {} is not a layer name: expected ASCII letters, digits, -, _ or .",
                convert::quoted(&layer_name)
            ),
        ));
    };
    Ok(LayerFileRef {
        key: LayerKey::new(doc, layer),
        path: path.to_owned(),
    })
}

/// A layer file must be a regular file, not a link.
fn check_layer_file(
    path: &Path,
    file_type: std::fs::FileType,
    metadata: impl FnOnce() -> Option<std::fs::Metadata>,
) -> Result<(), StorageError> {
    if file_type.is_symlink() {
        return Err(StorageError::link(path));
    }
    if !file_type.is_file() {
        let found = metadata().map_or("not a regular file", |m| super::files::kind_of(&m));
        return Err(StorageError::NotAFile {
            path: path.to_owned(),
            found,
        });
    }
    Ok(())
}

/// The layer files of one indexed document, sorted by name, with the checks [`layer_files`] makes:
/// for reading a project a document at a time without listing every folder first (a window
/// opening a large project).
pub(crate) fn layer_files_of(dir: &Path, doc: &DocId) -> Result<Vec<LayerFileRef>, StorageError> {
    check_folders(dir, Path::new(ANNOTATIONS_DIR))?;
    let folder = dir.join(ANNOTATIONS_DIR).join(doc.as_str());
    match std::fs::symlink_metadata(&folder) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(StorageError::link(&folder));
        }
        // A stray file next to the document folders: nothing Gloss reads (as `layer_files`).
        Ok(metadata) if !metadata.is_dir() => return Ok(Vec::new()),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::io(&folder, "read", e)),
    }
    files_in_folder(&folder, doc)
}

/// The layer files in `folder`, the folder of document `doc`, sorted by name: hidden entries and
/// files of other extensions skipped, anything but a regular file named as a layer an error.
fn files_in_folder(folder: &Path, doc: &DocId) -> Result<Vec<LayerFileRef>, StorageError> {
    let entries = visible_entries(folder)?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "ron") {
            continue;
        }
        let file_type = entry
            .file_type()
            .map_err(|e| StorageError::io(&path, "read", e))?;
        files.push(layer_file(
            &path,
            file_type,
            || entry.metadata().ok(),
            doc.clone(),
        )?);
    }
    Ok(files)
}

/// The entries of `folder` that are not hidden, sorted by name (the order every listing of a
/// project's files reports its first problem in).
fn visible_entries(folder: &Path) -> Result<Vec<std::fs::DirEntry>, StorageError> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(|e| StorageError::io(folder, "list", e))? {
        let entry = entry.map_err(|e| StorageError::io(folder, "list", e))?;
        if !is_hidden(&entry.file_name()) {
            entries.push(entry);
        }
    }
    entries.sort_by_key(std::fs::DirEntry::file_name);
    Ok(entries)
}

/// Names starting with a dot are not read; this also skips temp files a crash left behind
/// (`TEMP_PREFIX` starts with a dot for this reason).
pub(crate) fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads, parses and checks layer files on a few threads (parsing RON is most of the time of opening
/// a large project). The first error in path order wins, whatever the thread timing.
fn parse_layers(
    project: &Project,
    files: Vec<LayerFileRef>,
) -> Result<Vec<(LayerKey, Layer)>, StorageError> {
    parallel::try_map("gloss-load", &files, parallel::cpu_threads(), |file| {
        parse_layer(project, file)
    })
}

pub(crate) fn parse_layer(
    project: &Project,
    file: &LayerFileRef,
) -> Result<(LayerKey, Layer), StorageError> {
    let path = &file.path;
    let bytes = read_project_file(path, max_ron_bytes())?;
    let source = utf8(path, &bytes)?;
    // Parsing straight into this version's type and probing the version only when that fails (or when
    // it succeeds with another version) reports the same errors as probing first, at half the cost.
    // Files as Gloss writes them take the fast reader; anything else, `ron` (the same result).
    let parsed: LayerFile =
        match super::fast_layer::parse(source).map_or_else(|| ron::from_str(source), Ok) {
            Ok(parsed) => parsed,
            Err(error) => {
                if let Ok(probe) = ron::from_str::<VersionProbe>(source) {
                    check_version(path, probe.format)?;
                }
                return Err(StorageError::syntax(path, source, &error));
            }
        };
    check_version(path, parsed.format)?;
    let Some(doc) = project.document(&file.key.doc) else {
        // `layer_files` only lists layers of indexed documents.
        return Err(StorageError::invalid(
            path,
            None,
            "document not in the index",
        ));
    };
    let layer = convert::layer_from_v1(parsed, &file.key, doc, &project.schema, path, source)?;
    Ok((file.key.clone(), layer))
}
