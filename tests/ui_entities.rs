//! Entities behind mentions in the window (issue 14): the inspector says which entity a mention
//! stands for, offers the likely ones (Alt+L takes the first, or makes a new entity), links with a
//! click, unlinks, splits, merges another entity in, and every step is undone by Ctrl+Z.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::EntityKey;
use gloss::ui::GlossApp;
use gloss::workbench::Command;
use ui_support::{click_button, execute, find_span, harness, project_with_text, wb};

const TEXT: &str = "Serbian President Aleksandar Vučić met Albin Kurti in Brussels.\n\n\
He said the talks had failed. Kurti did not comment, and Vucic left early.";

fn opened() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let (temp, wb) = project_with_text("talks", TEXT);
    let mut harness = harness(wb);
    harness.run_ok();
    for name in ["Aleksandar Vučić", "Albin Kurti", "He", "Kurti", "Vucic"] {
        let nth = usize::from(name == "Kurti");
        let span = find_span(ui_support::wb(&harness), name, nth);
        execute(&mut harness, Command::SelectSpan(span));
        execute(&mut harness, Command::Label("PERSON".to_owned()));
    }
    (temp, harness)
}

/// Selects the mention covering `name` (its `nth` occurrence).
fn select(harness: &mut Harness<'static, GlossApp>, name: &str, nth: usize) {
    let wb = ui_support::wb(harness);
    let span = find_span(wb, name, nth);
    let id = ui_support::entity_at(wb, span).unwrap();
    execute(harness, Command::SelectAnnotation(id));
}

/// The key of the entity the selected mention stands for.
fn stands_for(harness: &Harness<'static, GlossApp>) -> Option<String> {
    let wb = wb(harness);
    let id = wb.selection().annotation?;
    wb.linked_entity(id).map(|e| e.key.to_string())
}

fn alt_l(harness: &mut Harness<'static, GlossApp>) {
    harness.key_press_modifiers(Modifiers::ALT, Key::L);
    harness.run_ok();
}

#[test]
fn alt_l_makes_a_mention_an_entity_and_then_links_other_spellings_to_it() {
    let (_temp, mut harness) = opened();
    select(&mut harness, "Aleksandar Vučić", 0);
    harness.get_by_label("Stands for no entity yet");
    harness.get_by_label("New entity  Alt+L");
    alt_l(&mut harness);
    assert_eq!(stands_for(&harness).as_deref(), Some("aleksandar-vucic"));
    harness.get_by_label("Stands for");
    harness.get_by_label("(PERSON, aleksandar-vucic)");

    // "Vucic" further on is offered the entity; a click links it and its spelling becomes an alias.
    select(&mut harness, "Vucic", 0);
    click_button(&mut harness, "Link to Aleksandar Vučić (PERSON)  Alt+L");
    assert_eq!(stands_for(&harness).as_deref(), Some("aleksandar-vucic"));
    harness.get_by_label("also: Vucic");

    // "He" stands for the person linked before it: Alt+L links it, without a pronoun alias.
    select(&mut harness, "He", 0);
    alt_l(&mut harness);
    assert_eq!(stands_for(&harness).as_deref(), Some("aleksandar-vucic"));
    let entity = wb(&harness)
        .registry()
        .get(&EntityKey::new("aleksandar-vucic").unwrap())
        .unwrap()
        .clone();
    assert_eq!(entity.aliases, ["Vucic"]);

    // Each was one step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(stands_for(&harness), None);
    harness.get_by_label("Stands for no entity yet");
}

#[test]
fn unlink_split_and_merge_from_the_inspector() {
    let (_temp, mut harness) = opened();
    select(&mut harness, "Albin Kurti", 0);
    alt_l(&mut harness);
    select(&mut harness, "Kurti", 1);
    // "Kurti" is offered Albin Kurti; make it its own entity instead, then merge the two.
    harness.get_by_label("Link to Albin Kurti (PERSON)  Alt+L");
    click_button(&mut harness, "New entity");
    assert_eq!(stands_for(&harness).as_deref(), Some("kurti"));
    select(&mut harness, "Albin Kurti", 0);
    harness.get_by_label("Merge into this one:").click();
    harness.run_ok();
    harness.get_by_label("Kurti (PERSON)").click();
    harness.run_ok();
    select(&mut harness, "Kurti", 1);
    assert_eq!(stands_for(&harness).as_deref(), Some("albin-kurti"));

    // Split it off again: a new entity takes it.
    click_button(&mut harness, "Split off");
    assert_eq!(stands_for(&harness).as_deref(), Some("kurti-2"));
    click_button(&mut harness, "Unlink");
    assert_eq!(stands_for(&harness), None);
}
