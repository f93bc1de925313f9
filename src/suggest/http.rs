//! An external model over HTTP, configured per project (`Settings::recommender_url` and
//! `recommender_timeout_ms`). The protocol, all offsets in code points (Python `str` indices),
//! half-open:
//!
//! `POST <url>/predict` with
//! `{"document": {"id": "talks", "text": "…"}, "schema": {"entity_labels": ["PERSON", …],
//! "event_types": [{"name": "MEET", "roles": ["Participant", …]}], "quotes": true}}`
//! answers `{"suggestions": [ … ]}`, each one of
//! - `{"kind": "entity", "start": 0, "end": 5, "label": "PERSON", "score": 0.9}` (`kind` defaults to
//!   entity, `score` to 1);
//! - `{"kind": "quote", "start", "end", "score", "cue": {"start", "end"} | null,
//!   "speaker": {"start", "end", "label"} | null, "quote_kind": "direct" | "indirect" | "mixed"}`;
//! - `{"kind": "event", "start", "end", "label", "score", "arguments": [{"role", "start", "end",
//!   "label"}]}` (the span is the trigger).
//!
//! `POST <url>/train` (optional) with `{"schema": …, "documents": [{"id", "text", "entities":
//! [{"start", "end", "label"}]}]}`; any 2xx answer is success, 404 means the server does not train.
//!
//! Requests block, with the project's timeout: the window runs them on the [`super::Worker`]'s
//! thread, the command line directly. Only `http://` URLs (no TLS in this build).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use thiserror::Error;

use crate::model::{Document, Schema};

use super::context::SuggestContext;
use super::training::TrainingSet;
use super::{Recommender, Suggestion};

mod answer;

pub use answer::{Prediction, Skipped, parse_predictions};

/// The recommender's name.
pub const NAME: &str = "external";

/// Why the external model gave no suggestions. Messages are one line and name the URL.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ExternalError {
    #[error("{url}: only http:// URLs are supported (this build has no TLS)")]
    UnsupportedUrl { url: String },
    #[error("cannot reach the external recommender at {url}: {message}")]
    Unreachable { url: String, message: String },
    #[error("the external recommender at {url} did not answer within {ms} ms")]
    Timeout { url: String, ms: u64 },
    #[error("the external recommender at {url} answered HTTP {status}: {body}")]
    Status {
        url: String,
        status: u16,
        body: String,
    },
    #[error("the external recommender at {url} does not train (HTTP 404)")]
    NoTraining { url: String },
    #[error(
        "the external recommender at {url} answered with something that is not the expected JSON \
         ({{\"suggestions\": [...]}}): {message}"
    )]
    Garbage { url: String, message: String },
    /// Not a failure: the answer's good suggestions are used. Reported through the same channel so
    /// that the analyst (or the server's author) learns of the bad ones.
    #[error(transparent)]
    Skipped(#[from] Skipped),
}

#[derive(Serialize)]
struct PredictRequest<'a> {
    document: RequestDocument<'a>,
    schema: RequestSchema,
}

#[derive(Serialize)]
struct RequestDocument<'a> {
    id: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct RequestSchema {
    entity_labels: Vec<String>,
    event_types: Vec<RequestEventType>,
    quotes: bool,
}

#[derive(Serialize)]
struct RequestEventType {
    name: String,
    roles: Vec<String>,
}

#[derive(Serialize)]
struct TrainRequest<'a> {
    schema: RequestSchema,
    documents: Vec<TrainDocument<'a>>,
}

#[derive(Serialize)]
struct TrainDocument<'a> {
    id: &'a str,
    text: &'a str,
    entities: Vec<Offsets>,
}

#[derive(Serialize)]
struct Offsets {
    start: usize,
    end: usize,
    label: String,
}

fn request_schema(schema: &Schema) -> RequestSchema {
    RequestSchema {
        entity_labels: schema
            .entity_labels
            .iter()
            .map(|l| l.name.clone())
            .collect(),
        event_types: schema
            .event_types
            .iter()
            .map(|t| RequestEventType {
                name: t.name.clone(),
                roles: t.roles.iter().map(|r| r.name.clone()).collect(),
            })
            .collect(),
        quotes: schema.quotes.enabled,
    }
}

/// `base` + `/endpoint`, unless `base` already ends with it.
fn endpoint(base: &str, endpoint: &str) -> String {
    let base = base.trim_end_matches('/');
    let base = base
        .strip_suffix("/predict")
        .or_else(|| base.strip_suffix("/train"))
        .unwrap_or(base);
    format!("{base}/{endpoint}")
}

/// POSTs a JSON body and returns the answer's body; any HTTP error status is an error.
fn post(url: &str, body: &str, timeout: Duration) -> Result<String, ExternalError> {
    if !url.starts_with("http://") {
        return Err(ExternalError::UnsupportedUrl {
            url: url.to_owned(),
        });
    }
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let failed = |error: ureq::Error| match error {
        ureq::Error::Timeout(_) => ExternalError::Timeout {
            url: url.to_owned(),
            ms: timeout.as_millis() as u64,
        },
        ureq::Error::Io(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            ExternalError::Timeout {
                url: url.to_owned(),
                ms: timeout.as_millis() as u64,
            }
        }
        other => ExternalError::Unreachable {
            url: url.to_owned(),
            message: other.to_string(),
        },
    };
    let mut response = agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body)
        .map_err(failed)?;
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().map_err(failed)?;
    if status == 404 && url.ends_with("/train") {
        return Err(ExternalError::NoTraining {
            url: url.to_owned(),
        });
    }
    if !(200..300).contains(&status) {
        let body: String = text.chars().take(200).collect();
        return Err(ExternalError::Status {
            url: url.to_owned(),
            status,
            body: body.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    Ok(text)
}

/// Asks the model at `base_url` for suggestions on one document. Suggestions that do not fit the
/// document or the schema are left out and counted in [`Prediction::skipped`].
pub fn predict(
    base_url: &str,
    timeout: Duration,
    document: &Document,
    schema: &Schema,
) -> Result<Prediction, ExternalError> {
    let url = endpoint(base_url, "predict");
    let request = PredictRequest {
        document: RequestDocument {
            id: document.id.as_str(),
            text: document.text.as_str(),
        },
        schema: request_schema(schema),
    };
    let body = serde_json::to_string(&request).map_err(|e| ExternalError::Garbage {
        url: url.clone(),
        message: e.to_string(),
    })?;
    let answer = post(&url, &body, timeout)?;
    parse_predictions(&url, &answer, document.text.char_len(), schema)
}

/// Sends the project's annotated documents to `base_url/train`.
pub fn train(
    base_url: &str,
    timeout: Duration,
    set: &TrainingSet,
    schema: &Schema,
) -> Result<(), ExternalError> {
    let url = endpoint(base_url, "train");
    let request = TrainRequest {
        schema: request_schema(schema),
        documents: set
            .documents
            .iter()
            .map(|d| TrainDocument {
                id: &d.id,
                text: &d.text,
                entities: d
                    .entities
                    .iter()
                    .map(|(span, label)| Offsets {
                        start: span.start,
                        end: span.end,
                        label: label.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let body = serde_json::to_string(&request).map_err(|e| ExternalError::Garbage {
        url: url.clone(),
        message: e.to_string(),
    })?;
    post(&url, &body, timeout).map(|_| ())
}

/// The external model as a blocking recommender, for the command line. Errors are collected (see
/// [`HttpRecommender::errors`]) rather than lost: the trait has no way to return them.
#[derive(Debug)]
pub struct HttpRecommender {
    url: String,
    timeout: Duration,
    errors: Arc<Mutex<Vec<ExternalError>>>,
}

impl HttpRecommender {
    pub fn new(url: &str, timeout: Duration) -> Self {
        Self {
            url: url.to_owned(),
            timeout,
            errors: Arc::default(),
        }
    }

    /// A handle on the errors of every request so far (keep it before boxing the recommender).
    pub fn errors(&self) -> Arc<Mutex<Vec<ExternalError>>> {
        Arc::clone(&self.errors)
    }
}

impl Recommender for HttpRecommender {
    fn name(&self) -> &str {
        NAME
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        match predict(&self.url, self.timeout, ctx.document, ctx.schema) {
            Ok(prediction) => {
                if let Some(skipped) = prediction.skipped
                    && let Ok(mut errors) = self.errors.lock()
                {
                    errors.push(ExternalError::Skipped(skipped));
                }
                prediction.suggestions
            }
            Err(error) => {
                if let Ok(mut errors) = self.errors.lock() {
                    errors.push(error);
                }
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_appended_once() {
        assert_eq!(
            endpoint("http://127.0.0.1:8080", "predict"),
            "http://127.0.0.1:8080/predict"
        );
        assert_eq!(endpoint("http://h/predict", "predict"), "http://h/predict");
        assert_eq!(endpoint("http://h/predict/", "train"), "http://h/train");
    }
}
