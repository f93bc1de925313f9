//! Chance-corrected agreement over coded items: Cohen's κ, Fleiss' κ and Krippendorff's nominal α.
//!
//! The public functions take labels of any type; they are what the reference fixtures test. The
//! agreement report uses the tallies below, which keep integer counts per label code, so that a
//! corpus of a million tokens is counted once and every overall and per-label figure is read off
//! the counts. A measure is `None` when it is undefined (no items, or no variation to correct for
//! chance), never a made-up 0 or 1.

use std::collections::HashMap;
use std::hash::Hash;

/// Cohen's κ between two raters who labelled the same items in the same order:
/// `κ = (p_o − p_e) / (1 − p_e)` with `p_e = Σ_k p_a(k)·p_b(k)`. `None` when the sequences differ in
/// length, are empty, or both raters used one and the same label throughout (`p_e = 1`).
pub fn cohen_kappa<T: Eq + Hash>(a: &[T], b: &[T]) -> Option<f64> {
    if a.len() != b.len() {
        return None;
    }
    let mut codes = Codes::default();
    let mut confusion = Confusion::default();
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (codes.code(x), codes.code(y));
        confusion.add(x, y);
    }
    confusion.kappa()
}

/// Fleiss' κ: `items[i]` holds the labels the raters gave item `i`; every item needs the same number
/// (at least two) of ratings. `None` when that does not hold, there are no items, or only one label
/// was ever used.
pub fn fleiss_kappa<T: Eq + Hash>(items: &[Vec<T>]) -> Option<f64> {
    let raters = items.first()?.len();
    if raters < 2 || items.iter().any(|item| item.len() != raters) {
        return None;
    }
    let mut codes = Codes::default();
    let mut tally = CodingTally::new(raters);
    let mut unit = Vec::with_capacity(raters);
    for item in items {
        unit.clear();
        unit.extend(item.iter().map(|label| codes.code(label)));
        tally.add_unit(&unit);
    }
    tally.fleiss_kappa()
}

/// Krippendorff's α for nominal data. `units[u][r]` is rater `r`'s label for unit `u`, `None` when
/// the rater did not code it (missing data, `nan` in the `krippendorff` package). Units coded by
/// fewer than two raters are not pairable and do not count. `None` when nothing is pairable or only
/// one label occurs among the pairable values.
pub fn krippendorff_alpha_nominal<T: Eq + Hash>(units: &[Vec<Option<T>>]) -> Option<f64> {
    let mut codes = Codes::default();
    let mut totals: Vec<u64> = Vec::new();
    let mut n = 0u64;
    let mut disagreement = 0f64;
    let mut counts: Vec<(u32, u64)> = Vec::new();
    for unit in units {
        counts.clear();
        for label in unit.iter().flatten() {
            let code = codes.code(label);
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, count)) => *count += 1,
                None => counts.push((code, 1)),
            }
        }
        let m: u64 = counts.iter().map(|(_, count)| count).sum();
        if m < 2 {
            continue;
        }
        let squares: u64 = counts.iter().map(|(_, count)| count * count).sum();
        // The unit's off-diagonal coincidences: ordered pairs of different values, each 1/(m_u − 1).
        disagreement += (m * m - squares) as f64 / (m - 1) as f64;
        n += m;
        for &(code, count) in &counts {
            *grow(&mut totals, code) += count;
        }
    }
    let expected = n * n - totals.iter().map(|t| t * t).sum::<u64>();
    if expected == 0 {
        return None;
    }
    Some(1.0 - (n - 1) as f64 * disagreement / expected as f64)
}

/// The slot for `code`, growing the vector with zeros as needed.
pub(crate) fn grow<T: Default + Clone>(values: &mut Vec<T>, code: u32) -> &mut T {
    let index = code as usize;
    if values.len() <= index {
        values.resize(index + 1, T::default());
    }
    &mut values[index]
}

/// `sums[code] += more[code]` for every code, growing `sums` as needed.
pub(crate) fn add_each(sums: &mut Vec<u64>, more: &[u64]) {
    if sums.len() < more.len() {
        sums.resize(more.len(), 0);
    }
    for (sum, n) in sums.iter_mut().zip(more) {
        *sum += n;
    }
}

/// Interns labels of any type as dense codes, in order of first appearance.
struct Codes<'a, T> {
    index: HashMap<&'a T, u32>,
}

impl<T> Default for Codes<'_, T> {
    fn default() -> Self {
        Self {
            index: HashMap::new(),
        }
    }
}

impl<'a, T: Eq + Hash> Codes<'a, T> {
    fn code(&mut self, label: &'a T) -> u32 {
        let next = self.index.len() as u32;
        *self.index.entry(label).or_insert(next)
    }
}

/// What a two-rater confusion matrix over label codes holds that κ needs: per label code, the items
/// rater a gave it (`rows`), rater b gave it (`columns`) and both gave it (`same`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Confusion {
    rows: Vec<u64>,
    columns: Vec<u64>,
    same: Vec<u64>,
    diagonal: u64,
    total: u64,
}

impl Confusion {
    pub(crate) fn add(&mut self, x: u32, y: u32) {
        *grow(&mut self.rows, x) += 1;
        *grow(&mut self.columns, y) += 1;
        if x == y {
            *grow(&mut self.same, x) += 1;
            self.diagonal += 1;
        }
        self.total += 1;
    }

    /// Adds `other`'s items: the counts are sums, so items counted apart add up to the same.
    pub(crate) fn merge(&mut self, other: &Confusion) {
        add_each(&mut self.rows, &other.rows);
        add_each(&mut self.columns, &other.columns);
        add_each(&mut self.same, &other.same);
        self.diagonal += other.diagonal;
        self.total += other.total;
    }

    /// Cohen's κ over all labels, in integer form: `(N·Σ_diag − Σ_k r_k c_k) / (N² − Σ_k r_k c_k)`.
    pub(crate) fn kappa(&self) -> Option<f64> {
        let n = self.total as f64;
        let chance: f64 = self
            .rows
            .iter()
            .zip(&self.columns)
            .map(|(r, c)| (*r as f64) * (*c as f64))
            .sum();
        ratio(n * self.diagonal as f64 - chance, n * n - chance)
    }

    /// Cohen's κ for one label against all others (the label, or not).
    pub(crate) fn kappa_for(&self, label: u32) -> Option<f64> {
        let both = self.same.get(label as usize).copied().unwrap_or(0);
        let row = self.rows.get(label as usize).copied().unwrap_or(0);
        let column = self.columns.get(label as usize).copied().unwrap_or(0);
        let n = self.total;
        let neither = n + both - row - column; // never negative: |A ∪ B| ≤ n
        let (n, row, column) = (n as f64, row as f64, column as f64);
        let chance = row * column + (n - row) * (n - column);
        ratio(n * (both + neither) as f64 - chance, n * n - chance)
    }
}

/// Counts for Fleiss' κ and Krippendorff's α when every unit has the same number of ratings `m`
/// (no missing data): per label code, `n_c = Σ_u n_uc` and `q_c = Σ_u n_uc²`.
#[derive(Clone, Debug)]
pub(crate) struct CodingTally {
    raters: u64,
    units: u64,
    totals: Vec<u64>,
    squares: Vec<u64>,
}

impl CodingTally {
    pub(crate) fn new(raters: usize) -> Self {
        Self {
            raters: raters as u64,
            units: 0,
            totals: Vec::new(),
            squares: Vec::new(),
        }
    }

    /// Adds one unit; `labels` holds one code per rater.
    pub(crate) fn add_unit(&mut self, labels: &[u32]) {
        debug_assert_eq!(labels.len() as u64, self.raters);
        self.units += 1;
        // Most units (tokens outside every mention) have one label from every rater.
        if let Some((&first, rest)) = labels.split_first()
            && rest.iter().all(|&l| l == first)
        {
            *grow(&mut self.totals, first) += self.raters;
            *grow(&mut self.squares, first) += self.raters * self.raters;
            return;
        }
        for (i, &label) in labels.iter().enumerate() {
            if labels[..i].contains(&label) {
                continue;
            }
            let count = labels[i..].iter().filter(|&&l| l == label).count() as u64;
            *grow(&mut self.totals, label) += count;
            *grow(&mut self.squares, label) += count * count;
        }
    }

    /// Adds `other`'s units (counted with as many raters).
    pub(crate) fn merge(&mut self, other: &CodingTally) {
        debug_assert_eq!(self.raters, other.raters);
        self.units += other.units;
        add_each(&mut self.totals, &other.totals);
        add_each(&mut self.squares, &other.squares);
    }

    /// `(n, Σ_u Σ_c n_uc², Σ_c n_c²)` over all labels.
    fn sums(&self) -> (u64, u64, u64) {
        let n = self.units * self.raters;
        let squares = self.squares.iter().sum();
        let total_squares = self.totals.iter().map(|t| t * t).sum();
        (n, squares, total_squares)
    }

    /// The same sums for one label against all others.
    fn binary_sums(&self, label: u32) -> (u64, u64, u64) {
        let n = self.units * self.raters;
        let m = self.raters;
        let total = self.totals.get(label as usize).copied().unwrap_or(0);
        let square = self.squares.get(label as usize).copied().unwrap_or(0);
        // Σ_u [n_uL² + (m − n_uL)²] = N·m² − 2m·n_L + 2·Σ_u n_uL².
        let squares = self.units * m * m + 2 * square - 2 * m * total;
        let total_squares = total * total + (n - total) * (n - total);
        (n, squares, total_squares)
    }

    pub(crate) fn fleiss_kappa(&self) -> Option<f64> {
        self.fleiss(self.sums())
    }

    pub(crate) fn fleiss_kappa_for(&self, label: u32) -> Option<f64> {
        self.fleiss(self.binary_sums(label))
    }

    pub(crate) fn alpha(&self) -> Option<f64> {
        self.krippendorff(self.sums())
    }

    pub(crate) fn alpha_for(&self, label: u32) -> Option<f64> {
        self.krippendorff(self.binary_sums(label))
    }

    /// `P̄ = (S − N·m) / (N·m·(m − 1))`, `P̄_e = Σ_c (n_c / n)²`, `κ = (P̄ − P̄_e) / (1 − P̄_e)`.
    fn fleiss(&self, (n, squares, total_squares): (u64, u64, u64)) -> Option<f64> {
        if self.units == 0 || self.raters < 2 {
            return None;
        }
        let n_f = n as f64;
        let observed = (squares - n) as f64 / (n_f * (self.raters - 1) as f64);
        let chance = total_squares as f64 / (n_f * n_f);
        ratio(observed - chance, 1.0 - chance).filter(|_| total_squares < n * n)
    }

    /// `α = 1 − (n − 1)·Σ_u (m² − Σ_c n_uc²)/(m − 1) / (n² − Σ_c n_c²)`.
    fn krippendorff(&self, (n, squares, total_squares): (u64, u64, u64)) -> Option<f64> {
        if self.units == 0 || self.raters < 2 {
            return None;
        }
        let m = self.raters;
        let observed = (self.units * m * m - squares) as f64 / (m - 1) as f64;
        let expected = n * n - total_squares;
        if expected == 0 {
            return None;
        }
        Some(1.0 - (n - 1) as f64 * observed / expected as f64)
    }
}

/// `numerator / denominator`, or `None` when the denominator is zero (the measure is undefined).
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_agreement_with_variation_is_one() {
        let a = ["PER", "O", "GPE", "O"];
        assert_eq!(cohen_kappa(&a, &a), Some(1.0));
        let items: Vec<Vec<&str>> = a.iter().map(|l| vec![*l, *l, *l]).collect();
        assert_eq!(fleiss_kappa(&items), Some(1.0));
        let units: Vec<Vec<Option<&str>>> = a.iter().map(|l| vec![Some(*l), Some(*l)]).collect();
        assert_eq!(krippendorff_alpha_nominal(&units), Some(1.0));
    }

    #[test]
    fn no_variation_leaves_the_measures_undefined() {
        let a = ["O", "O", "O"];
        assert_eq!(cohen_kappa(&a, &a), None);
        assert_eq!(fleiss_kappa(&[vec!["O", "O"], vec!["O", "O"]]), None);
        assert_eq!(
            krippendorff_alpha_nominal(&[vec![Some("O"), Some("O")]]),
            None
        );
        assert_eq!(cohen_kappa::<&str>(&[], &[]), None);
    }

    #[test]
    fn a_label_on_every_item_is_counted_without_overflow() {
        let mut codes = Codes::default();
        let mut confusion = Confusion::default();
        let mut tally = CodingTally::new(2);
        for _ in 0..3 {
            let person = codes.code(&"PER");
            confusion.add(person, person);
            tally.add_unit(&[person, person]);
        }
        assert_eq!(confusion.kappa_for(0), None);
        assert_eq!(tally.fleiss_kappa_for(0), None);
        assert_eq!(tally.alpha_for(0), None);
    }

    #[test]
    fn binary_tallies_equal_the_measures_on_binarised_labels() {
        let a = ["PER", "O", "GPE", "O", "PER", "ORG", "O", "GPE"];
        let b = ["PER", "O", "PER", "O", "O", "ORG", "GPE", "GPE"];
        let c = ["PER", "GPE", "GPE", "O", "PER", "O", "O", "GPE"];
        let mut codes = Codes::default();
        let mut confusion = Confusion::default();
        let mut tally = CodingTally::new(3);
        for i in 0..a.len() {
            let unit = [codes.code(&a[i]), codes.code(&b[i]), codes.code(&c[i])];
            confusion.add(unit[0], unit[1]);
            tally.add_unit(&unit);
        }
        let gpe = codes.code(&"GPE");
        let is = |x: &&str| *x == "GPE";
        let (ba, bb): (Vec<bool>, Vec<bool>) =
            (a.iter().map(is).collect(), b.iter().map(is).collect());
        assert_eq!(confusion.kappa_for(gpe), cohen_kappa(&ba, &bb));
        let items: Vec<Vec<bool>> = (0..a.len())
            .map(|i| vec![is(&a[i]), is(&b[i]), is(&c[i])])
            .collect();
        let close = |x: Option<f64>, y: Option<f64>| (x.unwrap() - y.unwrap()).abs() < 1e-12;
        assert!(close(tally.fleiss_kappa_for(gpe), fleiss_kappa(&items)));
        let units: Vec<Vec<Option<bool>>> = items
            .iter()
            .map(|item| item.iter().map(|x| Some(*x)).collect())
            .collect();
        assert!(close(
            tally.alpha_for(gpe),
            krippendorff_alpha_nominal(&units)
        ));
    }
}
