//! Entity labelling and what applies to any annotation: delete, resize by a token, attributes, notes,
//! clicks that resolve a pending pick.

use super::{Pending, Workbench, WorkbenchError};
use crate::model::Label;
use crate::model::{
    Annotation, AnnotationId, AttributeTarget, CharSpan, Edit, Entity, Provenance, Selection,
    Speaker,
};

/// Which end of a span moves, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Resize {
    GrowStart,
    ShrinkStart,
    GrowEnd,
    ShrinkEnd,
}

impl Workbench {
    /// The next free id of the current layer.
    pub(super) fn next_id(&self) -> AnnotationId {
        self.current_layer()
            .map_or(AnnotationId(1), |layer| layer.next_id())
    }

    pub(super) fn provenance(&self) -> Provenance {
        Provenance::manual(self.annotator.as_str(), self.now())
    }

    /// A replacement of annotation `id` of the current layer by what `change` makes of it, with its
    /// modification time stamped. `change` refuses by returning an error.
    pub(super) fn replace(
        &self,
        id: AnnotationId,
        change: impl FnOnce(&mut Annotation) -> Result<(), WorkbenchError>,
    ) -> Result<Edit, WorkbenchError> {
        let key = self.layer_key()?;
        let before = self
            .annotation(id)
            .ok_or_else(|| {
                WorkbenchError::refused(format!("annotation {id} is not in this layer"))
            })?
            .clone();
        let mut after = before.clone();
        change(&mut after)?;
        after.provenance_mut().modified = self.now();
        Ok(Edit::Replace { key, before, after })
    }

    /// A selection of annotation `id` at `span` in the current document.
    pub(super) fn selecting(&self, span: CharSpan, id: Option<AnnotationId>) -> Selection {
        Selection {
            doc: self.current_id().cloned(),
            span: Some(span),
            annotation: id,
        }
    }

    /// The selected range, or a refusal asking for one.
    pub(super) fn selected_span(&self) -> Result<CharSpan, WorkbenchError> {
        self.selection
            .span
            .filter(|span| !span.is_empty())
            .ok_or_else(|| WorkbenchError::refused("select some text first"))
    }

    pub(super) fn label(&mut self, label: &str) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        if self.project.schema.entity_label(label).is_none() {
            return Err(WorkbenchError::refused(format!(
                "label {label} is not in the schema"
            )));
        }
        self.last_label = Some(label.to_owned());
        if let Some(Annotation::Entity(entity)) = self.selected_annotation() {
            if entity.label == label {
                return Ok(());
            }
            let (id, span) = (entity.id, entity.span);
            let edit = self.replace(id, |a| {
                if let Annotation::Entity(e) = a {
                    e.label = Label::new(label);
                }
                Ok(())
            })?;
            return self.apply_annotation_edits(vec![edit], self.selecting(span, Some(id)));
        }
        let span = self.selected_span()?;
        let existing = self.current_layer().and_then(|layer| {
            layer
                .iter()
                .find(|a| {
                    a.as_entity()
                        .is_some_and(|e| e.span == span && e.label == label)
                })
                .map(|a| a.id())
        });
        if let Some(id) = existing {
            // Already there: select it rather than stack a duplicate.
            return self.select_annotation(id);
        }
        let id = self.next_id();
        let entity = Entity::new(id, span, label, self.provenance());
        let edit = Edit::Add {
            key,
            annotation: Annotation::Entity(entity),
        };
        self.apply_annotation_edits(vec![edit], self.selecting(span, Some(id)))
    }

    /// A schema hotkey: entity label first, then the quote key, then event types. Exact match wins
    /// over a case-insensitive one.
    pub(super) fn hotkey(&mut self, key: char) -> Result<(), WorkbenchError> {
        enum Target {
            Label(String),
            Quote,
            Event(String),
        }
        let schema = &self.project.schema;
        let find = |matches: &dyn Fn(Option<char>) -> bool| {
            if let Some(label) = schema.entity_labels.iter().find(|l| matches(l.hotkey)) {
                Some(Target::Label(label.name.clone()))
            } else if schema.quotes.enabled && matches(schema.quotes.hotkey) {
                Some(Target::Quote)
            } else {
                schema
                    .event_types
                    .iter()
                    .find(|t| matches(t.hotkey))
                    .map(|t| Target::Event(t.name.clone()))
            }
        };
        let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
        let target = find(&|hotkey| hotkey == Some(key))
            .or_else(|| find(&|hotkey| hotkey.is_some_and(|h| lower(h) == lower(key))));
        match target {
            Some(Target::Label(label)) => self.label(&label),
            Some(Target::Quote) => self.create_quote(),
            Some(Target::Event(event_type)) => self.create_event(&event_type),
            None => Err(WorkbenchError::refused(format!(
                "no label, quote or event type has the key {key}"
            ))),
        }
    }

    /// Removes the selected annotation and, in the same step, every link to it.
    pub(super) fn delete_selected(&mut self) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        let annotation = self
            .selected_annotation()
            .ok_or_else(|| WorkbenchError::refused("select an annotation first"))?
            .clone();
        let id = annotation.id();
        let mut edits = Vec::new();
        let linking: Vec<AnnotationId> = self
            .current_layer()
            .map(|layer| {
                layer
                    .iter()
                    .filter(|a| a.id() != id && a.links().contains(&id))
                    .map(|a| a.id())
                    .collect()
            })
            .unwrap_or_default();
        for other in linking {
            edits.push(self.replace(other, |a| {
                unlink(a, id);
                Ok(())
            })?);
        }
        let span = annotation.primary_span();
        edits.push(Edit::Remove { key, annotation });
        if self.pending.as_ref().is_some_and(|p| p.target() == id) {
            self.pending = None;
        }
        self.apply_annotation_edits(edits, self.selecting(span, None))
    }

    /// Grows or shrinks by one token (one char with char precision) the selected annotation's span, or
    /// the selected range when no annotation is selected.
    pub(super) fn resize(&mut self, how: Resize) -> Result<(), WorkbenchError> {
        if let Some(annotation) = self.selected_annotation() {
            let id = annotation.id();
            let old = match annotation {
                Annotation::Entity(e) => e.span,
                Annotation::Event(e) => e.trigger,
                Annotation::Quote(q) => {
                    let first = q.content.first().copied().unwrap_or_default();
                    let last = q.content.last().copied().unwrap_or_default();
                    match how {
                        Resize::GrowStart | Resize::ShrinkStart => first,
                        Resize::GrowEnd | Resize::ShrinkEnd => last,
                    }
                }
            };
            let new = self.step_span(old, how)?;
            let edit = self.replace(id, |a| {
                match a {
                    Annotation::Entity(e) => e.span = new,
                    Annotation::Event(e) => e.trigger = new,
                    Annotation::Quote(q) => {
                        if let Some(span) = q.content.iter_mut().find(|s| **s == old) {
                            *span = new;
                        }
                        q.content.sort();
                    }
                }
                Ok(())
            })?;
            let primary = match &edit {
                Edit::Replace { after, .. } => after.primary_span(),
                _ => new,
            };
            return self.apply_annotation_edits(vec![edit], self.selecting(primary, Some(id)));
        }
        let span = self
            .selection
            .span
            .ok_or_else(|| WorkbenchError::refused("select an annotation or some text first"))?;
        let new = self.step_span(span, how)?;
        self.selection.span = Some(new);
        Ok(())
    }

    /// One end of `span` moved by one token (or char), refusing to leave the text or empty the span.
    fn step_span(&self, span: CharSpan, how: Resize) -> Result<CharSpan, WorkbenchError> {
        let len = self.current_doc().map_or(0, |d| d.text.char_len());
        let moved = if self.char_precision {
            match how {
                Resize::GrowStart => span
                    .start
                    .checked_sub(1)
                    .map(|s| CharSpan::new(s, span.end)),
                Resize::ShrinkStart => {
                    (span.len() > 1).then(|| CharSpan::new(span.start + 1, span.end))
                }
                Resize::GrowEnd => {
                    (span.end < len).then(|| CharSpan::new(span.start, span.end + 1))
                }
                Resize::ShrinkEnd => {
                    (span.len() > 1).then(|| CharSpan::new(span.start, span.end - 1))
                }
            }
        } else {
            let tokens = &self.tokens;
            match how {
                Resize::GrowStart => {
                    let before = tokens.partition_point(|t| t.end <= span.start);
                    before
                        .checked_sub(1)
                        .map(|i| CharSpan::new(tokens[i].start, span.end))
                }
                Resize::ShrinkStart => {
                    let after = tokens.partition_point(|t| t.start <= span.start);
                    tokens
                        .get(after)
                        .filter(|t| t.start < span.end)
                        .map(|t| CharSpan::new(t.start, span.end))
                }
                Resize::GrowEnd => {
                    let after = tokens.partition_point(|t| t.start < span.end);
                    tokens.get(after).map(|t| CharSpan::new(span.start, t.end))
                }
                Resize::ShrinkEnd => {
                    let before = tokens.partition_point(|t| t.end < span.end);
                    before
                        .checked_sub(1)
                        .map(|i| tokens[i])
                        .filter(|t| t.end > span.start)
                        .map(|t| CharSpan::new(span.start, t.end))
                }
            }
        };
        moved.ok_or_else(|| match how {
            Resize::GrowStart | Resize::GrowEnd => {
                WorkbenchError::refused("the span already reaches the edge of the text")
            }
            Resize::ShrinkStart | Resize::ShrinkEnd => {
                WorkbenchError::refused("the span cannot get any smaller")
            }
        })
    }

    pub(super) fn set_attribute(
        &mut self,
        id: AnnotationId,
        name: &str,
        value: Option<String>,
    ) -> Result<(), WorkbenchError> {
        let schema = &self.project.schema;
        let edit = self.replace(id, |a| {
            let target = match a {
                Annotation::Entity(_) => AttributeTarget::Entities,
                Annotation::Quote(_) => AttributeTarget::Quotes,
                Annotation::Event(_) => AttributeTarget::Events,
            };
            match &value {
                Some(value) => {
                    let def = schema.attribute(target, name).ok_or_else(|| {
                        WorkbenchError::refused(format!(
                            "attribute {name} is not defined for {}",
                            target.name()
                        ))
                    })?;
                    if !def.values.is_empty() && !def.values.contains(value) {
                        return Err(WorkbenchError::refused(format!(
                            "attribute {name} takes one of {}",
                            def.values.join(", ")
                        )));
                    }
                    a.attributes_mut().insert(name.to_owned(), value.clone());
                }
                None => {
                    a.attributes_mut().remove(name);
                }
            }
            Ok(())
        })?;
        self.apply_unless_unchanged(edit, self.selection.clone())
    }

    pub(super) fn set_note(
        &mut self,
        id: AnnotationId,
        note: String,
    ) -> Result<(), WorkbenchError> {
        let edit = self.replace(id, |a| {
            *a.note_mut() = note;
            Ok(())
        })?;
        self.apply_unless_unchanged(edit, self.selection.clone())
    }

    pub(super) fn set_norm(
        &mut self,
        id: AnnotationId,
        norm: Option<String>,
    ) -> Result<(), WorkbenchError> {
        let norm = norm.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        let edit = self.replace(id, |a| match a {
            Annotation::Entity(e) => {
                e.details_mut().norm = norm;
                Ok(())
            }
            _ => Err(WorkbenchError::refused(
                "only entity mentions have a normalisation id",
            )),
        })?;
        self.apply_unless_unchanged(edit, self.selection.clone())
    }

    /// Applies a replacement ending with `selection_after`, unless it changes nothing but the time
    /// stamp (typing the same note again is not an undo step).
    pub(super) fn apply_unless_unchanged(
        &mut self,
        edit: Edit,
        selection_after: Selection,
    ) -> Result<(), WorkbenchError> {
        if let Edit::Replace { before, after, .. } = &edit {
            let mut same = after.clone();
            same.provenance_mut().modified = before.provenance().modified;
            if &same == before {
                return Ok(());
            }
        }
        self.apply_annotation_edits(vec![edit], selection_after)
    }

    /// Starts a two-step pick, after checking that its quote or event exists; selects it.
    pub(super) fn start_pick(&mut self, pending: Pending) -> Result<(), WorkbenchError> {
        let target = pending.target();
        let fits = match (&pending, self.annotation(target)) {
            (Pending::Argument { role, .. }, Some(Annotation::Event(event))) => {
                let has_role = self
                    .project
                    .schema
                    .event_type(&event.event_type)
                    .is_some_and(|t| t.role(role).is_some());
                if !has_role {
                    return Err(WorkbenchError::refused(format!(
                        "{} has no role {role}",
                        event.event_type
                    )));
                }
                true
            }
            (Pending::Argument { .. }, _) => false,
            (Pending::Part { .. }, Some(Annotation::Entity(_))) => true,
            (Pending::Part { .. }, _) => false,
            (_, Some(Annotation::Quote(_))) => true,
            _ => false,
        };
        if !fits {
            let kind = match pending {
                Pending::Argument { .. } => "event",
                Pending::Part { .. } => "entity mention",
                _ => "quote",
            };
            return Err(WorkbenchError::refused(format!(
                "annotation {target} is not a {kind} of this layer"
            )));
        }
        self.select_annotation(target)?;
        self.pending = Some(pending);
        Ok(())
    }

    /// A click on an annotation: completes a pending pick, or selects it.
    pub(super) fn click_annotation(&mut self, id: AnnotationId) -> Result<(), WorkbenchError> {
        let clicked = self.annotation(id).ok_or_else(|| {
            WorkbenchError::refused(format!("annotation {id} is not in this layer"))
        })?;
        let span = clicked.primary_span();
        let is_entity = clicked.as_entity().is_some();
        match self.pending.clone() {
            None => self.select_annotation(id),
            Some(Pending::Speaker { quote }) => {
                if !is_entity {
                    return Err(WorkbenchError::refused(
                        "a speaker must be an entity mention: click a mention, or select a span",
                    ));
                }
                self.set_speaker(quote, Some(Speaker::Mention(id)))?;
                self.pending = None;
                Ok(())
            }
            Some(Pending::Argument { event, role }) => {
                self.add_argument(event, &role, id)?;
                self.pending = None;
                Ok(())
            }
            Some(Pending::Cue { .. } | Pending::Content { .. } | Pending::Part { .. }) => {
                self.select_span(span)
            }
        }
    }
}

impl Pending {
    /// The quote or event the pick is for.
    pub(super) fn target(&self) -> AnnotationId {
        match self {
            Pending::Speaker { quote } | Pending::Cue { quote } | Pending::Content { quote } => {
                *quote
            }
            Pending::Argument { event, .. } => *event,
            Pending::Part { entity } => *entity,
        }
    }
}

/// Removes every link from `annotation` to `id`: a speaker mention, event arguments.
fn unlink(annotation: &mut Annotation, id: AnnotationId) {
    match annotation {
        Annotation::Entity(_) => {}
        Annotation::Quote(q) => {
            if q.speaker == Some(Speaker::Mention(id)) {
                q.speaker = None;
            }
        }
        Annotation::Event(e) => e.arguments.retain(|a| a.filler != id),
    }
}
