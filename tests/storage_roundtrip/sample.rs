//! The project the round-trip tests save and load, and small helpers to build and inspect projects.

use gloss::model::EntityDetails;
use std::collections::BTreeMap;
use std::path::Path;

use gloss::model::{
    Annotation, AnnotationId, AttributeDef, AttributeTarget, CharSpan, Color, DocId, Document,
    DocumentMeta, Edit, Entity, EntityLabel, Event, EventArgument, EventType, LayerKey, LayerName,
    Project, Provenance, Quote, QuoteKind, RemovedText, RoleDef, Schema, Source, Speaker, Status,
    Timestamp, markup,
};

pub fn at(time: &str) -> Timestamp {
    time.parse().unwrap()
}

pub fn key(doc: &str, layer: &str) -> LayerKey {
    LayerKey::new(DocId::new(doc).unwrap(), LayerName::new(layer).unwrap())
}

fn manual(annotator: &str) -> Provenance {
    Provenance::manual(annotator, at("2024-06-01T08:00:00Z"))
}

pub fn entity(id: u32, start: usize, end: usize, label: &str) -> Annotation {
    Annotation::Entity(Entity::new(
        AnnotationId(id),
        CharSpan::new(start, end),
        label,
        manual("alice"),
    ))
}

/// The char span of the `nth` occurrence (from 0) of `needle` in `text`.
fn span_of(text: &str, needle: &str, nth: usize) -> CharSpan {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap();
    let start = text[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

/// Every file under `dir` (relative path with `/` → bytes), sorted.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

pub fn schema() -> Schema {
    let label = |name: &str, i: usize, key: char| EntityLabel {
        name: name.to_owned(),
        color: Color::palette(i),
        hotkey: Some(key),
        description: format!("{name} mentions"),
    };
    let role = |name: &str, labels: &[&str], required: bool, max: Option<u32>| RoleDef {
        name: name.to_owned(),
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        required,
        max,
    };
    let attribute = |name: &str, target, labels: &[&str], values: &[&str]| AttributeDef {
        name: name.to_owned(),
        target,
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
        description: String::new(),
    };
    let mut schema = Schema {
        entity_labels: vec![
            label("PERSON", 0, 'p'),
            label("ORG", 1, 'o'),
            label("GPE", 2, 'g'),
        ],
        event_types: vec![
            EventType {
                name: "MEET".to_owned(),
                description: "Parties meet".to_owned(),
                color: Color::rgb(0xed, 0xc9, 0x48),
                hotkey: Some('m'),
                roles: vec![
                    role("Participant", &["PERSON", "ORG", "GPE"], true, None),
                    role("Place", &["GPE"], false, Some(1)),
                ],
            },
            EventType {
                name: "STATEMENT".to_owned(),
                description: String::new(),
                color: Color::rgb(0xba, 0xb0, 0xac),
                hotkey: None,
                roles: vec![
                    role("Agent", &["PERSON"], true, Some(1)),
                    role("Topic", &["MEET"], false, None),
                ],
            },
        ],
        attributes: vec![
            attribute(
                "role",
                AttributeTarget::Entities,
                &["PERSON"],
                &["leader", "official"],
            ),
            attribute(
                "certainty",
                AttributeTarget::Quotes,
                &[],
                &["certain", "hedged"],
            ),
            attribute(
                "polarity",
                AttributeTarget::Events,
                &[],
                &["positive", "negative"],
            ),
        ],
        ..Schema::default()
    };
    schema.quotes.speaker_labels = vec!["PERSON".to_owned(), "ORG".to_owned()];
    schema
}

/// Adds a document written in markup, and one entity per marked span to `layer` (ids from 1, in
/// span order). Returns the document's text.
fn add_marked(project: &mut Project, id: &str, markup: &str, layer: &str) -> String {
    let marked = markup::parse(markup).unwrap();
    project.add_document(Document::from_raw(
        DocId::new(id).unwrap(),
        id,
        &marked.text,
    ));
    for (i, (span, label)) in marked.spans.into_iter().enumerate() {
        let annotation = entity(i as u32 + 1, span.start, span.end, &label);
        project
            .apply(&Edit::Add {
                key: key(id, layer),
                annotation,
            })
            .unwrap();
    }
    marked.text
}

fn add(project: &mut Project, key: &LayerKey, annotation: Annotation) {
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation,
        })
        .unwrap();
}

fn set_status(project: &mut Project, key: &LayerKey, status: Status) {
    let before = project.status(key);
    project
        .apply(&Edit::SetStatus {
            key: key.clone(),
            before,
            after: status,
        })
        .unwrap();
}

/// Three documents whose texts break naive offset code (Cyrillic, Albanian diacritics, emoji flags and
/// ZWJ families, CRLF import), with every kind of annotation, link, attribute, note, provenance and
/// status.
pub fn sample_project() -> Project {
    let mut project = Project::new("Storage round trip — Вучић и Курти", schema());
    project.add_annotator("alice");
    project.add_annotator("bob");
    project.settings.recommender_url = Some("http://localhost:8000".to_owned());

    // Cyrillic: entities 1-5 from the markup, a split quote, two events, one filling the other's role.
    let text = add_marked(
        &mut project,
        "cyrillic",
        "[Вучић]{PERSON} и [Курти]{PERSON} су се састали у [Бриселу]{GPE}. „Нећемо признати \
         [Косово]{GPE}“, рекао је [Вучић]{PERSON}, „никада“.",
        "alice",
    );
    let alice = key("cyrillic", "alice");
    add(
        &mut project,
        &alice,
        Annotation::Quote(Box::new(Quote {
            id: AnnotationId(6),
            content: vec![
                span_of(&text, "„Нећемо признати Косово“", 0),
                span_of(&text, "„никада“", 0),
            ],
            cue: Some(span_of(&text, "рекао је", 0)),
            speaker: Some(Speaker::Mention(AnnotationId(5))),
            kind: QuoteKind::Direct,
            attributes: BTreeMap::from([("certainty".to_owned(), "certain".to_owned())]),
            note: "split by the cue".to_owned(),
            provenance: manual("alice"),
        })),
    );
    add(
        &mut project,
        &alice,
        Annotation::Event(Box::new(Event {
            id: AnnotationId(7),
            trigger: span_of(&text, "састали", 0),
            event_type: "MEET".into(),
            arguments: vec![
                EventArgument {
                    role: "Participant".into(),
                    filler: AnnotationId(1),
                },
                EventArgument {
                    role: "Participant".into(),
                    filler: AnnotationId(2),
                },
                EventArgument {
                    role: "Place".into(),
                    filler: AnnotationId(3),
                },
            ],
            attributes: BTreeMap::from([("polarity".to_owned(), "positive".to_owned())]),
            note: String::new(),
            provenance: manual("alice"),
        })),
    );
    add(
        &mut project,
        &alice,
        Annotation::Event(Box::new(Event {
            id: AnnotationId(8),
            trigger: span_of(&text, "рекао", 0),
            event_type: "STATEMENT".into(),
            arguments: vec![
                EventArgument {
                    role: "Agent".into(),
                    filler: AnnotationId(5),
                },
                EventArgument {
                    role: "Topic".into(),
                    filler: AnnotationId(7),
                },
            ],
            attributes: BTreeMap::new(),
            note: "Topic is an event".to_owned(),
            provenance: Provenance {
                source: Source::Imported {
                    format: "brat".into(),
                },
                ..manual("alice")
            },
        })),
    );
    set_status(&mut project, &alice, Status::InProgress);
    let bob = key("cyrillic", "bob");
    add(&mut project, &bob, entity(1, 0, 5, "PERSON"));
    set_status(&mut project, &bob, Status::Done);

    // Albanian with emoji: a suggestion with a score, a normalisation id, a note with a newline and
    // quotes, and an indirect quote whose speaker is a plain span.
    let text = "Në Prishtinë, çështje e Kurtit mbetet e hapur 🇽🇰 👨‍👩‍👧. Ai tha se dialogu vazhdon.";
    let id = project.add_document(Document {
        meta: DocumentMeta {
            outlet: Some("Koha Ditore".to_owned()),
            url: Some("https://example.org/koha/1".to_owned()),
            published: Some("2024-05-30".to_owned()),
            author: None,
            language: Some("sq".to_owned()),
            retrieved: Some("2024-05-30T10:15:00Z".to_owned()),
            ..Default::default()
        },
        // What cleaning removed at import (issue 12): a caption before the text, a link label at
        // its end.
        removed: vec![
            RemovedText {
                at: 0,
                text: "Foto: Koha / 🇽🇰\n\n".to_owned(),
                why: "a photo caption or credit, not article text".to_owned(),
            },
            RemovedText {
                at: text.chars().count(),
                text: "\n\nLexo më shumë".to_owned(),
                why: "a link or widget label, not article text".to_owned(),
            },
        ],
        ..Document::from_raw(DocId::new("albanian").unwrap(), "Prishtinë, çështje", text)
    });
    let alice = LayerKey::new(id, LayerName::new("alice").unwrap());
    let prishtine = span_of(text, "Prishtinë", 0);
    add(
        &mut project,
        &alice,
        Annotation::Entity(
            Entity::new(
                AnnotationId(1),
                prishtine,
                "GPE",
                Provenance {
                    source: Source::Suggestion {
                        recommender: "spacy-xx".into(),
                        score: 0.875,
                    },
                    annotator: "alice".into(),
                    created: at("2024-06-01T08:00:00Z"),
                    modified: at("2024-06-01T08:05:30.5Z"),
                },
            )
            .with_details(EntityDetails {
                norm: Some("Q25270".to_owned()),
                note: "capital;\n\"Priština\" in Serbian".to_owned(),
                ..EntityDetails::default()
            }),
        ),
    );
    let mut kurti = entity(2, 0, 0, "PERSON");
    if let Annotation::Entity(e) = &mut kurti {
        e.span = span_of(text, "Kurti", 0);
        e.details_mut()
            .attributes
            .insert("role".to_owned(), "leader".to_owned());
    }
    add(&mut project, &alice, kurti);
    add(
        &mut project,
        &alice,
        entity(
            3,
            span_of(text, "🇽🇰", 0).start,
            span_of(text, "👨‍👩‍👧", 0).end,
            "GPE",
        ),
    );
    add(
        &mut project,
        &alice,
        Annotation::Quote(Box::new(Quote {
            id: AnnotationId(4),
            content: vec![span_of(text, "dialogu vazhdon", 0)],
            cue: Some(span_of(text, "tha", 0)),
            speaker: Some(Speaker::Span(span_of(text, "Ai", 0))),
            kind: QuoteKind::Indirect,
            attributes: BTreeMap::new(),
            note: String::new(),
            provenance: manual("alice"),
        })),
    );
    let gold = key("albanian", "gold");
    add(
        &mut project,
        &gold,
        Annotation::Entity(Entity::new(
            AnnotationId(1),
            prishtine,
            "GPE",
            manual("curator"),
        )),
    );
    set_status(&mut project, &gold, Status::Adjudicated);

    // Imported with CRLF line endings.
    let id = project.add_document(Document::from_raw(
        DocId::new("crlf-import").unwrap(),
        "CRLF import",
        "Line one\r\nLine two: Kurti\r\n",
    ));
    let bob = LayerKey::new(id, LayerName::new("bob").unwrap());
    add(&mut project, &bob, entity(1, 19, 24, "PERSON"));
    set_status(&mut project, &bob, Status::InProgress);
    assert_eq!(
        gloss::model::validate::check(&project),
        Vec::new(),
        "the sample is valid"
    );
    project
}
