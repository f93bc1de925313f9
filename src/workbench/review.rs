//! Review in the workbench: the comparison of the annotators' layers of the shown document, its
//! pending disagreements with one of them current, and adjudication into the gold layer.
//!
//! The pending list is derived data: [`crate::review::pending_disagreements`] of the shown
//! document, recomputed whenever annotations change or another document is shown, so undo, redo
//! and edits made by hand in gold all show in it at once. Taking a version is one undo step through
//! the one history. Deciding that gold keeps *neither* version leaves nothing in gold to show for it
//! (see [`crate::review::pending_disagreements`]), so such decisions are remembered here, for the
//! session, and undone by Ctrl+Z in their turn among the history's steps.

use std::collections::HashSet;

use super::shortcuts::{Action, Chord, Key, shortcuts};
use super::{Command, Workbench, WorkbenchError};
use crate::model::{CharSpan, DocId, Edit, LayerKey, LayerName, Project, Selection, Status};
use crate::review::{self, Choice, Disagreement, Signature};

/// The comparison open for review. Read it with [`Workbench::review`]; change it with the review
/// commands ([`Command::OpenReview`], [`Command::NextDisagreement`], [`Command::Resolve`], …).
///
/// Invariant: `current`, when set, indexes `pending`; `pending` is up to date with the project and
/// belongs to `doc`, the shown document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// The layers the curator chose; `None`: every annotator's layer of the shown document.
    chosen: Option<Vec<LayerName>>,
    layers: Vec<LayerName>,
    doc: Option<DocId>,
    pending: Vec<Disagreement>,
    current: Option<usize>,
    /// Every disagreement among the layers in the shown document, settled or not.
    total: usize,
}

impl Review {
    /// How many disagreements the layers have in the shown document, settled or not: with
    /// [`Review::remaining`], how far adjudication has come.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The layers compared in the shown document, gold never among them.
    pub fn layers(&self) -> &[LayerName] {
        &self.layers
    }

    /// The layers the curator chose, or `None` for the default (every annotator's layer).
    pub fn chosen_layers(&self) -> Option<&[LayerName]> {
        self.chosen.as_deref()
    }

    /// The disagreements gold has not settled yet, in text order (every pair of layers in turn).
    pub fn pending(&self) -> &[Disagreement] {
        &self.pending
    }

    /// How many disagreements remain to settle in the shown document.
    pub fn remaining(&self) -> usize {
        self.pending.len()
    }

    /// Which pending disagreement is current (an index into [`Review::pending`]).
    pub fn current_index(&self) -> Option<usize> {
        self.current
    }

    pub fn current(&self) -> Option<&Disagreement> {
        self.current.and_then(|i| self.pending.get(i))
    }
}

/// What identifies a disagreement across recomputations: its place in the project and both
/// versions as another layer would recognise them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DecisionKey {
    doc: DocId,
    layer_a: LayerName,
    layer_b: LayerName,
    a: Option<Signature>,
    b: Option<Signature>,
}

impl DecisionKey {
    fn of(disagreement: &Disagreement) -> Self {
        Self {
            doc: disagreement.doc.clone(),
            layer_a: disagreement.layer_a.clone(),
            layer_b: disagreement.layer_b.clone(),
            a: disagreement.a.as_ref().map(review::Version::signature),
            b: disagreement.b.as_ref().map(review::Version::signature),
        }
    }
}

/// A decision to keep neither version, and the history's undo depth when it was made: Ctrl+Z takes
/// it back when no later history step is left to undo first.
#[derive(Clone, Debug)]
struct Decision {
    depth: usize,
    key: DecisionKey,
    span: CharSpan,
}

/// Review state of the workbench: the open comparison, which layer edits go to, and the decisions
/// that keep neither version (session only).
#[derive(Debug, Default)]
pub(super) struct ReviewState {
    open: Option<Review>,
    /// Edits go to the gold layer instead of the annotator's own.
    edit_gold: bool,
    settled_empty: HashSet<DecisionKey>,
    undo: Vec<Decision>,
    redo: Vec<Decision>,
}

/// The actions that apply only while a comparison is open: their keys are plain letters, which
/// otherwise belong to the schema's hotkeys.
pub fn is_review_key(action: Action) -> bool {
    matches!(
        action,
        Action::NextDisagreement
            | Action::PreviousDisagreement
            | Action::TakeA
            | Action::TakeB
            | Action::TakeBoth
            | Action::SkipDisagreement
            | Action::EditInGold
    )
}

/// The review action a key triggers while a comparison is open. Letters match in either case,
/// except that `Shift+N` (or a typed `N`) is the previous disagreement.
pub fn review_action_for(chord: Chord) -> Option<Action> {
    let Key::Char(c) = chord.key else {
        return None;
    };
    if chord.ctrl || chord.alt {
        return None;
    }
    let shift = chord.shift || c.is_uppercase();
    let lower = Key::Char(c.to_ascii_lowercase());
    let matching = |shift: bool| {
        shortcuts()
            .iter()
            .filter(|s| is_review_key(s.action))
            .find(|s| {
                s.chords
                    .iter()
                    .any(|k| k.key == lower && k.shift == shift && !k.ctrl && !k.alt)
            })
            .map(|s| s.action)
    };
    matching(shift).or_else(|| matching(false))
}

/// Every annotator's layer of `doc`, gold aside, sorted by name.
pub fn default_layers(project: &Project, doc: &DocId) -> Vec<LayerName> {
    let mut layers: Vec<LayerName> = project
        .layers_of(doc)
        .map(|(name, _)| name.clone())
        .filter(|name| !name.is_gold())
        .collect();
    layers.sort();
    layers
}

impl Workbench {
    /// The comparison open for review, if any.
    pub fn review(&self) -> Option<&Review> {
        self.review.open.as_ref()
    }

    /// Whether edits go to the gold layer (the curator adjudicating) instead of the annotator's own.
    pub fn editing_gold(&self) -> bool {
        self.review.edit_gold
    }

    /// The layer every annotation edit goes to: gold while the curator edits it, else the
    /// annotator's own.
    pub fn editing_layer(&self) -> LayerName {
        if self.review.edit_gold {
            LayerName::gold()
        } else {
            self.annotator.clone()
        }
    }

    /// The command a review action stands for now; `None` when it does not apply (no comparison
    /// open, nothing current).
    pub(super) fn review_command_for(&self, action: Action) -> Option<Command> {
        let open = self.review.open.as_ref();
        Some(match action {
            Action::Review if open.is_some() => Command::CloseReview,
            Action::Review => Command::OpenReview(None),
            Action::NextDisagreement => Command::NextDisagreement,
            Action::PreviousDisagreement => Command::PreviousDisagreement,
            Action::TakeA => Command::Resolve(Choice::TakeA),
            Action::TakeB => Command::Resolve(Choice::TakeB),
            Action::TakeBoth => Command::Resolve(Choice::TakeBoth),
            Action::SkipDisagreement => Command::Resolve(Choice::Skip),
            Action::EditInGold => Command::EditGold(true),
            Action::AutoMerge => Command::AutoMerge(None),
            Action::FinishAdjudication => Command::FinishAdjudication,
            _ => return None,
        })
        .filter(|_| open.is_some() || matches!(action, Action::Review | Action::AutoMerge))
    }

    // --- Commands --------------------------------------------------------------------------------

    /// Opens (or re-opens with other layers) the comparison of the shown document; edits go to gold.
    pub(super) fn open_review(
        &mut self,
        layers: Option<Vec<LayerName>>,
    ) -> Result<(), WorkbenchError> {
        if self.current_doc().is_none() {
            return Err(WorkbenchError::refused("open a document first"));
        }
        let chosen = layers.map(|layers| {
            let mut distinct: Vec<LayerName> = Vec::new();
            for layer in layers {
                if !layer.is_gold() && !distinct.contains(&layer) {
                    distinct.push(layer);
                }
            }
            distinct
        });
        let review = self.review.open.get_or_insert_with(Review::default);
        review.chosen = chosen;
        self.set_edit_gold(true);
        self.refresh_review();
        Ok(())
    }

    /// Closes the comparison; edits go to the annotator's own layer again.
    /// Closes the comparison. Edits keep going to the layer they went to (gold after "Edit in gold"):
    /// the top bar names it, and switching back is the user's choice, never a silent one.
    pub(super) fn close_review(&mut self) {
        self.review.open = None;
    }

    /// Makes edits go to gold (`true`) or to the annotator's own layer. Switching to gold selects the
    /// current disagreement's place, ready to be edited by hand.
    pub(super) fn edit_gold(&mut self, on: bool) -> Result<(), WorkbenchError> {
        self.set_edit_gold(on);
        if on && let Some(span) = self.review().and_then(Review::current).map(|d| d.span) {
            self.select_place(span);
        }
        Ok(())
    }

    fn set_edit_gold(&mut self, on: bool) {
        if self.review.edit_gold == on {
            return;
        }
        self.review.edit_gold = on;
        if let Some(doc) = self.current_id().cloned() {
            self.current = Some(LayerKey::new(doc, self.editing_layer()));
        }
        // Ids belong to one layer: a selected annotation or a pick means nothing in the other.
        self.pending = None;
        self.selection.annotation = None;
        // What the article shows changed, though nothing needs saving.
        self.revision += 1;
    }

    /// N and Shift+N: the next or previous pending disagreement (wrapping), selected and shown.
    pub(super) fn step_disagreement(&mut self, forward: bool) -> Result<(), WorkbenchError> {
        let review = self.open_review_state()?;
        let len = review.pending.len();
        if len == 0 {
            return Err(WorkbenchError::refused(
                "no disagreements remain in this document",
            ));
        }
        let index = match (review.current, forward) {
            (Some(i), true) => (i + 1) % len,
            (Some(i), false) => (i + len - 1) % len,
            (None, true) => 0,
            (None, false) => len - 1,
        };
        self.go_to_disagreement(index)
    }

    /// Makes the `index`-th pending disagreement current and selects its place.
    pub(super) fn go_to_disagreement(&mut self, index: usize) -> Result<(), WorkbenchError> {
        let review = self.open_review_state()?;
        let span = review
            .pending
            .get(index)
            .map(|d| d.span)
            .ok_or_else(|| WorkbenchError::refused("that disagreement is settled already"))?;
        if let Some(review) = self.review.open.as_mut() {
            review.current = Some(index);
        }
        self.select_place(span);
        Ok(())
    }

    /// Settles the current disagreement as chosen: one undo step. Skip moves on without a change.
    pub(super) fn resolve_current(&mut self, choice: Choice) -> Result<(), WorkbenchError> {
        let review = self.open_review_state()?;
        let Some(disagreement) = review.current().cloned() else {
            return Err(WorkbenchError::refused(
                "no disagreement is current: press N to go to the next one",
            ));
        };
        if choice == Choice::Skip {
            return self.step_disagreement(true);
        }
        let keeps_nothing = match choice {
            Choice::TakeA => disagreement.a.is_none(),
            Choice::TakeB => disagreement.b.is_none(),
            Choice::TakeBoth | Choice::Skip => false,
        };
        let doc = disagreement.doc.clone();
        let edits = review::resolve(
            &self.project,
            &doc,
            &disagreement,
            choice,
            self.annotator.as_str(),
            self.now(),
        );
        self.review.redo.clear();
        if keeps_nothing && edits.is_empty() {
            let key = DecisionKey::of(&disagreement);
            self.review.undo.push(Decision {
                depth: self.history.undo_steps().len(),
                key: key.clone(),
                span: disagreement.span,
            });
            self.review.settled_empty.insert(key);
            self.refresh_review();
        } else {
            let selection = self.place_selection(disagreement.span);
            self.apply_annotation_edits(edits, selection)?;
        }
        self.select_current();
        Ok(())
    }

    /// Merges into gold what at least `k` (default: the project's `min_agree`) of the compared
    /// layers agree on, as one undo step.
    pub(super) fn auto_merge(&mut self, k: Option<u32>) -> Result<(), WorkbenchError> {
        let Some(doc) = self.current_id().cloned() else {
            return Err(WorkbenchError::refused("open a document first"));
        };
        let layers = match self.review() {
            Some(review) => review.layers.clone(),
            None => default_layers(&self.project, &doc),
        };
        let k = k.unwrap_or(self.project.settings.min_agree).max(1);
        let needed = usize::try_from(k).unwrap_or(usize::MAX);
        if needed > layers.len() {
            return Err(WorkbenchError::refused(format!(
                "{k} layers must agree, but only {} {} compared here: nothing can be merged",
                layers.len(),
                if layers.len() == 1 { "is" } else { "are" }
            )));
        }
        let (edits, _) = review::auto_merge(
            &self.project,
            &doc,
            &layers,
            needed,
            self.annotator.as_str(),
            self.now(),
        );
        if edits.is_empty() {
            return Err(WorkbenchError::refused(format!(
                "nothing to merge: gold already holds every annotation at least {k} of the {} \
                 compared layers agree on",
                layers.len()
            )));
        }
        self.review.redo.clear();
        self.apply_annotation_edits(edits, self.selection.clone())
    }

    /// Marks the gold layer of the shown document adjudicated (one undo step).
    pub(super) fn finish_adjudication(&mut self) -> Result<(), WorkbenchError> {
        let Some(doc) = self.current_id().cloned() else {
            return Err(WorkbenchError::refused("open a document first"));
        };
        let key = LayerKey::new(doc, LayerName::gold());
        let before = self.project.status(&key);
        if before == Status::Adjudicated {
            return Ok(());
        }
        let edit = Edit::SetStatus {
            key,
            before,
            after: Status::Adjudicated,
        };
        self.apply_edits(vec![edit], self.selection.clone())
    }

    /// Ctrl+Z: takes back the latest decision to keep neither version when it is newer than the
    /// history's last step, else undoes that step.
    pub(super) fn undo_step(&mut self) -> Result<(), WorkbenchError> {
        let depth = self.history.undo_steps().len();
        if self.review.undo.last().is_some_and(|d| d.depth == depth)
            && let Some(decision) = self.review.undo.pop()
        {
            self.review.settled_empty.remove(&decision.key);
            let span = decision.span;
            self.review.redo.push(decision);
            self.refresh_review();
            self.select_place(span);
            self.select_disagreement_at(span);
            return Ok(());
        }
        self.undo()
    }

    /// Ctrl+Shift+Z: redoes what [`Workbench::undo_step`] took back last.
    pub(super) fn redo_step(&mut self) -> Result<(), WorkbenchError> {
        let depth = self.history.undo_steps().len();
        if self.review.redo.last().is_some_and(|d| d.depth == depth)
            && let Some(decision) = self.review.redo.pop()
        {
            self.review.settled_empty.insert(decision.key.clone());
            self.review.undo.push(decision);
            self.refresh_review();
            self.select_current();
            return Ok(());
        }
        self.redo()
    }

    // --- Keeping the pending list up to date -----------------------------------------------------

    /// Recomputes the pending disagreements of the shown document. The current one stays current
    /// if it is still pending; else the one at the selected place (after an undo); else the one
    /// that took its position in the list (after it was settled). Called after every change of
    /// annotations and on every document switch.
    pub(super) fn refresh_review(&mut self) {
        let Some(open) = self.review.open.as_ref() else {
            return;
        };
        let Some(doc) = self.current_id().cloned() else {
            self.review.open = Some(Review {
                chosen: open.chosen.clone(),
                ..Review::default()
            });
            return;
        };
        let layers = open
            .chosen
            .clone()
            .unwrap_or_else(|| default_layers(&self.project, &doc));
        let pending: Vec<Disagreement> =
            review::pending_disagreements(&self.project, &doc, &layers)
                .into_iter()
                .filter(|d| !self.review.settled_empty.contains(&DecisionKey::of(d)))
                .collect();
        let total = layers
            .iter()
            .enumerate()
            .flat_map(|(i, a)| layers[i + 1..].iter().map(move |b| (a, b)))
            .map(|(a, b)| review::disagreements(&self.project, &doc, a, b).len())
            .sum();
        let same_doc = open.doc.as_ref() == Some(&doc);
        let previous = open.current().filter(|_| same_doc).map(DecisionKey::of);
        let at_selection = self.selection.span.and_then(|span| {
            let here: Vec<usize> = (0..pending.len())
                .filter(|&i| pending[i].span == span)
                .collect();
            here.iter()
                .copied()
                .find(|&i| Some(DecisionKey::of(&pending[i])) == previous)
                .or(here.first().copied())
        });
        let still = previous
            .as_ref()
            .and_then(|key| pending.iter().position(|d| DecisionKey::of(d) == *key));
        let current = if !same_doc {
            None
        } else {
            at_selection.or(still).or_else(|| {
                open.current
                    .filter(|_| !pending.is_empty())
                    .map(|i| i.min(pending.len() - 1))
            })
        };
        let chosen = open.chosen.clone();
        self.review.open = Some(Review {
            chosen,
            layers,
            doc: Some(doc),
            pending,
            current,
            total,
        });
    }

    /// The open comparison, or a refusal saying how to open one.
    fn open_review_state(&self) -> Result<&Review, WorkbenchError> {
        self.review
            .open
            .as_ref()
            .ok_or_else(|| WorkbenchError::refused("open the comparison first (Review menu)"))
    }

    /// Selects the current disagreement's place, if there is one.
    fn select_current(&mut self) {
        if let Some(span) = self.review().and_then(Review::current).map(|d| d.span) {
            self.select_place(span);
        }
    }

    /// Makes the pending disagreement at `span` current, if there is one.
    fn select_disagreement_at(&mut self, span: CharSpan) {
        if let Some(review) = self.review.open.as_mut()
            && let Some(index) = review.pending.iter().position(|d| d.span == span)
        {
            review.current = Some(index);
        }
    }

    /// Selects a place in the shown document (no undo step): the span, and the annotation of the
    /// edited layer exactly there, so that a label key relabels it and Delete removes it.
    fn select_place(&mut self, span: CharSpan) {
        self.pending = None;
        self.selection = self.place_selection(span);
    }

    fn place_selection(&self, span: CharSpan) -> Selection {
        let annotation = self.current_layer().and_then(|layer| {
            layer
                .iter()
                .find(|a| a.primary_span() == span)
                .map(|a| a.id())
        });
        self.selecting(span, annotation)
    }
}
