//! One-to-one alignment of two annotators' items: first identical ones, then, greedily, the pairs
//! that overlap most. An item is matched at most once.

use crate::model::CharSpan;

/// How many chars two spans share.
pub(crate) fn overlap(x: CharSpan, y: CharSpan) -> usize {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

/// Pairs `(i, j)` with `a[i] == b[j]`, one-to-one (a key occurring twice on one side and once on the
/// other matches once). Pairs come in key order.
pub(crate) fn exact_pairs<K: Ord>(a: &[K], b: &[K]) -> Vec<(usize, usize)> {
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
pub(crate) fn overlapping_pairs(a: &[CharSpan], b: &[CharSpan]) -> Vec<(usize, usize, usize)> {
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
pub(crate) fn greedy<S: Ord>(
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
