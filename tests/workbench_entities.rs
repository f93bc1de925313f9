//! Entities behind mentions: the registry of canonical entities, linking mentions to them from the
//! candidates offered, merging and splitting, each one undo step, and all of it on disk.

#![allow(clippy::unwrap_used)]

mod workbench_support;

use gloss::model::{Annotation, EntityKey};
use gloss::workbench::{Command, EntityInfo, Workbench};
use workbench_support::{entity_id, run, workbench};

const FIRST: &str = "Serbian President [Aleksandar Vučić]{PERSON} met [Albin Kurti]{PERSON} in [Brussels]{GPE}. \
[He]{PERSON} said the talks had failed.";
const SECOND: &str =
    "[Vucic]{PERSON} left early. The [EU]{ORG} envoy stayed. [Kurti]{PERSON} did not comment.";

fn key(k: &str) -> EntityKey {
    EntityKey::new(k).unwrap()
}

/// The key of the entity a mention (by its text) links to, after merges.
fn linked(wb: &Workbench, text: &str) -> Option<String> {
    wb.linked_entity(entity_id(wb, text))
        .map(|e| e.key.to_string())
}

fn candidates(wb: &Workbench, text: &str) -> Vec<(String, String)> {
    wb.entity_candidates(entity_id(wb, text))
        .into_iter()
        .map(|c| (c.key.to_string(), c.why))
        .collect()
}

fn new_entity(wb: &mut Workbench, text: &str) {
    let id = entity_id(wb, text);
    run(wb, Command::NewEntity(id));
}

fn link(wb: &mut Workbench, text: &str, entity: &str) {
    let id = entity_id(wb, text);
    run(
        wb,
        Command::LinkEntity {
            id,
            entity: Some(key(entity)),
        },
    );
}

fn split(wb: &mut Workbench, text: &str) {
    let id = entity_id(wb, text);
    run(wb, Command::SplitEntity(id));
}

fn open(wb: &mut Workbench, doc: &str) {
    run(
        wb,
        Command::SelectDocument(gloss::model::DocId::new(doc).unwrap()),
    );
}

#[test]
fn a_mention_becomes_an_entity_and_other_spellings_are_offered_it_and_link_to_it() {
    let (mut wb, _dir) = workbench(&[("first", FIRST), ("second", SECOND)]);
    open(&mut wb, "first");
    new_entity(&mut wb, "Aleksandar Vučić");
    let entity = wb.registry().get(&key("aleksandar-vucic")).unwrap().clone();
    assert_eq!(
        (entity.name.as_str(), entity.label.as_str()),
        ("Aleksandar Vučić", "PERSON")
    );
    assert_eq!(
        linked(&wb, "Aleksandar Vučić").as_deref(),
        Some("aleksandar-vucic")
    );

    // "He" stands for the person linked just before it.
    assert_eq!(
        candidates(&wb, "He"),
        [(
            "aleksandar-vucic".to_owned(),
            "“He” after “Aleksandar Vučić”".to_owned()
        )]
    );
    link(&mut wb, "He", "aleksandar-vucic");
    assert!(
        wb.registry()
            .get(&key("aleksandar-vucic"))
            .unwrap()
            .aliases
            .is_empty(),
        "a pronoun is not an alias"
    );

    // In another article, "Vucic" shares a word with the entity's name, accents aside.
    open(&mut wb, "second");
    assert_eq!(
        candidates(&wb, "Vucic"),
        [("aleksandar-vucic".to_owned(), "shares “vucic”".to_owned())]
    );
    assert!(
        candidates(&wb, "EU").is_empty(),
        "nothing shares a word with EU"
    );
    link(&mut wb, "Vucic", "aleksandar-vucic");
    assert_eq!(
        wb.registry().get(&key("aleksandar-vucic")).unwrap().aliases,
        ["Vucic"],
        "the spelling linked joins the aliases"
    );
    assert_eq!(
        candidates(&wb, "Vucic")[0],
        ("aleksandar-vucic".to_owned(), "called “Vucic”".to_owned())
    );

    // Linking was one step: undo takes back the link and the alias together.
    run(&mut wb, Command::Undo);
    assert_eq!(linked(&wb, "Vucic"), None);
    assert!(
        wb.registry()
            .get(&key("aleksandar-vucic"))
            .unwrap()
            .aliases
            .is_empty()
    );
    run(&mut wb, Command::Redo);
    assert_eq!(linked(&wb, "Vucic").as_deref(), Some("aleksandar-vucic"));
}

#[test]
fn merging_makes_two_entities_one_without_touching_any_layer_and_undo_takes_it_back() {
    let (mut wb, _dir) = workbench(&[("first", FIRST), ("second", SECOND)]);
    open(&mut wb, "first");
    new_entity(&mut wb, "Albin Kurti");
    open(&mut wb, "second");
    new_entity(&mut wb, "Kurti");
    run(&mut wb, Command::Save);
    wb.flush().unwrap();
    assert_eq!(wb.registry().live().count(), 2);

    run(
        &mut wb,
        Command::MergeEntities {
            keep: key("albin-kurti"),
            absorb: key("kurti"),
        },
    );
    assert_eq!(linked(&wb, "Kurti").as_deref(), Some("albin-kurti"));
    let kept = wb.registry().get(&key("albin-kurti")).unwrap();
    assert_eq!(kept.aliases, ["Kurti"]);
    assert_eq!(wb.registry().live().count(), 1);
    let dirty = wb.project().dirty();
    assert!(dirty.registry && dirty.layers.is_empty(), "{dirty:?}");

    run(&mut wb, Command::Undo);
    assert_eq!(linked(&wb, "Kurti").as_deref(), Some("kurti"));
    assert_eq!(wb.registry().live().count(), 2);

    let refused = wb.execute(Command::MergeEntities {
        keep: key("kurti"),
        absorb: key("kurti"),
    });
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("one entity already")
    );
}

#[test]
fn splitting_moves_a_spelling_and_its_mentions_to_a_new_entity() {
    let (mut wb, _dir) = workbench(&[("second", SECOND)]);
    open(&mut wb, "second");
    new_entity(&mut wb, "Kurti");
    // Wrongly linked: the EU is not Kurti.
    link(&mut wb, "EU", "kurti");
    assert_eq!(wb.registry().get(&key("kurti")).unwrap().aliases, ["EU"]);
    split(&mut wb, "EU");
    let eu = wb.registry().get(&key("eu")).unwrap();
    assert_eq!((eu.name.as_str(), eu.label.as_str()), ("EU", "ORG"));
    assert_eq!(linked(&wb, "EU").as_deref(), Some("eu"));
    assert!(wb.registry().get(&key("kurti")).unwrap().aliases.is_empty());
    assert_eq!(linked(&wb, "Kurti").as_deref(), Some("kurti"));
    run(&mut wb, Command::Undo);
    assert_eq!(linked(&wb, "EU").as_deref(), Some("kurti"));
    assert!(wb.registry().get(&key("eu")).is_none());
}

#[test]
fn the_registry_and_the_links_are_saved_and_load_back() {
    let (mut wb, dir) = workbench(&[("first", FIRST)]);
    open(&mut wb, "first");
    new_entity(&mut wb, "Aleksandar Vučić");
    run(
        &mut wb,
        Command::SetEntityInfo {
            key: key("aleksandar-vucic"),
            info: Box::new(EntityInfo {
                name: "Aleksandar Vučić".to_owned(),
                label: "PERSON".to_owned(),
                aliases: vec!["Vučić".to_owned(), "the Serbian president".to_owned()],
                kb: Some(" Q1055 ".to_owned()),
                note: "President of Serbia since 2017".to_owned(),
            }),
        },
    );
    run(&mut wb, Command::Save);
    wb.flush().unwrap();

    let path = dir.path().join("project");
    let written = std::fs::read_to_string(path.join("entities.ron")).unwrap();
    assert!(
        written.contains(r#"(key: "aleksandar-vucic", name: "Aleksandar Vučić", label: "PERSON", aliases: ["Vučić", "the Serbian president"], kb: Some("Q1055"), note: "President of Serbia since 2017")"#),
        "one entity per line:\n{written}"
    );
    let layer = std::fs::read_to_string(path.join("annotations/first/alice.ron")).unwrap();
    assert!(
        layer.contains(r#"entity: Some("aleksandar-vucic")"#),
        "{layer}"
    );

    let loaded = gloss::storage::load(&path).unwrap();
    assert_eq!(loaded.registry(), wb.registry());
    let linked: Vec<_> = loaded
        .layers()
        .flat_map(|(_, l)| l.iter())
        .filter_map(Annotation::as_entity)
        .filter_map(|e| e.details().entity.clone())
        .collect();
    assert_eq!(linked, [key("aleksandar-vucic")]);
}

#[test]
fn renaming_a_label_renames_it_in_the_registry_and_removing_one_in_use_there_is_refused() {
    let (mut wb, dir) = workbench(&[("first", FIRST)]);
    open(&mut wb, "first");
    new_entity(&mut wb, "Brussels");
    run(
        &mut wb,
        Command::RenameEntityLabel {
            from: "GPE".to_owned(),
            to: "PLACE".to_owned(),
        },
    );
    assert_eq!(wb.registry().get(&key("brussels")).unwrap().label, "PLACE");
    run(&mut wb, Command::Save);
    wb.flush().unwrap();
    let loaded = gloss::storage::load(&dir.path().join("project")).unwrap();
    assert_eq!(
        loaded.registry().get(&key("brussels")).unwrap().label,
        "PLACE"
    );

    // Delete the mention: only the registry still uses the label.
    let id = entity_id(&wb, "Brussels");
    run(&mut wb, Command::SelectAnnotation(id));
    run(&mut wb, Command::Delete);
    let refused = wb
        .execute(Command::RemoveEntityLabel("PLACE".to_owned()))
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("1 entity of the registry uses PLACE"),
        "{refused}"
    );
}
