//! `gloss --screenshot FILE`: render a few frames, capture the window, write a PNG, close.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Where to write the PNG and after how many frames to capture (so that fonts, layout and the loaded
/// project have settled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screenshot {
    pub path: PathBuf,
    pub frames: u32,
}

/// Where a screenshot run stands.
enum Stage {
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
        let frames_left = target.frames.max(1);
        Self {
            target,
            stage: Stage::Rendering { frames_left },
            outcome: None,
        }
    }

    /// Whether the app may start counting frames: callers hold back while a project is still loading.
    /// Called once per frame, after the frame's UI was built.
    pub fn frame(&mut self, ctx: &egui::Context, ready: bool) {
        match &mut self.stage {
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
