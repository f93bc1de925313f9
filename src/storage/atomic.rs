//! Atomic file replacement: the one way Gloss writes project files.

use std::io::{self, Write};
use std::path::Path;

/// Prefix of the temp files [`write_atomic`] makes; loaders skip them (a crash can leave one behind).
pub(crate) const TEMP_PREFIX: &str = ".gloss-";

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or the new one,
/// never a mix: the bytes go to a temp file in the same folder (same file system, so the rename is
/// atomic), are flushed to disk with `sync_all`, and the temp file is renamed over `path`. On Unix the
/// folder is then fsynced too, so that the rename itself survives a power cut.
///
/// The folder must exist. On error `path` is untouched and the temp file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(path, bytes)?;
    sync_dir(folder_of(path))
}

/// [`write_atomic`] without the folder sync, for `write_all`, which syncs each folder once after
/// replacing many files in it. The caller must call [`sync_dir`] on the folder afterwards.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The folder a file is in; `.` for a bare file name.
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Makes the renames and removals in `dir` durable.
#[cfg(unix)]
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

// std cannot open a folder on Windows to sync it; NTFS journals the rename's metadata itself.
#[cfg(not(unix))]
pub(crate) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.ron");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("project.ron")]);
    }

    #[test]
    fn a_failed_rename_leaves_what_was_there_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        // Renaming a file over a non-empty folder fails after the temp file is written and synced.
        let target = dir.path().join("in-the-way");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), b"kept").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"kept");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("in-the-way")]);
    }
}
