//! The schema editor window: entity labels (add, rename, recolour, hotkey, describe, remove), quote
//! settings, and in [`super::schema_events`] event types with their roles and the attributes. Every
//! change is one workbench command and so one undo step; a rename updates every annotation at once.

use egui::{Id, RichText, Ui};

use crate::model::{Color, EntityLabel, QuoteSettings, Schema};
use crate::workbench::{Command, Workbench};

use super::colors;
use super::schema_events;
use super::view::Outbox;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Labels,
    Quotes,
    Events,
    Attributes,
}

/// The editor's own state: which tab, the one field being typed in, the names of things to add.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchemaEditor {
    pub tab: Tab,
    /// The field being typed in (its key) and its text; committed when it loses focus.
    pub editing: Option<(String, String)>,
    pub new_label: String,
    pub new_event_type: String,
    pub new_attribute: String,
    /// Why the last change made here was refused (a hotkey taken by a label or a command), shown
    /// at the top of the editor until the next change succeeds.
    pub refusal: Option<String>,
}

/// Shows the window; returns `false` when the analyst closed it.
pub fn show(
    ctx: &egui::Context,
    editor: &mut SchemaEditor,
    wb: &Workbench,
    out: &mut Outbox,
) -> bool {
    let mut open = true;
    egui::Window::new("Schema")
        .open(&mut open)
        .default_size([640.0, 480.0])
        .vscroll(true)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (tab, name) in [
                    (Tab::Labels, "Entity labels"),
                    (Tab::Quotes, "Quotes"),
                    (Tab::Events, "Event types"),
                    (Tab::Attributes, "Attributes"),
                ] {
                    ui.selectable_value(&mut editor.tab, tab, name);
                }
            });
            if let Some(refusal) = &editor.refusal {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Not changed: {refusal}."),
                );
            }
            ui.separator();
            let schema = &wb.project().schema;
            match editor.tab {
                Tab::Labels => labels(ui, editor, schema, out),
                Tab::Quotes => quotes(ui, editor, schema, out),
                Tab::Events => schema_events::event_types(ui, editor, schema, out),
                Tab::Attributes => schema_events::attributes(ui, editor, schema, out),
            }
            let problems = schema.problems();
            let clashes = crate::workbench::hotkey_clashes(schema);
            if !problems.is_empty() || !clashes.is_empty() {
                ui.separator();
                for problem in problems.iter().chain(&clashes) {
                    ui.colored_label(ui.visuals().warn_fg_color, problem);
                }
            }
        });
    open
}

fn labels(ui: &mut Ui, editor: &mut SchemaEditor, schema: &Schema, out: &mut Outbox) {
    egui::Grid::new("schema-labels")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Colour").strong());
            ui.label(RichText::new("Name").strong());
            ui.label(RichText::new("Key").strong());
            ui.label(RichText::new("Description").strong());
            ui.end_row();
            for label in &schema.entity_labels {
                let name = &label.name;
                if let Some(color) = color_button(
                    ui,
                    &mut editor.editing,
                    label.color,
                    &format!("Colour of {name}"),
                ) {
                    out.command(Command::SetLabelColor {
                        label: name.clone(),
                        color,
                    });
                }
                if let Some(to) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Name of {name}"),
                    name,
                    120.0,
                ) {
                    let to = to.trim().to_owned();
                    if !to.is_empty() {
                        out.command(Command::RenameEntityLabel {
                            from: name.clone(),
                            to,
                        });
                    }
                }
                if let Some(key) = hotkey_field(
                    ui,
                    &mut editor.editing,
                    &format!("Key of {name}"),
                    label.hotkey,
                ) {
                    out.command(Command::SetLabelHotkey {
                        label: name.clone(),
                        hotkey: key,
                    });
                }
                if let Some(description) = text_field(
                    ui,
                    &mut editor.editing,
                    &format!("Description of {name}"),
                    &label.description,
                    240.0,
                ) {
                    out.command(Command::SetLabelDescription {
                        label: name.clone(),
                        description,
                    });
                }
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {name}"))
                    .on_hover_text("Only possible while no annotation uses the label")
                    .clicked()
                {
                    out.command(Command::RemoveEntityLabel(name.clone()));
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New label");
        let response = ui
            .add(egui::TextEdit::singleline(&mut editor.new_label).hint_text("e.g. EVENT_NAME"))
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let name = editor.new_label.trim().to_owned();
        if (ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add label"))
            .clicked()
            || entered)
            && !name.is_empty()
        {
            out.command(Command::AddEntityLabel(EntityLabel {
                name,
                color: Color::palette(schema.entity_labels.len()),
                hotkey: None,
                description: String::new(),
            }));
            editor.new_label.clear();
        }
    });
}

fn quotes(ui: &mut Ui, editor: &mut SchemaEditor, schema: &Schema, out: &mut Outbox) {
    let quotes = &schema.quotes;
    let mut changed: Option<QuoteSettings> = None;
    let mut enabled = quotes.enabled;
    if ui.checkbox(&mut enabled, "Annotate quotes").changed() {
        changed = Some(QuoteSettings {
            enabled,
            ..quotes.clone()
        });
    }
    egui::Grid::new("schema-quotes")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Colour");
            if let Some(color) =
                color_button(ui, &mut editor.editing, quotes.color, "Colour of quotes")
            {
                changed = Some(QuoteSettings {
                    color,
                    ..quotes.clone()
                });
            }
            ui.end_row();
            ui.label("Key");
            if let Some(hotkey) =
                hotkey_field(ui, &mut editor.editing, "Key of quotes", quotes.hotkey)
            {
                changed = Some(QuoteSettings {
                    hotkey,
                    ..quotes.clone()
                });
            }
            ui.end_row();
            ui.label("Speaker labels");
            let current = quotes.speaker_labels.join(", ");
            if let Some(text) =
                text_field(ui, &mut editor.editing, "Speaker labels", &current, 240.0)
            {
                changed = Some(QuoteSettings {
                    speaker_labels: split_list(&text),
                    ..quotes.clone()
                });
            }
            ui.end_row();
        });
    ui.label(
        RichText::new(
            "Speaker labels: entity labels a speaker may carry, comma-separated; empty for any.",
        )
        .weak(),
    );
    if let Some(settings) = changed {
        out.command(Command::SetQuoteSettings(settings));
    }
}

/// A comma-separated list, trimmed, without empty items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A one-line text field bound to the model value, edited in `editing` while it has focus. Returns
/// the new text when the field loses focus changed.
pub fn text_field(
    ui: &mut Ui,
    editing: &mut Option<(String, String)>,
    name: &str,
    current: &str,
    width: f32,
) -> Option<String> {
    let mut buffer = match editing {
        Some((key, text)) if key == name => text.clone(),
        _ => current.to_owned(),
    };
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer)
                .id(Id::unique(("gloss-schema", name)))
                .desired_width(width)
                // A grid cell offers only last frame's column width; claim ours.
                .min_size(egui::vec2(width, 0.0)),
        )
        .accessible_name(name);
    if response.lost_focus() {
        if editing.as_ref().is_some_and(|(key, _)| key == name) {
            *editing = None;
        }
        return (buffer != current).then_some(buffer);
    }
    if response.has_focus() {
        *editing = Some((name.to_owned(), buffer));
    }
    None
}

/// A one-char hotkey field. Returns `Some(new)` when it loses focus changed (`Some(None)`: cleared).
pub fn hotkey_field(
    ui: &mut Ui,
    editing: &mut Option<(String, String)>,
    name: &str,
    current: Option<char>,
) -> Option<Option<char>> {
    let shown = current.map(String::from).unwrap_or_default();
    let typed = text_field(ui, editing, name, &shown, 24.0)?;
    // The last char typed wins, so typing over a key replaces it.
    Some(typed.trim().chars().last())
}

/// A colour swatch that opens the palette and a hex field; returns the colour picked.
pub fn color_button(
    ui: &mut Ui,
    editing: &mut Option<(String, String)>,
    current: Color,
    name: &str,
) -> Option<Color> {
    let mut picked = None;
    let swatch = egui::Button::new("    ").fill(colors::color32(current));
    egui::containers::menu::MenuButton::from_button(swatch)
        .ui(ui, |ui| {
            ui.label(name);
            ui.horizontal_wrapped(|ui| {
                ui.set_max_width(200.0);
                for i in 0..12 {
                    let color = Color::palette(i);
                    let button = egui::Button::new("    ").fill(colors::color32(color));
                    if ui.add(button).accessible_name(color.to_hex()).clicked() {
                        picked = Some(color);
                        ui.close();
                    }
                }
            });
            // A typed colour is committed once, when the field is left: one undo step, not one per
            // keystroke or drag frame as a colour picker would give.
            ui.horizontal(|ui| {
                ui.label("Hex");
                let hex = current.to_hex();
                if let Some(typed) = text_field(ui, editing, &format!("{name} (hex)"), &hex, 80.0) {
                    picked = Color::parse_hex(typed.trim());
                }
            });
        })
        .0
        .accessible_name(name);
    picked.filter(|c| *c != current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_split_on_commas_and_trimmed() {
        assert_eq!(split_list(" PERSON, ORG ,,GPE "), ["PERSON", "ORG", "GPE"]);
        assert!(split_list("  ").is_empty());
    }
}
