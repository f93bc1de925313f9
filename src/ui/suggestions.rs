//! Suggestions in the article: one dashed, lighter mark per suggested span in the label's colour,
//! the focused one emphasised, the score and recommender on hover, a click to focus one, and the
//! suggestion keys for the status line.
//!
//! The article addresses marks by [`AnnotationId`]; a suggestion's marks get the id
//! `u32::MAX - index` (its index in [`Workbench::suggestions`]), counted down from the top of the
//! range where layers, which number from 1, do not reach. An id a layer does use stays the
//! layer's: that suggestion gets no mark.

use std::sync::Arc;

use egui::{Color32, RichText, Ui};

use crate::model::{AnnotationId, Schema};
use crate::workbench::{Action, Command, Workbench};
use crate::workbench::{Suggestion, SuggestionKind};

use super::article::{Mark, MarkKind};
use super::colors;
use super::keys::keys_of;
use super::view::Outbox;

/// The marks of the shown suggestions, rebuilt when the workbench's list changes.
#[derive(Default)]
pub struct SuggestionMarks {
    list: Option<Arc<[Suggestion]>>,
    marks: Vec<Mark>,
    /// Bumps on every rebuild: add it to the layer's revision for the article's `marks_revision`.
    stamp: u64,
}

impl SuggestionMarks {
    /// Brings the marks up to date with the workbench; returns whether they changed.
    pub fn refresh(&mut self, wb: &Workbench) -> bool {
        let list = wb.suggestions();
        // The workbench hands out a new empty list on every call when it has none (a document
        // too long for live suggestions): comparing pointers alone rebuilt every mark of the
        // layer on every frame.
        if self
            .list
            .as_ref()
            .is_some_and(|old| Arc::ptr_eq(old, &list) || (old.is_empty() && list.is_empty()))
        {
            return false;
        }
        self.marks = build(wb, &list);
        self.list = Some(list);
        self.stamp += 1;
        true
    }

    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    pub fn stamp(&self) -> u64 {
        self.stamp
    }
}

/// The mark id of the suggestion at `index`.
pub fn mark_id(index: usize) -> Option<AnnotationId> {
    let index = u32::try_from(index).ok()?;
    Some(AnnotationId(u32::MAX - index))
}

/// The suggestion a mark id stands for; `None` for the layer's own annotations.
pub fn suggestion_of(wb: &Workbench, id: AnnotationId) -> Option<Suggestion> {
    if wb.annotation(id).is_some() {
        return None;
    }
    let index = usize::try_from(u32::MAX - id.0).ok()?;
    wb.suggestions().get(index).cloned()
}

/// What a click on a mark does: focus the suggestion, or the ordinary click on an annotation.
pub fn click(wb: &Workbench, id: AnnotationId) -> Command {
    match suggestion_of(wb, id) {
        Some(suggestion) => Command::FocusSuggestion(suggestion.key()),
        None => Command::ClickAnnotation(id),
    }
}

/// The mark id of the focused suggestion, drawn emphasised.
pub fn focused_mark(wb: &Workbench) -> Option<AnnotationId> {
    let (index, _) = wb.focused_suggestion()?;
    mark_id(index).filter(|id| wb.annotation(*id).is_none())
}

/// The marks: a mention, a quote's content and cue, an event's trigger. Speakers and arguments are
/// mentions that usually have entity suggestions of their own.
fn build(wb: &Workbench, list: &[Suggestion]) -> Vec<Mark> {
    let schema = &wb.project().schema;
    let quote_tag: Arc<str> = Arc::from("QUOTE");
    let cue_tag: Arc<str> = Arc::from("cue");
    let no_tag: Arc<str> = Arc::from("");
    let mut marks = Vec::with_capacity(list.len());
    for (index, suggestion) in list.iter().enumerate() {
        let Some(id) = mark_id(index).filter(|id| wb.annotation(*id).is_none()) else {
            continue;
        };
        let color = color_of(schema, suggestion);
        let mut mark = |span, tag: &Arc<str>| {
            marks.push(Mark {
                span,
                annotation: id,
                kind: MarkKind::Suggestion,
                color,
                tag: Arc::clone(tag),
            });
        };
        match &suggestion.kind {
            SuggestionKind::Entity { span, label } => mark(*span, &Arc::from(label.as_str())),
            SuggestionKind::Quote { content, cue, .. } => {
                for (i, span) in content.iter().enumerate() {
                    mark(*span, if i == 0 { &quote_tag } else { &no_tag });
                }
                if let Some(cue) = cue {
                    mark(*cue, &cue_tag);
                }
            }
            SuggestionKind::Event {
                trigger,
                event_type,
                ..
            } => mark(*trigger, &Arc::from(event_type.as_str())),
        }
    }
    marks
}

/// The schema's colour for the suggestion's label; grey for one the schema lacks.
pub fn color_of(schema: &Schema, suggestion: &Suggestion) -> Color32 {
    let color = match &suggestion.kind {
        SuggestionKind::Entity { label, .. } => schema.entity_label(label).map(|l| l.color),
        SuggestionKind::Quote { .. } => Some(schema.quotes.color),
        SuggestionKind::Event { event_type, .. } => schema.event_type(event_type).map(|t| t.color),
    };
    color.map_or(Color32::GRAY, colors::color32)
}

/// One line about a suggestion: `Suggested PERSON “Kurti” · 0.92 · baseline (title+name)`.
pub fn describe(wb: &Workbench, suggestion: &Suggestion) -> String {
    let text = wb
        .current_doc()
        .map(|doc| super::inspector::snippet(doc, suggestion.primary_span()))
        .unwrap_or_default();
    format!(
        "Suggested {} “{text}” · score {:.2} · {} ({})",
        suggestion.label(),
        suggestion.score,
        suggestion.recommender,
        suggestion.rule
    )
}

/// The status line's text for a hovered suggestion mark.
pub fn hover_text(wb: &Workbench, hovered: Option<AnnotationId>) -> Option<String> {
    let suggestion = suggestion_of(wb, hovered?)?;
    Some(describe(wb, &suggestion))
}

/// A tooltip at the pointer while it rests on a suggestion: label, score, recommender, rule and
/// the keys that decide it.
pub fn tooltip(ui: &Ui, wb: &Workbench, hovered: Option<AnnotationId>) {
    let Some(suggestion) = hovered.and_then(|id| suggestion_of(wb, id)) else {
        return;
    };
    let id = ui.scope_id().with("suggestion-tooltip");
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        id,
        egui::PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.label(RichText::new(format!("Suggested {}", suggestion.label())).strong());
        ui.label(format!("Score {:.2}", suggestion.score));
        ui.label(
            RichText::new(format!(
                "{} · rule {}",
                suggestion.recommender, suggestion.rule
            ))
            .weak(),
        );
        ui.label(
            RichText::new("Click to focus; then Y accepts, X rejects, a label key relabels")
                .small(),
        );
    });
}

/// In the inspector, while a suggestion is focused: what it proposes, and Accept / Reject buttons.
pub fn inspector_card(ui: &mut Ui, wb: &Workbench, out: &mut Outbox) {
    let Some((_, suggestion)) = wb.focused_suggestion() else {
        return;
    };
    ui.add_space(6.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            colors::chip(
                ui,
                suggestion.label(),
                color_of(&wb.project().schema, &suggestion),
            );
            ui.label(RichText::new("suggested").strong());
            ui.label(format!("score {:.2}", suggestion.score));
        });
        ui.label(
            RichText::new(format!(
                "by {} (rule {})",
                suggestion.recommender, suggestion.rule
            ))
            .weak(),
        );
        if let SuggestionKind::Quote { speaker, .. } = &suggestion.kind {
            let said_by = speaker.as_ref().and_then(|s| {
                let text = super::inspector::snippet(wb.current_doc()?, s.span);
                Some(format!("Speaker “{text}” ({})", s.resolved_by))
            });
            let said_by = said_by.unwrap_or_else(|| "No speaker found".to_owned());
            ui.label(super::article::bidi_wrapped_label(
                ui,
                &said_by,
                egui::TextStyle::Body,
            ));
        }
        if let SuggestionKind::Event { arguments, .. } = &suggestion.kind
            && let Some(doc) = wb.current_doc()
        {
            for argument in arguments {
                let text = super::inspector::snippet(doc, argument.span);
                let line = format!("{}: “{text}”", argument.role);
                ui.label(super::article::bidi_wrapped_label(
                    ui,
                    &line,
                    egui::TextStyle::Body,
                ));
            }
        }
        ui.horizontal(|ui| {
            let accept = format!("Accept ({})", keys_of(Action::AcceptSuggestion));
            if ui.button(accept).clicked() {
                out.command(Command::AcceptSuggestion(Some(suggestion.key())));
            }
            let reject = format!("Reject ({})", keys_of(Action::RejectSuggestion));
            if ui.button(reject).clicked() {
                out.command(Command::RejectSuggestion(Some(suggestion.key())));
            }
        });
    });
}

/// The suggestion keys for the status line: deciding when one is focused, else how to reach one.
pub fn key_hints(wb: &Workbench) -> Vec<(String, &'static str)> {
    if wb.review().is_some() {
        return Vec::new();
    }
    let key = |action: Action, what: &'static str| (keys_of(action).to_owned(), what);
    if wb.focused_suggestion().is_some() {
        vec![
            key(Action::AcceptSuggestion, "accept"),
            key(Action::RejectSuggestion, "reject"),
            key(Action::AcceptAllSuggestions, "accept all like it"),
            key(Action::NextSuggestion, "next suggestion"),
        ]
    } else if !wb.suggestions().is_empty() {
        vec![key(Action::NextSuggestion, "next suggestion")]
    } else {
        Vec::new()
    }
}
