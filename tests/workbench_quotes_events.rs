//! Quotes with speakers and cues, events with arguments, and deleting what they link to.

#![allow(clippy::unwrap_used)]

mod workbench_support;

use gloss::model::{Annotation, AnnotationId, EventArgument, QuoteKind, Speaker};
use gloss::workbench::{Command, Pending, Workbench};
use workbench_support::{
    entities, entity_id, owned, run, select_text, span_of, text_of, workbench,
};

const SAID: &str = "[Vucic]{PERSON} told reporters in [Brussels]{GPE}: \"We want peace in the entire region,\" he said. \
[Kurti]{PERSON} said that [Kosovo]{GPE} would not give up.";

fn quote(wb: &Workbench, id: AnnotationId) -> gloss::model::Quote {
    wb.annotation(id).unwrap().as_quote().unwrap().clone()
}

fn event(wb: &Workbench, id: AnnotationId) -> gloss::model::Event {
    wb.annotation(id).unwrap().as_event().unwrap().clone()
}

/// The id of the annotation just created (the selection after creating it).
fn selected(wb: &Workbench) -> AnnotationId {
    wb.selection().annotation.unwrap()
}

#[test]
fn a_quote_waits_for_its_speaker_and_a_click_on_a_mention_sets_it() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "\"We want peace in the entire region,\"");
    run(&mut wb, Command::Hotkey('q'));
    let id = selected(&wb);
    assert_eq!(wb.pending(), Some(&Pending::Speaker { quote: id }));
    assert!(wb.pending().unwrap().prompt().contains("speaker"));
    assert_eq!(
        quote(&wb, id).kind,
        QuoteKind::Direct,
        "quotation marks make it direct"
    );

    let vucic = entity_id(&wb, "Vucic");
    run(&mut wb, Command::ClickAnnotation(vucic));
    assert_eq!(quote(&wb, id).speaker, Some(Speaker::Mention(vucic)));
    assert_eq!(wb.pending(), None);
    assert_eq!(
        wb.selection().annotation,
        Some(id),
        "the quote stays selected"
    );

    // Quote and speaker were two steps: undo takes back the speaker only.
    run(&mut wb, Command::Undo);
    assert_eq!(quote(&wb, id).speaker, None);
}

#[test]
fn the_nearest_key_picks_the_closest_person_before_the_quote_else_after() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "would not give up");
    run(&mut wb, Command::CreateQuote);
    let indirect = selected(&wb);
    assert_eq!(quote(&wb, indirect).kind, QuoteKind::Indirect);
    run(&mut wb, Command::SpeakerNearest);
    // Kosovo (a GPE) is nearer, but speakers are people and organisations.
    assert_eq!(
        quote(&wb, indirect).speaker,
        Some(Speaker::Mention(entity_id(&wb, "Kurti")))
    );

    let (mut wb, _dir) = workbench(&[("after", "\"We will not,\" said [Kurti]{PERSON}.")]);
    select_text(&mut wb, "\"We will not,\"");
    run(&mut wb, Command::CreateQuote);
    run(&mut wb, Command::SpeakerNearest);
    let id = selected(&wb);
    assert_eq!(
        quote(&wb, id).speaker,
        Some(Speaker::Mention(entity_id(&wb, "Kurti")))
    );
}

#[test]
fn a_speaker_without_a_mention_is_a_plain_span() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "\"We want peace in the entire region,\"");
    run(&mut wb, Command::CreateQuote);
    let id = selected(&wb);
    let he_said = span_of(&wb, "he said", 0);
    let he = gloss::model::CharSpan::new(he_said.start, he_said.start + 2);
    run(&mut wb, Command::SelectSpan(he));
    assert_eq!(quote(&wb, id).speaker, Some(Speaker::Span(he)));
}

#[test]
fn a_cue_and_a_second_content_span_are_picked_by_selecting_them() {
    let (mut wb, _dir) = workbench(&[(
        "split",
        "\"We want peace,\" he said, \"and we will act responsibly.\"",
    )]);
    select_text(&mut wb, "\"We want peace,\"");
    run(&mut wb, Command::CreateQuote);
    let id = selected(&wb);
    run(&mut wb, Command::CancelPending);
    run(&mut wb, Command::PickCue { quote: id });
    select_text(&mut wb, "said");
    run(&mut wb, Command::PickContent { quote: id });
    select_text(&mut wb, "\"and we will act responsibly.\"");
    let q = quote(&wb, id);
    assert_eq!(text_of(&wb, q.cue.unwrap()), "said");
    let content: Vec<String> = q.content.iter().map(|s| text_of(&wb, *s)).collect();
    assert_eq!(
        content,
        ["\"We want peace,\"", "\"and we will act responsibly.\""]
    );
    run(
        &mut wb,
        Command::SetQuoteKind {
            quote: id,
            kind: QuoteKind::Mixed,
        },
    );
    assert_eq!(quote(&wb, id).kind, QuoteKind::Mixed);
    run(&mut wb, Command::CycleQuoteKind);
    assert_eq!(quote(&wb, id).kind, QuoteKind::Direct);
    let error = wb
        .execute(Command::RemoveQuoteContent {
            quote: id,
            index: 5,
        })
        .unwrap_err();
    assert_eq!(error.to_string(), "the quote has no content span 5");
}

#[test]
fn an_event_with_two_arguments_and_the_required_role_problem() {
    let (mut wb, _dir) = workbench(&[(
        "meet",
        "[Vucic]{PERSON} and [Kurti]{PERSON} met separately in [Brussels]{GPE}.",
    )]);
    select_text(&mut wb, "met");
    run(&mut wb, Command::Hotkey('m'));
    let id = selected(&wb);
    assert_eq!(event(&wb, id).event_type, "MEET");
    assert_eq!(
        wb.problems(id),
        vec!["required role Participant of MEET is empty"]
    );

    run(
        &mut wb,
        Command::PickArgument {
            event: id,
            role: "Participant".into(),
        },
    );
    assert_eq!(
        wb.pending(),
        Some(&Pending::Argument {
            event: id,
            role: "Participant".into()
        })
    );
    let vucic = entity_id(&wb, "Vucic");
    run(&mut wb, Command::ClickAnnotation(vucic));
    assert_eq!(wb.pending(), None);
    let brussels = entity_id(&wb, "Brussels");
    run(
        &mut wb,
        Command::AddArgument {
            event: id,
            role: "Place".into(),
            filler: brussels,
        },
    );
    assert_eq!(
        event(&wb, id).arguments,
        vec![
            EventArgument {
                role: "Participant".into(),
                filler: vucic
            },
            EventArgument {
                role: "Place".into(),
                filler: brussels
            },
        ]
    );
    assert!(wb.problems(id).is_empty());

    // The schema's role constraints are enforced with a message.
    let kurti = entity_id(&wb, "Kurti");
    let error = wb
        .execute(Command::AddArgument {
            event: id,
            role: "Place".into(),
            filler: kurti,
        })
        .unwrap_err();
    assert_eq!(error.to_string(), "role Place takes GPE, LOC, not PERSON");

    run(
        &mut wb,
        Command::RemoveArgument {
            event: id,
            index: 0,
        },
    );
    assert_eq!(
        wb.problems(id),
        vec!["required role Participant of MEET is empty"]
    );
}

#[test]
fn deleting_a_speaker_unlinks_it_and_one_undo_restores_both() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "\"We want peace in the entire region,\"");
    run(&mut wb, Command::CreateQuote);
    let quote_id = selected(&wb);
    let vucic = entity_id(&wb, "Vucic");
    run(&mut wb, Command::ClickAnnotation(vucic));
    select_text(&mut wb, "told");
    run(&mut wb, Command::Hotkey('m'));
    let event_id = selected(&wb);
    run(
        &mut wb,
        Command::AddArgument {
            event: event_id,
            role: "Participant".into(),
            filler: vucic,
        },
    );

    run(&mut wb, Command::SelectAnnotation(vucic));
    run(&mut wb, Command::Delete);
    assert!(!entities(&wb).contains(&("Vucic".to_owned(), "PERSON".to_owned())));
    assert_eq!(quote(&wb, quote_id).speaker, None);
    assert!(event(&wb, event_id).arguments.is_empty());
    assert!(
        wb.problems(quote_id).is_empty(),
        "no dangling link is left behind"
    );

    run(&mut wb, Command::Undo);
    assert_eq!(entities(&wb)[0], ("Vucic".to_owned(), "PERSON".to_owned()));
    assert_eq!(quote(&wb, quote_id).speaker, Some(Speaker::Mention(vucic)));
    assert_eq!(event(&wb, event_id).arguments.len(), 1);
    assert_eq!(wb.selection().annotation, Some(vucic));
}

#[test]
fn a_click_on_a_non_entity_while_picking_a_speaker_is_refused() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "told");
    run(&mut wb, Command::Hotkey('m'));
    let event_id = selected(&wb);
    select_text(&mut wb, "\"We want peace in the entire region,\"");
    run(&mut wb, Command::CreateQuote);
    let error = wb.execute(Command::ClickAnnotation(event_id)).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("a speaker must be an entity mention")
    );
    assert!(
        matches!(wb.pending(), Some(Pending::Speaker { .. })),
        "still waiting for the speaker"
    );
}

#[test]
fn attributes_notes_and_norms_are_undoable_edits() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    let kurti = entity_id(&wb, "Kurti");
    run(&mut wb, Command::SelectAnnotation(kurti));
    run(
        &mut wb,
        Command::SetNote {
            id: kurti,
            note: "Prime Minister of Kosovo".into(),
        },
    );
    run(
        &mut wb,
        Command::SetNorm {
            id: kurti,
            norm: Some("Q1246".into()),
        },
    );
    let entity = wb
        .annotation(kurti)
        .and_then(Annotation::as_entity)
        .unwrap()
        .clone();
    assert_eq!(entity.details().note, "Prime Minister of Kosovo");
    assert_eq!(entity.details().norm.as_deref(), Some("Q1246"));
    let error = wb
        .execute(Command::SetAttribute {
            id: kurti,
            name: "polarity".into(),
            value: Some("x".into()),
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "attribute polarity is not defined for entities"
    );
    run(&mut wb, Command::Undo);
    assert_eq!(
        wb.annotation(kurti)
            .and_then(Annotation::as_entity)
            .unwrap()
            .details()
            .norm,
        None
    );
    assert_eq!(
        entities(&wb),
        owned(&[
            ("Vucic", "PERSON"),
            ("Brussels", "GPE"),
            ("Kurti", "PERSON"),
            ("Kosovo", "GPE")
        ])
    );
}

/// The sample article's case: the schema lets countries speak too, and "Kosovo" is the mention that
/// ends last before the quote, but "he said" stands for Vucic.
#[test]
fn the_nearest_key_follows_the_attribution_not_the_last_mention_of_any_speaker_label() {
    let mut project = workbench_support::project(&[(
        "talks",
        "[Vucic]{PERSON} told reporters that [Serbia]{GPE} will not accept [Kosovo]{GPE}'s \
         independence.\n\n\"We want peace in the entire region,'' he said.",
    )]);
    project.schema.quotes.speaker_labels = vec!["PERSON".into(), "ORG".into(), "GPE".into()];
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::from_project(
        project,
        dir.path().join("project"),
        workbench_support::ANNOTATOR,
    );
    select_text(&mut wb, "\"We want peace in the entire region,''");
    run(&mut wb, Command::CreateQuote);
    let id = selected(&wb);
    run(&mut wb, Command::SpeakerNearest);
    assert_eq!(
        quote(&wb, id).speaker,
        Some(Speaker::Mention(entity_id(&wb, "Vucic")))
    );
}

#[test]
fn any_span_picked_for_a_role_becomes_a_mention_the_role_takes_and_fills_it_in_one_step() {
    let (mut wb, _dir) = workbench(&[("said", SAID)]);
    select_text(&mut wb, "told");
    run(&mut wb, Command::CreateEvent("MEET".to_owned()));
    let meeting = selected(&wb);
    let before = entities(&wb);
    run(
        &mut wb,
        Command::PickArgument {
            event: meeting,
            role: "Participant".to_owned(),
        },
    );
    select_text(&mut wb, "reporters");
    let reporters = entity_id(&wb, "reporters");
    assert_eq!(
        entities(&wb)
            .into_iter()
            .find(|(text, _)| text == "reporters"),
        Some(("reporters".to_owned(), "PERSON".to_owned())),
        "the first label Participant takes"
    );
    assert_eq!(
        event(&wb, meeting).arguments,
        [EventArgument {
            role: "Participant".into(),
            filler: reporters
        }]
    );
    assert_eq!(wb.pending(), None);
    // A span exactly on a mention takes that mention, and Place (at most one) refuses a second.
    run(
        &mut wb,
        Command::PickArgument {
            event: meeting,
            role: "Place".to_owned(),
        },
    );
    select_text(&mut wb, "Brussels");
    let brussels = entity_id(&wb, "Brussels");
    assert!(
        event(&wb, meeting)
            .arguments
            .iter()
            .any(|a| a.filler == brussels)
    );
    run(
        &mut wb,
        Command::PickArgument {
            event: meeting,
            role: "Place".to_owned(),
        },
    );
    let span = span_of(&wb, "region", 0);
    let refused = wb.execute(Command::SelectSpan(span)).unwrap_err();
    assert!(refused.to_string().contains("at most 1"), "{refused}");

    // Mention and argument were one step.
    run(&mut wb, Command::Undo);
    run(&mut wb, Command::Undo);
    assert_eq!(entities(&wb), before);
    assert!(event(&wb, meeting).arguments.is_empty());
}

/// A mention in pieces (issue 10, item 5): Alt+A on a selected mention waits for its next part,
/// the part joins it in one undo step, parts can be removed, and the file keeps them.
#[test]
fn a_discontinuous_mention_is_built_from_parts_kept_on_disk_and_undone_in_steps() {
    let (mut wb, dir) = workbench(&[(
        "split",
        "The [Serbian]{NORP} and Kosovo delegations left Brussels.",
    )]);
    let id = entity_id(&wb, "Serbian");
    run(&mut wb, Command::SelectAnnotation(id));
    // Alt+A means "add part" for a mention as for a quote.
    let command = wb.command_for(gloss::workbench::Action::PickContent);
    assert_eq!(command, Some(Command::PickPart { entity: id }));
    run(&mut wb, command.unwrap());
    assert_eq!(wb.pending(), Some(&Pending::Part { entity: id }));
    select_text(&mut wb, "delegations");
    assert_eq!(wb.pending(), None);
    let entity = wb.annotation(id).unwrap().as_entity().unwrap().clone();
    let parts: Vec<String> = entity.all_spans().map(|s| text_of(&wb, s)).collect();
    assert_eq!(parts, ["Serbian", "delegations"]);
    assert_eq!(wb.selection().annotation, Some(id));

    // Overlapping an existing part is refused, saying why.
    run(&mut wb, Command::PickPart { entity: id });
    let error = wb
        .execute(Command::SelectSpan(span_of(&wb, "Serbian", 0)))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "that text is already part of the mention"
    );

    // Saved and read back through the real loader, the parts are there.
    let mut project = wb.project().clone();
    let folder = dir.path().join("saved");
    gloss::storage::create(&folder, &mut project).unwrap();
    let layer_file = std::fs::read_to_string(folder.join("annotations/split/alice.ron")).unwrap();
    assert!(
        layer_file.contains("parts: [(start: 23, end: 34, text: \"delegations\")]"),
        "{layer_file}"
    );
    let loaded = gloss::storage::load(&folder).unwrap();
    assert_eq!(
        loaded.layer(&wb.current_layer_key().unwrap()),
        wb.current_layer()
    );

    run(
        &mut wb,
        Command::RemoveEntityPart {
            entity: id,
            index: 0,
        },
    );
    let entity = wb.annotation(id).unwrap().as_entity().unwrap().clone();
    assert_eq!(text_of(&wb, entity.span), "delegations");
    assert!(!entity.is_discontinuous());
    let error = wb
        .execute(Command::RemoveEntityPart {
            entity: id,
            index: 0,
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "a mention keeps at least one part: delete the mention instead"
    );
    run(&mut wb, Command::Undo);
    run(&mut wb, Command::Undo);
    let entity = wb.annotation(id).unwrap().as_entity().unwrap().clone();
    assert_eq!(text_of(&wb, entity.span), "Serbian");
    assert!(!entity.is_discontinuous());
}
