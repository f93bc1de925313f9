//! `gloss events`: what happened across the corpus. Every event of one layer (gold by default),
//! one row per event type and participant, the participant being the canonical entity its mention
//! links to (else the mention's text, case and accents ignored); and a timeline: events per
//! document date and type.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::model::fold::fold_query;
use crate::model::{Annotation, AnnotationId, DocId, LayerKey, LayerName, Project};
use crate::storage;

/// One row: an event type and one of its participants (any role filled by an entity mention).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EventRow {
    #[serde(rename = "type")]
    pub event_type: String,
    /// The participant as its entity is named (or as its mentions most often say it); empty for
    /// events with no entity argument.
    pub participant: String,
    /// The canonical entity's key, if the mentions link to one.
    pub entity: String,
    /// The roles it fills, most frequent first.
    pub roles: Vec<String>,
    pub events: usize,
    pub documents: Vec<String>,
    pub dates: Vec<String>,
    /// Where the events are, in project order, for the window to open one.
    #[serde(skip)]
    pub places: Vec<(DocId, AnnotationId)>,
}

/// Events of one type on one document date (the timeline); `date` is the document's publication
/// date (its first 10 chars, `YYYY-MM-DD`), empty when unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelinePoint {
    pub date: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub events: usize,
}

/// Loads the project in `dir` and tabulates the events of `layer`.
pub fn events_dir(dir: &Path, layer: &str) -> anyhow::Result<(Vec<EventRow>, Vec<TimelinePoint>)> {
    let project = storage::load(dir)?;
    let layer = super::quotes::known_layer(&project, dir, layer)?;
    Ok((event_rows(&project, &layer), timeline(&project, &layer)))
}

/// The rows, most events first (ties by type, then participant).
pub fn event_rows(project: &Project, layer: &LayerName) -> Vec<EventRow> {
    let mut rows: BTreeMap<(String, String), EventRow> = BTreeMap::new();
    let mut spellings: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    let mut roles: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for document in project.documents() {
        let key = LayerKey::new(document.id.clone(), layer.clone());
        let Some(annotations) = project.layer(&key) else {
            continue;
        };
        let date = date_of(project, &document.id);
        for event in annotations.iter().filter_map(Annotation::as_event) {
            // Each participant once per event, whatever roles it fills.
            let mut participants: BTreeMap<String, (String, String, Vec<String>)> = BTreeMap::new();
            for argument in &event.arguments {
                let Some(Annotation::Entity(mention)) = annotations.get(argument.filler) else {
                    continue;
                };
                let (group, shown, entity) = match mention
                    .details()
                    .entity
                    .as_ref()
                    .and_then(|k| project.registry().resolve(k))
                {
                    Some(e) => (format!("\u{1}{}", e.key), e.name.clone(), e.key.to_string()),
                    None => {
                        let text = document
                            .text
                            .slice(mention.span)
                            .unwrap_or_default()
                            .trim()
                            .to_owned();
                        (fold_query(&text), text, String::new())
                    }
                };
                participants
                    .entry(group)
                    .or_insert_with(|| (shown, entity, Vec::new()))
                    .2
                    .push(argument.role.to_string());
            }
            if participants.is_empty() {
                participants.insert(String::new(), (String::new(), String::new(), Vec::new()));
            }
            for (group, (shown, entity, filled)) in participants {
                let at = (event.event_type.to_string(), group);
                let row = rows.entry(at.clone()).or_insert_with(|| EventRow {
                    event_type: event.event_type.to_string(),
                    entity,
                    ..EventRow::default()
                });
                row.events += 1;
                row.places.push((document.id.clone(), event.id));
                push_new(&mut row.documents, document.id.to_string());
                push_new(&mut row.dates, date.clone());
                *spellings
                    .entry(at.clone())
                    .or_default()
                    .entry(shown)
                    .or_default() += 1;
                for role in filled {
                    *roles
                        .entry(at.clone())
                        .or_default()
                        .entry(role)
                        .or_default() += 1;
                }
            }
        }
    }
    let mut rows: Vec<EventRow> = rows
        .into_iter()
        .map(|(at, mut row)| {
            row.participant = most_frequent(spellings.get(&at)).unwrap_or_default();
            let mut filled: Vec<(String, usize)> =
                roles.remove(&at).unwrap_or_default().into_iter().collect();
            filled.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            row.roles = filled.into_iter().map(|(role, _)| role).collect();
            row
        })
        .collect();
    rows.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.event_type.cmp(&b.event_type))
            .then_with(|| a.participant.cmp(&b.participant))
    });
    rows
}

/// Events per document date and type, by date (unknown dates last), then type.
pub fn timeline(project: &Project, layer: &LayerName) -> Vec<TimelinePoint> {
    let mut counts: BTreeMap<(bool, String, String), usize> = BTreeMap::new();
    for document in project.documents() {
        let key = LayerKey::new(document.id.clone(), layer.clone());
        let Some(annotations) = project.layer(&key) else {
            continue;
        };
        let date = date_of(project, &document.id);
        for event in annotations.iter().filter_map(Annotation::as_event) {
            *counts
                .entry((date.is_empty(), date.clone(), event.event_type.to_string()))
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|((_, date, event_type), events)| TimelinePoint {
            date,
            event_type,
            events,
        })
        .collect()
}

/// A document's publication day, `YYYY-MM-DD`, or empty.
fn date_of(project: &Project, doc: &DocId) -> String {
    project
        .document(doc)
        .and_then(|d| d.meta.published.as_deref())
        .map(|p| p.chars().take(10).collect())
        .unwrap_or_default()
}

fn most_frequent(counts: Option<&BTreeMap<String, usize>>) -> Option<String> {
    counts?
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(text, _)| text.clone())
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// The rows as CSV: a header row (`type,participant,entity,roles,events,documents,dates`), lists
/// `;`-separated.
pub fn csv(rows: &[EventRow]) -> String {
    let mut out = Vec::new();
    crate::formats::csv::record(
        &mut out,
        [
            "type",
            "participant",
            "entity",
            "roles",
            "events",
            "documents",
            "dates",
        ],
    );
    for row in rows {
        crate::formats::csv::record(
            &mut out,
            [
                row.event_type.clone(),
                row.participant.clone(),
                row.entity.clone(),
                row.roles.join("; "),
                row.events.to_string(),
                row.documents.join("; "),
                row.dates.join("; "),
            ],
        );
    }
    String::from_utf8(out).unwrap_or_default()
}
