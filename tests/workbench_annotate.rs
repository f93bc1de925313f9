//! Labelling entities with the workbench, as the window does it: select, press a key, fix, undo.

#![allow(clippy::unwrap_used)]

mod workbench_support;

use gloss::model::{CharSpan, DocId, Selection, Status};
use gloss::workbench::{Command, WorkbenchError};
use workbench_support::{
    entities, entity_id, owned, run, select_text, span_of, text_of, workbench,
};

const KOSOVO: &str =
    "Serbian President Aleksandar Vucic and Kosovo's Prime Minister Albin Kurti met in Brussels.";

#[test]
fn labelling_a_selection_creates_an_entity_over_exactly_that_text() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let span = span_of(&wb, "Aleksandar Vucic", 0);
    run(&mut wb, Command::SelectSpan(span));
    run(&mut wb, Command::Label("PERSON".into()));
    assert_eq!(entities(&wb), owned(&[("Aleksandar Vucic", "PERSON")]));
    let id = entity_id(&wb, "Aleksandar Vucic");
    assert_eq!(
        wb.selection().annotation,
        Some(id),
        "the new entity is selected"
    );
    let entity = wb.annotation(id).unwrap().as_entity().unwrap().clone();
    assert_eq!(entity.provenance.annotator, "alice");
    assert_eq!(wb.last_label(), Some("PERSON"));
}

#[test]
fn offsets_count_chars_in_cyrillic_and_emoji_documents() {
    let (mut wb, _dir) = workbench(&[
        ("cyrillic", "Вучић и Курти су се састали у Бриселу."),
        ("emoji", "🇽🇰 👨‍👩‍👧 Prishtinë, çështje: Kurti spoke."),
    ]);
    // "Курти" starts at char 8, although it starts at byte 13.
    run(&mut wb, Command::SelectSpan(CharSpan::new(8, 13)));
    run(&mut wb, Command::Hotkey('p'));
    assert_eq!(entities(&wb), owned(&[("Курти", "PERSON")]));
    let key = wb.current_layer_key().unwrap();
    let entity = wb
        .project()
        .layer(&key)
        .unwrap()
        .iter()
        .next()
        .unwrap()
        .primary_span();
    assert_eq!(entity, CharSpan::new(8, 13));

    run(&mut wb, Command::NextDocument);
    // After a flag (2 chars) and a family (5 chars joined by ZWJ): "Prishtinë" is chars 9..18.
    run(&mut wb, Command::SelectSpan(CharSpan::new(9, 18)));
    run(&mut wb, Command::Hotkey('g'));
    select_text(&mut wb, "Kurti");
    run(&mut wb, Command::Hotkey('p'));
    assert_eq!(
        entities(&wb),
        owned(&[("Prishtinë", "GPE"), ("Kurti", "PERSON")])
    );
    assert_eq!(span_of(&wb, "Prishtinë", 0), CharSpan::new(9, 18));
}

#[test]
fn selections_snap_to_whole_tokens_unless_char_precision_is_on() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let ster_alb = span_of(&wb, "ster Alb", 0);
    run(&mut wb, Command::SelectSpan(ster_alb));
    assert_eq!(text_of(&wb, wb.selection().span.unwrap()), "Minister Albin");

    // A click inside a word selects the word.
    let inside = span_of(&wb, "Kurti", 0).start + 2;
    run(&mut wb, Command::SelectSpan(CharSpan::new(inside, inside)));
    assert_eq!(text_of(&wb, wb.selection().span.unwrap()), "Kurti");

    run(&mut wb, Command::SetCharPrecision(true));
    run(&mut wb, Command::SelectSpan(ster_alb));
    assert_eq!(text_of(&wb, wb.selection().span.unwrap()), "ster Alb");
}

#[test]
fn shift_click_extends_the_selection_to_whole_tokens() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    select_text(&mut wb, "Albin");
    let in_kurti = span_of(&wb, "Kurti", 0).start + 1;
    run(&mut wb, Command::ExtendSelectionTo(in_kurti));
    assert_eq!(text_of(&wb, wb.selection().span.unwrap()), "Albin Kurti");
    let in_prime = span_of(&wb, "Prime", 0).start + 2;
    run(&mut wb, Command::ExtendSelectionTo(in_prime));
    assert_eq!(
        text_of(&wb, wb.selection().span.unwrap()),
        "Prime Minister Albin Kurti"
    );
}

#[test]
fn a_label_key_on_a_selected_entity_relabels_it() {
    let (mut wb, _dir) = workbench(&[("talks", "[Kosovo]{PERSON} and Serbia")]);
    let kosovo = entity_id(&wb, "Kosovo");
    run(&mut wb, Command::ClickAnnotation(kosovo));
    run(&mut wb, Command::Hotkey('g'));
    assert_eq!(entities(&wb), owned(&[("Kosovo", "GPE")]));
    run(&mut wb, Command::Undo);
    assert_eq!(entities(&wb), owned(&[("Kosovo", "PERSON")]));
}

#[test]
fn mistakes_are_refused_with_a_message_and_change_nothing() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let revision = wb.revision();
    let error = wb.execute(Command::Label("PERSON".into())).unwrap_err();
    assert!(matches!(error, WorkbenchError::Refused(_)));
    assert_eq!(error.to_string(), "select some text first");
    select_text(&mut wb, "Kurti");
    let error = wb.execute(Command::Label("WEAPON".into())).unwrap_err();
    assert_eq!(error.to_string(), "label WEAPON is not in the schema");
    let error = wb.execute(Command::Hotkey('z')).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no label, quote or event type has the key z"
    );
    let error = wb.execute(Command::Delete).unwrap_err();
    assert_eq!(error.to_string(), "select an annotation first");
    assert!(entities(&wb).is_empty());
    assert_eq!(wb.revision(), revision);
    assert!(!wb.can_undo());
}

#[test]
fn labelling_the_same_span_twice_does_not_stack_duplicates() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let kurti = span_of(&wb, "Albin Kurti", 0);
    run(&mut wb, Command::SelectSpan(kurti));
    run(&mut wb, Command::Hotkey('p'));
    run(&mut wb, Command::SelectSpan(kurti));
    run(&mut wb, Command::Hotkey('p'));
    assert_eq!(entities(&wb), owned(&[("Albin Kurti", "PERSON")]));
}

#[test]
fn grow_and_shrink_move_either_end_by_one_token() {
    let (mut wb, _dir) =
        workbench(&[("talks", "Kosovo's [Prime Minister]{PERSON} Albin Kurti met")]);
    let prime_minister = entity_id(&wb, "Prime Minister");
    run(&mut wb, Command::SelectAnnotation(prime_minister));
    run(&mut wb, Command::GrowEnd);
    assert_eq!(entities(&wb), owned(&[("Prime Minister Albin", "PERSON")]));
    run(&mut wb, Command::GrowEnd);
    run(&mut wb, Command::ShrinkStart);
    assert_eq!(entities(&wb), owned(&[("Minister Albin Kurti", "PERSON")]));
    run(&mut wb, Command::ShrinkStart);
    assert_eq!(entities(&wb), owned(&[("Albin Kurti", "PERSON")]));
    run(&mut wb, Command::ShrinkEnd);
    assert_eq!(entities(&wb), owned(&[("Albin", "PERSON")]));
    let error = wb.execute(Command::ShrinkEnd).unwrap_err();
    assert_eq!(error.to_string(), "the span cannot get any smaller");
    run(&mut wb, Command::GrowStart);
    run(&mut wb, Command::GrowStart);
    assert_eq!(entities(&wb), owned(&[("Prime Minister Albin", "PERSON")]));
    // "Kosovo's" is one token (Unicode word boundaries keep the apostrophe inside the word).
    run(&mut wb, Command::GrowStart);
    assert_eq!(
        entities(&wb),
        owned(&[("Kosovo's Prime Minister Albin", "PERSON")])
    );
    assert_eq!(
        text_of(&wb, wb.selection().span.unwrap()),
        "Kosovo's Prime Minister Albin"
    );
    let error = wb.execute(Command::GrowStart).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the span already reaches the edge of the text"
    );

    // Every step is its own undo step.
    run(&mut wb, Command::Undo);
    assert_eq!(entities(&wb), owned(&[("Prime Minister Albin", "PERSON")]));
}

#[test]
fn grow_without_an_annotation_moves_the_selection_only() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    select_text(&mut wb, "Albin");
    run(&mut wb, Command::GrowEnd);
    assert_eq!(text_of(&wb, wb.selection().span.unwrap()), "Albin Kurti");
    assert!(!wb.can_undo(), "moving a selection is not an edit");
}

#[test]
fn undo_and_redo_restore_annotations_and_the_selection() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let vucic = span_of(&wb, "Aleksandar Vucic", 0);
    let kurti = span_of(&wb, "Albin Kurti", 0);
    run(&mut wb, Command::SelectSpan(vucic));
    run(&mut wb, Command::Hotkey('p'));
    run(&mut wb, Command::SelectSpan(kurti));
    let before_second = wb.selection().clone();
    run(&mut wb, Command::Hotkey('p'));
    let after_second = wb.selection().clone();

    run(&mut wb, Command::Undo);
    assert_eq!(entities(&wb), owned(&[("Aleksandar Vucic", "PERSON")]));
    assert_eq!(
        wb.selection(),
        &before_second,
        "undo gives back the selection the step started from"
    );
    assert!(wb.can_redo());

    run(&mut wb, Command::Redo);
    assert_eq!(
        entities(&wb),
        owned(&[("Aleksandar Vucic", "PERSON"), ("Albin Kurti", "PERSON")])
    );
    assert_eq!(wb.selection(), &after_second);

    run(&mut wb, Command::Undo);
    run(&mut wb, Command::Undo);
    assert!(entities(&wb).is_empty());
    assert!(!wb.can_undo());
    assert_eq!(
        wb.execute(Command::Undo).map_err(|e| e.to_string()),
        Ok(()),
        "undo with nothing to undo does nothing"
    );
}

#[test]
fn undo_survives_switching_documents_and_shows_the_document_it_changes() {
    let (mut wb, _dir) = workbench(&[
        ("first", KOSOVO),
        ("second", "Belgrade refused to recognise Kosovo."),
    ]);
    select_text(&mut wb, "Brussels");
    run(&mut wb, Command::Hotkey('g'));
    run(&mut wb, Command::NextDocument);
    assert_eq!(wb.current_doc().unwrap().id.as_str(), "second");
    select_text(&mut wb, "Belgrade");
    run(&mut wb, Command::Hotkey('g'));

    run(&mut wb, Command::Undo);
    assert!(entities(&wb).is_empty());
    run(&mut wb, Command::Undo);
    assert_eq!(
        wb.current_doc().unwrap().id.as_str(),
        "first",
        "undo went back to where the change was"
    );
    assert!(entities(&wb).is_empty());
    run(&mut wb, Command::Redo);
    assert_eq!(entities(&wb), owned(&[("Brussels", "GPE")]));
}

#[test]
fn the_first_edit_puts_a_new_layer_in_progress_in_the_same_undo_step() {
    let (mut wb, _dir) = workbench(&[("talks", KOSOVO)]);
    let doc = DocId::new("talks").unwrap();
    assert_eq!(wb.status_of(&doc), Status::New);
    select_text(&mut wb, "Brussels");
    run(&mut wb, Command::Hotkey('g'));
    assert_eq!(wb.status_of(&doc), Status::InProgress);
    run(&mut wb, Command::Undo);
    assert_eq!(wb.status_of(&doc), Status::New);
    assert!(!wb.can_undo(), "label and status were one step");

    run(&mut wb, Command::ToggleDone);
    assert_eq!(wb.status_of(&doc), Status::Done);
    run(&mut wb, Command::ToggleDone);
    assert_eq!(wb.status_of(&doc), Status::InProgress);
}

#[test]
fn tab_walks_the_annotations_in_text_order_and_wraps() {
    let (mut wb, _dir) = workbench(&[(
        "talks",
        "[Kurti]{PERSON} met [Vucic]{PERSON} in [Brussels]{GPE}",
    )]);
    let order = |wb: &gloss::workbench::Workbench| text_of(wb, wb.selection().span.unwrap());
    run(&mut wb, Command::SelectNextAnnotation);
    assert_eq!(order(&wb), "Kurti");
    run(&mut wb, Command::SelectNextAnnotation);
    assert_eq!(order(&wb), "Vucic");
    run(&mut wb, Command::SelectNextAnnotation);
    run(&mut wb, Command::SelectNextAnnotation);
    assert_eq!(order(&wb), "Kurti");
    run(&mut wb, Command::SelectPreviousAnnotation);
    assert_eq!(order(&wb), "Brussels");
    assert!(wb.selection().annotation.is_some());
    run(&mut wb, Command::CancelPending);
    assert_eq!(
        wb.selection(),
        &Selection::in_doc(DocId::new("talks").unwrap())
    );
}

#[test]
fn documents_step_in_project_order_and_stop_at_the_ends() {
    let (mut wb, _dir) = workbench(&[("a", "one"), ("b", "two"), ("c", "three")]);
    let current = |wb: &gloss::workbench::Workbench| wb.current_doc().unwrap().id.to_string();
    run(&mut wb, Command::PreviousDocument);
    assert_eq!(current(&wb), "a");
    run(&mut wb, Command::NextDocument);
    run(&mut wb, Command::NextDocument);
    run(&mut wb, Command::NextDocument);
    assert_eq!(current(&wb), "c");
    run(&mut wb, Command::SelectDocument(DocId::new("b").unwrap()));
    assert_eq!(current(&wb), "b");
    assert!(
        wb.execute(Command::SelectDocument(DocId::new("zzz").unwrap()))
            .is_err()
    );
}

#[test]
fn problems_list_what_the_inspector_flags() {
    let (mut wb, _dir) = workbench(&[("talks", "[Kurti]{WEAPON} met")]);
    let id = entity_id(&wb, "Kurti");
    assert_eq!(wb.problems(id), vec!["label WEAPON is not in the schema"]);
    run(&mut wb, Command::SelectAnnotation(id));
    run(&mut wb, Command::Hotkey('p'));
    assert!(wb.problems(id).is_empty());
}
