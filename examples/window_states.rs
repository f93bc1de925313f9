//! Renders the real window in one of a few states and writes a PNG, for looking at what the tests
//! only assert on: `cargo run --example window_states -- STATE OUT.png` under a display (or
//! `xvfb-run -a -s "-screen 0 1400x900x24"`). STATE is one of `quote`, `event`, `schema`, `help`,
//! `light`, `empty`, `review` (the Review panel as curator `carla`, two disagreements in; set
//! `GLOSS_REVIEW_VIEW=side` or `=agreement` for its other views). Works on a temporary copy of
//! `tests/fixtures/kosovo-talks`; nothing is saved.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context as _, anyhow, bail};
use gloss::model::{Annotation, AnnotationKind};
use gloss::ui::GlossApp;
use gloss::workbench::{Command, Workbench};

/// The frames to render before the capture, so that layout and fonts settle.
const FRAMES: u32 = 8;

struct Tour {
    app: GlossApp,
    /// Keys to type in the first frames (F1 for help, …).
    keys: Vec<egui::Event>,
    frame: u32,
    out: PathBuf,
    shot: Option<mpsc::Receiver<std::sync::Arc<egui::ColorImage>>>,
}

impl eframe::App for Tour {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw: &mut egui::RawInput) {
        if self.frame == 2 {
            raw.events.append(&mut self.keys);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // The app's jobs (the agreement figures) are queued: run them so the next frame shows them.
        self.app.finish_jobs();
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

/// Selects the first annotation of a kind.
fn select_first(wb: &mut Workbench, kind: AnnotationKind) -> anyhow::Result<()> {
    let id = wb
        .current_layer()
        .and_then(|layer| layer.iter().find(|a| a.kind() == kind).map(Annotation::id))
        .ok_or_else(|| anyhow!("no {} in the sample", kind.name()))?;
    wb.execute(Command::SelectAnnotation(id))?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [state, out] = args.as_slice() else {
        bail!("usage: window_states quote|event|schema|help|light|empty|review OUT.png");
    };
    let temp = tempfile::TempDir::new()?;
    let dir = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &dir,
    )?;
    let annotator = match state.as_str() {
        "empty" => "newcomer",
        "review" => "carla",
        _ => "amira",
    };
    let mut wb = Workbench::open(&dir, annotator)?;
    let key = |key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let mut keys = Vec::new();
    match state.as_str() {
        "quote" => select_first(&mut wb, AnnotationKind::Quote)?,
        "event" => select_first(&mut wb, AnnotationKind::Event)?,
        "help" => keys.push(key(egui::Key::F1)),
        "review" => {
            wb.execute(Command::OpenReview(None))?;
            wb.execute(Command::NextDisagreement)?;
            wb.execute(Command::NextDisagreement)?;
        }
        "schema" | "light" | "empty" => {}
        other => bail!("unknown state {other}"),
    }
    let mut app = GlossApp::for_test(wb);
    if state == "schema" {
        app.show_schema_editor();
    }
    if state == "light" {
        app.set_theme(gloss::ui::ThemeChoice::Light);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]),
        renderer: eframe::Renderer::Glow,
        persist_window: false,
        // Keep the analyst's own preferences and panel widths out of it, both ways.
        persistence_path: Some(temp.path().join("store")),
        ..eframe::NativeOptions::default()
    };
    let out = PathBuf::from(out);
    eframe::run_native(
        "Gloss",
        options,
        Box::new(move |cc| {
            gloss::ui::fonts::install(&cc.egui_ctx);
            Ok(Box::new(Tour {
                app,
                keys,
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
