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
