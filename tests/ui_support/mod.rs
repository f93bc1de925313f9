//! What the window tests share: projects on temporary folders, a harness over the real app, and the
//! gestures an analyst makes (drag over text, type a hotkey).
#![allow(clippy::unwrap_used, dead_code)]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{AnnotationId, CharSpan, DocId, Document, Project, Timestamp};
use gloss::ui::GlossApp;
use gloss::workbench::{Command, Workbench};
use tempfile::TempDir;

/// The window size the tests draw at, in points: wide enough for all three panels.
pub const WINDOW: [f32; 2] = [1400.0, 900.0];

/// Simulated seconds per frame: a 60 Hz screen. The frame time is the clock autosave reads, so a
/// test reaches the autosave delay only after that many frames, however fast the machine is.
pub const FRAME: f32 = 1.0 / 60.0;

/// A fixed time for provenance, so that a saved and reloaded project compares equal.
pub fn fixed_clock() -> Box<dyn Fn() -> Timestamp + Send> {
    Box::new(|| Timestamp::from_second(1_700_000_000).unwrap())
}

/// A copy of the sample project in a fresh temporary folder, and the copy's path.
pub fn sample_copy() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    let target = temp.path().join("kosovo-talks");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        &target,
    );
    (temp, target)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".gloss.lock") {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// The sample project opened for writing as `annotator`, with a fixed clock.
pub fn open_sample(annotator: &str) -> (TempDir, Workbench) {
    let (temp, dir) = sample_copy();
    let mut wb = Workbench::open(&dir, annotator).unwrap();
    wb.set_clock(fixed_clock());
    (temp, wb)
}

/// A new project with the `news` preset and one document with `text`, in a temporary folder, opened
/// as `tester`.
pub fn project_with_text(title: &str, text: &str) -> (TempDir, Workbench) {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("project");
    let mut wb = Workbench::new_project(&dir, "Test", "news", "tester").unwrap();
    wb.set_clock(fixed_clock());
    let added = wb.import_texts(vec![(format!("{title}.txt"), text.to_owned())], false);
    assert_eq!(added, 1);
    (temp, wb)
}

/// An in-memory project with one document, for tests that never touch the disk.
pub fn memory_project(text: &str) -> Workbench {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Test", schema);
    project.add_document(Document::from_raw(DocId::slug("doc"), "Doc", text));
    let mut wb = Workbench::from_project(project, PathBuf::from("/nonexistent"), "tester");
    wb.set_clock(fixed_clock());
    wb
}

/// Emoji need a colour emoji font on the machine: without one, epaint panics on a glyph nothing can
/// draw. This says which font is missing instead.
pub fn require_emoji_font() {
    let report = gloss::ui::fonts::install(&egui::Context::default());
    assert!(
        report.loaded.iter().any(|(name, _)| name == "gloss-emoji"),
        "no emoji font found; on Debian: apt-get install fonts-noto-color-emoji ({report:?})"
    );
}

/// The real app over `wb`, drawn at [`WINDOW`] with the fonts the window installs, settled.
pub fn harness(wb: Workbench) -> Harness<'static, GlossApp> {
    sized_harness(wb, WINDOW)
}

/// [`harness`] in a window of `size` points.
pub fn sized_harness(wb: Workbench, size: [f32; 2]) -> Harness<'static, GlossApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(FRAME)
        .with_context_setup(|ctx| {
            gloss::ui::fonts::install(ctx);
        })
        .build_eframe(move |_cc| GlossApp::for_test(wb));
    harness.run_ok();
    harness
}

pub fn wb<'a>(harness: &'a Harness<'_, GlossApp>) -> &'a Workbench {
    harness.state().workbench().unwrap()
}

/// The chars of `needle`'s `nth` occurrence in the current document, as a char span.
pub fn find_span(wb: &Workbench, needle: &str, nth: usize) -> CharSpan {
    let text = wb.current_doc().unwrap().text.as_str();
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap();
    let start = text[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

/// Drags the mouse over the chars of `span` in the article, as an analyst selecting text does.
pub fn drag_over(harness: &mut Harness<'_, GlossApp>, span: CharSpan) {
    let first = harness.state().article().char_rect(span.start).unwrap();
    let last = harness.state().article().char_rect(span.end - 1).unwrap();
    let from = egui::pos2(first.left() + 1.0, first.center().y);
    let to = egui::pos2(last.right() - 1.0, last.center().y);
    harness.hover_at(from);
    harness.run_ok();
    harness.drag_at(from);
    harness.run_ok();
    harness.hover_at(egui::pos2((from.x + to.x) / 2.0, (from.y + to.y) / 2.0));
    harness.run_ok();
    harness.hover_at(to);
    harness.run_ok();
    harness.drop_at(to);
    harness.run_ok();
}

/// Types one character, as a key on the keyboard does (key event and text).
pub fn type_char(harness: &mut Harness<'_, GlossApp>, c: char) {
    harness.event(egui::Event::Text(c.to_string()));
    harness.run_ok();
}

/// Runs a command directly on the app's workbench, for setup that is not what a test is about.
pub fn execute(harness: &mut Harness<'_, GlossApp>, command: Command) {
    harness
        .state_mut()
        .workbench_mut()
        .unwrap()
        .execute(command)
        .unwrap();
    harness.run_ok();
}

/// Clicks the button (or any node) whose accessible label is `label`.
pub fn click(harness: &mut Harness<'_, GlossApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_ok();
}

pub fn click_button(harness: &mut Harness<'_, GlossApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_ok();
}

/// The id of the entity mention covering exactly `span` in the current layer.
pub fn entity_at(wb: &Workbench, span: CharSpan) -> Option<AnnotationId> {
    wb.current_layer()?
        .iter()
        .find(|a| a.as_entity().is_some_and(|e| e.span == span))
        .map(|a| a.id())
}

/// Clicks the char at `offset` in the article (on a mark: selects it or completes a pick).
pub fn click_text(harness: &mut Harness<'_, GlossApp>, offset: usize) {
    let rect = harness.state().article().char_rect(offset).unwrap();
    let pos = rect.center();
    harness.hover_at(pos);
    harness.run_ok();
    harness.drag_at(pos);
    harness.run_ok();
    harness.drop_at(pos);
    harness.run_ok();
}

/// Runs the app's background work (opening, saving, imports, exports: queued in tests) to its
/// end and lets the window collect it, until nothing is left: the window never waits for the disk,
/// so a test says when the work happens. No sleeping, no timing: the same frames every run.
pub fn wait_for_background(harness: &mut Harness<'_, GlossApp>) {
    for _ in 0..20 {
        harness.state_mut().finish_jobs();
        harness.step();
        let saving = harness
            .state()
            .workbench()
            .is_some_and(|wb| wb.save_state() == gloss::workbench::SaveState::Saving);
        if !harness.state().busy() && !saving {
            harness.run_ok();
            return;
        }
    }
    panic!("background work still running after 20 rounds of finishing it");
}

/// The real app as the window starts it (preferences, first-start questions) on `project`, with
/// its background work queued for [`wait_for_background`].
pub fn starting_harness(project: PathBuf) -> Harness<'static, GlossApp> {
    starting_harness_as(project, None)
}

/// [`starting_harness`] as `gloss PROJECT --as NAME` starts the window.
pub fn starting_harness_as(
    project: PathBuf,
    annotator: Option<&str>,
) -> Harness<'static, GlossApp> {
    let annotator = annotator.map(str::to_owned);
    Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(FRAME)
        .build_eframe(move |cc| {
            GlossApp::starting_as(
                cc,
                Some(project.clone()),
                annotator.clone(),
                gloss::workbench::jobs::Jobs::queued(),
            )
        })
}
