//! `gloss quotes`, run as a user runs it on a copy of the sample: who said what, grouped by
//! speaker, outlet or document (issue 14's "who said what", without the entity registry: the
//! entity column carries the speaker mentions' knowledge-base ids).
#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::{gloss, one_line_error, run, sample_copy};
use tempfile::TempDir;

#[test]
fn quotes_by_speaker_are_a_csv_table_with_the_issues_first_columns() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let done = run(gloss().arg("quotes").arg(&dir).args(["--layer", "amira"]));
    assert!(done.success, "{}", done.stderr);
    assert_eq!(
        done.stdout,
        "speaker,entity,quotes,direct,indirect,mixed,cues,outlets,documents,dates\r\n\
         Vucic,,3,1,2,0,added (1); said (1); told reporters (1),TRT World,kosovo-serbia-brussels-talks,\r\n\
         Kurti,,2,1,1,0,said (1); said in a statement (1),TRT World,kosovo-serbia-brussels-talks,\r\n"
    );
}

#[test]
fn quotes_by_outlet_as_json() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let done = run(gloss()
        .arg("quotes")
        .arg(&dir)
        .args(["--layer", "bruno", "--by", "outlet", "--format", "json"]));
    assert!(done.success, "{}", done.stderr);
    let rows: serde_json::Value = serde_json::from_str(&done.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["key"], "TRT World");
    let quotes = rows[0]["quotes"].as_u64().unwrap();
    let split = rows[0]["direct"].as_u64().unwrap()
        + rows[0]["indirect"].as_u64().unwrap()
        + rows[0]["mixed"].as_u64().unwrap();
    assert!(quotes > 0);
    assert_eq!(split, quotes);
}

#[test]
fn an_unknown_layer_is_one_line() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    // The fixture has no gold layer yet: the default layer is named in the error.
    let done = run(gloss().arg("quotes").arg(&dir));
    let line = one_line_error(&done);
    assert!(line.contains("--layer gold: no such layer"), "{line}");
}
