//! A project folder shared through git: commit the user's own files, fetch the others' work, put the
//! user's unpushed commits on top of it, update the folder, push; retry when someone pushed first.
//!
//! Why this works without conflicts: every annotator writes only `annotations/<doc>/<name>.ron`, so
//! two people's commits never touch the same file. The rest of the project (`project.ron`: schema,
//! document index, curators and assignments; the texts; gold) belongs to the curators.
//!
//! Decisions:
//! - History stays linear and one commit per sync: the user's unpushed commits are replayed onto the
//!   remote's branch file by file (a rebase that cannot conflict on layer files), never merged.
//! - A file the user may not change (someone else's layer, or `project.ron` for a non-curator) is
//!   never committed; the sync says so and goes on. When a pull would replace such a file that the user
//!   changed, the user's version is first copied into `.gloss-sync/kept/`.
//! - Two curators changing `project.ron` at once: git's three-way merge when the changes touch other
//!   lines and the result still parses; otherwise a true conflict: the remote's version is taken (so
//!   every clone agrees), the user's own is kept in `.gloss-sync/conflict/` for the window to show
//!   side by side, and nothing is lost.
//! - The entity registry (`entities.ron`) is everyone's: any annotator creates, links and merges
//!   entities. When it changed here and on the remote it is merged entity by entity
//!   ([`super::merge_registry_files`]), so both sides' new entities and changes are kept even where
//!   git's line merge would conflict.
//! - A remote that cannot be reached is not an error: the commit stays local and goes out at the
//!   next sync.
//! - Files in the folder are written only through [`write_atomic`](super::write_atomic), and only
//!   inside the project folder, which must be the repository's top folder.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use git2::build::TreeUpdateBuilder;
use git2::{
    Cred, CredentialType, ErrorCode, FetchOptions, FileMode, IndexEntry, IndexTime, ObjectType,
    Oid, PushOptions, RemoteCallbacks, Repository, Signature, Sort, Status, StatusOptions,
};

use super::format_v1::{LayerFile, ProjectFile, StatusV1};
use super::{ANNOTATIONS_DIR, ENTITIES_FILE, PROJECT_FILE};

/// The folder of what sync keeps for the user (kept versions, a `project.ron` conflict, the name
/// remembered for `gloss sync`); it holds its own `.gitignore`, so git never sees it.
pub const SYNC_DIR: &str = ".gloss-sync";

/// How many times a push refused because someone pushed first is retried.
pub const DEFAULT_ATTEMPTS: u32 = 5;

/// What went wrong with the repository itself (not reaching the remote, which is not an error).
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "{}: not a git repository (expected the project folder to be the top folder of a git \
         clone: `git clone URL {}`, or `git init` and `git remote add origin URL` in it)",
        dir.display(),
        dir.display()
    )]
    NotARepository { dir: PathBuf },
    #[error("{}: {message}", dir.display())]
    Refused { dir: PathBuf, message: String },
    #[error("{}: git: {message}", path.display())]
    Git { path: PathBuf, message: String },
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
}

/// Who syncs, and what they may commit.
#[derive(Clone, Copy)]
pub struct SyncRequest<'a> {
    pub dir: &'a Path,
    /// The annotator: their layer files are theirs to commit.
    pub annotator: &'a str,
    /// Whether they may commit `project.ron`, the texts and gold (a curator, or nobody is one).
    pub may_change_project: bool,
    /// The curators, for the message that refuses someone else's change to `project.ron`.
    pub curators: &'a [String],
    /// A time stamp for the names of kept versions (`20261203T135000Z`).
    pub stamp: &'a str,
    pub attempts: u32,
    /// Called before each push with the attempt's number, from 1 (tests push from another clone
    /// here to make a concurrent push certain).
    pub before_push: Option<&'a dyn Fn(u32)>,
}

impl std::fmt::Debug for SyncRequest<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncRequest")
            .field("dir", &self.dir)
            .field("annotator", &self.annotator)
            .field("may_change_project", &self.may_change_project)
            .finish_non_exhaustive()
    }
}

/// What a sync did. Paths are relative to the project folder, with `/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// The first line of the commit this sync made of the user's work, if there was any.
    pub committed: Option<String>,
    /// Files others changed that are now in the folder (added, changed or removed).
    pub received: Vec<String>,
    /// Whether the remote now has everything committed here.
    pub pushed: bool,
    /// Why the remote was not reached (then the commits wait for the next sync).
    pub offline: Option<String>,
    /// Commits here that the remote does not have yet.
    pub unpushed: usize,
    /// Changes the user may not share, each said in a sentence.
    pub refused: Vec<String>,
    /// A version of a file kept aside before a newer one replaced it: (file, where it is kept).
    pub kept: Vec<(String, String)>,
    /// Whether `project.ron` had a true conflict (both versions in `.gloss-sync/conflict/`).
    pub conflict: bool,
    /// How many times it fetched and pushed (more than one when someone pushed first).
    pub attempts: u32,
}

impl SyncReport {
    /// Whether `project.ron` is among the received files.
    pub fn project_changed(&self) -> bool {
        self.received.iter().any(|p| p == PROJECT_FILE)
    }
}

/// A `project.ron` conflict, both versions kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectConflict {
    /// The user's version, which was not shared.
    pub mine: String,
    /// The remote's version, which is in `project.ron` now.
    pub theirs: String,
}

/// Whose a file of the project is, for the user who syncs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// Theirs to commit.
    Mine,
    /// The curators' (`project.ron`, texts, gold, anything outside `annotations/`).
    Project,
    /// Another annotator's layer.
    Others,
    /// Gloss's own scratch files, never shared.
    Scratch,
}

fn owner(path: &str, request: &SyncRequest<'_>) -> Owner {
    let first = path.split('/').next().unwrap_or(path);
    if first.starts_with(".gloss") {
        return Owner::Scratch;
    }
    if path == ENTITIES_FILE {
        return Owner::Mine;
    }
    if first == ANNOTATIONS_DIR {
        let layer = path
            .rsplit('/')
            .next()
            .and_then(|file| file.strip_suffix(".ron"));
        return match layer {
            Some(name) if name == request.annotator => Owner::Mine,
            Some(crate::model::GOLD) if request.may_change_project => Owner::Mine,
            Some(crate::model::GOLD) => Owner::Project,
            _ => Owner::Others,
        };
    }
    if request.may_change_project {
        Owner::Mine
    } else {
        Owner::Project
    }
}

/// Syncs the project folder with its remote. See the module docs.
pub fn sync(request: &SyncRequest<'_>) -> Result<SyncReport, GitError> {
    let dir = request.dir;
    let git = |e: git2::Error| GitError::Git {
        path: dir.to_path_buf(),
        message: e.message().to_owned(),
    };
    let repo = open(dir)?;
    ensure_sync_dir(dir)?;
    let branch = current_branch(&repo, dir)?;
    let mut report = SyncReport::default();

    commit_own_work(&repo, request, &branch, &mut report).map_err(git)?;

    let Some(upstream) = upstream_of(&repo, &branch) else {
        report.offline = Some(
            "the repository has no remote: add one with `git remote add origin URL`".to_owned(),
        );
        report.unpushed = count_commits(&repo, &branch, None);
        return Ok(report);
    };
    for attempt in 1..=request.attempts.max(1) {
        report.attempts = attempt;
        if let Err(why) = fetch(&repo, &upstream) {
            // A remote folder on this machine that is there cannot be "unreachable": another sync
            // was changing its refs while this one read them. Try again.
            if attempt < request.attempts && local_remote(&repo, &upstream.remote).is_some() {
                back_off(attempt);
                continue;
            }
            report.offline = Some(why);
            break;
        }
        let theirs = repo.refname_to_id(&upstream.tracking).ok();
        let local = repo.refname_to_id(&branch).ok();
        let new_head = match (local, theirs) {
            (None, None) => {
                report.pushed = true;
                break;
            }
            (Some(local), None) => local,
            (None, Some(theirs)) => theirs,
            (Some(local), Some(theirs)) => {
                replay(&repo, local, theirs, request, &mut report).map_err(git)?
            }
        };
        if Some(new_head) != local {
            update_folder(&repo, local, new_head, request, &mut report)?;
            repo.reference(&branch, new_head, true, "gloss sync")
                .map_err(git)?;
        }
        if Some(new_head) == theirs {
            report.pushed = true;
            break;
        }
        if let Some(hook) = request.before_push {
            hook(attempt);
        }
        match push(&repo, &upstream, &branch, theirs) {
            Push::Done => {
                // The remote-tracking ref as a fetch would set it, so that "unpushed" counts right.
                repo.reference(&upstream.tracking, new_head, true, "gloss sync: pushed")
                    .map_err(git)?;
                remember_upstream(&repo, &branch, &upstream);
                report.pushed = true;
                break;
            }
            Push::Rejected => {
                // Someone pushed first (or is pushing): fetch their work and try on top of it.
                back_off(attempt);
                continue;
            }
            Push::Offline(why) => {
                report.offline = Some(why);
                break;
            }
        }
    }
    if !report.pushed && report.offline.is_none() {
        report.offline = Some(format!(
            "the remote {} was busy with other pushes at each of {} tries; your work is \
             committed here and goes out at the next sync",
            upstream.remote, report.attempts
        ));
    }
    report.unpushed = count_commits(&repo, &branch, Some(&upstream.tracking));
    Ok(report)
}

/// The pause before attempt `attempt + 1` after another sync got in the way: longer each time, so
/// that two syncs do not collide again at once.
fn back_off(attempt: u32) {
    std::thread::sleep(std::time::Duration::from_millis(25 * u64::from(attempt)));
}

fn open(dir: &Path) -> Result<Repository, GitError> {
    let not_a_repo = || GitError::NotARepository {
        dir: dir.to_path_buf(),
    };
    let repo = Repository::open(dir).map_err(|_| not_a_repo())?;
    let same = match (repo.workdir(), dir.canonicalize()) {
        (Some(workdir), Ok(dir)) => workdir.canonicalize().is_ok_and(|w| w == dir),
        _ => false,
    };
    if same { Ok(repo) } else { Err(not_a_repo()) }
}

/// Makes `.gloss-sync/` with a `.gitignore` of `*`, so nothing in it is ever committed.
fn ensure_sync_dir(dir: &Path) -> Result<(), GitError> {
    let sync_dir = dir.join(SYNC_DIR);
    create_dir(&sync_dir)?;
    let ignore = sync_dir.join(".gitignore");
    if !ignore.exists() {
        super::write_atomic(&ignore, b"*\n").map_err(|source| GitError::Io {
            path: ignore,
            action: "write",
            source,
        })?;
    }
    Ok(())
}

fn create_dir(path: &Path) -> Result<(), GitError> {
    std::fs::create_dir_all(path).map_err(|source| GitError::Io {
        path: path.to_path_buf(),
        action: "create folder",
        source,
    })
}

/// The branch HEAD names (`refs/heads/main`), born or not.
fn current_branch(repo: &Repository, dir: &Path) -> Result<String, GitError> {
    let head = repo.find_reference("HEAD").map_err(|e| GitError::Git {
        path: dir.to_path_buf(),
        message: e.message().to_owned(),
    })?;
    match head.symbolic_target() {
        Some(target) if target.starts_with("refs/heads/") => Ok(target.to_owned()),
        _ => Err(GitError::Refused {
            dir: dir.to_path_buf(),
            message: "HEAD is not on a branch (detached): check out the project's branch, e.g. \
                      `git switch main`"
                .to_owned(),
        }),
    }
}

/// Where the branch syncs: its configured upstream, or the same branch on `origin` (or the only
/// remote).
#[derive(Debug)]
struct Upstream {
    remote: String,
    /// The branch on the remote (`refs/heads/main`).
    merge: String,
    /// Its remote-tracking ref here (`refs/remotes/origin/main`).
    tracking: String,
}

fn upstream_of(repo: &Repository, branch: &str) -> Option<Upstream> {
    let short = branch.strip_prefix("refs/heads/")?;
    let config = repo.config().ok()?;
    let remote = config
        .get_string(&format!("branch.{short}.remote"))
        .ok()
        .or_else(|| {
            let remotes = repo.remotes().ok()?;
            let names: Vec<&str> = remotes.iter().flatten().collect();
            if names.contains(&"origin") {
                Some("origin".to_owned())
            } else if names.len() == 1 {
                Some(names[0].to_owned())
            } else {
                None
            }
        })?;
    repo.find_remote(&remote).ok()?;
    let merge = config
        .get_string(&format!("branch.{short}.merge"))
        .unwrap_or_else(|_| branch.to_owned());
    let remote_short = merge.strip_prefix("refs/heads/").unwrap_or(&merge);
    let tracking = format!("refs/remotes/{remote}/{remote_short}");
    Some(Upstream {
        remote,
        merge,
        tracking,
    })
}

fn remember_upstream(repo: &Repository, branch: &str, upstream: &Upstream) {
    let Some(short) = branch.strip_prefix("refs/heads/") else {
        return;
    };
    if let Ok(mut config) = repo.config()
        && config
            .get_string(&format!("branch.{short}.remote"))
            .is_err()
    {
        // Best effort: without it the next sync finds the same remote by its name.
        let _ = config.set_str(&format!("branch.{short}.remote"), &upstream.remote);
        let _ = config.set_str(&format!("branch.{short}.merge"), &upstream.merge);
    }
}

/// Commits under `branch` the user's changed files (their layers; `project.ron`, texts and gold too
/// for a curator) as one commit saying who annotated what. Changes the user may not share go to
/// `report.refused`.
fn commit_own_work(
    repo: &Repository,
    request: &SyncRequest<'_>,
    branch: &str,
    report: &mut SyncReport,
) -> Result<(), git2::Error> {
    let mut options = StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false)
        .renames_head_to_index(false);
    let statuses = repo.statuses(Some(&mut options))?;
    let changed = Status::WT_NEW
        | Status::WT_MODIFIED
        | Status::WT_DELETED
        | Status::WT_TYPECHANGE
        | Status::WT_RENAMED
        | Status::INDEX_NEW
        | Status::INDEX_MODIFIED
        | Status::INDEX_DELETED
        | Status::INDEX_TYPECHANGE;
    let mut mine = Vec::new();
    let mut not_mine = Vec::new();
    for entry in statuses.iter() {
        let Some(path) = entry.path() else { continue };
        if !entry.status().intersects(changed) {
            continue;
        }
        match owner(path, request) {
            Owner::Mine => mine.push(path.to_owned()),
            Owner::Project | Owner::Others => not_mine.push(path.to_owned()),
            Owner::Scratch => {}
        }
    }
    // Opening a project adds the annotator to its list; that alone is not a change to refuse.
    not_mine.retain(|path| !(path == PROJECT_FILE && only_annotators_added(repo, request.dir)));
    if !not_mine.is_empty() {
        report.refused.push(refusal(&not_mine, request));
    }
    if mine.is_empty() {
        return Ok(());
    }
    let mut index = repo.index()?;
    for path in &mine {
        if request.dir.join(path).is_file() {
            index.add_path(Path::new(path))?;
        } else {
            index.remove_path(Path::new(path))?;
        }
    }
    index.write()?;
    let tree_id = index.write_tree()?;
    let parent = repo
        .refname_to_id(branch)
        .ok()
        .and_then(|id| repo.find_commit(id).ok());
    if parent.as_ref().map(|p| p.tree_id()) == Some(tree_id) {
        return Ok(());
    }
    let tree = repo.find_tree(tree_id)?;
    let message = commit_message(request, &mine);
    let signature = signature(repo, request.annotator)?;
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(
        Some(branch),
        &signature,
        &signature,
        &message,
        &tree,
        &parents,
    )?;
    report.committed = message.lines().next().map(str::to_owned);
    Ok(())
}

/// Whether `project.ron` here differs from the committed one only in its list of annotators.
fn only_annotators_added(repo: &Repository, dir: &Path) -> bool {
    let committed = repo
        .head()
        .and_then(|head| head.peel_to_tree())
        .and_then(|tree| tree.get_path(Path::new(PROJECT_FILE)))
        .and_then(|entry| repo.find_blob(entry.id()));
    let Ok(committed) = committed else {
        return false;
    };
    std::fs::read(dir.join(PROJECT_FILE))
        .is_ok_and(|here| same_but_annotators(committed.content(), &here))
}

/// Whether two versions of `project.ron` hold the same project but for the annotators list.
fn same_but_annotators(a: &[u8], b: &[u8]) -> bool {
    let parse = |bytes: &[u8]| {
        let mut file = ron::from_str::<ProjectFile>(std::str::from_utf8(bytes).ok()?).ok()?;
        file.annotators.clear();
        Some(file)
    };
    matches!((parse(a), parse(b)), (Some(a), Some(b)) if a == b)
}

/// The sentence that says which changes are not shared and why.
fn refusal(paths: &[String], request: &SyncRequest<'_>) -> String {
    let shown: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
    let more = paths.len().saturating_sub(shown.len());
    let list = if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    };
    let whose = if paths.iter().any(|p| owner(p, request) == Owner::Project) {
        format!(
            "the schema, documents, assignments and gold are the curators' ({}) to change",
            request.curators.join(", ")
        )
    } else {
        "other annotators' layers are theirs to change".to_owned()
    };
    format!(
        "not shared: {list} changed here, but {whose}; {} keeps them in this folder (a newer \
         version from the remote is saved beside a copy of yours in {SYNC_DIR}/kept/)",
        request.annotator
    )
}

fn signature(repo: &Repository, annotator: &str) -> Result<Signature<'static>, git2::Error> {
    let email = repo
        .config()
        .ok()
        .and_then(|c| c.get_string("user.email").ok())
        .unwrap_or_else(|| format!("{annotator}@gloss.invalid"));
    Signature::now(annotator, &email)
}

/// "amira: 3 documents done, 41 annotations", then one line per document.
fn commit_message(request: &SyncRequest<'_>, paths: &[String]) -> String {
    let mut by_status: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut annotations = 0usize;
    let mut lines = String::new();
    let mut other = Vec::new();
    for path in paths {
        let layer = path
            .strip_prefix("annotations/")
            .and_then(|rest| rest.rsplit_once('/'));
        let Some((doc, file)) = layer else {
            other.push(path.as_str());
            continue;
        };
        let parsed = std::fs::read_to_string(request.dir.join(path))
            .ok()
            .and_then(|text| ron::from_str::<LayerFile>(&text).ok());
        let layer_name = file.strip_suffix(".ron").unwrap_or(file);
        match parsed {
            Some(layer) => {
                let count = layer.entities.len() + layer.quotes.len() + layer.events.len();
                annotations += count;
                let status = match layer.status {
                    // A layer with annotations that nobody marked is being worked on.
                    StatusV1::New | StatusV1::InProgress => "in progress",
                    StatusV1::Done => "done",
                    StatusV1::Adjudicated => "adjudicated",
                };
                *by_status.entry(status).or_default() += 1;
                let _ = writeln!(lines, "{doc} ({layer_name}): {status}, {count} annotations");
            }
            None => {
                let _ = writeln!(lines, "{doc} ({layer_name}): removed");
            }
        }
    }
    let mut parts = Vec::new();
    let documents = |n: usize| if n == 1 { "document" } else { "documents" };
    for status in ["done", "adjudicated", "in progress"] {
        if let Some(&n) = by_status.get(status) {
            if parts.is_empty() {
                parts.push(format!("{n} {} {status}", documents(n)));
            } else {
                parts.push(format!("{n} {status}"));
            }
        }
    }
    if !by_status.is_empty() {
        let noun = if annotations == 1 {
            "annotation"
        } else {
            "annotations"
        };
        parts.push(format!("{annotations} {noun}"));
    }
    if other.contains(&PROJECT_FILE) {
        parts.push("project.ron changed".to_owned());
    }
    let texts = other.iter().filter(|p| p.starts_with("documents/")).count();
    if texts > 0 {
        parts.push(format!("{texts} texts"));
    }
    if parts.is_empty() {
        parts.push(format!("{} files", other.len()));
    }
    let mut message = format!("{}: {}\n", request.annotator, parts.join(", "));
    if !lines.is_empty() {
        message.push('\n');
        message.push_str(&lines);
    }
    message
}

/// Credentials the way git finds them: the ssh agent for ssh remotes, the credential helpers for
/// https, and nothing asked twice (libgit2 calls again after a refusal).
fn callbacks<'a>(repo: &'a Repository) -> RemoteCallbacks<'a> {
    let mut callbacks = RemoteCallbacks::new();
    let mut tried = 0u32;
    callbacks.credentials(move |url, username, allowed| {
        tried += 1;
        if tried > 3 {
            return Err(git2::Error::from_str(
                "no credentials the remote accepts (ssh agent, git credential helper)",
            ));
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            return Cred::ssh_key_from_agent(username.unwrap_or("git"));
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) {
            let config = repo.config().or_else(|_| git2::Config::open_default())?;
            return Cred::credential_helper(&config, url, username);
        }
        if allowed.contains(CredentialType::USERNAME) {
            return Cred::username(username.unwrap_or("git"));
        }
        Cred::default()
    });
    callbacks
}

/// The remote by its name. A URL that is a relative path (`../team.git`) means, as git has it, a
/// path from the clone's top folder; libgit2 takes only absolute ones.
fn remote<'r>(repo: &'r Repository, name: &str) -> Result<git2::Remote<'r>, git2::Error> {
    let remote = repo.find_remote(name)?;
    let url = remote.url().unwrap_or("").to_owned();
    let scheme = url.contains("://");
    // scp-like `host:path`: a colon before the first slash.
    let scp = url
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    if url.is_empty() || scheme || scp {
        return Ok(remote);
    }
    if Path::new(&url).is_absolute() {
        // libgit2 would call a missing folder an "unsupported URL protocol".
        return if Path::new(&url).exists() {
            Ok(remote)
        } else {
            Err(git2::Error::from_str(&format!("there is no folder {url}")))
        };
    }
    match repo.workdir() {
        Some(dir) => {
            let joined = dir.join(&url);
            match joined.canonicalize() {
                Ok(absolute) => repo.remote_anonymous(&absolute.to_string_lossy()),
                Err(_) => Err(git2::Error::from_str(&format!(
                    "there is no folder {}",
                    joined.display()
                ))),
            }
        }
        None => Ok(remote),
    }
}

fn fetch(repo: &Repository, upstream: &Upstream) -> Result<(), String> {
    let mut remote =
        remote(repo, &upstream.remote).map_err(|e| offline_reason(&upstream.remote, &e))?;
    let mut options = FetchOptions::new();
    options.remote_callbacks(callbacks(repo));
    let refspec = format!("+{}:{}", upstream.merge, upstream.tracking);
    remote
        .fetch(&[refspec.as_str()], Some(&mut options), Some("gloss sync"))
        .map_err(|e| offline_reason(&upstream.remote, &e))
}

fn offline_reason(remote: &str, error: &git2::Error) -> String {
    format!(
        "could not reach the remote {remote} ({}); your work is committed here and goes out at \
         the next sync",
        error.message()
    )
}

enum Push {
    Done,
    Rejected,
    Offline(String),
}

/// The folder of a remote that is a repository on this machine (a path, absolute or relative to
/// the clone, or a `file://` URL).
fn local_remote(repo: &Repository, name: &str) -> Option<PathBuf> {
    let remote = repo.find_remote(name).ok()?;
    let url = remote.url()?;
    let path = match url.strip_prefix("file://") {
        Some(path) => PathBuf::from(path),
        None if url.contains("://") => return None,
        None if url
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':')) =>
        {
            return None;
        }
        None => repo.workdir()?.join(url),
    };
    path.canonicalize().ok()
}

/// Pushes the branch. The remote's branch must still be `expected` (what this sync built on):
/// a git server checks that itself, but libgit2 writing into a repository on this machine does
/// not, so there the objects go to a temporary ref and the branch is moved with a compare-and-swap.
fn push(repo: &Repository, upstream: &Upstream, branch: &str, expected: Option<Oid>) -> Push {
    let mut remote = match remote(repo, &upstream.remote) {
        Ok(remote) => remote,
        Err(e) => return Push::Offline(offline_reason(&upstream.remote, &e)),
    };
    let local = local_remote(repo, &upstream.remote);
    let temporary = format!(
        "refs/gloss-sync/incoming-{}-{}",
        std::process::id(),
        repo.refname_to_id(branch)
            .map(|id| id.to_string())
            .unwrap_or_default()
    );
    let target = if local.is_some() {
        temporary.as_str()
    } else {
        upstream.merge.as_str()
    };
    let rejected: RefCell<Option<String>> = RefCell::new(None);
    let result = {
        let mut callbacks = callbacks(repo);
        callbacks.push_update_reference(|_, status| {
            if let Some(status) = status {
                *rejected.borrow_mut() = Some(status.to_owned());
            }
            Ok(())
        });
        let mut options = PushOptions::new();
        options.remote_callbacks(callbacks);
        let refspec = format!("+{branch}:{target}");
        let refspec = if local.is_some() {
            refspec
        } else {
            refspec[1..].to_owned()
        };
        remote.push(&[refspec.as_str()], Some(&mut options))
    };
    let outcome = match result {
        Err(e) if e.code() == ErrorCode::NotFastForward => Push::Rejected,
        // Another push holds a lock in the remote right now: try again on top of it.
        Err(e) if e.code() == ErrorCode::Locked => Push::Rejected,
        Err(e) if e.message().contains("fast-forward") || e.message().contains("fastforward") => {
            Push::Rejected
        }
        Err(e) => Push::Offline(offline_reason(&upstream.remote, &e)),
        Ok(()) => match rejected.into_inner() {
            Some(_) => Push::Rejected,
            None => Push::Done,
        },
    };
    match (outcome, local) {
        (Push::Done, Some(path)) => move_branch(&path, &temporary, &upstream.merge, expected)
            .unwrap_or_else(|e| Push::Offline(offline_reason(&upstream.remote, &e))),
        (outcome, _) => outcome,
    }
}

/// In the remote repository at `path`: moves `branch` to what `temporary` names if it is still
/// `expected` (under the ref's lock), then drops `temporary`.
fn move_branch(
    path: &Path,
    temporary: &str,
    branch: &str,
    expected: Option<Oid>,
) -> Result<Push, git2::Error> {
    let remote = Repository::open(path)?;
    let new = remote.refname_to_id(temporary)?;
    let moved = match expected {
        Some(old) => remote.reference_matching(branch, new, true, old, "gloss sync"),
        None => remote.reference(branch, new, false, "gloss sync"),
    };
    if let Ok(mut temporary) = remote.find_reference(temporary) {
        let _ = temporary.delete();
    }
    match moved {
        Ok(_) => Ok(Push::Done),
        // Moved meanwhile, or being moved right now by another push (its lock file is there).
        Err(e)
            if matches!(
                e.code(),
                ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked
            ) =>
        {
            Ok(Push::Rejected)
        }
        Err(e) => Err(e),
    }
}

/// Puts the local commits the remote lacks on top of the remote's branch, file by file, and returns
/// the new head. See the module docs for what happens when both changed one file.
fn replay(
    repo: &Repository,
    local: Oid,
    theirs: Oid,
    request: &SyncRequest<'_>,
    report: &mut SyncReport,
) -> Result<Oid, git2::Error> {
    let base = repo.merge_base(local, theirs).ok();
    if base == Some(theirs) {
        return Ok(local);
    }
    if base == Some(local) {
        return Ok(theirs);
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
    walk.push(local)?;
    walk.hide(theirs)?;
    let mut onto = theirs;
    for id in walk {
        let commit = repo.find_commit(id?)?;
        let before = match commit.parents().next() {
            Some(parent) => Some(parent.tree()?),
            None => None,
        };
        let after = commit.tree()?;
        let onto_commit = repo.find_commit(onto)?;
        let onto_tree = onto_commit.tree()?;
        let diff = repo.diff_tree_to_tree(before.as_ref(), Some(&after), None)?;
        let mut update = TreeUpdateBuilder::new();
        for delta in diff.deltas() {
            let Some(path) = delta
                .new_file()
                .path()
                .or_else(|| delta.old_file().path())
                .and_then(Path::to_str)
            else {
                continue;
            };
            let old = Some(delta.old_file().id()).filter(|id| !id.is_zero());
            let new = Some(delta.new_file().id()).filter(|id| !id.is_zero());
            let current = onto_tree.get_path(Path::new(path)).ok().map(|e| e.id());
            let chosen = if current == old || current == new {
                new
            } else if path == PROJECT_FILE {
                merge_project_file(repo, old, new, current, request, report)?
            } else if path == ENTITIES_FILE {
                merge_registry(repo, old, new, current, request, report)?
            } else {
                // Both sides changed a file the user owns (the same annotator in two clones):
                // the remote's version stays, the user's is kept aside.
                if let Some(mine) = new {
                    keep_blob(repo, request, path, mine, report);
                }
                current
            };
            match chosen {
                Some(blob) => update.upsert(path, blob, FileMode::Blob),
                None => update.remove(path),
            };
        }
        let tree_id = update.create_updated(repo, &onto_tree)?;
        if tree_id == onto_tree.id() {
            continue;
        }
        let tree = repo.find_tree(tree_id)?;
        onto = repo.commit(
            None,
            &commit.author(),
            &commit.committer(),
            commit.message().unwrap_or(""),
            &tree,
            &[&onto_commit],
        )?;
    }
    Ok(onto)
}

/// `entities.ron` changed on both sides: merged entity by entity; a version that does not parse
/// leaves the remote's in place and the user's kept aside.
fn merge_registry(
    repo: &Repository,
    base: Option<Oid>,
    mine: Option<Oid>,
    theirs: Option<Oid>,
    request: &SyncRequest<'_>,
    report: &mut SyncReport,
) -> Result<Option<Oid>, git2::Error> {
    let content = |id: Option<Oid>| -> Result<Option<Vec<u8>>, git2::Error> {
        id.map(|id| repo.find_blob(id).map(|b| b.content().to_vec()))
            .transpose()
    };
    let empty = b"(format: 1, entities: [])".to_vec();
    let (base_bytes, mine_bytes, theirs_bytes) = (content(base)?, content(mine)?, content(theirs)?);
    let merged = super::merge_registry_files(
        Path::new(ENTITIES_FILE),
        base_bytes.as_deref(),
        mine_bytes.as_deref().unwrap_or(&empty),
        theirs_bytes.as_deref().unwrap_or(&empty),
    );
    match merged {
        Ok(bytes) => repo.blob(&bytes).map(Some),
        Err(_) => {
            if let Some(mine) = mine {
                keep_blob(repo, request, ENTITIES_FILE, mine, report);
            }
            Ok(theirs)
        }
    }
}

/// `project.ron` changed on both sides: git's three-way merge when it is clean and still parses as
/// a project file, else the remote's version, with both kept for the window.
fn merge_project_file(
    repo: &Repository,
    base: Option<Oid>,
    mine: Option<Oid>,
    theirs: Option<Oid>,
    request: &SyncRequest<'_>,
    report: &mut SyncReport,
) -> Result<Option<Oid>, git2::Error> {
    let (Some(mine), Some(theirs)) = (mine, theirs) else {
        return Ok(theirs);
    };
    let entry = |id: Oid| IndexEntry {
        ctime: IndexTime::new(0, 0),
        mtime: IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode: 0o100644,
        uid: 0,
        gid: 0,
        file_size: 0,
        id,
        flags: 0,
        flags_extended: 0,
        path: PROJECT_FILE.as_bytes().to_vec(),
    };
    let ancestor = base.map(entry);
    let merged = repo.merge_file_from_index(
        ancestor
            .as_ref()
            .unwrap_or(&entry(Oid::hash_object(ObjectType::Blob, b"")?)),
        &entry(mine),
        &entry(theirs),
        None,
    );
    if let Ok(merged) = merged
        && merged.is_automergeable()
        && std::str::from_utf8(merged.content())
            .is_ok_and(|text| ron::from_str::<ProjectFile>(text).is_ok())
    {
        return repo.blob(merged.content()).map(Some);
    }
    let conflict_dir = request.dir.join(SYNC_DIR).join("conflict");
    let write = |name: &str, id: Oid| -> Option<()> {
        let blob = repo.find_blob(id).ok()?;
        std::fs::create_dir_all(&conflict_dir).ok()?;
        super::write_atomic(&conflict_dir.join(name), blob.content()).ok()
    };
    if write(MINE_FILE, mine).is_some() && write(THEIRS_FILE, theirs).is_some() {
        report.conflict = true;
        report.kept.push((
            PROJECT_FILE.to_owned(),
            format!("{SYNC_DIR}/conflict/{MINE_FILE}"),
        ));
    }
    Ok(Some(theirs))
}

const MINE_FILE: &str = "project.ron.mine";
const THEIRS_FILE: &str = "project.ron.theirs";

/// The `project.ron` conflict waiting for the user, if there is one.
pub fn project_conflict(dir: &Path) -> Option<ProjectConflict> {
    let conflict_dir = dir.join(SYNC_DIR).join("conflict");
    let read = |name: &str| std::fs::read_to_string(conflict_dir.join(name)).ok();
    Some(ProjectConflict {
        mine: read(MINE_FILE)?,
        theirs: read(THEIRS_FILE)?,
    })
}

/// Settles the `project.ron` conflict: with `keep_mine`, the user's version goes back into
/// `project.ron` (shared by the next sync); otherwise the remote's stays. The conflict files go.
pub fn settle_project_conflict(dir: &Path, keep_mine: bool) -> Result<(), GitError> {
    let Some(conflict) = project_conflict(dir) else {
        return Ok(());
    };
    if keep_mine {
        let path = dir.join(PROJECT_FILE);
        super::write_atomic(&path, conflict.mine.as_bytes()).map_err(|source| GitError::Io {
            path,
            action: "write",
            source,
        })?;
    }
    let conflict_dir = dir.join(SYNC_DIR).join("conflict");
    for name in [MINE_FILE, THEIRS_FILE] {
        let path = conflict_dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(GitError::Io {
                    path,
                    action: "remove",
                    source,
                });
            }
        }
    }
    Ok(())
}

/// Copies a version of `path` into `.gloss-sync/kept/<stamp>/<path>` before it is replaced.
fn keep_bytes(request: &SyncRequest<'_>, path: &str, bytes: &[u8], report: &mut SyncReport) {
    let relative = format!("{SYNC_DIR}/kept/{}/{path}", request.stamp);
    let target = request.dir.join(&relative);
    let written = target
        .parent()
        .is_some_and(|parent| std::fs::create_dir_all(parent).is_ok())
        && super::write_atomic(&target, bytes).is_ok();
    if written {
        report.kept.push((path.to_owned(), relative));
    }
}

fn keep_blob(
    repo: &Repository,
    request: &SyncRequest<'_>,
    path: &str,
    id: Oid,
    report: &mut SyncReport,
) {
    if let Ok(blob) = repo.find_blob(id) {
        keep_bytes(request, path, blob.content(), report);
    }
}

/// Brings the folder from `old` to `new`: each file that differs is written (atomically) or
/// removed, after keeping aside a version here that neither commit has (a change the user may not
/// share, or a file made here at a path the remote now uses). The index follows.
fn update_folder(
    repo: &Repository,
    old: Option<Oid>,
    new: Oid,
    request: &SyncRequest<'_>,
    report: &mut SyncReport,
) -> Result<(), GitError> {
    let dir = request.dir;
    let git = |e: git2::Error| GitError::Git {
        path: dir.to_path_buf(),
        message: e.message().to_owned(),
    };
    let old_tree = match old {
        Some(id) => Some(repo.find_commit(id).and_then(|c| c.tree()).map_err(git)?),
        None => None,
    };
    let new_tree = repo.find_commit(new).and_then(|c| c.tree()).map_err(git)?;
    let diff = repo
        .diff_tree_to_tree(old_tree.as_ref(), Some(&new_tree), None)
        .map_err(git)?;
    let mut index = repo.index().map_err(git)?;
    for delta in diff.deltas() {
        let Some(path) = delta
            .new_file()
            .path()
            .or_else(|| delta.old_file().path())
            .and_then(Path::to_str)
            .map(str::to_owned)
        else {
            continue;
        };
        if owner(&path, request) == Owner::Scratch || path.split('/').any(|part| part == "..") {
            continue;
        }
        let file = dir.join(&path);
        let old_id = Some(delta.old_file().id()).filter(|id| !id.is_zero());
        let new_id = Some(delta.new_file().id()).filter(|id| !id.is_zero());
        if let Ok(here) = std::fs::read(&file) {
            let here_id = Oid::hash_object(ObjectType::Blob, &here).map_err(git)?;
            let only_annotators = path == PROJECT_FILE
                && old_id
                    .and_then(|id| repo.find_blob(id).ok())
                    .is_some_and(|old| same_but_annotators(old.content(), &here));
            if Some(here_id) != old_id && Some(here_id) != new_id && !only_annotators {
                keep_bytes(request, &path, &here, report);
            }
        }
        match new_id {
            Some(id) => {
                let blob = repo.find_blob(id).map_err(git)?;
                if let Some(parent) = file.parent() {
                    create_dir(parent)?;
                }
                super::write_atomic(&file, blob.content()).map_err(|source| GitError::Io {
                    path: file.clone(),
                    action: "write",
                    source,
                })?;
                index.add_path(Path::new(&path)).map_err(git)?;
            }
            None => {
                match std::fs::remove_file(&file) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(source) => {
                        return Err(GitError::Io {
                            path: file,
                            action: "remove",
                            source,
                        });
                    }
                }
                // An emptied annotations/<doc>/ folder goes too (the loader would list it).
                if let Some(parent) = file.parent()
                    && parent != dir
                {
                    let _ = std::fs::remove_dir(parent);
                }
                let _ = index.remove_path(Path::new(&path));
            }
        }
        report.received.push(path);
    }
    index.write().map_err(git)?;
    Ok(())
}

/// Commits on `branch` that `tracking` lacks (all of them without a remote).
fn count_commits(repo: &Repository, branch: &str, tracking: Option<&str>) -> usize {
    let Ok(local) = repo.refname_to_id(branch) else {
        return 0;
    };
    let Ok(mut walk) = repo.revwalk() else {
        return 0;
    };
    if walk.push(local).is_err() {
        return 0;
    }
    if let Some(theirs) = tracking.and_then(|t| repo.refname_to_id(t).ok()) {
        let _ = walk.hide(theirs);
    }
    walk.count()
}

/// The name `gloss sync` remembers for this folder (`.gloss-sync/name`), written by each sync.
pub fn remembered_name(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(SYNC_DIR).join("name")).ok()?;
    let name = text.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Remembers the name that synced this folder, for the next `gloss sync` without `--as`.
pub fn remember_name(dir: &Path, name: &str) -> Result<(), GitError> {
    ensure_sync_dir(dir)?;
    let path = dir.join(SYNC_DIR).join("name");
    super::write_atomic(&path, format!("{name}\n").as_bytes()).map_err(|source| GitError::Io {
        path,
        action: "write",
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(name: &'a str, curator: bool) -> SyncRequest<'a> {
        SyncRequest {
            dir: Path::new("."),
            annotator: name,
            may_change_project: curator,
            curators: &[],
            stamp: "t",
            attempts: 1,
            before_push: None,
        }
    }

    #[test]
    fn an_annotator_owns_only_their_layer_files() {
        let amira = request("amira", false);
        assert_eq!(owner("annotations/d1/amira.ron", &amira), Owner::Mine);
        assert_eq!(owner("annotations/d1/bruno.ron", &amira), Owner::Others);
        assert_eq!(owner("annotations/d1/gold.ron", &amira), Owner::Project);
        assert_eq!(owner("project.ron", &amira), Owner::Project);
        assert_eq!(owner("documents/d1.txt", &amira), Owner::Project);
        assert_eq!(owner(".gloss-sync/name", &amira), Owner::Scratch);
    }

    #[test]
    fn a_curator_owns_the_project_file_texts_and_gold() {
        let carla = request("carla", true);
        assert_eq!(owner("project.ron", &carla), Owner::Mine);
        assert_eq!(owner("documents/d1.txt", &carla), Owner::Mine);
        assert_eq!(owner("annotations/d1/gold.ron", &carla), Owner::Mine);
        assert_eq!(owner("annotations/d1/amira.ron", &carla), Owner::Others);
    }
}
