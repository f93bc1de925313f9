//! The Review window, driven like a curator drives it: open the comparison of the sample project's
//! two annotators (amira and bruno) with Ctrl+R, step through their disagreements with N and
//! Shift+N, take A on one and B on another, undo one with Ctrl+Z, mark gold adjudicated; and read
//! the agreement figures, which are `gloss::review::agreement`'s (what `gloss agree` prints).
#![allow(clippy::unwrap_used)]

mod ui_support;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{Annotation, CharSpan, LayerKey, LayerName, Status};
use gloss::review::{AgreementOptions, Disagreement, DisagreementKind, Figures};
use gloss::ui::GlossApp;
use gloss::workbench::Workbench;
use tempfile::TempDir;
use ui_support::{fixed_clock, harness, sample_copy, type_char, wait_for_background, wb};

/// The sample project opened by the curator `carla`, in the window.
fn curator() -> (TempDir, Harness<'static, GlossApp>) {
    let (temp, dir) = sample_copy();
    let mut workbench = Workbench::open(&dir, "carla").unwrap();
    workbench.set_clock(fixed_clock());
    (temp, harness(workbench))
}

fn open_comparison(harness: &mut Harness<'_, GlossApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_ok();
    assert!(
        wb(harness).review().is_some(),
        "Ctrl+R opens the comparison"
    );
    harness.get_by_role_and_label(Role::Window, "Review");
}

fn current(harness: &Harness<'_, GlossApp>) -> Option<Disagreement> {
    wb(harness).review().unwrap().current().cloned()
}

/// The gold layer's entities as (span, label).
fn gold(harness: &Harness<'_, GlossApp>) -> BTreeSet<(CharSpan, String)> {
    let wb = wb(harness);
    let key = LayerKey::new(wb.current_doc().unwrap().id.clone(), LayerName::gold());
    wb.project()
        .layer(&key)
        .map(|layer| {
            layer
                .iter()
                .filter_map(Annotation::as_entity)
                .map(|e| (e.span, e.label.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Presses N until the disagreement `wanted` picks is current; returns it.
fn step_to(
    harness: &mut Harness<'_, GlossApp>,
    wanted: impl Fn(&Disagreement) -> bool,
) -> Disagreement {
    let remaining = wb(harness).review().unwrap().remaining();
    for _ in 0..=remaining {
        type_char(harness, 'n');
        if let Some(d) = current(harness).filter(|d| wanted(d)) {
            return d;
        }
    }
    panic!("no such disagreement among {remaining}");
}

/// Two entity mentions paired as one disagreement of this kind.
fn entities_differing_by(kind: DisagreementKind) -> impl Fn(&Disagreement) -> bool {
    move |d| {
        d.kind == kind
            && [&d.a, &d.b].iter().all(|v| {
                v.as_ref()
                    .is_some_and(|v| v.annotation.as_entity().is_some())
            })
    }
}

fn entity(annotation: &Annotation) -> (CharSpan, String) {
    let e = annotation.as_entity().unwrap();
    (e.span, e.label.to_string())
}

#[test]
fn step_through_take_a_and_b_undo_one_finish_and_gold_holds_exactly_the_choices() {
    let (_temp, mut harness) = curator();
    open_comparison(&mut harness);
    let review = wb(&harness).review().unwrap();
    assert_eq!(
        review.layers(),
        ["amira", "bruno"].map(|n| LayerName::new(n).unwrap())
    );
    let total = review.remaining();
    assert!(total >= 2, "the sample's annotators disagree");
    assert!(wb(&harness).editing_gold());

    // N steps forward, Shift+N (a typed N) back; the selection follows.
    type_char(&mut harness, 'n');
    let first = current(&harness).unwrap();
    assert_eq!(wb(&harness).selection().span, Some(first.span));
    type_char(&mut harness, 'n');
    assert_ne!(current(&harness), Some(first.clone()));
    type_char(&mut harness, 'N');
    assert_eq!(current(&harness), Some(first));

    // A on a label disagreement, B on a boundary disagreement.
    let label = step_to(&mut harness, entities_differing_by(DisagreementKind::Label));
    type_char(&mut harness, 'a');
    let taken_a = entity(&label.a.as_ref().unwrap().annotation);
    assert_eq!(gold(&harness), BTreeSet::from([taken_a.clone()]));
    assert_eq!(wb(&harness).review().unwrap().remaining(), total - 1);

    let boundary = step_to(
        &mut harness,
        entities_differing_by(DisagreementKind::Boundary),
    );
    type_char(&mut harness, 'b');
    let taken_b = entity(&boundary.b.as_ref().unwrap().annotation);
    assert_eq!(gold(&harness), BTreeSet::from([taken_a.clone(), taken_b]));

    // Undo the B: the boundary disagreement is pending and current again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(gold(&harness), BTreeSet::from([taken_a.clone()]));
    assert_eq!(current(&harness), Some(boundary));
    assert_eq!(wb(&harness).review().unwrap().remaining(), total - 1);

    // Finish: gold is adjudicated and holds exactly what was chosen.
    harness
        .get_by_role_and_label(Role::Button, "Mark adjudicated")
        .click();
    harness.run_ok();
    let wb = wb(&harness);
    let key = LayerKey::new(wb.current_doc().unwrap().id.clone(), LayerName::gold());
    assert_eq!(wb.project().status(&key), Status::Adjudicated);
    assert_eq!(gold(&harness), BTreeSet::from([taken_a]));
    assert_eq!(
        wb.project().layer(&key).unwrap().len(),
        1,
        "nothing but the chosen mention"
    );
}

#[test]
fn review_keys_leave_schema_hotkeys_alone_when_the_comparison_is_closed() {
    let (_temp, mut harness) = curator();
    open_comparison(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run_ok();
    assert!(wb(&harness).review().is_none(), "Ctrl+R closes it again");
    assert!(
        wb(&harness).editing_gold(),
        "edits stay on gold until the curator switches back"
    );
    // n is NORP in the sample schema: it labels the selection instead of moving on.
    let span = ui_support::find_span(wb(&harness), "Serbian", 0);
    ui_support::execute(&mut harness, gloss::workbench::Command::SelectSpan(span));
    type_char(&mut harness, 'n');
    let layer = wb(&harness).current_layer().unwrap();
    assert!(layer.iter().any(|a| {
        a.as_entity()
            .is_some_and(|e| e.span == span && e.label == "NORP")
    }));
}

/// The label a figure cell carries, as `figures.rs` writes it.
fn cell(row: &str, column: &str, value: f64) -> String {
    format!("{row} {column}: {value:.3}")
}

fn entity_cells(row: &str, figures: &Figures) -> Vec<String> {
    [
        ("exact F1", figures.span_f1_exact),
        ("overlap F1", figures.span_f1_overlap),
        ("Cohen κ", figures.cohen_kappa),
        ("α", figures.krippendorff_alpha_nominal),
        ("α_u", figures.krippendorff_alpha_unitizing),
    ]
    .into_iter()
    .filter_map(|(column, value)| Some(cell(row, column, value?)))
    .collect()
}

#[test]
fn the_agreement_tab_shows_the_figures_of_review_agreement() {
    let (_temp, mut harness) = curator();
    open_comparison(&mut harness);
    harness.get_by_label("Agreement").click();
    harness.run_ok();
    harness.get_by_label("Measuring agreement…");
    wait_for_background(&mut harness);
    assert!(harness.query_by_label("Measuring agreement…").is_none());

    let report = gloss::review::agreement(wb(&harness).project(), &AgreementOptions::default());
    assert_eq!(report.layers, ["amira", "bruno"]);
    let mut expected = entity_cells("overall", &report.overall);
    for (label, figures) in &report.per_label {
        expected.extend(entity_cells(label, figures));
    }
    let q = &report.quotes;
    let e = &report.events;
    for (row, column, value) in [
        ("quotes", "content F1", q.content_f1),
        ("quotes", "speaker agreement", q.speaker_agreement),
        ("quotes", "cue F1", q.cue_f1),
        ("events", "trigger F1", e.trigger_f1),
        ("events", "type agreement", e.type_agreement),
        ("events", "argument F1", e.argument_f1),
    ] {
        if let Some(value) = value {
            expected.push(cell(row, column, value));
        }
    }
    assert!(expected.len() > 10, "the sample has figures to show");
    for label in expected {
        harness.get_by_label(&label);
    }
}

#[test]
fn the_list_jumps_to_a_disagreement_and_comments_are_shown_to_the_curator() {
    let (_temp, mut harness) = curator();
    open_comparison(&mut harness);
    // The sample's annotators disagree on what Belgrade is (amira: GPE, bruno: ORG).
    let row = "GPE “Belgrade” / ORG “Belgrade”";
    harness.get_by_label(row).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(row).click();
    harness.run_ok();
    let label = current(&harness).unwrap();
    assert_eq!(label.kind, DisagreementKind::Label);
    assert_eq!(wb(&harness).selection().span, Some(label.span));
    // amira's note on "Route 6" is there for the curator to read.
    harness.get_by_label_contains("A motorway (OntoNotes would say FAC)");
}
