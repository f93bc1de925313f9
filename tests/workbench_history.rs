//! Whatever the analyst does, undoing everything gives back the project as it was, and redoing
//! everything gives back the work.

#![allow(clippy::unwrap_used)]

mod proptest_support;
mod workbench_support;

use gloss::model::{Annotation, CharSpan, LayerKey, Project, Schema, Status};
use gloss::workbench::Command;
use proptest::prelude::*;
use workbench_support::workbench;

const TEXT: &str = "[Вучић]{PERSON} told reporters in [Brussels]{GPE}: \"We want peace 🇽🇰,\" he said. \
[Kurti]{PERSON} met [EU]{ORG} envoys on Thursday.";

fn command(len: usize) -> impl Strategy<Value = Command> {
    prop_oneof![
        (0..len, 0..len).prop_map(|(a, b)| Command::SelectSpan(CharSpan::new(a, b))),
        (0..len).prop_map(Command::ExtendSelectionTo),
        prop::sample::select(vec!['p', 'o', 'g', 'd', 'q', 'm']).prop_map(Command::Hotkey),
        Just(Command::Delete),
        Just(Command::GrowStart),
        Just(Command::ShrinkEnd),
        Just(Command::GrowEnd),
        Just(Command::SelectNextAnnotation),
        Just(Command::SpeakerNearest),
        Just(Command::ToggleDone),
        Just(Command::Undo),
        Just(Command::Redo),
        (0..12u32).prop_map(|filler| Command::AddArgument {
            event: gloss::model::AnnotationId(filler / 2 + 1),
            role: "Participant".into(),
            filler: gloss::model::AnnotationId(filler + 1),
        }),
        Just(Command::RenameEntityLabel {
            from: "ORG".into(),
            to: "ORGANISATION".into()
        }),
    ]
}

/// What the analyst can see of a project: the schema and every layer's status and annotations (not
/// the layers' id counters, which never go back so that a redo cannot collide with a new id).
fn content(project: &Project) -> (Schema, Vec<(LayerKey, Status, Vec<Annotation>)>) {
    let layers = project
        .layers()
        .map(|(key, layer)| (key.clone(), layer.status, layer.iter().cloned().collect()))
        .collect();
    (project.schema.clone(), layers)
}

proptest! {
    #![proptest_config(proptest_support::config(128))]

    #[test]
    fn undoing_everything_restores_the_project_and_redoing_restores_the_work(
        commands in prop::collection::vec(command(95), 1..40)
    ) {
        let (mut wb, _dir) = workbench(&[("talks", TEXT)]);
        let original = content(wb.project());
        for command in commands {
            // Refusals are part of the game: they must change nothing.
            let _ = wb.execute(command);
        }
        // What was undone in the sequence comes back first, so that all of it is on the undo stack.
        while wb.can_redo() {
            wb.execute(Command::Redo).unwrap();
        }
        let worked = content(wb.project());
        while wb.can_undo() {
            wb.execute(Command::Undo).unwrap();
        }
        prop_assert_eq!(content(wb.project()), original);
        while wb.can_redo() {
            wb.execute(Command::Redo).unwrap();
        }
        prop_assert_eq!(content(wb.project()), worked);
    }
}
