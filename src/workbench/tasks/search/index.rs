//! The search index: every document's text folded ([`crate::model::fold`]) once, kept in memory
//! and in the project's cache folder (`.gloss-cache/search-index.json`, ignored by git), and
//! rebuilt for the documents it lacks or whose text it no longer matches.
//!
//! Why not tantivy: its word index answers word queries, but Gloss searches substrings with exact
//! char offsets ("Vučić" inside "Vučićeva", "Kurti's"), which a word index can only narrow down
//! before a scan like this one anyway; and it adds about a hundred crates to a build on a 2-core
//! machine. A corpus of 10,000 news articles is some 30 MB of text: a SIMD substring scan
//! (`memchr::memmem`) over the folded copies answers in milliseconds (`benches/search.rs`), so the
//! index is what makes that scan possible (folding is the slow part) and nothing more.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::fold::fold_text;
use crate::model::{DocId, Document, Layer, LayerName, Text};
use crate::storage::cache;

use super::super::Hooks;
use super::annotations::{AnnotationIndex, Summary};

/// The cache file's name in `.gloss-cache/`.
pub const INDEX_FILE: &str = "search-index.json";

/// Bumped whenever folding changes, so that an index folded the old way is rebuilt.
const FORMAT: u32 = 1;

/// The largest cache file read back (a bigger one is rebuilt instead).
const MAX_CACHE_BYTES: u64 = 4 << 30;

/// The folded texts of a project's documents, by document id.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    docs: HashMap<DocId, Folded>,
    /// Each layer's annotations by label, built on the first annotation search that reads the
    /// layer and again after it changes.
    annotations: AnnotationIndex,
}

/// One document's folded text: same char count as the original, so spans carry over unchanged.
#[derive(Clone, Debug)]
struct Folded {
    fingerprint: u64,
    text: Arc<Text>,
}

/// What the index knows after [`TextIndex::open`]: how many documents it folded anew, and why it
/// could not write its cache (the search still works; it only folds again next time).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexReport {
    pub documents: usize,
    pub folded: usize,
    pub cache_warning: Option<String>,
}

impl TextIndex {
    /// Folds every document now, in memory.
    pub fn build<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut index = Self::default();
        for document in documents {
            index.insert(document);
        }
        index
    }

    /// The index of the project in `dir`: read from its cache, brought up to date with
    /// `documents` (folding those it lacks or no longer matches, dropping those gone), and written
    /// back when anything changed.
    pub fn open(dir: &Path, documents: &[Document], hooks: Hooks<'_>) -> (Self, IndexReport) {
        let mut index = Self::read_cache(dir);
        let mut report = IndexReport {
            documents: documents.len(),
            ..IndexReport::default()
        };
        let before = index.docs.len();
        let wanted: std::collections::HashSet<&DocId> = documents.iter().map(|d| &d.id).collect();
        index.docs.retain(|id, _| wanted.contains(id));
        let mut changed = index.docs.len() != before;
        for (done, document) in documents.iter().enumerate() {
            if hooks.cancelled() {
                break;
            }
            if done % 256 == 0 {
                hooks.report(done, documents.len(), "Indexing documents for search");
            }
            let fresh = index
                .docs
                .get(&document.id)
                .is_some_and(|f| f.fingerprint == fingerprint(&document.text));
            if !fresh {
                index.insert(document);
                report.folded += 1;
                changed = true;
            }
        }
        hooks.report(documents.len(), documents.len(), "Indexed");
        if changed && !hooks.cancelled() {
            report.cache_warning = index.write_cache(dir, documents).err();
        }
        (index, report)
    }

    fn insert(&mut self, document: &Document) {
        self.docs.insert(
            document.id.clone(),
            Folded {
                fingerprint: fingerprint(&document.text),
                text: Arc::new(Text::new(fold_text(document.text.as_str()))),
            },
        );
    }

    /// The folded text of `document`: the index's when it has one of the same length (texts never
    /// change after import; [`TextIndex::open`] checks them fully), else folded now.
    pub fn folded(&self, document: &Document) -> Arc<Text> {
        match self.docs.get(&document.id) {
            Some(f) if f.text.char_len() == document.text.char_len() => Arc::clone(&f.text),
            _ => Arc::new(Text::new(fold_text(document.text.as_str()))),
        }
    }

    /// The summary of a document's layer for annotation searches (see [`AnnotationIndex`]).
    pub(super) fn annotation_summary(
        &self,
        doc: &DocId,
        name: &LayerName,
        layer: &Layer,
        folded: &Text,
    ) -> Arc<Summary> {
        self.annotations.summary(doc, name, layer, folded)
    }

    /// How many documents it holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn read_cache(dir: &Path) -> Self {
        let Some(bytes) = cache::read_cache(dir, INDEX_FILE, MAX_CACHE_BYTES) else {
            return Self::default();
        };
        let Ok(file) = serde_json::from_slice::<CacheFile>(&bytes) else {
            return Self::default();
        };
        if file.format != FORMAT {
            return Self::default();
        }
        let mut index = Self::default();
        for doc in file.documents {
            let Some(id) = DocId::new(doc.id) else {
                continue;
            };
            index.docs.insert(
                id,
                Folded {
                    fingerprint: doc.fingerprint,
                    text: Arc::new(Text::new(doc.folded)),
                },
            );
        }
        index
    }

    fn write_cache(&self, dir: &Path, documents: &[Document]) -> Result<(), String> {
        let file = CacheFileRef {
            format: FORMAT,
            documents: documents
                .iter()
                .filter_map(|d| {
                    let f = self.docs.get(&d.id)?;
                    Some(CachedDocRef {
                        id: d.id.as_str(),
                        fingerprint: f.fingerprint,
                        folded: f.text.as_str(),
                    })
                })
                .collect(),
        };
        let bytes = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
        cache::write_cache(dir, INDEX_FILE, &bytes).map_err(|e| {
            format!(
                "{}: could not write the search index ({e}); searching still works",
                cache::cache_path(dir, INDEX_FILE).display()
            )
        })
    }
}

#[derive(Deserialize)]
struct CacheFile {
    format: u32,
    documents: Vec<CachedDoc>,
}

#[derive(Deserialize)]
struct CachedDoc {
    id: String,
    fingerprint: u64,
    folded: String,
}

#[derive(Serialize)]
struct CacheFileRef<'a> {
    format: u32,
    documents: Vec<CachedDocRef<'a>>,
}

#[derive(Serialize)]
struct CachedDocRef<'a> {
    id: &'a str,
    fingerprint: u64,
    folded: &'a str,
}

/// FNV-1a over the text's bytes, mixed with its char length: tells a changed text (a document
/// removed and imported again under the same id) from the one the index folded.
fn fingerprint(text: &Text) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in text.as_str().as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash ^ (text.char_len() as u64).rotate_left(32)
}
