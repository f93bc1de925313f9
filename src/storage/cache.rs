//! The project's cache folder, `.gloss-cache/`: derived data (the search index) that can be rebuilt
//! from the project at any time, so it is never tracked: the folder holds its own `.gitignore`
//! (`*`), which keeps git away from it in every project, old ones included. Nothing in it is
//! trusted: a missing, unreadable or outdated file is rebuilt.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::files::read_project_file;

/// The cache folder's name in the project folder.
pub const CACHE_DIR: &str = ".gloss-cache";

/// What the cache folder's own `.gitignore` says: ignore everything here, this file included.
const CACHE_GITIGNORE: &str = "# Derived data Gloss rebuilds when missing: never commit it.\n*\n";

/// Where cache file `name` lives.
pub fn cache_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(CACHE_DIR).join(name)
}

/// The bytes of cache file `name`, or `None` when it is missing or cannot be read (a cache is
/// rebuilt rather than repaired). At most `limit` bytes.
pub fn read_cache(dir: &Path, name: &str, limit: u64) -> Option<Vec<u8>> {
    read_project_file(&cache_path(dir, name), limit).ok()
}

/// Writes cache file `name` atomically, making the cache folder (with its `.gitignore`) first.
pub fn write_cache(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let folder = dir.join(CACHE_DIR);
    match std::fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(io::Error::other(format!(
                "{} is not a folder",
                folder.display()
            )));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir(&folder)?,
        Err(e) => return Err(e),
    }
    let ignore = folder.join(".gitignore");
    if !ignore.exists() {
        write_atomic(&ignore, CACHE_GITIGNORE.as_bytes())?;
    }
    write_atomic(&folder.join(name), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_folder_ignores_itself() {
        let dir = tempfile::TempDir::new().unwrap();
        write_cache(dir.path(), "x.json", b"{}").unwrap();
        assert_eq!(read_cache(dir.path(), "x.json", 100).unwrap(), b"{}");
        let ignore =
            std::fs::read_to_string(dir.path().join(CACHE_DIR).join(".gitignore")).unwrap();
        assert!(ignore.lines().any(|l| l == "*"));
        assert!(read_cache(dir.path(), "missing.json", 100).is_none());
    }
}
