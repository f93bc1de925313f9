//! Review in the workbench, as plain calls: the curator opens the comparison of two annotators'
//! layers, steps through their disagreements, settles them into gold with undoable steps, merges
//! what they agree on, and marks the document adjudicated.
#![allow(clippy::unwrap_used)]

mod workbench_support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use gloss::model::markup;
use gloss::model::{
    Annotation, AnnotationId, DocId, Document, Entity, Layer, LayerKey, LayerName, Project,
    Provenance, Status,
};
use gloss::review::{Choice, DisagreementKind};
use gloss::workbench::{Action, Chord, Command, Key, Workbench, action_for, review_action_for};
use workbench_support::{clock, run, schema};

/// Two annotators over one sentence. They agree on Vucic and Borrell; they disagree on the extent
/// of Kurti (boundary), the label of Brussels (label), and Thursday (bruno has none: missing).
const AMIRA: &str = "[Vucic]{PERSON} met Prime Minister [Kurti]{PERSON} in [Brussels]{GPE} \
                     on [Thursday]{DATE} with [Borrell]{PERSON}.";
const BRUNO: &str = "[Vucic]{PERSON} met [Prime Minister Kurti]{PERSON} in [Brussels]{LOC} \
                     on Thursday with [Borrell]{PERSON}.";

fn layer(annotator: &str, marked: &str) -> Layer {
    let marked = markup::parse(marked).unwrap();
    let mut annotations = BTreeMap::new();
    for (i, (span, label)) in marked.spans.into_iter().enumerate() {
        let id = AnnotationId(i as u32 + 1);
        let entity = Entity::new(id, span, label, Provenance::manual(annotator, clock()));
        annotations.insert(id, Annotation::Entity(entity));
    }
    Layer::from_annotations(Status::Done, annotations)
}

/// A project with document `talks` annotated by each `(annotator, markup)`, opened by the curator
/// `carla`.
fn curator_over(layers: &[(&str, &str)]) -> Workbench {
    let mut project = Project::new("Review", schema());
    let text = markup::parse(layers[0].1).unwrap().text;
    let doc = DocId::new("talks").unwrap();
    project.add_document(Document::from_raw(doc.clone(), "Talks", &text));
    for (annotator, marked) in layers {
        project.add_annotator(annotator);
        let key = LayerKey::new(doc.clone(), LayerName::new(*annotator).unwrap());
        project.insert_loaded_layer(key, layer(annotator, marked));
    }
    let mut wb = Workbench::from_project(project, PathBuf::from("/nonexistent"), "carla");
    wb.set_clock(Box::new(clock));
    wb
}

fn gold_key() -> LayerKey {
    LayerKey::new(DocId::new("talks").unwrap(), LayerName::gold())
}

/// The gold layer's entities as (covered text, label), in text order.
fn gold(wb: &Workbench) -> Vec<(String, String)> {
    let Some(layer) = wb.project().layer(&gold_key()) else {
        return Vec::new();
    };
    let text = &wb.current_doc().unwrap().text;
    let mut entities: Vec<&Entity> = layer.iter().filter_map(Annotation::as_entity).collect();
    entities.sort_by_key(|e| e.span);
    entities
        .into_iter()
        .map(|e| (text.slice(e.span).unwrap().to_owned(), e.label.to_string()))
        .collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn remaining(wb: &Workbench) -> usize {
    wb.review().unwrap().remaining()
}

/// The current disagreement's kind and the text of its place.
fn current(wb: &Workbench) -> (DisagreementKind, String) {
    let d = wb.review().unwrap().current().unwrap();
    let text = wb.current_doc().unwrap().text.slice(d.span).unwrap();
    (d.kind, text.to_owned())
}

fn selected_text(wb: &Workbench) -> String {
    let span = wb.selection().span.unwrap();
    wb.current_doc()
        .unwrap()
        .text
        .slice(span)
        .unwrap()
        .to_owned()
}

#[test]
fn opening_the_comparison_lists_the_disagreements_in_text_order_and_edits_go_to_gold() {
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    run(&mut wb, Command::OpenReview(None));
    let review = wb.review().unwrap();
    assert_eq!(
        review.layers(),
        ["amira", "bruno"].map(|n| LayerName::new(n).unwrap())
    );
    let kinds: Vec<DisagreementKind> = review.pending().iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DisagreementKind::Boundary,
            DisagreementKind::Label,
            DisagreementKind::Missing
        ]
    );
    assert_eq!(review.current(), None, "N goes to the first one");
    assert!(wb.editing_gold());
    assert_eq!(wb.current_layer_key(), Some(gold_key()));

    // Closing the comparison does not silently move edits back to the curator's own layer.
    run(&mut wb, Command::CloseReview);
    assert!(wb.review().is_none());
    assert!(wb.editing_gold());
    assert_eq!(wb.current_layer_key(), Some(gold_key()));

    run(&mut wb, Command::EditGold(false));
    assert!(!wb.editing_gold());
    assert_eq!(wb.current_layer_key().unwrap().layer.as_str(), "carla");
}

#[test]
fn step_through_take_a_and_b_undo_one_and_finish_leaves_exactly_the_chosen_annotations_in_gold() {
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    run(&mut wb, Command::OpenReview(None));
    assert_eq!(remaining(&wb), 3);

    // N goes to the first disagreement and selects its place; Shift+N wraps to the last.
    run(&mut wb, Command::NextDisagreement);
    assert_eq!(
        current(&wb),
        (DisagreementKind::Boundary, "Prime Minister Kurti".into())
    );
    assert_eq!(selected_text(&wb), "Prime Minister Kurti");
    run(&mut wb, Command::PreviousDisagreement);
    assert_eq!(current(&wb).0, DisagreementKind::Missing);
    run(&mut wb, Command::NextDisagreement);
    assert_eq!(current(&wb).0, DisagreementKind::Boundary);

    // Take A: amira's "Kurti". The next disagreement becomes current and selected.
    run(&mut wb, Command::Resolve(Choice::TakeA));
    assert_eq!(gold(&wb), owned(&[("Kurti", "PERSON")]));
    assert_eq!(remaining(&wb), 2);
    assert_eq!(current(&wb), (DisagreementKind::Label, "Brussels".into()));
    assert_eq!(selected_text(&wb), "Brussels");

    // Take B: bruno's LOC. Then think better of it: undo puts the disagreement back, current.
    run(&mut wb, Command::Resolve(Choice::TakeB));
    assert_eq!(
        gold(&wb),
        owned(&[("Kurti", "PERSON"), ("Brussels", "LOC")])
    );
    assert_eq!(remaining(&wb), 1);
    run(&mut wb, Command::Undo);
    assert_eq!(gold(&wb), owned(&[("Kurti", "PERSON")]));
    assert_eq!(remaining(&wb), 2);
    assert_eq!(current(&wb), (DisagreementKind::Label, "Brussels".into()));
    assert_eq!(selected_text(&wb), "Brussels");
    run(&mut wb, Command::Resolve(Choice::TakeA));
    assert_eq!(
        gold(&wb),
        owned(&[("Kurti", "PERSON"), ("Brussels", "GPE")])
    );

    // Thursday: skip stays pending; taking B (who marked nothing) settles it with nothing in gold,
    // and that decision is undone and redone like any step.
    assert_eq!(current(&wb), (DisagreementKind::Missing, "Thursday".into()));
    run(&mut wb, Command::Resolve(Choice::Skip));
    assert_eq!(remaining(&wb), 1);
    run(&mut wb, Command::Resolve(Choice::TakeB));
    assert_eq!(remaining(&wb), 0);
    run(&mut wb, Command::Undo);
    assert_eq!(remaining(&wb), 1);
    assert_eq!(current(&wb), (DisagreementKind::Missing, "Thursday".into()));
    run(&mut wb, Command::Redo);
    assert_eq!(remaining(&wb), 0);
    assert_eq!(wb.review().unwrap().current(), None);

    run(&mut wb, Command::FinishAdjudication);
    assert_eq!(wb.project().status(&gold_key()), Status::Adjudicated);
    run(&mut wb, Command::Undo);
    assert_ne!(wb.project().status(&gold_key()), Status::Adjudicated);
    run(&mut wb, Command::Redo);
    assert_eq!(wb.project().status(&gold_key()), Status::Adjudicated);

    assert_eq!(
        gold(&wb),
        owned(&[("Kurti", "PERSON"), ("Brussels", "GPE")])
    );
    let kurti = wb
        .project()
        .layer(&gold_key())
        .unwrap()
        .iter()
        .next()
        .unwrap()
        .provenance()
        .clone();
    assert_eq!(kurti.annotator, "carla", "gold names the curator");
}

#[test]
fn auto_merge_copies_what_both_agree_on_as_one_undo_step() {
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    run(&mut wb, Command::OpenReview(None));
    run(&mut wb, Command::AutoMerge(None));
    assert_eq!(
        gold(&wb),
        owned(&[("Vucic", "PERSON"), ("Borrell", "PERSON")])
    );
    assert_eq!(
        remaining(&wb),
        3,
        "agreed annotations were never disagreements"
    );
    let refused = wb.execute(Command::AutoMerge(None));
    assert!(refused.is_err(), "nothing is left to merge");

    run(&mut wb, Command::Undo);
    assert_eq!(gold(&wb), Vec::<(String, String)>::new());
    assert!(!wb.can_undo(), "the merge was one step");
    run(&mut wb, Command::Redo);
    assert_eq!(gold(&wb).len(), 2);
}

#[test]
fn auto_merge_with_k_of_n_merges_what_enough_annotators_agree_on() {
    let carla = "Vucic met Prime Minister [Kurti]{PERSON} in [Brussels]{LOC} on Thursday with \
                 Borrell.";
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO), ("dino", carla)]);
    run(&mut wb, Command::OpenReview(None));
    assert!(
        wb.execute(Command::AutoMerge(Some(4))).is_err(),
        "four cannot agree among three"
    );
    assert!(
        wb.execute(Command::AutoMerge(Some(3))).is_err(),
        "no annotation is in all three layers"
    );
    assert_eq!(gold(&wb), Vec::<(String, String)>::new());
    run(&mut wb, Command::AutoMerge(Some(2)));
    assert_eq!(
        gold(&wb),
        owned(&[
            ("Vucic", "PERSON"),
            ("Kurti", "PERSON"),
            ("Brussels", "LOC"),
            ("Borrell", "PERSON")
        ])
    );
}

#[test]
fn editing_gold_by_hand_settles_the_disagreement_it_matches() {
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    run(&mut wb, Command::OpenReview(None));
    run(&mut wb, Command::NextDisagreement);
    run(&mut wb, Command::NextDisagreement);
    assert_eq!(current(&wb).1, "Brussels");
    run(&mut wb, Command::EditGold(true));
    assert_eq!(selected_text(&wb), "Brussels");
    run(&mut wb, Command::Label("GPE".into()));
    assert_eq!(gold(&wb), owned(&[("Brussels", "GPE")]));
    assert_eq!(remaining(&wb), 2, "gold now holds amira's version");
}

#[test]
fn the_comparison_follows_the_shown_document() {
    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    wb.import_texts(vec![("other.txt".into(), "Nothing here.".into())], false);
    run(&mut wb, Command::OpenReview(None));
    assert_eq!(remaining(&wb), 3);
    run(&mut wb, Command::NextDocument);
    assert_eq!(remaining(&wb), 0);
    assert!(wb.review().unwrap().layers().is_empty());
    assert!(wb.execute(Command::NextDisagreement).is_err());
    run(&mut wb, Command::PreviousDocument);
    assert_eq!(remaining(&wb), 3);
}

#[test]
fn review_keys_are_plain_letters_only_while_the_comparison_is_open() {
    let plain = |c| Chord {
        key: Key::Char(c),
        ctrl: false,
        shift: false,
        alt: false,
    };
    let shifted = |c| Chord {
        shift: true,
        ..plain(c)
    };
    assert_eq!(
        review_action_for(plain('n')),
        Some(Action::NextDisagreement)
    );
    assert_eq!(
        review_action_for(shifted('n')),
        Some(Action::PreviousDisagreement)
    );
    assert_eq!(
        review_action_for(plain('N')),
        Some(Action::PreviousDisagreement)
    );
    assert_eq!(review_action_for(plain('a')), Some(Action::TakeA));
    assert_eq!(review_action_for(plain('B')), Some(Action::TakeB));
    assert_eq!(review_action_for(plain('t')), Some(Action::TakeBoth));
    assert_eq!(
        review_action_for(plain('s')),
        Some(Action::SkipDisagreement)
    );
    assert_eq!(review_action_for(plain('e')), Some(Action::EditInGold));
    assert_eq!(review_action_for(plain('p')), None);
    assert_eq!(action_for(plain('n')), None, "n stays a schema hotkey");

    let mut wb = curator_over(&[("amira", AMIRA), ("bruno", BRUNO)]);
    assert_eq!(wb.command_for(Action::TakeA), None);
    assert_eq!(
        wb.command_for(Action::Review),
        Some(Command::OpenReview(None))
    );
    run(&mut wb, Command::OpenReview(None));
    assert_eq!(
        wb.command_for(Action::TakeA),
        Some(Command::Resolve(Choice::TakeA))
    );
    assert_eq!(wb.command_for(Action::Review), Some(Command::CloseReview));
}
