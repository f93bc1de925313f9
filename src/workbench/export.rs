//! Exporting, written once for the window and the command line: a project's annotations to files
//! other tools read (jsonl, spacy, conll, brat, hf, csv).
//!
//! The export is built in memory by [`formats::export`], then each file is written atomically
//! through storage, so a failed export never leaves a half-written file in place of a previous one.
//! `out` names the file (side files such as hf's `labels.json` go beside it) or, for brat and csv,
//! the folder.

use std::path::{Path, PathBuf};

use crate::formats::{self, ExportFormat, ExportSelection};
use crate::model::{LayerName, Project};
use crate::storage;

use super::jobs::JobContext;

/// The summary names each file written up to this many; beyond, it names the folder.
const FILES_NAMED: usize = 4;

/// What was written: the lines the window's summary and the command line show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportWritten {
    pub files: Vec<PathBuf>,
    /// Where it went, the totals, then every span the format could not hold (indented).
    pub lines: Vec<String>,
}

/// Refuses an `out` the format cannot write to before any work is done: a folder where a file goes,
/// a file where a folder goes, or a parent folder that does not exist.
pub fn check_out(out: &Path, format: ExportFormat) -> Result<(), String> {
    if let Some(folder) = out.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(format!(
            "{}: no such folder to write {} into",
            folder.display(),
            out.display()
        ));
    }
    if format.writes_folder() && out.exists() && !out.is_dir() {
        return Err(format!(
            "{}: is a file; {} writes a folder of files (expected a folder, new or existing)",
            out.display(),
            format.name()
        ));
    }
    if !format.writes_folder() && out.is_dir() {
        return Err(format!(
            "{}: is a folder; {} writes one file (expected a file name)",
            out.display(),
            format.name()
        ));
    }
    Ok(())
}

/// The layer a user named, which must be an annotator or a layer of the project.
pub fn known_layer(project: &Project, name: &str, dir: &Path) -> Result<LayerName, String> {
    let mut known: Vec<String> = project.annotators.clone();
    for layer in project.layer_names() {
        if !known.iter().any(|k| k == layer.as_str()) {
            known.push(layer.to_string());
        }
    }
    match LayerName::new(name) {
        Some(layer) if known.iter().any(|k| k == name) => Ok(layer),
        _ => Err(format!(
            "{}: no layer {name:?}: expected one of {}",
            dir.display(),
            if known.is_empty() {
                "(none yet)".to_owned()
            } else {
                known.join(", ")
            }
        )),
    }
}

/// Exports `project` (whose folder is `dir`, for messages) to `out`. Nothing is written when the
/// export cannot be built or holds nothing. Reports progress to `job`.
pub fn write_export(
    project: &Project,
    dir: &Path,
    format: ExportFormat,
    selection: &ExportSelection,
    out: &Path,
    job: Option<&JobContext>,
) -> Result<ExportWritten, String> {
    check_out(out, format)?;
    let export = formats::export(project, format, selection)
        .map_err(|e| format!("{}: cannot export: {e}", dir.display()))?;
    if export.report.layers == 0 {
        let what = match (&selection.layer, selection.finished_only) {
            (Some(layer), true) => format!(
                "layer {layer} is not finished (done, or adjudicated for gold) in any document"
            ),
            (None, true) => {
                "no layer is finished (done, or adjudicated for gold) in any document".to_owned()
            }
            (Some(layer), false) => format!("layer {layer} has no annotations in any document"),
            (None, false) => "no document has annotations yet".to_owned(),
        };
        return Err(format!("{}: nothing to export: {what}", dir.display()));
    }
    let placed = export.placed(out);
    if format.writes_folder() {
        std::fs::create_dir_all(out)
            .map_err(|e| format!("{}: cannot create the folder: {e}", out.display()))?;
    }
    for (i, (path, bytes)) in placed.iter().enumerate() {
        if let Some(job) = job {
            job.report(
                Some(i as f32 / placed.len().max(1) as f32),
                format!("Writing {}", path.display()),
            );
        }
        if format.writes_folder()
            && let Some(folder) = path.parent()
        {
            // brat puts each layer in a sub-folder when every layer is exported.
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        }
        storage::write_atomic(path, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    let files: Vec<PathBuf> = placed.iter().map(|(p, _)| p.clone()).collect();
    Ok(ExportWritten {
        lines: summary(&export, &files, out),
        files,
    })
}

/// What was written, where, and every annotation the format could not hold.
fn summary(export: &formats::Export, files: &[PathBuf], out: &Path) -> Vec<String> {
    let mut lines = vec![if files.len() <= FILES_NAMED {
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        format!(
            "wrote {} ({}): {}",
            export.format.name(),
            files.len(),
            names.join(", ")
        )
    } else {
        format!(
            "wrote {} files of {} into {}",
            files.len(),
            export.format.name(),
            out.display()
        )
    }];
    let report = &export.report;
    let report_lines = report.lines();
    // `lines` ends with one line per span issue; the totals come before them.
    let totals = report_lines.len().saturating_sub(report.issues.len());
    lines.extend(report_lines.into_iter().take(totals));
    if !report.issues.is_empty() {
        let dropped = report.dropped().count();
        let caveats = report.issues.len() - dropped;
        let mut parts = Vec::new();
        if dropped > 0 {
            parts.push(format!("{dropped} span{} not written", plural(dropped)));
        }
        if caveats > 0 {
            parts.push(format!(
                "{caveats} span{} written with a caveat",
                plural(caveats)
            ));
        }
        lines.push(format!(
            "{}, as the format cannot hold them:",
            parts.join(" and ")
        ));
        lines.extend(report.issues.iter().map(|issue| format!("  {issue}")));
    }
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
