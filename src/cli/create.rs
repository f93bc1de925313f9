//! `gloss new`: an empty project folder with a schema preset.

use std::process::ExitCode;

use anyhow::Context as _;

use super::args::NewArgs;
use crate::model::Project;
use crate::storage::{self, presets};

pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    // clap only lets through names from `presets::NAMES`; this guards against a name listed there
    // without a schema behind it.
    let schema = presets::preset(&args.preset).with_context(|| {
        format!(
            "unknown preset {:?}: expected one of {}",
            args.preset,
            presets::NAMES.join(", ")
        )
    })?;
    let name = match &args.name {
        Some(name) => name.clone(),
        None => folder_name(&args.dir),
    };
    let mut project = Project::new(name, schema);
    storage::create(&args.dir, &mut project)?;
    println!(
        "created project {:?} in {} with the {} preset; add articles with `gloss import {} FILE...`",
        project.name,
        args.dir.display(),
        args.preset,
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The folder's own name: the last component of its path, or of its canonical path for `.` and `..`.
fn folder_name(dir: &std::path::Path) -> String {
    dir.file_name()
        .map(std::ffi::OsStr::to_os_string)
        .or_else(|| {
            dir.canonicalize()
                .ok()?
                .file_name()
                .map(std::ffi::OsStr::to_os_string)
        })
        .map_or_else(
            || "project".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
}
