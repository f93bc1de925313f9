//! `gloss stats`: documents, and per layer the annotations by kind and label and the progress.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::model::{Annotation, LayerKey, LayerName, Project, Status};
use crate::storage;

/// Loads the project in `dir` and counts.
pub fn stats(dir: &Path) -> anyhow::Result<Stats> {
    let project = storage::load(dir)?;
    Ok(Stats::of(&project))
}

/// The figures `gloss stats` prints; `--json` prints exactly this.
#[derive(Debug, Serialize)]
pub struct Stats {
    pub project: String,
    pub documents: usize,
    /// Documents imported as linked duplicates (`gloss import --duplicates link`), in project order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<DuplicateLink>,
    pub layers: Vec<LayerStats>,
    /// One row per (kind, label) used in any layer, counts in the order of `layers`.
    #[serde(skip)]
    pub labels: Vec<LabelRow>,
}

/// A document that repeats another (the same story republished).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateLink {
    pub document: String,
    pub duplicate_of: String,
}

/// Annotations of one label (or quote kind, or event type) in each layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRow {
    pub label: String,
    /// `entity`, `quote` or `event`.
    pub kind: &'static str,
    pub counts: Vec<usize>,
}

/// One layer name (an annotator, or gold) across every document.
#[derive(Debug, Serialize)]
pub struct LayerStats {
    pub layer: String,
    /// Documents whose layer is done (or adjudicated, for gold).
    pub done: usize,
    pub in_progress: usize,
    /// Documents this layer has not started, including those with no file for it yet.
    pub new: usize,
    /// Every document in the project: `done + in_progress + new`.
    pub total: usize,
    pub entities: usize,
    pub quotes: usize,
    pub events: usize,
    /// Entity mentions per label.
    pub entity_labels: BTreeMap<String, usize>,
    /// Quotes per kind (direct, indirect, mixed).
    pub quote_kinds: BTreeMap<String, usize>,
    /// Events per type.
    pub event_types: BTreeMap<String, usize>,
}

/// Picks one of a layer's per-label counts.
type CountsOf = fn(&LayerStats) -> &BTreeMap<String, usize>;

impl Stats {
    pub fn of(project: &Project) -> Self {
        let layers = layer_names(project)
            .into_iter()
            .map(|name| LayerStats::of(project, &name))
            .collect();
        let mut stats = Self {
            project: project.name.clone(),
            documents: project.documents().len(),
            duplicates: project
                .documents()
                .iter()
                .filter_map(|d| {
                    Some(DuplicateLink {
                        document: d.id.to_string(),
                        duplicate_of: d.meta.duplicate_of.as_ref()?.to_string(),
                    })
                })
                .collect(),
            layers,
            labels: Vec::new(),
        };
        stats.labels = stats.label_rows(project);
        stats
    }

    /// One row per (kind, label) used in any layer: entity labels and event types in schema order
    /// (labels missing from the schema after them, sorted), quote kinds in between.
    fn label_rows(&self, project: &Project) -> Vec<LabelRow> {
        let schema = &project.schema;
        let entity_order: Vec<String> = schema
            .entity_labels
            .iter()
            .map(|l| l.name.clone())
            .collect();
        let quote_order: Vec<String> = crate::model::QuoteKind::ALL
            .iter()
            .map(|k| k.name().to_owned())
            .collect();
        let event_order: Vec<String> = schema.event_types.iter().map(|t| t.name.clone()).collect();
        let kinds: [(&'static str, &[String], CountsOf); 3] = [
            ("entity", &entity_order, |l| &l.entity_labels),
            ("quote", &quote_order, |l| &l.quote_kinds),
            ("event", &event_order, |l| &l.event_types),
        ];
        let mut rows = Vec::new();
        for (kind, order, counts) in kinds {
            let used: std::collections::BTreeSet<&String> =
                self.layers.iter().flat_map(|l| counts(l).keys()).collect();
            let mut labels: Vec<&String> = order.iter().filter(|l| used.contains(l)).collect();
            labels.extend(used.iter().copied().filter(|l| !order.contains(l)));
            for label in labels {
                rows.push(LabelRow {
                    label: label.clone(),
                    kind,
                    counts: self
                        .layers
                        .iter()
                        .map(|l| counts(l).get(label).copied().unwrap_or(0))
                        .collect(),
                });
            }
        }
        rows
    }
}

impl LayerStats {
    fn of(project: &Project, name: &LayerName) -> Self {
        let mut stats = Self {
            layer: name.to_string(),
            done: 0,
            in_progress: 0,
            new: 0,
            total: project.documents().len(),
            entities: 0,
            quotes: 0,
            events: 0,
            entity_labels: BTreeMap::new(),
            quote_kinds: BTreeMap::new(),
            event_types: BTreeMap::new(),
        };
        for document in project.documents() {
            let key = LayerKey::new(document.id.clone(), name.clone());
            match project.status(&key) {
                status if status.is_finished() => stats.done += 1,
                Status::InProgress => stats.in_progress += 1,
                _ => stats.new += 1,
            }
            let Some(layer) = project.layer(&key) else {
                continue;
            };
            for annotation in layer.iter() {
                let (count, by_label, label) = match annotation {
                    Annotation::Entity(e) => (
                        &mut stats.entities,
                        &mut stats.entity_labels,
                        e.label.as_str(),
                    ),
                    Annotation::Quote(q) => {
                        (&mut stats.quotes, &mut stats.quote_kinds, q.kind.name())
                    }
                    Annotation::Event(e) => (
                        &mut stats.events,
                        &mut stats.event_types,
                        e.event_type.as_str(),
                    ),
                };
                *count += 1;
                *by_label.entry(label.to_owned()).or_default() += 1;
            }
        }
        stats
    }
}

/// Annotators in the order they joined (even before their first annotation, so their progress
/// shows), then any other layer names, gold last.
fn layer_names(project: &Project) -> Vec<LayerName> {
    let mut names: Vec<LayerName> = project
        .annotators
        .iter()
        .filter_map(|a| LayerName::new(a.as_str()))
        .filter(|name| !name.is_gold())
        .collect();
    let mut rest: Vec<LayerName> = project
        .layer_names()
        .into_iter()
        .filter(|name| !names.contains(name))
        .collect();
    rest.sort_by_key(|name| (name.is_gold(), name.clone()));
    names.extend(rest);
    names
}
