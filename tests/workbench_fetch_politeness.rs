//! Fetching is polite: a pause between two requests to the same host (`--pause`, 1 s unless told),
//! and never two requests to one host at once, while several hosts are fetched in parallel.
//!
//! Time is injected: the fetcher's clock only moves when the fetcher pauses, so the test never
//! waits for a pause and does not depend on how fast the machine is. Each test host is a server on
//! its own port of 127.0.0.1 (a host is a name and port) that notes, for every request, the
//! fetcher's clock when it arrived and how many of its requests were open at once.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gloss::workbench::fetch::{Clock, FetchLimits, Politeness, fetch_all_politely};

/// A clock that moves only when paused; every pause is noted.
#[derive(Default)]
struct TestClock {
    nanos: AtomicU64,
    pauses: Mutex<Vec<Duration>>,
}

impl Clock for TestClock {
    fn now(&self) -> Duration {
        Duration::from_nanos(self.nanos.load(Ordering::SeqCst))
    }

    fn pause(&self, duration: Duration) {
        self.pauses.lock().unwrap().push(duration);
        self.nanos
            .fetch_add(duration.as_nanos() as u64, Ordering::SeqCst);
    }
}

/// A host: what it saw.
struct Host {
    url: String,
    /// The fetcher's clock when each request arrived, in arrival order.
    arrivals: Arc<Mutex<Vec<Duration>>>,
    /// The most requests open at once.
    most_at_once: Arc<AtomicUsize>,
}

/// Serves `requests` requests, each on a thread of its own (so that overlapping requests would be
/// seen), each held open 20 ms before it is answered, to give an overlap the chance to show.
fn host(requests: usize, clock: Arc<TestClock>) -> Host {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    let most_at_once = Arc::new(AtomicUsize::new(0));
    let open = Arc::new(AtomicUsize::new(0));
    let (seen, most) = (Arc::clone(&arrivals), Arc::clone(&most_at_once));
    std::thread::Builder::new()
        .name("polite-host".to_owned())
        .spawn(move || {
            for stream in listener.incoming().take(requests) {
                let Ok(mut stream) = stream else { continue };
                let now_open = open.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now_open, Ordering::SeqCst);
                seen.lock().unwrap().push(clock.now());
                let open = Arc::clone(&open);
                std::thread::Builder::new()
                    .name("polite-host-request".to_owned())
                    .spawn(move || {
                        let mut reader = BufReader::new(stream.try_clone().unwrap());
                        loop {
                            let mut line = String::new();
                            if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
                                break;
                            }
                        }
                        // Widens the window in which a second, overlapping request would be
                        // counted; never waited on by an assertion.
                        std::thread::sleep(Duration::from_millis(20));
                        // No longer open once the answer starts: the fetcher can only ask again
                        // after reading it, so this never counts one request twice.
                        open.fetch_sub(1, Ordering::SeqCst);
                        let body = "<html><body><p>ok</p></body></html>";
                        let _ = write!(
                            stream,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                    })
                    .unwrap();
            }
        })
        .unwrap();
    Host {
        url,
        arrivals,
        most_at_once,
    }
}

#[test]
fn requests_to_one_host_are_paused_apart_and_never_overlap() {
    let clock = Arc::new(TestClock::default());
    let hosts: Vec<Host> = (0..3).map(|_| host(4, Arc::clone(&clock))).collect();
    // Interleaved, as a feed or a list of URLs gives them.
    let urls: Vec<String> = (0..4)
        .flat_map(|n| hosts.iter().map(move |h| format!("{}/article-{n}", h.url)))
        .collect();
    let limits = FetchLimits {
        pause: Duration::from_secs(1),
        ..FetchLimits::default()
    };
    let politeness = Politeness::new(limits.pause, clock.as_ref());
    let results = fetch_all_politely(&urls, &limits, &politeness, None);
    assert!(results.iter().all(Result::is_ok), "{results:?}");

    for host in &hosts {
        assert_eq!(host.most_at_once.load(Ordering::SeqCst), 1, "{}", host.url);
        let arrivals = host.arrivals.lock().unwrap().clone();
        assert_eq!(arrivals.len(), 4);
        for pair in arrivals.windows(2) {
            assert!(
                pair[1] - pair[0] >= Duration::from_secs(1),
                "{}: requests at {arrivals:?} are less than the pause apart",
                host.url
            );
        }
    }
    // Three requests after the first to each host waited; none waited more than the pause.
    let pauses = clock.pauses.lock().unwrap().clone();
    assert!(!pauses.is_empty() && pauses.len() <= 9, "{pauses:?}");
    assert!(
        pauses.iter().all(|p| *p <= Duration::from_secs(1)),
        "{pauses:?}"
    );
}

#[test]
fn the_pause_holds_across_the_fetches_of_one_import_and_zero_means_none() {
    // A feed, then its articles, from the same host: one Politeness for both.
    let clock = Arc::new(TestClock::default());
    let site = host(3, Arc::clone(&clock));
    let limits = FetchLimits {
        pause: Duration::from_millis(1500),
        ..FetchLimits::default()
    };
    let politeness = Politeness::new(limits.pause, clock.as_ref());
    let feed = vec![format!("{}/feed", site.url)];
    assert!(fetch_all_politely(&feed, &limits, &politeness, None)[0].is_ok());
    let articles = vec![format!("{}/a", site.url), format!("{}/b", site.url)];
    assert!(
        fetch_all_politely(&articles, &limits, &politeness, None)
            .iter()
            .all(Result::is_ok)
    );
    let arrivals = site.arrivals.lock().unwrap().clone();
    assert_eq!(arrivals.len(), 3);
    assert!(
        arrivals[1] - arrivals[0] >= Duration::from_millis(1500),
        "{arrivals:?}"
    );
    assert!(
        arrivals[2] - arrivals[1] >= Duration::from_millis(1500),
        "{arrivals:?}"
    );

    // --pause 0: no pause at all, still one request at a time.
    let clock = Arc::new(TestClock::default());
    let site = host(3, Arc::clone(&clock));
    let limits = FetchLimits {
        pause: Duration::ZERO,
        ..FetchLimits::default()
    };
    let politeness = Politeness::new(limits.pause, clock.as_ref());
    let urls: Vec<String> = (0..3).map(|n| format!("{}/{n}", site.url)).collect();
    assert!(
        fetch_all_politely(&urls, &limits, &politeness, None)
            .iter()
            .all(Result::is_ok)
    );
    assert!(clock.pauses.lock().unwrap().is_empty());
    assert_eq!(site.most_at_once.load(Ordering::SeqCst), 1);
}
