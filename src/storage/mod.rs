//! Projects on disk: RON files in a folder, versioned, written atomically, loaded with validation.
//!
//! API contract (other layers code against these signatures):
//! - [`load`] reads and validates a whole project folder.
//! - [`create`] makes a new project folder (refuses to overwrite an existing project).
//! - [`pending_writes`] serialises what the project marks dirty (CPU only, no disk), so the UI thread can
//!   hand the bytes to a saver thread; [`write_all`] writes them atomically; [`save`] does both and marks
//!   the project saved.
//! - [`write_atomic`] is the one function that writes project files.
//! - [`read_user_file`] reads a file the user named (an import's input): regular files only, bounded.
//! - [`stream::Corpus`] opens a project for one pass over its documents, a batch at a time.
//! - [`leftovers`] lists what an interrupted save left behind; [`remove_leftovers`] removes it.
//! - [`lock::ProjectLock`] guards a project against a second writer.
//! - [`presets`] gives the schemas shipped under `assets/presets/`.
//!
//! The layout and every field are described in `docs/format.md`; the on-disk types are in
//! [`format_v1`], converted to and from the model (with validation) in `convert`.

mod atomic;
pub mod cache;
mod convert;
mod error;
mod fast_layer;
mod files;
pub mod format_v1;
pub mod git;
mod leftovers;
mod load;
pub mod lock;
mod parallel;
pub mod presets;
mod registry_merge;
mod save;
pub mod stream;
pub mod team;

use std::path::PathBuf;

use crate::model::{DocId, LayerName};

pub use atomic::{AtomicWriter, write_atomic};
pub use error::StorageError;
pub use files::{
    DEFAULT_MAX_DOCUMENT_BYTES, FileStamp, MAX_DOCUMENT_BYTES_VAR, max_document_bytes,
    max_ron_bytes, read_project_file, read_user_file,
};
pub use leftovers::{Leftover, LeftoverKind, leftovers, leftovers_of, remove_leftovers};
pub use load::{SUPPORTED_VERSIONS, is_project, load};
pub(crate) use parallel::{cpu_threads, try_map};
pub use registry_merge::merge_registry_files;
pub use save::{
    PendingWrite, SaveReport, Staged, add_annotator, create, pending_writes, save, write_all,
};

/// The project file's name in the project folder.
pub const PROJECT_FILE: &str = "project.ron";

/// The entity registry's file in the project folder (optional).
pub const ENTITIES_FILE: &str = "entities.ron";

/// The folder of document texts, relative to the project folder.
pub const DOCUMENTS_DIR: &str = "documents";

/// The folder of layer files, relative to the project folder.
pub const ANNOTATIONS_DIR: &str = "annotations";

/// Where a layer's file lives, relative to the project folder: `annotations/<doc>/<layer>.ron`.
/// Safe as a path: document ids and layer names cannot hold separators or start with a dot.
pub fn layer_path(doc: &DocId, layer: &LayerName) -> PathBuf {
    PathBuf::from(ANNOTATIONS_DIR)
        .join(doc.as_str())
        .join(format!("{}.ron", layer.as_str()))
}

/// Where a document's text lives, relative to the project folder: `documents/<doc>.txt`.
pub fn text_path(doc: &DocId) -> PathBuf {
    PathBuf::from(DOCUMENTS_DIR).join(format!("{}.txt", doc.as_str()))
}
