//! Entities behind mentions: linking a mention of the layer being edited to a canonical entity of
//! the project's registry, creating, renaming, merging and splitting entities, each one undo step;
//! and the candidates the inspector offers for a mention.
//!
//! Only two kinds of file change: the analyst's own layer (a mention's link) and `entities.ron`. A
//! merge keeps the absorbed entity as a redirect ([`CanonicalEntity::merged_into`]) instead of
//! relinking everyone's mentions, so no other annotator's layer file is ever rewritten.

use crate::model::Label;
use std::collections::HashMap;

use super::{Command, Workbench, WorkbenchError};
use crate::model::fold::fold_query;
use crate::model::{
    Annotation, AnnotationId, CanonicalEntity, CharSpan, Edit, Entity, EntityKey, LayerKey,
    Registry,
};
use crate::suggest::lexicon::{PronounRef, pronoun};

/// How many candidates the inspector offers.
pub const MAX_CANDIDATES: usize = 5;

/// How far back (in chars) a pronoun or a role noun ("the president") looks for the mention it
/// stands for: about two paragraphs of news.
const REACH: usize = 1_200;

/// An entity the inspector offers for a mention, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityCandidate {
    pub key: EntityKey,
    pub name: String,
    pub label: String,
    /// Why it is offered, for the analyst: "called “Vučić”", "“he” after Vučić", "shares “Kurti”".
    pub why: String,
    pub score: f32,
}

/// The name, label, aliases, knowledge-base id and note of an entity, as the inspector edits them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityInfo {
    pub name: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub kb: Option<String>,
    pub note: String,
}

/// How many mentions link to each live entity, and in how many documents (merged entities'
/// mentions counted under the entity they were merged into).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityUse {
    pub mentions: usize,
    pub documents: usize,
}

impl Workbench {
    /// The project's canonical entities.
    pub fn registry(&self) -> &Registry {
        self.project.registry()
    }

    /// The entity a mention of the current layer stands for (through merges), if it is linked.
    pub fn linked_entity(&self, id: AnnotationId) -> Option<&CanonicalEntity> {
        let key = self
            .annotation(id)?
            .as_entity()?
            .details()
            .entity
            .as_ref()?;
        self.project.registry().resolve(key)
    }

    /// How each live entity is used across every layer of the project. Computes over every
    /// annotation: call it when [`Workbench::revision`] changed, not every frame.
    pub fn entity_use(&self) -> HashMap<EntityKey, EntityUse> {
        let registry = self.project.registry();
        let mut uses: HashMap<EntityKey, (usize, std::collections::HashSet<&crate::model::DocId>)> =
            HashMap::new();
        for (key, layer) in self.project.layers() {
            for entity in layer.iter().filter_map(Annotation::as_entity) {
                let Some(canonical) = entity
                    .details()
                    .entity
                    .as_ref()
                    .and_then(|k| registry.resolve(k))
                else {
                    continue;
                };
                let slot = uses.entry(canonical.key.clone()).or_default();
                slot.0 += 1;
                slot.1.insert(&key.doc);
            }
        }
        uses.into_iter()
            .map(|(key, (mentions, docs))| {
                (
                    key,
                    EntityUse {
                        mentions,
                        documents: docs.len(),
                    },
                )
            })
            .collect()
    }

    /// The entities a mention of the current layer most likely stands for, best first, at most
    /// [`MAX_CANDIDATES`]: entities called exactly what the mention says (name or alias, case and
    /// accents ignored) with its label; for a pronoun ("he") or a role noun ("the president"), the
    /// entity of the latest linked mention before it that it can stand for, as the speaker
    /// resolution reads "he said"; then entities sharing a word of the mention's name ("Vucic" and
    /// "Aleksandar Vučić"). Computes: call it when the selection or the revision changed.
    pub fn entity_candidates(&self, id: AnnotationId) -> Vec<EntityCandidate> {
        let (Some(mention), Some(doc), Some(layer)) = (
            self.annotation(id).and_then(Annotation::as_entity),
            self.current_doc(),
            self.current_layer(),
        ) else {
            return Vec::new();
        };
        let registry = self.project.registry();
        let surface = doc.text.slice(mention.span).unwrap_or_default().trim();
        let folded = fold_query(surface);
        let mut found: Vec<EntityCandidate> = Vec::new();
        let offer = |found: &mut Vec<EntityCandidate>, e: &CanonicalEntity, why: String, score| {
            if !found.iter().any(|c| c.key == e.key) {
                found.push(EntityCandidate {
                    key: e.key.clone(),
                    name: e.name.clone(),
                    label: e.label.clone(),
                    why,
                    score,
                });
            }
        };
        // 1. Called exactly this.
        for e in registry.live() {
            if e.is_called(surface) {
                let score = if e.label == mention.label { 1.0 } else { 0.8 };
                offer(&mut found, e, format!("called “{surface}”"), score);
            }
        }
        // 2. A pronoun or role noun: the latest linked mention it can stand for.
        if let Some(wants_person) = standing_for(surface) {
            let from = mention.span.start.saturating_sub(REACH);
            let mut before: Vec<&Entity> = layer
                .iter()
                .filter_map(Annotation::as_entity)
                .filter(|m| m.span.end <= mention.span.start && m.span.start >= from)
                .collect();
            before.sort_by_key(|m| std::cmp::Reverse(m.span.start));
            let noun = folded
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_owned();
            let text_near = |m: &Entity| -> String {
                let start = m.span.start.saturating_sub(40);
                fold_query(
                    doc.text
                        .slice(CharSpan::new(start, m.span.end))
                        .unwrap_or_default(),
                )
            };
            let linked: Vec<(&Entity, &CanonicalEntity)> = before
                .iter()
                .filter_map(|m| Some((*m, registry.resolve(m.details().entity.as_ref()?)?)))
                .filter(|(_, e)| !wants_person || e.label == "PERSON" || e.label == "PER")
                .collect();
            // A role noun prefers the entity whose mention carries the title ("President
            // Aleksandar Vučić" for "the president").
            let titled = (!is_pronoun(surface))
                .then(|| linked.iter().find(|(m, _)| text_near(m).contains(&noun)))
                .flatten();
            if let Some((m, e)) = titled.or(linked.first()) {
                let named = doc.text.slice(m.span).unwrap_or_default();
                offer(&mut found, e, format!("“{surface}” after “{named}”"), 0.9);
            }
        }
        // 3. Sharing a word of the name (at least 3 letters, not a common word).
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && !crate::suggest::lexicon::is_common_word(w))
            .collect();
        if !words.is_empty() {
            let mut shared: Vec<(f32, &CanonicalEntity, &str)> = Vec::new();
            for e in registry.live() {
                let names: Vec<String> = e.names().map(fold_query).collect();
                let common: Vec<&str> = words
                    .iter()
                    .copied()
                    .filter(|w| {
                        names
                            .iter()
                            .any(|n| n.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
                    })
                    .collect();
                if let Some(first) = common.first() {
                    let mut score = 0.5 * common.len() as f32 / words.len() as f32;
                    if e.label == mention.label {
                        score += 0.2;
                    }
                    shared.push((score, e, first));
                }
            }
            shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.key.cmp(&b.1.key)));
            for (score, e, word) in shared {
                offer(&mut found, e, format!("shares “{word}”"), score);
            }
        }
        found.sort_by(|a, b| b.score.total_cmp(&a.score));
        found.truncate(MAX_CANDIDATES);
        found
    }

    /// What Alt+L does for the selected mention: link it to its best candidate, or, with none, make
    /// it a new entity; `None` when no entity mention is selected or it is linked to the best
    /// candidate already.
    pub fn link_entity_command(&self) -> Option<Command> {
        let mention = self.selected_annotation()?.as_entity()?;
        let best = self.entity_candidates(mention.id).into_iter().next();
        let linked = self.linked_entity(mention.id).map(|e| e.key.clone());
        match best {
            Some(best) if linked.as_ref() == Some(&best.key) => None,
            Some(best) => Some(Command::LinkEntity {
                id: mention.id,
                entity: Some(best.key),
            }),
            None if linked.is_some() => None,
            None => Some(Command::NewEntity(mention.id)),
        }
    }

    /// Links a mention of the layer being edited to `entity` (`None` unlinks it). Linking also
    /// adds what the mention says to the entity's aliases (not a pronoun or a role noun), so the
    /// next mention written that way is offered first. One undo step.
    pub(super) fn link_entity(
        &mut self,
        id: AnnotationId,
        entity: Option<EntityKey>,
    ) -> Result<(), WorkbenchError> {
        let registry = self.project.registry();
        let target = match &entity {
            Some(key) => Some(registry.get(key).cloned().ok_or_else(|| {
                WorkbenchError::refused(format!("there is no entity {key} in the registry"))
            })?),
            None => None,
        };
        let surface = self.mention_text(id)?;
        let edit = self.replace(id, |a| match a {
            Annotation::Entity(e) => {
                e.details_mut().entity = entity.clone();
                Ok(())
            }
            _ => Err(WorkbenchError::refused(
                "only entity mentions link to an entity",
            )),
        })?;
        let mut edits = vec![edit];
        if let Some(before) = target
            && standing_for(&surface).is_none()
        {
            let mut after = before.clone();
            if after.add_alias(&surface) {
                edits.push(set_entity(before, Some(after)));
            }
        }
        if let [Edit::Replace { before, after, .. }] = edits.as_slice() {
            let mut same = after.clone();
            same.provenance_mut().modified = before.provenance().modified;
            if &same == before {
                return Ok(());
            }
        }
        self.apply_annotation_edits(edits, self.selection.clone())
    }

    /// Creates an entity named and labelled as a mention of the layer being edited says, and
    /// links the mention to it. One undo step.
    pub(super) fn new_entity(&mut self, id: AnnotationId) -> Result<(), WorkbenchError> {
        let mention = self
            .annotation(id)
            .and_then(Annotation::as_entity)
            .ok_or_else(|| WorkbenchError::refused("select an entity mention first"))?
            .clone();
        let name = self.mention_text(id)?;
        if name.is_empty() {
            return Err(WorkbenchError::refused(
                "the mention has no text to name an entity",
            ));
        }
        let key = self.project.registry().fresh_key(&name);
        let created = CanonicalEntity::new(key.clone(), name, mention.label);
        let link = self.replace(id, |a| {
            if let Annotation::Entity(e) = a {
                e.details_mut().entity = Some(key.clone());
            }
            Ok(())
        })?;
        self.apply_annotation_edits(
            vec![
                Edit::SetEntity {
                    key: key.clone(),
                    before: None,
                    after: Some(Box::new(created)),
                },
                link,
            ],
            self.selection.clone(),
        )
    }

    /// Merges `absorb` into `keep`: `keep` takes `absorb`'s name and aliases as aliases (and its
    /// knowledge-base id if it has none), and `absorb` becomes a redirect to `keep`, so every
    /// mention linked to either stands for `keep`. One undo step.
    pub(super) fn merge_entities(
        &mut self,
        keep: &EntityKey,
        absorb: &EntityKey,
    ) -> Result<(), WorkbenchError> {
        let registry = self.project.registry();
        let missing = |k: &EntityKey| {
            WorkbenchError::refused(format!("there is no entity {k} in the registry"))
        };
        let kept = registry.get(keep).ok_or_else(|| missing(keep))?.clone();
        let absorbed = registry.get(absorb).ok_or_else(|| missing(absorb))?.clone();
        if registry.resolve(absorb).map(|e| &e.key) == Some(&kept.key) || keep == absorb {
            return Err(WorkbenchError::refused(format!(
                "{} and {} are one entity already",
                kept.name, absorbed.name
            )));
        }
        if kept.merged_into.is_some() || absorbed.merged_into.is_some() {
            return Err(WorkbenchError::refused(
                "merge the entities they were merged into instead",
            ));
        }
        let mut grown = kept.clone();
        for name in absorbed.names() {
            grown.add_alias(name);
        }
        if grown.kb.is_none() {
            grown.kb = absorbed.kb.clone();
        }
        let mut redirect = absorbed.clone();
        redirect.merged_into = Some(keep.clone());
        self.apply_edits(
            vec![
                set_entity(kept, Some(grown)),
                set_entity(absorbed, Some(redirect)),
            ],
            self.selection.clone(),
        )
    }

    /// Splits a mention of the layer being edited off its entity: a new entity named as the
    /// mention says takes it, with every mention of this layer in this document written the same
    /// way and linked to the same entity; the old entity loses that name from its aliases. One
    /// undo step.
    pub(super) fn split_entity(&mut self, id: AnnotationId) -> Result<(), WorkbenchError> {
        let Some(old) = self.linked_entity(id).cloned() else {
            return Err(WorkbenchError::refused(
                "the mention is not linked to an entity: there is nothing to split",
            ));
        };
        let surface = self.mention_text(id)?;
        let label = self
            .annotation(id)
            .and_then(Annotation::as_entity)
            .map(|e| e.label)
            .unwrap_or_else(|| Label::new(&old.label));
        let key = self.project.registry().fresh_key(&surface);
        let created = CanonicalEntity::new(key.clone(), surface.clone(), label);
        let layer_key = self
            .current_layer_key()
            .ok_or_else(|| WorkbenchError::refused("open a document first"))?;
        let folded = fold_query(&surface);
        let now = self.now();
        let mut edits = vec![Edit::SetEntity {
            key: key.clone(),
            before: None,
            after: Some(Box::new(created)),
        }];
        let mut trimmed = old.clone();
        trimmed.aliases.retain(|a| fold_query(a.trim()) != folded);
        if trimmed != old {
            edits.push(set_entity(old.clone(), Some(trimmed)));
        }
        edits.extend(self.relink_same_form(&layer_key, &old.key, &folded, &key, now));
        self.apply_annotation_edits(edits, self.selection.clone())
    }

    /// Changes an entity's name, label, aliases, knowledge-base id and note. One undo step.
    pub(super) fn set_entity_info(
        &mut self,
        key: &EntityKey,
        info: EntityInfo,
    ) -> Result<(), WorkbenchError> {
        let before = self
            .project
            .registry()
            .get(key)
            .ok_or_else(|| WorkbenchError::refused(format!("there is no entity {key}")))?
            .clone();
        let name = info.name.trim().to_owned();
        if name.is_empty() {
            return Err(WorkbenchError::refused("an entity needs a name"));
        }
        if self.project.schema.entity_label(&info.label).is_none() {
            return Err(WorkbenchError::refused(format!(
                "{} is not an entity label of the schema",
                info.label
            )));
        }
        let mut after = CanonicalEntity {
            name,
            label: info.label,
            aliases: Vec::new(),
            kb: info
                .kb
                .map(|k| k.trim().to_owned())
                .filter(|k| !k.is_empty()),
            note: info.note,
            ..before.clone()
        };
        for alias in &info.aliases {
            after.add_alias(alias);
        }
        if after == before {
            return Ok(());
        }
        self.apply_edits(
            vec![set_entity(before, Some(after))],
            self.selection.clone(),
        )
    }

    /// The trimmed text of a mention of the current layer.
    fn mention_text(&self, id: AnnotationId) -> Result<String, WorkbenchError> {
        let mention = self
            .annotation(id)
            .and_then(Annotation::as_entity)
            .ok_or_else(|| WorkbenchError::refused("select an entity mention first"))?;
        let doc = self
            .current_doc()
            .ok_or_else(|| WorkbenchError::refused("open a document first"))?;
        Ok(doc
            .text
            .slice(mention.span)
            .unwrap_or_default()
            .trim()
            .to_owned())
    }

    /// Relinks the mentions of `layer` linked to `from` whose text folds to `folded` to `to`.
    fn relink_same_form(
        &self,
        layer: &LayerKey,
        from: &EntityKey,
        folded: &str,
        to: &EntityKey,
        now: crate::model::Timestamp,
    ) -> Vec<Edit> {
        let registry = self.project.registry();
        let (Some(annotations), Some(doc)) =
            (self.project.layer(layer), self.project.document(&layer.doc))
        else {
            return Vec::new();
        };
        annotations
            .iter()
            .filter_map(Annotation::as_entity)
            .filter(|e| {
                e.details()
                    .entity
                    .as_ref()
                    .and_then(|k| registry.resolve(k))
                    .is_some_and(|r| &r.key == from)
                    && fold_query(doc.text.slice(e.span).unwrap_or_default().trim()) == folded
            })
            .map(|e| {
                let mut after = e.clone();
                after.details_mut().entity = Some(to.clone());
                after.provenance.modified = now;
                Edit::Replace {
                    key: layer.clone(),
                    before: Annotation::Entity(e.clone()),
                    after: Annotation::Entity(after),
                }
            })
            .collect()
    }
}

/// Whether a mention's text stands for someone named elsewhere rather than naming them: a pronoun
/// ("he", "they"), or a role noun with an article ("the president", "the ministry"). `Some(true)`
/// when it can only stand for a person.
fn standing_for(surface: &str) -> Option<bool> {
    let lower = surface.trim().to_lowercase();
    if let Some(reference) = pronoun(&lower) {
        return Some(reference == PronounRef::Person);
    }
    let mut words = lower.split_whitespace();
    match words.next() {
        Some("the" | "a" | "an" | "this" | "that") if words.next().is_some() => Some(false),
        _ => None,
    }
}

fn is_pronoun(surface: &str) -> bool {
    pronoun(&surface.trim().to_lowercase()).is_some()
}

/// The edit that turns `before` (as the registry holds it) into `after`.
fn set_entity(before: CanonicalEntity, after: Option<CanonicalEntity>) -> Edit {
    Edit::SetEntity {
        key: before.key.clone(),
        before: Some(Box::new(before)),
        after: after.map(Box::new),
    }
}
