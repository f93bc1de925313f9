//! "Which of these spans overlap this one?" without looking at every span: a recommender asks it
//! for every word or mention of a document, and comparing with every span made long documents
//! quadratic.

use crate::model::CharSpan;

/// Spans sorted by start with the running maximum of their ends: the spans overlapping a given
/// one, by a binary search and a walk back that stops where no earlier span reaches far enough.
/// Char offsets, half-open, as [`CharSpan`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Overlaps {
    /// (span, its index in the list given), sorted.
    spans: Vec<(CharSpan, usize)>,
    max_end: Vec<usize>,
}

impl Overlaps {
    pub(crate) fn new(spans: impl IntoIterator<Item = CharSpan>) -> Self {
        let mut spans: Vec<(CharSpan, usize)> =
            spans.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        spans.sort();
        let mut running = 0;
        let max_end = spans
            .iter()
            .map(|(span, _)| {
                running = running.max(span.end);
                running
            })
            .collect();
        Self { spans, max_end }
    }

    /// The indices (in the list given) of the spans overlapping `span` (as
    /// [`CharSpan::overlaps`]), last-starting first.
    pub(crate) fn overlapping(&self, span: CharSpan) -> impl Iterator<Item = usize> + '_ {
        // Only spans starting before `span` ends can overlap it; walking back, once the running
        // maximum of the ends no longer passes `span`'s start, no earlier span does.
        let candidates = self.spans.partition_point(|(s, _)| s.start < span.end);
        (0..candidates)
            .rev()
            .take_while(move |&i| self.max_end[i] > span.start)
            .filter(move |&i| self.spans[i].0.overlaps(span))
            .map(move |i| self.spans[i].1)
    }

    /// The spans overlapping `span`, last-starting first.
    pub(crate) fn overlapping_spans(&self, span: CharSpan) -> impl Iterator<Item = CharSpan> + '_ {
        let candidates = self.spans.partition_point(|(s, _)| s.start < span.end);
        (0..candidates)
            .rev()
            .take_while(move |&i| self.max_end[i] > span.start)
            .map(move |i| self.spans[i].0)
            .filter(move |s| s.overlaps(span))
    }

    /// Whether any span overlaps `span`.
    pub(crate) fn any(&self, span: CharSpan) -> bool {
        self.overlapping(span).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans from a small deterministic generator, so a failure repeats.
    fn spans(seed: u64, n: usize) -> Vec<CharSpan> {
        let mut state = seed;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        (0..n)
            .map(|_| {
                let start = next() % 200;
                CharSpan::new(start, start + next() % 15)
            })
            .collect()
    }

    #[test]
    fn the_overlapping_spans_are_those_comparing_with_every_span_finds() {
        for seed in 0..60 {
            let given = spans(seed, 50);
            let index = Overlaps::new(given.iter().copied());
            for probe in spans(seed + 1000, 100) {
                let mut naive: Vec<usize> = (0..given.len())
                    .filter(|&i| given[i].overlaps(probe))
                    .collect();
                let mut found: Vec<usize> = index.overlapping(probe).collect();
                naive.sort();
                found.sort();
                assert_eq!(found, naive, "seed {seed}, probe {probe}");
                assert_eq!(index.any(probe), !naive.is_empty());
                let mut found_spans: Vec<CharSpan> = index.overlapping_spans(probe).collect();
                let mut naive_spans: Vec<CharSpan> = naive.iter().map(|&i| given[i]).collect();
                found_spans.sort();
                naive_spans.sort();
                assert_eq!(found_spans, naive_spans);
            }
        }
    }
}
