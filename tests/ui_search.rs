//! The corpus search panel (issue 14), driven as an analyst drives it: Ctrl+Shift+F, type, Enter;
//! the hits in context with counts per document; F3 / Shift+F3 across documents; a click on a hit;
//! "Label all hits" as one undo step. The index is built in a background job, which the test
//! finishes when it chooses (queued jobs), so nothing depends on the machine's speed.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{CharSpan, DocId};
use gloss::ui::GlossApp;
use ui_support::{harness, project_with_text, wait_for_background};

/// Three articles: Vučić twice in the first, once (unaccented) in the second, not in the third.
fn corpus() -> (tempfile::TempDir, Harness<'static, GlossApp>) {
    let (temp, mut wb) = project_with_text("one", "One\nVučić met Kurti; VUČIĆ left.");
    let added = wb.import_texts(
        vec![
            ("two.txt".to_owned(), "Two\n🇽🇰 Vucic said no.".to_owned()),
            ("three.txt".to_owned(), "Three\nNothing here.".to_owned()),
        ],
        false,
    );
    assert_eq!(added, 2);
    (temp, harness(wb))
}

fn doc(id: &str) -> DocId {
    DocId::new(id).unwrap()
}

/// Opens the panel with its key, types `query` and presses Enter; finishes the indexing job.
fn search_for(harness: &mut Harness<'static, GlossApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run_ok();
    let field = harness.get_by_role_and_label(Role::TextInput, "Search");
    field.focus();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text(query);
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
    wait_for_background(harness);
}

fn current(harness: &Harness<'static, GlossApp>) -> (DocId, Option<CharSpan>) {
    let wb = ui_support::wb(harness);
    (wb.current_doc().unwrap().id.clone(), wb.selection().span)
}

#[test]
fn ctrl_shift_f_searches_every_document_and_lists_hits_per_document() {
    let (_temp, mut harness) = corpus();
    search_for(&mut harness, "vucic");
    harness.get_by_label("3 hits in 2 documents (of 3)");
    harness.get_by_label("One — 2 hits");
    harness.get_by_label("Two — 1 hit");
    // Each hit in its context, the text as written.
    assert_eq!(
        harness
            .get_all_by_label_contains("…Vučić met Kurti; VUČIĆ left.…")
            .count(),
        2,
        "both hits of the first article, each in its line"
    );
    harness.get_by_label_contains("🇽🇰 Vucic said no.");
    let wb = ui_support::wb(&harness);
    let results = wb.corpus_search().results.clone().unwrap();
    let places: Vec<(String, usize, usize, String)> = results
        .hits
        .iter()
        .map(|h| (h.doc.to_string(), h.span.start, h.span.end, h.text.clone()))
        .collect();
    assert_eq!(
        places,
        vec![
            ("one".to_owned(), 4, 9, "Vučić".to_owned()),
            ("one".to_owned(), 21, 26, "VUČIĆ".to_owned()),
            ("two".to_owned(), 7, 12, "Vucic".to_owned()),
        ]
    );
    // The index went to the project's cache folder.
    assert!(wb.dir().join(".gloss-cache/search-index.json").is_file());
}

#[test]
fn f3_walks_the_hits_across_documents_and_shift_f3_walks_back() {
    let (_temp, mut harness) = corpus();
    search_for(&mut harness, "vucic");
    // Leave the field, as after Enter the keys belong to the window again.
    harness.key_press(Key::F3);
    harness.run_ok();
    assert_eq!(current(&harness), (doc("one"), Some(CharSpan::new(4, 9))));
    harness.key_press(Key::F3);
    harness.run_ok();
    assert_eq!(current(&harness), (doc("one"), Some(CharSpan::new(21, 26))));
    harness.key_press(Key::F3);
    harness.run_ok();
    assert_eq!(
        current(&harness),
        (doc("two"), Some(CharSpan::new(7, 12))),
        "the next hit is in the next document"
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run_ok();
    assert_eq!(current(&harness), (doc("one"), Some(CharSpan::new(21, 26))));
}

#[test]
fn a_click_on_a_hit_opens_its_document_at_the_hit() {
    let (_temp, mut harness) = corpus();
    search_for(&mut harness, "vucic");
    harness.get_by_label_contains("Vucic said no").click();
    harness.run_ok();
    assert_eq!(current(&harness), (doc("two"), Some(CharSpan::new(7, 12))));
}

#[test]
fn label_all_hits_is_one_undo_step_across_documents() {
    let (_temp, mut harness) = corpus();
    search_for(&mut harness, "vucic");
    ui_support::click_button(&mut harness, "Label all hits");
    let wb = ui_support::wb(&harness);
    let labelled = |wb: &gloss::workbench::Workbench| -> Vec<(String, usize, usize, String)> {
        let mut found = Vec::new();
        for (key, layer) in wb.project().layers() {
            for annotation in layer.iter() {
                let entity = annotation.as_entity().unwrap();
                found.push((
                    key.doc.to_string(),
                    entity.span.start,
                    entity.span.end,
                    entity.label.to_string(),
                ));
            }
        }
        found.sort();
        found
    };
    assert_eq!(
        labelled(wb),
        vec![
            ("one".to_owned(), 4, 9, "PERSON".to_owned()),
            ("one".to_owned(), 21, 26, "PERSON".to_owned()),
            ("two".to_owned(), 7, 12, "PERSON".to_owned()),
        ],
        "PERSON, the first label, in the tester's layer of both documents"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert!(
        labelled(ui_support::wb(&harness)).is_empty(),
        "one Ctrl+Z takes back every hit's label"
    );
}

#[test]
fn annotation_queries_and_mistakes_show_in_the_panel() {
    let (_temp, mut harness) = corpus();
    search_for(&mut harness, "kind:person");
    assert_eq!(
        harness
            .get_all_by_label("kind:person: expected entity, quote or event")
            .count(),
        2,
        "in the panel and in the status line"
    );
    assert!(ui_support::wb(&harness).corpus_search().results.is_none());
}
