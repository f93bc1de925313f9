//! The adjudication keys. While the comparison is open, N, Shift+N, A, B, T, S and E are review
//! keys: they are read here, before the window's key handling, and taken out of the frame's input
//! so that they do not also label the selection with a schema hotkey of the same letter.

use egui::Event;

use crate::workbench::{self, Action, Chord, Key, Workbench};

use crate::ui::view::Outbox;

/// Turns this frame's review keys into commands and removes them from the input. Does nothing
/// while no comparison is open, a dialog is modal, or a text field has the keyboard.
pub fn handle_keys(ctx: &egui::Context, wb: Option<&Workbench>, modal: bool, out: &mut Outbox) {
    let Some(wb) = wb else {
        return;
    };
    if wb.review().is_none() || modal || ctx.text_edit_focused() {
        return;
    }
    let mut taken: Vec<char> = Vec::new();
    ctx.input(|input| {
        for event in &input.events {
            // Typed text carries the letter as the keyboard layout gives it; with Ctrl or Alt held
            // the key is a shortcut of the window instead.
            if let Event::Text(text) = event
                && !input.modifiers.command
                && !input.modifiers.alt
            {
                let mut chars = text.chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && let Some(action) = workbench::review_action_for(plain(c))
                {
                    taken.push(c);
                    if let Some(command) = wb.command_for(action) {
                        out.command(command);
                    }
                }
            }
        }
    });
    if taken.is_empty() {
        return;
    }
    ctx.input_mut(|input| {
        input.events.retain(|event| match event {
            Event::Text(text) => !text.chars().all(|c| taken.contains(&c)),
            Event::Key { key, modifiers, .. } if !modifiers.command && !modifiers.alt => {
                let name = key.name().to_ascii_lowercase();
                !taken
                    .iter()
                    .any(|c| c.to_ascii_lowercase().to_string() == name)
            }
            _ => true,
        });
    });
}

fn plain(c: char) -> Chord {
    Chord {
        key: Key::Char(c),
        ctrl: false,
        shift: false,
        alt: false,
    }
}

/// The review keys for the status line, while the comparison is open.
pub fn key_hints(wb: &Workbench) -> Vec<(String, &'static str)> {
    let Some(review) = wb.review() else {
        return Vec::new();
    };
    let key = |action: Action, what: &'static str| {
        let keys = workbench::shortcut(action).map_or("", |s| s.keys);
        (keys.to_owned(), what)
    };
    let mut keys = vec![
        key(Action::NextDisagreement, "next disagreement"),
        key(Action::PreviousDisagreement, "previous"),
    ];
    if review.current().is_some() {
        keys.extend([
            key(Action::TakeA, "take A"),
            key(Action::TakeB, "take B"),
            key(Action::TakeBoth, "take both"),
            key(Action::SkipDisagreement, "skip"),
            key(Action::EditInGold, "edit in gold"),
        ]);
    }
    keys
}
