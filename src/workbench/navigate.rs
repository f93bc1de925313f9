//! Moving around: documents, the selected range and annotation, undo and redo, layer status.

use super::{Pending, Workbench, WorkbenchError};
use crate::model::tokens::{snap_to_tokens, tokens};
use crate::model::{AnnotationId, CharSpan, DocId, Edit, LayerKey, Selection, Speaker, Status};

impl Workbench {
    /// Shows a document: fresh tokens, a selection in it, no pending pick, find hits redone.
    pub(super) fn show_document(&mut self, doc: DocId) {
        // Not read yet (a project opened from its index): read it next; it shows once it is.
        self.want_read(&doc);
        self.tokens = self
            .project
            .document(&doc)
            .map(|d| tokens(d.text.as_str()))
            .unwrap_or_default();
        self.tokens_chars = self.project.document(&doc).map(|d| d.text.char_len());
        self.selection = Selection::in_doc(doc.clone());
        self.current = Some(LayerKey::new(doc, self.editing_layer()));
        self.pending = None;
        self.find.current = None;
        self.refresh_find();
        self.refresh_review();
        self.refresh_suggestions();
    }

    pub(super) fn select_document(&mut self, doc: DocId) -> Result<(), WorkbenchError> {
        if self.project.document(&doc).is_none() {
            return Err(WorkbenchError::refused(format!(
                "there is no document {doc}"
            )));
        }
        if self.current_id() == Some(&doc) {
            return Ok(());
        }
        // Autosave on switch; a failure shows in the save state and must not block reading on.
        let _ = self.save_now();
        self.show_document(doc);
        Ok(())
    }

    /// Moves `delta` documents along the project order, stopping at either end.
    pub(super) fn step_document(&mut self, delta: isize) -> Result<(), WorkbenchError> {
        let documents = self.project.documents();
        if documents.is_empty() {
            return Err(WorkbenchError::refused(
                "the project has no documents yet: import some",
            ));
        }
        let position = self
            .current_id()
            .and_then(|doc| self.project.document_position(doc))
            .unwrap_or(0);
        let target = position
            .saturating_add_signed(delta)
            .min(documents.len() - 1);
        let doc = documents[target].id.clone();
        self.select_document(doc)
    }

    /// The span clamped to the current text and, unless char precision is on, snapped to tokens.
    pub(super) fn snap(&self, span: CharSpan) -> CharSpan {
        let len = self.current_doc().map_or(0, |d| d.text.char_len());
        let span = CharSpan::new(span.start.min(len), span.end.min(len));
        if self.char_precision {
            span
        } else {
            snap_to_tokens(&self.tokens, span)
        }
    }

    pub(super) fn select_span(&mut self, span: CharSpan) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        let span = self.snap(span);
        if span.is_empty() {
            self.clear_selection();
            return Ok(());
        }
        match self.pending.clone() {
            Some(Pending::Cue { quote }) => {
                self.pending = None;
                return self.set_cue(quote, Some(span));
            }
            Some(Pending::Content { quote }) => {
                self.pending = None;
                return self.add_quote_content(quote, span);
            }
            Some(Pending::Part { entity }) => {
                self.pending = None;
                return self.add_entity_part(entity, span);
            }
            Some(Pending::Speaker { quote }) => {
                self.pending = None;
                // A mention exactly there is the better speaker: quotes then link to entities.
                let mention = self.project.layer(&key).and_then(|layer| {
                    layer
                        .iter()
                        .find(|a| a.as_entity().is_some_and(|e| e.span == span))
                        .map(|a| a.id())
                });
                let speaker = mention.map_or(Speaker::Span(span), Speaker::Mention);
                return self.set_speaker(quote, Some(speaker));
            }
            Some(Pending::Argument { event, role }) => {
                self.pending = None;
                return self.argument_from_span(event, &role, span);
            }
            None => {}
        }
        self.selection = Selection {
            doc: Some(key.doc),
            span: Some(span),
            annotation: None,
        };
        Ok(())
    }

    /// Shift-click: from the selected range's far end to `offset`.
    pub(super) fn extend_selection_to(&mut self, offset: usize) -> Result<(), WorkbenchError> {
        let anchor = self.selection.span.unwrap_or(CharSpan::new(offset, offset));
        let span = if offset >= anchor.start {
            CharSpan::new(anchor.start, offset)
        } else {
            CharSpan::new(offset, anchor.end)
        };
        self.select_span(span)
    }

    pub(super) fn select_annotation(&mut self, id: AnnotationId) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        let annotation = self.annotation(id).ok_or_else(|| {
            WorkbenchError::refused(format!("annotation {id} is not in this layer"))
        })?;
        self.selection = Selection {
            doc: Some(key.doc),
            span: Some(annotation.primary_span()),
            annotation: Some(id),
        };
        Ok(())
    }

    pub(super) fn clear_selection(&mut self) {
        self.selection = Selection {
            doc: self.current_id().cloned(),
            ..Selection::default()
        };
    }

    /// Tab and Shift+Tab: annotations in text order (start, end, id), wrapping around.
    pub(super) fn step_annotation(&mut self, forward: bool) -> Result<(), WorkbenchError> {
        let Some(layer) = self.current_layer() else {
            return Ok(());
        };
        let mut order: Vec<(CharSpan, AnnotationId)> =
            layer.iter().map(|a| (a.primary_span(), a.id())).collect();
        if order.is_empty() {
            return Ok(());
        }
        order.sort_by_key(|(span, id)| (span.start, span.end, *id));
        let selected = self
            .selection
            .annotation
            .and_then(|id| order.iter().position(|(_, a)| *a == id));
        let index = match (selected, self.selection.span) {
            (Some(i), _) if forward => (i + 1) % order.len(),
            (Some(i), _) => (i + order.len() - 1) % order.len(),
            (None, Some(span)) if forward => order
                .iter()
                .position(|(s, _)| s.start >= span.start)
                .unwrap_or(0),
            (None, Some(span)) => order
                .iter()
                .rposition(|(s, _)| s.start < span.start)
                .unwrap_or(order.len() - 1),
            (None, None) if forward => 0,
            (None, None) => order.len() - 1,
        };
        let id = order[index].1;
        self.select_annotation(id)
    }

    pub(super) fn undo(&mut self) -> Result<(), WorkbenchError> {
        let selection = self.history.undo(&mut self.project)?;
        self.after_history(selection);
        Ok(())
    }

    pub(super) fn redo(&mut self) -> Result<(), WorkbenchError> {
        let selection = self.history.redo(&mut self.project)?;
        self.after_history(selection);
        Ok(())
    }

    /// Puts the step's selection back, showing its document if the step happened in another one.
    fn after_history(&mut self, selection: Option<Selection>) {
        let Some(selection) = selection else {
            return;
        };
        if let Some(doc) = &selection.doc
            && self.current_id() != Some(doc)
            && self.project.document(doc).is_some()
        {
            let _ = self.save_now();
            self.show_document(doc.clone());
        }
        self.pending = None;
        self.selection = selection;
        self.sync_tokens();
        self.changed();
    }

    /// Tokens made again when the shown document's text changed (a removed line put back, or
    /// that undone): every text change changes its length.
    pub(super) fn sync_tokens(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let chars = doc.text.char_len();
        if self.tokens_chars != Some(chars) {
            self.tokens = tokens(doc.text.as_str());
            self.tokens_chars = Some(chars);
            self.find.current = None;
            self.refresh_find();
        }
    }

    pub(super) fn set_status(&mut self, doc: DocId, status: Status) -> Result<(), WorkbenchError> {
        if self.project.document(&doc).is_none() {
            return Err(WorkbenchError::refused(format!(
                "there is no document {doc}"
            )));
        }
        let key = LayerKey::new(doc, self.annotator.clone());
        let before = self.project.status(&key);
        if before == status {
            return Ok(());
        }
        let edit = Edit::SetStatus {
            key,
            before,
            after: status,
        };
        self.apply_edits(vec![edit], self.selection.clone())
    }

    pub(super) fn toggle_done(&mut self) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        let next = if self.project.status(&key).is_finished() {
            Status::InProgress
        } else {
            Status::Done
        };
        self.set_status(key.doc, next)
    }
}
