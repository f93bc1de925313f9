//! `gloss agree`: how far the annotators agree. The figures are [`crate::review::agreement`]'s,
//! unchanged: this service only chooses the layers and documents.

use std::path::Path;

use crate::model::{DocId, LayerName, Project};
use crate::review::{self, AgreementOptions, AgreementReport};
use crate::storage;

/// Which layers and documents to compare, as a user names them (empty: the defaults).
#[derive(Debug, Clone, Default)]
pub struct AgreementRequest {
    /// Layer names (default: every layer but gold); two or more.
    pub layers: Vec<String>,
    /// Document ids (default: every document).
    pub docs: Vec<String>,
}

/// Loads the project in `dir` and measures agreement between the chosen layers.
pub fn agreement(dir: &Path, request: &AgreementRequest) -> anyhow::Result<AgreementReport> {
    let project = storage::load(dir)?;
    let options = AgreementOptions {
        layers: Some(chosen_layers(&project, &request.layers, dir)?),
        docs: chosen_docs(&project, &request.docs, dir)?,
    };
    Ok(review::agreement(&project, &options))
}

/// The layers named on the command line (each must exist in the project), or every layer but gold,
/// sorted by name, as [`review::agreement`] would choose. At least two, since one layer agrees with
/// nobody.
pub(crate) fn chosen_layers(
    project: &Project,
    asked: &[String],
    dir: &Path,
) -> anyhow::Result<Vec<LayerName>> {
    let known = known_layers(project);
    let layers: Vec<LayerName> = if asked.is_empty() {
        known.iter().filter(|l| !l.is_gold()).cloned().collect()
    } else {
        let mut layers = Vec::new();
        for name in asked.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let layer = LayerName::new(name)
                .filter(|l| known.contains(l))
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{}: no layer {name:?}: expected one of {}",
                        dir.display(),
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
            "{}: agreement needs two or more layers, found {} ({}); name them with --layers a,b",
            dir.display(),
            layers.len(),
            names_or_none(&layers)
        );
    }
    Ok(layers)
}

/// The documents named on the command line (each must exist), or `None` for every document.
pub(crate) fn chosen_docs(
    project: &Project,
    asked: &[String],
    dir: &Path,
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
        let Some(doc) = DocId::new(id).filter(|d| project.document(d).is_some()) else {
            let ids: Vec<&str> = project.documents().iter().map(|d| d.id.as_str()).collect();
            anyhow::bail!(
                "{}: no document {id:?}: expected one of {}",
                dir.display(),
                if ids.is_empty() {
                    "(none yet)".to_owned()
                } else {
                    ids.join(", ")
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
fn known_layers(project: &Project) -> Vec<LayerName> {
    let mut known: Vec<LayerName> = project.layer_names().into_iter().collect();
    for annotator in &project.annotators {
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
