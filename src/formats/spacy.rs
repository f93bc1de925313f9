//! spaCy / Prodigy export: one JSON object per line for each (document, layer).
//!
//! ```json
//! {"text": "Vucic met Kurti.", "spans": [{"start": 0, "end": 5, "label": "PERSON"}],
//!  "meta": {"id": "doc-id", "title": "…", "layer": "gold", "status": "done", "published": "2022-10-27"}}
//! ```
//!
//! - `start` and `end` are code points, half-open: `text[start:end]` in Python, and exactly what
//!   `Doc.char_span(start, end, label=label, alignment_mode="strict")` takes.
//! - `spans` holds the entity mentions, sorted by start then end. Quotes and events have no place here
//!   and are counted in the report; so are entity attributes, notes and norms.
//! - Spans are written as they are; the report names each span whose ends fall inside a token as
//!   spaCy's English tokenizer splits the text ([`super::spacy_tokens`]: special cases such as `Mr.`,
//!   prefixes, suffixes, infixes and URLs), and each span overlapping another (`doc.ents` cannot hold
//!   both). The consumer test checks this against spaCy itself.
//! - `meta` carries the document id, title, layer and status, and the document's metadata fields that
//!   are set (`outlet`, `url`, `published`, `author`, `language`).

use serde::Serialize;

use super::error::FormatError;
use super::export::{ExportReport, Issue, Selected, status_name};
use super::spacy_tokens::SpacyTokens;
use crate::model::{Annotation, CharSpan};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    layer: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retrieved: Option<&'a str>,
}

pub(crate) fn export(
    chosen: &[Selected<'_>],
    report: &mut ExportReport,
) -> Result<Vec<u8>, FormatError> {
    let mut out = Vec::new();
    for at in chosen {
        let mut entities: Vec<(&Annotation, CharSpan, &str)> = Vec::new();
        for annotation in at.layer.iter() {
            match annotation {
                Annotation::Entity(entity) if entity.is_discontinuous() => {
                    report.issue(at, annotation, entity.span, Issue::discontinuous(entity));
                }
                Annotation::Entity(entity) => {
                    at.covered(entity.id, entity.span)?;
                    entities.push((annotation, entity.span, &entity.label));
                }
                other => report.not_held(other.kind()),
            }
        }
        entities.sort_by_key(|&(annotation, span, label)| {
            (span.start, span.end, label, annotation.id())
        });
        let text = &at.document.text;
        let tokens = SpacyTokens::new(text.as_str());
        let mut spans = Vec::with_capacity(entities.len());
        // The written span reaching furthest right so far: the one a new span may overlap.
        let mut reach: Option<CharSpan> = None;
        for (annotation, span, label) in entities {
            if span.is_empty() {
                report.issue(at, annotation, span, Issue::NoToken);
                continue;
            }
            if !tokens.aligned(span.start, span.end) {
                report.issue(at, annotation, span, Issue::CutsToken);
            }
            if let Some(other) = reach.filter(|other| other.overlaps(span)) {
                report.issue(at, annotation, span, Issue::OverlapsWritten { other });
            }
            if reach.is_none_or(|other| span.end > other.end) {
                reach = Some(span);
            }
            report.annotations += 1;
            report.extras_not_held(annotation);
            spans.push(SpanOut {
                start: span.start,
                end: span.end,
                label,
            });
        }
        let meta = &at.document.meta;
        let line = Line {
            text: text.as_str(),
            spans,
            meta: Meta {
                id: at.document.id.as_str(),
                title: &at.document.title,
                layer: at.layer_name.as_str(),
                status: status_name(at.layer.status),
                outlet: meta.outlet.as_deref(),
                url: meta.url.as_deref(),
                published: meta.published.as_deref(),
                author: meta.author.as_deref(),
                language: meta.language.as_deref(),
                retrieved: meta.retrieved.as_deref(),
            },
        };
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        out.push(b'\n');
    }
    Ok(out)
}
