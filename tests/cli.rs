//! The `gloss` command line, run as a user runs it: the built binary, on a temporary copy of the
//! sample project (`tests/fixtures/kosovo-talks`) or on projects the tests make with `gloss new`.
//!
//! What a user sees is the specification: exit statuses, the one `error:` line on stderr, the files
//! left on disk (unchanged after a failure), and the exported JSON.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use skip_support::skipped;
use tempfile::TempDir;

#[path = "cli/readme.rs"]
mod readme;
mod skip_support;
#[path = "cli/window.rs"]
mod window;

/// Every subcommand, as the command line defines them (clap's own `help` aside).
fn subcommands() -> Vec<String> {
    use clap::CommandFactory as _;
    gloss::cli::Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .filter(|name| name != "help")
        .collect()
}

fn gloss() -> Command {
    let mut command = Command::cargo_bin("gloss").unwrap();
    // A backtrace must never reach the user, even when they ask for one for panics.
    command.env("RUST_BACKTRACE", "1");
    command
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks")
}

/// A temporary copy of the sample project; the returned path is the project folder.
fn sample_copy() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("kosovo-talks");
    copy_dir(&sample(), &dir);
    (temp, dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, to show that a failed command changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

/// The layer files of a project (`annotations/<doc>/<layer>.ron`), sorted.
fn layer_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = snapshot(&dir.join("annotations"))
        .into_keys()
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .map(|path| dir.join("annotations").join(path))
        .collect();
    files.sort();
    files
}

struct Run {
    success: bool,
    stdout: String,
    stderr: String,
}

fn run(command: &mut Command) -> Run {
    let output = command.output().unwrap();
    Run {
        success: output.status.success(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The user-error contract: failure, exactly one `error:` line on stderr, no panic, no backtrace.
fn assert_one_line_error(run: &Run) -> String {
    assert!(!run.success, "expected a failure; stdout: {}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one line on stderr, got:\n{}",
        run.stderr
    );
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    assert!(!run.stderr.contains("panicked") && !run.stderr.to_lowercase().contains("backtrace"));
    lines[0].to_owned()
}

/// A new empty project made with the news preset.
fn new_project(temp: &TempDir) -> PathBuf {
    let dir = temp.path().join("project");
    let made = run(gloss()
        .arg("new")
        .arg(&dir)
        .args(["--preset", "news", "--name", "Test"]));
    assert!(made.success, "{}", made.stderr);
    dir
}

fn document_ids(dir: &Path) -> Vec<String> {
    let project = gloss::storage::load(dir).unwrap();
    project
        .documents()
        .iter()
        .map(|d| d.id.to_string())
        .collect()
}

#[test]
fn help_lists_every_command_and_each_command_has_examples() {
    let top = run(gloss().arg("--help"));
    assert!(top.success);
    for command in &subcommands() {
        assert!(
            top.stdout.contains(command),
            "`gloss --help` lacks {command}:\n{}",
            top.stdout
        );
        let help = run(gloss().arg(command).arg("--help"));
        assert!(help.success, "{}", help.stderr);
        assert!(
            help.stdout.contains(&format!("Usage: gloss {command}")),
            "{}",
            help.stdout
        );
        assert!(
            help.stdout.contains("Examples:"),
            "`gloss {command} --help`:\n{}",
            help.stdout
        );
    }
}

#[test]
fn check_accepts_the_sample_project() {
    let (_temp, dir) = sample_copy();
    let checked = run(gloss().arg("check").arg(&dir));
    assert!(checked.success, "{}{}", checked.stdout, checked.stderr);
    assert!(checked.stdout.starts_with("ok: "), "{}", checked.stdout);
    assert!(checked.stdout.contains("no problems"), "{}", checked.stdout);
}

#[test]
fn check_names_the_file_when_a_span_no_longer_covers_its_text_and_changes_nothing() {
    let (_temp, dir) = sample_copy();
    let file = layer_files(&dir).into_iter().next().unwrap();
    let original = std::fs::read_to_string(&file).unwrap();
    let corrupted = original.replacen("text: \"", "text: \"Corrupted ", 1);
    assert_ne!(corrupted, original, "{} holds no span text", file.display());
    std::fs::write(&file, &corrupted).unwrap();
    let before = snapshot(&dir);

    let checked = run(gloss().arg("check").arg(&dir));

    let line = assert_one_line_error(&checked);
    let file_name = file.file_name().unwrap().to_string_lossy();
    assert!(
        line.contains(&*file_name),
        "the error should name {file_name}: {line}"
    );
    assert!(
        line.contains("Corrupted"),
        "the error should quote the stored text: {line}"
    );
    assert_eq!(snapshot(&dir), before, "check must not change any file");
}

#[test]
fn check_prints_one_line_per_schema_problem_and_exits_1() {
    use gloss::model::{
        Annotation, AnnotationId, CharSpan, Edit, Event, LayerKey, LayerName, Provenance,
    };

    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let article = temp.path().join("article.txt");
    std::fs::write(&article, "Vucic and Kurti met in Brussels.").unwrap();
    assert!(run(gloss().arg("import").arg(&dir).arg(&article)).success);

    // Two events whose required roles are empty: the file loads, but the project is not complete.
    let mut project = gloss::storage::load(&dir).unwrap();
    let event_type = project
        .schema
        .event_types
        .iter()
        .find(|ty| ty.roles.iter().any(|role| role.required))
        .expect("the news preset has an event type with a required role")
        .name
        .clone();
    let doc = project.documents()[0].id.clone();
    let key = LayerKey::new(doc, LayerName::new("alice").unwrap());
    for id in [1, 2] {
        let event = Event {
            id: AnnotationId(id),
            trigger: CharSpan::new(16, 19), // "met"
            event_type: gloss::model::Label::new(&event_type),
            arguments: Vec::new(),
            attributes: BTreeMap::new(),
            note: String::new(),
            provenance: Provenance::manual("alice", "2024-01-01T00:00:00Z".parse().unwrap()),
        };
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation: Annotation::Event(Box::new(event)),
            })
            .unwrap();
    }
    gloss::storage::save(&dir, &mut project).unwrap();

    let checked = run(gloss().arg("check").arg(&dir));

    assert!(!checked.success);
    let problems: Vec<&str> = checked.stdout.lines().collect();
    assert!(
        problems.len() >= 2,
        "one line per problem:\n{}",
        checked.stdout
    );
    for problem in &problems {
        assert!(problem.contains("alice.ron: annotation "), "{problem}");
        assert!(problem.contains("required role"), "{problem}");
    }
    assert_eq!(checked.stderr.lines().count(), 1, "{}", checked.stderr);
}

#[test]
fn stats_shows_progress_and_labels_per_layer() {
    let (_temp, dir) = sample_copy();
    let layers: Vec<String> = layer_files(&dir)
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();

    let table = run(gloss().arg("stats").arg(&dir));
    assert!(table.success, "{}", table.stderr);
    for header in ["layer", "done", "entities", "quotes", "events", "label"] {
        assert!(
            table.stdout.contains(header),
            "missing {header}:\n{}",
            table.stdout
        );
    }
    for layer in &layers {
        assert!(
            table.stdout.contains(layer.as_str()),
            "missing layer {layer}:\n{}",
            table.stdout
        );
    }
    assert!(table.stdout.contains("PERSON"), "{}", table.stdout);

    let json = run(gloss().arg("stats").arg(&dir).arg("--json"));
    assert!(json.success, "{}", json.stderr);
    let stats: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(stats["documents"].as_u64().unwrap() >= 1);
    let reported: Vec<&str> = stats["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["layer"].as_str().unwrap())
        .collect();
    for layer in &layers {
        assert!(
            reported.contains(&layer.as_str()),
            "{reported:?} lacks {layer}"
        );
    }
    let first = &stats["layers"][0];
    assert_eq!(
        first["done"].as_u64().unwrap()
            + first["in_progress"].as_u64().unwrap()
            + first["new"].as_u64().unwrap(),
        first["total"].as_u64().unwrap()
    );
}

#[test]
fn new_then_import_keeps_every_character_of_a_text_file() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    assert!(dir.join("project.ron").is_file());
    let text = "Вучић и Курти met in Prishtinë, çështje 🇽🇰 👨‍👩‍👧\nSecond line.\n";
    let article = temp.path().join("talks.txt");
    std::fs::write(&article, text).unwrap();

    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&article)
        .args(["--annotator", "alice"]));

    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported.stdout.contains("imported 1 document"),
        "{}",
        imported.stdout
    );
    let project = gloss::storage::load(&dir).unwrap();
    assert_eq!(project.documents().len(), 1);
    assert_eq!(project.documents()[0].text.as_str(), text);
    assert!(project.annotators.iter().any(|a| a == "alice"));
    assert!(
        run(gloss().arg("check").arg(&dir))
            .stdout
            .starts_with("ok: 1 document,")
    );
}

#[test]
fn new_refuses_to_overwrite_a_project() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let before = snapshot(&dir);
    let again = run(gloss().arg("new").arg(&dir).args(["--preset", "conll"]));
    assert_one_line_error(&again);
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn importing_a_folder_takes_its_txt_files_recursively_in_sorted_order() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let folder = temp.path().join("articles");
    std::fs::create_dir_all(folder.join("more")).unwrap();
    std::fs::write(folder.join("b.txt"), "Second article.").unwrap();
    std::fs::write(folder.join("a.txt"), "First article.").unwrap();
    std::fs::write(folder.join("more/c.txt"), "Third article.").unwrap();
    std::fs::write(folder.join("notes.md"), "Not an article.").unwrap();

    let imported = run(gloss().arg("import").arg(&dir).arg(&folder));

    assert!(imported.success, "{}", imported.stderr);
    assert_eq!(document_ids(&dir), ["a", "b", "c"]);
}

#[test]
fn split_lines_makes_one_document_per_non_empty_line() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let headlines = temp.path().join("headlines.txt");
    std::fs::write(
        &headlines,
        "Talks stall in Brussels\n\nKurti rejects plan\r\nVučić: no recognition\n",
    )
    .unwrap();

    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&headlines)
        .arg("--split-lines"));

    assert!(imported.success, "{}", imported.stderr);
    let project = gloss::storage::load(&dir).unwrap();
    let texts: Vec<&str> = project
        .documents()
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Talks stall in Brussels",
            "Kurti rejects plan",
            "Vučić: no recognition"
        ]
    );
}

#[test]
fn crlf_files_are_stored_with_lf_and_say_so() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let article = temp.path().join("windows.txt");
    std::fs::write(
        &article,
        "Title\r\n\r\nBody line one.\r\nBody line two.\r\n",
    )
    .unwrap();

    assert!(run(gloss().arg("import").arg(&dir).arg(&article)).success);

    let project = gloss::storage::load(&dir).unwrap();
    let document = &project.documents()[0];
    assert_eq!(
        document.text.as_str(),
        "Title\n\nBody line one.\nBody line two.\n"
    );
    assert!(document.crlf_normalized);
    assert_eq!(document.title, "Title");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_by_name_and_byte_and_nothing_is_imported() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp);
    let folder = temp.path().join("mixed");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a-good.txt"), "Fine text.").unwrap();
    std::fs::write(folder.join("b-latin1.txt"), b"Pristin\xeb talks").unwrap();
    let before = snapshot(&dir);

    let imported = run(gloss().arg("import").arg(&dir).arg(&folder));

    let line = assert_one_line_error(&imported);
    assert!(line.contains("b-latin1.txt"), "{line}");
    assert!(line.contains("byte 7"), "{line}");
    assert_eq!(
        snapshot(&dir),
        before,
        "a failed import must leave the project as it was"
    );
}

#[test]
fn export_jsonl_writes_code_point_offsets_that_slice_the_text() {
    let (temp, dir) = sample_copy();
    let out = temp.path().join("export.jsonl");

    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "jsonl", "--out"])
        .arg(&out));

    assert!(exported.success, "{}", exported.stderr);
    let jsonl = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        layer_files(&dir).len(),
        "one line per document and layer"
    );
    let mut checked = 0;
    for line in &lines {
        let text: Vec<char> = line["text"].as_str().unwrap().chars().collect();
        let mut spans: Vec<&serde_json::Value> = Vec::new();
        spans.extend(line["entities"].as_array().unwrap());
        for quote in line["quotes"].as_array().unwrap() {
            spans.extend(quote["content"].as_array().unwrap());
        }
        for event in line["events"].as_array().unwrap() {
            spans.push(&event["trigger"]);
        }
        for span in spans {
            let start = usize::try_from(span["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(span["end"].as_u64().unwrap()).unwrap();
            let covered: String = text[start..end].iter().collect();
            assert_eq!(
                covered,
                span["text"].as_str().unwrap(),
                "span {start}..{end}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "the sample export holds no spans");
    // The sample has non-ASCII text (’, č) before later spans, so byte offsets would not slice it.
    assert!(
        lines
            .iter()
            .any(|l| !l["text"].as_str().unwrap().is_ascii())
    );
}

#[test]
fn export_of_one_layer_writes_only_that_layer() {
    let (temp, dir) = sample_copy();
    let layer = layer_files(&dir)[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let out = temp.path().join("one-layer.jsonl");

    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "jsonl", "--layer", &layer, "--out"])
        .arg(&out));

    assert!(exported.success, "{}", exported.stderr);
    let jsonl = std::fs::read_to_string(&out).unwrap();
    assert!(jsonl.lines().count() >= 1);
    for line in jsonl.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["layer"], layer.as_str());
    }
}

#[test]
fn export_refuses_an_unknown_format_and_lists_the_available_ones() {
    let (temp, dir) = sample_copy();
    let out = temp.path().join("out.docx");

    let exported = run(gloss()
        .arg("export")
        .arg(&dir)
        .args(["--format", "docx", "--out"])
        .arg(&out));

    let line = assert_one_line_error(&exported);
    assert!(line.contains("jsonl"), "{line}");
    assert!(!out.exists());
}

#[test]
fn user_errors_are_one_line_without_a_backtrace() {
    let temp = TempDir::new().unwrap();
    let missing = temp.path().join("missing");
    let broken = temp.path().join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(
        broken.join("project.ron"),
        "(format: 1, name: \"Broken\", schema: (",
    )
    .unwrap();
    let not_a_project = temp.path().join("empty");
    std::fs::create_dir_all(&not_a_project).unwrap();

    let line = assert_one_line_error(&run(gloss().arg("check").arg(&missing)));
    assert!(line.contains("missing"), "{line}");
    let line = assert_one_line_error(&run(gloss().arg("stats").arg(&broken)));
    assert!(line.contains("project.ron"), "{line}");
    let line = assert_one_line_error(&run(gloss()
        .arg("import")
        .arg(&not_a_project)
        .arg(&missing)));
    assert!(line.contains("not a Gloss project"), "{line}");
    let line = assert_one_line_error(&run(gloss().arg(&not_a_project)));
    assert!(line.contains("not a Gloss project"), "{line}");
    let (_sample_temp, sample) = sample_copy();
    for name in ["", "Ana Marić", "a/b"] {
        let line = assert_one_line_error(&run(gloss().arg(&sample).args(["--as", name])));
        assert!(line.contains("--as") && line.contains("ASCII"), "{line}");
    }
    let line = assert_one_line_error(&run(gloss().args(["check", "--bogus"])));
    assert!(line.contains("--bogus"), "{line}");
    let line = assert_one_line_error(&run(gloss().args(["new", "x", "--preset", "nonsense"])));
    assert!(
        line.contains("news"),
        "the error should list the presets: {line}"
    );
}
