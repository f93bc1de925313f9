//! `gloss import`: plain-text files, and folders of them, into a project as documents; or, with
//! `--format`, annotated files of another tool (see [`super::import_formats`]).
//!
//! All or nothing: every file is read and decoded before the project is touched, so one bad file
//! (missing, unreadable, not UTF-8) leaves the project exactly as it was.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::args::ImportArgs;
use super::plural;
use crate::formats;
use crate::model::{Document, LayerName};
use crate::storage::{self, lock::ProjectLock};

/// Imports of at least this many files show a progress bar (on a terminal only).
const PROGRESS_MIN_FILES: usize = 20;

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if !storage::is_project(&args.dir) {
        anyhow::bail!(
            "{}: not a Gloss project (expected a folder with a project.ron); make one with `gloss new`",
            args.dir.display()
        );
    }
    let annotator = match &args.annotator {
        None => None,
        Some(name) => Some(LayerName::new(name.as_str()).with_context(|| {
            format!(
                "--annotator {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'"
            )
        })?),
    };
    let Some(format) = formats::ImportFormat::parse(&args.format, args.split_lines) else {
        anyhow::bail!(
            "unknown import format {:?}: expected one of {}",
            args.format,
            formats::ImportFormat::NAMES.join(", ")
        );
    };
    if !matches!(format, formats::ImportFormat::Txt { .. }) {
        return super::import_formats::run(args, format, annotator.as_ref());
    }
    if args.layer.is_some() {
        anyhow::bail!(
            "--layer: plain text holds no annotations; expected --format with an annotated format \
             ({})",
            formats::ImportFormat::NAMES[1..].join(", ")
        );
    }
    let files = text_files(&args.paths)?;

    let progress = progress_bar(files.len());
    let mut documents: Vec<Document> = Vec::new();
    for file in &files {
        progress.set_message(file.display().to_string());
        let raw = read_utf8(file)?;
        let file_name = file
            .file_name()
            .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
        let found = formats::txt::documents_from_text(&file_name, &raw, args.split_lines);
        if found.is_empty() {
            progress.suspend(|| eprintln!("warning: {}: no text, skipped", file.display()));
        }
        documents.extend(found);
        progress.inc(1);
    }
    if documents.is_empty() {
        progress.finish_and_clear();
        anyhow::bail!(
            "nothing to import: the {} file{} given hold no text",
            files.len(),
            plural(files.len())
        );
    }

    // Lock before loading, so that no other writer saves between our load and our save.
    let (_lock, warning) = ProjectLock::acquire(&args.dir)?;
    if let Some(warning) = warning {
        progress.suspend(|| eprintln!("warning: {warning}"));
    }
    let mut project = storage::load(&args.dir)?;
    let imported = documents.len();
    for document in documents {
        project.add_document(document);
    }
    if let Some(annotator) = &annotator {
        project.add_annotator(annotator.as_str());
    }
    progress.set_message("saving");
    storage::save(&args.dir, &mut project)?;
    progress.finish_and_clear();

    println!(
        "imported {imported} document{} from {} file{} into {} (now {} document{})",
        plural(imported),
        files.len(),
        plural(files.len()),
        args.dir.display(),
        project.documents().len(),
        plural(project.documents().len())
    );
    Ok(ExitCode::SUCCESS)
}

/// The files to import, in command-line order; each folder contributes its `*.txt` files (searched
/// recursively, sorted by path). A file named explicitly is imported whatever its extension.
fn text_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).with_context(|| {
            format!(
                "{}: cannot read (expected a text file or a folder)",
                path.display()
            )
        })?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            collect_txt(path, &mut found)?;
            if found.is_empty() {
                anyhow::bail!("{}: no .txt files in this folder", path.display());
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Every `*.txt` file under `dir`. Symbolic links to folders are not followed (no cycles).
fn collect_txt(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    collect(dir, &is_txt, found)
}

/// Every file under `dir` that `wanted` accepts. Symbolic links to folders are not followed.
pub(super) fn collect(
    dir: &Path,
    wanted: &dyn Fn(&Path) -> bool,
    found: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list this folder", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot list this folder", dir.display()))?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .with_context(|| format!("{}: cannot read", path.display()))?;
        if file_type.is_dir() {
            collect(&path, wanted, found)?;
        } else if path.is_file() && wanted(&path) {
            found.push(path);
        }
    }
    Ok(())
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// A file's text; an error names the file and the byte offset of the first byte that is not UTF-8.
fn read_utf8(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{}: not valid UTF-8 at byte {}: expected UTF-8 text (convert it first, e.g. with \
             `iconv -f WINDOWS-1252 -t UTF-8`); nothing was imported",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })
}

/// A bar over the files read, on stderr; hidden for short imports and when stderr is not a terminal.
pub(super) fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("importing [{bar:30}] {pos}/{len} files  {wide_msg}")
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(files as u64).with_style(style)
}
