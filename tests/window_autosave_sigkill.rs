//! The window's autosave, killed with SIGKILL at random moments, loses nothing it had saved and leaves
//! a project that `gloss check` accepts.
//!
//! The window's saves are the workbench's: its autosave starts a save job that writes every changed
//! layer file and then `project.ron`. This test runs that workbench in a child process (this same test
//! binary, running the ignored test `autosaving_workbench` with `GLOSS_AUTOSAVE_CHILD` set), which
//! labels one word in each of 300 documents per round, saves through the autosave job, and after each
//! completed save appends the round to a log outside the project. The parent kills it with SIGKILL a
//! random time after a save completed, three times over, reopening the project each time, and then
//! checks with the real `gloss check` and the real loader.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gloss::model::{Annotation, CharSpan, DocId, LayerKey, LayerName};
use gloss::workbench::{Command as Do, SaveState, Workbench};

const CHILD_VAR: &str = "GLOSS_AUTOSAVE_CHILD";
const DOCS: usize = 300;
/// Each document is this many words of `WORD_WIDTH` chars (a word and its space).
const WORDS: usize = 400;
const WORD_WIDTH: usize = 6;

fn gloss() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("gloss"))
}

/// The span of word `n` in every document.
fn word(n: usize) -> CharSpan {
    CharSpan::new(n * WORD_WIDTH, n * WORD_WIDTH + WORD_WIDTH - 1)
}

/// The log of completed saves, beside the project.
fn log_of(dir: &Path) -> PathBuf {
    dir.with_extension("saved")
}

/// The child: the window's workbench, labelling and autosaving until it is killed.
#[test]
#[ignore = "the child process of the autosave kill test below, which runs it"]
fn autosaving_workbench() {
    let Some(dir) = std::env::var_os(CHILD_VAR).map(PathBuf::from) else {
        return;
    };
    let mut wb = Workbench::open(&dir, "amira").unwrap();
    let docs: Vec<DocId> = wb
        .project()
        .documents()
        .iter()
        .map(|d| d.id.clone())
        .collect();
    // Go on from the words the first document already has.
    let first = LayerKey::new(docs[0].clone(), LayerName::new("amira").unwrap());
    let start = wb.project().layer(&first).map_or(0, |l| l.len());
    for round in start..WORDS {
        for doc in &docs {
            wb.execute(Do::SelectDocument(doc.clone())).unwrap();
            wb.execute(Do::SelectSpan(word(round))).unwrap();
            wb.execute(Do::Label("PERSON".to_owned())).unwrap();
        }
        // The window's save: Ctrl+S asks, the next frame's tick starts the save job, later frames
        // collect it.
        wb.execute(Do::Save).unwrap();
        loop {
            wb.tick(Instant::now());
            match wb.save_state() {
                SaveState::Saved => break,
                SaveState::Error(message) => panic!("save failed: {message}"),
                SaveState::Saving | SaveState::Unsaved => {
                    std::thread::sleep(Duration::from_millis(1))
                }
            }
        }
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log_of(&dir))
            .unwrap();
        writeln!(log, "{round}").unwrap();
        log.sync_all().unwrap();
    }
}

/// When to kill the child, once it has completed a save.
#[derive(Clone, Copy, Debug)]
enum KillWhen {
    /// As soon as the next save has rewritten this layer file (relative to the project), the middle
    /// one of the save: the kill lands inside the save.
    Rewritten(&'static str),
    /// This long after the save completed: anywhere in labelling or saving.
    After(Duration),
}

/// Starts the child on `dir` and kills it with SIGKILL as `when` says; whether the kill landed.
fn run_child_and_kill(dir: &Path, when: KillWhen) -> bool {
    let before = saved_rounds(dir).len();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "autosaving_workbench",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_VAR, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A safety net against a child that never saves, not a speed check.
    let deadline = Instant::now() + Duration::from_secs(600);
    let ended = |child: &mut std::process::Child| {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
            panic!("the autosaving child ended: {status}\n{stderr}");
        }
        assert!(Instant::now() < deadline, "the child stopped saving");
    };
    while saved_rounds(dir).len() == before {
        ended(&mut child);
        std::thread::sleep(Duration::from_millis(2));
    }
    match when {
        KillWhen::After(delay) => std::thread::sleep(delay),
        KillWhen::Rewritten(file) => {
            let path = dir.join(file);
            let saved = std::fs::metadata(&path).map(|m| m.len()).ok();
            while std::fs::metadata(&path).map(|m| m.len()).ok() == saved {
                ended(&mut child);
                std::thread::yield_now();
            }
        }
    }
    child.kill().unwrap();
    child.wait().unwrap().signal() == Some(9)
}

/// The rounds whose save completed, from the child's log.
fn saved_rounds(dir: &Path) -> Vec<usize> {
    std::fs::read_to_string(log_of(dir))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.parse().ok())
        .collect()
}

/// A pseudo-random delay from a seed: where in the next save the kill lands.
fn delay(seed: u64) -> Duration {
    let mixed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    Duration::from_millis((mixed >> 33) % 1_500)
}

#[test]
fn a_sigkill_during_the_windows_autosave_loses_no_saved_annotation() {
    if std::env::var_os(CHILD_VAR).is_some() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("project");
    let made = gloss()
        .arg("new")
        .arg(&dir)
        .args(["--preset", "news"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let articles = temp.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let text: String = (0..WORDS).map(|n| format!("W{n:04} ")).collect();
    for i in 0..DOCS {
        std::fs::write(articles.join(format!("a{i:03}.txt")), text.trim_end()).unwrap();
    }
    let imported = gloss()
        .arg("import")
        .arg(&dir)
        .arg(&articles)
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");

    let middle = gloss::storage::load(&dir).unwrap().documents()[DOCS / 2]
        .id
        .to_string();
    let middle: &'static str =
        Box::leak(format!("annotations/{middle}/amira.ron").into_boxed_str());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    let kills = [
        KillWhen::Rewritten(middle),
        KillWhen::After(delay(seed)),
        KillWhen::Rewritten(middle),
    ];
    let mut landed = 0;
    for (kill, when) in kills.into_iter().enumerate() {
        landed += usize::from(run_child_and_kill(&dir, when));
        // The lock went with the process: the project opens again at once, and checks clean.
        let check = gloss().arg("check").arg(&dir).output().unwrap();
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "kill {kill} ({when:?}): gloss check failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&check.stderr)
        );
        let project = gloss::storage::load(&dir).unwrap();
        let words: std::collections::BTreeSet<usize> = project
            .documents()
            .iter()
            .map(|doc| {
                let key = LayerKey::new(doc.id.clone(), LayerName::new("amira").unwrap());
                project.layer(&key).map_or(0, |l| l.len())
            })
            .collect();
        // Where the kill landed, for the log: documents saved with different numbers of words mean
        // it landed inside a save.
        eprintln!(
            "kill {kill} ({when:?}): documents hold {words:?} words; {} saved rounds; check said:\n{stdout}",
            saved_rounds(&dir).len()
        );
        for round in saved_rounds(&dir) {
            for doc in project.documents() {
                let key = LayerKey::new(doc.id.clone(), LayerName::new("amira").unwrap());
                let kept = project.layer(&key).is_some_and(|layer| {
                    layer
                        .iter()
                        .any(|a| matches!(a, Annotation::Entity(e) if e.span == word(round)))
                });
                assert!(
                    kept,
                    "kill {kill} ({when:?}): the word of saved round {round} in {} was lost",
                    doc.id
                );
            }
        }
    }
    assert_eq!(landed, kills.len(), "a kill came after the child had ended");
    let repaired = gloss()
        .args(["check", "--repair"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(repaired.status.success(), "{repaired:?}");
}
