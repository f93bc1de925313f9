//! Reading a `/predict` answer one suggestion at a time: a bad suggestion (offsets outside the
//! document or backwards, an unknown kind, a label or role the project's schema does not have, a
//! score that is not a number) is skipped and counted, and the good ones are kept. Only an answer
//! that is not `{"suggestions": [...]}` at all is an error.

use serde_json::{Map, Value};
use thiserror::Error;

use crate::model::{CharSpan, QuoteKind, Schema};

use super::super::{ArgumentSuggestion, SpeakerSuggestion, Suggestion, SuggestionKind};
use super::{ExternalError, NAME};

/// What an answer held: the suggestions that fit the document and the schema, and what was skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prediction {
    pub suggestions: Vec<Suggestion>,
    pub skipped: Option<Skipped>,
}

/// Suggestions of one answer that were left out, with the first one's reason (for the analyst, or
/// whoever runs the server, to find it in the answer).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error(
    "{count} of {total} suggestions from {url} were skipped; the first, suggestions[{index}]: {reason}"
)]
pub struct Skipped {
    pub url: String,
    pub count: usize,
    pub total: usize,
    /// The first skipped suggestion's place in the answer's `suggestions` array (from 0).
    pub index: usize,
    pub reason: String,
}

/// Reads a `/predict` answer for a document of `len` chars and the project's `schema`.
pub fn parse_predictions(
    url: &str,
    answer: &str,
    len: usize,
    schema: &Schema,
) -> Result<Prediction, ExternalError> {
    let garbage = |message: String| ExternalError::Garbage {
        url: url.to_owned(),
        message,
    };
    let value: Value = serde_json::from_str(answer).map_err(|e| garbage(e.to_string()))?;
    let Some(items) = value.get("suggestions").and_then(Value::as_array) else {
        return Err(garbage(
            "there is no \"suggestions\" array at the top".to_owned(),
        ));
    };
    let reader = Reader { len, schema };
    let mut prediction = Prediction::default();
    for (index, item) in items.iter().enumerate() {
        match reader.suggestion(item) {
            Ok(suggestion) => prediction.suggestions.push(suggestion),
            Err(reason) => match &mut prediction.skipped {
                Some(skipped) => skipped.count += 1,
                None => {
                    prediction.skipped = Some(Skipped {
                        url: url.to_owned(),
                        count: 1,
                        total: items.len(),
                        index,
                        reason,
                    });
                }
            },
        }
    }
    Ok(prediction)
}

/// Checks suggestions against one document and schema. Reasons are short and quote at most a short
/// excerpt of what the server sent.
struct Reader<'a> {
    len: usize,
    schema: &'a Schema,
}

type Reason = String;

impl Reader<'_> {
    fn suggestion(&self, item: &Value) -> Result<Suggestion, Reason> {
        let Some(fields) = item.as_object() else {
            return Err(format!("{} is not an object", excerpt(item)));
        };
        let kind = match fields.get("kind") {
            None | Some(Value::Null) => "entity",
            Some(Value::String(kind)) => kind.as_str(),
            Some(other) => return Err(format!("kind {} is not a string", excerpt(other))),
        };
        let main = self.span(fields)?;
        let score = score(fields)?;
        let kind = match kind {
            "entity" => SuggestionKind::Entity {
                span: main,
                label: self.entity_label(fields, "label", true)?,
            },
            "quote" => self.quote(fields, main)?,
            "event" => self.event(fields, main)?,
            other => {
                return Err(format!(
                    "kind {} is not entity, quote or event",
                    quoted(other)
                ));
            }
        };
        Ok(Suggestion {
            kind,
            score,
            recommender: NAME.to_owned(),
            rule: "external".to_owned(),
        })
    }

    fn quote(
        &self,
        fields: &Map<String, Value>,
        content: CharSpan,
    ) -> Result<SuggestionKind, Reason> {
        if !self.schema.quotes.enabled {
            return Err("a quote, but the project does not annotate quotes".to_owned());
        }
        let cue = match fields.get("cue") {
            None | Some(Value::Null) => None,
            Some(Value::Object(cue)) => Some(self.span(cue).map_err(|r| format!("cue: {r}"))?),
            Some(other) => return Err(format!("cue {} is not an object", excerpt(other))),
        };
        let speaker = match fields.get("speaker") {
            None | Some(Value::Null) => None,
            Some(Value::Object(speaker)) => Some(SpeakerSuggestion {
                span: self.span(speaker).map_err(|r| format!("speaker: {r}"))?,
                label: self
                    .entity_label(speaker, "label", false)
                    .map_err(|r| format!("speaker: {r}"))?,
                resolved_by: NAME.to_owned(),
                pronoun: None,
            }),
            Some(other) => return Err(format!("speaker {} is not an object", excerpt(other))),
        };
        let quote_kind = match fields.get("quote_kind") {
            None | Some(Value::Null) => QuoteKind::Direct,
            Some(Value::String(name)) => QuoteKind::parse(name).ok_or_else(|| {
                format!(
                    "quote_kind {} is not direct, indirect or mixed",
                    quoted(name)
                )
            })?,
            Some(other) => {
                return Err(format!(
                    "quote_kind {} is not direct, indirect or mixed",
                    excerpt(other)
                ));
            }
        };
        Ok(SuggestionKind::Quote {
            content: vec![content],
            cue,
            speaker,
            quote_kind,
        })
    }

    fn event(
        &self,
        fields: &Map<String, Value>,
        trigger: CharSpan,
    ) -> Result<SuggestionKind, Reason> {
        let name = required_string(fields, "label", "an event")?;
        let Some(event_type) = self.schema.event_type(name) else {
            return Err(format!(
                "event type {} is not in the project's schema",
                quoted(name)
            ));
        };
        let arguments = match fields.get("arguments") {
            None | Some(Value::Null) => &Vec::new(),
            Some(Value::Array(arguments)) => arguments,
            Some(other) => return Err(format!("arguments {} is not an array", excerpt(other))),
        };
        let mut out = Vec::with_capacity(arguments.len());
        for (i, argument) in arguments.iter().enumerate() {
            let at = |reason: Reason| format!("arguments[{i}]: {reason}");
            let Some(argument) = argument.as_object() else {
                return Err(at(format!("{} is not an object", excerpt(argument))));
            };
            let role = required_string(argument, "role", "an argument").map_err(at)?;
            if event_type.role(role).is_none() {
                return Err(at(format!(
                    "event type {} has no role {}",
                    quoted(name),
                    quoted(role)
                )));
            }
            out.push(ArgumentSuggestion {
                role: role.to_owned(),
                span: self.span(argument).map_err(at)?,
                label: self.entity_label(argument, "label", false).map_err(at)?,
            });
        }
        Ok(SuggestionKind::Event {
            trigger,
            event_type: name.to_owned(),
            arguments: out,
        })
    }

    /// `start` and `end`: a non-empty span of the document, in code points.
    fn span(&self, fields: &Map<String, Value>) -> Result<CharSpan, Reason> {
        let start = offset(fields, "start")?;
        let end = offset(fields, "end")?;
        if start > end {
            Err(format!("span {start}..{end} is backwards"))
        } else if start == end {
            Err(format!("span {start}..{end} is empty"))
        } else if end > self.len {
            Err(format!(
                "span {start}..{end} ends past the document's end ({} chars)",
                self.len
            ))
        } else {
            Ok(CharSpan::new(start, end))
        }
    }

    /// An entity label of the schema; with `required` false, a missing label is the empty string
    /// (an existing mention at that span is used, whatever its label).
    fn entity_label(
        &self,
        fields: &Map<String, Value>,
        field: &str,
        required: bool,
    ) -> Result<String, Reason> {
        let label = match fields.get(field) {
            None | Some(Value::Null) if !required => return Ok(String::new()),
            None | Some(Value::Null) => return Err(format!("an entity needs a \"{field}\"")),
            Some(Value::String(label)) => label,
            Some(other) => return Err(format!("{field} {} is not a string", excerpt(other))),
        };
        if label.is_empty() && !required {
            return Ok(String::new());
        }
        if self.schema.entity_label(label).is_none() {
            return Err(format!(
                "label {} is not one of the project's entity labels",
                quoted(label)
            ));
        }
        Ok(label.clone())
    }
}

/// A char offset: a whole number from 0.
fn offset(fields: &Map<String, Value>, field: &str) -> Result<usize, Reason> {
    match fields.get(field) {
        None | Some(Value::Null) => Err(format!("\"{field}\" is missing")),
        Some(value) => value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                format!(
                    "{field} {} is not a char offset (a whole number from 0)",
                    excerpt(value)
                )
            }),
    }
}

/// The score, 1 when missing; numbers outside `[0, 1]` are clamped into it.
fn score(fields: &Map<String, Value>) -> Result<f32, Reason> {
    match fields.get("score") {
        None | Some(Value::Null) => Ok(1.0),
        Some(value) => match value.as_f64() {
            Some(score) if score.is_finite() => Ok(score.clamp(0.0, 1.0) as f32),
            _ => Err(format!("score {} is not a number", excerpt(value))),
        },
    }
}

fn required_string<'a>(
    fields: &'a Map<String, Value>,
    field: &str,
    what: &str,
) -> Result<&'a str, Reason> {
    match fields.get(field) {
        None | Some(Value::Null) => Err(format!("{what} needs a \"{field}\"")),
        Some(Value::String(value)) => Ok(value),
        Some(other) => Err(format!("{field} {} is not a string", excerpt(other))),
    }
}

/// At most this many chars of what the server sent are quoted in a reason.
const EXCERPT_CHARS: usize = 40;

/// A string as JSON would write it, cut to [`EXCERPT_CHARS`].
fn quoted(text: &str) -> String {
    excerpt(&Value::String(text.to_owned()))
}

/// A value as JSON, cut to [`EXCERPT_CHARS`].
fn excerpt(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= EXCERPT_CHARS {
        text
    } else {
        let cut: String = text.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{Color, EntityLabel};

    fn schema() -> Schema {
        Schema {
            entity_labels: vec![EntityLabel {
                name: "PERSON".to_owned(),
                color: Color::palette(0),
                hotkey: None,
                description: String::new(),
            }],
            ..Schema::default()
        }
    }

    fn skipped(answer: &str, len: usize) -> (usize, Option<Skipped>) {
        match parse_predictions("u", answer, len, &schema()) {
            Ok(prediction) => (prediction.suggestions.len(), prediction.skipped),
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn long_values_are_quoted_short() {
        let long = "x".repeat(500);
        let reason = format!("kind {} is not entity, quote or event", quoted(&long));
        assert!(reason.chars().count() < 100, "{reason}");
        assert!(reason.contains('…'));
    }

    #[test]
    fn a_suggestion_that_is_not_an_object_is_skipped() {
        let (kept, skipped) = skipped(
            r#"{"suggestions":[7,{"start":0,"end":5,"label":"PERSON"}]}"#,
            10,
        );
        assert_eq!(kept, 1);
        assert_eq!(
            skipped.map(|s| s.reason),
            Some("7 is not an object".to_owned())
        );
    }

    #[test]
    fn answers_are_checked_against_the_document() {
        let ok = r#"{"suggestions":[{"start":0,"end":5,"label":"PERSON","score":0.7}]}"#;
        let (kept, none) = skipped(ok, 10);
        assert_eq!((kept, none), (1, None));
        let out = r#"{"suggestions":[{"start":0,"end":50,"label":"PERSON"}]}"#;
        let (kept, skipped) = skipped(out, 10);
        assert_eq!(kept, 0);
        assert_eq!(
            skipped.map(|s| s.to_string()).unwrap_or_default(),
            "1 of 1 suggestions from u were skipped; the first, suggestions[0]: \
             span 0..50 ends past the document's end (10 chars)"
        );
        let garbage = parse_predictions("u", "<html>", 10, &schema())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            garbage
                .starts_with("the external recommender at u answered with something that is not"),
            "{garbage}"
        );
    }
}
