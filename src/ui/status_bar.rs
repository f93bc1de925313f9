//! The bottom bar: the last message (or the pick in progress, or what is under the pointer), then the
//! keys that apply to what is selected now.

use egui::{RichText, Ui};

use crate::model::Annotation;
use crate::workbench::{Action, Workbench};

use super::keys::keys_of;
use super::view::{Tone, View};

/// Background work the status line shows.
pub struct Busy {
    /// What the work says it is doing (may be empty).
    pub message: String,
    /// Whether a spinner turns (work is running) or not (waiting for the analyst in a dialog).
    pub animate: bool,
}

pub fn show(ui: &mut Ui, wb: Option<&Workbench>, view: &View, busy: Option<&Busy>) {
    ui.horizontal_wrapped(|ui| {
        if let Some(reading) = wb.and_then(Workbench::reading) {
            if reading.failure.is_some() {
                ui.label(RichText::new(reading.sentence()).color(ui.visuals().warn_fg_color));
            } else if reading.resting {
                ui.label(RichText::new(reading.sentence()).weak());
            } else {
                ui.spinner();
                ui.label(RichText::new(reading.sentence()).weak());
            }
            ui.separator();
        }
        if let Some(busy) = busy {
            if busy.animate {
                ui.spinner();
            }
            if !busy.message.is_empty() {
                ui.label(RichText::new(&busy.message).weak());
            }
        }
        message(ui, wb, view);
        ui.separator();
        for (keys, what) in keys_now(wb, view) {
            key_hint(ui, &keys, what);
        }
    });
}

fn message(ui: &mut Ui, wb: Option<&Workbench>, view: &View) {
    if let Some(pending) = wb.and_then(Workbench::pending) {
        ui.label(RichText::new(pending.prompt()).strong());
        return;
    }
    if let Some(message) = &view.message {
        let color = match message.tone {
            Tone::Info => ui.visuals().text_color(),
            Tone::Warning => ui.visuals().warn_fg_color,
        };
        ui.label(RichText::new(&message.text).color(color));
        return;
    }
    if let Some(text) = wb.and_then(|wb| super::suggestions::hover_text(wb, view.hovered)) {
        ui.label(text);
        return;
    }
    if let (Some(wb), Some(id)) = (wb, view.hovered)
        && let (Some(annotation), Some(doc)) = (wb.annotation(id), wb.current_doc())
    {
        let text = format!(
            "{} #{id}: “{}”",
            annotation.label(),
            super::inspector::snippet(doc, annotation.primary_span())
        );
        ui.label(super::article::bidi_label(ui, &text, egui::TextStyle::Body));
        return;
    }
    ui.label(RichText::new("Ready").weak());
}

/// One key and what it does, the key in a small frame.
fn key_hint(ui: &mut Ui, keys: &str, what: &str) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        egui::Frame::new()
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(3.0)
            .inner_margin(egui::Margin::symmetric(4, 0))
            .show(ui, |ui| ui.label(RichText::new(keys).monospace().small()));
        ui.label(RichText::new(what).small());
    });
}

/// The keys worth showing for the current state, most useful first.
fn keys_now(wb: Option<&Workbench>, view: &View) -> Vec<(String, &'static str)> {
    let key = |action: Action, what: &'static str| (keys_of(action).to_owned(), what);
    let Some(wb) = wb else {
        return vec![
            key(Action::OpenProject, "open project"),
            key(Action::NewProject, "new project"),
            key(Action::Help, "all keys"),
        ];
    };
    if wb.pending().is_some() {
        return vec![key(Action::Cancel, "cancel")];
    }
    let mut keys = super::review::key_hints(wb);
    keys.extend(super::suggestions::key_hints(wb));
    if view.find_open {
        keys.push(key(Action::FindNext, "next hit"));
        keys.push(key(Action::FindPrevious, "previous hit"));
        if wb.last_label().is_some() {
            keys.push(key(Action::LabelFindHit, "label hit"));
        }
    }
    match wb.selected_annotation() {
        Some(Annotation::Quote(_)) => {
            keys.push(key(Action::SpeakerNearest, "nearest speaker"));
            keys.push(key(Action::PickCue, "mark cue"));
            keys.push(key(Action::PickContent, "add part"));
            keys.push(key(Action::CycleQuoteKind, "kind"));
            keys.push(key(Action::Delete, "delete"));
        }
        Some(Annotation::Event(_)) => {
            keys.push(("Fill".to_owned(), "in the inspector: add arguments"));
            keys.push(key(Action::Delete, "delete"));
        }
        Some(Annotation::Entity(_)) => {
            keys.push(("label key".to_owned(), "relabel"));
            keys.push(("Shift/Ctrl+←→".to_owned(), "resize"));
            keys.push(key(Action::Delete, "delete"));
        }
        None if wb.selection().span.is_some_and(|s| !s.is_empty()) => {
            keys.extend(label_keys(wb));
            keys.push(("Shift/Ctrl+←→".to_owned(), "resize"));
        }
        None => {
            keys.push(("drag / double-click".to_owned(), "select text"));
        }
    }
    keys.push(key(Action::NextAnnotation, "next annotation"));
    keys.push(key(Action::Undo, "undo"));
    keys.push(key(Action::NextDocument, "next document"));
    keys.push(key(Action::Find, "find"));
    keys.push(key(Action::Help, "all keys"));
    keys
}

/// The schema's hotkeys, for when text is selected.
fn label_keys(wb: &Workbench) -> Vec<(String, &'static str)> {
    let schema = &wb.project().schema;
    let mut keys: Vec<(String, &'static str)> = Vec::new();
    let labels: Vec<String> = schema
        .entity_labels
        .iter()
        .filter_map(|l| l.hotkey.map(|k| format!("{k} {}", l.name)))
        .collect();
    if !labels.is_empty() {
        keys.push((labels.join("  "), "label"));
    }
    if schema.quotes.enabled
        && let Some(k) = schema.quotes.hotkey
    {
        keys.push((k.to_string(), "quote"));
    }
    let events: Vec<String> = schema
        .event_types
        .iter()
        .filter_map(|t| t.hotkey.map(|k| format!("{k} {}", t.name)))
        .collect();
    if !events.is_empty() {
        keys.push((events.join("  "), "event"));
    }
    keys
}
