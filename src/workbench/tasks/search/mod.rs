//! `gloss search` and the window's corpus search: text across every document (case and diacritics
//! ignored, or a regex) and annotation queries (label, attribute, quotes by speaker, events by type
//! and participant), with hits as char spans of the original texts.
//!
//! Text hits are found in the folded copies of the [`TextIndex`]; annotation hits by reading the
//! layers, which change with every edit and are small next to the texts.

mod index;
mod query;

use std::path::Path;

use serde::Serialize;

use crate::model::fold::fold_text;
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, CharSpan, DocId, Document, Layer, LayerName, Project,
    Speaker, Text,
};
use crate::storage;

pub use index::{INDEX_FILE, IndexReport, TextIndex};
pub use query::{FILTER_KEYS, SearchRequest};

use super::Hooks;
use query::{Query, TextMatch};

/// One place a search found: a span of a document's text, and the annotation when the search
/// asked for annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub doc: DocId,
    /// Char offsets into the document's text, half-open.
    pub span: CharSpan,
    /// The text the span covers, as written.
    pub text: String,
    /// The layer of the annotation hit; `None` for a place in the text.
    pub layer: Option<LayerName>,
    pub annotation: Option<AnnotationId>,
    /// The annotation's label (entity label, event type or `QUOTE`).
    pub label: Option<String>,
}

/// A hit as `gloss search --json` prints it: one object per line.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub layer: Option<&'a str>,
    pub annotation: Option<u32>,
}

impl Hit {
    pub fn json(&self) -> HitJson<'_> {
        HitJson {
            doc: self.doc.as_str(),
            start: self.span.start,
            end: self.span.end,
            text: &self.text,
            layer: self.layer.as_ref().map(LayerName::as_str),
            annotation: self.annotation.map(|id| id.0),
        }
    }
}

/// Every hit of a search, in document order then text order, and how many per document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// Documents with at least one hit, in project order, with their hit counts (counted in full
    /// even when `hits` stopped at the limit).
    pub per_document: Vec<(DocId, usize)>,
    /// Hits in all (more than `hits.len()` when the limit was reached).
    pub total: usize,
    pub documents_searched: usize,
}

impl SearchResults {
    /// Whether hits were left out at the limit.
    pub fn truncated(&self) -> bool {
        self.total > self.hits.len()
    }
}

/// Checks a request without running it: the message says what is wrong.
pub fn validate(request: &SearchRequest) -> Result<(), String> {
    Query::parse(request).map(|_| ())
}

/// Runs `request` over `project`, keeping at most `limit` hits (all are counted).
pub fn search(
    project: &Project,
    index: &TextIndex,
    request: &SearchRequest,
    limit: usize,
) -> Result<SearchResults, String> {
    let query = Query::parse(request)?;
    let mut results = SearchResults {
        documents_searched: project.documents().len(),
        ..SearchResults::default()
    };
    // Layers are read once, grouped by document (a scan per document would read them all each time).
    let mut layers: std::collections::HashMap<&DocId, Vec<(&LayerName, &Layer)>> =
        std::collections::HashMap::new();
    if query.annotations {
        for (key, layer) in project.layers() {
            if query.layer.as_ref().is_none_or(|l| *l == key.layer) {
                layers
                    .entry(&key.doc)
                    .or_default()
                    .push((&key.layer, layer));
            }
        }
    }
    // Each document on its own: in parts on the machine's cores, in project order.
    let documents: Vec<&Document> = project.documents().iter().collect();
    let found = super::in_parts("search", &documents, |part| {
        part.iter()
            .filter_map(|&document| {
                let spans: Vec<AnnotationHit> = if query.annotations {
                    let folded = index.folded(document);
                    // Where the text part occurs, found once per document: a single-span
                    // annotation matches when one occurrence lies inside it.
                    let occurrences = match &query.text {
                        TextMatch::Folded(needle) => Some(occurrences(&folded, needle)),
                        _ => None,
                    };
                    let mut spans: Vec<AnnotationHit> = layers
                        .get(&document.id)
                        .into_iter()
                        .flatten()
                        .flat_map(|(name, layer)| {
                            annotation_hits(
                                name,
                                layer,
                                document,
                                &folded,
                                occurrences.as_deref(),
                                &query,
                            )
                        })
                        .collect();
                    spans.sort_by(|a, b| {
                        (a.0.start, a.0.end)
                            .cmp(&(b.0.start, b.0.end))
                            .then_with(|| hit_key(a).cmp(&hit_key(b)))
                    });
                    spans
                } else {
                    text_hits(index, document, &query.text)
                        .into_iter()
                        .map(|span| (span, None))
                        .collect()
                };
                (!spans.is_empty()).then_some((document, spans))
            })
            .collect()
    });
    for (document, spans) in found {
        results.total += spans.len();
        results
            .per_document
            .push((document.id.clone(), spans.len()));
        for (span, annotation) in spans {
            if results.hits.len() >= limit {
                break;
            }
            let (layer, annotation, label) = match annotation {
                Some((layer, id, label)) => (Some(layer.clone()), Some(id), Some(label.to_owned())),
                None => (None, None, None),
            };
            results.hits.push(Hit {
                doc: document.id.clone(),
                span,
                text: document.text.slice(span).unwrap_or_default().to_owned(),
                layer,
                annotation,
                label,
            });
        }
    }
    Ok(results)
}

/// The layer and annotation of a hit, to order hits on one span without cloning names.
fn hit_key<'a>(hit: &AnnotationHit<'a>) -> Option<(&'a str, AnnotationId)> {
    hit.1.as_ref().map(|(layer, id, _)| (layer.as_str(), *id))
}

/// `gloss search DIR`: loads the project (no lock: searching only reads), brings the index in
/// `.gloss-cache/` up to date and searches. Returns the project (for the hits' context), the
/// results and a warning about the cache.
pub fn search_dir(
    dir: &Path,
    request: &SearchRequest,
    hooks: Hooks<'_>,
) -> anyhow::Result<(Project, SearchResults, Option<String>)> {
    Query::parse(request).map_err(anyhow::Error::msg)?;
    let project = storage::load(dir)?;
    if let Some(layer) = &request.layer
        && let Some(name) = LayerName::new(layer)
        && !project.layer_names().contains(&name)
    {
        let known: Vec<String> = project
            .layer_names()
            .iter()
            .map(ToString::to_string)
            .collect();
        anyhow::bail!(
            "--layer {layer}: no such layer in {} (layers: {})",
            dir.display(),
            if known.is_empty() {
                "none yet".to_owned()
            } else {
                known.join(", ")
            }
        );
    }
    let (index, report) = TextIndex::open(dir, project.documents(), hooks);
    let results = search(&project, &index, request, usize::MAX).map_err(anyhow::Error::msg)?;
    Ok((project, results, report.cache_warning))
}

/// The text around a hit for a results list: up to `chars` chars either side, cut at line ends,
/// as (before, hit, after).
pub fn context(text: &Text, span: CharSpan, chars: usize) -> (String, String, String) {
    let start = span.start.saturating_sub(chars);
    let end = (span.end + chars).min(text.char_len());
    let slice = |a: usize, b: usize| text.slice(CharSpan::new(a, b)).unwrap_or_default();
    let before = slice(start, span.start);
    let before = before.rsplit('\n').next().unwrap_or_default();
    let after = slice(span.end, end);
    let after = after.split('\n').next().unwrap_or_default();
    (
        before.to_owned(),
        slice(span.start, span.end).to_owned(),
        after.to_owned(),
    )
}

/// Where the text part matches in a document: non-overlapping, in text order.
fn text_hits(index: &TextIndex, document: &Document, text: &TextMatch) -> Vec<CharSpan> {
    match text {
        TextMatch::Any => Vec::new(),
        TextMatch::Folded(needle) => {
            let folded = index.folded(document);
            let finder = memchr::memmem::Finder::new(needle.as_bytes());
            let needle_chars = needle.chars().count();
            finder
                .find_iter(folded.as_str().as_bytes())
                .filter_map(|byte| folded.char_offset(byte))
                .map(|start| CharSpan::new(start, start + needle_chars))
                .collect()
        }
        TextMatch::Regex(regex) => regex
            .find_iter(document.text.as_str())
            .filter(|m| !m.is_empty())
            .filter_map(|m| {
                Some(CharSpan::new(
                    document.text.char_offset(m.start())?,
                    document.text.char_offset(m.end())?,
                ))
            })
            .collect(),
    }
}

/// An annotation hit: its span, and (layer, id, label), borrowed: only the hits a caller gets are
/// copied (a broad query over a large corpus finds far more than it lists).
type AnnotationHit<'a> = (CharSpan, Option<(&'a LayerName, AnnotationId, &'a str)>);

/// The annotations of one layer that pass the filters and whose text matches.
fn annotation_hits<'a>(
    name: &'a LayerName,
    layer: &'a Layer,
    document: &Document,
    folded: &Text,
    occurrences: Option<&[CharSpan]>,
    query: &Query,
) -> Vec<AnnotationHit<'a>> {
    layer
        .iter()
        .filter(|annotation| {
            passes(
                annotation,
                layer,
                &document.text,
                folded,
                occurrences,
                query,
            )
        })
        .map(|annotation| {
            (
                extent(annotation),
                Some((name, annotation.id(), annotation.label())),
            )
        })
        .collect()
}

/// The span a hit on `annotation` covers: the mention, the trigger, or a quote from its first
/// content span to the end of its last.
fn extent(annotation: &Annotation) -> CharSpan {
    match annotation {
        Annotation::Quote(q) => match (q.content.first(), q.content.last()) {
            (Some(first), Some(last)) => first.union(*last),
            _ => annotation.primary_span(),
        },
        other => other.primary_span(),
    }
}

/// Every occurrence of `needle` in the folded text, overlapping ones included, by start.
fn occurrences(folded: &Text, needle: &str) -> Vec<CharSpan> {
    let haystack = folded.as_str().as_bytes();
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let needle_chars = needle.chars().count();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = finder.find(&haystack[from..]) {
        let byte = from + at;
        if let Some(start) = folded.char_offset(byte) {
            found.push(CharSpan::new(start, start + needle_chars));
        }
        from = byte + 1;
        if from > haystack.len() {
            break;
        }
    }
    found
}

/// Whether an occurrence (sorted by start) lies inside `span`.
fn occurs_in(occurrences: &[CharSpan], span: CharSpan) -> bool {
    let first = occurrences.partition_point(|o| o.start < span.start);
    occurrences.get(first).is_some_and(|o| o.end <= span.end)
}

/// Whether an annotation passes the query's filters and text. `folded` is the folded text (same
/// offsets); `occurrences`, where the folded needle occurs in it, answers for single-span
/// annotations without slicing.
fn passes(
    annotation: &Annotation,
    layer: &Layer,
    text: &Text,
    folded: &Text,
    occurrences: Option<&[CharSpan]>,
    query: &Query,
) -> bool {
    if query.kind.is_some_and(|k| k != annotation.kind()) {
        return false;
    }
    if let Some(label) = &query.label
        && !annotation.label().eq_ignore_ascii_case(label)
    {
        return false;
    }
    if let Some((name, value)) = &query.attribute {
        match annotation.attributes().get(name) {
            None => return false,
            Some(v)
                if value
                    .as_ref()
                    .is_some_and(|want| !v.eq_ignore_ascii_case(want)) =>
            {
                return false;
            }
            Some(_) => {}
        }
    }
    if let Some(speaker) = &query.speaker {
        let said_by = match annotation {
            Annotation::Quote(q) => match &q.speaker {
                Some(Speaker::Mention(id)) => layer.get(*id).map(|a| covered(a, text)),
                Some(Speaker::Span(span)) => text.slice(*span).map(str::to_owned),
                None => None,
            },
            _ => None,
        };
        if !said_by.is_some_and(|s| fold_text(&s).contains(speaker.as_str())) {
            return false;
        }
    }
    if let Some(participant) = &query.participant {
        let Annotation::Event(event) = annotation else {
            return false;
        };
        let takes_part = event.arguments.iter().any(|argument| {
            layer.get(argument.filler).is_some_and(|filler| {
                fold_text(&covered(filler, text)).contains(participant.as_str())
            })
        });
        if !takes_part {
            return false;
        }
    }
    match &query.text {
        TextMatch::Any => true,
        TextMatch::Folded(needle) => match annotation {
            Annotation::Quote(_) => fold_text(&covered(annotation, text)).contains(needle.as_str()),
            other => match occurrences {
                Some(found) => occurs_in(found, other.primary_span()),
                None => folded
                    .slice(other.primary_span())
                    .is_some_and(|f| f.contains(needle.as_str())),
            },
        },
        TextMatch::Regex(regex) => regex.is_match(&covered(annotation, text)),
    }
}

/// The text an annotation covers: a quote's content spans joined by a space.
fn covered(annotation: &Annotation, text: &Text) -> String {
    match annotation {
        Annotation::Quote(q) => q
            .content
            .iter()
            .filter_map(|span| text.slice(*span))
            .collect::<Vec<_>>()
            .join(" "),
        other => text
            .slice(other.primary_span())
            .unwrap_or_default()
            .to_owned(),
    }
}

/// The kinds of annotation, for the panel's hint.
pub fn kind_names() -> [&'static str; 3] {
    [
        AnnotationKind::Entity.name(),
        AnnotationKind::Quote.name(),
        AnnotationKind::Event.name(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(texts: &[&str]) -> Project {
        let schema = crate::storage::presets::preset("news").unwrap();
        let mut project = Project::new("Test", schema);
        for (i, text) in texts.iter().enumerate() {
            project.add_document(Document::from_raw(
                DocId::new(format!("d{i}")).unwrap(),
                format!("D{i}"),
                text,
            ));
        }
        project
    }

    fn spans(results: &SearchResults) -> Vec<(String, usize, usize)> {
        results
            .hits
            .iter()
            .map(|h| (h.doc.to_string(), h.span.start, h.span.end))
            .collect()
    }

    #[test]
    fn text_search_ignores_case_and_diacritics_and_keeps_offsets_exact() {
        let project = project(&["Вучић and VUČIĆ met 🇽🇰 Vučić", "Vucic said"]);
        let index = TextIndex::build(project.documents());
        let results = search(&project, &index, &SearchRequest::text("Vucic"), 100).unwrap();
        assert_eq!(
            spans(&results),
            vec![
                ("d0".into(), 10, 15),
                ("d0".into(), 23, 28),
                ("d1".into(), 0, 5)
            ]
        );
        assert_eq!(results.hits[1].text, "Vučić");
        assert_eq!(
            results.per_document,
            vec![
                (DocId::new("d0").unwrap(), 2),
                (DocId::new("d1").unwrap(), 1)
            ]
        );
    }

    #[test]
    fn the_limit_keeps_counting() {
        let project = project(&["a a a a"]);
        let index = TextIndex::build(project.documents());
        let results = search(&project, &index, &SearchRequest::text("a"), 2).unwrap();
        assert_eq!(results.hits.len(), 2);
        assert_eq!(results.total, 4);
        assert!(results.truncated());
    }

    #[test]
    fn regex_hits_are_char_spans() {
        let project = project(&["Prishtinë, çështje 2022"]);
        let index = TextIndex::build(project.documents());
        let request = SearchRequest {
            regex: true,
            ..SearchRequest::text(r"\d+|ÇËSHTJE")
        };
        let results = search(&project, &index, &request, 100).unwrap();
        assert_eq!(
            spans(&results),
            vec![("d0".into(), 11, 18), ("d0".into(), 19, 23)]
        );
    }

    #[test]
    fn context_stops_at_line_ends() {
        let text = Text::new("one\ntwo Vučić three\nfour".to_owned());
        let (before, hit, after) = context(&text, CharSpan::new(8, 13), 20);
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("two ", "Vučić", " three")
        );
    }

    #[test]
    fn an_occurrence_inside_a_span_is_found_also_where_occurrences_overlap() {
        let folded = Text::new("aaa vučić bb".to_owned());
        let found = occurrences(&folded, "aa");
        assert_eq!(found, [CharSpan::new(0, 2), CharSpan::new(1, 3)]);
        assert!(occurs_in(&found, CharSpan::new(1, 3)));
        assert!(!occurs_in(&found, CharSpan::new(2, 4)));
        let accents = occurrences(&folded, "vučić");
        assert!(occurs_in(&accents, CharSpan::new(4, 9)));
        assert!(!occurs_in(&accents, CharSpan::new(4, 8)));
        assert!(occurrences(&folded, "zz").is_empty());
    }
}
