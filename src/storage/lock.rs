//! The project lock: a file `.gloss.lock` holding `"<pid> <host>"`, so that two Gloss processes cannot
//! both write one project folder. Held for as long as a [`ProjectLock`] lives.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::error::StorageError;

/// The lock file's name in the project folder (`create` lists it in the project's `.gitignore`).
pub const LOCK_FILE: &str = ".gloss.lock";

/// A held project lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
}

/// Who holds a lock, as the lock file says.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Holder {
    pid: u32,
    host: String,
}

impl Holder {
    fn me() -> Self {
        Self {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
        }
    }

    fn parse(contents: &str) -> Option<Self> {
        let (pid, host) = contents.trim().split_once(' ')?;
        Some(Self {
            pid: pid.parse().ok()?,
            host: host.to_owned(),
        })
    }

    fn line(&self) -> String {
        format!("{} {}\n", self.pid, self.host)
    }

    /// Whether the holder may still be running. A process on another host cannot be checked, so it
    /// counts as alive: taking over a live lock would be worse than asking the user to remove it.
    fn may_be_alive(&self) -> bool {
        self.host != Holder::me().host || process_exists(self.pid)
    }
}

#[cfg(target_os = "linux")]
fn process_exists(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

// Without /proc there is no safe, dependency-free way to ask; assume alive (see `may_be_alive`).
#[cfg(not(target_os = "linux"))]
fn process_exists(_pid: u32) -> bool {
    true
}

impl ProjectLock {
    /// Takes the lock of the project in `dir`. A lock left by a process that no longer runs on this host
    /// is taken over, and the returned warning says so ("took over a stale lock from process N on host
    /// H"); a lock held by a live process (or one on another host) gives [`StorageError::Locked`].
    pub fn acquire(dir: &Path) -> Result<(ProjectLock, Option<String>), StorageError> {
        let path = dir.join(LOCK_FILE);
        let me = Holder::me();
        let mut warning = None;
        // Two rounds: the second after removing a stale lock. Losing a race for it in the second round
        // reports whoever won.
        for _ in 0..2 {
            match create_exclusive(&path, &me) {
                Ok(()) => return Ok((ProjectLock { path }, warning)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(StorageError::io(&path, "create", e)),
            }
            let contents = match std::fs::read_to_string(&path) {
                Ok(contents) => contents,
                // Released between our attempt and this read: try again.
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                // Unreadable (not UTF-8, say) counts as garbage below.
                Err(e) if e.kind() == io::ErrorKind::InvalidData => String::new(),
                Err(e) => return Err(StorageError::io(&path, "read", e)),
            };
            match Holder::parse(&contents) {
                Some(holder) if holder.may_be_alive() => {
                    return Err(StorageError::Locked {
                        pid: holder.pid,
                        host: holder.host,
                    });
                }
                Some(holder) => {
                    warning = Some(format!(
                        "took over a stale lock from process {} on host {}, which is no longer running",
                        holder.pid, holder.host
                    ));
                }
                None => {
                    warning = Some(format!(
                        "took over an unreadable lock file {} (it said {:?})",
                        path.display(),
                        contents.trim()
                    ));
                }
            }
            // Only remove the lock we judged stale, not one another process put there meanwhile.
            if std::fs::read_to_string(&path).ok().as_deref() == Some(contents.as_str()) {
                match std::fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(StorageError::io(&path, "remove", e)),
                }
            }
        }
        // Someone else keeps winning the race; report them.
        let holder = std::fs::read_to_string(&path)
            .ok()
            .and_then(|c| Holder::parse(&c))
            .unwrap_or(Holder {
                pid: 0,
                host: "unknown".to_owned(),
            });
        Err(StorageError::Locked {
            pid: holder.pid,
            host: holder.host,
        })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Creates the lock file with its contents in one step (a temp file hard-linked into place), so that
/// nobody ever reads a half-written lock, and fails with `AlreadyExists` if there is one.
fn create_exclusive(path: &Path, holder: &Holder) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(super::atomic::TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(holder.line().as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Nothing useful to do if it fails: a leftover lock of a dead process is taken over next time.
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files_read_pid_then_host() {
        assert_eq!(
            Holder::parse("4242 newsroom-7\n"),
            Some(Holder {
                pid: 4242,
                host: "newsroom-7".to_owned()
            })
        );
        assert_eq!(Holder::parse(""), None);
        assert_eq!(Holder::parse("x host"), None);
    }

    #[test]
    fn dropping_the_lock_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (lock, warning) = ProjectLock::acquire(dir.path()).unwrap();
        assert_eq!(warning, None);
        assert_eq!(
            std::fs::read_to_string(lock.path()).unwrap(),
            Holder::me().line()
        );
        drop(lock);
        assert!(!dir.path().join(LOCK_FILE).exists());
    }

    #[test]
    fn a_lock_from_another_host_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "1 some-other-machine\n").unwrap();
        let Err(StorageError::Locked { pid, host }) = ProjectLock::acquire(dir.path()) else {
            panic!("expected Locked");
        };
        assert_eq!((pid, host.as_str()), (1, "some-other-machine"));
    }

    #[test]
    fn a_garbled_lock_is_taken_over_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "").unwrap();
        let (_lock, warning) = ProjectLock::acquire(dir.path()).unwrap();
        assert!(warning.unwrap().contains("unreadable lock"));
    }
}
