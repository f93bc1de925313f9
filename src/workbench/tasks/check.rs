//! `gloss check`: load a project (which checks syntax, covered text and bounds) and validate it
//! against its schema (labels, links, roles, attributes); list what an interrupted save left behind,
//! and on request remove it.

use std::path::{Path, PathBuf};

use crate::model::validate::{self, Problem};
use crate::model::{AnnotationId, LayerKey};
use crate::storage::{self, lock::ProjectLock, stream::Corpus};

/// What checking a project found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub documents: usize,
    pub annotations: usize,
    /// Empty when the project is valid.
    pub problems: Vec<FileProblem>,
    /// What an interrupted save left behind and is still there, described for the user.
    pub leftovers: Vec<FileProblem>,
    /// Leftovers removed by this check (only when asked to repair), as full paths.
    pub removed: Vec<PathBuf>,
    /// Anything the user should know that is not a problem of the project (that the last Gloss here ended
    /// without closing the project, say).
    pub warnings: Vec<String>,
}

/// One problem, with the file a user would open to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileProblem {
    pub file: PathBuf,
    pub annotation: Option<AnnotationId>,
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    /// `<file>: annotation <id>: <what is wrong>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.annotation {
            Some(id) => write!(
                f,
                "{}: annotation {id}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Loads and validates the project in `dir`, and with `repair` removes what an interrupted save
/// left behind. An error means it cannot be loaded at all.
pub fn check(dir: &Path, repair: bool) -> anyhow::Result<CheckReport> {
    let mut warnings = Vec::new();
    // Repairing removes files, so it waits for no other Gloss to be saving; checking only reads.
    let _lock = if repair {
        let (lock, warning) = ProjectLock::acquire(dir)?;
        warnings.extend(warning.map(|w| w.to_string()));
        Some(lock)
    } else {
        None
    };
    // One pass a batch of documents at a time: memory stays bounded whatever the project's size.
    let corpus = Corpus::open(dir)?;
    let indexed = |id: &crate::model::DocId| corpus.contains(id);
    let mut leftovers = storage::leftovers_of(dir, &indexed)?;
    let mut removed = Vec::new();
    if repair && !leftovers.is_empty() {
        removed = storage::remove_leftovers(dir, &leftovers)?
            .into_iter()
            .map(|path| dir.join(path))
            .collect();
        leftovers = storage::leftovers_of(dir, &indexed)?;
    }
    let mut problems: Vec<FileProblem> = validate::schema_problems(corpus.base())
        .iter()
        .map(|problem| file_problem(dir, problem))
        .collect();
    let mut annotations = 0;
    corpus.for_each_batch(None, |batch| -> anyhow::Result<()> {
        annotations += batch.layers().map(|(_, layer)| layer.len()).sum::<usize>();
        problems.extend(
            validate::layer_problems(&batch)
                .iter()
                .map(|problem| file_problem(dir, problem)),
        );
        Ok(())
    })?;
    problems.extend(
        validate::registry_problems(corpus.base())
            .iter()
            .map(|problem| file_problem(dir, problem)),
    );
    Ok(CheckReport {
        documents: corpus.len(),
        annotations,
        problems,
        leftovers: leftovers
            .iter()
            .map(|leftover| FileProblem {
                file: dir.join(&leftover.path),
                annotation: None,
                message: format!(
                    "leftover {}; `gloss check --repair` removes it",
                    leftover.describe()
                ),
            })
            .collect(),
        removed,
        warnings,
    })
}

fn file_problem(dir: &Path, problem: &Problem) -> FileProblem {
    let file = match &problem.key {
        Some(key) => layer_file(dir, key),
        None => dir.join(storage::PROJECT_FILE),
    };
    FileProblem {
        file,
        annotation: problem.key.as_ref().and(problem.annotation),
        message: problem.message.clone(),
    }
}

fn layer_file(dir: &Path, key: &LayerKey) -> PathBuf {
    dir.join(storage::layer_path(&key.doc, &key.layer))
}
