//! The sample project (`projects/kosovo-talks`), built into the binary so that "Open the sample" on
//! the welcome screen works wherever Gloss is installed: [`write_sample`] writes a copy into a folder
//! of the analyst's, which then opens like any project.

use std::path::{Path, PathBuf};

use super::WorkbenchError;
use crate::storage;

/// The sample's folder name.
pub const SAMPLE_NAME: &str = "kosovo-talks";

/// Every file of the sample project, by path relative to its folder (`/`-separated).
const SAMPLE_FILES: &[(&str, &str)] = &[
    (
        "entities.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/entities.ron"
        )),
    ),
    (
        ".gitattributes",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/.gitattributes"
        )),
    ),
    (
        ".gitignore",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/.gitignore"
        )),
    ),
    (
        "SOURCES.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/SOURCES.md"
        )),
    ),
    (
        "annotations/asylum-seekers-rescued-off-indonesia/amira.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/asylum-seekers-rescued-off-indonesia/amira.ron"
        )),
    ),
    (
        "annotations/asylum-seekers-rescued-off-indonesia/bruno.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/asylum-seekers-rescued-off-indonesia/bruno.ron"
        )),
    ),
    (
        "annotations/asylum-seekers-rescued-off-indonesia/gold.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/asylum-seekers-rescued-off-indonesia/gold.ron"
        )),
    ),
    (
        "annotations/greek-court-ancient-deities/amira.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/greek-court-ancient-deities/amira.ron"
        )),
    ),
    (
        "annotations/kosovo-serbia-brussels-talks/amira.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/kosovo-serbia-brussels-talks/amira.ron"
        )),
    ),
    (
        "annotations/kosovo-serbia-brussels-talks/bruno.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/kosovo-serbia-brussels-talks/bruno.ron"
        )),
    ),
    (
        "annotations/kosovo-serbia-brussels-talks/gold.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/kosovo-serbia-brussels-talks/gold.ron"
        )),
    ),
    (
        "annotations/north-korea-quasi-state-of-war/amira.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/north-korea-quasi-state-of-war/amira.ron"
        )),
    ),
    (
        "annotations/north-korea-quasi-state-of-war/bruno.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/north-korea-quasi-state-of-war/bruno.ron"
        )),
    ),
    (
        "annotations/north-korea-quasi-state-of-war/gold.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/annotations/north-korea-quasi-state-of-war/gold.ron"
        )),
    ),
    (
        "documents/asylum-seekers-rescued-off-indonesia.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/asylum-seekers-rescued-off-indonesia.txt"
        )),
    ),
    (
        "documents/greek-court-ancient-deities.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/greek-court-ancient-deities.txt"
        )),
    ),
    (
        "documents/kosovo-serbia-brussels-talks.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/kosovo-serbia-brussels-talks.txt"
        )),
    ),
    (
        "documents/new-zealand-flag-process.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/new-zealand-flag-process.txt"
        )),
    ),
    (
        "documents/north-korea-quasi-state-of-war.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/north-korea-quasi-state-of-war.txt"
        )),
    ),
    (
        "documents/uk-asylum-questionnaire.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/documents/uk-asylum-questionnaire.txt"
        )),
    ),
    (
        "project.ron",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/kosovo-talks/project.ron"
        )),
    ),
];

/// Where "Open the sample" puts its copy: `kosovo-talks` in the Gloss folder of the user's home
/// (`$HOME/Gloss`), or in the current folder when there is no home.
pub fn sample_home() -> PathBuf {
    std::env::var_os("HOME")
        .filter(|home| !home.is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from)
        .join("Gloss")
}

/// Writes a copy of the sample project into `dir` (created if missing) and returns it, or returns
/// `dir` as it is when it already holds a Gloss project (the copy made last time, with the
/// analyst's work in it). A folder holding anything else is refused and left alone.
pub fn write_sample(dir: &Path) -> Result<PathBuf, WorkbenchError> {
    if storage::is_project(dir) {
        return Ok(dir.to_path_buf());
    }
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(WorkbenchError::Storage(format!(
            "{}: the sample goes into this folder, but it holds other files; move them or open \
             the sample from another folder",
            dir.display()
        )));
    }
    for (relative, contents) in SAMPLE_FILES {
        let path = relative
            .split('/')
            .fold(dir.to_path_buf(), |path, part| path.join(part));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                WorkbenchError::Storage(format!(
                    "{}: could not create the folder: {e}",
                    folder.display()
                ))
            })?;
        }
        storage::write_atomic(&path, contents.as_bytes()).map_err(|e| {
            WorkbenchError::Storage(format!(
                "{}: could not write the sample: {e}",
                path.display()
            ))
        })?;
    }
    Ok(dir.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded list is the sample folder's files, so that the copy is the sample.
    #[test]
    fn the_built_in_sample_holds_every_file_of_the_sample_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("projects")
            .join(SAMPLE_NAME);
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter(|e| e.file_name() != storage::lock::LOCK_FILE)
            .filter_map(|e| {
                let relative = e.path().strip_prefix(&root).ok()?;
                Some(relative.to_string_lossy().replace('\\', "/"))
            })
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = SAMPLE_FILES.iter().map(|(p, _)| (*p).to_owned()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }

    #[test]
    fn a_written_sample_loads_and_a_second_call_keeps_it() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join(SAMPLE_NAME);
        write_sample(&dir).unwrap();
        let project = storage::load(&dir).unwrap();
        assert_eq!(project.name, "Kosovo talks");
        assert_eq!(write_sample(&dir).unwrap(), dir);
    }

    #[test]
    fn a_folder_with_other_files_is_refused_and_left_alone() {
        let temp = tempfile::tempdir().unwrap();
        std::fs::write(temp.path().join("notes.txt"), "mine").unwrap();
        let error = write_sample(temp.path()).unwrap_err().to_string();
        assert!(error.contains("holds other files"), "{error}");
        assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 1);
    }
}
