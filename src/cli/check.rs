//! `gloss check`: load a project (which checks syntax, covered text and bounds) and validate it
//! against its schema (labels, links, roles, attributes); list what an interrupted save left behind,
//! and with `--repair` remove it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::plural;
use crate::model::LayerKey;
use crate::model::validate::{self, Problem};
use crate::storage::{self, lock::ProjectLock};

pub fn run(dir: &Path, repair: bool) -> anyhow::Result<ExitCode> {
    // Repairing removes files, so it waits for no other Gloss to be saving; checking only reads.
    let _lock = if repair {
        let (lock, warning) = ProjectLock::acquire(dir)?;
        if let Some(warning) = warning {
            eprintln!("warning: {warning}");
        }
        Some(lock)
    } else {
        None
    };
    let project = storage::load(dir)?;
    let mut leftovers = storage::leftovers(dir, &project)?;
    if repair && !leftovers.is_empty() {
        for path in storage::remove_leftovers(dir, &leftovers)? {
            println!("removed {}", dir.join(path).display());
        }
        leftovers = storage::leftovers(dir, &project)?;
    }
    for leftover in &leftovers {
        println!(
            "{}: leftover {}; `gloss check --repair` removes it",
            dir.join(&leftover.path).display(),
            leftover.describe()
        );
    }
    let problems = validate::check(&project);
    if problems.is_empty() {
        let annotations: usize = project.layers().map(|(_, layer)| layer.len()).sum();
        let documents = project.documents().len();
        let left = match leftovers.len() {
            0 => String::new(),
            n => format!(" ({n} leftover{} listed above)", plural(n)),
        };
        println!(
            "ok: {documents} document{}, {annotations} annotation{}, no problems{left}",
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
