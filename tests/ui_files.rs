//! Files from the window: saving and reopening gives the same project; a folder that is not a
//! project, or a damaged one, gives the loader's message and changes nothing.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::{CharSpan, Project};
use gloss::workbench::{Command, SaveState, Workbench};
use ui_support::*;

#[test]
fn what_is_saved_with_ctrl_s_reopens_as_the_same_project() {
    let (_temp, dir) = sample_copy();
    let mut wb = Workbench::open(&dir, "tester").unwrap();
    wb.set_clock(fixed_clock());
    let mut harness = harness(wb);

    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    drag_over(&mut harness, kurti);
    type_char(&mut harness, 'p');
    let said = find_span(ui_support::wb(&harness), "\"We want peace", 0);
    drag_over(&mut harness, CharSpan::new(said.start, said.end));
    type_char(&mut harness, 'q');
    click_text(&mut harness, kurti.start);
    execute(&mut harness, Command::ToggleDone);
    assert_eq!(ui_support::wb(&harness).save_state(), SaveState::Unsaved);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    wait_for_background(&mut harness);
    assert_eq!(ui_support::wb(&harness).save_state(), SaveState::Saved);
    assert!(
        harness.query_by_label("Saved").is_some(),
        "the top bar says so"
    );

    let in_memory: Project = ui_support::wb(&harness).project().clone();
    drop(harness);
    let reopened = Workbench::open(&dir, "tester").unwrap();
    assert!(
        *reopened.project() == in_memory,
        "save then reopen is identity"
    );
    let layer = reopened.current_layer().unwrap();
    assert_eq!(layer.len(), 2, "the mention and the quote");
}

#[test]
fn a_folder_that_is_not_a_project_gives_an_error_dialog_and_the_open_project_stays() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let elsewhere = tempfile::TempDir::new().unwrap();
    std::fs::write(elsewhere.path().join("notes.txt"), "not a project").unwrap();

    harness
        .state_mut()
        .open_project(elsewhere.path().to_path_buf());
    wait_for_background(&mut harness);

    let message = harness.state().error_shown().unwrap().to_owned();
    assert!(message.contains("not a Gloss project"), "{message}");
    harness.get_by_label(&message);
    assert_eq!(ui_support::wb(&harness).project().name, "Kosovo talks");
    click_button(&mut harness, "OK");
    assert!(harness.state().error_shown().is_none());
    let files: Vec<_> = std::fs::read_dir(elsewhere.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "nothing was written there");
}

#[test]
fn a_damaged_project_file_gives_the_loaders_message_naming_file_and_line() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let (_other_temp, damaged) = sample_copy();
    let project_file = damaged.join("project.ron");
    let original = std::fs::read_to_string(&project_file).unwrap();
    let broken = original.replacen('(', "[", 1);
    std::fs::write(&project_file, &broken).unwrap();

    harness.state_mut().open_project(damaged.clone());
    wait_for_background(&mut harness);

    let message = harness.state().error_shown().unwrap().to_owned();
    assert!(message.contains("project.ron"), "{message}");
    assert!(
        message.contains(":1:") || message.contains("line"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&project_file).unwrap(),
        broken,
        "left as it was"
    );
    assert_eq!(ui_support::wb(&harness).project().name, "Kosovo talks");
}

#[test]
fn at_first_start_the_window_asks_who_is_annotating_and_offers_the_projects_annotators() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir.clone());
    wait_for_background(&mut harness);
    harness.get_by_label("Who is annotating?");
    assert!(
        harness.state().workbench().is_none(),
        "nothing opens before the name is known"
    );

    click_button(&mut harness, "amira");
    wait_for_background(&mut harness);

    let wb = ui_support::wb(&harness);
    assert_eq!(wb.annotator().as_str(), "amira");
    assert!(
        wb.current_layer().is_some_and(|layer| !layer.is_empty()),
        "the first article opens with amira's annotations"
    );
}

/// `gloss PROJECT --as NAME`, for scripts and desktop shortcuts: no question, the project opens as
/// that annotator.
#[test]
fn opening_as_a_named_annotator_asks_nothing() {
    let (_temp, dir) = sample_copy();
    let mut harness = ui_support::starting_harness_as(dir, Some("bruno"));
    wait_for_background(&mut harness);
    assert!(harness.query_by_label("Who is annotating?").is_none());
    let wb = ui_support::wb(&harness);
    assert_eq!(wb.annotator().as_str(), "bruno");
    assert!(
        wb.current_layer().is_some_and(|layer| !layer.is_empty()),
        "the first article opens with bruno's annotations"
    );
}

#[test]
fn a_new_annotator_name_must_be_usable_as_a_file_name() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir.clone());
    wait_for_background(&mut harness);
    let name = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Your name");
    name.focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Your name")
        .type_text("Ana Marić");
    harness.run_ok();
    harness.get_by_label("Use ASCII letters, digits, '-', '_' and '.' (it names a file).");
    for _ in 0.."Ana Marić".chars().count() {
        harness.key_press(Key::Backspace);
    }
    harness.run_ok();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Your name")
        .type_text("ana");
    harness.run_ok();
    click_button(&mut harness, "Continue");
    wait_for_background(&mut harness);
    assert_eq!(ui_support::wb(&harness).annotator().as_str(), "ana");
}

#[test]
fn switching_annotator_saves_and_reopens_the_project_on_the_other_layer() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    let mention = entity_at(ui_support::wb(&harness), kurti).unwrap();
    execute(&mut harness, Command::SelectAnnotation(mention));
    execute(&mut harness, Command::Delete);

    click_button(&mut harness, "Annotator: amira");
    click_button(&mut harness, "bruno");
    wait_for_background(&mut harness);

    let wb = ui_support::wb(&harness);
    assert_eq!(wb.annotator().as_str(), "bruno");
    let amira = gloss::model::LayerKey::new(
        wb.current_doc().unwrap().id.clone(),
        gloss::model::LayerName::new("amira").unwrap(),
    );
    let saved = gloss::storage::load(wb.dir()).unwrap();
    let amira_layer = saved.layer(&amira).unwrap();
    assert!(
        !amira_layer
            .iter()
            .any(|a| a.primary_span() == kurti && a.label() == "PERSON"),
        "amira's deletion was saved before switching"
    );
}
