//! The window's Export and Import dialogs: the format and layers are chosen in a modal dialog, the
//! work runs in the background over a copy of the project, and a summary names everything the
//! format could not hold. Native file dialogs cannot open in tests, so the tests hand the path to
//! the step after the picker.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::formats::{ExportFormat, ImportFormat, TagScheme};
use gloss::model::{LayerKey, LayerName};
use gloss::workbench::{Command, SaveState};
use ui_support::*;

#[test]
fn ctrl_e_exports_conll_and_the_summary_names_the_nested_span_it_dropped() {
    let (temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    // A nested pair in the tester's layer: "Albin Kurti" and, inside it, "Kurti".
    let outer = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    let inner = find_span(ui_support::wb(&harness), "Kurti", 0);
    assert!(outer.start < inner.start && inner.end == outer.end);
    for span in [outer, inner] {
        execute(&mut harness, Command::SelectSpan(span));
        execute(&mut harness, Command::Label("PERSON".to_owned()));
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_ok();
    let (format, _) = harness.state().export_choice().unwrap();
    assert_eq!(
        format,
        ExportFormat::Jsonl,
        "the dialog opens on Gloss's own"
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Format")
        .click();
    harness.run_ok();
    harness.get_by_label("conll").click();
    harness.run_ok();
    harness.get_by_role_and_label(Role::ComboBox, "Tag scheme");
    harness.get_by_label("Choose a file…");
    let (format, selection) = harness.state().export_choice().unwrap();
    assert_eq!(
        format,
        ExportFormat::Conll {
            scheme: TagScheme::Iob2
        }
    );
    assert_eq!(selection.layer, None, "every layer unless one is chosen");

    let out = temp.path().join("talks.conll");
    harness
        .state_mut()
        .export_to_path_for_test(format, selection, out.clone());
    wait_for_background(&mut harness);

    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("-DOCSTART-"), "{written}");
    for line in written
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
    {
        let tag = line.split_whitespace().last().unwrap();
        let iob2 = tag == "O" || tag.starts_with("B-") || tag.starts_with("I-");
        assert!(iob2, "an IOB2 line: {line:?}");
    }
    assert!(written.contains("Albin _ _ B-PERSON"), "{written}");

    let summary = harness.state().export_summary().unwrap().to_vec();
    let dropped = summary
        .iter()
        .find(|l| l.contains("tester") && l.contains("\"Kurti\"") && l.contains("not written"))
        .unwrap_or_else(|| panic!("the dropped span is named: {summary:#?}"));
    assert!(dropped.contains(&inner.to_string()), "{dropped}");
    harness.get_by_label(dropped);
    click_button(&mut harness, "OK");
    assert!(harness.state().export_summary().is_none());
}

#[test]
fn a_spacy_file_imports_into_a_new_layer_after_its_report_is_shown() {
    let (temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let doc = ui_support::wb(&harness).current_doc().unwrap().clone();
    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    let text = doc.text.as_str();
    let line = serde_json::json!({
        "text": text,
        "spans": [
            {"start": kurti.start, "end": kurti.end, "label": "PERSON"},
            {"start": 0, "end": 3, "label": "VENUE"},
        ],
        "meta": {"id": doc.id.as_str()},
    });
    let file = temp.path().join("gold.spacy.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();

    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import annotations…").click();
    harness.run_ok();
    harness.get_by_role_and_label(Role::ComboBox, "Format");
    harness.get_by_role_and_label(Role::TextInput, "Layer");

    let layer = LayerName::new("spacy-gold").unwrap();
    harness
        .state_mut()
        .import_paths_for_test(ImportFormat::Spacy, layer.clone(), vec![file]);
    wait_for_background(&mut harness);
    let review = harness.state().import_review().unwrap().to_vec();
    assert!(
        review[0].starts_with("To import: 2 annotations (2 into spacy-gold)"),
        "{review:#?}"
    );
    assert!(
        review.iter().any(|l| l.contains("entity label VENUE")),
        "the schema addition is named: {review:#?}"
    );
    let key = LayerKey::new(doc.id.clone(), layer);
    assert!(
        ui_support::wb(&harness).project().layer(&key).is_none(),
        "nothing yet"
    );

    click_button(&mut harness, "Import");
    let wb = ui_support::wb(&harness);
    let imported = wb.project().layer(&key).unwrap();
    assert_eq!(imported.len(), 2);
    assert!(
        imported
            .iter()
            .any(|a| a.primary_span() == kurti && a.label() == "PERSON")
    );
    assert!(wb.project().schema.entity_label("VENUE").is_some());
    assert_eq!(
        wb.save_state(),
        SaveState::Unsaved,
        "autosave will write it"
    );
}

#[test]
fn a_file_that_cannot_be_parsed_shows_an_error_and_changes_nothing() {
    let (temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let before = ui_support::wb(&harness).project().clone();
    let file = temp.path().join("broken.jsonl");
    std::fs::write(&file, "{\"text\": \"a\", \"spans\": [\n").unwrap();

    harness.state_mut().import_paths_for_test(
        ImportFormat::Spacy,
        LayerName::new("x").unwrap(),
        vec![file],
    );
    wait_for_background(&mut harness);
    let message = harness.state().error_shown().unwrap().to_owned();
    assert!(message.contains("broken.jsonl"), "{message}");
    assert!(message.contains("nothing was imported"), "{message}");
    assert!(harness.state().import_review().is_none());
    assert!(*ui_support::wb(&harness).project() == before);
}

#[test]
fn cancelling_an_import_while_it_reads_closes_the_dialog_and_changes_nothing() {
    let (temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let before = ui_support::wb(&harness).project().clone();
    let file = temp.path().join("gold.spacy.jsonl");
    std::fs::write(&file, "{\"text\": \"Kurti\", \"spans\": []}\n").unwrap();

    harness.state_mut().import_paths_for_test(
        ImportFormat::Spacy,
        LayerName::new("x").unwrap(),
        vec![file],
    );
    harness.run_ok();
    harness.get_by_label("Reading the files…");
    click_button(&mut harness, "Cancel");
    wait_for_background(&mut harness);

    assert!(harness.query_by_label("Import annotations").is_none());
    assert!(harness.state().import_review().is_none());
    assert!(
        harness.state().error_shown().is_none(),
        "a cancel is no error"
    );
    assert!(*ui_support::wb(&harness).project() == before);
}
