//! The one definition of matching two sets of labelled spans, shared by agreement (`gloss agree`,
//! the Review panel) and evaluation (`gloss eval`, the recommenders' scores), so the two never
//! disagree about what counts as "the same annotation".
//!
//! Matching is one-to-one: an item pairs with at most one item of the other side.
//! - Exact: same span(s) and same label.
//! - Overlap: same label, and the spans share at least one char; among candidates, identical spans
//!   win, then the pair sharing the most chars, ties broken by position in the inputs.
//!
//! Counting a match gives true positives, false positives and false negatives ([`Counts`]); F1 is
//! `2·matched / (gold + predicted)` ([`f1`]), the same number as the harmonic mean of precision and
//! recall.

use serde::Serialize;

use super::span::CharSpan;

/// How two spans must relate to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanMatch {
    /// Same start and end.
    Exact,
    /// At least one shared char.
    Overlap,
}

/// One-to-one pairs `(i, j)` of labelled single-span items (entity mentions, event triggers) that
/// match under `mode` (see the module docs). Labels must be equal to match.
pub fn match_labelled<L: Ord>(
    a: &[(CharSpan, L)],
    b: &[(CharSpan, L)],
    mode: SpanMatch,
) -> Vec<(usize, usize)> {
    match mode {
        SpanMatch::Exact => {
            let keys_a: Vec<(usize, usize, &L)> =
                a.iter().map(|(s, l)| (s.start, s.end, l)).collect();
            let keys_b: Vec<(usize, usize, &L)> =
                b.iter().map(|(s, l)| (s.start, s.end, l)).collect();
            exact_pairs(&keys_a, &keys_b)
        }
        SpanMatch::Overlap => {
            let spans_a: Vec<CharSpan> = a.iter().map(|m| m.0).collect();
            let spans_b: Vec<CharSpan> = b.iter().map(|m| m.0).collect();
            let candidates = overlapping_pairs(&spans_a, &spans_b)
                .into_iter()
                .filter(|(i, j, _)| a[*i].1 == b[*j].1)
                .map(|(i, j, shared)| ((spans_a[i] == spans_b[j], shared), i, j))
                .collect();
            let (mut taken_a, mut taken_b) = (vec![false; a.len()], vec![false; b.len()]);
            greedy(candidates, &mut taken_a, &mut taken_b)
        }
    }
}

/// One-to-one pairs `(i, j)` of unlabelled multi-span items (a quote's content, split by "he
/// said"): exact when the span lists are equal, overlap when any spans share a char (identical
/// items first, then the most chars shared).
pub fn match_multi_span(
    a: &[Vec<CharSpan>],
    b: &[Vec<CharSpan>],
    mode: SpanMatch,
) -> Vec<(usize, usize)> {
    match mode {
        SpanMatch::Exact => exact_pairs(a, b),
        SpanMatch::Overlap => {
            let mut candidates = Vec::new();
            for (i, x) in a.iter().enumerate() {
                for (j, y) in b.iter().enumerate() {
                    let shared: usize = x
                        .iter()
                        .flat_map(|p| y.iter().map(move |q| overlap(*p, *q)))
                        .sum();
                    if shared > 0 {
                        candidates.push(((x == y, shared), i, j));
                    }
                }
            }
            let (mut taken_a, mut taken_b) = (vec![false; a.len()], vec![false; b.len()]);
            greedy(candidates, &mut taken_a, &mut taken_b)
        }
    }
}

/// `2·matched / (a + b)`: the F1 of `matched` items out of `a` on one side and `b` on the other;
/// `None` when neither side has anything.
pub fn f1(matched: u64, a: u64, b: u64) -> Option<f64> {
    (a + b > 0).then(|| 2.0 * matched as f64 / (a + b) as f64)
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// The counts of `matched` pairs between `gold` and `predicted` items.
    pub fn of(matched: usize, gold: usize, predicted: usize) -> Self {
        Self {
            tp: matched,
            fp: predicted.saturating_sub(matched),
            fn_: gold.saturating_sub(matched),
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// [`f1`] of the counts; 0 when there is nothing on either side.
    pub fn f1(&self) -> f64 {
        f1(
            self.tp as u64,
            self.gold() as u64,
            (self.tp + self.fp) as u64,
        )
        .unwrap_or(0.0)
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Gold items counted: `tp + fn`.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// How many chars two spans share.
pub fn overlap(x: CharSpan, y: CharSpan) -> usize {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

/// Pairs `(i, j)` with `a[i] == b[j]`, one-to-one (a key occurring twice on one side and once on the
/// other matches once). Pairs come in key order.
pub fn exact_pairs<K: Ord>(a: &[K], b: &[K]) -> Vec<(usize, usize)> {
    let mut ia: Vec<usize> = (0..a.len()).collect();
    let mut ib: Vec<usize> = (0..b.len()).collect();
    ia.sort_by(|&x, &y| a[x].cmp(&a[y]).then(x.cmp(&y)));
    ib.sort_by(|&x, &y| b[x].cmp(&b[y]).then(x.cmp(&y)));
    let (mut p, mut q) = (0, 0);
    let mut pairs = Vec::new();
    while p < ia.len() && q < ib.len() {
        match a[ia[p]].cmp(&b[ib[q]]) {
            std::cmp::Ordering::Less => p += 1,
            std::cmp::Ordering::Greater => q += 1,
            std::cmp::Ordering::Equal => {
                pairs.push((ia[p], ib[q]));
                p += 1;
                q += 1;
            }
        }
    }
    pairs
}

/// Every pair `(i, j)` whose spans overlap, with the shared length. `O(n log n + pairs)` for the
/// usual case of short, scattered spans.
pub fn overlapping_pairs(a: &[CharSpan], b: &[CharSpan]) -> Vec<(usize, usize, usize)> {
    let mut order: Vec<usize> = (0..b.len()).collect();
    order.sort_by_key(|&j| (b[j].start, b[j].end));
    let longest = b.iter().map(CharSpan::len).max().unwrap_or(0);
    let mut pairs = Vec::new();
    for (i, x) in a.iter().enumerate() {
        // No span of b starting before x.start − longest can reach x.
        let from = order.partition_point(|&j| b[j].start + longest <= x.start);
        for &j in &order[from..] {
            if b[j].start >= x.end {
                break;
            }
            let shared = overlap(*x, b[j]);
            if shared > 0 {
                pairs.push((i, j, shared));
            }
        }
    }
    pairs
}

/// Chooses one-to-one pairs among `candidates` `(score, i, j)`, highest score first (ties by `i`,
/// then `j`), skipping items already taken in `taken_a` / `taken_b`, which it updates.
pub fn greedy<S: Ord>(
    mut candidates: Vec<(S, usize, usize)>,
    taken_a: &mut [bool],
    taken_b: &mut [bool],
) -> Vec<(usize, usize)> {
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if taken_a[i] || taken_b[j] {
            continue;
        }
        taken_a[i] = true;
        taken_b[j] = true;
        pairs.push((i, j));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(items: &[(usize, usize, &'static str)]) -> Vec<(CharSpan, &'static str)> {
        items
            .iter()
            .map(|&(s, e, l)| (CharSpan::new(s, e), l))
            .collect()
    }

    #[test]
    fn exact_needs_the_same_span_and_label_overlap_only_a_shared_char() {
        let gold = mentions(&[(0, 5, "PERSON"), (10, 16, "GPE")]);
        let found = mentions(&[(0, 5, "PERSON"), (10, 12, "GPE"), (20, 22, "ORG")]);
        assert_eq!(
            match_labelled(&gold, &found, SpanMatch::Exact),
            vec![(0, 0)]
        );
        assert_eq!(
            match_labelled(&gold, &found, SpanMatch::Overlap),
            vec![(0, 0), (1, 1)]
        );
        let other_label = mentions(&[(0, 5, "ORG")]);
        assert!(match_labelled(&gold, &other_label, SpanMatch::Overlap).is_empty());
    }

    #[test]
    fn an_identical_span_wins_over_a_longer_overlap() {
        let gold = mentions(&[(0, 10, "ORG")]);
        let found = mentions(&[(2, 12, "ORG"), (0, 10, "ORG")]);
        assert_eq!(
            match_labelled(&gold, &found, SpanMatch::Overlap),
            vec![(0, 1)]
        );
    }

    #[test]
    fn counts_and_f1_agree_with_the_pair_formula() {
        let counts = Counts::of(2, 2, 3);
        assert_eq!(
            counts,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        assert!((counts.f1() - 0.8).abs() < 1e-12);
        assert_eq!(Some(counts.f1()), f1(2, 2, 3));
        assert_eq!(f1(0, 0, 0), None);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn exact_pairs_match_duplicates_once() {
        assert_eq!(exact_pairs(&[3, 1, 3], &[3, 2]), vec![(0, 0)]);
    }

    #[test]
    fn the_largest_overlap_wins() {
        let a = [CharSpan::new(0, 10)];
        let b = [
            CharSpan::new(8, 12),
            CharSpan::new(2, 9),
            CharSpan::new(20, 30),
        ];
        let pairs = overlapping_pairs(&a, &b);
        let candidates = pairs
            .into_iter()
            .map(|(i, j, shared)| (shared, i, j))
            .collect();
        let (mut ta, mut tb) = (vec![false; 1], vec![false; 3]);
        assert_eq!(greedy(candidates, &mut ta, &mut tb), vec![(0, 1)]);
    }
}
