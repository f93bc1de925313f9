//! Right-to-left and complex scripts in the article view (issue 10, item 3): Arabic and Hebrew
//! paragraphs with Latin words and numbers, combining marks and emoji sequences. Each test finds a
//! word where the analyst sees it, from the glyphs as drawn (their chars, left to right), not from
//! the view's own map between chars and places, and then checks what the view draws there or what
//! a drag or a double-click there selects.
//!
//! The Arabic sentence is from the Universal Dependencies Arabic PUD treebank (news sentences,
//! CC BY-SA 3.0, https://github.com/UniversalDependencies/UD_Arabic-PUD); the Hebrew ones from the
//! Universal Dependencies Hebrew IAHLTwiki treebank (Hebrew Wikipedia, "דיאליזה", CC BY-SA 4.0,
//! https://github.com/UniversalDependencies/UD_Hebrew-IAHLTwiki).

#![allow(clippy::unwrap_used)]

mod skip_support;
mod ui_support;

use std::sync::Arc;

use egui::{Color32, Event, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::tokens::tokens;
use gloss::model::{AnnotationId, CharSpan, Text};
use gloss::ui::article::{ArticleEvent, ArticleInput, ArticleView, Mark, MarkKind};
use gloss::ui::fonts;
use unicode_normalization::UnicodeNormalization;

/// "The new spending is financed through Clinton's big bank account." (Arabic PUD.)
const ARABIC: &str = "تمول النفقات الجديدة من خلال حساب كلينتون المصرفي الكبير.";

/// "In medicine, dialysis (in English: Dialysis) is a process meant to replace the kidneys…", and
/// "In Israel at the end of 2017 there were 6700 patients on dialysis, 1637 of them new…".
const HEBREW: &str = "ברפואה, דיאליזה (באנגלית: Dialysis) היא תהליך המיועד להחליף את הכליות ולבצע את תפקידן, במקרה שאלו חדלות לתפקד, בין אם כתוצאה מאי ספיקת כליות חריפה או כתוצאה מאי ספיקת כליות כרונית.\n\
בישראל היו בסוף שנת 2017 6700 חולים בטיפול דיאליזה מתוכם 1637 חולים חדשים שהצטרפו באותה השנה.";

/// What an app holds: the document, its marks, and the selection the view's events set.
struct App {
    view: ArticleView,
    text: Text,
    marks: Vec<Mark>,
    tokens: Vec<CharSpan>,
    char_precision: bool,
    selection: Option<CharSpan>,
    scroll_to: Option<usize>,
    events: Vec<ArticleEvent>,
}

impl App {
    fn new(text: &str) -> Self {
        Self {
            view: ArticleView::default(),
            text: Text::new(text.to_owned()),
            marks: Vec::new(),
            tokens: tokens(text),
            char_precision: false,
            selection: None,
            scroll_to: None,
            events: Vec::new(),
        }
    }

    fn mark(mut self, span: CharSpan, id: u32, tag: &str) -> Self {
        self.marks.push(Mark {
            span,
            annotation: AnnotationId(id),
            kind: MarkKind::Entity,
            color: Color32::from_rgb(0x1f, 0x77, 0xb4),
            tag: Arc::from(tag),
        });
        self
    }

    fn show(&mut self, ui: &mut egui::Ui) {
        let input = ArticleInput {
            marks: &self.marks,
            marks_revision: self.marks.len() as u64,
            selection: self.selection,
            tokens: &self.tokens,
            char_precision: self.char_precision,
            scroll_to: self.scroll_to.take(),
            ..ArticleInput::new(&self.text)
        };
        for event in self.view.show(ui, &input) {
            if let ArticleEvent::Select(span) = &event {
                self.selection = Some(*span);
            }
            if !matches!(event, ArticleEvent::Hover(_)) {
                self.events.push(event);
            }
        }
    }
}

fn harness(app: App) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(vec2(900.0, 600.0))
        // Double-clicks need two clicks within 0.3 s of egui time, which advances per step.
        .with_step_dt(0.05)
        .with_context_setup(|ctx| {
            fonts::install(ctx);
        })
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

/// The chars of `needle`'s first occurrence in `text`.
fn span_of(text: &str, needle: &str) -> CharSpan {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharSpan::new(start, start + needle.chars().count())
}

/// Which way a word reads on screen.
#[derive(Clone, Copy, PartialEq)]
enum Reads {
    RightToLeft,
    LeftToRight,
}

/// Where `word` is drawn: the rectangles of the glyphs that show it, left to right, found by
/// reading the drawn glyphs of each row in `reads` direction (joining forms and ligatures read as
/// their letters). Panics when no row shows the word.
fn drawn(view: &ArticleView, word: &str, reads: Reads) -> Vec<Rect> {
    let glyphs = view.drawn_glyphs();
    let target: String = word.nfkc().collect();
    let mut rows: Vec<Vec<(char, Rect)>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].1.top() - glyph.1.top()).abs() < 0.5 => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }
    for row in &rows {
        for first in 0..row.len() {
            for last in first..row.len() {
                let window = &row[first..=last];
                let read: String = match reads {
                    Reads::LeftToRight => window.iter().map(|g| g.0).collect(),
                    Reads::RightToLeft => window.iter().rev().map(|g| g.0).collect(),
                };
                let read: String = read.nfkc().collect();
                if read == target {
                    return window.iter().map(|g| g.1).collect();
                }
                // Reading right to left, a glyph further right comes first.
                let on_track = match reads {
                    Reads::LeftToRight => target.starts_with(&read),
                    Reads::RightToLeft => target.ends_with(&read),
                };
                if !on_track {
                    break;
                }
            }
        }
    }
    let shown: Vec<String> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|g| format!("{:?}@{:.0}", g.0, g.1.left()))
                .collect()
        })
        .collect();
    panic!("{word:?} is not drawn anywhere: {shown:?}");
}

fn union(rects: &[Rect]) -> Rect {
    rects.iter().fold(Rect::NOTHING, |a, b| a.union(*b))
}

/// Whether two rectangles span the same x range, to the pixel (glyphs sit on whole pixels and
/// advance by fractions of one).
fn same_columns(a: Rect, b: Rect) -> bool {
    (a.left() - b.left()).abs() <= 1.0 && (a.right() - b.right()).abs() <= 1.0
}

fn button(harness: &Harness<'_, App>, pos: Pos2, pressed: bool) {
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

fn drag(harness: &mut Harness<'_, App>, from: Pos2, to: Pos2) {
    button(harness, from, true);
    harness.run();
    harness.event(Event::PointerMoved(from.lerp(to, 0.5)));
    harness.event(Event::PointerMoved(to));
    harness.run();
    button(harness, to, false);
    harness.run();
}

fn double_click(harness: &mut Harness<'_, App>, pos: Pos2) {
    for _ in 0..2 {
        button(harness, pos, true);
        button(harness, pos, false);
    }
    harness.run();
}

#[test]
fn an_arabic_highlight_sits_on_the_joined_glyphs_of_its_word_and_each_char_hit_tests_to_its_glyph()
{
    let word = "كلينتون";
    let span = span_of(ARABIC, word);
    let harness = harness(App::new(ARABIC).mark(span, 1, "PERSON"));
    let view = &harness.state().view;

    let glyphs = drawn(view, word, Reads::RightToLeft);
    assert_eq!(glyphs.len(), 7, "one joined glyph per letter");
    let highlight = view.span_rects(span);
    assert_eq!(highlight.len(), 1, "{highlight:?}");
    assert!(
        same_columns(highlight[0], union(&glyphs)),
        "highlight {:?} over the word drawn at {:?}",
        highlight[0],
        union(&glyphs)
    );
    assert!(highlight[0].intersects(union(&glyphs)), "on the word's row");
    // The first letter is the rightmost glyph, the last the leftmost.
    for (i, offset) in (span.start..span.end).enumerate() {
        let hit = view.char_rect(offset).unwrap();
        let glyph = glyphs[glyphs.len() - 1 - i];
        assert!(
            same_columns(hit, glyph),
            "char {offset}: {hit:?} vs {glyph:?}"
        );
        assert!(hit.contains(glyph.center()));
    }
    // The paragraph runs right to left: it ends at the column's right edge.
    let right = view
        .drawn_glyphs()
        .iter()
        .map(|g| g.1.right())
        .fold(0.0, f32::max);
    let first = view.char_rect(0).unwrap();
    assert!(
        (first.right() - right).abs() < 0.5,
        "{first:?} starts the row at {right}"
    );
}

#[test]
fn hebrew_highlights_fit_their_words_beside_latin_and_numbers() {
    let cases = [
        ("דיאליזה", Reads::RightToLeft),
        ("Dialysis", Reads::LeftToRight),
        ("2017", Reads::LeftToRight),
        ("1637", Reads::LeftToRight),
    ];
    let mut app = App::new(HEBREW);
    for (id, (word, _)) in cases.iter().enumerate() {
        app = app.mark(span_of(HEBREW, word), id as u32, "MARK");
    }
    let harness = harness(app);
    let view = &harness.state().view;
    for (word, reads) in cases {
        let glyphs = union(&drawn(view, word, reads));
        let highlight = view.span_rects(span_of(HEBREW, word));
        assert_eq!(highlight.len(), 1, "{word}: {highlight:?}");
        assert!(
            same_columns(highlight[0], glyphs) && highlight[0].intersects(glyphs),
            "{word}: highlight {:?}, drawn {glyphs:?}",
            highlight[0]
        );
    }
    // "2017 6700" reads right to left as numbers go: 2017 is right of 6700.
    let year = union(&drawn(view, "2017", Reads::LeftToRight));
    let patients = union(&drawn(view, "6700", Reads::LeftToRight));
    assert!(year.left() > patients.right(), "{year:?} {patients:?}");
    // The bracket closing "(באנגלית: Dialysis)" comes last in reading order, so it is drawn left
    // of "Dialysis", mirrored to still close the aside.
    let latin = union(&drawn(view, "Dialysis", Reads::LeftToRight));
    let left_of = view
        .drawn_glyphs()
        .into_iter()
        .filter(|g| {
            (g.1.center().y - latin.center().y).abs() < 1.0 && g.1.right() <= latin.left() + 1.0
        })
        .max_by(|a, b| a.1.left().total_cmp(&b.1.left()))
        .map(|g| g.0);
    assert_eq!(left_of, Some('('));
}

#[test]
fn a_mark_across_a_change_of_direction_is_drawn_in_pieces_over_exactly_its_glyphs() {
    // An English paragraph quoting Arabic: the mark covers "slogan " and the first Arabic word,
    // which is drawn at the right end of the Arabic phrase.
    let text = "Crowds chanted the slogan حرية وعدالة in the square.";
    let span = span_of(text, "slogan حرية");
    let harness = harness(App::new(text).mark(span, 1, "MISC"));
    let view = &harness.state().view;
    let pieces = view.span_rects(span);
    assert_eq!(pieces.len(), 2, "{pieces:?}");
    let slogan = union(&drawn(view, "slogan ", Reads::LeftToRight));
    let freedom = union(&drawn(view, "حرية", Reads::RightToLeft));
    let justice = union(&drawn(view, "وعدالة", Reads::RightToLeft));
    assert!(
        pieces.iter().any(|p| same_columns(*p, slogan)),
        "{pieces:?} {slogan:?}"
    );
    assert!(
        pieces.iter().any(|p| same_columns(*p, freedom)),
        "{pieces:?} {freedom:?}"
    );
    assert!(
        pieces.iter().all(|p| !p.intersects(justice.shrink(1.0))),
        "the word between the pieces is not marked"
    );
    assert!(
        freedom.left() > justice.right(),
        "the first word is the rightmost"
    );
}

#[test]
fn dragging_across_an_arabic_word_from_its_right_edge_to_its_left_selects_its_chars() {
    let word = "كلينتون";
    let span = span_of(ARABIC, word);
    let mut app = App::new(ARABIC);
    app.char_precision = true;
    let mut harness = harness(app);
    let glyphs = union(&drawn(&harness.state().view, word, Reads::RightToLeft));
    let y = glyphs.center().y;
    drag(
        &mut harness,
        Pos2::new(glyphs.right() - 1.0, y),
        Pos2::new(glyphs.left() + 1.0, y),
    );
    assert_eq!(harness.state().events, [ArticleEvent::Select(span)]);
    assert_eq!(harness.state().text.slice(span), Some(word));

    // Without char precision, a drag over part of two words selects both whole: from inside
    // "حساب" (right) to inside "كلينتون" (left of it).
    let mut harness = self::harness(App::new(ARABIC));
    let account = union(&drawn(&harness.state().view, "حساب", Reads::RightToLeft));
    let name = union(&drawn(&harness.state().view, word, Reads::RightToLeft));
    drag(
        &mut harness,
        Pos2::new(account.center().x, y),
        Pos2::new(name.center().x, y),
    );
    assert_eq!(
        harness.state().events,
        [ArticleEvent::Select(span_of(ARABIC, "حساب كلينتون"))]
    );
}

#[test]
fn double_clicking_a_hebrew_word_selects_it() {
    let mut harness = harness(App::new(HEBREW));
    let word = union(&drawn(&harness.state().view, "תהליך", Reads::RightToLeft));
    double_click(&mut harness, word.center());
    assert!(
        harness
            .state()
            .events
            .contains(&ArticleEvent::Select(span_of(HEBREW, "תהליך"))),
        "{:?}",
        harness.state().events
    );
}

#[test]
fn marks_over_combining_marks_and_emoji_sequences_cover_whole_clusters_and_drags_select_them() {
    ui_support::require_emoji_font();
    // Vietnamese written with combining marks (a + grave, o + circumflex + dot below), a flag and
    // a family emoji (five chars).
    let text = "Ha\u{300} No\u{302}\u{323}i 🇻🇳 👨\u{200d}👩\u{200d}👧 Cafe\u{301} ✓";
    let hanoi = span_of(text, "Ha\u{300} No\u{302}\u{323}i");
    let flag = span_of(text, "🇻🇳");
    let family = span_of(text, "👨\u{200d}👩\u{200d}👧");
    let app = App::new(text)
        .mark(hanoi, 1, "GPE")
        .mark(flag, 2, "FLAG")
        .mark(family, 3, "FAMILY");
    let harness = harness(app);
    let view = &harness.state().view;
    for span in [hanoi, flag, family] {
        let rects = view.span_rects(span);
        assert_eq!(rects.len(), 1, "{span:?}");
        // Every glyph drawn inside the highlight belongs to the span's chars, and the span's
        // first and last chars are inside it.
        let first = view.char_rect(span.start).unwrap();
        let last = view.char_rect(span.end - 1).unwrap();
        assert!(
            rects[0].left() <= first.left() + 0.5 && rects[0].right() >= last.right() - 0.5,
            "{span:?}: {:?} from {first:?} to {last:?}",
            rects[0]
        );
    }
    // The flag and the family are drawn as one glyph each, and their highlights as wide.
    let flag_rect = view.span_rects(flag)[0];
    assert!(flag_rect.width() > 8.0, "{flag_rect:?}");

    // A char-precise drag ending on "é" takes the accent with it.
    let mut app = App::new(text);
    app.char_precision = true;
    let mut harness = self::harness(app);
    let cafe = span_of(text, "Cafe\u{301}");
    let start = harness.state().view.char_rect(cafe.start).unwrap();
    let end = harness.state().view.char_rect(cafe.start + 3).unwrap();
    drag(
        &mut harness,
        start.left_center() + vec2(0.5, 0.0),
        end.right_center() - vec2(0.5, 0.0),
    );
    assert_eq!(harness.state().events, [ArticleEvent::Select(cafe)]);
    // And a drag that ends inside the family takes all five chars.
    harness.state_mut().events.clear();
    let family_rect = harness.state().view.span_rects(family)[0];
    drag(
        &mut harness,
        family_rect.left_center() + vec2(0.5, 0.0),
        family_rect.lerp_inside(egui::vec2(0.8, 0.5)),
    );
    assert_eq!(harness.state().events, [ArticleEvent::Select(family)]);
}

#[test]
fn double_clicking_an_arabic_word_where_it_is_drawn_and_pressing_p_saves_a_person_on_exactly_its_chars()
 {
    use egui::Key;
    use gloss::workbench::Workbench;

    // Three sentences of the Arabic PUD treebank as one article, so that the name sits in a
    // wrapped right-to-left paragraph after others.
    let text = "كتبت كوري شولمان, المساعدة الخاصة لأوباما في تدوينة نشرتها يوم الإثنين.\n\n\
                قال للحشد الذي تجمع في أحد الملاعب الرياضية الخاصة بجامعة كارولينا الشمالية.\n\n\
                تمول النفقات الجديدة من خلال حساب كلينتون المصرفي الكبير.";
    let (_temp, wb) = ui_support::project_with_text("pud", text);
    let dir = wb.dir().to_path_buf();
    let mut harness = ui_support::harness(wb);
    let span = ui_support::find_span(ui_support::wb(&harness), "كلينتون", 0);

    let word = union(&drawn(
        harness.state().article(),
        "كلينتون",
        Reads::RightToLeft,
    ));
    let pos = word.center();
    for pressed in [true, false, true, false] {
        harness.event(Event::PointerMoved(pos));
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_ok();
    assert_eq!(ui_support::wb(&harness).selection().span, Some(span));
    ui_support::type_char(&mut harness, 'p');
    // The annotation list draws the name in reading order and tells screen readers its chars in
    // logical order.
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "كلينتون");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    ui_support::wait_for_background(&mut harness);
    drop(harness);

    let reopened = Workbench::open(&dir, "tester").unwrap();
    let id = ui_support::entity_at(&reopened, span).expect("a mention on the word, on disk");
    let entity = reopened.annotation(id).unwrap().as_entity().unwrap();
    assert_eq!(entity.label, "PERSON");
    assert_eq!(
        reopened.current_doc().unwrap().text.slice(entity.span),
        Some("كلينتون")
    );
}

#[test]
fn latin_cyrillic_greek_cjk_arabic_and_hebrew_all_draw_in_one_article() {
    let report = fonts::install(&egui::Context::default());
    for font in ["gloss-text", "gloss-cjk"] {
        if !report.loaded.iter().any(|(name, _)| name == font) {
            skip_support::skipped(
                "latin_cyrillic_greek_cjk_arabic_and_hebrew_all_draw_in_one_article",
                &format!("no {font} font (Debian: fonts-dejavu-core, fonts-droid-fallback)"),
            );
            return;
        }
    }
    let text = "Prishtinë, çështje\n\nВучић и Курти\n\nΑθήνα\n\n北京 東京 ひらがな\n\n\
                تمول النفقات الجديدة\n\nבישראל היו בסוף שנת 2017";
    let harness = harness(App::new(text));
    let view = &harness.state().view;
    // Kittest fails on a glyph no font has; and each script's words are where they are read.
    for (word, reads) in [
        ("çështje", Reads::LeftToRight),
        ("Курти", Reads::LeftToRight),
        ("Αθήνα", Reads::LeftToRight),
        ("東京", Reads::LeftToRight),
        ("النفقات", Reads::RightToLeft),
        ("בישראל", Reads::RightToLeft),
    ] {
        let glyphs = union(&drawn(view, word, reads));
        let span = span_of(text, word);
        assert!(same_columns(view.span_rects(span)[0], glyphs), "{word}");
    }
}

#[test]
fn scrolling_to_a_name_deep_in_a_long_arabic_article_shows_it_under_its_highlight() {
    // 300 paragraphs, then one line of 60 sentences (cut into chunks of at most 2,000 chars).
    let mut text: String = (0..300).map(|i| format!("{i}. {ARABIC}\n\n")).collect();
    text.push_str(&vec![ARABIC; 60].join(" "));
    let name = "كلينتون";
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = name.chars().collect();
    let starts: Vec<usize> = (0..chars.len() - needle.len())
        .filter(|&i| chars[i..i + needle.len()] == needle[..])
        .collect();
    // The 250th paragraph's name, and one in the long line's second chunk.
    for start in [starts[250], starts[300 + 40]] {
        let span = CharSpan::new(start, start + needle.len());
        let mut harness = harness(App::new(&text).mark(span, 1, "PERSON"));
        assert!(
            harness.state().view.char_rect(start).is_none(),
            "not on the first screen"
        );
        harness.state_mut().scroll_to = Some(start);
        harness.run();
        let view = &harness.state().view;
        let rect = view.char_rect(start).expect("on screen after the scroll");
        assert!(rect.top() >= 0.0 && rect.bottom() <= 600.0, "{rect:?}");
        // The highlight is on glyphs that read as the name.
        let highlight = view.span_rects(span);
        assert_eq!(highlight.len(), 1);
        let read: String = view
            .drawn_glyphs()
            .into_iter()
            .filter(|g| highlight[0].contains(g.1.center()))
            .rev()
            .map(|g| g.0)
            .collect();
        assert_eq!(read.nfkc().collect::<String>(), name);
    }
}
