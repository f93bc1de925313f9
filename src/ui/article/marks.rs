//! Marks indexed by paragraph, so that the marks of the visible paragraphs cost O(visible).

use super::paragraphs::Paragraph;
use super::{Mark, MarkKind};
use crate::model::{AnnotationId, CharSpan};

/// For each paragraph, the indices of the marks that touch it, sorted by start then longest first.
/// Compressed rows: the marks of paragraph `p` are `entries[offsets[p]..offsets[p + 1]]`.
///
/// Built in O(marks · log marks + paragraphs) whenever the marks change; a mark whose span lies outside
/// the text or is empty is left out (marks come from user files and must never panic the view).
#[derive(Debug, Default)]
pub(crate) struct MarkIndex {
    offsets: Vec<u32>,
    entries: Vec<u32>,
}

impl MarkIndex {
    pub fn build(paragraphs: &[Paragraph], marks: &[Mark], char_len: usize) -> Self {
        // Sort once by (start, longest first) on compact keys, then deal the marks out to their
        // paragraphs in that order: every bucket comes out sorted, the paragraph cursor only moves
        // forward, and the marks themselves are touched once each.
        let mut order: Vec<(usize, std::cmp::Reverse<usize>, u32)> = marks
            .iter()
            .enumerate()
            .filter_map(|(i, mark)| {
                let span = clamp(mark.span, char_len)?;
                Some((span.start, std::cmp::Reverse(span.end), i as u32))
            })
            .collect();
        if !order.is_sorted() {
            order.sort_unstable();
        }
        let mut counts = vec![0u32; paragraphs.len() + 1];
        let mut ranges = Vec::with_capacity(order.len());
        let mut cursor = 0;
        for &(start, std::cmp::Reverse(end), _) in &order {
            while cursor < paragraphs.len() && paragraphs[cursor].chars.end <= start {
                cursor += 1;
            }
            let mut last = cursor;
            while last < paragraphs.len() && paragraphs[last].chars.start < end {
                last += 1;
            }
            for count in &mut counts[cursor..last] {
                *count += 1;
            }
            ranges.push((cursor as u32, last as u32));
        }
        let mut offsets = Vec::with_capacity(counts.len());
        let mut sum = 0u32;
        for count in &counts {
            offsets.push(sum);
            sum += count;
        }
        let mut fill = offsets.clone();
        let mut entries = vec![0u32; sum as usize];
        for (&(_, _, i), &(first, last)) in order.iter().zip(&ranges) {
            for p in first as usize..last as usize {
                entries[fill[p] as usize] = i;
                fill[p] += 1;
            }
        }
        Self { offsets, entries }
    }

    /// Indices into the marks slice of the marks touching paragraph `p`.
    pub fn of_paragraph(&self, p: usize) -> &[u32] {
        match (self.offsets.get(p), self.offsets.get(p + 1)) {
            (Some(&a), Some(&b)) => self.entries.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The span cut to the text, or `None` when nothing of it is left.
pub(crate) fn clamp(span: CharSpan, char_len: usize) -> Option<CharSpan> {
    let start = span.start.min(char_len);
    let end = span.end.min(char_len);
    (start < end).then_some(CharSpan { start, end })
}

/// Whether a mark is drawn with a stacked underline (and so takes a nesting level).
pub(crate) fn is_underlined(kind: MarkKind) -> bool {
    matches!(
        kind,
        MarkKind::Entity | MarkKind::QuoteCue | MarkKind::Suggestion
    )
}

/// Nesting levels for the underlined marks of one paragraph: shortest first, each takes the
/// lowest level no overlapping mark already took, so "Albin Kurti" inside "Prime Minister Albin
/// Kurti" sits at level 0, right under the text, and the outer mention at level 1 below it.
/// Returns `(mark index, level)` pairs for the underlined marks among `indices`.
pub(crate) fn levels(marks: &[Mark], indices: &[u32]) -> Vec<(u32, u8)> {
    let mut order: Vec<u32> = indices
        .iter()
        .copied()
        .filter(|&i| is_underlined(marks[i as usize].kind))
        .collect();
    order.sort_by_key(|&i| {
        let span = marks[i as usize].span;
        (span.len(), span.start, i)
    });
    let mut placed: Vec<(CharSpan, u8)> = Vec::with_capacity(order.len());
    let mut out = Vec::with_capacity(order.len());
    for i in order {
        let span = marks[i as usize].span;
        let mut level = 0u8;
        while placed
            .iter()
            .any(|&(other, l)| l == level && other.overlaps(span))
        {
            level = level.saturating_add(1);
            if level == u8::MAX {
                break;
            }
        }
        placed.push((span, level));
        out.push((i, level));
    }
    out
}

/// The mark that stands for an annotation when a link is drawn to it: its trigger, mention or first
/// content span, in that order of preference. Linear in the marks; called only for the selected
/// annotation's links and cached by the caller.
pub(crate) fn anchor_of(marks: &[Mark], id: AnnotationId) -> Option<usize> {
    let rank = |kind: MarkKind| match kind {
        MarkKind::Trigger => 0,
        MarkKind::Entity => 1,
        MarkKind::QuoteContent => 2,
        MarkKind::QuoteSpeaker => 3,
        MarkKind::QuoteCue => 4,
        MarkKind::Suggestion => 5,
    };
    marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.annotation == id)
        .min_by_key(|(i, m)| (rank(m.kind), m.span.start, *i))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;
    use crate::ui::article::paragraphs;
    use egui::Color32;

    fn mark(start: usize, end: usize, id: u32) -> Mark {
        Mark {
            span: CharSpan::new(start, end),
            annotation: AnnotationId(id),
            kind: MarkKind::Entity,
            color: Color32::RED,
            tag: "PERSON".into(),
        }
    }

    #[test]
    fn marks_are_found_in_every_paragraph_they_touch() {
        let text = Text::new("one two\nthree four\nfive".to_owned());
        let paragraphs = paragraphs::split(&text);
        let marks = [
            mark(4, 13, 1),
            mark(0, 3, 2),
            mark(20, 24, 3),
            mark(30, 40, 4),
        ];
        let index = MarkIndex::build(&paragraphs, &marks, text.char_len());
        assert_eq!(index.of_paragraph(0), &[1, 0]);
        assert_eq!(index.of_paragraph(1), &[0]);
        assert_eq!(index.of_paragraph(2), &[2]);
        assert_eq!(index.of_paragraph(3), &[] as &[u32]);
    }

    #[test]
    fn nested_mentions_stack_outer_below_inner() {
        // "Prime Minister Albin Kurti": the whole and "Albin Kurti".
        let marks = [mark(0, 26, 1), mark(15, 26, 2), mark(30, 35, 3)];
        let levels = levels(&marks, &[0, 1, 2]);
        assert!(levels.contains(&(1, 0)));
        assert!(levels.contains(&(0, 1)));
        assert!(levels.contains(&(2, 0)));
    }
}
