//! Right-to-left text: which paragraphs need the Unicode Bidirectional Algorithm (UAX #9), the
//! units a paragraph is drawn in, and the visual order of a line's units.
//!
//! epaint 0.37 lays out chars left to right in logical order and lets HarfBuzz shape each run of
//! one font in the direction it guesses: an Arabic word comes out reversed inside while the words
//! stay in logical order, and the glyphs of a right-to-left run no longer match the chars one to one
//! (so marks were drawn over the wrong words). A paragraph with right-to-left text is therefore not
//! handed to epaint as it is. It is cut into [`Unit`]s, grapheme clusters (a lam-alef pair is one),
//! each drawn as one piece: Arabic letters in their joining forms, brackets in right-to-left text
//! mirrored. Lines are broken in logical order and each line's units put in visual order by rules
//! L1 and L2. A unit is the smallest thing hit-testing, selection and marks deal in, so a drag
//! never splits a grapheme cluster.
//!
//! Pure functions over strings: the visual ↔ logical map is tested here without a window.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, ParagraphBidiInfo, bidi_class};
use unicode_segmentation::UnicodeSegmentation;

use super::arabic::{self, Shaped};

/// Whether a char makes its paragraph need the bidi layout: a right-to-left letter, an Arabic
/// digit or mark, or an explicit right-to-left control. Anything else (Latin, Cyrillic, Greek, CJK,
/// emoji) keeps the plain left-to-right layout; epaint would also reverse a run of Arabic digits or
/// harakat, so those count even though they are not strong right-to-left chars.
pub(crate) fn needs_bidi(c: char) -> bool {
    let code = u32::from(c);
    code >= 0x0590
        && (matches!(
            code,
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        ) || matches!(
            bidi_class(c),
            BidiClass::R
                | BidiClass::AL
                | BidiClass::AN
                | BidiClass::RLE
                | BidiClass::RLO
                | BidiClass::RLI
        ))
}

/// Which way a paragraph runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// As its first strong char says (UAX #9 rules P2, P3; HTML's `dir="auto"`): an article's
    /// paragraphs.
    Auto,
    /// Left to right whatever it holds: text inside the left-to-right interface (a list row, the
    /// inspector), where a name in Arabic is a right-to-left run inside the line.
    LeftToRight,
}

/// One piece of a paragraph drawn as a whole: a grapheme cluster, or a lam-alef pair with their
/// marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Char offsets in the paragraph, half-open.
    pub chars: Range<usize>,
    /// The same range in bytes of the paragraph's string.
    pub bytes: Range<usize>,
    /// What is drawn, in logical order (the shaper draws one unit in its own direction): joining
    /// forms, mirrored brackets.
    pub display: String,
    /// Resolved at an odd (right-to-left) embedding level.
    pub rtl: bool,
}

/// A paragraph's units and embedding levels.
#[derive(Debug)]
pub(crate) struct BidiParagraph<'t> {
    info: ParagraphBidiInfo<'t>,
    /// In logical order; together they cover the paragraph's chars exactly once.
    pub units: Vec<Unit>,
}

impl<'t> BidiParagraph<'t> {
    /// Resolves the levels of `text` (one paragraph running in `direction`) and cuts it into
    /// units. `drawable` says whether the fonts have a glyph for a char; joining forms they lack
    /// are drawn as plain letters.
    pub fn new(
        text: &'t str,
        direction: Direction,
        drawable: &mut dyn FnMut(char) -> bool,
    ) -> Self {
        let base = match direction {
            Direction::Auto => None,
            Direction::LeftToRight => Some(Level::ltr()),
        };
        let info = ParagraphBidiInfo::new(text, base);
        let chars: Vec<char> = text.chars().collect();
        let shaped = if arabic::has_letters(text) {
            arabic::shape(&chars, drawable)
        } else {
            chars.iter().map(|&c| Shaped::Char(c)).collect()
        };
        let mut units: Vec<Unit> = Vec::with_capacity(chars.len());
        let mut char_pos = 0;
        for (byte, grapheme) in text.grapheme_indices(true) {
            let count = grapheme.chars().count();
            let rtl = info.levels.get(byte).is_some_and(|level| level.is_rtl());
            let mut display = String::with_capacity(grapheme.len());
            for (k, c) in grapheme.chars().enumerate() {
                let form = match shaped.get(char_pos + k) {
                    Some(Shaped::Ligated) => continue,
                    Some(Shaped::Char(form)) => *form,
                    None => c,
                };
                display.push(if rtl { mirror(form) } else { form });
            }
            let ligated = shaped.get(char_pos) == Some(&Shaped::Ligated);
            let unit_chars = char_pos..char_pos + count;
            let bytes = byte..byte + grapheme.len();
            char_pos += count;
            match units.last_mut() {
                // The alef of a lam-alef: drawn by the ligature of the unit before.
                Some(last) if ligated => {
                    last.chars.end = unit_chars.end;
                    last.bytes.end = bytes.end;
                    last.display.push_str(&display);
                }
                _ => units.push(Unit {
                    chars: unit_chars,
                    bytes,
                    display,
                    rtl,
                }),
            }
        }
        Self { info, units }
    }

    /// Whether the paragraph runs right to left: its lines are aligned right.
    pub fn is_rtl(&self) -> bool {
        self.info.paragraph_level.is_rtl()
    }

    /// The units of one line, `line` (indices into [`Self::units`], in logical order), in visual
    /// order from left to right.
    pub fn visual_line(&self, line: Range<usize>) -> Vec<usize> {
        let Some(units) = self.units.get(line.clone()) else {
            return Vec::new();
        };
        let (Some(first), Some(last)) = (units.first(), units.last()) else {
            return Vec::new();
        };
        // L1: whitespace at the end of the line goes back to the paragraph's level.
        let levels = self
            .info
            .reordered_levels(first.bytes.start..last.bytes.end);
        let unit_levels: Vec<Level> = units
            .iter()
            .map(|u| {
                levels
                    .get(u.bytes.start)
                    .copied()
                    .unwrap_or(self.info.paragraph_level)
            })
            .collect();
        // L2, over units: a grapheme cluster keeps its marks after its base (L3).
        BidiInfo::reorder_visual(&unit_levels)
            .into_iter()
            .map(|i| line.start + i)
            .collect()
    }
}

/// The mirror image of a char drawn in right-to-left text (UAX #9 rule L4, from Unicode's
/// `BidiMirroring.txt`): the brackets, quotes and relations news text uses.
fn mirror(c: char) -> char {
    const PAIRS: &[(char, char)] = &[
        ('(', ')'),
        ('<', '>'),
        ('[', ']'),
        ('{', '}'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('≤', '≥'),
        ('≪', '≫'),
        ('⟨', '⟩'),
        ('⟪', '⟫'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('〔', '〕'),
        ('〖', '〗'),
        ('（', '）'),
        ('［', '］'),
        ('｛', '｝'),
        ('＜', '＞'),
    ];
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            if c == open {
                Some(close)
            } else if c == close {
                Some(open)
            } else {
                None
            }
        })
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> BidiParagraph<'_> {
        BidiParagraph::new(text, Direction::Auto, &mut |_| true)
    }

    /// The line of units `line` as it reads on screen from left to right.
    fn shown(p: &BidiParagraph<'_>, line: Range<usize>) -> String {
        p.visual_line(line)
            .into_iter()
            .map(|u| p.units[u].display.as_str())
            .collect()
    }

    fn whole(p: &BidiParagraph<'_>) -> String {
        shown(p, 0..p.units.len())
    }

    #[test]
    fn only_right_to_left_scripts_need_the_bidi_layout() {
        for latin in "Prishtinë, Вучић, Ελλάδα, 北京, 🇽🇰 👨‍👩‍👧, e\u{301}".chars()
        {
            assert!(!needs_bidi(latin), "{latin:?}");
        }
        for rtl in [
            'ש', 'ع', '\u{FEFB}', '٣', '\u{064E}', '\u{200F}', '\u{202E}',
        ] {
            assert!(needs_bidi(rtl), "{rtl:?}");
        }
    }

    #[test]
    fn hebrew_with_latin_and_digits_reads_right_to_left_around_left_to_right_runs() {
        let p = paragraph("שלום world 2024");
        assert!(p.is_rtl());
        // Read from the right: שלום, then "world 2024" (a number after Latin joins the Latin run,
        // rule W7), which keeps its own order.
        assert_eq!(whole(&p), "world 2024 םולש");
        let order = p.visual_line(0..p.units.len());
        assert_eq!(
            order[..5],
            [5, 6, 7, 8, 9],
            "world leftmost, in logical order"
        );
        assert_eq!(
            order[order.len() - 4..],
            [3, 2, 1, 0],
            "שלום rightmost, reversed"
        );
        // A number between Hebrew words stays left to right in place: "in 2024 they met".
        assert_eq!(whole(&paragraph("בשנת 2024 נפגשו")), "ושגפנ 2024 תנשב");
    }

    #[test]
    fn numbers_inside_arabic_stay_left_to_right() {
        // "The year 2024": ain initial, alef final, meem isolated, then the number on their left.
        let p = paragraph("عام 2024");
        assert_eq!(whole(&p), "2024 \u{FEE1}\u{FE8E}\u{FECB}");
        // Arabic-Indic digits too.
        let p = paragraph("عام ٢٠٢٤");
        assert_eq!(whole(&p), "٢٠٢٤ \u{FEE1}\u{FE8E}\u{FECB}");
    }

    #[test]
    fn an_arabic_word_in_english_is_reversed_in_place_with_its_lam_alef_as_one_unit() {
        let text = "The word سلام means peace.";
        let p = paragraph(text);
        assert!(!p.is_rtl());
        assert_eq!(whole(&p), "The word \u{FEE1}\u{FEFC}\u{FEB3} means peace.");
        let salam: Vec<Range<usize>> = p.units[9..12].iter().map(|u| u.chars.clone()).collect();
        assert_eq!(salam, [9..10, 10..12, 12..13], "lam and alef are one unit");
        assert!(p.units[9..12].iter().all(|u| u.rtl));
        assert!(!p.units[8].rtl && !p.units[12].rtl);
    }

    #[test]
    fn each_wrapped_line_is_reordered_on_its_own() {
        // Unwrapped, the Hebrew run is one: "abc והד גבא def".
        let text = "abc אבג דהו def";
        let p = paragraph(text);
        assert_eq!(whole(&p), "abc והד גבא def");
        // Wrapped after "אבג ", each line reverses its own part of the run.
        assert_eq!(shown(&p, 0..8), "abc גבא ");
        assert_eq!(shown(&p, 8..15), "והד def");
        // A right-to-left paragraph: the space ending a line goes to its left end (rule L1).
        let p = paragraph("אבג דהו");
        assert_eq!(p.visual_line(0..4), [3, 2, 1, 0]);
        assert_eq!(shown(&p, 0..4), " גבא");
        assert_eq!(shown(&p, 4..7), "והד");
    }

    #[test]
    fn a_label_in_the_interface_runs_left_to_right_around_an_arabic_name() {
        // "1  Clinton (PERSON)" in a pick list: the number stays first, the name reads right to left.
        let text = "1  كلينتون (PERSON)";
        let p = BidiParagraph::new(text, Direction::LeftToRight, &mut |_| true);
        assert!(!p.is_rtl());
        let shown = shown(&p, 0..p.units.len());
        assert!(
            shown.starts_with("1  ") && shown.ends_with(" (PERSON)"),
            "{shown}"
        );
        assert!(
            paragraph(text).is_rtl(),
            "on its own its first strong char is Arabic"
        );
    }

    #[test]
    fn brackets_in_right_to_left_text_are_mirrored() {
        let p = paragraph("(שלום) [abc]");
        assert_eq!(whole(&p), "[abc] (םולש)");
        assert_eq!(
            p.units[0].display, ")",
            "the opening bracket drawn as its mirror"
        );
        assert_eq!(whole(&paragraph("a (b) c")), "a (b) c");
    }

    #[test]
    fn combining_marks_and_emoji_sequences_stay_whole_units() {
        // Shalom with niqqud: four units, each a letter with its points, reversed as wholes.
        let (shin, lamed, vav, mem) = (
            "\u{5E9}\u{5B8}\u{5C1}",
            "\u{5DC}",
            "\u{5D5}\u{5B9}",
            "\u{5DD}",
        );
        let text = format!("{shin}{lamed}{vav}{mem}");
        let p = paragraph(&text);
        let units: Vec<&str> = p.units.iter().map(|u| &text[u.bytes.clone()]).collect();
        assert_eq!(units, [shin, lamed, vav, mem]);
        assert_eq!(whole(&p), format!("{mem}{vav}{lamed}{shin}"));
        // A family emoji (5 chars) and a flag (2) are one unit each, wherever they land.
        let p = paragraph("שלום 👨‍👩‍👧 🇽🇰");
        let last: Vec<Range<usize>> = p.units[5..].iter().map(|u| u.chars.clone()).collect();
        assert_eq!(last, [5..10, 10..11, 11..13]);
        assert_eq!(whole(&p), "🇽🇰 👨‍👩‍👧 םולש");
    }

    proptest::proptest! {
        /// Whatever a document holds (explicit embeddings left open, marks with no letter, lone
        /// joiners, brackets that do not pair), a paragraph is cut into units that cover every char
        /// once, and any line of them comes out as a permutation: nothing panics, nothing is lost.
        #[test]
        fn any_text_gives_units_covering_it_and_lines_that_are_permutations(
            picks in proptest::collection::vec(0usize..PIECES.len(), 0..40),
            cut in 0usize..40,
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let p = paragraph(&text);
            let mut next = 0;
            for unit in &p.units {
                proptest::prop_assert_eq!(unit.chars.start, next);
                proptest::prop_assert!(unit.chars.end > unit.chars.start);
                next = unit.chars.end;
            }
            proptest::prop_assert_eq!(next, text.chars().count());
            let cut = cut.min(p.units.len());
            for line in [0..cut, cut..p.units.len()] {
                let mut order = p.visual_line(line.clone());
                order.sort_unstable();
                proptest::prop_assert_eq!(order, line.collect::<Vec<_>>());
            }
        }
    }

    /// Pieces of hostile and ordinary text for the property test above.
    const PIECES: &[&str] = &[
        "a", " ", "1", "٣", "(", ")", "[", "ש", "ל", "ع", "ل", "ا", "ـ", "\u{064E}", "\u{0301}",
        "\u{200D}", "\u{200C}", "\u{200F}", "\u{202B}", "\u{202E}", "\u{202C}", "\u{2067}",
        "\u{2069}", "\r", "\t", "🇽", "👨", ".", "-", "«",
    ];

    #[test]
    fn units_cover_every_char_once_in_order() {
        for text in [
            "",
            " ",
            "سلام عليكم",
            "לא",
            "a\u{200F}b",
            "\u{202E}abc\u{202C}",
            "x\r",
        ] {
            let p = paragraph(text);
            let mut next = 0;
            for unit in &p.units {
                assert_eq!(unit.chars.start, next, "{text:?}");
                next = unit.chars.end;
            }
            assert_eq!(next, text.chars().count(), "{text:?}");
            let mut order = p.visual_line(0..p.units.len());
            order.sort_unstable();
            assert_eq!(order, (0..p.units.len()).collect::<Vec<_>>());
        }
    }
}
