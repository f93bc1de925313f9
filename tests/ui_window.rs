//! The window as a whole: what the sample opens on, the keys on screen, help, moving between
//! annotations and documents, the inspector, find.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::Status;
use ui_support::*;

#[test]
fn the_sample_opens_on_its_first_article_with_annotations_and_keys_visible() {
    let (_temp, wb) = open_sample("amira");
    let annotations = wb.current_layer().unwrap().len();
    let mut harness = harness(wb);
    harness.run_steps(5);

    let title = ui_support::wb(&harness)
        .current_doc()
        .unwrap()
        .title
        .clone();
    assert!(
        harness.query_all_by_label(&title).count() >= 2,
        "in the top bar and the list"
    );
    harness.get_by_label("Annotations");
    assert!(
        harness.query_by_label(&annotations.to_string()).is_some(),
        "their count beside it"
    );
    // Events in the list say how many arguments they have, in words that agree with the number.
    harness.get_by_label("talks (3 arguments)");
    harness.get_by_label("agreed (1 argument)");
    harness.get_by_label("Tab");
    harness.get_by_label("F1 / ?");
    // The panels keep their width frame after frame: the inspector stays on the right.
    let inspector = harness.get_by_label("Inspector").rect();
    assert!(
        inspector.left() > 900.0,
        "the inspector took too much room: {inspector:?}"
    );
    let first = harness.state().article().char_rect(0).unwrap();
    assert!(
        first.left() > 240.0 && first.right() < 1000.0,
        "the article is in the centre"
    );
}

#[test]
fn f1_and_question_mark_list_every_shortcut() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.key_press(Key::F1);
    harness.run_ok();
    for entry in gloss::workbench::shortcuts() {
        harness.get_by_label(entry.description);
    }
    harness.get_by_label("PERSON: entity");
    type_char(&mut harness, '?');
    assert!(
        harness.query_by_label("List every shortcut").is_none(),
        "? closes it again"
    );
    type_char(&mut harness, '?');
    harness.get_by_label("List every shortcut");
}

#[test]
fn tab_walks_the_annotations_in_text_order_and_the_inspector_follows() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.key_press(Key::Tab);
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    let first = wb.selected_annotation().unwrap();
    let earliest = wb
        .current_layer()
        .unwrap()
        .iter()
        .map(|a| a.primary_span().start)
        .min()
        .unwrap();
    assert_eq!(first.primary_span().start, earliest);
    let label = first.label().to_owned();
    harness.get_by_role_and_label(Role::ComboBox, "Label");
    harness.get_by_label("Entity");
    let first_id = first.id();
    let first_start = first.primary_span().start;
    harness.key_press(Key::Tab);
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    let second = wb.selected_annotation().unwrap();
    assert_ne!(second.id(), first_id, "Tab moved on");
    let second_start = second.primary_span().start;
    assert!(second_start >= first_start, "forward in the text");
    let skipped: Vec<usize> = wb
        .current_layer()
        .unwrap()
        .iter()
        .map(|a| a.primary_span().start)
        .filter(|&start| start > first_start && start < second_start)
        .collect();
    assert!(skipped.is_empty(), "nothing between them: {skipped:?}");
    assert_eq!(label, "GPE");
}

#[test]
fn a_click_in_the_annotation_list_selects_that_annotation() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let brussels = find_span(ui_support::wb(&harness), "Brussels", 0);
    let id = entity_at(ui_support::wb(&harness), brussels).unwrap();
    harness
        .get_all_by_role_and_label(Role::Button, "Brussels")
        .next()
        .unwrap()
        .click();
    harness.run_ok();
    assert_eq!(ui_support::wb(&harness).selection().annotation, Some(id));
}

#[test]
fn documents_are_stepped_with_alt_arrows_and_marked_done_with_ctrl_d() {
    let (_temp, mut wb) = project_with_text("first", "Kurti met Vucic in Brussels.");
    wb.import_texts(
        vec![(
            "second.txt".to_owned(),
            "Borrell hosted the talks.".to_owned(),
        )],
        false,
    );
    let mut harness = harness(wb);
    harness.get_by_label("0 / 2 done");
    let first = ui_support::wb(&harness).current_doc().unwrap().id.clone();

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run_ok();
    let second = ui_support::wb(&harness).current_doc().unwrap().id.clone();
    assert_ne!(first, second);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_ok();
    assert_eq!(ui_support::wb(&harness).status_of(&second), Status::Done);
    harness.get_by_label("1 / 2 done");

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_ok();
    assert_eq!(ui_support::wb(&harness).current_doc().unwrap().id, first);
}

#[test]
fn find_moves_through_hits_and_labels_the_hit_with_the_last_label() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let first = find_span(ui_support::wb(&harness), "Kosovo", 0);
    drag_over(&mut harness, first);
    type_char(&mut harness, 'g');

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("kosovo");
    harness.run_ok();
    let hits = ui_support::wb(&harness).find().hits.len();
    assert!(hits > 3, "case-insensitive hits: {hits}");

    harness.key_press(Key::Enter);
    harness.run_ok();
    let hit = ui_support::wb(&harness).find().current_hit().unwrap();
    assert_ne!(hit, first, "Enter went on to another hit");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run_ok();

    let wb = ui_support::wb(&harness);
    let labelled = entity_at(wb, hit).expect("the hit was labelled");
    assert_eq!(wb.annotation(labelled).unwrap().label(), "GPE");
}
