//! A document's details (title, outlet, authors, date, language, source) edited after import, and
//! what cleaning removed put back while the text is still free to change (no annotations yet).

use super::{Workbench, WorkbenchError};
use crate::model::{DocId, DocumentInfo, Edit};

impl Workbench {
    /// Sets a document's title and metadata as one undo step; refused, with every problem named,
    /// when a value is not valid (nothing changes).
    pub(super) fn set_document_info(
        &mut self,
        doc: DocId,
        mut info: DocumentInfo,
    ) -> Result<(), WorkbenchError> {
        let Some(document) = self.project.document(&doc) else {
            return Err(WorkbenchError::refused(format!(
                "there is no document {doc}"
            )));
        };
        tidy(&mut info);
        let problems = info.problems();
        if !problems.is_empty() {
            let messages: Vec<String> = problems.into_iter().map(|(_, m)| m).collect();
            return Err(WorkbenchError::refused(format!(
                "{}: {}; nothing was changed",
                doc,
                messages.join("; ")
            )));
        }
        let before = document.info();
        if before == info {
            return Ok(());
        }
        let edit = Edit::SetDocumentInfo {
            doc,
            before: Box::new(before),
            after: Box::new(info),
        };
        self.apply_edits(vec![edit], self.selection.clone())
    }

    /// Puts back removal `index` of a document (`None`: every removal) as one undo step. Refused
    /// once any layer of the document has annotations: its text is fixed from then on.
    pub(super) fn restore_removed(
        &mut self,
        doc: DocId,
        index: Option<usize>,
    ) -> Result<(), WorkbenchError> {
        let Some(document) = self.project.document(&doc) else {
            return Err(WorkbenchError::refused(format!(
                "there is no document {doc}"
            )));
        };
        if !self.project.text_is_free(&doc) {
            return Err(WorkbenchError::refused(format!(
                "the text of {doc} is fixed: it has annotations, whose offsets must stay exact"
            )));
        }
        let before = document.cleaned();
        if before.removed.is_empty() {
            return Err(WorkbenchError::refused(format!(
                "nothing was removed from {doc} at import, or all of it is back"
            )));
        }
        let after = match index {
            Some(index) => before.restore(index),
            None => before.restore_all(),
        }
        .ok_or_else(|| {
            WorkbenchError::refused(format!(
                "{doc} has no removed line {} to put back",
                index.map_or(0, |i| i + 1)
            ))
        })?;
        let edit = Edit::SetText {
            doc,
            before: Box::new(before),
            after: Box::new(after),
        };
        // Offsets in the text move: no range stays selected.
        let mut selection = self.selection.clone();
        selection.span = None;
        selection.annotation = None;
        self.apply_edits(vec![edit], selection)?;
        self.sync_tokens();
        Ok(())
    }

    /// Whether a document's text may still change (no layer of it has annotations): what the
    /// window asks before offering to put removed lines back.
    pub fn text_is_free(&self, doc: &DocId) -> bool {
        self.project.text_is_free(doc)
    }
}

/// Values as the analyst meant them: trimmed, and an empty field is no value.
fn tidy(info: &mut DocumentInfo) {
    info.title = info.title.trim().to_owned();
    let meta = &mut info.meta;
    for field in [
        &mut meta.outlet,
        &mut meta.url,
        &mut meta.published,
        &mut meta.author,
        &mut meta.language,
        &mut meta.retrieved,
    ] {
        *field = field
            .take()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
    }
}
