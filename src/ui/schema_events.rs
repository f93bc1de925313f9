//! The schema editor's event types (name, colour, key, description, roles) and attributes. Each change
//! replaces one event type or the attribute list in a single command: one undo step.

use egui::{RichText, Ui};

use crate::model::{AttributeDef, AttributeTarget, Color, EventType, RoleDef, Schema};
use crate::workbench::Command;

use super::schema_editor::{SchemaEditor, color_button, hotkey_field, split_list, text_field};
use super::view::Outbox;

pub fn event_types(ui: &mut Ui, editor: &mut SchemaEditor, schema: &Schema, out: &mut Outbox) {
    for ty in &schema.event_types {
        let name = ty.name.clone();
        egui::CollapsingHeader::new(RichText::new(&name).strong())
            .id_salt(("event-type", &name))
            .show(ui, |ui| {
                if let Some(changed) = event_type(ui, editor, ty) {
                    out.command(Command::UpdateEventType {
                        name: name.clone(),
                        event_type: changed,
                    });
                }
                if ui
                    .small_button("Remove event type")
                    .accessible_name(format!("Remove event type {name}"))
                    .on_hover_text("Only possible while no event has this type")
                    .clicked()
                {
                    out.command(Command::RemoveEventType(name.clone()));
                }
            });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New event type");
        ui.add(egui::TextEdit::singleline(&mut editor.new_event_type).hint_text("e.g. VISIT"))
            .labelled_by(label.id);
        let name = editor.new_event_type.trim().to_owned();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add event type"))
            .clicked()
        {
            out.command(Command::AddEventType(EventType {
                name,
                description: String::new(),
                color: Color::palette(schema.event_types.len() + schema.entity_labels.len()),
                hotkey: None,
                roles: Vec::new(),
            }));
            editor.new_event_type.clear();
        }
    });
}

/// The fields of one event type; returns the changed type when one field was committed.
fn event_type(ui: &mut Ui, editor: &mut SchemaEditor, ty: &EventType) -> Option<EventType> {
    let name = &ty.name;
    let mut changed: Option<EventType> = None;
    egui::Grid::new(("event-type-fields", name))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(to) = text_field(
                ui,
                &mut editor.editing,
                &format!("Name of event type {name}"),
                name,
                160.0,
            ) && !to.trim().is_empty()
            {
                changed = Some(EventType {
                    name: to.trim().to_owned(),
                    ..ty.clone()
                });
            }
            ui.end_row();
            ui.label("Colour");
            if let Some(color) = color_button(
                ui,
                &mut editor.editing,
                ty.color,
                &format!("Colour of {name}"),
            ) {
                changed = Some(EventType {
                    color,
                    ..ty.clone()
                });
            }
            ui.end_row();
            ui.label("Key");
            if let Some(hotkey) = hotkey_field(
                ui,
                &mut editor.editing,
                &format!("Key of {name}"),
                ty.hotkey,
            ) {
                changed = Some(EventType {
                    hotkey,
                    ..ty.clone()
                });
            }
            ui.end_row();
            ui.label("Description");
            if let Some(description) = text_field(
                ui,
                &mut editor.editing,
                &format!("Description of {name}"),
                &ty.description,
                260.0,
            ) {
                changed = Some(EventType {
                    description,
                    ..ty.clone()
                });
            }
            ui.end_row();
        });
    ui.label(RichText::new("Roles").strong());
    egui::Grid::new(("event-roles", name))
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            ui.label("Role");
            ui.label("Takes (labels, comma-separated; empty: any)");
            ui.label("Required");
            ui.label("At most");
            ui.end_row();
            for (index, role) in ty.roles.iter().enumerate() {
                if let Some(role) = role_row(ui, editor, name, role) {
                    let mut next = ty.clone();
                    next.roles[index] = role;
                    changed = Some(next);
                }
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove role {} of {name}", role.name))
                    .clicked()
                {
                    let mut next = ty.clone();
                    next.roles.remove(index);
                    changed = Some(next);
                }
                ui.end_row();
            }
        });
    if ui
        .button("Add role")
        .accessible_name(format!("Add role to {name}"))
        .clicked()
    {
        let mut next = ty.clone();
        let mut n = next.roles.len() + 1;
        while next.roles.iter().any(|r| r.name == format!("Role{n}")) {
            n += 1;
        }
        next.roles.push(RoleDef {
            name: format!("Role{n}"),
            labels: Vec::new(),
            required: false,
            max: None,
        });
        changed = Some(next);
    }
    changed
}

fn role_row(
    ui: &mut Ui,
    editor: &mut SchemaEditor,
    event: &str,
    role: &RoleDef,
) -> Option<RoleDef> {
    let key = format!("role {} of {event}", role.name);
    let mut changed = None;
    if let Some(to) = text_field(
        ui,
        &mut editor.editing,
        &format!("Name of {key}"),
        &role.name,
        110.0,
    ) && !to.trim().is_empty()
    {
        changed = Some(RoleDef {
            name: to.trim().to_owned(),
            ..role.clone()
        });
    }
    let labels = role.labels.join(", ");
    if let Some(text) = text_field(
        ui,
        &mut editor.editing,
        &format!("Labels of {key}"),
        &labels,
        180.0,
    ) {
        changed = Some(RoleDef {
            labels: split_list(&text),
            ..role.clone()
        });
    }
    let mut required = role.required;
    if ui
        .checkbox(&mut required, "")
        .accessible_name(format!("{key} is required"))
        .changed()
    {
        changed = Some(RoleDef {
            required,
            ..role.clone()
        });
    }
    let max = role.max.map(|m| m.to_string()).unwrap_or_default();
    if let Some(text) = text_field(
        ui,
        &mut editor.editing,
        &format!("At most for {key}"),
        &max,
        40.0,
    ) {
        let text = text.trim();
        if text.is_empty() {
            changed = Some(RoleDef {
                max: None,
                ..role.clone()
            });
        } else if let Ok(max) = text.parse::<u32>() {
            changed = Some(RoleDef {
                max: Some(max),
                ..role.clone()
            });
        }
    }
    changed
}

pub fn attributes(ui: &mut Ui, editor: &mut SchemaEditor, schema: &Schema, out: &mut Outbox) {
    let defs = &schema.attributes;
    let mut next: Option<Vec<AttributeDef>> = None;
    egui::Grid::new("schema-attributes")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                "Name",
                "Applies to",
                "Labels (empty: all)",
                "Values (empty: free text)",
                "Description",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (index, def) in defs.iter().enumerate() {
                let key = format!("attribute {} of {}", def.name, def.target.name());
                let mut set = |changed: AttributeDef| {
                    let mut all = defs.clone();
                    all[index] = changed;
                    next = Some(all);
                };
                if let Some(to) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Name of {key}"),
                    &def.name,
                    100.0,
                ) && !to.trim().is_empty()
                {
                    set(AttributeDef {
                        name: to.trim().to_owned(),
                        ..def.clone()
                    });
                }
                let mut target = def.target;
                egui::ComboBox::from_id_salt(("attribute-target", index))
                    .selected_text(target.name())
                    .show_ui(ui, |ui| {
                        for option in [
                            AttributeTarget::Entities,
                            AttributeTarget::Quotes,
                            AttributeTarget::Events,
                        ] {
                            ui.selectable_value(&mut target, option, option.name());
                        }
                    })
                    .response
                    .accessible_name(format!("What {key} applies to"));
                if target != def.target {
                    set(AttributeDef {
                        target,
                        ..def.clone()
                    });
                }
                let labels = def.labels.join(", ");
                if let Some(text) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Labels of {key}"),
                    &labels,
                    120.0,
                ) {
                    set(AttributeDef {
                        labels: split_list(&text),
                        ..def.clone()
                    });
                }
                let values = def.values.join(", ");
                if let Some(text) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Values of {key}"),
                    &values,
                    160.0,
                ) {
                    set(AttributeDef {
                        values: split_list(&text),
                        ..def.clone()
                    });
                }
                if let Some(description) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Description of {key}"),
                    &def.description,
                    160.0,
                ) {
                    set(AttributeDef {
                        description,
                        ..def.clone()
                    });
                }
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {key}"))
                    .clicked()
                {
                    let mut all = defs.clone();
                    all.remove(index);
                    next = Some(all);
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New attribute");
        ui.add(egui::TextEdit::singleline(&mut editor.new_attribute).hint_text("e.g. polarity"))
            .labelled_by(label.id);
        let name = editor.new_attribute.trim().to_owned();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add attribute"))
            .clicked()
        {
            let mut all = defs.clone();
            all.push(AttributeDef {
                name,
                target: AttributeTarget::Entities,
                labels: Vec::new(),
                values: Vec::new(),
                description: String::new(),
            });
            next = Some(all);
            editor.new_attribute.clear();
        }
    });
    if let Some(all) = next {
        out.command(Command::SetAttributeDefs(all));
    }
}
