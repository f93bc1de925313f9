//! The storage rules as a user of the command line meets them: `gloss check` lists what a killed save
//! left and `--repair` removes it, the document size limit and its variable, file modes that follow
//! the umask, and a lock message that names who holds the project.
#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::{gloss, one_line_error, run, sample_copy};
use gloss::storage::lock::ProjectLock;

#[test]
fn check_lists_what_a_killed_import_left_and_repair_removes_only_that() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    std::fs::write(dir.join("documents/article-0417.txt"), "Half-imported.").unwrap();
    std::fs::write(dir.join("documents/.gloss-Ab12Cd.tmp"), "Half-writ").unwrap();
    std::fs::write(dir.join("documents/notes.md"), "mine").unwrap();

    let checked = run(gloss().arg("check").arg(&dir));
    assert!(checked.success, "{}", checked.stderr);
    let lines: Vec<String> = checked
        .stdout
        .lines()
        .map(|l| l.replace(&format!("{}/", dir.display()), ""))
        .collect();
    assert_eq!(
        lines[..2],
        [
            "documents/.gloss-Ab12Cd.tmp: leftover temp file of an interrupted save; \
             `gloss check --repair` removes it",
            "documents/article-0417.txt: leftover text of a document that project.ron does not \
             list (an interrupted import); `gloss check --repair` removes it",
        ]
    );
    assert!(
        lines[2].ends_with("no problems (2 leftovers listed above)"),
        "{}",
        lines[2]
    );

    let repaired = run(gloss().arg("check").arg(&dir).arg("--repair"));
    assert!(repaired.success, "{}", repaired.stderr);
    assert!(repaired.stdout.contains("removed "), "{}", repaired.stdout);
    assert!(!dir.join("documents/article-0417.txt").exists());
    assert!(!dir.join("documents/.gloss-Ab12Cd.tmp").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("documents/notes.md")).unwrap(),
        "mine"
    );
    let again = run(gloss().arg("check").arg(&dir));
    assert!(!again.stdout.contains("leftover"), "{}", again.stdout);
}

#[test]
fn a_document_over_the_size_limit_is_refused_naming_the_limit_and_its_variable() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    let refused = run(gloss()
        .arg("check")
        .arg(&dir)
        .env("GLOSS_MAX_DOCUMENT_BYTES", "2000"));
    let line = one_line_error(&refused);
    assert!(
        line.ends_with(
            "kosovo-serbia-brussels-talks.txt: the file is larger than 2000 bytes, the most Gloss reads (set \
             GLOSS_MAX_DOCUMENT_BYTES to a number of bytes to change the limit)"
        ),
        "{line}"
    );
}

#[cfg(unix)]
#[test]
fn files_of_a_new_project_follow_the_umask_instead_of_becoming_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("shared");
    // The team's umask: group members may write.
    let made = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 002 && exec \"$0\" new \"$1\" --preset news")
        .arg(assert_cmd::cargo::cargo_bin("gloss"))
        .arg(&dir)
        .status()
        .unwrap();
    assert!(made.success());
    for file in ["project.ron", ".gitignore", ".gitattributes"] {
        let mode = std::fs::metadata(dir.join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o664, "{file}");
    }
}

#[test]
fn a_second_gloss_is_told_who_holds_the_project() {
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    let (_held, _) = ProjectLock::acquire_as(&dir, Some("amira")).unwrap();
    let refused = run(gloss()
        .arg("adjudicate")
        .arg(&dir)
        .arg("--auto")
        .arg("--min-agree")
        .arg("1"));
    let line = one_line_error(&refused);
    assert!(
        line.starts_with(&format!(
            "error: the project is open in Gloss by amira (process {} on host ",
            std::process::id()
        )),
        "{line}"
    );
}

/// Issue 10, item 6: GPE and ORG on the same span of gold is a contradiction `gloss check` reports,
/// naming the gold layer's file, both annotations and what to do.
#[test]
fn check_flags_contradictory_gold_on_one_span() {
    use gloss::workbench::{Command, Workbench};
    let temp = tempfile::tempdir().unwrap();
    let dir = sample_copy(&temp);
    let mut gold = Workbench::open(&dir, "gold").unwrap();
    let text = gold.current_doc().unwrap().text.as_str().to_owned();
    let byte = text.find("Kosovo").unwrap();
    let start = text[..byte].chars().count();
    let span = gloss::model::CharSpan::new(start, start + "Kosovo".len());
    for label in ["GPE", "ORG"] {
        gold.execute(Command::SelectSpan(span)).unwrap();
        gold.execute(Command::Label(label.to_owned())).unwrap();
    }
    gold.flush().unwrap();
    let doc = gold.current_doc().unwrap().id.clone();
    drop(gold);

    let checked = run(gloss().arg("check").arg(&dir));
    assert!(!checked.success, "a contradiction is a problem");
    let line = checked
        .stdout
        .lines()
        .find(|l| l.contains("contradictory gold"))
        .unwrap_or_else(|| panic!("not reported:\n{}", checked.stdout));
    let file = dir.join(format!("annotations/{doc}/gold.ron"));
    assert!(
        line.starts_with(&format!("{}: annotation ", file.display())),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            "contradictory gold: chars {}..{} are GPE (annotation 1) and ORG (annotation 2); keep \
             one label",
            span.start, span.end
        )),
        "{line}"
    );
}
