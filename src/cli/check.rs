//! `gloss check`: prints what [`crate::workbench::tasks::check`] finds, one line per problem, and
//! the leftovers of interrupted saves (which `--repair` removes).

use std::path::Path;
use std::process::ExitCode;

use super::{emit, plural};
use crate::workbench::tasks::check::check;

pub fn run(dir: &Path, repair: bool) -> anyhow::Result<ExitCode> {
    let report = check(dir, repair)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let mut lines: String = report
        .removed
        .iter()
        .map(|path| format!("removed {}\n", path.display()))
        .collect();
    lines.extend(report.leftovers.iter().map(|l| format!("{l}\n")));
    if report.problems.is_empty() {
        let left = match report.leftovers.len() {
            0 => String::new(),
            n => format!(" ({n} leftover{} listed above)", plural(n)),
        };
        emit(&format!(
            "{lines}ok: {} document{}, {} annotation{}, no problems{left}\n",
            report.documents,
            plural(report.documents),
            report.annotations,
            plural(report.annotations)
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    lines.extend(report.problems.iter().map(|p| format!("{p}\n")));
    emit(&lines)?;
    eprintln!(
        "error: {} problem{} in {}",
        report.problems.len(),
        plural(report.problems.len()),
        dir.display()
    );
    Ok(ExitCode::FAILURE)
}
