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
        // Marks come in the layer's id order, which is text order but for what was added or moved
        // since: the stable sort merges those runs (about linear), where an unstable sort starts
        // over. The keys are unique (mark indices), so both give the same order.
        order.sort();
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

/// How many marks of one span are drawn; a bigger stack draws these and a count chip ("+N").
pub(crate) const STACK_SHOWN: usize = 3;

/// Marks on one span beyond [`STACK_SHOWN`], left out of the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stack {
    pub span: CharSpan,
    /// How many marks of the span are not drawn.
    pub hidden: usize,
    /// The first of them (an index into the marks): what a click on the count selects.
    pub first_hidden: u32,
}

/// The marks of a paragraph to draw, from `here` as [`MarkIndex`] sorts them (marks on one span
/// side by side): of the marks sharing a span at most [`STACK_SHOWN`], the selected annotation's
/// always among them; and each stack cut short. Linear in `here`, so ten thousand annotations on
/// one word cost a pass, not ten thousand underlines, tints and tags.
pub(crate) fn collapse(
    marks: &[Mark],
    here: &[u32],
    selected: Option<AnnotationId>,
) -> (Vec<u32>, Vec<Stack>) {
    let span_of = |i: u32| marks.get(i as usize).map(|m| m.span);
    let mut shown = Vec::with_capacity(here.len().min(4096));
    let mut stacks = Vec::new();
    let mut start = 0;
    while start < here.len() {
        let span = span_of(here[start]);
        let end = start
            + here[start..]
                .iter()
                .take_while(|&&i| span_of(i) == span)
                .count();
        let group = &here[start..end];
        start = end;
        let Some(span) = span.filter(|_| group.len() > STACK_SHOWN) else {
            shown.extend_from_slice(group);
            continue;
        };
        let mut keep: [u32; STACK_SHOWN] = std::array::from_fn(|k| group[k]);
        let is_selected = |i: u32| selected.is_some_and(|s| marks[i as usize].annotation == s);
        if !keep.iter().any(|&k| is_selected(k))
            && let Some(&s) = group.iter().find(|&&k| is_selected(k))
        {
            keep[STACK_SHOWN - 1] = s;
        }
        let first_hidden = group
            .iter()
            .copied()
            .find(|k| !keep.contains(k))
            .unwrap_or(group[0]);
        shown.extend_from_slice(&keep);
        stacks.push(Stack {
            span,
            hidden: group.len() - STACK_SHOWN,
            first_hidden,
        });
    }
    (shown, stacks)
}

/// The labels of the marks on `span` among `here`, with how many of each, most first: what a
/// stack's count chip lists on hover.
pub(crate) fn stack_labels(marks: &[Mark], here: &[u32], span: CharSpan) -> Vec<(String, usize)> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in here {
        if let Some(mark) = marks.get(i as usize).filter(|m| m.span == span) {
            *counts.entry(&mark.tag).or_default() += 1;
        }
    }
    let mut labels: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(tag, n)| {
            (
                if tag.is_empty() { "(no label)" } else { tag }.to_owned(),
                n,
            )
        })
        .collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    labels
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
    fn a_stack_on_one_span_draws_three_and_counts_the_rest_keeping_the_selected_one() {
        let mut marks: Vec<Mark> = (0..10_000).map(|i| mark(4, 9, i)).collect();
        marks.push(mark(0, 3, 10_000));
        marks[7_000].tag = "ORG".into();
        let here: Vec<u32> = std::iter::once(10_000).chain(0..10_000).collect();
        let (shown, stacks) = collapse(&marks, &here, None);
        assert_eq!(shown, [10_000, 0, 1, 2]);
        assert_eq!(
            stacks,
            [Stack {
                span: CharSpan::new(4, 9),
                hidden: 9_997,
                first_hidden: 3
            }]
        );
        let (shown, _) = collapse(&marks, &here, Some(AnnotationId(7_000)));
        assert_eq!(shown, [10_000, 0, 1, 7_000]);
        assert_eq!(
            stack_labels(&marks, &here, CharSpan::new(4, 9)),
            [("PERSON".to_owned(), 9_999), ("ORG".to_owned(), 1)]
        );
        // Three on a span are not a stack.
        let (shown, stacks) = collapse(&marks, &[0, 1, 2], None);
        assert_eq!((shown.len(), stacks.len()), (3, 0));
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
