//! Exports carry the canonical entity behind each mention (issue 14): JSONL's `entity`, brat's
//! `GlossEntity:` normalisation lines (which Gloss's brat import reads back as links), and the
//! `speaker_entity` columns of `quotes.csv`; a mention linked to a merged entity is written as the
//! entity it was merged into; formats with no place for links count them as not held.
#![allow(clippy::unwrap_used)]

use gloss::formats::{ExportFormat, ExportSelection, ImportFormat, ImportOptions};
use gloss::model::EntityDetails;
use gloss::model::{
    Annotation, AnnotationId, CanonicalEntity, CharSpan, DocId, Document, Edit, Entity, EntityKey,
    LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, Speaker, Timestamp,
};

const TEXT: &str = "Vučić met Kurti. \"No,\" Vucic said.";

fn at() -> Timestamp {
    "2024-03-04T09:00:00Z".parse().unwrap()
}

fn span(needle: &str, nth: usize) -> CharSpan {
    let (byte, _) = TEXT.match_indices(needle).nth(nth).unwrap();
    let start = TEXT[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

fn mention(id: u32, at_span: CharSpan, link: Option<&str>) -> Annotation {
    Annotation::Entity(
        Entity::new(
            AnnotationId(id),
            at_span,
            "PERSON",
            Provenance::manual("amira", at()),
        )
        .with_details(EntityDetails {
            entity: link.and_then(EntityKey::new),
            ..EntityDetails::default()
        }),
    )
}

/// Vučić (linked twice, once through "vucic", an entity merged into him), Kurti (unlinked), and
/// a quote spoken by the second Vučić mention.
fn project() -> Project {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Entities", schema);
    project.add_document(Document::from_raw(
        DocId::new("talks").unwrap(),
        "Talks",
        TEXT,
    ));
    let mut vucic = CanonicalEntity::new(
        EntityKey::new("aleksandar-vucic").unwrap(),
        "Aleksandar Vučić",
        "PERSON",
    );
    vucic.kb = Some("Q1055".to_owned());
    let mut merged = CanonicalEntity::new(EntityKey::new("vucic").unwrap(), "Vucic", "PERSON");
    merged.merged_into = EntityKey::new("aleksandar-vucic");
    for entity in [vucic, merged] {
        project
            .apply(&Edit::SetEntity {
                key: entity.key.clone(),
                before: None,
                after: Some(Box::new(entity)),
            })
            .unwrap();
    }
    let key = LayerKey::new(
        DocId::new("talks").unwrap(),
        LayerName::new("amira").unwrap(),
    );
    let quote = Annotation::Quote(Box::new(Quote {
        id: AnnotationId(4),
        content: vec![span("\"No,\"", 0)],
        cue: Some(span("said", 0)),
        speaker: Some(Speaker::Mention(AnnotationId(3))),
        kind: QuoteKind::Direct,
        attributes: Default::default(),
        note: String::new(),
        provenance: Provenance::manual("amira", at()),
    }));
    for annotation in [
        mention(1, span("Vučić", 0), Some("aleksandar-vucic")),
        mention(2, span("Kurti", 0), None),
        mention(3, span("Vucic", 0), Some("vucic")),
        quote,
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

fn export(project: &Project, format: ExportFormat) -> gloss::formats::Export {
    let selection = ExportSelection {
        layer: None,
        finished_only: false,
    };
    gloss::formats::export(project, format, &selection).unwrap()
}

fn file(export: &gloss::formats::Export, name: &str) -> String {
    let found = export
        .files
        .iter()
        .find(|f| f.path.to_string_lossy().ends_with(name))
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(found.bytes.clone()).unwrap()
}

#[test]
fn jsonl_names_the_entity_of_each_mention_after_merges() {
    let mut out = Vec::new();
    gloss::formats::export_jsonl(&project(), None, &mut out).unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let links: Vec<&serde_json::Value> = line["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["entity"])
        .collect();
    assert_eq!(
        links,
        [
            &serde_json::json!("aleksandar-vucic"),
            &serde_json::Value::Null,
            &serde_json::json!("aleksandar-vucic")
        ]
    );
}

#[test]
fn brat_writes_gloss_entity_lines_and_the_brat_import_reads_them_back_as_links() {
    let export = export(&project(), ExportFormat::Brat);
    let ann = file(&export, "talks.ann");
    let norms: Vec<&str> = ann.lines().filter(|l| l.starts_with('N')).collect();
    assert_eq!(
        norms,
        [
            "N1\tReference T1 GlossEntity:aleksandar-vucic\tAleksandar Vučić",
            "N2\tReference T3 GlossEntity:aleksandar-vucic\tAleksandar Vučić",
        ]
    );
    let files: Vec<(String, Vec<u8>)> = export
        .files
        .iter()
        .map(|f| (f.path.to_string_lossy().into_owned(), f.bytes.clone()))
        .collect();
    let mut imported = Project::new("imported", project().schema.clone());
    let options = ImportOptions {
        layer: LayerName::new("amira").unwrap(),
        keep_layers: false,
        annotator: "importer".to_owned(),
        now: at(),
    };
    let import = gloss::formats::import(&imported, ImportFormat::Brat, &files, &options).unwrap();
    import.apply(&mut imported).unwrap();
    let mut links: Vec<(String, Option<String>, Option<String>)> = imported
        .layers()
        .flat_map(|(_, l)| l.iter())
        .filter_map(Annotation::as_entity)
        .map(|e| {
            (
                TEXT.chars().skip(e.span.start).take(e.span.len()).collect(),
                e.details().entity.as_ref().map(ToString::to_string),
                e.details().norm.clone(),
            )
        })
        .collect();
    links.sort();
    let linked = |text: &str, key: Option<&str>| (text.to_owned(), key.map(str::to_owned), None);
    assert_eq!(
        links,
        [
            linked("Kurti", None),
            linked("Vucic", Some("aleksandar-vucic")),
            linked("Vučić", Some("aleksandar-vucic")),
        ]
    );
}

#[test]
fn quotes_csv_names_the_speakers_entity_and_spacy_counts_links_as_not_held() {
    let export_csv = export(&project(), ExportFormat::Csv);
    let quotes = file(&export_csv, "quotes.csv");
    assert_eq!(
        quotes,
        "document,layer,published,speaker,speaker_label,speaker_entity,speaker_entity_name,cue,quote,kind,attributes,note\r\n\
         talks,amira,,Vucic,PERSON,aleksandar-vucic,Aleksandar Vučić,said,\"\"\"No,\"\"\",direct,,\r\n"
    );
    let spacy = export(&project(), ExportFormat::Spacy);
    assert_eq!(spacy.report.parts_not_held.get("entity links"), Some(&2));
}
