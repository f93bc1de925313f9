//! Aligning two layers of one document and listing where they disagree.
//!
//! Annotations with the same [`Signature`] agree. Of the rest, annotations of the same kind are
//! paired one-to-one, those with the same label and the largest overlap first (mentions and events
//! by their mention or trigger, quotes by their content); a pair becomes one disagreement naming
//! every way the two differ. What stays unpaired is missing from `b` or extra in `b`.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Annotation, CharSpan, DocId, Layer, LayerKey, LayerName, Project};

use super::signature::Signature;
use crate::model::matching::{exact_pairs, greedy, overlap};

/// How two layers disagree about one place in the text, read with `a` as the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DisagreementKind {
    /// `a` has an annotation `b` lacks (nothing of the same kind overlaps it).
    Missing,
    /// `b` has an annotation `a` lacks.
    Extra,
    /// Same annotation, different extent: mention span, quote content or cue, event trigger.
    Boundary,
    /// Same place, different label: entity label, quote kind, event type.
    Label,
    /// Same quote, different speaker.
    Speaker,
    /// Same event, different arguments (roles or fillers).
    Argument,
}

impl DisagreementKind {
    pub const ALL: [DisagreementKind; 6] = [
        DisagreementKind::Missing,
        DisagreementKind::Extra,
        DisagreementKind::Boundary,
        DisagreementKind::Label,
        DisagreementKind::Speaker,
        DisagreementKind::Argument,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DisagreementKind::Missing => "missing",
            DisagreementKind::Extra => "extra",
            DisagreementKind::Boundary => "boundary",
            DisagreementKind::Label => "label",
            DisagreementKind::Speaker => "speaker",
            DisagreementKind::Argument => "argument",
        }
    }
}

impl fmt::Display for DisagreementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One annotator's version of an annotation, with what it links to.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub annotation: Annotation,
    /// The annotations it links to, directly or through each other (speaker mention, argument
    /// fillers), as they are in its layer. Adjudication copies them along when they are not in gold.
    pub linked: Vec<Annotation>,
}

impl Version {
    /// Reads an annotation and everything it links to from its layer.
    pub fn from_layer(annotation: &Annotation, layer: &Layer) -> Self {
        let mut linked: Vec<Annotation> = Vec::new();
        let mut queue = annotation.links();
        let mut seen: HashSet<_> = HashSet::from([annotation.id()]);
        while let Some(id) = queue.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(target) = layer.get(id) {
                queue.extend(target.links());
                linked.push(target.clone());
            }
        }
        Self {
            annotation: annotation.clone(),
            linked,
        }
    }

    /// What another layer must hold for the annotation to count as the same.
    pub fn signature(&self) -> Signature {
        let lookup = |id| self.linked.iter().find(|a| a.id() == id);
        Signature::with(&self.annotation, &lookup)
    }
}

/// A place where two layers of one document disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub doc: DocId,
    /// The main kind: missing, extra, or for two paired annotations the first of label, boundary,
    /// speaker, argument that applies.
    pub kind: DisagreementKind,
    /// The other ways the paired annotations differ, in the same order.
    pub also: Vec<DisagreementKind>,
    /// Where to jump: the smallest span covering every span of both versions (char offsets).
    pub span: CharSpan,
    pub layer_a: LayerName,
    pub layer_b: LayerName,
    /// `None` for an extra annotation.
    pub a: Option<Version>,
    /// `None` for a missing annotation.
    pub b: Option<Version>,
}

impl Disagreement {
    /// Every kind that applies, the main one first.
    pub fn kinds(&self) -> impl Iterator<Item = DisagreementKind> + '_ {
        std::iter::once(self.kind).chain(self.also.iter().copied())
    }
}

/// Where layers `a` and `b` of `doc` disagree, sorted by position (start, end) then kind. A layer
/// that does not exist counts as empty; an unknown document gives nothing.
pub fn disagreements(
    project: &Project,
    doc: &DocId,
    a: &LayerName,
    b: &LayerName,
) -> Vec<Disagreement> {
    if project.document(doc).is_none() {
        return Vec::new();
    }
    let layer_a = project.layer(&LayerKey::new(doc.clone(), a.clone()));
    let layer_b = project.layer(&LayerKey::new(doc.clone(), b.clone()));
    let annotations_a: Vec<&Annotation> = layer_a.iter().flat_map(|l| l.iter()).collect();
    let annotations_b: Vec<&Annotation> = layer_b.iter().flat_map(|l| l.iter()).collect();
    let signatures_a: Vec<Signature> = annotations_a
        .iter()
        .map(|x| Signature::of(x, layer_a))
        .collect();
    let signatures_b: Vec<Signature> = annotations_b
        .iter()
        .map(|x| Signature::of(x, layer_b))
        .collect();

    let mut taken_a = vec![false; annotations_a.len()];
    let mut taken_b = vec![false; annotations_b.len()];
    for (i, j) in exact_pairs(&signatures_a, &signatures_b) {
        taken_a[i] = true;
        taken_b[j] = true;
    }
    let mut candidates = Vec::new();
    for (i, x) in annotations_a
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken_a[*i])
    {
        for (j, y) in annotations_b
            .iter()
            .enumerate()
            .filter(|(j, _)| !taken_b[*j])
        {
            let shared = shared_chars(x, y);
            if shared > 0 {
                candidates.push(((x.label() == y.label(), shared), i, j));
            }
        }
    }
    let paired = greedy(candidates, &mut taken_a, &mut taken_b);

    let version = |annotation: &Annotation, layer: Option<&Layer>| {
        layer.map_or_else(
            || Version {
                annotation: annotation.clone(),
                linked: Vec::new(),
            },
            |layer| Version::from_layer(annotation, layer),
        )
    };
    let make = |kinds: Vec<DisagreementKind>, x: Option<&Annotation>, y: Option<&Annotation>| {
        let kind = kinds[0];
        Disagreement {
            doc: doc.clone(),
            kind,
            also: kinds[1..].to_vec(),
            span: covering(x.into_iter().chain(y)),
            layer_a: a.clone(),
            layer_b: b.clone(),
            a: x.map(|x| version(x, layer_a)),
            b: y.map(|y| version(y, layer_b)),
        }
    };
    let mut out = Vec::new();
    for (i, j) in paired {
        let kinds = differences(&signatures_a[i], &signatures_b[j]);
        if !kinds.is_empty() {
            out.push(make(kinds, Some(annotations_a[i]), Some(annotations_b[j])));
        }
    }
    for (x, _) in annotations_a
        .iter()
        .zip(&taken_a)
        .filter(|(_, taken)| !**taken)
    {
        out.push(make(vec![DisagreementKind::Missing], Some(x), None));
    }
    for (y, _) in annotations_b
        .iter()
        .zip(&taken_b)
        .filter(|(_, taken)| !**taken)
    {
        out.push(make(vec![DisagreementKind::Extra], None, Some(y)));
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.kind));
    out
}

/// The disagreements among `layers` of `doc` (every pair, in order) that gold has not settled yet:
/// a disagreement is settled once the gold layer holds either version. Gold itself is skipped if
/// listed. Deciding to keep neither version leaves nothing in gold, so callers that offer it keep
/// their own record of such decisions.
pub fn pending_disagreements(
    project: &Project,
    doc: &DocId,
    layers: &[LayerName],
) -> Vec<Disagreement> {
    let gold = gold_signatures(project, doc);
    pending_given(project, doc, layers, &gold)
}

/// [`pending_disagreements`] against a given set of gold signatures.
pub(crate) fn pending_given(
    project: &Project,
    doc: &DocId,
    layers: &[LayerName],
    gold: &HashSet<Signature>,
) -> Vec<Disagreement> {
    let layers = distinct_annotators(layers);
    let mut out = Vec::new();
    for (i, a) in layers.iter().enumerate() {
        for b in &layers[i + 1..] {
            out.extend(
                disagreements(project, doc, a, b)
                    .into_iter()
                    .filter(|d| !is_settled(d, gold)),
            );
        }
    }
    out
}

/// The layers without gold and without repeats, in the order given.
pub(crate) fn distinct_annotators(layers: &[LayerName]) -> Vec<&LayerName> {
    let mut distinct: Vec<&LayerName> = Vec::new();
    for layer in layers {
        if !layer.is_gold() && !distinct.contains(&layer) {
            distinct.push(layer);
        }
    }
    distinct
}

/// Whether gold holds either version of the disagreement.
pub(crate) fn is_settled(disagreement: &Disagreement, gold: &HashSet<Signature>) -> bool {
    [&disagreement.a, &disagreement.b]
        .into_iter()
        .flatten()
        .any(|version| gold.contains(&version.signature()))
}

/// The signatures of everything in the gold layer of `doc`.
pub(crate) fn gold_signatures(project: &Project, doc: &DocId) -> HashSet<Signature> {
    let gold = project.layer(&LayerKey::new(doc.clone(), LayerName::gold()));
    gold.iter()
        .flat_map(|layer| layer.iter())
        .map(|annotation| Signature::of(annotation, gold))
        .collect()
}

/// How many chars two annotations of the same kind share (quotes: over all content spans).
fn shared_chars(x: &Annotation, y: &Annotation) -> usize {
    match (x, y) {
        (Annotation::Quote(qx), Annotation::Quote(qy)) => qx
            .content
            .iter()
            .flat_map(|sx| qy.content.iter().map(move |sy| overlap(*sx, *sy)))
            .sum(),
        // Over every part of a discontinuous mention.
        (Annotation::Entity(ex), Annotation::Entity(ey)) => ex
            .all_spans()
            .flat_map(|sx| ey.all_spans().map(move |sy| overlap(sx, sy)))
            .sum(),
        _ if x.kind() == y.kind() => overlap(x.primary_span(), y.primary_span()),
        _ => 0,
    }
}

/// Every way two paired annotations differ, in the order label, boundary, speaker, argument.
fn differences(sx: &Signature, sy: &Signature) -> Vec<DisagreementKind> {
    let mut kinds = Vec::new();
    match (sx, sy) {
        (
            Signature::Entity {
                span: s1,
                parts: p1,
                label: l1,
            },
            Signature::Entity {
                span: s2,
                parts: p2,
                label: l2,
            },
        ) => {
            if l1 != l2 {
                kinds.push(DisagreementKind::Label);
            }
            if s1 != s2 || p1 != p2 {
                kinds.push(DisagreementKind::Boundary);
            }
        }
        (
            Signature::Quote {
                content: c1,
                cue: q1,
                kind: k1,
                speaker: p1,
            },
            Signature::Quote {
                content: c2,
                cue: q2,
                kind: k2,
                speaker: p2,
            },
        ) => {
            if k1 != k2 {
                kinds.push(DisagreementKind::Label);
            }
            if c1 != c2 || q1 != q2 {
                kinds.push(DisagreementKind::Boundary);
            }
            if p1 != p2 {
                kinds.push(DisagreementKind::Speaker);
            }
        }
        (
            Signature::Event {
                trigger: t1,
                event_type: e1,
                arguments: a1,
            },
            Signature::Event {
                trigger: t2,
                event_type: e2,
                arguments: a2,
            },
        ) => {
            if e1 != e2 {
                kinds.push(DisagreementKind::Label);
            }
            if t1 != t2 {
                kinds.push(DisagreementKind::Boundary);
            }
            if a1 != a2 {
                kinds.push(DisagreementKind::Argument);
            }
        }
        // Pairs are always of one kind; anything else is two different annotations.
        _ => kinds.push(DisagreementKind::Label),
    }
    kinds
}

/// The smallest span covering every span of the annotations.
fn covering<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> CharSpan {
    annotations
        .flat_map(Annotation::spans)
        .reduce(|x, y| x.union(y))
        .unwrap_or_default()
}
