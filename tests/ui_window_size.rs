//! Small and large windows, long articles (issue 10, items 8 and 9): at the 720x480 minimum the
//! article keeps a readable line and the top bar nothing overlapping; the side panels hide and show
//! with F9 and F10 (the View menu too), a narrow window hiding the one not asked for; Page Down,
//! Space, Page Up, Home and End move through the article.
#![allow(clippy::unwrap_used)]

mod ui_support;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::ui::GlossApp;
use ui_support::*;

const SMALLEST: [f32; 2] = [720.0, 480.0];

/// How many chars of the article's first paragraph sit on its first row.
fn first_row_chars(harness: &Harness<'_, GlossApp>) -> usize {
    let article = harness.state().article();
    let first = article.char_rect(0).unwrap();
    (1..200)
        .take_while(|&i| {
            article
                .char_rect(i)
                .is_some_and(|r| (r.center().y - first.center().y).abs() < 1.0)
        })
        .count()
        + 1
}

fn press(harness: &mut Harness<'_, GlossApp>, key: Key) {
    harness.key_press(key);
    harness.run_ok();
}

#[test]
fn at_the_smallest_window_the_article_keeps_a_readable_line_and_the_document_list_makes_way() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = sized_harness(wb, SMALLEST);
    harness.run_ok();

    assert!(
        first_row_chars(&harness) >= 30,
        "only {} chars on the first row",
        first_row_chars(&harness)
    );
    assert!(harness.query_by_label("Documents").is_none());
    harness.get_by_label("Annotations");
}

#[test]
fn at_the_smallest_window_the_top_bar_names_overlap_nothing() {
    let (_temp, wb) = open_sample("amira");
    let harness = sized_harness(wb, SMALLEST);
    let help = harness.get_by_label("Help").rect();
    let annotator = harness.get_by_label("amira").rect();
    let layer = harness.get_by_label("Own layer").rect();
    let saved = harness.get_by_label("Saved").rect();
    for (name, rect) in [("annotator", annotator), ("layer", layer), ("saved", saved)] {
        assert!(
            !rect.intersects(help),
            "{name} {rect:?} overlaps Help {help:?}"
        );
        assert!(rect.right() <= SMALLEST[0], "{name} {rect:?} is cut off");
    }
    assert!(!annotator.intersects(layer) && !layer.intersects(saved));
}

#[test]
fn f9_and_f10_hide_and_show_the_side_panels() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    harness.get_by_label("Documents");
    harness.get_by_label("Annotations");
    let wide_before = first_row_chars(&harness);

    press(&mut harness, Key::F9);
    assert!(harness.query_by_label("Documents").is_none());
    press(&mut harness, Key::F10);
    assert!(harness.query_by_label("Annotations").is_none());
    // The article column is centred at its measure: it does not shrink, whatever the panels do.
    assert!(first_row_chars(&harness) >= wide_before);

    press(&mut harness, Key::F9);
    press(&mut harness, Key::F10);
    harness.get_by_label("Documents");
    harness.get_by_label("Annotations");
}

#[test]
fn in_a_narrow_window_the_panel_asked_for_shows_and_the_other_makes_way() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = sized_harness(wb, SMALLEST);
    harness.run_ok();
    assert!(harness.query_by_label("Documents").is_none());

    press(&mut harness, Key::F9);
    harness.get_by_label("Documents");
    assert!(harness.query_by_label("Annotations").is_none());
    assert!(first_row_chars(&harness) >= 30);

    press(&mut harness, Key::F10);
    harness.get_by_label("Annotations");
    assert!(harness.query_by_label("Documents").is_none());
}

#[test]
fn the_view_menu_shows_which_panels_are_shown_and_toggles_them() {
    let (_temp, wb) = open_sample("amira");
    let mut harness = harness(wb);
    click(&mut harness, "View");
    click(&mut harness, "Documents panel  F9");
    assert!(harness.query_by_label("Documents").is_none());
    click(&mut harness, "View");
    click(&mut harness, "Documents panel  F9");
    harness.get_by_label("Documents");
}

#[test]
fn page_down_space_page_up_home_and_end_move_through_the_article() {
    // A long article: the sample's text ten times over.
    let text = {
        let (_temp, wb) = open_sample("amira");
        wb.current_doc().unwrap().text.as_str().repeat(10)
    };
    let (_temp, wb) = project_with_text("Long", &text);
    let last = wb.current_doc().unwrap().text.char_len() - 1;
    let mut harness = harness(wb);
    let start = |h: &Harness<'_, GlossApp>| h.state().article().visible_span().unwrap().start;
    assert_eq!(start(&harness), 0);

    press(&mut harness, Key::PageDown);
    let one_page = start(&harness);
    assert!(one_page > 0, "Page Down did not move");
    press(&mut harness, Key::Space);
    assert!(start(&harness) > one_page, "Space did not move on");
    press(&mut harness, Key::PageUp);
    assert_eq!(start(&harness), one_page);

    press(&mut harness, Key::End);
    assert!(
        harness.state().article().char_rect(last).is_some(),
        "End did not show the last char"
    );
    press(&mut harness, Key::Home);
    assert_eq!(start(&harness), 0);
    assert!(harness.state().article().char_rect(0).is_some());
}
