//! The team in the window (issue 13): the Sync button saves, shares the annotator's work through
//! the project's git remote and brings in the others' (a background job: the window never waits),
//! with what happened in the top bar. The remote is a bare repository in a temporary folder.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
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

#[test]
fn my_assignments_come_first_in_the_document_list_with_their_progress() {
    let (_temp, amira, _bruno) = team();
    // carla assigns only the talks article to amira (summit, first in project order, to bruno).
    let amira_dir = amira.to_str().unwrap();
    gloss(&[
        "assign",
        amira_dir,
        "--annotators",
        "bruno",
        "--docs",
        "summit",
    ]);
    gloss(&[
        "assign",
        amira_dir,
        "--annotators",
        "amira",
        "--docs",
        "talks",
    ]);
    let mut harness = starting_harness_as(amira, Some("amira"));
    wait_for_background(&mut harness);
    harness.get_by_label("Assigned to you: 0 / 1 done, listed first");
    let button = |label: &str| harness.get_by_role_and_label(Role::Button, label).rect();
    let talks = button("Talks in Brussels");
    let summit = button("Summit in Paris");
    assert!(talks.top() < summit.top(), "{talks:?} {summit:?}");
}

#[test]
fn the_curator_sees_documents_by_annotators_and_assigns_by_hand() {
    let (temp, _amira, bruno) = team();
    // bruno finishes the talks article; amira has not started anything.
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
    let talks = bruno.join("annotations/talks/bruno.ron");
    let text = std::fs::read_to_string(&talks).unwrap();
    std::fs::write(&talks, text.replacen("status: New", "status: Done", 1)).unwrap();
    gloss(&["sync", bruno_dir, "--as", "bruno"]);
    let carla = temp.path().join("carla");
    gloss(&["sync", carla.to_str().unwrap(), "--as", "carla"]);

    let mut harness = starting_harness_as(carla.clone(), Some("carla"));
    wait_for_background(&mut harness);
    click_button(&mut harness, "Team…");
    wait_for_background(&mut harness);
    let matrix = ui_support::wb(&harness).team_matrix().unwrap().clone();
    assert_eq!(matrix.annotators, ["amira", "bruno"]);
    let row = |doc: &str| matrix.rows.iter().find(|r| r.doc.as_str() == doc).unwrap();
    use gloss::workbench::matrix::Progress;
    assert_eq!(
        row("talks")
            .cells
            .iter()
            .map(|c| (c.assigned, c.progress))
            .collect::<Vec<_>>(),
        [(true, Progress::NotStarted), (true, Progress::Done)]
    );
    assert_eq!(row("summit").cells[1].progress, Progress::InProgress);
    assert!(!row("talks").ready, "amira is not done yet");
    harness.get_by_label("2 documents, 2 annotators; 0 ready to adjudicate");
    // carla takes summit away from amira with its box; it is saved to project.ron.
    harness.get_by_label("amira on summit").click();
    harness.run_ok();
    execute(&mut harness, Command::Save);
    wait_for_background(&mut harness);
    let project = ui_support::wb(&harness).project();
    let summit = DocId::new("summit").unwrap();
    assert_eq!(project.team.assigned(&summit), ["bruno"]);
    let saved = std::fs::read_to_string(carla.join("project.ron")).unwrap();
    assert!(
        saved.contains("\"summit\": [\n            \"bruno\",\n        ],"),
        "{saved}"
    );
    // Like any change, assigning by hand is one undo step: Ctrl+Z gives summit back to amira,
    // the box is ticked again, and Ctrl+Shift+Z takes it away again.
    execute(&mut harness, Command::Undo);
    let assigned = |harness: &egui_kittest::Harness<'_, gloss::ui::GlossApp>| {
        ui_support::wb(harness)
            .project()
            .team
            .assigned(&summit)
            .to_vec()
    };
    assert_eq!(assigned(&harness), ["amira", "bruno"]);
    wait_for_background(&mut harness);
    let ticked = |harness: &egui_kittest::Harness<'_, gloss::ui::GlossApp>| {
        harness
            .get_by_label("amira on summit")
            .accesskit_node()
            .toggled()
    };
    assert_eq!(ticked(&harness), Some(egui::accesskit::Toggled::True));
    execute(&mut harness, Command::Redo);
    assert_eq!(assigned(&harness), ["bruno"]);
    wait_for_background(&mut harness);
    assert_eq!(ticked(&harness), Some(egui::accesskit::Toggled::False));
}

#[test]
fn a_conflict_in_the_project_file_is_shown_side_by_side_and_settled() {
    let (temp, _amira, _bruno) = team();
    let carla = temp.path().join("carla");
    gloss(&[
        "assign",
        carla.to_str().unwrap(),
        "--curators",
        "carla,dana",
    ]);
    gloss(&["sync", carla.to_str().unwrap(), "--as", "carla"]);
    let dana = temp.path().join("dana");
    git2::Repository::clone(temp.path().join("team.git").to_str().unwrap(), &dana).unwrap();
    let recolour = |dir: &Path, colour: &str| {
        let path = dir.join("project.ron");
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("#9c755f", colour);
        std::fs::write(&path, &text).unwrap();
        text
    };
    recolour(&carla, "#111111");
    gloss(&["sync", carla.to_str().unwrap(), "--as", "carla"]);
    let danas = recolour(&dana, "#222222");

    let mut harness = starting_harness_as(dana.clone(), Some("dana"));
    wait_for_background(&mut harness);
    click_button(&mut harness, "Sync");
    until_synced(&mut harness);
    harness.get_by_label("project.ron was changed here and on the remote in the same places");
    harness.get_by_label("Yours (not shared)");
    harness.get_by_label("The remote's (in use)");
    click_button(&mut harness, "Keep mine");
    // Saving first, then settling in a job, then reading the project again: a few rounds.
    for _ in 0..5 {
        wait_for_background(&mut harness);
    }
    assert!(ui_support::wb(&harness).project_conflict().is_none());
    // Dana's version is back (as her window saved it before the sync: with her name added).
    let now = std::fs::read_to_string(dana.join("project.ron")).unwrap();
    assert!(danas.contains("#222222") && now.contains("#222222") && !now.contains("#111111"));
    let schema = &ui_support::wb(&harness).project().schema;
    assert_eq!(schema.entity_labels[3].color.to_string(), "#222222");
    assert!(harness.query_by_label("Yours (not shared)").is_none());
}

/// The status line of a layer file, replaced as an editor (or another Gloss) would.
fn set_status_on_disk(path: &Path, status: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("status:"))
        .unwrap()
        .to_owned();
    std::fs::write(
        path,
        text.replacen(&line, &format!("    status: {status},"), 1),
    )
    .unwrap();
}

#[test]
fn a_change_on_disk_is_read_in_and_my_unsaved_edits_stay() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness_as(dir.clone(), Some("amira"));
    wait_for_background(&mut harness);
    let doc = ui_support::wb(&harness).current_doc().unwrap().id.clone();
    let before = ui_support::wb(&harness).current_layer().unwrap().len();
    // amira labels a name; it is not saved yet.
    let span = find_span(ui_support::wb(&harness), "Kurti", 0);
    execute(&mut harness, Command::SelectSpan(span));
    type_char(&mut harness, 'o');
    assert_eq!(
        ui_support::wb(&harness).current_layer().unwrap().len(),
        before + 1
    );
    // bruno's file changes on disk (a pull, another Gloss), and the watcher says so.
    let bruno = PathBuf::from("annotations")
        .join(doc.as_str())
        .join("bruno.ron");
    set_status_on_disk(&dir.join(&bruno), "Done");
    harness
        .state_mut()
        .workbench_mut()
        .unwrap()
        .folder_changed(vec![bruno]);
    // It is put in place once amira's edit is saved (an autosave; here Ctrl+S).
    execute(&mut harness, Command::Save);
    for _ in 0..3 {
        wait_for_background(&mut harness);
    }
    let wb = ui_support::wb(&harness);
    let key = LayerKey::new(doc.clone(), LayerName::new("bruno").unwrap());
    assert_eq!(wb.project().status(&key), gloss::model::Status::Done);
    assert_eq!(
        wb.current_layer().unwrap().len(),
        before + 1,
        "amira's edit is kept"
    );
}

#[test]
fn a_save_never_overwrites_a_newer_file_unseen_it_keeps_both() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness_as(dir.clone(), Some("amira"));
    wait_for_background(&mut harness);
    let doc = ui_support::wb(&harness).current_doc().unwrap().id.clone();
    let mine = dir.join("annotations").join(doc.as_str()).join("amira.ron");
    // Someone else writes amira's file (an editor, a second Gloss on another computer's share).
    set_status_on_disk(&mine, "InProgress");
    let theirs = std::fs::read_to_string(&mine).unwrap();
    let span = find_span(ui_support::wb(&harness), "Kurti", 0);
    execute(&mut harness, Command::SelectSpan(span));
    type_char(&mut harness, 'o');
    execute(&mut harness, Command::Save);
    wait_for_background(&mut harness);
    wait_for_background(&mut harness);
    // Gloss's version is in the file; the other is kept beside it, and the window says where.
    let saved = std::fs::read_to_string(&mine).unwrap();
    assert_ne!(saved, theirs);
    let kept: Vec<PathBuf> = walk(&dir.join(".gloss-sync/kept"));
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with(format!("annotations/{doc}/amira.ron")));
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), theirs);
    harness.get_by_label_contains("changed on disk since Gloss read it");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                found.extend(walk(&entry.path()));
            } else {
                found.push(entry.path());
            }
        }
    }
    found
}
