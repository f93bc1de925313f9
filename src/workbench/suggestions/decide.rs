//! Deciding on suggestions: focusing them, accepting (through the history), rejecting (remembered
//! here, undone in turn with the history's steps), and the recommenders' settings.

use super::super::{Command, Pending, Workbench, WorkbenchError};
use crate::model::Label;
use crate::model::{Annotation, Edit, EventArgument, LayerKey, Selection, Speaker};
use crate::suggest::{
    Recommenders, Suggestion, SuggestionKey, SuggestionKind, suggestions_to_edits, tagger,
};

/// A decision the history does not hold, and the history's undo depth when it was made: Ctrl+Z
/// takes it back when no later history step is left to undo first.
#[derive(Clone, Debug)]
pub(super) enum Decision {
    Rejected {
        depth: usize,
        layer: LayerKey,
        key: SuggestionKey,
        recommender: String,
    },
    /// The history step at `depth` accepted these recommenders' suggestions (kept for the tallies).
    Accepted {
        depth: usize,
        recommenders: Vec<String>,
    },
}

impl Workbench {
    /// Carries out one of the suggestion commands (other commands are refused).
    pub(in crate::workbench) fn execute_suggestion(
        &mut self,
        command: Command,
    ) -> Result<(), WorkbenchError> {
        match command {
            Command::NextSuggestion => self.step_suggestion(true),
            Command::PreviousSuggestion => self.step_suggestion(false),
            Command::FocusSuggestion(key) => {
                let suggestion = self.find_suggestion(Some(&key))?;
                // Picking a speaker or an argument: a click on a suggested mention accepts it and
                // links it, in one step, instead of cancelling the pick.
                if matches!(
                    self.pending,
                    Some(Pending::Speaker { .. } | Pending::Argument { .. })
                ) && matches!(suggestion.kind, SuggestionKind::Entity { .. })
                {
                    return self.accept_and_link(suggestion);
                }
                self.focus(&suggestion);
                Ok(())
            }
            Command::AcceptSuggestion(key) => self.accept_suggestion(key.as_ref()),
            Command::RejectSuggestion(key) => self.reject_suggestion(key.as_ref()),
            Command::AcceptAllSuggestions { label, min_score } => {
                self.accept_all_suggestions(&label, min_score)
            }
            Command::SetRecommenderEnabled { name, enabled } => {
                if name == tagger::NAME {
                    self.suggestions.tagger.set_by_hand = true;
                }
                self.set_recommender(&name, |r| r.set_enabled(&name, enabled))
            }
            Command::SetRecommenderThreshold { name, threshold } => {
                self.set_recommender(&name, |r| r.set_threshold(&name, threshold))
            }
            Command::SetTaggerMinF1(min_f1) => {
                let state = &mut self.suggestions;
                state.tagger.min_f1 = min_f1.clamp(0.0, 1.0);
                state.tagger.set_by_hand = false;
                if let Some((_, report)) = &state.tagger.report {
                    state
                        .recommenders
                        .hide_tagger_below(report, state.tagger.min_f1);
                }
                state.changed();
                Ok(())
            }
            Command::TrustRecommender { url } => self.trust_recommender(&url),
            Command::DeclineRecommender => self.decline_recommender(),
            other => Err(WorkbenchError::refused(format!(
                "{other:?} is not a suggestion command"
            ))),
        }
    }

    fn set_recommender(
        &mut self,
        name: &str,
        change: impl FnOnce(&mut Recommenders) -> bool,
    ) -> Result<(), WorkbenchError> {
        if !change(&mut self.suggestions.recommenders) {
            return Err(WorkbenchError::refused(format!(
                "there is no recommender {name:?}"
            )));
        }
        self.suggestions.changed();
        Ok(())
    }

    /// The suggestion with `key`, or the focused one.
    fn find_suggestion(&self, key: Option<&SuggestionKey>) -> Result<Suggestion, WorkbenchError> {
        match key {
            Some(key) => self
                .suggestions()
                .iter()
                .find(|s| &s.key() == key)
                .cloned()
                .ok_or_else(|| WorkbenchError::refused("that suggestion is no longer there")),
            None => self.focused_suggestion().map(|(_, s)| s).ok_or_else(|| {
                WorkbenchError::refused("no suggestion is focused: ] goes to the next one")
            }),
        }
    }

    /// Selects the suggestion's span and makes it the focused one.
    fn focus(&mut self, suggestion: &Suggestion) {
        self.pending = None;
        self.selection = Selection {
            doc: self.current_id().cloned(),
            span: Some(suggestion.primary_span()),
            annotation: None,
        };
        self.suggestions.hint = Some(suggestion.key());
    }

    fn step_suggestion(&mut self, forward: bool) -> Result<(), WorkbenchError> {
        self.layer_key()?;
        let list = self.suggestions();
        let count = list.len();
        if count == 0 {
            return Err(WorkbenchError::refused(if self.review().is_some() {
                "suggestions are hidden while comparing layers".to_owned()
            } else {
                "no suggestions in this document".to_owned()
            }));
        }
        let index = match (self.focused_suggestion(), self.selection.span) {
            (Some((i, _)), _) if forward => (i + 1) % count,
            (Some((i, _)), _) => (i + count - 1) % count,
            (None, Some(span)) if forward => list
                .iter()
                .position(|s| s.primary_span().start >= span.start)
                .unwrap_or(0),
            (None, Some(span)) => list
                .iter()
                .rposition(|s| s.primary_span().start < span.start)
                .unwrap_or(count - 1),
            (None, None) if forward => 0,
            (None, None) => count - 1,
        };
        let target = list[index].clone();
        self.focus(&target);
        Ok(())
    }

    /// The suggestion to focus once `decided` is gone: the next one after it that it does not
    /// touch, wrapping around.
    fn after(&self, decided: &Suggestion) -> Option<Suggestion> {
        let list = self.suggestions();
        let at = list.iter().position(|s| s == decided)?;
        let spans = decided.spans();
        list[at + 1..]
            .iter()
            .chain(&list[..at])
            .find(|s| !spans.iter().any(|span| span.overlaps(s.primary_span())))
            .cloned()
    }

    fn accept_suggestion(&mut self, key: Option<&SuggestionKey>) -> Result<(), WorkbenchError> {
        let suggestion = self.find_suggestion(key)?;
        let next = self.after(&suggestion);
        let edits = self.edits_accepting(std::slice::from_ref(&suggestion))?;
        // Move on to the next suggestion; after the last one, select what was just made.
        let doc = self.current_id().cloned();
        let selection_after = match &next {
            Some(next) => Selection {
                doc,
                span: Some(next.primary_span()),
                annotation: None,
            },
            None => Selection {
                doc,
                span: Some(suggestion.primary_span()),
                annotation: edits.iter().rev().find_map(|edit| match edit {
                    Edit::Add { annotation, .. } => Some(annotation.id()),
                    _ => None,
                }),
            },
        };
        self.apply_annotation_edits(edits, selection_after)?;
        self.suggestions.hint = next.map(|s| s.key());
        self.record_accepted(vec![suggestion.recommender]);
        Ok(())
    }

    /// Accepts a suggested mention and makes it the pending pick's speaker or argument, as one
    /// undo step.
    fn accept_and_link(&mut self, suggestion: Suggestion) -> Result<(), WorkbenchError> {
        let Some(pending) = self.pending.clone() else {
            return Ok(());
        };
        let mut edits = self.edits_accepting(std::slice::from_ref(&suggestion))?;
        let Some(mention) = edits.iter().find_map(|edit| match edit {
            Edit::Add {
                annotation: Annotation::Entity(e),
                ..
            } => Some(e.id),
            _ => None,
        }) else {
            return Err(WorkbenchError::refused(
                "the suggestion made no mention to link",
            ));
        };
        let key = self.layer_key()?;
        let target = pending.target();
        let before = self
            .annotation(target)
            .ok_or_else(|| WorkbenchError::refused(format!("annotation {target} is gone")))?
            .clone();
        let mut after = before.clone();
        match (&pending, &mut after) {
            (Pending::Speaker { .. }, Annotation::Quote(q)) => {
                q.speaker = Some(Speaker::Mention(mention));
            }
            (Pending::Argument { role, .. }, Annotation::Event(e)) => {
                let label = suggestion.label().to_owned();
                let def = self
                    .project
                    .schema
                    .event_type(&e.event_type)
                    .and_then(|ty| ty.role(role))
                    .ok_or_else(|| {
                        WorkbenchError::refused(format!("{} has no role {role}", e.event_type))
                    })?;
                if !def.labels.is_empty() && !def.labels.contains(&label) {
                    return Err(WorkbenchError::refused(format!(
                        "role {role} takes {}, not {label}",
                        def.labels.join(", ")
                    )));
                }
                let filled = e.arguments.iter().filter(|a| a.role == *role).count();
                if let Some(max) = def.max
                    && filled >= max as usize
                {
                    return Err(WorkbenchError::refused(format!(
                        "role {role} takes at most {max}: remove one first"
                    )));
                }
                e.arguments.push(EventArgument {
                    role: Label::new(role),
                    filler: mention,
                });
            }
            _ => return Err(WorkbenchError::refused("nothing is waiting for a mention")),
        }
        after.provenance_mut().modified = self.now();
        edits.push(Edit::Replace { key, before, after });
        self.pending = None;
        let selection = Selection {
            doc: self.current_id().cloned(),
            span: self.annotation(target).map(Annotation::primary_span),
            annotation: Some(target),
        };
        self.apply_annotation_edits(edits, selection)?;
        self.record_accepted(vec![suggestion.recommender]);
        Ok(())
    }

    fn accept_all_suggestions(
        &mut self,
        label: &str,
        min_score: f32,
    ) -> Result<(), WorkbenchError> {
        let chosen: Vec<Suggestion> = self
            .suggestions()
            .iter()
            .filter(|s| s.label() == label && s.score >= min_score)
            .cloned()
            .collect();
        if chosen.is_empty() {
            return Err(WorkbenchError::refused(format!(
                "no {label} suggestion scores {min_score:.2} or more"
            )));
        }
        let edits = self.edits_accepting(&chosen)?;
        let selection = self.selection.clone();
        self.apply_annotation_edits(edits, selection)?;
        self.record_accepted(chosen.into_iter().map(|s| s.recommender).collect());
        Ok(())
    }

    /// What accepting every suggestion of `label` scoring at least `min_score` would add, as
    /// (label, how many) sorted by label: entity labels, `QUOTE`, event types (a quote's speaker
    /// and an event's arguments are mentions of their own). Empty when nothing would be added.
    pub fn accept_all_preview(&self, label: &str, min_score: f32) -> Vec<(String, usize)> {
        let chosen: Vec<Suggestion> = self
            .suggestions()
            .iter()
            .filter(|s| s.label() == label && s.score >= min_score)
            .cloned()
            .collect();
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        if chosen.is_empty() {
            return Vec::new();
        }
        for edit in self.edits_accepting(&chosen).unwrap_or_default() {
            if let Edit::Add { annotation, .. } = edit {
                *counts.entry(annotation.label().to_owned()).or_default() += 1;
            }
        }
        counts.into_iter().collect()
    }

    fn edits_accepting(&self, chosen: &[Suggestion]) -> Result<Vec<Edit>, WorkbenchError> {
        let key = self.layer_key()?;
        let edits = suggestions_to_edits(
            &self.project,
            &key,
            chosen,
            self.annotator.as_str(),
            self.now(),
        )
        .map_err(|e| WorkbenchError::refused(format!("cannot accept the suggestion: {e}")))?;
        if edits.is_empty() {
            // Recorded decisions must match history steps: an empty group makes none.
            return Err(WorkbenchError::refused(
                "the layer already has that annotation",
            ));
        }
        Ok(edits)
    }

    fn record_accepted(&mut self, recommenders: Vec<String>) {
        for name in &recommenders {
            self.suggestions.count(name, 1, 0);
        }
        self.suggestions.undo.push(Decision::Accepted {
            depth: self.history.undo_steps().len(),
            recommenders,
        });
    }

    fn reject_suggestion(&mut self, key: Option<&SuggestionKey>) -> Result<(), WorkbenchError> {
        let layer = self.layer_key()?;
        let suggestion = self.find_suggestion(key)?;
        let next = self.after(&suggestion);
        let decision = Decision::Rejected {
            depth: self.history.undo_steps().len(),
            layer,
            key: suggestion.key(),
            recommender: suggestion.recommender.clone(),
        };
        self.redo_rejection(&decision);
        self.suggestions.undo.push(decision);
        self.suggestions.redo.clear();
        match next {
            Some(next) => self.focus(&next),
            None => self.clear_selection(),
        }
        Ok(())
    }

    /// Records a rejection (again): not suggested any more.
    fn redo_rejection(&mut self, decision: &Decision) {
        if let Decision::Rejected {
            layer,
            key,
            recommender,
            ..
        } = decision
        {
            self.set_rejected(layer, key, true);
            let state = &mut self.suggestions;
            state.count(recommender, 0, 1);
            state.changed();
        }
    }

    // --- Undo and redo ---------------------------------------------------------------------------

    /// Ctrl+Z: takes back the last rejection if no later history step is left to undo, else undoes
    /// like [`Workbench::undo_step`] (and an accepted suggestion no longer counts as accepted).
    pub(in crate::workbench) fn undo_with_suggestions(&mut self) -> Result<(), WorkbenchError> {
        let depth = self.history.undo_steps().len();
        match self.suggestions.undo.last() {
            Some(Decision::Rejected { depth: d, .. }) if *d == depth => {
                if let Some(decision) = self.suggestions.undo.pop() {
                    self.take_back_rejection(&decision);
                    self.suggestions.redo.push(decision);
                }
                Ok(())
            }
            Some(Decision::Accepted { depth: d, .. }) if *d == depth => {
                self.undo_step()?;
                // A review decision at the same depth may have been what was undone.
                if self.history.undo_steps().len() < depth
                    && let Some(decision) = self.suggestions.undo.pop()
                {
                    if let Decision::Accepted { recommenders, .. } = &decision {
                        for name in recommenders {
                            self.suggestions.count(name, -1, 0);
                        }
                    }
                    self.suggestions.redo.push(decision);
                }
                Ok(())
            }
            _ => self.undo_step(),
        }
    }

    /// Ctrl+Shift+Z: redoes what [`Workbench::undo_with_suggestions`] took back last.
    pub(in crate::workbench) fn redo_with_suggestions(&mut self) -> Result<(), WorkbenchError> {
        let depth = self.history.undo_steps().len();
        if let Some(Decision::Rejected { depth: d, .. }) = self.suggestions.redo.last()
            && *d == depth
            && let Some(decision) = self.suggestions.redo.pop()
        {
            self.redo_rejection(&decision);
            self.focus_after_redo(&decision);
            self.suggestions.undo.push(decision);
            return Ok(());
        }
        self.redo_step()?;
        let now = self.history.undo_steps().len();
        if now > depth
            && let Some(Decision::Accepted { depth: d, .. }) = self.suggestions.redo.last()
            && *d == now
            && let Some(decision) = self.suggestions.redo.pop()
        {
            if let Decision::Accepted { recommenders, .. } = &decision {
                for name in recommenders {
                    self.suggestions.count(name, 1, 0);
                }
            }
            self.suggestions.undo.push(decision);
        }
        Ok(())
    }

    fn take_back_rejection(&mut self, decision: &Decision) {
        let Decision::Rejected {
            layer,
            key,
            recommender,
            ..
        } = decision
        else {
            return;
        };
        self.set_rejected(layer, key, false);
        let state = &mut self.suggestions;
        state.count(recommender, 0, -1);
        state.changed();
        // Show where it was, as undoing a history step does.
        if self.current_id() != Some(&layer.doc) && self.project.document(&layer.doc).is_some() {
            let _ = self.save_now();
            self.show_document(layer.doc.clone());
        }
        if self.current_layer_key().as_ref() == Some(layer) {
            self.selection = Selection {
                doc: Some(layer.doc.clone()),
                span: Some(key.span),
                annotation: None,
            };
            self.suggestions.hint = Some(key.clone());
        }
    }

    /// Records or forgets a rejection in the layer, which saves it with its annotations. Not a
    /// history step: rejections are undone in turn with the history's steps (see
    /// [`Decision`]), so the edit goes to the project directly.
    fn set_rejected(&mut self, layer: &LayerKey, key: &SuggestionKey, rejected: bool) {
        let rejection = key.rejection();
        let now = self
            .project
            .layer(layer)
            .is_some_and(|l| l.is_rejected(&rejection));
        if now != rejected {
            // Cannot fail: the state was just checked and the document is the layer's.
            let _ = self.project.apply(&Edit::SetRejected {
                key: layer.clone(),
                rejection,
                rejected,
            });
            // Worth saving: restart the autosave delay as any change does.
            self.saver.note_change();
        }
    }

    fn focus_after_redo(&mut self, decision: &Decision) {
        if let Decision::Rejected { key, .. } = decision
            && self.selection.span == Some(key.span)
        {
            self.clear_selection();
        }
    }

    /// A new history step: what was undone can no longer be redone (the history forgets its redo
    /// steps too).
    pub(in crate::workbench) fn forget_suggestion_redo(&mut self) {
        self.suggestions.redo.clear();
    }
}
