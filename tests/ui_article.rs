//! The article view, driven headlessly with egui_kittest as an analyst drives it with the mouse:
//! drag to select, double-click a word, shift-click to extend, click a mark. Assertions are on the
//! events the view returns, in document char offsets.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use egui::{Color32, Event, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::tokens::tokens;
use gloss::model::{AnnotationId, CharSpan, Text};
use gloss::ui::article::{ArticleEvent, ArticleInput, ArticleView, Link, Mark, MarkKind};
use gloss::ui::fonts;

/// What an app would hold: the document, its marks, and the selection the events set.
struct App {
    view: ArticleView,
    text: Text,
    marks: Vec<Mark>,
    links: Vec<Link>,
    tokens: Vec<CharSpan>,
    char_precision: bool,
    selection: Option<CharSpan>,
    selected: Option<AnnotationId>,
    scroll_to: Option<usize>,
    events: Vec<ArticleEvent>,
}

impl App {
    fn new(text: &str) -> Self {
        Self {
            view: ArticleView::default(),
            text: Text::new(text.to_owned()),
            marks: Vec::new(),
            links: Vec::new(),
            tokens: tokens(text),
            char_precision: false,
            selection: None,
            selected: None,
            scroll_to: None,
            events: Vec::new(),
        }
    }

    fn mark(mut self, start: usize, end: usize, id: u32, kind: MarkKind, tag: &str) -> Self {
        self.marks.push(Mark {
            span: CharSpan::new(start, end),
            annotation: AnnotationId(id),
            kind,
            color: Color32::from_rgb(0x1f, 0x77, 0xb4),
            tag: Arc::from(tag),
        });
        self
    }

    fn show(&mut self, ui: &mut egui::Ui) {
        let input = ArticleInput {
            marks: &self.marks,
            marks_revision: self.marks.len() as u64,
            links: &self.links,
            selection: self.selection,
            selected_annotation: self.selected,
            tokens: &self.tokens,
            char_precision: self.char_precision,
            scroll_to: self.scroll_to.take(),
            ..ArticleInput::new(&self.text)
        };
        for event in self.view.show(ui, &input) {
            // Act as the app does: a selection event sets the selection.
            if let ArticleEvent::Select(span) = &event {
                self.selection = Some(*span);
            }
            self.events.push(event);
        }
    }

    /// The events that are not hover changes.
    fn actions(&self) -> Vec<ArticleEvent> {
        self.events
            .iter()
            .filter(|e| !matches!(e, ArticleEvent::Hover(_)))
            .cloned()
            .collect()
    }
}

fn harness(app: App) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(vec2(900.0, 600.0))
        // Double-clicks need two clicks within 0.3 s of egui time, which advances per step.
        .with_step_dt(0.05)
        .with_context_setup(|ctx| {
            // Emoji come from the system fallback fonts (fonts-noto-color-emoji on Debian).
            fonts::install(ctx);
        })
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

/// Emoji need a colour emoji font on the machine: kittest panics on a glyph nothing can draw.
fn require_emoji_font() {
    let report = fonts::install(&egui::Context::default());
    assert!(
        report.loaded.iter().any(|(name, _)| name == "gloss-emoji"),
        "no emoji font found; on Debian: apt-get install fonts-noto-color-emoji ({report:?})"
    );
}

fn char_rect(harness: &Harness<'_, App>, offset: usize) -> Rect {
    harness
        .state()
        .view
        .char_rect(offset)
        .unwrap_or_else(|| panic!("char {offset} is not on screen"))
}

/// The point between char `offset - 1` and char `offset`, on char `offset`'s row when it has one.
fn caret_pos(harness: &Harness<'_, App>, offset: usize) -> Pos2 {
    match harness.state().view.char_rect(offset) {
        Some(rect) => rect.left_center() + vec2(0.5, 0.0),
        None => char_rect(harness, offset - 1).right_center() - vec2(0.5, 0.0),
    }
}

fn button(harness: &Harness<'_, App>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

fn drag(harness: &mut Harness<'_, App>, from: usize, to: usize) {
    let start = caret_pos(harness, from);
    let end = caret_pos(harness, to);
    button(harness, start, true, Modifiers::NONE);
    harness.run();
    harness.event(Event::PointerMoved(start.lerp(end, 0.5)));
    harness.event(Event::PointerMoved(end));
    harness.run();
    button(harness, end, false, Modifiers::NONE);
    harness.run();
}

/// A click in the middle of char `offset`.
fn click(harness: &mut Harness<'_, App>, offset: usize, modifiers: Modifiers) {
    let pos = center_of(harness, offset);
    if modifiers.shift {
        harness.event(Event::ModifiersChanged(modifiers));
    }
    button(harness, pos, true, modifiers);
    button(harness, pos, false, modifiers);
    harness.run();
    if modifiers.shift {
        harness.event(Event::ModifiersChanged(Modifiers::NONE));
        harness.run();
    }
}

fn center_of(harness: &Harness<'_, App>, offset: usize) -> Pos2 {
    char_rect(harness, offset).center()
}

const KURTI: &str = "Prime Minister Albin Kurti met Vucic in Brussels on Thursday.";

#[test]
fn dragging_across_words_selects_whole_tokens() {
    let mut harness = harness(App::new(KURTI));
    // From inside "Minister" to inside "Albin".
    drag(&mut harness, 8, 17);
    assert_eq!(
        harness.state().actions(),
        [ArticleEvent::Select(CharSpan::new(6, 20))],
        "\"ster Alb\" snaps to \"Minister Albin\""
    );
}

#[test]
fn dragging_backwards_selects_the_same_span() {
    let mut harness = harness(App::new(KURTI));
    drag(&mut harness, 26, 15);
    assert_eq!(
        harness.state().actions(),
        [ArticleEvent::Select(CharSpan::new(15, 26))]
    );
}

#[test]
fn char_precision_selects_exactly_the_dragged_chars_in_cyrillic() {
    let text = "Вучић и Курти су се срели у Бриселу.";
    let mut app = App::new(text);
    app.char_precision = true;
    let mut harness = harness(app);
    drag(&mut harness, 9, 13);
    let selected = CharSpan::new(9, 13);
    assert_eq!(harness.state().actions(), [ArticleEvent::Select(selected)]);
    assert_eq!(harness.state().text.slice(selected), Some("урти"));
}

#[test]
fn offsets_after_emoji_count_scalar_values() {
    // 🇽🇰 is 2 chars, 👨‍👩‍👧 is 5 (three people joined by two ZWJ): "Kurti" starts at 9.
    require_emoji_font();
    let text = "🇽🇰 👨‍👩‍👧 Kurti said Prishtinë, çështje.";
    let mut harness = harness(App::new(text));
    drag(&mut harness, 10, 12);
    let selected = CharSpan::new(9, 14);
    assert_eq!(harness.state().actions(), [ArticleEvent::Select(selected)]);
    assert_eq!(harness.state().text.slice(selected), Some("Kurti"));
}

#[test]
fn double_click_selects_the_word() {
    let mut harness = harness(App::new(KURTI));
    let pos = center_of(&harness, 17);
    for _ in 0..2 {
        button(&harness, pos, true, Modifiers::NONE);
        button(&harness, pos, false, Modifiers::NONE);
    }
    harness.run();
    assert!(
        harness
            .state()
            .actions()
            .contains(&ArticleEvent::Select(CharSpan::new(15, 20))),
        "{:?}",
        harness.state().actions()
    );
}

#[test]
fn double_click_without_tokens_tokenises_the_paragraph() {
    let mut app = App::new("Вучић и Курти");
    app.tokens.clear();
    let mut harness = harness(app);
    let pos = center_of(&harness, 10);
    for _ in 0..2 {
        button(&harness, pos, true, Modifiers::NONE);
        button(&harness, pos, false, Modifiers::NONE);
    }
    harness.run();
    assert!(
        harness
            .state()
            .actions()
            .contains(&ArticleEvent::Select(CharSpan::new(8, 13)))
    );
}

#[test]
fn shift_click_extends_the_selection_to_the_clicked_word() {
    let mut app = App::new(KURTI);
    app.selection = Some(CharSpan::new(15, 20)); // "Albin"
    let mut harness = harness(app);
    click(&mut harness, 32, Modifiers::SHIFT); // in "Vucic"
    assert_eq!(
        harness.state().actions(),
        [ArticleEvent::Select(CharSpan::new(15, 36))]
    );
    harness.state_mut().events.clear();
    click(&mut harness, 2, Modifiers::SHIFT); // in "Prime"
    assert_eq!(
        harness.state().actions(),
        [ArticleEvent::Select(CharSpan::new(0, 36))]
    );
}

#[test]
fn clicking_nested_marks_selects_the_innermost() {
    let app = App::new(KURTI)
        .mark(0, 26, 1, MarkKind::Entity, "PERSON")
        .mark(15, 26, 2, MarkKind::Entity, "PERSON")
        .mark(40, 48, 3, MarkKind::Entity, "GPE");
    let mut harness = harness(app);
    click(&mut harness, 17, Modifiers::NONE);
    click(&mut harness, 2, Modifiers::NONE);
    click(&mut harness, 44, Modifiers::NONE);
    click(&mut harness, 28, Modifiers::NONE); // "met": no mark
    let actions = harness.state().actions();
    assert_eq!(
        actions[..3],
        [
            ArticleEvent::ClickAnnotation(AnnotationId(2)),
            ArticleEvent::ClickAnnotation(AnnotationId(1)),
            ArticleEvent::ClickAnnotation(AnnotationId(3)),
        ]
    );
    // The caret lands on one side or the other of the clicked char.
    assert!(
        matches!(actions[3..], [ArticleEvent::ClickText(28 | 29)]),
        "{actions:?}"
    );
}

#[test]
fn ten_thousand_annotations_on_one_word_draw_as_three_and_a_count_that_lists_them_on_hover() {
    let vucic = CharSpan::new(31, 36);
    assert_eq!(&KURTI[31..36], "Vucic");
    let mut app = App::new(KURTI).mark(15, 26, 10_000, MarkKind::Entity, "PERSON");
    for id in 0..10_000 {
        let tag = if id % 1_000 == 999 { "ORG" } else { "PERSON" };
        app = app.mark(vucic.start, vucic.end, id, MarkKind::Entity, tag);
    }
    let mut harness = harness(app);
    let count = harness
        .state()
        .view
        .stack_count_rect(vucic)
        .expect("a count chip over the stack");
    assert!(
        harness
            .state()
            .view
            .stack_count_rect(CharSpan::new(15, 26))
            .is_none(),
        "one mark is no stack"
    );
    // The count sits on the word's row (a whole row tall), above the text, right of the tags.
    let word = harness.state().view.char_rect(vucic.start).unwrap();
    assert!(
        count.left() > word.left() && count.center().y < word.center().y,
        "{count:?} {word:?}"
    );

    // Tooltips open once the pointer rests (egui's delay, 0.05 s of egui time a step here).
    harness.event(Event::PointerMoved(count.center()));
    harness.run_steps(20);
    harness.get_by_label("10000 annotations on this span");
    harness.get_by_label("PERSON: 9990");
    harness.get_by_label("ORG: 10");

    // A click on the count selects the first annotation not drawn.
    harness.state_mut().events.clear();
    button(&harness, count.center(), true, Modifiers::NONE);
    button(&harness, count.center(), false, Modifiers::NONE);
    harness.run();
    assert_eq!(
        harness.state().actions(),
        [ArticleEvent::ClickAnnotation(AnnotationId(3))]
    );
}

#[test]
fn a_long_article_has_a_map_beside_it_and_a_click_on_the_map_scrolls_there() {
    let paragraph = "Serbian President Aleksandar Vucic met Kosovo's Prime Minister Albin Kurti.";
    let text: String = (0..300).map(|i| format!("{i}. {paragraph}\n\n")).collect();
    let at = text.find("250. ").unwrap() + 5;
    let mut harness = harness(App::new(&text).mark(at, at + 7, 1, MarkKind::Entity, "NORP"));
    harness.run_steps(3);
    let view = &harness.state().view;
    assert!(
        !view.visible_span().unwrap().contains(at),
        "it opens at the top"
    );
    let map = harness.get_by_label("Article map").rect();
    assert!(map.width() <= 12.0 && map.height() > 500.0, "{map:?}");
    // Paragraph 250 of 300 is five sixths of the way down the map.
    let pos = Pos2::new(map.center().x, map.top() + map.height() * 250.5 / 300.0);
    button(&harness, pos, true, Modifiers::NONE);
    button(&harness, pos, false, Modifiers::NONE);
    harness.run_steps(3);
    let shown = harness.state().view.visible_span().unwrap();
    assert!(shown.contains(at), "{shown:?} holds {at}");

    // A short article needs none.
    let short = self::harness(App::new(paragraph));
    assert!(short.query_by_label("Article map").is_none());
}

#[test]
fn hovering_a_mark_reports_it_once() {
    let app = App::new(KURTI).mark(15, 26, 2, MarkKind::Entity, "PERSON");
    let mut harness = harness(app);
    let pos = center_of(&harness, 17);
    harness.hover_at(pos);
    harness.run();
    harness.hover_at(pos + vec2(1.0, 0.0));
    harness.run();
    let hovers: Vec<_> = harness
        .state()
        .events
        .iter()
        .filter(|e| matches!(e, ArticleEvent::Hover(_)))
        .cloned()
        .collect();
    assert_eq!(hovers, [ArticleEvent::Hover(Some(AnnotationId(2)))]);
}

/// Everything the view draws at once: nested and overlapping mentions, a quote with cue and speaker
/// link, an event with an argument, a suggestion, a quote across paragraphs, an emoji, and a mark
/// that runs past the end of the text (as a corrupt file could give).
fn decorated() -> App {
    require_emoji_font();
    let text = "Kurti said in a statement that \"Vucic refused to sign an agreement with \
                Prime Minister Albin Kurti\" on Thursday in Brussels.\n\nSecond paragraph 🇽🇰 with a \
                quote \"that goes on\nand on\" across lines.";
    let mut app = App::new(text)
        .mark(0, 5, 1, MarkKind::Entity, "PERSON")
        .mark(31, 101, 2, MarkKind::QuoteContent, "QUOTE")
        .mark(5, 10, 2, MarkKind::QuoteCue, "cue")
        .mark(32, 37, 3, MarkKind::Entity, "PERSON")
        .mark(38, 45, 4, MarkKind::Trigger, "Refuse")
        .mark(75, 101, 5, MarkKind::Entity, "PERSON")
        .mark(90, 101, 6, MarkKind::Entity, "PERSON")
        .mark(95, 120, 7, MarkKind::Entity, "DATE")
        .mark(124, 132, 8, MarkKind::Suggestion, "GPE?")
        .mark(170, 190, 9, MarkKind::QuoteContent, "QUOTE")
        .mark(0, 10_000, 10, MarkKind::Entity, "OUT OF BOUNDS")
        .mark(9_000, 10_000, 11, MarkKind::Entity, "PAST THE END");
    app.links = vec![
        Link {
            from: AnnotationId(2),
            to: AnnotationId(1),
            role: Arc::from("speaker"),
        },
        Link {
            from: AnnotationId(4),
            to: AnnotationId(3),
            role: Arc::from("Agent"),
        },
    ];
    app
}

#[test]
fn nested_overlapping_quotes_events_and_links_render_in_both_themes() {
    for selected in [None, Some(2), Some(4), Some(6)] {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let mut app = decorated();
            app.selected = selected.map(AnnotationId);
            app.selection = Some(CharSpan::new(40, 60));
            let mut harness = Harness::builder()
                .with_size(vec2(420.0, 400.0))
                .with_theme(theme)
                .with_context_setup(|ctx| {
                    fonts::install(ctx);
                })
                .build_ui_state(|ui, app: &mut App| app.show(ui), app);
            harness.run();
            let visible = harness.state().view.visible_span().unwrap();
            assert_eq!(visible.start, 0);
            assert!(harness.state().view.char_rect(0).is_some());
        }
    }
}

#[test]
fn clicking_a_quote_inside_its_content_selects_the_innermost_mention_first() {
    let mut harness = harness(decorated());
    click(&mut harness, 34, Modifiers::NONE); // "Vucic" in the quote
    click(&mut harness, 50, Modifiers::NONE); // plain quoted words
    assert_eq!(
        harness.state().actions(),
        [
            ArticleEvent::ClickAnnotation(AnnotationId(3)),
            ArticleEvent::ClickAnnotation(AnnotationId(2)),
        ]
    );
}

#[test]
fn scroll_to_brings_a_far_offset_into_view_and_only_visible_text_is_laid_out() {
    let paragraph = "Serbia and Kosovo failed to make progress on normalising relations in talks. ";
    let text: String = (0..2_000)
        .map(|i| format!("{i} {}\n\n", paragraph.repeat(1 + i % 3)))
        .collect();
    let target = text.char_indices().count() * 3 / 4;
    let mut harness = harness(App::new(&text));
    let visible = harness.state().view.visible_span().unwrap();
    assert!(visible.len() < 10_000, "only the first screen is laid out");
    assert!(harness.state().view.char_rect(target).is_none());
    harness.state_mut().scroll_to = Some(target);
    harness.run();
    let rect = char_rect(&harness, target);
    assert!(rect.top() >= 0.0 && rect.bottom() <= 600.0, "{rect:?}");
}

#[test]
fn narrowing_the_panel_keeps_the_paragraph_being_read_on_screen() {
    let paragraph = "Serbia and Kosovo failed to make progress on normalising relations in talks. ";
    let text: String = (0..400)
        .map(|i| format!("{i} {}\n\n", paragraph.repeat(1 + i % 4)))
        .collect();
    let reading = text.char_indices().count() / 2;
    let mut harness = harness(App::new(&text));
    harness.state_mut().scroll_to = Some(reading);
    harness.run();
    assert!(harness.state().view.char_rect(reading).is_some());
    // Heights of the paragraphs above were estimates; the narrower column makes them all change.
    harness.set_size(vec2(500.0, 600.0));
    harness.run();
    let rect = char_rect(&harness, reading);
    assert!(rect.top() >= 0.0 && rect.bottom() <= 600.0, "{rect:?}");
}
