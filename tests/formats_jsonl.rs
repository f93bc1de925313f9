//! JSONL export: what a training script reading the file gets, line by line.
#![allow(clippy::unwrap_used)]

use gloss::formats::{ExportSummary, export_jsonl};
use gloss::model::annotation::Attributes;
use gloss::model::markup;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, DocumentMeta, Edit, Entity, Event,
    EventArgument, LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, Schema, Source,
    Speaker, Status, Timestamp,
};
use serde_json::{Value, json};

fn at(time: &str) -> Timestamp {
    time.parse().unwrap()
}

fn manual(annotator: &str) -> Provenance {
    Provenance::manual(annotator, at("2024-03-04T09:00:00Z"))
}

fn key(doc: &str, layer: &str) -> LayerKey {
    LayerKey::new(DocId::new(doc).unwrap(), LayerName::new(layer).unwrap())
}

fn entity(id: u32, span: CharSpan, label: &str, annotator: &str) -> Annotation {
    Annotation::Entity(Entity::new(
        AnnotationId(id),
        span,
        label,
        manual(annotator),
    ))
}

/// The char span of the `nth` (0-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> CharSpan {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap();
    let start = text[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

fn add(project: &mut Project, key: &LayerKey, annotation: Annotation) {
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation,
        })
        .unwrap();
}

fn export(project: &Project, layer: Option<&str>) -> (Vec<Value>, ExportSummary) {
    let layer = layer.map(|name| LayerName::new(name).unwrap());
    let mut out = Vec::new();
    let summary = export_jsonl(project, layer.as_ref(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "every line ends with a newline"
    );
    let lines = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (lines, summary)
}

/// Python's `text[start:end]`: slicing by code points.
fn python_slice(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

fn assert_span_covers(text: &str, span: &Value) {
    assert_eq!(
        python_slice(text, &span["start"], &span["end"]),
        span["text"].as_str().unwrap(),
        "span {span}"
    );
}

/// Three documents that break naive offset code: Cyrillic, emoji (a flag and a ZWJ family), and CRLF.
/// Layers: amira on all three, bruno on the Cyrillic one; `empty` has no layer at all.
fn project() -> Project {
    let mut project = Project::new("offsets", Schema::default());

    let marked = markup::parse("[Вучић]{PERSON} и [Курти]{PERSON} у [Бриселу]{GPE}").unwrap();
    let mut cyrillic = Document::from_raw(
        DocId::new("cyrillic").unwrap(),
        "Вучић и Курти",
        &marked.text,
    );
    cyrillic.meta = DocumentMeta {
        outlet: Some("RTS".to_owned()),
        language: Some("sr-Cyrl".to_owned()),
        ..DocumentMeta::default()
    };
    project.add_document(cyrillic);
    let amira = key("cyrillic", "amira");
    for (i, (span, label)) in marked.spans.iter().enumerate() {
        add(
            &mut project,
            &amira,
            entity(i as u32 + 1, *span, label, "amira"),
        );
    }
    let bruno = key("cyrillic", "bruno");
    add(
        &mut project,
        &bruno,
        entity(7, marked.spans[0].0, "ORG", "bruno"),
    );

    let emoji = "🇽🇰 👨‍👩‍👧 Kurti said: «Prishtinë, çështje» and left.";
    project.add_document(Document::from_raw(
        DocId::new("emoji").unwrap(),
        "Emoji",
        emoji,
    ));
    let key_emoji = key("emoji", "amira");
    add(
        &mut project,
        &key_emoji,
        entity(1, find(emoji, "Kurti", 0), "PERSON", "amira"),
    );
    add(
        &mut project,
        &key_emoji,
        entity(2, find(emoji, "🇽🇰", 0), "GPE", "amira"),
    );
    add(
        &mut project,
        &key_emoji,
        Annotation::Quote(Box::new(Quote {
            id: AnnotationId(3),
            content: vec![find(emoji, "Prishtinë, çështje", 0)],
            cue: Some(find(emoji, "said", 0)),
            speaker: Some(Speaker::Mention(AnnotationId(1))),
            kind: QuoteKind::Direct,
            attributes: Attributes::new(),
            note: "the guillemets stay outside".to_owned(),
            provenance: manual("amira"),
        })),
    );
    add(
        &mut project,
        &key_emoji,
        Annotation::Event(Box::new(Event {
            id: AnnotationId(4),
            trigger: find(emoji, "left", 0),
            event_type: "MOVE".into(),
            arguments: vec![EventArgument {
                role: "Agent".into(),
                filler: AnnotationId(1),
            }],
            attributes: Attributes::from([("polarity".to_owned(), "positive".to_owned())]),
            note: String::new(),
            provenance: Provenance {
                source: Source::Suggestion {
                    recommender: "rules".into(),
                    score: 0.75,
                },
                ..manual("amira")
            },
        })),
    );

    let crlf = "Talks in Brussels\r\n\r\nVucic met Kurti.\r\nHe said no.\r\n";
    let document = Document::from_raw(DocId::new("crlf").unwrap(), "Talks", crlf);
    let text = document.text.as_str().to_owned();
    project.add_document(document);
    let key_crlf = key("crlf", "amira");
    let mut kurti = entity(2, find(&text, "Kurti", 0), "PERSON", "amira");
    if let Annotation::Entity(kurti) = &mut kurti {
        kurti.details_mut().norm = Some("Q1246".to_owned());
        kurti.provenance.source = Source::Imported {
            format: "conll".into(),
        };
    }
    add(
        &mut project,
        &key_crlf,
        entity(1, find(&text, "Brussels", 0), "GPE", "amira"),
    );
    add(&mut project, &key_crlf, kurti);
    add(
        &mut project,
        &key_crlf,
        Annotation::Quote(Box::new(Quote {
            id: AnnotationId(3),
            content: vec![find(&text, "no", 0)],
            cue: None,
            speaker: Some(Speaker::Span(find(&text, "He", 0))),
            kind: QuoteKind::Indirect,
            attributes: Attributes::new(),
            note: String::new(),
            provenance: manual("amira"),
        })),
    );

    project.add_document(Document::from_raw(
        DocId::new("empty").unwrap(),
        "Nobody",
        "Nothing here",
    ));
    project
}

#[test]
fn every_span_is_the_python_slice_of_the_exported_text() {
    let (lines, _) = export(&project(), None);
    let mut spans = 0;
    for line in &lines {
        let text = line["text"].as_str().unwrap();
        for entity in line["entities"].as_array().unwrap() {
            assert_span_covers(text, entity);
            spans += 1;
        }
        for quote in line["quotes"].as_array().unwrap() {
            for content in quote["content"].as_array().unwrap() {
                assert_span_covers(text, content);
                spans += 1;
            }
            for optional in [&quote["cue"], &quote["speaker_span"]] {
                if !optional.is_null() {
                    assert_span_covers(text, optional);
                    spans += 1;
                }
            }
        }
        for event in line["events"].as_array().unwrap() {
            assert_span_covers(text, &event["trigger"]);
            spans += 1;
        }
    }
    assert_eq!(spans, 14);
}

#[test]
fn offsets_count_code_points_not_bytes_or_utf16_units() {
    let (lines, _) = export(&project(), Some("amira"));
    let cyrillic = &lines[0];
    assert_eq!(cyrillic["entities"][1]["text"], "Курти");
    assert_eq!(
        (
            &cyrillic["entities"][1]["start"],
            &cyrillic["entities"][1]["end"]
        ),
        (&json!(8), &json!(13))
    );
    let emoji = &lines[1];
    // The flag is two scalars, the family five (three people, two joiners), then a space each.
    assert_eq!(emoji["entities"][1]["text"], "🇽🇰");
    assert_eq!(
        (&emoji["entities"][1]["start"], &emoji["entities"][1]["end"]),
        (&json!(0), &json!(2))
    );
    assert_eq!(emoji["entities"][0]["start"], 9);
}

#[test]
fn lines_come_in_document_order_then_layer_name_order_and_skip_documents_without_layers() {
    let (lines, summary) = export(&project(), None);
    let order: Vec<(&str, &str)> = lines
        .iter()
        .map(|line| {
            (
                line["id"].as_str().unwrap(),
                line["layer"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("cyrillic", "amira"),
            ("cyrillic", "bruno"),
            ("emoji", "amira"),
            ("crlf", "amira")
        ]
    );
    assert_eq!(
        summary,
        ExportSummary {
            documents: 3,
            layers: 4,
            annotations: 11,
        }
    );
}

#[test]
fn a_layer_filter_keeps_only_that_annotators_lines() {
    let (lines, summary) = export(&project(), Some("bruno"));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["layer"], "bruno");
    assert_eq!(lines[0]["entities"][0]["label"], "ORG");
    assert_eq!(summary.annotations, 1);

    let (lines, summary) = export(&project(), Some("nobody"));
    assert!(lines.is_empty());
    assert_eq!(summary, ExportSummary::default());
}

#[test]
fn a_line_carries_the_document_and_layer_fields_in_order() {
    let (lines, _) = export(&project(), Some("amira"));
    let keys: Vec<&str> = lines[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "id", "title", "meta", "layer", "status", "text", "entities", "quotes", "events",
    ];
    // serde_json's map sorts keys unless `preserve_order` is on; compare as sets, the order is checked
    // on the raw line below.
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(lines[0]["title"], "Вучић и Курти");
    assert_eq!(
        lines[0]["meta"],
        json!({"outlet": "RTS", "url": null, "published": null, "author": null, "language": "sr-Cyrl"})
    );
    assert_eq!(lines[0]["status"], "new");

    let mut raw = Vec::new();
    export_jsonl(&project(), None, &mut raw).unwrap();
    let first = String::from_utf8(raw).unwrap();
    let positions: Vec<usize> = [
        "\"id\"",
        "\"title\"",
        "\"meta\"",
        "\"layer\"",
        "\"status\"",
        "\"text\"",
    ]
    .iter()
    .map(|key| first.find(key).unwrap())
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn quotes_name_their_speaker_by_mention_id_and_give_its_span() {
    let (lines, _) = export(&project(), Some("amira"));
    let quote = &lines[1]["quotes"][0];
    assert_eq!(quote["id"], "3");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(
        quote["content"],
        json!([{"start": 22, "end": 40, "text": "Prishtinë, çështje"}])
    );
    assert_eq!(quote["cue"]["text"], "said");
    assert_eq!(quote["speaker"], "1");
    assert_eq!(quote["speaker_span"]["text"], "Kurti");
    assert_eq!(quote["note"], "the guillemets stay outside");
}

#[test]
fn a_speaker_without_a_mention_is_a_plain_span() {
    let (lines, _) = export(&project(), Some("amira"));
    let quote = &lines[2]["quotes"][0];
    assert_eq!(quote["kind"], "indirect");
    assert_eq!(quote["speaker"], Value::Null);
    assert_eq!(quote["speaker_span"]["text"], "He");
    assert_eq!(quote["cue"], Value::Null);
}

#[test]
fn events_name_their_arguments_by_id() {
    let (lines, _) = export(&project(), Some("amira"));
    let event = &lines[1]["events"][0];
    assert_eq!(event["id"], "4");
    assert_eq!(event["type"], "MOVE");
    assert_eq!(event["trigger"]["text"], "left");
    assert_eq!(event["arguments"], json!([{"role": "Agent", "ref": "1"}]));
    assert_eq!(event["attributes"], json!({"polarity": "positive"}));
}

#[test]
fn provenance_says_who_made_an_annotation_and_how() {
    let (lines, _) = export(&project(), Some("amira"));
    assert_eq!(
        lines[0]["entities"][0]["provenance"],
        json!({
            "source": "manual", "recommender": null, "score": null, "format": null,
            "annotator": "amira", "created": "2024-03-04T09:00:00Z", "modified": "2024-03-04T09:00:00Z",
        })
    );
    let suggested = &lines[1]["events"][0]["provenance"];
    assert_eq!(suggested["source"], "suggestion");
    assert_eq!(suggested["recommender"], "rules");
    assert_eq!(suggested["score"], 0.75);
    let imported = &lines[2]["entities"][1];
    assert_eq!(imported["provenance"]["source"], "imported");
    assert_eq!(imported["provenance"]["format"], "conll");
    assert_eq!(imported["norm"], "Q1246");
}

#[test]
fn crlf_text_is_exported_with_lf_and_offsets_point_into_it() {
    let (lines, _) = export(&project(), Some("amira"));
    let crlf = &lines[2];
    assert_eq!(
        crlf["text"],
        "Talks in Brussels\n\nVucic met Kurti.\nHe said no.\n"
    );
    // Counted in the stored text: with CRLF kept, Kurti would start two chars later.
    assert_eq!(crlf["entities"][1]["start"], 29);
    assert_eq!(crlf["entities"][1]["text"], "Kurti");
}

#[test]
fn a_layer_with_a_status_but_no_annotations_is_exported_with_empty_lists() {
    let mut project = project();
    project
        .apply(&Edit::SetStatus {
            key: key("empty", "bruno"),
            before: Status::New,
            after: Status::InProgress,
        })
        .unwrap();
    let (lines, _) = export(&project, Some("bruno"));
    let empty = lines.iter().find(|line| line["id"] == "empty").unwrap();
    assert_eq!(empty["status"], "in_progress");
    assert_eq!(empty["entities"], json!([]));
    assert_eq!(empty["quotes"], json!([]));
    assert_eq!(empty["events"], json!([]));
}
