//! What a search asks for, parsed from the words the analyst typed: text (folded, or a regex) and
//! annotation filters written `key:value` (`label:PERSON`, `speaker:Kurti`, `event:MEET
//! participant:Vucic`, `attr:negated=yes`, `kind:quote`, `layer:gold`; a value with spaces goes in
//! double quotes: `speaker:"Albin Kurti"`).

use regex::{Regex, RegexBuilder};

use crate::model::fold::fold_query;
use crate::model::{AnnotationKind, LayerName};

/// A search as the window and `gloss search` take it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Text to find, with any `key:value` filters among its words.
    pub query: String,
    /// The text is a regular expression (Rust `regex` syntax), matched case-insensitively against
    /// the text as written (diacritics count).
    pub regex: bool,
    /// Only annotations with this label (entity label, event type, or `QUOTE`): the same as
    /// `label:L` in the query.
    pub label: Option<String>,
    /// Only annotations of this layer: the same as `layer:NAME`.
    pub layer: Option<String>,
}

impl SearchRequest {
    /// A plain text search.
    pub fn text(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            ..Self::default()
        }
    }
}

/// The filter keys a query understands, for messages and the panel's hint.
pub const FILTER_KEYS: &[&str] = &[
    "label",
    "kind",
    "attr",
    "speaker",
    "event",
    "participant",
    "layer",
];

/// How the text part matches.
#[derive(Clone, Debug)]
pub(super) enum TextMatch {
    /// No text: every annotation the filters let through (an annotation query only).
    Any,
    /// The folded query, found in the folded text.
    Folded(String),
    Regex(Regex),
}

/// A parsed, validated search.
#[derive(Clone, Debug)]
pub(super) struct Query {
    pub text: TextMatch,
    /// Whether hits are annotations (any filter given) or places in the text.
    pub annotations: bool,
    /// Compared case-insensitively with [`crate::model::Annotation::label`].
    pub label: Option<String>,
    pub kind: Option<AnnotationKind>,
    /// An attribute name, and the value it must have (any value when `None`).
    pub attribute: Option<(String, Option<String>)>,
    /// Folded text the quote's speaker must contain.
    pub speaker: Option<String>,
    /// Folded text one of the event's argument fillers must contain.
    pub participant: Option<String>,
    pub layer: Option<LayerName>,
}

impl Query {
    /// Parses a request; the error says what was wrong and what was expected.
    pub fn parse(request: &SearchRequest) -> Result<Query, String> {
        let mut query = Query {
            text: TextMatch::Any,
            annotations: false,
            label: None,
            kind: None,
            attribute: None,
            speaker: None,
            participant: None,
            layer: None,
        };
        let words = split_words(&request.query)?;
        let mut text_words: Vec<String> = Vec::new();
        let mut filtered = false;
        for word in words {
            let Some((key, value)) = word.filter() else {
                text_words.push(word.text);
                continue;
            };
            filtered = true;
            let value = value.to_owned();
            if value.is_empty() {
                return Err(format!(
                    "{key}: needs a value, as in {key}:{}",
                    example(key)
                ));
            }
            match key {
                "label" => query.label = Some(value),
                "kind" => {
                    query.kind = Some(match value.to_ascii_lowercase().as_str() {
                        "entity" => AnnotationKind::Entity,
                        "quote" => AnnotationKind::Quote,
                        "event" => AnnotationKind::Event,
                        _ => {
                            return Err(format!("kind:{value}: expected entity, quote or event"));
                        }
                    });
                }
                "attr" => {
                    query.attribute = Some(match value.split_once('=') {
                        Some((name, v)) => (name.to_owned(), Some(v.to_owned())),
                        None => (value, None),
                    });
                }
                "speaker" => {
                    query.kind = Some(AnnotationKind::Quote);
                    query.speaker = Some(fold_query(&value));
                }
                "event" => {
                    query.kind = Some(AnnotationKind::Event);
                    query.label = Some(value);
                }
                "participant" => {
                    query.kind = Some(AnnotationKind::Event);
                    query.participant = Some(fold_query(&value));
                }
                "layer" => query.layer = Some(layer_name(&value)?),
                _ => unreachable_key(key)?,
            }
        }
        if let Some(label) = &request.label {
            filtered = true;
            query.label = Some(label.clone());
        }
        if let Some(layer) = &request.layer {
            filtered = true;
            query.layer = Some(layer_name(layer)?);
        }
        query.annotations = filtered;
        // Without filters the text is taken as typed (spaces and all); with them, the other words
        // joined by single spaces.
        let text = if filtered {
            text_words.join(" ")
        } else {
            request.query.clone()
        };
        query.text = if text.is_empty() {
            TextMatch::Any
        } else if request.regex {
            let regex = RegexBuilder::new(&text)
                .case_insensitive(true)
                .size_limit(1 << 22)
                .build()
                .map_err(|e| format!("not a valid regular expression: {}", one_line(&e)))?;
            TextMatch::Regex(regex)
        } else {
            let folded = fold_query(&text);
            if folded.is_empty() {
                TextMatch::Any
            } else {
                TextMatch::Folded(folded)
            }
        };
        if matches!(query.text, TextMatch::Any) && !query.annotations {
            return Err("type something to search for".to_owned());
        }
        Ok(query)
    }
}

fn layer_name(value: &str) -> Result<LayerName, String> {
    LayerName::new(value).ok_or_else(|| {
        format!("layer {value:?}: expected a layer name (ASCII letters, digits, '-', '_', '.')")
    })
}

fn unreachable_key(key: &str) -> Result<(), String> {
    Err(format!(
        "{key}: is not a filter (filters: {})",
        FILTER_KEYS.join(", ")
    ))
}

fn example(key: &str) -> &'static str {
    match key {
        "label" => "PERSON",
        "kind" => "quote",
        "attr" => "negated=yes",
        "speaker" => "Kurti",
        "event" => "MEET",
        "participant" => "Vucic",
        _ => "gold",
    }
}

fn one_line(error: &regex::Error) -> String {
    error
        .to_string()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word of a query; `quoted` when it was written in double quotes (never a filter).
struct Word {
    text: String,
    quoted: bool,
}

impl Word {
    /// `(key, value)` when the word is a filter of a known key.
    fn filter(&self) -> Option<(&'static str, &str)> {
        if self.quoted {
            return None;
        }
        let (key, value) = self.text.split_once(':')?;
        let key = FILTER_KEYS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(key))
            .copied()?;
        Some((key, value))
    }
}

/// Splits on whitespace; double quotes group words (`speaker:"Albin Kurti"`, `"Prime Minister"`).
fn split_words(query: &str) -> Result<Vec<Word>, String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                if current.is_empty() {
                    quoted = true;
                }
            }
            c if c.is_whitespace() && !in_quotes => {
                if !current.is_empty() || quoted {
                    words.push(Word {
                        text: std::mem::take(&mut current),
                        quoted,
                    });
                }
                quoted = false;
            }
            c => current.push(c),
        }
    }
    if in_quotes {
        return Err("a double quote is not closed".to_owned());
    }
    if !current.is_empty() {
        words.push(Word {
            text: current,
            quoted,
        });
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> Query {
        Query::parse(&SearchRequest::text(query)).unwrap()
    }

    #[test]
    fn plain_text_is_folded_and_kept_as_typed() {
        let query = parse("Vučić  met");
        assert!(!query.annotations);
        assert!(matches!(query.text, TextMatch::Folded(ref t) if t == "vucic  met"));
    }

    #[test]
    fn filters_make_an_annotation_query() {
        let query = parse(r#"event:MEET participant:"Albin Kurti" talks"#);
        assert!(query.annotations);
        assert_eq!(query.kind, Some(AnnotationKind::Event));
        assert_eq!(query.label.as_deref(), Some("MEET"));
        assert_eq!(query.participant.as_deref(), Some("albin kurti"));
        assert!(matches!(query.text, TextMatch::Folded(ref t) if t == "talks"));
        let query = parse("speaker:Kurti");
        assert_eq!(query.kind, Some(AnnotationKind::Quote));
        assert!(matches!(query.text, TextMatch::Any));
    }

    #[test]
    fn unknown_keys_and_times_stay_text() {
        let query = parse("at 10:30");
        assert!(!query.annotations);
        assert!(matches!(query.text, TextMatch::Folded(ref t) if t == "at 10:30"));
    }

    #[test]
    fn mistakes_are_explained() {
        let bad = |request: SearchRequest| Query::parse(&request).unwrap_err();
        assert!(bad(SearchRequest::text("kind:person")).contains("entity, quote or event"));
        assert!(bad(SearchRequest::text("label:")).contains("needs a value"));
        assert!(bad(SearchRequest::text("")).contains("type something"));
        assert!(bad(SearchRequest::text("\"open")).contains("not closed"));
        let regex = SearchRequest {
            regex: true,
            ..SearchRequest::text("(unclosed")
        };
        assert!(bad(regex).contains("not a valid regular expression"));
    }
}
