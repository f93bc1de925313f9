//! Suggestions in the window, driven from the keyboard and the mouse as an analyst does: a new
//! annotator opens the sample article and finds it suggested; `]` focuses a suggestion, `Y` or
//! Enter accepts it, `X` rejects it, Ctrl+Z takes decisions back, `Alt+Y` accepts every suggestion
//! like the focused one; a schema hotkey relabels the focused suggestion; a click on a suggestion's
//! mark focuses it and hovering it tells its score; the recommenders panel turns one off.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, Source};
use gloss::suggest::Suggestion;
use gloss::ui::GlossApp;
use gloss::workbench::Workbench;
use tempfile::TempDir;
use ui_support::{click, fixed_clock, harness, sample_copy, type_char, wb};

/// The sample project in the window, opened by `nadia`, who has annotated nothing yet.
fn newcomer() -> (TempDir, Harness<'static, GlossApp>) {
    let (temp, dir) = sample_copy();
    let mut workbench = Workbench::open(&dir, "nadia").unwrap();
    workbench.set_clock(fixed_clock());
    (temp, harness(workbench))
}

fn focused(harness: &Harness<'_, GlossApp>) -> Suggestion {
    wb(harness)
        .focused_suggestion()
        .expect("a suggestion is focused")
        .1
}

fn entities(harness: &Harness<'_, GlossApp>) -> Vec<(String, String, Source)> {
    let wb = wb(harness);
    let doc = wb.current_doc().unwrap();
    wb.current_layer()
        .map(|layer| {
            layer
                .iter()
                .filter_map(Annotation::as_entity)
                .map(|e| {
                    (
                        doc.text.slice(e.span).unwrap().to_owned(),
                        e.label.to_string(),
                        e.provenance.source.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn press(harness: &mut Harness<'_, GlossApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_ok();
}

#[test]
fn the_opened_article_shows_suggestions_and_y_accepts_the_focused_one() {
    let (_temp, mut harness) = newcomer();
    assert!(!wb(&harness).suggestions().is_empty());
    assert!(wb(&harness).current_layer().is_none());

    type_char(&mut harness, ']');
    let first = focused(&harness);
    assert_eq!(wb(&harness).selection().span, Some(first.primary_span()));
    type_char(&mut harness, 'y');

    let made = entities(&harness);
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(
        made[0].2,
        Source::Suggestion {
            recommender: gloss::model::Label::new(&first.recommender),
            score: first.score,
        }
    );
    assert!(
        focused(&harness).primary_span() > first.primary_span(),
        "the next suggestion is focused"
    );
}

#[test]
fn enter_accepts_x_rejects_and_ctrl_z_takes_both_back() {
    let (_temp, mut harness) = newcomer();
    type_char(&mut harness, ']');
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(entities(&harness).len(), 1, "Enter accepted");

    let rejected = focused(&harness);
    type_char(&mut harness, 'x');
    assert!(
        !wb(&harness).suggestions().contains(&rejected),
        "X rejected it"
    );
    assert_eq!(entities(&harness).len(), 1, "and added nothing");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(wb(&harness).suggestions().contains(&rejected));
    assert_eq!(
        focused(&harness),
        rejected,
        "the rejection came back, focused"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(entities(&harness).is_empty(), "then the acceptance went");
}

#[test]
fn a_schema_hotkey_relabels_the_focused_suggestion() {
    let (_temp, mut harness) = newcomer();
    // Step to a PERSON suggestion: n, the NORP hotkey, must label it, not move on.
    for _ in 0..200 {
        type_char(&mut harness, ']');
        if focused(&harness).label() == "PERSON" {
            break;
        }
    }
    let person = focused(&harness);
    type_char(&mut harness, 'n');
    let made = entities(&harness);
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0].1, "NORP");
    assert_eq!(made[0].2, Source::Manual);
    assert!(!wb(&harness).suggestions().contains(&person));
}

#[test]
fn alt_y_accepts_every_suggestion_like_the_focused_one_in_one_undo_step() {
    let (_temp, mut harness) = newcomer();
    for _ in 0..200 {
        type_char(&mut harness, ']');
        if focused(&harness).label() == "GPE" {
            break;
        }
    }
    let gpe = focused(&harness);
    let expected = wb(&harness)
        .suggestions()
        .iter()
        .filter(|s| s.label() == "GPE" && s.score >= gpe.score)
        .count();
    assert!(expected >= 2);
    press(&mut harness, Modifiers::ALT, Key::Y);
    assert!(
        entities(&harness).is_empty(),
        "nothing is added before the analyst says yes"
    );
    harness.get_by_label_contains(&format!("This adds {expected} annotations: {expected} GPE"));
    harness.get_by_label(&format!("Add {expected}")).click();
    harness.run_ok();
    let made = entities(&harness);
    assert_eq!(made.len(), expected, "{made:?}");
    assert!(made.iter().all(|(_, label, _)| label == "GPE"));
    assert!(
        harness.query_by_label(&format!("Add {expected}")).is_none(),
        "the question is gone once answered"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        entities(&harness).is_empty(),
        "one undo step takes them all back"
    );
}

#[test]
fn alt_y_then_cancel_adds_nothing() {
    let (_temp, mut harness) = newcomer();
    type_char(&mut harness, ']');
    let first = focused(&harness);
    press(&mut harness, Modifiers::ALT, Key::Y);
    harness.get_by_label_contains(&format!("Accept every {} suggestion", first.label()));
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(entities(&harness).is_empty());
    assert!(
        wb(&harness).current_layer().is_none(),
        "the layer is untouched"
    );
    assert!(harness.query_by_label("Cancel").is_none());
}

#[test]
fn clicking_a_suggestion_focuses_it_and_hovering_tells_its_score() {
    let (_temp, mut harness) = newcomer();
    // The first suggestion is near the top of the article, so it is on screen.
    let first = wb(&harness).suggestions()[0].clone();
    let rect = harness
        .state()
        .article()
        .char_rect(first.primary_span().start)
        .unwrap();
    harness.hover_at(rect.center());
    harness.run_ok();
    harness.get_by_label_contains(&format!("score {:.2}", first.score));

    ui_support::click_text(&mut harness, first.primary_span().start);
    assert_eq!(focused(&harness), first);
    type_char(&mut harness, 'y');
    assert_eq!(entities(&harness).len(), 1);
}

#[test]
fn the_recommenders_panel_turns_a_recommender_off() {
    let (_temp, mut harness) = newcomer();
    let from_quotes = |harness: &Harness<'_, GlossApp>| {
        wb(harness)
            .suggestions()
            .iter()
            .filter(|s| s.recommender == "quotes")
            .count()
    };
    assert!(from_quotes(&harness) > 0);
    click(&mut harness, "Suggest");
    click(&mut harness, "Recommenders…");
    harness.get_by_label("Recommenders");
    harness
        .get_by_role_and_label(Role::CheckBox, "quotes")
        .click();
    harness.run_ok();
    assert_eq!(from_quotes(&harness), 0);
    let quotes = wb(&harness)
        .suggestion_state()
        .recommenders()
        .entry("quotes")
        .unwrap();
    assert!(!quotes.enabled);
}

#[test]
fn x_rejects_a_suggestion_and_it_stays_rejected_after_reopening_the_window() {
    let (temp, dir) = sample_copy();
    let mut workbench = Workbench::open(&dir, "nadia").unwrap();
    workbench.set_clock(fixed_clock());
    let mut harness = harness(workbench);
    type_char(&mut harness, ']');
    let first = focused(&harness);
    type_char(&mut harness, 'x');
    assert!(!wb(&harness).suggestions().contains(&first));
    harness
        .state_mut()
        .workbench_mut()
        .unwrap()
        .flush()
        .unwrap();
    drop(harness);

    let mut reopened = Workbench::open(&dir, "nadia").unwrap();
    reopened.set_clock(fixed_clock());
    let harness = ui_support::harness(reopened);
    assert!(
        !wb(&harness).suggestions().contains(&first),
        "the rejection was saved with the layer"
    );
    assert!(!wb(&harness).suggestions().is_empty());
    drop(temp);
}

#[test]
fn a_focused_quote_suggestion_says_which_rule_fired_and_how_its_speaker_was_found() {
    let (_temp, workbench) = ui_support::project_with_text(
        "Talks",
        "\"We will not give up,\" said Prime Minister Albin Kurti.\n\n\"We are ready for talks in Brussels.\"\n",
    );
    let mut harness = harness(workbench);
    let quote = wb(&harness)
        .suggestions()
        .iter()
        .find(|s| s.rule == "direct:continuation")
        .cloned()
        .expect("the second paragraph continues Kurti's quote");
    ui_support::execute(
        &mut harness,
        gloss::workbench::Command::FocusSuggestion(quote.key()),
    );
    harness.get_by_label_contains("rule direct:continuation");
    harness.get_by_label_contains("Speaker “Albin Kurti” (adjacent)");
}

#[test]
fn while_picking_a_speaker_a_click_on_a_suggested_mention_accepts_it_and_links_it_in_one_step() {
    let (_temp, mut harness) = newcomer();
    let person = wb(&harness)
        .suggestions()
        .iter()
        .find(|s| {
            matches!(&s.kind, gloss::suggest::SuggestionKind::Entity { label, .. } if label == "PERSON")
        })
        .cloned()
        .expect("a PERSON suggestion");
    // A quote on the article's first line, then the pick of its speaker.
    let span = ui_support::find_span(wb(&harness), "Stalemate persists", 0);
    ui_support::execute(&mut harness, gloss::workbench::Command::SelectSpan(span));
    type_char(&mut harness, 'q');
    let quote = wb(&harness).selection().annotation.unwrap();
    assert!(wb(&harness).pending().is_some(), "waiting for the speaker");

    ui_support::click_text(&mut harness, person.primary_span().start);
    let wb_now = wb(&harness);
    assert!(wb_now.pending().is_none());
    let speaker = match wb_now.annotation(quote) {
        Some(Annotation::Quote(q)) => q.speaker.clone(),
        other => panic!("{other:?}"),
    };
    let Some(gloss::model::Speaker::Mention(mention)) = speaker else {
        panic!("no speaker mention: {speaker:?}");
    };
    let accepted = wb_now.annotation(mention).unwrap().as_entity().unwrap();
    assert_eq!(accepted.span, person.primary_span());
    assert!(matches!(
        accepted.provenance.source,
        Source::Suggestion { .. }
    ));

    // One step: Ctrl+Z takes back the mention and the link together, and keeps the quote.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let wb_now = wb(&harness);
    assert!(wb_now.annotation(mention).is_none());
    assert!(matches!(wb_now.annotation(quote), Some(Annotation::Quote(q)) if q.speaker.is_none()));
}
