//! `gloss consistency` and the window's consistency panel: where one layer's entity mentions
//! disagree with themselves across the corpus.
//!
//! Four kinds of finding, each per layer (an annotator's, or gold), surface forms compared folded
//! (case and accents ignored, [`crate::model::fold`]):
//! - the same surface form labelled differently ("EU" as ORG 12 times, as GPE once);
//! - a surface form labelled in one place and left unlabelled elsewhere (whole words only, and only
//!   in documents the layer has started);
//! - boundary variants: a labelled form inside a longer labelled form of the same label ("Albin
//!   Kurti" and "Prime Minister Albin Kurti");
//! - overlapping mentions of different labels in one document.
//!
//! The first two come with a fix (relabel to the most frequent label; label the unlabelled places
//! with it), which the window applies as one undo step.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use crate::model::fold::{fold_query, fold_text};
use crate::model::{AnnotationId, CharSpan, DocId, Entity, LayerName, Project, Status};
use crate::storage;

use super::search::TextIndex;

/// What kind of inconsistency a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    LabelledDifferently,
    Unlabelled,
    BoundaryVariant,
    OverlappingLabels,
}

impl FindingKind {
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::LabelledDifferently => "labelled differently",
            FindingKind::Unlabelled => "unlabelled elsewhere",
            FindingKind::BoundaryVariant => "boundary variant",
            FindingKind::OverlappingLabels => "overlapping labels",
        }
    }
}

/// One place a finding points at: a mention (with its id and label) or unlabelled text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    #[serde(serialize_with = "doc_json")]
    pub doc: DocId,
    #[serde(flatten)]
    pub span: SpanJson,
    pub text: String,
    /// The mention's id; `None` for unlabelled text.
    pub annotation: Option<u32>,
    pub label: Option<String>,
}

/// A span as JSON: `start`, `end` in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
}

impl Place {
    pub fn span(&self) -> CharSpan {
        CharSpan::new(self.span.start, self.span.end)
    }
}

/// What a finding's fix does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "action")]
pub enum Fix {
    /// Relabel the places' mentions to `label`.
    Relabel { label: String },
    /// Label the places' unlabelled text as `label`.
    Label { label: String },
}

/// One inconsistency of a layer, with every place it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    #[serde(serialize_with = "layer_json")]
    pub layer: LayerName,
    /// The surface form (as first written) the finding is about.
    pub form: String,
    /// One sentence for the analyst.
    pub message: String,
    pub places: Vec<Place>,
    /// What "Fix all" does; `None` when only the analyst can decide.
    pub fix: Option<Fix>,
}

fn doc_json<S: serde::Serializer>(doc: &DocId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(doc.as_str())
}

fn layer_json<S: serde::Serializer>(layer: &LayerName, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(layer.as_str())
}

/// Every finding of a project, layer by layer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsistencyReport {
    pub findings: Vec<Finding>,
    pub layers: Vec<LayerName>,
    pub documents: usize,
    pub mentions: usize,
}

/// `gloss consistency DIR`: loads the project and checks `layer` (every layer when `None`).
pub fn consistency_dir(dir: &Path, layer: Option<&str>) -> anyhow::Result<ConsistencyReport> {
    let project = storage::load(dir)?;
    let layer = match layer {
        None => None,
        Some(name) => {
            let known = project.layer_names();
            match LayerName::new(name) {
                Some(l) if known.contains(&l) => Some(l),
                _ => anyhow::bail!(
                    "--layer {name}: no such layer in {} (layers: {})",
                    dir.display(),
                    if known.is_empty() {
                        "none yet".to_owned()
                    } else {
                        known
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ),
            }
        }
    };
    let index = TextIndex::build(project.documents());
    Ok(check(&project, &index, layer.as_ref()))
}

/// Checks `layer` (every layer when `None`) of `project`.
pub fn check(project: &Project, index: &TextIndex, layer: Option<&LayerName>) -> ConsistencyReport {
    let layers: Vec<LayerName> = match layer {
        Some(l) => vec![l.clone()],
        None => project.layer_names().into_iter().collect(),
    };
    let mut report = ConsistencyReport {
        layers: layers.clone(),
        documents: project.documents().len(),
        ..ConsistencyReport::default()
    };
    for name in &layers {
        let mentions = mentions_of(project, name);
        report.mentions += mentions.len();
        report
            .findings
            .extend(check_layer(project, index, name, &mentions));
    }
    report
}

/// A mention of the layer: where it is and what it says, folded.
struct Mention<'a> {
    doc: &'a DocId,
    /// The document's place among the layer's documents, for sorting places without comparing ids.
    doc_rank: u32,
    entity: &'a Entity,
    text: &'a str,
    /// The folded surface form, shared by every mention written the same way.
    folded: Arc<str>,
}

fn mentions_of<'a>(project: &'a Project, name: &LayerName) -> Vec<Mention<'a>> {
    let layers: Vec<(
        u32,
        &'a DocId,
        &'a crate::model::Text,
        &'a crate::model::Layer,
    )> = project
        .layers()
        .filter(|(key, _)| key.layer == *name)
        .filter_map(|(key, layer)| project.document(&key.doc).map(|d| (d, layer)))
        .enumerate()
        .map(|(rank, (document, layer))| (rank as u32, &document.id, &document.text, layer))
        .collect();
    super::in_parts("consistency-mentions", &layers, |part| {
        let mut mentions = Vec::new();
        // A corpus writes the same few thousand names over and over: each spelling is folded once.
        let mut folds: HashMap<&'a str, Arc<str>> = HashMap::new();
        for &(doc_rank, doc, text, layer) in part {
            for entity in layer.iter().filter_map(|a| a.as_entity()) {
                let Some(surface) = text.slice(entity.span) else {
                    continue;
                };
                let folded = folds
                    .entry(surface)
                    .or_insert_with(|| Arc::from(fold_query(surface.trim())))
                    .clone();
                mentions.push(Mention {
                    doc,
                    doc_rank,
                    entity,
                    text: surface,
                    folded,
                });
            }
        }
        mentions
    })
}

fn place(mention: &Mention<'_>) -> Place {
    Place {
        doc: mention.doc.clone(),
        span: SpanJson {
            start: mention.entity.span.start,
            end: mention.entity.span.end,
        },
        text: mention.text.to_owned(),
        annotation: Some(mention.entity.id.0),
        label: Some(mention.entity.label.to_string()),
    }
}

fn check_layer(
    project: &Project,
    index: &TextIndex,
    layer: &LayerName,
    mentions: &[Mention<'_>],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Mentions by folded surface form, in project order. Gathered in a hash map (a million
    // mentions share a few thousand forms), then ordered once by form.
    let mut by_form: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        if !mention.folded.is_empty() {
            by_form.entry(&mention.folded).or_default().push(i);
        }
    }
    let forms: BTreeMap<&str, Vec<usize>> = by_form.into_iter().collect();
    // The most frequent label of each form (ties: the first in label order).
    let mut majority: HashMap<&str, String> = HashMap::new();
    for (form, indices) in &forms {
        // A form has one label or a few: a short list beats a map.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for &i in indices {
            let label = mentions[i].entity.label.as_str();
            match counts.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => counts.push((label, 1)),
            }
        }
        counts.sort_unstable();
        let best = counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(label, _)| (*label).to_owned())
            .unwrap_or_default();
        if counts.len() > 1 {
            // The places to fix first (other labels), then those already right, each in document
            // order.
            let mut order: Vec<(bool, u32, usize, usize)> = indices
                .iter()
                .map(|&i| {
                    let m = &mentions[i];
                    (m.entity.label == best, m.doc_rank, m.entity.span.start, i)
                })
                .collect();
            order.sort_unstable();
            let tally: Vec<String> = counts
                .iter()
                .map(|(label, n)| format!("{label} ×{n}"))
                .collect();
            let first = mentions[indices[0]].text;
            findings.push(Finding {
                kind: FindingKind::LabelledDifferently,
                layer: layer.clone(),
                form: first.to_owned(),
                message: format!(
                    "{first:?} is labelled {}; fix: {best} everywhere",
                    tally.join(", ")
                ),
                places: order.iter().map(|&(.., i)| place(&mentions[i])).collect(),
                fix: Some(Fix::Relabel {
                    label: best.clone(),
                }),
            });
        }
        majority.insert(form, best);
    }
    findings.extend(unlabelled(
        project, index, layer, mentions, &forms, &majority,
    ));
    findings.extend(boundary_variants(layer, mentions, &forms));
    findings.extend(overlaps(layer, mentions));
    findings
}

/// Whole-word occurrences of labelled forms that no mention of the layer covers, in documents the
/// layer has started.
fn unlabelled(
    project: &Project,
    index: &TextIndex,
    layer: &LayerName,
    mentions: &[Mention<'_>],
    forms: &BTreeMap<&str, Vec<usize>>,
    majority: &HashMap<&str, String>,
) -> Vec<Finding> {
    // Forms of at least two chars: single letters are too often something else.
    let patterns: Vec<&str> = forms
        .keys()
        .copied()
        .filter(|f| f.chars().count() >= 2)
        .collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return Vec::new();
    };
    // Covered spans per document, sorted, to test "no mention here" quickly.
    let mut covered: HashMap<&DocId, Vec<CharSpan>> = HashMap::new();
    for mention in mentions {
        covered
            .entry(mention.doc)
            .or_default()
            .push(mention.entity.span);
    }
    for spans in covered.values_mut() {
        spans.sort();
    }
    let started: Vec<&crate::model::Document> = project
        .documents()
        .iter()
        .filter(|document| {
            let key = crate::model::LayerKey::new(document.id.clone(), layer.clone());
            project.status(&key) != Status::New
                || project.layer(&key).is_some_and(|l| !l.is_empty())
        })
        .collect();
    let hits = super::in_parts("consistency-unlabelled", &started, |part| {
        let mut hits: Vec<(usize, Place)> = Vec::new();
        for document in part {
            let folded = index.folded(document);
            let text = folded.as_str();
            let spans = covered.get(&document.id).map_or(&[][..], Vec::as_slice);
            for hit in automaton.find_iter(text) {
                let word_start = text[..hit.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let word_end = text[hit.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if !(word_start && word_end) {
                    continue;
                }
                let (Some(start), Some(end)) = (
                    folded.char_offset(hit.start()),
                    folded.char_offset(hit.end()),
                ) else {
                    continue;
                };
                let span = CharSpan::new(start, end);
                // Spans are sorted by start: only those starting before `end` can overlap.
                let upto = spans.partition_point(|s| s.start < span.end);
                if spans[..upto].iter().any(|s| s.overlaps(span)) {
                    continue;
                }
                hits.push((
                    hit.pattern().as_usize(),
                    Place {
                        doc: document.id.clone(),
                        span: SpanJson { start, end },
                        text: document.text.slice(span).unwrap_or_default().to_owned(),
                        annotation: None,
                        label: None,
                    },
                ));
            }
        }
        hits
    });
    let mut found: BTreeMap<usize, Vec<Place>> = BTreeMap::new();
    for (pattern, place) in hits {
        found.entry(pattern).or_default().push(place);
    }
    found
        .into_iter()
        .filter_map(|(pattern, places)| {
            let form = patterns.get(pattern)?;
            let label = majority.get(form)?.clone();
            let first = mentions[*forms.get(form)?.first()?].text;
            Some(Finding {
                kind: FindingKind::Unlabelled,
                layer: layer.clone(),
                form: first.to_owned(),
                message: format!(
                    "{first:?} is labelled {label} elsewhere but not in {} place{}; fix: label them {label}",
                    places.len(),
                    super::plural(places.len())
                ),
                places,
                fix: Some(Fix::Label { label }),
            })
        })
        .collect()
}

/// Labelled forms found, at word boundaries, inside longer labelled forms of the same label.
fn boundary_variants(
    layer: &LayerName,
    mentions: &[Mention<'_>],
    forms: &BTreeMap<&str, Vec<usize>>,
) -> Vec<Finding> {
    let patterns: Vec<&str> = forms
        .keys()
        .copied()
        .filter(|f| f.chars().count() >= 2)
        .collect();
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
    else {
        return Vec::new();
    };
    let label_of = |form: &str| -> Vec<&str> {
        let mut labels: Vec<&str> = forms
            .get(form)
            .map(|ix| {
                ix.iter()
                    .map(|&i| mentions[i].entity.label.as_str())
                    .collect()
            })
            .unwrap_or_default();
        labels.sort_unstable();
        labels.dedup();
        labels
    };
    let mut findings = Vec::new();
    for long in &patterns {
        let long_labels = label_of(long);
        for hit in automaton.find_overlapping_iter(*long) {
            let short = patterns[hit.pattern().as_usize()];
            if short.len() == long.len() {
                continue;
            }
            let bounded = long[..hit.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && long[hit.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if !bounded {
                continue;
            }
            let shared = label_of(short)
                .into_iter()
                .find(|l| long_labels.contains(l));
            let Some(label) = shared else {
                continue;
            };
            let pick = |form: &str| -> Vec<Place> {
                forms
                    .get(form)
                    .map(|ix| {
                        ix.iter()
                            .filter(|&&i| mentions[i].entity.label == label)
                            .map(|&i| place(&mentions[i]))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let mut places = pick(long);
            places.extend(pick(short));
            let (long_text, short_text) = (
                places.first().map(|p| p.text.clone()).unwrap_or_default(),
                places.last().map(|p| p.text.clone()).unwrap_or_default(),
            );
            findings.push(Finding {
                kind: FindingKind::BoundaryVariant,
                layer: layer.clone(),
                form: short_text.clone(),
                message: format!(
                    "{label} {short_text:?} is also labelled with more words as {long_text:?}"
                ),
                places,
                fix: None,
            });
        }
    }
    findings
}

/// Mentions of one document that overlap with different labels.
fn overlaps(layer: &LayerName, mentions: &[Mention<'_>]) -> Vec<Finding> {
    let mut by_doc: BTreeMap<&DocId, Vec<&Mention<'_>>> = BTreeMap::new();
    for mention in mentions {
        by_doc.entry(mention.doc).or_default().push(mention);
    }
    let mut findings = Vec::new();
    for list in by_doc.values_mut() {
        list.sort_by_key(|m| (m.entity.span.start, m.entity.span.end, m.entity.id));
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if b.entity.span.start >= a.entity.span.end {
                    break;
                }
                if a.entity.label == b.entity.label || !a.entity.span.overlaps(b.entity.span) {
                    continue;
                }
                findings.push(Finding {
                    kind: FindingKind::OverlappingLabels,
                    layer: layer.clone(),
                    form: a.text.to_owned(),
                    message: format!(
                        "{:?} ({}) overlaps {:?} ({})",
                        a.text, a.entity.label, b.text, b.entity.label
                    ),
                    places: vec![place(a), place(b)],
                    fix: None,
                });
            }
        }
    }
    findings
}

/// The ids of the mentions a place list names, for fixes.
pub fn mention_ids(places: &[Place]) -> Vec<(DocId, AnnotationId)> {
    places
        .iter()
        .filter_map(|p| Some((p.doc.clone(), AnnotationId(p.annotation?))))
        .collect()
}

/// Whether two folded forms are the same surface text (for tests and the panel).
pub fn same_form(a: &str, b: &str) -> bool {
    fold_text(a.trim()) == fold_text(b.trim())
}
