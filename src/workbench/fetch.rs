//! Web pages and news feeds fetched for an import: `gloss import DIR https://…`, `--urls FILE`,
//! `--feed URL`, and the window's import of URLs (run as a job, never on the UI thread).
//!
//! Polite by default: a user agent that names Gloss, one request at a time per host and
//! [`FetchLimits::workers`] hosts at once, a pause of [`FetchLimits::pause`] between two requests
//! to the same host (from the end of one to the start of the next, across the feeds and the pages
//! of one import), a timeout on every request, a bounded number of redirects and a size limit on
//! every body. A URL that fails is reported with why, and the others are still fetched.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::jobs::JobContext;

/// The user agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "Gloss/",
    env!("CARGO_PKG_VERSION"),
    " (news annotation workbench; fetches pages an analyst asked for)"
);

/// How far a fetch may go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchLimits {
    /// For the whole request: connecting, waiting and reading the body.
    pub timeout: Duration,
    /// A body larger than this is refused (a news page is well under 5 MB).
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// Hosts fetched from at once; one host gets one request at a time.
    pub workers: usize,
    /// Between the end of one request to a host and the start of the next to it.
    pub pause: Duration,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            workers: 4,
            pause: DEFAULT_PAUSE,
        }
    }
}

/// The pause between two requests to one host unless the analyst says otherwise (`--pause`).
pub const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

/// Time as the fetcher sees it. Tests give a clock whose pauses only move it forward, so that a
/// test of the pauses never waits and never depends on how loaded the machine is.
pub trait Clock: Sync {
    /// Time since some fixed start.
    fn now(&self) -> Duration;
    fn pause(&self, duration: Duration);
}

/// The machine's monotonic clock and `thread::sleep`.
#[derive(Debug)]
pub struct SystemClock(Instant);

impl Default for SystemClock {
    fn default() -> Self {
        Self(Instant::now())
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }

    fn pause(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// When each host was last asked: the next request to it waits until `pause` has passed. One value
/// for all the fetches of an import (its feeds, then their articles).
pub struct Politeness<'c> {
    pause: Duration,
    clock: &'c dyn Clock,
    /// Host → when its last request ended.
    last: Mutex<HashMap<String, Duration>>,
}

impl std::fmt::Debug for Politeness<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Politeness")
            .field("pause", &self.pause)
            .finish_non_exhaustive()
    }
}

impl<'c> Politeness<'c> {
    pub fn new(pause: Duration, clock: &'c dyn Clock) -> Self {
        Self {
            pause,
            clock,
            last: Mutex::new(HashMap::new()),
        }
    }

    /// Waits until `host` may be asked again.
    fn wait_for(&self, host: &str) {
        let last = self.last.lock().ok().and_then(|l| l.get(host).copied());
        if let Some(last) = last {
            let since = self.clock.now().saturating_sub(last);
            if since < self.pause {
                self.clock.pause(self.pause - since);
            }
        }
    }

    /// Notes that a request to `host` just ended.
    fn asked(&self, host: &str) {
        let now = self.clock.now();
        if let Ok(mut last) = self.last.lock() {
            last.insert(host.to_owned(), now);
        }
    }
}

/// A page fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// Where the last redirect led.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

fn agent(limits: &FetchLimits) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build();
    ureq::Agent::new_with_config(config)
}

/// Fetches one URL; the error names it and says what went wrong (status, timeout, too large).
pub fn fetch(url: &str, limits: &FetchLimits) -> Result<Fetched, String> {
    fetch_with(&agent(limits), url, limits)
}

fn fetch_with(agent: &ureq::Agent, url: &str, limits: &FetchLimits) -> Result<Fetched, String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(format!("{url}: expected an http:// or https:// URL"));
    }
    let failed = |error: ureq::Error| -> String {
        match error {
            ureq::Error::Timeout(_) => format!(
                "{url}: no complete answer within {} s (timed out)",
                limits.timeout.as_secs_f32()
            ),
            ureq::Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                ) =>
            {
                format!(
                    "{url}: no complete answer within {} s (timed out)",
                    limits.timeout.as_secs_f32()
                )
            }
            ureq::Error::BodyExceedsLimit(_) => format!(
                "{url}: the page is larger than {} bytes, the most Gloss fetches",
                limits.max_bytes
            ),
            ureq::Error::TooManyRedirects => {
                format!("{url}: more than {} redirects", limits.max_redirects)
            }
            other => format!("{url}: {other}"),
        }
    };
    let mut response = agent.get(url).call().map_err(failed)?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(format!(
            "{url}: the server answered {status}{} (expected 200)",
            response
                .status()
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        ));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let final_url = response
        .extensions()
        .get::<ureq::http::Uri>()
        .map_or_else(|| url.to_owned(), ToString::to_string);
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(failed)?;
    Ok(Fetched {
        url: url.to_owned(),
        final_url,
        content_type,
        body,
    })
}

/// Fetches every URL, in parallel across hosts (at most `limits.workers` at once) and one at a time
/// per host. Results come back in the order of `urls`. Stops starting new fetches when `job` is
/// cancelled (those not fetched say so).
pub fn fetch_all(
    urls: &[String],
    limits: &FetchLimits,
    job: Option<&JobContext>,
) -> Vec<Result<Fetched, String>> {
    let clock = SystemClock::default();
    fetch_all_politely(urls, limits, &Politeness::new(limits.pause, &clock), job)
}

/// [`fetch_all`] with the pauses of `politeness` (shared by the fetches of one import).
pub fn fetch_all_politely(
    urls: &[String],
    limits: &FetchLimits,
    politeness: &Politeness<'_>,
    job: Option<&JobContext>,
) -> Vec<Result<Fetched, String>> {
    let agent = agent(limits);
    // One queue per host, so that a host is never asked twice at once.
    let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, url) in urls.iter().enumerate() {
        by_host.entry(host(url)).or_default().push(i);
    }
    let queues: Mutex<Vec<Vec<usize>>> = Mutex::new(by_host.into_values().collect());
    let results: Mutex<Vec<Option<Result<Fetched, String>>>> =
        Mutex::new((0..urls.len()).map(|_| None).collect());
    let done = std::sync::atomic::AtomicUsize::new(0);
    let workers = limits.workers.clamp(1, 16);
    std::thread::scope(|scope| {
        for n in 0..workers {
            let (agent, queues, results, done) = (&agent, &queues, &results, &done);
            let politeness = &politeness;
            let spawned = std::thread::Builder::new()
                .name(format!("fetch-{n}"))
                .spawn_scoped(scope, move || {
                    while let Some(queue) = queues.lock().ok().and_then(|mut q| q.pop()) {
                        for i in queue {
                            let result = if job.is_some_and(JobContext::cancelled) {
                                Err(format!(
                                    "{}: not fetched, the import was cancelled",
                                    urls[i]
                                ))
                            } else {
                                let host = host(&urls[i]);
                                politeness.wait_for(&host);
                                let result = fetch_with(agent, &urls[i], limits);
                                politeness.asked(&host);
                                result
                            };
                            let finished =
                                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                            if let Some(job) = job {
                                job.report(
                                    Some(finished as f32 / urls.len().max(1) as f32),
                                    format!("Fetched {}", urls[i]),
                                );
                            }
                            if let Ok(mut results) = results.lock() {
                                results[i] = Some(result);
                            }
                        }
                    }
                });
            if spawned.is_err() {
                break;
            }
        }
    });
    let results = results.into_inner().unwrap_or_default();
    results
        .into_iter()
        .zip(urls)
        .map(|(result, url)| {
            result.unwrap_or_else(|| Err(format!("{url}: not fetched (no worker thread)")))
        })
        .collect()
}

/// The URLs listed in `path`, one a line; blank lines and `#` comments are skipped. The error names
/// the file and line of anything that is not an http(s) URL.
pub fn urls_in_file(path: &std::path::Path) -> Result<Vec<String>, String> {
    let bytes = super::files::read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: not UTF-8 text (expected one URL a line)",
            path.display()
        )
    })?;
    let mut urls = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !(line.starts_with("http://") || line.starts_with("https://")) {
            return Err(format!(
                "{}:{}: expected an http:// or https:// URL, found {line:?}",
                path.display(),
                n + 1
            ));
        }
        urls.push(line.to_owned());
    }
    Ok(urls)
}

fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_ascii_lowercase()
}

/// An article a feed links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    pub link: String,
    pub title: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    pub author: Option<String>,
}

/// The feed's title and the articles it links to (RSS, Atom or JSON Feed), in feed order.
pub fn feed_items(url: &str, bytes: &[u8]) -> Result<(Option<String>, Vec<FeedItem>), String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .build()
        .parse(bytes)
        .map_err(|err| format!("{url}: not a feed (expected RSS, Atom or JSON Feed): {err}"))?;
    let title = feed.title.map(|t| t.content.trim().to_owned());
    let items = feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())?
                .href
                .clone();
            Some(FeedItem {
                link,
                title: entry.title.map(|t| t.content.trim().to_owned()),
                published: entry
                    .published
                    .or(entry.updated)
                    .and_then(|d| jiff::Timestamp::from_second(d.timestamp()).ok())
                    .map(|t| t.to_string()),
                author: Some(
                    entry
                        .authors
                        .iter()
                        .map(|a| a.name.trim())
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .filter(|a| !a.is_empty()),
            })
        })
        .collect();
    Ok((title, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_told_apart() {
        assert_eq!(
            host("https://www.TRTworld.com/europe/a?b"),
            "www.trtworld.com"
        );
        assert_eq!(host("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
    }

    #[test]
    fn rss_items_link_to_their_articles() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Balkan Ledger</title>
            <item><title>Talks fail</title><link>https://example.org/a</link><pubDate>Tue, 02 May 2023 15:21:00 GMT</pubDate></item>
            <item><title>Second</title><link>https://example.org/b</link></item></channel></rss>"#;
        let (title, items) = feed_items("https://example.org/feed", rss).unwrap();
        assert_eq!(title.as_deref(), Some("Balkan Ledger"));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].link, "https://example.org/a");
        assert_eq!(items[0].published.as_deref(), Some("2023-05-02T15:21:00Z"));
    }

    #[test]
    fn a_page_that_is_not_a_feed_says_so() {
        let err = feed_items("https://example.org/x", b"<html><body>hi</body></html>").unwrap_err();
        assert!(err.contains("not a feed"), "{err}");
    }
}
