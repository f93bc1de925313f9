//! Exporting, written once for the window and the command line: a project's annotations to files
//! other tools read (jsonl, spacy, conll, brat, hf, csv).
//!
//! The export is built in memory by [`formats::export`], then each file is written atomically
//! through storage, so a failed export never leaves a half-written file in place of a previous one.
//! `out` names the file (side files such as hf's `labels.json` go beside it) or, for brat and csv,
//! the folder.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

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
    let mut known = Vec::new();
    add_known(&mut known, &project.annotators, &project.layer_names());
    layer_among(&known, name, &dir.display().to_string())
}

/// Adds the annotators and layer names not in `known` yet, in that order.
fn add_known(
    known: &mut Vec<String>,
    annotators: &[String],
    layers: &std::collections::BTreeSet<LayerName>,
) {
    let names = annotators.iter().cloned();
    for name in names.chain(layers.iter().map(ToString::to_string)) {
        if !known.contains(&name) {
            known.push(name);
        }
    }
}

/// `name` as a layer, when it is one of `known`; else the error naming `place` and the choices.
fn layer_among(known: &[String], name: &str, place: &str) -> Result<LayerName, String> {
    match LayerName::new(name) {
        Some(layer) if known.iter().any(|k| k == name) => Ok(layer),
        _ => Err(format!(
            "{place}: no layer {name:?}: expected one of {}",
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
    if project.unloaded_count() > 0 {
        // Their texts and layers are not in memory: the export would lack them.
        return Err(format!(
            "{}: {} documents are still being read; export once the project is read",
            dir.display(),
            project.unloaded_count()
        ));
    }
    let export = formats::export(project, format, selection)
        .map_err(|e| format!("{}: cannot export: {e}", dir.display()))?;
    if export.report.layers == 0 {
        return Err(nothing_to_export(&dir.display().to_string(), selection));
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

/// For a format whose files are, document by document, the files of each batch of documents one
/// after another: how many header lines each file starts with (written once, from the first
/// batch). `None` for formats that number or index across the whole export (CoNLL's manifest, the
/// label ids of hf, brat's folder of files), which are built from the whole project.
fn header_lines(format: ExportFormat) -> Option<&'static [usize]> {
    match format {
        ExportFormat::Jsonl | ExportFormat::Spacy => Some(&[0]),
        ExportFormat::Csv => Some(&[1, 1]),
        _ => None,
    }
}

/// Exports the projects in `dirs` as one corpus to `out` (the command line's `gloss export`).
/// `layer` is a layer name (checked against every project), `finished_only` keeps finished layers.
/// jsonl, spacy and csv are written a batch of documents at a time into files put in place when
/// complete, so memory does not grow with the corpus; the other formats need the whole project in
/// memory and take one project folder.
pub fn write_export_across(
    dirs: &[&Path],
    format: ExportFormat,
    layer: Option<&str>,
    finished_only: bool,
    out: &Path,
) -> Result<ExportWritten, String> {
    check_out(out, format)?;
    let Some(headers) = header_lines(format) else {
        let [dir] = dirs else {
            return Err(format!(
                "{} exports one project at a time; several project folders export to jsonl, \
                 spacy or csv",
                format.name()
            ));
        };
        let project = super::load_read_only(dir).map_err(|e| format!("{e:#}"))?;
        let layer = layer
            .map(|name| known_layer(&project, name, dir))
            .transpose()?;
        let selection = ExportSelection {
            layer,
            finished_only,
        };
        return write_export(&project, dir, format, &selection, out, None);
    };
    let corpora = storage::stream::open_all(dirs).map_err(|e| e.to_string())?;
    let shown = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let layer = match layer {
        None => None,
        Some(name) => {
            let mut known = Vec::new();
            for corpus in &corpora {
                add_known(&mut known, &corpus.base().annotators, corpus.layer_names());
            }
            Some(layer_among(&known, name, &shown)?)
        }
    };
    let selection = ExportSelection {
        layer,
        finished_only,
    };
    // A folder the export makes goes again when the export fails (nothing on disk changes).
    let made_folder = format.writes_folder() && !out.exists();
    if format.writes_folder() {
        std::fs::create_dir_all(out)
            .map_err(|e| format!("{}: cannot create the folder: {e}", out.display()))?;
    }
    let written = stream_export(&corpora, dirs, format, &selection, headers, out, &shown);
    if written.is_err() && made_folder {
        // Only an empty folder is removed: the temp files went with their writers.
        let _ = std::fs::remove_dir(out);
    }
    written
}

/// The streamed part of [`write_export_across`]: each batch's files appended to the files of the
/// export, put in place once every batch is written.
///
/// Three things overlap: the next batch is read (the corpus's loader), this batch is exported on
/// every core, and the batch before it is written by a thread of its own. Copying a large export
/// into the system's file cache is about a third of its time, so writing on the thread that also
/// exports would leave the other core idle for that third.
fn stream_export(
    corpora: &[storage::stream::Corpus],
    dirs: &[&Path],
    format: ExportFormat,
    selection: &ExportSelection,
    headers: &[usize],
    out: &Path,
    shown: &str,
) -> Result<ExportWritten, String> {
    type Parts = Vec<formats::Export>;
    let (written, exported) = std::thread::scope(|scope| {
        // One batch's parts wait while another is written: memory stays bounded.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Parts>(1);
        let writer = std::thread::Builder::new()
            .name("gloss-export-write".to_owned())
            .spawn_scoped(scope, move || -> anyhow::Result<_> {
                let mut writers: Vec<storage::AtomicWriter> = Vec::new();
                let mut report = formats::ExportReport::default();
                for parts in receiver {
                    for part in parts {
                        write_part(&mut writers, part, headers, out, &mut report)?;
                    }
                }
                Ok((writers, report))
            });
        let Ok(writer) = writer else {
            return (
                Err(anyhow::anyhow!("cannot start a thread to write the export")),
                Ok(()),
            );
        };
        let exported = (|| -> Result<(), String> {
            for (corpus, dir) in corpora.iter().zip(dirs) {
                let streamed = corpus.for_each_batch(None, |batch| -> anyhow::Result<()> {
                    // The batch's documents in runs, exported on every core and written in
                    // order: each run's files continue the files as the next batch's would.
                    let count = batch.documents().len();
                    let runs: Vec<Project> = (0..count)
                        .step_by(EXPORT_RUN)
                        .map(|start| batch.part(start..(start + EXPORT_RUN).min(count)))
                        .collect();
                    drop(batch);
                    // Each run is dropped on the core that exported it: freeing a batch's
                    // annotations on this thread left the other core idle meanwhile.
                    let parts: Vec<_> = runs
                        .into_par_iter()
                        .map(|run| formats::export(&run, format, selection))
                        .collect();
                    let parts = parts
                        .into_iter()
                        .collect::<Result<Parts, _>>()
                        .map_err(|e| anyhow::anyhow!("{}: cannot export: {e}", dir.display()))?;
                    // The writer stopped on an error, which its result names.
                    sender
                        .send(parts)
                        .map_err(|_| anyhow::anyhow!("the export's writing stopped"))?;
                    Ok(())
                });
                streamed.map_err(|e| format!("{e:#}"))?;
            }
            Ok(())
        })();
        drop(sender);
        let written = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (written, exported)
    });
    // A writing error is the cause when both failed (the exporting side only saw the writer stop).
    let (writers, report) = written.map_err(|e| format!("{e:#}"))?;
    exported?;
    finish_export(writers, report, shown, selection, format, out)
}

/// Documents exported as one run on one thread: a batch is split into runs for every core.
const EXPORT_RUN: usize = 32;

/// Appends one run's (or batch's) files to the export's, leaving out the header lines of all but
/// the first.
fn write_part(
    writers: &mut Vec<storage::AtomicWriter>,
    part: formats::Export,
    headers: &[usize],
    out: &Path,
    report: &mut formats::ExportReport,
) -> anyhow::Result<()> {
    for (i, (path, bytes)) in part.placed(out).into_iter().enumerate() {
        let mut bytes = bytes;
        if let Some(writer) = writers.get(i) {
            debug_assert_eq!(writer.path(), path);
            for _ in 0..headers.get(i).copied().unwrap_or(0) {
                let end = bytes
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| n + 1);
                bytes = &bytes[end..];
            }
        } else {
            writers.push(
                storage::AtomicWriter::create(&path)
                    .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?,
            );
        }
        if let Some(writer) = writers.get_mut(i) {
            std::io::Write::write_all(writer, bytes)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        }
    }
    add_report(report, part.report);
    Ok(())
}

/// Puts the export's files in place once every batch is written, or says why there is nothing.
fn finish_export(
    writers: Vec<storage::AtomicWriter>,
    report: formats::ExportReport,
    shown: &str,
    selection: &ExportSelection,
    format: ExportFormat,
    out: &Path,
) -> Result<ExportWritten, String> {
    if report.layers == 0 {
        // The temp files go when the writers are dropped: nothing is put in place.
        return Err(nothing_to_export(shown, selection));
    }
    let files: Vec<PathBuf> = writers.iter().map(|w| w.path().to_owned()).collect();
    for writer in writers {
        let path = writer.path().to_owned();
        writer
            .finish()
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    let export = formats::Export {
        format,
        files: Vec::new(),
        report,
    };
    Ok(ExportWritten {
        lines: summary(&export, &files, out),
        files,
    })
}

/// Adds the report of one batch's export to the whole export's.
fn add_report(total: &mut formats::ExportReport, part: formats::ExportReport) {
    total.documents += part.documents;
    total.layers += part.layers;
    total.annotations += part.annotations;
    for (kind, n) in part.kinds_not_held {
        *total.kinds_not_held.entry(kind).or_default() += n;
    }
    for (what, n) in part.parts_not_held {
        *total.parts_not_held.entry(what).or_default() += n;
    }
    total.labels_encoded.extend(part.labels_encoded);
    for (what, n) in part.rewritten {
        *total.rewritten.entry(what).or_default() += n;
    }
    total.issues.extend(part.issues);
}

/// Why an export holds nothing, for `dir` (one folder or several).
fn nothing_to_export(dir: &str, selection: &ExportSelection) -> String {
    let what = match (&selection.layer, selection.finished_only) {
        (Some(layer), true) => {
            format!("layer {layer} is not finished (done, or adjudicated for gold) in any document")
        }
        (None, true) => {
            "no layer is finished (done, or adjudicated for gold) in any document".to_owned()
        }
        (Some(layer), false) => format!("layer {layer} has no annotations in any document"),
        (None, false) => "no document has annotations yet".to_owned(),
    };
    format!("{dir}: nothing to export: {what}")
}
