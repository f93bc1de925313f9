//! `gloss suggest` and `gloss eval` on a temporary copy of the sample project.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gloss::model::{Annotation, DocId, LayerKey, LayerName, Source};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/kosovo-talks"),
        &dir,
    );
    (temp, dir)
}

fn gloss() -> Command {
    Command::cargo_bin("gloss").unwrap()
}

fn lines(output: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(output.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn suggest_prints_one_json_object_per_suggestion_in_the_documented_shapes() {
    let (_temp, dir) = sample_copy();
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let all = lines(&output);
    let entity = all.iter().find(|l| l["kind"] == "entity").unwrap();
    assert_eq!(
        keys(entity),
        [
            "doc",
            "end",
            "kind",
            "label",
            "recommender",
            "score",
            "start",
            "text"
        ]
    );
    let event = all.iter().find(|l| l["kind"] == "event").unwrap();
    assert_eq!(
        keys(event),
        [
            "arguments",
            "doc",
            "end",
            "kind",
            "label",
            "recommender",
            "score",
            "start",
            "text"
        ]
    );
    // "…,'' he said.": the speaker is the earlier "Vucic", the pronoun is kept beside it.
    let quote = all
        .iter()
        .find(|l| l["kind"] == "quote" && l["text"].as_str().unwrap().starts_with("We want peace"))
        .unwrap();
    assert_eq!(
        keys(quote),
        [
            "cue",
            "doc",
            "end",
            "kind",
            "quote_kind",
            "recommender",
            "score",
            "speaker",
            "start",
            "text"
        ]
    );
    assert_eq!(quote["doc"], "kosovo-serbia-brussels-talks");
    assert_eq!(
        (quote["start"].as_u64(), quote["end"].as_u64()),
        (Some(871), Some(960))
    );
    assert_eq!(quote["cue"]["text"], "said");
    assert_eq!(quote["speaker"]["text"], "Vucic");
    assert_eq!(quote["speaker"]["resolved_by"], "pronoun");
    assert_eq!(quote["speaker"]["pronoun"]["text"], "he");
    assert_eq!(quote["quote_kind"], "direct");
}

#[test]
fn suggest_can_be_limited_to_one_recommender_and_one_document() {
    let (_temp, dir) = sample_copy();
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .args([
            "--doc",
            "kosovo-serbia-brussels-talks",
            "--recommender",
            "quotes",
            "--format",
            "jsonl",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let all = lines(&output);
    assert!(!all.is_empty());
    assert!(
        all.iter()
            .all(|l| l["kind"] == "quote" && l["recommender"] == "quotes")
    );
}

#[test]
fn unknown_recommenders_documents_and_formats_are_one_line_errors() {
    let (_temp, dir) = sample_copy();
    let assert = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "oracle"])
        .assert()
        .failure();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "error: --recommender \"oracle\": expected one of baseline, string-matcher, tagger, quotes, events\n"
    );
    let assert = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--doc", "nope"])
        .assert()
        .failure();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("error: --doc \"nope\": no such document in"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--format", "xml"])
        .assert()
        .failure();
}

#[test]
fn apply_writes_accepted_suggestions_into_a_layer_that_checks_clean() {
    let (_temp, dir) = sample_copy();
    let assert = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--apply", "--layer", "pre"])
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("added "), "{stdout}");
    assert!(
        stdout.contains("to layer pre in 1 of 1 document"),
        "{stdout}"
    );
    gloss().arg("check").arg(&dir).assert().success();
    let project = gloss::storage::load(&dir).unwrap();
    let key = LayerKey::new(
        DocId::new("kosovo-serbia-brussels-talks").unwrap(),
        LayerName::new("pre").unwrap(),
    );
    let layer = project.layer(&key).unwrap();
    assert!(layer.iter().any(|a| matches!(a, Annotation::Quote(_))));
    assert!(
        layer
            .iter()
            .all(|a| matches!(a.provenance().source, Source::Suggestion { .. }))
    );
    assert!(project.annotators.iter().any(|a| a == "pre"));
    // A second run suggests nothing new for what the layer already has.
    let output = gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--layer", "pre", "--recommender", "baseline"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(lines(&output).is_empty());
}

#[test]
fn apply_needs_a_layer() {
    let (_temp, dir) = sample_copy();
    gloss()
        .arg("suggest")
        .arg(&dir)
        .arg("--apply")
        .assert()
        .failure()
        .code(2);
}

#[test]
fn eval_scores_each_recommender_against_the_gold_layer() {
    let (_temp, dir) = sample_copy();
    let output = gloss()
        .arg("eval")
        .arg(&dir)
        .args(["--gold", "amira", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let sources: Vec<&str> = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["baseline", "string-matcher", "tagger", "quotes", "events"]
    );
    let person = &report["results"][0]["evaluation"]["entities_exact"]["labels"]["PERSON"];
    assert!(person["tp"].as_u64().unwrap() >= 14, "{person}");
    let speakers = &report["results"][3]["evaluation"]["speakers"];
    assert_eq!(speakers["correct"], speakers["total"]);
    let arguments = &report["results"][4]["evaluation"]["arguments"];
    assert!(arguments["total"].as_u64().unwrap() > 0);
}

#[test]
fn eval_compares_another_layer_and_prints_a_table() {
    let (_temp, dir) = sample_copy();
    let assert = gloss()
        .arg("eval")
        .arg(&dir)
        .args(["--gold", "amira", "--layer", "bruno"])
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with("against layer amira on 1 document\n"),
        "{stdout}"
    );
    assert!(stdout.contains("layer:bruno  entity PERSON"), "{stdout}");
    assert!(stdout.contains("speaker 4/5"), "{stdout}");
    let assert = gloss()
        .arg("eval")
        .arg(&dir)
        .args(["--gold", "nobody"])
        .assert()
        .failure();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(
        stderr.starts_with("error: --gold nobody: no layer of that name in"),
        "{stderr}"
    );
}
