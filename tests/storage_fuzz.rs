//! Fuzzing the project loader with hostile folders: the format 1 fixture with its RON files cut short,
//! overwritten, spliced with random or huge values and unknown fields, its files replaced by links
//! (into and out of the project, to `/dev/zero`), FIFOs, folders or oversized text. Whatever the
//! folder holds, loading returns (no panic, no hang), writes nothing anywhere, and an error names a
//! path inside the project.
//!
//! Bounded for CI: `PROPTEST_CASES` cases (256 unless set). A load that has not returned after a
//! minute counts as a hang (a bound far above any real load of this small project, not a timing
//! assertion).
#![allow(clippy::unwrap_used)]

mod proptest_support;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use gloss::storage::{self, StorageError};
use proptest::prelude::*;

const FILES: [&str; 5] = [
    "project.ron",
    "annotations/brussels-talks/alice.ron",
    "annotations/brussels-talks/gold.ron",
    "annotations/reactions/alice.ron",
    "documents/reactions.txt",
];

/// Snippets spliced into RON files: values of the wrong type or size, unknown and misspelt fields,
/// broken strings and nesting.
const SPLICES: [&str; 16] = [
    "4294967295",
    "18446744073709551616",
    "-1",
    "1e999",
    "nrom: Some(\"x\"), ",
    "rYquired: true, ",
    "\"\\u{0}\"",
    "\"unterminated",
    "((((((((((((((((((((((((((((((((((((((((",
    "]]]]]]]]",
    "Some(Some(Some(",
    "id: 4294967295, ",
    "start: 18446744073709551615, ",
    "/* never closed",
    "\u{feff}",
    "r#\"raw\"#",
];

/// One thing done to the fixture.
#[derive(Clone, Debug)]
enum Damage {
    /// Keep this fraction of a file.
    Truncate { file: usize, keep: f64 },
    /// Overwrite bytes at these fractions of a file.
    Overwrite { file: usize, bytes: Vec<(f64, u8)> },
    /// Insert a snippet at a fraction of a file.
    Splice {
        file: usize,
        at: f64,
        snippet: usize,
    },
    /// Repeat a long run of one char inside a file (a huge line).
    HugeLine { file: usize, at: f64, len: usize },
    /// Replace a file by a link (to /dev/zero, out of the project, or to another project file).
    Link { file: usize, target: usize },
    /// Replace a file by a FIFO.
    Fifo { file: usize },
    /// Replace a file by a folder.
    Folder { file: usize },
    /// Replace a file by random bytes.
    Random { file: usize, bytes: Vec<u8> },
}

fn damage() -> impl Strategy<Value = Damage> {
    let file = 0..FILES.len();
    prop_oneof![
        (file.clone(), 0.0..1.0f64).prop_map(|(file, keep)| Damage::Truncate { file, keep }),
        (
            file.clone(),
            proptest::collection::vec((0.0..1.0f64, any::<u8>()), 1..8)
        )
            .prop_map(|(file, bytes)| Damage::Overwrite { file, bytes }),
        (file.clone(), 0.0..1.0f64, 0..SPLICES.len())
            .prop_map(|(file, at, snippet)| Damage::Splice { file, at, snippet }),
        (file.clone(), 0.0..1.0f64, 1usize..200_000).prop_map(|(file, at, len)| Damage::HugeLine {
            file,
            at,
            len
        }),
        (file.clone(), 0..3usize).prop_map(|(file, target)| Damage::Link { file, target }),
        file.clone().prop_map(|file| Damage::Fifo { file }),
        file.clone().prop_map(|file| Damage::Folder { file }),
        (file, proptest::collection::vec(any::<u8>(), 0..512))
            .prop_map(|(file, bytes)| Damage::Random { file, bytes }),
    ]
}

fn at(len: usize, fraction: f64) -> usize {
    ((len as f64) * fraction) as usize
}

/// Applies `damage` to the project in `dir`; `outside` is a folder next to it.
fn apply(dir: &Path, outside: &Path, damage: &Damage) {
    let path = |file: usize| dir.join(FILES[file]);
    let rewrite = |file: usize, change: &dyn Fn(&mut Vec<u8>)| {
        let p = path(file);
        // An earlier damage may have made it something else than a file.
        if !std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) {
            return;
        }
        let mut bytes = std::fs::read(&p).unwrap();
        change(&mut bytes);
        std::fs::write(&p, bytes).unwrap();
    };
    let replace = |file: usize| {
        let p = path(file);
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&p).unwrap(),
            Ok(_) => std::fs::remove_file(&p).unwrap(),
            Err(_) => {}
        }
        p
    };
    match damage {
        Damage::Truncate { file, keep } => {
            rewrite(*file, &|b| b.truncate(at(b.len(), *keep)));
        }
        Damage::Overwrite { file, bytes } => rewrite(*file, &|b| {
            for (fraction, byte) in bytes {
                let i = at(b.len(), *fraction);
                if let Some(slot) = b.get_mut(i) {
                    *slot = *byte;
                }
            }
        }),
        Damage::Splice {
            file,
            at: f,
            snippet,
        } => rewrite(*file, &|b| {
            let i = at(b.len(), *f);
            b.splice(i..i, SPLICES[*snippet].bytes());
        }),
        Damage::HugeLine { file, at: f, len } => rewrite(*file, &|b| {
            let i = at(b.len(), *f);
            b.splice(i..i, std::iter::repeat_n(b'x', *len));
        }),
        Damage::Link { file, target } => {
            let p = replace(*file);
            let target: PathBuf = match target {
                0 => "/dev/zero".into(),
                1 => outside.join("secret.txt"),
                _ => dir.join("documents/brussels-talks.txt"),
            };
            #[cfg(unix)]
            std::os::unix::fs::symlink(target, p).unwrap();
            #[cfg(not(unix))]
            let _ = (target, p);
        }
        Damage::Fifo { file } => {
            let p = replace(*file);
            #[cfg(unix)]
            {
                let made = std::process::Command::new("mkfifo").arg(&p).status();
                assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
            }
            #[cfg(not(unix))]
            let _ = p;
        }
        Damage::Folder { file } => {
            let p = replace(*file);
            std::fs::create_dir(p).unwrap();
        }
        Damage::Random { file, bytes } => {
            let p = replace(*file);
            std::fs::write(p, bytes).unwrap();
        }
    }
}

/// Every entry under `dir`: bytes of files, targets of links, marks for folders and special files
/// (never opened: a FIFO would block).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let entry = entry.unwrap();
        let kind = entry.file_type();
        let what = if kind.is_symlink() {
            std::fs::read_link(entry.path())
                .unwrap()
                .to_string_lossy()
                .as_bytes()
                .to_vec()
        } else if kind.is_file() {
            std::fs::read(entry.path()).unwrap()
        } else if kind.is_dir() {
            b"<folder>".to_vec()
        } else {
            b"<special>".to_vec()
        };
        found.insert(entry.path().strip_prefix(dir).unwrap().to_owned(), what);
    }
    found
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(proptest_support::config(256))]

    #[test]
    fn a_hostile_project_folder_never_panics_hangs_or_writes_and_errors_name_a_file(
        damages in proptest::collection::vec(damage(), 1..4)
    ) {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("project");
        let outside = temp.path().join("outside");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1"), &dir);
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "the user's secret").unwrap();
        for damage in &damages {
            apply(&dir, &outside, damage);
        }
        let before = tree(temp.path());

        let (send, receive) = mpsc::channel();
        let loading = dir.clone();
        std::thread::Builder::new()
            .name("fuzz-load".to_owned())
            .spawn(move || {
                let result = std::panic::catch_unwind(|| storage::load(&loading).map(|_| ()));
                let _ = send.send(result);
            })
            .unwrap();
        let result = match receive.recv_timeout(Duration::from_secs(60)) {
            Ok(result) => result,
            Err(_) => panic!("loading hung on {damages:?}"),
        };
        let result = match result {
            Ok(result) => result,
            Err(_) => panic!("loading panicked on {damages:?}"),
        };
        prop_assert_eq!(tree(temp.path()), before, "loading wrote on {:?}", damages);
        if let Err(error) = result {
            let message = error.to_string();
            let names_a_file = match &error {
                StorageError::Locked { .. } => false,
                _ => message.starts_with(&dir.display().to_string()),
            };
            prop_assert!(names_a_file, "{message} (after {damages:?})");
            prop_assert!(message.chars().count() < 600, "a message of {} chars", message.len());
        }
    }
}
