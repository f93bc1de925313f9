//! A test recommender: an HTTP server on a free port of 127.0.0.1, started in the test, that counts
//! the requests it gets and answers each with what the test's handler says.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A running test server.
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    requests: Arc<AtomicUsize>,
}

impl Server {
    /// How many requests arrived so far (counted as soon as a connection's request is read).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Serves up to `requests` connections on a free port of 127.0.0.1. `handler` gets the path and the
/// JSON body and returns the status and body to answer, or `None` to hang without answering (held
/// for at most five seconds, so the thread always ends).
pub fn serve(
    requests: usize,
    handler: impl Fn(&str, &serde_json::Value) -> Option<(u16, String)> + Send + 'static,
) -> Server {
    listen(requests, "test-server", move |stream, counted| {
        answer(stream, &handler, counted);
    })
}

/// Listens on a free port of 127.0.0.1 and hands each of up to `requests` connections, with the
/// request counter, to `serve_one` on a thread of its own.
fn listen(
    requests: usize,
    thread_name: &str,
    serve_one: impl Fn(TcpStream, &AtomicUsize) + Send + 'static,
) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&count);
    std::thread::Builder::new()
        .name(thread_name.to_owned())
        .spawn(move || {
            for stream in listener.incoming().take(requests) {
                let Ok(stream) = stream else { continue };
                serve_one(stream, &counted);
            }
        })
        .unwrap();
    Server {
        url,
        requests: count,
    }
}

/// A handler that answers every request with `body` (status 200).
pub fn always(
    body: serde_json::Value,
) -> impl Fn(&str, &serde_json::Value) -> Option<(u16, String)> {
    let body = body.to_string();
    move |_, _| Some((200, body.clone()))
}

fn answer(
    mut stream: TcpStream,
    handler: &impl Fn(&str, &serde_json::Value) -> Option<(u16, String)>,
    count: &AtomicUsize,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_owned();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    count.fetch_add(1, Ordering::SeqCst);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    match handler(&path, &json) {
        Some((status, body)) => {
            let response = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
        None => std::thread::sleep(Duration::from_secs(5)),
    }
}

/// What a page server answers: status, headers and body; `None` hangs (at most five seconds).
pub type PageAnswer = Option<(u16, Vec<(String, String)>, Vec<u8>)>;

/// Serves web pages on a free port of 127.0.0.1 for up to `requests` connections: `handler` gets the
/// path and the request's headers (lower-cased names) and says what to answer.
pub fn serve_pages(
    requests: usize,
    handler: impl Fn(&str, &[(String, String)]) -> PageAnswer + Send + 'static,
) -> Server {
    listen(requests, "test-page-server", move |stream, counted| {
        answer_page(stream, &handler, counted);
    })
}

fn answer_page(
    mut stream: TcpStream,
    handler: &impl Fn(&str, &[(String, String)]) -> PageAnswer,
    count: &AtomicUsize,
) {
    let Some((path, headers)) = read_request(&stream) else {
        return;
    };
    count.fetch_add(1, Ordering::SeqCst);
    match handler(&path, &headers) {
        Some((status, extra, body)) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (name, value) in extra {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        None => std::thread::sleep(Duration::from_secs(5)),
    }
}

/// Serves up to `requests` connections on a free port of 127.0.0.1, each answered by `write`
/// itself once the request is read (path given): for answers that are not one piece, such as a
/// body that drips or never ends. A failed write means the client went away; `write` then stops.
pub fn serve_raw(requests: usize, write: impl Fn(&str, &mut TcpStream) + Send + 'static) -> Server {
    listen(requests, "test-raw-server", move |mut stream, counted| {
        let Some((path, _)) = read_request(&stream) else {
            return;
        };
        counted.fetch_add(1, Ordering::SeqCst);
        write(&path, &mut stream);
    })
}

/// A GET request's path and headers (names lower-cased), read up to the blank line; `None` when the
/// client sent nothing.
fn read_request(stream: &TcpStream) -> Option<(String, Vec<(String, String)>)> {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return None;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    Some((path, headers))
}
