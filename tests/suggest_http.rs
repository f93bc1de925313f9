//! The external model's protocol against real HTTP servers started in the test on 127.0.0.1: one that
//! answers, one that hangs (the request times out), one that answers garbage (a clear error), none at
//! all (unreachable); `POST /train`; and the worker, which asks off the caller's thread.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use gloss::model::{DocId, Document, Schema};
use gloss::suggest::http::{self, ExternalError};
use gloss::suggest::training::{TrainingDocument, TrainingSet};
use gloss::suggest::worker::External;
use gloss::suggest::{SuggestionKind, Worker, WorkerEvent};

/// What a test server does with each request: gets the path and the JSON body, returns the status
/// and body to answer, or `None` to hang without answering.
type Handler = fn(&str, &serde_json::Value) -> Option<(u16, String)>;

/// Serves up to `requests` connections on a free port of 127.0.0.1 and returns the base URL. A
/// hanging connection is held for at most five seconds, so the thread always ends.
fn serve(requests: usize, handler: Handler) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::Builder::new()
        .name("test-server".to_owned())
        .spawn(move || {
            for stream in listener.incoming().take(requests) {
                let Ok(stream) = stream else { continue };
                answer(stream, handler);
            }
        })
        .unwrap();
    url
}

fn answer(mut stream: TcpStream, handler: Handler) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    reader.read_line(&mut request_line).unwrap();
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
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    match handler(&path, &json) {
        Some((status, body)) => {
            let response = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(response.as_bytes()).unwrap();
        }
        None => std::thread::sleep(Duration::from_secs(5)),
    }
}

/// Answers `/predict` with the code-point offsets of "Курти" in the document, as a Python server
/// would compute them, plus a quote and an event.
fn normal(path: &str, request: &serde_json::Value) -> Option<(u16, String)> {
    if path == "/train" {
        let documents = request["documents"].as_array().map_or(0, Vec::len);
        return Some((200, format!("{{\"trained_on\": {documents}}}")));
    }
    let text = request["document"]["text"].as_str().unwrap_or("");
    let labels = &request["schema"]["entity_labels"];
    assert!(
        labels
            .as_array()
            .is_some_and(|l| l.iter().any(|x| x == "PERSON"))
    );
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = "Курти".chars().collect();
    let start = (0..chars.len())
        .find(|&i| chars[i..].starts_with(&needle))
        .unwrap_or(0);
    let end = start + needle.len();
    Some((
        200,
        serde_json::json!({"suggestions": [
            {"kind": "entity", "start": start, "end": end, "label": "PERSON", "score": 0.8},
            {"kind": "quote", "start": 1, "end": 7, "score": 0.7,
             "speaker": {"start": start, "end": end, "label": "PERSON"}, "quote_kind": "direct"},
            {"kind": "event", "start": end + 1, "end": end + 4, "label": "MEET",
             "arguments": [{"role": "Participant", "start": start, "end": end, "label": "PERSON"}]},
        ]})
        .to_string(),
    ))
}

fn hangs(_: &str, _: &serde_json::Value) -> Option<(u16, String)> {
    None
}

fn garbage(_: &str, _: &serde_json::Value) -> Option<(u16, String)> {
    Some((200, "<html>It works!</html>".to_owned()))
}

fn no_training(path: &str, _: &serde_json::Value) -> Option<(u16, String)> {
    (path == "/train").then(|| (404, "not found".to_owned()))
}

fn document() -> Document {
    Document::from_raw(
        DocId::slug("talks"),
        "talks",
        "\"Мир.\" 🇽🇰 Курти met Vucic.",
    )
}

fn schema() -> Schema {
    gloss::storage::presets::preset("news").unwrap()
}

const TIMEOUT: Duration = Duration::from_millis(300);

#[test]
fn a_normal_server_answers_in_code_point_offsets() {
    let url = serve(1, normal);
    let suggestions = http::predict(&url, Duration::from_secs(10), &document(), &schema()).unwrap();
    let text = &document().text;
    let SuggestionKind::Entity { span, label } = &suggestions[0].kind else {
        panic!("{suggestions:?}")
    };
    assert_eq!(
        (text.slice(*span), label.as_str()),
        (Some("Курти"), "PERSON")
    );
    assert_eq!(suggestions[0].recommender, "external");
    let SuggestionKind::Quote {
        content,
        speaker: Some(speaker),
        ..
    } = &suggestions[1].kind
    else {
        panic!("{suggestions:?}")
    };
    assert_eq!(text.slice(content[0]), Some("Мир.\" "));
    assert_eq!(text.slice(speaker.span), Some("Курти"));
    let SuggestionKind::Event {
        trigger, arguments, ..
    } = &suggestions[2].kind
    else {
        panic!("{suggestions:?}")
    };
    assert_eq!(text.slice(*trigger), Some("met"));
    assert_eq!(arguments[0].role, "Participant");
}

#[test]
fn a_server_that_hangs_times_out_with_a_message() {
    let url = serve(1, hangs);
    let error = http::predict(&url, TIMEOUT, &document(), &schema()).unwrap_err();
    assert_eq!(
        error,
        ExternalError::Timeout {
            url: format!("{url}/predict"),
            ms: 300
        }
    );
    assert_eq!(
        error.to_string(),
        format!("the external recommender at {url}/predict did not answer within 300 ms")
    );
}

#[test]
fn a_server_that_answers_garbage_gives_a_clear_error() {
    let url = serve(1, garbage);
    let error = http::predict(&url, Duration::from_secs(10), &document(), &schema())
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(&format!(
            "the external recommender at {url}/predict answered with something that is not the expected JSON ({{\"suggestions\": [...]}}): expected value"
        )),
        "{error}"
    );
}

#[test]
fn a_server_that_is_down_is_unreachable() {
    // A port that was free a moment ago: nobody listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let error = http::predict(&url, TIMEOUT, &document(), &schema()).unwrap_err();
    assert!(
        matches!(error, ExternalError::Unreachable { .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("cannot reach the external recommender at"),
        "{error}"
    );
}

#[test]
fn https_urls_are_refused_up_front() {
    let error =
        http::predict("https://example.invalid", TIMEOUT, &document(), &schema()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "https://example.invalid/predict: only http:// URLs are supported (this build has no TLS)"
    );
}

#[test]
fn training_is_sent_and_a_server_without_train_says_so() {
    let set = TrainingSet {
        documents: vec![TrainingDocument {
            id: "a".to_owned(),
            text: "Курти".to_owned(),
            entities: vec![(gloss::model::CharSpan::new(0, 5), "PERSON".to_owned())],
        }],
    };
    let url = serve(1, normal);
    assert_eq!(
        http::train(&url, Duration::from_secs(10), &set, &schema()),
        Ok(())
    );
    let url = serve(1, no_training);
    assert!(matches!(
        http::train(&url, Duration::from_secs(10), &set, &schema()),
        Err(ExternalError::NoTraining { .. })
    ));
}

#[test]
fn the_worker_asks_the_server_off_the_callers_thread() {
    let worker = Worker::spawn(Box::new(|| {})).unwrap();
    let hanging = serve(1, hangs);
    worker.predict_external(
        4,
        document(),
        schema(),
        External {
            url: hanging,
            timeout: TIMEOUT,
        },
    );
    // The caller is not blocked while the server hangs.
    assert!(worker.poll().is_empty());
    match worker.wait(Duration::from_secs(30)) {
        Some(WorkerEvent::External {
            revision,
            doc,
            result,
        }) => {
            assert_eq!((revision, doc.as_str()), (4, "talks"));
            assert!(
                matches!(result, Err(ExternalError::Timeout { .. })),
                "{result:?}"
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    let url = serve(1, normal);
    worker.predict_external(
        5,
        document(),
        schema(),
        External {
            url,
            timeout: Duration::from_secs(10),
        },
    );
    match worker.wait(Duration::from_secs(30)) {
        Some(WorkerEvent::External {
            revision,
            result: Ok(suggestions),
            ..
        }) => {
            assert_eq!(revision, 5);
            assert_eq!(suggestions.len(), 3);
        }
        other => panic!("unexpected {other:?}"),
    }
}
