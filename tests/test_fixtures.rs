//! The tests read a frozen copy of the sample project, `tests/fixtures/kosovo-talks/`, never the
//! user-facing one under `projects/`: the README's first command opens that one for editing, and an
//! edit there must not make the suite fail. Only the test of the README's examples names it, to
//! substitute a fresh copy of the sample for it.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// Sources allowed to name the user's sample: the README test replaces it in commands (and compares
/// it with the generator's output, only when git says it is unchanged); the generator writes it.
const ALLOWED: &[&str] = &[
    "tests/readme_examples.rs",
    "examples/make_sample_project/main.rs",
    "examples/make_sample_project/sample/mod.rs",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // The fixtures are data, not test code.
            if !path.ends_with("tests/fixtures") {
                sources(&path, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "py" || e == "sh")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_test_benchmark_or_example_reads_the_users_sample_project() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Spelled in two pieces so that this file does not name it either.
    let users_sample = ["projects", "kosovo-talks"].join("/");
    let mut files = Vec::new();
    for dir in ["tests", "benches", "examples"] {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} test sources", files.len());
    let mut offenders = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.contains(&relative.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            if line.contains(&users_sample) {
                offenders.push(format!("{relative}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "tests must copy tests/fixtures/kosovo-talks instead of {users_sample}:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_fixture_is_a_valid_project_with_the_layers_the_tests_expect() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks");
    let project = gloss::storage::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gloss::model::validate::check(&project), vec![]);
    let layers: Vec<String> = project
        .layers()
        .map(|(key, _)| key.layer.as_str().to_owned())
        .collect();
    assert_eq!(layers, ["amira", "bruno"]);
}
