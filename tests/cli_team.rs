//! A team on one project, through git (issue 13): a bare repository in a temporary folder is the
//! team's remote, each person works in their own clone, and `gloss sync` (the real binary) shares
//! the work. Interleaved edits, a curator's and a non-curator's schema change, two curators at odds,
//! an offline period and a concurrent push all end with every layer file equal in every clone and
//! nothing lost. The tests use git through git2 (no git program needs to be installed).
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cli_support::{gloss, run};
use git2::Repository;
use tempfile::TempDir;

/// Three short articles (one with Cyrillic and emoji) the baseline finds names in.
const ARTICLES: &[(&str, &str)] = &[
    (
        "talks.txt",
        "Talks in Brussels\n\nAlbin Kurti met Aleksandar Vučić in Brussels on Monday, the European Union said.\n",
    ),
    (
        "border.txt",
        "Border reopens\n\nКурти и Вучић: Kosovo police reopened the Jarinje crossing 🇽🇰 on Tuesday.\n",
    ),
    (
        "summit.txt",
        "Summit in Paris\n\nEmmanuel Macron hosted Olaf Scholz in Paris, the Élysée said on Friday.\n",
    ),
];

/// The team's remote and the people's clones.
struct Team {
    temp: TempDir,
    remote: PathBuf,
}

impl Team {
    /// A bare remote, and carla's project in it: made with `gloss new` and `gloss import`, carla
    /// named curator, shared with her first `gloss sync`.
    fn new() -> Team {
        let temp = TempDir::new().unwrap();
        let remote = temp.path().join("team.git");
        Repository::init_bare(&remote).unwrap();
        let team = Team { temp, remote };
        let carla = team.path("carla");
        assert!(
            run(gloss()
                .arg("new")
                .arg(&carla)
                .args(["--preset", "news", "--name", "Team"]))
            .success
        );
        let inputs = team.path("inputs");
        std::fs::create_dir_all(&inputs).unwrap();
        for (name, text) in ARTICLES {
            std::fs::write(inputs.join(name), text).unwrap();
        }
        let imported = run(gloss().arg("import").arg(&carla).arg(&inputs));
        assert!(imported.success, "{}", imported.stderr);
        let named = run(gloss()
            .arg("assign")
            .arg(&carla)
            .args(["--curators", "carla"]));
        assert!(named.success, "{}", named.stderr);
        let repo = Repository::init(&carla).unwrap();
        repo.remote("origin", team.remote.to_str().unwrap())
            .unwrap();
        let synced = sync(&carla, "carla");
        assert!(synced.contains("pushed"), "{synced}");
        team
    }

    fn path(&self, name: &str) -> PathBuf {
        self.temp.path().join(name)
    }

    /// `name`'s clone of the remote.
    fn clone(&self, name: &str) -> PathBuf {
        let dir = self.path(name);
        Repository::clone(self.remote.to_str().unwrap(), &dir).unwrap();
        dir
    }
}

/// Runs `gloss sync DIR --as NAME`, which must succeed; returns stdout and stderr together.
fn sync(dir: &Path, name: &str) -> String {
    let done = run(gloss().arg("sync").arg(dir).args(["--as", name]));
    assert!(done.success, "sync as {name}: {}", done.stderr);
    format!("{}{}", done.stdout, done.stderr)
}

/// `name` annotates every document with a recommender's suggestions (`gloss suggest --apply`).
fn annotate(dir: &Path, name: &str, recommender: &str) {
    let done = run(gloss().arg("suggest").arg(dir).args([
        "--apply",
        "--layer",
        name,
        "--recommender",
        recommender,
    ]));
    assert!(done.success, "{}", done.stderr);
}

/// `name` marks their layer of the document whose file is `file` done, as the window's Ctrl+D does.
fn mark_done(dir: &Path, doc: &str, name: &str) {
    let path = dir
        .join("annotations")
        .join(doc)
        .join(format!("{name}.ron"));
    let text = std::fs::read_to_string(&path).unwrap();
    let status = text
        .lines()
        .find(|l| l.trim_start().starts_with("status:"))
        .unwrap()
        .to_owned();
    std::fs::write(&path, text.replacen(&status, "    status: Done,", 1)).unwrap();
}

/// Every layer file under `annotations/` with its contents.
fn layer_files(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let Ok(docs) = std::fs::read_dir(dir.join("annotations")) else {
        return files;
    };
    for doc in docs {
        let doc = doc.unwrap();
        for file in std::fs::read_dir(doc.path()).unwrap() {
            let file = file.unwrap();
            let name = format!(
                "{}/{}",
                doc.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            files.insert(name, std::fs::read_to_string(file.path()).unwrap());
        }
    }
    files
}

/// The layer files of `name` only.
fn layers_of(dir: &Path, name: &str) -> BTreeMap<String, String> {
    layer_files(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(&format!("/{name}.ron")))
        .collect()
}

/// The first lines of the commits on the remote's branch, newest first.
fn remote_log(team: &Team) -> Vec<String> {
    let repo = Repository::open_bare(&team.remote).unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_head().unwrap();
    walk.map(|id| {
        let commit = repo.find_commit(id.unwrap()).unwrap();
        commit.summary().unwrap().to_owned()
    })
    .collect()
}

fn remote_project_file(team: &Team) -> String {
    let repo = Repository::open_bare(&team.remote).unwrap();
    let tree = repo.head().unwrap().peel_to_tree().unwrap();
    let entry = tree.get_path(Path::new("project.ron")).unwrap();
    let blob = repo.find_blob(entry.id()).unwrap();
    String::from_utf8(blob.content().to_vec()).unwrap()
}

fn check_ok(dir: &Path) {
    let checked = run(gloss().arg("check").arg(dir));
    assert!(checked.success, "{}{}", checked.stdout, checked.stderr);
}

#[test]
fn interleaved_edits_of_two_annotators_end_equal_in_every_clone() {
    let team = Team::new();
    let amira = team.clone("amira");
    let bruno = team.clone("bruno");
    annotate(&amira, "amira", "baseline");
    let said = sync(&amira, "amira");
    assert!(
        said.contains("committed: amira: 3 documents in progress"),
        "{said}"
    );
    // bruno annotates without having pulled amira's work, and syncs.
    annotate(&bruno, "bruno", "baseline");
    mark_done(&bruno, "talks", "bruno");
    let said = sync(&bruno, "bruno");
    assert!(said.contains("received: 3 files from others"), "{said}");
    assert!(said.contains("pushed"), "{said}");
    // amira goes on and syncs again; carla syncs last.
    mark_done(&amira, "border", "amira");
    mark_done(&amira, "summit", "amira");
    sync(&amira, "amira");
    sync(&team.path("carla"), "carla");
    sync(&bruno, "bruno");
    let expected = layer_files(&amira);
    assert_eq!(expected.len(), 6, "{:?}", expected.keys());
    assert_eq!(layer_files(&bruno), expected);
    assert_eq!(layer_files(&team.path("carla")), expected);
    for dir in [&amira, &bruno, &team.path("carla")] {
        check_ok(dir);
    }
    // One commit per sync that had something to share, saying who annotated what.
    assert_eq!(
        remote_log(&team),
        [
            "amira: 2 documents done, 9 annotations",
            "bruno: 1 document done, 2 in progress, 15 annotations",
            "amira: 3 documents in progress, 15 annotations",
            "carla: project.ron changed, 3 texts",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
    );
}

#[test]
fn an_annotators_change_to_the_schema_is_refused_and_kept_when_the_curators_arrives() {
    let team = Team::new();
    let amira = team.clone("amira");
    let carla = team.path("carla");
    let before = remote_project_file(&team);
    // amira recolours a label and annotates: her layers go out, her schema change does not.
    let project = amira.join("project.ron");
    let mine = std::fs::read_to_string(&project)
        .unwrap()
        .replace("#9c755f", "#000000");
    std::fs::write(&project, &mine).unwrap();
    annotate(&amira, "amira", "baseline");
    // As saved by Gloss (which added amira to the annotators).
    let mine = std::fs::read_to_string(&project).unwrap();
    assert!(mine.contains("#000000"));
    let said = sync(&amira, "amira");
    assert!(
        said.contains("warning: not shared: project.ron changed here, but the schema, documents, assignments and gold are the curators' (carla) to change"),
        "{said}"
    );
    assert_eq!(remote_project_file(&team), before);
    assert_eq!(layers_of(&carla, "amira"), BTreeMap::new());
    sync(&carla, "carla");
    assert_eq!(layers_of(&carla, "amira"), layers_of(&amira, "amira"));
    // carla, the curator, recolours another label: it reaches amira, whose own version is kept.
    let theirs = std::fs::read_to_string(carla.join("project.ron"))
        .unwrap()
        .replace("#4e79a7", "#ffffff");
    std::fs::write(carla.join("project.ron"), &theirs).unwrap();
    let said = sync(&carla, "carla");
    assert!(
        said.contains("committed: carla: project.ron changed"),
        "{said}"
    );
    let said = sync(&amira, "amira");
    assert!(
        said.contains("warning: project.ron: a newer version came in"),
        "{said}"
    );
    assert!(
        std::fs::read_to_string(&project).unwrap() == theirs,
        "{said}"
    );
    let kept = said
        .lines()
        .find_map(|l| l.split("kept as ").nth(1))
        .unwrap()
        .trim();
    assert_eq!(std::fs::read_to_string(amira.join(kept)).unwrap(), mine);
    check_ok(&amira);
}

#[test]
fn two_curators_changing_one_line_keep_both_versions() {
    let team = Team::new();
    let carla = team.path("carla");
    let named = run(gloss()
        .arg("assign")
        .arg(&carla)
        .args(["--curators", "carla,dana"]));
    assert!(named.success, "{}", named.stderr);
    sync(&carla, "carla");
    let dana = team.clone("dana");
    let recolour = |dir: &Path, colour: &str| {
        let path = dir.join("project.ron");
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("#9c755f", colour);
        std::fs::write(&path, &text).unwrap();
        text
    };
    let carlas = recolour(&carla, "#111111");
    let danas = recolour(&dana, "#222222");
    sync(&carla, "carla");
    let said = sync(&dana, "dana");
    assert!(
        said.contains("warning: project.ron was changed here and on the remote"),
        "{said}"
    );
    // The remote's version is in place everywhere; dana's is kept for her to compare and choose.
    assert_eq!(
        std::fs::read_to_string(dana.join("project.ron")).unwrap(),
        carlas
    );
    assert_eq!(remote_project_file(&team), carlas);
    assert_eq!(
        std::fs::read_to_string(dana.join(".gloss-sync/conflict/project.ron.mine")).unwrap(),
        danas
    );
    check_ok(&dana);
}

#[test]
fn work_done_offline_goes_out_at_the_next_sync() {
    let team = Team::new();
    let amira = team.clone("amira");
    let bruno = team.clone("bruno");
    // The remote is unreachable for amira (her network is down): sync commits locally and says so.
    let away = team.path("team-away.git");
    std::fs::rename(&team.remote, &away).unwrap();
    annotate(&amira, "amira", "baseline");
    let said = sync(&amira, "amira");
    assert!(
        said.contains("offline: could not reach the remote origin"),
        "{said}"
    );
    assert!(said.contains("(1 commit waiting)"), "{said}");
    mark_done(&amira, "talks", "amira");
    let said = sync(&amira, "amira");
    assert!(said.contains("(2 commits waiting)"), "{said}");
    std::fs::rename(&away, &team.remote).unwrap();
    // Meanwhile bruno shared his work.
    annotate(&bruno, "bruno", "baseline");
    sync(&bruno, "bruno");
    let said = sync(&amira, "amira");
    assert!(said.contains("pushed"), "{said}");
    sync(&bruno, "bruno");
    assert_eq!(layer_files(&amira), layer_files(&bruno));
    assert_eq!(layer_files(&amira).len(), 6);
    // Both offline commits went out as they were, on top of bruno's.
    let log = remote_log(&team);
    assert!(log[0].starts_with("amira: 1 document done"), "{log:?}");
    assert!(
        log[1].starts_with("amira: 3 documents in progress"),
        "{log:?}"
    );
    assert!(log[2].starts_with("bruno: "), "{log:?}");
}

#[test]
fn a_push_that_loses_the_race_is_retried_on_top_of_the_winner() {
    let team = Team::new();
    let amira = team.clone("amira");
    let bruno = team.clone("bruno");
    annotate(&amira, "amira", "baseline");
    annotate(&bruno, "bruno", "baseline");
    // bruno pushes between amira's fetch and her push.
    let bruno_pushes = |attempt: u32| {
        if attempt == 1 {
            let said = sync(&bruno, "bruno");
            assert!(said.contains("pushed"), "{said}");
        }
    };
    let outcome =
        gloss::workbench::team::sync_project_with(&amira, Some("amira"), Some(&bruno_pushes))
            .unwrap();
    assert_eq!(outcome.report.attempts, 2, "{outcome:?}");
    assert!(outcome.report.pushed);
    sync(&bruno, "bruno");
    assert_eq!(layer_files(&amira), layer_files(&bruno));
    assert_eq!(layer_files(&amira).len(), 6);
}

#[test]
fn annotations_with_a_label_the_curator_removed_are_reported_and_kept() {
    let team = Team::new();
    let amira = team.clone("amira");
    let carla = team.path("carla");
    annotate(&amira, "amira", "baseline");
    sync(&amira, "amira");
    let used = layer_files(&amira)
        .values()
        .map(|text| text.matches("label: \"GPE\"").count())
        .sum::<usize>();
    assert!(used > 0);
    sync(&carla, "carla");
    // carla removes GPE from the schema (and from the lists that name it).
    let path = carla.join("project.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.contains("(name: \"GPE\""))
        .map(|l| format!("{}\n", l.replace(", \"GPE\"", "").replace("\"GPE\", ", "")))
        .collect();
    std::fs::write(&path, &without).unwrap();
    sync(&carla, "carla");
    let before = layers_of(&amira, "amira");
    let said = sync(&amira, "amira");
    assert!(
        said.contains(&format!(
            "warning: the schema no longer has GPE, but {used} annotations still use it"
        )),
        "{said}"
    );
    assert_eq!(layers_of(&amira, "amira"), before);
    // The project still opens for every command, and `gloss check` names each annotation.
    let check = run(gloss().arg("check").arg(&amira));
    let said = format!("{}{}", check.stdout, check.stderr);
    assert_eq!(
        said.matches("label GPE is not in the schema").count(),
        used,
        "{said}"
    );
    let stats = run(gloss().arg("stats").arg(&amira));
    assert!(stats.success, "{}", stats.stderr);
    // Annotating and syncing again keeps them too.
    annotate(&amira, "amira", "baseline");
    sync(&amira, "amira");
    let kept = layer_files(&amira)
        .values()
        .map(|text| text.matches("label: \"GPE\"").count())
        .sum::<usize>();
    assert!(kept >= used, "{kept} < {used}");
}

#[test]
fn sync_outside_a_git_clone_says_how_to_make_one() {
    let temp = TempDir::new().unwrap();
    let dir = cli_support::new_project(&temp, "solo");
    let done = run(gloss().arg("sync").arg(&dir).args(["--as", "amira"]));
    let line = cli_support::one_line_error(&done);
    assert!(line.contains("not a git repository"), "{line}");
    assert!(line.contains("git clone URL"), "{line}");
}

#[test]
fn sync_remembers_who_synced_last() {
    let team = Team::new();
    let amira = team.clone("amira");
    let first = run(gloss().arg("sync").arg(&amira));
    let line = cli_support::one_line_error(&first);
    assert!(
        line.contains("who is syncing? Say it with --as NAME"),
        "{line}"
    );
    sync(&amira, "amira");
    annotate(&amira, "amira", "baseline");
    let again = run(gloss().arg("sync").arg(&amira));
    assert!(again.success, "{}", again.stderr);
    assert!(
        again.stdout.contains("committed: amira: "),
        "{}",
        again.stdout
    );
}

#[test]
fn two_annotators_syncing_at_the_same_moment_both_get_through() {
    let team = Team::new();
    let amira = team.clone("amira");
    let bruno = team.clone("bruno");
    annotate(&amira, "amira", "baseline");
    annotate(&bruno, "bruno", "baseline");
    // Two real processes at once: whichever pushes second is refused and retries on top.
    std::thread::scope(|scope| {
        let first = scope.spawn(|| sync(&amira, "amira"));
        let second = scope.spawn(|| sync(&bruno, "bruno"));
        for said in [first.join().unwrap(), second.join().unwrap()] {
            assert!(said.contains("pushed"), "{said}");
        }
    });
    sync(&amira, "amira");
    sync(&bruno, "bruno");
    assert_eq!(layer_files(&amira), layer_files(&bruno));
    assert_eq!(layer_files(&amira).len(), 6);
    assert_eq!(remote_log(&team).len(), 3);
}

#[test]
fn entities_two_annotators_register_at_once_are_merged_and_both_kept() {
    let team = Team::new();
    let amira = team.clone("amira");
    let bruno = team.clone("bruno");
    // Each registers a person, as the window writes entities.ron; their keys sort next to each
    // other, where git's line merge would conflict.
    let registry = |lines: &[&str]| {
        format!(
            "(\n    format: 1,\n    entities: [\n{}    ],\n)\n",
            lines
                .iter()
                .map(|l| format!("        {l},\n"))
                .collect::<String>()
        )
    };
    let kurti = r#"(key: "albin-kurti", name: "Albin Kurti", label: "PERSON")"#;
    let vucic = r#"(key: "aleksandar-vucic", name: "Aleksandar Vučić", label: "PERSON")"#;
    std::fs::write(amira.join("entities.ron"), registry(&[kurti])).unwrap();
    std::fs::write(bruno.join("entities.ron"), registry(&[vucic])).unwrap();
    let said = sync(&amira, "amira");
    assert!(said.contains("pushed"), "{said}");
    let said = sync(&bruno, "bruno");
    assert!(said.contains("pushed"), "{said}");
    sync(&amira, "amira");
    let both = registry(&[kurti, vucic]);
    assert_eq!(
        std::fs::read_to_string(amira.join("entities.ron")).unwrap(),
        both
    );
    assert_eq!(
        std::fs::read_to_string(bruno.join("entities.ron")).unwrap(),
        both
    );
    check_ok(&amira);
    check_ok(&bruno);
}

#[test]
fn a_remote_busy_with_another_push_is_tried_again_and_the_commit_waits_for_the_next_sync() {
    let team = Team::new();
    let amira = team.clone("amira");
    annotate(&amira, "amira", "baseline");
    // Another push holds the branch's lock in the remote for the whole of amira's sync.
    let head = Repository::open_bare(&team.remote)
        .unwrap()
        .head()
        .unwrap()
        .name()
        .unwrap()
        .to_owned();
    let lock = team.remote.join(format!("{head}.lock"));
    std::fs::write(&lock, "").unwrap();
    let said = sync(&amira, "amira");
    assert!(said.contains("committed: amira: "), "{said}");
    assert!(
        said.contains("was busy with other pushes at each of 5 tries"),
        "{said}"
    );
    assert!(said.contains("(1 commit waiting)"), "{said}");
    assert_eq!(remote_log(&team).len(), 1);
    // The other push is done: the next sync sends the commit.
    std::fs::remove_file(&lock).unwrap();
    let said = sync(&amira, "amira");
    assert!(said.contains("pushed"), "{said}");
    assert_eq!(remote_log(&team).len(), 2);
}
