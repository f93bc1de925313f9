//! `gloss check`: prints what [`crate::workbench::tasks::check`] finds, one line per problem.

use std::path::Path;
use std::process::ExitCode;

use super::{emit, plural};
use crate::workbench::tasks::check::check;

pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    let report = check(dir)?;
    if report.problems.is_empty() {
        emit(&format!(
            "ok: {} document{}, {} annotation{}, no problems\n",
            report.documents,
            plural(report.documents),
            report.annotations,
            plural(report.annotations)
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lines: String = report.problems.iter().map(|p| format!("{p}\n")).collect();
    emit(&lines)?;
    eprintln!(
        "error: {} problem{} in {}",
        report.problems.len(),
        plural(report.problems.len()),
        dir.display()
    );
    Ok(ExitCode::FAILURE)
}
