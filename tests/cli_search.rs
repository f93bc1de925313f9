//! `gloss search`, run as a user runs it: the built binary on a copy of the sample project and on
//! small generated corpora. The specification (issue 14): one JSON object per hit with code-point
//! offsets, text found whatever its case and accents, regexes, annotation queries (label, layer,
//! attribute, quote speaker, event type and participant), and an index in a git-ignored cache
//! folder that is rebuilt when missing or out of date, while nothing else in the project changes.
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{gloss, new_project, one_line_error, run, sample_copy, snapshot};
use tempfile::TempDir;

const ARTICLE: &str = "kosovo-serbia-brussels-talks";

fn search(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let done = run(gloss().arg("search").arg(dir).args(args).arg("--json"));
    assert!(done.success, "{}", done.stderr);
    done.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// (doc, start, end, text, layer, annotation) of a hit, for exact comparisons.
type Place = (String, u64, u64, String, Option<String>, Option<u64>);

/// Each hit as a [`Place`].
fn hits(values: &[serde_json::Value]) -> Vec<Place> {
    values
        .iter()
        .map(|v| {
            (
                v["doc"].as_str().unwrap().to_owned(),
                v["start"].as_u64().unwrap(),
                v["end"].as_u64().unwrap(),
                v["text"].as_str().unwrap().to_owned(),
                v["layer"].as_str().map(str::to_owned),
                v["annotation"].as_u64(),
            )
        })
        .collect()
}

fn text_hit(doc: &str, start: u64, end: u64, text: &str) -> Place {
    (doc.to_owned(), start, end, text.to_owned(), None, None)
}

fn annotation_hit(start: u64, end: u64, text: &str, layer: &str, id: u64) -> Place {
    (
        ARTICLE.to_owned(),
        start,
        end,
        text.to_owned(),
        Some(layer.to_owned()),
        Some(id),
    )
}

/// A project of three generated articles, with accents, Cyrillic and emoji before the hits.
fn generated(temp: &TempDir) -> PathBuf {
    let dir = new_project(temp, "generated");
    let texts = temp.path().join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(
        texts.join("a.txt"),
        "Talks\n🇽🇰 Vučić met Kurti. VUČIĆ left.",
    )
    .unwrap();
    std::fs::write(texts.join("b.txt"), "Вучић и Курти\nVucic said no.").unwrap();
    std::fs::write(texts.join("c.txt"), "Nothing here\nOnly Brussels.").unwrap();
    let imported = run(gloss().arg("import").arg(&dir).arg(&texts));
    assert!(imported.success, "{}", imported.stderr);
    dir
}

#[test]
fn json_hits_carry_code_point_offsets_and_ignore_case_and_accents() {
    let temp = TempDir::new().unwrap();
    let dir = generated(&temp);
    let found = search(&dir, &["Vucic"]);
    assert_eq!(
        hits(&found),
        vec![
            // "Talks\n" is 6 code points, the flag 2 and a space 1: Vučić starts at 9.
            text_hit("a", 9, 14, "Vučić"),
            text_hit("a", 26, 31, "VUČIĆ"),
            text_hit("b", 14, 19, "Vucic"),
        ]
    );
    // The keys and their order are the issue's.
    let printed = run(gloss().arg("search").arg(&dir).args(["Kurti", "--json"])).stdout;
    assert_eq!(
        printed,
        "{\"doc\":\"a\",\"start\":19,\"end\":24,\"text\":\"Kurti\",\"layer\":null,\"annotation\":null}\n"
    );
    // Typing the accents finds the plain spelling too.
    assert_eq!(hits(&search(&dir, &["vučić"])), hits(&found));
    // Cyrillic is another script, not an accent.
    assert_eq!(
        hits(&search(&dir, &["Вучић"])),
        vec![text_hit("b", 0, 5, "Вучић")]
    );
}

#[test]
fn the_plain_output_shows_each_hit_in_context_and_counts() {
    let temp = TempDir::new().unwrap();
    let dir = generated(&temp);
    let done = run(gloss().arg("search").arg(&dir).arg("kurti"));
    assert!(done.success, "{}", done.stderr);
    assert_eq!(
        done.stdout,
        "a 19..24  🇽🇰 Vučić met [Kurti]. VUČIĆ left.\n1 hit in 1 document (of 3 searched)\n"
    );
}

#[test]
fn regexes_match_the_text_as_written_ignoring_case() {
    let temp = TempDir::new().unwrap();
    let dir = generated(&temp);
    assert_eq!(
        hits(&search(&dir, &["--regex", r"vu[čc]i[ćc]\b"])),
        vec![
            text_hit("a", 9, 14, "Vučić"),
            text_hit("a", 26, 31, "VUČIĆ"),
            text_hit("b", 14, 19, "Vucic"),
        ]
    );
    assert_eq!(
        hits(&search(&dir, &["--regex", "brussels|kurti"])),
        vec![
            text_hit("a", 19, 24, "Kurti"),
            text_hit("c", 18, 26, "Brussels")
        ]
    );
}

#[test]
fn the_sample_finds_every_vucic() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    assert_eq!(
        hits(&search(&dir, &["Vučić"])),
        [611, 719, 1381, 1430, 1576]
            .map(|start| text_hit(ARTICLE, start, start + 5, "Vucic"))
            .to_vec()
    );
}

#[test]
fn annotation_queries_find_labels_speakers_and_event_participants() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    // Quotes whose speaker is Kurti, in both annotators' layers.
    assert_eq!(
        hits(&search(&dir, &["speaker:Kurti"])),
        vec![
            annotation_hit(
                1430,
                1476,
                "Vucic refused to sign an agreement with Kosovo",
                "amira",
                75
            ),
            annotation_hit(
                1430,
                1476,
                "Vucic refused to sign an agreement with Kosovo",
                "bruno",
                47
            ),
            annotation_hit(
                1479,
                1562,
                "Accepting means signing. Only signing means accepting and guarantees implementation",
                "amira",
                76
            ),
        ]
    );
    // MEET events with Vucic among the participants.
    assert_eq!(
        hits(&search(&dir, &["event:MEET participant:Vucic"])),
        vec![
            annotation_hit(657, 660, "met", "amira", 82),
            annotation_hit(657, 660, "met", "bruno", 54),
            annotation_hit(750, 757, "meeting", "amira", 83),
            annotation_hit(1367, 1375, "meetings", "amira", 87),
            annotation_hit(1611, 1619, "meetings", "amira", 91),
        ]
    );
    // A label and a layer: Kurti as PERSON in amira's layer only.
    let kurti = search(&dir, &["Kurti", "--label", "PERSON", "--layer", "amira"]);
    assert_eq!(kurti.len(), 5);
    assert!(
        kurti
            .iter()
            .all(|v| v["layer"] == "amira" && (v["text"] == "Kurti" || v["text"] == "Albin Kurti")),
        "{kurti:?}"
    );
    // The same as a filter word.
    assert_eq!(
        hits(&search(&dir, &["label:person layer:amira Kurti"])),
        hits(&kurti)
    );
    // An attribute with a value.
    let hypothetical = search(&dir, &["attr:modality=hypothetical", "--layer", "amira"]);
    assert_eq!(
        hits(&hypothetical).first(),
        Some(&annotation_hit(97, 106, "recognise", "amira", 79))
    );
}

#[test]
fn the_index_lives_in_a_git_ignored_cache_and_follows_the_documents() {
    let temp = TempDir::new().unwrap();
    let dir = generated(&temp);
    let before = snapshot(&dir);
    assert_eq!(search(&dir, &["Brussels"]).len(), 1);
    let cache = dir.join(".gloss-cache");
    let ignore = std::fs::read_to_string(cache.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
    assert!(cache.join("search-index.json").is_file());
    // Nothing but the cache was written.
    let after: Vec<PathBuf> = snapshot(&dir)
        .into_keys()
        .filter(|path| !path.starts_with(&cache))
        .collect();
    assert_eq!(after, before.into_keys().collect::<Vec<_>>());

    // A document added after the index was built is found (the index is brought up to date).
    let more = temp.path().join("more.txt");
    std::fs::write(&more, "Later\nBrussels again").unwrap();
    assert!(run(gloss().arg("import").arg(&dir).arg(&more)).success);
    assert_eq!(search(&dir, &["Brussels"]).len(), 2);

    // A damaged cache is rebuilt, not trusted.
    std::fs::write(cache.join("search-index.json"), "{ not json").unwrap();
    assert_eq!(search(&dir, &["Brussels"]).len(), 2);
    let rebuilt = std::fs::read_to_string(cache.join("search-index.json")).unwrap();
    assert!(rebuilt.starts_with('{') && rebuilt.contains("brussels again"));
}

#[test]
fn mistakes_give_one_line_and_change_nothing() {
    let temp = TempDir::new().unwrap();
    let dir = sample_copy(&temp);
    let before = snapshot(&dir);
    let bad_regex = run(gloss().arg("search").arg(&dir).args(["(", "--regex"]));
    assert!(one_line_error(&bad_regex).contains("not a valid regular expression"));
    let bad_layer = run(gloss()
        .arg("search")
        .arg(&dir)
        .args(["x", "--layer", "nobody"]));
    let line = one_line_error(&bad_layer);
    assert!(
        line.contains("--layer nobody") && line.contains("amira, bruno"),
        "{line}"
    );
    let bad_kind = run(gloss().arg("search").arg(&dir).arg("kind:person"));
    assert!(one_line_error(&bad_kind).contains("expected entity, quote or event"));
    let missing = run(gloss().arg("search").arg(temp.path().join("nope")).arg("x"));
    one_line_error(&missing);
    assert_eq!(snapshot(&dir), before);
}
