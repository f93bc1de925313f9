//! Every command the README and `gloss … --help` show runs, as written, with the real binary: in a
//! fresh temporary folder that holds the sample project (`projects/kosovo-talks`, built by the sample
//! generator), a small `my-project` and the input files the examples name. The commands are read out
//! of README.md (its `sh` blocks and the command table's Example column) and out of the help texts'
//! "Examples:" sections, so a new example is tested without touching this file; one that cannot run
//! here must be listed in [`NOT_RUN`] with its reason.
//!
//! Also: the sample shipped in `projects/kosovo-talks` is exactly what the generator makes.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

#[allow(dead_code)]
#[path = "../examples/make_sample_project/sample/mod.rs"]
mod sample;
mod skip_support;

/// The user's sample: examples name it; this file recreates it in a temporary folder.
const SAMPLE: &str = "projects/kosovo-talks";

/// Examples this test does not run, each with the reason.
const NOT_RUN: &[(&str, &str)] = &[
    (
        "cargo run --release -- projects/kosovo-talks",
        "opens the window (tests/cli/window.rs runs the real window), after a release build",
    ),
    ("gloss open projects/kosovo-talks", "opens the window"),
    ("gloss projects/kosovo-talks", "opens the window"),
    (
        "gloss open --screenshot shot.png --frames 5 projects/kosovo-talks",
        "needs a display; tests/cli/window.rs takes a screenshot under xvfb",
    ),
    (
        "gloss open --screenshot review.png --as amira --keys \"ctrl+r n\" projects/kosovo-talks",
        "needs a display; tests/cli/window.rs presses keys in a screenshot run under xvfb",
    ),
    (
        "gloss open --size 720x480 projects/kosovo-talks",
        "opens the window",
    ),
    ("xvfb-run -a cargo test", "is this test suite"),
    (
        "cargo install --path . --locked",
        "installs the binary into the user's ~/.cargo/bin",
    ),
    (
        "python3 examples/spacy_server.py --port 8000",
        "starts a network server that runs until stopped (tests/suggest_http.rs serves the protocol)",
    ),
    (
        "gloss suggest my-project --trust-recommender --recommender external",
        "needs the network server above, named in project.ron (tests/suggest_http.rs)",
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An example command and where it was found, for messages.
struct Example {
    command: String,
    origin: String,
}

/// The commands of the README's `sh` blocks and of its command table's Example column.
fn readme_examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut example_column = None;
    for (index, line) in readme.lines().enumerate() {
        let origin = format!("README.md:{}", index + 1);
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_sh = !in_sh && trimmed == "```sh";
            continue;
        }
        if in_sh {
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                out.push(Example {
                    command: trimmed.to_owned(),
                    origin,
                });
            }
            continue;
        }
        if !trimmed.starts_with('|') {
            example_column = None;
            continue;
        }
        let cells: Vec<&str> = trimmed
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        match example_column {
            None => example_column = cells.iter().position(|c| *c == "Example"),
            Some(column) => {
                let Some(cell) = cells.get(column) else {
                    continue;
                };
                let command = cell.trim_matches('`');
                if command.starts_with("gloss") {
                    out.push(Example {
                        command: command.to_owned(),
                        origin,
                    });
                }
            }
        }
    }
    out
}

fn help(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "gloss {args:?} failed");
    String::from_utf8(output.stdout).unwrap()
}

/// The commands of `gloss --help` and of each `gloss <command> --help`, from their "Examples:"
/// sections; a description after two spaces or more is not part of the command.
fn help_examples() -> Vec<Example> {
    let top = help(&["--help"]);
    let mut subcommands = Vec::new();
    let mut in_commands = false;
    for line in top.lines() {
        if line == "Commands:" {
            in_commands = true;
        } else if in_commands && line.is_empty() {
            break;
        } else if in_commands && line.starts_with("  ") && !line.starts_with("   ") {
            let name = line.split_whitespace().next().unwrap();
            if name != "help" {
                subcommands.push(name.to_owned());
            }
        }
    }
    assert!(subcommands.len() >= 10, "commands: {subcommands:?}");
    let mut out = Vec::new();
    let mut texts = vec![("gloss --help".to_owned(), top)];
    for name in subcommands {
        texts.push((
            format!("gloss {name} --help"),
            help(&[name.as_str(), "--help"]),
        ));
    }
    for (origin, text) in texts {
        let mut in_examples = false;
        let mut found = 0;
        for line in text.lines() {
            if line == "Examples:" {
                in_examples = true;
            } else if in_examples && !line.starts_with(' ') && !line.is_empty() {
                in_examples = false;
            } else if in_examples && line.trim_start().starts_with("gloss ") {
                let command = line.trim().split("  ").next().unwrap().trim();
                out.push(Example {
                    command: command.to_owned(),
                    origin: origin.clone(),
                });
                found += 1;
            }
        }
        assert!(found > 0, "{origin} shows no example");
    }
    out
}

fn run(program: &str, args: &[&str], dir: &Path) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GLOSS_CONFIG_DIR", dir.join(".config"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "setting up: {program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A folder as a user's examples expect it: the sample, `my-project` (two articles, the layers
/// alice, bob and carol, and gold), and every input file an example imports.
fn workspace() -> TempDir {
    let temp = TempDir::new().unwrap();
    let dir = temp.path();
    sample::create(&dir.join(SAMPLE)).unwrap_or_else(|e| panic!("{e:#}"));
    // A corpus split into projects by month, for the examples that report across several.
    for month in ["2024-01", "2024-02", "2024-03"] {
        copy_dir(&dir.join(SAMPLE), &dir.join("corpus").join(month));
    }
    let gloss = env!("CARGO_BIN_EXE_gloss");
    let text = |id: &str| -> &str {
        sample::ARTICLES
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text)
            .unwrap()
    };
    let write = |path: &str, contents: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    };
    // my-project, made as a user would make it.
    write(
        "setup/article-1.txt",
        text("north-korea-quasi-state-of-war"),
    );
    write(
        "setup/article-2.txt",
        text("asylum-seekers-rescued-off-indonesia"),
    );
    run(gloss, &["new", "my-project", "--preset", "news"], dir);
    let articles = ["setup/article-1.txt", "setup/article-2.txt"];
    run(
        gloss,
        &[&["import", "my-project"][..], &articles].concat(),
        dir,
    );
    for layer in ["alice", "bob", "carol"] {
        let args = ["suggest", "my-project", "--apply", "--layer", layer];
        run(
            gloss,
            &[&args[..], &["--recommender", "baseline"]].concat(),
            dir,
        );
    }
    run(gloss, &["adjudicate", "my-project", "--auto"], dir);
    // team-project: a clone shared through the bare repository team.git beside it (a relative
    // remote, so that each copy of this folder syncs with its own copy of team.git).
    git2::Repository::init_bare(dir.join("team.git")).unwrap();
    run(gloss, &["new", "team-project", "--preset", "news"], dir);
    run(
        gloss,
        &[&["import", "team-project"][..], &articles].concat(),
        dir,
    );
    let team = git2::Repository::init(dir.join("team-project")).unwrap();
    team.remote("origin", "../team.git").unwrap();
    run(gloss, &["sync", "team-project", "--as", "carla"], dir);
    // Two annotators' work in it, for the adjudication example.
    for layer in ["amira", "bruno"] {
        let args = ["suggest", "team-project", "--apply", "--layer", layer];
        run(
            gloss,
            &[&args[..], &["--recommender", "baseline"]].concat(),
            dir,
        );
    }
    // Plain text to import.
    write("article.txt", text("new-zealand-flag-process"));
    write("extra.txt", text("uk-asylum-questionnaire"));
    write("articles/korea.txt", text("north-korea-quasi-state-of-war"));
    write("articles/worship.txt", text("greek-court-ancient-deities"));
    write(
        "more/interview.txt",
        text("asylum-seekers-rescued-off-indonesia"),
    );
    // Saved pages: one story from two outlets (near-duplicates).
    for page in [
        "trt-north-korea-quasi-state-of-war.html",
        "ledger-north-korea-quasi-state-of-war.html",
    ] {
        let from = root().join("tests/data/web").join(page);
        write(
            &format!("pages/{page}"),
            &std::fs::read_to_string(from).unwrap(),
        );
    }
    write(
        "headlines.txt",
        "Kosovo and Serbia hold talks in Brussels\nNorth Korea puts military on alert\n",
    );
    // Other tools' files, made by Gloss's own exports where it writes the format.
    for (format, out, selection) in [
        ("jsonl", "all.jsonl", "--gold"),
        ("spacy", "prodigy.jsonl", "--gold"),
        ("brat", "brat-folder/", "--gold"),
        ("conll", "train.conll", "--gold"),
    ] {
        let args = [
            "export", SAMPLE, "--format", format, "--out", out, selection,
        ];
        run(gloss, &args, dir);
    }
    write(
        "inception/talks.tsv",
        "#FORMAT=WebAnno TSV 3.3\n\
         #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n\
         #Text=Вучић met Albin Kurti .\n\
         1-1\t0-5\tВучић\t*\tPER\n\
         1-2\t6-9\tmet\t_\t_\n\
         1-3\t10-15\tAlbin\t*[1]\tPER[1]\n\
         1-4\t16-21\tKurti\t*[1]\tPER[1]\n\
         1-5\t22-23\t.\t_\t_\n",
    );
    write(
        "export.json",
        r#"[{"id": 7, "data": {"text": "Kurti met Вучић in Brussels"},
            "annotations": [{"id": 1, "result": [
              {"type": "labels", "to_name": "text", "value": {"start": 0, "end": 5, "text": "Kurti", "labels": ["PERSON"]}},
              {"type": "labels", "to_name": "text", "value": {"start": 10, "end": 15, "text": "Вучић", "labels": ["PERSON"]}}]}]}]"#,
    );
    std::fs::remove_dir_all(dir.join(".config")).ok();
    temp
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

/// Whether `path` is a non-empty file, or a folder with something in it.
fn written(path: &Path) -> bool {
    if path.is_dir() {
        std::fs::read_dir(path).unwrap().next().is_some()
    } else {
        std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
    }
}

/// Runs each example in its own copy of the workspace; returns what went wrong, one line each.
fn run_examples(examples: &[Example]) -> Vec<String> {
    let template = workspace();
    let mut failures = Vec::new();
    for example in examples {
        if NOT_RUN
            .iter()
            .any(|(command, _)| *command == example.command)
        {
            continue;
        }
        let place = format!("{} ({})", example.command, example.origin);
        let Some(words) = shlex::split(&example.command) else {
            failures.push(format!("{place}: cannot split into words"));
            continue;
        };
        if words.first().map(String::as_str) != Some("gloss") {
            failures.push(format!(
                "{place}: not a gloss command; add it to NOT_RUN with the reason it is not run"
            ));
            continue;
        }
        if words
            .iter()
            .any(|w| ["|", ">", "<", "&&", ";"].contains(&w.as_str()))
        {
            failures.push(format!(
                "{place}: a shell pipeline; write one command per example"
            ));
            continue;
        }
        let copy = TempDir::new().unwrap();
        let dir = copy.path();
        copy_dir(template.path(), dir);
        let out = words
            .iter()
            .position(|w| w == "--out")
            .and_then(|i| words.get(i + 1))
            .map(|path| dir.join(path));
        // What an example writes must not be there before it runs; nor a project `new` makes.
        let made = if words.get(1).map(String::as_str) == Some("new") {
            words.get(2).map(|path| dir.join(path))
        } else {
            None
        };
        for path in out.iter().chain(made.iter()) {
            if path.is_dir() {
                std::fs::remove_dir_all(path).unwrap();
            } else if path.exists() {
                std::fs::remove_file(path).unwrap();
            }
        }
        let output = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(&words[1..])
            .current_dir(dir)
            .env("GLOSS_CONFIG_DIR", dir.join(".config"))
            .output()
            .unwrap();
        if !output.status.success() {
            failures.push(format!(
                "{place}: exit status {}: {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
            continue;
        }
        if let Some(out) = out
            && !written(&out)
        {
            failures.push(format!("{place}: wrote nothing to {}", out.display()));
        }
        if let Some(made) = made
            && !made.join("project.ron").is_file()
        {
            failures.push(format!("{place}: made no project in {}", made.display()));
        }
    }
    failures
}

#[test]
fn every_command_in_the_readme_runs_on_a_fresh_copy_of_the_sample() {
    let examples = readme_examples();
    // The sample's first command, the table's ten commands, the server.
    assert!(examples.len() >= 12, "found {} examples", examples.len());
    let failures = run_examples(&examples);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_in_the_help_runs_on_a_fresh_copy_of_the_sample() {
    let examples = help_examples();
    assert!(examples.len() >= 30, "found {} examples", examples.len());
    let failures = run_examples(&examples);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_not_run_is_still_shown_somewhere() {
    let shown: BTreeSet<String> = readme_examples()
        .into_iter()
        .chain(help_examples())
        .map(|e| e.command)
        .collect();
    // Commands the lead's README set-up section may show; listed so that adding them needs no edit.
    let optional = ["cargo install --path . --locked"];
    for (command, _) in NOT_RUN {
        assert!(
            shown.contains(*command) || optional.contains(command),
            "{command:?} is in NOT_RUN but no longer shown: remove it from NOT_RUN"
        );
    }
}

/// Files under `dir` (relative paths), without the lock a running Gloss holds.
fn files(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if !path.ends_with(".gloss.lock") {
                out.insert(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    out
}

#[test]
fn the_shipped_sample_is_what_the_generator_makes() {
    let name = "the_shipped_sample_is_what_the_generator_makes";
    // The README invites editing the sample, so only an unchanged checkout is compared.
    let status = Command::new("git")
        .args([
            "status",
            "--porcelain",
            "--untracked-files=all",
            "--",
            SAMPLE,
        ])
        .current_dir(root())
        .output();
    let changes = match status {
        Ok(output) if output.status.success() => String::from_utf8(output.stdout).unwrap(),
        _ => {
            skip_support::skipped(
                name,
                "not a git checkout, so an edited sample cannot be told apart",
            );
            return;
        }
    };
    if !changes.is_empty() {
        skip_support::skipped(
            name,
            &format!(
                "{SAMPLE} has local changes (`git checkout -- {SAMPLE}` and `git clean -fd \
                 {SAMPLE}` reset it): {}",
                changes.lines().collect::<Vec<_>>().join(", ")
            ),
        );
        return;
    }
    let temp = TempDir::new().unwrap();
    let generated = temp.path().join("kosovo-talks");
    sample::create(&generated).unwrap_or_else(|e| panic!("{e:#}"));
    let shipped = root().join(SAMPLE);
    assert_eq!(
        files(&shipped),
        files(&generated),
        "regenerate it: cargo run --example make_sample_project -- {SAMPLE} --replace"
    );
    for file in files(&generated) {
        assert!(
            std::fs::read(shipped.join(&file)).unwrap()
                == std::fs::read(generated.join(&file)).unwrap(),
            "{} differs from what the generator makes; regenerate it: \
             cargo run --example make_sample_project -- {SAMPLE} --replace",
            file.display()
        );
    }
}
