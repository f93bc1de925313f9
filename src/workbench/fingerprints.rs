//! What the files Gloss writes held when Gloss last read or wrote them, so that a save never
//! overwrites a newer file it did not load (another Gloss, a sync, an editor): before each file is
//! written, its content hash on disk is compared with the one recorded; on a clash the version on
//! disk is kept in `.gloss-sync/kept/` and the save says so. Both versions stay.
//!
//! Recorded when a project opens for writing (`project.ron` and the annotator's own layer files, the
//! ones Gloss writes) and after each save, for what it wrote.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::model::{LayerKey, LayerName, Project};
use crate::storage::{self, PendingWrite};

/// Relative path → content hash (`None`: the file did not exist).
#[derive(Clone, Debug, Default)]
pub(crate) struct Fingerprints(Arc<Mutex<HashMap<PathBuf, Option<u64>>>>);

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The content hash of a project file now, `None` when it is not there (or cannot be read).
fn on_disk(dir: &Path, relative: &Path) -> Option<u64> {
    storage::read_project_file(&dir.join(relative), storage::max_ron_bytes())
        .ok()
        .map(|bytes| hash(&bytes))
}

impl Fingerprints {
    /// Records `project.ron` and `annotator`'s layer files as they are on disk now.
    pub(crate) fn record_open(&self, dir: &Path, project: &Project, annotator: &LayerName) {
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let project_file = PathBuf::from(storage::PROJECT_FILE);
        known.insert(project_file.clone(), on_disk(dir, &project_file));
        let entities = PathBuf::from(storage::ENTITIES_FILE);
        known.insert(entities.clone(), on_disk(dir, &entities));
        // Documents not read yet are recorded as they are read (`record_layers`).
        for document in project.documents() {
            if !project.is_loaded(&document.id) {
                continue;
            }
            let key = LayerKey::new(document.id.clone(), annotator.clone());
            let path = storage::layer_path(&key.doc, &key.layer);
            known.insert(path.clone(), on_disk(dir, &path));
        }
    }

    /// Records the layer files `keys` as they are on disk now (documents just read).
    pub(crate) fn record_layers(&self, dir: &Path, keys: &[LayerKey]) {
        let now: Vec<(PathBuf, Option<u64>)> = keys
            .iter()
            .map(|key| {
                let path = storage::layer_path(&key.doc, &key.layer);
                let hash = on_disk(dir, &path);
                (path, hash)
            })
            .collect();
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        known.extend(now);
    }

    /// Before `writes` go to disk: each file whose content changed since it was recorded is kept in
    /// `.gloss-sync/kept/<stamp>/`; returns a sentence for each.
    pub(crate) fn keep_newer(
        &self,
        dir: &Path,
        writes: &[PendingWrite],
        stamp: &str,
    ) -> Vec<String> {
        let known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut notices = Vec::new();
        for write in writes {
            let Some(recorded) = known.get(&write.path) else {
                continue;
            };
            let now = on_disk(dir, &write.path);
            if now == *recorded || now.is_none() {
                continue;
            }
            let kept = PathBuf::from(storage::git::SYNC_DIR)
                .join("kept")
                .join(stamp)
                .join(&write.path);
            let copied =
                storage::read_project_file(&dir.join(&write.path), storage::max_ron_bytes())
                    .ok()
                    .and_then(|bytes| {
                        std::fs::create_dir_all(dir.join(&kept).parent()?).ok()?;
                        storage::write_atomic(&dir.join(&kept), &bytes).ok()
                    });
            notices.push(match copied {
                Some(()) => format!(
                    "{} changed on disk since Gloss read it (another program or Gloss); your \
                     version is saved, the other is kept as {}",
                    write.path.display(),
                    kept.display()
                ),
                None => format!(
                    "{} changed on disk since Gloss read it, and that version could not be kept \
                     aside; your version is saved",
                    write.path.display()
                ),
            });
        }
        notices
    }

    /// If `entities.ron` is among `writes` and changed on disk since Gloss read or wrote it, merges
    /// the version on disk into the one being written (entity by entity, this save's changes
    /// winning where both changed one entity), so nobody's new entities are lost; says so.
    pub(crate) fn merge_registry(&self, dir: &Path, writes: &mut [PendingWrite]) -> Vec<String> {
        let entities = PathBuf::from(storage::ENTITIES_FILE);
        let Some(write) = writes.iter_mut().find(|w| w.path == entities) else {
            return Vec::new();
        };
        let recorded = {
            let known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            known.get(&entities).copied()
        };
        let Ok(disk) = storage::read_project_file(&dir.join(&entities), storage::max_ron_bytes())
        else {
            return Vec::new();
        };
        if recorded == Some(Some(hash(&disk))) {
            return Vec::new();
        }
        let empty = b"(format: 1, entities: [])".to_vec();
        let ours = write.contents.clone().unwrap_or(empty);
        match storage::merge_registry_files(&entities, None, &disk, &ours) {
            Ok(merged) => {
                write.contents = Some(merged);
                // What is on disk now has been taken in: no need to keep it aside as well.
                let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
                known.insert(entities.clone(), Some(hash(&disk)));
                vec![format!(
                    "{} changed on disk since Gloss read it; its entities were merged with yours",
                    entities.display()
                )]
            }
            Err(_) => Vec::new(),
        }
    }

    /// After a save: what it wrote is what the files hold now.
    pub(crate) fn record_written(&self, writes: &[PendingWrite]) {
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        for write in writes {
            known.insert(write.path.clone(), write.contents.as_deref().map(hash));
        }
    }

    /// Records what the files at `paths` hold now, for those recorded before (after a sync or a
    /// settled conflict changed them with the user's consent).
    pub(crate) fn record_current(&self, dir: &Path, paths: &[PathBuf]) {
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        for path in paths {
            if known.contains_key(path) {
                known.insert(path.clone(), on_disk(dir, path));
            }
        }
    }

    /// Whether the file at `relative` holds what Gloss last read or wrote there (a change the
    /// folder watcher reports that Gloss made itself).
    pub(crate) fn is_known(&self, dir: &Path, relative: &Path) -> bool {
        let known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        known
            .get(relative)
            .is_some_and(|recorded| *recorded == on_disk(dir, relative))
    }
}
