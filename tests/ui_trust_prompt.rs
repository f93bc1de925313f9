//! The window asks before a project's external recommender gets any document: opening a project
//! whose `project.ron` names a recommender URL shows "This project wants to send its documents to
//! http://…" with "Allow for this project" and "Not now". Allowing is remembered in the user's
//! config folder and the recommender is asked; "Not now" sends nothing and stops asking.
#![allow(clippy::unwrap_used)]

mod http_support;
mod ui_support;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gloss::workbench::trust::{TRUST_FILE, TrustStore};
use gloss::workbench::{RecommenderTrust, Workbench};
use http_support::{Server, always, serve};
use tempfile::TempDir;
use ui_support::{harness, sample_copy, wb};

/// The sample project naming a counting test server as its recommender, opened as `amira` with a
/// trust file in a temp folder.
fn project_with_recommender() -> (TempDir, TempDir, Server, Workbench) {
    let server = serve(20, always(serde_json::json!({"suggestions": []})));
    let (temp, dir) = sample_copy();
    let path = dir.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "settings: (",
        &format!(
            "settings: (\n        recommender_url: Some(\"{}\"),",
            server.url
        ),
        1,
    );
    std::fs::write(&path, text).unwrap();
    let config = TempDir::new().unwrap();
    let mut wb = Workbench::open(&dir, "amira").unwrap();
    wb.set_trust_store(TrustStore::in_dir(config.path()));
    (temp, config, server, wb)
}

fn prompt_text(url: &str) -> String {
    format!("This project wants to send its documents to {url} for suggestions.")
}

#[test]
fn the_window_asks_before_sending_documents_and_allow_is_remembered_outside_the_project() {
    let (_project, config, server, workbench) = project_with_recommender();
    let mut harness = harness(workbench);
    harness.get_by_label(&prompt_text(&server.url));
    assert_eq!(server.requests(), 0, "nothing sent while the window asks");

    harness
        .get_by_role_and_label(Role::Button, "Allow for this project")
        .click();
    harness.run_ok();
    assert!(matches!(
        wb(&harness).recommender_trust(),
        RecommenderTrust::Trusted { .. }
    ));
    assert!(harness.query_by_label(&prompt_text(&server.url)).is_none());
    let kept = std::fs::read_to_string(config.path().join(TRUST_FILE)).unwrap();
    assert!(kept.contains(&server.url), "{kept}");
    // The window asks the recommender now, off the UI thread. Window tests queue background work,
    // so the test says when it starts, then waits for its answer.
    let wb = harness.state_mut().workbench_mut().unwrap();
    wb.start_background_suggestions();
    assert!(wb.wait_for_background_suggestions(std::time::Duration::from_secs(30)));
    assert!(server.requests() > 0, "the recommender was asked");
}

#[test]
fn not_now_closes_the_prompt_and_sends_nothing() {
    let (_project, config, server, workbench) = project_with_recommender();
    let mut harness = harness(workbench);
    harness
        .get_by_role_and_label(Role::Button, "Not now")
        .click();
    harness.run_ok();
    assert!(harness.query_by_label(&prompt_text(&server.url)).is_none());
    assert!(matches!(
        wb(&harness).recommender_trust(),
        RecommenderTrust::Declined { .. }
    ));
    ui_support::wait_for_background(&mut harness);
    assert_eq!(server.requests(), 0);
    assert!(!config.path().join(TRUST_FILE).exists());
}
