//! Keys to actions: egui key events become the workbench's toolkit-free [`Chord`]s, looked up in the
//! one command list ([`workbench::shortcuts`]); typed characters that are no shortcut are the schema's
//! hotkeys. Nothing here runs while a text field has focus: typing a note never labels the text.

use egui::{Event, Modifiers};

use crate::workbench::{self, Action, Chord, Command, Key, Pending, Workbench};

use super::article::Page;
use super::view::{Outbox, SidePanel, UiAction, View};

/// Turns this frame's key presses into commands and UI actions. `modal` is true while a dialog that
/// takes the keyboard (annotator, new project, error) is open: then only the dialog sees keys.
pub fn handle(
    ctx: &egui::Context,
    wb: Option<&Workbench>,
    view: &View,
    modal: bool,
    out: &mut Outbox,
) {
    if modal || ctx.text_edit_focused() {
        return;
    }
    let (events, modifiers) = ctx.input(|i| (i.events.clone(), i.modifiers));
    let mut took_tab = false;
    for event in events {
        match event {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                let Some(chord) = chord_of_key(key, modifiers) else {
                    continue;
                };
                if let Some(action) = workbench::action_for(chord) {
                    took_tab |= chord.key == Key::Tab;
                    dispatch(action, wb, view, out);
                }
            }
            Event::Text(text) => {
                // With Ctrl or Alt held the key event above carries the meaning.
                if modifiers.command || modifiers.alt {
                    continue;
                }
                let mut chars = text.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    continue;
                };
                let chord = Chord {
                    key: Key::Char(c),
                    ctrl: false,
                    shift: false,
                    alt: false,
                };
                if let Some(wb) = wb
                    && matches!(
                        wb.pending(),
                        Some(Pending::Speaker { .. } | Pending::Argument { .. })
                    )
                    && let Some(n) = c.to_digit(10).filter(|&n| n >= 1)
                {
                    // Picking: 1 to 9 take the candidates the inspector numbers.
                    out.command(Command::PickNumber(n as usize));
                } else if let Some(action) = workbench::action_for(chord)
                    // Digits mean nothing else outside a pick: a project's own digit hotkey wins.
                    .filter(|&a| a != Action::PickNumbered)
                {
                    dispatch(action, wb, view, out);
                } else if let Some(wb) = wb
                    && is_hotkey(wb, c)
                {
                    out.command(Command::Hotkey(c));
                } else if let Some(action) = wb.and_then(|wb| wb.suggestion_action_for(c)) {
                    // After the hotkeys: a schema hotkey on the same key wins.
                    dispatch(action, wb, view, out);
                }
            }
            _ => {}
        }
    }
    if took_tab {
        // egui also moves keyboard focus on Tab; here Tab moves between annotations instead.
        ctx.memory_mut(|memory| memory.stop_text_input());
    }
}

/// Carries out an action from a key, a menu or a button.
pub fn dispatch(action: Action, wb: Option<&Workbench>, view: &View, out: &mut Outbox) {
    let ui_action = match action {
        Action::NewProject => Some(UiAction::NewProjectDialog),
        Action::OpenProject => Some(UiAction::OpenProjectDialog),
        Action::ImportTexts => Some(UiAction::ImportTexts),
        Action::Export => Some(UiAction::ExportJsonl),
        Action::Quit => Some(UiAction::Quit),
        Action::SchemaEditor => Some(UiAction::ShowSchemaEditor),
        Action::Recommenders => Some(UiAction::ShowRecommenders),
        Action::Find => Some(UiAction::OpenFind),
        Action::SearchCorpus => Some(UiAction::OpenCorpusSearch),
        Action::Consistency => Some(UiAction::ShowConsistency),
        Action::WhoSaid => Some(UiAction::ShowWhoSaid),
        // Digits are read as typed text while a pick waits (see `handle`).
        Action::PickNumbered => None,
        Action::Help => Some(UiAction::ShowHelp),
        Action::PageDown => Some(UiAction::Scroll(Page::Down)),
        Action::PageUp => Some(UiAction::Scroll(Page::Up)),
        Action::ArticleStart => Some(UiAction::Scroll(Page::Start)),
        Action::ArticleEnd => Some(UiAction::Scroll(Page::End)),
        Action::ToggleDocuments => Some(UiAction::TogglePanel(SidePanel::Documents)),
        Action::ToggleInspector => Some(UiAction::TogglePanel(SidePanel::Inspector)),
        Action::Cancel if view.find_open && wb.is_none_or(|wb| wb.pending().is_none()) => {
            Some(UiAction::CloseFind)
        }
        _ => None,
    };
    if let Some(ui_action) = ui_action {
        out.action(ui_action);
        return;
    }
    let Some(wb) = wb else {
        return;
    };
    match wb.command_for(action) {
        // Accepting many at once asks first, saying how many of which label.
        Some(Command::AcceptAllSuggestions { label, min_score }) => {
            out.action(UiAction::ConfirmAcceptAll { label, min_score });
        }
        Some(command) => out.command(command),
        None => {
            if matches!(action, Action::PickCue | Action::PickContent) {
                out.action(UiAction::Hint(if action == Action::PickContent {
                    "Select a quote or a mention first".to_owned()
                } else {
                    "Select a quote first".to_owned()
                }));
            }
            if matches!(
                action,
                Action::AcceptSuggestion | Action::RejectSuggestion | Action::AcceptAllSuggestions
            ) {
                out.action(UiAction::Hint(
                    "Focus a suggestion first: ] goes to the next one".to_owned(),
                ));
            }
        }
    }
}

/// Whether a typed character is one of the schema's hotkeys (entity label, event type or quote).
pub fn is_hotkey(wb: &Workbench, c: char) -> bool {
    let schema = &wb.project().schema;
    schema.label_for_hotkey(c).is_some()
        || schema.event_types.iter().any(|t| t.hotkey == Some(c))
        || (schema.quotes.enabled && schema.quotes.hotkey == Some(c))
}

/// The key text of an action, for menus and buttons (`Ctrl+Z`); empty when it has none.
pub fn keys_of(action: Action) -> &'static str {
    workbench::shortcut(action).map_or("", |s| s.keys)
}

/// The workbench chord of an egui key press; `None` for keys the command list never uses, and for
/// plain letters, which arrive again as typed text (see [`handle`]).
fn chord_of_key(key: egui::Key, modifiers: Modifiers) -> Option<Chord> {
    let named = match key {
        egui::Key::Tab => Some(Key::Tab),
        egui::Key::Enter => Some(Key::Enter),
        egui::Key::Escape => Some(Key::Escape),
        egui::Key::Delete => Some(Key::Delete),
        egui::Key::Backspace => Some(Key::Backspace),
        egui::Key::ArrowLeft => Some(Key::ArrowLeft),
        egui::Key::ArrowRight => Some(Key::ArrowRight),
        egui::Key::F1 => Some(Key::F1),
        egui::Key::F3 => Some(Key::F3),
        egui::Key::F9 => Some(Key::F9),
        egui::Key::F10 => Some(Key::F10),
        egui::Key::PageUp => Some(Key::PageUp),
        egui::Key::PageDown => Some(Key::PageDown),
        egui::Key::Home => Some(Key::Home),
        egui::Key::End => Some(Key::End),
        egui::Key::Space => Some(Key::Space),
        _ => None,
    };
    let key = match named {
        Some(key) => key,
        None => {
            if !(modifiers.command || modifiers.alt) {
                return None;
            }
            let mut chars = key.name().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() => Key::Char(c.to_ascii_lowercase()),
                _ => return None,
            }
        }
    };
    Some(Chord {
        key,
        ctrl: modifiers.command,
        shift: modifiers.shift,
        alt: modifiers.alt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_with_ctrl_become_chords_and_plain_letters_wait_for_their_text() {
        let ctrl = Modifiers::COMMAND;
        assert_eq!(
            chord_of_key(egui::Key::Z, ctrl).and_then(workbench::action_for),
            Some(Action::Undo)
        );
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        assert_eq!(
            chord_of_key(egui::Key::Z, ctrl_shift).and_then(workbench::action_for),
            Some(Action::Redo)
        );
        assert_eq!(chord_of_key(egui::Key::P, Modifiers::NONE), None);
        assert_eq!(
            chord_of_key(egui::Key::ArrowRight, Modifiers::ALT).and_then(workbench::action_for),
            Some(Action::NextDocument)
        );
    }
}
