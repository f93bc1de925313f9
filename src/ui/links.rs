//! The inspector's parts for annotations that link to others: a quote's content spans, cue and
//! speaker; an event's type and its arguments by role, with required roles left empty flagged.

use crate::model::Label;
use egui::{RichText, Ui};

use crate::model::{Annotation, AnnotationId, Document, Entity, Event, Quote, QuoteKind, Speaker};
use crate::workbench::{Action, Command, Pending, Workbench};

use super::colors;
use super::inspector::snippet;
use super::keys;
use super::view::Outbox;

pub fn quote(ui: &mut Ui, wb: &Workbench, doc: &Document, quote: &Quote, out: &mut Outbox) {
    let id = quote.id;
    let mut kind = quote.kind;
    egui::ComboBox::from_label("Kind")
        .selected_text(kind.name())
        .show_ui(ui, |ui| {
            for option in QuoteKind::ALL {
                ui.selectable_value(&mut kind, option, option.name());
            }
        })
        .response
        .on_hover_text(keys::keys_of(Action::CycleQuoteKind));
    if kind != quote.kind {
        out.command(Command::SetQuoteKind { quote: id, kind });
    }

    ui.label(RichText::new("Speaker").strong());
    ui.horizontal_wrapped(|ui| {
        match &quote.speaker {
            Some(Speaker::Mention(mention)) => {
                mention_button(ui, wb, doc, *mention, out);
            }
            Some(Speaker::Span(span)) => {
                let text = format!("“{}” (no mention)", snippet(doc, *span));
                ui.label(super::article::bidi_label(ui, &text, egui::TextStyle::Body));
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, "none yet");
            }
        }
        if quote.speaker.is_some()
            && ui
                .small_button("×")
                .accessible_name("Remove the speaker")
                .clicked()
        {
            out.command(Command::SetSpeaker {
                quote: id,
                speaker: None,
            });
        }
    });
    ui.horizontal(|ui| {
        let picking = wb.pending() == Some(&Pending::Speaker { quote: id });
        if ui
            .add_enabled(!picking, egui::Button::new("Pick speaker"))
            .on_hover_text("Then click the speaker's mention in the text, or select a span")
            .clicked()
        {
            out.command(Command::PickSpeaker { quote: id });
        }
        if ui
            .button("Nearest")
            .on_hover_text(format!(
                "The mention the attribution names: beside the cue, or the person a \"he said\" stands for ({})",
                keys::keys_of(Action::SpeakerNearest)
            ))
            .clicked()
        {
            out.command(Command::SpeakerNearest);
        }
    });

    ui.label(RichText::new("Cue").strong());
    ui.horizontal_wrapped(|ui| {
        match quote.cue {
            Some(cue) => {
                let text = format!("“{}”", snippet(doc, cue));
                ui.label(super::article::bidi_label(ui, &text, egui::TextStyle::Body));
                if ui
                    .small_button("×")
                    .accessible_name("Remove the cue")
                    .clicked()
                {
                    out.command(Command::SetCue {
                        quote: id,
                        span: None,
                    });
                }
            }
            None => {
                ui.label(RichText::new("none").weak());
            }
        }
        let picking = wb.pending() == Some(&Pending::Cue { quote: id });
        if ui
            .add_enabled(!picking, egui::Button::new("Mark cue"))
            .on_hover_text(format!(
                "Then select the cue (\"said\") in the text ({})",
                keys::keys_of(Action::PickCue)
            ))
            .clicked()
        {
            out.command(Command::PickCue { quote: id });
        }
    });

    ui.label(RichText::new("Content").strong());
    for (index, span) in quote.content.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let text = format!("{}. “{}”", index + 1, snippet(doc, *span));
            ui.label(super::article::bidi_wrapped_label(
                ui,
                &text,
                egui::TextStyle::Body,
            ));
            if quote.content.len() > 1
                && ui
                    .small_button("×")
                    .accessible_name("Remove this part")
                    .clicked()
            {
                out.command(Command::RemoveQuoteContent { quote: id, index });
            }
        });
    }
    let picking = wb.pending() == Some(&Pending::Content { quote: id });
    if ui
        .add_enabled(!picking, egui::Button::new("Add part"))
        .on_hover_text(format!(
            "For a quote split by \"he said\": select its other part next ({})",
            keys::keys_of(Action::PickContent)
        ))
        .clicked()
    {
        out.command(Command::PickContent { quote: id });
    }
}

/// The parts of a mention: listed (each removable) when it has several, and a button to add one.
pub fn entity_parts(
    ui: &mut Ui,
    wb: &Workbench,
    doc: &Document,
    entity: &Entity,
    out: &mut Outbox,
) {
    let id = entity.id;
    if entity.is_discontinuous() {
        ui.label(RichText::new("Parts").strong());
        for (index, span) in entity.all_spans().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let text = format!("{}. “{}”", index + 1, snippet(doc, span));
                ui.label(super::article::bidi_wrapped_label(
                    ui,
                    &text,
                    egui::TextStyle::Body,
                ));
                if ui
                    .small_button("×")
                    .accessible_name(format!("Remove part {}", index + 1))
                    .clicked()
                {
                    out.command(Command::RemoveEntityPart { entity: id, index });
                }
            });
        }
    }
    let picking = wb.pending() == Some(&Pending::Part { entity: id });
    if ui
        .add_enabled(!picking, egui::Button::new("Add part"))
        .on_hover_text(format!(
            "For a mention in pieces (\"New York and New Jersey ports\"): select its other part \
             next ({})",
            keys::keys_of(Action::PickContent)
        ))
        .clicked()
    {
        out.command(Command::PickPart { entity: id });
    }
}

pub fn event(ui: &mut Ui, wb: &Workbench, doc: &Document, event: &Event, out: &mut Outbox) {
    let id = event.id;
    let schema = &wb.project().schema;
    let mut event_type = event.event_type;
    egui::ComboBox::from_label("Type")
        .selected_text(event_type.as_str())
        .show_ui(ui, |ui| {
            for option in &schema.event_types {
                ui.selectable_value(&mut event_type, Label::new(&option.name), &option.name);
            }
        });
    if event_type != event.event_type {
        out.command(Command::CreateEvent(event_type.to_string()));
    }

    ui.label(RichText::new("Arguments").strong());
    let roles = schema
        .event_type(&event.event_type)
        .map(|ty| ty.roles.as_slice())
        .unwrap_or_default();
    // One wrapped row per role (not a grid: a grid cell cannot wrap its chips).
    for role in roles {
        let filled: Vec<(usize, AnnotationId)> = event
            .arguments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.role == role.name)
            .map(|(i, a)| (i, a.filler))
            .collect();
        ui.horizontal_wrapped(|ui| {
            let name = ui.label(RichText::new(format!("{}:", role.name)).strong());
            if !role.labels.is_empty() {
                name.on_hover_text(format!("takes {}", role.labels.join(", ")));
            }
            for (index, filler) in &filled {
                mention_button(ui, wb, doc, *filler, out);
                if ui
                    .small_button("×")
                    .accessible_name("Remove this argument")
                    .clicked()
                {
                    out.command(Command::RemoveArgument {
                        event: id,
                        index: *index,
                    });
                }
            }
            if filled.is_empty() && role.required {
                ui.colored_label(ui.visuals().error_fg_color, "required, empty");
            }
            let full = role.max.is_some_and(|max| filled.len() >= max as usize);
            let picking = wb.pending()
                == Some(&Pending::Argument {
                    event: id,
                    role: role.name.clone(),
                });
            let text = if picking {
                "Click a mention…"
            } else {
                "Fill"
            };
            if ui
                .add_enabled(!full && !picking, egui::Button::new(text).small())
                .accessible_name(format!("Fill {}", role.name))
                .on_hover_text(format!(
                    "Then click the annotation that fills {}",
                    role.name
                ))
                .clicked()
            {
                out.command(Command::PickArgument {
                    event: id,
                    role: role.name.clone(),
                });
            }
        });
    }
    // Arguments whose role the schema no longer has: shown so they can be removed.
    for (index, argument) in event.arguments.iter().enumerate() {
        if roles.iter().any(|r| r.name == argument.role) {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} (not a role of {})", argument.role, event.event_type),
            );
            mention_button(ui, wb, doc, argument.filler, out);
            if ui
                .small_button("×")
                .accessible_name("Remove this argument")
                .clicked()
            {
                out.command(Command::RemoveArgument { event: id, index });
            }
        });
    }
}

/// A linked annotation as a chip plus its text; clicking selects it.
fn mention_button(ui: &mut Ui, wb: &Workbench, doc: &Document, id: AnnotationId, out: &mut Outbox) {
    let Some(target) = wb.annotation(id) else {
        ui.colored_label(ui.visuals().error_fg_color, format!("#{id} is missing"));
        return;
    };
    let color = colors::annotation_color(&wb.project().schema, target);
    colors::chip(ui, target.label(), color);
    let text = match target {
        Annotation::Quote(_) => "quote".to_owned(),
        _ => snippet(doc, target.primary_span()),
    };
    if ui
        .link(super::article::bidi_label(ui, &text, egui::TextStyle::Body))
        .on_hover_text(format!("Select #{id}"))
        .clicked()
    {
        out.command(Command::SelectAnnotation(id));
    }
}
