//! The near-duplicate threshold on real data: shingle Jaccard ([`gloss::model::near_duplicate`]) of
//!
//! - distinct articles: every pair of the 22 real pages' reference texts (tests/data/web-real) and,
//!   when the GUM mirror is on this machine, its 24 news documents (Wikinews, CC BY 2.5);
//! - near-duplicates: the same article extracted twice (the hand-made reference and Gloss's
//!   extraction through dom_smoothie; the `readability` crate's against both, for information, as
//!   it loses most of the article on some pages), and the same story in
//!   three outlets' pages (tests/data/web: Wikinews, TRT World and a WordPress outlet's headline,
//!   byline, related links and boilerplate around one text; Gloss's extraction, noise not
//!   cleaned: 3 pairs per story);
//! - for information, a shortened republication: a real article against its first half.
//!
//!     cargo run --release --example near_duplicates

#![allow(clippy::unwrap_used)]

#[path = "../tests/web_real_support/mod.rs"]
mod web_real_support;

use gloss::model::near_duplicate::{NEAR_DUPLICATE_JACCARD, Shingles};

fn jaccard(a: &str, b: &str) -> f64 {
    Shingles::of(a).jaccard(&Shingles::of(b))
}

fn gloss_text(html: &[u8]) -> String {
    gloss::formats::html::article_from_page(html, None, None)
        .map(|a| a.text())
        .unwrap_or_default()
}

fn readability_text(html: &[u8]) -> String {
    let decoded = gloss::formats::html::decode(html, None);
    let url = url::Url::parse("https://example.org/").unwrap();
    readability::extractor::extract(&mut decoded.as_bytes(), &url)
        .map(|p| format!("{}\n\n{}", p.title, p.text))
        .unwrap_or_default()
}

fn gum_news() -> Vec<(String, String)> {
    let repo = "/work/.mirror/amir-zeldes+gum/repo";
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let Some(list) = git(&["ls-tree", "--name-only", "HEAD", "rst/gdtb/pdtb/raw/00/"]) else {
        return Vec::new();
    };
    list.lines()
        .filter(|p| p.contains("GUM_news_"))
        .filter_map(|p| {
            Some((
                p.rsplit('/').next()?.to_owned(),
                git(&["show", &format!("HEAD:{p}")])?,
            ))
        })
        .collect()
}

/// Count, min, 5th, 50th, 95th percentile and max.
fn describe(name: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    let above = values
        .iter()
        .filter(|v| **v >= NEAR_DUPLICATE_JACCARD)
        .count();
    println!(
        "{name:46} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>7}",
        values.len(),
        at(0.0),
        at(0.05),
        at(0.5),
        at(0.95),
        at(1.0),
        above
    );
}

fn main() {
    let pages = web_real_support::pages();
    let mut distinct_texts: Vec<(String, String)> = pages
        .iter()
        .map(|p| (p.name.clone(), p.reference()))
        .collect();
    let gum = gum_news();
    let gum_found = gum.len();
    distinct_texts.extend(gum);
    let mut distinct = Vec::new();
    let mut closest = (0.0, String::new());
    for (i, (a_name, a)) in distinct_texts.iter().enumerate() {
        for (b_name, b) in &distinct_texts[i + 1..] {
            let j = jaccard(a, b);
            if j > closest.0 {
                closest = (j, format!("{a_name} / {b_name}"));
            }
            distinct.push(j);
        }
    }

    let mut extractors = Vec::new();
    let mut with_readability = Vec::new();
    let mut shortened = Vec::new();
    let mut lowest = (1.0, String::new());
    for page in &pages {
        let html = page.html();
        let texts = [page.reference(), gloss_text(&html), readability_text(&html)];
        for (x, y, what) in [
            (0, 1, "reference/gloss"),
            (0, 2, "reference/readability"),
            (1, 2, "gloss/readability"),
        ] {
            let j = jaccard(&texts[x], &texts[y]);
            if y == 2 {
                with_readability.push(j);
                continue;
            }
            if j < lowest.0 {
                lowest = (j, format!("{} {what}", page.name));
            }
            extractors.push(j);
        }
        let words: Vec<&str> = texts[0].split_whitespace().collect();
        shortened.push(jaccard(&texts[0], &words[..words.len() / 2].join(" ")));
    }

    let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web");
    let mut outlets = Vec::new();
    for entry in std::fs::read_dir(&web).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(story) = name
            .strip_prefix("wikinews-")
            .and_then(|s| s.strip_suffix(".html"))
        else {
            continue;
        };
        let text = |outlet: &str| {
            gloss_text(&std::fs::read(web.join(format!("{outlet}-{story}.html"))).unwrap())
        };
        let (w, t, l) = (text("wikinews"), text("trt"), text("ledger"));
        for (a, b, what) in [
            (&w, &t, "wikinews/trt"),
            (&w, &l, "wikinews/ledger"),
            (&t, &l, "trt/ledger"),
        ] {
            let j = jaccard(a, b);
            if j < lowest.0 {
                lowest = (j, format!("{story} {what}"));
            }
            outlets.push(j);
        }
    }

    println!(
        "word {}-gram shingles; threshold {NEAR_DUPLICATE_JACCARD}; GUM news documents found: {gum_found}\n",
        gloss::model::near_duplicate::SHINGLE_WORDS
    );
    println!(
        "{:46} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7}",
        "pairs", "n", "min", "p5", "p50", "p95", "max", ">=thr"
    );
    describe("distinct articles (real pages + GUM news)", distinct);
    describe("same article: reference / Gloss (real pages)", extractors);
    describe("(info) readability / reference or Gloss", with_readability);
    describe("same story, three outlets' pages", outlets);
    describe("(info) an article and its first half", shortened);
    println!("\nmost alike distinct pair: {:.3} {}", closest.0, closest.1);
    println!(
        "least alike near-duplicate pair: {:.3} {}",
        lowest.0, lowest.1
    );
}
