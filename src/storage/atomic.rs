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
/// The replaced file keeps its permissions; a new file gets those the user's umask gives new files
/// (`0666 & !umask`), not the owner-only mode of a bare temp file, so that teammates sharing a folder
/// keep their access.
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
    for piece in bytes.chunks(WRITE_PIECE) {
        temp.write_all(piece)?;
    }
    if let Some(permissions) = permissions_for(path)? {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The permissions the file at `path` should have: those of the file it replaces, or a new file's
/// (`None`: as the temp file was made).
pub(crate) fn permissions_for(path: &Path) -> io::Result<Option<std::fs::Permissions>> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(Some(metadata.permissions())),
        Ok(_) => Ok(new_file_permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(new_file_permissions()),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o666 & !umask()))
}

// Only the read-only flag exists there, and temp files are made writable.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// The process's umask. Setting the umask is the only call that returns it, and it would change it for
/// every thread for a moment; Linux shows it in `/proc/self/status` instead. Elsewhere the common
/// default, 022, is assumed.
#[cfg(unix)]
pub(crate) fn umask() -> u32 {
    static UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *UMASK.get_or_init(|| {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                status.lines().find_map(|line| {
                    let value = line.strip_prefix("Umask:")?;
                    u32::from_str_radix(value.trim(), 8).ok()
                })
            })
            .unwrap_or(0o022)
            & 0o777
    })
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

/// A file written in pieces and put in place at once, for output too large to hold (an export of a
/// large corpus): the pieces go to a temp file beside `path`, which [`AtomicWriter::finish`] syncs
/// and renames over it. Dropped unfinished, the temp file is removed and `path` is untouched.
///
/// The pieces are synced to disk as they go, every [`SYNC_EVERY`] bytes, by a thread of their own
/// while writing goes on, so that the sync before the rename waits for the last stretch only:
/// syncing a whole 1 GB export at the end was a quarter of its time, with nothing else left to
/// overlap it (and syncing on the writing thread held up the export behind it).
pub struct AtomicWriter {
    path: std::path::PathBuf,
    temp: io::BufWriter<tempfile::NamedTempFile>,
    /// Bytes written since the last sync began.
    unsynced: usize,
    /// The sync under way, if any.
    syncing: Option<std::thread::JoinHandle<io::Result<()>>>,
}

/// How many bytes an [`AtomicWriter`] writes between syncs.
const SYNC_EVERY: usize = 64 << 20;

/// The most bytes handed to the system in one write. Linux (6.18 here) caches a write in blocks of
/// memory as large as the write, and where fresh large blocks are costly (in a virtual machine
/// whose host takes freed memory back) a 10,000-article export handing over 3 MB at a time spent
/// 2.5–4.6 s of system time copying into the page cache in two runs of three, against about 0.6 s
/// in writes of 1 MB. Writes of 64 KB were no better in the export (0.67–0.85 s, run in turns with
/// 1 MB's 0.60–0.65 s), though a plain script writing 1 GB found them steadier
/// (`scripts/page_cache_writes.py`; docs/scale.md, stop 29).
const WRITE_PIECE: usize = 1 << 20;

impl AtomicWriter {
    pub fn create(path: &Path) -> io::Result<Self> {
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(folder_of(path))?;
        Ok(Self {
            path: path.to_owned(),
            temp: io::BufWriter::with_capacity(WRITE_PIECE, temp),
            unsynced: 0,
            syncing: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Syncs the file and puts it in place of `path`.
    pub fn finish(mut self) -> io::Result<()> {
        self.sync_done()?;
        let temp = self.temp.into_inner().map_err(|e| e.into_error())?;
        if let Some(permissions) = permissions_for(&self.path)? {
            temp.as_file().set_permissions(permissions)?;
        }
        temp.as_file().sync_all()?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        sync_dir(folder_of(&self.path))
    }
}

impl AtomicWriter {
    /// Waits for the sync under way, if any, and returns its error.
    fn sync_done(&mut self) -> io::Result<()> {
        match self.syncing.take() {
            Some(sync) => sync
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => Ok(()),
        }
    }

    /// Starts syncing what was written so far on a thread of its own, once the last sync is done
    /// (its error, if any, is returned now). Where no thread can be started, syncs here.
    fn start_sync(&mut self) -> io::Result<()> {
        if self
            .syncing
            .as_ref()
            .is_some_and(|sync| !sync.is_finished())
        {
            return Ok(());
        }
        self.sync_done()?;
        self.temp.flush()?;
        self.unsynced = 0;
        let file = self.temp.get_ref().as_file().try_clone()?;
        let spawned = std::thread::Builder::new()
            .name("gloss-sync".to_owned())
            .spawn(move || file.sync_data());
        match spawned {
            Ok(sync) => self.syncing = Some(sync),
            Err(_) => self.temp.get_ref().as_file().sync_data()?,
        }
        Ok(())
    }
}

impl Write for AtomicWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        // A piece at a time: the buffer writes what it is given straight to the file when that is
        // at least its size, so a piece is what the system gets (see WRITE_PIECE).
        let piece = bytes.get(..WRITE_PIECE).unwrap_or(bytes);
        let written = self.temp.write(piece)?;
        self.unsynced += written;
        if self.unsynced >= SYNC_EVERY {
            self.start_sync()?;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_file_follows_the_umask() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared.ron");
        std::fs::write(&shared, b"old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&shared, b"new").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&shared), 0o664);
        let fresh = dir.path().join("fresh.ron");
        write_atomic(&fresh, b"new").unwrap();
        assert_eq!(mode(&fresh), 0o666 & !umask());
    }

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

    #[test]
    fn a_large_file_written_in_pieces_and_synced_on_the_way_arrives_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.jsonl");
        std::fs::write(&path, b"the previous export").unwrap();
        // Past one sync, in writes larger and smaller than a piece, none lined up with either.
        let bytes: Vec<u8> = (0..SYNC_EVERY + 3 * WRITE_PIECE + 7)
            .map(|i| (i % 251) as u8)
            .collect();
        let mut writer = AtomicWriter::create(&path).unwrap();
        let (large, rest) = bytes.split_at(SYNC_EVERY + WRITE_PIECE / 3);
        writer.write_all(large).unwrap();
        for small in rest.chunks(WRITE_PIECE / 2 + 1) {
            writer.write_all(small).unwrap();
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"the previous export",
            "in place only when finished"
        );
        writer.finish().unwrap();
        assert!(
            std::fs::read(&path).unwrap() == bytes,
            "every byte, in order"
        );
        let mut replacing = bytes.clone();
        replacing.truncate(WRITE_PIECE * 2 + 1);
        write_atomic(&path, &replacing).unwrap();
        assert!(std::fs::read(&path).unwrap() == replacing);
    }
}
