//! `gloss stats`: documents, and per layer the annotations by kind and label and the progress.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::model::{Annotation, LayerKey, LayerName, Project, Schema, Status};
use crate::storage::stream;

/// Counts the project in `dir`, a batch of documents at a time.
pub fn stats(dir: &Path) -> anyhow::Result<Stats> {
    stats_across(&[dir])
}

/// Counts the projects in `dirs` as one corpus (a team's corpus split into several projects, by
/// outlet, month or story): documents and annotations summed, layers joined by name. Each project
/// is read a batch of documents at a time, so memory does not grow with the corpus.
pub fn stats_across(dirs: &[&Path]) -> anyhow::Result<Stats> {
    let corpora = stream::open_all(dirs)?;
    let Some(first) = corpora.first() else {
        anyhow::bail!("no project folder given");
    };
    let mut names = Vec::new();
    for corpus in &corpora {
        for name in layer_names(&corpus.base().annotators, corpus.layer_names()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names.sort_by_key(|name| name.is_gold());
    let project = corpora
        .iter()
        .map(|c| c.base().name.clone())
        .collect::<Vec<_>>()
        .join(" + ");
    let mut stats = Stats::empty(project, &names);
    for corpus in &corpora {
        corpus.for_each_batch(None, |batch| -> anyhow::Result<()> {
            stats.add(&batch);
            Ok(())
        })?;
    }
    let mut schema = first.base().schema.clone();
    for corpus in &corpora[1..] {
        for label in &corpus.base().schema.entity_labels {
            if schema.entity_label(&label.name).is_none() {
                schema.entity_labels.push(label.clone());
            }
        }
        for event in &corpus.base().schema.event_types {
            if !schema.event_types.iter().any(|t| t.name == event.name) {
                schema.event_types.push(event.clone());
            }
        }
    }
    stats.labels = stats.label_rows(&schema);
    Ok(stats)
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
        let names = layer_names(&project.annotators, &project.layer_names());
        let mut stats = Self::empty(project.name.clone(), &names);
        stats.add(project);
        stats.labels = stats.label_rows(&project.schema);
        stats
    }

    /// No documents yet, and a row for each of `layers`.
    fn empty(project: String, layers: &[LayerName]) -> Self {
        Self {
            project,
            documents: 0,
            duplicates: Vec::new(),
            layers: layers.iter().map(LayerStats::empty).collect(),
            labels: Vec::new(),
        }
    }

    /// Counts the documents of `project` (the whole project, or a batch of it) in.
    fn add(&mut self, project: &Project) {
        self.documents += project.documents().len();
        self.duplicates
            .extend(project.documents().iter().filter_map(|d| {
                Some(DuplicateLink {
                    document: d.id.to_string(),
                    duplicate_of: d.meta.duplicate_of.as_ref()?.to_string(),
                })
            }));
        for layer in &mut self.layers {
            if let Some(name) = LayerName::new(layer.layer.as_str()) {
                layer.add(project, &name);
            }
        }
    }

    /// One row per (kind, label) used in any layer: entity labels and event types in schema order
    /// (labels missing from the schema after them, sorted), quote kinds in between.
    fn label_rows(&self, schema: &Schema) -> Vec<LabelRow> {
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
    fn empty(name: &LayerName) -> Self {
        Self {
            layer: name.to_string(),
            done: 0,
            in_progress: 0,
            new: 0,
            total: 0,
            entities: 0,
            quotes: 0,
            events: 0,
            entity_labels: BTreeMap::new(),
            quote_kinds: BTreeMap::new(),
            event_types: BTreeMap::new(),
        }
    }

    /// Counts layer `name` of every document of `project` in.
    fn add(&mut self, project: &Project, name: &LayerName) {
        let stats = self;
        stats.total += project.documents().len();
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
                match by_label.get_mut(label) {
                    Some(n) => *n += 1,
                    None => {
                        by_label.insert(label.to_owned(), 1);
                    }
                }
            }
        }
    }
}

/// Annotators in the order they joined (even before their first annotation, so their progress
/// shows), then any other layer names, gold last.
fn layer_names(annotators: &[String], in_use: &BTreeSet<LayerName>) -> Vec<LayerName> {
    let mut names: Vec<LayerName> = annotators
        .iter()
        .filter_map(|a| LayerName::new(a.as_str()))
        .filter(|name| !name.is_gold())
        .collect();
    let mut rest: Vec<LayerName> = in_use
        .iter()
        .filter(|name| !names.contains(name))
        .cloned()
        .collect();
    rest.sort_by_key(|name| (name.is_gold(), name.clone()));
    names.extend(rest);
    names
}
