//! The window (egui only). Reads the [`Workbench`](crate::workbench::Workbench), draws, and pushes
//! [`Command`](crate::workbench::Command)s; keeps only view state (scroll, panel sizes, open dialogs,
//! text being typed). Files and native dialogs are handled by workbench services run as workbench
//! jobs ([`jobs`]): the window never waits on disk, opens no file and starts no thread. Exceptions,
//! both host concerns rather than project data: [`fonts`] reads the system's font files at start,
//! and [`run`] removes the throwaway settings folder of a screenshot run.
//!
//! Layout: menus and status on top ([`top_bar`]), documents on the left ([`documents`]), the article
//! in the centre ([`centre`], drawn by [`article::ArticleView`]), the inspector and the annotation
//! list on the right ([`inspector`], [`annotation_list`]), the keys that apply now at the bottom
//! ([`status_bar`]).

pub mod article;
pub mod fonts;

mod annotation_list;
mod app;
mod bulk_accept;
mod centre;
mod colors;
mod consistency;
mod corpus_search;
mod details;
mod dialogs;
mod documents;
mod export_dialog;
mod file_picker;
mod files;
mod import_dialog;
mod inspector;
mod jobs;
mod keys;
mod links;
mod picking;
mod prefs;
mod recommenders;
mod review;
mod schema_editor;
mod schema_events;
mod screenshot;
mod status_bar;
mod suggestions;
mod team;
mod top_bar;
mod trust_prompt;
mod view;
mod welcome;
mod who_said;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, anyhow};

pub use app::GlossApp;
pub use prefs::ThemeChoice;
pub use screenshot::{Chord, Screenshot};

/// The smallest window Gloss lays out, in points.
pub const MIN_SIZE: [f32; 2] = [720.0, 480.0];

/// Opens the window, optionally on a project; returns when the window closes. With `screenshot`, the
/// window renders the given number of frames, writes a PNG and closes; an error means no PNG.
pub fn run(
    project: Option<PathBuf>,
    annotator: Option<String>,
    size: Option<[f32; 2]>,
    screenshot: Option<Screenshot>,
) -> anyhow::Result<()> {
    let outcome: Arc<Mutex<Option<Result<(), String>>>> = Arc::new(Mutex::new(None));
    let taking_screenshot = screenshot.clone();
    let viewport = egui::ViewportBuilder::default()
        .with_title("Gloss")
        .with_app_id("gloss")
        .with_inner_size(size.unwrap_or([1400.0, 900.0]))
        .with_min_inner_size(MIN_SIZE);
    // A screenshot run must look the same every time and leave the analyst's preferences alone:
    // it gets a throwaway store (a folder) instead of the remembered window size, panel widths and settings.
    let throwaway_store = screenshot
        .as_ref()
        .map(|_| std::env::temp_dir().join(format!("gloss-screenshot-{}", std::process::id())));
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: screenshot.is_none(),
        persistence_path: throwaway_store.clone(),
        ..eframe::NativeOptions::default()
    };
    // The project's index is read while the window is made (see `workbench::HeadStart`).
    let head_start = project
        .as_deref()
        .and_then(crate::workbench::HeadStart::begin);
    let slot = Arc::clone(&outcome);
    eframe::run_native(
        "Gloss",
        options,
        Box::new(move |cc| {
            let app = match screenshot {
                Some(shot) => GlossApp::for_screenshot(cc, project, shot, slot, head_start),
                None => GlossApp::new(cc, project, annotator, head_start),
            };
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow!("could not open the window: {e}"))?;
    if let Some(store) = throwaway_store {
        // Best effort: a leftover folder in the temp folder harms nothing.
        let _ = std::fs::remove_dir_all(store);
    }
    let Some(shot) = taking_screenshot else {
        return Ok(());
    };
    let result = outcome
        .lock()
        .map_err(|_| anyhow!("the screenshot run panicked"))?
        .take();
    match result {
        Some(Ok(())) => Ok(()),
        Some(Err(message)) => Err(anyhow!(message)),
        None => Err(anyhow!("the window closed before the screenshot was taken")),
    }
    .with_context(|| format!("screenshot {}", shot.path.display()))
}
