//! `gloss assign` (issue 13, item 3): the curator assigns documents to annotators, evenly, with a
//! fixed overlap, the same every time for a seed; and names the curators. Saved in `project.ron`.
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::path::PathBuf;

use cli_support::{gloss, new_project, one_line_error, run, snapshot};
use tempfile::TempDir;

/// A project of six short articles, imported as a user would.
fn six_articles(temp: &TempDir) -> PathBuf {
    let dir = new_project(temp, "team");
    let inputs = temp.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    for (file, title) in [
        ("talks.txt", "Talks in Brussels"),
        ("border.txt", "Border reopens"),
        ("summit.txt", "Summit in Paris"),
        ("asylum-rescue.txt", "Asylum seekers rescued"),
        ("court.txt", "Court rules on worship"),
        ("asylum-questionnaire.txt", "Asylum questionnaire"),
    ] {
        std::fs::write(
            inputs.join(file),
            format!("{title}\n\nКурти и Вучић met in Brussels.\n"),
        )
        .unwrap();
    }
    let done = run(gloss().arg("import").arg(&dir).arg(&inputs));
    assert!(done.success, "{}", done.stderr);
    dir
}

#[test]
fn three_annotators_two_per_document_share_the_work_evenly() {
    let temp = TempDir::new().unwrap();
    let dir = six_articles(&temp);
    let done = run(gloss().arg("assign").arg(&dir).args([
        "--annotators",
        "amira,bruno,chen",
        "--per-doc",
        "2",
        "--seed",
        "7",
    ]));
    assert!(done.success, "{}", done.stderr);
    assert_eq!(
        done.stdout,
        format!(
            "asylum-questionnaire: bruno, chen\n\
             asylum-rescue: amira, bruno\n\
             border: amira, bruno\n\
             court: bruno, chen\n\
             summit: chen, amira\n\
             talks: chen, amira\n\
             amira: 4 documents\n\
             bruno: 4 documents\n\
             chen: 4 documents\n\
             saved {}\n",
            dir.join("project.ron").display()
        )
    );
    // The same seed, the same assignment; the project still checks.
    let again = run(gloss().arg("assign").arg(&dir).args([
        "--annotators",
        "amira,bruno,chen",
        "--per-doc",
        "2",
        "--seed",
        "7",
    ]));
    assert_eq!(again.stdout, done.stdout);
    let project = std::fs::read_to_string(dir.join("project.ron")).unwrap();
    assert!(project.contains(
        "    assignments: {\n        \"asylum-questionnaire\": [\n            \"bruno\",\n            \"chen\",\n        ],"
    ), "{project}");
    assert!(run(gloss().arg("check").arg(&dir)).success);
}

#[test]
fn a_glob_assigns_some_documents_and_leaves_the_others() {
    let temp = TempDir::new().unwrap();
    let dir = six_articles(&temp);
    let first = run(gloss().arg("assign").arg(&dir).args([
        "--annotators",
        "amira,bruno",
        "--per-doc",
        "2",
    ]));
    assert!(first.success, "{}", first.stderr);
    let done = run(gloss().arg("assign").arg(&dir).args([
        "--annotators",
        "chen",
        "--docs",
        "*asylum*",
        "--curators",
        "carla",
    ]));
    assert!(done.success, "{}", done.stderr);
    assert_eq!(
        done.stdout,
        format!(
            "asylum-questionnaire: chen\n\
             asylum-rescue: chen\n\
             amira: 4 documents\n\
             bruno: 4 documents\n\
             chen: 2 documents\n\
             curators: carla\n\
             saved {}\n",
            dir.join("project.ron").display()
        )
    );
}

#[test]
fn an_assignment_that_cannot_be_met_changes_nothing() {
    let temp = TempDir::new().unwrap();
    let dir = six_articles(&temp);
    let before = snapshot(&dir);
    for (args, expected) in [
        (
            vec!["--annotators", "amira,bruno", "--per-doc", "3"],
            "error: --per-doc 3 cannot be met by 2 annotators: expected 1 to 2",
        ),
        (
            vec!["--annotators", "amira,amira"],
            "error: --annotators names someone twice: expected each annotator once",
        ),
        (
            vec!["--annotators", "amira", "--docs", "zzz*"],
            "no document id matches \"zzz*\"",
        ),
        (
            vec!["--annotators", "../x"],
            "error: \"../x\" cannot be an annotator's name",
        ),
    ] {
        let done = run(gloss().arg("assign").arg(&dir).args(&args));
        let line = one_line_error(&done);
        assert!(line.contains(expected), "{args:?}: {line}");
    }
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn an_assignment_naming_a_document_not_in_the_index_is_refused_at_load() {
    let temp = TempDir::new().unwrap();
    let dir = six_articles(&temp);
    let path = dir.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "    settings:",
        "    assignments: {\"no-such-doc\": [\"amira\"]},\n    settings:",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let done = run(gloss().arg("check").arg(&dir));
    assert!(!done.success);
    let all = format!("{}{}", done.stdout, done.stderr);
    assert!(
        all.contains("project.ron:") && all.contains("assignments name document \"no-such-doc\""),
        "{all}"
    );
}
