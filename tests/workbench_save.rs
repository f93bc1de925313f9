//! Saving: in the background, after a quiet moment, on document switch and on close; a failed write
//! keeps the work marked unsaved.

#![allow(clippy::unwrap_used)]

mod workbench_support;

use std::time::{Duration, Instant};

use gloss::storage;
use gloss::workbench::jobs::Jobs;
use gloss::workbench::{Command, SaveState, Workbench};
use workbench_support::{ANNOTATOR, clock, entities, owned, project, run, select_text, workbench};

const DOCS: &[(&str, &str)] = &[
    (
        "first",
        "[Vucic]{PERSON} met [Kurti]{PERSON} in [Brussels]{GPE}.",
    ),
    ("second", "Kurti returned to Prishtina."),
];

#[test]
fn flush_writes_everything_and_loading_gives_the_same_project() {
    let (mut wb, _dir) = workbench(DOCS);
    select_text(&mut wb, "met");
    run(&mut wb, Command::Hotkey('m'));
    assert_eq!(wb.save_state(), SaveState::Unsaved);
    wb.flush().unwrap();
    assert_eq!(wb.save_state(), SaveState::Saved);
    let loaded = storage::load(wb.dir()).unwrap();
    assert_eq!(&loaded, wb.project());
    assert!(loaded.annotators.contains(&ANNOTATOR.to_owned()));
}

#[test]
fn autosave_starts_three_seconds_after_the_last_change() {
    let (mut wb, _dir) = workbench(DOCS);
    let start = Instant::now();
    wb.tick(start);
    select_text(&mut wb, "met");
    run(&mut wb, Command::Hotkey('m'));
    wb.tick(start + Duration::from_secs(1));
    assert_eq!(wb.save_state(), SaveState::Unsaved);
    assert_eq!(wb.next_tick(), Some(start + Duration::from_secs(4)));

    // Another change restarts the delay.
    select_text(&mut wb, "Brussels");
    run(&mut wb, Command::Hotkey('l'));
    wb.tick(start + Duration::from_secs(3));
    assert_eq!(wb.save_state(), SaveState::Unsaved);
    assert!(
        !storage::is_project(wb.dir()),
        "nothing written before the delay"
    );

    wb.tick(start + Duration::from_secs(6));
    assert_ne!(wb.save_state(), SaveState::Unsaved, "the save has started");
    // Wait for the save job (the only blocking call) and check what it wrote.
    wb.flush().unwrap();
    assert_eq!(wb.save_state(), SaveState::Saved);
    assert_eq!(&storage::load(wb.dir()).unwrap(), wb.project());
}

#[test]
fn ticks_collect_a_finished_save_without_blocking() {
    let (mut wb, _dir) = workbench(DOCS);
    // Queued jobs: the save is written when the test runs the jobs, not when a thread gets to it.
    wb.set_jobs(Jobs::queued());
    run(&mut wb, Command::Save);
    assert_eq!(wb.save_state(), SaveState::Saving);
    wb.tick(Instant::now());
    assert_eq!(
        wb.save_state(),
        SaveState::Saving,
        "a tick never waits for the save"
    );
    assert!(!storage::is_project(wb.dir()), "nothing written yet");

    assert_eq!(wb.jobs().run_until_idle(), 1, "one save job");
    wb.tick(Instant::now());
    assert_eq!(wb.save_state(), SaveState::Saved);
    assert_eq!(&storage::load(wb.dir()).unwrap(), wb.project());
}

#[test]
fn switching_documents_saves_what_is_pending() {
    let (mut wb, _dir) = workbench(DOCS);
    select_text(&mut wb, "met");
    run(&mut wb, Command::Hotkey('m'));
    run(&mut wb, Command::NextDocument);
    assert_ne!(
        wb.save_state(),
        SaveState::Unsaved,
        "the switch started a save"
    );
    wb.flush().unwrap();
    assert_eq!(&storage::load(wb.dir()).unwrap(), wb.project());
}

#[test]
fn a_failed_save_says_which_file_and_keeps_the_work_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the project folder should be: every write into it fails, even for root.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").unwrap();
    let mut wb = Workbench::from_project(project(DOCS), blocked.clone(), ANNOTATOR);
    wb.set_clock(Box::new(clock));
    select_text(&mut wb, "met");
    run(&mut wb, Command::Hotkey('m'));

    let error = wb.flush().unwrap_err().to_string();
    assert!(
        error.contains("blocked"),
        "the message names the place: {error}"
    );
    let SaveState::Error(message) = wb.save_state() else {
        panic!("expected an error state, got {:?}", wb.save_state());
    };
    assert_eq!(message, error);
    assert!(
        !wb.project().dirty().is_empty(),
        "the work is still marked unsaved"
    );
    assert!(
        wb.project()
            .dirty()
            .layers
            .iter()
            .any(|k| k.doc.as_str() == "first")
    );

    // Once the folder can be written, the next save writes everything.
    std::fs::remove_file(&blocked).unwrap();
    wb.flush().unwrap();
    assert_eq!(wb.save_state(), SaveState::Saved);
    let loaded = storage::load(&blocked).unwrap();
    assert_eq!(&loaded, wb.project());
}

#[test]
fn open_locks_the_project_and_a_second_open_is_refused() {
    let (mut wb, _dir) = workbench(DOCS);
    wb.flush().unwrap();
    let path = wb.dir().to_path_buf();
    drop(wb);
    let mut opened = Workbench::open(&path, "bob").unwrap();
    assert_eq!(opened.current_doc().unwrap().id.as_str(), "first");
    assert_eq!(entities(&opened).len(), 0, "bob's layer starts empty");
    assert!(opened.project().annotators.contains(&"bob".to_owned()));
    assert!(
        Workbench::open(&path, "carol").is_err(),
        "the lock keeps a second writer out"
    );
    select_text(&mut opened, "Brussels");
    run(&mut opened, Command::Hotkey('g'));
    assert_eq!(entities(&opened), owned(&[("Brussels", "GPE")]));
    opened.flush().unwrap();
    drop(opened);
    let reopened = Workbench::open(&path, "bob").unwrap();
    assert_eq!(entities(&reopened), owned(&[("Brussels", "GPE")]));
}

#[test]
fn imported_texts_become_documents_and_are_saved() {
    let (mut wb, _dir) = workbench(DOCS);
    let added = wb.import_texts(
        vec![(
            "lines.txt".to_owned(),
            "Вучић и Курти\r\n\r\n🇽🇰 Prishtinë\n".to_owned(),
        )],
        true,
    );
    assert_eq!(added, 2);
    assert_eq!(wb.project().documents().len(), 4);
    wb.flush().unwrap();
    assert_eq!(&storage::load(wb.dir()).unwrap(), wb.project());
}

#[test]
fn a_new_project_from_a_preset_takes_imports_and_reopens_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks");
    let mut wb = Workbench::new_project(&path, "Talks", "news", "alice").unwrap();
    assert!(wb.project().schema.entity_label("PERSON").is_some());
    assert!(wb.current_doc().is_none());
    let added = wb.import_texts(
        vec![(
            "talks.txt".to_owned(),
            "Brussels talks\n\nVucic met Kurti in Brussels.".to_owned(),
        )],
        false,
    );
    assert_eq!(added, 1);
    assert!(wb.current_doc().is_some(), "the first import is shown");
    select_text(&mut wb, "Kurti");
    run(&mut wb, Command::Label("PERSON".into()));
    wb.flush().unwrap();
    let saved = wb.project().clone();
    drop(wb);
    assert_eq!(storage::load(&path).unwrap(), saved);
    assert!(
        Workbench::new_project(&path, "Again", "news", "alice").is_err(),
        "never overwrites"
    );
    let error =
        Workbench::new_project(&dir.path().join("other"), "X", "nonsense", "alice").unwrap_err();
    assert!(error.to_string().starts_with("there is no preset nonsense"));
}

#[test]
fn the_sample_project_opens_on_its_first_article_with_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kosovo-talks");
    copy_dir(std::path::Path::new("tests/fixtures/kosovo-talks"), &copy);
    let wb = Workbench::open(&copy, "amira").unwrap();
    let doc = wb.current_doc().unwrap();
    assert_eq!(doc.id.as_str(), "kosovo-serbia-brussels-talks");
    assert!(wb.current_layer().is_some_and(|layer| !layer.is_empty()));
    assert!(!entities(&wb).is_empty());
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
