//! `gloss check`: load a project (which checks syntax, covered text and bounds) and validate it
//! against its schema (labels, links, roles, attributes).

use std::path::{Path, PathBuf};

use crate::model::validate::{self, Problem};
use crate::model::{AnnotationId, LayerKey};
use crate::storage;

/// What checking a project found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub documents: usize,
    pub annotations: usize,
    /// Empty when the project is valid.
    pub problems: Vec<FileProblem>,
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

/// Loads and validates the project in `dir`. An error means it cannot be loaded at all.
pub fn check(dir: &Path) -> anyhow::Result<CheckReport> {
    let project = storage::load(dir)?;
    let problems = validate::check(&project)
        .iter()
        .map(|problem| file_problem(dir, problem))
        .collect();
    Ok(CheckReport {
        documents: project.documents().len(),
        annotations: project.layers().map(|(_, layer)| layer.len()).sum(),
        problems,
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
