//! Export speed: 1,000 generated news articles (about 2,300 chars, 88 entity mentions, 8 quotes and 8
//! events each, in Latin, Cyrillic and emoji), every format. Target: ≤ 1 s per format.
//!
//! `cargo bench --bench formats`
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::formats::{ExportFormat, ExportSelection, TagScheme, export};
use gloss::model::annotation::Attributes;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, Color, DocId, Document, Edit, Entity, EntityLabel, Event,
    EventArgument, EventType, LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, RoleDef,
    Schema, Speaker, Status,
};

const ARTICLES: usize = 1_000;

/// A piece of an article: plain text, or a mention with its label.
enum Piece {
    Text(&'static str),
    Mention(&'static str, &'static str),
}

use Piece::{Mention, Text};

/// Sentences of four kinds; each article cycles through them with different names.
fn sentences(i: usize) -> Vec<Vec<Piece>> {
    let people = [
        ("Aleksandar Vucic", "Albin Kurti"),
        ("Вучић", "Курти"),
        ("Josep Borrell", "Miroslav Lajcak"),
    ];
    let (a, b) = people[i % people.len()];
    vec![
        vec![
            Mention(a, "PERSON"),
            Text(" met "),
            Mention(b, "PERSON"),
            Text(" in "),
            Mention("Brussels", "GPE"),
            Text(" on "),
            Mention("Thursday", "DATE"),
            Text("."),
        ],
        vec![
            Text("\"We want peace in the entire region,'' "),
            Mention(a, "PERSON"),
            Text(" said after the talks with the "),
            Mention("EU", "ORG"),
            Text("."),
        ],
        vec![
            Mention("Belgrade", "GPE"),
            Text(" has refused to recognise "),
            Mention("Kosovo", "GPE"),
            Text(" 🇽🇰 as an independent state, "),
            Mention(b, "PERSON"),
            Text(" told reporters."),
        ],
        vec![
            Text("Разговори у "),
            Mention("Бриселу", "GPE"),
            Text(" нису донели помак, a "),
            Mention("Prishtinë", "GPE"),
            Text(" kërkon çështje të reja."),
        ],
    ]
}

fn schema() -> Schema {
    let label = |name: &str, i| EntityLabel {
        name: name.to_owned(),
        color: Color::palette(i),
        hotkey: None,
        description: String::new(),
    };
    let role = |name: &str| RoleDef {
        name: name.to_owned(),
        labels: Vec::new(),
        required: false,
        max: None,
    };
    Schema {
        entity_labels: vec![
            label("PERSON", 0),
            label("GPE", 1),
            label("ORG", 2),
            label("DATE", 3),
        ],
        event_types: vec![EventType {
            name: "MEET".to_owned(),
            description: String::new(),
            color: Color::palette(4),
            hotkey: None,
            roles: vec![role("Participant"), role("Place"), role("Time")],
        }],
        ..Schema::default()
    }
}

fn project() -> Project {
    let mut project = Project::new("bench", schema());
    let provenance = Provenance::manual("gold", "2024-01-01T00:00:00Z".parse().unwrap());
    for i in 0..ARTICLES {
        let mut text = String::new();
        let mut len = 0;
        let mut annotations: Vec<Annotation> = Vec::new();
        let mut next = 1;
        for paragraph in 0..8 {
            for (kind, sentence) in sentences(i + paragraph).into_iter().enumerate() {
                let mut mentions = Vec::new();
                let start = len;
                for piece in sentence {
                    let (piece, label) = match piece {
                        Text(t) => (t, None),
                        Mention(t, l) => (t, Some(l)),
                    };
                    let n = piece.chars().count();
                    if let Some(label) = label {
                        let span = CharSpan::new(len, len + n);
                        mentions.push((AnnotationId(next), span));
                        annotations.push(Annotation::Entity(Entity::new(
                            AnnotationId(next),
                            span,
                            label,
                            provenance.clone(),
                        )));
                        next += 1;
                    }
                    text.push_str(piece);
                    len += n;
                }
                match kind {
                    0 => {
                        let trigger = CharSpan::new(mentions[0].1.end + 1, mentions[0].1.end + 4);
                        let roles = ["Participant", "Participant", "Place", "Time"];
                        let arguments = mentions
                            .iter()
                            .zip(roles)
                            .map(|((id, _), role)| EventArgument {
                                role: role.into(),
                                filler: *id,
                            })
                            .collect();
                        annotations.push(Annotation::Event(Box::new(Event {
                            id: AnnotationId(next),
                            trigger,
                            event_type: "MEET".into(),
                            arguments,
                            attributes: Attributes::new(),
                            note: String::new(),
                            provenance: provenance.clone(),
                        })));
                        next += 1;
                    }
                    1 => {
                        let content = CharSpan::new(start + 1, start + 35);
                        let cue = CharSpan::new(mentions[0].1.end + 1, mentions[0].1.end + 5);
                        annotations.push(Annotation::Quote(Box::new(Quote {
                            id: AnnotationId(next),
                            content: vec![content],
                            cue: Some(cue),
                            speaker: Some(Speaker::Mention(mentions[0].0)),
                            kind: QuoteKind::Direct,
                            attributes: Attributes::new(),
                            note: String::new(),
                            provenance: provenance.clone(),
                        })));
                        next += 1;
                    }
                    _ => {}
                }
                text.push(' ');
                len += 1;
            }
            text.push('\n');
            len += 1;
        }
        let id = project.add_document(Document::from_raw(
            DocId::new(format!("article-{i}")).unwrap(),
            format!("Article {i}"),
            &text,
        ));
        let key = LayerKey::new(id, LayerName::gold());
        for annotation in annotations {
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        }
        project
            .apply(&Edit::SetStatus {
                key,
                before: Status::New,
                after: Status::Adjudicated,
            })
            .unwrap();
    }
    project
}

fn exports(c: &mut Criterion) {
    let project = project();
    let selection = ExportSelection {
        layer: Some(LayerName::gold()),
        finished_only: true,
    };
    let mut group = c.benchmark_group("export 1,000 articles");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let formats = [
        ("jsonl", ExportFormat::Jsonl),
        ("spacy", ExportFormat::Spacy),
        (
            "conll iob2",
            ExportFormat::Conll {
                scheme: TagScheme::Iob2,
            },
        ),
        (
            "conll bilou",
            ExportFormat::Conll {
                scheme: TagScheme::Bilou,
            },
        ),
        ("brat", ExportFormat::Brat),
        ("hf", ExportFormat::Hf),
        ("csv", ExportFormat::Csv),
    ];
    for (name, format) in formats {
        let sample = export(&project, format, &selection).unwrap();
        assert_eq!(sample.report.layers, ARTICLES);
        group.bench_function(name, |b| {
            b.iter(|| black_box(export(black_box(&project), format, &selection).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
