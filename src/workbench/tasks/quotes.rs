//! `gloss quotes`: who said what across the corpus. Every quote of one layer (gold by default),
//! grouped by speaker (folded: "Vučić" and "VUCIC" are one speaker), by outlet or by document, with
//! the direct / indirect / mixed split, the cue words, the outlets and the documents.
//!
//! A speaker is the canonical entity the quote's speaker mention links to (its name shown, its key
//! in the `entity` column), so "Vučić", "Aleksandar Vučić" and "he" linked to one entity are one
//! row; otherwise the text of the speaker mention (or speaker span), with the mention's
//! knowledge-base id (`norm`, e.g. a Wikidata id) in the `entity` column where one is set. Quotes
//! without a speaker are counted under an empty speaker.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::model::fold::fold_query;
use crate::model::{
    Annotation, AnnotationId, DocId, LayerKey, LayerName, Project, QuoteKind, Speaker,
};
use crate::storage;

/// How rows group the quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotesBy {
    Speaker,
    Outlet,
    Document,
}

impl QuotesBy {
    pub const NAMES: [&'static str; 3] = ["speaker", "outlet", "document"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "speaker" => Some(Self::Speaker),
            "outlet" => Some(Self::Outlet),
            "document" => Some(Self::Document),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One row: a speaker (or outlet, or document) and its quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The speaker as most often written (or the outlet, or the document id).
    pub key: String,
    /// The speaker mentions' knowledge-base ids, `;`-separated (speaker rows only).
    pub entity: String,
    pub quotes: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
    /// The cue words, most frequent first, with counts.
    pub cues: Vec<(String, usize)>,
    pub outlets: Vec<String>,
    pub documents: Vec<String>,
    /// Publication dates of the documents, where known.
    pub dates: Vec<String>,
    /// Where the quotes are, in project order, for the window to open one.
    #[serde(skip)]
    pub places: Vec<(DocId, AnnotationId)>,
}

/// Loads the project in `dir` and tabulates the quotes of `layer`.
pub fn quotes_dir(dir: &Path, layer: &str, by: QuotesBy) -> anyhow::Result<Vec<QuoteRow>> {
    let project = storage::load(dir)?;
    let layer = known_layer(&project, dir, layer)?;
    Ok(quote_rows(&project, &layer, by))
}

/// `layer` as a layer the project has, or an error naming the ones it has.
pub(super) fn known_layer(project: &Project, dir: &Path, layer: &str) -> anyhow::Result<LayerName> {
    LayerName::new(layer)
        .filter(|l| project.layer_names().contains(l))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "--layer {layer}: no such layer in {} (layers: {})",
                dir.display(),
                project
                    .layer_names()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// The rows, most quotes first (ties by key).
pub fn quote_rows(project: &Project, layer: &LayerName, by: QuotesBy) -> Vec<QuoteRow> {
    // Rows by grouping key; spellings per key to name the row by its most frequent one.
    let mut rows: BTreeMap<String, QuoteRow> = BTreeMap::new();
    let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for document in project.documents() {
        let key = LayerKey::new(document.id.clone(), layer.clone());
        let Some(annotations) = project.layer(&key) else {
            continue;
        };
        for quote in annotations.iter().filter_map(Annotation::as_quote) {
            // A speaker mention linked to a canonical entity is that entity, whatever the
            // mention says ("he", "Vucic", "the Serbian president").
            let mut canonical = None;
            let (speaker, norm) = match &quote.speaker {
                Some(Speaker::Mention(id)) => match annotations.get(*id) {
                    Some(Annotation::Entity(e)) => {
                        canonical = e
                            .details()
                            .entity
                            .as_ref()
                            .and_then(|k| project.registry().resolve(k));
                        match canonical {
                            Some(c) => (c.name.clone(), Some(c.key.to_string())),
                            None => (
                                document
                                    .text
                                    .slice(e.span)
                                    .unwrap_or_default()
                                    .trim()
                                    .to_owned(),
                                e.details().norm.clone(),
                            ),
                        }
                    }
                    _ => (String::new(), None),
                },
                Some(Speaker::Span(span)) => (
                    document
                        .text
                        .slice(*span)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                    None,
                ),
                None => (String::new(), None),
            };
            let outlet = document.meta.outlet.clone().unwrap_or_default();
            let (group, shown) = match by {
                QuotesBy::Speaker => match canonical {
                    Some(c) => (format!("\u{1}{}", c.key), speaker.clone()),
                    None => (fold_query(&speaker), speaker.clone()),
                },
                QuotesBy::Outlet => (outlet.clone(), outlet.clone()),
                QuotesBy::Document => (document.id.to_string(), document.id.to_string()),
            };
            *spellings
                .entry(group.clone())
                .or_default()
                .entry(shown)
                .or_default() += 1;
            let row = rows.entry(group).or_default();
            row.quotes += 1;
            row.places.push((document.id.clone(), quote.id));
            match quote.kind {
                QuoteKind::Direct => row.direct += 1,
                QuoteKind::Indirect => row.indirect += 1,
                QuoteKind::Mixed => row.mixed += 1,
            }
            if let Some(cue) = quote.cue.and_then(|span| document.text.slice(span)) {
                let cue = cue.trim().to_lowercase();
                match row.cues.iter_mut().find(|(c, _)| *c == cue) {
                    Some((_, n)) => *n += 1,
                    None => row.cues.push((cue, 1)),
                }
            }
            if by == QuotesBy::Speaker
                && let Some(norm) = norm
                && !row.entity.split(';').any(|e| e == norm)
            {
                if !row.entity.is_empty() {
                    row.entity.push(';');
                }
                row.entity.push_str(&norm);
            }
            push_new(&mut row.outlets, outlet);
            push_new(&mut row.documents, document.id.to_string());
            push_new(
                &mut row.dates,
                document.meta.published.clone().unwrap_or_default(),
            );
        }
    }
    let mut rows: Vec<QuoteRow> = rows
        .into_iter()
        .map(|(group, mut row)| {
            row.key = spellings
                .get(&group)
                .and_then(|s| s.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
                .map(|(text, _)| text.clone())
                .unwrap_or_default();
            row.cues
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            row
        })
        .collect();
    rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.key.cmp(&b.key)));
    rows
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// The rows as CSV: a header row (`speaker,entity,quotes,direct,indirect,mixed,cues,outlets,
/// documents,dates`, the first column named after `by`), lists `;`-separated.
pub fn csv(rows: &[QuoteRow], by: QuotesBy) -> String {
    let mut out = Vec::new();
    crate::formats::csv::record(
        &mut out,
        [
            by.name(),
            "entity",
            "quotes",
            "direct",
            "indirect",
            "mixed",
            "cues",
            "outlets",
            "documents",
            "dates",
        ],
    );
    for row in rows {
        let cues: Vec<String> = row
            .cues
            .iter()
            .map(|(cue, n)| format!("{cue} ({n})"))
            .collect();
        crate::formats::csv::record(
            &mut out,
            [
                row.key.clone(),
                row.entity.clone(),
                row.quotes.to_string(),
                row.direct.to_string(),
                row.indirect.to_string(),
                row.mixed.to_string(),
                cues.join("; "),
                row.outlets.join("; "),
                row.documents.join("; "),
                row.dates.join("; "),
            ],
        );
    }
    String::from_utf8(out).unwrap_or_default()
}
