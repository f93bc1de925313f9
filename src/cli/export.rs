//! `gloss export`: annotations to files other tools read (jsonl, spacy, conll, brat, hf, csv).
//!
//! The export is built in memory by [`formats::export`], then each file is written atomically, so a
//! failed export never leaves a half-written file in place of a previous one. `--out` names the file
//! (side files such as hf's `labels.json` go beside it) or, for brat and csv, the folder.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::args::ExportArgs;
use super::plural;
use crate::formats::{self, ExportFormat, ExportSelection, TagScheme};
use crate::model::LayerName;
use crate::storage;

/// Exports of at least this many files show a progress bar (on a terminal only).
const PROGRESS_MIN_FILES: usize = 20;

/// The summary names each file written up to this many; beyond, it names the folder.
const FILES_NAMED: usize = 4;

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let scheme = match args.scheme.as_deref() {
        None => TagScheme::default(),
        Some(name) => TagScheme::parse(name)
            .with_context(|| format!("--scheme {name:?}: expected iob2 or bilou"))?,
    };
    let format = ExportFormat::parse(&args.format, scheme).with_context(|| {
        format!(
            "unknown export format {:?}: expected one of {}",
            args.format,
            ExportFormat::NAMES.join(", ")
        )
    })?;
    if args.scheme.is_some() && !matches!(format, ExportFormat::Conll { .. }) {
        anyhow::bail!(
            "--scheme applies to --format conll only (hf always writes IOB2 tags), not to {}",
            format.name()
        );
    }
    check_out(&args.out, format)?;
    let project = storage::load(&args.dir)?;
    let layer = if args.gold {
        Some(known_layer(&project, crate::model::GOLD, &args.dir)?)
    } else {
        match &args.layer {
            None => None,
            Some(name) => Some(known_layer(&project, name, &args.dir)?),
        }
    };
    let selection = ExportSelection {
        layer,
        finished_only: args.status.is_some(),
    };

    let export = formats::export(&project, format, &selection)
        .with_context(|| format!("{}: cannot export", args.dir.display()))?;
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
        anyhow::bail!("{}: nothing to export: {what}", args.dir.display());
    }

    let placed = export.placed(&args.out);
    if format.writes_folder() {
        std::fs::create_dir_all(&args.out)
            .with_context(|| format!("{}: cannot create the folder", args.out.display()))?;
    }
    let progress = progress_bar(placed.len());
    for (path, bytes) in &placed {
        progress.set_message(path.display().to_string());
        if format.writes_folder()
            && let Some(folder) = path.parent()
        {
            // brat puts each layer in a sub-folder when every layer is exported.
            std::fs::create_dir_all(folder)
                .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
        }
        storage::write_atomic(path, bytes)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        progress.inc(1);
    }
    progress.finish_and_clear();

    print!("{}", summary(&export, &placed, &args.out));
    Ok(ExitCode::SUCCESS)
}

/// Refuses an `--out` the format cannot write to before any work is done: a folder where a file
/// goes, a file where a folder goes, or a parent folder that does not exist.
fn check_out(out: &Path, format: ExportFormat) -> anyhow::Result<()> {
    if let Some(folder) = out.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        anyhow::bail!(
            "{}: no such folder to write --out {} into",
            folder.display(),
            out.display()
        );
    }
    if format.writes_folder() && out.exists() && !out.is_dir() {
        anyhow::bail!(
            "--out {}: is a file; {} writes a folder of files (expected a folder, new or existing)",
            out.display(),
            format.name()
        );
    }
    if !format.writes_folder() && out.is_dir() {
        anyhow::bail!(
            "--out {}: is a folder; {} writes one file (expected a file name)",
            out.display(),
            format.name()
        );
    }
    Ok(())
}

/// What was written, where, and every annotation the format could not hold.
fn summary(export: &formats::Export, placed: &[(std::path::PathBuf, &[u8])], out: &Path) -> String {
    let mut text = if placed.len() <= FILES_NAMED {
        let names: Vec<String> = placed
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        format!(
            "wrote {} ({}): {}\n",
            export.format.name(),
            placed.len(),
            names.join(", ")
        )
    } else {
        format!(
            "wrote {} files of {} into {}\n",
            placed.len(),
            export.format.name(),
            out.display()
        )
    };
    let report = &export.report;
    let lines = report.lines();
    // `lines` ends with one line per span issue; the totals come before them.
    let totals = lines.len().saturating_sub(report.issues.len());
    for line in &lines[..totals] {
        text.push_str(line);
        text.push('\n');
    }
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
        text.push_str(&format!(
            "{}, as the format cannot hold them:\n",
            parts.join(" and ")
        ));
        for issue in &report.issues {
            text.push_str(&format!("  {issue}\n"));
        }
    }
    text
}

/// The layer named on the command line, which must be an annotator or a layer of the project.
fn known_layer(
    project: &crate::model::Project,
    name: &str,
    dir: &std::path::Path,
) -> anyhow::Result<LayerName> {
    let mut known: Vec<String> = project.annotators.clone();
    for layer in project.layer_names() {
        if !known.iter().any(|k| k == layer.as_str()) {
            known.push(layer.to_string());
        }
    }
    match LayerName::new(name) {
        Some(layer) if known.iter().any(|k| k == name) => Ok(layer),
        _ => anyhow::bail!(
            "{}: no layer {name:?}: expected one of {}",
            dir.display(),
            if known.is_empty() {
                "(none yet)".to_owned()
            } else {
                known.join(", ")
            }
        ),
    }
}

/// A bar over the files written, on stderr; hidden for small exports and when stderr is not a
/// terminal.
fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("exporting [{bar:30}] {pos}/{len} files  {wide_msg}")
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(files as u64).with_style(style)
}
