//! Adjudication: building the gold layer from the annotators' layers, as edits.
//!
//! Nothing here changes the project: every function returns the [`Edit`]s to apply, as one group
//! (one undo step through [`crate::model::History`]). Annotations copied into gold get fresh gold
//! ids; their links (a quote's speaker mention, an event's argument fillers) are remapped to the gold
//! annotation at the same place with the same label ([`Anchor`]), copying the linked annotation along
//! when gold lacks it. Copies keep their label, attributes, note and source; their provenance names
//! the curator and the time of adjudication.

use crate::model::Label;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::model::{
    Annotation, AnnotationId, DocId, Edit, Layer, LayerKey, LayerName, Project, Speaker, Timestamp,
};

use super::align::{Disagreement, Version, distinct_annotators, pending_given};
use super::signature::{Anchor, Signature};

/// What the curator decides about one disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Gold takes `a`'s version (and drops `b`'s, if gold had taken it before).
    TakeA,
    /// Gold takes `b`'s version (and drops `a`'s).
    TakeB,
    /// Gold takes both versions.
    TakeBoth,
    /// Decide later: no edits.
    Skip,
}

/// Merges into gold every annotation on which at least `min_agree` of `layers` agree (the same
/// [`Signature`] in that many layers; 0 counts as 1), unless gold already holds it. An annotation
/// whose links point to something not merged (and not in gold) is not merged either.
///
/// Returns the edits (adds to the gold layer of `doc`, one undo group; empty when there is nothing
/// to merge) and the disagreements among `layers` that remain once those edits are applied.
pub fn auto_merge(
    project: &Project,
    doc: &DocId,
    layers: &[LayerName],
    min_agree: usize,
    annotator_for_provenance: &str,
    now: Timestamp,
) -> (Vec<Edit>, Vec<Disagreement>) {
    if project.document(doc).is_none() {
        return (Vec::new(), Vec::new());
    }
    let layers = distinct_annotators(layers);
    let sources: Vec<Option<&Layer>> = layers
        .iter()
        .map(|name| project.layer(&LayerKey::new(doc.clone(), (*name).clone())))
        .collect();
    // Each signature: the layers holding it, and its first occurrence (layer index, id).
    let mut clusters: BTreeMap<Signature, (BTreeSet<usize>, usize, AnnotationId)> = BTreeMap::new();
    for (index, layer) in sources.iter().enumerate() {
        for annotation in layer.iter().flat_map(|l| l.iter()) {
            let entry = clusters
                .entry(Signature::of(annotation, *layer))
                .or_insert_with(|| (BTreeSet::new(), index, annotation.id()));
            entry.0.insert(index);
        }
    }
    let mut builder = GoldBuilder::new(project, doc, annotator_for_provenance, now);
    // Signatures sort entities first, then events, then quotes: what others link to comes first.
    let mut agreed: Vec<(usize, AnnotationId)> = clusters
        .into_iter()
        .filter(|(signature, (holders, _, _))| {
            holders.len() >= min_agree.max(1) && !builder.holds(signature)
        })
        .map(|(_, (_, index, id))| (index, id))
        .collect();
    // Events linking to events wait for their fillers: repeat until a pass merges nothing.
    loop {
        let before = agreed.len();
        agreed.retain(|&(index, id)| {
            let Some(layer) = sources[index] else {
                return false;
            };
            let Some(annotation) = layer.get(id) else {
                return false;
            };
            let lookup = |id| layer.get(id);
            builder
                .add(annotation, &lookup, false, &mut Vec::new())
                .is_none()
        });
        if agreed.len() == before {
            break;
        }
    }
    let names: Vec<LayerName> = layers.into_iter().cloned().collect();
    let gold: HashSet<Signature> = builder.signatures.keys().cloned().collect();
    let remaining = pending_given(project, doc, &names, &gold);
    (builder.edits, remaining)
}

/// The edits that settle `disagreement` in the gold layer of `doc` as the curator chose (empty for
/// [`Choice::Skip`], or when gold already is as chosen). A version gold held before and the choice
/// drops is removed, unless another gold annotation links to it.
pub fn resolve(
    project: &Project,
    doc: &DocId,
    disagreement: &Disagreement,
    choice: Choice,
    annotator_for_provenance: &str,
    now: Timestamp,
) -> Vec<Edit> {
    if project.document(doc).is_none() {
        return Vec::new();
    }
    let (a, b) = (disagreement.a.as_ref(), disagreement.b.as_ref());
    let (keep, drop): (Vec<&Version>, Vec<&Version>) = match choice {
        Choice::TakeA => (a.into_iter().collect(), b.into_iter().collect()),
        Choice::TakeB => (b.into_iter().collect(), a.into_iter().collect()),
        Choice::TakeBoth => (a.into_iter().chain(b).collect(), Vec::new()),
        Choice::Skip => return Vec::new(),
    };
    let mut builder = GoldBuilder::new(project, doc, annotator_for_provenance, now);
    for version in drop {
        builder.remove(&version.signature());
    }
    for version in keep {
        let lookup = |id| version.linked.iter().find(|a| a.id() == id);
        builder.add(&version.annotation, &lookup, true, &mut Vec::new());
    }
    builder.edits
}

/// The gold layer of one document as edits build it up.
struct GoldBuilder<'p> {
    key: LayerKey,
    gold: Option<&'p Layer>,
    /// What gold holds (before and after the edits so far), by signature and by anchor.
    signatures: HashMap<Signature, AnnotationId>,
    anchors: HashMap<Anchor, AnnotationId>,
    next_id: u32,
    edits: Vec<Edit>,
    curator: String,
    now: Timestamp,
}

type Lookup<'a, 'b> = &'b dyn Fn(AnnotationId) -> Option<&'a Annotation>;

impl<'p> GoldBuilder<'p> {
    fn new(project: &'p Project, doc: &DocId, curator: &str, now: Timestamp) -> Self {
        let key = LayerKey::new(doc.clone(), LayerName::gold());
        let gold = project.layer(&key);
        let mut signatures = HashMap::new();
        let mut anchors = HashMap::new();
        for annotation in gold.iter().flat_map(|l| l.iter()) {
            signatures
                .entry(Signature::of(annotation, gold))
                .or_insert(annotation.id());
            anchors
                .entry(Anchor::of(annotation))
                .or_insert(annotation.id());
        }
        Self {
            key,
            gold,
            signatures,
            anchors,
            next_id: gold.map_or(1, |layer| layer.next_id().0),
            edits: Vec::new(),
            curator: curator.to_owned(),
            now,
        }
    }

    fn holds(&self, signature: &Signature) -> bool {
        self.signatures.contains_key(signature)
    }

    /// Puts a copy of `annotation` (whose links `lookup` resolves) into gold, unless gold holds it;
    /// returns its gold id. A link to something gold lacks is copied along when `copy_links`, else
    /// nothing is added and the result is `None`. Links to annotations `lookup` cannot find, and
    /// links that would loop back (`visiting`), are dropped.
    fn add<'a>(
        &mut self,
        annotation: &Annotation,
        lookup: Lookup<'a, '_>,
        copy_links: bool,
        visiting: &mut Vec<AnnotationId>,
    ) -> Option<AnnotationId> {
        let signature = Signature::with(annotation, lookup);
        if let Some(id) = self.signatures.get(&signature) {
            return Some(*id);
        }
        visiting.push(annotation.id());
        let mut copy = annotation.clone();
        let complete = match &mut copy {
            Annotation::Entity(_) => true,
            Annotation::Quote(quote) => match quote.speaker {
                Some(Speaker::Mention(id)) => match self.link(id, lookup, copy_links, visiting) {
                    Link::To(gold_id) => {
                        quote.speaker = Some(Speaker::Mention(gold_id));
                        true
                    }
                    Link::Dropped => {
                        quote.speaker = None;
                        true
                    }
                    Link::Blocked => false,
                },
                _ => true,
            },
            Annotation::Event(event) => {
                let mut complete = true;
                let mut arguments = Vec::with_capacity(event.arguments.len());
                for argument in &event.arguments {
                    match self.link(argument.filler, lookup, copy_links, visiting) {
                        Link::To(gold_id) => {
                            let mut argument = argument.clone();
                            argument.filler = gold_id;
                            arguments.push(argument);
                        }
                        Link::Dropped => {}
                        Link::Blocked => complete = false,
                    }
                }
                event.arguments = arguments;
                complete
            }
        };
        visiting.pop();
        if !complete {
            return None;
        }
        let id = AnnotationId(self.next_id);
        self.next_id = self.next_id.saturating_add(1);
        copy.set_id(id);
        let provenance = copy.provenance_mut();
        provenance.annotator = Label::new(&self.curator);
        provenance.created = self.now;
        provenance.modified = self.now;
        self.signatures.insert(signature, id);
        self.anchors.entry(Anchor::of(&copy)).or_insert(id);
        self.edits.push(Edit::Add {
            key: self.key.clone(),
            annotation: copy,
        });
        Some(id)
    }

    /// The gold id a link to `id` (in the source layer) becomes.
    fn link<'a>(
        &mut self,
        id: AnnotationId,
        lookup: Lookup<'a, '_>,
        copy_links: bool,
        visiting: &mut Vec<AnnotationId>,
    ) -> Link {
        let Some(target) = lookup(id) else {
            return Link::Dropped;
        };
        if let Some(gold_id) = self.anchors.get(&Anchor::of(target)) {
            return Link::To(*gold_id);
        }
        if !copy_links {
            return Link::Blocked;
        }
        if visiting.contains(&id) {
            return Link::Dropped;
        }
        match self.add(target, lookup, true, visiting) {
            Some(gold_id) => Link::To(gold_id),
            None => Link::Dropped,
        }
    }

    /// Removes the gold annotation with this signature, if gold held it before these edits and no
    /// other gold annotation links to it.
    fn remove(&mut self, signature: &Signature) {
        let Some(gold) = self.gold else { return };
        let Some(&id) = self.signatures.get(signature) else {
            return;
        };
        let Some(annotation) = gold.get(id) else {
            return;
        };
        if gold
            .iter()
            .any(|other| other.id() != id && other.links().contains(&id))
        {
            return;
        }
        self.signatures.remove(signature);
        let anchor = Anchor::of(annotation);
        if self.anchors.get(&anchor) == Some(&id) {
            self.anchors.remove(&anchor);
        }
        self.edits.push(Edit::Remove {
            key: self.key.clone(),
            annotation: annotation.clone(),
        });
    }
}

/// What a link becomes in gold.
enum Link {
    To(AnnotationId),
    /// The target is unknown (or would loop): the link is left out.
    Dropped,
    /// The target is not in gold and may not be copied.
    Blocked,
}
