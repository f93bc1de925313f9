//! Annotations of other tools into the open project: [`Workbench::apply_import`] puts a
//! [`formats::Import`](crate::formats::Import), read in the background against a copy of the
//! project, into the project itself.
//!
//! Imports are not annotation edits, so they are not undoable (like [`Workbench::import_texts`]);
//! they mark the project changed so that autosave writes them.

use crate::formats::{FormatError, Import, ImportOptions};

use super::Workbench;

/// What an applied import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportApplied {
    pub documents: usize,
    pub annotations: usize,
}

impl Workbench {
    /// Puts `import` into the project: schema additions, new documents, annotations and statuses.
    /// Everything is checked first; an import read against another state of the project (a
    /// document gone, an annotation id taken since) is refused and changes nothing. Shows the first
    /// new document if none was shown.
    pub fn apply_import(&mut self, import: Import) -> Result<ImportApplied, FormatError> {
        let applied = ImportApplied {
            documents: import.documents.len(),
            annotations: import.annotations.len(),
        };
        let first_new = import.documents.first().map(|d| d.id.clone());
        if applied.documents == 0 && applied.annotations == 0 && import.statuses.is_empty() {
            return Ok(applied);
        }
        import.apply(&mut self.project)?;
        self.changed();
        if self.current.is_none()
            && let Some(first) = first_new
        {
            self.show_document(first);
        }
        Ok(applied)
    }

    /// Import options for this workbench: annotations go to `layer`, with the annotator's name and
    /// the workbench's clock in their provenance.
    pub fn import_options(
        &self,
        layer: crate::model::LayerName,
        keep_layers: bool,
    ) -> ImportOptions {
        ImportOptions {
            layer,
            keep_layers,
            annotator: self.annotator.to_string(),
            now: self.now(),
        }
    }
}
