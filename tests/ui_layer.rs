//! Which layer is being edited is always in view (issue 10, item 6): the top bar names it, in the
//! colour of the margin beside the article; gold while the curator edits gold.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui_kittest::kittest::Queryable;
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
