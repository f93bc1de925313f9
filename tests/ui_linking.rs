//! Linking in few keys (issue 10, item 4): while a quote waits for its speaker (or an event for
//! an argument), the inspector numbers the nearest candidates and a digit takes one.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, Speaker};
use gloss::workbench::Command;
use ui_support::{execute, find_span, harness, project_with_text, type_char, wb};

const TEXT: &str = "Kurti met Vucic in Brussels on Thursday.\n\n\
\"We want peace,\" Vucic told reporters after the talks.";

#[test]
fn a_digit_picks_the_numbered_candidate_nearest_the_quote() {
    let (_temp, wb0) = project_with_text("talks", TEXT);
    let mut harness = harness(wb0);
    harness.run_ok();
    for (name, nth, label) in [
        ("Kurti", 0, "PERSON"),
        ("Vucic", 0, "PERSON"),
        ("Brussels", 0, "GPE"),
        ("Vucic", 1, "PERSON"),
    ] {
        let span = find_span(wb(&harness), name, nth);
        execute(&mut harness, Command::SelectSpan(span));
        execute(&mut harness, Command::Label(label.to_owned()));
    }
    let span = find_span(wb(&harness), "\"We want peace,\"", 0);
    execute(&mut harness, Command::SelectSpan(span));
    type_char(&mut harness, 'q');
    let quote = wb(&harness).selection().annotation.unwrap();

    // Nearest first, among the news preset's speaker labels (GPE too: "Serbia said").
    let candidates: Vec<String> = wb(&harness)
        .pick_candidates()
        .into_iter()
        .map(|id| {
            let w = wb(&harness);
            w.current_doc()
                .unwrap()
                .text
                .slice(w.annotation(id).unwrap().primary_span())
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(candidates, ["Vucic", "Brussels", "Vucic", "Kurti"]);
    harness.get_by_label("1  Vucic (PERSON)");
    harness.get_by_label("4  Kurti (PERSON)");

    type_char(&mut harness, '4');
    let w = wb(&harness);
    assert!(w.pending().is_none());
    let Some(Annotation::Quote(q)) = w.annotation(quote) else {
        panic!("no quote");
    };
    let Some(Speaker::Mention(speaker)) = q.speaker else {
        panic!("no speaker: {:?}", q.speaker);
    };
    assert_eq!(
        w.annotation(speaker).unwrap().primary_span(),
        find_span(w, "Kurti", 0)
    );
}

/// A mention in pieces (issue 10, item 5): with a mention selected, Alt+A and a drag over its
/// other part make one mention of both, listed in the inspector and saved with its parts.
#[test]
fn alt_a_and_a_drag_add_a_part_to_the_selected_mention() {
    let (temp, wb0) = project_with_text("split", "The Serbian and Kosovo delegations met.");
    let mut harness = harness(wb0);
    harness.run_ok();
    let serbian = find_span(wb(&harness), "Serbian", 0);
    execute(&mut harness, Command::SelectSpan(serbian));
    execute(&mut harness, Command::Label("ORG".to_owned()));
    let id = ui_support::entity_at(wb(&harness), serbian).unwrap();
    execute(&mut harness, Command::SelectAnnotation(id));

    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::A);
    harness.run_ok();
    assert!(
        harness
            .query_all_by_label_contains("Select another part of mention")
            .next()
            .is_some()
    );
    let delegations = find_span(wb(&harness), "delegations", 0);
    ui_support::drag_over(&mut harness, delegations);

    let entity = wb(&harness)
        .annotation(id)
        .unwrap()
        .as_entity()
        .unwrap()
        .clone();
    assert_eq!(entity.span, serbian);
    assert_eq!(entity.details().parts, [delegations]);
    harness.get_by_label("“Serbian … delegations”");
    harness.get_by_label("2. “delegations”");

    execute(&mut harness, Command::Save);
    ui_support::wait_for_background(&mut harness);
    let saved =
        std::fs::read_to_string(temp.path().join("project/annotations/split/tester.ron")).unwrap();
    assert!(
        saved.contains("parts: [(start: 23, end: 34, text: \"delegations\")]"),
        "{saved}"
    );
}
