//! The sample project (the tests' frozen copy): what someone opening it for the first time finds.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use gloss::model::{
    Annotation, AnnotationKind, CharSpan, DocId, Layer, LayerKey, LayerName, Project, Speaker,
    Status,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kosovo-talks");
const DOC: &str = "kosovo-serbia-brussels-talks";

fn sample() -> Project {
    gloss::storage::load(Path::new(DIR)).unwrap_or_else(|e| panic!("{e}"))
}

fn layer<'a>(project: &'a Project, name: &str) -> &'a Layer {
    let key = LayerKey::new(DocId::new(DOC).unwrap(), LayerName::new(name).unwrap());
    project.layer(&key).unwrap()
}

fn count(layer: &Layer, kind: AnnotationKind) -> usize {
    layer.iter().filter(|a| a.kind() == kind).count()
}

/// The text a span covers.
fn text(project: &Project, span: CharSpan) -> &str {
    let doc = project.document(&DocId::new(DOC).unwrap()).unwrap();
    doc.text.slice(span).unwrap()
}

/// The text of the mention a quote's speaker links to.
fn speaker_of<'a>(project: &'a Project, layer: &Layer, content: &str) -> &'a str {
    let quote = layer
        .iter()
        .filter_map(Annotation::as_quote)
        .find(|q| text(project, q.content[0]).starts_with(content))
        .unwrap();
    let Some(Speaker::Mention(id)) = quote.speaker else {
        panic!("the quote {content:?} has no speaker mention");
    };
    text(project, layer.get(id).unwrap().primary_span())
}

/// Entity mentions as (text, label), in id order.
fn mentions<'a>(project: &'a Project, layer: &'a Layer) -> Vec<(&'a str, &'a str)> {
    layer
        .iter()
        .filter_map(Annotation::as_entity)
        .map(|e| (text(project, e.span), e.label.as_str()))
        .collect()
}

#[test]
fn the_sample_loads_and_gloss_check_finds_nothing() {
    let project = sample();
    assert_eq!(gloss::model::validate::check(&project), vec![]);
    assert_eq!(project.annotators, ["amira", "bruno"]);
    let doc = &project.documents()[0];
    assert_eq!(doc.id.as_str(), DOC);
    assert_eq!(
        doc.title,
        "Stalemate persists: Kosovo and Serbia's talks in Brussels bore no fruit"
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("TRT World"));
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
}

#[test]
fn amira_annotated_the_whole_article() {
    let project = sample();
    let amira = layer(&project, "amira");
    assert_eq!(amira.status, Status::Done);
    assert_eq!(count(amira, AnnotationKind::Entity), 71);
    assert_eq!(count(amira, AnnotationKind::Quote), 5);
    assert_eq!(count(amira, AnnotationKind::Event), 18);
    let mentions = mentions(&project, amira);
    for expected in [
        ("Kosovo", "GPE"),
        ("Belgrade-Pristina Dialogue", "ORG"),
        ("EU", "ORG"),
        ("Monday, Sept. 20, 2021", "DATE"),
        ("Albin Kurti", "PERSON"),
        ("Türkiye", "GPE"),
        ("Belgian", "NORP"),
    ] {
        assert!(mentions.contains(&expected), "{expected:?} is missing");
    }
    // The photo caption appears twice, and so do its mentions.
    assert_eq!(
        mentions
            .iter()
            .filter(|m| **m == ("Jarinje", "GPE"))
            .count(),
        2
    );
}

#[test]
fn direct_quotes_are_linked_to_the_named_speaker_the_pronoun_stands_for() {
    let project = sample();
    let amira = layer(&project, "amira");
    assert_eq!(speaker_of(&project, amira, "We want peace"), "Vucic");
    assert_eq!(
        speaker_of(&project, amira, "Accepting means signing"),
        "Kurti"
    );
    assert_eq!(
        speaker_of(&project, amira, "Vucic refused to sign"),
        "Kurti"
    );
}

#[test]
fn bruno_disagrees_with_amira_in_four_places_for_the_review_to_find() {
    let project = sample();
    let amira = mentions(&project, layer(&project, "amira"));
    let bruno_layer = layer(&project, "bruno");
    assert_eq!(bruno_layer.status, Status::InProgress);
    let bruno = mentions(&project, bruno_layer);
    // A missed mention.
    assert!(amira.contains(&("Belgian", "NORP")) && !bruno.iter().any(|m| m.0 == "Belgian"));
    // A boundary.
    assert!(bruno.contains(&("Prime Minister Albin Kurti", "PERSON")));
    // A label: the first "Belgrade" (the government that refused) as an organisation.
    assert_eq!(amira[3], ("Belgrade", "GPE"));
    assert_eq!(bruno[3], ("Belgrade", "ORG"));
    // A speaker.
    assert_eq!(
        speaker_of(&project, bruno_layer, "Accepting means signing"),
        "Vucic"
    );
}

#[test]
fn the_sample_is_exactly_what_gloss_itself_would_save() {
    let mut project = sample();
    project.mark_all_dirty();
    for write in gloss::storage::pending_writes(&project).unwrap() {
        let on_disk = std::fs::read(Path::new(DIR).join(&write.path)).unwrap();
        assert!(
            write.contents.as_deref() == Some(on_disk.as_slice()),
            "{} differs from what a save writes; regenerate the sample",
            write.path.display()
        );
    }
}
