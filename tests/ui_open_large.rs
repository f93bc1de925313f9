//! The real window on a project too large to read before it shows (issue 16): it opens from the
//! project's index, so the document list and the first article are there at once, the status bar
//! says how far reading the rest has come, a document clicked before it is read says so and shows
//! once read, and the count of documents done says it counts only those read.
//!
//! Background work is queued: the test decides when each read happens, so no frame depends on how
//! fast the machine is.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Status, Timestamp,
};
use gloss::ui::GlossApp;
use gloss::workbench::READ_IN_BACKGROUND_ABOVE;
use tempfile::TempDir;
use ui_support::starting_harness_as;

/// Well over the size from which the window opens a project from its index (checked below).
const DOCUMENTS: usize = 1_200;
const _: () = assert!(DOCUMENTS > READ_IN_BACKGROUND_ABOVE);

fn doc(i: usize) -> DocId {
    DocId::slug(&format!("article-{i:04}"))
}

/// Short articles, each with one mention in alice's layer; alice has finished every other one.
fn large_project() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("large");
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Large", schema);
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    for i in 0..DOCUMENTS {
        let text = format!("Albin Kurti spoke in Brussels on day {i}.");
        let id = project.add_document(Document::from_raw(doc(i), format!("Article {i}"), &text));
        let key = LayerKey::new(id, LayerName::new("alice").unwrap());
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation: Annotation::Entity(Entity::new(
                    AnnotationId(1),
                    CharSpan::new(0, 11),
                    "PERSON",
                    Provenance::manual("alice", now),
                )),
            })
            .unwrap();
        if i % 2 == 0 {
            project
                .apply(&Edit::SetStatus {
                    key,
                    before: Status::New,
                    after: Status::Done,
                })
                .unwrap();
        }
    }
    project.add_annotator("alice");
    gloss::storage::save(&dir, &mut project).unwrap();
    (temp, dir)
}

/// Runs the queued background work once and draws the frames that collect it.
fn one_round(harness: &mut Harness<'_, GlossApp>) {
    harness.state_mut().finish_jobs();
    harness.step();
    harness.step();
}

fn opened(dir: &Path) -> Harness<'static, GlossApp> {
    let mut harness = starting_harness_as(dir.to_path_buf(), Some("alice"));
    harness.step();
    // The open job: it reads the index and the first document only.
    one_round(&mut harness);
    assert!(harness.state().workbench().is_some(), "the project is open");
    harness
}

#[test]
fn a_large_project_shows_its_list_and_first_article_at_once_and_says_it_is_reading_the_rest() {
    let (_temp, dir) = large_project();
    let mut harness = opened(&dir);

    harness.get_by_label_contains("Reading the project: 1 of 1,200 documents");
    harness.get_by_label("Article 3");
    // The article is drawn, and its annotation is listed.
    harness.get_by_label("Article");
    harness.get_by_label_contains("Albin Kurti");
    harness.get_by_label_contains("1 / 1200 done so far (1 read)");

    // The statuses come from the layer files' headers, before the documents themselves.
    one_round(&mut harness);
    harness.get_by_label_contains("600 / 1200 done");
    harness.get_by_label_contains("Reading the project: 257 of 1,200 documents");
}

#[test]
fn a_document_clicked_before_it_is_read_says_so_then_shows() {
    let (_temp, dir) = large_project();
    let mut harness = opened(&dir);

    // Far down the list: filtered to, then clicked.
    harness.get_by_label("Filter").click();
    harness.step();
    harness.get_by_label("Filter").type_text("900");
    harness.step();
    harness.step();
    harness.get_by_label("Article 900").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Reading “Article 900”…");
    assert!(
        harness.query_by_label("Article").is_none(),
        "no article yet"
    );

    // The read under way when it was clicked ends first; then it is read, before the rest.
    one_round(&mut harness);
    harness.get_by_label_contains("Reading “Article 900”…");
    one_round(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Reading “Article 900”")
            .is_none()
    );
    harness.get_by_label("Article");
    harness.get_by_label_contains("Albin Kurti");
    let wb = harness.state().workbench().unwrap();
    assert!(
        wb.current_doc()
            .unwrap()
            .text
            .as_str()
            .ends_with("on day 900.")
    );
    assert!(wb.is_read(&doc(902)) && !wb.is_read(&doc(300)));
}

#[test]
fn once_every_document_is_read_the_window_counts_them_all() {
    let (_temp, dir) = large_project();
    let mut harness = opened(&dir);
    for _ in 0..20 {
        if harness.state().workbench().unwrap().reading().is_none() {
            break;
        }
        one_round(&mut harness);
    }
    assert_eq!(harness.state().workbench().unwrap().reading(), None);
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("Reading the project")
            .is_none()
    );
    harness.get_by_label_contains("600 / 1200 done");
}
