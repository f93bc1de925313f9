//! Export, then import into a new project: each format gives back what it can hold, for generated
//! articles in Cyrillic, Albanian, emoji and CRLF-imported text.
//!
//! - Gloss JSONL holds everything: layers come back equal, ids, statuses and provenance included.
//! - brat holds every annotation kind with attributes, notes and norms (not ids or provenance).
//! - spaCy holds entity mentions exactly.
//! - CoNLL and Hugging Face hold entity mentions as tokens: the text is rebuilt with single spaces, so
//!   each entity comes back with the same label and the same chars once whitespace is ignored, and the
//!   entities nested in or crossing a longer one are reported instead.
#![allow(clippy::unwrap_used)]

mod proptest_support;
use gloss::model::EntityDetails;
use std::collections::BTreeMap;

use gloss::formats::{
    Export, ExportFormat, ExportSelection, Import, ImportFormat, ImportOptions, Issue, TagScheme,
};
use gloss::model::annotation::Attributes;
use gloss::model::tokens::tokens;
use gloss::model::{
    Annotation, AnnotationId, AttributeDef, AttributeTarget, CharSpan, Color, DocId, Document,
    Edit, Entity, EntityLabel, Event, EventArgument, EventType, LayerKey, LayerName, Project,
    Provenance, Quote, QuoteKind, RoleDef, Schema, Speaker, Status, Timestamp,
};
use proptest::prelude::*;

fn now() -> Timestamp {
    "2024-05-06T07:08:09Z".parse().unwrap()
}

fn schema() -> Schema {
    let label = |name: &str, i| EntityLabel {
        name: name.to_owned(),
        color: Color::palette(i),
        hotkey: None,
        description: String::new(),
    };
    let role = |name: &str, required, max| RoleDef {
        name: name.to_owned(),
        labels: Vec::new(),
        required,
        max,
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
            roles: vec![
                role("Participant", true, None),
                role("Place", false, Some(1)),
            ],
        }],
        attributes: vec![AttributeDef {
            name: "polarity".to_owned(),
            target: AttributeTarget::Events,
            labels: Vec::new(),
            values: vec!["positive".to_owned(), "negative".to_owned()],
            description: String::new(),
        }],
        ..Schema::default()
    }
}

const LABELS: [&str; 4] = ["PERSON", "GPE", "ORG", "DATE"];

/// Words that break naive offset and tokenisation code.
const WORDS: &[&str] = &[
    "Вучић",
    "и",
    "Курти",
    "Prishtinë",
    "çështje",
    "🇽🇰",
    "👨‍👩‍👧",
    "Kosovo’s",
    "Belgrade-Pristina",
    "talks",
    "said",
    "\"We",
    "want",
    "peace,''",
    "Sept.",
    "20",
    "2021.",
    "EU-led",
    "Brussels",
    "met",
    ".",
    "Mr.",
    "Vucic",
    "don't",
];
const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "\r\n", "\r\n\r\n", ", "];

/// A quote: content start and length, a second content span (gap then length), cue, speaker choice
/// (none, a plain span or a mention), kind.
type QuotePlan = (
    usize,
    usize,
    Option<(usize, usize)>,
    Option<usize>,
    usize,
    usize,
);

/// An event: trigger, arguments as (Participant rather than Place, filler entity), polarity.
type EventPlan = (usize, Vec<(bool, usize)>, Option<bool>);

/// What a generated document holds, as token indices (taken modulo the token count).
#[derive(Clone, Debug)]
struct Plan {
    /// (word, separator after it)
    words: Vec<(usize, usize)>,
    /// (first token, extra tokens, label)
    entities: Vec<(usize, usize, usize)>,
    quotes: Vec<QuotePlan>,
    events: Vec<EventPlan>,
    note: Option<String>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 3..40),
        prop::collection::vec((0usize..1000, 0usize..4, 0..LABELS.len()), 0..14),
        prop::collection::vec(
            (
                0usize..1000,
                0usize..5,
                prop::option::of((1usize..4, 0usize..3)),
                prop::option::of(0usize..1000),
                0usize..6,
                0usize..3,
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                0usize..1000,
                prop::collection::vec((any::<bool>(), 0usize..100), 0..4),
                prop::option::of(any::<bool>()),
            ),
            0..3,
        ),
        prop::option::of("[a-zA-Zé ]{1,12}"),
    )
        .prop_map(|(words, entities, quotes, events, note)| Plan {
            words,
            entities,
            quotes,
            events,
            note,
        })
}

fn provenance() -> Provenance {
    Provenance::manual("amira", now())
}

/// A project with one document per plan, each with one finished layer `amira`.
fn project(plans: &[Plan], entities_only: bool) -> Project {
    let mut project = Project::new("generated", schema());
    for (d, plan) in plans.iter().enumerate() {
        let mut raw = String::new();
        for &(word, separator) in &plan.words {
            raw.push_str(WORDS[word]);
            raw.push_str(SEPARATORS[separator]);
        }
        let mut document = Document::from_raw(
            DocId::new(format!("doc-{d}")).unwrap(),
            format!("Article {d}"),
            raw.trim_end(),
        );
        // Everything a web import records, so that round trips carry it (issue 12).
        document.meta = gloss::model::DocumentMeta {
            outlet: Some("TRT World".to_owned()),
            url: Some(format!("https://www.trtworld.com/europe/article-{d}")),
            published: Some("2023-05-02T15:21:00Z".to_owned()),
            author: Some("Jane Doe, John Roe".to_owned()),
            language: Some("en".to_owned()),
            retrieved: Some("2026-12-03T07:30:00Z".to_owned()),
            ..Default::default()
        };
        let toks = tokens(document.text.as_str());
        let id = project.add_document(document);
        let key = LayerKey::new(id, LayerName::new("amira").unwrap());
        let n = toks.len();
        let span = |start: usize, len: usize| {
            let first = start % n;
            let last = (first + len).min(n - 1);
            CharSpan::new(toks[first].start, toks[last].end)
        };
        let mut next = 1;
        let add = |project: &mut Project, annotation: Annotation| {
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        };
        let mut entity_ids = Vec::new();
        for (i, &(start, len, label)) in plan.entities.iter().enumerate() {
            let mut attributes = Attributes::new();
            if i % 3 == 1 {
                attributes.insert("certainty".to_owned(), "high".to_owned());
            }
            add(
                &mut project,
                Annotation::Entity(
                    Entity::new(
                        AnnotationId(next),
                        span(start, len),
                        LABELS[label],
                        provenance(),
                    )
                    .with_details(EntityDetails {
                        attributes,
                        norm: (i % 4 == 2).then(|| format!("Q{}", 100 + i)),
                        note: if i == 0 {
                            plan.note.clone().unwrap_or_default()
                        } else {
                            String::new()
                        },
                        ..EntityDetails::default()
                    }),
                ),
            );
            entity_ids.push(AnnotationId(next));
            next += 1;
        }
        if !entities_only {
            for &(start, len, second, cue, speaker, kind) in &plan.quotes {
                let first = span(start, len);
                let mut content = vec![first];
                // A second content span starts at least one token after the first ends.
                if let Some((gap, len2)) = second {
                    let after = toks
                        .iter()
                        .position(|t| t.start >= first.end)
                        .map(|i| i + gap);
                    if let Some(i) = after.filter(|&i| i < n) {
                        content.push(span(i, len2.min(n - 1 - i)));
                    }
                }
                let speaker = match (speaker, entity_ids.len()) {
                    (0 | 1, _) => None,
                    (2 | 3, 0) | (4 | 5, _) => Some(Speaker::Span(span(start + 7, 0))),
                    (_, count) => Some(Speaker::Mention(entity_ids[speaker % count])),
                };
                add(
                    &mut project,
                    Annotation::Quote(Box::new(Quote {
                        id: AnnotationId(next),
                        content,
                        cue: cue.map(|c| span(c, 0)),
                        speaker,
                        kind: QuoteKind::ALL[kind],
                        attributes: Attributes::new(),
                        note: String::new(),
                        provenance: provenance(),
                    })),
                );
                next += 1;
            }
            let first_event = next;
            for (e, (trigger, arguments, polarity)) in plan.events.iter().enumerate() {
                let mut args: Vec<EventArgument> = arguments
                    .iter()
                    .filter(|_| !entity_ids.is_empty())
                    .map(|&(participant, filler)| EventArgument {
                        role: if participant { "Participant" } else { "Place" }.into(),
                        filler: entity_ids[filler % entity_ids.len()],
                    })
                    .collect();
                if e > 0 {
                    args.push(EventArgument {
                        role: "Participant".into(),
                        filler: AnnotationId(first_event),
                    });
                }
                let attributes = polarity
                    .map(|p| {
                        Attributes::from([(
                            "polarity".to_owned(),
                            if p { "positive" } else { "negative" }.to_owned(),
                        )])
                    })
                    .unwrap_or_default();
                add(
                    &mut project,
                    Annotation::Event(Box::new(Event {
                        id: AnnotationId(next),
                        trigger: span(*trigger, 0),
                        event_type: "MEET".into(),
                        arguments: args,
                        attributes,
                        note: String::new(),
                        provenance: provenance(),
                    })),
                );
                next += 1;
            }
        }
        project
            .apply(&Edit::SetStatus {
                key: key.clone(),
                before: project.status(&key),
                after: Status::Done,
            })
            .unwrap();
    }
    project
}

fn export(project: &Project, format: ExportFormat) -> Export {
    let selection = ExportSelection {
        layer: Some(LayerName::new("amira").unwrap()),
        finished_only: true,
    };
    gloss::formats::export(project, format, &selection).unwrap()
}

fn files(export: &Export) -> Vec<(String, Vec<u8>)> {
    export
        .files
        .iter()
        .map(|f| (f.path.to_string_lossy().into_owned(), f.bytes.clone()))
        .collect()
}

fn options(keep_layers: bool) -> ImportOptions {
    ImportOptions {
        layer: LayerName::new("amira").unwrap(),
        keep_layers,
        annotator: "importer".to_owned(),
        now: now(),
    }
}

/// A new project with the same schema, holding what the files give.
fn import_new(
    format: ImportFormat,
    files: &[(String, Vec<u8>)],
    keep_layers: bool,
) -> (Project, Import) {
    let mut project = Project::new("imported", schema());
    let import = gloss::formats::import(&project, format, files, &options(keep_layers)).unwrap();
    import.clone().apply(&mut project).unwrap();
    (project, import)
}

fn layer_key(doc: &DocId) -> LayerKey {
    LayerKey::new(doc.clone(), LayerName::new("amira").unwrap())
}

/// A layer as text: every annotation without its id and provenance, links shown as what they point to.
fn describe(project: &Project, doc: &DocId) -> Vec<String> {
    let text = &project.document(doc).unwrap().text;
    let Some(layer) = project.layer(&layer_key(doc)) else {
        return Vec::new();
    };
    let span = |s: CharSpan| format!("{s} {:?}", text.slice(s).unwrap());
    let short = |id: AnnotationId| match layer.get(id) {
        Some(Annotation::Entity(e)) => format!("{} {}", e.label, span(e.span)),
        Some(Annotation::Event(e)) => format!("{} {}", e.event_type, span(e.trigger)),
        other => format!("{other:?}"),
    };
    let mut out: Vec<String> = layer
        .iter()
        .map(|annotation| match annotation {
            Annotation::Entity(e) => format!(
                "entity {} {} {:?} norm={:?} note={:?}",
                e.label,
                span(e.span),
                e.details().attributes,
                e.details().norm,
                e.details().note
            ),
            Annotation::Quote(q) => format!(
                "quote {} content={:?} cue={:?} speaker={:?} {:?} note={:?}",
                q.kind.name(),
                q.content.iter().map(|&s| span(s)).collect::<Vec<_>>(),
                q.cue.map(span),
                q.speaker.as_ref().map(|s| match s {
                    Speaker::Mention(id) => format!("mention {}", short(*id)),
                    Speaker::Span(s) => format!("span {}", span(*s)),
                }),
                q.attributes,
                q.note
            ),
            Annotation::Event(e) => {
                let mut args: Vec<String> = e
                    .arguments
                    .iter()
                    .map(|a| format!("{}={}", a.role, short(a.filler)))
                    .collect();
                args.sort();
                format!(
                    "event {} {} {args:?} {:?} note={:?}",
                    e.event_type,
                    span(e.trigger),
                    e.attributes,
                    e.note
                )
            }
        })
        .collect();
    out.sort();
    out
}

/// Entities token formats keep: longest first, then earliest, each unless it overlaps one kept.
fn kept_entities(project: &Project, doc: &DocId) -> Vec<(String, String)> {
    let text = &project.document(doc).unwrap().text;
    let mut entities: Vec<&Entity> = project
        .layer(&layer_key(doc))
        .map(|l| l.iter().filter_map(Annotation::as_entity).collect())
        .unwrap_or_default();
    entities.sort_by_key(|e| (std::cmp::Reverse(e.span.len()), e.span.start, e.id));
    let mut kept: Vec<&Entity> = Vec::new();
    for entity in entities {
        if !kept.iter().any(|k| k.span.overlaps(entity.span)) {
            kept.push(entity);
        }
    }
    kept.sort_by_key(|e| e.span.start);
    kept.iter()
        .map(|e| {
            (
                e.label.to_string(),
                without_spaces(text.slice(e.span).unwrap()),
            )
        })
        .collect()
}

fn without_spaces(text: &str) -> String {
    text.split_whitespace().collect()
}

fn imported_entities(project: &Project, doc: &DocId) -> Vec<(String, String)> {
    let text = &project.document(doc).unwrap().text;
    let mut entities: Vec<&Entity> = project
        .layer(&layer_key(doc))
        .map(|l| l.iter().filter_map(Annotation::as_entity).collect())
        .unwrap_or_default();
    entities.sort_by_key(|e| e.span.start);
    entities
        .iter()
        .map(|e| {
            (
                e.label.to_string(),
                without_spaces(text.slice(e.span).unwrap()),
            )
        })
        .collect()
}

fn token_format_round_trip(plans: &[Plan], format: ExportFormat, import_format: ImportFormat) {
    let original = project(plans, false);
    let export = export(&original, format);
    let (imported, import) = import_new(import_format, &files(&export), false);
    assert!(import.report.is_empty(), "{:?}", import.report);
    assert_eq!(imported.documents().len(), original.documents().len());
    let mut dropped = 0;
    for (before, after) in original.documents().iter().zip(imported.documents()) {
        let kept = kept_entities(&original, &before.id);
        let all = original
            .layer(&layer_key(&before.id))
            .map_or(0, |l| l.iter().filter_map(Annotation::as_entity).count());
        dropped += all - kept.len();
        assert_eq!(
            imported_entities(&imported, &after.id),
            kept,
            "{}",
            before.id
        );
        assert_eq!(
            without_spaces(after.text.as_str()),
            without_spaces(before.text.as_str())
        );
    }
    let reported: Vec<_> = export.report.dropped().collect();
    assert_eq!(reported.len(), dropped, "{reported:?}");
    assert!(
        reported
            .iter()
            .all(|issue| matches!(issue.issue, Issue::Overlaps { .. }))
    );
}

proptest! {
    #![proptest_config(proptest_support::config(48))]

    #[test]
    fn gloss_jsonl_gives_back_every_layer_unchanged(plans in prop::collection::vec(plan(), 1..4)) {
        let original = project(&plans, false);
        let export = export(&original, ExportFormat::Jsonl);
        let (imported, import) = import_new(ImportFormat::Jsonl, &files(&export), true);
        prop_assert!(import.report.is_empty(), "{:?}", import.report);
        for (key, layer) in original.layers() {
            prop_assert_eq!(Some(layer), imported.layer(key));
            let (before, after) = (original.document(&key.doc).unwrap(), imported.document(&key.doc).unwrap());
            prop_assert_eq!((&before.text, &before.title, &before.meta), (&after.text, &after.title, &after.meta));
        }
    }

    #[test]
    fn brat_gives_back_entities_quotes_events_attributes_notes_and_norms(plans in prop::collection::vec(plan(), 1..4)) {
        let original = project(&plans, false);
        let export = export(&original, ExportFormat::Brat);
        prop_assert!(export.report.issues.is_empty(), "{:?}", export.report.issues);
        let (imported, import) = import_new(ImportFormat::Brat, &files(&export), false);
        prop_assert!(import.report.is_empty(), "{:?}", import.report);
        for document in original.documents() {
            prop_assert_eq!(&imported.document(&document.id).unwrap().text, &document.text);
            prop_assert_eq!(describe(&imported, &document.id), describe(&original, &document.id));
        }
    }

    #[test]
    fn spacy_gives_back_every_entity_span(plans in prop::collection::vec(plan(), 1..4)) {
        let original = project(&plans, true);
        let export = export(&original, ExportFormat::Spacy);
        let (imported, import) = import_new(ImportFormat::Spacy, &files(&export), false);
        prop_assert!(import.report.is_empty(), "{:?}", import.report);
        for document in original.documents() {
            let strip = |lines: Vec<String>| -> Vec<String> {
                lines.into_iter().map(|l| l.split(" {").next().unwrap_or_default().to_owned()).collect()
            };
            prop_assert_eq!(strip(describe(&imported, &document.id)), strip(describe(&original, &document.id)));
            let back = imported.documents().iter().find(|d| d.text == document.text).unwrap();
            prop_assert_eq!(&back.meta, &document.meta, "spaCy's meta carries the source");
        }
    }

    #[test]
    fn source_metadata_survives_every_export_that_has_room_for_it(plans in prop::collection::vec(plan(), 1..4)) {
        // JSONL and spaCy carry it in `meta`, Hugging Face in columns (issue 12); the other
        // formats have no place for it.
        let original = project(&plans, true);
        for (format, import_format) in [
            (ExportFormat::Jsonl, ImportFormat::Jsonl),
            (ExportFormat::Spacy, ImportFormat::Spacy),
            (ExportFormat::Hf, ImportFormat::Hf),
        ] {
            let export = export(&original, format);
            let (imported, _) = import_new(import_format, &files(&export), false);
            prop_assert_eq!(imported.documents().len(), original.documents().len());
            for (before, after) in original.documents().iter().zip(imported.documents()) {
                prop_assert_eq!(&after.meta, &before.meta, "{:?}", format);
                if !matches!(format, ExportFormat::Spacy) {
                    prop_assert_eq!(&after.title, &before.title, "{:?}", format);
                }
            }
        }
    }

    #[test]
    fn conll_iob2_gives_back_the_kept_entities_token_by_token(plans in prop::collection::vec(plan(), 1..4)) {
        token_format_round_trip(&plans, ExportFormat::Conll { scheme: TagScheme::Iob2 }, ImportFormat::Conll);
    }

    #[test]
    fn conll_bilou_gives_back_the_kept_entities_token_by_token(plans in prop::collection::vec(plan(), 1..4)) {
        token_format_round_trip(&plans, ExportFormat::Conll { scheme: TagScheme::Bilou }, ImportFormat::Conll);
    }

    #[test]
    fn hf_gives_back_the_kept_entities_token_by_token(plans in prop::collection::vec(plan(), 1..4)) {
        token_format_round_trip(&plans, ExportFormat::Hf, ImportFormat::Hf);
    }
}

#[test]
fn spacy_reports_what_it_cannot_hold() {
    let plans = vec![Plan {
        words: vec![(0, 0), (1, 0), (2, 0), (9, 0), (18, 0)],
        entities: vec![(0, 0, 0), (0, 2, 2)],
        quotes: vec![(2, 0, None, None, 0, 0)],
        events: vec![(3, vec![], Some(true))],
        note: Some("checked".to_owned()),
    }];
    let export = export(&project(&plans, false), ExportFormat::Spacy);
    let report = &export.report;
    assert_eq!(report.annotations, 2);
    let kinds: BTreeMap<&str, usize> = report
        .kinds_not_held
        .iter()
        .map(|(k, n)| (k.name(), *n))
        .collect();
    assert_eq!(kinds, BTreeMap::from([("event", 1), ("quote", 1)]));
    assert_eq!(report.parts_not_held.get("notes"), Some(&1));
    // "Вучић" (PERSON) lies inside "Вучић и Курти" (ORG): both are written, the overlap is named.
    let lines = report.lines();
    assert!(
        lines.iter().any(
            |l| l.contains("doc-0/amira: entity ORG 0..13 \"Вучић и Курти\"")
                && l.contains("overlaps 0..5")
        ),
        "{lines:#?}"
    );
}

#[test]
fn csv_holds_quotes_and_events_as_spreadsheet_rows() {
    // "Вучић и Курти met Brussels talks said \"We want": Вучић and Курти are PERSON, Brussels GPE; a
    // quote "We want" said by Вучић; a MEET on "met".
    let plans = vec![Plan {
        words: vec![
            (0, 0),
            (1, 0),
            (2, 0),
            (19, 0),
            (18, 0),
            (9, 0),
            (10, 0),
            (11, 0),
            (12, 0),
        ],
        entities: vec![(0, 0, 0), (2, 0, 0), (4, 0, 1)],
        quotes: vec![(8, 1, None, Some(6), 6, 0)],
        events: vec![(3, vec![(true, 0), (true, 1), (false, 2)], Some(false))],
        note: None,
    }];
    let original = project(&plans, false);
    let export = export(&original, ExportFormat::Csv);
    let quotes = String::from_utf8(export.files[0].bytes.clone()).unwrap();
    let events = String::from_utf8(export.files[1].bytes.clone()).unwrap();
    assert_eq!(
        quotes,
        "document,layer,published,speaker,speaker_label,speaker_entity,speaker_entity_name,cue,quote,kind,attributes,note\r\n\
         doc-0,amira,2023-05-02T15:21:00Z,Вучић,PERSON,,,said,We want,direct,,\r\n"
    );
    assert_eq!(
        events,
        "document,layer,type,trigger,Participant,Place,attributes,note\r\n\
         doc-0,amira,MEET,met,Вучић | Курти,Brussels,polarity=negative,\r\n"
    );
    assert_eq!(
        export.report.kinds_not_held.values().sum::<usize>(),
        3,
        "three entity mentions"
    );
}
