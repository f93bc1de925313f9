//! `gloss train` on a temporary copy of the sample project: the held-out table it prints, the model
//! file it writes, continuing from the shipped news model, and a project's `ner_model` setting
//! (used by `gloss suggest`, refused outside the project folder, reported when not a model).
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::gloss;

/// A temporary copy of the sample fixture.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let dir = cli_support::sample_copy(&temp);
    (temp, dir)
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Names `relative` as the project's model in project.ron.
fn name_model(dir: &Path, relative: &str) {
    let path = dir.join("project.ron");
    let ron = std::fs::read_to_string(&path).unwrap();
    let named = ron.replacen(
        "    settings: (\n",
        &format!("    settings: (\n        ner_model: Some({relative:?}),\n"),
        1,
    );
    assert_ne!(named, ron, "project.ron should have a settings block");
    std::fs::write(&path, named).unwrap();
}

/// A news project of `n` small annotated documents (PERSON and GPE), made with the CLI.
fn small_project(temp: &Path, name: &str, n: usize) -> PathBuf {
    let places = [
        "Brussels", "Belgrade", "Pristina", "Skopje", "Tirana", "Berlin",
    ];
    project_of(temp, name, n, &places, "GPE")
}

/// A news project of `n` small documents: a person travels to one of `places`, labelled
/// `place_label`.
fn project_of(temp: &Path, name: &str, n: usize, places: &[&str], place_label: &str) -> PathBuf {
    let dir = temp.join(name);
    let status = gloss()
        .arg("new")
        .arg(&dir)
        .args(["--preset", "news"])
        .output()
        .unwrap();
    assert!(status.status.success());
    let people = [
        "Albin Kurti",
        "Aleksandar Vucic",
        "Josep Borrell",
        "Ursula Gertrud",
        "Miroslav Lajcak",
        "Olaf Scholz",
    ];
    let mut jsonl = String::new();
    for i in 0..n {
        let (person, place) = (people[i % people.len()], places[(i + 1) % places.len()]);
        let text = format!("On day {i}, {person} travelled to {place} for talks.");
        let start = text.find(person).unwrap();
        let at = text.find(place).unwrap();
        jsonl.push_str(
            &serde_json::json!({
                "text": text,
                "spans": [
                    {"start": start, "end": start + person.len(), "label": "PERSON"},
                    {"start": at, "end": at + place.len(), "label": place_label},
                ],
            })
            .to_string(),
        );
        jsonl.push('\n');
    }
    let file = temp.join(format!("{name}.jsonl"));
    std::fs::write(&file, jsonl).unwrap();
    let status = gloss()
        .arg("import")
        .arg(&dir)
        .arg(&file)
        .args(["--format", "jsonl", "--layer", "gold"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", stderr(&status));
    dir
}

#[test]
fn train_prints_held_out_scores_per_label_and_writes_a_model_file() {
    let temp = tempfile::tempdir().unwrap();
    let dir = small_project(temp.path(), "talks", 10);
    let out = dir.join("models/talks.model");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let output = gloss()
        .arg("train")
        .arg(&dir)
        .args(["--layer", "gold", "--epochs", "3", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("trained on 10 documents of layer gold"),
        "{printed}"
    );
    assert!(
        printed.contains("held out: 2 documents (exact match)"),
        "{printed}"
    );
    assert!(
        printed.contains("label      precision    recall        F1"),
        "{printed}"
    );
    for label in ["PERSON", "GPE", "all"] {
        assert!(
            printed.lines().any(|l| l.starts_with(label)),
            "{label} row in {printed}"
        );
    }
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"GLOSSNER"), "a Gloss model file");
}

#[test]
fn train_scores_on_another_project_when_told_to() {
    let temp = tempfile::tempdir().unwrap();
    let train = small_project(temp.path(), "train", 6);
    let test = small_project(temp.path(), "test", 3);
    let output = gloss()
        .arg("train")
        .arg(&train)
        .args(["--layer", "gold", "--epochs", "3", "--test"])
        .arg(&test)
        .arg("--out")
        .arg(temp.path().join("m.model"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(printed.contains("trained on 6 documents"), "{printed}");
    assert!(printed.contains("held out: 3 documents"), "{printed}");
}

#[test]
fn train_from_the_news_model_keeps_its_labels_and_adds_the_layers() {
    let (_temp, dir) = sample_copy();
    let out = dir.join("amira.model");
    let output = gloss()
        .arg("train")
        .arg(&dir)
        .args([
            "--layer", "amira", "--base", "news", "--epochs", "2", "--json", "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let labels: Vec<&str> = report["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    // The news model's labels and the layer's (DATE, NORP).
    for label in ["LOC", "DATE", "NORP", "PERSON"] {
        assert!(labels.contains(&label), "{label} in {labels:?}");
    }
    assert_eq!(report["base"], "news");
}

#[test]
fn an_unknown_base_model_is_refused_and_nothing_is_written() {
    let (_temp, dir) = sample_copy();
    let out = dir.join("x.model");
    let output = gloss()
        .arg("train")
        .arg(&dir)
        .args(["--layer", "amira", "--base", "legal", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--base \"legal\": the only shipped model is \"news\""),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

/// The baseline's entity suggestions (text, label) for the project, by `gloss suggest`.
fn baseline_entities(dir: &Path) -> Vec<(String, String)> {
    let output = gloss()
        .arg("suggest")
        .arg(dir)
        .args(["--recommender", "baseline", "--layer", "fresh"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["kind"] == "entity")
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_owned(),
                v["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn suggest_uses_the_model_the_project_names() {
    let temp = tempfile::tempdir().unwrap();
    // Made-up places that this project calls LOC, where the news model would say GPE.
    let places = [
        "Zorvania", "Kelmaro", "Pontrevi", "Ustrava", "Melkord", "Dravinsk",
    ];
    let dir = project_of(temp.path(), "talks", 12, &places, "LOC");
    let output = gloss()
        .arg("train")
        .arg(&dir)
        .args(["--layer", "gold", "--epochs", "3", "--out"])
        .arg(dir.join("own.model"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let with_news = baseline_entities(&dir);
    name_model(&dir, "own.model");
    let with_own = baseline_entities(&dir);
    let places_as_loc = |found: &[(String, String)]| {
        found
            .iter()
            .filter(|(text, label)| places.contains(&text.as_str()) && label == "LOC")
            .count()
    };
    assert_eq!(places_as_loc(&with_own), 12, "{with_own:?}");
    assert!(places_as_loc(&with_news) < 12, "{with_news:?}");
}

#[test]
fn a_project_model_outside_the_project_folder_is_refused() {
    let (_temp, dir) = sample_copy();
    name_model(&dir, "../elsewhere.model");
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "baseline"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("expected a path inside the project folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_project_model_that_is_not_a_model_names_the_file() {
    let (_temp, dir) = sample_copy();
    std::fs::write(dir.join("notes.model"), "just some notes").unwrap();
    name_model(&dir, "notes.model");
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "baseline"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("notes.model"), "{err}");
    assert!(err.contains("not a Gloss tagger model"), "{err}");
}

/// The window's suggestions come from the project's own model too: with every other recommender
/// off, the places this project calls LOC are suggested as LOC.
#[test]
fn the_window_suggests_with_the_model_the_project_names() {
    use gloss::workbench::{Command as Do, Workbench};
    let temp = tempfile::tempdir().unwrap();
    let places = [
        "Zorvania", "Kelmaro", "Pontrevi", "Ustrava", "Melkord", "Dravinsk",
    ];
    let dir = project_of(temp.path(), "talks", 12, &places, "LOC");
    let output = gloss()
        .arg("train")
        .arg(&dir)
        .args(["--layer", "gold", "--epochs", "3", "--out"])
        .arg(dir.join("own.model"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    name_model(&dir, "own.model");

    let mut wb = Workbench::open(&dir, "fresh").unwrap();
    assert_eq!(wb.take_suggestion_message(), None);
    let others: Vec<String> = wb
        .suggestion_state()
        .recommenders()
        .names()
        .into_iter()
        .filter(|name| name != "baseline")
        .collect();
    for name in others {
        wb.execute(Do::SetRecommenderEnabled {
            name,
            enabled: false,
        })
        .unwrap();
    }
    let docs: Vec<_> = wb
        .project()
        .documents()
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let mut as_loc = 0;
    for doc in docs {
        wb.execute(Do::SelectDocument(doc)).unwrap();
        let text = wb.current_doc().unwrap().text.clone();
        as_loc += wb
            .suggestions()
            .iter()
            .filter(|s| match &s.kind {
                gloss::suggest::SuggestionKind::Entity { span, label } => {
                    label == "LOC" && text.slice(*span).is_some_and(|t| places.contains(&t))
                }
                _ => false,
            })
            .count();
    }
    assert_eq!(as_loc, 12);
}

#[test]
fn a_window_on_a_project_whose_model_is_unreadable_says_so_and_uses_the_news_model() {
    let (_temp, dir) = sample_copy();
    std::fs::write(dir.join("notes.model"), "just some notes").unwrap();
    name_model(&dir, "notes.model");
    let mut wb = gloss::workbench::Workbench::open(&dir, "fresh").unwrap();
    let message = wb.take_suggestion_message().unwrap_or_default();
    assert!(
        message.contains("notes.model") && message.contains("shipped news model"),
        "{message}"
    );
    assert!(!wb.suggestions().is_empty(), "the baseline still suggests");
}

#[cfg(unix)]
#[test]
fn a_project_model_behind_a_symbolic_link_is_not_read() {
    let (temp, dir) = sample_copy();
    let outside = temp.path().join("outside.model");
    std::fs::write(&outside, "whatever").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("linked.model")).unwrap();
    name_model(&dir, "linked.model");
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "baseline"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
}
