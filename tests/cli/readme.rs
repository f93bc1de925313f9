//! The README stays true: its test command is the one CI runs, and what it says about the command line,
//! the shortcuts and the presets matches the code.

use std::path::Path;

use super::subcommands;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn the_readme_test_command_is_the_one_ci_runs() {
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    // The line that runs the tests; what follows the command only keeps its output for a check.
    let ci_command = ci
        .lines()
        .map(str::trim)
        .find(|line| line.contains("cargo test") && !line.starts_with('#'))
        .unwrap();
    let ci_command = ci_command
        .split(" 2>&1 | tee ")
        .next()
        .unwrap_or(ci_command);
    let readme = readme();
    let readme_command = readme
        .lines()
        .find(|line| line.contains("cargo test") && !line.contains('`'))
        .unwrap();
    assert_eq!(readme_command, ci_command);
}

#[test]
fn the_readme_shows_every_command() {
    let readme = readme();
    for command in &subcommands() {
        assert!(
            readme.contains(&format!("| `{command}` | `gloss {command} ")),
            "README lacks {command}"
        );
    }
}

#[test]
fn the_readme_names_every_import_and_export_format() {
    let readme = readme();
    let import_row = readme
        .lines()
        .find(|l| l.starts_with("| `import` |"))
        .unwrap();
    for format in gloss::formats::ImportFormat::NAMES {
        assert!(
            import_row.contains(format),
            "README's import row lacks {format}"
        );
    }
    let export_row = readme
        .lines()
        .find(|l| l.starts_with("| `export` |"))
        .unwrap();
    for format in gloss::formats::ExportFormat::NAMES {
        assert!(
            export_row.contains(&format!("`{format}`")),
            "README's export row lacks {format}"
        );
    }
}

#[test]
fn the_readme_shortcut_table_matches_the_command_list() {
    let readme = readme();
    let section = readme.split("## Keyboard shortcuts").nth(1).unwrap();
    let section = section.split("\n## ").next().unwrap();
    let in_readme: std::collections::BTreeSet<String> = section
        .lines()
        .filter(|line| {
            line.starts_with("| ")
                && !line.starts_with("| Keys")
                && !line.starts_with("| the label")
        })
        .flat_map(|line| {
            line.split('|')
                .nth(1)
                .unwrap()
                .split(" / ")
                .map(|k| k.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let in_app: std::collections::BTreeSet<String> = gloss::workbench::shortcuts()
        .iter()
        .filter(|s| !s.keys.is_empty())
        .flat_map(|s| s.keys.split(" / ").map(|k| k.trim().to_owned()))
        .collect();
    let missing: Vec<&String> = in_app.difference(&in_readme).collect();
    let unknown: Vec<&String> = in_readme.difference(&in_app).collect();
    assert!(
        missing.is_empty(),
        "the README lacks these shortcuts: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "the README lists keys the app does not have: {unknown:?}"
    );

    // The label hotkeys the README quotes are the news preset's.
    let news = gloss::storage::presets::preset("news").unwrap();
    for label in ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"] {
        let key = news.entity_label(label).unwrap().hotkey.unwrap();
        assert!(
            section.contains(&format!("`{key}` {label}")),
            "README: {label} should be on `{key}`"
        );
    }
    assert!(section.contains(&format!("`{}` quote", news.quotes.hotkey.unwrap())));
}

#[test]
fn the_readme_preset_figures_are_true() {
    let readme = readme();
    let preset = |name: &str| gloss::storage::presets::preset(name).unwrap();
    assert!(readme.contains(&format!(
        "`ontonotes` ({} entity types)",
        preset("ontonotes").entity_labels.len()
    )));
    assert!(readme.contains(&format!(
        "`conll` ({} types)",
        preset("conll").entity_labels.len()
    )));
    assert!(readme.contains(&format!(
        "`ace2005` (entities and {} event subtypes)",
        preset("ace2005").event_types.len()
    )));
}
