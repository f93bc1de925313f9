//! `gloss agree`: how far the annotators agree. The figures are [`crate::review::agreement`]'s,
//! unchanged: this service only chooses the layers and documents.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::model::tokens::tokens;
use crate::model::{CharSpan, DocId, Document, LayerName, Project};
use crate::review::{self, AgreementReport};
use crate::storage::stream;

/// Which layers and documents to compare, as a user names them (empty: the defaults).
#[derive(Debug, Clone, Default)]
pub struct AgreementRequest {
    /// Layer names (default: every layer but gold); two or more.
    pub layers: Vec<String>,
    /// Document ids (default: every document).
    pub docs: Vec<String>,
}

/// Measures agreement between the chosen layers of the project in `dir`, a batch of documents at
/// a time.
pub fn agreement(dir: &Path, request: &AgreementRequest) -> anyhow::Result<AgreementReport> {
    agreement_across(&[dir], request)
}

/// Measures agreement over the projects in `dirs` as one corpus (a team's corpus split into several
/// projects): layers are matched by name, and each project is read a batch of documents at a
/// time, so memory does not grow with the corpus. Documents asked for by id are looked for in
/// every project.
pub fn agreement_across(
    dirs: &[&Path],
    request: &AgreementRequest,
) -> anyhow::Result<AgreementReport> {
    let corpora = stream::open_all(dirs)?;
    let shown = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut known = Vec::new();
    for corpus in &corpora {
        for layer in known_layers(&corpus.base().annotators, corpus.layer_names()) {
            if !known.contains(&layer) {
                known.push(layer);
            }
        }
    }
    known.sort();
    let layers = pick_layers(known, &request.layers, &shown)?;
    let docs = pick_docs(
        &request.docs,
        &shown,
        &|id| corpora.iter().any(|c| c.contains(id)),
        &mut corpora.iter().flat_map(|c| c.document_ids()),
    )?;
    let mut tally = review::AgreementTally::new(layers);
    let tokens_of =
        |document: &Document| -> Arc<[CharSpan]> { Arc::from(tokens(document.text.as_str())) };
    for corpus in &corpora {
        let only: Option<Vec<DocId>> = docs.as_ref().map(|docs| {
            docs.iter()
                .filter(|id| corpus.contains(id))
                .cloned()
                .collect()
        });
        corpus.for_each_batch(only.as_deref(), |batch| -> anyhow::Result<()> {
            let documents: Vec<&Document> = batch.documents().iter().collect();
            tally.add_all(&batch, &documents, &tokens_of);
            Ok(())
        })?;
    }
    Ok(tally.report())
}

/// The layers and documents a request names (all annotators' layers and every document when it
/// names none), in a project opened for a pass over its documents; each name checked.
pub(crate) fn chosen_in(
    corpus: &stream::Corpus,
    layers: &[String],
    docs: &[String],
    dir: &Path,
) -> anyhow::Result<(Vec<LayerName>, Option<Vec<DocId>>)> {
    let shown = dir.display().to_string();
    let known = known_layers(&corpus.base().annotators, corpus.layer_names());
    let layers = pick_layers(known, layers, &shown)?;
    let docs = pick_docs(
        docs,
        &shown,
        &|id| corpus.contains(id),
        &mut corpus.document_ids(),
    )?;
    Ok((layers, docs))
}

fn pick_layers(
    known: Vec<LayerName>,
    asked: &[String],
    dir: &str,
) -> anyhow::Result<Vec<LayerName>> {
    let layers: Vec<LayerName> = if asked.is_empty() {
        known.iter().filter(|l| !l.is_gold()).cloned().collect()
    } else {
        let mut layers = Vec::new();
        for name in asked.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let layer = LayerName::new(name)
                .filter(|l| known.contains(l))
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{dir}: no layer {name:?}: expected one of {}",
                        names_or_none(&known)
                    )
                })?;
            if !layers.contains(&layer) {
                layers.push(layer);
            }
        }
        layers
    };
    if layers.len() < 2 {
        anyhow::bail!(
            "{dir}: agreement needs two or more layers, found {} ({}); name them with --layers a,b",
            layers.len(),
            names_or_none(&layers)
        );
    }
    Ok(layers)
}

/// How many document ids an error message lists before it says how many more there are.
const IDS_SHOWN: usize = 12;

fn pick_docs<'a>(
    asked: &[String],
    dir: &str,
    exists: &dyn Fn(&DocId) -> bool,
    all: &mut dyn Iterator<Item = &'a DocId>,
) -> anyhow::Result<Option<Vec<DocId>>> {
    let asked: Vec<&str> = asked
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if asked.is_empty() {
        return Ok(None);
    }
    let mut docs: Vec<DocId> = Vec::new();
    for id in asked {
        let Some(doc) = DocId::new(id).filter(|d| exists(d)) else {
            let mut ids: Vec<&str> = (&mut *all).take(IDS_SHOWN).map(DocId::as_str).collect();
            let more = all.count();
            if more > 0 {
                ids.push("…");
            }
            anyhow::bail!(
                "{dir}: no document {id:?}: expected one of {}{}",
                if ids.is_empty() {
                    "(none yet)".to_owned()
                } else {
                    ids.join(", ")
                },
                if more > 0 {
                    format!(" ({more} more)")
                } else {
                    String::new()
                }
            );
        };
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    Ok(Some(docs))
}

/// Every layer the project has or an annotator would have, sorted by name.
fn known_layers(annotators: &[String], in_use: &BTreeSet<LayerName>) -> Vec<LayerName> {
    let mut known: Vec<LayerName> = in_use.iter().cloned().collect();
    for annotator in annotators {
        if let Some(layer) = LayerName::new(annotator.as_str())
            && !known.contains(&layer)
        {
            known.push(layer);
        }
    }
    known.sort();
    known
}

fn names_or_none(layers: &[LayerName]) -> String {
    if layers.is_empty() {
        "none".to_owned()
    } else {
        layers
            .iter()
            .map(LayerName::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// How many disagreements layers `a` and `b` of `doc` have, settled or not.
pub fn disagreement_count(project: &Project, doc: &DocId, a: &LayerName, b: &LayerName) -> usize {
    review::disagreements(project, doc, a, b).len()
}
