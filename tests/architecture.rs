//! The layers of HOUSE-STYLE §1, kept honest:
//!
//! ```text
//! model  <-  storage, formats, suggest, review  <-  workbench  <-  ui  <-  cli, main.rs
//! ```
//!
//! - Window crates (`egui`, `eframe`, `rfd`, …) are named only under `src/ui/`; the CLI and
//!   `main.rs` may call `gloss::ui::run` but never egui itself.
//! - `src/model/` does no I/O: no files, network, threads, processes, environment, clock, or
//!   RON/JSON reading and writing.
//! - Each layer depends only on the layers below it; storage, formats, suggest and review never on
//!   each other.
//!
//! The scan (`architecture/scanner.rs`) reads every `.rs` file under `src/`, drops comments and string
//! literals, then looks at `use` trees (flattened: `use std::{fs, io}` is `std::fs` and `std::io`) and at `a::b` paths in code.
//! A failure names the file, the line and the rule.
#![allow(clippy::unwrap_used)]

#[path = "architecture/scanner.rs"]
mod scanner;

use std::path::{Path, PathBuf};

use scanner::{PathMention, crate_path, scan};

/// Crates that draw, open windows or dialogs: only `src/ui/` may name them.
const WINDOW_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "rfd",
    "egui_kittest",
    "egui_extras",
    "egui_glow",
    "egui_winit",
    "epaint",
    "emath",
    "ecolor",
    "winit",
    "accesskit",
];

/// Path prefixes that mean I/O, threads or the clock, which the model never touches.
const MODEL_FORBIDDEN_PREFIXES: &[&[&str]] = &[
    &["std", "fs"],
    &["std", "net"],
    &["std", "thread"],
    &["std", "process"],
    &["std", "env"],
    &["std", "time", "SystemTime"],
    &["std", "time", "Instant"],
    &["ron"],
    &["serde_json"],
];

/// Names that read the clock wherever they are imported from.
const CLOCK_NAMES: &[&str] = &["SystemTime", "Instant"];

/// The crate's layers, each with the layers it may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("storage", &["model"]),
    ("formats", &["model"]),
    ("suggest", &["model"]),
    ("review", &["model"]),
    (
        "workbench",
        &["model", "storage", "formats", "suggest", "review"],
    ),
    (
        "ui",
        &[
            "model",
            "storage",
            "formats",
            "suggest",
            "review",
            "workbench",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "storage",
            "formats",
            "suggest",
            "review",
            "workbench",
            "ui",
        ],
    ),
];

#[test]
fn window_crates_are_used_only_in_the_ui_layer() {
    let broken: Vec<String> = source_files()
        .iter()
        .flat_map(window_crate_breaks)
        .collect();
    assert_no_breaks("window crates outside the ui layer", &broken);
}

#[test]
fn the_model_does_no_io_and_reads_no_clock() {
    let broken: Vec<String> = source_files().iter().flat_map(model_io_breaks).collect();
    assert_no_breaks("I/O in the model", &broken);
}

#[test]
fn layers_depend_only_on_the_layers_below_them() {
    let broken: Vec<String> = source_files().iter().flat_map(layer_breaks).collect();
    assert_no_breaks("layer dependencies", &broken);
}

// --- The rules ----------------------------------------------------------------------------------

fn window_crate_breaks(file: &SourceFile) -> Vec<String> {
    if file.module.first().map(String::as_str) == Some("ui") {
        return Vec::new();
    }
    let mut broken = Vec::new();
    for path in &file.paths {
        let Some(first) = path.segments.first() else {
            continue;
        };
        // A lone identifier (`let glow = …`) is not a crate; a `use` or an `a::b` path is.
        let names_a_crate = path.in_use || path.segments.len() > 1;
        if names_a_crate && WINDOW_CRATES.contains(&first.as_str()) {
            broken.push(format!(
                "{}:{}: uses {} outside src/ui/ (only the ui layer may draw; call gloss::ui::run)",
                file.display,
                path.line,
                path.segments.join("::")
            ));
        }
    }
    broken
}

fn model_io_breaks(file: &SourceFile) -> Vec<String> {
    if file.module.first().map(String::as_str) != Some("model") {
        return Vec::new();
    }
    let mut broken = Vec::new();
    for path in &file.paths {
        let segments: Vec<&str> = path.segments.iter().map(String::as_str).collect();
        let io = MODEL_FORBIDDEN_PREFIXES
            .iter()
            .any(|prefix| segments.starts_with(prefix));
        let clock = segments.iter().any(|s| CLOCK_NAMES.contains(s))
            || (segments.len() > 1 && segments.last() == Some(&"now"));
        if io || clock {
            broken.push(format!(
                "{}:{}: uses {} in the model (the model is pure: no files, network, threads, \
                 processes, environment, clock or RON/JSON I/O; callers pass values in)",
                file.display,
                path.line,
                segments.join("::")
            ));
        }
    }
    broken
}

fn layer_breaks(file: &SourceFile) -> Vec<String> {
    let Some(own) = file.module.first() else {
        return Vec::new(); // lib.rs and main.rs wire the layers together.
    };
    let Some((_, allowed)) = LAYERS.iter().find(|(layer, _)| layer == own) else {
        return Vec::new();
    };
    let mut broken = Vec::new();
    for path in &file.paths {
        let Some(target) = crate_path(&file.module, &path.segments) else {
            continue;
        };
        let Some(used) = target.first() else {
            continue;
        };
        let is_layer = LAYERS.iter().any(|(layer, _)| layer == used);
        if is_layer && used != own && !allowed.contains(&used.as_str()) {
            broken.push(format!(
                "{}:{}: {own} uses {used} (crate::{}); {own} may use only {}",
                file.display,
                path.line,
                target.join("::"),
                if allowed.is_empty() {
                    "itself".to_owned()
                } else {
                    allowed.join(", ")
                }
            ));
        }
    }
    broken
}

#[test]
fn the_rules_catch_what_they_forbid() {
    let model = SourceFile::new(
        "src/model/x.rs",
        &["model", "x"],
        "use std::{fs, thread};\nlet t = Timestamp::now();",
    );
    assert_eq!(
        model_io_breaks(&model).len(),
        3,
        "{:?}",
        model_io_breaks(&model)
    );
    let storage = SourceFile::new(
        "src/storage/x.rs",
        &["storage", "x"],
        "use crate::{model::Project, formats::txt};\nuse super::super::workbench::Workbench;",
    );
    let breaks = layer_breaks(&storage);
    assert_eq!(breaks.len(), 2, "{breaks:?}");
    assert!(
        breaks[0].starts_with("src/storage/x.rs:1: storage uses formats"),
        "{}",
        breaks[0]
    );
    let cli = SourceFile::new(
        "src/cli/x.rs",
        &["cli", "x"],
        "fn f() { egui::Context::default(); crate::ui::run(None, None); }",
    );
    assert_eq!(window_crate_breaks(&cli).len(), 1);
    assert!(layer_breaks(&cli).is_empty());
}

// --- The source files ----------------------------------------------------------------------------

struct SourceFile {
    display: String,
    /// The file's module under the crate root (`["storage", "format_v1"]`); empty for lib.rs/main.rs.
    module: Vec<String>,
    paths: Vec<PathMention>,
}

impl SourceFile {
    fn new(display: &str, module: &[&str], text: &str) -> Self {
        Self {
            display: display.to_owned(),
            module: module.iter().map(|m| (*m).to_owned()).collect(),
            paths: scan(text),
        }
    }
}

fn source_files() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect_rs(&root.join("src"), &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no source files found under {}",
        root.join("src").display()
    );
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(root.join("src")).unwrap();
            let mut module: Vec<String> = relative
                .iter()
                .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            let is_mod_rs = module.last().is_some_and(|m| m == "mod");
            if is_mod_rs || (module.len() == 1 && (module[0] == "lib" || module[0] == "main")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            SourceFile {
                display: path.strip_prefix(root).unwrap().display().to_string(),
                module,
                paths: scan(&text),
            }
        })
        .collect()
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn assert_no_breaks(rule: &str, broken: &[String]) {
    assert!(broken.is_empty(), "{rule}:\n{}", broken.join("\n"));
}
