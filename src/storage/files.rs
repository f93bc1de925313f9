//! Reading files without being turned against the user: only regular files, never through a symbolic
//! link inside the project folder, never more than a size limit. A FIFO, a device such as `/dev/zero`,
//! a folder or a link where a file is expected is an error naming the path, not a hang, an endless read
//! or a file read from outside the project.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Component, Path};

use super::error::StorageError;

/// The environment variable that sets the largest document text Gloss reads, in bytes.
pub const MAX_DOCUMENT_BYTES_VAR: &str = "GLOSS_MAX_DOCUMENT_BYTES";

/// The largest document text Gloss reads unless [`MAX_DOCUMENT_BYTES_VAR`] says otherwise: 32 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// RON files (the project file, layer files) may be this many times the document limit: a layer file
/// repeats the text its spans cover and adds provenance, so a dense layer outgrows its text.
pub const RON_LIMIT_FACTOR: u64 = 4;

/// The largest document text to read, in bytes: [`MAX_DOCUMENT_BYTES_VAR`] when it holds a positive
/// whole number of bytes, [`DEFAULT_MAX_DOCUMENT_BYTES`] otherwise.
pub fn max_document_bytes() -> u64 {
    std::env::var(MAX_DOCUMENT_BYTES_VAR)
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|&limit| limit > 0)
        .unwrap_or(DEFAULT_MAX_DOCUMENT_BYTES)
}

/// The largest RON file (project or layer file) to read, in bytes.
pub fn max_ron_bytes() -> u64 {
    max_document_bytes().saturating_mul(RON_LIMIT_FACTOR)
}

/// Reads a file the user named (an import's input, say), whole, if it is a regular file of at most
/// `limit` bytes. A symbolic link given as `path` is followed (the user chose it), but what it names must
/// be a regular file too. A FIFO, socket, device or folder is refused without reading from it, and so
/// is a file larger than `limit`; the error names the path and says what was found.
pub fn read_user_file(path: &Path, limit: u64) -> Result<Vec<u8>, StorageError> {
    let file = open_regular(path, Follow::Yes)?;
    read_bounded(path, file, limit)
}

/// Reads a file of the project folder: like [`read_user_file`], but a symbolic link is refused rather
/// than followed, since it could point anywhere outside the project.
pub fn read_project_file(path: &Path, limit: u64) -> Result<Vec<u8>, StorageError> {
    let file = open_regular(path, Follow::No)?;
    read_bounded(path, file, limit)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Follow {
    Yes,
    No,
}

fn open_regular(path: &Path, follow: Follow) -> Result<(File, Metadata), StorageError> {
    // Checked before opening where there is no O_NOFOLLOW; on Unix the open below refuses a link
    // itself (ELOOP), with the same error, one system call fewer per file of a large project.
    #[cfg(not(unix))]
    if follow == Follow::No {
        match std::fs::symlink_metadata(path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Err(StorageError::link(path));
            }
            Ok(_) => {}
            Err(e) => return Err(StorageError::io(path, "read", e)),
        }
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer; the
        // flag does not change reads from a regular file.
        let mut flags = libc::O_NONBLOCK;
        if follow == Follow::No {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        #[cfg(unix)]
        Err(e) if follow == Follow::No && e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(StorageError::link(path));
        }
        Err(e) => return Err(StorageError::io(path, "read", e)),
    };
    let metadata = file
        .metadata()
        .map_err(|e| StorageError::io(path, "read", e))?;
    if !metadata.is_file() {
        return Err(StorageError::NotAFile {
            path: path.to_owned(),
            found: kind_of(&metadata),
        });
    }
    Ok((file, metadata))
}

fn read_bounded(
    path: &Path,
    (mut file, metadata): (File, Metadata),
    limit: u64,
) -> Result<Vec<u8>, StorageError> {
    let too_large = || StorageError::TooLarge {
        path: path.to_owned(),
        limit,
    };
    if metadata.len() > limit {
        return Err(too_large());
    }
    // The length is only a hint: the file may grow while it is read, so the read itself is bounded.
    // Read into room for one byte more than that length, so that a file that kept its length is
    // read in one call and its end seen in the next (std's reading to the end of a bounded reader,
    // not knowing the length, asked for 8 KB, then 16 KB, …: four calls for a 30 KB layer file, a
    // tenth of the system time of reading a project).
    let room = |len: u64| usize::try_from(len.min(limit).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = vec![0; room(metadata.len())];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            if filled as u64 > limit {
                return Err(too_large());
            }
            // It grew: room for twice as much, up to the limit and the byte beyond it.
            bytes.resize(room((filled as u64).saturating_mul(2)), 0);
        }
        match file.read(bytes.get_mut(filled..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(StorageError::io(path, "read", e)),
        }
    }
    bytes.truncate(filled);
    if filled as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What a file is on disk, without reading it: which file it is (an atomic save makes a new one in
/// its place), its length and when it was last written or changed. Two equal stamps of a path
/// taken at two moments mean its content was not replaced or written in place in between, as far
/// as the file system's clock can tell (nanoseconds on the usual file systems).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    identity: (u64, u64, i64, i64),
}

impl FileStamp {
    /// The stamp of `path` now (a symbolic link is stamped as itself, not followed); `None` when
    /// nothing is there or it cannot be looked at.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::symlink_metadata(path).ok()?;
        Some(FileStamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            identity: {
                use std::os::unix::fs::MetadataExt as _;
                (
                    metadata.dev(),
                    metadata.ino(),
                    metadata.ctime(),
                    metadata.ctime_nsec(),
                )
            },
        })
    }
}

/// What a non-regular entry is, in words for a message.
pub(crate) fn kind_of(metadata: &Metadata) -> &'static str {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return "a folder";
    }
    if file_type.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Checks that every folder of `relative` (a path inside the project folder `dir`, such as
/// `annotations/talks`) that exists is a real folder, not a symbolic link or a file, so that nothing
/// Gloss writes or reads there lands outside the project. Folders that do not exist yet pass.
pub(crate) fn check_folders(dir: &Path, relative: &Path) -> Result<(), StorageError> {
    let mut path = dir.to_owned();
    for component in relative.components() {
        let Component::Normal(name) = component else {
            continue;
        };
        path.push(name);
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Err(StorageError::link(&path));
            }
            Ok(metadata) if !metadata.is_dir() => {
                return Err(StorageError::NotAFolder {
                    path: path.clone(),
                    found: kind_of(&metadata),
                });
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StorageError::io(&path, "read", e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Prishtinë").unwrap();
        assert_eq!(read_user_file(&path, 10).unwrap(), "Prishtinë".as_bytes());
        assert!(matches!(
            read_user_file(&path, 9),
            Err(StorageError::TooLarge { limit: 9, .. })
        ));
    }

    #[test]
    fn a_file_that_grows_after_it_was_opened_is_read_to_its_end_but_not_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("growing.ron");
        std::fs::write(&path, "ten bytes.").unwrap();
        let opened = || {
            let file = File::open(&path).unwrap();
            let metadata = file.metadata().unwrap();
            (file, metadata)
        };
        let (file, metadata) = opened();
        std::fs::write(&path, "ten bytes. and thirty more, a line at a time\n").unwrap();
        assert_eq!(
            read_bounded(&path, (file, metadata), 100).unwrap(),
            b"ten bytes. and thirty more, a line at a time\n"
        );
        let (file, metadata) = opened();
        std::fs::write(&path, "ten bytes. and now well past a limit of twenty").unwrap();
        assert!(matches!(
            read_bounded(&path, (file, metadata), 20),
            Err(StorageError::TooLarge { limit: 20, .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        let error = read_user_file(Path::new("/dev/zero"), 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            "/dev/zero: this is a device: expected a regular file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_for_user_files_but_not_for_project_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "text").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_user_file(&link, 100).unwrap(), b"text");
        assert!(matches!(
            read_project_file(&link, 100),
            Err(StorageError::Link { .. })
        ));
    }

    #[test]
    fn the_limit_comes_from_the_environment_when_it_is_a_number() {
        // Not set in tests (the variable is read, not written, here): the default.
        if std::env::var_os(MAX_DOCUMENT_BYTES_VAR).is_none() {
            assert_eq!(max_document_bytes(), DEFAULT_MAX_DOCUMENT_BYTES);
            assert_eq!(max_ron_bytes(), 4 * DEFAULT_MAX_DOCUMENT_BYTES);
        }
    }
}
