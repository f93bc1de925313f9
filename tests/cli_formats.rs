//! `gloss export --format F` and `gloss import --format F`, run as a user runs them: the built binary
//! on a temporary copy of the sample project and on new projects made with `gloss new`.
//!
//! The specification: what one layer exports in a format comes back on import (into a new project)
//! as exactly what the format can hold, which is everything except what the export's summary names
//! as not held; every span the format cannot hold is named and the export still succeeds; a span
//! that does not fit its text is reported and skipped; a file that cannot be parsed gives one error
//! line and leaves the project byte for byte as it was.
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cli_support::{gloss, new_project, one_line_error, run, sample_copy, snapshot};
use gloss::formats::{self, ExportFormat, ExportSelection, TagScheme};
use gloss::model::{AnnotationKind, LayerName, Project};
use tempfile::TempDir;

/// Annotations of the layer named `layer`, in every document, by kind; entity mentions also by label
/// (`entity PERSON`).
fn counts(project: &Project, layer: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (key, found) in project.layers() {
        if key.layer.as_str() != layer {
            continue;
        }
        for annotation in found.iter() {
            *counts
                .entry(annotation.kind().name().to_owned())
                .or_default() += 1;
            if annotation.kind() == AnnotationKind::Entity {
                *counts
                    .entry(format!("entity {}", annotation.label()))
                    .or_default() += 1;
            }
        }
    }
    counts
}

/// What `format` can hold of `layer`: its annotations less those the export says it left out.
fn what_the_format_holds(
    project: &Project,
    layer: &str,
    format: ExportFormat,
) -> BTreeMap<String, usize> {
    let selection = ExportSelection {
        layer: LayerName::new(layer),
        finished_only: false,
    };
    let report = formats::export(project, format, &selection).unwrap().report;
    let mut expected = counts(project, layer);
    let mut less = |key: String, n: usize| {
        let count = expected.entry(key).or_default();
        *count -= n;
    };
    for (kind, n) in &report.kinds_not_held {
        less(kind.name().to_owned(), *n);
        if *kind == AnnotationKind::Entity {
            for (label, count) in counts(project, layer) {
                if label.starts_with("entity ") {
                    less(label, count);
                }
            }
        }
    }
    for issue in report.dropped() {
        less(issue.kind.name().to_owned(), 1);
        if issue.kind == AnnotationKind::Entity {
            less(format!("entity {}", issue.label), 1);
        }
    }
    expected.retain(|_, n| *n > 0);
    expected
}

/// Where `--out` points for a format: a folder for brat and csv, else a file.
fn out_path(temp: &TempDir, format: &str) -> PathBuf {
    match format {
        "brat" | "csv" => temp.path().join(format!("export-{format}")),
        _ => temp.path().join(format!("export.{format}")),
    }
}

#[test]
fn every_format_round_trips_what_it_can_hold() {
    for (name, format) in [
        ("jsonl", ExportFormat::Jsonl),
        ("spacy", ExportFormat::Spacy),
        (
            "conll",
            ExportFormat::Conll {
                scheme: TagScheme::Iob2,
            },
        ),
        ("brat", ExportFormat::Brat),
        ("hf", ExportFormat::Hf),
    ] {
        let temp = TempDir::new().unwrap();
        let sample = sample_copy(&temp);
        let out = out_path(&temp, name);

        let exported = run(gloss()
            .arg("export")
            .arg(&sample)
            .args(["--format", name, "--layer", "amira", "--out"])
            .arg(&out));
        assert!(exported.success, "{name}: {}", exported.stderr);

        let target = new_project(&temp, "target");
        let imported = run(gloss()
            .arg("import")
            .arg(&target)
            .arg(&out)
            .args(["--format", name, "--layer", "amira"]));
        assert!(imported.success, "{name}: {}", imported.stderr);

        let source = gloss::storage::load(&sample).unwrap();
        let expected = what_the_format_holds(&source, "amira", format);
        let project = gloss::storage::load(&target).unwrap();
        assert_eq!(counts(&project, "amira"), expected, "{name}");
        let total: usize = expected
            .iter()
            .filter(|(k, _)| !k.starts_with("entity "))
            .map(|(_, n)| n)
            .sum();
        assert!(
            imported
                .stdout
                .contains(&format!("imported {total} annotations (")),
            "{name}: {}",
            imported.stdout
        );
        let checked = run(gloss().arg("check").arg(&target));
        assert!(checked.success, "{name}: {}", checked.stdout);
    }
}

#[test]
fn gloss_jsonl_of_every_layer_comes_back_into_the_same_layers() {
    let temp = TempDir::new().unwrap();
    let sample = sample_copy(&temp);
    let out = temp.path().join("all.jsonl");
    assert!(
        run(gloss()
            .arg("export")
            .arg(&sample)
            .args(["--format", "jsonl", "--out"])
            .arg(&out))
        .success
    );
    let target = new_project(&temp, "target");

    let imported = run(gloss()
        .arg("import")
        .arg(&target)
        .arg(&out)
        .args(["--format", "jsonl"]));

    assert!(imported.success, "{}", imported.stderr);
    let source = gloss::storage::load(&sample).unwrap();
    let project = gloss::storage::load(&target).unwrap();
    for layer in ["amira", "bruno"] {
        assert_eq!(counts(&project, layer), counts(&source, layer), "{layer}");
    }
    assert_eq!(project.annotators, ["amira", "bruno"]);
}

#[test]
fn csv_writes_quotes_and_events_into_the_out_folder() {
    let temp = TempDir::new().unwrap();
    let sample = sample_copy(&temp);
    let out = temp.path().join("sheets");

    let exported = run(gloss()
        .arg("export")
        .arg(&sample)
        .args(["--format", "csv", "--layer", "amira", "--out"])
        .arg(&out));

    assert!(exported.success, "{}", exported.stderr);
    let quotes = std::fs::read_to_string(out.join("quotes.csv")).unwrap();
    let events = std::fs::read_to_string(out.join("events.csv")).unwrap();
    assert!(quotes.starts_with("document,"), "{quotes}");
    assert!(quotes.lines().next().unwrap().contains("speaker"));
    assert!(events.lines().next().unwrap().contains("trigger"));
    assert!(
        exported
            .stdout
            .contains("not written, the format cannot hold them"),
        "entity mentions have no place in the spreadsheets: {}",
        exported.stdout
    );
}

#[test]
fn hf_writes_labels_json_beside_the_output_file() {
    let temp = TempDir::new().unwrap();
    let sample = sample_copy(&temp);
    let out = temp.path().join("train.jsonl");

    let exported = run(gloss()
        .arg("export")
        .arg(&sample)
        .args(["--format", "hf", "--gold", "--out"])
        .arg(&out));
    // The sample has no gold layer yet: a one-line error naming the layers there are.
    let line = one_line_error(&exported);
    assert!(line.contains("gold") && line.contains("amira"), "{line}");

    let exported = run(gloss()
        .arg("export")
        .arg(&sample)
        .args(["--format", "hf", "--layer", "bruno", "--out"])
        .arg(&out));
    assert!(exported.success, "{}", exported.stderr);
    let labels: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(temp.path().join("labels.json")).unwrap())
            .unwrap();
    assert_eq!(labels["0"], "O");
    let first: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        first["tokens"].as_array().unwrap().len(),
        first["ner_tags"].as_array().unwrap().len()
    );
}

/// A project holding one document with nested entities (`[Bank of [Serbia]{GPE}]{ORG}`), imported
/// from spaCy JSON lines into layer `alice`.
fn nested_project(temp: &TempDir) -> PathBuf {
    let dir = new_project(temp, "nested");
    let input = temp.path().join("nested.jsonl");
    std::fs::write(
        &input,
        r#"{"text": "Вучић met the Bank of Serbia in Prishtinë 🇽🇰.", "spans": [{"start": 0, "end": 5, "label": "PERSON"}, {"start": 14, "end": 28, "label": "ORG"}, {"start": 22, "end": 28, "label": "GPE"}, {"start": 32, "end": 41, "label": "GPE"}]}"#,
    )
    .unwrap();
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&input)
        .args(["--format", "spacy", "--layer", "alice"]));
    assert!(imported.success, "{}", imported.stderr);
    dir
}

#[test]
fn conll_keeps_the_outer_entity_names_the_dropped_one_and_exits_0() {
    let temp = TempDir::new().unwrap();
    let dir = nested_project(&temp);
    let out = temp.path().join("alice.conll");

    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "conll", "--layer", "alice", "--out"])
        .arg(&out));

    assert!(exported.success, "{}", exported.stderr);
    let dropped: Vec<&str> = exported
        .stdout
        .lines()
        .filter(|l| l.contains("not written"))
        .collect();
    assert!(
        dropped
            .iter()
            .any(|l| l.contains("GPE") && l.contains("22..28") && l.contains("\"Serbia\"")),
        "{}",
        exported.stdout
    );
    let conll = std::fs::read_to_string(&out).unwrap();
    assert!(conll.starts_with("-DOCSTART-"), "{conll}");
    for line in [
        "Вучић _ _ B-PERSON",
        "Bank _ _ B-ORG",
        "of _ _ I-ORG",
        "Serbia _ _ I-ORG",
        "Prishtinë _ _ B-GPE",
    ] {
        assert!(conll.lines().any(|l| l == line), "no {line:?} in:\n{conll}");
    }

    let bilou = temp.path().join("alice.bilou.conll");
    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args([
            "--format", "conll", "--scheme", "bilou", "--layer", "alice", "--out",
        ])
        .arg(&bilou));
    assert!(exported.success, "{}", exported.stderr);
    let tags = std::fs::read_to_string(&bilou).unwrap();
    assert!(tags.contains("U-PERSON"), "{tags}");
    assert!(tags.contains("L-ORG"), "{tags}");
}

#[test]
fn a_span_that_does_not_fit_its_text_is_reported_and_skipped() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "project");
    let input = temp.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        "{\"text\": \"Kurti met Vučić.\", \"spans\": [\
         {\"start\": 0, \"end\": 5, \"label\": \"PERSON\", \"text\": \"Kurti\"}, \
         {\"start\": 10, \"end\": 15, \"label\": \"PERSON\", \"text\": \"Vucic\"}]}\n",
    )
    .unwrap();

    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&input)
        .args(["--format", "jsonl", "--layer", "alice"]));

    assert!(imported.success, "{}", imported.stderr);
    let warning = imported
        .stderr
        .lines()
        .find(|l| l.starts_with("warning: "))
        .unwrap_or_default();
    assert!(
        warning.contains("mixed.jsonl:1") && warning.contains("Vucic") && warning.contains("Vučić"),
        "the warning names the file, the line, the expected and the found text: {}",
        imported.stderr
    );
    let project = gloss::storage::load(&dir).unwrap();
    assert_eq!(counts(&project, "alice")["entity PERSON"], 1);
}

#[test]
fn labels_the_schema_lacks_are_added_and_reported() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "project");
    let input = temp.path().join("doccano.jsonl");
    std::fs::write(
        &input,
        "{\"text\": \"Shells hit Zvečan.\", \"label\": [[0, 6, \"WEAPON\"], [11, 17, \"GPE\"]]}\n",
    )
    .unwrap();

    let imported = run(gloss().arg("import").arg(&dir).arg(&input).args([
        "--format",
        "jsonl",
        "--annotator",
        "dora",
    ]));

    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported
            .stdout
            .contains("added to the schema: entity label WEAPON"),
        "{}",
        imported.stdout
    );
    let project = gloss::storage::load(&dir).unwrap();
    assert!(project.schema.entity_label("WEAPON").is_some());
    // --annotator names the layer when --layer does not.
    assert_eq!(counts(&project, "dora")["entity"], 2);
    assert!(run(gloss().arg("check").arg(&dir)).success);
}

#[test]
fn label_studio_and_webanno_files_are_imported() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "project");
    let studio = temp.path().join("export.json");
    std::fs::write(
        &studio,
        r#"[{"id": 7, "data": {"text": "🇽🇰 Kurti met Вучић"},
            "annotations": [{"id": 1, "result": [
              {"type": "labels", "to_name": "text", "value": {"start": 3, "end": 8, "text": "Kurti", "labels": ["PERSON"]}},
              {"type": "labels", "to_name": "text", "value": {"start": 13, "end": 18, "text": "Вучић", "labels": ["PERSON"]}}]}]}]"#,
    )
    .unwrap();
    let tsv = temp.path().join("inception");
    std::fs::create_dir_all(&tsv).unwrap();
    std::fs::write(
        tsv.join("talks.tsv"),
        "#FORMAT=WebAnno TSV 3.3\n\
         #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n\
         #Text=🇽🇰 Вучић met Albin Kurti .\n\
         1-1\t0-4\t🇽🇰\t_\tGPE\n\
         1-2\t5-10\tВучић\t*\tPER\n\
         1-3\t11-14\tmet\t_\t_\n\
         1-4\t15-20\tAlbin\t*[1]\tPER[1]\n\
         1-5\t21-26\tKurti\t*[1]\tPER[1]\n\
         1-6\t27-28\t.\t_\t_\n",
    )
    .unwrap();

    let from_studio = run(gloss().arg("import").arg(&dir).arg(&studio).args([
        "--format",
        "label-studio",
        "--layer",
        "carol",
    ]));
    let from_inception = run(gloss().arg("import").arg(&dir).arg(&tsv).args([
        "--format",
        "webanno-tsv3",
        "--layer",
        "bob",
    ]));

    assert!(from_studio.success, "{}", from_studio.stderr);
    assert!(from_inception.success, "{}", from_inception.stderr);
    assert!(
        from_inception.stdout.contains("entity label PER"),
        "{}",
        from_inception.stdout
    );
    let project = gloss::storage::load(&dir).unwrap();
    assert_eq!(project.documents().len(), 2);
    assert_eq!(counts(&project, "carol")["entity PERSON"], 2);
    assert_eq!(counts(&project, "bob")["entity PER"], 2);
    assert_eq!(counts(&project, "bob")["entity GPE"], 1);
    assert!(run(gloss().arg("check").arg(&dir)).success);
}

#[test]
fn a_file_that_cannot_be_parsed_leaves_the_project_byte_identical() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let corrupt = temp.path().join("corrupt");
    std::fs::create_dir_all(corrupt.join("brat")).unwrap();
    let truncated = {
        let mut line =
            serde_json::json!({"id": "x", "layer": "amira", "text": "Kurti"}).to_string();
        line.truncate(20);
        line
    };
    let cases: [(&str, &str, &str); 6] = [
        ("jsonl", "truncated.jsonl", truncated.as_str()),
        ("conll", "bad.conll", "-DOCSTART- -X- O O\n\nKurti\n"),
        ("label-studio", "bad.json", "[{\"data\": "),
        ("webanno-tsv3", "bad.tsv", "not a header\n"),
        (
            "hf",
            "bad.jsonl",
            "{\"id\": \"1\", \"tokens\": [\"Kurti\"], \"ner_tags\": []}\n",
        ),
        ("brat", "brat/orphan.ann", "T1\tPERSON 0 5\tKurti\n"),
    ];
    let before = snapshot(&dir);
    for (format, file, text) in cases {
        let path = corrupt.join(file);
        std::fs::write(&path, text).unwrap();

        let imported = run(gloss()
            .arg("import")
            .arg(&dir)
            .arg(&path)
            .args(["--format", format, "--layer", "amira"]));

        let line = one_line_error(&imported);
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        assert!(line.contains(name.as_ref()), "{format}: {line}");
        assert_eq!(snapshot(&dir), before, "{format} changed the project");
    }
}

#[test]
fn export_refuses_unknown_formats_and_misplaced_options_and_writes_nothing() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let out = temp.path().join("out.file");

    let line = one_line_error(&run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "docx", "--out"])
        .arg(&out)));
    for name in ExportFormat::NAMES {
        assert!(line.contains(name), "{line}");
    }
    let line = one_line_error(&run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "spacy", "--scheme", "bilou", "--out"])
        .arg(&out)));
    assert!(line.contains("--scheme"), "{line}");
    let line = one_line_error(&run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "spacy", "--gold", "--layer", "amira", "--out"])
        .arg(&out)));
    assert!(
        line.contains("--gold") || line.contains("--layer"),
        "{line}"
    );
    std::fs::write(&out, "a file").unwrap();
    let line = one_line_error(&run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "brat", "--out"])
        .arg(&out)));
    assert!(line.contains("folder"), "{line}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file");

    let line = one_line_error(&run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&out)
        .args(["--format", "docx"])));
    assert!(line.contains("label-studio"), "{line}");
}

#[test]
fn status_done_exports_only_finished_layers() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let project = gloss::storage::load(&dir).unwrap();
    let finished: Vec<String> = project
        .layers()
        .filter(|(_, layer)| layer.status.is_finished())
        .map(|(key, _)| key.layer.to_string())
        .collect();
    let out = temp.path().join("done.jsonl");

    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "spacy", "--status", "done", "--out"])
        .arg(&out));

    assert!(exported.success, "{}", exported.stderr);
    let lines = std::fs::read_to_string(&out).unwrap().lines().count();
    assert_eq!(lines, finished.len());
}

/// A CoNLL file cannot name its documents without spaCy's converter reading the names as tokens, so
/// the export writes a manifest beside it, and the two together come back as the same documents and
/// layers.
#[test]
fn a_conll_export_of_every_layer_names_its_blocks_in_a_manifest_that_import_reads_back() {
    let temp = TempDir::new().unwrap();
    let sample = sample_copy(&temp);
    let out = temp.path().join("all.conll");
    let exported = run(gloss()
        .arg("export")
        .arg(&sample)
        .args(["--format", "conll", "--out"])
        .arg(&out));
    assert!(exported.success, "{}", exported.stderr);

    let source = gloss::storage::load(&sample).unwrap();
    let blocks: Vec<(String, String)> = source
        .layers()
        .filter(|(_, layer)| layer.iter().any(|a| a.kind() == AnnotationKind::Entity))
        .map(|(key, _)| (key.doc.to_string(), key.layer.to_string()))
        .collect();
    let manifest = std::fs::read_to_string(temp.path().join("all.conll.documents.tsv")).unwrap();
    let listed: Vec<(String, String)> = manifest
        .lines()
        .skip_while(|l| l.starts_with('#') || l.starts_with("block\t"))
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields[1].to_owned(), fields[2].to_owned())
        })
        .collect();
    assert_eq!(listed, blocks, "{manifest}");
    let conll = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        conll
            .lines()
            .filter(|l| l.starts_with("-DOCSTART-"))
            .count(),
        blocks.len()
    );

    let dir = new_project(&temp, "again");
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .args(["--format", "conll"])
        .arg(&out));
    assert!(imported.success, "{}", imported.stderr);
    let again = gloss::storage::load(&dir).unwrap();
    let ids: std::collections::BTreeSet<String> =
        again.documents().iter().map(|d| d.id.to_string()).collect();
    let wanted: std::collections::BTreeSet<String> =
        blocks.iter().map(|(doc, _)| doc.clone()).collect();
    assert_eq!(
        ids, wanted,
        "one document per exported document, named as it was"
    );
    let layers: Vec<(String, String)> = again
        .layers()
        .map(|(key, _)| (key.doc.to_string(), key.layer.to_string()))
        .collect();
    assert_eq!(layers, blocks, "each block back in its own layer");
    for (doc, layer) in &blocks {
        assert_eq!(
            counts(&again, layer).get("entity PERSON"),
            counts(&source, layer).get("entity PERSON"),
            "{doc}/{layer}"
        );
    }
}
