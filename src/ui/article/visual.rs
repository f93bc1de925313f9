//! A paragraph with right-to-left text laid out in visual order (see [`super::bidi`]), and the map
//! between what is drawn and the paragraph's chars.
//!
//! Each unit is one section of the galley: epaint shapes sections separately, so a unit's glyphs are
//! the same as when the unit is laid out alone, and measuring those once per distinct unit tells
//! which glyphs of the galley draw which unit and how wide it is. Lines are broken on those widths in
//! logical order; the galley holds the units line by line in visual order, one row per line,
//! right-aligned when the paragraph runs right to left.
//!
//! Coordinates here are galley coordinates: the caller adds the paragraph's origin.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::FontsView;
use egui::text::{ByteIndex, LayoutJob, LayoutSection};
use egui::{Align, Galley, Pos2, TextFormat};

use super::bidi::{BidiParagraph, Direction};

/// What a unit text takes when laid out alone: the same for a text and font every time. Shared by
/// the paragraphs of an article and cleared with its layout.
pub(crate) type GlyphCounts = HashMap<String, Measure>;

/// A unit's glyphs and their advance, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Measure {
    pub glyphs: usize,
    pub width: f32,
}

/// Where lines break, for units of `widths` (in logical order) on rows `width` points wide: after
/// the last space unit (`spaces`) that fits, spaces hanging past the edge as at the end of any
/// line; a word longer than a row is cut between units. Linear in the units.
pub(crate) fn break_lines(widths: &[f32], spaces: &[bool], width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut x = 0.0;
    // The unit after the last space of the line so far: where it may break.
    let mut after_space = None;
    for (i, &w) in widths.iter().enumerate() {
        let space = spaces.get(i).copied().unwrap_or(false);
        if x + w > width && i > start && !space {
            let cut = after_space.filter(|&b| b > start).unwrap_or(i);
            lines.push(start..cut);
            x = widths[cut..i].iter().sum();
            start = cut;
            after_space = None;
        }
        x += w;
        if space {
            after_space = Some(i + 1);
        }
    }
    if start < widths.len() || lines.is_empty() {
        lines.push(start..widths.len());
    }
    lines
}

/// Where a unit is drawn.
#[derive(Clone, Debug, PartialEq)]
struct UnitBox {
    /// Char offsets in the paragraph, half-open.
    chars: Range<usize>,
    row: usize,
    /// Left and right edge, in galley coordinates.
    x: Range<f32>,
    rtl: bool,
}

/// A contiguous piece of a span on one row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    pub row: usize,
    pub x: Range<f32>,
    /// Holds the span's first char (where its tag goes) or its last.
    pub starts: bool,
    pub ends: bool,
    /// The span's first char runs right to left: its tag is anchored at the right edge.
    pub rtl: bool,
}

/// A paragraph laid out in visual order with its unit map. Invariant: `units` cover the paragraph's
/// chars in logical order, `unit_of_char` has one entry per char, and `rows[r]` lists the units of
/// galley row `r` from left to right.
#[derive(Debug)]
pub(crate) struct VisualParagraph {
    pub galley: Arc<Galley>,
    /// Right-aligned (the paragraph runs right to left): x = 0 is the column's right edge.
    pub rtl: bool,
    pub char_count: usize,
    units: Vec<UnitBox>,
    unit_of_char: Vec<u32>,
    rows: Vec<Vec<u32>>,
}

impl VisualParagraph {
    /// Lays out `text` (one paragraph running in `direction`) in `format`, wrapped at `width`
    /// points, its lines aligned right when it runs right to left.
    pub fn lay_out(
        fonts: &mut FontsView<'_>,
        text: &str,
        format: &TextFormat,
        width: f32,
        direction: Direction,
        counts: &mut GlyphCounts,
    ) -> Self {
        let font_id = format.font_id.clone();
        let paragraph = BidiParagraph::new(text, direction, &mut |c| fonts.has_glyph(&font_id, c));
        let units = &paragraph.units;
        let measures: Vec<Measure> = units
            .iter()
            .map(|unit| {
                if let Some(&measure) = counts.get(&unit.display) {
                    return measure;
                }
                let alone = fonts.layout_job(LayoutJob::single_section(
                    unit.display.clone(),
                    format.clone(),
                ));
                let glyphs = alone.rows.iter().flat_map(|row| &row.glyphs);
                let measure = Measure {
                    glyphs: glyphs.clone().count(),
                    width: glyphs.map(|g| g.advance_width).sum(),
                };
                counts.insert(unit.display.clone(), measure);
                measure
            })
            .collect();
        let glyphs: Vec<usize> = measures.iter().map(|m| m.glyphs).collect();
        let widths: Vec<f32> = measures.iter().map(|m| m.width).collect();
        let spaces: Vec<bool> = units
            .iter()
            .map(|u| u.display.chars().all(char::is_whitespace))
            .collect();
        let lines = break_lines(&widths, &spaces, width);

        let rtl = paragraph.is_rtl();
        let mut visual = LayoutJob {
            halign: if rtl { Align::RIGHT } else { Align::LEFT },
            ..Default::default()
        };
        let mut orders = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                push_section(&mut visual, "\n", format);
            }
            let order = paragraph.visual_line(line.clone());
            for &u in &order {
                push_section(&mut visual, &units[u].display, format);
            }
            orders.push(order);
        }
        let galley = fonts.layout_job(visual);

        let char_count = units.last().map_or(0, |u| u.chars.end);
        let mut boxes: Vec<UnitBox> = units
            .iter()
            .map(|u| UnitBox {
                chars: u.chars.clone(),
                row: 0,
                x: 0.0..0.0,
                rtl: u.rtl,
            })
            .collect();
        let mut rows = Vec::with_capacity(orders.len());
        for (r, order) in orders.iter().enumerate() {
            // One galley row per line; should epaint ever differ, the units still get boxes (on
            // the last row) and nothing indexes out of bounds.
            let row_index = r.min(galley.rows.len().saturating_sub(1));
            let Some(row) = galley.rows.get(row_index) else {
                break;
            };
            let mut glyph = 0;
            let mut pen = row.pos.x + row.glyphs.first().map_or(0.0, |g| g.pos.x);
            for &u in order {
                let drawn = row.glyphs.get(glyph..glyph + glyphs[u]).unwrap_or(&[]);
                glyph += glyphs[u];
                let left = drawn
                    .iter()
                    .map(|g| row.pos.x + g.pos.x)
                    .fold(f32::INFINITY, f32::min);
                let right = drawn
                    .iter()
                    .map(|g| row.pos.x + g.max_x())
                    .fold(f32::NEG_INFINITY, f32::max);
                let x = if drawn.is_empty() {
                    pen..pen
                } else {
                    left..right.max(left)
                };
                pen = x.end;
                boxes[u].row = row_index;
                boxes[u].x = x;
            }
            // Glyphs sit on whole pixels with fractional advances, so neighbours overlap or leave a
            // sliver between them: each unit reaches to where the next begins, as the boxes of the
            // plain layout do, so that every point of a row hits a unit.
            for pair in order.windows(2) {
                let next_start = boxes[pair[1]].x.start;
                let unit = &mut boxes[pair[0]];
                unit.x.end = next_start.max(unit.x.start);
            }
            rows.push(order.iter().map(|&u| u as u32).collect());
        }
        let mut unit_of_char = Vec::with_capacity(char_count);
        for (i, unit) in boxes.iter().enumerate() {
            unit_of_char.extend(std::iter::repeat_n(i as u32, unit.chars.len()));
        }
        Self {
            galley,
            rtl,
            char_count,
            units: boxes,
            unit_of_char,
            rows,
        }
    }

    fn unit_of(&self, char: usize) -> Option<&UnitBox> {
        let unit = *self.unit_of_char.get(char)?;
        self.units.get(unit as usize)
    }

    /// Top and bottom of a galley row.
    pub fn row_span(&self, row: usize) -> Option<(f32, f32)> {
        let row = self.galley.rows.get(row)?;
        Some((row.min_y(), row.max_y()))
    }

    /// Top of a galley row's box (its `pos.y`).
    pub fn row_top(&self, row: usize) -> Option<f32> {
        Some(self.galley.rows.get(row)?.pos.y)
    }

    /// The row and left and right edge of the unit drawing `char` (a whole grapheme cluster).
    pub fn char_box(&self, char: usize) -> Option<(usize, Range<f32>)> {
        let unit = self.unit_of(char)?;
        Some((unit.row, unit.x.clone()))
    }

    /// The pieces that draw the chars `span` (paragraph offsets): per row, each run of units that
    /// are next to each other on screen, left to right. A span across a change of direction has
    /// several pieces on one row.
    pub fn pieces(&self, span: Range<usize>) -> Vec<Piece> {
        let mut out = Vec::new();
        let end = span.end.min(self.char_count);
        if span.start >= end {
            return out;
        }
        let (Some(&first), Some(&last)) = (
            self.unit_of_char.get(span.start),
            self.unit_of_char.get(end - 1),
        ) else {
            return out;
        };
        let (Some(first_box), Some(last_box)) = (
            self.units.get(first as usize),
            self.units.get(last as usize),
        ) else {
            return out;
        };
        for row in first_box.row..=last_box.row {
            let mut piece: Option<Piece> = None;
            for &u in self.rows.get(row).map_or(&[][..], Vec::as_slice) {
                let unit = &self.units[u as usize];
                if unit.chars.start < end && unit.chars.end > span.start {
                    let piece = piece.get_or_insert(Piece {
                        row,
                        x: unit.x.clone(),
                        starts: false,
                        ends: false,
                        rtl: first_box.rtl,
                    });
                    piece.x.start = piece.x.start.min(unit.x.start);
                    piece.x.end = piece.x.end.max(unit.x.end);
                    piece.starts |= u == first;
                    piece.ends |= u == last;
                } else if let Some(done) = piece.take() {
                    out.push(done);
                }
            }
            out.extend(piece);
        }
        out
    }

    /// The first char of the unit whose box contains `pos`, if any.
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        let row = self
            .galley
            .rows
            .iter()
            .position(|row| pos.y >= row.min_y() && pos.y < row.max_y())?;
        self.rows.get(row)?.iter().find_map(|&u| {
            let unit = &self.units[u as usize];
            (pos.x >= unit.x.start && pos.x < unit.x.end).then_some(unit.chars.start)
        })
    }

    /// The caret (paragraph offset, between units) nearest to `pos`: above the paragraph its start,
    /// below it its end, else the edge of the nearest unit on the nearest row, in logical terms: the
    /// left edge of a right-to-left unit is after it, of a left-to-right one before it.
    pub fn cursor_at(&self, pos: Pos2) -> usize {
        let (Some(first), Some(last)) = (self.galley.rows.first(), self.galley.rows.last()) else {
            return 0;
        };
        if pos.y < first.min_y() {
            return 0;
        }
        if pos.y >= last.max_y() {
            return self.char_count;
        }
        let row = self
            .galley
            .rows
            .iter()
            .position(|row| pos.y < row.max_y())
            .unwrap_or(self.galley.rows.len() - 1);
        let Some(order) = self.rows.get(row).filter(|order| !order.is_empty()) else {
            return self.char_count;
        };
        let unit = order
            .iter()
            .map(|&u| &self.units[u as usize])
            .min_by(|a, b| {
                let distance = |unit: &UnitBox| {
                    if pos.x < unit.x.start {
                        unit.x.start - pos.x
                    } else if pos.x > unit.x.end {
                        pos.x - unit.x.end
                    } else {
                        0.0
                    }
                };
                distance(a).total_cmp(&distance(b))
            });
        let Some(unit) = unit else {
            return self.char_count;
        };
        let on_left = pos.x < (unit.x.start + unit.x.end) / 2.0;
        if on_left == unit.rtl {
            unit.chars.end
        } else {
            unit.chars.start
        }
    }
}

/// `text` (one line) as a widget shows it: as it is when nothing in it runs right to left, else its
/// units in visual order (Arabic joined, brackets mirrored), so that an Arabic or Hebrew name reads
/// in the right order in lists and the inspector too. The line runs left to right like the rest of
/// the interface. Uncoloured: the widget's text colour applies.
pub fn bidi_label(ui: &egui::Ui, text: &str, style: egui::TextStyle) -> egui::WidgetText {
    if !text.chars().any(super::bidi::needs_bidi) {
        return text.into();
    }
    let font_id = style.resolve(ui.style());
    let paragraph = ui.fonts_mut(|fonts| {
        BidiParagraph::new(text, Direction::LeftToRight, &mut |c| {
            fonts.has_glyph(&font_id, c)
        })
    });
    let format = TextFormat {
        font_id,
        color: egui::Color32::PLACEHOLDER,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    for u in paragraph.visual_line(0..paragraph.units.len()) {
        push_section(&mut job, &paragraph.units[u].display, &format);
    }
    job.into()
}

/// [`bidi_label`] for text that may wrap: each line of it reordered on its own (a line broken
/// after reordering would start with the end of the text), left to right like the interface.
pub fn bidi_wrapped_label(ui: &egui::Ui, text: &str, style: egui::TextStyle) -> egui::WidgetText {
    if !text.chars().any(super::bidi::needs_bidi) {
        return text.into();
    }
    let format = TextFormat {
        font_id: style.resolve(ui.style()),
        color: egui::Color32::PLACEHOLDER,
        ..Default::default()
    };
    let width = ui.available_width().max(1.0);
    let laid = ui.fonts_mut(|fonts| {
        VisualParagraph::lay_out(
            fonts,
            text,
            &format,
            width,
            Direction::LeftToRight,
            &mut GlyphCounts::new(),
        )
    });
    egui::WidgetText::Galley(laid.galley)
}

/// Adds `text` as a section of its own: `LayoutJob::append` would merge it into the section before
/// (same format), and HarfBuzz would then shape and reorder the units together.
fn push_section(job: &mut LayoutJob, text: &str, format: &TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(LayoutSection {
        leading_space: 0.0,
        byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
        format: format.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, FontId};

    /// Lays out `text` at `width` points with the fonts the window installs.
    fn lay_out(text: &str, width: f32) -> VisualParagraph {
        lay_out_all(&[text], width).pop().unwrap()
    }

    /// Lays out each text at `width` points with the fonts the window installs, in one context.
    fn lay_out_all(texts: &[&str], width: f32) -> Vec<VisualParagraph> {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut laid = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.fonts_mut(|fonts| {
                let format = TextFormat {
                    font_id: FontId::proportional(16.0),
                    color: Color32::PLACEHOLDER,
                    line_height: Some(37.0),
                    ..Default::default()
                };
                let mut counts = GlyphCounts::new();
                for text in texts {
                    laid.push(VisualParagraph::lay_out(
                        fonts,
                        text,
                        &format,
                        width,
                        Direction::Auto,
                        &mut counts,
                    ));
                }
            });
        });
        output.textures_delta.clear();
        laid
    }

    #[test]
    fn any_mix_of_scripts_marks_and_controls_maps_every_char_to_a_place_and_back() {
        // Pieces of hostile and ordinary text, strung together by a fixed pseudo-random sequence
        // (the same every run): every char gets a box on a row, the boxes of each row lie side by
        // side, and the char at the middle of its box is the char (or its cluster).
        const PIECES: &[&str] = &[
            "a",
            " ",
            "1",
            "٣",
            "(",
            ")",
            "ש",
            "ל",
            "ع",
            "ل",
            "ا",
            "ـ",
            "\u{064E}",
            "\u{0301}",
            "\u{200D}",
            "\u{200F}",
            "\u{202B}",
            "\u{202C}",
            ".",
            "word ",
            "كلمة ",
            "מילה ",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let texts: Vec<String> = (0..60)
            .map(|_| {
                (0..40)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1);
                        PIECES[(state >> 33) as usize % PIECES.len()]
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        for (text, p) in refs.iter().zip(lay_out_all(&refs, 120.0)) {
            assert_eq!(p.char_count, text.chars().count(), "{text:?}");
            for c in 0..p.char_count {
                let (row, x) = p
                    .char_box(c)
                    .unwrap_or_else(|| panic!("{text:?}: char {c}"));
                assert!(row < p.galley.rows.len(), "{text:?}: char {c} on row {row}");
                if x.end - x.start >= 1.0 {
                    let (top, bottom) = p.row_span(row).unwrap();
                    let hit = p.char_at(Pos2::new((x.start + x.end) / 2.0, (top + bottom) / 2.0));
                    let (_, hit_box) = p.char_box(hit.unwrap()).unwrap();
                    assert_eq!(hit_box, x, "{text:?}: char {c}");
                }
            }
            for order in &p.rows {
                for pair in order.windows(2) {
                    let (a, b) = (&p.units[pair[0] as usize], &p.units[pair[1] as usize]);
                    assert!(
                        (a.x.end - b.x.start).abs() < 0.01,
                        "{text:?}: {a:?} then {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_wrapped_paragraph_has_one_row_per_line_each_within_the_column_and_every_char_on_it() {
        // Hebrew Wikipedia ("דיאליזה", CC BY-SA 4.0, via UD Hebrew IAHLTwiki).
        let text = "ברפואה, דיאליזה (באנגלית: Dialysis) היא תהליך המיועד להחליף את הכליות ולבצע את \
                    תפקידן, במקרה שאלו חדלות לתפקד.";
        let width = 200.0;
        let p = lay_out(text, width);
        assert!(p.galley.rows.len() >= 4, "{}", p.galley.rows.len());
        assert_eq!(p.rows.len(), p.galley.rows.len(), "one galley row per line");
        assert!(p.rtl);
        for (r, row) in p.galley.rows.iter().enumerate() {
            assert!(
                row.rect().width() <= width + 1.0,
                "row {r} is {}",
                row.rect().width()
            );
            assert!(row.rect().right() <= 1.0, "row {r} ends at the right edge");
            // The row's units, left to right, hold exactly the row's glyphs.
            let units = &p.rows[r];
            assert!(units.iter().all(|&u| p.units[u as usize].row == r));
        }
        assert_eq!(p.char_count, text.chars().count());
        // Lines keep logical order: the first line starts the paragraph, on the right.
        let (row, x) = p.char_box(0).unwrap();
        assert_eq!(row, 0);
        let right = p.galley.rows[0].rect().right();
        assert!((x.end - right).abs() <= 1.0, "{x:?} vs {right}");
        // Every point of a row hits a char, and a caret there lands on that char's edge.
        let y = (p.galley.rows[1].min_y() + p.galley.rows[1].max_y()) / 2.0;
        let left = p.galley.rows[1].rect().left();
        for step in 0..100 {
            let x = left + step as f32 * 1.9;
            if x >= p.galley.rows[1].rect().right() - 1.0 {
                break;
            }
            let hit = p
                .char_at(Pos2::new(x, y))
                .unwrap_or_else(|| panic!("no char at {x}"));
            let caret = p.cursor_at(Pos2::new(x, y));
            let (_, bounds) = p.char_box(hit).unwrap();
            assert!(bounds.contains(&x), "{x} in {bounds:?}");
            assert!(caret.abs_diff(hit) <= 1, "caret {caret} beside char {hit}");
        }
    }

    #[test]
    fn lines_break_after_the_last_space_that_fits_and_long_words_between_units() {
        // Units: "ab", " ", "cd", " ", "ef", each word 10 wide, spaces 2.
        let widths = [10.0, 2.0, 10.0, 2.0, 10.0];
        let spaces = [false, true, false, true, false];
        assert_eq!(break_lines(&widths, &spaces, 25.0), [0..4, 4..5]);
        assert_eq!(break_lines(&widths, &spaces, 100.0), vec![0..5]);
        // A space hangs past the edge rather than starting a line.
        assert_eq!(break_lines(&widths, &spaces, 11.0), [0..2, 2..4, 4..5]);
        // A word wider than the row is cut between its units.
        assert_eq!(break_lines(&[4.0; 5], &[false; 5], 9.0), [0..2, 2..4, 4..5]);
        assert_eq!(break_lines(&[], &[], 10.0), vec![0..0]);
    }

    #[test]
    fn a_caret_left_of_an_arabic_letter_comes_after_it() {
        let p = lay_out("قال", 300.0);
        // Qaf is drawn rightmost, lam leftmost.
        let (_, qaf) = p.char_box(0).unwrap();
        let (_, lam) = p.char_box(2).unwrap();
        assert!(qaf.start > lam.start);
        let y = p.galley.rows[0].min_y() + 5.0;
        assert_eq!(
            p.cursor_at(Pos2::new(qaf.end - 1.0, y)),
            0,
            "right of qaf: before it"
        );
        assert_eq!(
            p.cursor_at(Pos2::new(qaf.start + 1.0, y)),
            1,
            "left of qaf: after it"
        );
        assert_eq!(
            p.cursor_at(Pos2::new(lam.start - 50.0, y)),
            3,
            "far left: the end"
        );
        assert_eq!(p.cursor_at(Pos2::new(0.0, -100.0)), 0, "above: the start");
        assert_eq!(p.cursor_at(Pos2::new(0.0, 1_000.0)), 3, "below: the end");
    }
}
