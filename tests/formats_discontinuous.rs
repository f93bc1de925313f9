//! Discontinuous mentions in exports and imports (issue 10, item 5): brat writes one `T` line with
//! a fragment per part and Gloss's brat import reads it back as one mention in parts; JSONL writes
//! the further parts and Gloss's JSONL import reads them; formats of contiguous spans (spaCy,
//! CoNLL, Hugging Face) leave such a mention out and say so, writing the others.
#![allow(clippy::unwrap_used)]

use gloss::formats::{ExportFormat, ExportSelection, ImportFormat, ImportOptions, TagScheme};
use gloss::model::EntityDetails;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Timestamp,
};

const TEXT: &str = "The Serbian and Kosovo delegations met in Brussels.";

fn at() -> Timestamp {
    "2024-03-04T09:00:00Z".parse().unwrap()
}

fn span(needle: &str) -> CharSpan {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

fn mention(id: u32, parts: &[&str], label: &str) -> Annotation {
    let spans: Vec<CharSpan> = parts.iter().map(|p| span(p)).collect();
    Annotation::Entity(
        Entity::new(
            AnnotationId(id),
            spans[0],
            label,
            Provenance::manual("amira", at()),
        )
        .with_details(EntityDetails {
            parts: spans[1..].to_vec(),
            ..EntityDetails::default()
        }),
    )
}

/// "Serbian … delegations" (ORG, in two parts) and "Brussels" (GPE).
fn project() -> Project {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Parts", schema);
    project.add_document(Document::from_raw(
        DocId::new("talks").unwrap(),
        "Talks",
        TEXT,
    ));
    let key = LayerKey::new(
        DocId::new("talks").unwrap(),
        LayerName::new("amira").unwrap(),
    );
    for annotation in [
        mention(1, &["Serbian", "delegations"], "ORG"),
        mention(2, &["Brussels"], "GPE"),
    ] {
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })
            .unwrap();
    }
    project
}

fn export(format: ExportFormat) -> gloss::formats::Export {
    let selection = ExportSelection {
        layer: None,
        finished_only: false,
    };
    gloss::formats::export(&project(), format, &selection).unwrap()
}

fn file(export: &gloss::formats::Export, name: &str) -> String {
    let found = export
        .files
        .iter()
        .find(|f| f.path.to_string_lossy().ends_with(name))
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(found.bytes.clone()).unwrap()
}

/// Imports `files` into a fresh project with the same schema; the mentions as their parts' texts
/// and label, sorted.
fn import(format: ImportFormat, files: Vec<(String, Vec<u8>)>) -> Vec<(Vec<String>, String)> {
    let mut imported = Project::new("imported", project().schema.clone());
    let options = ImportOptions {
        layer: LayerName::new("amira").unwrap(),
        keep_layers: false,
        annotator: "importer".to_owned(),
        now: at(),
    };
    let import = gloss::formats::import(&imported, format, &files, &options).unwrap();
    import.apply(&mut imported).unwrap();
    let mut mentions: Vec<(Vec<String>, String)> = imported
        .layers()
        .flat_map(|(_, l)| l.iter())
        .filter_map(Annotation::as_entity)
        .map(|e| {
            let parts = e
                .all_spans()
                .map(|s| TEXT.chars().skip(s.start).take(s.len()).collect())
                .collect();
            (parts, e.label.to_string())
        })
        .collect();
    mentions.sort();
    mentions
}

fn expected() -> Vec<(Vec<String>, String)> {
    vec![
        (vec!["Brussels".to_owned()], "GPE".to_owned()),
        (
            vec!["Serbian".to_owned(), "delegations".to_owned()],
            "ORG".to_owned(),
        ),
    ]
}

#[test]
fn brat_writes_one_text_bound_line_with_a_fragment_per_part_and_reads_it_back() {
    let export = export(ExportFormat::Brat);
    let ann = file(&export, "talks.ann");
    let lines: Vec<&str> = ann.lines().filter(|l| l.starts_with('T')).collect();
    assert_eq!(
        lines,
        [
            "T1\tORG 4 11;23 34\tSerbian delegations",
            "T2\tGPE 42 50\tBrussels"
        ]
    );
    assert!(
        export.report.issues.is_empty(),
        "{:?}",
        export.report.issues
    );
    let files = export
        .files
        .iter()
        .map(|f| (f.path.to_string_lossy().into_owned(), f.bytes.clone()))
        .collect();
    assert_eq!(import(ImportFormat::Brat, files), expected());
}

#[test]
fn jsonl_lists_the_further_parts_and_gloss_reads_them_back() {
    let mut out = Vec::new();
    gloss::formats::export_jsonl(&project(), None, &mut out).unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let entities = line["entities"].as_array().unwrap();
    assert_eq!(
        entities[0]["parts"],
        serde_json::json!([{"start": 23, "end": 34, "text": "delegations"}])
    );
    assert_eq!(entities[0]["text"], "Serbian");
    assert_eq!(entities[1]["parts"], serde_json::json!([]));
    let files = vec![("parts.jsonl".to_owned(), out)];
    assert_eq!(import(ImportFormat::Jsonl, files), expected());
}

#[test]
fn formats_of_contiguous_spans_leave_a_mention_in_parts_out_and_say_so() {
    for format in [
        ExportFormat::Spacy,
        ExportFormat::Conll {
            scheme: TagScheme::Iob2,
        },
        ExportFormat::Hf,
    ] {
        let export = export(format);
        let dropped: Vec<String> = export
            .report
            .dropped()
            .map(|issue| format!("{} {}: {}", issue.label, issue.span, issue.issue))
            .collect();
        assert_eq!(
            dropped,
            [
                "ORG 4..11: not written: a discontinuous mention (parts 4..11, 23..34): the format \
              holds only contiguous spans"
            ],
            "{format:?}"
        );
        assert_eq!(
            export.report.annotations, 1,
            "{format:?}: Brussels is written"
        );
    }
}
