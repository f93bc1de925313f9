//! A project names the external recommender its documents go to, in its own `project.ron`: whoever
//! made the project chose that address, not the analyst who opens it. Nothing is sent there (no
//! `/predict`, no `/train`) until the analyst trusts that URL for that project; the trust is kept in
//! the analyst's config folder, never in the project, and a changed URL is asked about again.
//! A real HTTP server on 127.0.0.1 counts the requests.
#![allow(clippy::unwrap_used)]

mod http_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gloss::workbench::trust::{TRUST_FILE, TrustStore};
use gloss::workbench::{Command, RecommenderTrust, Workbench};
use http_support::{Server, always, serve};
use tempfile::TempDir;

/// A copy of the sample project whose `project.ron` names `url` as its recommender, and a config
/// folder of its own for the trust file.
struct Setup {
    _temp: TempDir,
    project: PathBuf,
    config: PathBuf,
}

fn setup(url: &str) -> Setup {
    let temp = TempDir::new().unwrap();
    let project = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &project,
    );
    name_recommender(&project, url);
    let config = temp.path().join("config");
    Setup {
        _temp: temp,
        project,
        config,
    }
}

/// Writes `url` into the project's settings, as a hand-edited `project.ron` would have it.
fn name_recommender(project: &Path, url: &str) {
    let path = project.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = match text.find("recommender_url:") {
        Some(_) => {
            let start = text.find("recommender_url:").unwrap();
            let end = start + text[start..].find('\n').unwrap();
            format!(
                "{}recommender_url: Some(\"{url}\"),{}",
                &text[..start],
                &text[end..]
            )
        }
        None => text.replacen(
            "settings: (",
            &format!("settings: (\n        recommender_url: Some(\"{url}\"),"),
            1,
        ),
    };
    std::fs::write(&path, text).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".gloss.lock") {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Opens the project as `amira` (who has annotations, so the tagger trains and `/train` would be
/// sent too) with the setup's trust file.
fn open(setup: &Setup) -> Workbench {
    let mut wb = Workbench::open(&setup.project, "amira").unwrap();
    wb.set_trust_store(TrustStore::in_dir(&setup.config));
    wb
}

/// Lets the workbench start its background work and waits until it is all done, so that every
/// request it was going to make has been made.
fn settle(wb: &mut Workbench) {
    wb.tick(Instant::now());
    for _ in 0..60 {
        if !wb.suggestion_state().working() {
            break;
        }
        wb.wait_for_background_suggestions(Duration::from_secs(1));
    }
    assert!(!wb.suggestion_state().working(), "the worker finished");
    wb.tick(Instant::now());
}

/// A recommender that suggests nothing and accepts training.
fn recommender() -> Server {
    serve(20, always(serde_json::json!({"suggestions": []})))
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn opening_an_untrusted_project_sends_its_recommender_nothing() {
    let server = recommender();
    let setup = setup(&server.url);
    let mut wb = open(&setup);
    settle(&mut wb);
    assert!(
        !wb.suggestions().is_empty(),
        "the built-in recommenders still suggest"
    );
    assert_eq!(server.requests(), 0, "no document left the machine");
    assert_eq!(
        wb.recommender_trust(),
        &RecommenderTrust::Untrusted {
            url: server.url.clone()
        }
    );
    let message = wb.recommender_trust().message().unwrap();
    assert_eq!(
        message,
        format!(
            "this project wants to send its documents to {}; nothing is sent until you trust it \
             for this project",
            server.url
        )
    );
}

#[test]
fn after_trusting_the_recommender_gets_the_document_and_the_annotations() {
    let server = recommender();
    let setup = setup(&server.url);
    let mut wb = open(&setup);
    settle(&mut wb);
    assert_eq!(server.requests(), 0);
    wb.execute(Command::TrustRecommender {
        url: server.url.clone(),
    })
    .unwrap();
    settle(&mut wb);
    // `/predict` for the shown document and `/train` with amira's annotations.
    assert_eq!(server.requests(), 2);
    assert_eq!(wb.suggestion_state().external_error(), None);
    assert!(matches!(
        wb.recommender_trust(),
        RecommenderTrust::Trusted { .. }
    ));
}

#[test]
fn trust_is_kept_in_the_users_config_folder_not_in_the_project() {
    let server = recommender();
    let setup = setup(&server.url);
    let project_files = files_under(&setup.project);
    let mut wb = open(&setup);
    wb.execute(Command::TrustRecommender {
        url: server.url.clone(),
    })
    .unwrap();
    drop(wb);
    let kept = std::fs::read_to_string(setup.config.join(TRUST_FILE)).unwrap();
    assert!(kept.contains(&server.url), "{kept}");
    let canonical = std::fs::canonicalize(&setup.project).unwrap();
    assert!(kept.contains(canonical.to_str().unwrap()), "{kept}");
    assert_eq!(
        files_under(&setup.project),
        project_files,
        "nothing new in the project"
    );

    // Opened again, the project is trusted without asking.
    let mut wb = open(&setup);
    assert!(!wb.recommender_trust().asks());
    settle(&mut wb);
    assert!(server.requests() >= 1);
}

#[test]
fn a_project_that_changes_its_recommender_url_is_asked_about_again() {
    let first = recommender();
    let setup = setup(&first.url);
    let mut wb = open(&setup);
    wb.execute(Command::TrustRecommender {
        url: first.url.clone(),
    })
    .unwrap();
    drop(wb);
    let second = recommender();
    name_recommender(&setup.project, &second.url);
    let mut wb = open(&setup);
    assert_eq!(
        wb.recommender_trust(),
        &RecommenderTrust::Untrusted {
            url: second.url.clone()
        }
    );
    settle(&mut wb);
    assert_eq!((first.requests(), second.requests()), (0, 0));
}

#[test]
fn a_copy_of_a_trusted_project_in_another_folder_is_not_trusted() {
    let server = recommender();
    let setup = setup(&server.url);
    let mut wb = open(&setup);
    wb.execute(Command::TrustRecommender {
        url: server.url.clone(),
    })
    .unwrap();
    drop(wb);
    let copy = setup.project.with_file_name("copy");
    copy_dir(&setup.project, &copy);
    let mut wb = Workbench::open(&copy, "amira").unwrap();
    wb.set_trust_store(TrustStore::in_dir(&setup.config));
    assert!(wb.recommender_trust().asks());
}

#[test]
fn not_now_sends_nothing_and_stops_asking() {
    let server = recommender();
    let setup = setup(&server.url);
    let mut wb = open(&setup);
    wb.execute(Command::DeclineRecommender).unwrap();
    settle(&mut wb);
    assert_eq!(server.requests(), 0);
    assert!(!wb.recommender_trust().asks());
    assert!(!setup.config.join(TRUST_FILE).exists());
}

#[test]
fn trusting_a_url_the_project_does_not_name_is_refused() {
    let server = recommender();
    let setup = setup(&server.url);
    let mut wb = open(&setup);
    let error = wb
        .execute(Command::TrustRecommender {
            url: "http://127.0.0.1:1".to_owned(),
        })
        .unwrap_err()
        .to_string();
    assert!(error.contains("http://127.0.0.1:1"), "{error}");
    assert!(wb.recommender_trust().asks());
    assert!(!setup.config.join(TRUST_FILE).exists());
}
