//! The real saved news pages (Mozilla's Readability test pages, Apache-2.0) and their
//! hand-written reference (tests/data/web-real/reference.tsv): for each page, the CSS selectors
//! (chosen by reading the page) of its headline, of the elements that hold the article body, and of
//! the parts inside them that are not article (share bars, related links, ads, embedded widgets).
//! The reference text is what those selectors pick out, independent of any extractor. Shared by
//! tests/formats_web_real.rs and the examples web_extraction and near_duplicates.
//!
//! The pages themselves are not in this repository (see tests/data/web-real/README.md): they are
//! read from the first of `GLOSS_REAL_PAGES` (a folder of `<page>.html`), `shared/real-pages`
//! beside the repository or in /work/shared, and a git mirror of mozilla/readability at the
//! commit the reference was written for.

#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Never article text, on any page: code, styling, pictures and their captions, side boxes,
/// navigation, forms. (Captions are left out on purpose: the issue counts them as scraped noise.)
pub const NEVER_ARTICLE: &str =
    "script, style, noscript, template, figure, figcaption, aside, iframe, form, button, nav, svg";

/// The mozilla/readability commit whose test pages the reference was written for.
pub const READABILITY_COMMIT: &str = "ab4027a8b37669745016869a37a504727992b2ba";

/// Where the git mirror of mozilla/readability is on the machines of this project.
pub const READABILITY_MIRROR: &str = "/work/.mirror/mozilla+readability/repo";

/// The folder of tests/data/web-real (the reference table and its README).
pub fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web-real")
}

/// Where the pages are read from.
#[derive(Clone, Debug)]
pub enum Source {
    Folder(PathBuf),
    Mirror(PathBuf),
}

/// The first place that holds every page of the table, or `None` (with what was tried).
pub fn source() -> Result<Source, String> {
    let names: Vec<String> = pages_without_source().into_iter().map(|p| p.name).collect();
    let holds_all = |dir: &Path| {
        names
            .iter()
            .all(|n| dir.join(format!("{n}.html")).is_file())
    };
    let mut folders: Vec<PathBuf> = Vec::new();
    if let Ok(dir) = std::env::var("GLOSS_REAL_PAGES") {
        folders.push(PathBuf::from(dir));
    }
    folders.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-pages"));
    folders.push(PathBuf::from("/work/shared/real-pages"));
    if let Some(dir) = folders.iter().find(|d| holds_all(d)) {
        return Ok(Source::Folder(dir.clone()));
    }
    let mirror = PathBuf::from(READABILITY_MIRROR);
    let has_commit = std::process::Command::new("git")
        .arg("-C")
        .arg(&mirror)
        .args([
            "cat-file",
            "-e",
            &format!("{READABILITY_COMMIT}^{{commit}}"),
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_commit {
        return Ok(Source::Mirror(mirror));
    }
    Err(format!(
        "the real pages are not on this machine: tried {} and a git mirror of mozilla/readability \
         at {READABILITY_MIRROR} (commit {READABILITY_COMMIT}); see tests/data/web-real/README.md",
        folders
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// The pages of reference.tsv, in its order, read from `source`.
pub fn pages() -> Vec<Page> {
    let source = source().unwrap();
    pages_without_source()
        .into_iter()
        .map(|mut p| {
            p.source = Some(source.clone());
            p
        })
        .collect()
}

/// Writes every page into `dir` as `<page>.html`, as a user's folder of saved pages.
pub fn write_pages(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for page in pages() {
        std::fs::write(dir.join(format!("{}.html", page.name)), page.html()).unwrap();
    }
}

/// One page of the reference table.
#[derive(Clone, Debug)]
pub struct Page {
    pub name: String,
    pub site: String,
    headline: String,
    body: String,
    exclude: String,
    source: Option<Source>,
}

fn pages_without_source() -> Vec<Page> {
    let table = std::fs::read_to_string(data().join("reference.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cells.len(),
                5,
                "reference.tsv: 5 cells expected in {line:?}"
            );
            Page {
                name: cells[0].to_owned(),
                site: cells[1].to_owned(),
                headline: cells[2].to_owned(),
                body: cells[3].to_owned(),
                exclude: cells[4].trim().to_owned(),
                source: None,
            }
        })
        .collect()
}

impl Page {
    pub fn html(&self) -> Vec<u8> {
        match self.source.as_ref().unwrap() {
            Source::Folder(dir) => std::fs::read(dir.join(format!("{}.html", self.name))).unwrap(),
            Source::Mirror(repo) => {
                let out = std::process::Command::new("git")
                    .arg("-C")
                    .arg(repo)
                    .arg("show")
                    .arg(format!(
                        "{READABILITY_COMMIT}:test/test-pages/{}/source.html",
                        self.name
                    ))
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}: not in the mirror", self.name);
                out.stdout
            }
        }
    }

    /// The article text as a reader copies it: the headline, then every block of the body elements
    /// (in page order, each once), less what is never article and what this page marks as not
    /// article.
    pub fn reference(&self) -> String {
        let html = String::from_utf8_lossy(&self.html()).into_owned();
        let document = dom_query::Document::from(html.as_str());
        document.select(NEVER_ARTICLE).remove();
        if self.exclude != "-" {
            document.select(&self.exclude).remove();
        }
        let headline = document.select(&self.headline);
        let mut text = headline
            .nodes()
            .first()
            .map(|n| n.formatted_text().to_string())
            .unwrap_or_default();
        let body = document.select(&self.body);
        let nodes = body.nodes();
        for node in nodes {
            // A body element inside another one is already in its text.
            let inside_another = node
                .ancestors(None)
                .iter()
                .any(|a| nodes.iter().any(|n| n.id == a.id));
            if !inside_another {
                text.push_str("\n\n");
                text.push_str(&node.formatted_text());
            }
        }
        text
    }
}

/// Lower-cased word tokens (runs of letters and digits) with their counts.
pub fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *counts.entry(token.to_lowercase()).or_default() += 1;
    }
    counts
}

/// Tokens in common (counting repeats), tokens got, tokens wanted.
pub fn overlap(got: &str, want: &str) -> (usize, usize, usize) {
    let (got, want) = (tokens(got), tokens(want));
    let common = got
        .iter()
        .map(|(token, n)| (*n).min(*want.get(token).unwrap_or(&0)))
        .sum();
    (common, got.values().sum(), want.values().sum())
}

/// Precision, recall and F1 from `overlap` counts (0 where a count is 0).
pub fn prf(common: usize, got: usize, want: usize) -> (f64, f64, f64) {
    let p = if got == 0 {
        0.0
    } else {
        common as f64 / got as f64
    };
    let r = if want == 0 {
        0.0
    } else {
        common as f64 / want as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
