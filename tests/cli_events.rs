//! `gloss events`, run as a user runs it on a copy of the sample: what happened, one row per event
//! type and participant, and with `--format json` a timeline of events per document date.
#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::{gloss, one_line_error, run, sample_copy};
use tempfile::TempDir;

#[test]
fn events_by_type_and_participant_are_a_csv_table_most_events_first() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let done = run(gloss().arg("events").arg(&dir).args(["--layer", "amira"]));
    assert!(done.success, "{}", done.stderr);
    let lines: Vec<&str> = done.stdout.split("\r\n").collect();
    assert_eq!(
        lines[..5],
        [
            "type,participant,entity,roles,events,documents,dates",
            "MEET,Vucic,,Participant,3,kosovo-serbia-brussels-talks,",
            "NEGOTIATE,Serbia,,Participant,3,kosovo-serbia-brussels-talks,",
            "MEET,Kurti,,Participant,2,kosovo-serbia-brussels-talks,",
            "NEGOTIATE,Brussels,,Place,2,kosovo-serbia-brussels-talks,",
        ]
    );
    // An event's participant counts once however many roles it fills; every event appears under
    // each of its participants.
    assert_eq!(lines.len(), 40, "{}", done.stdout);
}

#[test]
fn events_as_json_with_the_timeline() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let done = run(gloss()
        .arg("events")
        .arg(&dir)
        .args(["--layer", "bruno", "--format", "json"]));
    assert!(done.success, "{}", done.stderr);
    let json: serde_json::Value = serde_json::from_str(&done.stdout).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["type"].is_string() && r["events"].as_u64() > Some(0))
    );
    let timeline = json["timeline"].as_array().unwrap();
    // The fixture's article has no publication date: every event sits under the empty date.
    assert!(timeline.iter().all(|p| p["date"] == ""));
    let per_type: u64 = timeline.iter().map(|p| p["events"].as_u64().unwrap()).sum();
    assert!(per_type > 0);
}

#[test]
fn an_unknown_layer_is_one_line_naming_the_layers() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let line = one_line_error(&run(gloss()
        .arg("events")
        .arg(&dir)
        .args(["--layer", "zed"])));
    assert!(line.contains("--layer zed: no such layer"), "{line}");
    assert!(line.contains("(layers: amira, bruno)"), "{line}");
}
