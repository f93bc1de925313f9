//! Reading a project folder: every file parsed, converted and validated; the first problem is
//! reported. Never writes, never panics on what it reads.

use std::io;
use std::path::{Path, PathBuf};

use super::convert::{self, DocumentEntry};
use super::error::{StorageError, utf8, utf8_owned};
use super::format_v1::{LayerFile, ProjectFile, VERSION, VersionProbe};
use super::{ANNOTATIONS_DIR, PROJECT_FILE, parallel, text_path};
use crate::model::{DocId, Document, Layer, LayerKey, LayerName, Project, Text, text};

/// The format versions this build reads.
pub const SUPPORTED_VERSIONS: [u32; 1] = [VERSION];

/// Whether `dir` holds a project (has a `project.ron`).
pub fn is_project(dir: &Path) -> bool {
    dir.join(PROJECT_FILE).is_file()
}

/// Reads and validates the project in `dir`. The project comes back with nothing to save
/// ([`Project::dirty`] is empty). The first problem found, in a stable order (the project file, then
/// texts in project order, then the names and places of layer files by path, then their contents by
/// path), is the error.
pub fn load(dir: &Path) -> Result<Project, StorageError> {
    let path = dir.join(PROJECT_FILE);
    if !path.is_file() {
        return Err(StorageError::NotAProject {
            dir: dir.to_owned(),
        });
    }
    let bytes = read(&path)?;
    let source = utf8(&path, &bytes)?;
    // The version first: a file of another version may not parse as this one, and "unsupported
    // version" says more than the parse error would.
    let probe: VersionProbe =
        ron::from_str(source).map_err(|e| StorageError::syntax(&path, source, &e))?;
    check_version(&path, probe.format)?;
    let file: ProjectFile =
        ron::from_str(source).map_err(|e| StorageError::syntax(&path, source, &e))?;
    let (mut project, entries) = convert::project_from_v1(file, &path, source)?;
    for entry in entries {
        let document = read_document(dir, entry)?;
        project.insert_loaded_document(document);
    }
    let files = layer_files(dir, &project)?;
    for (key, layer) in parse_layers(&project, files)? {
        project.insert_loaded_layer(key, layer);
    }
    project.mark_saved();
    Ok(project)
}

fn read(path: &Path) -> Result<Vec<u8>, StorageError> {
    std::fs::read(path).map_err(|e| StorageError::io(path, "read", e))
}

fn check_version(path: &Path, found: u32) -> Result<(), StorageError> {
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

fn read_document(dir: &Path, entry: DocumentEntry) -> Result<Document, StorageError> {
    let path = dir.join(text_path(&entry.id));
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StorageError::invalid(
                &path,
                None,
                format!(
                    "the text file of document {} is missing (project.ron lists the document)",
                    entry.id
                ),
            ));
        }
        Err(e) => return Err(StorageError::io(&path, "read", e)),
    };
    let raw = utf8_owned(&path, bytes)?;
    // Gloss writes LF only (the model normalises at import), so a CR can only come from a tool such as
    // git's autocrlf; undoing it restores the text the offsets were counted in.
    let string = if raw.contains('\r') {
        text::normalize_newlines(&raw).0
    } else {
        raw
    };
    Ok(Document {
        id: entry.id,
        title: entry.title,
        meta: entry.meta,
        text: Text::new(string),
        crlf_normalized: entry.crlf_normalized,
    })
}

/// A layer file found on disk, with the layer its place names.
struct LayerFileRef {
    key: LayerKey,
    path: PathBuf,
}

/// Every `annotations/<doc>/<layer>.ron`, sorted by path; names are checked in that order. Hidden files (such as a temp file a crash left
/// behind) and files of other extensions are skipped; a layer file of a document not in the index,
/// or with a name that is not a valid document id or layer name, is an error.
fn layer_files(dir: &Path, project: &Project) -> Result<Vec<LayerFileRef>, StorageError> {
    let root = dir.join(ANNOTATIONS_DIR);
    let mut files = Vec::new();
    for doc_dir in list(&root)? {
        if !doc_dir.is_dir() {
            continue;
        }
        for path in list(&doc_dir)? {
            if path.extension().is_none_or(|ext| ext != "ron") || !path.is_file() {
                continue;
            }
            let doc_name = file_name(&doc_dir);
            let layer_name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(doc) = DocId::new(doc_name.as_str()) else {
                return Err(StorageError::invalid(
                    &path,
                    None,
                    format!(
                        "folder name {} is not a document id: expected ASCII letters, digits, - or _",
                        convert::quoted(&doc_name)
                    ),
                ));
            };
            if project.document(&doc).is_none() {
                return Err(StorageError::invalid(
                    &path,
                    None,
                    format!(
                        "layer file of document {doc}, which is not in the document index of {PROJECT_FILE}"
                    ),
                ));
            }
            let Some(layer) = LayerName::new(layer_name.as_str()) else {
                return Err(StorageError::invalid(
                    &path,
                    None,
                    format!(
                        "file name {} is not a layer name: expected ASCII letters, digits, -, _ or .",
                        convert::quoted(&layer_name)
                    ),
                ));
            };
            files.push(LayerFileRef {
                key: LayerKey::new(doc, layer),
                path,
            });
        }
    }
    Ok(files)
}

/// The entries of a folder, hidden ones left out; a missing folder has none.
fn list(dir: &Path) -> Result<Vec<PathBuf>, StorageError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::io(dir, "list", e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StorageError::io(dir, "list", e))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            // Also skips temp files a crash left behind: `TEMP_PREFIX` starts with a dot for this reason.
            continue;
        }
        paths.push(entry.path());
    }
    // Folder order depends on the file system; sorted, the first error reported is always the same.
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
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

fn parse_layer(project: &Project, file: &LayerFileRef) -> Result<(LayerKey, Layer), StorageError> {
    let path = &file.path;
    let bytes = read(path)?;
    let source = utf8(path, &bytes)?;
    // Parsing straight into this version's type and probing the version only when that fails (or when
    // it succeeds with another version) reports the same errors as probing first, at half the cost.
    let parsed: LayerFile = match ron::from_str(source) {
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
