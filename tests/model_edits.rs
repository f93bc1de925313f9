//! The model's promise: every edit is exactly invertible, and undo/redo walk back and forth through
//! exactly the states the project went through, in any text (Cyrillic, emoji, CRLF-imported).

mod proptest_support;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, Color, DocId, Document, Edit, EditError, Entity,
    EntityLabel, History, LayerKey, LayerName, Project, Provenance, Schema, Selection, Status,
    Timestamp,
};
use proptest::prelude::*;

const TEXT: &str = "Вучић и Курти met in Prishtinë, çështje 🇽🇰 👨‍👩‍👧.\r\nBrussels, Thursday.";

fn schema() -> Schema {
    let label = |name: &str, key: char, i: usize| EntityLabel {
        name: name.to_owned(),
        color: Color::palette(i),
        hotkey: Some(key),
        description: String::new(),
    };
    Schema {
        entity_labels: vec![label("PERSON", 'p', 0), label("GPE", 'g', 1)],
        ..Schema::default()
    }
}

fn project() -> (Project, LayerKey) {
    let mut project = Project::new("test", schema());
    let doc = project.add_document(Document::from_raw(DocId::slug("doc"), "Doc", TEXT));
    let key = LayerKey::new(doc, LayerName::new("alice").expect("valid layer name"));
    (project, key)
}

fn entity(id: u32, span: CharSpan, label: &str) -> Annotation {
    Annotation::Entity(Entity::new(
        AnnotationId(id),
        span,
        label,
        Provenance::manual("alice", Timestamp::UNIX_EPOCH),
    ))
}

/// What a step of a random session does; turned into an edit against the current state.
#[derive(Clone, Debug)]
enum Action {
    Add {
        start: usize,
        len: usize,
        person: bool,
    },
    Remove {
        pick: usize,
    },
    Relabel {
        pick: usize,
    },
    Move {
        pick: usize,
        start: usize,
        len: usize,
    },
    Status {
        status: usize,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0usize..80, 0usize..10, any::<bool>()).prop_map(|(start, len, person)| Action::Add {
            start,
            len,
            person
        }),
        (0usize..100).prop_map(|pick| Action::Remove { pick }),
        (0usize..100).prop_map(|pick| Action::Relabel { pick }),
        (0usize..100, 0usize..80, 0usize..10).prop_map(|(pick, start, len)| Action::Move {
            pick,
            start,
            len
        }),
        (0usize..4).prop_map(|status| Action::Status { status }),
    ]
}

/// The edit an action means in the project's current state, if it means one.
fn edit_for(project: &Project, key: &LayerKey, action: &Action) -> Option<Edit> {
    let len = project.document(&key.doc)?.text.char_len();
    let clamp = |start: usize, width: usize| {
        let start = start % len;
        CharSpan::new(start, (start + width).min(len))
    };
    let existing: Vec<Annotation> = project
        .layer(key)
        .map(|l| l.iter().cloned().collect())
        .unwrap_or_default();
    let pick = |n: usize| existing.get(n % existing.len().max(1)).cloned();
    match *action {
        Action::Add {
            start,
            len: width,
            person,
        } => {
            let id = project.layer(key).map_or(AnnotationId(1), |l| l.next_id());
            let label = if person { "PERSON" } else { "GPE" };
            Some(Edit::Add {
                key: key.clone(),
                annotation: entity(id.0, clamp(start, width), label),
            })
        }
        Action::Remove { pick: n } => pick(n).map(|annotation| Edit::Remove {
            key: key.clone(),
            annotation,
        }),
        Action::Relabel { pick: n } => pick(n).map(|before| {
            let mut after = before.clone();
            if let Annotation::Entity(e) = &mut after {
                e.label = if e.label == "PERSON" {
                    "GPE".into()
                } else {
                    "PERSON".into()
                };
            }
            Edit::Replace {
                key: key.clone(),
                before,
                after,
            }
        }),
        Action::Move {
            pick: n,
            start,
            len: width,
        } => pick(n).map(|before| {
            let mut after = before.clone();
            if let Annotation::Entity(e) = &mut after {
                e.span = clamp(start, width);
            }
            Edit::Replace {
                key: key.clone(),
                before,
                after,
            }
        }),
        Action::Status { status } => Some(Edit::SetStatus {
            key: key.clone(),
            before: project.status(key),
            after: Status::ALL[status],
        }),
    }
}

proptest! {
    #![proptest_config(proptest_support::config(256))]

    #[test]
    fn applying_an_edit_then_its_inverse_is_identity(actions in prop::collection::vec(action(), 1..30)) {
        let (mut project, key) = project();
        for action in &actions {
            let Some(edit) = edit_for(&project, &key, action) else { continue };
            let before = project.clone();
            project.apply(&edit).expect("an edit built from the current state applies");
            let after = project.clone();
            project.apply(&edit.inverse()).expect("the inverse of an applied edit applies");
            prop_assert_eq!(&project, &before);
            project.apply(&edit).expect("re-applying after the inverse works");
            prop_assert_eq!(&project, &after);
        }
    }

    #[test]
    fn random_undo_redo_sequences_restore_the_exact_states(
        actions in prop::collection::vec(action(), 1..25),
        moves in prop::collection::vec(any::<bool>(), 0..40),
    ) {
        let (mut project, key) = project();
        let mut history = History::new();
        let mut states = vec![project.clone()];
        let mut selections = Vec::new();
        for (i, action) in actions.iter().enumerate() {
            let Some(edit) = edit_for(&project, &key, action) else { continue };
            let selection = Selection { doc: Some(key.doc.clone()), span: Some(CharSpan::new(i, i)), annotation: None };
            history.apply(&mut project, vec![edit], selection.clone(), Selection::default()).expect("edit applies");
            selections.push(selection);
            states.push(project.clone());
        }
        let mut at = states.len() - 1;
        for undo in moves {
            if undo {
                let restored = history.undo(&mut project).expect("undo applies");
                if at > 0 {
                    at -= 1;
                    prop_assert_eq!(restored.as_ref(), Some(&selections[at]), "undo restores the selection the step came from");
                } else {
                    prop_assert!(restored.is_none());
                }
            } else if history.redo(&mut project).expect("redo applies").is_some() {
                at += 1;
            }
            prop_assert_eq!(&project, &states[at]);
        }
    }
}

#[test]
fn a_group_of_edits_undoes_as_one_step_and_restores_the_selection() {
    let (mut project, key) = project();
    let mut history = History::new();
    let before = Selection {
        doc: Some(key.doc.clone()),
        span: Some(CharSpan::new(0, 5)),
        annotation: None,
    };
    let after = Selection {
        doc: Some(key.doc.clone()),
        span: None,
        annotation: Some(AnnotationId(2)),
    };
    let edits = vec![
        Edit::Add {
            key: key.clone(),
            annotation: entity(1, CharSpan::new(0, 5), "PERSON"),
        },
        Edit::Add {
            key: key.clone(),
            annotation: entity(2, CharSpan::new(8, 13), "PERSON"),
        },
        Edit::SetStatus {
            key: key.clone(),
            before: Status::New,
            after: Status::InProgress,
        },
    ];
    history
        .apply(&mut project, edits, before.clone(), after.clone())
        .expect("group applies");
    assert_eq!(project.layer(&key).map(|l| l.len()), Some(2));

    assert_eq!(history.undo(&mut project).expect("undo"), Some(before));
    assert!(
        project.layer(&key).is_none(),
        "undo removes both mentions and the status change"
    );
    assert_eq!(history.redo(&mut project).expect("redo"), Some(after));
    assert_eq!(project.status(&key), Status::InProgress);
}

#[test]
fn a_failing_edit_in_a_group_leaves_the_project_untouched() {
    let (mut project, key) = project();
    let mut history = History::new();
    let good = Edit::Add {
        key: key.clone(),
        annotation: entity(1, CharSpan::new(0, 5), "PERSON"),
    };
    let out_of_bounds = Edit::Add {
        key: key.clone(),
        annotation: entity(2, CharSpan::new(0, 500), "PERSON"),
    };
    let before = project.clone();
    let error = history
        .apply(
            &mut project,
            vec![good, out_of_bounds],
            Selection::default(),
            Selection::default(),
        )
        .expect_err("the second edit lies outside the text");
    assert!(matches!(error, EditError::OutOfBounds { .. }), "{error}");
    assert_eq!(project, before);
    assert!(!history.can_undo());
}

#[test]
fn offsets_count_chars_in_cyrillic_emoji_and_crlf_text() {
    let (project, key) = project();
    let doc = project.document(&key.doc).expect("document exists");
    assert!(doc.crlf_normalized);
    let slice = |s, e| doc.text.slice(CharSpan::new(s, e)).expect("in bounds");
    assert_eq!(slice(0, 5), "Вучић");
    assert_eq!(slice(8, 13), "Курти");
    assert_eq!(slice(21, 30), "Prishtinë");
    assert_eq!(slice(32, 39), "çështje");
    assert_eq!(slice(40, 42), "🇽🇰");
    assert_eq!(slice(43, 48), "👨‍👩‍👧");
    assert_eq!(slice(50, 58), "Brussels", "CRLF became one LF char");
}

#[test]
fn undoing_an_add_gives_an_equal_project_although_the_id_is_not_handed_out_again() {
    let (mut project, key) = project();
    let first = Edit::Add {
        key: key.clone(),
        annotation: entity(1, CharSpan::new(0, 5), "PERSON"),
    };
    project.apply(&first).expect("first add");
    let before = project.clone();
    let second = Edit::Add {
        key: key.clone(),
        annotation: entity(2, CharSpan::new(8, 13), "PERSON"),
    };
    project.apply(&second).expect("second add");
    project
        .apply(&second.inverse())
        .expect("undo the second add");
    assert_eq!(project, before);
    let next = project.layer(&key).map(|layer| layer.next_id());
    assert_eq!(
        next,
        Some(AnnotationId(3)),
        "a redo may bring id 2 back, so it is not reused"
    );
}

#[test]
fn rejecting_a_suggestion_is_an_edit_its_inverse_takes_back_and_twice_is_stale() {
    let (mut project, key) = project();
    let before = project.clone();
    let rejection = gloss::model::Rejection {
        kind: gloss::model::AnnotationKind::Entity,
        span: CharSpan::new(0, 5),
        label: "PERSON".to_owned(),
    };
    let reject = Edit::SetRejected {
        key: key.clone(),
        rejection: rejection.clone(),
        rejected: true,
    };
    project.apply(&reject).expect("rejecting applies");
    assert!(
        project
            .layer(&key)
            .expect("a layer")
            .is_rejected(&rejection)
    );
    assert!(
        project.dirty().layers.contains(&key),
        "saved with the layer"
    );
    assert!(matches!(
        project.apply(&reject),
        Err(EditError::StaleRejection { .. })
    ));
    project
        .apply(&reject.inverse())
        .expect("the inverse applies");
    assert_eq!(project, before);
    assert!(
        project.layer(&key).is_none(),
        "a layer left blank is no layer"
    );
}

/// A copy of the project (what a background job gets: an export, the figures) shares its texts and
/// layers with the window's until one of them changes; a change to either leaves the other exactly
/// as it was, for every kind of edit.
#[test]
fn a_copy_of_the_project_keeps_its_own_state_whatever_the_original_does() {
    let (mut project, key) = project();
    let person = entity(1, CharSpan::new(0, 5), "PERSON");
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation: person.clone(),
        })
        .expect("adds");
    let copy = project.clone();
    let relabelled = entity(1, CharSpan::new(0, 5), "GPE");
    let edits = [
        Edit::Add {
            key: key.clone(),
            annotation: entity(2, CharSpan::new(8, 13), "PERSON"),
        },
        Edit::Replace {
            key: key.clone(),
            before: person.clone(),
            after: relabelled.clone(),
        },
        Edit::SetStatus {
            key: key.clone(),
            before: Status::New,
            after: Status::Done,
        },
        Edit::Remove {
            key: key.clone(),
            annotation: relabelled,
        },
    ];
    for edit in &edits {
        let before = copy.clone();
        project
            .apply(edit)
            .expect("the edit applies to the original");
        assert_eq!(copy, before, "the copy is unchanged by {edit:?}");
        assert_ne!(project, copy);
    }
    let layer = copy.layer(&key).expect("the copy still has its layer");
    assert_eq!(layer.get(AnnotationId(1)), Some(&person));
    assert_eq!(layer.len(), 1);
    assert_eq!(copy.status(&key), Status::New);

    // The other way round: the copy changes, the original stays.
    let original = project.clone();
    let mut copy = copy;
    copy.apply(&Edit::Remove {
        key: key.clone(),
        annotation: person,
    })
    .expect("the copy can be edited");
    assert_eq!(project, original);
    assert_eq!(project.status(&key), Status::Done);
}
