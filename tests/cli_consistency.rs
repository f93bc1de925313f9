//! `gloss consistency`, run as a user runs it, on a small project built to hold one finding of each
//! kind (see `consistency_support`) and on the sample. The specification (issue 14): the same
//! surface form labelled differently, labelled here and unlabelled elsewhere, boundary variants and
//! overlapping labels, each with every place it concerns in code points, and a fix where one exists.
#![allow(clippy::unwrap_used)]

mod cli_support;
mod consistency_support;

use cli_support::{gloss, one_line_error, run, sample_copy, snapshot};
use serde_json::{Value, json};
use tempfile::TempDir;

fn findings(args: &[&str], dir: &std::path::Path) -> Vec<Value> {
    let done = run(gloss().arg("consistency").arg(dir).args(args).arg("--json"));
    assert!(done.success, "{}", done.stderr);
    done.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn place(
    doc: &str,
    start: u64,
    end: u64,
    text: &str,
    id: Option<u64>,
    label: Option<&str>,
) -> Value {
    json!({"doc": doc, "start": start, "end": end, "text": text, "annotation": id, "label": label})
}

#[test]
fn each_kind_of_inconsistency_is_found_with_its_places_and_fix() {
    let temp = TempDir::new().unwrap();
    let dir = consistency_support::write_project(temp.path());
    let found = findings(&[], &dir);
    let kinds: Vec<&str> = found.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "labelled-differently",
            "unlabelled",
            "boundary-variant",
            "overlapping-labels"
        ]
    );
    assert!(found.iter().all(|f| f["layer"] == "tester"));

    // EU: ORG twice, GPE once; the odd one first, the fix takes the majority.
    assert_eq!(
        found[0]["places"],
        json!([
            place("a", 32, 34, "EU", Some(3), Some("GPE")),
            place("a", 0, 2, "EU", Some(1), Some("ORG")),
            place("a", 20, 22, "EU", Some(2), Some("ORG")),
        ])
    );
    assert_eq!(
        found[0]["fix"],
        json!({"action": "relabel", "label": "ORG"})
    );

    // EU unlabelled at the start of b; "Albin Kurti" inside the longer mention is not a miss.
    assert_eq!(
        found[1]["places"],
        json!([place("b", 0, 2, "EU", None, None)])
    );
    assert_eq!(found[1]["fix"], json!({"action": "label", "label": "ORG"}));

    // "Albin Kurti" and "Prime Minister Albin Kurti", both PERSON: no automatic fix.
    assert_eq!(
        found[2]["places"],
        json!([
            place(
                "b",
                7,
                33,
                "Prime Minister Albin Kurti",
                Some(1),
                Some("PERSON")
            ),
            place("a", 42, 53, "Albin Kurti", Some(4), Some("PERSON")),
        ])
    );
    assert_eq!(found[2]["fix"], Value::Null);

    // "Minister" as NORP inside the PERSON mention.
    assert_eq!(
        found[3]["places"],
        json!([
            place(
                "b",
                7,
                33,
                "Prime Minister Albin Kurti",
                Some(1),
                Some("PERSON")
            ),
            place("b", 13, 21, "Minister", Some(2), Some("NORP")),
        ])
    );
}

#[test]
fn the_plain_report_names_each_finding_and_its_places() {
    let temp = TempDir::new().unwrap();
    let dir = consistency_support::write_project(temp.path());
    let done = run(gloss().arg("consistency").arg(&dir));
    assert!(done.success, "{}", done.stderr);
    let lines: Vec<&str> = done.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "labelled differently [tester]: \"EU\" is labelled GPE ×1, ORG ×2; fix: ORG everywhere"
    );
    assert_eq!(lines[1], "  a 32..34 #3 GPE \"EU\"");
    assert!(lines.contains(&"  b 0..2 unlabelled \"EU\""), "{lines:?}");
    assert_eq!(
        lines.last().unwrap(),
        &"4 findings in 1 layer (6 mentions, 2 documents)"
    );
}

#[test]
fn the_sample_checks_one_layer_or_all_and_changes_nothing() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let before = snapshot(&dir);
    let amira = findings(&["--layer", "amira"], &dir);
    assert!(amira.iter().all(|f| f["layer"] == "amira"));
    // Amira labels Vucic PERSON everywhere, but also "Aleksandar Vucic": a boundary variant.
    assert!(amira.iter().any(|f| {
        f["kind"] == "boundary-variant"
            && f["places"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["text"] == "Aleksandar Vucic")
    }));
    let all = findings(&[], &dir);
    assert!(all.len() > amira.len());
    assert!(all.iter().any(|f| f["layer"] == "bruno"));
    let bad = run(gloss()
        .arg("consistency")
        .arg(&dir)
        .args(["--layer", "nobody"]));
    assert!(one_line_error(&bad).contains("--layer nobody: no such layer"));
    assert_eq!(snapshot(&dir), before, "checking writes nothing");
}
