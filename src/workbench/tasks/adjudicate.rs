//! `gloss adjudicate --auto`: merge into the gold layer what enough annotators agree on, and count per
//! document what remains for the curator to settle (in the window's Review panel).
//!
//! The merge is [`crate::review::auto_merge`]'s, per document; this service reads the project a
//! batch of documents at a time under the project lock, applies the merge's edits, and puts the
//! gold layers in place once at the end, so an error or a cancel part-way leaves the files as they
//! were.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;

use super::agreement::chosen_in;
use super::{Hooks, plural};
use crate::model::{DocId, Edit, LayerKey, LayerName, Status, Timestamp};
use crate::review::{self, DisagreementKind};
use crate::storage::{self, lock::ProjectLock, stream};

/// What to merge, as a user names it.
#[derive(Debug, Clone)]
pub struct AdjudicationRequest {
    /// How many layers must hold an annotation (default: the project's `min_agree`).
    pub min_agree: Option<u32>,
    /// The annotators' layers (default: every layer but gold).
    pub layers: Vec<String>,
    /// Document ids (default: every document).
    pub docs: Vec<String>,
    /// Named in the merged annotations' provenance.
    pub curator: String,
    /// When the merge happens, for provenance.
    pub now: Timestamp,
}

/// What one document's merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMerge {
    pub doc: DocId,
    pub merged: usize,
    /// Disagreements left for the curator, by kind.
    pub remaining: BTreeMap<DisagreementKind, usize>,
}

/// What the whole merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjudication {
    pub min_agree: usize,
    pub layers: Vec<LayerName>,
    /// Documents at least one of the layers annotated, in order.
    pub documents: Vec<DocumentMerge>,
    /// Documents none of the layers annotated.
    pub not_annotated: usize,
    /// E.g. that the last Gloss here ended without closing the project.
    pub warnings: Vec<String>,
}

impl Adjudication {
    pub fn merged(&self) -> usize {
        self.documents.iter().map(|d| d.merged).sum()
    }

    /// Remaining disagreements over every document, by kind.
    pub fn remaining(&self) -> BTreeMap<DisagreementKind, usize> {
        let mut all = BTreeMap::new();
        for document in &self.documents {
            for (kind, n) in &document.remaining {
                *all.entry(*kind).or_default() += n;
            }
        }
        all
    }
}

/// Locks the project in `dir` and merges, document by document, what at least `min_agree` of the
/// layers agree on into gold. The project is read a batch of documents at a time (memory does not
/// grow with it); each batch's gold layers are written beside their files as it goes and put in
/// place together at the end, only if something was merged, so an error or a cancel part-way
/// leaves the files as they were.
pub fn adjudicate(
    dir: &Path,
    request: &AdjudicationRequest,
    hooks: Hooks<'_>,
) -> anyhow::Result<Adjudication> {
    if !storage::is_project(dir) {
        anyhow::bail!(
            "{}: not a Gloss project (expected a folder with a project.ron)",
            dir.display()
        );
    }
    // Lock before reading, so that no other writer saves between our reading and our writing.
    let (_lock, warning) = ProjectLock::acquire(dir)?;
    let corpus = stream::Corpus::open(dir)?;
    let (layers, docs) = chosen_in(&corpus, &request.layers, &request.docs, dir)?;
    if layers.iter().any(LayerName::is_gold) {
        anyhow::bail!(
            "--layers: gold is the layer adjudication writes; expected annotators' layers only"
        );
    }
    let (min_agree, from) = match request.min_agree {
        Some(k) => (k, "--min-agree"),
        None => (
            corpus.base().settings.min_agree,
            "the project's min_agree setting",
        ),
    };
    let min_agree = usize::try_from(min_agree.max(1)).unwrap_or(usize::MAX);
    if min_agree > layers.len() {
        anyhow::bail!(
            "{}: {from} is {min_agree}, but only {} layer{} are compared ({}): nothing could be merged",
            dir.display(),
            layers.len(),
            plural(layers.len()),
            names(&layers)
        );
    }
    let total = docs.as_ref().map_or(corpus.len(), Vec::len);

    let mut outcome = Adjudication {
        min_agree,
        layers: layers.clone(),
        documents: Vec::new(),
        not_annotated: 0,
        warnings: warning.into_iter().collect(),
    };
    let mut staged = storage::Staged::new(dir);
    let mut done = 0;
    corpus.for_each_batch(docs.as_deref(), |mut project| -> anyhow::Result<()> {
        let ids: Vec<DocId> = project.documents().iter().map(|d| d.id.clone()).collect();
        hooks.check()?;
        hooks.report(
            done,
            total,
            ids.first().map(ToString::to_string).unwrap_or_default(),
        );
        done += ids.len();
        // What each document's layers agree on is worked out on every core (documents are
        // independent, and the project is only read), then merged into gold in document order.
        let merges = storage::try_map("gloss-merge", &ids, storage::cpu_threads(), |doc| {
            let annotated = layers.iter().any(|l| {
                project
                    .layer(&LayerKey::new(doc.clone(), l.clone()))
                    .is_some()
            });
            Ok::<_, std::convert::Infallible>(annotated.then(|| {
                review::auto_merge(
                    &project,
                    doc,
                    &layers,
                    min_agree,
                    &request.curator,
                    request.now,
                )
            }))
        });
        let merges = match merges {
            Ok(merges) => merges,
            Err(never) => match never {},
        };
        for (doc, merge) in ids.iter().zip(merges) {
            match merge {
                None => outcome.not_annotated += 1,
                Some((edits, remaining)) => {
                    outcome
                        .documents
                        .push(merge_document(&mut project, doc, edits, &remaining)?);
                }
            }
        }
        hooks.check()?;
        staged.stage(storage::pending_writes(&project)?)?;
        Ok(())
    })?;
    if let Some(asked) = &docs {
        // In the order asked for, as before the merge was read a batch at a time.
        let position: std::collections::HashMap<&DocId, usize> =
            asked.iter().enumerate().map(|(i, d)| (d, i)).collect();
        outcome
            .documents
            .sort_by_key(|d| position.get(&d.doc).copied().unwrap_or(usize::MAX));
    }
    hooks.check()?;
    if outcome.merged() > 0 {
        hooks.report(total, total, "saving");
        staged.commit()?;
    }
    Ok(outcome)
}

/// Merges one document into gold within `project` (a batch): applies `edits` (what the layers of
/// `doc` agree on) to its gold layer and counts the disagreements that remain; returns what it did.
fn merge_document(
    project: &mut crate::model::Project,
    doc: &DocId,
    edits: Vec<Edit>,
    remaining: &[review::Disagreement],
) -> anyhow::Result<DocumentMerge> {
    let merged = edits
        .iter()
        .filter(|e| matches!(e, Edit::Add { .. }))
        .count();
    let gold = LayerKey::new(doc.clone(), LayerName::gold());
    // As in the window, a gold layer that gets its first annotations is in progress from then on.
    let start =
        (!edits.is_empty() && project.status(&gold) == Status::New).then(|| Edit::SetStatus {
            key: gold.clone(),
            before: Status::New,
            after: Status::InProgress,
        });
    for edit in edits.iter().chain(&start) {
        project
            .apply(edit)
            .with_context(|| format!("{doc}: cannot merge into gold; nothing was saved"))?;
    }
    let mut kinds: BTreeMap<DisagreementKind, usize> = BTreeMap::new();
    for disagreement in remaining {
        *kinds.entry(disagreement.kind).or_default() += 1;
    }
    Ok(DocumentMerge {
        doc: doc.clone(),
        merged,
        remaining: kinds,
    })
}

/// `amira, bruno`.
pub fn names(layers: &[LayerName]) -> String {
    layers
        .iter()
        .map(LayerName::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}
