//! Opening a large project without the wait (issue 16): the window's workbench opens from the
//! project's index, with every document listed and the first one read, and reads the rest in the
//! background a batch at a time, a document the analyst opens first.
//!
//! The specification:
//! - once the reading is done, the project in memory is exactly what `storage::load` reads;
//! - a document opened while others are read is read next and then shown;
//! - annotating and saving work while the reading goes on, and a save never writes (or erases) a
//!   document that is not read: `project.ron` keeps every document, other files stay as they were;
//! - what needs every document (corpus search, consistency, relabelling, export, sync) is refused,
//!   saying how far the reading has come, and works once it is done;
//! - a file that cannot be read stops the reading, names the file, and loses nothing.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Status, Timestamp,
};
use gloss::workbench::jobs::Jobs;
use gloss::workbench::{Command, HeadStart, SearchRequest, Workbench};
use tempfile::TempDir;

/// More than two background batches (256 documents each).
const DOCUMENTS: usize = 600;

/// Opens from the index above this many documents (the window uses 1,000).
const ABOVE: usize = 100;

fn doc(i: usize) -> DocId {
    DocId::slug(&format!("article-{i:04}"))
}

/// A project of `DOCUMENTS` short articles naming people and places, annotated by alice (done in
/// every third document) and bob.
fn large_project() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("large");
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Large", schema);
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    for i in 0..DOCUMENTS {
        let text = format!(
            "Albin Kurti met Aleksandar Vučić in Brussels on day {i}. The European Union said so."
        );
        let id = project.add_document(Document::from_raw(doc(i), format!("Article {i}"), &text));
        for layer in ["alice", "bob"] {
            let key = LayerKey::new(id.clone(), LayerName::new(layer).unwrap());
            let spans = [(0, 11, "PERSON"), (16, 32, "PERSON"), (36, 44, "GPE")];
            for (k, &(start, end, label)) in spans.iter().enumerate() {
                let label = if layer == "bob" && (i + k) % 7 == 0 {
                    "ORG"
                } else {
                    label
                };
                let annotation = Annotation::Entity(Entity::new(
                    AnnotationId(k as u32 + 1),
                    CharSpan::new(start, end),
                    label,
                    Provenance::manual(layer, now),
                ));
                project
                    .apply(&Edit::Add {
                        key: key.clone(),
                        annotation,
                    })
                    .unwrap();
            }
            if layer == "alice" && i % 3 == 0 {
                project
                    .apply(&Edit::SetStatus {
                        key,
                        before: Status::New,
                        after: Status::Done,
                    })
                    .unwrap();
            }
        }
    }
    project.add_annotator("alice");
    project.add_annotator("bob");
    gloss::storage::save(&dir, &mut project).unwrap();
    (temp, dir)
}

/// Opens `dir` as `annotator` from its index, with background work run only when the test says.
fn open(dir: &Path, annotator: &str) -> Workbench {
    let mut wb = Workbench::open_reading_above(dir, annotator, ABOVE).unwrap();
    wb.set_jobs(Jobs::queued());
    wb
}

/// One round of the background reading: collect what finished, start the next read, run it.
fn step(wb: &mut Workbench) -> usize {
    wb.tick(std::time::Instant::now());
    wb.jobs().run_until_idle()
}

/// Steps until every document is read (or the reading stopped); returns how many reads ran.
fn read_all(wb: &mut Workbench) -> usize {
    let mut reads = 0;
    for _ in 0..100 {
        if wb.reading().is_none_or(|r| r.failure.is_some()) {
            return reads;
        }
        reads += step(wb);
    }
    panic!("the reading did not finish: {:?}", wb.reading());
}

/// Every file under `annotations/`, with its bytes.
fn layer_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for folder in std::fs::read_dir(dir.join("annotations")).unwrap() {
        for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            files.insert(
                path.strip_prefix(dir).unwrap().to_owned(),
                std::fs::read(&path).unwrap(),
            );
        }
    }
    files
}

fn assert_same_project(got: &Project, expected: &Project) {
    assert_eq!(got.documents().len(), expected.documents().len());
    for (a, b) in got.documents().iter().zip(expected.documents()) {
        assert_eq!(a, b, "document {}", b.id);
    }
    let got_layers: Vec<_> = got.layers().collect();
    let expected_layers: Vec<_> = expected.layers().collect();
    assert_eq!(got_layers.len(), expected_layers.len());
    for ((ka, la), (kb, lb)) in got_layers.into_iter().zip(expected_layers) {
        assert_eq!(ka, kb);
        assert_eq!(la, lb, "layer {kb}");
    }
}

#[test]
fn a_large_project_opens_with_every_document_listed_and_the_first_read() {
    let (_temp, dir) = large_project();
    let mut wb = open(&dir, "alice");

    assert_eq!(wb.project().documents().len(), DOCUMENTS);
    assert_eq!(wb.project().documents()[450].title, "Article 450");
    let reading = wb.reading().expect("reading in the background");
    assert_eq!((reading.read, reading.total), (1, DOCUMENTS));
    assert_eq!(
        reading.sentence(),
        "Reading the project: 1 of 600 documents"
    );
    let first = wb.current_doc().unwrap();
    assert_eq!(first.id, doc(0));
    assert!(first.text.as_str().starts_with("Albin Kurti met"));
    assert_eq!(wb.current_layer().unwrap().len(), 3);
    assert!(!wb.is_read(&doc(1)));

    // Before any document is read, the headers of the layer files say each one's status.
    assert!(!wb.statuses_known());
    assert_eq!(wb.peeked_status(&doc(3)), None);
    let jobs = read_all(&mut wb);
    assert_eq!(jobs, 4, "the statuses, then 599 documents, 256 at a time");
    assert_eq!(wb.reading(), None);
    assert_same_project(wb.project(), &gloss::storage::load(&dir).unwrap());
    assert_eq!(wb.status_of(&doc(3)), Status::Done);
}

#[test]
fn the_status_of_a_document_not_read_yet_comes_from_its_layer_files_header() {
    let (_temp, dir) = large_project();
    // A hand-edited header says nothing the quick look can trust: only reading the file will tell.
    let edited = dir.join("annotations/article-0309/alice.ron");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        text.replacen("    status: Done,", "  status:Done,", 1),
    )
    .unwrap();
    // carol has no layer anywhere: every document is new to her.
    for (annotator, doc_309) in [("alice", None), ("carol", Some(Status::New))] {
        let mut wb = open(&dir, annotator);
        wb.tick(std::time::Instant::now());
        wb.jobs().run_until_idle();
        wb.tick(std::time::Instant::now());
        assert!(wb.statuses_known());
        assert!(!wb.is_read(&doc(300)));
        let expected = if annotator == "alice" {
            Status::Done
        } else {
            Status::New
        };
        assert_eq!(wb.peeked_status(&doc(300)), Some(expected), "{annotator}");
        assert_eq!(
            wb.peeked_status(&doc(301)),
            Some(Status::New),
            "{annotator}"
        );
        assert_eq!(wb.peeked_status(&doc(309)), doc_309, "{annotator}");
        drop(wb);
    }
}

/// The window reads the project's index while it is still being made (`HeadStart`), and opening
/// takes that index instead of reading it again, but only while `project.ron` and `entities.ron`
/// are as they were: a project changed in between opens as it is on disk.
#[test]
fn an_index_read_ahead_is_taken_only_while_the_project_is_as_it_was() {
    let (_temp, dir) = large_project();
    let open_with = |head: &HeadStart| {
        Workbench::open_or_read_only_reading_above(&dir, "alice", ABOVE, Some(head)).unwrap()
    };

    // Unchanged: the same project opens as without reading ahead.
    let listed = |wb: &Workbench| -> Vec<(DocId, String)> {
        let documents = wb.project().documents();
        documents
            .iter()
            .map(|d| (d.id.clone(), d.title.clone()))
            .collect()
    };
    let plain = listed(&open(&dir, "alice"));
    let head = HeadStart::read(&dir);
    let ahead = open_with(&head);
    assert_eq!(ahead.read_only(), None);
    assert_eq!(listed(&ahead), plain);
    assert_eq!(ahead.current_doc().unwrap().id, doc(0));
    assert_eq!(ahead.current_layer().unwrap().len(), 3);
    drop(ahead);

    // Read ahead, then a document is added (as `gloss import` would) before the window opens.
    let head = HeadStart::read(&dir);
    let mut project = gloss::storage::load(&dir).unwrap();
    project.add_document(Document::from_raw(
        doc(DOCUMENTS),
        "Late article",
        "Josep Borrell arrived later.",
    ));
    gloss::storage::save(&dir, &mut project).unwrap();
    let wb = open_with(&head);
    assert_eq!(wb.project().documents().len(), DOCUMENTS + 1);
    assert_eq!(wb.project().documents()[DOCUMENTS].title, "Late article");

    // Another project's index read ahead is not taken either.
    let (_other_temp, other) = large_project();
    drop(wb);
    let head = HeadStart::read(&other);
    assert_eq!(open_with(&head).project().documents().len(), DOCUMENTS + 1);
}

#[test]
fn a_project_at_or_below_the_limit_is_read_whole() {
    let (_temp, dir) = large_project();
    let wb = Workbench::open_reading_above(&dir, "alice", DOCUMENTS).unwrap();
    assert_eq!(wb.reading(), None);
    assert!(wb.is_read(&doc(DOCUMENTS - 1)));
}

#[test]
fn a_document_opened_while_the_rest_is_read_is_read_next_and_shown() {
    let (_temp, dir) = large_project();
    let mut wb = open(&dir, "alice");
    wb.execute(Command::SelectDocument(doc(450))).unwrap();
    assert_eq!(wb.current_doc().unwrap().id, doc(450));
    assert!(!wb.is_read(&doc(450)), "shown once read");

    assert_eq!(
        step(&mut wb),
        2,
        "the statuses, and one read: the document and its neighbours"
    );
    wb.tick(std::time::Instant::now());
    for i in 448..=452 {
        assert!(wb.is_read(&doc(i)), "article {i} is read with it");
    }
    assert!(!wb.is_read(&doc(300)));
    let shown = wb.current_doc().unwrap();
    assert_eq!(shown.id, doc(450));
    assert!(shown.text.as_str().contains("on day 450."));

    // It can be annotated at once: the tokens are the read text's.
    let span = CharSpan::new(61, 75);
    assert_eq!(
        wb.current_doc().unwrap().text.slice(span),
        Some("European Union")
    );
    wb.execute(Command::SelectSpan(span)).unwrap();
    wb.execute(Command::Label("ORG".into())).unwrap();
    assert_eq!(wb.current_layer().unwrap().len(), 4);
}

#[test]
fn saving_while_the_rest_is_read_writes_what_changed_and_nothing_else() {
    let (_temp, dir) = large_project();
    let before = layer_files(&dir);
    // A new annotator joins: project.ron must be written, with every document.
    let mut wb = open(&dir, "carol");
    wb.execute(Command::SelectSpan(CharSpan::new(36, 44)))
        .unwrap();
    wb.execute(Command::Label("GPE".into())).unwrap();
    wb.execute(Command::Save).unwrap();
    wb.jobs().run_until_idle();
    wb.tick(std::time::Instant::now());
    assert!(wb.reading().is_some(), "still reading when it saved");
    assert_eq!(wb.save_state(), gloss::workbench::SaveState::Saved);

    let on_disk = gloss::storage::load(&dir).unwrap();
    assert_eq!(on_disk.documents().len(), DOCUMENTS);
    assert!(on_disk.annotators.iter().any(|a| a == "carol"));
    assert_eq!(on_disk.documents()[599].title, "Article 599");
    let after = layer_files(&dir);
    let carol = PathBuf::from("annotations/article-0000/carol.ron");
    assert!(after.contains_key(&carol), "carol's new layer is written");
    let mut unchanged = after.clone();
    unchanged.remove(&carol);
    assert_eq!(unchanged, before, "no other layer file changed");

    // Reading on and closing changes nothing more.
    read_all(&mut wb);
    wb.flush().unwrap();
    let mut unchanged = layer_files(&dir);
    unchanged.remove(&carol);
    assert_eq!(unchanged, before);
}

#[test]
fn a_document_not_read_is_never_written() {
    let (_temp, dir) = large_project();
    let mut listing = gloss::storage::stream::Corpus::open(&dir)
        .unwrap()
        .listing();
    let key = LayerKey::new(doc(7), LayerName::new("alice").unwrap());
    assert!(!listing.is_loaded(&doc(7)));
    let refused = listing.apply(&Edit::SetStatus {
        key: key.clone(),
        before: Status::New,
        after: Status::Done,
    });
    assert_eq!(
        refused.unwrap_err().to_string(),
        "document article-0007 is still being read from disk"
    );
    // Even marked changed by mistake, storage will not write it (an empty layer would erase it).
    listing.mark_dirty(&gloss::model::Dirty {
        layers: [key].into_iter().collect(),
        ..Default::default()
    });
    let error = gloss::storage::pending_writes(&listing)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("annotations/article-0007/alice.ron")
            && error.contains("not read from disk yet"),
        "{error}"
    );
}

#[test]
fn what_needs_every_document_waits_for_the_reading_and_then_works() {
    let (_temp, dir) = large_project();
    let mut wb = open(&dir, "alice");
    for command in [
        Command::SearchCorpus(SearchRequest::text("Kurti")),
        Command::CheckConsistency,
        Command::RenameEntityLabel {
            from: "GPE".into(),
            to: "PLACE".into(),
        },
        Command::Sync,
    ] {
        let error = wb.execute(command.clone()).unwrap_err().to_string();
        assert!(
            error.contains("needs every document") && error.contains("being read (1 of 600)"),
            "{command:?}: {error}"
        );
    }
    let export = gloss::workbench::write_export(
        wb.project(),
        &dir,
        gloss::formats::export::ExportFormat::Jsonl,
        &Default::default(),
        &dir.join("out.jsonl"),
        None,
    );
    assert!(export.unwrap_err().contains("still being read"));
    assert!(!dir.join("out.jsonl").exists());

    read_all(&mut wb);
    wb.execute(Command::CheckConsistency).unwrap();
    wb.execute(Command::RenameEntityLabel {
        from: "GPE".into(),
        to: "PLACE".into(),
    })
    .unwrap();
    assert_eq!(wb.project().documents().len(), DOCUMENTS);
}

#[test]
fn beyond_what_the_window_holds_documents_are_read_when_opened() {
    let (_temp, dir) = large_project();
    let mut wb = open(&dir, "alice");
    wb.set_reading_budget(300);
    read_all_there_is(&mut wb);
    let reading = wb.reading().expect("not every document is read");
    assert!(reading.resting);
    assert_eq!((reading.read, reading.total), (300, DOCUMENTS));
    assert!(
        reading
            .sentence()
            .starts_with("300 of 600 documents read: the others are read when opened"),
        "{}",
        reading.sentence()
    );
    assert_eq!(step(&mut wb), 0, "no more background reads");
    assert_eq!(wb.peeked_status(&doc(597)), Some(Status::Done));
    assert_eq!(wb.peeked_status(&doc(598)), Some(Status::New));

    // Opening one reads it (and its neighbours), and nothing more.
    wb.execute(Command::SelectDocument(doc(500))).unwrap();
    assert_eq!(step(&mut wb), 1);
    wb.tick(std::time::Instant::now());
    assert!(
        wb.current_doc()
            .unwrap()
            .text
            .as_str()
            .contains("on day 500.")
    );
    assert_eq!(wb.reading().unwrap().read, 305);
    assert_eq!(step(&mut wb), 0);

    let error = wb
        .execute(Command::CheckConsistency)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("the window holds 305 of this project's 600")
            && error.contains("gloss check, stats, agree and export"),
        "{error}"
    );
}

/// Steps until the background reading has nothing more to do.
fn read_all_there_is(wb: &mut Workbench) {
    for _ in 0..100 {
        if step(wb) == 0 {
            wb.tick(std::time::Instant::now());
            if wb.jobs().run_until_idle() == 0 {
                return;
            }
        }
    }
    panic!("the reading did not rest");
}

#[test]
fn a_file_that_cannot_be_read_stops_the_reading_names_it_and_loses_nothing() {
    let (_temp, dir) = large_project();
    let broken = dir.join("annotations/article-0500/bob.ron");
    std::fs::write(&broken, "(format: 1, this is not a layer").unwrap();
    let before = layer_files(&dir);
    let mut wb = open(&dir, "alice");
    read_all(&mut wb);
    let reading = wb.reading().expect("stopped, not finished");
    let failure = reading.failure.clone().unwrap();
    assert!(failure.contains("article-0500/bob.ron"), "{failure}");
    // The first document, then one batch of 256; the next batch held the broken file.
    assert!(
        reading
            .sentence()
            .starts_with("Reading stopped at 257 of 600 documents: "),
        "{}",
        reading.sentence()
    );
    assert!(wb.is_read(&doc(256)) && !wb.is_read(&doc(257)));

    // What is read can still be annotated and saved; nothing else is written.
    wb.execute(Command::SelectAnnotation(AnnotationId(1)))
        .unwrap();
    wb.execute(Command::Delete).unwrap();
    wb.flush().unwrap();
    let after = layer_files(&dir);
    let alice = PathBuf::from("annotations/article-0000/alice.ron");
    assert_ne!(after[&alice], before[&alice]);
    let mut unchanged = after;
    unchanged.insert(alice.clone(), before[&alice].clone());
    assert_eq!(unchanged, before);
    let error = wb
        .execute(Command::CheckConsistency)
        .unwrap_err()
        .to_string();
    assert!(error.contains("Reading stopped"), "{error}");
}

#[test]
fn a_linked_layer_file_is_never_read_through() {
    let (temp, dir) = large_project();
    let outside = temp.path().join("outside.ron");
    std::fs::write(&outside, "(\n    format: 1,\n    status: Done,\n").unwrap();
    for layer in ["alice", "bob"] {
        let file = dir.join(format!("annotations/article-0400/{layer}.ron"));
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink(&outside, &file).unwrap();
    }
    let mut wb = open(&dir, "alice");
    read_all(&mut wb);
    // The quick look at statuses does not follow it, and the reading stops at it, naming it.
    assert_eq!(wb.peeked_status(&doc(400)), None);
    let failure = wb.reading().unwrap().failure.unwrap();
    assert!(
        failure.contains("article-0400/alice.ron") && failure.contains("symbolic link"),
        "{failure}"
    );
    assert!(!wb.is_read(&doc(400)));
}

#[test]
fn the_tagger_learns_from_the_project_once_it_is_read_not_after_every_batch() {
    let (_temp, dir) = large_project();
    // Background work on threads, as in the window: the tagger's training starts from `tick`.
    let mut wb = Workbench::open_reading_above(&dir, "alice", ABOVE).unwrap();
    let mut ticks_while_reading = 0;
    for _ in 0..10_000 {
        wb.tick(std::time::Instant::now());
        let reading = wb.reading();
        if reading.is_none_or(|r| r.resting || r.failure.is_some()) {
            break;
        }
        // Each batch read changes the project; none of them starts a training run on a part of it.
        ticks_while_reading += 1;
        assert_eq!(wb.suggestion_state().tagger().requested, None);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(ticks_while_reading > 0, "600 documents are read in batches");
    assert_eq!(wb.reading(), None, "everything is read");
    wb.tick(std::time::Instant::now());
    assert!(
        wb.suggestion_state().tagger().requested.is_some(),
        "one run learns from the whole project once it is read"
    );
}
