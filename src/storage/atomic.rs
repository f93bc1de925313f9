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
    /// Bytes taken so far.
    taken: u64,
    /// Whether the bytes past [`DIRECT_AFTER`] go around the page cache.
    direct: Direct,
    /// Whether any bytes went around the page cache (for the tests).
    #[cfg(test)]
    went_around: bool,
    /// Makes every write around the page cache fail, as a file system that refuses one would.
    #[cfg(test)]
    refuse_around: bool,
}

/// Past [`DIRECT_AFTER`] bytes, on Linux, an [`AtomicWriter`] writes around the system's page
/// cache (`O_DIRECT`), in [`DIRECT_CHUNK`]s gathered in memory: copying a 1 GB export into the
/// cache was 0.6 s of system time on the writing thread (a quarter of the export's CPU), while the
/// disk takes it straight from memory (1 GB in 0.5 s with 0.1 s of CPU here, `dd oflag=direct`),
/// and a file this large is better not crowding everything else out of the cache. Where the file
/// system refuses (tmpfs, some network file systems), or a write around the cache fails, the rest
/// goes through the cache as before.
enum Direct {
    /// Below [`DIRECT_AFTER`] bytes, or not tried yet.
    NotYet,
    /// Writing around the cache: the bytes not yet written, gathered.
    On(Gathered),
    /// Through the cache to the end.
    Off,
}

/// The bytes an [`AtomicWriter`] takes before it writes around the page cache: larger files only.
const DIRECT_AFTER: u64 = SYNC_EVERY as u64;

/// How many bytes are gathered for one write around the page cache.
const DIRECT_CHUNK: usize = 8 << 20;

/// What writes around the page cache must be multiples of: their place in memory, their length
/// and their place in the file (512 bytes or the file system's block size on Linux; 4096 is a
/// multiple of both).
const ALIGN: usize = 4096;

/// Bytes gathered for one write around the page cache, in a buffer whose usable part starts at a
/// multiple of [`ALIGN`] in memory.
struct Gathered {
    buffer: Vec<u8>,
    start: usize,
    len: usize,
}

impl Gathered {
    fn new() -> Option<Self> {
        let buffer = vec![0; DIRECT_CHUNK + ALIGN];
        let start = buffer.as_ptr().align_offset(ALIGN);
        (start < ALIGN).then_some(Self {
            buffer,
            start,
            len: 0,
        })
    }

    /// Takes what fits of `bytes`; returns how much that was.
    fn take(&mut self, bytes: &[u8]) -> usize {
        let room = DIRECT_CHUNK - self.len;
        let n = bytes.len().min(room);
        let at = self.start + self.len;
        if let (Some(to), Some(from)) = (self.buffer.get_mut(at..at + n), bytes.get(..n)) {
            to.copy_from_slice(from);
        }
        self.len += n;
        n
    }

    fn bytes(&self) -> &[u8] {
        self.buffer
            .get(self.start..self.start + self.len)
            .unwrap_or_default()
    }
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
            taken: 0,
            direct: Direct::NotYet,
            #[cfg(test)]
            went_around: false,
            #[cfg(test)]
            refuse_around: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Syncs the file and puts it in place of `path`.
    pub fn finish(mut self) -> io::Result<()> {
        self.stop_direct()?;
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

impl AtomicWriter {
    /// Past [`DIRECT_AFTER`] bytes, at a multiple of [`ALIGN`] in the file, starts writing around
    /// the page cache if the file system lets it. Returns how many of `bytes` to write through the
    /// cache first to reach that multiple (0 when there is nothing to do first).
    fn start_direct(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !matches!(self.direct, Direct::NotYet) || self.taken < DIRECT_AFTER {
            return Ok(0);
        }
        let misaligned = (self.taken % ALIGN as u64) as usize;
        if misaligned != 0 {
            return Ok((ALIGN - misaligned).min(bytes.len()));
        }
        self.temp.flush()?;
        self.direct = Direct::Off;
        let file = self.temp.get_ref().as_file();
        if around_the_cache(file, true).is_ok() {
            match Gathered::new() {
                Some(gathered) => self.direct = Direct::On(gathered),
                None => around_the_cache(file, false)?,
            }
        }
        Ok(0)
    }

    /// Writes the first `len` gathered bytes (a multiple of [`ALIGN`]) around the page cache, and
    /// keeps the rest. A write the system refuses (or makes short) is done through the cache,
    /// and so is everything after it.
    fn write_gathered(&mut self, len: usize) -> io::Result<()> {
        let refused = self.refuses_around();
        let Direct::On(gathered) = &mut self.direct else {
            return Ok(());
        };
        let file = self.temp.get_ref().as_file();
        let bytes = gathered.bytes();
        let (aligned, rest) = bytes.split_at(len.min(bytes.len()));
        let mut done = 0;
        while !refused && done < aligned.len() {
            match Write::write(&mut &*file, aligned.get(done..).unwrap_or_default()) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) if (done + n) % ALIGN == 0 => done += n,
                Ok(n) => {
                    done += n;
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        #[cfg(test)]
        if done > 0 {
            self.went_around = true;
        }
        if done < aligned.len() {
            around_the_cache(file, false)?;
            (&*file).write_all(aligned.get(done..).unwrap_or_default())?;
            let rest = rest.to_vec();
            self.direct = Direct::Off;
            return self.temp.write_all(&rest);
        }
        let kept = rest.len();
        let from = gathered.start + aligned.len();
        gathered
            .buffer
            .copy_within(from..from + kept, gathered.start);
        gathered.len = kept;
        Ok(())
    }

    /// Whether the tests made every write around the page cache fail.
    #[cfg(test)]
    fn refuses_around(&self) -> bool {
        self.refuse_around
    }

    #[cfg(not(test))]
    fn refuses_around(&self) -> bool {
        false
    }

    /// Writes what is gathered and goes back to writing through the page cache: the whole
    /// multiples of [`ALIGN`] around it, the last few bytes through it.
    fn stop_direct(&mut self) -> io::Result<()> {
        if let Direct::On(gathered) = &self.direct {
            let aligned = gathered.len / ALIGN * ALIGN;
            self.write_gathered(aligned)?;
        }
        if let Direct::On(gathered) = std::mem::replace(&mut self.direct, Direct::Off) {
            around_the_cache(self.temp.get_ref().as_file(), false)?;
            self.temp.write_all(gathered.bytes())?;
        }
        Ok(())
    }
}

/// Turns writing around the page cache (`O_DIRECT`) on or off for `file`.
#[cfg(target_os = "linux")]
fn around_the_cache(file: &std::fs::File, on: bool) -> io::Result<()> {
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let flags = fcntl_getfl(file)?;
    let flags = if on {
        flags | OFlags::DIRECT
    } else {
        flags - OFlags::DIRECT
    };
    Ok(fcntl_setfl(file, flags)?)
}

/// Elsewhere every write goes through the cache.
#[cfg(not(target_os = "linux"))]
fn around_the_cache(_file: &std::fs::File, on: bool) -> io::Result<()> {
    if on {
        Err(io::ErrorKind::Unsupported.into())
    } else {
        Ok(())
    }
}

impl Write for AtomicWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let first = self.start_direct(bytes)?;
        let written = if let Direct::On(gathered) = &mut self.direct
            && first == 0
        {
            let taken = gathered.take(bytes);
            if gathered.len == DIRECT_CHUNK {
                self.write_gathered(DIRECT_CHUNK)?;
            }
            taken
        } else {
            // A piece at a time: the buffer writes what it is given straight to the file when that
            // is at least its size, so a piece is what the system gets (see WRITE_PIECE).
            let limit = if first > 0 { first } else { WRITE_PIECE };
            let piece = bytes.get(..limit).unwrap_or(bytes);
            self.temp.write(piece)?
        };
        self.taken += written as u64;
        self.unsynced += written;
        if self.unsynced >= SYNC_EVERY {
            self.start_sync()?;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stop_direct()?;
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

    /// Writes `len` bytes past [`DIRECT_AFTER`] in writes of odd sizes, none lined up with
    /// [`ALIGN`] or a chunk, and returns the finished file's bytes, the bytes written, and whether
    /// any went around the page cache.
    fn written_past_direct_after(len: usize, refuse: bool) -> (Vec<u8>, Vec<u8>, bool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.jsonl");
        std::fs::write(&path, b"the previous export").unwrap();
        let bytes: Vec<u8> = (0..DIRECT_AFTER as usize + len)
            .map(|i| (i % 253) as u8)
            .collect();
        let mut writer = AtomicWriter::create(&path).unwrap();
        writer.refuse_around = refuse;
        for piece in bytes.chunks(1_000_003) {
            writer.write_all(piece).unwrap();
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"the previous export",
            "in place only when finished"
        );
        let went_around = writer.went_around;
        writer.finish().unwrap();
        (std::fs::read(&path).unwrap(), bytes, went_around)
    }

    /// Whether the file system under the temp folder takes writes around its cache at all.
    fn temp_folder_goes_around_the_cache() -> bool {
        let file = tempfile::tempfile().unwrap();
        around_the_cache(&file, true).is_ok()
    }

    #[test]
    fn past_64_mb_a_file_goes_around_the_page_cache_and_arrives_whole() {
        let (written, bytes, went_around) =
            written_past_direct_after(2 * DIRECT_CHUNK + ALIGN / 3 + 5, false);
        assert!(written == bytes, "every byte, in order");
        if cfg!(target_os = "linux") && temp_folder_goes_around_the_cache() {
            assert!(
                went_around,
                "the file system takes it, so the bytes went around"
            );
        }
    }

    #[test]
    fn a_write_refused_around_the_cache_goes_through_it_and_the_file_still_arrives_whole() {
        let (written, bytes, went_around) =
            written_past_direct_after(DIRECT_CHUNK + ALIGN + 1, true);
        assert!(written == bytes, "every byte, in order");
        assert!(!went_around);
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
