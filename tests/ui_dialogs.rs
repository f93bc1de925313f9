//! Dialogs and windows render with every input reachable by name (kittest checks each frame that
//! every visible input has an accessible name) and do what their buttons say.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::AnnotationKind;
use gloss::workbench::Command;
use ui_support::*;

/// Unfolds an event type in the schema editor.
fn open_event_type(harness: &mut egui_kittest::Harness<'_, gloss::ui::GlossApp>, name: &str) {
    harness
        .get_by_role_and_label(Role::DisclosureTriangle, name)
        .click();
    harness.run_ok();
}

#[test]
fn every_tab_of_the_schema_editor_names_its_fields() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.state_mut().show_schema_editor();
    harness.run_ok();
    harness.get_by_role_and_label(Role::TextInput, "Name of GPE");
    for tab in ["Quotes", "Event types", "Attributes", "Entity labels"] {
        click(&mut harness, tab);
        assert!(
            harness.unnamed_widgets().is_empty(),
            "{tab}: {:?}",
            harness.unnamed_widgets()
        );
    }
    click(&mut harness, "Event types");
    open_event_type(&mut harness, "MEET");
    harness.get_by_role_and_label(Role::TextInput, "Name of role Participant of MEET");
    assert!(
        harness.unnamed_widgets().is_empty(),
        "{:?}",
        harness.unnamed_widgets()
    );
}

#[test]
fn a_role_added_in_the_schema_editor_is_undone_in_one_step() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.state_mut().show_schema_editor();
    harness.run_ok();
    click(&mut harness, "Event types");
    open_event_type(&mut harness, "MEET");
    click_button(&mut harness, "Add role to MEET");
    let meet = ui_support::wb(&harness)
        .project()
        .schema
        .event_type("MEET")
        .unwrap()
        .clone();
    assert_eq!(
        meet.roles.last().unwrap().name,
        format!("Role{}", meet.roles.len())
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    let after_undo = ui_support::wb(&harness)
        .project()
        .schema
        .event_type("MEET")
        .unwrap()
        .clone();
    assert_eq!(
        after_undo.roles.len(),
        meet.roles.len() - 1,
        "one undo step"
    );
}

#[test]
fn the_inspector_names_every_field_of_every_kind_of_annotation() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    for kind in [
        AnnotationKind::Entity,
        AnnotationKind::Quote,
        AnnotationKind::Event,
    ] {
        let id = ui_support::wb(&harness)
            .current_layer()
            .unwrap()
            .iter()
            .find(|a| a.kind() == kind)
            .unwrap()
            .id();
        execute(&mut harness, Command::SelectAnnotation(id));
        harness.get_by_role_and_label(Role::MultilineTextInput, "Note");
        assert!(
            harness.unnamed_widgets().is_empty(),
            "{kind:?}: {:?}",
            harness.unnamed_widgets()
        );
    }
}

#[test]
fn a_note_typed_in_the_inspector_is_kept_when_the_field_is_left() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.key_press(Key::Tab);
    harness.run_ok();
    let id = ui_support::wb(&harness).selection().annotation.unwrap();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("check the spelling");
    harness.run_ok();
    assert_eq!(
        ui_support::wb(&harness).annotation(id).unwrap().note(),
        "",
        "not while typing"
    );
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert_eq!(
        ui_support::wb(&harness).annotation(id).unwrap().note(),
        "check the spelling"
    );
}

#[test]
fn the_new_project_dialog_offers_every_preset_and_cancels() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_ok();
    harness.get_by_label("New project");
    harness.get_by_role_and_label(Role::TextInput, "Name");
    assert!(
        harness.unnamed_widgets().is_empty(),
        "{:?}",
        harness.unnamed_widgets()
    );
    click_button(&mut harness, "Cancel");
    assert!(harness.query_by_label("New project").is_none());
}

#[test]
fn a_note_being_typed_is_kept_when_another_annotation_is_clicked() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.key_press(Key::Tab);
    harness.run_ok();
    let first = ui_support::wb(&harness).selection().annotation.unwrap();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("ambiguous");
    harness.run_ok();

    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    click_text(&mut harness, kurti.start + 1);

    let wb = ui_support::wb(&harness);
    assert_ne!(
        wb.selection().annotation,
        Some(first),
        "the click selected another annotation"
    );
    assert_eq!(wb.annotation(first).unwrap().note(), "ambiguous");
}
