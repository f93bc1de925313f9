//! A second Gloss on a locked project (issue 10, item 11): it opens the project read-only, says who
//! holds the lock, refuses changes, saves nothing, and opens it for writing once the lock is
//! released and the analyst asks.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui_kittest::kittest::Queryable;
use gloss::workbench::Workbench;
use ui_support::*;

#[test]
fn a_locked_project_opens_read_only_saying_who_holds_it_and_opens_for_writing_when_released() {
    let (_temp, dir) = sample_copy();
    let project_file = dir.join("project.ron");
    let before = std::fs::read_to_string(&project_file).unwrap();
    // Another Gloss (bruno's) has the project open.
    let bruno = Workbench::open(&dir, "bruno").unwrap();

    let mut harness = starting_harness_as(dir.clone(), Some("amira"));
    wait_for_background(&mut harness);
    let wb = ui_support::wb(&harness);
    let holder = wb.read_only().expect("opened read-only").to_owned();
    assert!(
        holder.starts_with("the project is open in Gloss by bruno (process "),
        "{holder}"
    );
    harness.get_by_label("Read-only");
    harness.get_by_label(&format!(
        "Opened read-only: {holder}. Once it is closed there, click “Open for writing”."
    ));
    assert!(
        wb.current_layer().is_some_and(|layer| !layer.is_empty()),
        "amira's annotations can be read"
    );

    // Labelling is refused, saying why; nothing reaches the disk.
    let kurti = find_span(ui_support::wb(&harness), "Vucic", 0);
    drag_over(&mut harness, kurti);
    type_char(&mut harness, 'o');
    harness.get_by_label(&format!("open read-only, nothing can be changed: {holder}"));
    for _ in 0..(5.0 / FRAME) as usize {
        harness.step();
    }
    wait_for_background(&mut harness);
    assert_eq!(
        std::fs::read_to_string(&project_file).unwrap(),
        before,
        "amira joined nothing on disk"
    );

    // Still held: asking again says so.
    click_button(&mut harness, "Open for writing");
    wait_for_background(&mut harness);
    assert!(ui_support::wb(&harness).read_only().is_some());

    // bruno closes the project; now it opens for writing.
    drop(bruno);
    click_button(&mut harness, "Open for writing");
    wait_for_background(&mut harness);
    let wb = ui_support::wb(&harness);
    assert_eq!(wb.read_only(), None);
    assert!(harness.query_by_label("Read-only").is_none());
    let lock = std::fs::read_to_string(dir.join(".gloss.lock")).unwrap();
    assert!(
        lock.trim_end().ends_with(" amira"),
        "amira holds it: {lock}"
    );
    drag_over(&mut harness, kurti);
    type_char(&mut harness, 'o');
    let wb = ui_support::wb(&harness);
    assert_eq!(
        wb.annotation(entity_at(wb, kurti).unwrap())
            .unwrap()
            .label(),
        "ORG"
    );
}
