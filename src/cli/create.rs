//! `gloss new`: an empty project folder with a schema preset, made by
//! [`workbench::create_project`] (the window's File ▸ New project runs the same).

use std::process::ExitCode;

use super::args::NewArgs;
use crate::workbench;

pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let name = match &args.name {
        Some(name) => name.clone(),
        None => folder_name(&args.dir),
    };
    let project = workbench::create_project(&args.dir, &name, &args.preset)?;
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
