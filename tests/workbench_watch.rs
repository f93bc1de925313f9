//! The open project's folder is watched (issue 13, item 4): a layer file another program changes
//! is read in without the analyst doing anything. This drives the real watcher (the operating
//! system's file events), so it waits for them, with a generous bound and no assertion on time.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use gloss::model::{DocId, LayerKey, LayerName, Status};
use gloss::workbench::Workbench;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != ".gloss.lock" {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn another_annotators_file_changed_on_disk_is_read_in_by_itself() {
    let temp = tempfile::TempDir::new().unwrap();
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &dir,
    );
    let mut wb = Workbench::open(&dir, "amira").unwrap();
    wb.flush().unwrap();
    // The first tick starts the watcher.
    wb.tick(Instant::now());
    let doc = DocId::new("kosovo-serbia-brussels-talks").unwrap();
    let key = LayerKey::new(doc, LayerName::new("bruno").unwrap());
    assert_eq!(wb.project().status(&key), Status::InProgress);
    let file = dir.join("annotations/kosovo-serbia-brussels-talks/bruno.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("status: InProgress", "status: Done", 1),
    )
    .unwrap();
    // Events arrive on the watcher's thread; the reading runs as a job. Wait for both, at most
    // about a minute (they take milliseconds).
    for _ in 0..3000 {
        wb.tick(Instant::now());
        if wb.project().status(&key) == Status::Done {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the change on disk was not read in");
}
