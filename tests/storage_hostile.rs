//! Storage against a project folder made to hurt its user: links out of the folder, special files in
//! place of texts and layers, huge files and lines, misspelt fields that would silently loosen the
//! schema, control characters in names, and what a killed import leaves behind. Each test is named
//! after what went wrong before; each checks the message a user would read, and that nothing outside
//! the project (or inside it) was changed.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Provenance, Source,
};
use gloss::storage::{self, Leftover, LeftoverKind, StorageError};

const ALICE: &str = "annotations/brussels-talks/alice.ron";

/// A copy of the format 1 fixture, in `<temp>/project`, next to a folder `<temp>/outside` that stands
/// for the rest of the user's disk.
struct Fixture {
    temp: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let temp = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1");
        copy_dir(&from, &temp.path().join("project"));
        std::fs::create_dir(temp.path().join("outside")).unwrap();
        std::fs::write(temp.path().join("outside/secret.txt"), "the user's secret").unwrap();
        Self { temp }
    }

    fn dir(&self) -> PathBuf {
        self.temp.path().join("project")
    }

    fn outside(&self) -> PathBuf {
        self.temp.path().join("outside")
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir().join(relative)
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(relative)).unwrap();
        assert!(text.contains(from), "{relative} has no {from:?}");
        std::fs::write(self.path(relative), text.replacen(from, to, 1)).unwrap();
    }

    /// Loading fails; nothing changed anywhere under the temp folder; the message, with the project
    /// folder taken out, is returned.
    fn load_error(&self) -> String {
        let before = tree(self.temp.path());
        let error = match storage::load(&self.dir()) {
            Ok(_) => panic!("loading a hostile project succeeded"),
            Err(error) => error,
        };
        assert_eq!(tree(self.temp.path()), before, "loading changed files");
        error
            .to_string()
            .replace(&format!("{}/", self.dir().display()), "")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Every entry under `dir` with what it is: a file's bytes, a link's target, or a mark for a folder or
/// a special file (never read: it could be a FIFO).
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let entry = entry.unwrap();
        let kind = entry.file_type();
        let what = if kind.is_symlink() {
            format!(
                "link to {}",
                std::fs::read_link(entry.path()).unwrap().display()
            )
        } else if kind.is_file() {
            String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned()
        } else if kind.is_dir() {
            "folder".to_owned()
        } else {
            "special".to_owned()
        };
        found.insert(entry.path().strip_prefix(dir).unwrap().to_owned(), what);
    }
    found
}

fn entity(id: u32, start: usize, end: usize, label: &str) -> Annotation {
    let at = "2024-06-03T09:00:00Z".parse().unwrap();
    Annotation::Entity(Entity::new(
        AnnotationId(id),
        CharSpan::new(start, end),
        label,
        Provenance {
            source: Source::Manual,
            annotator: "alice".into(),
            created: at,
            modified: at,
        },
    ))
}

#[cfg(unix)]
#[test]
fn a_document_that_links_out_of_the_project_is_refused_not_read() {
    let fixture = Fixture::new();
    let text = fixture.path("documents/reactions.txt");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink(fixture.outside().join("secret.txt"), &text).unwrap();
    let message = fixture.load_error();
    assert_eq!(
        message,
        "documents/reactions.txt: this is a symbolic link; Gloss reads and writes only real files and \
         folders inside the project folder (replace the link with what it points to)"
    );
}

#[cfg(unix)]
#[test]
fn a_document_linked_to_dev_zero_is_an_error_not_an_endless_read() {
    let fixture = Fixture::new();
    let text = fixture.path("documents/reactions.txt");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &text).unwrap();
    assert!(
        fixture
            .load_error()
            .starts_with("documents/reactions.txt: this is a symbolic link")
    );
}

#[cfg(unix)]
#[test]
fn a_document_that_is_a_fifo_is_an_error_not_a_hang() {
    let fixture = Fixture::new();
    let text = fixture.path("documents/reactions.txt");
    std::fs::remove_file(&text).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&text)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo is needed for this test");
    assert_eq!(
        fixture.load_error(),
        "documents/reactions.txt: this is a named pipe (FIFO): expected a regular file"
    );
}

#[cfg(unix)]
#[test]
fn a_documents_folder_that_is_a_link_is_refused() {
    let fixture = Fixture::new();
    let documents = fixture.path("documents");
    let elsewhere = fixture.outside().join("documents");
    std::fs::rename(&documents, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &documents).unwrap();
    assert!(
        fixture
            .load_error()
            .starts_with("documents: this is a symbolic link"),
    );
}

#[cfg(unix)]
#[test]
fn a_save_never_writes_through_a_linked_layer_folder() {
    let fixture = Fixture::new();
    let mut project = storage::load(&fixture.dir()).unwrap();
    // The folder is swapped for a link while the project is open.
    let folder = fixture.path("annotations/brussels-talks");
    std::fs::remove_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(fixture.outside(), &folder).unwrap();
    let key = LayerKey::new(
        DocId::new("brussels-talks").unwrap(),
        LayerName::new("bob").unwrap(),
    );
    project
        .apply(&Edit::Add {
            key,
            annotation: entity(1, 39, 45, "GPE"),
        })
        .unwrap();
    let outside_before = tree(&fixture.outside());
    let error = storage::save(&fixture.dir(), &mut project).unwrap_err();
    assert!(matches!(error, StorageError::Link { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("annotations/brussels-talks: this is a symbolic link"),
        "{error}"
    );
    assert_eq!(tree(&fixture.outside()), outside_before);
}

#[cfg(unix)]
#[test]
fn a_new_document_is_never_written_through_a_linked_documents_folder() {
    let fixture = Fixture::new();
    let mut project = storage::load(&fixture.dir()).unwrap();
    let documents = fixture.path("documents");
    let elsewhere = fixture.outside().join("documents");
    std::fs::rename(&documents, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &documents).unwrap();
    project.add_document(Document::from_raw(
        DocId::new("new-one").unwrap(),
        "New",
        "Prishtinë, çështje",
    ));
    let outside_before = tree(&fixture.outside());
    let error = storage::save(&fixture.dir(), &mut project).unwrap_err();
    assert!(matches!(error, StorageError::Link { .. }), "{error}");
    assert_eq!(tree(&fixture.outside()), outside_before);
}

#[test]
fn a_layer_file_replaced_by_a_folder_is_an_error_not_a_vanished_layer() {
    let fixture = Fixture::new();
    let alice = fixture.path(ALICE);
    std::fs::remove_file(&alice).unwrap();
    std::fs::create_dir(&alice).unwrap();
    assert_eq!(
        fixture.load_error(),
        format!("{ALICE}: this is a folder: expected a regular file")
    );
}

#[test]
fn a_misspelt_field_in_a_layer_file_is_an_error_naming_file_line_and_column() {
    let fixture = Fixture::new();
    fixture.edit(
        ALICE,
        "norm: Some(\"Q1238067\")",
        "nrom: Some(\"Q1238067\")",
    );
    let message = fixture.load_error();
    assert!(
        message.starts_with(&format!(
            "{ALICE}:9:112: unknown field `nrom` in an entity: expected one of "
        )),
        "{message}"
    );
    assert!(message.contains("`norm`"), "{message}");
}

#[test]
fn a_misspelt_required_in_the_schema_is_an_error_not_a_loosened_role() {
    let fixture = Fixture::new();
    fixture.edit("project.ron", "required: true", "rYquired: true");
    let message = fixture.load_error();
    assert!(
        message.starts_with("project.ron:20:")
            && message.contains("unknown field `rYquired` in a role"),
        "{message}"
    );
}

#[test]
fn an_unknown_field_in_a_provenance_source_is_an_error() {
    let fixture = Fixture::new();
    fixture.edit(ALICE, "score: 0.93)", "score: 0.93, model: \"x\")");
    let message = fixture.load_error();
    assert!(message.contains("unknown field `model`"), "{message}");
}

#[test]
fn a_nul_in_the_project_name_is_refused_at_load() {
    let fixture = Fixture::new();
    fixture.edit(
        "project.ron",
        "name: \"Brussels talks (format 1 fixture)\"",
        "name: \"Brussels\\0talks\"",
    );
    assert_eq!(
        fixture.load_error(),
        "project.ron:5: the project name \"Brussels\\0talks\" holds the control character U+0000: \
         expected printable text"
    );
}

#[test]
fn a_control_character_in_a_label_is_refused_at_load() {
    let fixture = Fixture::new();
    fixture.edit("project.ron", "(name: \"ORG\"", "(name: \"OR\\u{1b}G\"");
    let message = fixture.load_error();
    assert!(
        message.contains("entity label \"OR\\u{1b}G\" holds the control character U+001B"),
        "{message}"
    );
}

#[test]
fn errors_name_what_the_file_holds_not_the_programs_types() {
    let cases = [
        (ALICE, "status: Done,", "status: Don,"),
        (ALICE, "kind: Direct", "kind: Quoted"),
        (ALICE, "annotator: \"alice\", ", ""),
        ("project.ron", "target: Entities", "target: Entity"),
        (
            "project.ron",
            "min_agree: 2,",
            "min_agree: 2, min_agree: 3,",
        ),
    ];
    for (file, from, to) in cases {
        let fixture = Fixture::new();
        fixture.edit(file, from, to);
        let message = fixture.load_error();
        for internal in [
            "V1",
            "LayerFile",
            "ProjectFile",
            "VersionProbe",
            "serde",
            "ron::",
        ] {
            assert!(!message.contains(internal), "{message}");
        }
        assert!(message.starts_with(file), "{message}");
    }
}

#[test]
fn an_unknown_status_lists_the_statuses_in_the_files_terms() {
    let fixture = Fixture::new();
    fixture.edit(ALICE, "status: Done,", "status: Don,");
    assert_eq!(
        fixture.load_error(),
        format!(
            "{ALICE}:7:13: unknown value `Don` for the status: expected one of `New`, `InProgress`, \
             `Done`, `Adjudicated`"
        )
    );
}

#[test]
fn values_nested_too_deeply_are_an_error_that_gives_no_parser_advice() {
    let fixture = Fixture::new();
    let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    fixture.edit(
        "project.ron",
        "format: 1,",
        &format!("format: 1, extra: {deep},"),
    );
    let message = fixture.load_error();
    assert!(message.contains("nested too deeply"), "{message}");
    assert!(
        !message.contains("serde_stacker") && !message.contains("recursion_limit"),
        "{message}"
    );
}

#[test]
fn a_50_mb_line_is_never_echoed_in_a_message() {
    let huge = "Ω".repeat(25 * 1024 * 1024);
    // A covered text that does not match, a string where a status should be, an unknown label.
    let cases = [
        ("text: \"Kosovo\"", format!("text: \"{huge}\"")),
        ("status: Done,", format!("status: \"{huge}\",")),
        ("label: \"GPE\"", format!("label: \"{huge}\"")),
        (
            "status: Done,",
            format!("status: Done, {}: 1,", "x".repeat(50 << 20)),
        ),
    ];
    for (from, to) in cases {
        let fixture = Fixture::new();
        fixture.edit(ALICE, from, &to);
        let message = fixture.load_error();
        assert!(message.starts_with(ALICE), "{}", &message[..200]);
        assert!(
            message.chars().count() < 400,
            "a message of {} chars: {}…",
            message.chars().count(),
            message.chars().take(300).collect::<String>()
        );
    }
}

/// A save killed while writing a layer leaves its temp file in the document's folder; it is listed
/// there, in every document's folder, and nothing is looked for through a linked folder.
#[test]
fn a_temp_file_in_a_layer_folder_is_a_leftover_and_a_linked_folder_is_not_searched() {
    let fixture = Fixture::new();
    let dir = fixture.dir();
    std::fs::write(
        dir.join("annotations/reactions/.gloss-Qq11Rr.tmp"),
        "(format",
    )
    .unwrap();
    std::fs::write(
        dir.join("annotations/brussels-talks/.gloss-Aa22Bb.tmp"),
        "(",
    )
    .unwrap();
    std::fs::write(dir.join("annotations/.gloss-Cc33Dd.tmp"), "(").unwrap();
    let project = storage::load(&dir).unwrap();
    // Loading refuses a linked folder; listing leftovers must not look through one either.
    std::fs::write(fixture.outside().join(".gloss-Ee44Ff.tmp"), "theirs").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(fixture.outside(), dir.join("annotations/elsewhere")).unwrap();

    let listed: Vec<(String, LeftoverKind)> = storage::leftovers(&dir, &project)
        .unwrap()
        .into_iter()
        .map(|l| (l.path.to_string_lossy().into_owned(), l.kind))
        .collect();
    assert_eq!(
        listed,
        vec![
            (
                "annotations/.gloss-Cc33Dd.tmp".to_owned(),
                LeftoverKind::TempFile
            ),
            (
                "annotations/brussels-talks/.gloss-Aa22Bb.tmp".to_owned(),
                LeftoverKind::TempFile
            ),
            (
                "annotations/reactions/.gloss-Qq11Rr.tmp".to_owned(),
                LeftoverKind::TempFile
            ),
        ]
    );
}

#[test]
fn loading_skips_what_a_killed_import_left_and_leftovers_lists_it() {
    let fixture = Fixture::new();
    let dir = fixture.dir();
    std::fs::write(dir.join("documents/article-0417.txt"), "Half-imported.").unwrap();
    std::fs::write(dir.join("documents/.gloss-Ab12Cd.tmp"), "Half-writ").unwrap();
    std::fs::create_dir_all(dir.join("annotations/article-0417")).unwrap();
    std::fs::write(dir.join("annotations/article-0417/gold.ron"), "(").unwrap();
    std::fs::write(dir.join(".gloss-Zz99Yy.tmp"), "(format: 1").unwrap();
    // Not made by Gloss: never listed, never removed.
    std::fs::write(dir.join("documents/notes.md"), "mine").unwrap();
    std::fs::write(dir.join("annotations/article-0417/mine.txt"), "mine").unwrap();
    std::fs::write(dir.join("README.tmp"), "mine").unwrap();

    let project = storage::load(&dir).unwrap();
    assert_eq!(project.documents().len(), 2);
    let leftovers = storage::leftovers(&dir, &project).unwrap();
    let listed: Vec<(&str, LeftoverKind)> = leftovers
        .iter()
        .map(|l| (l.path.to_str().unwrap(), l.kind))
        .collect();
    assert_eq!(
        listed,
        vec![
            (".gloss-Zz99Yy.tmp", LeftoverKind::TempFile),
            ("annotations/article-0417", LeftoverKind::UnindexedLayers),
            ("documents/.gloss-Ab12Cd.tmp", LeftoverKind::TempFile),
            ("documents/article-0417.txt", LeftoverKind::UnindexedText),
        ]
    );

    let removed = storage::remove_leftovers(&dir, &leftovers).unwrap();
    let removed: Vec<&str> = removed.iter().map(|p| p.to_str().unwrap()).collect();
    assert_eq!(
        removed,
        vec![
            ".gloss-Zz99Yy.tmp",
            "annotations/article-0417/gold.ron",
            "documents/.gloss-Ab12Cd.tmp",
            "documents/article-0417.txt",
        ]
    );
    assert!(dir.join("documents/notes.md").exists());
    assert!(dir.join("annotations/article-0417/mine.txt").exists());
    assert!(dir.join("README.tmp").exists());
    assert_eq!(
        storage::leftovers(&dir, &project).unwrap(),
        vec![Leftover {
            path: "annotations/article-0417".into(),
            kind: LeftoverKind::UnindexedLayers
        }],
        "the folder with a file Gloss did not make stays"
    );
}

#[test]
fn a_save_writes_the_index_last() {
    let fixture = Fixture::new();
    let mut project = storage::load(&fixture.dir()).unwrap();
    let doc = project.add_document(Document::from_raw(
        DocId::new("new-one").unwrap(),
        "New",
        "Вучић и Курти",
    ));
    project
        .apply(&Edit::Add {
            key: LayerKey::new(doc, LayerName::new("alice").unwrap()),
            annotation: entity(1, 0, 5, "PERSON"),
        })
        .unwrap();
    let order: Vec<PathBuf> = storage::pending_writes(&project)
        .unwrap()
        .into_iter()
        .map(|w| w.path)
        .collect();
    assert_eq!(
        order,
        vec![
            PathBuf::from("documents/new-one.txt"),
            PathBuf::from("annotations/new-one/alice.ron"),
            PathBuf::from("project.ron"),
        ]
    );
}

#[cfg(unix)]
#[test]
fn saved_files_keep_their_mode_instead_of_becoming_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let fixture = Fixture::new();
    let alice = fixture.path(ALICE);
    std::fs::set_permissions(&alice, std::fs::Permissions::from_mode(0o664)).unwrap();
    let mut project = storage::load(&fixture.dir()).unwrap();
    let key = LayerKey::new(
        DocId::new("brussels-talks").unwrap(),
        LayerName::new("alice").unwrap(),
    );
    project
        .apply(&Edit::Add {
            key,
            annotation: entity(100, 80, 88, "GPE"),
        })
        .unwrap();
    storage::save(&fixture.dir(), &mut project).unwrap();
    let mode = std::fs::metadata(&alice).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

#[test]
fn a_layer_holding_the_largest_id_gives_a_free_id_instead_of_overflowing() {
    let annotations: BTreeMap<AnnotationId, Annotation> = [1, 2, u32::MAX]
        .into_iter()
        .map(|id| (AnnotationId(id), entity(id, 0, 1, "PERSON")))
        .collect();
    let layer = gloss::model::Layer::from_annotations(gloss::model::Status::New, annotations);
    assert_eq!(layer.next_id(), AnnotationId(3));
}

#[test]
fn a_new_document_does_not_inherit_layer_files_a_killed_import_left_under_its_id() {
    let fixture = Fixture::new();
    let dir = fixture.dir();
    // A killed import wrote a layer of `new-one` but not the index.
    std::fs::create_dir_all(dir.join("annotations/new-one")).unwrap();
    let stale = std::fs::read_to_string(dir.join(ALICE))
        .unwrap()
        .replace("brussels-talks", "new-one");
    std::fs::write(dir.join("annotations/new-one/alice.ron"), stale).unwrap();
    let mut project = storage::load(&dir).unwrap();
    project.add_document(Document::from_raw(
        DocId::new("new-one").unwrap(),
        "New",
        "A different text.",
    ));
    storage::save(&dir, &mut project).unwrap();
    assert!(!dir.join("annotations/new-one/alice.ron").exists());
    let loaded = storage::load(&dir).unwrap();
    assert_eq!(loaded, project);
}

#[test]
fn a_project_named_with_a_control_character_is_not_saved_as_a_project_that_cannot_be_opened() {
    let temp = tempfile::tempdir().unwrap();
    let mut project = gloss::model::Project::new(
        "Kosovo\u{1b}[31m talks",
        gloss::storage::presets::preset("news").unwrap(),
    );
    let error = storage::create(&temp.path().join("p"), &mut project).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("project.ron: the project name \"Kosovo\\u{1b}[31m talks\" holds the control character U+001B: expected printable text"),
        "{error}"
    );
    assert!(!temp.path().join("p/project.ron").exists());
}
