//! The exports as their real consumers read them: spaCy's blank English pipeline, seqeval, spaCy's
//! CoNLL converter, a Hugging Face style reader and Python's csv module (scripts in
//! `scripts/consumers/`), fed the sample project and a project of texts that break naive offset code.
//!
//! Python comes from `GLOSS_PY` (e.g. `GLOSS_PY=.venv/bin/python`, which CI sets after
//! `python3 -m venv .venv && .venv/bin/pip install spacy seqeval`), else `python3` when it can import
//! spacy and seqeval. Without either, each test prints a `skipped:` line saying why (see
//! `skip_support`), which fails the test under `CI=true`; with `GLOSS_PY` set, a Python that cannot
//! import them fails the tests.
#![allow(clippy::unwrap_used)]

mod skip_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::formats::{Export, ExportFormat, ExportSelection, Issue, TagScheme};
use gloss::model::{
    Annotation, AnnotationId, AnnotationKind, CharSpan, DocId, Document, Edit, Entity, LayerKey,
    LayerName, Project, Provenance, Schema,
};
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Python to run the consumers with, or `None` (with a `skipped:` line for `test`) to skip.
fn python(test: &str) -> Option<String> {
    let imports = |python: &str| {
        Command::new(python)
            .args(["-c", "import spacy, seqeval"])
            .output()
            .is_ok_and(|out| out.status.success())
    };
    if let Ok(python) = std::env::var("GLOSS_PY") {
        assert!(
            imports(&python),
            "GLOSS_PY={python} cannot import spacy and seqeval"
        );
        return Some(python);
    }
    if imports("python3") {
        return Some("python3".to_owned());
    }
    skip_support::skipped(
        test,
        "no Python with spacy and seqeval. To run the consumer checks: python3 -m venv .venv && \
         .venv/bin/pip install spacy seqeval && GLOSS_PY=.venv/bin/python cargo test --test \
         formats_consumers",
    );
    None
}

/// Runs a consumer script and returns the JSON it prints.
fn run(python: &str, script: &str, args: &[&Path], extra: &[&str]) -> Value {
    let out = Command::new(python)
        .arg(repo().join("scripts/consumers").join(script))
        .args(args)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sample() -> Project {
    gloss::storage::load(&repo().join("tests/fixtures/kosovo-talks")).unwrap()
}

/// Texts that break naive code, with mentions that nest, cross and cut words.
fn tricky() -> Project {
    let mut project = Project::new("tricky", Schema::default());
    let docs = [
        (
            "cyrillic",
            "Вучић и Курти у Бриселу. Prishtinë, çështje!",
            &[
                ("Вучић", "PERSON"),
                ("Курти", "PERSON"),
                ("Вучић и Курти", "ORG"),
                ("Бриселу", "GPE"),
                ("Prishtinë", "GPE"),
            ][..],
        ),
        (
            "emoji",
            "🇽🇰 👨‍👩‍👧 Kurti met Vucic.\r\nKosovo’s EU-led talks",
            &[
                ("🇽🇰", "GPE"),
                ("Kurti", "PERSON"),
                ("Kurt", "PERSON"),
                ("Kosovo", "GPE"),
                ("EU", "ORG"),
                ("Vucic.\nKosovo", "X"),
            ],
        ),
    ];
    for (id, raw, mentions) in docs {
        let document = Document::from_raw(DocId::new(id).unwrap(), id, raw);
        let text = document.text.as_str().to_owned();
        project.add_document(document);
        let key = LayerKey::new(DocId::new(id).unwrap(), LayerName::gold());
        for (i, (needle, label)) in mentions.iter().enumerate() {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            let annotation = Annotation::Entity(Entity::new(
                AnnotationId(i as u32 + 1),
                CharSpan::new(start, start + needle.chars().count()),
                *label,
                Provenance::manual("gold", "2024-01-01T00:00:00Z".parse().unwrap()),
            ));
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        }
    }
    project
}

fn write(export: &Export, dir: &Path) -> Vec<PathBuf> {
    let out = dir.join(export.files[0].path.file_name().unwrap());
    let target = if export.format.writes_folder() {
        dir.to_path_buf()
    } else {
        out
    };
    export
        .placed(&target)
        .into_iter()
        .map(|(path, bytes)| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

fn export(project: &Project, format: ExportFormat) -> Export {
    gloss::formats::export(project, format, &ExportSelection::default()).unwrap()
}

/// Entity mentions the token formats keep, by label: all of them but those the report drops.
fn kept_by_label(project: &Project, export: &Export) -> BTreeMap<String, u64> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (_, layer) in project.layers() {
        for entity in layer.iter().filter_map(Annotation::as_entity) {
            *counts.entry(entity.label.to_string()).or_default() += 1;
        }
    }
    for issue in export
        .report
        .dropped()
        .filter(|i| i.kind == AnnotationKind::Entity)
    {
        *counts.entry(issue.label.clone()).or_default() -= 1;
    }
    counts.retain(|_, n| *n > 0);
    counts
}

fn counts(value: &Value) -> BTreeMap<String, u64> {
    value
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect()
}

#[test]
fn spacy_accepts_every_span_the_export_did_not_report() {
    let Some(python) = python("spacy_accepts_every_span_the_export_did_not_report") else {
        return;
    };
    for project in [sample(), tricky()] {
        let dir = tempfile::tempdir().unwrap();
        let export = export(&project, ExportFormat::Spacy);
        let paths = write(&export, dir.path());
        let result = run(&python, "spacy_char_span.py", &[&paths[0]], &[]);
        assert_eq!(result["lines"], export.report.layers as u64);
        assert_eq!(result["spans"], export.report.annotations as u64);
        assert_eq!(result["ents_set"], result["lines"]);
        let reported: Vec<(String, String, u64, u64)> = export
            .report
            .issues
            .iter()
            .filter(|i| i.issue == Issue::CutsToken)
            .map(|i| {
                (
                    i.doc.to_string(),
                    i.layer.to_string(),
                    i.span.start as u64,
                    i.span.end as u64,
                )
            })
            .collect();
        for rejected in result["rejected"].as_array().unwrap() {
            let key = (
                rejected["id"].as_str().unwrap().to_owned(),
                rejected["layer"].as_str().unwrap().to_owned(),
                rejected["start"].as_u64().unwrap(),
                rejected["end"].as_u64().unwrap(),
            );
            assert!(
                reported.contains(&key),
                "spaCy rejects {rejected}, which the export did not report"
            );
        }
        if project.name == "tricky" {
            // "Kurt" inside "Kurti" cuts a token: spaCy rejects it, and the export said so.
            assert_eq!(result["rejected"].as_array().unwrap().len(), 1, "{result}");
        }
    }
}

#[test]
fn seqeval_and_spacy_read_the_conll_tags_in_both_schemes() {
    let Some(python) = python("seqeval_and_spacy_read_the_conll_tags_in_both_schemes") else {
        return;
    };
    for project in [sample(), tricky()] {
        for (scheme, name) in [(TagScheme::Iob2, "iob2"), (TagScheme::Bilou, "bilou")] {
            let dir = tempfile::tempdir().unwrap();
            let export = export(&project, ExportFormat::Conll { scheme });
            let paths = write(&export, dir.path());
            let result = run(&python, "seqeval_conll.py", &[&paths[0]], &[name]);
            let kept = kept_by_label(&project, &export);
            assert_eq!(counts(&result["entities"]), kept, "{} {name}", project.name);
            assert_eq!(result["f1"], 1.0);
            assert_eq!(result["documents"], export.report.layers as u64);
            assert_eq!(result["spacy_docs"], export.report.layers as u64);
            assert_eq!(result["spacy_ents"], kept.values().sum::<u64>());
        }
    }
}

#[test]
fn hf_tag_ids_are_named_by_labels_json_and_read_as_strict_iob2() {
    let Some(python) = python("hf_tag_ids_are_named_by_labels_json_and_read_as_strict_iob2") else {
        return;
    };
    for project in [sample(), tricky()] {
        let dir = tempfile::tempdir().unwrap();
        let export = export(&project, ExportFormat::Hf);
        let paths = write(&export, dir.path());
        assert_eq!(paths[1].file_name().unwrap(), "labels.json");
        let result = run(&python, "hf_labels.py", &[&paths[0], &paths[1]], &[]);
        assert_eq!(
            counts(&result["entities"]),
            kept_by_label(&project, &export)
        );
        // The documents' source, as columns of one type on every line (issue 12).
        for column in [
            "title",
            "source_url",
            "outlet",
            "published",
            "language",
            "retrieved",
        ] {
            let kind = &result["columns"][column];
            assert!(kind.is_null() || kind == "str", "{column}: {kind}");
        }
        assert_eq!(result["columns"]["title"], "str");
        let authors = &result["columns"]["authors"];
        assert_eq!(authors, "list", "authors: {authors}");
    }
}

#[test]
fn python_csv_reads_quotes_and_events_rows_of_equal_width() {
    let Some(python) = python("python_csv_reads_quotes_and_events_rows_of_equal_width") else {
        return;
    };
    let project = sample();
    let dir = tempfile::tempdir().unwrap();
    let export = export(&project, ExportFormat::Csv);
    write(&export, dir.path());
    let result = run(&python, "csv_rows.py", &[dir.path()], &[]);
    let count = |kind: AnnotationKind| -> usize {
        project
            .layers()
            .map(|(_, l)| l.iter().filter(|a| a.kind() == kind).count())
            .sum()
    };
    let quotes = &result["quotes"];
    assert_eq!(
        quotes["header"],
        serde_json::json!([
            "document",
            "layer",
            "published",
            "speaker",
            "speaker_label",
            "speaker_entity",
            "speaker_entity_name",
            "cue",
            "quote",
            "kind",
            "attributes",
            "note"
        ])
    );
    assert_eq!(quotes["rows"], count(AnnotationKind::Quote) as u64);
    assert_eq!(quotes["widths"], serde_json::json!([12]));
    let events = &result["events"];
    assert_eq!(events["rows"], count(AnnotationKind::Event) as u64);
    let width = events["header"].as_array().unwrap().len();
    assert_eq!(events["widths"], serde_json::json!([width]));
}

/// News sentences with abbreviations, handles, web addresses, units, quotes and contractions: where
/// spaCy's English tokenizer does not simply split at punctuation.
const NEWS: &[&str] = &[
    "The U.S. envoy met Mr. Kurti on Sept. 5 in Pristina, @Kurti said on kurti.com.",
    "Dr. Vučić's office (Belgrade) said the 10km road to U.S.-led talks won't reopen until Jan. 2025.",
    "\"We're ready,\" said Gen. Smith, who flew 1,200 km via www.nato.int/kfor on a $10m budget.",
    "Kosovo’s PM, Albin Kurti, told RFE/RL: “No deal.” EU-brokered talks resumed at 3:30 p.m. on Monday.",
    "Serbia's ex-president — a U.S-educated lawyer — can't say if 50% of the 2-3 billion euros (€2.5bn) arrived...",
    "Prishtinë, Mitrovica and N. Mitrovica; e.g. the Ibar bridge, 8pm, U.N. staff and Ph.D. students.",
];

/// Every span of each sentence whose ends lie next to a non-alphanumeric char (or the edges), up to
/// 30 chars long: spans that are tokens and spans that cut one.
fn news_project() -> Project {
    let mut project = Project::new("news", Schema::default());
    for (n, sentence) in NEWS.iter().enumerate() {
        let id = DocId::new(format!("news-{n}")).unwrap();
        project.add_document(Document::from_raw(id.clone(), "news", sentence));
        let chars: Vec<char> = sentence.chars().collect();
        let edge = |i: usize| {
            i == 0
                || i == chars.len()
                || !chars[i - 1].is_alphanumeric()
                || !chars[i].is_alphanumeric()
        };
        let key = LayerKey::new(id, LayerName::gold());
        let mut next = 1;
        for start in (0..chars.len()).filter(|&i| edge(i) && !chars[i].is_whitespace()) {
            for end in (start + 1..=chars.len().min(start + 30)).filter(|&i| edge(i)) {
                if chars[end - 1].is_whitespace() {
                    continue;
                }
                let annotation = Annotation::Entity(Entity::new(
                    AnnotationId(next),
                    CharSpan::new(start, end),
                    "X",
                    Provenance::manual("gold", "2024-01-01T00:00:00Z".parse().unwrap()),
                ));
                next += 1;
                project
                    .apply(&Edit::Add {
                        key: key.clone(),
                        annotation,
                    })
                    .unwrap();
            }
        }
    }
    project
}

#[test]
fn spacy_cut_token_warnings_are_exactly_the_spans_spacy_rejects_in_news_sentences() {
    let Some(python) =
        python("spacy_cut_token_warnings_are_exactly_the_spans_spacy_rejects_in_news_sentences")
    else {
        return;
    };
    let project = news_project();
    let dir = tempfile::tempdir().unwrap();
    let export = export(&project, ExportFormat::Spacy);
    let paths = write(&export, dir.path());
    let result = run(&python, "spacy_char_span.py", &[&paths[0]], &[]);
    let span_text = |doc: &str, start: u64, end: u64| {
        let n: usize = doc.trim_start_matches("news-").parse().unwrap();
        NEWS[n]
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect::<String>()
    };
    let reported: std::collections::BTreeSet<(String, u64, u64)> = export
        .report
        .issues
        .iter()
        .filter(|i| i.issue == Issue::CutsToken)
        .map(|i| (i.doc.to_string(), i.span.start as u64, i.span.end as u64))
        .collect();
    let rejected: std::collections::BTreeSet<(String, u64, u64)> = result["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let missed: Vec<String> = rejected
        .difference(&reported)
        .map(|(d, s, e)| format!("{:?}", span_text(d, *s, *e)))
        .collect();
    let wrong: Vec<String> = reported
        .difference(&rejected)
        .map(|(d, s, e)| format!("{:?}", span_text(d, *s, *e)))
        .collect();
    println!(
        "{} spans; spaCy rejects {}; Gloss warns about {}",
        result["spans"],
        rejected.len(),
        reported.len()
    );
    assert!(
        missed.is_empty() && wrong.is_empty(),
        "spaCy rejects, Gloss did not warn: {missed:?}\nGloss warned, spaCy accepts: {wrong:?}"
    );
    // The cases the issue names, among them.
    for (text, cuts) in [("U.S", true), ("Sept", true), ("Mr", true), ("10", false)] {
        let found = reported
            .iter()
            .any(|(d, s, e)| span_text(d, *s, *e) == text);
        assert_eq!(found, cuts, "{text}");
    }
}
