//! File dialogs never fail silently (issue 10, item 1): when the desktop's file chooser cannot open
//! (no xdg-desktop-portal, no zenity), Open, New project, Import and Export use Gloss's own picker,
//! which says why, and the picked paths go on exactly as the desktop's would.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::ui::GlossApp;
use ui_support::*;

const REASON: &str = "the desktop's file chooser (xdg-desktop-portal) is not on the session bus, and zenity is not installed";

fn says_why(harness: &Harness<'_, GlossApp>) {
    harness.get_by_label(&format!("Gloss's own file picker: {REASON}."));
}

/// Types a folder into the picker's location field and goes there, as an analyst pasting a path.
fn go_to(harness: &mut Harness<'_, GlossApp>, dir: &Path) {
    let field = harness.get_by_role_and_label(Role::TextInput, "Folder");
    field.focus();
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&dir.display().to_string());
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
    wait_for_background(harness);
}

fn welcome_with_picker() -> Harness<'static, GlossApp> {
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(FRAME)
        .build_eframe(|cc| {
            let mut app =
                GlossApp::starting_as(cc, None, None, gloss::workbench::jobs::Jobs::queued());
            app.use_in_window_file_picker(REASON);
            app
        });
    harness.run_ok();
    harness
}

#[test]
fn open_project_picks_the_folder_in_the_window_and_opens_it() {
    let (_temp, dir) = sample_copy();
    let mut harness = welcome_with_picker();
    click_button(&mut harness, "Open project…");
    harness.get_by_label("Open a Gloss project folder");
    says_why(&harness);

    go_to(&mut harness, dir.parent().unwrap());
    click_button(&mut harness, "kosovo-talks/  (Gloss project)");
    click_button(&mut harness, "Choose this folder");
    wait_for_background(&mut harness);
    click_button(&mut harness, "amira");
    wait_for_background(&mut harness);

    assert!(
        harness
            .query_by_label("Open a Gloss project folder")
            .is_none()
    );
    let wb = wb(&harness);
    assert_eq!(wb.dir(), dir);
    assert_eq!(wb.annotator().as_str(), "amira");
}

#[test]
fn cancel_in_the_picker_changes_nothing() {
    let mut harness = welcome_with_picker();
    click_button(&mut harness, "Open project…");
    click_button(&mut harness, "Cancel");
    wait_for_background(&mut harness);
    assert!(
        harness
            .query_by_label("Open a Gloss project folder")
            .is_none()
    );
    assert!(harness.state().workbench().is_none());
    harness.get_by_label("Welcome to Gloss");
}

#[test]
fn a_folder_that_cannot_be_listed_is_named_in_the_picker() {
    let mut harness = welcome_with_picker();
    click_button(&mut harness, "Open project…");
    go_to(&mut harness, Path::new("/no/such/folder"));
    harness.get_by_label(
        "/no/such/folder: could not list the folder: No such file or directory (os error 2)",
    );
}

#[test]
fn new_project_chooses_its_folder_in_the_window_and_is_created_there() {
    let parent = tempfile::TempDir::new().unwrap();
    let mut harness = welcome_with_picker();
    click_button(&mut harness, "New project…");
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Flag debate");
    harness.run_ok();
    click_button(&mut harness, "Choose…");
    harness.get_by_label("Folder in which to create the project");
    says_why(&harness);
    go_to(&mut harness, parent.path());
    click_button(&mut harness, "Choose this folder");
    let target = parent.path().join("flag-debate");
    harness.get_by_label(&format!("Creates {}", target.display()));

    click_button(&mut harness, "Create");
    wait_for_background(&mut harness);
    // No name remembered yet: asked once, then the project is created.
    let field = harness.get_by_role_and_label(Role::TextInput, "Your name");
    field.focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Your name")
        .type_text("amira");
    harness.run_ok();
    click_button(&mut harness, "Continue");
    wait_for_background(&mut harness);

    assert!(target.join("project.ron").is_file(), "created on disk");
    let wb = wb(&harness);
    assert_eq!(wb.dir(), target);
    assert_eq!(wb.project().name, "Flag debate");
}

#[test]
fn import_text_files_picks_files_in_the_window_and_adds_them_as_documents() {
    let articles = tempfile::TempDir::new().unwrap();
    std::fs::write(
        articles.path().join("flag.txt"),
        "New Zealand voted to keep its flag.",
    )
    .unwrap();
    std::fs::write(articles.path().join("notes.md"), "not picked").unwrap();
    let (_temp, wb) = open_sample("amira");
    let before = wb.project().documents().len();
    let mut harness = harness(wb);
    harness.state_mut().use_in_window_file_picker(REASON);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_ok();
    harness.get_by_label("Import text files");
    says_why(&harness);
    wait_for_background(&mut harness);
    go_to(&mut harness, articles.path());
    click_button(&mut harness, "flag.txt");
    click_button(&mut harness, "Choose");
    wait_for_background(&mut harness);

    let wb = ui_support::wb(&harness);
    assert_eq!(wb.project().documents().len(), before + 1);
    assert!(
        wb.project()
            .documents()
            .iter()
            .any(|d| d.text.as_str() == "New Zealand voted to keep its flag.")
    );
    let dir = wb.dir().to_path_buf();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    wait_for_background(&mut harness);
    let saved = gloss::storage::load(&dir).unwrap();
    assert!(
        saved
            .documents()
            .iter()
            .any(|d| d.text.as_str() == "New Zealand voted to keep its flag."),
        "the imported article is saved in the project"
    );
}

#[test]
fn export_chooses_where_to_write_in_the_window_and_writes_the_file_there() {
    let out = tempfile::TempDir::new().unwrap();
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.state_mut().use_in_window_file_picker(REASON);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_ok();
    click_button(&mut harness, "Choose a file…");
    says_why(&harness);
    wait_for_background(&mut harness);
    go_to(&mut harness, out.path());
    let name = harness.get_by_role_and_label(Role::TextInput, "File name");
    assert_eq!(name.value().as_deref(), Some("kosovo-talks.jsonl"));
    click_button(&mut harness, "Save here");
    wait_for_background(&mut harness);

    let written = out.path().join("kosovo-talks.jsonl");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("Kurti"), "the export holds the sample");
}
