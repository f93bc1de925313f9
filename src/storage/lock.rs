//! The project lock: the file `.gloss.lock` in the project folder, locked with the operating system's
//! file lock (`File::try_lock`) for as long as a [`ProjectLock`] lives, so that two Gloss processes
//! cannot both write one project. The operating system releases the lock when its process ends, however
//! it ends, so a crashed Gloss never leaves a lock that has to be taken over or removed by hand. The file
//! names its holder (`<pid> <host> <name>`), for the message a second Gloss shows.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::error::StorageError;

/// The lock file's name in the project folder (`create` lists it in the project's `.gitignore`).
pub const LOCK_FILE: &str = ".gloss.lock";

/// A held project lock. Dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    /// Holds the operating system's lock; closing it releases the lock.
    file: File,
}

/// Who holds a project's lock, as its lock file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHolder {
    /// The annotator who opened the project, or the user's login name.
    pub name: String,
    pub pid: u32,
    pub host: String,
}

impl LockHolder {
    fn me(name: Option<&str>) -> Self {
        let name = name
            .map(str::to_owned)
            .or_else(login_name)
            .unwrap_or_else(|| "an unknown user".to_owned());
        Self {
            // One line, whatever the name holds.
            name: name.chars().filter(|c| !c.is_control()).collect(),
            pid: std::process::id(),
            host: gethostname::gethostname()
                .to_string_lossy()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-"),
        }
    }

    /// Reads `<pid> <host> <name>`; files of earlier versions have no name.
    fn parse(contents: &str) -> Option<Self> {
        let mut parts = contents.trim().splitn(3, ' ');
        let pid = parts.next()?.parse().ok()?;
        let host = parts.next()?.to_owned();
        let name = parts.next().unwrap_or("an unknown user").trim().to_owned();
        Some(Self { name, pid, host })
    }

    fn line(&self) -> String {
        format!("{} {} {}\n", self.pid, self.host, self.name)
    }
}

fn login_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|name| !name.trim().is_empty())
}

/// The most of a lock file that is read: a holder line is short, and the file may be anything.
const LOCK_FILE_LIMIT: u64 = 4096;

impl ProjectLock {
    /// Takes the lock of the project in `dir`, naming the user as its holder. See [`Self::acquire_as`].
    pub fn acquire(dir: &Path) -> Result<(ProjectLock, Option<String>), StorageError> {
        Self::acquire_as(dir, None)
    }

    /// Takes the lock of the project in `dir`, naming `name` (an annotator; the user's login name when
    /// `None`) as its holder. A lock held by another running Gloss gives [`StorageError::Locked`],
    /// naming who holds it. The warning says when the previous Gloss ended without closing the
    /// project (it crashed or was killed), which is worth a `gloss check`.
    pub fn acquire_as(
        dir: &Path,
        name: Option<&str>,
    ) -> Result<(ProjectLock, Option<String>), StorageError> {
        let path = dir.join(LOCK_FILE);
        // Opening a link for writing would write wherever it points.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StorageError::link(&path));
        }
        let me = LockHolder::me(name);
        // A holder that releases the lock removes the file first; if we opened that file just before,
        // we lock a file that is no longer the lock file, and must open the new one. A few rounds are
        // plenty: each needs another Gloss to take and release the lock in between.
        for _ in 0..16 {
            let mut file = open(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(StorageError::Locked {
                        holder: read_holder(&mut file),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(StorageError::io(&path, "lock", e)),
            }
            if !still_named_by(&file, &path) {
                continue;
            }
            let previous = read_holder(&mut file);
            write_holder(&mut file, &me).map_err(|e| StorageError::io(&path, "write", e))?;
            let warning = previous.map(|p| {
                format!(
                    "the last Gloss to open this project (by {}, process {} on host {}) ended without \
                     closing it; `gloss check` lists anything an interrupted save left behind",
                    p.name, p.pid, p.host
                )
            });
            return Ok((ProjectLock { path, file }, warning));
        }
        Err(StorageError::Locked { holder: None })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn open(path: &Path) -> Result<File, StorageError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| StorageError::io(path, "open", e))?;
    match file.metadata() {
        Ok(metadata) if metadata.is_file() => Ok(file),
        Ok(metadata) => Err(StorageError::NotAFile {
            path: path.to_owned(),
            found: super::files::kind_of(&metadata),
        }),
        Err(e) => Err(StorageError::io(path, "open", e)),
    }
}

/// The holder a lock file names; `None` when it is empty (being written, or left by nobody) or garbled.
fn read_holder(file: &mut File) -> Option<LockHolder> {
    let mut contents = String::new();
    file.rewind().ok()?;
    file.take(LOCK_FILE_LIMIT)
        .read_to_string(&mut contents)
        .ok()?;
    LockHolder::parse(&contents)
}

fn write_holder(file: &mut File, holder: &LockHolder) -> io::Result<()> {
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(holder.line().as_bytes())?;
    file.flush()
}

/// Whether `path` still names the open `file` (same device and inode).
#[cfg(unix)]
fn still_named_by(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

// Windows does not let a file that is open be removed, so the file locked is the file named.
#[cfg(not(unix))]
fn still_named_by(_file: &File, _path: &Path) -> bool {
    true
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still locked, so that nobody takes the lock on a file about to vanish (see
        // `still_named_by`); the lock itself is released when `file` closes, right after. Nothing
        // useful to do if the removal fails: the next Gloss locks the file that is left.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files_read_pid_host_and_name() {
        assert_eq!(
            LockHolder::parse("4242 newsroom-7 amira\n"),
            Some(LockHolder {
                name: "amira".to_owned(),
                pid: 4242,
                host: "newsroom-7".to_owned()
            })
        );
        assert_eq!(
            LockHolder::parse("4242 newsroom-7\n").map(|h| h.name),
            Some("an unknown user".to_owned())
        );
        assert_eq!(LockHolder::parse(""), None);
        assert_eq!(LockHolder::parse("x host"), None);
    }

    #[test]
    fn dropping_the_lock_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (lock, warning) = ProjectLock::acquire_as(dir.path(), Some("amira")).unwrap();
        assert_eq!(warning, None);
        let line = std::fs::read_to_string(lock.path()).unwrap();
        assert!(line.ends_with(" amira\n"), "{line}");
        drop(lock);
        assert!(!dir.path().join(LOCK_FILE).exists());
    }

    #[test]
    fn a_lock_file_left_by_a_process_that_ended_is_no_obstacle_and_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "1 some-other-machine bruno\n").unwrap();
        let (_lock, warning) = ProjectLock::acquire(dir.path()).unwrap();
        let warning = warning.unwrap();
        assert!(
            warning.contains("by bruno, process 1 on host some-other-machine"),
            "{warning}"
        );
    }

    #[test]
    fn a_garbled_lock_file_is_no_obstacle() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "\0\0garbage").unwrap();
        let (_lock, warning) = ProjectLock::acquire(dir.path()).unwrap();
        assert_eq!(warning, None);
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("precious.txt");
        std::fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join(LOCK_FILE)).unwrap();
        assert!(matches!(
            ProjectLock::acquire(dir.path()),
            Err(StorageError::Link { .. })
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    }
}
