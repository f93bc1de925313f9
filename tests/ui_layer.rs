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
