//! The one history through which every annotation change passes: undo and redo by groups of edits.

use super::edit::{Edit, EditError};
use super::project::Project;
use super::selection::Selection;

/// One undo step: a group of edits applied together, and the selections before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub edits: Vec<Edit>,
    pub selection_before: Selection,
    pub selection_after: Selection,
}

/// How many undo steps a history keeps unless told otherwise.
pub const DEFAULT_UNDO_LIMIT: usize = 1000;

/// Undo and redo stacks over a project. Edits applied through the history can be undone in order;
/// undo applies the inverses in reverse and gives back the selection the step started from.
///
/// At most `limit` steps are kept for undo (the oldest are dropped first), so a long session's
/// memory stays bounded; what was dropped stays applied, it just can no longer be undone.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(DEFAULT_UNDO_LIMIT)
    }
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// A history keeping at most `limit` undo steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// How many undo steps are kept.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Keeps at most `limit` undo steps from now on (at least one), dropping the oldest beyond it.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.max(1);
        self.drop_oldest();
    }

    fn drop_oldest(&mut self) {
        let excess = self.undo.len().saturating_sub(self.limit);
        self.undo.drain(..excess);
    }

    /// Applies a group of edits as one step. If any edit fails, the ones already applied are rolled
    /// back and the project is as before. An empty group changes nothing and records nothing.
    pub fn apply(
        &mut self,
        project: &mut Project,
        edits: Vec<Edit>,
        selection_before: Selection,
        selection_after: Selection,
    ) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        apply_all(project, &edits)?;
        self.undo.push(Step {
            edits,
            selection_before,
            selection_after,
        });
        self.redo.clear();
        self.drop_oldest();
        Ok(())
    }

    /// Undoes the last step; returns the selection to restore, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<Selection>, EditError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let inverse: Vec<Edit> = step.edits.iter().rev().map(Edit::inverse).collect();
        if let Err(error) = apply_all(project, &inverse) {
            self.undo.push(step);
            return Err(error);
        }
        let selection = step.selection_before.clone();
        self.redo.push(step);
        Ok(Some(selection))
    }

    /// Redoes the last undone step; returns the selection after it.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<Selection>, EditError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        if let Err(error) = apply_all(project, &step.edits) {
            self.redo.push(step);
            return Err(error);
        }
        let selection = step.selection_after.clone();
        self.undo.push(step);
        Ok(Some(selection))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The steps that can be undone, oldest first.
    pub fn undo_steps(&self) -> &[Step] {
        &self.undo
    }
}

/// Applies edits in order, or none of them.
fn apply_all(project: &mut Project, edits: &[Edit]) -> Result<(), EditError> {
    for (done, edit) in edits.iter().enumerate() {
        if let Err(error) = project.apply(edit) {
            for applied in edits[..done].iter().rev() {
                // Inverting edits that were just applied cannot fail: the state is the one they made.
                let _ = project.apply(&applied.inverse());
            }
            return Err(error);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, LayerKey, LayerName, Schema};

    fn status_edit(project: &Project, to: crate::model::Status) -> Edit {
        let doc = project.documents()[0].id.clone();
        let key = LayerKey::new(doc, LayerName::gold());
        Edit::SetStatus {
            before: project.status(&key),
            key,
            after: to,
        }
    }

    #[test]
    fn the_oldest_steps_are_dropped_beyond_the_limit() {
        use crate::model::Status::{Done, InProgress};
        let mut project = Project::new("p", Schema::default());
        project.add_document(Document::from_raw(
            DocId::slug("d"),
            "D",
            "Kurti met Vučić.",
        ));
        let mut history = History::with_limit(3);
        for step in 0..5 {
            let to = if step % 2 == 0 { InProgress } else { Done };
            let edit = status_edit(&project, to);
            history
                .apply(
                    &mut project,
                    vec![edit],
                    Selection::default(),
                    Selection::default(),
                )
                .unwrap();
        }
        assert_eq!(history.undo_steps().len(), 3);
        // The three newest steps undo; the two oldest stay applied.
        for _ in 0..3 {
            assert!(history.undo(&mut project).unwrap().is_some());
        }
        assert!(!history.can_undo());
        let key = LayerKey::new(DocId::slug("d"), LayerName::gold());
        assert_eq!(project.status(&key), Done, "steps 0 and 1 stay applied");
    }

    #[test]
    fn lowering_the_limit_drops_the_oldest_at_once() {
        let mut history = History::new();
        assert_eq!(history.limit(), DEFAULT_UNDO_LIMIT);
        let mut project = Project::new("p", Schema::default());
        project.add_document(Document::from_raw(DocId::slug("d"), "D", "text"));
        for step in 0..4 {
            let to = if step % 2 == 0 {
                crate::model::Status::InProgress
            } else {
                crate::model::Status::Done
            };
            let edit = status_edit(&project, to);
            history
                .apply(
                    &mut project,
                    vec![edit],
                    Selection::default(),
                    Selection::default(),
                )
                .unwrap();
        }
        history.set_limit(2);
        assert_eq!(history.undo_steps().len(), 2);
        history.set_limit(0);
        assert_eq!(history.limit(), 1, "one step is always undoable");
        assert_eq!(history.undo_steps().len(), 1);
    }
}
