//! What each exported file looks like, what Gloss makes of files other tools wrote, and what a user
//! is told when a file is broken.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use gloss::formats::{
    ExportFormat, ExportSelection, FormatError, ImportFormat, ImportOptions, TagScheme,
};
use gloss::model::annotation::Attributes;
use gloss::model::{
    Annotation, AnnotationId, AttributeDef, AttributeTarget, CharSpan, Color, DocId, Document,
    Edit, Entity, EntityLabel, Event, EventArgument, EventType, LayerKey, LayerName, Project,
    Provenance, Quote, QuoteKind, RoleDef, Schema, Speaker, Status, Timestamp,
};

const TEXT: &str = "Вучић met Kurti in Brussels.\nKurti said \"no deal\".";

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
    let role = |name: &str, labels: &[&str], required, max| RoleDef {
        name: name.to_owned(),
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        required,
        max,
    };
    Schema {
        entity_labels: vec![label("PERSON", 0), label("GPE", 1), label("ORG", 2)],
        event_types: vec![EventType {
            name: "MEET".to_owned(),
            description: String::new(),
            color: Color::palette(3),
            hotkey: None,
            roles: vec![
                role("Participant", &["PERSON", "ORG"], true, None),
                role("Place", &["GPE"], false, Some(1)),
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

fn gold(doc: &str) -> LayerKey {
    LayerKey::new(DocId::new(doc).unwrap(), LayerName::gold())
}

fn span(needle: &str, nth: usize) -> CharSpan {
    let (byte, _) = TEXT.match_indices(needle).nth(nth).unwrap();
    let start = TEXT[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

fn entity(id: u32, at: CharSpan, label: &str) -> Entity {
    Entity::new(
        AnnotationId(id),
        at,
        label,
        Provenance::manual("amira", now()),
    )
}

/// One document, a finished gold layer: four mentions, a meeting, a quote.
fn project() -> Project {
    let mut project = Project::new("shapes", schema());
    project.add_document(Document::from_raw(
        DocId::new("talks").unwrap(),
        "Talks",
        TEXT,
    ));
    let key = gold("talks");
    let mut kurti = entity(4, span("Kurti", 1), "PERSON");
    kurti.details_mut().norm = Some("Q1246".to_owned());
    kurti.details_mut().note = "the\tPrime\nMinister".to_owned();
    let annotations = [
        Annotation::Entity(entity(1, span("Вучић", 0), "PERSON")),
        Annotation::Entity(entity(2, span("Kurti", 0), "PERSON")),
        Annotation::Entity(entity(3, span("Brussels", 0), "GPE")),
        Annotation::Entity(kurti),
        Annotation::Event(Box::new(Event {
            id: AnnotationId(5),
            trigger: span("met", 0),
            event_type: "MEET".into(),
            arguments: [("Participant", 1), ("Participant", 2), ("Place", 3)]
                .map(|(role, id)| EventArgument {
                    role: role.into(),
                    filler: AnnotationId(id),
                })
                .to_vec(),
            attributes: Attributes::from([("polarity".to_owned(), "negative".to_owned())]),
            note: String::new(),
            provenance: Provenance::manual("amira", now()),
        })),
        Annotation::Quote(Box::new(Quote {
            id: AnnotationId(6),
            content: vec![span("no deal", 0)],
            cue: Some(span("said", 0)),
            speaker: Some(Speaker::Mention(AnnotationId(4))),
            kind: QuoteKind::Direct,
            attributes: Attributes::new(),
            note: String::new(),
            provenance: Provenance::manual("amira", now()),
        })),
    ];
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
            after: Status::Done,
        })
        .unwrap();
    project
}

fn export(format: ExportFormat) -> gloss::formats::Export {
    let selection = ExportSelection {
        layer: Some(LayerName::gold()),
        finished_only: false,
    };
    gloss::formats::export(&project(), format, &selection).unwrap()
}

fn file(export: &gloss::formats::Export, path: &str) -> String {
    let found = export
        .files
        .iter()
        .find(|f| f.path == Path::new(path))
        .unwrap();
    String::from_utf8(found.bytes.clone()).unwrap()
}

fn options() -> ImportOptions {
    ImportOptions {
        layer: LayerName::new("bruno").unwrap(),
        keep_layers: false,
        annotator: "bruno".to_owned(),
        now: now(),
    }
}

fn import(
    format: ImportFormat,
    files: &[(&str, &str)],
) -> Result<gloss::formats::Import, FormatError> {
    let files: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
        .collect();
    gloss::formats::import(&Project::new("empty", schema()), format, &files, &options())
}

/// Each imported entity as `LABEL "text"`, in file order.
fn entities(import: &gloss::formats::Import) -> Vec<String> {
    import
        .annotations
        .iter()
        .filter_map(|(key, a)| {
            let text = &import.documents.iter().find(|d| d.id == key.doc)?.text;
            let e = a.as_entity()?;
            Some(format!("{} {:?}", e.label, text.slice(e.span)?))
        })
        .collect()
}

fn notes(import: &gloss::formats::Import) -> Vec<String> {
    import.report.iter().map(ToString::to_string).collect()
}

#[test]
fn spacy_lines_hold_text_spans_in_code_points_and_meta() {
    let export = export(ExportFormat::Spacy);
    assert_eq!(
        file(&export, "gold.spacy.jsonl"),
        "{\"text\":\"Вучић met Kurti in Brussels.\\nKurti said \\\"no deal\\\".\",\"spans\":[\
         {\"start\":0,\"end\":5,\"label\":\"PERSON\"},{\"start\":10,\"end\":15,\"label\":\"PERSON\"},\
         {\"start\":19,\"end\":27,\"label\":\"GPE\"},{\"start\":29,\"end\":34,\"label\":\"PERSON\"}],\
         \"meta\":{\"id\":\"talks\",\"title\":\"Talks\",\"layer\":\"gold\",\"status\":\"done\"}}\n"
    );
}

#[test]
fn conll_has_a_docstart_and_four_columns_on_every_line_and_blank_lines_between_sentences() {
    let export = export(ExportFormat::Conll {
        scheme: TagScheme::Iob2,
    });
    assert_eq!(
        file(&export, "gold.conll"),
        "-DOCSTART- -X- O O\n\n\
         Вучић _ _ B-PERSON\nmet _ _ O\nKurti _ _ B-PERSON\nin _ _ O\nBrussels _ _ B-GPE\n. _ _ O\n\n\
         Kurti _ _ B-PERSON\nsaid _ _ O\n\" _ _ O\nno _ _ O\ndeal _ _ O\n\" _ _ O\n. _ _ O\n\n"
    );
    let lines = export.report.lines();
    assert!(
        lines.contains(&"not written, the format cannot hold them: 1 quote, 1 event".to_owned()),
        "{lines:#?}"
    );
}

#[test]
fn hf_lines_carry_tag_ids_that_labels_json_names() {
    let export = export(ExportFormat::Hf);
    let lines = file(&export, "gold.hf.jsonl");
    assert_eq!(
        lines.lines().next().unwrap(),
        concat!(
            r#"{"id":"talks:gold:0","tokens":["Вучић","met","Kurti","in","Brussels","."],"#,
            r#""ner_tags":[1,0,1,0,3,0],"title":"Talks","source_url":null,"outlet":null,"#,
            r#""authors":[],"published":null,"language":null,"retrieved":null}"#
        )
    );
    assert_eq!(
        file(&export, "labels.json"),
        "{\n  \"0\": \"O\",\n  \"1\": \"B-PERSON\",\n  \"2\": \"I-PERSON\",\n  \"3\": \"B-GPE\",\n  \"4\": \"I-GPE\",\n  \
         \"5\": \"B-ORG\",\n  \"6\": \"I-ORG\"\n}\n"
    );
    let placed: Vec<PathBuf> = export
        .placed(Path::new("out/train.jsonl"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        placed,
        [
            PathBuf::from("out/train.jsonl"),
            PathBuf::from("out/labels.json")
        ]
    );
}

#[test]
fn brat_writes_entities_events_attribution_attributes_norms_and_notes() {
    let export = export(ExportFormat::Brat);
    assert_eq!(file(&export, "talks.txt"), TEXT);
    assert_eq!(
        file(&export, "talks.ann"),
        "T1\tPERSON 0 5\tВучић\n\
         T2\tPERSON 10 15\tKurti\n\
         T3\tGPE 19 27\tBrussels\n\
         T4\tPERSON 29 34\tKurti\n\
         T5\tMEET 6 9\tmet\n\
         T6\tContent 41 48\tno deal\n\
         T7\tAttribution 35 39\tsaid\n\
         E1\tMEET:T5 Participant:T1 Participant2:T2 Place:T3\n\
         E2\tAttribution:T7 Source:T4 Content:T6\n\
         A1\tQuoteKind T6 direct\n\
         N1\tReference T4 Gloss:Q1246\tKurti\n\
         #1\tAnnotatorNotes T4\tthe Prime Minister\n\
         A2\tpolarity E1 negative\n"
    );
    let conf = file(&export, "annotation.conf");
    for line in [
        "[entities]\nPERSON\nGPE\nORG\nContent\nSource\n",
        "Attribution\tSource?:<ENTITY>, Content:Content\n",
        "MEET\tParticipant+:PERSON|ORG, Place?:GPE\n",
        "QuoteKind\tArg:Content, Value:direct|indirect|mixed\n",
        "polarity\tArg:<EVENT>, Value:negative|positive\n",
    ] {
        assert!(conf.contains(line), "{line:?} in\n{conf}");
    }
    assert!(file(&export, "visual.conf").contains("PERSON\tbgColor:#1f77b4\n"));
    let placed = export.placed(Path::new("brat"));
    assert_eq!(placed[1].0, PathBuf::from("brat/talks.ann"));
}

#[test]
fn brat_splits_spans_at_line_breaks_and_joins_them_back() {
    let mut project = Project::new("lines", schema());
    project.add_document(Document::from_raw(
        DocId::new("lines").unwrap(),
        "",
        "Albin\r\nKurti spoke",
    ));
    let key = gold("lines");
    let annotation = Annotation::Entity(entity(1, CharSpan::new(0, 11), "PERSON"));
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation,
        })
        .unwrap();
    let selection = ExportSelection::default();
    let export = gloss::formats::export(&project, ExportFormat::Brat, &selection).unwrap();
    assert_eq!(
        file(&export, "gold/lines.ann"),
        "T1\tPERSON 0 5;6 11\tAlbin Kurti\n"
    );
    let files: Vec<(&str, &str)> = vec![
        ("lines.txt", "Albin\nKurti spoke"),
        ("lines.ann", "T1\tPERSON 0 5;6 11\tAlbin Kurti\n"),
    ];
    assert_eq!(
        entities(&import(ImportFormat::Brat, &files).unwrap()),
        ["PERSON \"Albin\\nKurti\""]
    );
}

#[test]
fn brat_import_reads_crlf_texts_reports_unknown_labels_and_skips_what_gloss_cannot_hold() {
    let ann = "T1\tPERSON 7 12\tKurti\nT2\tSHIP 13 18\tAurel\nT3\tGPE 0 5\tWrong\nR1\tOwns Arg1:T1 Arg2:T2\n";
    let import = import(
        ImportFormat::Brat,
        &[("a/doc.txt", "Talks\r\nKurti Aurel"), ("a/doc.ann", ann)],
    )
    .unwrap();
    assert_eq!(import.documents[0].text.as_str(), "Talks\nKurti Aurel");
    assert_eq!(entities(&import), ["PERSON \"Kurti\"", "SHIP \"Aurel\""]);
    let added: Vec<&str> = import
        .schema_additions
        .entity_labels
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(added, ["SHIP"]);
    assert_eq!(
        notes(&import),
        [
            "a/doc.ann:3: T3 skipped: expected the text \"Wrong\", found \"Talks\"",
            "a/doc.ann:4: R1 skipped: Gloss holds no Owns relations",
        ]
    );
}

#[test]
fn webanno_offsets_in_utf16_units_become_char_offsets() {
    let tsv = "#FORMAT=WebAnno TSV 3.3\n\
        #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\
        #T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n\n\n\
        #Text=🇽🇰 Вучић met Albin Kurti .\n\
        1-1\t0-4\t🇽🇰\t_\tGPE\tNOUN\t\n\
        1-2\t5-10\tВучић\t*\tPER\tPROPN\t\n\
        1-3\t11-14\tmet\t_\t_\tVERB\t\n\
        1-4\t15-20\tAlbin\t*[1]\tPER[1]\tPROPN\t\n\
        1-5\t21-26\tKurti\t*[1]\tPER[1]\tPROPN\t\n\
        1-6\t27-28\t.\t_\t_\tPUNCT\t\n\n\
        #Text=Kurti said no .\n\
        2-1\t29-34\tKurti\t*\tPER\tPROPN\t\n\
        2-2\t35-39\tsaid\t_\t_\tVERB\t\n\
        2-3\t40-42\tno\t_\t_\tPART\t\n\
        2-4\t43-44\t.\t_\t_\tPUNCT\t\n";
    let import = import(ImportFormat::WebannoTsv3, &[("talks.tsv", tsv)]).unwrap();
    assert_eq!(
        import.documents[0].text.as_str(),
        "🇽🇰 Вучић met Albin Kurti .\nKurti said no ."
    );
    assert_eq!(
        entities(&import),
        [
            "GPE \"🇽🇰\"",
            "PER \"Вучић\"",
            "PER \"Albin Kurti\"",
            "PER \"Kurti\""
        ]
    );
    assert_eq!(
        notes(&import),
        ["talks.tsv: layers skipped (Gloss reads named entities and custom span layers): POS"]
    );

    let broken = tsv.replace("1-5\t21-26\tKurti", "1-5\t21-26\tKurt");
    let import = gloss::formats::import(
        &Project::new("empty", schema()),
        ImportFormat::WebannoTsv3,
        &[("talks.tsv".to_owned(), broken.into_bytes())],
        &options(),
    )
    .unwrap();
    assert_eq!(
        entities(&import),
        ["GPE \"🇽🇰\"", "PER \"Вучић\"", "PER \"Kurti\""]
    );
    assert!(notes(&import).contains(&"talks.tsv:11: token skipped: span 21..26: expected the text \"Kurt\", found \"Kurti\"".to_owned()));
}

#[test]
fn label_studio_offsets_are_read_in_code_points_or_utf16_units_whichever_fits() {
    let json = r#"[{"id": 7, "data": {"text": "🇽🇰 Kurti met Вучић"},
        "annotations": [
          {"id": 1, "result": [
            {"id": "a", "type": "labels", "to_name": "text", "value": {"start": 3, "end": 8, "text": "Kurti", "labels": ["PER"]}},
            {"id": "b", "type": "labels", "to_name": "text", "value": {"start": 15, "end": 20, "text": "Вучић", "labels": ["PER"]}},
            {"id": "c", "type": "labels", "to_name": "text", "value": {"start": 9, "end": 12, "text": "Met", "labels": ["X"]}},
            {"id": "d", "type": "relation", "from_id": "a", "to_id": "b"}]},
          {"id": 2, "result": []}]}]"#;
    let import = import(ImportFormat::LabelStudio, &[("export.json", json)]).unwrap();
    assert_eq!(import.documents[0].id.as_str(), "export-7");
    assert_eq!(entities(&import), ["PER \"Kurti\"", "PER \"Вучић\""]);
    assert_eq!(
        notes(&import),
        [
            "export.json: task 7 has 2 annotations; only the first was imported",
            "export.json: task 7 result c skipped: span 9..12: expected the text \"Met\", found \"met\"",
            "export.json: task 7: results of type relation skipped (only labelled spans are read)",
        ]
    );
}

#[test]
fn doccano_and_prodigy_lines_are_read_in_every_shape() {
    let lines = "{\"text\": \"Вучић met Kurti\", \"label\": [[0, 5, \"PERSON\"], [10, 15, \"PERSON\"]]}\n\
        {\"id\": 7, \"text\": \"Kurti left\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 5, \"label\": \"PER\"}]}\n\
        {\"text\": \"Talks\\r\\nKurti met\", \"spans\": [{\"start\": 7, \"end\": 12, \"label\": \"PERSON\", \"text\": \"Kurti\"}]}\n\
        {\"text\": \"Rejected\", \"spans\": [], \"answer\": \"reject\"}\n";
    let import = import(ImportFormat::Doccano, &[("data.jsonl", lines)]).unwrap();
    let ids: Vec<&str> = import.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["data-1", "data-7", "data-3"]);
    assert_eq!(import.documents[2].text.as_str(), "Talks\nKurti met");
    assert!(import.documents[2].crlf_normalized);
    assert_eq!(
        entities(&import),
        [
            "PERSON \"Вучић\"",
            "PERSON \"Kurti\"",
            "PER \"Kurti\"",
            "PERSON \"Kurti\""
        ]
    );
    assert_eq!(
        notes(&import),
        ["data.jsonl: 1 line skipped: their Prodigy answer is not \"accept\""]
    );
}

#[test]
fn a_span_that_does_not_fit_its_text_is_reported_and_skipped() {
    let line = r#"{"text": "Vucic met Kurti", "spans": [{"start": 0, "end": 5, "label": "PERSON", "text": "Kurti"}, {"start": 10, "end": 99, "label": "PERSON"}]}"#;
    let import = import(ImportFormat::Spacy, &[("a.jsonl", line)]).unwrap();
    assert!(import.annotations.is_empty());
    assert_eq!(
        notes(&import),
        [
            "a.jsonl:1: PERSON span skipped: span 0..5: expected the text \"Kurti\", found \"Vucic\"",
            "a.jsonl:1: PERSON span skipped: span 10..99 does not fit the text (15 chars)",
        ]
    );
}

#[test]
fn conll_reads_iob1_iob2_and_bilou_and_rebuilds_the_text_with_single_spaces() {
    let conll = "-DOCSTART- -X- -X- O\n\nVucic I-PER\nmet O\nAlbin B-PER\nKurti L-PER\n\nin O\nBrussels U-LOC\n\
                 -DOCSTART- -X- -X- O\n\nPrishtinë\tNNP\tI-NP\tI-LOC\n";
    let import = import(ImportFormat::Conll, &[("train.conll", conll)]).unwrap();
    let texts: Vec<&str> = import.documents.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Vucic met Albin Kurti\nin Brussels", "Prishtinë"]);
    assert_eq!(
        entities(&import),
        [
            "PER \"Vucic\"",
            "PER \"Albin Kurti\"",
            "LOC \"Brussels\"",
            "LOC \"Prishtinë\""
        ]
    );
}

#[test]
fn an_existing_document_with_the_same_text_gets_the_annotations() {
    let project = project();
    let export =
        gloss::formats::export(&project, ExportFormat::Brat, &ExportSelection::default()).unwrap();
    let files: Vec<(String, Vec<u8>)> = export
        .files
        .iter()
        .map(|f| (f.path.to_string_lossy().into_owned(), f.bytes.clone()))
        .collect();
    let import = gloss::formats::import(&project, ImportFormat::Brat, &files, &options()).unwrap();
    assert!(
        import.documents.is_empty(),
        "the document is the project's own"
    );
    let mut after = project.clone();
    import.apply(&mut after).unwrap();
    let bruno = LayerKey::new(
        DocId::new("talks").unwrap(),
        LayerName::new("bruno").unwrap(),
    );
    assert_eq!(
        after.layer(&bruno).map(|l| l.len()),
        project.layer(&gold("talks")).map(|l| l.len())
    );
    assert_eq!(after.documents().len(), 1);
}

#[test]
fn an_import_read_for_another_state_of_the_project_changes_nothing() {
    let project = Project::new("p", schema());
    let line = r#"{"meta": {"id": "talks"}, "text": "Kurti", "spans": [{"start": 0, "end": 5, "label": "PERSON"}]}"#;
    let files = vec![("a.jsonl".to_owned(), line.as_bytes().to_vec())];
    let import = gloss::formats::import(&project, ImportFormat::Spacy, &files, &options()).unwrap();
    let mut changed = project.clone();
    changed.add_document(Document::from_raw(
        DocId::new("talks").unwrap(),
        "",
        "other",
    ));
    let before = changed.clone();
    let err = import.apply(&mut changed).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the project changed since the files were read: document talks exists now"
    );
    assert_eq!(changed, before);
}

#[test]
fn a_file_that_cannot_be_parsed_is_an_error_naming_file_and_line() {
    // (format, files as (name, text), how the error message begins)
    type Case<'a> = (ImportFormat, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 9] = [
        (
            ImportFormat::Spacy,
            &[(
                "a.jsonl",
                "{\"text\": \"ok\", \"spans\": []}\n{\"text\": 5}",
            )],
            "a.jsonl:2: expected a JSON object",
        ),
        (
            ImportFormat::Jsonl,
            &[("g.jsonl", "\n{\"id\": \"x\"}")],
            "g.jsonl:2: expected a Gloss JSONL object",
        ),
        (
            ImportFormat::Conll,
            &[("x.conll", "Vucic B-PER\n\nKurti\n")],
            "x.conll:3: expected a token and its tag",
        ),
        (
            ImportFormat::Conll,
            &[("x.conll", "Vucic B-PER\nKurti PERSON\n")],
            "x.conll:2: expected a tag such as B-PER",
        ),
        (
            ImportFormat::Brat,
            &[
                ("d.txt", "Kurti"),
                ("d.ann", "T1\tPER 0 5\tKurti\nT2\tPER x 5\tKurti"),
            ],
            "d.ann:2: expected T<n>",
        ),
        (
            ImportFormat::Brat,
            &[("d.ann", "T1\tPER 0 5\tKurti")],
            "d.ann: expected d.txt beside it",
        ),
        (
            ImportFormat::WebannoTsv3,
            &[(
                "w.tsv",
                "#FORMAT=WebAnno TSV 3.3\n\n#Text=Kurti\n1-1\tzero-5\tKurti\n",
            )],
            "w.tsv:4: expected <sentence>-<token>",
        ),
        (
            ImportFormat::LabelStudio,
            &[("l.json", "[\n{\"id\": 1,\n\"data\": }]")],
            "l.json:3: expected Label Studio's JSON export",
        ),
        (
            ImportFormat::Hf,
            &[(
                "h.jsonl",
                "{\"id\": \"0\", \"tokens\": [\"Kurti\"], \"ner_tags\": []}",
            )],
            "h.jsonl:1: expected as many ner_tags as tokens",
        ),
    ];
    for (format, files, expected) in cases {
        let err = import(format, files).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{format:?}: {err}");
    }
    let not_utf8 = gloss::formats::import(
        &Project::new("p", schema()),
        ImportFormat::Conll,
        &[("latin1.conll".to_owned(), b"Pristin\xeb B-LOC".to_vec())],
        &options(),
    );
    assert!(
        not_utf8
            .unwrap_err()
            .to_string()
            .starts_with("latin1.conll: not valid UTF-8 at byte 7")
    );
}
