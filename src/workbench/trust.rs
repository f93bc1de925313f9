//! Which external recommenders the user allowed to receive a project's documents.
//!
//! A project's `project.ron` may name a `recommender_url`; whoever wrote the project chose it, so
//! Gloss sends no document text there (neither `/predict` nor `/train`) until the user has trusted
//! that exact URL for that project: in the window by a prompt, on the command line by a flag. The
//! trust lives outside every project, in the user's config folder (`trust.ron`), keyed by the
//! project folder's canonical path and the URL as written; a project that changes its URL is asked
//! about again, and copying a project somewhere else does not carry the trust along.
//!
//! The config folder is `$GLOSS_CONFIG_DIR` when set (tests point it at a temp folder), else the
//! platform's: `$XDG_CONFIG_HOME/gloss` or `~/.config/gloss` on Linux and BSD,
//! `~/Library/Application Support/gloss` on macOS, `%APPDATA%\gloss` on Windows.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The environment variable that overrides the config folder.
pub const CONFIG_DIR_VAR: &str = "GLOSS_CONFIG_DIR";

/// The trust file's name in the config folder.
pub const TRUST_FILE: &str = "trust.ron";

/// Why the trust file could not be read or written. Messages name the file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TrustError {
    #[error(
        "no folder for user settings: set {CONFIG_DIR_VAR} (or HOME) to remember trusted recommenders"
    )]
    NoConfigDir,
    #[error("cannot read {path}: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}: {message} (fix the file or delete it to be asked again)")]
    Invalid { path: PathBuf, message: String },
    #[error("cannot write {path}: {message}")]
    Write { path: PathBuf, message: String },
}

/// The trust file on disk: every (project, URL) pair the user allowed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustFile {
    version: u32,
    #[serde(default)]
    trusted: Vec<TrustedRecommender>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustedRecommender {
    /// The project folder's canonical path.
    project: String,
    /// The recommender URL exactly as the project names it (surrounding spaces trimmed).
    recommender_url: String,
}

/// Where trust is kept: the user's trust file, or one in a given folder (tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustStore {
    /// `None` when there is no config folder: nothing is trusted, and trusting fails.
    dir: Option<PathBuf>,
}

impl TrustStore {
    /// The user's trust file (see the module docs for where it is).
    pub fn user() -> Self {
        Self {
            dir: user_config_dir(),
        }
    }

    /// A trust file in `dir` (`dir/trust.ron`).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            dir: Some(dir.to_path_buf()),
        }
    }

    /// The trust file's path, if there is a config folder.
    pub fn path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(TRUST_FILE))
    }

    /// Whether the user allowed the project in `project_dir` to send documents to `url`. A missing
    /// trust file trusts nothing; an unreadable one is an error.
    pub fn is_trusted(&self, project_dir: &Path, url: &str) -> Result<bool, TrustError> {
        let Some(path) = self.path() else {
            return Ok(false);
        };
        let wanted = TrustedRecommender::new(project_dir, url);
        Ok(read(&path)?.trusted.contains(&wanted))
    }

    /// Remembers that the project in `project_dir` may send documents to `url`. Keeps every other
    /// entry; refuses to overwrite a trust file it cannot read.
    pub fn trust(&self, project_dir: &Path, url: &str) -> Result<(), TrustError> {
        let dir = self.dir.as_ref().ok_or(TrustError::NoConfigDir)?;
        let path = dir.join(TRUST_FILE);
        let mut file = read(&path)?;
        let entry = TrustedRecommender::new(project_dir, url);
        if file.trusted.contains(&entry) {
            return Ok(());
        }
        file.trusted.push(entry);
        file.trusted.sort();
        file.version = 1;
        let write_error = |message: String| TrustError::Write {
            path: path.clone(),
            message,
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(|e| write_error(e.to_string()))?;
        std::fs::create_dir_all(dir).map_err(|e| write_error(e.to_string()))?;
        crate::storage::write_atomic(&path, format!("{text}\n").as_bytes())
            .map_err(|e| write_error(e.to_string()))
    }
}

impl TrustedRecommender {
    fn new(project_dir: &Path, url: &str) -> Self {
        Self {
            project: canonical(project_dir).to_string_lossy().into_owned(),
            recommender_url: url.trim().to_owned(),
        }
    }
}

/// Whether the user trusts `url` for the project in `project_dir`, in the user's trust file: what
/// the command line asks before sending documents to a project's recommender.
pub fn is_trusted(project_dir: &Path, url: &str) -> Result<bool, TrustError> {
    TrustStore::user().is_trusted(project_dir, url)
}

/// Remembers in the user's trust file that the project in `project_dir` may send documents to
/// `url` (the command line's `--trust-recommender`).
pub fn trust(project_dir: &Path, url: &str) -> Result<(), TrustError> {
    TrustStore::user().trust(project_dir, url)
}

/// What the command line and the window say when a project's recommender is not trusted yet.
pub fn untrusted_message(url: &str) -> String {
    format!(
        "this project wants to send its documents to {url}; nothing is sent until you trust it \
         for this project"
    )
}

/// The trust file's contents; an absent file trusts nothing.
fn read(path: &Path) -> Result<TrustFile, TrustError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(TrustFile::default());
        }
        Err(error) => {
            return Err(TrustError::Read {
                path: path.to_path_buf(),
                message: error.to_string(),
            });
        }
    };
    ron::from_str(&text).map_err(|e| TrustError::Invalid {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// The folder's canonical path; for a folder that does not exist (a project only in memory), its
/// absolute path.
fn canonical(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir)
        .unwrap_or_else(|_| std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()))
}

/// The user's config folder for Gloss (see the module docs).
fn user_config_dir() -> Option<PathBuf> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if let Some(dir) = from_env(CONFIG_DIR_VAR) {
        return Some(dir);
    }
    let base = if cfg!(target_os = "windows") {
        from_env("APPDATA")
    } else if cfg!(target_os = "macos") {
        std::env::home_dir().map(|home| home.join("Library").join("Application Support"))
    } else {
        from_env("XDG_CONFIG_HOME")
            .or_else(|| std::env::home_dir().map(|home| home.join(".config")))
    };
    base.map(|dir| dir.join("gloss"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_is_per_project_and_per_exact_url() {
        let config = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let projects = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (projects.path().join("a"), projects.path().join("b"));
        for dir in [&a, &b] {
            std::fs::create_dir(dir).unwrap_or_else(|e| panic!("{e}"));
        }
        let store = TrustStore::in_dir(config.path());
        assert_eq!(store.is_trusted(&a, "http://127.0.0.1:1"), Ok(false));
        assert_eq!(store.trust(&a, "http://127.0.0.1:1"), Ok(()));
        assert_eq!(store.is_trusted(&a, "http://127.0.0.1:1"), Ok(true));
        assert_eq!(
            store.is_trusted(&a.join("."), " http://127.0.0.1:1 "),
            Ok(true)
        );
        assert_eq!(store.is_trusted(&a, "http://127.0.0.1:2"), Ok(false));
        assert_eq!(store.is_trusted(&b, "http://127.0.0.1:1"), Ok(false));
    }

    #[test]
    fn a_broken_trust_file_is_an_error_naming_it_and_is_not_overwritten() {
        let config = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = config.path().join(TRUST_FILE);
        std::fs::write(&path, "(version: 1, trusted: [(projekt: \"x\")])")
            .unwrap_or_else(|e| panic!("{e}"));
        let store = TrustStore::in_dir(config.path());
        let error = store
            .trust(config.path(), "http://127.0.0.1:1")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.starts_with(&format!("{}: ", path.display())) && error.contains("projekt"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            "(version: 1, trusted: [(projekt: \"x\")])"
        );
    }
}
