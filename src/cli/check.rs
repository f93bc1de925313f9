//! `gloss check`: load a project (which checks syntax, covered text and bounds) and validate it
//! against its schema (labels, links, roles, attributes).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::plural;
use crate::model::LayerKey;
use crate::model::validate::{self, Problem};
use crate::storage;

pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    let project = storage::load(dir)?;
    let problems = validate::check(&project);
    if problems.is_empty() {
        let annotations: usize = project.layers().map(|(_, layer)| layer.len()).sum();
        let documents = project.documents().len();
        println!(
            "ok: {documents} document{}, {annotations} annotation{}, no problems",
            plural(documents),
            plural(annotations)
        );
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{}", problem_line(dir, problem));
    }
    eprintln!(
        "error: {} problem{} in {}",
        problems.len(),
        plural(problems.len()),
        dir.display()
    );
    Ok(ExitCode::FAILURE)
}

/// `<file>: annotation <id>: <what is wrong>`, naming the file a user would open to fix it.
fn problem_line(dir: &Path, problem: &Problem) -> String {
    match (&problem.key, problem.annotation) {
        (Some(key), Some(id)) => format!(
            "{}: annotation {id}: {}",
            layer_file(dir, key).display(),
            problem.message
        ),
        (Some(key), None) => format!("{}: {}", layer_file(dir, key).display(), problem.message),
        _ => format!(
            "{}: {}",
            dir.join(storage::PROJECT_FILE).display(),
            problem.message
        ),
    }
}

fn layer_file(dir: &Path, key: &LayerKey) -> PathBuf {
    dir.join(storage::layer_path(&key.doc, &key.layer))
}
