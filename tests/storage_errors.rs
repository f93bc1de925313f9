//! Storage, the unhappy paths: each malformed project gives one error that names the file, the line
//! (and column, for RON that does not parse), the document, layer and annotation, and what was
//! expected; and loading it changes nothing on disk. The messages asserted here are the ones
//! docs/format.md documents.
#![allow(clippy::unwrap_used)]

mod proptest_support;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::storage::{self, StorageError};

/// A copy of the format 1 fixture (tests/data/v1) to break.
struct Broken {
    dir: tempfile::TempDir,
}

impl Broken {
    fn fixture() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1");
        for (relative, bytes) in files(&from) {
            let to = dir.path().join(relative);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
        Self { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Replaces the first occurrence of `from` in a file, which must hold it.
    fn replace(self, relative: &str, from: &str, to: &str) -> Self {
        let text = std::fs::read_to_string(self.path(relative)).unwrap();
        assert!(text.contains(from), "{relative} has no {from:?}");
        std::fs::write(self.path(relative), text.replacen(from, to, 1)).unwrap();
        self
    }

    fn write(self, relative: &str, bytes: &[u8]) -> Self {
        std::fs::create_dir_all(self.path(relative).parent().unwrap()).unwrap();
        std::fs::write(self.path(relative), bytes).unwrap();
        self
    }

    /// Loads the project, which must fail; checks that nothing on disk changed and returns the error
    /// with the temp folder's path taken out of the message.
    fn error(&self) -> (StorageError, String) {
        let before = files(self.dir.path());
        let error = match storage::load(self.dir.path()) {
            Ok(_) => panic!("loading a broken project succeeded"),
            Err(error) => error,
        };
        assert_eq!(
            files(self.dir.path()),
            before,
            "loading changed files on disk"
        );
        let prefix = format!("{}/", self.dir.path().display());
        let message = error.to_string().replace(&prefix, "");
        (error, message)
    }

    fn message(&self) -> String {
        self.error().1
    }
}

const ALICE: &str = "annotations/brussels-talks/alice.ron";

#[test]
fn the_unbroken_fixture_loads() {
    storage::load(Broken::fixture().dir.path()).unwrap();
}

#[test]
fn a_truncated_layer_file_gives_its_line_and_column_and_says_it_ends_too_early() {
    let broken = Broken::fixture();
    let text = std::fs::read(broken.path(ALICE)).unwrap();
    let cut = text.len() - 60;
    let broken = broken.write(ALICE, &text[..cut]);
    let (error, message) = broken.error();
    let StorageError::Syntax { line, column, .. } = error else {
        panic!("expected a syntax error, got {message}");
    };
    assert!(line > 1 && column > 1);
    assert!(
        message.starts_with(&format!("{ALICE}:{line}:{column}: ")),
        "{message}"
    );
    assert!(message.ends_with("(is it truncated?)"), "{message}");
}

#[test]
fn a_truncated_project_file_is_a_syntax_error_in_project_ron() {
    let broken = Broken::fixture();
    let text = std::fs::read(broken.path("project.ron")).unwrap();
    let broken = broken.write("project.ron", &text[..text.len() / 2]);
    let message = broken.message();
    assert!(message.starts_with("project.ron:"), "{message}");
    assert!(message.ends_with("(is it truncated?)"), "{message}");
}

#[test]
fn a_value_of_the_wrong_type_says_what_was_expected_where() {
    let broken = Broken::fixture().replace(ALICE, "(id: 2, start: 39,", "(id: 2, start: \"39\",");
    assert_eq!(broken.message(), format!("{ALICE}:10:24: Expected integer"));
}

#[test]
fn a_missing_field_is_named() {
    let broken = Broken::fixture().replace(ALICE, "    status: Done,\n", "");
    assert_eq!(
        broken.message(),
        format!("{ALICE}:36:1: expected a field `status` in the layer file")
    );
}

/// What `gloss check` says about a loaded project, one line per problem.
fn problems(dir: &Path) -> Vec<String> {
    let project = storage::load(dir).unwrap();
    gloss::model::validate::check(&project)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn annotations_whose_label_the_schema_lacks_load_are_reported_and_saved_unchanged() {
    // The curator removed DAY and MEETING from the schema (or a file names them by mistake): the
    // annotations are kept, never dropped, and `gloss check` names each one.
    let broken = Broken::fixture()
        .replace(ALICE, "label: \"DATE\"", "label: \"DAY\"")
        .replace(ALICE, "type: \"MEET\"", "type: \"MEETING\"");
    let mut project = storage::load(broken.dir.path()).unwrap();
    let key = gloss::model::LayerKey::new(
        gloss::model::DocId::new("brussels-talks").unwrap(),
        gloss::model::LayerName::new("alice").unwrap(),
    );
    let layer = project.layer(&key).unwrap();
    assert_eq!(
        layer.get(gloss::model::AnnotationId(5)).unwrap().label(),
        "DAY"
    );
    assert_eq!(
        layer.get(gloss::model::AnnotationId(11)).unwrap().label(),
        "MEETING"
    );
    assert_eq!(
        problems(broken.dir.path()),
        [
            "brussels-talks/alice annotation 5: label DAY is not in the schema",
            "brussels-talks/alice annotation 11: event type MEETING is not in the schema",
            "brussels-talks/alice annotation 12: argument Topic is filled by a MEETING, but the \
             role takes MEET",
        ]
    );
    // Saved again (the window saves every layer it touched), they are written as they were.
    let loaded = project.layer(&key).unwrap().clone();
    project.mark_all_dirty();
    storage::save(broken.dir.path(), &mut project).unwrap();
    let saved = std::fs::read_to_string(broken.path(ALICE)).unwrap();
    assert!(saved.contains("label: \"DAY\""), "{saved}");
    assert!(saved.contains("type: \"MEETING\""), "{saved}");
    let again = storage::load(broken.dir.path()).unwrap();
    assert_eq!(again.layer(&key), Some(&loaded));
}

#[test]
fn a_label_the_schema_lacks_must_still_be_a_name() {
    let broken = Broken::fixture().replace(ALICE, "label: \"DATE\"", "label: \"DA\\u{7}Y\"");
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:13: document brussels-talks, layer alice, entity 5: entity label \"DA\\u{{7}}Y\" \
             holds the control character U+0007: expected printable text: expected a name such as \
             the schema's"
        )
    );
    let empty = Broken::fixture().replace(ALICE, "type: \"MEET\"", "type: \" \"");
    assert_eq!(
        empty.message(),
        format!(
            "{ALICE}:23: document brussels-talks, layer alice, event 11: event type \" \" is empty: \
             expected a name such as the schema's"
        )
    );
}

#[test]
fn a_span_out_of_bounds_gives_the_text_length() {
    let broken = Broken::fixture().replace(ALICE, "start: 92, end: 100", "start: 92, end: 1000");
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:13: document brussels-talks, layer alice, entity 5: span 92..1000 is out of bounds: \
             expected an end of at most 215 (the text's length in chars)"
        )
    );
}

#[test]
fn a_span_that_ends_before_it_starts_is_named() {
    let broken = Broken::fixture().replace(ALICE, "start: 92, end: 100", "start: 100, end: 92");
    assert!(
        broken
            .message()
            .ends_with("entity 5: span 100..92 ends before it starts: expected start ≤ end")
    );
}

#[test]
fn a_covered_text_mismatch_gives_both_strings() {
    let broken = Broken::fixture().replace(ALICE, "text: \"Brussels\"", "text: \"Bruxelles\"");
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:12: document brussels-talks, layer alice, entity 4: covered text mismatch in span \
             80..88: the file says \"Bruxelles\" but the document text there is \"Brussels\""
        )
    );
}

#[test]
fn a_text_file_that_changed_under_its_annotations_is_a_covered_text_mismatch() {
    let broken =
        Broken::fixture().replace("documents/reactions.txt", "Прес служба", "Press office");
    let message = broken.message();
    assert!(
        message.starts_with(
            "annotations/reactions/alice.ron:7: document reactions, layer alice, entity 1: covered text \
             mismatch in span 13..18: the file says \"Вучић\" but the document text there is"
        ),
        "{message}"
    );
}

#[test]
fn a_dangling_speaker_link_names_the_missing_id() {
    let broken = Broken::fixture().replace(
        ALICE,
        "speaker: Some(Mention(6))",
        "speaker: Some(Mention(60))",
    );
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:19: document brussels-talks, layer alice, quote 9: speaker links to annotation 60, \
             which does not exist: expected the id of an entity mention in this layer"
        )
    );
}

#[test]
fn a_speaker_link_to_an_event_is_not_a_mention() {
    let broken = Broken::fixture().replace(
        ALICE,
        "speaker: Some(Mention(6))",
        "speaker: Some(Mention(11))",
    );
    assert!(broken.message().ends_with(
        "quote 9: speaker links to event 11: expected the id of an entity mention in this layer"
    ));
}

#[test]
fn a_dangling_argument_link_names_the_role_and_the_missing_id() {
    let broken = Broken::fixture().replace(
        ALICE,
        "(role: \"Place\", ref: 4)",
        "(role: \"Place\", ref: 40)",
    );
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:23: document brussels-talks, layer alice, event 11: argument Place links to annotation \
             40, which does not exist: expected the id of an entity mention or event in this layer"
        )
    );
}

#[test]
fn a_duplicate_annotation_id_points_at_its_second_use() {
    let broken = Broken::fixture().replace(ALICE, "(id: 2,", "(id: 1,");
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:10: document brussels-talks, layer alice: duplicate annotation id 1: expected each id \
             once per layer"
        )
    );
}

#[test]
fn a_duplicate_id_across_kinds_is_a_duplicate_too() {
    // The multi-line event 12 becomes a second 9, after quote 9.
    let broken = Broken::fixture().replace(ALICE, "            id: 12,", "            id: 9,");
    assert!(
        broken.message().starts_with(&format!("{ALICE}:25: ")),
        "{}",
        broken.message()
    );
}

#[test]
fn an_annotation_id_too_large_to_follow_is_refused_not_a_crash() {
    let broken = Broken::fixture().replace(ALICE, "(id: 2,", "(id: 4294967295,");
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:10: document brussels-talks, layer alice: annotation id 4294967295 is too large: \
             expected at most 4294967294"
        )
    );
}

#[test]
fn invalid_utf8_in_a_text_file_gives_the_byte_offset() {
    let broken = Broken::fixture();
    let mut text = std::fs::read(broken.path("documents/reactions.txt")).unwrap();
    text[4] = 0xff;
    let broken = broken.write("documents/reactions.txt", &text);
    assert_eq!(
        broken.message(),
        "documents/reactions.txt: not valid UTF-8 at byte 4"
    );
}

#[test]
fn invalid_utf8_in_a_ron_file_gives_the_byte_offset() {
    let broken = Broken::fixture();
    let mut text = std::fs::read(broken.path(ALICE)).unwrap();
    let at = text.windows(5).position(|w| w == b"Vu\xc4\x8di").unwrap() + 2;
    text[at] = 0xc4;
    text[at + 1] = b'c';
    let broken = broken.write(ALICE, &text);
    assert_eq!(
        broken.message(),
        format!("{ALICE}: not valid UTF-8 at byte {at}")
    );
}

#[test]
fn an_unknown_format_version_names_the_versions_supported() {
    let broken = Broken::fixture().replace("project.ron", "format: 1,", "format: 7,");
    let (error, message) = broken.error();
    assert!(matches!(
        error,
        StorageError::UnsupportedVersion { found: 7, .. }
    ));
    assert_eq!(
        message,
        "project.ron: format version 7 is not supported; this version of Gloss reads format 1"
    );
}

#[test]
fn a_layer_file_of_a_later_version_is_reported_as_such_even_if_it_does_not_parse_as_version_1() {
    let broken = Broken::fixture()
        .replace(ALICE, "format: 1,", "format: 2,")
        .replace(
            ALICE,
            "status: Done,",
            "status: Done, reviewers: [\"carol\"],",
        );
    assert_eq!(
        broken.message(),
        format!("{ALICE}: format version 2 is not supported; this version of Gloss reads format 1")
    );
}

#[test]
fn a_project_file_of_a_later_version_is_reported_as_such_even_if_it_does_not_parse_as_version_1() {
    let broken = Broken::fixture()
        .replace("project.ron", "format: 1,", "format: 2,")
        .replace(
            "project.ron",
            "format: 2,",
            "format: 2, shards: [\"north\"],",
        );
    assert_eq!(
        broken.message(),
        "project.ron: format version 2 is not supported; this version of Gloss reads format 1"
    );
}

#[test]
fn a_missing_text_file_names_the_document() {
    let broken = Broken::fixture();
    std::fs::remove_file(broken.path("documents/reactions.txt")).unwrap();
    assert_eq!(
        broken.message(),
        "documents/reactions.txt: the text file of document reactions is missing (project.ron lists the \
         document)"
    );
}

#[test]
fn a_layer_folder_of_a_document_not_in_the_index_is_skipped_as_a_leftover_of_an_interrupted_import()
{
    // A save writes layer files before the index, so an import killed in between leaves this.
    let alice = std::fs::read(Broken::fixture().path(ALICE)).unwrap();
    let broken = Broken::fixture().write("annotations/elsewhere/alice.ron", &alice);
    let project = storage::load(broken.dir.path()).unwrap();
    let leftovers = storage::leftovers(broken.dir.path(), &project).unwrap();
    assert_eq!(
        leftovers,
        vec![storage::Leftover {
            path: "annotations/elsewhere".into(),
            kind: storage::LeftoverKind::UnindexedLayers
        }]
    );
}

#[test]
fn a_layer_file_must_say_the_document_and_layer_its_place_names() {
    let alice = std::fs::read(Broken::fixture().path(ALICE)).unwrap();
    let broken = Broken::fixture().write("annotations/brussels-talks/bob.ron", &alice);
    assert_eq!(
        broken.message(),
        "annotations/brussels-talks/bob.ron: the file says it holds document \"brussels-talks\", layer \
         \"alice\": expected document \"brussels-talks\", layer \"bob\" (from its place in annotations/)"
    );
}

#[test]
fn a_bad_layer_file_name_is_an_error() {
    let alice = std::fs::read(Broken::fixture().path(ALICE)).unwrap();
    let broken = Broken::fixture().write("annotations/brussels-talks/al ice.ron", &alice);
    assert!(
        broken
            .message()
            .contains("file name \"al ice\" is not a layer name")
    );
}

#[test]
fn a_bad_colour_names_the_label_and_line() {
    let broken = Broken::fixture().replace("project.ron", "\"#59a14f\"", "\"green\"");
    assert_eq!(
        broken.message(),
        "project.ron:9: entity label ORG has colour \"green\": expected #rrggbb (six hex digits)"
    );
}

#[test]
fn a_bad_document_id_is_an_error() {
    let broken =
        Broken::fixture().replace("project.ron", "id: \"reactions\"", "id: \"../reactions\"");
    assert_eq!(
        broken.message(),
        "project.ron:43: document id \"../reactions\" is not valid: expected 1 to 120 ASCII letters, digits, \
         - or _ (it names the document's files)"
    );
}

#[test]
fn a_duplicate_document_id_is_an_error() {
    let broken =
        Broken::fixture().replace("project.ron", "id: \"reactions\"", "id: \"brussels-talks\"");
    assert_eq!(
        broken.message(),
        "project.ron:43: document id brussels-talks appears twice in the document index: expected each id once"
    );
}

#[test]
fn a_folder_without_project_ron_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let error = storage::load(dir.path()).unwrap_err();
    assert!(matches!(error, StorageError::NotAProject { .. }));
    assert!(
        error
            .to_string()
            .ends_with("not a Gloss project (it has no project.ron)")
    );
}

proptest::proptest! {
    #![proptest_config(proptest_support::config(64))]

    /// Whatever happens to a layer file (cut short, bytes overwritten), loading returns, never panics,
    /// and never writes.
    #[test]
    fn loading_a_damaged_layer_file_never_panics(
        cut in 0.0..1.0f64,
        damage in proptest::collection::vec((0.0..1.0f64, proptest::prelude::any::<u8>()), 0..4),
    ) {
        let broken = Broken::fixture();
        let mut bytes = std::fs::read(broken.path(ALICE)).unwrap();
        bytes.truncate(((bytes.len() as f64) * (0.5 + cut / 2.0)) as usize);
        for (at, byte) in damage {
            let at = ((bytes.len() as f64) * at) as usize;
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
        }
        let broken = broken.write(ALICE, &bytes);
        let before = files(broken.dir.path());
        let _ = storage::load(broken.dir.path());
        proptest::prop_assert_eq!(files(broken.dir.path()), before);
    }
}

/// Every file under `dir` (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.insert(
                    path.strip_prefix(dir).unwrap().to_owned(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    found
}

#[test]
fn a_rejected_suggestion_whose_text_does_not_match_names_it_and_both_strings() {
    let broken = Broken::fixture().replace(
        ALICE,
        "    ],\n)",
        "    ],\n    rejected: [\n        (kind: Entity, start: 80, end: 88, text: \"Bruxelles\", label: \"ORG\"),\n    ],\n)",
    );
    let message = broken.message();
    assert!(
        message.starts_with(&format!("{ALICE}:")),
        "names the file and line: {message}"
    );
    assert!(
        message.contains(
            "document brussels-talks, layer alice, rejected suggestion 1 (80..88): expected a span \
             inside the text"
        ) && message.contains("covering \"Bruxelles\", found \"Brussels\""),
        "{message}"
    );
}

#[test]
fn a_rejected_suggestion_is_read_back_and_an_old_file_without_any_still_loads() {
    let fixture = Broken::fixture();
    let plain = storage::load(fixture.dir.path()).unwrap();
    let fixture = fixture.replace(
        ALICE,
        "    ],\n)",
        "    ],\n    rejected: [\n        (kind: Entity, start: 80, end: 88, text: \"Brussels\", label: \"ORG\"),\n    ],\n)",
    );
    let project = storage::load(fixture.dir.path()).unwrap();
    let key = gloss::model::LayerKey::new(
        gloss::model::DocId::new("brussels-talks").unwrap(),
        gloss::model::LayerName::new("alice").unwrap(),
    );
    let rejections: Vec<_> = project.layer(&key).unwrap().rejections().cloned().collect();
    assert_eq!(
        rejections,
        vec![gloss::model::Rejection {
            kind: gloss::model::AnnotationKind::Entity,
            span: gloss::model::CharSpan::new(80, 88),
            label: "ORG".to_owned(),
        }]
    );
    assert_eq!(plain.layer(&key).unwrap().rejections().count(), 0);
}

const ENTITIES: &str = "entities.ron";

/// A registry for the fixture: two entities, one merged into the other.
const REGISTRY: &str = r#"(
    format: 1,
    entities: [
        (key: "albin-kurti", name: "Albin Kurti", label: "PERSON", aliases: ["Kurti"], kb: Some("Q57246")),
        (key: "kurti", name: "Kurti", label: "PERSON", merged_into: Some("albin-kurti")),
    ],
)
"#;

#[test]
fn a_registry_loads_with_its_entities_and_merges() {
    let fixture = Broken::fixture().write(ENTITIES, REGISTRY.as_bytes());
    let project = storage::load(fixture.dir.path()).unwrap();
    let kurti = gloss::model::EntityKey::new("kurti").unwrap();
    assert_eq!(
        project.registry().resolve(&kurti).map(|e| e.name.as_str()),
        Some("Albin Kurti")
    );
    assert_eq!(project.registry().len(), 2);
}

#[test]
fn a_registry_entity_with_a_bad_key_a_label_that_is_no_name_or_a_key_given_twice_is_named_with_its_line()
 {
    let bad_key = Broken::fixture().write(
        ENTITIES,
        REGISTRY
            .replace(r#"key: "kurti""#, r#"key: "../kurti""#)
            .as_bytes(),
    );
    assert_eq!(
        bad_key.message(),
        "entities.ron:5: entity key \"../kurti\": expected 1 to 120 ASCII letters, digits, - and _"
    );
    // A label the schema lacks is kept and reported; one that is not a name is refused.
    let unknown_label = Broken::fixture().write(
        ENTITIES,
        REGISTRY
            .replacen(r#"label: "PERSON""#, r#"label: "POLITICIAN""#, 1)
            .as_bytes(),
    );
    assert!(
        problems(unknown_label.dir.path()).contains(
            &"entities.ron: entity albin-kurti has the label POLITICIAN, which the schema no \
              longer has"
                .to_owned()
        ),
        "{:?}",
        problems(unknown_label.dir.path())
    );
    let not_a_name = Broken::fixture().write(
        ENTITIES,
        REGISTRY
            .replacen(r#"label: "PERSON""#, r#"label: "PER\u{1b}SON""#, 1)
            .as_bytes(),
    );
    assert_eq!(
        not_a_name.message(),
        "entities.ron:4: entity albin-kurti has the label \"PER\\u{1b}SON\" which holds the \
         control character U+001B: expected printable text: expected a name such as the schema's \
         entity labels"
    );
    let twice = Broken::fixture().write(
        ENTITIES,
        REGISTRY
            .replace(r#"key: "kurti""#, r#"key: "albin-kurti""#)
            .as_bytes(),
    );
    assert_eq!(
        twice.message(),
        "entities.ron:5: entity key albin-kurti is given twice: expected each key once"
    );
    let unknown_field = Broken::fixture().write(
        ENTITIES,
        REGISTRY.replace("kb: Some", "wikidata: Some").as_bytes(),
    );
    assert!(
        unknown_field.message().starts_with("entities.ron:4:"),
        "{}",
        unknown_field.message()
    );
}

#[test]
fn a_mention_linked_by_a_key_that_is_not_a_slug_is_named() {
    let broken = Broken::fixture().replace(
        ALICE,
        "label: \"DATE\"",
        "label: \"DATE\", entity: Some(\"a b\")",
    );
    assert_eq!(
        broken.message(),
        format!(
            "{ALICE}:13: document brussels-talks, layer alice, entity 5: entity \"a b\": expected \
             the key of an entity in entities.ron (ASCII letters, digits, - and _)"
        )
    );
}

#[test]
fn a_mention_linked_to_an_entity_the_registry_lacks_loads_and_check_names_it() {
    let fixture = Broken::fixture()
        .write(ENTITIES, REGISTRY.as_bytes())
        .replace(
            ALICE,
            "label: \"DATE\"",
            "label: \"DATE\", entity: Some(\"thursday\")",
        );
    let project = storage::load(fixture.dir.path()).unwrap();
    let problems: Vec<String> = gloss::model::validate::check(&project)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("links to entity thursday, which entities.ron does not have"),
        "{problems:?}"
    );
}
