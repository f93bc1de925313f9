//! `gloss search` and the window's corpus search: text across every document (case and diacritics
//! ignored, or a regex) and annotation queries (label, attribute, quotes by speaker, events by type
//! and participant), with hits as char spans of the original texts.
//!
//! Text hits are found in the folded copies of the [`TextIndex`]; annotation hits by reading the
//! layers, which change with every edit and are small next to the texts.

mod annotations;
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
    // Each document on its own: in parts on the machine's cores, in project order.
    let documents: Vec<&Document> = project.documents().iter().collect();
    let found = super::in_parts("search", &documents, |part| {
        part.iter()
            .filter_map(|&document| {
                let spans: Vec<AnnotationHit> = if query.annotations {
                    let layers: Vec<(&LayerName, &Layer)> = project
                        .layers_of(&document.id)
                        .filter(|(name, _)| query.layer.as_ref().is_none_or(|l| l == *name))
                        .collect();
                    let mut spans = document_annotation_hits(index, document, &layers, &query);
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
                Some((name, layer, id)) => (
                    Some(name.clone()),
                    Some(id),
                    layer.get(id).map(|a| a.label().to_owned()),
                ),
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
    hit.1.as_ref().map(|(name, _, id)| (name.as_str(), *id))
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

/// An annotation hit: its span, and (layer name, layer, id), borrowed: only the hits a caller gets
/// are copied (a broad query over a large corpus finds far more than it lists).
type AnnotationHit<'a> = (CharSpan, Option<(&'a LayerName, &'a Layer, AnnotationId)>);

/// The annotations of one document's layers that pass the filters and whose text matches, found
/// through the index's summaries: only the annotations of the asked label (and kind) are looked
/// at, a folded text is looked for only inside their spans, and only those needing more than their
/// span (attribute, speaker, participant, regex, a quote's text) are read from the layer.
fn document_annotation_hits<'a>(
    index: &TextIndex,
    document: &Document,
    layers: &[(&'a LayerName, &'a Layer)],
    query: &Query,
) -> Vec<AnnotationHit<'a>> {
    let by_span_alone = query.attribute.is_none()
        && query.speaker.is_none()
        && query.participant.is_none()
        && !matches!(query.text, TextMatch::Regex(_));
    let needle = match &query.text {
        TextMatch::Folded(needle) => Some(needle.as_bytes()),
        _ => None,
    };
    let folded = index.folded(document);
    let mut hits = Vec::new();
    for &(name, layer) in layers {
        let summary = index.annotation_summary(&document.id, name, layer, &folded);
        for entries in summary.groups(query.label.as_deref()) {
            for entry in entries {
                if query.kind.is_some_and(|k| k != entry.kind) {
                    continue;
                }
                let matches = match (&entry.folded_bytes, &needle) {
                    (Some(bytes), _) if by_span_alone && entry.kind != AnnotationKind::Quote => {
                        needle.as_ref().is_none_or(|needle| {
                            folded
                                .as_str()
                                .as_bytes()
                                .get(bytes.clone())
                                .is_some_and(|covered| contains(covered, needle))
                        })
                    }
                    _ => layer.get(entry.id).is_some_and(|annotation| {
                        passes(annotation, layer, &document.text, &folded, query)
                    }),
                };
                if matches {
                    hits.push((entry.span, Some((name, layer, entry.id))));
                }
            }
        }
    }
    hits
}

/// Whether `needle` occurs in `haystack`: the span of a mention is a few words, where a plain
/// comparison at each start is quicker than setting up a substring searcher.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    match needle.first() {
        None => true,
        Some(&first) => {
            haystack.len() >= needle.len()
                && memchr::memchr_iter(first, &haystack[..=haystack.len() - needle.len()])
                    .any(|at| haystack[at..].starts_with(needle))
        }
    }
}

/// The span a hit on `annotation` covers: the mention (from its first part to the end of its
/// last), the trigger, or a quote from its first content span to the end of its last.
fn extent(annotation: &Annotation) -> CharSpan {
    match annotation {
        Annotation::Entity(e) => e.extent(),
        Annotation::Quote(q) => match (q.content.first(), q.content.last()) {
            (Some(first), Some(last)) => first.union(*last),
            _ => annotation.primary_span(),
        },
        other => other.primary_span(),
    }
}

/// Whether an annotation passes the query's filters and text. `folded` is the folded text (same
/// offsets).
fn passes(
    annotation: &Annotation,
    layer: &Layer,
    text: &Text,
    folded: &Text,
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
            // Several spans: their texts joined by a space ("Serbian delegations").
            Annotation::Quote(_) => fold_text(&covered(annotation, text)).contains(needle.as_str()),
            Annotation::Entity(e) if e.is_discontinuous() => {
                fold_text(&covered(annotation, text)).contains(needle.as_str())
            }
            other => folded
                .slice(other.primary_span())
                .is_some_and(|f| f.contains(needle.as_str())),
        },
        TextMatch::Regex(regex) => regex.is_match(&covered(annotation, text)),
    }
}

/// The text an annotation covers: a quote's content spans, or a mention's parts, joined by a
/// space.
fn covered(annotation: &Annotation, text: &Text) -> String {
    match annotation {
        Annotation::Entity(e) if e.is_discontinuous() => e
            .all_spans()
            .filter_map(|span| text.slice(span))
            .collect::<Vec<_>>()
            .join(" "),
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
    use crate::model::Edit;

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

    fn mention(id: u32, start: usize, end: usize, label: &str) -> Annotation {
        Annotation::Entity(crate::model::Entity::new(
            AnnotationId(id),
            CharSpan::new(start, end),
            label,
            crate::model::Provenance::manual("t", crate::model::Timestamp::UNIX_EPOCH),
        ))
    }

    #[test]
    fn an_annotation_search_sees_every_edit_made_since_the_last_one() {
        let mut project = project(&["Kurti met Vučić and Kurti left"]);
        let key = crate::model::LayerKey::new(
            DocId::new("d0").unwrap(),
            LayerName::new("amira").unwrap(),
        );
        let add = |project: &mut Project, annotation: Annotation| {
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        };
        add(&mut project, mention(1, 0, 5, "PERSON"));
        let index = TextIndex::build(project.documents());
        let request = SearchRequest::text("label:person kurti");
        let found = |project: &Project| spans(&search(project, &index, &request, 100).unwrap());
        assert_eq!(found(&project), vec![("d0".into(), 0, 5)]);

        add(&mut project, mention(2, 20, 25, "PERSON"));
        assert_eq!(
            found(&project),
            vec![("d0".into(), 0, 5), ("d0".into(), 20, 25)]
        );

        project
            .apply(&Edit::Replace {
                key: key.clone(),
                before: mention(1, 0, 5, "PERSON"),
                after: mention(1, 0, 5, "ORG"),
            })
            .unwrap();
        assert_eq!(found(&project), vec![("d0".into(), 20, 25)]);
        let org = search(&project, &index, &SearchRequest::text("label:ORG"), 100).unwrap();
        assert_eq!(org.hits[0].label.as_deref(), Some("ORG"));

        project
            .apply(&Edit::Remove {
                key,
                annotation: mention(2, 20, 25, "PERSON"),
            })
            .unwrap();
        assert!(found(&project).is_empty());
    }

    #[test]
    fn an_annotation_matches_when_the_folded_text_lies_inside_its_span() {
        let mut project = project(&["aaa Vučićeva met Kurti"]);
        let key = crate::model::LayerKey::new(
            DocId::new("d0").unwrap(),
            LayerName::new("amira").unwrap(),
        );
        for annotation in [
            mention(1, 1, 3, "PERSON"),
            mention(2, 4, 12, "PERSON"),
            mention(3, 17, 22, "PERSON"),
        ] {
            project
                .apply(&Edit::Add {
                    key: key.clone(),
                    annotation,
                })
                .unwrap();
        }
        let index = TextIndex::build(project.documents());
        let found = |query: &str| {
            spans(&search(&project, &index, &SearchRequest::text(query), 100).unwrap())
        };
        assert_eq!(found("label:PERSON aa"), vec![("d0".into(), 1, 3)]);
        assert_eq!(found("label:PERSON VUCIC"), vec![("d0".into(), 4, 12)]);
        assert_eq!(found("label:PERSON urt"), vec![("d0".into(), 17, 22)]);
        assert!(found("label:PERSON vucic met").is_empty());
        assert!(found("label:ORG kurti").is_empty());
    }

    #[test]
    fn a_mention_in_parts_is_found_by_its_parts_text_and_spans_them_all() {
        let mut project = project(&["The Serbian and Kosovo delegations met"]);
        let key = crate::model::LayerKey::new(
            DocId::new("d0").unwrap(),
            LayerName::new("amira").unwrap(),
        );
        let mut pieces = mention(1, 4, 11, "ORG");
        if let Annotation::Entity(e) = &mut pieces {
            e.details_mut().parts = vec![CharSpan::new(23, 34)];
        }
        project
            .apply(&Edit::Add {
                key,
                annotation: pieces,
            })
            .unwrap();
        let index = TextIndex::build(project.documents());
        let found = |query: &str| {
            spans(&search(&project, &index, &SearchRequest::text(query), 100).unwrap())
        };
        let whole = vec![("d0".to_owned(), 4, 34)];
        assert_eq!(found("label:ORG delegations"), whole);
        assert_eq!(found("label:ORG serbian delegations"), whole);
        assert!(found("label:ORG kosovo").is_empty());
    }
}
