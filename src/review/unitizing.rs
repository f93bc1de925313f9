//! Krippendorff's unitizing α (α_u) over a continuum of chars.
//!
//! The definition is the one of Krippendorff, *Content Analysis* (2nd ed. 2004, §12.4; 3rd ed. 2013)
//! and "On the reliability of unitizing contiguous data" (1995). For each category `c`, every
//! observer's continuum is cut into sections: the observer's units of `c` and the gaps between them.
//! With `m` observers, a continuum of `L` chars, `N_c` units of `c` over all observers, section
//! lengths `l` and starts `b`:
//!
//! - observed: `D_o(c) = Σ_{i≠j} Σ_g Σ_h δ²(g, h) / (m(m − 1)L²)` over section `g` of observer `i` and
//!   `h` of observer `j`, where two overlapping units give `δ² = (b_g − b_h)² + (e_g − e_h)²`, a unit
//!   lying entirely inside the other's gap gives the unit's length squared, and all else gives 0;
//! - expected: `D_e(c) = (2/L)·Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l²·Σ_{gaps g ≥ l} (g − l + 1) ]
//!   / (mL(mL − 1) − Σ_units l(l − 1))`, every unit against every gap of every observer;
//! - `α_u(c) = 1 − D_o(c)/D_e(c)` and, over categories, `α_u = 1 − Σ_c D_o(c) / Σ_c D_e(c)`.
//!
//! Checked against the worked example of Krippendorff (2004, p. 254; continuum 150–450, categories c
//! and k): `D_o(c) = 0.0144`, `D_e(c) = 0.0532`, `α_u(c) = 0.7286`, `α_u(k) = 1` (see
//! `tests/review_agreement.rs`). No Python package computes α_u, so the other fixtures come from the
//! independent script `scripts/review_fixtures.py`.
//!
//! Conventions for annotations: several documents form one continuum, in order, but a gap never
//! crosses a document boundary (no unit can span two documents, so neither can the gaps units could
//! be placed in). One observer's units of one category may not overlap: of overlapping ones the
//! earliest (then longest) is kept. Empty spans are not units.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::model::CharSpan;

use super::measures::grow;

/// The two disagreements of one category; `α_u(c) = 1 − observed/expected`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CategoryDisagreement {
    pub observed: f64,
    pub expected: f64,
}

impl CategoryDisagreement {
    /// `None` when the expected disagreement is zero (the category was never used).
    pub fn alpha(&self) -> Option<f64> {
        (self.expected != 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

/// α_u of one continuum, with each category's disagreements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitizingAlpha {
    /// Categories used by at least one observer, by name.
    pub categories: BTreeMap<String, CategoryDisagreement>,
}

impl UnitizingAlpha {
    /// `1 − Σ_c D_o(c) / Σ_c D_e(c)`; `None` when no category was used.
    pub fn alpha(&self) -> Option<f64> {
        let observed: f64 = self.categories.values().map(|c| c.observed).sum();
        let expected: f64 = self.categories.values().map(|c| c.expected).sum();
        (expected != 0.0).then(|| 1.0 - observed / expected)
    }

    pub fn category_alpha(&self, category: &str) -> Option<f64> {
        self.categories
            .get(category)
            .and_then(CategoryDisagreement::alpha)
    }
}

/// α_u of `observers` (each a list of labelled char spans) over a continuum of `length` chars
/// starting at 0. Spans reaching past `length` are clipped.
pub fn unitizing_alpha(length: usize, observers: &[Vec<(CharSpan, &str)>]) -> UnitizingAlpha {
    let mut names: Vec<&str> = Vec::new();
    let coded: Vec<Vec<(CharSpan, u32)>> = observers
        .iter()
        .map(|units| {
            units
                .iter()
                .map(|(span, name)| {
                    let code = names.iter().position(|n| n == name).unwrap_or_else(|| {
                        names.push(name);
                        names.len() - 1
                    });
                    (*span, code as u32)
                })
                .collect()
        })
        .collect();
    let mut tally = UnitizingTally::new(observers.len());
    let views: Vec<&[(CharSpan, u32)]> = coded.iter().map(Vec::as_slice).collect();
    tally.add_document(length, &views);
    let categories = tally
        .finish()
        .into_iter()
        .filter_map(|(code, d)| Some((names.get(code as usize)?.to_string(), d)))
        .collect();
    UnitizingAlpha { categories }
}

/// Running sums for α_u over documents added one by one, categories by code.
#[derive(Clone, Debug)]
pub(crate) struct UnitizingTally {
    observers: usize,
    length: u64,
    /// Every document's length, in order: a category absent from a document has one whole-document
    /// gap per observer there.
    documents: Vec<u64>,
    categories: Vec<CategoryTally>,
}

#[derive(Clone, Debug, Default)]
struct CategoryTally {
    /// `Σ_{i≠j} Σ_g Σ_h δ²`, exact.
    observed: u128,
    /// How many units (and gaps) of each length: the expected disagreement depends only on these
    /// counts, and a histogram stays small however large the corpus (lengths are at most a
    /// document's). Hashed, not sorted: every section of every document lands in one, and the
    /// figures are integer sums, the same in any order; `finish` sorts the gaps it searches.
    units: FxHashMap<u64, u64>,
    gaps: FxHashMap<u64, u64>,
    /// Documents (indices into `documents`) where some observer has a unit of this category.
    seen_in: Vec<usize>,
}

/// A section of one observer's continuum: `[start, end)`, a unit or a gap.
#[derive(Clone, Copy, Debug)]
struct Section {
    start: u64,
    end: u64,
    unit: bool,
}

impl UnitizingTally {
    pub(crate) fn new(observers: usize) -> Self {
        Self {
            observers,
            length: 0,
            documents: Vec::new(),
            categories: Vec::new(),
        }
    }

    /// Adds one document of `length` chars; `observers[i]` holds observer `i`'s labelled spans
    /// (any order). Must be called with the same number of observers every time.
    pub(crate) fn add_document(&mut self, length: usize, observers: &[&[(CharSpan, u32)]]) {
        debug_assert_eq!(observers.len(), self.observers);
        if length == 0 {
            return;
        }
        let length = length as u64;
        let document = self.documents.len();
        self.documents.push(length);
        self.length += length;
        // Each observer's spans, clipped, sorted by category, then start, then longest first.
        let sorted: Vec<Vec<(u32, u64, u64)>> = observers
            .iter()
            .map(|spans| {
                let mut units: Vec<(u32, u64, u64)> = spans
                    .iter()
                    .map(|(span, code)| (*code, span.start as u64, (span.end as u64).min(length)))
                    .filter(|(_, start, end)| start < end)
                    .collect();
                units.sort_by(|x, y| (x.0, x.1, y.2).cmp(&(y.0, y.1, x.2)));
                units
            })
            .collect();
        let mut codes: Vec<u32> = sorted.iter().flatten().map(|(code, _, _)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let sections: Vec<Vec<Section>> = sorted
                .iter()
                .map(|units| sections_of(units, code, length))
                .collect();
            let category = grow(&mut self.categories, code);
            category.seen_in.push(document);
            for observer in &sections {
                for section in observer {
                    let lengths = if section.unit {
                        &mut category.units
                    } else {
                        &mut category.gaps
                    };
                    *lengths.entry(section.end - section.start).or_default() += 1;
                }
            }
            for i in 0..sections.len() {
                for j in i + 1..sections.len() {
                    // δ² is symmetric, so the ordered pairs (i, j) and (j, i) count twice.
                    category.observed += 2 * observed_between(&sections[i], &sections[j]);
                }
            }
        }
    }

    /// Adds `other`'s documents after this tally's (with as many observers): the sums add, the
    /// histograms merge, and `other`'s documents keep their order after these.
    pub(crate) fn merge(&mut self, other: UnitizingTally) {
        debug_assert_eq!(self.observers, other.observers);
        let offset = self.documents.len();
        self.length += other.length;
        self.documents.extend(other.documents);
        for (code, theirs) in other.categories.into_iter().enumerate() {
            if theirs.seen_in.is_empty() {
                continue;
            }
            let mine = grow(&mut self.categories, code as u32);
            mine.observed += theirs.observed;
            for (length, count) in theirs.units {
                *mine.units.entry(length).or_default() += count;
            }
            for (length, count) in theirs.gaps {
                *mine.gaps.entry(length).or_default() += count;
            }
            mine.seen_in
                .extend(theirs.seen_in.into_iter().map(|document| document + offset));
        }
    }

    /// Each used category's disagreements, by code.
    pub(crate) fn finish(&self) -> Vec<(u32, CategoryDisagreement)> {
        let mut out = Vec::new();
        let m = self.observers as u128;
        let l = self.length as u128;
        if m < 2 || l == 0 {
            return out;
        }
        for (code, category) in self.categories.iter().enumerate() {
            if category.units.is_empty() {
                continue;
            }
            let mut gaps = category.gaps.clone();
            let mut seen = category.seen_in.iter().peekable();
            for (document, &length) in self.documents.iter().enumerate() {
                if seen.peek() == Some(&&document) {
                    seen.next();
                } else {
                    *gaps.entry(length).or_default() += self.observers as u64;
                }
            }
            // Gap lengths ascending, with suffix sums of their counts and of their lengths:
            // count[k..] and Σ g over gaps[k..].
            let mut gaps: Vec<(u64, u64)> = gaps.into_iter().collect();
            gaps.sort_unstable();
            let mut suffix_count = vec![0u128; gaps.len() + 1];
            let mut suffix_sum = vec![0u128; gaps.len() + 1];
            for k in (0..gaps.len()).rev() {
                let (length, count) = (gaps[k].0 as u128, gaps[k].1 as u128);
                suffix_count[k] = suffix_count[k + 1] + count;
                suffix_sum[k] = suffix_sum[k + 1] + length * count;
            }
            let n_c: u128 = category.units.values().map(|&c| c as u128).sum();
            let mut numerator = 0u128;
            let mut unit_pairs = 0u128;
            for (&unit, &times) in &category.units {
                let (u, times) = (unit as u128, times as u128);
                // (2l³ − 3l² + l)/3 = 2·Σ_{k<l} k², an integer.
                let cubic = u * (u - 1) * (2 * u - 1) / 3;
                let first = gaps.partition_point(|&(g, _)| g < unit);
                let count = suffix_count[first];
                let fits = suffix_sum[first] + count - count * u; // Σ (g − l + 1) over gaps g ≥ l
                numerator += times * ((n_c - 1) * cubic + u * u * fits);
                unit_pairs += times * u * (u - 1);
            }
            let denominator = m * l * (m * l - 1) - unit_pairs;
            let l_f = l as f64;
            let observed = category.observed as f64 / ((m * (m - 1)) as f64 * l_f * l_f);
            let expected = if denominator == 0 {
                0.0
            } else {
                2.0 / l_f * (numerator as f64 / denominator as f64)
            };
            out.push((code as u32, CategoryDisagreement { observed, expected }));
        }
        out
    }
}

/// One observer's continuum `[0, length)` for category `code`: its units (overlapping ones dropped)
/// and the gaps between them. `units` is sorted as in [`UnitizingTally::add_document`].
fn sections_of(units: &[(u32, u64, u64)], code: u32, length: u64) -> Vec<Section> {
    let first = units.partition_point(|(c, _, _)| *c < code);
    let mut sections = Vec::new();
    let mut position = 0;
    for &(c, start, end) in &units[first..] {
        if c != code {
            break;
        }
        if start < position {
            continue; // Overlaps a unit already kept.
        }
        if start > position {
            sections.push(Section {
                start: position,
                end: start,
                unit: false,
            });
        }
        sections.push(Section {
            start,
            end,
            unit: true,
        });
        position = end;
    }
    if position < length {
        sections.push(Section {
            start: position,
            end: length,
            unit: false,
        });
    }
    sections
}

/// `Σ_g Σ_h δ²(g, h)` between two observers' sections of one document. Both tile the document, so
/// walking them together meets every overlapping pair once, and only overlapping pairs differ.
fn observed_between(a: &[Section], b: &[Section]) -> u128 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0u128;
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        match a[i].end.cmp(&b[j].end) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// δ² of two overlapping sections.
fn distance(g: Section, h: Section) -> u128 {
    let square = |x: u64, y: u64| {
        let d = x.abs_diff(y) as u128;
        d * d
    };
    match (g.unit, h.unit) {
        (true, true) => square(g.start, h.start) + square(g.end, h.end),
        (true, false) if h.start <= g.start && g.end <= h.end => square(g.end, g.start),
        (false, true) if g.start <= h.start && h.end <= g.end => square(h.end, h.start),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_unitizations_agree_perfectly() {
        let units = vec![(CharSpan::new(2, 5), "PER"), (CharSpan::new(9, 12), "GPE")];
        let alpha = unitizing_alpha(20, &[units.clone(), units]);
        assert_eq!(alpha.alpha(), Some(1.0));
        assert_eq!(alpha.category_alpha("PER"), Some(1.0));
    }

    #[test]
    fn nothing_marked_leaves_alpha_undefined() {
        assert_eq!(unitizing_alpha(20, &[vec![], vec![]]).alpha(), None);
    }

    #[test]
    fn distances_follow_krippendorffs_table() {
        // Krippendorff (2004, p. 253): units (225, 70) vs (220, 80) give 5² + 5² = 50; (370, 30) vs
        // (355, 20) give 15² + 25² = 850; a unit (400, 20) inside a gap (400, 50) gives 20² = 400.
        let section = |start, len, unit| Section {
            start,
            end: start + len,
            unit,
        };
        assert_eq!(distance(section(225, 70, true), section(220, 80, true)), 50);
        assert_eq!(
            distance(section(370, 30, true), section(355, 20, true)),
            850
        );
        assert_eq!(
            distance(section(400, 50, false), section(400, 20, true)),
            400
        );
    }
}
