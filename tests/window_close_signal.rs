//! Closing safely (issue 10, item 10): on a window-manager close and on SIGTERM, edits not yet
//! autosaved are saved and the project lock is released.
//!
//! The SIGTERM test runs the window (the real app, driven by kittest, so no display is needed) in a
//! child process: this same test binary running the ignored test `window_until_sigterm` with
//! `GLOSS_SIGTERM_CHILD` set. The child labels a word, says it is ready, and steps frames as the
//! event loop would until the app asks to close; then it does what eframe does on close
//! (`App::on_exit`). The parent sends SIGTERM once the child is ready and checks the disk.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use gloss::model::{CharSpan, LayerKey, LayerName};
use gloss::storage::lock::LOCK_FILE;
use gloss::workbench::{Command, SaveState, Workbench};
use ui_support::*;

const CHILD_VAR: &str = "GLOSS_SIGTERM_CHILD";
const READY: &str = "gloss-child-ready";

/// amira's label on the first "Kurti" of the sample, as saved in the project on disk.
fn saved_label_of_kurti(dir: &Path) -> Option<String> {
    let project = gloss::storage::load(dir).unwrap();
    let doc = project.documents().first().unwrap().clone();
    let text = doc.text.as_str();
    let byte = text.find("Albin Kurti").unwrap();
    let start = text[..byte].chars().count();
    let span = CharSpan::new(start, start + "Albin Kurti".chars().count());
    let key = LayerKey::new(doc.id.clone(), LayerName::new("amira").unwrap());
    project
        .layer(&key)?
        .iter()
        .find(|a| a.primary_span() == span)
        .map(|a| a.label().to_owned())
}

/// Relabels "Albin Kurti" ORG in the open window, without saving.
fn relabel_kurti(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>) {
    let wb = harness.state_mut().workbench_mut().unwrap();
    let span = find_span(wb, "Albin Kurti", 0);
    let id = entity_at(wb, span).unwrap();
    wb.execute(Command::SelectAnnotation(id)).unwrap();
    wb.execute(Command::Label("ORG".to_owned())).unwrap();
    assert_eq!(wb.save_state(), SaveState::Unsaved);
    harness.run_ok();
}

#[test]
fn a_window_manager_close_saves_unsaved_edits_and_releases_the_lock() {
    let (_temp, dir) = sample_copy();
    let wb = Workbench::open(&dir, "amira").unwrap();
    let mut harness = harness(wb);
    relabel_kurti(&mut harness);
    assert!(
        dir.join(LOCK_FILE).exists(),
        "held while the window is open"
    );
    assert_eq!(saved_label_of_kurti(&dir).as_deref(), Some("PERSON"));

    // What eframe calls when the window is closed by its close button or the window manager.
    eframe::App::on_exit(harness.state_mut(), None);

    assert_eq!(saved_label_of_kurti(&dir).as_deref(), Some("ORG"));
    assert!(!dir.join(LOCK_FILE).exists(), "the lock file is gone");
    let mut reopened = Workbench::open(&dir, "bruno").unwrap();
    assert_eq!(
        reopened.take_notice(),
        None,
        "the next Gloss is not told that the last one ended without closing"
    );
}

/// The child of the SIGTERM test (see the module docs).
#[test]
#[ignore = "the child process of the SIGTERM test below, which runs it"]
fn window_until_sigterm() {
    let Some(dir) = std::env::var_os(CHILD_VAR).map(PathBuf::from) else {
        return;
    };
    let wb = Workbench::open(&dir, "amira").unwrap();
    let mut harness = harness(wb);
    let ctx = harness.ctx.clone();
    harness.state_mut().close_on_signals(&ctx);
    relabel_kurti(&mut harness);
    println!("{READY}");
    // The event loop: frames until the app asks to close (a bound, not a timing: the parent
    // signals as soon as it reads the line above).
    for _ in 0..60_000 {
        harness.step();
        if harness.state().closing() {
            eframe::App::on_exit(harness.state_mut(), None);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the window did not close after SIGTERM");
}

#[test]
fn sigterm_saves_unsaved_edits_and_releases_the_lock() {
    let (_temp, dir) = sample_copy();
    let mut child = Process::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "window_until_sigterm",
            "--nocapture",
        ])
        .env(CHILD_VAR, &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let ready = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|line| line == READY);
    assert!(ready, "the child never got ready");
    assert!(dir.join(LOCK_FILE).exists(), "the child holds the lock");
    assert_eq!(
        saved_label_of_kurti(&dir).as_deref(),
        Some("PERSON"),
        "the edit is not saved yet"
    );

    let pid = i32::try_from(child.id()).unwrap();
    let sent = send_sigterm(pid);
    assert!(sent, "SIGTERM could not be sent");
    let status = child.wait().unwrap();
    let _rest: Vec<String> = lines.map_while(Result::ok).collect();

    assert!(status.success(), "the child closed cleanly: {status:?}");
    assert_eq!(saved_label_of_kurti(&dir).as_deref(), Some("ORG"));
    assert!(!dir.join(LOCK_FILE).exists(), "the lock file is gone");
    let mut reopened = Workbench::open(&dir, "bruno").unwrap();
    assert_eq!(reopened.take_notice(), None);
}

/// Sends SIGTERM to a process this test started.
fn send_sigterm(pid: i32) -> bool {
    rustix::process::Pid::from_raw(pid).is_some_and(|pid| {
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).is_ok()
    })
}
