//! The small project the consistency tests share, written to disk through the real storage code.
//!
//! Layer `tester`:
//! - article `a` ("EU leaders met. The EU said no. EU again. Albin Kurti spoke."): EU as ORG twice
//!   and as GPE once (labelled differently), "Albin Kurti" as PERSON;
//! - article `b` ("EU and Prime Minister Albin Kurti met."): EU left unlabelled, "Prime Minister
//!   Albin Kurti" as PERSON (a boundary variant of "Albin Kurti"), and "Minister" as NORP inside
//!   it (overlapping labels).
#![allow(clippy::unwrap_used, dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Entity, Layer, LayerKey, LayerName,
    Project, Provenance, Status, Timestamp,
};

pub const A: &str = "EU leaders met. The EU said no. EU again. Albin Kurti spoke.";
pub const B: &str = "EU and Prime Minister Albin Kurti met.";

fn layer(mentions: &[(usize, usize, &str)]) -> Layer {
    let provenance = Provenance::manual("tester", Timestamp::from_second(1_700_000_000).unwrap());
    let annotations: BTreeMap<AnnotationId, Annotation> = mentions
        .iter()
        .enumerate()
        .map(|(i, (start, end, label))| {
            let id = AnnotationId(i as u32 + 1);
            let entity = Entity::new(id, CharSpan::new(*start, *end), *label, provenance.clone());
            (id, Annotation::Entity(entity))
        })
        .collect();
    Layer::from_annotations(Status::InProgress, annotations)
}

/// Writes the project into `parent/project` and returns its folder.
pub fn write_project(parent: &Path) -> PathBuf {
    let dir = parent.join("project");
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Consistency", schema);
    project.add_annotator("tester");
    let tester = LayerName::new("tester").unwrap();
    for (id, text, mentions) in [
        (
            "a",
            A,
            vec![
                (0, 2, "ORG"),
                (20, 22, "ORG"),
                (32, 34, "GPE"),
                (42, 53, "PERSON"),
            ],
        ),
        ("b", B, vec![(7, 33, "PERSON"), (13, 21, "NORP")]),
    ] {
        let doc = DocId::new(id).unwrap();
        project.add_document(Document::from_raw(doc.clone(), id.to_uppercase(), text));
        project.insert_loaded_layer(LayerKey::new(doc, tester.clone()), layer(&mentions));
    }
    gloss::storage::create(&dir, &mut project).unwrap();
    dir
}
