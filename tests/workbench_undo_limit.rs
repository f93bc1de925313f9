//! The project's `undo_limit` setting: how many undo steps the window keeps, the oldest dropped
//! first; written to project.ron only when it differs from the default.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use gloss::model::history::DEFAULT_UNDO_LIMIT;
use gloss::workbench::{Command, Workbench};

fn copy_dir(from: &Path, to: &Path) {
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

fn sample_with_limit(temp: &tempfile::TempDir, limit: Option<usize>) -> PathBuf {
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &dir,
    );
    if let Some(limit) = limit {
        let file = dir.join("project.ron");
        let text = std::fs::read_to_string(&file).unwrap().replace(
            "min_agree: 2,",
            &format!("min_agree: 2,\n        undo_limit: {limit},"),
        );
        std::fs::write(file, text).unwrap();
    }
    dir
}

/// How many times Undo works before nothing is left to undo.
fn undoable_steps(wb: &mut Workbench) -> usize {
    let mut steps = 0;
    while wb.can_undo() {
        wb.execute(Command::Undo).unwrap();
        steps += 1;
        assert!(steps <= 10_000, "undo never ends");
    }
    steps
}

#[test]
fn the_window_keeps_as_many_undo_steps_as_the_project_allows() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_with_limit(&temp, Some(3));
    let mut wb = Workbench::open(&dir, "tester").unwrap();
    for _ in 0..5 {
        wb.execute(Command::ToggleDone).unwrap();
    }
    assert_eq!(undoable_steps(&mut wb), 3);
}

#[test]
fn the_default_keeps_a_thousand_steps_and_is_not_written() {
    assert_eq!(DEFAULT_UNDO_LIMIT, 1000);
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_with_limit(&temp, None);
    let mut project = gloss::storage::load(&dir).unwrap();
    assert_eq!(project.settings.undo_limit, DEFAULT_UNDO_LIMIT);
    project.mark_project_dirty();
    gloss::storage::save(&dir, &mut project).unwrap();
    let text = std::fs::read_to_string(dir.join("project.ron")).unwrap();
    assert!(!text.contains("undo_limit"), "{text}");

    let other = tempfile::tempdir().unwrap();
    let dir = sample_with_limit(&other, Some(7));
    let mut project = gloss::storage::load(&dir).unwrap();
    assert_eq!(project.settings.undo_limit, 7);
    project.mark_project_dirty();
    gloss::storage::save(&dir, &mut project).unwrap();
    let text = std::fs::read_to_string(dir.join("project.ron")).unwrap();
    assert!(text.contains("undo_limit: 7"), "{text}");
}
