//! Main-text extraction from saved news pages, scored against the article text a reader sees
//! (tests/data/web-expected): token precision (how much of what Gloss kept is article text) and
//! recall (how much of the article Gloss kept), per page and on average.
//!
//! The pages are real article text in news-site markup built by scripts/make_web_pages.py (19
//! pages, 3 site shapes); see tests/data/web/README.md.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::Path;

use gloss::formats::html::article_from_page;

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *counts.entry(token.to_lowercase()).or_default() += 1;
    }
    counts
}

/// (precision, recall) of `got`'s tokens against `want`'s, counting repeats.
fn score(got: &str, want: &str) -> (f64, f64) {
    let (got, want) = (tokens(got), tokens(want));
    let common: usize = got
        .iter()
        .map(|(token, n)| (*n).min(*want.get(token).unwrap_or(&0)))
        .sum();
    let total = |counts: &HashMap<String, usize>| counts.values().sum::<usize>().max(1) as f64;
    (common as f64 / total(&got), common as f64 / total(&want))
}

#[test]
fn saved_pages_give_their_article_text_and_little_else() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut pages: Vec<_> = std::fs::read_dir(root.join("web-expected"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() >= 19);
    let (mut precision, mut recall) = (0.0, 0.0);
    for expected in &pages {
        let name = expected.file_name().unwrap().to_string_lossy();
        let stem = name.trim_end_matches(".expected.txt");
        let html = std::fs::read(root.join("web").join(format!("{stem}.html"))).unwrap();
        let article = article_from_page(&html, None, None).unwrap();
        let (p, r) = score(&article.text(), &std::fs::read_to_string(expected).unwrap());
        println!("{stem:50} precision {p:.3} recall {r:.3}");
        // Every page keeps nearly all of its article; the worst keeps a page's sources list.
        assert!(r >= 0.85, "{stem}: recall {r:.3}");
        assert!(p >= 0.65, "{stem}: precision {p:.3}");
        precision += p;
        recall += r;
    }
    let n = pages.len() as f64;
    println!(
        "mean over {n} pages: precision {:.3} recall {:.3}",
        precision / n,
        recall / n
    );
    assert!(precision / n >= 0.9, "mean precision {:.3}", precision / n);
    assert!(recall / n >= 0.95, "mean recall {:.3}", recall / n);
}
