//! File ▸ Import web pages…: URLs typed into a dialog are fetched in the background (a job, never
//! the UI thread) from a server on 127.0.0.1, and the articles arrive as documents with their
//! source shown in the document list (issue 12).
#![allow(clippy::unwrap_used)]

mod http_support;
mod ui_support;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use http_support::{PageAnswer, serve_pages};
use ui_support::*;

#[test]
fn urls_typed_into_the_dialog_are_fetched_in_the_background_and_become_documents() {
    let page = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            // Not the sample's own story: that page would be a near-duplicate of its article.
            .join("tests/data/web/trt-greek-court-ancient-deities.html"),
    )
    .unwrap();
    let server = serve_pages(2, move |path, _| -> PageAnswer {
        match path {
            "/greek-court" => Some((
                200,
                vec![("Content-Type".to_owned(), "text/html".to_owned())],
                page.clone(),
            )),
            _ => Some((404, Vec::new(), Vec::new())),
        }
    });
    let (_temp, wb) = open_sample("tester");
    let before = wb.project().documents().len();
    let mut harness = harness(wb);

    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import web pages…").click();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Page URLs, one a line")
        .click();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Page URLs, one a line")
        .type_text(&format!("{0}/greek-court\n{0}/gone", server.url));
    harness.run_ok();
    click_button(&mut harness, "Fetch and import");
    assert_eq!(
        ui_support::wb(&harness).project().documents().len(),
        before,
        "nothing arrives before the background job has run"
    );

    wait_for_background(&mut harness);
    let wb = ui_support::wb(&harness);
    assert_eq!(wb.project().documents().len(), before + 1);
    let added = wb.project().documents().last().unwrap();
    assert!(
        added.title.starts_with("Greek court rules"),
        "{}",
        added.title
    );
    assert_eq!(added.meta.outlet.as_deref(), Some("TRT World"));
    assert!(added.meta.retrieved.is_some());
    // The failed URL is said; the other was imported.
    assert!(
        harness
            .query_by_label_contains("the server answered 404")
            .is_some(),
        "the warning about the failed URL is shown"
    );
}
