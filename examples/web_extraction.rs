//! Main-text extraction on 22 real saved news pages (Mozilla's Readability test pages, found as
//! tests/web_real_support says): `dom_smoothie` (what Gloss uses, through its real import path) and the
//! `readability` crate, scored side by side against the hand-written reference of each page
//! (tests/data/web-real/reference.tsv): token precision, recall and F1 per page and overall (over
//! all tokens of all pages). A second figure: agreement with Readability.js's own expected text,
//! when the mirror of mozilla/readability is on this machine.
//!
//!     cargo run --release --example web_extraction
//!     cargo run --release --example web_extraction -- --show bbc-1   # a page's reference text
//!     cargo run --release --example web_extraction -- --gloss bbc-1  # what Gloss extracts
//!     cargo run --release --example web_extraction -- --write DIR    # the pages, as DIR/<page>.html

#![allow(clippy::unwrap_used)]

#[path = "../tests/web_real_support/mod.rs"]
mod web_real_support;

use web_real_support::{overlap, pages, prf};

fn readability_text(html: &[u8]) -> String {
    let decoded = gloss::formats::html::decode(html, None);
    let url = url::Url::parse("https://example.org/").unwrap();
    match readability::extractor::extract(&mut decoded.as_bytes(), &url) {
        Ok(product) => format!("{}\n\n{}", product.title, product.text),
        Err(_) => String::new(),
    }
}

fn gloss_text(html: &[u8]) -> String {
    gloss::formats::html::article_from_page(html, None, None)
        .map(|a| a.text())
        .unwrap_or_default()
}

/// Readability.js's expected output for the page, as text, when the mirror is here.
fn mozilla_expected(name: &str) -> Option<String> {
    let out = std::process::Command::new("git")
        .args([
            "-C",
            web_real_support::READABILITY_MIRROR,
            "show",
            &format!(
                "{}:test/test-pages/{name}/expected.html",
                web_real_support::READABILITY_COMMIT
            ),
        ])
        .output()
        .ok()?;
    out.status.success().then(|| {
        let html = String::from_utf8_lossy(&out.stdout).into_owned();
        dom_query::Document::from(html.as_str())
            .formatted_text()
            .to_string()
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--show") {
        for page in pages().iter().filter(|p| args[1..].contains(&p.name)) {
            println!("{}", page.reference());
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--write") {
        web_real_support::write_pages(std::path::Path::new(&args[1]));
        return;
    }
    if args.first().map(String::as_str) == Some("--gloss") {
        for page in pages().iter().filter(|p| args[1..].contains(&p.name)) {
            println!("{}", gloss_text(&page.html()));
        }
        return;
    }
    let mut totals = [(0, 0, 0); 3];
    let mut moz_totals = (0, 0, 0);
    println!(
        "{:16} {:>6} | {:^20} | {:^20} | {:^13}",
        "page", "tokens", "dom_smoothie P/R/F1", "readability P/R/F1", "Gloss vs moz"
    );
    for page in pages() {
        let html = page.html();
        let reference = page.reference();
        let smoothie = gloss_text(&html);
        let other = readability_text(&html);
        let mut cells = Vec::new();
        let want = overlap(&reference, &reference).2;
        for (i, got) in [&smoothie, &other].into_iter().enumerate() {
            let (c, g, w) = overlap(got, &reference);
            totals[i] = (totals[i].0 + c, totals[i].1 + g, totals[i].2 + w);
            let (p, r, f) = prf(c, g, w);
            cells.push(format!("{p:.3} {r:.3} {f:.3}"));
        }
        let moz = mozilla_expected(&page.name).map_or("-".to_owned(), |expected| {
            let (c, g, w) = overlap(&smoothie, &expected);
            moz_totals = (moz_totals.0 + c, moz_totals.1 + g, moz_totals.2 + w);
            let (p, r, _) = prf(c, g, w);
            format!("{p:.3} {r:.3}")
        });
        println!(
            "{:16} {want:>6} | {:^20} | {:^20} | {moz:^13}",
            page.name, cells[0], cells[1]
        );
    }
    let all = |t: (usize, usize, usize)| {
        let (p, r, f) = prf(t.0, t.1, t.2);
        format!("{p:.3} {r:.3} {f:.3}")
    };
    println!(
        "{:16} {:>6} | {:^20} | {:^20} | {:^13}",
        "overall",
        totals[0].2,
        all(totals[0]),
        all(totals[1]),
        {
            let (p, r, _) = prf(moz_totals.0, moz_totals.1, moz_totals.2);
            format!("{p:.3} {r:.3}")
        }
    );
}
