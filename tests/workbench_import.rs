//! Importing is one service: the window's File ▸ Import and `gloss import` read the same files into
//! the same project, with the same summary.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gloss::formats::ImportFormat;
use gloss::model::{LayerName, Project, Timestamp};
use gloss::workbench::{self, ImportRequest, Workbench};
use tempfile::TempDir;
use ui_support::{fixed_clock, harness, wait_for_background};

/// A folder of articles in Latin and Cyrillic scripts, one empty file, and a file in a sub-folder
/// (no emoji: the window draws the first article, and not every test machine has an emoji font).
fn articles(temp: &TempDir) -> PathBuf {
    let folder = temp.path().join("articles");
    std::fs::create_dir_all(folder.join("more")).unwrap();
    std::fs::write(
        folder.join("a-talks.txt"),
        "Talks in Brussels\r\n\r\nVučić and Kurti met in Brussels.",
    )
    .unwrap();
    std::fs::write(folder.join("b-empty.txt"), " \n").unwrap();
    std::fs::write(
        folder.join("more/c-cyrillic.txt"),
        "Prishtinë, çështje\n\nКурти је рекао.",
    )
    .unwrap();
    std::fs::write(folder.join("notes.md"), "not imported: not .txt").unwrap();
    folder
}

fn new_project(temp: &TempDir, name: &str) -> PathBuf {
    let dir = temp.path().join(name);
    workbench::create_project(&dir, "Test", "news").unwrap();
    dir
}

fn load(dir: &Path) -> Project {
    workbench::load_read_only(dir).unwrap()
}

#[test]
fn the_window_and_the_command_line_import_the_same_folder_into_the_same_documents() {
    let temp = TempDir::new().unwrap();
    let folder = articles(&temp);
    let by_cli = new_project(&temp, "by-cli");
    let by_window = new_project(&temp, "by-window");

    let output = Command::cargo_bin("gloss")
        .unwrap()
        .arg("import")
        .arg(&by_cli)
        .arg(&folder)
        .args(["--annotator", "tester"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);

    let mut wb = Workbench::open(&by_window, "tester").unwrap();
    wb.set_clock(fixed_clock());
    let mut harness = harness(wb);
    harness
        .state_mut()
        .import_texts_for_test(vec![folder.clone()]);
    wait_for_background(&mut harness);
    harness
        .state_mut()
        .workbench_mut()
        .unwrap()
        .flush()
        .unwrap();
    drop(harness);

    let (cli, window) = (load(&by_cli), load(&by_window));
    assert_eq!(cli.documents().len(), 2, "the empty file gives no document");
    assert_eq!(cli.documents(), window.documents());
    assert_eq!(cli.annotators, window.annotators);

    // The same summary and warning on both faces.
    let request = ImportRequest {
        format: ImportFormat::Txt { split_lines: false },
        paths: vec![folder.clone()],
        layer: None,
        annotator: LayerName::new("tester"),
        urls: Vec::new(),
        feeds: Vec::new(),
        keep_noise: false,
        duplicates: Default::default(),
        pause: std::time::Duration::ZERO,
    };
    let read =
        workbench::read_import(&Project::default(), &request, Timestamp::UNIX_EPOCH, None).unwrap();
    let summary = read.summary();
    assert_eq!(summary.what, "2 documents from 3 files");
    assert!(stdout.contains(&summary.what), "{stdout}");
    let warning = &summary.warnings[0];
    assert!(
        warning.ends_with("b-empty.txt: no text, skipped"),
        "{warning}"
    );
    assert!(stderr.contains(warning.as_str()), "{stderr}");
}

#[test]
fn the_window_and_the_command_line_import_a_spacy_file_into_the_same_layer() {
    let temp = TempDir::new().unwrap();
    let file = temp.path().join("gold.spacy.jsonl");
    let line = serde_json::json!({
        "text": "Vučić met Kurti in Brussels.",
        "spans": [
            {"start": 0, "end": 5, "label": "PERSON"},
            {"start": 19, "end": 27, "label": "VENUE"},
        ],
        "meta": {"id": "talks"},
    });
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let by_cli = new_project(&temp, "by-cli");
    let by_window = new_project(&temp, "by-window");

    let output = Command::cargo_bin("gloss")
        .unwrap()
        .arg("import")
        .arg(&by_cli)
        .arg(&file)
        .args([
            "--format",
            "spacy",
            "--layer",
            "gold",
            "--annotator",
            "tester",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut wb = Workbench::open(&by_window, "tester").unwrap();
    wb.set_clock(fixed_clock());
    let mut harness = harness(wb);
    harness.state_mut().import_paths_for_test(
        ImportFormat::Spacy,
        LayerName::gold(),
        vec![file.clone()],
    );
    wait_for_background(&mut harness);
    let review = harness.state().import_review().unwrap().to_vec();
    egui_kittest::kittest::Queryable::get_by_role_and_label(
        &harness,
        egui::accesskit::Role::Button,
        "Import",
    )
    .click();
    harness.run_ok();
    harness
        .state_mut()
        .workbench_mut()
        .unwrap()
        .flush()
        .unwrap();
    drop(harness);

    let stdout = String::from_utf8_lossy(&output.stdout);
    let what = review[0].trim_start_matches("To import: ");
    assert!(stdout.contains(what), "{stdout}\n{review:#?}");
    assert!(
        stdout.contains("added to the schema: entity label VENUE"),
        "{stdout}"
    );
    assert!(
        review
            .iter()
            .any(|l| l == "added to the schema: entity label VENUE")
    );

    let (cli, window) = (load(&by_cli), load(&by_window));
    assert_eq!(cli.documents(), window.documents());
    assert_eq!(cli.schema, window.schema);
    let spans = |project: &Project| -> Vec<(String, String, String, String)> {
        project
            .layers()
            .flat_map(|(key, layer)| {
                layer.iter().map(move |a| {
                    (
                        key.to_string(),
                        a.primary_span().to_string(),
                        a.label().to_owned(),
                        a.provenance().annotator.to_string(),
                    )
                })
            })
            .collect()
    };
    let imported = spans(&cli);
    assert_eq!(imported.len(), 2);
    assert_eq!(imported, spans(&window));
}
