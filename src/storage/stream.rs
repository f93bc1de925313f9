//! One pass over a project too large to hold: the index (`project.ron`, `entities.ron` and the list
//! of layer files) is read once, then documents are loaded a batch at a time, each batch a
//! [`Project`] of its own with the whole project's schema, settings and registry and only that
//! batch's documents and layers. A command that works per document (check, stats, agreement,
//! export, suggestions) holds at most a few batches at once, whatever the size of the project.
//!
//! Loading runs on its own threads while the caller works on the batch before, so reading and
//! parsing files overlaps the work. Files are read and checked exactly as [`super::load`] reads
//! them; the first problem in document order is the error (texts before layers within a batch).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::convert::DocumentEntry;
use super::error::StorageError;
use super::files::check_folders;
use super::load::{
    LayerFileRef, layer_files, layer_files_of, parse_layer, read_document, read_index,
    read_registry,
};
use super::{DOCUMENTS_DIR, parallel};
use crate::model::{DocId, Document, Layer, LayerKey, LayerName, Project, Status};

/// How many documents a batch holds. About 256 × (a 4 KB article and its layers): a few tens of
/// megabytes, and enough files per batch to keep every loading thread busy.
pub const BATCH_DOCUMENTS: usize = 256;

/// A document read from disk with its layers, for [`Project::fill_document`].
pub struct LoadedDocument {
    pub document: Document,
    pub layers: Vec<(LayerKey, Layer)>,
}

/// The status a layer file's header names, from its first few hundred bytes; `New` when there is no
/// such file. Nothing is read through a link (it could point outside the project).
fn peek_status(dir: &Path, path: &Path) -> Option<Status> {
    use std::io::Read;
    let relative = path.strip_prefix(dir).ok()?;
    check_folders(dir, relative.parent()?).ok()?;
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Status::New),
        _ => return None,
    }
    let mut head = [0u8; 512];
    let mut file = std::fs::File::open(path).ok()?;
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(_) => return None,
        }
    }
    // The cut may fall inside a char: the header before it is what counts.
    let head = match std::str::from_utf8(&head[..filled]) {
        Ok(head) => head,
        Err(error) => std::str::from_utf8(&head[..error.valid_up_to()]).ok()?,
    };
    let at = head.find("\n    status: ")? + "\n    status: ".len();
    let word = head[at..].split(',').next()?;
    match word {
        "New" => Some(Status::New),
        "InProgress" => Some(Status::InProgress),
        "Done" => Some(Status::Done),
        "Adjudicated" => Some(Status::Adjudicated),
        _ => None,
    }
}

/// A document as the index lists it, with an empty text.
fn placeholder(entry: DocumentEntry) -> Document {
    Document {
        id: entry.id,
        title: entry.title,
        meta: entry.meta,
        text: crate::model::Text::new(String::new()),
        crlf_normalized: entry.crlf_normalized,
        removed: entry
            .cleaned
            .map(|(_, removed)| removed)
            .unwrap_or_default(),
    }
}

/// A project opened for a pass over its documents.
pub struct Corpus {
    dir: PathBuf,
    base: Project,
    entries: Vec<DocumentEntry>,
    positions: HashMap<DocId, usize>,
    /// The layer files of each document, by the document's position in the index; `None` for a
    /// project opened from its index only ([`Corpus::open_index`]), whose documents' folders are
    /// listed as they are read.
    files: Option<Vec<Vec<LayerFileRef>>>,
    layer_names: BTreeSet<LayerName>,
}

/// Opens the projects in `dirs`, to be read as one corpus. A folder given twice (under any name)
/// is an error: its documents would count twice.
pub fn open_all(dirs: &[&Path]) -> Result<Vec<Corpus>, StorageError> {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut corpora = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let corpus = Corpus::open(dir)?;
        let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if seen.contains(&real) {
            return Err(StorageError::invalid(
                dir,
                None,
                "this project folder is given twice (its documents would count twice)",
            ));
        }
        seen.push(real);
        corpora.push(corpus);
    }
    Ok(corpora)
}

impl Corpus {
    /// Reads `project.ron`, `entities.ron` and the names of the layer files in `dir`: everything
    /// [`super::load`] checks before it reads texts and layers.
    pub fn open(dir: &Path) -> Result<Self, StorageError> {
        Self::read(dir, true)
    }

    /// Reads `project.ron` and `entities.ron` only, checked as [`Corpus::open`] checks them; each
    /// document's folder of layer files is listed (and checked) when the document is read. What a
    /// window opening a large project does, so that it shows before every folder is listed.
    /// [`Corpus::layer_names`] is empty: no folder is listed yet.
    pub fn open_index(dir: &Path) -> Result<Self, StorageError> {
        Self::read(dir, false)
    }

    /// The index, with every document's layer files listed when `list`; checked in
    /// [`super::load`]'s order.
    fn read(dir: &Path, list: bool) -> Result<Self, StorageError> {
        let (mut base, entries) = read_index(dir)?;
        check_folders(dir, Path::new(DOCUMENTS_DIR))?;
        let positions: HashMap<DocId, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, entry)| (entry.id.clone(), i))
            .collect();
        let mut layer_names = BTreeSet::new();
        let files = if list {
            let listed = layer_files(dir, &|doc| positions.contains_key(doc))?;
            let mut files: Vec<Vec<LayerFileRef>> = entries.iter().map(|_| Vec::new()).collect();
            for file in listed {
                if let Some(&position) = positions.get(&file.key.doc) {
                    layer_names.insert(file.key.layer.clone());
                    files[position].push(file);
                }
            }
            Some(files)
        } else {
            None
        };
        if let Some(registry) = read_registry(dir, &base)? {
            base.insert_loaded_registry(registry);
        }
        base.mark_saved();
        Ok(Self {
            dir: dir.to_owned(),
            base,
            entries,
            positions,
            files,
            layer_names,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The project without documents or layers: name, schema, annotators, team, settings and the
    /// entity registry.
    pub fn base(&self) -> &Project {
        &self.base
    }

    /// How many documents the index lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Document ids in project order.
    pub fn document_ids(&self) -> impl Iterator<Item = &DocId> {
        self.entries.iter().map(|entry| &entry.id)
    }

    pub fn contains(&self, id: &DocId) -> bool {
        self.positions.contains_key(id)
    }

    /// The titles of the documents, in project order.
    pub fn titles(&self) -> impl Iterator<Item = (&DocId, &str)> {
        self.entries
            .iter()
            .map(|entry| (&entry.id, entry.title.as_str()))
    }

    /// Every layer name that has a file in some document, sorted.
    pub fn layer_names(&self) -> &BTreeSet<LayerName> {
        &self.layer_names
    }

    /// Loads the documents (all of them, or the ids in `only`, in project order) `BATCH_DOCUMENTS`
    /// at a time and hands each batch to `visit`, in order. The next batch loads while `visit`
    /// works. Stops at the first error, a file's or `visit`'s.
    pub fn for_each_batch<E>(
        &self,
        only: Option<&[DocId]>,
        mut visit: impl FnMut(Project) -> Result<(), E>,
    ) -> Result<(), E>
    where
        E: From<StorageError> + Send,
    {
        let mut chosen: Vec<usize> = match only {
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.positions.get(id).copied())
                .collect(),
            None => (0..self.entries.len()).collect(),
        };
        chosen.sort_unstable();
        chosen.dedup();
        let batches: Vec<&[usize]> = chosen.chunks(BATCH_DOCUMENTS).collect();
        if batches.len() <= 1 {
            // One batch: nothing to overlap.
            for batch in batches {
                visit(self.load_batch(batch)?)?;
            }
            return Ok(());
        }
        std::thread::scope(|scope| {
            // One batch waits in the channel while `visit` works on another: at most three in memory.
            let (sender, receiver) = mpsc::sync_channel::<Result<Project, StorageError>>(1);
            let loader = std::thread::Builder::new()
                .name("gloss-stream".to_owned())
                .spawn_scoped(scope, move || {
                    for batch in batches {
                        let loaded = self.load_batch(batch);
                        let failed = loaded.is_err();
                        if sender.send(loaded).is_err() || failed {
                            return;
                        }
                    }
                });
            let result = match loader {
                Ok(_) => receiver
                    .iter()
                    .try_for_each(|loaded| visit(loaded.map_err(E::from)?)),
                // The system would not start a thread: load on this one.
                Err(_) => chosen
                    .chunks(BATCH_DOCUMENTS)
                    .try_for_each(|batch| visit(self.load_batch(batch)?)),
            };
            // Dropping the receiver (on an error) ends the loader at its next send.
            drop(receiver);
            result
        })
    }

    /// The whole project as its index lists it: every document with its title and metadata but
    /// not its text or layers (see [`Project::is_loaded`]), to be filled in with
    /// [`Corpus::read_documents`]. What a window shows at once, whatever the project's size.
    pub fn listing(&self) -> Project {
        let mut project = self.base.clone();
        for entry in &self.entries {
            let chars = entry.cleaned.as_ref().map_or(0, |(chars, _)| *chars);
            project.insert_unloaded_document(placeholder(entry.clone()), chars);
        }
        project.mark_saved();
        project
    }

    /// Reads the documents `ids` names (those the index lists; others are skipped) with their
    /// layers, checked as [`super::load`] checks them, each ready for [`Project::fill_document`].
    pub fn read_documents(&self, ids: &[DocId]) -> Result<Vec<LoadedDocument>, StorageError> {
        let mut positions: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.positions.get(id).copied())
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let (documents, layers) = self.load_batch(&positions)?.into_contents();
        let mut by_document: HashMap<DocId, Vec<(LayerKey, Layer)>> = HashMap::new();
        for (key, layer) in layers {
            by_document
                .entry(key.doc.clone())
                .or_default()
                .push((key, layer));
        }
        Ok(documents
            .into_iter()
            .map(|document| LoadedDocument {
                layers: by_document.remove(&document.id).unwrap_or_default(),
                document,
            })
            .collect())
    }

    /// The status that layer `layer` of each document in `ids` names in its header, read without
    /// reading the rest of the file: a file Gloss wrote names it on its fifth line. For showing
    /// progress before the documents are read; `None` when the document has no such layer file
    /// (status New) and for a file whose header is not in that form (a hand edit), which only a
    /// full read can tell.
    pub fn peek_statuses(&self, ids: &[DocId], layer: &LayerName) -> Vec<(DocId, Option<Status>)> {
        let wanted: Vec<(&DocId, Option<PathBuf>)> = ids
            .iter()
            .filter_map(|id| {
                let position = *self.positions.get(id)?;
                let path = match &self.files {
                    Some(files) => files[position]
                        .iter()
                        .find(|f| &f.key.layer == layer)
                        .map(|f| f.path.clone()),
                    // Not listed yet: where the file would be, if it is a plain file.
                    None => Some(self.dir.join(super::layer_path(id, layer))),
                };
                Some((id, path))
            })
            .collect();
        let peeked = parallel::try_map(
            "gloss-status",
            &wanted,
            parallel::cpu_threads(),
            |(id, path)| {
                let status = match path {
                    None => Some(Status::New),
                    Some(path) => peek_status(&self.dir, path),
                };
                Ok::<_, std::convert::Infallible>(((*id).clone(), status))
            },
        );
        match peeked {
            Ok(peeked) => peeked,
            Err(never) => match never {},
        }
    }

    /// The documents at `positions` and their layers, as a project of their own.
    fn load_batch(&self, positions: &[usize]) -> Result<Project, StorageError> {
        let threads = parallel::cpu_threads();
        let read = parallel::try_map("gloss-text", positions, threads, |&position| {
            let entry = &self.entries[position];
            // A folder not listed at opening is listed (and checked) now.
            let listed = match &self.files {
                Some(_) => None,
                None => Some(layer_files_of(&self.dir, &entry.id)?),
            };
            Ok::<_, StorageError>((read_document(&self.dir, entry.clone())?, listed))
        })?;
        let mut project = self.base.clone();
        let mut listed_now = Vec::new();
        for (document, listed) in read {
            project.insert_loaded_document(document);
            listed_now.extend(listed.into_iter().flatten());
        }
        let files: Vec<&LayerFileRef> = match &self.files {
            Some(files) => positions
                .iter()
                .flat_map(|&position| &files[position])
                .collect(),
            None => listed_now.iter().collect(),
        };
        let layers = parallel::try_map("gloss-load", &files, threads, |file| {
            parse_layer(&project, file)
        })?;
        for (key, layer) in layers {
            project.insert_loaded_layer(key, layer);
        }
        project.mark_saved();
        Ok(project)
    }
}
