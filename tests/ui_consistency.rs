//! The consistency panel (issue 14), driven as an analyst drives it: Find ▸ Consistency checks…,
//! the findings of their own layer, a click on a place shows it, "Fix all" relabels or labels every
//! place as one undo step, and the findings follow the change. The check runs as a queued job that
//! the test finishes when it chooses.
#![allow(clippy::unwrap_used)]

mod consistency_support;
mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{CharSpan, DocId};
use gloss::ui::GlossApp;
use gloss::workbench::Workbench;
use ui_support::{harness, wait_for_background};

fn opened() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let temp = tempfile::TempDir::new().unwrap();
    let dir = consistency_support::write_project(temp.path());
    let mut wb = Workbench::open(&dir, "tester").unwrap();
    wb.set_clock(ui_support::fixed_clock());
    let mut harness = harness(wb);
    harness.state_mut().show_consistency();
    harness.run_ok();
    settle(&mut harness);
    (temp, harness)
}

/// Finishes checks until one is current: a change made while a check ran starts another.
fn settle(harness: &mut Harness<'static, GlossApp>) {
    for _ in 0..5 {
        wait_for_background(harness);
        if !ui_support::wb(harness).consistency().checking {
            return;
        }
    }
    panic!("the consistency check never settled");
}

/// The labels of the tester's mentions of document `doc`, by span.
fn labels(harness: &Harness<'static, GlossApp>, doc: &str) -> Vec<(usize, usize, String)> {
    let wb = ui_support::wb(harness);
    let key = gloss::model::LayerKey::new(
        DocId::new(doc).unwrap(),
        gloss::model::LayerName::new("tester").unwrap(),
    );
    let mut found: Vec<(usize, usize, String)> = wb
        .project()
        .layer(&key)
        .map(|layer| {
            layer
                .iter()
                .filter_map(|a| a.as_entity())
                .map(|e| (e.span.start, e.span.end, e.label.to_string()))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn the_panel_lists_the_findings_of_the_analysts_layer() {
    let (_temp, harness) = opened();
    harness.get_by_label("Layer tester: 4 findings over 6 mentions in 2 documents");
    harness.get_by_label_contains("labelled differently: \"EU\" is labelled GPE ×1, ORG ×2");
    harness.get_by_label_contains("overlapping labels");
}

#[test]
fn a_click_on_a_place_shows_it_in_its_document() {
    let (_temp, mut harness) = opened();
    harness.get_by_label("B 0..2: \"EU\" unlabelled").click();
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    assert_eq!(wb.current_doc().unwrap().id.as_str(), "b");
    assert_eq!(wb.selection().span, Some(CharSpan::new(0, 2)));
}

#[test]
fn fix_all_relabels_every_place_in_one_undo_step_and_the_findings_follow() {
    let (_temp, mut harness) = opened();
    // The first finding: EU labelled differently; its fix makes every EU an ORG.
    harness.get_all_by_label("Fix all").next().unwrap().click();
    harness.run_ok();
    assert_eq!(
        labels(&harness, "a"),
        vec![
            (0, 2, "ORG".to_owned()),
            (20, 22, "ORG".to_owned()),
            (32, 34, "ORG".to_owned()),
            (42, 53, "PERSON".to_owned()),
        ]
    );
    settle(&mut harness);
    harness.get_by_label("Layer tester: 3 findings over 6 mentions in 2 documents");

    // The unlabelled EU of b is now the first finding with a fix: label it ORG.
    harness.get_all_by_label("Fix all").next().unwrap().click();
    harness.run_ok();
    assert!(labels(&harness, "b").contains(&(0, 2, "ORG".to_owned())));
    settle(&mut harness);
    harness.get_by_label("Layer tester: 2 findings over 7 mentions in 2 documents");

    // One Ctrl+Z per fix, each across every place it changed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert!(!labels(&harness, "b").contains(&(0, 2, "ORG".to_owned())));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert!(labels(&harness, "a").contains(&(32, 34, "GPE".to_owned())));
    settle(&mut harness);
    harness.get_by_label("Layer tester: 4 findings over 6 mentions in 2 documents");
}
