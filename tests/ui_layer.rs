//! Which layer is being edited is always in view (issue 10, item 6): the top bar names it, in the
//! colour of the margin beside the article; gold while the curator edits gold.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, LayerKey, LayerName};
use gloss::ui::GlossApp;
use gloss::workbench::Command;
use ui_support::*;

#[test]
fn the_top_bar_names_the_layer_edits_go_to_own_or_gold() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.get_by_label("Editing: amira's layer");

    execute(&mut harness, Command::OpenReview(None));
    execute(&mut harness, Command::EditGold(true));
    harness.get_by_label("Editing: gold layer");
    assert!(harness.query_by_label("Editing: amira's layer").is_none());
    assert!(ui_support::wb(&harness).editing_gold());
}

/// Contradictory gold (GPE and ORG on one span) is flagged in the document list, as `gloss check`
/// reports it.
#[test]
fn contradictory_gold_is_flagged_in_the_document_list() {
    let (_temp, dir) = sample_copy();
    let wb = gloss::workbench::Workbench::open(&dir, "amira").unwrap();
    let mut harness = harness(wb);
    assert!(harness.query_by_label("1 gold!").is_none());

    execute(&mut harness, Command::OpenReview(None));
    execute(&mut harness, Command::EditGold(true));
    let span = find_span(ui_support::wb(&harness), "Kosovo", 0);
    for label in ["GPE", "ORG"] {
        execute(&mut harness, Command::SelectSpan(span));
        execute(&mut harness, Command::Label(label.to_owned()));
    }
    harness.get_by_label("1 gold!");
}

/// The entities of `layer` in the shown document, as (text, label).
fn entities(harness: &Harness<'_, GlossApp>, layer: LayerName) -> Vec<(String, String)> {
    let wb = ui_support::wb(harness);
    let doc = wb.current_doc().unwrap();
    let key = LayerKey::new(doc.id.clone(), layer);
    wb.project()
        .layer(&key)
        .map(|layer| {
            layer
                .iter()
                .filter_map(Annotation::as_entity)
                .map(|e| {
                    (
                        doc.text.slice(e.span).unwrap().to_owned(),
                        e.label.to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The curator edits gold in the main view, without opening the comparison: the layer named in the
/// top bar is a switch, and a label key then writes to gold and not to the curator's own layer.
#[test]
fn the_layer_badge_switches_edits_to_gold_in_the_main_view_and_back() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let person = ("Brussels".to_owned(), "PERSON".to_owned());
    let amira = || LayerName::new("amira").unwrap();
    assert!(!entities(&harness, LayerName::gold()).contains(&person));
    assert!(!entities(&harness, amira()).contains(&person));

    click(&mut harness, "Editing: amira's layer");
    click(&mut harness, "The gold layer");
    harness.get_by_label("Editing: gold layer");
    let span = find_span(ui_support::wb(&harness), "Brussels", 0);
    drag_over(&mut harness, span);
    type_char(&mut harness, 'p');
    assert!(entities(&harness, LayerName::gold()).contains(&person));
    assert!(!entities(&harness, amira()).contains(&person));

    click(&mut harness, "Editing: gold layer");
    click(&mut harness, "Your own layer (amira)");
    harness.get_by_label("Editing: amira's layer");
    drag_over(&mut harness, span);
    type_char(&mut harness, 'p');
    assert!(entities(&harness, amira()).contains(&person));
}

/// Closing the comparison leaves edits where the curator put them: still gold after "Edit gold",
/// and the top bar still says so.
#[test]
fn closing_the_review_keeps_editing_the_gold_layer() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    execute(&mut harness, Command::OpenReview(None));
    execute(&mut harness, Command::EditGold(true));
    execute(&mut harness, Command::CloseReview);
    harness.get_by_label("Editing: gold layer");
    assert_eq!(ui_support::wb(&harness).editing_layer(), LayerName::gold());
}

/// A curator removed GPE from the schema while annotations still use it (issue 13): the project
/// opens, the window says so once, the documents that hold such annotations are marked, the
/// inspector names the problem, and the annotations stay on disk.
#[test]
fn annotations_with_a_label_the_schema_lost_open_are_flagged_and_kept() {
    let (_temp, dir) = sample_copy();
    let path = dir.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.contains("(name: \"GPE\""))
        .map(|l| format!("{}\n", l.replace(", \"GPE\"", "").replace("\"GPE\", ", "")))
        .collect();
    std::fs::write(&path, &without).unwrap();
    let amira = dir.join("annotations/kosovo-serbia-brussels-talks/amira.ron");
    let before = std::fs::read_to_string(&amira).unwrap();
    let gpe = before.matches("label: \"GPE\"").count();
    assert!(gpe > 0);

    let wb = gloss::workbench::Workbench::open(&dir, "amira").unwrap();
    let mut harness = harness(wb);
    harness.run_steps(2);
    harness.get_by_label_contains("labels the schema does not have: GPE (");
    harness.get_by_label("label?");

    // The inspector of one of them says what is wrong.
    let kosovo = find_span(ui_support::wb(&harness), "Kosovo", 0);
    let id = entity_at(ui_support::wb(&harness), kosovo).unwrap();
    execute(&mut harness, Command::SelectAnnotation(id));
    harness.get_by_label_contains("label GPE is not in the schema");

    execute(&mut harness, Command::Save);
    wait_for_background(&mut harness);
    let after = std::fs::read_to_string(&amira).unwrap();
    assert_eq!(after.matches("label: \"GPE\"").count(), gpe);
}
