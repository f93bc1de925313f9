//! Large projects and corpora split into several projects, run as a user runs them (issue 16).
//!
//! The specification: `check`, `stats`, `agree` and `export` read a project a batch of documents at
//! a time, and what they print or write is what the same work on the whole project in memory gives
//! (the library's figures); given several project folders they report on them as one corpus, the
//! same as one project holding all their documents. A problem in a late batch is found and named;
//! a failed export writes nothing.
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{assert_same_figures, gloss, one_line_error, run, snapshot};
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Status, Timestamp,
};
use gloss::review::{self, AgreementOptions};
use tempfile::TempDir;

/// More than two batches of the streamed pass (256 documents each).
const DOCUMENTS: usize = 600;

const NAMES: [(&str, &str); 4] = [
    ("Albin Kurti", "PERSON"),
    ("Brussels", "GPE"),
    ("European Union", "ORG"),
    ("Aleksandar Vučić", "PERSON"),
];

/// Documents `range` of a generated corpus: each a few sentences naming people and places, with
/// two annotators, alice and bob, who disagree now and then, and a finished gold layer in every
/// tenth document.
fn project(dir: &Path, name: &str, range: std::ops::Range<usize>) {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new(name, schema);
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    for i in range {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for k in 0..(3 + i % 5) {
            let (name, label) = NAMES[(i + k) % NAMES.len()];
            let start = text.chars().count();
            text.push_str(name);
            mentions.push((CharSpan::new(start, start + name.chars().count()), label));
            text.push_str(" met reporters on Thursday. ");
        }
        let doc = project.add_document(Document::from_raw(
            DocId::slug(&format!("article-{i:04}")),
            format!("Article {i}"),
            &text,
        ));
        for layer in ["alice", "bob", "gold"] {
            if layer == "gold" && i % 10 != 0 {
                continue;
            }
            let key = LayerKey::new(doc.clone(), LayerName::new(layer).unwrap());
            for (k, &(span, label)) in mentions.iter().enumerate() {
                if layer == "bob" && (i + k) % 7 == 0 {
                    continue;
                }
                let label = if layer == "bob" && (i + k) % 11 == 0 {
                    "ORG"
                } else {
                    label
                };
                let annotation = Annotation::Entity(Entity::new(
                    AnnotationId(k as u32 + 1),
                    span,
                    label,
                    Provenance::manual(layer, now),
                ));
                project
                    .apply(&Edit::Add {
                        key: key.clone(),
                        annotation,
                    })
                    .unwrap();
            }
            if layer == "gold" {
                project
                    .apply(&Edit::SetStatus {
                        key: key.clone(),
                        before: Status::New,
                        after: Status::Adjudicated,
                    })
                    .unwrap();
            }
        }
    }
    for annotator in ["alice", "bob"] {
        project.add_annotator(annotator);
    }
    gloss::storage::save(dir, &mut project).unwrap();
}

/// One project of every document, and the same documents split into two projects.
fn corpus() -> (TempDir, PathBuf, [PathBuf; 2]) {
    let temp = TempDir::new().unwrap();
    let whole = temp.path().join("whole");
    let parts = [temp.path().join("2024-01"), temp.path().join("2024-02")];
    project(&whole, "Whole", 0..DOCUMENTS);
    project(&parts[0], "January", 0..DOCUMENTS / 2);
    project(&parts[1], "February", DOCUMENTS / 2..DOCUMENTS);
    (temp, whole, parts)
}

fn json(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let done = run(gloss().args(args));
    assert!(done.success, "{}", done.stderr);
    serde_json::from_str(&done.stdout).unwrap()
}

#[test]
fn check_reads_every_batch_and_names_a_problem_in_a_late_one() {
    let (_temp, whole, _) = corpus();
    let done = run(gloss().arg("check").arg(&whole));
    assert!(done.success, "{}", done.stderr);
    assert!(
        done.stdout.contains(&format!("ok: {DOCUMENTS} documents")),
        "{}",
        done.stdout
    );

    // A mention whose label the schema lacks, in the last batch, by hand.
    let file = whole.join("annotations/article-0590/bob.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("label: \"", "label: \"PLACE_", 1)).unwrap();
    let done = run(gloss().arg("check").arg(&whole));
    assert!(!done.success);
    assert!(
        done.stdout.contains("article-0590/bob.ron")
            && done.stdout.contains("label PLACE_")
            && done.stdout.contains("is not in the schema"),
        "{}",
        done.stdout
    );

    // A layer file that is not RON, in the last batch: the error names it and its line.
    std::fs::write(
        &file,
        "(format: 1, document: \"article-0590\",\n    layer: ",
    )
    .unwrap();
    let error = one_line_error(&run(gloss().arg("check").arg(&whole)));
    assert!(error.contains("article-0590/bob.ron"), "{error}");
}

#[test]
fn stats_of_a_large_project_and_of_its_parts_together_are_the_whole_projects() {
    let (_temp, whole, parts) = corpus();
    let of_whole = json(&["stats".as_ref(), whole.as_os_str(), "--json".as_ref()]);
    assert_eq!(of_whole["documents"], DOCUMENTS);
    let alice = &of_whole["layers"][0];
    assert_eq!(alice["layer"], "alice");
    assert_eq!(alice["total"], DOCUMENTS);
    let gold = &of_whole["layers"][2];
    assert_eq!(gold["layer"], "gold");
    assert_eq!(gold["done"], DOCUMENTS / 10);

    let mut together = json(&[
        "stats".as_ref(),
        parts[0].as_os_str(),
        parts[1].as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(together["project"], "January + February");
    together["project"] = of_whole["project"].clone();
    assert_eq!(together, of_whole);

    // The table says the same.
    let table = run(gloss().arg("stats").arg(&parts[0]).arg(&parts[1]));
    assert!(
        table.stdout.starts_with(&format!(
            "January + February: {DOCUMENTS} documents, 3 layers"
        )),
        "{}",
        table.stdout
    );
}

#[test]
fn agreement_over_a_large_project_and_over_its_parts_is_the_librarys_over_the_whole() {
    let (_temp, whole, parts) = corpus();
    let project = gloss::storage::load(&whole).unwrap();
    let layers = vec![
        LayerName::new("alice").unwrap(),
        LayerName::new("bob").unwrap(),
    ];
    let expected = serde_json::to_value(review::agreement(
        &project,
        &AgreementOptions {
            layers: Some(layers),
            docs: None,
        },
    ))
    .unwrap();
    assert_eq!(expected["documents"], DOCUMENTS);
    let of_whole = json(&["agree".as_ref(), whole.as_os_str(), "--json".as_ref()]);
    assert_same_figures(&of_whole, &expected, "whole");
    let together = json(&[
        "agree".as_ref(),
        parts[0].as_os_str(),
        parts[1].as_os_str(),
        "--json".as_ref(),
    ]);
    assert_same_figures(&together, &expected, "parts");
}

#[test]
fn an_export_of_the_parts_is_the_export_of_the_whole() {
    let (temp, whole, parts) = corpus();
    for (format, out, files) in [
        ("jsonl", "all.jsonl", vec!["all.jsonl"]),
        ("spacy", "gold.jsonl", vec!["gold.jsonl"]),
        (
            "csv",
            "sheets",
            vec!["sheets/quotes.csv", "sheets/events.csv"],
        ),
    ] {
        let gold_only: &[&str] = if format == "spacy" { &["--gold"] } else { &[] };
        let one = temp.path().join("one");
        let two = temp.path().join("two");
        for folder in [&one, &two] {
            std::fs::create_dir_all(folder).unwrap();
        }
        let done = run(gloss()
            .arg("export")
            .arg(&whole)
            .args(["--format", format, "--out"])
            .arg(one.join(out))
            .args(gold_only));
        assert!(done.success, "{format}: {}", done.stderr);
        let done = run(gloss()
            .arg("export")
            .arg(&parts[0])
            .arg(&parts[1])
            .args(["--format", format, "--out"])
            .arg(two.join(out))
            .args(gold_only));
        assert!(done.success, "{format}: {}", done.stderr);
        for file in files {
            let (a, b) = (
                std::fs::read_to_string(one.join(file)).unwrap(),
                std::fs::read_to_string(two.join(file)).unwrap(),
            );
            assert_eq!(a, b, "{format}: {file}");
        }
        std::fs::remove_dir_all(&one).unwrap();
        std::fs::remove_dir_all(&two).unwrap();
    }
    // Every layer of every document is in the export of the whole, as the library writes it.
    let project = gloss::storage::load(&whole).unwrap();
    let mut expected = Vec::new();
    gloss::formats::jsonl::export_jsonl(&project, None, &mut expected).unwrap();
    let out = temp.path().join("all.jsonl");
    assert!(
        run(gloss()
            .arg("export")
            .arg(&whole)
            .args(["--format", "jsonl", "--out"])
            .arg(&out))
        .success
    );
    assert_eq!(std::fs::read(&out).unwrap(), expected);
}

#[test]
fn a_failed_export_of_a_large_project_writes_nothing() {
    let (temp, whole, _) = corpus();
    let out = temp.path().join("out.jsonl");
    std::fs::write(&out, "the last export\n").unwrap();
    std::fs::write(
        whole.join("annotations/article-0590/bob.ron"),
        "(format: 1, document: \"article-0590\",\n    layer: ",
    )
    .unwrap();
    let before = snapshot(temp.path());
    let error = one_line_error(&run(gloss()
        .arg("export")
        .arg(&whole)
        .args(["--format", "jsonl", "--out"])
        .arg(&out)));
    assert!(error.contains("article-0590/bob.ron"), "{error}");
    assert_eq!(snapshot(temp.path()), before, "files changed");
    // A folder format does not leave the folder it would have made.
    let sheets = temp.path().join("sheets");
    let error = one_line_error(&run(gloss()
        .arg("export")
        .arg(&whole)
        .args(["--format", "csv", "--out"])
        .arg(&sheets)));
    assert!(error.contains("article-0590/bob.ron"), "{error}");
    assert!(!sheets.exists(), "the export left {}", sheets.display());
    assert_eq!(snapshot(temp.path()), before, "files changed");
}

#[test]
fn a_project_folder_given_twice_is_refused() {
    let (_temp, whole, _) = corpus();
    for command in ["stats", "agree"] {
        let error = one_line_error(&run(gloss()
            .arg(command)
            .arg(&whole)
            .arg(whole.join("../whole"))));
        assert!(error.contains("given twice"), "{command}: {error}");
    }
}

#[test]
fn formats_that_number_across_the_export_take_one_project() {
    let (temp, _, parts) = corpus();
    let error = one_line_error(&run(gloss()
        .arg("export")
        .arg(&parts[0])
        .arg(&parts[1])
        .args(["--format", "conll", "--out"])
        .arg(temp.path().join("gold.conll"))));
    assert!(error.contains("one project at a time"), "{error}");
    assert!(!temp.path().join("gold.conll").exists());
}

#[test]
fn suggest_apply_on_a_large_project_writes_every_batch_and_leaves_it_valid() {
    let (_temp, whole, _) = corpus();
    // What the suggestions are, computed on the project loaded whole (`gloss suggest` prints them).
    let listed = run(gloss().arg("suggest").arg(&whole).args([
        "--recommender",
        "baseline",
        "--layer",
        "carol",
    ]));
    assert!(listed.success, "{}", listed.stderr);
    let mut expected: Vec<(String, u64, u64, String)> = listed
        .stdout
        .lines()
        .map(|line| {
            let s: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                s["doc"].as_str().unwrap().to_owned(),
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
                s["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    expected.sort();
    assert!(
        expected.iter().any(|s| s.0 == "article-0000")
            && expected.iter().any(|s| s.0 == "article-0599"),
        "suggestions in the first and last batch"
    );

    let applied = run(gloss().arg("suggest").arg(&whole).args([
        "--apply",
        "--recommender",
        "baseline",
        "--layer",
        "carol",
    ]));
    assert!(applied.success, "{}", applied.stderr);
    assert!(
        applied
            .stdout
            .contains(&format!("added {} annotations", expected.len())),
        "{}",
        applied.stdout
    );
    let checked = run(gloss().arg("check").arg(&whole));
    assert!(checked.success, "{}", checked.stdout);
    let project = gloss::storage::load(&whole).unwrap();
    assert!(project.annotators.iter().any(|a| a == "carol"));
    assert_eq!(
        project.documents().len(),
        DOCUMENTS,
        "the index keeps every document"
    );
    let mut written: Vec<(String, u64, u64, String)> = project
        .layers()
        .filter(|(key, _)| key.layer.as_str() == "carol")
        .flat_map(|(key, layer)| {
            layer.iter().filter_map(move |a| {
                let entity = a.as_entity()?;
                Some((
                    key.doc.to_string(),
                    entity.span.start as u64,
                    entity.span.end as u64,
                    entity.label.to_string(),
                ))
            })
        })
        .collect();
    written.sort();
    assert_eq!(written, expected);
}

/// Each document's gold mentions, as (span, label).
fn gold_mentions(project: &Project) -> Vec<(DocId, CharSpan, String)> {
    let mut found = Vec::new();
    for document in project.documents() {
        let key = LayerKey::new(document.id.clone(), LayerName::gold());
        for annotation in project.layer(&key).into_iter().flat_map(|l| l.iter()) {
            if let Some(entity) = annotation.as_entity() {
                found.push((document.id.clone(), entity.span, entity.label.to_string()));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn adjudicating_a_large_project_merges_every_batch_as_the_library_does_and_a_failure_writes_nothing()
 {
    let (temp, whole, _) = corpus();
    // What the library merges, document by document, on the whole project in memory.
    let loaded = gloss::storage::load(&whole).unwrap();
    let layers = [
        LayerName::new("alice").unwrap(),
        LayerName::new("bob").unwrap(),
    ];
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    let mut expected = gold_mentions(&loaded);
    for document in loaded.documents() {
        let (edits, _) = review::auto_merge(&loaded, &document.id, &layers, 2, "curator", now);
        for edit in edits {
            if let Edit::Add { annotation, .. } = edit
                && let Some(entity) = annotation.as_entity()
            {
                expected.push((document.id.clone(), entity.span, entity.label.to_string()));
            }
        }
    }
    expected.sort();
    let merged = expected.len() - gold_mentions(&loaded).len();
    assert!(merged > 1000, "the corpus has plenty to merge: {merged}");

    // A file that cannot be read in the last batch: an error naming it, and no file changed (the
    // batches before it were merged, and are not written).
    let broken = whole.join("annotations/article-0590/bob.ron");
    let kept = std::fs::read(&broken).unwrap();
    std::fs::write(
        &broken,
        "(format: 1, document: \"article-0590\",\n    layer: ",
    )
    .unwrap();
    let before = snapshot(temp.path());
    let error = one_line_error(&run(gloss().arg("adjudicate").arg(&whole).arg("--auto")));
    assert!(error.contains("article-0590/bob.ron"), "{error}");
    assert_eq!(snapshot(temp.path()), before, "files changed");
    std::fs::write(&broken, kept).unwrap();

    let done = run(gloss().arg("adjudicate").arg(&whole).arg("--auto"));
    assert!(done.success, "{}", done.stderr);
    assert!(
        done.stdout.contains(&format!("total: merged {merged}")),
        "{}",
        done.stdout
    );
    let after = gloss::storage::load(&whole).unwrap();
    assert_eq!(gold_mentions(&after), expected);
    let check = run(gloss().arg("check").arg(&whole));
    assert!(check.success, "{}", check.stdout);
}
