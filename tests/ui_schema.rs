//! The schema editor in the real window: renaming a label renames its annotations in one undo step.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::*;

fn count_label(wb: &gloss::workbench::Workbench, label: &str) -> usize {
    wb.project()
        .layers()
        .flat_map(|(_, layer)| layer.iter())
        .filter(|a| a.label() == label)
        .count()
}

#[test]
fn renaming_a_label_in_the_schema_editor_renames_every_annotation_as_one_undo_step() {
    let (_temp, wb) = open_sample("amira");
    let persons = count_label(&wb, "PERSON");
    assert!(persons > 0);
    let mut harness = harness(wb);

    click_button(&mut harness, "Edit");
    click_button(&mut harness, "Schema…");
    let field = harness.get_by_role_and_label(Role::TextInput, "Name of PERSON");
    field.focus();
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Name of PERSON")
        .type_text("PER");
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();

    let wb = ui_support::wb(&harness);
    assert!(wb.project().schema.entity_label("PER").is_some());
    assert!(wb.project().schema.entity_label("PERSON").is_none());
    assert_eq!(
        count_label(wb, "PER"),
        persons,
        "every layer's mentions follow"
    );
    assert_eq!(count_label(wb, "PERSON"), 0);

    // Undo is for the article: leave the editor's fields first.
    harness.key_press(Key::Escape);
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    assert_eq!(
        count_label(wb, "PERSON"),
        persons,
        "one undo brings the old name back"
    );
    assert!(wb.project().schema.entity_label("PER").is_none());
}

#[test]
fn a_new_label_is_added_with_its_hotkey_and_labels_the_selection() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    click_button(&mut harness, "Edit");
    click_button(&mut harness, "Schema…");
    harness
        .get_by_role_and_label(Role::TextInput, "New label")
        .focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "New label")
        .type_text("EVENT_NAME");
    harness.run_ok();
    click_button(&mut harness, "Add label");
    let key = harness.get_by_role_and_label(Role::TextInput, "Key of EVENT_NAME");
    key.focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Key of EVENT_NAME")
        .type_text("j");
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
    harness.key_press(Key::Escape);
    harness.run_ok();

    let span = find_span(ui_support::wb(&harness), "Brussels", 0);
    drag_over(&mut harness, span);
    type_char(&mut harness, 'j');
    let wb = ui_support::wb(&harness);
    let label = wb.project().schema.entity_label("EVENT_NAME").unwrap();
    assert_eq!(label.hotkey, Some('j'));
    assert_eq!(
        wb.annotation(entity_at(wb, span).unwrap()).unwrap().label(),
        "EVENT_NAME"
    );
}

/// Types `key` into the hotkey field of `label` in the open schema editor and leaves the field.
fn set_hotkey(
    harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>,
    label: &str,
    key: &str,
) {
    let field = format!("Key of {label}");
    harness
        .get_by_role_and_label(Role::TextInput, &field)
        .focus();
    harness.run_ok();
    harness.key_press(Key::Backspace);
    harness
        .get_by_role_and_label(Role::TextInput, &field)
        .type_text(key);
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
}

fn open_schema_editor(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>) {
    click_button(harness, "Edit");
    click_button(harness, "Schema…");
}

/// Issue 10, item 7: `y` as a label key used to replace Accept silently.
#[test]
fn a_hotkey_taken_by_a_command_is_refused_with_a_message_naming_the_command() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    open_schema_editor(&mut harness);
    set_hotkey(&mut harness, "PERSON", "y");

    harness.get_by_label(
        "Not changed: key y is already “Accept suggestion” (Suggest menu, Y / Enter) on a \
         suggestion; choose another key for PERSON.",
    );
    let wb = ui_support::wb(&harness);
    let person = wb.project().schema.entity_label("PERSON").unwrap();
    assert_eq!(person.hotkey, Some('p'), "the key is left as it was");
    assert!(!wb.can_undo(), "nothing was changed");

    // A free key is taken, and the message goes.
    set_hotkey(&mut harness, "PERSON", "j");
    let person = ui_support::wb(&harness)
        .project()
        .schema
        .entity_label("PERSON")
        .unwrap();
    assert_eq!(person.hotkey, Some('j'));
    assert!(harness.query_by_label_contains("Not changed:").is_none());
}

#[test]
fn a_hotkey_of_another_label_is_refused_with_a_message_naming_that_label() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    open_schema_editor(&mut harness);
    set_hotkey(&mut harness, "ORG", "p");
    harness.get_by_label("Not changed: key p is already used by PERSON.");
    let org = ui_support::wb(&harness)
        .project()
        .schema
        .entity_label("ORG")
        .unwrap();
    assert_eq!(org.hotkey, Some('o'));
}

/// The sample's NORP key `n` is also Next disagreement in review: a schema that already has such
/// a clash opens, and the editor says which key wins where.
#[test]
fn a_label_key_that_is_also_a_review_key_is_named_in_the_schema_editor() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    open_schema_editor(&mut harness);
    harness.get_by_label(
        "Key n of NORP is also “Next disagreement” (Review menu): while a comparison is open n \
         is “Next disagreement”",
    );
}
