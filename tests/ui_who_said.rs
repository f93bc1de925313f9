//! The "Who said what" panel (issue 14), driven as an analyst drives it: Find ▸ Who said what…
//! tallies the layer being edited in the background, lists speakers with their quotes and a chart,
//! outlets, events by type and participant with a timeline; a click on a row opens its quotes one
//! after another; linking mentions to one entity makes their quotes one speaker.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, EntityKey};
use gloss::ui::GlossApp;
use gloss::workbench::Command;
use ui_support::{execute, harness, open_sample, wait_for_background, wb};

fn opened() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let (temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.run_ok();
    harness.state_mut().show_who_said();
    harness.run_ok();
    settle(&mut harness);
    (temp, harness)
}

/// Finishes tallies until one is current: a change made while one ran starts another.
fn settle(harness: &mut Harness<'static, GlossApp>) {
    for _ in 0..5 {
        wait_for_background(harness);
        if !wb(harness).who_said().computing {
            return;
        }
    }
    panic!("the tally never settled");
}

#[test]
fn the_panel_lists_speakers_with_their_quotes_and_a_click_opens_them_in_turn() {
    let (_temp, mut harness) = opened();
    harness.get_by_label("Layer amira, every document");
    harness.get_by_label("Vucic: 3 quotes (1 direct, 2 indirect)");
    harness.get_by_label("Kurti: 2 quotes (1 direct, 1 indirect)");

    let mut opened = Vec::new();
    for _ in 0..4 {
        harness
            .get_by_label("Vucic: 3 quotes (1 direct, 2 indirect)")
            .click();
        harness.run_ok();
        let wb = wb(&harness);
        let selected = wb.selected_annotation().unwrap();
        assert!(matches!(selected, Annotation::Quote(_)), "{selected:?}");
        opened.push(selected.id());
    }
    assert_eq!(
        opened[3], opened[0],
        "the fourth click comes back to the first quote"
    );
    assert!(opened[0] != opened[1] && opened[1] != opened[2]);
}

#[test]
fn outlets_and_events_have_their_own_tabs() {
    let (_temp, mut harness) = opened();
    harness.get_by_label("Outlets").click();
    harness.run_ok();
    harness.get_by_label("TRT World: 5 quotes (2 direct, 3 indirect)");
    harness.get_by_label("Events").click();
    harness.run_ok();
    harness.get_by_label("MEET · Vucic: 3 events");
    harness.get_by_label("Events per publication date");
}

#[test]
fn linking_speaker_mentions_to_one_entity_makes_them_one_speaker() {
    let (_temp, mut harness) = opened();
    // "Aleksandar Vucic" becomes an entity; every "Vucic" mention links to it.
    let mentions: Vec<(gloss::model::AnnotationId, String)> = {
        let wb = wb(&harness);
        let text = &wb.current_doc().unwrap().text;
        wb.current_layer()
            .unwrap()
            .iter()
            .filter_map(Annotation::as_entity)
            .map(|e| (e.id, text.slice(e.span).unwrap().to_owned()))
            .filter(|(_, t)| t.contains("Vucic"))
            .collect()
    };
    let full = mentions
        .iter()
        .find(|(_, t)| t == "Aleksandar Vucic")
        .unwrap()
        .0;
    execute(&mut harness, Command::NewEntity(full));
    for (id, _) in &mentions {
        execute(
            &mut harness,
            Command::LinkEntity {
                id: *id,
                entity: EntityKey::new("aleksandar-vucic"),
            },
        );
    }
    settle(&mut harness);
    harness.get_by_label("Aleksandar Vucic: 3 quotes (1 direct, 2 indirect)");
    assert!(
        harness
            .query_by_label("Vucic: 3 quotes (1 direct, 2 indirect)")
            .is_none()
    );
}
