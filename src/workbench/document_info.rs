//! A document's details (title, outlet, authors, date, language, source) edited after import, and
//! what cleaning removed put back while the text is still free to change (no annotations yet).

use std::path::Path;

use super::{LockedProject, Workbench, WorkbenchError};
use crate::model::{DocId, DocumentInfo, Edit, Project};

impl Workbench {
    /// Sets a document's title and metadata as one undo step; refused, with every problem named,
    /// when a value is not valid (nothing changes).
    pub(super) fn set_document_info(
        &mut self,
        doc: DocId,
        info: DocumentInfo,
    ) -> Result<(), WorkbenchError> {
        match info_edit(&self.project, &doc, info)? {
            Some(edit) => self.apply_edits(vec![edit], self.selection.clone()),
            None => Ok(()),
        }
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

/// The edit that gives `doc` these details (trimmed; an empty field is no value), `None` when
/// they are the ones it has; refused, naming every problem, when a value is not valid. The one
/// check the window and `gloss meta` share.
fn info_edit(
    project: &Project,
    doc: &DocId,
    mut info: DocumentInfo,
) -> Result<Option<Edit>, WorkbenchError> {
    let Some(document) = project.document(doc) else {
        return Err(WorkbenchError::refused(format!(
            "there is no document {doc}"
        )));
    };
    tidy(&mut info);
    let problems = info.problems();
    if !problems.is_empty() {
        let messages: Vec<String> = problems.into_iter().map(|(_, m)| m).collect();
        return Err(WorkbenchError::refused(format!(
            "{doc}: {}; nothing was changed",
            messages.join("; ")
        )));
    }
    let before = document.info();
    Ok((before != info).then(|| Edit::SetDocumentInfo {
        doc: doc.clone(),
        before: Box::new(before),
        after: Box::new(info),
    }))
}

/// New values for some of a document's details (`gloss meta`): `Some("")` clears a field,
/// `None` leaves it as it is.
#[derive(Clone, Debug, Default)]
pub struct DetailsChange {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
}

/// A document's details in a project folder, after `change` (checked as the window checks it,
/// saved atomically under the project's lock when anything changed). Returns the details and
/// whether they changed. Nothing is written when a value is not valid.
pub fn document_details(
    dir: &Path,
    doc: &str,
    change: &DetailsChange,
) -> Result<(DocumentInfo, bool), WorkbenchError> {
    let mut locked = LockedProject::open(dir)?;
    let id = DocId::new(doc)
        .filter(|id| locked.project.document(id).is_some())
        .ok_or_else(|| {
            WorkbenchError::refused(format!(
                "{}: there is no document {doc:?} (`gloss stats` lists them)",
                dir.display()
            ))
        })?;
    let Some(document) = locked.project.document(&id) else {
        return Err(WorkbenchError::refused(format!(
            "there is no document {doc}"
        )));
    };
    let mut info = document.info();
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if let Some(value) = value {
            *field = Some(value.clone());
        }
    };
    if let Some(title) = &change.title {
        info.title = title.clone();
    }
    set(&mut info.meta.outlet, &change.outlet);
    set(&mut info.meta.author, &change.authors);
    set(&mut info.meta.published, &change.published);
    set(&mut info.meta.language, &change.language);
    set(&mut info.meta.url, &change.url);
    let Some(edit) = info_edit(&locked.project, &id, info)? else {
        return Ok((
            locked
                .project
                .document(&id)
                .map(|d| d.info())
                .unwrap_or_default(),
            false,
        ));
    };
    locked.project.apply(&edit)?;
    locked.save()?;
    let info = locked
        .project
        .document(&id)
        .map(|d| d.info())
        .unwrap_or_default();
    Ok((info, true))
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
