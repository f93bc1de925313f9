//! The schema editor (renames reach every layer as one undo step) and find-and-label.

#![allow(clippy::unwrap_used)]

mod workbench_support;

use gloss::model::{Color, DocId, EntityLabel, LayerKey, LayerName};
use gloss::workbench::Command;
use workbench_support::{entities, owned, run, select_text, workbench};

const FIRST: &str = "[Vucic]{PERSON} met [Kurti]{PERSON} in [Brussels]{GPE}.";
const SECOND: &str = "[Kurti]{PERSON} returned to [Prishtina]{GPE}.";

#[test]
fn renaming_a_label_renames_every_annotation_in_every_document_as_one_undo_step() {
    let (mut wb, _dir) = workbench(&[("first", FIRST), ("second", SECOND)]);
    run(
        &mut wb,
        Command::RenameEntityLabel {
            from: "PERSON".into(),
            to: "PER".into(),
        },
    );
    assert!(wb.project().schema.entity_label("PER").is_some());
    assert!(wb.project().schema.entity_label("PERSON").is_none());
    assert_eq!(
        entities(&wb),
        owned(&[("Vucic", "PER"), ("Kurti", "PER"), ("Brussels", "GPE")])
    );
    let role_labels = &wb.project().schema.event_type("MEET").unwrap().roles[0].labels;
    assert_eq!(
        role_labels,
        &["PER", "ORG", "GPE"],
        "roles follow the rename"
    );
    run(&mut wb, Command::NextDocument);
    assert_eq!(
        entities(&wb),
        owned(&[("Kurti", "PER"), ("Prishtina", "GPE")])
    );

    run(&mut wb, Command::Undo);
    assert!(!wb.can_undo(), "the rename was one step");
    assert!(wb.project().schema.entity_label("PERSON").is_some());
    let first = LayerKey::new(
        DocId::new("first").unwrap(),
        LayerName::new("alice").unwrap(),
    );
    let labels: Vec<&str> = wb
        .project()
        .layer(&first)
        .unwrap()
        .iter()
        .map(|a| a.label())
        .collect();
    assert_eq!(labels, ["PERSON", "PERSON", "GPE"]);
}

#[test]
fn a_label_in_use_cannot_be_removed_or_renamed_onto_another() {
    let (mut wb, _dir) = workbench(&[("first", FIRST)]);
    let error = wb
        .execute(Command::RemoveEntityLabel("GPE".into()))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 annotation(s) use GPE: relabel or delete them first"
    );
    let error = wb
        .execute(Command::RenameEntityLabel {
            from: "GPE".into(),
            to: "ORG".into(),
        })
        .unwrap_err();
    assert_eq!(error.to_string(), "label ORG already exists");
    run(&mut wb, Command::RemoveEntityLabel("DATE".into()));
    assert!(wb.project().schema.entity_label("DATE").is_none());
}

#[test]
fn new_labels_colours_and_hotkeys_are_schema_edits_that_undo() {
    let (mut wb, _dir) = workbench(&[("first", FIRST)]);
    let revision = wb.revision();
    run(
        &mut wb,
        Command::AddEntityLabel(EntityLabel {
            name: "NORP".into(),
            color: Color::palette(7),
            hotkey: Some('j'),
            description: "Nationalities".into(),
        }),
    );
    assert!(
        wb.revision() > revision,
        "the UI re-lays out after schema changes"
    );
    run(
        &mut wb,
        Command::SetLabelColor {
            label: "NORP".into(),
            color: Color::rgb(1, 2, 3),
        },
    );
    assert_eq!(
        wb.project().schema.entity_label("NORP").unwrap().color,
        Color::rgb(1, 2, 3)
    );
    let error = wb
        .execute(Command::SetLabelHotkey {
            label: "NORP".into(),
            hotkey: Some('p'),
        })
        .unwrap_err();
    assert_eq!(error.to_string(), "key p is already used by PERSON");
    // A key a command is typed with is refused too, naming the command (issue 10, item 7).
    let error = wb
        .execute(Command::SetLabelHotkey {
            label: "NORP".into(),
            hotkey: Some('n'),
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "key n is already “Next disagreement” (Review menu, N) while a comparison is open; \
         choose another key for NORP"
    );
    select_text(&mut wb, "Vucic");
    run(&mut wb, Command::Hotkey('j'));
    assert_eq!(
        entities(&wb),
        owned(&[
            ("Vucic", "PERSON"),
            ("Vucic", "NORP"),
            ("Kurti", "PERSON"),
            ("Brussels", "GPE")
        ]),
        "a selected range gets a new entity; only a selected entity is relabelled"
    );
    run(&mut wb, Command::Undo);
    run(&mut wb, Command::Undo);
    run(&mut wb, Command::Undo);
    assert!(wb.project().schema.entity_label("NORP").is_none());
}

#[test]
fn find_then_label_every_hit_with_the_last_label() {
    let (mut wb, _dir) = workbench(&[(
        "kosovo",
        "Kosovo and Serbia. KOSOVO's police. Belgrade refused to recognise kosovo.",
    )]);
    select_text(&mut wb, "Serbia");
    run(&mut wb, Command::Hotkey('g'));
    run(&mut wb, Command::ClearSelection);
    run(&mut wb, Command::Find("kosovo".into()));
    assert_eq!(wb.find().hits.len(), 3, "case-insensitive");
    assert_eq!(wb.find().current, Some(0));
    run(&mut wb, Command::LabelFindHit);
    assert_eq!(
        wb.find().current,
        Some(1),
        "labelling moves on to the next hit"
    );
    run(&mut wb, Command::FindNext);
    run(&mut wb, Command::LabelFindHit);
    assert_eq!(
        entities(&wb),
        owned(&[("Kosovo", "GPE"), ("Serbia", "GPE"), ("kosovo", "GPE")])
    );
    assert_eq!(
        wb.find().current,
        Some(0),
        "after the last hit, back to the first"
    );
    run(&mut wb, Command::FindPrevious);
    assert_eq!(wb.find().current, Some(2));
    let error = wb
        .execute(Command::Find("Vucic".into()))
        .map(|()| wb.find().hits.len());
    assert_eq!(error.unwrap(), 0);
    assert_eq!(
        wb.execute(Command::FindNext).unwrap_err().to_string(),
        "\"Vucic\" does not occur in this document"
    );
}
