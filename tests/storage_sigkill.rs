//! A Gloss killed with SIGKILL in the middle of saving leaves a project that `gloss check` accepts,
//! with every annotation saved before still there. The real `gloss` binary imports 4,000 files, applies
//! suggestions to every document and adjudicates them, and is killed at moments picked by watching the
//! folder: when the first file of its save appears, part-way through, and while it writes `project.ron`
//! (a command that finishes before the kill is checked all the same). After each kill the lock is free
//! at once (the operating system released it), `gloss check` passes, listing leftovers, and
//! `gloss check --repair` removes them.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use gloss::model::Project;
use gloss::storage;

const FILES: usize = 4_000;

fn gloss() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("gloss"))
}

/// When to kill: as soon as this holds for the project folder.
enum KillWhen {
    /// This file (relative to the project) exists: the save has reached it.
    Exists(&'static str),
    /// A temp file is in the project folder itself: `project.ron`, the last file of a save, is being
    /// written.
    IndexBeingWritten,
    /// Never: let the command finish.
    Never,
}

impl KillWhen {
    fn holds(&self, dir: &Path) -> bool {
        match self {
            KillWhen::Exists(relative) => dir.join(relative).exists(),
            KillWhen::IndexBeingWritten => std::fs::read_dir(dir).is_ok_and(|entries| {
                entries.flatten().any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with(".gloss-") && name.ends_with(".tmp")
                })
            }),
            KillWhen::Never => false,
        }
    }
}

/// Runs `gloss <args>`, killing it with SIGKILL once `when` holds; whether the kill landed (the process
/// was still running).
fn run_and_kill(dir: &Path, args: &[&str], when: KillWhen) -> bool {
    let mut child = gloss()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success(),
                "gloss {args:?} failed on its own: {status}"
            );
            return false;
        }
        if when.holds(dir) {
            // Child::kill sends SIGKILL on Unix.
            child.kill().unwrap();
            let status = child.wait().unwrap();
            return status.signal() == Some(9);
        }
        std::thread::yield_now();
    }
}

/// `gloss check` passes; returns its output.
fn check(dir: &Path, repair: bool) -> String {
    let mut command = gloss();
    command.arg("check").arg(dir);
    if repair {
        command.arg("--repair");
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        output.status.success(),
        "gloss check failed after a kill:\n{stdout}\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stdout
}

/// Every annotation of `before` is in `after`, unchanged.
fn assert_kept(before: &Project, after: &Project, round: &str) {
    let mut count = 0;
    for (key, layer) in before.layers() {
        let kept = after.layer(key);
        for annotation in layer.iter() {
            count += 1;
            assert_eq!(
                kept.and_then(|l| l.get(annotation.id())),
                Some(annotation),
                "{round}: annotation {} of {key} was lost",
                annotation.id()
            );
        }
    }
    assert!(count > 0 || before.layers().count() == 0);
}

fn source_files(root: &Path, round: usize) -> PathBuf {
    let dir = root.join(format!("articles-{round}"));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 1..=FILES {
        std::fs::write(
            dir.join(format!("r{round}-{i:04}.txt")),
            format!("Article {i}: Kurti met Vučić in Brussels on Thursday, officials said."),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_sigkill_during_import_apply_or_adjudicate_leaves_a_project_check_accepts_with_nothing_lost() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &dir,
    );
    let d = dir.to_str().unwrap().to_owned();
    let mut state = State {
        dir: dir.clone(),
        saved: storage::load(&dir).unwrap(),
        landed: 0,
        rounds: 0,
    };

    let sources: Vec<String> = (1..=3)
        .map(|round| {
            source_files(temp.path(), round)
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let import = |round: usize| ["import".to_owned(), d.clone(), sources[round - 1].clone()];
    // A save writes its texts on 8 threads, each a run of 500 in order: r2-0250 is half-way.
    let kills = [
        KillWhen::Exists("documents/r1-0001.txt"),
        KillWhen::Exists("documents/r2-0250.txt"),
        KillWhen::IndexBeingWritten,
    ];
    for (round, when) in (1..=3).zip(kills) {
        let args = import(round);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let killed = run_and_kill(&dir, &args, when);
        state.after_round(&format!("import {round}"), killed, round % 2 == 0);
    }
    // One import that completes, over the texts a killed one left.
    let args = import(1);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_and_kill(&dir, &args, KillWhen::Never);
    state.after_round("import 1 again", false, false);
    assert!(state.saved.documents().len() > FILES);

    // The baseline recommender: cheap, and it finds Kurti, Brussels and Thursday in every text.
    let suggest = |layer: &'static str| {
        [
            "suggest",
            &d,
            "--apply",
            "--layer",
            layer,
            "--recommender",
            "baseline",
        ]
        .map(str::to_owned)
    };
    // Layer x is left as the kill left it: adjudication then merges where x got that far.
    let rounds_of_apply = [
        ("x", KillWhen::Exists("annotations/r1-0250/x.ron")),
        ("y", KillWhen::Never),
    ];
    for (i, (layer, when)) in rounds_of_apply.into_iter().enumerate() {
        let args = suggest(layer);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let killed = run_and_kill(&dir, &args, when);
        state.after_round(&format!("apply {i}"), killed, i == 0);
    }

    let adjudicate = |docs: Option<String>| {
        let mut args: Vec<String> = [
            "adjudicate",
            &d,
            "--auto",
            "--layers",
            "x,y",
            "--min-agree",
            "2",
        ]
        .map(str::to_owned)
        .to_vec();
        if let Some(docs) = docs {
            args.extend(["--docs".to_owned(), docs]);
        }
        args
    };
    // Killed while merging every document, then a run that completes over a few (to keep the test
    // short: its disk syncs are most of its time).
    let few: Vec<String> = (1..=50).map(|i| format!("r1-{i:04}")).collect();
    let rounds_of_adjudication = [
        (None, KillWhen::Exists("annotations/r1-0250/gold.ron")),
        (Some(few.join(",")), KillWhen::Never),
    ];
    for (i, (docs, when)) in rounds_of_adjudication.into_iter().enumerate() {
        let args = adjudicate(docs);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let killed = run_and_kill(&dir, &args, when);
        state.after_round(&format!("adjudicate {i}"), killed, i == 1);
    }
    // Shown with --nocapture: how many kills landed before the command finished.
    eprintln!(
        "{} of {} rounds were killed mid-run",
        state.landed, state.rounds
    );
}

/// The project under test and what it held after the last round.
struct State {
    dir: PathBuf,
    saved: Project,
    landed: usize,
    rounds: usize,
}

impl State {
    /// After a round: `gloss check` passes, every annotation saved before is still there, and with
    /// `repair`, `gloss check --repair` leaves nothing to list.
    fn after_round(&mut self, name: &str, killed: bool, repair: bool) {
        self.rounds += 1;

        self.landed += usize::from(killed);
        check(&self.dir, false);
        let project = storage::load(&self.dir).unwrap();
        assert_kept(&self.saved, &project, name);
        if repair {
            check(&self.dir, true);
            let again = check(&self.dir, false);
            assert!(!again.contains("leftover"), "{name}: {again}");
        }
        self.saved = project;
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else if entry.file_name() != ".gloss.lock" {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
