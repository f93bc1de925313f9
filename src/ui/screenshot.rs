//! `gloss --screenshot FILE`: render a few frames, capture the window, write a PNG, close. With
//! `--keys`, the keys are pressed one a frame once the project has opened, so a script can show the
//! window in any state a user reaches from the keyboard (`scripts/screenshots.sh`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Where to write the PNG and after how many frames to capture (so that fonts, layout and the loaded
/// project have settled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screenshot {
    pub path: PathBuf,
    pub frames: u32,
    /// Pressed in order, one a frame, before the frames are counted.
    pub keys: Vec<Chord>,
    /// Opens the project as this annotator (else its first).
    pub annotator: Option<String>,
}

/// One key press with its modifiers, as `--keys` names it: `ctrl+r`, `shift+n`, `alt+s`, `F3`, `y`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chord {
    key: egui::Key,
    modifiers: egui::Modifiers,
    /// What typing it enters, for a printable key without Ctrl or Alt (the label keys read text).
    text: Option<String>,
}

impl Chord {
    /// Reads `ctrl+shift+r`-style names; the error says what was expected.
    pub fn parse(name: &str) -> Result<Self, String> {
        let mut modifiers = egui::Modifiers::NONE;
        let mut parts: Vec<&str> = name.split('+').collect();
        let key_name = parts.pop().unwrap_or_default();
        for part in parts {
            match part.to_ascii_lowercase().as_str() {
                "ctrl" | "cmd" => modifiers |= egui::Modifiers::COMMAND,
                "shift" => modifiers |= egui::Modifiers::SHIFT,
                "alt" => modifiers |= egui::Modifiers::ALT,
                _ => {
                    return Err(format!(
                        "key {name:?}: expected the modifiers ctrl, shift or alt before the key, not {part:?}"
                    ));
                }
            }
        }
        let single = {
            let mut chars = key_name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        };
        let key = egui::Key::from_name(key_name)
            .or_else(|| single.and_then(|c| egui::Key::from_name(&c.to_ascii_uppercase().to_string())))
            .ok_or_else(|| {
                format!("key {name:?}: expected a key name such as a, 1, F3, Enter, Escape, Space, PageDown")
            })?;
        let typing = !modifiers.command && !modifiers.alt;
        let text = match single {
            Some(c) if typing && !c.is_control() => Some(if modifiers.shift {
                c.to_uppercase().collect()
            } else {
                c.to_string()
            }),
            _ if typing && key == egui::Key::Space => Some(" ".to_owned()),
            _ => None,
        };
        Ok(Self {
            key,
            modifiers,
            text,
        })
    }

    /// The events a keyboard sends for this press: key down, the text it types, key up.
    fn events(&self) -> Vec<egui::Event> {
        let key = |pressed| egui::Event::Key {
            key: self.key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: self.modifiers,
        };
        let mut events = vec![key(true)];
        if let Some(text) = &self.text {
            events.push(egui::Event::Text(text.clone()));
        }
        events.push(key(false));
        events
    }
}

/// Where a screenshot run stands.
enum Stage {
    /// Pressing the keys, one a frame (the next one is at `next`).
    Pressing { next: usize },
    /// Counting frames.
    Rendering { frames_left: u32 },
    /// Asked the integration for the pixels; they arrive through the channel.
    Requested(Receiver<Arc<egui::ColorImage>>),
    /// Written (or failed): the window is closing.
    Finished,
}

/// Drives one screenshot run from the app's frame loop.
pub struct ScreenshotRun {
    target: Screenshot,
    stage: Stage,
    /// `Some` once finished: `Err` carries why the PNG could not be written.
    outcome: Option<Result<(), String>>,
}

impl ScreenshotRun {
    pub fn new(target: Screenshot) -> Self {
        Self {
            target,
            stage: Stage::Pressing { next: 0 },
            outcome: None,
        }
    }

    /// Adds the next key's events to the frame's input once the window is ready (the project open,
    /// no job running), so each key acts on what the previous one left.
    pub fn press(&mut self, input: &mut egui::RawInput, ready: bool) {
        if let Stage::Pressing { next } = &mut self.stage
            && ready
            && let Some(chord) = self.target.keys.get(*next)
        {
            input.events.extend(chord.events());
            *next += 1;
        }
    }

    /// Whether the app may start counting frames: callers hold back while a project is still loading.
    /// Called once per frame, after the frame's UI was built.
    pub fn frame(&mut self, ctx: &egui::Context, ready: bool) {
        match &mut self.stage {
            Stage::Pressing { next } => {
                if *next >= self.target.keys.len() {
                    self.stage = Stage::Rendering {
                        frames_left: self.target.frames.max(1),
                    };
                }
                ctx.request_repaint();
            }
            Stage::Rendering { frames_left } => {
                if ready {
                    *frames_left = frames_left.saturating_sub(1);
                }
                if *frames_left == 0 {
                    let (tx, rx) = mpsc::channel();
                    let waker = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        let _ = tx.send(image);
                        waker.request_repaint();
                    });
                    self.stage = Stage::Requested(rx);
                }
                ctx.request_repaint();
            }
            Stage::Requested(rx) => match rx.try_recv() {
                Ok(image) => {
                    self.outcome = Some(write_png(&self.target.path, &image));
                    self.stage = Stage::Finished;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                Err(TryRecvError::Empty) => ctx.request_repaint(),
                Err(TryRecvError::Disconnected) => {
                    self.outcome = Some(Err("the window system gave no screenshot".to_owned()));
                    self.stage = Stage::Finished;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            },
            Stage::Finished => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// `None` until the PNG was written or failed.
    pub fn outcome(&self) -> Option<&Result<(), String>> {
        self.outcome.as_ref()
    }
}

/// Writes the captured pixels as PNG; the error names the file.
fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let mut bytes = Vec::with_capacity(width * height * 4);
    for pixel in &image.pixels {
        bytes.extend_from_slice(&pixel.to_srgba_unmultiplied());
    }
    let width = u32::try_from(width).map_err(|_| "the screenshot is too wide".to_owned())?;
    let height = u32::try_from(height).map_err(|_| "the screenshot is too tall".to_owned())?;
    let buffer = image::RgbaImage::from_raw(width, height, bytes)
        .ok_or_else(|| "the screenshot's pixels do not match its size".to_owned())?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("{}: could not write the screenshot: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_read_as_a_keyboard_sends_them() {
        let plain = Chord::parse("n").unwrap();
        assert_eq!(plain.key, egui::Key::N);
        assert_eq!(plain.text.as_deref(), Some("n"));
        let shifted = Chord::parse("shift+n").unwrap();
        assert_eq!(shifted.text.as_deref(), Some("N"));
        let command = Chord::parse("ctrl+r").unwrap();
        assert!(command.modifiers.command);
        assert_eq!(command.text, None);
        assert_eq!(Chord::parse("F3").unwrap().key, egui::Key::F3);
        assert_eq!(Chord::parse("PageDown").unwrap().key, egui::Key::PageDown);
    }

    #[test]
    fn a_wrong_key_name_says_what_was_expected() {
        assert!(
            Chord::parse("hyper+x")
                .unwrap_err()
                .contains("modifiers ctrl, shift or alt")
        );
        assert!(
            Chord::parse("ctrl+nokey")
                .unwrap_err()
                .contains("expected a key name")
        );
    }
}
