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

/// Undo and redo stacks over a project. Edits applied through the history can be undone in order;
/// undo applies the inverses in reverse and gives back the selection the step started from.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
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
