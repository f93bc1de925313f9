//! `gloss suggest` and `gloss eval` on a temporary copy of the sample project: what they print, what
//! `--apply` writes, that a recommender URL from the project is asked only when trusted, and that a
//! closed stdout (`| head`) ends a command quietly with status 0.
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
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
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
            "rule",
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
            "rule",
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
            "rule",
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

/// Names `url` as the project's external recommender, with a short timeout.
fn name_recommender(dir: &Path, url: &str) {
    let file = dir.join("project.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "recommender_timeout_ms: 5000,",
        &format!("recommender_url: Some({url:?}),\n        recommender_timeout_ms: 300,"),
    );
    assert!(
        text.contains("recommender_url"),
        "the sample's settings changed"
    );
    std::fs::write(file, text).unwrap();
}

/// Whether anyone connected to `listener` (it holds connections the kernel accepted for it).
fn was_contacted(listener: &std::net::TcpListener) -> bool {
    listener.set_nonblocking(true).unwrap();
    listener.accept().is_ok()
}

#[test]
fn an_untrusted_recommender_url_from_the_project_is_never_contacted() {
    let (_temp, dir) = sample_copy();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/predict", listener.local_addr().unwrap());
    name_recommender(&dir, &url);
    let config = _temp.path().join("config");
    for command in [
        vec!["suggest"],
        vec!["suggest", "--apply", "--layer", "pre"],
        vec!["eval", "--gold", "amira"],
    ] {
        let output = gloss()
            .env("GLOSS_CONFIG_DIR", &config)
            .arg(command[0])
            .arg(&dir)
            .args(&command[1..])
            .output()
            .unwrap();
        assert!(output.status.success(), "{command:?}: {output:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let notices: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("external recommender"))
            .collect();
        assert_eq!(notices.len(), 1, "{command:?}: {stderr}");
        assert!(
            notices[0].starts_with("warning: skipped the external recommender http://127.0.0.1:")
                && notices[0].contains("--trust-recommender"),
            "{command:?}: {stderr}"
        );
        assert!(!was_contacted(&listener), "{command:?} sent the text");
    }
    let asked = gloss()
        .env("GLOSS_CONFIG_DIR", &config)
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "external"])
        .output()
        .unwrap();
    assert!(!asked.status.success());
    let stderr = String::from_utf8(asked.stderr).unwrap();
    assert!(stderr.contains("not trusted"), "{stderr}");
    assert!(!was_contacted(&listener));
}

#[test]
fn a_trusted_recommender_url_is_asked_and_the_trust_is_remembered() {
    let (temp, dir) = sample_copy();
    let config = temp.path().join("config");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/predict", listener.local_addr().unwrap());
    name_recommender(&dir, &url);
    // Nobody answers: the request times out after 300 ms and is reported as a warning.
    let output = gloss()
        .env("GLOSS_CONFIG_DIR", &config)
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "external", "--trust-recommender"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(was_contacted(&listener));
    assert!(
        config.join(gloss::workbench::trust::TRUST_FILE).is_file(),
        "the trust was not written to the user's trust file"
    );

    // The next run, without the flag, still asks it: the user trusted it once for this project.
    let again = gloss()
        .env("GLOSS_CONFIG_DIR", &config)
        .arg("eval")
        .arg(&dir)
        .args(["--gold", "amira"])
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
    let stderr = String::from_utf8(again.stderr).unwrap();
    assert!(
        !stderr.contains("skipped the external recommender"),
        "{stderr}"
    );
    assert!(
        was_contacted(&listener),
        "eval did not ask the trusted recommender"
    );
}

/// Runs `gloss ARGS` with a stdout whose reader is already gone, as in `gloss … | head` after
/// head has exited.
fn run_into_a_closed_pipe(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"));
    command.args(args).stdout(writer);
    command.output().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_printing_command_quietly() {
    let (_temp, dir) = sample_copy();
    let dir = dir.as_os_str();
    let commands: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["suggest".as_ref(), dir],
        vec!["check".as_ref(), dir],
        vec!["stats".as_ref(), dir],
        vec!["stats".as_ref(), dir, "--json".as_ref()],
        vec!["agree".as_ref(), dir],
        vec!["eval".as_ref(), dir, "--gold".as_ref(), "amira".as_ref()],
        vec!["--help".as_ref()],
    ];
    for args in commands {
        let output = run_into_a_closed_pipe(&args);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn asking_for_the_external_recommender_of_a_project_without_one_says_how_to_name_one() {
    let (temp, dir) = sample_copy();
    let output = gloss()
        .env("GLOSS_CONFIG_DIR", temp.path().join("config"))
        .arg("suggest")
        .arg(&dir)
        .args(["--recommender", "external"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("names no external recommender")
            && stderr.contains("recommender_url: Some(")
            && stderr.contains(&dir.join("project.ron").display().to_string()),
        "{stderr}"
    );
}

#[test]
fn apply_on_twenty_real_news_articles_leaves_a_project_that_checks_clean() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("news");
    gloss()
        .arg("new")
        .arg(&dir)
        .args(["--preset", "news"])
        .assert()
        .success();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/quotes");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 20, "{texts:?}");
    gloss()
        .arg("import")
        .arg(&dir)
        .args(&texts)
        .assert()
        .success();
    gloss()
        .arg("suggest")
        .arg(&dir)
        .args(["--apply", "--layer", "pre"])
        .assert()
        .success();
    gloss().arg("check").arg(&dir).assert().success();
    let project = gloss::storage::load(&dir).unwrap();
    let quotes = project
        .layers()
        .flat_map(|(_, layer)| layer.iter())
        .filter(|a| matches!(a, Annotation::Quote(_)))
        .count();
    assert!(quotes >= 40, "{quotes} quotes written");
}

#[test]
fn suggest_leaves_out_what_the_analyst_rejected_in_the_window() {
    let (_temp, dir) = sample_copy();
    let mut wb = gloss::workbench::Workbench::open(&dir, "nadia").unwrap();
    let first = wb.suggestions()[0].clone();
    wb.execute(gloss::workbench::Command::RejectSuggestion(Some(
        first.key(),
    )))
    .unwrap();
    wb.flush().unwrap();
    drop(wb);
    let span = first.primary_span();
    let printed = |layer: &str| {
        let output = gloss()
            .arg("suggest")
            .arg(&dir)
            .args(["--layer", layer])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        lines(&output).into_iter().any(|s| {
            s["start"] == span.start && s["end"] == span.end && s["label"] == first.label()
        })
    };
    assert!(!printed("nadia"), "rejected in nadia's layer");
    assert!(printed("omar"), "another layer still gets it");
}
