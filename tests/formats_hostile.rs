//! Files that once crashed an import, made it allocate gigabytes, left a layer that could not be
//! saved, or gave messages that repeated whole lines; and exports that downstream tools misread.
//! Each test is named after what broke.
#![allow(clippy::unwrap_used)]

use gloss::model::EntityDetails;
use std::collections::BTreeMap;

use gloss::formats::{
    Export, ExportFormat, ExportSelection, FormatError, Import, ImportFormat, ImportOptions,
    TagScheme,
};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Schema, Timestamp,
};

fn now() -> Timestamp {
    "2024-05-06T07:08:09Z".parse().unwrap()
}

fn options(keep_layers: bool) -> ImportOptions {
    ImportOptions {
        layer: LayerName::new("imported").unwrap(),
        keep_layers,
        annotator: "imported".to_owned(),
        now: now(),
    }
}

fn import(format: ImportFormat, files: &[(&str, &[u8])]) -> Result<Import, FormatError> {
    import_into(&Project::new("p", Schema::default()), format, files, false)
}

fn import_into(
    project: &Project,
    format: ImportFormat,
    files: &[(&str, &[u8])],
    keep_layers: bool,
) -> Result<Import, FormatError> {
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
        .collect();
    gloss::formats::import(project, format, &files, &options(keep_layers))
}

fn notes(import: &Import) -> Vec<String> {
    import.report.iter().map(ToString::to_string).collect()
}

/// A project with one document and entities `(layer, needle, label, note)`.
fn project(text: &str, entities: &[(&str, &str, &str, &str)]) -> Project {
    let mut project = Project::new("p", Schema::default());
    let doc = DocId::new("talks").unwrap();
    project.add_document(Document::from_raw(doc.clone(), "Talks", text));
    let text = project.document(&doc).unwrap().text.as_str().to_owned();
    for (i, (layer, needle, label, note)) in entities.iter().enumerate() {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        let annotation = Annotation::Entity(
            Entity::new(
                AnnotationId(i as u32 + 1),
                CharSpan::new(start, start + needle.chars().count()),
                *label,
                Provenance::manual("a", now()),
            )
            .with_details(EntityDetails {
                note: (*note).to_owned(),
                ..EntityDetails::default()
            }),
        );
        let key = LayerKey::new(doc.clone(), LayerName::new(*layer).unwrap());
        project.apply(&Edit::Add { key, annotation }).unwrap();
    }
    project
}

fn export_all(project: &Project, format: ExportFormat) -> Export {
    gloss::formats::export(project, format, &ExportSelection::default()).unwrap()
}

fn files_of(export: &Export, root: &str) -> Vec<(String, Vec<u8>)> {
    export
        .files
        .iter()
        .map(|f| (format!("{root}/{}", f.path.display()), f.bytes.clone()))
        .collect()
}

/// Entities of an import as `layer LABEL "text"`, sorted.
fn by_layer(import: &Import) -> Vec<String> {
    let mut out: Vec<String> = import
        .annotations
        .iter()
        .filter_map(|(key, a)| {
            let document = import.documents.iter().find(|d| d.id == key.doc)?;
            let e = a.as_entity()?;
            Some(format!(
                "{} {} {:?}",
                key.layer,
                e.label,
                document.text.slice(e.span)?
            ))
        })
        .collect();
    out.sort();
    out
}

const WEBANNO_HEAD: &str = "#FORMAT=WebAnno TSV 3.3\n\
    #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n";

#[test]
fn a_webanno_offset_of_four_billion_is_an_error_not_an_8_gb_allocation() {
    let tsv = format!(
        "{WEBANNO_HEAD}#Text=Kurti\n1-1\t0-5\tKurti\t*\tPER\t\n\n\
         #Text=Vucic\n2-1\t4000000000-4000000005\tVucic\t*\tPER\t\n"
    );
    let err = import(ImportFormat::WebannoTsv3, &[("huge.tsv", tsv.as_bytes())]).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("huge.tsv:"), "{message}");
    assert!(message.contains("4000000000"), "{message}");
}

#[test]
fn a_193_byte_webanno_file_cannot_make_a_50_mb_document() {
    let tsv = format!(
        "{WEBANNO_HEAD}#Text=a\n1-1\t0-1\ta\t_\t_\t\n\n#Text=b\n2-1\t50000000-50000001\tb\t_\t_\t\n"
    );
    assert!(tsv.len() < 260);
    match import(ImportFormat::WebannoTsv3, &[("gap.tsv", tsv.as_bytes())]) {
        Err(err) => assert!(err.to_string().contains("gap.tsv:"), "{err}"),
        Ok(import) => {
            let longest = import.documents.iter().map(|d| d.text.char_len()).max();
            panic!("a document of {longest:?} chars from {} bytes", tsv.len());
        }
    }
}

#[test]
fn a_jsonl_annotation_id_of_4294967295_is_renumbered_and_the_layer_saves_and_loads() {
    let line = r#"{"id":"talks","layer":"alice","text":"Kurti met Vucic","entities":[
        {"id":"4294967295","start":0,"end":5,"label":"PER"},{"id":4294967294,"start":10,"end":15,"label":"PER"}]}"#
        .replace('\n', "");
    let mut project = Project::new("p", Schema::default());
    let read = import_into(
        &project,
        ImportFormat::Jsonl,
        &[("ids.jsonl", line.as_bytes())],
        true,
    )
    .unwrap();
    let ids: Vec<u32> = read.annotations.iter().map(|(_, a)| a.id().0).collect();
    assert!(ids.iter().all(|&id| id <= i32::MAX as u32), "{ids:?}");
    let notes = notes(&read);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("4294967295") && n.contains("renumbered")),
        "{notes:#?}"
    );
    read.apply(&mut project).unwrap();
    // A new annotation after the import still gets an id, and the project saves and loads.
    let key = LayerKey::new(
        DocId::new("talks").unwrap(),
        LayerName::new("alice").unwrap(),
    );
    let next = project.layer(&key).unwrap().next_id();
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation: Annotation::Entity(Entity::new(
                next,
                CharSpan::new(6, 9),
                "PER",
                Provenance::manual("a", now()),
            )),
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    gloss::storage::create(dir.path(), &mut project).unwrap();
    let loaded = gloss::storage::load(dir.path()).unwrap();
    assert_eq!(loaded.layer(&key).unwrap().len(), 3);
}

#[test]
fn parse_errors_quote_a_short_excerpt_never_the_whole_line() {
    let long = "x".repeat(1_000_000);
    let cases: Vec<(ImportFormat, &str, String)> = vec![
        (
            ImportFormat::Jsonl,
            "a.jsonl",
            format!("{{\"id\": \"{long}"),
        ),
        (
            ImportFormat::Spacy,
            "a.jsonl",
            format!(
                "{{\"text\":\"t\",\"spans\":[{{\"start\":\"{long}\",\"end\":1,\"label\":\"X\"}}]}}"
            ),
        ),
        (
            ImportFormat::Doccano,
            "a.jsonl",
            format!("{{\"text\":\"t\",\"label\":\"{long}\"}}"),
        ),
        (ImportFormat::Conll, "a.conll", format!("{long}\n")),
        (
            ImportFormat::WebannoTsv3,
            "a.tsv",
            format!("#FORMAT=WebAnno TSV 3.3\n#Text=a\n{long}\n"),
        ),
        (
            ImportFormat::Hf,
            "a.jsonl",
            format!("{{\"tokens\":[\"{long}"),
        ),
        (
            ImportFormat::LabelStudio,
            "a.json",
            format!("[{{\"id\":\"{long}"),
        ),
    ];
    for (format, name, text) in cases {
        let err = import(format, &[(name, text.as_bytes())]).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(name), "{}: {message}", format.name());
        assert!(
            message.len() < 400,
            "{}: a message of {} bytes",
            format.name(),
            message.len()
        );
    }
    let ann = format!("T1\tPER 0 5\t{long}\nX{long}\n");
    let err = import(
        ImportFormat::Brat,
        &[("d.txt", b"Kurti"), ("d.ann", ann.as_bytes())],
    )
    .unwrap_err();
    assert!(
        err.to_string().len() < 400,
        "brat: {}",
        err.to_string().len()
    );
}

#[test]
fn json_errors_name_no_internal_types_and_give_no_parser_advice() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let wrong_type = r#"{"id":"a","layer":"b","text":"t","entities":["not an object"]}"#;
    let cases = [
        (ImportFormat::Jsonl, deep.clone()),
        (ImportFormat::Jsonl, wrong_type.to_owned()),
        (ImportFormat::Spacy, deep.clone()),
        (ImportFormat::Hf, deep.clone()),
        (ImportFormat::LabelStudio, deep),
    ];
    for (format, text) in cases {
        let err = import(format, &[("f.json", text.as_bytes())]).unwrap_err();
        let message = err.to_string();
        for internal in [
            "struct",
            "EntityIn",
            "Line",
            "serde",
            "stacker",
            "recursion_limit",
        ] {
            assert!(
                !message.contains(internal),
                "{}: {message:?} names {internal}",
                format.name()
            );
        }
        assert!(message.contains("line 1 column"), "{message}");
    }
}

#[test]
fn a_label_with_a_space_is_percent_encoded_in_conll_reported_and_read_back() {
    let project = project(
        "Prime Minister Kurti met Vucic.",
        &[
            ("gold", "Prime Minister Kurti", "Prime Minister", ""),
            ("gold", "Vucic", "PER%20X", ""),
        ],
    );
    let export = export_all(
        &project,
        ExportFormat::Conll {
            scheme: TagScheme::Iob2,
        },
    );
    let conll = String::from_utf8(export.files[0].bytes.clone()).unwrap();
    for line in conll.lines().filter(|l| !l.is_empty()) {
        assert_eq!(line.split_whitespace().count(), 4, "{line:?}");
    }
    assert!(conll.contains("Prime _ _ B-Prime%20Minister"), "{conll}");
    let lines = export.report.lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"Prime Minister\" as \"Prime%20Minister\"")),
        "{lines:#?}"
    );
    let read = import(ImportFormat::Conll, &[("gold.conll", conll.as_bytes())]).unwrap();
    assert_eq!(
        by_layer(&read),
        [
            "imported PER%20X \"Vucic\"",
            "imported Prime Minister \"Prime Minister Kurti\""
        ]
    );
}

#[test]
fn line_separators_in_a_span_or_note_do_not_break_brat_ann_lines() {
    let project = project(
        "Albin\u{2028}Kurti met Vucic\u{85}Aleksandar today.",
        &[
            ("gold", "Albin\u{2028}Kurti", "PER", "first\u{2029}second"),
            ("gold", "Vucic\u{85}Aleksandar", "PER", ""),
        ],
    );
    let selection = ExportSelection {
        layer: Some(LayerName::gold()),
        finished_only: false,
    };
    let export = gloss::formats::export(&project, ExportFormat::Brat, &selection).unwrap();
    let ann = export
        .files
        .iter()
        .find(|f| f.path.extension().is_some_and(|e| e == "ann"))
        .unwrap();
    let ann = String::from_utf8(ann.bytes.clone()).unwrap();
    let separators = ['\u{2028}', '\u{2029}', '\u{85}', '\r', '\u{b}', '\u{c}'];
    assert!(!ann.contains(separators), "{ann:?}");
    assert!(ann.contains("T1\tPER 0 5;6 11\tAlbin Kurti\n"), "{ann}");
    let lines = export.report.lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("line separators") && l.contains("2 annotations")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("notes") && l.contains("1 annotation")),
        "{lines:#?}"
    );
    let files = files_of(&export, "out");
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let read = import(ImportFormat::Brat, &files).unwrap();
    assert_eq!(
        by_layer(&read),
        [
            "imported PER \"Albin\\u{2028}Kurti\"",
            "imported PER \"Vucic\\u{85}Aleksandar\""
        ]
    );
}

fn two_annotators() -> Project {
    project(
        "Albin Kurti met Aleksandar Vucic in Brussels.",
        &[
            ("alice", "Albin Kurti", "PER", ""),
            ("alice", "Brussels", "GPE", ""),
            ("bob", "Kurti", "PER", ""),
            ("bob", "Aleksandar Vucic", "PER", ""),
            ("gold", "Albin Kurti", "PER", ""),
        ],
    )
}

fn expected_layers() -> Vec<String> {
    let mut expected = vec![
        "alice PER \"Albin Kurti\"".to_owned(),
        "alice GPE \"Brussels\"".to_owned(),
        "bob PER \"Kurti\"".to_owned(),
        "bob PER \"Aleksandar Vucic\"".to_owned(),
        "gold PER \"Albin Kurti\"".to_owned(),
    ];
    expected.sort();
    expected
}

#[test]
fn an_all_layer_brat_spacy_or_hf_export_imports_back_into_the_same_layers() {
    let project = two_annotators();
    for (export_format, import_format) in [
        (ExportFormat::Brat, ImportFormat::Brat),
        (ExportFormat::Spacy, ImportFormat::Spacy),
        (ExportFormat::Hf, ImportFormat::Hf),
        (ExportFormat::Jsonl, ImportFormat::Jsonl),
    ] {
        let export = export_all(&project, export_format);
        let files = files_of(&export, "out");
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let read = import_into(
            &Project::new("new", Schema::default()),
            import_format,
            &files,
            true,
        )
        .unwrap();
        assert_eq!(read.documents.len(), 1, "{}", export_format.name());
        assert_eq!(
            by_layer(&read),
            expected_layers(),
            "{}",
            export_format.name()
        );
        let statuses: BTreeMap<String, usize> =
            read.statuses
                .iter()
                .fold(BTreeMap::new(), |mut m, (key, _)| {
                    *m.entry(key.layer.to_string()).or_default() += 1;
                    m
                });
        assert!(statuses.values().all(|&n| n == 1), "{statuses:?}");
    }
}

#[test]
fn merging_the_layers_an_export_names_into_one_is_reported() {
    let project = two_annotators();
    for (export_format, import_format) in [
        (ExportFormat::Brat, ImportFormat::Brat),
        (ExportFormat::Spacy, ImportFormat::Spacy),
        (ExportFormat::Hf, ImportFormat::Hf),
    ] {
        let export = export_all(&project, export_format);
        let files = files_of(&export, "out");
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let read = import(import_format, &files).unwrap();
        let notes = notes(&read);
        assert!(
            notes.iter().any(|n| n.contains("3 layers")
                && n.contains("\"alice\", \"bob\", \"gold\"")
                && n.contains("went into layer imported")),
            "{}: {notes:#?}",
            export_format.name()
        );
    }
}

#[test]
fn doccano_older_labels_export_imports_its_spans() {
    let line =
        r#"{"id": 3, "text": "Kurti met Vucic", "labels": [[0, 5, "PER"], [10, 15, "PER"]]}"#;
    let read = import(ImportFormat::Doccano, &[("old.jsonl", line.as_bytes())]).unwrap();
    assert_eq!(
        by_layer(&read),
        ["imported PER \"Kurti\"", "imported PER \"Vucic\""]
    );
}

#[test]
fn doccano_relations_and_comments_are_counted_in_the_report_with_the_first_named() {
    let lines = concat!(
        r#"{"text": "Kurti met Vucic", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, "label": "PER"}, {"id": 2, "start_offset": 10, "end_offset": 15, "label": "PER"}], "relations": [{"id": 7, "from_id": 1, "to_id": 2, "type": "meets"}], "Comments": [{"text": "check"}]}"#,
        "\n",
        r#"{"text": "Vucic left", "entities": [], "relations": [{"id": 8, "from_id": 1, "to_id": 2, "type": "x"}]}"#,
        "\n"
    );
    let read = import(ImportFormat::Doccano, &[("d.jsonl", lines.as_bytes())]).unwrap();
    let notes = notes(&read);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("2 doccano relations skipped") && n.contains("meets")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("1 doccano comment skipped") && n.contains("check")),
        "{notes:#?}"
    );
}

#[test]
fn a_line_repeated_with_its_layer_status_still_applies() {
    // Found by the fuzz harness: the second status edit expected the status before the first.
    let line = r#"{"text": "Kurti met Vucic", "spans": [{"start": 0, "end": 5, "label": "PER"}], "meta": {"id": "talks", "layer": "alice", "status": "done"}}"#;
    let twice = format!("{line}\n{line}\n");
    let mut project = Project::new("p", Schema::default());
    let read = import_into(
        &project,
        ImportFormat::Spacy,
        &[("twice.jsonl", twice.as_bytes())],
        true,
    )
    .unwrap();
    read.apply(&mut project).unwrap();
    let key = LayerKey::new(
        DocId::new("talks").unwrap(),
        LayerName::new("alice").unwrap(),
    );
    assert_eq!(project.status(&key), gloss::model::Status::Done);
}
