//! The document list as analysts use it on web articles (issue 12): outlet and date under each
//! title, sorting by title, outlet and date, filtering by outlet and date range; the Document
//! details window; and the review of what cleaning removed at import, before the first annotation.
#![allow(clippy::unwrap_used)]

mod cli_support;
mod ui_support;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{DocId, Document, DocumentMeta, Project};
use gloss::ui::GlossApp;
use gloss::workbench::{Command, Workbench};
use tempfile::TempDir;
use ui_support::*;

/// The titles of the document list from top to bottom, as drawn.
fn shown_titles(harness: &Harness<'_, GlossApp>, titles: &[&str]) -> Vec<String> {
    let mut found: Vec<(f32, String)> = titles
        .iter()
        .filter_map(|title| {
            harness
                .query_by_role_and_label(Role::Button, title)
                .map(|node| (node.rect().top(), (*title).to_owned()))
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, title)| title).collect()
}

fn sample_titles(wb: &Workbench) -> Vec<String> {
    wb.project()
        .documents()
        .iter()
        .map(|d| d.title.clone())
        .collect()
}

/// Six articles as the sample's web imports have them: one outlet without a date, five dated
/// Wikinews articles (one with a full RFC 3339 time), imported in this order.
fn news_workbench() -> Workbench {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("News", schema);
    for (id, title, outlet, published) in [
        (
            "stalemate",
            "Stalemate persists: Kosovo and Serbia's talks in Brussels bore no fruit",
            "TRT World",
            None,
        ),
        (
            "north-korea",
            "North Korea puts military in 'quasi-state of war'",
            "Wikinews",
            Some("2015-08-21"),
        ),
        (
            "asylum",
            "Over 900 asylum seekers rescued off Indonesian coast",
            "Wikinews",
            Some("2015-05-18"),
        ),
        (
            "greek-court",
            "Greek court rules worship of ancient Greek deities is legal",
            "Wikinews",
            Some("2006-03-27"),
        ),
        (
            "uk-asylum",
            "Reports: 'streamlined' UK asylum process to replace interview",
            "Wikinews",
            Some("2023-02-23T10:00:00Z"),
        ),
        (
            "new-zealand",
            "New Zealand begins process to consider changing national flag design",
            "Wikinews",
            Some("2015-05-07"),
        ),
    ] {
        project.add_document(Document {
            meta: DocumentMeta {
                outlet: Some(outlet.to_owned()),
                published: published.map(str::to_owned),
                ..DocumentMeta::default()
            },
            ..Document::from_raw(DocId::new(id).unwrap(), title, &format!("{title}\n\nText."))
        });
    }
    let mut wb = Workbench::from_project(project, PathBuf::from("/nonexistent"), "tester");
    wb.set_clock(fixed_clock());
    wb
}

#[test]
fn each_title_has_its_outlet_and_date_under_it() {
    let wb = news_workbench();
    let harness = harness(wb);
    assert!(harness.query_by_label("Wikinews · 2015-08-21").is_some());
    // The TRT article has an outlet and no date.
    assert!(harness.query_by_label("TRT World").is_some());
}

#[test]
fn sorting_by_date_then_again_reverses_with_undated_documents_last() {
    let wb = news_workbench();
    let titles = sample_titles(&wb);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut harness = harness(wb);
    click_button(&mut harness, "Date");
    let by_date = shown_titles(&harness, &titles);
    assert!(
        by_date[0].starts_with("Greek court"),
        "2006 first: {by_date:?}"
    );
    assert!(
        by_date[4].starts_with("Reports: "),
        "2023 last dated: {by_date:?}"
    );
    assert!(
        by_date[5].starts_with("Stalemate"),
        "undated last: {by_date:?}"
    );

    click_button(&mut harness, "Date");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Date ↓")
            .is_some(),
        "the button says the order is reversed"
    );
    let reversed = shown_titles(&harness, &titles);
    assert!(reversed[0].starts_with("Reports: "), "{reversed:?}");
    assert!(reversed[4].starts_with("Greek court"), "{reversed:?}");
    assert!(
        reversed[5].starts_with("Stalemate"),
        "undated stays last: {reversed:?}"
    );
}

#[test]
fn the_sort_buttons_work_from_the_keyboard() {
    let wb = news_workbench();
    let titles = sample_titles(&wb);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut harness = harness(wb);
    harness.get_by_role_and_label(Role::Button, "Title").focus();
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
    let shown = shown_titles(&harness, &titles);
    let mut sorted = shown.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(shown, sorted);
    assert_ne!(
        shown,
        titles.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>(),
        "the import order is not the title order"
    );
}

#[test]
fn the_outlet_and_the_date_range_narrow_the_list() {
    let wb = news_workbench();
    let mut harness = harness(wb);
    harness
        .get_by_role_and_label(Role::ComboBox, "Outlet")
        .click();
    harness.run_ok();
    click_button(&mut harness, "TRT World");
    assert!(harness.query_by_label("1 of 6 shown").is_some());
    assert!(
        harness
            .query_by_label("Over 900 asylum seekers rescued off Indonesian coast")
            .is_none()
    );

    harness
        .get_by_role_and_label(Role::ComboBox, "Outlet")
        .click();
    harness.run_ok();
    click_button(&mut harness, "All outlets");
    // From 10 May 2015 to the end of 2015: 18 May and 21 August, not 7 May, 2006 or 2023, and
    // not the undated article.
    for (field, value) in [("From", "2015-05-10"), ("to", "2015")] {
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .click();
        harness.run_ok();
        harness
            .get_by_role_and_label(Role::TextInput, field)
            .type_text(value);
        harness.run_ok();
    }
    assert!(harness.query_by_label("2 of 6 shown").is_some());
    assert!(
        harness
            .query_by_label("Over 900 asylum seekers rescued off Indonesian coast")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("North Korea puts military in 'quasi-state of war'")
            .is_some()
    );
}

#[test]
fn ten_thousand_documents_are_sorted_once_not_every_frame() {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Many", schema);
    for i in 0..10_000 {
        project.add_document(Document {
            meta: DocumentMeta {
                outlet: Some(format!("Outlet {}", i % 7)),
                published: Some(format!("20{:02}-01-01", i % 25)),
                ..DocumentMeta::default()
            },
            ..Document::from_raw(
                DocId::new(format!("d{i}")).unwrap(),
                format!("Article {i}"),
                "Text.",
            )
        });
    }
    let wb = Workbench::from_project(project, PathBuf::from("/nonexistent"), "tester");
    let mut harness = harness(wb);
    click_button(&mut harness, "Outlet");
    let builds = harness.state().document_list_builds();
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(
        harness.state().document_list_builds(),
        builds,
        "frames without a change reuse the order"
    );
    click_button(&mut harness, "Outlet");
    assert_eq!(
        harness.state().document_list_builds(),
        builds + 1,
        "a new sort computes it once"
    );
    // Reversed: Outlet 6's articles come first, Outlet 0's are far below.
    assert!(harness.query_by_label("Outlet 0 · 2000-01-01").is_none());
    assert!(
        harness
            .query_all_by_label_contains("Outlet 6 · 20")
            .next()
            .is_some()
    );
}

// --- Document details ---------------------------------------------------------------------------

fn type_into(harness: &mut Harness<'_, GlossApp>, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.click();
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_ok();
}

#[test]
fn details_are_saved_only_when_valid_and_ctrl_z_takes_them_back() {
    let (temp, wb) = open_sample("tester");
    let dir = wb.dir().to_path_buf();
    let doc = wb.current_doc().unwrap().id.clone();
    let before = wb.current_doc().unwrap().meta.clone();
    let mut harness = harness(wb);
    click_button(&mut harness, "Details…");
    assert!(harness.query_by_label("Document details").is_some());

    type_into(&mut harness, "Published", "27.10.2022");
    assert!(
        harness
            .query_by_label_contains("is not an RFC 3339 date")
            .is_some(),
        "the problem is said under the field"
    );
    harness
        .get_by_role_and_label(Role::Button, "Save details")
        .click();
    harness.run_ok();
    assert_eq!(
        ui_support::wb(&harness)
            .project()
            .document(&doc)
            .unwrap()
            .meta,
        before,
        "nothing is saved while a field is invalid"
    );

    type_into(&mut harness, "Published", "2022-10-27");
    type_into(&mut harness, "Authors", "Jane Doe, John Roe");
    assert!(
        harness
            .query_by_label_contains("is not an RFC 3339")
            .is_none()
    );
    click_button(&mut harness, "Save details");
    let meta = &ui_support::wb(&harness)
        .project()
        .document(&doc)
        .unwrap()
        .meta;
    assert_eq!(meta.published.as_deref(), Some("2022-10-27"));
    assert_eq!(meta.author.as_deref(), Some("Jane Doe, John Roe"));
    assert_eq!(meta.outlet.as_deref(), Some("TRT World"), "untouched");
    assert!(harness.query_by_label("TRT World · 2022-10-27").is_some());

    // Written to disk like any edit.
    execute(&mut harness, Command::Save);
    wait_for_background(&mut harness);
    let saved = gloss::storage::load(&dir).unwrap();
    assert_eq!(
        saved.document(&doc).unwrap().meta.published.as_deref(),
        Some("2022-10-27")
    );

    // The Save button has the focus, not a text field: Ctrl+Z is the project's undo.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(
        ui_support::wb(&harness)
            .project()
            .document(&doc)
            .unwrap()
            .meta,
        before,
        "one undo step takes the whole change back"
    );
    drop(temp);
}

// --- What cleaning removed ----------------------------------------------------------------------

/// A new project with the sample article imported by `gloss import` (cleaned as it is), opened.
fn cleaned_sample() -> (TempDir, Workbench, PathBuf) {
    let temp = TempDir::new().unwrap();
    let dir = cli_support::new_project(&temp, "cleaned");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/kosovo-talks/documents/kosovo-serbia-brussels-talks.txt");
    let imported = cli_support::run(cli_support::gloss().arg("import").arg(&dir).arg(&sample));
    assert!(imported.success, "{}", imported.stderr);
    let mut wb = Workbench::open(&dir, "tester").unwrap();
    wb.set_clock(fixed_clock());
    (temp, wb, sample)
}

#[test]
fn a_removed_line_is_put_back_in_its_place_and_ctrl_z_removes_it_again() {
    let (_temp, wb, _) = cleaned_sample();
    let cleaned = wb.current_doc().unwrap().text.as_str().to_owned();
    let first = wb.current_doc().unwrap().removed[0].shown().to_owned();
    assert!(first.ends_with("/ Photo: AP"), "{first}");
    let mut harness = harness(wb);

    click(&mut harness, "Cleaned at import: 9 lines");
    assert_eq!(
        harness
            .query_all_by_label("a photo caption or credit, not article text")
            .count(),
        2,
        "both copies of the caption, each with why"
    );
    harness.get_all_by_label("Restore").next().unwrap().click();
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    let text = wb.current_doc().unwrap().text.as_str();
    assert!(
        text.contains("Belgrade has refused"),
        "the article is still there"
    );
    let at = text.find(&first).expect("the caption is back");
    assert!(
        text[..at].ends_with("\n\n") && text[at..].starts_with(&format!("{first}\n\n")),
        "back as its own paragraph"
    );
    assert_eq!(wb.current_doc().unwrap().removed.len(), 8);
    assert!(
        harness
            .query_by_label("Cleaned at import: 8 lines")
            .is_some()
    );
    // The article shows the new text: its tokens cover the caption.
    let span = find_span(wb, "Photo", 0);
    assert!(wb.tokens().contains(&span), "tokens redone");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    let wb = ui_support::wb(&harness);
    assert_eq!(wb.current_doc().unwrap().text.as_str(), cleaned);
    assert_eq!(wb.current_doc().unwrap().removed.len(), 9);
}

#[test]
fn restore_all_puts_every_line_back_and_is_saved() {
    let (_temp, wb, _) = cleaned_sample();
    let dir = wb.dir().to_path_buf();
    let removed: Vec<String> = wb
        .current_doc()
        .unwrap()
        .removed
        .iter()
        .map(|r| r.shown().to_owned())
        .collect();
    let mut harness = harness(wb);
    click(&mut harness, "Cleaned at import: 9 lines");
    click_button(&mut harness, "Restore all");
    let doc = ui_support::wb(&harness).current_doc().unwrap().clone();
    assert!(doc.removed.is_empty());
    for line in &removed {
        assert!(doc.text.as_str().contains(line.as_str()), "{line} is back");
    }
    assert!(
        harness
            .query_by_label_contains("Cleaned at import")
            .is_none(),
        "nothing left to review"
    );
    execute(&mut harness, Command::Save);
    wait_for_background(&mut harness);
    let saved = gloss::storage::load(&dir).unwrap();
    let saved = saved.document(&doc.id).unwrap();
    assert_eq!(saved.text, doc.text);
    assert!(saved.removed.is_empty());
}

#[test]
fn after_the_first_annotation_the_text_is_fixed() {
    let (_temp, wb, _) = cleaned_sample();
    let mut harness = harness(wb);
    let span = find_span(ui_support::wb(&harness), "Belgrade", 0);
    execute(&mut harness, Command::SelectSpan(span));
    execute(&mut harness, Command::Label("GPE".to_owned()));
    click(&mut harness, "Cleaned at import: 9 lines");
    assert!(
        harness
            .query_by_label_contains("The text is fixed")
            .is_some()
    );
    assert!(harness.query_by_label("Restore").is_none());
    assert!(harness.query_by_label("Restore all").is_none());
    let wb = harness.state_mut().workbench_mut().unwrap();
    let doc = wb.current_doc().unwrap().id.clone();
    let text = wb.current_doc().unwrap().text.clone();
    let refused = wb.execute(Command::RestoreRemoved { doc, index: None });
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("is fixed: it has annotations"),
    );
    assert_eq!(
        wb.current_doc().unwrap().text,
        text,
        "the offsets stay exact"
    );
}
