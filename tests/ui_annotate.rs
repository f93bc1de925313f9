//! Annotating in the real window, by mouse and keys: entities in any script, undo and redo, a quote
//! with its speaker and cue, an event with two arguments.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, QuoteKind, Speaker};
use ui_support::*;

#[test]
fn dragging_over_a_name_and_pressing_its_key_makes_an_entity_with_those_char_offsets() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let span = find_span(ui_support::wb(&harness), "Albin Kurti", 0);

    drag_over(&mut harness, span);
    assert_eq!(ui_support::wb(&harness).selection().span, Some(span));
    type_char(&mut harness, 'p');

    let wb = ui_support::wb(&harness);
    let id = entity_at(wb, span).expect("an entity on the dragged span");
    let entity = wb.annotation(id).unwrap().as_entity().unwrap();
    assert_eq!(entity.label, "PERSON");
    assert_eq!(
        wb.current_doc().unwrap().text.slice(entity.span),
        Some("Albin Kurti")
    );
    assert_eq!(entity.provenance.annotator, "tester");
}

#[test]
fn cyrillic_text_is_labelled_at_char_offsets_not_bytes() {
    let text = "Премијер Албин Курти и председник Александар Вучић састали су се у Бриселу.";
    let mut harness = harness(memory_project(text));
    let span = find_span(ui_support::wb(&harness), "Александар Вучић", 0);
    assert_eq!((span.start, span.end), (34, 50));

    drag_over(&mut harness, span);
    type_char(&mut harness, 'p');

    let wb = ui_support::wb(&harness);
    let id = entity_at(wb, span).expect("an entity on the dragged span");
    assert_eq!(wb.annotation(id).unwrap().label(), "PERSON");
}

#[test]
fn emoji_before_a_name_count_as_their_scalar_values() {
    require_emoji_font();
    // 🇽🇰 is two scalars, 👨‍👩‍👧 five: "Vučić" starts at char 11, not at its byte offset.
    let text = "🇽🇰 👨‍👩‍👧 met Vučić in Prishtinë, çështje 🎉.";
    let mut harness = harness(memory_project(text));
    let span = find_span(ui_support::wb(&harness), "Vučić", 0);
    assert_eq!((span.start, span.end), (13, 18));

    drag_over(&mut harness, span);
    type_char(&mut harness, 'p');
    let place = find_span(ui_support::wb(&harness), "Prishtinë", 0);
    drag_over(&mut harness, place);
    type_char(&mut harness, 'g');

    let wb = ui_support::wb(&harness);
    assert_eq!(
        wb.annotation(entity_at(wb, span).unwrap()).unwrap().label(),
        "PERSON"
    );
    assert_eq!(
        wb.annotation(entity_at(wb, place).unwrap())
            .unwrap()
            .label(),
        "GPE"
    );
}

#[test]
fn undo_removes_the_new_entity_and_both_redo_keys_restore_it() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let span = find_span(ui_support::wb(&harness), "Brussels", 0);
    drag_over(&mut harness, span);
    type_char(&mut harness, 'g');
    assert!(entity_at(ui_support::wb(&harness), span).is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert!(
        entity_at(ui_support::wb(&harness), span).is_none(),
        "Ctrl+Z undoes"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_ok();
    assert!(
        entity_at(ui_support::wb(&harness), span).is_some(),
        "Ctrl+Shift+Z redoes"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_ok();
    assert!(
        entity_at(ui_support::wb(&harness), span).is_some(),
        "Ctrl+Y redoes"
    );
}

#[test]
fn a_quote_gets_its_speaker_by_a_click_on_the_mention_and_its_cue_by_a_selection() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let speaker = find_span(ui_support::wb(&harness), "Vucic told", 0);
    let speaker = gloss::model::CharSpan::new(speaker.start, speaker.start + 5);
    drag_over(&mut harness, speaker);
    type_char(&mut harness, 'p');
    let mention = entity_at(ui_support::wb(&harness), speaker).unwrap();

    let content = find_span(ui_support::wb(&harness), "\"We want peace", 0);
    let end = find_span(ui_support::wb(&harness), "regard,''", 0);
    let content = gloss::model::CharSpan::new(content.start, end.end);
    drag_over(&mut harness, content);
    type_char(&mut harness, 'q');
    assert!(
        ui_support::wb(&harness).pending().is_some(),
        "the quote waits for its speaker"
    );

    click_text(&mut harness, speaker.start + 2);
    let cue = find_span(ui_support::wb(&harness), "said", 0);
    harness.key_press_modifiers(Modifiers::ALT, Key::C);
    harness.run_ok();
    drag_over(&mut harness, cue);

    let wb = ui_support::wb(&harness);
    let quote = wb
        .current_layer()
        .unwrap()
        .iter()
        .find_map(Annotation::as_quote)
        .expect("a quote");
    assert_eq!(quote.content, vec![content]);
    assert_eq!(quote.speaker, Some(Speaker::Mention(mention)));
    assert_eq!(quote.cue, Some(cue));
    assert_eq!(
        quote.kind,
        QuoteKind::Direct,
        "it starts with a quotation mark"
    );
}

#[test]
fn an_event_is_typed_from_the_inspector_and_gets_two_participants_by_clicks() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let vucic = find_span(ui_support::wb(&harness), "Aleksandar Vucic", 0);
    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    for span in [vucic, kurti] {
        drag_over(&mut harness, span);
        type_char(&mut harness, 'p');
    }
    let trigger = find_span(ui_support::wb(&harness), "met", 0);
    drag_over(&mut harness, trigger);
    click_button(&mut harness, "MEET");
    harness.get_by_label("required, empty");

    click_button(&mut harness, "Fill Participant");
    click_text(&mut harness, vucic.start + 1);
    click_button(&mut harness, "Fill Participant");
    click_text(&mut harness, kurti.start + 1);

    let wb = ui_support::wb(&harness);
    let event = wb
        .current_layer()
        .unwrap()
        .iter()
        .find_map(Annotation::as_event)
        .expect("an event");
    assert_eq!(event.event_type, "MEET");
    assert_eq!(event.trigger, trigger);
    let fillers: Vec<_> = event
        .arguments
        .iter()
        .map(|a| (a.role.as_str(), a.filler))
        .collect();
    assert_eq!(
        fillers,
        [
            ("Participant", entity_at(wb, vucic).unwrap()),
            ("Participant", entity_at(wb, kurti).unwrap()),
        ]
    );
    assert!(
        wb.problems(event.id).is_empty(),
        "{:?}",
        wb.problems(event.id)
    );
}

#[test]
fn typing_in_a_text_field_never_labels_the_selection() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let span = find_span(ui_support::wb(&harness), "Brussels", 0);
    drag_over(&mut harness, span);

    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
        .focus();
    harness.run_ok();
    assert_eq!(
        ui_support::wb(&harness).selection().span,
        Some(span),
        "still selected"
    );
    type_char(&mut harness, 'g');

    assert!(entity_at(ui_support::wb(&harness), span).is_none());
    let filter = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter");
    assert_eq!(
        filter.value().as_deref(),
        Some("g"),
        "the letter went into the field"
    );
}

#[test]
fn a_quote_split_by_he_said_gets_a_second_content_span() {
    let (_temp, wb) = open_sample("tester");
    let mut harness = harness(wb);
    let first = find_span(
        ui_support::wb(&harness),
        "We want peace in the entire region",
        0,
    );
    let second = find_span(ui_support::wb(&harness), "they will do their best", 0);
    drag_over(&mut harness, first);
    type_char(&mut harness, 'q');
    harness.key_press(Key::Escape);
    harness.run_ok();

    harness.key_press_modifiers(Modifiers::ALT, Key::A);
    harness.run_ok();
    drag_over(&mut harness, second);

    let wb = ui_support::wb(&harness);
    let quote = wb
        .current_layer()
        .unwrap()
        .iter()
        .find_map(Annotation::as_quote)
        .unwrap();
    assert_eq!(quote.content, vec![first, second]);
}
