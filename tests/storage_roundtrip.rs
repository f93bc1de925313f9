//! Storage, the happy paths: what is saved loads back the same; a save writes only what changed, and one
//! edit changes one line of one file; a save that fails half-way leaves a loadable project; the lock
//! keeps a second writer out; the fixture of format version 1 still loads.
#![allow(clippy::unwrap_used)]

mod proptest_support;
#[path = "storage_roundtrip/sample.rs"]
mod sample;

use gloss::model::EntityDetails;
use std::path::Path;

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Source, Status,
};
use gloss::storage::{self, PendingWrite, SaveReport, StorageError, lock::ProjectLock};
use proptest::prelude::*;
use sample::{at, entity, files, key, sample_project, schema};

#[test]
fn save_then_load_gives_back_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    assert!(project.dirty().is_empty(), "create marks everything saved");

    let loaded = storage::load(dir.path()).unwrap();
    assert_eq!(loaded, project);
    assert!(
        loaded.dirty().is_empty(),
        "a loaded project has nothing to save"
    );
    // The texts that break naive offset code survived byte for byte.
    let texts: Vec<&str> = loaded.documents().iter().map(|d| d.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("Вучић и Курти")));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Prishtinë, çështje") && t.contains("🇽🇰 👨‍👩‍👧"))
    );
    let crlf = loaded
        .document(&DocId::new("crlf-import").unwrap())
        .unwrap();
    assert!(crlf.crlf_normalized);
    assert_eq!(crlf.text.as_str(), "Line one\nLine two: Kurti\n");
}

#[test]
fn what_cleaning_removed_is_kept_and_a_record_that_does_not_fit_its_text_is_left_unused() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let albanian = DocId::new("albanian").unwrap();
    let loaded = storage::load(dir.path()).unwrap();
    let removed = &loaded.document(&albanian).unwrap().removed;
    assert_eq!(removed.len(), 2);
    assert_eq!(removed[0].text, "Foto: Koha / 🇽🇰\n\n");
    assert_eq!(removed[1].why, "a link or widget label, not article text");
    // Documents nothing was removed from write no record (older projects have none and load).
    let index = std::fs::read_to_string(dir.path().join("project.ron")).unwrap();
    assert_eq!(index.matches("cleaned:").count(), 1, "{index}");

    // A text one char longer than the record says (a save stopped between the text and the
    // index): the document loads, its record is not used.
    let text = dir.path().join("documents/albanian.txt");
    let mut longer = std::fs::read_to_string(&text).unwrap();
    longer.push('!');
    std::fs::write(&text, longer).unwrap();
    let loaded = storage::load(dir.path()).unwrap();
    assert!(loaded.document(&albanian).unwrap().removed.is_empty());
}

#[test]
fn the_project_folder_has_the_documented_layout() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let names: Vec<String> = files(dir.path()).into_keys().collect();
    assert_eq!(
        names,
        vec![
            ".gitattributes",
            ".gitignore",
            "annotations/albanian/alice.ron",
            "annotations/albanian/gold.ron",
            "annotations/crlf-import/bob.ron",
            "annotations/cyrillic/alice.ron",
            "annotations/cyrillic/bob.ron",
            "documents/albanian.txt",
            "documents/crlf-import.txt",
            "documents/cyrillic.txt",
            "project.ron",
        ]
    );
    let gitignore = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|line| line == ".gloss.lock"));
    assert!(storage::is_project(dir.path()));
}

#[test]
fn each_annotation_is_one_line_sorted_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let file = std::fs::read_to_string(dir.path().join("annotations/cyrillic/alice.ron")).unwrap();
    let ids: Vec<u32> = file
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("(id: "))
        .map(|rest| rest.split(',').next().unwrap().parse().unwrap())
        .collect();
    let layer = project.layer(&key("cyrillic", "alice")).unwrap();
    assert_eq!(ids.len(), layer.len(), "one line per annotation:\n{file}");
    let (mut entities, mut others): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for annotation in layer.iter() {
        match annotation {
            Annotation::Entity(e) => entities.push(e.id.0),
            _ => others.push(annotation.id().0),
        }
    }
    assert!(
        ids.starts_with(&entities) && entities.is_sorted(),
        "entities first, by id:\n{file}"
    );
    assert!(file.starts_with("(\n    format: 1,\n    document: \"cyrillic\",\n    layer: \"alice\",\n    status: InProgress,\n"));
}

#[test]
fn one_edit_rewrites_one_line_of_one_layer_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let before = files(dir.path());

    let key = key("cyrillic", "alice");
    let old = project
        .layer(&key)
        .unwrap()
        .get(AnnotationId(2))
        .unwrap()
        .clone();
    let mut new = old.clone();
    if let Annotation::Entity(e) = &mut new {
        e.label = "ORG".into();
        e.provenance.modified = at("2024-06-02T09:30:00Z");
    }
    project
        .apply(&Edit::Replace {
            key: key.clone(),
            before: old,
            after: new,
        })
        .unwrap();
    let report = storage::save(dir.path(), &mut project).unwrap();
    assert_eq!(
        report,
        SaveReport {
            files_written: 1,
            files_deleted: 0
        }
    );

    let after = files(dir.path());
    let changed: Vec<&String> = before
        .keys()
        .filter(|name| before.get(*name) != after.get(*name))
        .collect();
    assert_eq!(changed, vec!["annotations/cyrillic/alice.ron"]);
    let old_lines: Vec<&[u8]> = before[changed[0]].split(|&b| b == b'\n').collect();
    let new_lines: Vec<&[u8]> = after[changed[0]].split(|&b| b == b'\n').collect();
    assert_eq!(old_lines.len(), new_lines.len());
    let differing = old_lines
        .iter()
        .zip(&new_lines)
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differing, 1, "exactly one line differs");
    assert_eq!(storage::load(dir.path()).unwrap(), project);
}

#[test]
fn saving_with_nothing_changed_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    assert_eq!(
        storage::pending_writes(&project).unwrap(),
        Vec::<PendingWrite>::new()
    );
    assert_eq!(
        storage::save(dir.path(), &mut project).unwrap(),
        SaveReport::default()
    );
}

#[test]
fn saving_everything_again_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let before = files(dir.path());
    let mut loaded = storage::load(dir.path()).unwrap();
    loaded.mark_all_dirty();
    let report = storage::save(dir.path(), &mut loaded).unwrap();
    assert_eq!(report.files_written, 9, "project.ron, 3 texts, 5 layers");
    assert_eq!(files(dir.path()), before);
}

#[test]
fn a_layer_that_becomes_blank_loses_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    // bob's layer of crlf-import holds one entity and status InProgress.
    let key = key("crlf-import", "bob");
    let only = project.layer(&key).unwrap().iter().next().unwrap().clone();
    project
        .apply(&Edit::Remove {
            key: key.clone(),
            annotation: only,
        })
        .unwrap();
    project
        .apply(&Edit::SetStatus {
            key: key.clone(),
            before: Status::InProgress,
            after: Status::New,
        })
        .unwrap();
    assert!(project.layer(&key).is_none());

    let writes = storage::pending_writes(&project).unwrap();
    assert_eq!(
        writes,
        vec![PendingWrite {
            path: storage::layer_path(&key.doc, &key.layer),
            contents: None
        }]
    );
    let report = storage::save(dir.path(), &mut project).unwrap();
    assert_eq!(
        report,
        SaveReport {
            files_written: 0,
            files_deleted: 1
        }
    );
    assert!(!dir.path().join("annotations/crlf-import/bob.ron").exists());
    assert_eq!(storage::load(dir.path()).unwrap(), project);
}

#[test]
fn a_save_that_fails_half_way_leaves_the_previous_state_loadable() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let saved = project.clone();

    // A new document with a layer: the save writes its text, then project.ron, then the layer file.
    let id = project.add_document(Document::from_raw(
        DocId::new("later").unwrap(),
        "Later",
        "Kurti returned to Prishtinë.",
    ));
    let key = LayerKey::new(id, LayerName::new("alice").unwrap());
    project
        .apply(&Edit::Add {
            key: key.clone(),
            annotation: entity(1, 0, 5, "PERSON"),
        })
        .unwrap();
    // Something in the way of the first file makes the writer fail (a folder cannot be renamed over).
    let obstacle = dir.path().join("documents/later.txt");
    std::fs::create_dir_all(obstacle.join("in-the-way")).unwrap();

    let error = storage::save(dir.path(), &mut project).unwrap_err();
    assert!(error.to_string().contains("documents/later.txt"), "{error}");
    assert!(
        !project.dirty().is_empty(),
        "a failed save leaves the project dirty"
    );
    assert_eq!(
        storage::load(dir.path()).unwrap(),
        saved,
        "the previous state still loads"
    );

    std::fs::remove_dir_all(&obstacle).unwrap();
    storage::save(dir.path(), &mut project).unwrap();
    assert_eq!(
        storage::load(dir.path()).unwrap(),
        project,
        "saving again writes everything"
    );
}

#[test]
fn a_crash_between_temp_file_and_rename_leaves_the_old_file_and_the_temp_file_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    // What a crash inside write_atomic leaves behind: a half-written temp file next to the old one.
    let layer = dir.path().join("annotations/cyrillic/alice.ron");
    let half = &std::fs::read(&layer).unwrap()[..40];
    std::fs::write(
        dir.path().join("annotations/cyrillic/.gloss-Xa81k.tmp"),
        half,
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".gloss-Qz02p.tmp"),
        b"(format: 1, name: \"hal",
    )
    .unwrap();
    assert_eq!(storage::load(dir.path()).unwrap(), project);
}

#[test]
fn write_all_stops_at_the_first_failure_and_keeps_later_files_old() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let before = files(dir.path());
    std::fs::create_dir_all(dir.path().join("blocked.ron/in-the-way")).unwrap();
    let writes = vec![
        PendingWrite {
            path: "blocked.ron".into(),
            contents: Some(b"x".to_vec()),
        },
        PendingWrite {
            path: "project.ron".into(),
            contents: Some(b"garbage".to_vec()),
        },
    ];
    let error = storage::write_all(dir.path(), &writes).unwrap_err();
    assert!(
        matches!(
            error,
            StorageError::Io {
                action: "write",
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(files(dir.path()), before);
}

#[test]
fn create_refuses_a_folder_that_holds_a_project_or_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sample_project();
    storage::create(dir.path(), &mut project).unwrap();
    let again = storage::create(dir.path(), &mut sample_project()).unwrap_err();
    assert!(
        matches!(again, StorageError::AlreadyExists { .. }),
        "{again}"
    );

    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("notes.txt"), "mine").unwrap();
    let busy = storage::create(other.path(), &mut sample_project()).unwrap_err();
    assert!(busy.to_string().contains("not empty"), "{busy}");

    let fresh = other.path().join("new/nested");
    storage::create(&fresh, &mut Project::new("Empty", schema())).unwrap();
    assert_eq!(
        storage::load(&fresh).unwrap(),
        Project::new("Empty", schema())
    );
}

#[test]
fn a_second_lock_on_the_same_project_fails_with_locked_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let (_held, warning) = ProjectLock::acquire_as(dir.path(), Some("amira")).unwrap();
    assert_eq!(warning, None);
    match ProjectLock::acquire(dir.path()) {
        Err(error @ StorageError::Locked { .. }) => {
            let StorageError::Locked {
                holder: Some(holder),
            } = &error
            else {
                panic!("expected a holder: {error}");
            };
            assert_eq!(holder.pid, std::process::id());
            assert_eq!(holder.name, "amira");
            assert!(!holder.host.is_empty());
            assert_eq!(
                error.to_string(),
                format!(
                    "the project is open in Gloss by amira (process {} on host {}); close it there first",
                    holder.pid, holder.host
                )
            );
        }
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn a_lock_left_by_a_killed_process_is_free_at_once_without_guessing_from_its_pid() {
    let dir = tempfile::tempdir().unwrap();
    // A process that held the lock and was killed: the operating system released its lock, and its
    // lock file names a pid that may by now belong to another process. The lock is free anyway.
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    let pid = std::process::id();
    std::fs::write(
        dir.path().join(".gloss.lock"),
        format!("{pid} {host} bruno\n"),
    )
    .unwrap();

    let (lock, warning) = ProjectLock::acquire_as(dir.path(), Some("amira")).unwrap();
    let warning = warning.unwrap();
    assert!(warning.contains("ended without closing it"), "{warning}");
    assert!(warning.contains("by bruno"), "{warning}");
    let contents = std::fs::read_to_string(lock.path()).unwrap();
    assert_eq!(contents, format!("{pid} {host} amira\n"));
    drop(lock);
    assert!(!dir.path().join(".gloss.lock").exists());
}

#[test]
fn the_format_1_fixture_still_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1");
    let before = files(&dir);
    let project = storage::load(&dir).unwrap();
    assert_eq!(files(&dir), before, "loading never writes");

    assert_eq!(project.name, "Brussels talks (format 1 fixture)");
    assert_eq!(project.documents().len(), 2);
    let talks = key("brussels-talks", "alice");
    let layer = project.layer(&talks).unwrap();
    assert_eq!(layer.status, Status::Done);
    let kinds: Vec<&str> = layer.iter().map(|a| a.kind().name()).collect();
    assert!(kinds.contains(&"entity") && kinds.contains(&"quote") && kinds.contains(&"event"));
    let quote = layer.iter().find_map(Annotation::as_quote).unwrap();
    assert_eq!(quote.content.len(), 2, "a quote split by its cue");
    assert_eq!(
        project.status(&key("brussels-talks", "gold")),
        Status::Adjudicated
    );
    assert!(project.layer(&key("reactions", "alice")).is_some());
    assert_eq!(gloss::model::validate::check(&project), Vec::new());
}

/// Labels the generated spans may carry; all in [`schema`].
const LABELS: [&str; 3] = ["PERSON", "ORG", "GPE"];

fn text_and_spans() -> impl Strategy<Value = (String, Vec<(usize, usize, usize)>)> {
    "[a-zВучићë🇽🇰👨‍👩‍👧 \n,.\"]{0,40}".prop_flat_map(|text| {
        let len = text.chars().count();
        let span =
            (0..=len, 0..=len, 0..LABELS.len()).prop_map(|(a, b, l)| (a.min(b), a.max(b), l));
        (Just(text), proptest::collection::vec(span, 0..12))
    })
}

proptest! {
    #![proptest_config(proptest_support::config(48))]

    #[test]
    fn any_spans_on_any_text_survive_a_round_trip((text, spans) in text_and_spans()) {
        let mut project = Project::new("Generated", schema());
        let doc = project.add_document(Document::from_raw(
            DocId::new("generated").unwrap(), "Generated", &text));
        let key = LayerKey::new(doc, LayerName::new("alice").unwrap());
        for (i, &(start, end, label)) in spans.iter().enumerate() {
            let annotation = Annotation::Entity(Entity::new(AnnotationId(i as u32 + 1), CharSpan::new(start, end), LABELS[label], Provenance {
                    source: Source::Suggestion { recommender: "spacy".into(), score: 0.1 * i as f32 },
                    annotator: "alice".into(),
                    created: at("2024-06-01T08:00:00Z"),
                    modified: at("2024-06-01T08:00:00.123456789Z"),
                }).with_details(EntityDetails { note: text.chars().take(3).collect(), ..EntityDetails::default() }));
            project.apply(&Edit::Add { key: key.clone(), annotation }).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        storage::create(dir.path(), &mut project).unwrap();
        prop_assert_eq!(storage::load(dir.path()).unwrap(), project);
    }
}
