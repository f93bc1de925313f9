//! The external model's protocol against real HTTP servers started in the test on 127.0.0.1: one that
//! answers, one that hangs (the request times out), one that answers garbage (a clear error), none at
//! all (unreachable); `POST /train`; and the worker, which asks off the caller's thread. An answer
//! with some bad suggestions keeps the good ones and reports the bad ones (how many, the first one
//! and why), through the same channel as the errors.
#![allow(clippy::unwrap_used)]

mod http_support;

use std::net::TcpListener;
use std::time::Duration;

use http_support::{always, serve};

use gloss::model::{DocId, Document, Schema};
use gloss::suggest::http::{self, ExternalError};
use gloss::suggest::training::{TrainingDocument, TrainingSet};
use gloss::suggest::worker::External;
use gloss::suggest::{SuggestionKind, Worker, WorkerEvent};

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
    let url = serve(1, normal).url;
    let prediction = http::predict(&url, Duration::from_secs(10), &document(), &schema()).unwrap();
    assert_eq!(prediction.skipped, None);
    let suggestions = prediction.suggestions;
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
    let url = serve(1, hangs).url;
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
    let url = serve(1, garbage).url;
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
    let url = serve(1, normal).url;
    assert_eq!(
        http::train(&url, Duration::from_secs(10), &set, &schema()),
        Ok(())
    );
    let url = serve(1, no_training).url;
    assert!(matches!(
        http::train(&url, Duration::from_secs(10), &set, &schema()),
        Err(ExternalError::NoTraining { .. })
    ));
}

#[test]
fn the_worker_asks_the_server_off_the_callers_thread() {
    let worker = Worker::spawn(Box::new(|| {})).unwrap();
    let hanging = serve(1, hangs).url;
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
    let url = serve(1, normal).url;
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
            result: Ok(prediction),
            ..
        }) => {
            assert_eq!(revision, 5);
            assert_eq!(prediction.suggestions.len(), 3);
        }
        other => panic!("unexpected {other:?}"),
    }
}

// --- Answers with bad suggestions ------------------------------------------------------------------

/// Asks a server that answers `suggestions` about the test document (26 chars).
fn predict_answer(suggestions: serde_json::Value) -> http::Prediction {
    let url = serve(1, always(serde_json::json!({ "suggestions": suggestions }))).url;
    http::predict(&url, Duration::from_secs(10), &document(), &schema()).unwrap()
}

/// The entity "Курти" (chars 10..15), as a good server sends it.
fn kurti() -> serde_json::Value {
    serde_json::json!({"kind": "entity", "start": 10, "end": 15, "label": "PERSON", "score": 0.8})
}

/// The reason given for the first skipped suggestion, with how many were skipped of how many.
fn skipped(prediction: &http::Prediction) -> (usize, usize, usize, String) {
    let skipped = prediction.skipped.as_ref().expect("something was skipped");
    (
        skipped.count,
        skipped.total,
        skipped.index,
        skipped.reason.clone(),
    )
}

#[test]
fn one_bad_suggestion_no_longer_discards_the_whole_answer() {
    let prediction = predict_answer(serde_json::json!([
        kurti(),
        {"kind": "entity", "start": 120, "end": 90, "label": "PERSON"},
        {"kind": "entity", "start": 20, "end": 25, "label": "PERSON"},
    ]));
    let kept: Vec<_> = prediction
        .suggestions
        .iter()
        .map(|s| s.key().span)
        .collect();
    assert_eq!(
        kept,
        [
            gloss::model::CharSpan::new(10, 15),
            gloss::model::CharSpan::new(20, 25)
        ]
    );
    let url = prediction.skipped.as_ref().unwrap().url.clone();
    assert_eq!(
        prediction.skipped.unwrap().to_string(),
        format!(
            "1 of 3 suggestions from {url} were skipped; the first, suggestions[1]: span 120..90 is backwards"
        )
    );
}

#[test]
fn out_of_bounds_offsets_are_skipped_and_reported() {
    let prediction = predict_answer(serde_json::json!([
        {"start": 0, "end": 27, "label": "PERSON"},
        kurti(),
        {"start": -1, "end": 5, "label": "PERSON"},
        {"start": 3.5, "end": 5, "label": "PERSON"},
        {"kind": "quote", "start": 1, "end": 7, "cue": {"start": 30, "end": 40}},
        {"kind": "event", "start": 16, "end": 19, "label": "MEET",
         "arguments": [{"role": "Participant", "start": 10, "end": 99}]},
    ]));
    assert_eq!(prediction.suggestions.len(), 1);
    assert_eq!(
        skipped(&prediction),
        (
            5,
            6,
            0,
            "span 0..27 ends past the document's end (26 chars)".to_owned()
        )
    );
}

#[test]
fn offsets_that_are_not_whole_numbers_are_reported_in_the_users_terms() {
    let prediction = predict_answer(serde_json::json!([
        {"start": -1, "end": 5, "label": "PERSON"},
    ]));
    assert_eq!(
        skipped(&prediction).3,
        "start -1 is not a char offset (a whole number from 0)"
    );
}

#[test]
fn unknown_kinds_are_skipped_and_reported() {
    let prediction = predict_answer(serde_json::json!([
        kurti(),
        {"kind": "relation", "start": 10, "end": 15, "label": "PERSON"},
    ]));
    assert_eq!(prediction.suggestions.len(), 1);
    assert_eq!(
        skipped(&prediction),
        (
            1,
            2,
            1,
            "kind \"relation\" is not entity, quote or event".to_owned()
        )
    );
}

#[test]
fn unknown_labels_are_reported_not_dropped_silently() {
    let prediction = predict_answer(serde_json::json!([
        {"start": 10, "end": 15, "label": "PERSN"},
        kurti(),
        {"kind": "event", "start": 16, "end": 19, "label": "TELEPORT"},
        {"kind": "event", "start": 16, "end": 19, "label": "MEET",
         "arguments": [{"role": "Weapon", "start": 10, "end": 15}]},
        {"kind": "quote", "start": 1, "end": 7,
         "speaker": {"start": 10, "end": 15, "label": "ALIEN"}},
    ]));
    assert_eq!(prediction.suggestions.len(), 1);
    assert_eq!(
        skipped(&prediction),
        (
            4,
            5,
            0,
            "label \"PERSN\" is not one of the project's entity labels".to_owned()
        )
    );
}

#[test]
fn unknown_event_types_and_roles_name_what_is_missing() {
    let types = predict_answer(serde_json::json!([
        {"kind": "event", "start": 16, "end": 19, "label": "TELEPORT"},
    ]));
    assert_eq!(
        skipped(&types).3,
        "event type \"TELEPORT\" is not in the project's schema"
    );
    let roles = predict_answer(serde_json::json!([
        {"kind": "event", "start": 16, "end": 19, "label": "MEET",
         "arguments": [{"role": "Weapon", "start": 10, "end": 15}]},
    ]));
    assert_eq!(
        skipped(&roles).3,
        "arguments[0]: event type \"MEET\" has no role \"Weapon\""
    );
}

#[test]
fn non_numeric_scores_are_skipped_and_reported() {
    let prediction = predict_answer(serde_json::json!([
        kurti(),
        {"start": 20, "end": 25, "label": "PERSON", "score": "high"},
        {"start": 20, "end": 25, "label": "PERSON", "score": [0.5]},
    ]));
    assert_eq!(prediction.suggestions.len(), 1);
    assert_eq!(
        skipped(&prediction),
        (2, 3, 1, "score \"high\" is not a number".to_owned())
    );
}

#[test]
fn the_command_lines_recommender_reports_skipped_suggestions_as_warnings() {
    use gloss::model::Layer;
    use gloss::suggest::{Recommender as _, SuggestContext, TrainingView};
    let url = serve(
        1,
        always(serde_json::json!({"suggestions": [
            kurti(),
            {"start": 20, "end": 25, "label": "PERSON", "score": "high"},
        ]})),
    )
    .url;
    let recommender = http::HttpRecommender::new(&url, Duration::from_secs(10));
    let errors = recommender.errors();
    let (document, schema) = (document(), schema());
    let training = TrainingView::default();
    let ctx = SuggestContext::new(&document, &schema, None::<&Layer>, &training);
    assert_eq!(recommender.suggest(&ctx).len(), 1);
    let messages: Vec<String> = errors
        .lock()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [format!(
            "1 of 2 suggestions from {url}/predict were skipped; the first, suggestions[1]: score \"high\" is not a number"
        )]
    );
}
