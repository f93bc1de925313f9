//! Shared fixtures for the workbench tests: a small news schema, projects written in the annotation
//! markup (`[Vucic]{PERSON} met …`), and a workbench over them with a fixed clock.

#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;

use gloss::model::markup;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, Color, DocId, Document, Entity, EntityLabel, EventType,
    Layer, LayerKey, LayerName, Project, Provenance, RoleDef, Schema, Status, Timestamp,
};
use gloss::workbench::{Command, Workbench};

pub const ANNOTATOR: &str = "alice";

fn label(name: &str, key: char, index: usize) -> EntityLabel {
    EntityLabel {
        name: name.to_owned(),
        color: Color::palette(index),
        hotkey: Some(key),
        description: String::new(),
    }
}

fn role(name: &str, labels: &[&str], required: bool, max: Option<u32>) -> RoleDef {
    RoleDef {
        name: name.to_owned(),
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        required,
        max,
    }
}

/// PERSON (p), ORG (o), GPE (g), LOC (l), DATE (d); quotes (q); MEET (m) with a required
/// Participant (PERSON, ORG, GPE) and at most one Place (GPE, LOC).
pub fn schema() -> Schema {
    Schema {
        entity_labels: vec![
            label("PERSON", 'p', 0),
            label("ORG", 'o', 1),
            label("GPE", 'g', 2),
            label("LOC", 'l', 3),
            label("DATE", 'd', 4),
        ],
        event_types: vec![EventType {
            name: "MEET".to_owned(),
            description: "A meeting".to_owned(),
            color: Color::palette(5),
            hotkey: Some('m'),
            roles: vec![
                role("Participant", &["PERSON", "ORG", "GPE"], true, None),
                role("Place", &["GPE", "LOC"], false, Some(1)),
            ],
        }],
        ..Schema::default()
    }
}

pub fn clock() -> Timestamp {
    Timestamp::from_second(1_700_000_000).unwrap()
}

/// A project whose documents are given as `(id, markup)`; the markup's spans become `alice`'s
/// entities (status in progress).
pub fn project(docs: &[(&str, &str)]) -> Project {
    let mut project = Project::new("Test", schema());
    for (id, text) in docs {
        let marked = markup::parse(text).unwrap();
        let doc_id = DocId::new(*id).unwrap();
        project.add_document(Document::from_raw(doc_id.clone(), *id, &marked.text));
        if marked.spans.is_empty() {
            continue;
        }
        let mut annotations = BTreeMap::new();
        for (i, (span, label)) in marked.spans.into_iter().enumerate() {
            let id = AnnotationId(i as u32 + 1);
            let entity = Entity::new(id, span, label, Provenance::manual(ANNOTATOR, clock()));
            annotations.insert(id, Annotation::Entity(entity));
        }
        let key = LayerKey::new(doc_id, LayerName::new(ANNOTATOR).unwrap());
        project.insert_loaded_layer(
            key,
            Layer::from_annotations(Status::InProgress, annotations),
        );
    }
    // Nothing of it is on disk yet: the first save writes it all.
    project.mark_all_dirty();
    project
}

/// A workbench as `alice` over `project(docs)`, saving into a fresh temporary folder.
pub fn workbench(docs: &[(&str, &str)]) -> (Workbench, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbench::from_project(project(docs), dir.path().join("project"), ANNOTATOR);
    wb.set_clock(Box::new(clock));
    (wb, dir)
}

/// Runs a command that must succeed.
pub fn run(wb: &mut Workbench, command: Command) {
    if let Err(error) = wb.execute(command.clone()) {
        panic!("{command:?} failed: {error}");
    }
}

/// The char span of the `n`-th (0-based) occurrence of `needle` in the current document.
pub fn span_of(wb: &Workbench, needle: &str, n: usize) -> CharSpan {
    let text = wb.current_doc().unwrap().text.as_str();
    let (byte, _) = text.match_indices(needle).nth(n).unwrap();
    let start = text[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

/// Selects the first occurrence of `needle` in the current document.
pub fn select_text(wb: &mut Workbench, needle: &str) {
    let span = span_of(wb, needle, 0);
    run(wb, Command::SelectSpan(span));
}

/// The current layer's entities as (covered text, label), in text order.
pub fn entities(wb: &Workbench) -> Vec<(String, String)> {
    let Some(layer) = wb.current_layer() else {
        return Vec::new();
    };
    let text = &wb.current_doc().unwrap().text;
    let mut entities: Vec<_> = layer.iter().filter_map(Annotation::as_entity).collect();
    entities.sort_by_key(|e| (e.span, e.id));
    entities
        .into_iter()
        .map(|e| (text.slice(e.span).unwrap().to_owned(), e.label.to_string()))
        .collect()
}

/// The current layer's entity id covering exactly `text` (first occurrence).
pub fn entity_id(wb: &Workbench, text: &str) -> AnnotationId {
    let span = span_of(wb, text, 0);
    wb.current_layer()
        .unwrap()
        .iter()
        .find(|a| a.as_entity().is_some_and(|e| e.span == span))
        .map(Annotation::id)
        .unwrap()
}

/// The text a span covers in the current document.
pub fn text_of(wb: &Workbench, span: CharSpan) -> String {
    wb.current_doc()
        .unwrap()
        .text
        .slice(span)
        .unwrap()
        .to_owned()
}

pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}
