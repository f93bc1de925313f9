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
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&count);
    std::thread::Builder::new()
        .name("test-server".to_owned())
        .spawn(move || {
            for stream in listener.incoming().take(requests) {
                let Ok(stream) = stream else { continue };
                answer(stream, &handler, &counted);
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
