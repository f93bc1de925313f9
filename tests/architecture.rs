//! The layers of HOUSE-STYLE §1, kept honest:
//!
//! ```text
//! model  <-  storage, formats, suggest, review  <-  workbench  <-  ui  <-  cli, main.rs
//! ```
//!
//! - Window crates (`egui`, `eframe`, `egui_plot`, `rfd`, …) are named only under `src/ui/`; `main.rs`
//!   may call `gloss::ui::run` but never egui itself.
//! - `src/model/` does no I/O: no files, network, threads, processes, environment, clock, or
//!   RON/JSON reading and writing.
//! - Each layer depends only on the layers below it; storage, formats, suggest and review never on
//!   each other. `ui` may use only `model` and `workbench` (and the window crates); `cli` only
//!   `model` and `workbench`: the services live in the workbench, the faces only show them.
//! - The rule cannot be dodged by naming a layer another way: renamed imports (`use crate::storage as
//!   s`, `use crate as g`, `extern crate self as g`), `super::super::`, `::gloss::` paths, grouped
//!   trees, a crate path that is not a layer (a re-export at the crate root, a module outside the
//!   layers), a layer re-exported whole (`pub use crate::storage;`, `pub use crate::storage::*`),
//!   `#[path]` modules, `include!` and `#[macro_export]` are all caught.
//!
//! The scan (`architecture/scanner.rs`) reads every `.rs` file under `src/`, drops comments and string
//! literals, then looks at `use` trees (flattened: `use std::{fs, io}` is `std::fs` and `std::io`) and at `a::b` paths in code.
//! A failure names the file, the line and the rule.
#![allow(clippy::unwrap_used)]

#[path = "architecture/scanner.rs"]
mod scanner;

use std::path::{Path, PathBuf};

use scanner::{PathMention, crate_path_with, escape_hatches, scan};

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
    "egui_plot",
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
    ("ui", &["model", "workbench"]),
    ("cli", &["model", "workbench"]),
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
        return root_breaks(file); // lib.rs and main.rs wire the layers together.
    };
    let Some((_, allowed)) = LAYERS.iter().find(|(layer, _)| layer == own) else {
        return vec![format!(
            "{}: module {own} is not one of the layers ({}); put it in the layer it belongs to",
            file.display,
            layer_names().join(", ")
        )];
    };
    let aliases = file.aliases();
    let mut broken = Vec::new();
    for (word, line) in &file.hatches {
        broken.push(format!(
            "{}:{line}: {word} reaches code around the layer rules (no #[path], include! or \
             #[macro_export] under src/)",
            file.display
        ));
    }
    for path in &file.paths {
        let module: Vec<String> = file.module.iter().chain(&path.inline).cloned().collect();
        let Some(target) = crate_path_with(&module, &path.segments, &aliases) else {
            continue;
        };
        // `use crate as g` names no layer yet; its alias is followed where it is used.
        let Some(used) = target.first() else {
            continue;
        };
        if used == "*" {
            broken.push(format!(
                "{}:{}: glob import of the crate root brings every layer into scope",
                file.display, path.line
            ));
            continue;
        }
        let is_layer = LAYERS.iter().any(|(layer, _)| layer == used);
        if !is_layer {
            broken.push(format!(
                "{}:{}: {} names crate::{}, which is not a layer; name items by their layer",
                file.display,
                path.line,
                own,
                target.join("::")
            ));
            continue;
        }
        if used != own && !allowed.contains(&used.as_str()) {
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
        // A whole lower layer re-exported would let every layer above reach it by another name.
        let whole = target.len() == 1 || target.last().is_some_and(|s| s == "*");
        if path.public && used != own && whole {
            broken.push(format!(
                "{}:{}: {own} re-exports crate::{} whole; re-export the items the layers above \
                 need, by name",
                file.display,
                path.line,
                target.join("::")
            ));
        }
    }
    broken
}

/// lib.rs only declares the layers: a `use` there would put a layer's items at the crate root.
fn root_breaks(file: &SourceFile) -> Vec<String> {
    if file.display != "src/lib.rs" {
        return Vec::new();
    }
    let mut broken: Vec<String> = file
        .paths
        .iter()
        .filter(|p| p.in_use)
        .map(|p| {
            format!(
                "{}:{}: the crate root re-exports {}; it only declares the layers",
                file.display,
                p.line,
                p.segments.join("::")
            )
        })
        .collect();
    broken.extend(
        file.hatches
            .iter()
            .map(|(word, line)| format!("{}:{line}: {word} in the crate root", file.display)),
    );
    broken
}

fn layer_names() -> Vec<&'static str> {
    LAYERS.iter().map(|(layer, _)| *layer).collect()
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
    let breaks = layer_breaks(&cli);
    assert_eq!(breaks.len(), 1, "{breaks:?}");
    assert!(breaks[0].contains("cli uses ui"), "{}", breaks[0]);
}

/// `code` as a file of `module` (e.g. `cli::check`); the breaks the layer rule finds in it.
fn breaks_in(module: &str, code: &str) -> Vec<String> {
    let parts: Vec<&str> = module.split("::").collect();
    let display = format!("src/{}.rs", parts.join("/"));
    layer_breaks(&SourceFile::new(&display, &parts, code))
}

#[test]
fn every_way_of_naming_a_forbidden_layer_is_caught() {
    let dodges = [
        (
            "renamed import",
            "use crate::storage as s;\nfn f() { s::load(); }",
        ),
        ("super::super", "use super::super::storage;"),
        ("super in code", "fn f() { super::super::storage::load(); }"),
        (
            "self::super",
            "fn f() { self::super::super::review::agreement(); }",
        ),
        (
            "grouped tree",
            "use crate::{model::Project, storage::load};",
        ),
        ("nested group", "use crate::{model, {review::{agreement}}};"),
        (
            "extern crate self",
            "extern crate self as g;\nfn f() { g::storage::load(); }",
        ),
        (
            "crate alias",
            "use crate as g;\nfn f() { g::suggest::Worker::new(); }",
        ),
        (
            "crate self alias",
            "use crate::{self as g};\nfn f() { g::formats::txt(); }",
        ),
        (
            "super alias",
            "use super::super as up;\nfn f() { up::storage::load(); }",
        ),
        ("absolute ::gloss", "fn f() { ::gloss::storage::load(); }"),
        ("gloss path", "use gloss::storage::load;"),
        (
            "macro path",
            "macro_rules! m { () => { $crate::storage::load() }; }",
        ),
        ("glob of the root", "use crate::*;"),
        ("root re-export", "fn f() { crate::load(); }"),
        ("module outside the layers", "use crate::shim::load;"),
        (
            "#[path] module",
            "#[path = \"../storage/load.rs\"] mod load;",
        ),
        ("include!", "include!(\"../storage/load.rs\");"),
        (
            "macro_export",
            "#[macro_export] macro_rules! m { () => {} }",
        ),
    ];
    for (dodge, code) in dodges {
        for module in ["cli::x", "ui::x"] {
            assert!(
                !breaks_in(module, code).is_empty(),
                "{dodge} is not caught in {module}: {code}"
            );
        }
    }
}

#[test]
fn super_climbs_from_nested_and_inline_modules() {
    // From src/ui/review/x.rs, super::super is ui itself; one more is the crate root.
    assert!(breaks_in("ui::review::x", "use super::super::workbench;").is_empty());
    assert!(!breaks_in("ui::review::x", "use super::super::super::storage;").is_empty());
    // Inside `mod tests` of src/cli/mod.rs, `super::*` is cli, not the crate root.
    let tests = SourceFile::new("src/cli/mod.rs", &["cli"], "mod tests { use super::*; }");
    assert!(layer_breaks(&tests).is_empty());
    let escape = "mod tests { use super::super::storage::load; }";
    assert!(!layer_breaks(&SourceFile::new("src/cli/mod.rs", &["cli"], escape)).is_empty());
}

#[test]
fn a_layer_re_exported_whole_is_caught_where_it_is_re_exported() {
    for code in [
        "pub use crate::storage;",
        "pub use crate::storage as disk;",
        "pub use crate::storage::*;",
        "pub(crate) use crate::review::*;",
        "pub use super::super::storage::lock::*;",
    ] {
        let breaks = breaks_in("workbench::x", code);
        assert_eq!(breaks.len(), 1, "{code}: {breaks:?}");
        assert!(breaks[0].contains("whole"), "{code}: {}", breaks[0]);
    }
    // Items by name are the workbench's vocabulary for the faces, and private uses are its own.
    assert!(breaks_in("workbench::x", "pub use crate::review::{Figures, Version};").is_empty());
    assert!(breaks_in("workbench::x", "use crate::storage;").is_empty());
}

#[test]
fn the_faces_may_use_the_workbench_and_the_model() {
    let code = "use crate::workbench::{Hooks, tasks::check};\nuse crate::model::Project;\n\
                use super::table::aligned;\nfn f() { crate::workbench::tasks::stats::stats(); }";
    assert!(
        breaks_in("cli::x", code).is_empty(),
        "{:?}",
        breaks_in("cli::x", code)
    );
    assert!(
        breaks_in(
            "ui::x",
            "use egui_plot::Plot;\nuse crate::workbench::Workbench;"
        )
        .is_empty()
    );
    // A module outside the layers and a re-export at the crate root are caught where they are.
    let stray = SourceFile::new("src/shim.rs", &["shim"], "pub use crate::storage::*;");
    assert!(!layer_breaks(&stray).is_empty());
    let root = SourceFile::new("src/lib.rs", &[], "pub mod storage;\npub use storage::*;");
    assert_eq!(layer_breaks(&root).len(), 1);
}

// --- The source files ----------------------------------------------------------------------------

struct SourceFile {
    display: String,
    /// The file's module under the crate root (`["storage", "format_v1"]`); empty for lib.rs/main.rs.
    module: Vec<String>,
    paths: Vec<PathMention>,
    hatches: Vec<(String, usize)>,
}

impl SourceFile {
    fn new(display: &str, module: &[&str], text: &str) -> Self {
        Self {
            display: display.to_owned(),
            module: module.iter().map(|m| (*m).to_owned()).collect(),
            paths: scan(text),
            hatches: escape_hatches(text),
        }
    }

    /// The file's names for crate paths: `use crate as g` gives `g` → the crate root,
    /// `use super::super as up` gives `up` → where that lands.
    fn aliases(&self) -> Vec<(String, Vec<String>)> {
        let mut aliases: Vec<(String, Vec<String>)> = Vec::new();
        for path in self.paths.iter().filter(|p| p.in_use) {
            let Some(alias) = &path.alias else {
                continue;
            };
            if let Some(target) = crate_path_with(&self.module, &path.segments, &aliases) {
                aliases.push((alias.clone(), target));
            }
        }
        aliases
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
                hatches: escape_hatches(&text),
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
