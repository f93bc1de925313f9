//! The Review window's agreement figures: computed by the workbench in a job when the project or
//! the compared layers change, never while drawing; the same report as `gloss agree`.
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::time::Instant;

use gloss::review::{AgreementOptions, agreement};
use gloss::workbench::jobs::Jobs;
use gloss::workbench::{Command, Workbench};
use ui_support::{fixed_clock, sample_copy};

fn curator() -> (tempfile::TempDir, Workbench) {
    let (temp, dir) = sample_copy();
    let mut wb = Workbench::open(&dir, "carla").unwrap();
    wb.set_clock(fixed_clock());
    wb.set_jobs(Jobs::queued());
    (temp, wb)
}

#[test]
fn no_figures_are_computed_while_no_comparison_is_open() {
    let (_temp, mut wb) = curator();
    wb.tick(Instant::now());
    assert!(wb.agreement_figures().is_none());
    assert_eq!(wb.jobs().run_until_idle(), 0, "no job was started");
}

#[test]
fn the_figures_come_from_a_job_and_equal_gloss_agree() {
    let (_temp, mut wb) = curator();
    wb.execute(Command::OpenReview(None)).unwrap();
    wb.tick(Instant::now());
    let figures = wb.agreement_figures().unwrap();
    assert!(figures.computing, "started in the background");
    assert!(figures.report.is_none(), "nothing computed on this thread");

    assert_eq!(wb.jobs().run_until_idle(), 1);
    wb.tick(Instant::now());
    let figures = wb.agreement_figures().unwrap();
    assert!(!figures.computing && !figures.stale);
    let expected = agreement(wb.project(), &AgreementOptions::default());
    assert_eq!(*figures.report.unwrap(), expected);
    wb.tick(Instant::now());
    assert_eq!(
        wb.jobs().run_until_idle(),
        0,
        "fresh figures are not recomputed"
    );
}

#[test]
fn after_an_edit_the_old_figures_stay_shown_as_older_until_the_new_ones_arrive() {
    let (_temp, mut wb) = curator();
    wb.execute(Command::OpenReview(None)).unwrap();
    wb.tick(Instant::now());
    wb.jobs().run_until_idle();
    wb.tick(Instant::now());
    let before = wb.agreement_figures().unwrap().report.unwrap();

    // An edit while comparing (it goes to gold) changes the project: the figures are recomputed.
    let doc = wb.current_doc().unwrap().clone();
    let (byte, _) = doc.text.as_str().match_indices("Kosovo").next().unwrap();
    let start = doc.text.as_str()[..byte].chars().count();
    wb.execute(Command::SelectSpan(gloss::model::CharSpan::new(
        start,
        start + 6,
    )))
    .unwrap();
    wb.execute(Command::Label("GPE".to_owned())).unwrap();
    wb.tick(Instant::now());
    let figures = wb.agreement_figures().unwrap();
    assert!(figures.stale && figures.computing);
    assert_eq!(figures.report.unwrap(), before, "the older report stays");

    wb.jobs().run_until_idle();
    wb.tick(Instant::now());
    let figures = wb.agreement_figures().unwrap();
    assert!(!figures.stale && !figures.computing);
    assert_eq!(
        *figures.report.unwrap(),
        agreement(wb.project(), &AgreementOptions::default())
    );
}
