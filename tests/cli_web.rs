//! `gloss import` of what analysts have: saved web pages, URLs, lists of URLs and news feeds, with
//! each document's source recorded and scraped noise removed (issue 12).
//!
//! The saved pages under tests/data/web hold real article text (the sample's Wikinews and TRT World
//! articles) inside news-site markup built by scripts/make_web_pages.py; URLs are served from
//! 127.0.0.1 by the test itself.

#![allow(clippy::unwrap_used)]

mod cli_support;
mod http_support;

use std::path::{Path, PathBuf};

use cli_support::{gloss, new_project, run};
use gloss::model::Document;
use http_support::{PageAnswer, serve_pages};
use tempfile::TempDir;

fn web_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web")
}

fn page(name: &str) -> Vec<u8> {
    std::fs::read(web_data().join(name)).unwrap()
}

fn documents(dir: &Path) -> Vec<Document> {
    gloss::storage::load(dir).unwrap().documents().to_vec()
}

fn document<'a>(documents: &'a [Document], title_start: &str) -> &'a Document {
    documents
        .iter()
        .find(|d| d.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no document titled {title_start:?}"))
}

#[test]
fn a_saved_news_page_becomes_its_article_with_where_it_came_from() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "web");
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(web_data().join("trt-kosovo-serbia-brussels-talks.html")));
    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported.stdout.contains("imported 1 document from 1 file"),
        "{}",
        imported.stdout
    );

    let documents = documents(&dir);
    let article = document(&documents, "Stalemate persists");
    let text = article.text.as_str();
    // The headline on its own, then the body, one paragraph per block.
    assert!(
        text.starts_with(
            "Stalemate persists: Kosovo and Serbia's talks in Brussels bore no fruit\n\nSerbia and Kosovo failed"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n\nNo deal\n\n"),
        "the heading is a paragraph"
    );
    assert!(text.contains("Serbia, however, still considers Kosovo as its territory."));
    for chrome in [
        "We use cookies",
        "Accept all",
        "Sign up for our newsletter",
        "Twitter",
        "Privacy policy",
        "gtag",
        "Route 6: the road that divides",
        "Africa",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} is page chrome: {text}");
    }
    let meta = &article.meta;
    assert_eq!(meta.outlet.as_deref(), Some("TRT World"));
    assert_eq!(meta.published.as_deref(), Some("2023-05-02T15:21:00Z"));
    assert_eq!(meta.author.as_deref(), Some("TRT World, Agencies"));
    assert_eq!(meta.language.as_deref(), Some("en"));
    assert!(
        meta.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.trtworld.com/europe/stalemate")),
        "{meta:?}"
    );
}

#[test]
fn a_folder_of_saved_pages_imports_every_article_and_skips_a_page_without_one() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "web");
    let imported = run(gloss().arg("import").arg(&dir).arg(web_data()));
    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported
            .stderr
            .contains("no-article.html: no article found in the page"),
        "{}",
        imported.stderr
    );
    let documents = documents(&dir);
    // The folder holds 6 stories, each in 3 outlets' pages (and one also in windows-1252), the
    // broken-markup fragment and a 404 page. The 404 page is skipped;
    // so is every page of a story after its first: the same text (the UTF-8 twin of the
    // windows-1252 page; two outlets with one text word for word) or a near-duplicate (another
    // outlet's headline, byline and boilerplate around the story).
    assert_eq!(documents.len(), 7, "{:?}", titles(&documents));
    for duplicate in [
        "ledger-greek-court-ancient-deities.html: the same text as document ledger-cp1252-greek-court, skipped as a duplicate",
        "trt-uk-asylum-questionnaire.html: the same text as document ledger-uk-asylum-questionnaire, skipped as a duplicate",
        "wikinews-kosovo-serbia-brussels-talks.html: a near-duplicate (word 5-gram Jaccard 0.91) of document ledger-kosovo-serbia-brussels-talks, skipped as a duplicate (--duplicates link or keep imports it)",
    ] {
        assert!(imported.stderr.contains(duplicate), "{}", imported.stderr);
    }
    assert_eq!(
        imported.stderr.matches("skipped as a duplicate").count(),
        13
    );
    // An outlet's boilerplate, learned across its pages, is removed and said.
    assert!(
        imported.stderr.contains(
            "\"This text is licensed under the Creative Commons Attribution 2.5 License.\": boilerplate found in 5 other documents of Wikinews"
        ),
        "{}",
        imported.stderr
    );

    // Broken markup still gives its paragraphs.
    let broken = documents
        .iter()
        .find(|d| d.text.as_str().contains("failed to make progress"))
        .unwrap();
    assert!(broken.text.as_str().contains("Belgian capital."));

    let cp1252 = documents
        .iter()
        .find(|d| d.id.as_str().contains("cp1252"))
        .unwrap();
    assert_eq!(cp1252.meta.outlet.as_deref(), Some("The Balkan Ledger"));
    assert_eq!(
        cp1252.meta.published.as_deref(),
        Some("2006-03-27T09:00:00Z")
    );
}

fn titles(documents: &[Document]) -> Vec<&str> {
    documents.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn the_sample_articles_scraped_noise_is_removed_and_listed_line_by_line() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "noise");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/kosovo-talks/documents/kosovo-serbia-brussels-talks.txt");
    let imported = run(gloss().arg("import").arg(&dir).arg(&sample));
    assert!(imported.success, "{}", imported.stderr);
    let text = documents(&dir)[0].text.as_str().to_owned();
    assert!(!text.contains("Read More"), "{text}");
    assert!(!text.contains("/ Photo: AP"), "{text}");
    assert!(!text.contains("Standoff in northern Kosovo ends"), "{text}");
    assert!(!text.contains("Route 6"), "{text}");
    assert!(text.starts_with(
        "Stalemate persists: Kosovo and Serbia's talks in Brussels bore no fruit\n\nBelgrade has refused"
    ));
    assert!(text.contains("\n\nNo deal\n\n"), "a section heading stays");
    // Each removal on its own line: file, line, what, why.
    assert!(
        imported.stderr.lines().any(|l| l
            .contains("kosovo-serbia-brussels-talks.txt:5: \"A Kosovo special police officer")
            && l.ends_with("/ Photo: AP\": a photo caption or credit, not article text")),
        "{}",
        imported.stderr
    );
    assert!(
        imported
            .stderr
            .contains(":19: \"Read More\": a link or widget label, not article text"),
        "{}",
        imported.stderr
    );
    assert!(
        imported.stdout.contains("9 lines of scraped noise removed"),
        "{}",
        imported.stdout
    );
    // The document keeps what the report lists, in the same order, to review in the window.
    let reported: Vec<&str> = imported
        .stderr
        .lines()
        .filter(|l| l.contains("kosovo-serbia-brussels-talks.txt:"))
        .collect();
    let kept = &documents(&dir)[0].removed;
    assert_eq!(kept.len(), 9);
    assert_eq!(reported.len(), kept.len(), "{}", imported.stderr);
    for (line, removal) in reported.iter().zip(kept) {
        assert!(
            line.ends_with(&format!("\"{}\": {}", removal.shown(), removal.why)),
            "{line} / {removal:?}"
        );
    }

    // --keep-noise keeps the text as the file has it.
    let kept = new_project(&temp, "kept");
    let imported = run(gloss()
        .arg("import")
        .arg(&kept)
        .arg(&sample)
        .arg("--keep-noise"));
    assert!(imported.success, "{}", imported.stderr);
    assert_eq!(
        documents(&kept)[0].text.as_str(),
        std::fs::read_to_string(&sample).unwrap()
    );
    assert!(!imported.stderr.contains("removed:"));
}

#[test]
fn the_same_page_imported_twice_is_a_duplicate() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "dup");
    let page = web_data().join("wikinews-greek-court-ancient-deities.html");
    assert!(run(gloss().arg("import").arg(&dir).arg(&page)).success);
    let again = run(gloss().arg("import").arg(&dir).arg(&page));
    assert!(!again.success, "nothing new to import");
    assert!(
        again.stderr.contains("skipped as a duplicate"),
        "{}",
        again.stderr
    );
    assert_eq!(documents(&dir).len(), 1);
}

#[test]
fn the_same_story_from_another_outlet_is_a_near_duplicate_skipped_linked_or_kept() {
    let temp = TempDir::new().unwrap();
    let first = web_data().join("trt-north-korea-quasi-state-of-war.html");
    let others = [
        web_data().join("ledger-north-korea-quasi-state-of-war.html"),
        web_data().join("wikinews-north-korea-quasi-state-of-war.html"),
    ];
    let another_story = web_data().join("wikinews-new-zealand-flag-process.html");

    // Skipped by default, each named with the document it repeats and how alike they are.
    let dir = new_project(&temp, "skip");
    assert!(run(gloss().arg("import").arg(&dir).arg(&first)).success);
    let skipped = run(gloss()
        .arg("import")
        .arg(&dir)
        .args(&others)
        .arg(&another_story));
    assert!(skipped.success, "{}", skipped.stderr);
    for other in ["ledger", "wikinews"] {
        let said = skipped
            .stderr
            .lines()
            .find(|l| l.contains(&format!("{other}-north-korea-quasi-state-of-war.html: a near-duplicate (word 5-gram Jaccard 0.")))
            .unwrap_or_else(|| panic!("{other}: {}", skipped.stderr));
        assert!(
            said.ends_with("of document trt-north-korea-quasi-state-of-war, skipped as a duplicate (--duplicates link or keep imports it)"),
            "{said}"
        );
    }
    assert!(
        !skipped
            .stderr
            .lines()
            .any(|l| l.contains("new-zealand") && l.contains("duplicate")),
        "another story is no duplicate: {}",
        skipped.stderr
    );
    assert_eq!(documents(&dir).len(), 2);

    // Linked: imported, each naming the document it repeats; saved, loaded and shown by stats.
    let dir = new_project(&temp, "link");
    assert!(run(gloss().arg("import").arg(&dir).arg(&first)).success);
    let linked = run(gloss()
        .arg("import")
        .arg(&dir)
        .args(&others)
        .args(["--duplicates", "link"]));
    assert!(linked.success, "{}", linked.stderr);
    assert_eq!(
        linked
            .stderr
            .matches("imported as a duplicate linked to it")
            .count(),
        2
    );
    let documents = documents(&dir);
    assert_eq!(documents.len(), 3);
    let ledger = documents
        .iter()
        .find(|d| d.id.as_str() == "ledger-north-korea-quasi-state-of-war")
        .unwrap();
    assert_eq!(
        ledger.meta.duplicate_of.as_ref().map(|id| id.as_str()),
        Some("trt-north-korea-quasi-state-of-war")
    );
    assert!(documents.iter().all(|d| {
        d.meta
            .duplicate_of
            .as_ref()
            .is_none_or(|of| documents.iter().any(|o| &o.id == of))
    }));
    let stats = run(gloss().arg("stats").arg(&dir));
    assert!(
        stats.stdout.contains("ledger-north-korea-quasi-state-of-war is a duplicate of trt-north-korea-quasi-state-of-war"),
        "{}",
        stats.stdout
    );
    let json = run(gloss().arg("stats").arg(&dir).arg("--json"));
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["duplicates"].as_array().unwrap().len(), 2, "{json}");

    // A duplicate_of that is not a document id is refused at load, naming the file and line.
    let ron = dir.join("project.ron");
    let text = std::fs::read_to_string(&ron).unwrap();
    std::fs::write(
        &ron,
        text.replacen(
            "duplicate_of: Some(\"trt-",
            "duplicate_of: Some(\"../trt-",
            1,
        ),
    )
    .unwrap();
    let check = run(gloss().arg("check").arg(&dir));
    assert!(!check.success);
    assert!(
        check.stderr.contains(
            "duplicate_of \"../trt-north-korea-quasi-state-of-war\" is not a document id"
        ),
        "{}",
        check.stderr
    );

    // Kept: imported as any other document, still reported.
    let dir = new_project(&temp, "keep");
    assert!(run(gloss().arg("import").arg(&dir).arg(&first)).success);
    let kept = run(gloss()
        .arg("import")
        .arg(&dir)
        .args(&others)
        .args(["--duplicates", "keep"]));
    assert!(kept.success, "{}", kept.stderr);
    assert_eq!(
        kept.stderr
            .matches("imported anyway (--duplicates keep)")
            .count(),
        2
    );
    let documents = self::documents(&dir);
    assert_eq!(documents.len(), 3);
    assert!(documents.iter().all(|d| d.meta.duplicate_of.is_none()));

    let refused = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&first)
        .args(["--duplicates", "merge"]));
    assert!(!refused.success);
    assert!(refused.stderr.contains("merge"), "{}", refused.stderr);
}

#[test]
fn a_page_saved_twice_is_not_taken_for_its_outlets_boilerplate() {
    // Boilerplate is learned from what an outlet's articles share; two copies of one article share
    // every paragraph, and must not make the article itself look like boilerplate.
    let temp = TempDir::new().unwrap();
    let pages = temp.path().join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    let page = page("trt-new-zealand-flag-process.html");
    for name in ["a.html", "b.html", "c.html"] {
        std::fs::write(pages.join(name), &page).unwrap();
    }
    let dir = new_project(&temp, "twice");
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&pages)
        .args(["--duplicates", "keep"]));
    assert!(imported.success, "{}", imported.stderr);
    assert!(
        !imported.stderr.contains("boilerplate found"),
        "{}",
        imported.stderr
    );
    let documents = documents(&dir);
    assert_eq!(documents.len(), 3);
    assert!(documents.iter().all(|d| d.text == documents[0].text));
    assert!(
        documents[0].text.as_str().len() > 1000,
        "{}",
        documents[0].text.as_str()
    );
}

#[test]
fn the_pause_between_requests_is_given_in_seconds_and_zero_is_allowed() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "pause");
    let bad = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg("http://127.0.0.1:9/a")
        .arg("--pause=-1"));
    assert!(!bad.success);
    assert!(
        bad.stderr
            .contains("--pause -1: expected seconds from 0 to 3600"),
        "{}",
        bad.stderr
    );
    let help = run(gloss().args(["import", "--help"]));
    assert!(help.stdout.contains("--pause <SECONDS>"), "{}", help.stdout);
    assert!(
        help.stdout.contains("--duplicates <POLICY>"),
        "{}",
        help.stdout
    );
}

/// Serves the saved pages by name, a redirect, a 404 and an RSS feed of three of them.
fn news_site(requests: usize) -> http_support::Server {
    serve_pages(requests, |path, headers| -> PageAnswer {
        let agent = headers
            .iter()
            .find(|(name, _)| name == "user-agent")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        if !agent.starts_with("Gloss/") {
            return Some((403, Vec::new(), b"who are you?".to_vec()));
        }
        let html = |name: &str| {
            Some((
                200,
                vec![(
                    "Content-Type".to_owned(),
                    "text/html; charset=utf-8".to_owned(),
                )],
                page(name),
            ))
        };
        match path {
            "/kosovo" => html("trt-kosovo-serbia-brussels-talks.html"),
            "/greek" => html("ledger-greek-court-ancient-deities.html"),
            "/old-flag-link" => Some((
                301,
                vec![("Location".to_owned(), "/flag".to_owned())],
                Vec::new(),
            )),
            "/flag" => html("wikinews-new-zealand-flag-process.html"),
            "/feed.xml" => {
                let host = headers
                    .iter()
                    .find(|(name, _)| name == "host")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                let feed = FEED.replace("LEDGER", &format!("http://{host}"));
                Some((
                    200,
                    vec![("Content-Type".to_owned(), "application/rss+xml".to_owned())],
                    feed.into_bytes(),
                ))
            }
            _ => Some((404, Vec::new(), b"not found".to_vec())),
        }
    })
}

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Balkan Ledger</title><link>http://example.org/</link>
<item><title>Greek court rules worship of ancient Greek deities is legal</title><link>LEDGER/greek</link><pubDate>Mon, 27 Mar 2006 09:00:00 GMT</pubDate></item>
<item><title>New Zealand flag</title><link>LEDGER/flag</link></item>
<item><title>Gone</title><link>LEDGER/gone</link></item>
</channel></rss>"#;

#[test]
fn urls_are_fetched_and_a_failed_one_is_reported_while_the_others_import() {
    // Three URLs and the redirect's second request.
    let server = news_site(4);
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "urls");
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(format!("{}/kosovo", server.url))
        .arg(format!("{}/old-flag-link", server.url))
        .arg(format!("{}/missing", server.url)));
    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported
            .stderr
            .contains(&format!("{}/missing: the server answered 404", server.url)),
        "{}",
        imported.stderr
    );
    let documents = documents(&dir);
    assert_eq!(documents.len(), 2, "{:?}", titles(&documents));
    let kosovo = document(&documents, "Stalemate persists");
    assert_eq!(kosovo.meta.outlet.as_deref(), Some("TRT World"));
    assert!(
        kosovo
            .meta
            .retrieved
            .as_deref()
            .is_some_and(|r| r.parse::<jiff::Timestamp>().is_ok()),
        "retrieved is an RFC 3339 instant: {:?}",
        kosovo.meta
    );
    // The redirect was followed; the page names no site, so its host is the outlet.
    let flag = document(&documents, "New Zealand begins process");
    assert_eq!(flag.meta.outlet.as_deref(), Some("Wikinews"));
}

#[test]
fn a_feeds_articles_are_fetched_and_a_url_list_file_is_read() {
    // The feed, its three links (one missing), and the list's one URL.
    let server = news_site(5);
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "feed");
    let list = temp.path().join("urls.txt");
    std::fs::write(
        &list,
        format!("# articles to read\n\n{}/kosovo\n", server.url),
    )
    .unwrap();
    let feed_url = format!("{}/feed.xml", server.url);
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg("--urls")
        .arg(&list)
        .arg("--feed")
        .arg(&feed_url));
    assert!(imported.success, "{}", imported.stderr);
    let documents = documents(&dir);
    assert_eq!(
        documents.len(),
        3,
        "{:?}\n{}",
        titles(&documents),
        imported.stderr
    );
    assert!(imported.stderr.contains("/gone: the server answered 404"));
    let greek = document(&documents, "Greek court rules");
    assert_eq!(
        greek.meta.published.as_deref(),
        Some("2006-03-27T09:00:00Z")
    );
}

#[test]
fn a_url_list_with_something_else_is_refused_naming_the_line() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "bad-list");
    let list = temp.path().join("urls.txt");
    std::fs::write(&list, "https://example.org/a\nexample.org/b\n").unwrap();
    let refused = run(gloss().arg("import").arg(&dir).arg("--urls").arg(&list));
    let error = cli_support::one_line_error(&refused);
    assert!(
        error.contains("urls.txt:2: expected an http:// or https:// URL, found \"example.org/b\""),
        "{error}"
    );
}

#[test]
fn a_fetch_that_hangs_times_out_and_one_too_large_is_refused_by_its_limit() {
    use gloss::workbench::fetch::{FetchLimits, fetch};
    use std::time::Duration;
    let hangs = serve_pages(1, |_, _| -> PageAnswer { None });
    let big = serve_pages(1, |_, _| -> PageAnswer {
        Some((200, Vec::new(), vec![b'x'; 4096]))
    });
    let limits = FetchLimits {
        timeout: Duration::from_millis(300),
        max_bytes: 1024,
        ..FetchLimits::default()
    };
    let slow = fetch(&format!("{}/slow", hangs.url), &limits).unwrap_err();
    assert!(slow.contains("timed out"), "{slow}");
    // The size limit with the default timeout, so that a loaded machine cannot turn it into a timeout.
    let small = FetchLimits {
        max_bytes: 1024,
        ..FetchLimits::default()
    };
    let big = fetch(&format!("{}/big", big.url), &small).unwrap_err();
    assert!(
        big.contains("larger than 1024 bytes, the most Gloss fetches"),
        "{big}"
    );
}

#[test]
fn a_page_nested_too_deep_is_refused_quickly_and_a_huge_page_keeps_its_article() {
    let temp = TempDir::new().unwrap();
    let dir = new_project(&temp, "news");
    let pages = temp.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let article: String = (0..8)
        .map(|i| {
            format!(
                "<p>Paragraph {i} says that the talks in Brussels ended without an agreement \
                 and both delegations left.</p>"
            )
        })
        .collect();
    // 100,000 nested elements: parsing that costs minutes, so the page is refused before it.
    let deep = format!(
        "<html><body>{}<article><h1>Deep</h1>{article}</article>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(pages.join("deep.html"), deep).unwrap();
    // 17 MB of links around a short article, within the size a saved page may have.
    let links: String = (0..300_000)
        .map(|i| format!("<li><a href=\"/s/{i}\">Related story number {i}</a></li>"))
        .collect();
    let huge = format!(
        "<html><head><title>Talks end</title></head><body><nav><ul>{links}</ul></nav>\
         <article><h1>Talks end</h1>{article}</article></body></html>"
    );
    std::fs::write(pages.join("huge.html"), huge).unwrap();
    // Tags in scripts, comments and quoted attributes are not elements, and one that closes
    // itself opens none: this page counts 1,001 levels only by miscounting those.
    let tricky = format!(
        "<html><body>{}<script>{}</script><!-- {} --><span title=\"a > b\"/>\
         <article><h1>Tricky</h1>{article}</article>{}</body></html>",
        "<section>".repeat(990),
        "<div>".repeat(20),
        "<div>".repeat(20),
        "</section>".repeat(990)
    );
    std::fs::write(pages.join("tricky.html"), tricky).unwrap();

    // The two articles are one text: both are kept, to see both read.
    let imported = run(gloss()
        .arg("import")
        .arg(&dir)
        .arg(&pages)
        .args(["--duplicates", "keep"]));
    assert!(imported.success, "{}", imported.stderr);
    assert!(
        imported.stderr.contains(
            "deep.html: elements nested more than 1000 deep (near byte 5002): expected a web \
             page, which nests a few dozen deep, skipped"
        ),
        "{}",
        imported.stderr
    );
    let documents = documents(&dir);
    assert_eq!(
        titles(&documents),
        ["huge", "tricky"],
        "{}",
        imported.stderr
    );
    for document in &documents {
        let text = document.text.as_str();
        assert!(text.contains("Paragraph 7 says"), "{text:.200}");
        assert!(!text.contains("Related story"), "{text:.200}");
    }
}

#[test]
fn a_body_that_drips_a_byte_at_a_time_times_out_as_a_whole() {
    use gloss::workbench::fetch::{FetchLimits, fetch};
    use std::io::Write;
    use std::time::{Duration, Instant};
    // A page that would take about a day: one byte every 100 ms of a megabyte. Each read gets a
    // byte well within any per-read timeout, so only a timeout on the whole request ends it.
    let drip = http_support::serve_raw(1, |_, stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if stream
                .write_all(b"x")
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let limits = FetchLimits {
        timeout: Duration::from_millis(500),
        ..FetchLimits::default()
    };
    let error = fetch(&format!("{}/drip", drip.url), &limits).unwrap_err();
    assert!(error.contains("/drip"), "the URL is named: {error}");
    assert!(error.contains("timed out"), "{error}");
}

#[test]
fn a_hundred_megabyte_body_is_cut_off_at_the_default_limit() {
    use gloss::workbench::fetch::{FetchLimits, fetch};
    use std::io::Write;
    // 100 MB without a Content-Length (the body runs until the connection closes), so the limit
    // must be counted as the bytes arrive, not read from a header.
    let endless = http_support::serve_raw(1, |_, stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let chunk = vec![b'x'; 1 << 16];
        for _ in 0..(100 << 20) / chunk.len() {
            if stream.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let limits = FetchLimits::default();
    let error = fetch(&format!("{}/huge", endless.url), &limits).unwrap_err();
    assert!(error.contains("/huge"), "the URL is named: {error}");
    assert!(
        error.contains(&format!("larger than {} bytes", limits.max_bytes)),
        "{error}"
    );
    assert!(limits.max_bytes < 100 << 20);
}

#[test]
fn gloss_meta_shows_and_changes_a_documents_details_with_the_windows_check() {
    let temp = TempDir::new().unwrap();
    let dir = cli_support::sample_copy(&temp);
    let doc = "kosovo-serbia-brussels-talks";
    let shown = run(gloss().arg("meta").arg(&dir).arg(doc));
    assert!(shown.success, "{}", shown.stderr);
    assert!(
        shown.stdout.contains("outlet: TRT World\n"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("published: \n"), "{}", shown.stdout);

    let before = cli_support::snapshot(&dir);
    let refused = run(gloss().arg("meta").arg(&dir).arg(doc).args([
        "--published",
        "27.10.2022",
        "--authors",
        "Jane Doe",
    ]));
    let error = cli_support::one_line_error(&refused);
    assert!(error.contains("is not an RFC 3339 date"), "{error}");
    assert_eq!(cli_support::snapshot(&dir), before, "nothing was written");

    let changed = run(gloss().arg("meta").arg(&dir).arg(doc).args([
        "--published",
        "2022-10-27T09:30:00Z",
        "--authors",
        "Jane Doe",
        "--language",
        "",
    ]));
    assert!(changed.success, "{}", changed.stderr);
    assert!(
        changed.stdout.contains("saved the details"),
        "{}",
        changed.stdout
    );
    let meta = documents(&dir)[0].meta.clone();
    assert_eq!(meta.published.as_deref(), Some("2022-10-27T09:30:00Z"));
    assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(meta.language, None, "an empty value clears the field");
    assert_eq!(meta.outlet.as_deref(), Some("TRT World"));
}
