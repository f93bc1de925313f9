//! The user's own files, as opposed to the project's: what an import reads. Every input file is read
//! through [`read_input`], so that one function decides what may be read (regular files only, up
//! to a size) for the window and the command line alike.

use std::path::{Path, PathBuf};

use crate::formats::ImportFormat;

/// Input files larger than this are refused rather than read into memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// The bytes of one file to import; the error names the file and says what was expected.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    // One place to read user files: at merge, `crate::storage::read_user_file` (regular files only,
    // size-limited) takes over here.
    let metadata = std::fs::metadata(path)
        .map_err(|e| format!("{}: cannot read: {e}; nothing was imported", path.display()))?;
    if !metadata.is_file() {
        return Err(format!(
            "{}: not a regular file (expected a file of text); nothing was imported",
            path.display()
        ));
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{}: {} MB is more than the {} MB a file to import may hold; nothing was imported",
            path.display(),
            metadata.len() / (1024 * 1024),
            MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path)
        .map_err(|e| format!("{}: cannot read: {e}; nothing was imported", path.display()))
}

/// The extensions a folder is searched for, per format.
pub fn extensions(format: ImportFormat) -> &'static [&'static str] {
    match format {
        ImportFormat::Txt { .. } => &["txt"],
        ImportFormat::Jsonl | ImportFormat::Spacy | ImportFormat::Doccano | ImportFormat::Hf => {
            &["jsonl"]
        }
        ImportFormat::Brat => &["txt", "ann"],
        ImportFormat::Conll => &["conll", "iob", "bio", "bilou"],
        ImportFormat::WebannoTsv3 => &["tsv"],
        ImportFormat::LabelStudio => &["json"],
    }
}

/// The files to read, in the order given; a folder contributes the format's files under it
/// (searched recursively, sorted by path; symbolic links to folders are not followed). A file named
/// explicitly is read whatever its extension. For hf, the `labels.json` beside a data file comes
/// along, since numeric tags need it. Each file appears once.
pub fn input_files(paths: &[PathBuf], format: ImportFormat) -> Result<Vec<PathBuf>, String> {
    let extensions = extensions(format);
    let hf = format == ImportFormat::Hf;
    let wanted = |path: &Path| {
        path.extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
            || (hf && is_labels(path))
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|_| {
            format!(
                "{}: cannot read (expected a {} file or a folder of them)",
                path.display(),
                what(format)
            )
        })?;
        if !metadata.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(path).follow_links(false) {
            let entry = entry.map_err(|e| {
                let at = e.path().unwrap_or(path);
                format!("{}: cannot list this folder: {e}", at.display())
            })?;
            if entry.file_type().is_file() && wanted(entry.path()) {
                found.push(entry.into_path());
            }
        }
        if found.is_empty() {
            return Err(format!(
                "{}: no {} files in this folder (expected *.{})",
                path.display(),
                what(format),
                extensions.join(", *.")
            ));
        }
        found.sort();
        files.extend(found);
    }
    if hf {
        let beside: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| Some(f.parent()?.join("labels.json")))
            .filter(|labels| labels.is_file())
            .collect();
        files.extend(beside);
    }
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

/// How messages call the format's files.
fn what(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Txt { .. } => "text",
        other => other.name(),
    }
}

fn is_labels(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == "labels.json")
}
