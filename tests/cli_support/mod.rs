//! What the command-line tests of review and formats share: running the built `gloss` as a user
//! does, the one-line error contract, temporary copies of the sample project, and snapshots that
//! show a failed command changed nothing.

// Each test crate uses part of this module.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub fn gloss() -> Command {
    let mut command = Command::cargo_bin("gloss").unwrap();
    // A backtrace must never reach the user, even when they ask for one for panics.
    command.env("RUST_BACKTRACE", "1");
    command
}

/// What a run left for the user to see.
pub struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(command: &mut Command) -> Run {
    let output = command.output().unwrap();
    Run {
        success: output.status.success(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The user-error contract: failure, exactly one `error:` line on stderr, no panic or backtrace.
/// Returns the line.
pub fn one_line_error(run: &Run) -> String {
    assert!(!run.success, "expected a failure; stdout: {}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got:\n{}", run.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    assert!(!run.stderr.contains("panicked") && !run.stderr.contains("backtrace"));
    lines[0].to_owned()
}

/// A copy of `tests/fixtures/kosovo-talks` in `temp`; returns the project folder.
pub fn sample_copy(temp: &TempDir) -> PathBuf {
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &dir,
    );
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != ".gloss.lock" {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A new empty project with the news preset, as `gloss new` makes it, in `temp/name`.
pub fn new_project(temp: &TempDir, name: &str) -> PathBuf {
    let dir = temp.path().join(name);
    let made = run(gloss().arg("new").arg(&dir).args(["--preset", "news"]));
    assert!(made.success, "{}", made.stderr);
    dir
}

/// Every file under `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The same JSON, numbers equal to 1e-12: the figures are the same computation, but a float sum
/// may take its terms in another order, and parsing JSON back may move the last bit.
pub fn assert_same_figures(found: &serde_json::Value, expected: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (found, expected) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!((a - b).abs() <= 1e-12, "{at}: {a} != {b}");
        }
        (Value::Object(a), Value::Object(b)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{at}");
            for (key, value) in a {
                assert_same_figures(value, &b[key], &format!("{at}.{key}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_same_figures(x, y, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(found, expected, "{at}"),
    }
}
