//! The user's own files, as opposed to the project's: what an import reads. Every input file is read
//! through [`read_input`], so that one function decides what may be read (regular files only, up
//! to a size) for the window and the command line alike.

use std::path::{Path, PathBuf};

use crate::formats::ImportFormat;
use crate::model::Document;
use crate::storage;

/// Input files larger than this are refused rather than read into memory. One file may hold many
/// documents (a JSONL corpus), so this is larger than the limit on one document, which
/// [`check_document_sizes`] applies to what the file held.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// The bytes of one file to import; the error names the file and says what was expected.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    let limit = MAX_INPUT_BYTES.max(storage::max_document_bytes());
    storage::read_user_file(path, limit).map_err(|err| format!("{err}; nothing was imported"))
}

/// Refuses documents whose text is larger than a project may hold
/// ([`storage::max_document_bytes`]): imported, they would make the project impossible to open.
pub fn check_document_sizes<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
) -> Result<(), String> {
    let limit = storage::max_document_bytes();
    for document in documents {
        let bytes = document.text.as_str().len() as u64;
        if bytes > limit {
            return Err(format!(
                "document {}: its text is {} bytes, more than the {limit} a document may hold (set \
                 {} to a number of bytes to change the limit); nothing was imported",
                document.id,
                bytes,
                storage::MAX_DOCUMENT_BYTES_VAR
            ));
        }
    }
    Ok(())
}

/// The extensions a folder is searched for, per format.
pub fn extensions(format: ImportFormat) -> &'static [&'static str] {
    match format {
        ImportFormat::Txt { .. } => &["txt", "html", "htm", "xhtml", "mhtml", "mht"],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_given_as_a_file_is_refused_by_name() {
        let temp = tempfile::tempdir().unwrap();
        let message = read_input(temp.path()).unwrap_err();
        assert!(message.contains("expected a regular file"), "{message}");
        assert!(
            message.contains(&temp.path().display().to_string()),
            "{message}"
        );
    }

    #[test]
    fn folders_are_searched_in_sorted_order_for_the_formats_files_only() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path();
        std::fs::create_dir_all(root.join("b")).unwrap();
        for name in ["b/2.txt", "a.txt", "c.md", "b/1.TXT"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let found = input_files(
            &[root.to_path_buf()],
            ImportFormat::Txt { split_lines: false },
        )
        .unwrap();
        let names: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b/1.TXT", "b/2.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_folder_outside_is_not_followed() {
        let temp = tempfile::tempdir().unwrap();
        let outside = temp.path().join("outside");
        let inside = temp.path().join("inside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::write(outside.join("secret.txt"), "x").unwrap();
        std::fs::write(inside.join("article.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, inside.join("link")).unwrap();
        let found = input_files(
            std::slice::from_ref(&inside),
            ImportFormat::Txt { split_lines: false },
        )
        .unwrap();
        assert_eq!(found, [inside.join("article.txt")]);
    }

    #[test]
    fn an_empty_folder_says_which_files_it_looked_for() {
        let temp = tempfile::tempdir().unwrap();
        let message = input_files(&[temp.path().to_path_buf()], ImportFormat::Conll).unwrap_err();
        assert!(
            message.contains("no conll files in this folder"),
            "{message}"
        );
        assert!(message.contains("*.conll, *.iob"), "{message}");
    }
}

/// One entry of a folder, as the window's own file picker lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_dir: bool,
    /// A folder holding a Gloss project (a `project.ron`).
    pub is_project: bool,
}

/// The entries of `dir` for the window's file picker: folders first, then files, each by name
/// (case-insensitive); hidden entries (a leading `.`) left out. Links are followed to tell a folder
/// from a file; an entry that cannot be read is left out. The error names the folder.
pub fn list_folder(dir: &Path) -> Result<Vec<FolderEntry>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: could not list the folder: {e}", dir.display()))?;
    let mut listed: Vec<FolderEntry> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = entry.path();
            let is_dir = path.is_dir();
            Some(FolderEntry {
                is_project: is_dir && storage::is_project(&path),
                is_dir,
                name,
            })
        })
        .collect();
    listed.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(listed)
}

/// The analyst's home folder, where the window's file picker starts when nothing better is known.
pub fn home_folder() -> PathBuf {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|home| !home.is_empty())
        .map_or_else(|| PathBuf::from("/"), PathBuf::from)
}

#[cfg(test)]
mod folder_tests {
    use super::*;

    #[test]
    fn a_listing_puts_folders_first_marks_projects_and_hides_dot_files() {
        let temp = tempfile::tempdir().unwrap();
        std::fs::write(temp.path().join("b.txt"), "b").unwrap();
        std::fs::write(temp.path().join("A.txt"), "a").unwrap();
        std::fs::write(temp.path().join(".hidden"), "h").unwrap();
        std::fs::create_dir(temp.path().join("zeta")).unwrap();
        std::fs::create_dir(temp.path().join("proj")).unwrap();
        std::fs::write(temp.path().join("proj").join("project.ron"), "()").unwrap();
        let listed = list_folder(temp.path()).unwrap();
        let names: Vec<(&str, bool, bool)> = listed
            .iter()
            .map(|e| (e.name.as_str(), e.is_dir, e.is_project))
            .collect();
        assert_eq!(
            names,
            [
                ("proj", true, true),
                ("zeta", true, false),
                ("A.txt", false, false),
                ("b.txt", false, false)
            ]
        );
    }

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let error = list_folder(Path::new("/no/such/folder")).unwrap_err();
        assert!(
            error.starts_with("/no/such/folder: could not list the folder"),
            "{error}"
        );
    }
}
