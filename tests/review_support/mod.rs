//! Shared fixtures for the review tests: a short news text, and a writer that adds entity mentions,
//! quotes and events to one layer by the text they cover.

#![allow(dead_code, clippy::unwrap_used)]

use gloss::model::EntityDetails;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, Event, EventArgument,
    LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, Schema, Speaker, Timestamp,
};

pub const NEWS: &str =
    "Kurti said talks in Brussels failed. Vucic told reporters that the meeting was useful.";

pub fn layer(name: &str) -> LayerName {
    LayerName::new(name).unwrap()
}

/// The char span of the first occurrence of `needle` in [`NEWS`].
pub fn span(needle: &str) -> CharSpan {
    let byte = NEWS.find(needle).unwrap();
    let start = NEWS[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

/// The text of [`NEWS`] a span covers.
pub fn text(span: CharSpan) -> String {
    NEWS.chars().skip(span.start).take(span.len()).collect()
}

/// A project holding [`NEWS`] as its one document.
pub fn news_project() -> (Project, DocId) {
    let mut project = Project::new("news", Schema::default());
    let doc = project.add_document(Document::from_raw(DocId::slug("news"), "News", NEWS));
    (project, doc)
}

/// Adds annotations to one layer of a [`NEWS`] document, with ids 1, 2, 3, … in order.
pub struct LayerWriter<'p> {
    project: &'p mut Project,
    key: LayerKey,
    next: u32,
}

pub fn writer<'p>(project: &'p mut Project, doc: &DocId, name: &str) -> LayerWriter<'p> {
    LayerWriter {
        project,
        key: LayerKey::new(doc.clone(), layer(name)),
        next: 1,
    }
}

impl LayerWriter<'_> {
    fn add(&mut self, make: impl FnOnce(AnnotationId, Provenance) -> Annotation) -> AnnotationId {
        let id = AnnotationId(self.next);
        self.next += 1;
        let provenance = Provenance::manual(self.key.layer.as_str(), Timestamp::UNIX_EPOCH);
        let annotation = make(id, provenance);
        self.project
            .apply(&Edit::Add {
                key: self.key.clone(),
                annotation,
            })
            .unwrap();
        id
    }

    /// A mention; its note says who labelled it what.
    pub fn entity(&mut self, text: &str, label: &str) -> AnnotationId {
        self.add(|id, provenance| {
            let note = format!("{label}, says {}", provenance.annotator);
            Annotation::Entity(Entity::new(id, span(text), label, provenance).with_details(
                EntityDetails {
                    note,
                    ..EntityDetails::default()
                },
            ))
        })
    }

    /// An indirect quote with one content span, a cue and a speaker mention.
    pub fn quote(&mut self, content: &str, cue: &str, speaker: AnnotationId) -> AnnotationId {
        self.add(|id, provenance| {
            Annotation::Quote(Box::new(Quote {
                id,
                content: vec![span(content)],
                cue: Some(span(cue)),
                speaker: Some(Speaker::Mention(speaker)),
                kind: QuoteKind::Indirect,
                attributes: Default::default(),
                note: String::new(),
                provenance,
            }))
        })
    }

    pub fn event(
        &mut self,
        trigger: &str,
        event_type: &str,
        arguments: &[(&str, AnnotationId)],
    ) -> AnnotationId {
        self.add(|id, provenance| {
            Annotation::Event(Box::new(Event {
                id,
                trigger: span(trigger),
                event_type: event_type.into(),
                arguments: arguments
                    .iter()
                    .map(|(role, filler)| EventArgument {
                        role: (*role).into(),
                        filler: *filler,
                    })
                    .collect(),
                attributes: Default::default(),
                note: String::new(),
                provenance,
            }))
        })
    }
}
