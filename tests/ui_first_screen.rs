//! The first screen (issue 10, item 2): the welcome screen when no project is given, "Who is
//! annotating?" with a Cancel that goes back to it, a top bar that names the project being opened,
//! and a window that stops redrawing when nothing happens.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::ui::GlossApp;
use gloss::workbench::{Command, SaveState};
use ui_support::*;

/// The window as `gloss` with no project starts it, background work queued for the test.
fn welcome_harness(setup: impl FnOnce(&mut GlossApp) + 'static) -> Harness<'static, GlossApp> {
    let mut setup = Some(setup);
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(FRAME)
        .build_eframe(move |cc| {
            let mut app =
                GlossApp::starting_as(cc, None, None, gloss::workbench::jobs::Jobs::queued());
            if let Some(setup) = setup.take() {
                setup(&mut app);
            }
            app
        });
    harness.run_ok();
    harness
}

/// Frames go by with no input until the autosave delay has long passed: what an analyst reading
/// the article does.
fn sit_idle(harness: &mut Harness<'_, GlossApp>) {
    for _ in 0..(5.0 / FRAME) as usize {
        harness.step();
    }
}

/// The window settles: no frame asks for another one right away. `try_run` fails (naming where
/// the repaint was requested) when the window redraws continuously.
fn assert_idle(harness: &mut Harness<'_, GlossApp>, when: &str) {
    if let Err(error) = harness.try_run() {
        panic!("{when}: the window keeps redrawing with no input: {error}");
    }
}

#[test]
fn while_a_project_loads_the_top_bar_names_it_not_no_project_open() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir);
    harness.step();
    harness.get_by_label("Opening kosovo-talks…");
    assert!(harness.query_by_label("No project open").is_none());

    wait_for_background(&mut harness);
    // Still named while "Who is annotating?" waits for an answer.
    harness.get_by_label("Who is annotating?");
    harness.get_by_label("Opening kosovo-talks…");
}

#[test]
fn cancel_on_who_is_annotating_goes_back_to_the_welcome_screen_and_opens_nothing() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir.clone());
    wait_for_background(&mut harness);
    harness.get_by_label("Who is annotating?");
    harness.get_by_label("Cancel goes back to the welcome screen without opening the project.");

    click_button(&mut harness, "Cancel");
    wait_for_background(&mut harness);

    assert!(harness.query_by_label("Who is annotating?").is_none());
    harness.get_by_label("Welcome to Gloss");
    assert!(harness.state().workbench().is_none(), "nothing opened");
    assert!(
        !dir.join(".gloss.lock").exists(),
        "the project was not locked"
    );
    harness.get_by_label(&format!(
        "{} was not opened: Gloss opens a project once it knows who is annotating",
        dir.display()
    ));
    assert_idle(&mut harness, "on the welcome screen after Cancel");
}

#[test]
fn escape_on_who_is_annotating_cancels_it_too() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir);
    wait_for_background(&mut harness);
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(harness.query_by_label("Who is annotating?").is_none());
    harness.get_by_label("Welcome to Gloss");
}

#[test]
fn the_dialog_answers_on_the_first_frame_after_a_click() {
    let (_temp, dir) = sample_copy();
    let mut harness = starting_harness(dir);
    wait_for_background(&mut harness);
    harness.get_by_role_and_label(Role::Button, "amira").click();
    // The frame that sees the click takes it: the project starts opening, and the next frame
    // no longer draws the dialog.
    harness.step();
    assert!(harness.state().busy(), "the project is opening");
    harness.step();
    assert!(harness.query_by_label("Who is annotating?").is_none());
}

#[test]
fn with_no_project_the_welcome_screen_offers_recent_projects_the_sample_and_new_ones() {
    let (_temp, dir) = sample_copy();
    let recent = dir.clone();
    let mut harness = welcome_harness(move |app| app.set_recent_projects(vec![recent]));
    harness.get_by_label("Welcome to Gloss");
    for button in [
        "Open the sample",
        "New project…",
        "Import articles…",
        "Open project…",
        "kosovo-talks",
    ] {
        harness.get_by_role_and_label(Role::Button, button);
    }
    assert!(
        harness.query_by_label("Who is annotating?").is_none(),
        "nothing is asked before a project is chosen"
    );
    assert_idle(&mut harness, "on the welcome screen");

    click_button(&mut harness, "kosovo-talks");
    wait_for_background(&mut harness);
    click_button(&mut harness, "bruno");
    wait_for_background(&mut harness);
    let wb = wb(&harness);
    assert_eq!(wb.dir(), dir);
    assert_eq!(wb.annotator().as_str(), "bruno");
}

#[test]
fn open_the_sample_copies_it_into_the_gloss_folder_and_opens_it() {
    let home = tempfile::TempDir::new().unwrap();
    let gloss_home = home.path().join("Gloss");
    let sample_home = gloss_home.clone();
    let mut harness = welcome_harness(move |app| app.set_sample_home(sample_home));

    click_button(&mut harness, "Open the sample");
    wait_for_background(&mut harness);
    click_button(&mut harness, "amira");
    wait_for_background(&mut harness);

    let copy: PathBuf = gloss_home.join("kosovo-talks");
    assert!(copy.join("project.ron").is_file(), "the copy is on disk");
    let wb = wb(&harness);
    assert_eq!(wb.dir(), copy);
    assert_eq!(wb.project().name, "Kosovo talks");
    assert!(wb.project().documents().len() >= 6, "every sample article");
    assert_eq!(
        harness.state().recent_projects(),
        std::slice::from_ref(&copy)
    );
    harness.get_by_label("Kosovo talks");
}

#[test]
fn import_articles_on_the_welcome_screen_starts_with_a_new_project() {
    let mut harness = welcome_harness(|_| {});
    click_button(&mut harness, "Import articles…");
    harness.get_by_label("New project");
    harness.get_by_label(
        "Articles are imported into a project: name it, choose its folder, then pick the articles.",
    );
}

/// The cause of the continuous redraw: a change saved in the frame it was made left an autosave
/// "due" for ever, and the window asked for a frame right away, every frame, from then on.
#[test]
fn after_a_change_saved_at_once_the_window_stops_redrawing() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    let app = harness.state_mut();
    let wb = app.workbench_mut().unwrap();
    let kurti = find_span(wb, "Albin Kurti", 0);
    wb.execute(Command::SelectSpan(kurti)).unwrap();
    wb.execute(Command::Label("ORG".to_owned())).unwrap();
    wb.execute(Command::Save).unwrap();
    wait_for_background(&mut harness);
    assert_eq!(ui_support::wb(&harness).save_state(), SaveState::Saved);

    sit_idle(&mut harness);
    assert_idle(&mut harness, "after a change saved at once");
}

#[test]
fn after_opening_annotating_and_autosaving_the_window_stops_redrawing() {
    let (_temp, dir) = sample_copy();
    let mut harness = ui_support::starting_harness_as(dir, Some("amira"));
    wait_for_background(&mut harness);
    assert_idle(&mut harness, "after opening");
    let kurti = find_span(ui_support::wb(&harness), "Albin Kurti", 0);
    drag_over(&mut harness, kurti);
    type_char(&mut harness, 'o');
    sit_idle(&mut harness);
    wait_for_background(&mut harness);
    assert_eq!(ui_support::wb(&harness).save_state(), SaveState::Saved);
    sit_idle(&mut harness);
    assert_idle(&mut harness, "after an autosave");
}
