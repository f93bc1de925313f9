//! The team in the window (issue 13): the Sync button saves, shares the annotator's work through
//! the project's git remote and brings in the others' (a background job: the window never waits),
//! with what happened in the top bar. The remote is a bare repository in a temporary folder.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use egui_kittest::kittest::Queryable;
use gloss::model::{DocId, LayerKey, LayerName};
use gloss::workbench::Command;
use gloss::workbench::team::SyncView;
use tempfile::TempDir;
use ui_support::*;

fn gloss(args: &[&str]) {
    let output = Process::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "gloss {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A bare remote with carla's project of two articles (carla curator, every document assigned to
/// amira and bruno), and amira's and bruno's clones.
fn team() -> (TempDir, PathBuf, PathBuf) {
    let temp = TempDir::new().unwrap();
    let remote = temp.path().join("team.git");
    git2::Repository::init_bare(&remote).unwrap();
    let carla = temp.path().join("carla");
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    gloss(&["new", &path(&carla), "--preset", "news"]);
    let inputs = temp.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(
        inputs.join("talks.txt"),
        "Talks in Brussels\n\nAlbin Kurti met Aleksandar Vučić in Brussels on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("summit.txt"),
        "Summit in Paris\n\nEmmanuel Macron hosted Olaf Scholz in Paris on Friday.\n",
    )
    .unwrap();
    gloss(&["import", &path(&carla), &path(&inputs)]);
    gloss(&[
        "assign",
        &path(&carla),
        "--curators",
        "carla",
        "--annotators",
        "amira,bruno",
        "--per-doc",
        "2",
    ]);
    let repo = git2::Repository::init(&carla).unwrap();
    repo.remote("origin", remote.to_str().unwrap()).unwrap();
    gloss(&["sync", &path(&carla), "--as", "carla"]);
    let clone = |name: &str| {
        let dir = temp.path().join(name);
        git2::Repository::clone(remote.to_str().unwrap(), &dir).unwrap();
        dir
    };
    let amira = clone("amira");
    let bruno = clone("bruno");
    (temp, amira, bruno)
}

/// Runs background work until the sync has finished and the window has read in what came.
fn until_synced(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>) -> SyncView {
    for _ in 0..10 {
        wait_for_background(harness);
        if let Some(view @ (SyncView::Synced { .. } | SyncView::Failed(_))) =
            ui_support::wb(harness).sync_view().cloned()
        {
            wait_for_background(harness);
            return view;
        }
    }
    panic!("the sync did not finish");
}

#[test]
fn the_sync_button_shares_my_work_and_brings_in_the_others() {
    let (_temp, amira, bruno) = team();
    // bruno annotates and syncs from the command line first.
    let bruno_dir = bruno.to_str().unwrap();
    gloss(&[
        "suggest",
        bruno_dir,
        "--apply",
        "--layer",
        "bruno",
        "--recommender",
        "baseline",
    ]);
    gloss(&["sync", bruno_dir, "--as", "bruno"]);

    let mut harness = starting_harness_as(amira.clone(), Some("amira"));
    wait_for_background(&mut harness);
    // amira labels a name and marks the document done.
    let macron = find_span(ui_support::wb(&harness), "Emmanuel Macron", 0);
    execute(&mut harness, Command::SelectSpan(macron));
    type_char(&mut harness, 'p');
    execute(&mut harness, Command::ToggleDone);
    click_button(&mut harness, "Sync");
    let view = until_synced(&mut harness);
    let SyncView::Synced { outcome } = &view else {
        panic!("{view:?}");
    };
    assert_eq!(
        outcome.report.committed.as_deref(),
        Some("amira: 1 document done, 1 annotation")
    );
    assert_eq!(outcome.report.received.len(), 2, "{outcome:?}");
    harness.get_by_label("Synced, 2 files received");
    // bruno's layers are in the window now, next to amira's own.
    let wb = ui_support::wb(&harness);
    let key = |doc: &str, layer: &str| {
        LayerKey::new(DocId::new(doc).unwrap(), LayerName::new(layer).unwrap())
    };
    assert!(wb.project().layer(&key("talks", "bruno")).is_some());
    assert_eq!(
        wb.project().layer(&key("summit", "amira")).unwrap().len(),
        1
    );
    // bruno's next sync brings amira's work to him.
    gloss(&["sync", bruno_dir, "--as", "bruno"]);
    assert_eq!(
        std::fs::read_to_string(amira.join("annotations/summit/amira.ron")).unwrap(),
        std::fs::read_to_string(bruno.join("annotations/summit/amira.ron")).unwrap()
    );
}

#[test]
fn a_project_that_is_not_a_git_clone_offers_no_sync() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness_as(dir, Some("amira"));
    wait_for_background(&mut harness);
    assert!(harness.query_by_label("Sync").is_none());
}
