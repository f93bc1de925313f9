//! Renders the window with the Review panel open on the sample project and writes a PNG, for
//! looking at what `tests/ui_review.rs` only asserts on:
//! `xvfb-run -a -s "-screen 0 1400x900x24" cargo run --example review_window -- OUT.png [STEPS]`
//! with `GLOSS_REVIEW_VIEW=side` (side by side) or `=agreement` (figures and charts) for the other
//! views. STEPS (default 2) is how many times N is pressed first. Works on a temporary copy of
//! `projects/kosovo-talks` as the curator `carla`; nothing is saved.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use anyhow::{Context as _, anyhow, bail};
use gloss::ui::GlossApp;
use gloss::workbench::{Command, Workbench};

/// Frames to render before the capture, so that layout and fonts settle.
const FRAMES: u32 = 10;

struct Shot {
    app: GlossApp,
    frame: u32,
    out: PathBuf,
    shot: Option<mpsc::Receiver<Arc<egui::ColorImage>>>,
}

impl eframe::App for Shot {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.frame += 1;
        let ctx = ui.ctx().clone();
        if self.frame == FRAMES {
            let (tx, rx) = mpsc::channel();
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                let _ = tx.send(image);
                waker.request_repaint();
            });
            self.shot = Some(rx);
        }
        if let Some(image) = self.shot.as_ref().and_then(|rx| rx.try_recv().ok()) {
            if let Err(error) = write_png(&self.out, &image) {
                eprintln!("{error:#}");
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }
}

fn write_png(path: &Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(u32::try_from(w)?, u32::try_from(h)?, bytes)
        .ok_or_else(|| anyhow!("pixels do not match the size"))?;
    buffer
        .save(path)
        .with_context(|| format!("writing {}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_name() == ".gloss.lock" {
            continue;
        }
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, steps) = match args.as_slice() {
        [out] => (out, 2),
        [out, steps] => (out, steps.parse().context("STEPS: expected a number")?),
        _ => bail!("usage: review_window OUT.png [STEPS]"),
    };
    let temp = tempfile::TempDir::new()?;
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/kosovo-talks"),
        &dir,
    )?;
    let mut wb = Workbench::open(&dir, "carla")?;
    wb.execute(Command::OpenReview(None))?;
    for _ in 0..steps {
        wb.execute(Command::NextDisagreement)?;
    }
    let app = GlossApp::for_test(wb);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]),
        renderer: eframe::Renderer::Glow,
        persist_window: false,
        persistence_path: Some(temp.path().join("store")),
        ..eframe::NativeOptions::default()
    };
    let out = PathBuf::from(out);
    eframe::run_native(
        "Gloss",
        options,
        Box::new(move |cc| {
            gloss::ui::fonts::install(&cc.egui_ctx);
            Ok(Box::new(Shot {
                app,
                frame: 0,
                out,
                shot: None,
            }))
        }),
    )
    .map_err(|e| anyhow!("{e}"))?;
    drop(temp);
    Ok(())
}
