//! The trained tagger: a first-order averaged perceptron over BILOU tags (Collins 2002), with the
//! CRFsuite-style features of [`super::features`], constrained Viterbi decoding (no `I` after `O`)
//! and confidence from forward–backward marginals over the averaged scores.
//!
//! Why not the `crfs` crate (a CRFsuite port), which was evaluated first: it trains, but only into a
//! file (the worker would round-trip every model through the disk), its tagger returns labels without
//! marginals (suggestions need a score to threshold), and it borrows the model bytes (awkward to hand
//! from the worker to the UI). The perceptron needs none of that, and trains 50,000 tokens in well
//! under a second; `benches/crfsuite_compare.py` compares its held-out F1 with CRFsuite's.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use crate::model::CharSpan;

use super::context::{SuggestContext, Word, analyse};
use super::features::FeatureDoc;
use super::training::{TrainingDocument, TrainingSet};
use super::{Recommender, Suggestion};

/// The recommender's name.
pub const NAME: &str = "tagger";

/// How training runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the sentence shuffle, so that training is reproducible.
    pub seed: u64,
}

impl Default for TrainingOptions {
    fn default() -> Self {
        Self {
            epochs: 8,
            seed: 17,
        }
    }
}

/// Tag `t`: 0 is `O`; `1 + 4 * label + k` is B, I, L, U (k = 0..4) of `labels[label]`.
const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

/// A trained model. Immutable; shared between the worker and the UI through an `Arc`.
#[derive(Clone, Debug)]
pub struct TaggerModel {
    pub(super) labels: Vec<String>,
    /// Hashed feature → row of `weights`.
    pub(super) features: FeatureRows,
    /// `features.len() × tags`, row-major; averaged.
    pub(super) weights: Vec<f32>,
    /// `(tags + 1) × tags`: from tag (the last row is the sentence start) to tag; averaged.
    pub(super) transitions: Vec<f32>,
    /// What scores are divided by before they are read as probabilities (confidences and label
    /// probabilities; the best path does not depend on it). 1 unless set.
    pub(super) temperature: f32,
    /// Tokens the model was trained on.
    pub tokens: usize,
    /// Documents the model was trained on.
    pub documents: usize,
}

/// Hashed feature → row of the weights. The keys are FNV-1a hashes already
/// ([`super::features::hash`]), so the map only needs to spread them over its buckets: std's
/// SipHash, made to resist chosen keys, costs several times a multiply, and it ran some forty
/// times for each word of a document (a crafted text could at worst slow its own suggestions).
pub type FeatureRows = HashMap<u64, u32, BuildHasherDefault<FeatureKeyHasher>>;

/// The hasher of [`FeatureRows`]: a multiply that moves every bit of the key into the high bits
/// the map reads, folded back so that the low bits depend on all of them too.
#[derive(Clone, Copy, Debug, Default)]
pub struct FeatureKeyHasher(u64);

impl Hasher for FeatureKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; any other input is still hashed, byte by byte.
        for &byte in bytes {
            self.write_u64(u64::from(byte) ^ self.0.rotate_left(8));
        }
    }

    fn write_u64(&mut self, key: u64) {
        let product = u128::from(key ^ self.0) * 0x9e37_79b9_7f4a_7c15_u128;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

/// One sentence ready for training: feature rows per word, gold tags.
struct Sequence {
    rows: SentenceRows,
    gold: Vec<usize>,
}

/// The feature rows of a sentence's words, one after another: word `t`'s are
/// `rows[ends[t - 1]..ends[t]]` (from 0 for the first). One buffer instead of a vector per word.
#[derive(Clone, Debug, Default)]
struct SentenceRows {
    rows: Vec<u32>,
    ends: Vec<usize>,
}

impl SentenceRows {
    fn clear(&mut self) {
        self.rows.clear();
        self.ends.clear();
    }

    /// Ends the current word's rows.
    fn end_word(&mut self) {
        self.ends.push(self.rows.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, t: usize) -> &[u32] {
        let start = if t == 0 { 0 } else { self.ends[t - 1] };
        &self.rows[start..self.ends[t]]
    }
}

impl TaggerModel {
    /// The entity labels the model knows, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The model with confidences read at `temperature` (see the field).
    pub fn with_temperature(mut self, temperature: f32) -> Self {
        self.temperature = temperature;
        self
    }

    pub(super) fn tags(&self) -> usize {
        1 + 4 * self.labels.len()
    }

    /// Trains on every document of the set. `None` when the set has no entity at all, or when
    /// `cancelled` returns true (checked between epochs).
    pub fn train(
        set: &TrainingSet,
        options: TrainingOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Self> {
        Self::train_from(None, set, options, cancelled)
    }

    /// Trains on every document of the set, starting from `base`'s weights when given (its labels
    /// are kept, the set's are added): the set then adjusts a model that already knows news.
    /// `None` when neither has an entity label, or when `cancelled` returns true.
    pub fn train_from(
        base: Option<&TaggerModel>,
        set: &TrainingSet,
        options: TrainingOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Self> {
        let mut labels: Vec<String> = set
            .documents
            .iter()
            .flat_map(|d| d.entities.iter().map(|(_, label)| label.clone()))
            .chain(base.iter().flat_map(|b| b.labels.iter().cloned()))
            .collect();
        labels.sort();
        labels.dedup();
        if labels.is_empty() {
            return None;
        }
        let tags = 1 + 4 * labels.len();
        let mut features: FeatureRows = base.map(|b| b.features.clone()).unwrap_or_default();
        let mut sequences = Vec::new();
        let mut tokens = 0;
        let mut buf = String::new();
        let mut hashed = Vec::new();
        for document in &set.documents {
            let (chars, words, _) = analyse(&document.text);
            let gold = gold_tags(&words, document, &labels);
            let doc = FeatureDoc::new(&words, &chars);
            tokens += words.len();
            for sentence in sentence_ranges(&words) {
                let mut rows = SentenceRows::default();
                for i in sentence.clone() {
                    doc.hashed(i, &mut buf, &mut hashed);
                    // Rows are numbered in the order features are first seen.
                    rows.rows.extend(hashed.iter().map(|h| {
                        let next = features.len() as u32;
                        *features.entry(*h).or_insert(next)
                    }));
                    rows.end_word();
                }
                sequences.push(Sequence {
                    rows,
                    gold: gold[sentence].to_vec(),
                });
            }
        }
        let mut model = Self {
            weights: vec![0.0; features.len() * tags],
            features,
            transitions: vec![0.0; (tags + 1) * tags],
            tokens,
            documents: set.documents.len(),
            labels,
            temperature: 1.0,
        };
        if let Some(base) = base {
            model.start_from(base);
        }
        model.learn(&sequences, options, cancelled)?;
        Some(model)
    }

    /// Copies `base`'s weights into this model, whose labels include `base`'s and whose feature
    /// rows start with `base`'s (same numbering).
    fn start_from(&mut self, base: &TaggerModel) {
        let tags = self.tags();
        let base_tags = base.tags();
        // Tag of `base` → tag of `self`.
        let map: Vec<usize> = (0..base_tags)
            .map(|y| {
                if y == 0 {
                    return 0;
                }
                let label = &base.labels[(y - 1) / 4];
                let own = self.labels.binary_search(label).unwrap_or(0);
                1 + 4 * own + (y - 1) % 4
            })
            .collect();
        for row in 0..base.features.len() {
            for (y, &to) in map.iter().enumerate() {
                self.weights[row * tags + to] = base.weights[row * base_tags + y];
            }
        }
        for from in 0..=base_tags {
            let own_from = if from == base_tags { tags } else { map[from] };
            for (y, &to) in map.iter().enumerate() {
                self.transitions[own_from * tags + to] = base.transitions[from * base_tags + y];
            }
        }
        self.tokens += base.tokens;
        self.documents += base.documents;
    }

    /// The perceptron passes, with the averaging trick: `totals` accumulates each update times the
    /// step it happened at, and the average is `weights - totals / steps`.
    fn learn(
        &mut self,
        sequences: &[Sequence],
        options: TrainingOptions,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<()> {
        let tags = self.tags();
        let mut weight_totals = vec![0.0f32; self.weights.len()];
        let mut transition_totals = vec![0.0f32; self.transitions.len()];
        let mut order: Vec<usize> = (0..sequences.len()).collect();
        let mut rng = options.seed | 1;
        let mut step: f32 = 1.0;
        let lattice = Lattice::new(tags, &self.transitions, 1.0);
        let mut scratch = Scratch::default();
        for _ in 0..options.epochs {
            if cancelled() {
                return None;
            }
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            for &s in &order {
                let sequence = &sequences[s];
                self.emissions(&sequence.rows, &mut scratch.emissions);
                viterbi(
                    &lattice,
                    &self.transitions,
                    sequence.rows.len(),
                    &mut scratch,
                );
                let predicted = &scratch.path;
                if *predicted != sequence.gold {
                    for (t, (&gold, &guess)) in sequence.gold.iter().zip(predicted).enumerate() {
                        if gold != guess {
                            for &f in sequence.rows.word(t) {
                                let row = f as usize * tags;
                                self.weights[row + gold] += 1.0;
                                weight_totals[row + gold] += step;
                                self.weights[row + guess] -= 1.0;
                                weight_totals[row + guess] -= step;
                            }
                        }
                        let gold_from = if t == 0 { tags } else { sequence.gold[t - 1] };
                        let guess_from = if t == 0 { tags } else { predicted[t - 1] };
                        if (gold_from, gold) != (guess_from, guess) {
                            self.transitions[gold_from * tags + gold] += 1.0;
                            transition_totals[gold_from * tags + gold] += step;
                            self.transitions[guess_from * tags + guess] -= 1.0;
                            transition_totals[guess_from * tags + guess] -= step;
                        }
                    }
                }
                step += 1.0;
            }
        }
        for (w, total) in self.weights.iter_mut().zip(&weight_totals) {
            *w -= total / step;
        }
        for (w, total) in self.transitions.iter_mut().zip(&transition_totals) {
            *w -= total / step;
        }
        Some(())
    }

    /// Emission scores of a sentence's words, `words × tags`, into `scores`: each word's feature
    /// rows summed in their order.
    fn emissions(&self, rows: &SentenceRows, scores: &mut Vec<f32>) {
        let tags = self.tags();
        scores.clear();
        scores.resize(rows.len() * tags, 0.0);
        for t in 0..rows.len() {
            let out = &mut scores[t * tags..(t + 1) * tags];
            for &f in rows.word(t) {
                let row = &self.weights[f as usize * tags..(f as usize + 1) * tags];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// Per word, the probability of being inside a mention of each label (`labels()` order), from
    /// the forward–backward marginals: what the model thinks of a word its best path left out.
    pub fn label_probabilities(&self, words: &[Word], chars: &[char]) -> Vec<Vec<f32>> {
        self.read(words, chars, true).1
    }

    /// Entity mentions in a text's words: (span, label, confidence in `[0, 1]`), sorted.
    pub fn predict(&self, words: &[Word], chars: &[char]) -> Vec<(CharSpan, String, f32)> {
        self.read(words, chars, false).0
    }

    /// [`Self::predict`] and [`Self::label_probabilities`] in one pass (features and marginals
    /// computed once).
    pub fn predict_with_probabilities(&self, words: &[Word], chars: &[char]) -> Reading {
        self.read(words, chars, true)
    }

    /// The mentions and, when `probabilities` is set, every word's label probabilities (empty
    /// otherwise).
    fn read(&self, words: &[Word], chars: &[char], probabilities: bool) -> Reading {
        let tags = self.tags();
        // Scores over a temperature: the perceptron's margins are large, and read as
        // probabilities at temperature 1 they are all but 0 or 1.
        let temperature = self.temperature.max(f32::EPSILON);
        let lattice = Lattice::new(tags, &self.transitions, temperature);
        let doc = FeatureDoc::new(words, chars);
        let mut buf = String::new();
        let mut hashed = Vec::new();
        let mut rows = SentenceRows::default();
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let mut per_word = Vec::with_capacity(if probabilities { words.len() } else { 0 });
        for sentence in sentence_ranges(words) {
            rows.clear();
            for i in sentence.clone() {
                doc.hashed(i, &mut buf, &mut hashed);
                rows.rows
                    .extend(hashed.iter().filter_map(|h| self.features.get(h).copied()));
                rows.end_word();
            }
            let n = rows.len();
            self.emissions(&rows, &mut scratch.emissions);
            viterbi(&lattice, &self.transitions, n, &mut scratch);
            let found = scratch.path.iter().any(|&y| y != 0);
            if !found && !probabilities {
                continue;
            }
            marginals(&lattice, n, &mut scratch);
            let (path, marginals) = (&scratch.path, &scratch.marginals);
            if probabilities {
                for t in 0..n {
                    per_word.push(
                        (0..self.labels.len())
                            .map(|label| {
                                (0..4)
                                    .map(|k| marginals[t * tags + 1 + 4 * label + k])
                                    .sum()
                            })
                            .collect(),
                    );
                }
            }
            let mut start = None;
            for (t, &y) in path.iter().enumerate() {
                if y == 0 {
                    continue;
                }
                let (label, part) = ((y - 1) / 4, (y - 1) % 4);
                if part == B || part == U {
                    start = Some(t);
                }
                if (part == L || part == U)
                    && let Some(mut first) = start.take()
                {
                    // A mention neither starts nor ends with punctuation or an emoji.
                    let mut last = t;
                    while first < last && words[sentence.start + first].is_punct() {
                        first += 1;
                    }
                    while last > first && words[sentence.start + last].is_punct() {
                        last -= 1;
                    }
                    if words[sentence.start + first].is_punct() {
                        continue;
                    }
                    let t = last;
                    let confidence = (first..=t)
                        .map(|k| marginals[k * tags + path[k]])
                        .fold(1.0f32, f32::min);
                    let span = CharSpan::new(
                        words[sentence.start + first].span.start,
                        words[sentence.start + t].span.end,
                    );
                    out.push((span, self.labels[label].clone(), confidence.clamp(0.0, 1.0)));
                }
            }
        }
        (out, per_word)
    }
}

/// The transitions of a model as decoding reads them: which tag may follow which, each tag's
/// allowed predecessors and successors in increasing order (the order the scores were always
/// summed in), and the transition scores over the temperature.
struct Lattice {
    tags: usize,
    allowed: Vec<bool>,
    /// Tag → the tags that may precede it (the sentence start aside), increasing.
    before: Vec<Vec<usize>>,
    /// Tag → the tags that may follow it, increasing.
    after: Vec<Vec<usize>>,
    /// `(tags + 1) × tags`, over the temperature (for the marginals; the best path reads them
    /// as they are).
    transitions: Vec<f32>,
    /// `exp` of `transitions` less their largest finite value (a common factor, which the
    /// marginals' normalising cancels), for the forward–backward pass in probability space.
    weights: Vec<f64>,
    temperature: f32,
}

impl Lattice {
    fn new(tags: usize, transitions: &[f32], temperature: f32) -> Self {
        let allowed = allowed_transitions(tags);
        let before = (0..tags)
            .map(|y| (0..tags).filter(|&p| allowed[p * tags + y]).collect())
            .collect();
        let after = (0..tags)
            .map(|y| (0..tags).filter(|&q| allowed[y * tags + q]).collect())
            .collect();
        let transitions: Vec<f32> = transitions.iter().map(|t| t / temperature).collect();
        let top = transitions
            .iter()
            .copied()
            .filter(|t| t.is_finite())
            .fold(f32::NEG_INFINITY, f32::max);
        let top = if top.is_finite() { top } else { 0.0 };
        let weights = transitions
            .iter()
            .map(|&t| f64::from(t - top).exp())
            .collect();
        Self {
            tags,
            allowed,
            before,
            after,
            transitions,
            weights,
            temperature,
        }
    }
}

/// Buffers for decoding one sentence after another without allocating for each.
#[derive(Debug, Default)]
struct Scratch {
    emissions: Vec<f32>,
    best: Vec<f32>,
    back: Vec<usize>,
    /// The best tag sequence of the last sentence decoded.
    path: Vec<usize>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    /// Per word and tag: `exp` of the emission less the word's largest, then the forward and
    /// backward weights, each word's scaled to sum to 1 (the pass in probability space).
    scaled_emissions: Vec<f64>,
    scaled_alpha: Vec<f64>,
    scaled_beta: Vec<f64>,
    /// Per word and tag, the marginal probability (of the last sentence read).
    marginals: Vec<f32>,
}

/// The best tag sequence under the BILOU constraints for `n` words whose emission scores are in
/// `scratch.emissions`, with these transition scores (`(tags + 1) × tags`); into `scratch.path`.
fn viterbi(lattice: &Lattice, transitions: &[f32], n: usize, scratch: &mut Scratch) {
    let tags = lattice.tags;
    scratch.path.clear();
    if n == 0 {
        return;
    }
    let emissions = &scratch.emissions;
    let best = &mut scratch.best;
    let back = &mut scratch.back;
    best.clear();
    best.resize(n * tags, f32::NEG_INFINITY);
    back.clear();
    back.resize(n * tags, 0);
    for y in 0..tags {
        if lattice.allowed[tags * tags + y] {
            best[y] = transitions[tags * tags + y] + emissions[y];
        }
    }
    for t in 1..n {
        for y in 0..tags {
            let mut top = f32::NEG_INFINITY;
            let mut arg = 0;
            for &p in &lattice.before[y] {
                let score = best[(t - 1) * tags + p] + transitions[p * tags + y];
                if score > top {
                    top = score;
                    arg = p;
                }
            }
            best[t * tags + y] = top + emissions[t * tags + y];
            back[t * tags + y] = arg;
        }
    }
    let mut last = 0;
    let mut top = f32::NEG_INFINITY;
    for y in (0..tags).filter(|&y| may_end(y)) {
        if best[(n - 1) * tags + y] > top {
            top = best[(n - 1) * tags + y];
            last = y;
        }
    }
    let path = &mut scratch.path;
    path.resize(n, 0);
    path[n - 1] = last;
    for t in (1..n).rev() {
        path[t - 1] = back[t * tags + path[t]];
    }
}

/// Per-word marginal probability of each tag (forward–backward over the averaged scores, read at
/// the lattice's temperature) for `n` words whose emission scores are in `scratch.emissions`;
/// into `scratch.marginals`.
///
/// In probability space, in `f64`, each word's forward and backward weights scaled to sum to 1:
/// one `exp` per word and tag instead of one per pair of tags, and no logarithm. Where that
/// cannot be done (no path through the sentence, or weights too small for `f64`), the same
/// marginals in log space ([`marginals_in_logs`]).
fn marginals(lattice: &Lattice, n: usize, scratch: &mut Scratch) {
    let tags = lattice.tags;
    let Scratch {
        emissions,
        scaled_emissions: e,
        scaled_alpha: alpha,
        scaled_beta: beta,
        marginals,
        ..
    } = scratch;
    if n == 0 {
        marginals.clear();
        return;
    }
    let temperature = f64::from(lattice.temperature);
    let weights = &lattice.weights;
    e.clear();
    for word in emissions[..n * tags].chunks_exact(tags) {
        let top = word.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        e.extend(
            word.iter()
                .map(|&x| (f64::from(x - top) / temperature).exp()),
        );
    }
    alpha.clear();
    alpha.resize(n * tags, 0.0);
    beta.clear();
    beta.resize(n * tags, 0.0);
    let scale = |row: &mut [f64]| -> bool {
        let sum: f64 = row.iter().sum();
        if sum > 0.0 && sum.is_finite() {
            row.iter_mut().for_each(|x| *x /= sum);
            true
        } else {
            false
        }
    };
    let mut fine = true;
    for y in 0..tags {
        if lattice.allowed[tags * tags + y] {
            alpha[y] = weights[tags * tags + y] * e[y];
        }
    }
    fine &= scale(&mut alpha[..tags]);
    for t in 1..n {
        if !fine {
            break;
        }
        let (done, row) = alpha.split_at_mut(t * tags);
        let previous = &done[(t - 1) * tags..];
        for y in 0..tags {
            let sum: f64 = lattice.before[y]
                .iter()
                .map(|&p| previous[p] * weights[p * tags + y])
                .sum();
            row[y] = sum * e[t * tags + y];
        }
        fine &= scale(&mut row[..tags]);
    }
    if fine {
        for y in (0..tags).filter(|&y| may_end(y)) {
            beta[(n - 1) * tags + y] = 1.0;
        }
        fine &= scale(&mut beta[(n - 1) * tags..]);
    }
    for t in (0..n.saturating_sub(1)).rev() {
        if !fine {
            break;
        }
        let (row, after) = beta.split_at_mut((t + 1) * tags);
        let next = &after[..tags];
        let row = &mut row[t * tags..];
        for y in 0..tags {
            row[y] = lattice.after[y]
                .iter()
                .map(|&q| weights[y * tags + q] * e[(t + 1) * tags + q] * next[q])
                .sum();
        }
        fine &= scale(row);
    }
    if fine {
        marginals.clear();
        for (a, b) in alpha.chunks_exact(tags).zip(beta.chunks_exact(tags)) {
            let total: f64 = a.iter().zip(b).map(|(a, b)| a * b).sum();
            if !(total > 0.0 && total.is_finite()) {
                fine = false;
                break;
            }
            marginals.extend(a.iter().zip(b).map(|(a, b)| (a * b / total) as f32));
        }
    }
    if !fine {
        marginals_in_logs(lattice, n, scratch);
    }
}

/// [`marginals`] in log space, in `f32`: slower (an `exp` per pair of tags), and right however
/// far apart the scores are.
fn marginals_in_logs(lattice: &Lattice, n: usize, scratch: &mut Scratch) {
    let tags = lattice.tags;
    let transitions = &lattice.transitions;
    let Scratch {
        emissions,
        alpha,
        beta,
        marginals,
        ..
    } = scratch;
    // The emissions over the temperature, in place of the raw ones (Viterbi has read those).
    for e in emissions.iter_mut() {
        *e /= lattice.temperature;
    }
    let emissions = &*emissions;
    alpha.clear();
    alpha.resize(n * tags, f32::NEG_INFINITY);
    beta.clear();
    beta.resize(n * tags, f32::NEG_INFINITY);
    for y in 0..tags {
        if lattice.allowed[tags * tags + y] {
            alpha[y] = transitions[tags * tags + y] + emissions[y];
        }
    }
    for t in 1..n {
        for y in 0..tags {
            let previous = &alpha[(t - 1) * tags..t * tags];
            let sum = log_sum_exp(
                lattice.before[y]
                    .iter()
                    .map(|&p| previous[p] + transitions[p * tags + y]),
            );
            alpha[t * tags + y] = sum + emissions[t * tags + y];
        }
    }
    for y in (0..tags).filter(|&y| may_end(y)) {
        beta[(n - 1) * tags + y] = 0.0;
    }
    for t in (0..n.saturating_sub(1)).rev() {
        for y in 0..tags {
            let next = &beta[(t + 1) * tags..(t + 2) * tags];
            beta[t * tags + y] = log_sum_exp(
                lattice.after[y]
                    .iter()
                    .map(|&q| transitions[y * tags + q] + emissions[(t + 1) * tags + q] + next[q]),
            );
        }
    }
    let total =
        log_sum_exp((0..tags).map(|y| alpha[(n - 1) * tags + y] + beta[(n - 1) * tags + y]));
    marginals.clear();
    marginals.extend(alpha.iter().zip(beta.iter()).map(|(a, b)| {
        if total.is_finite() {
            (a + b - total).exp()
        } else {
            0.0
        }
    }));
}

/// What the model reads in a text: mentions (span, label, confidence), and per word the
/// probability of each label (`labels()` order).
pub type Reading = (Vec<(CharSpan, String, f32)>, Vec<Vec<f32>>);

/// Whether a tag may end a sentence: O, L or U.
fn may_end(y: usize) -> bool {
    y == 0 || matches!((y - 1) % 4, L | U)
}

/// `(tags + 1) × tags`: which tag may follow which (the last row is the sentence start).
fn allowed_transitions(tags: usize) -> Vec<bool> {
    let mut allowed = vec![false; (tags + 1) * tags];
    for from in 0..=tags {
        for to in 0..tags {
            let open = from < tags && from > 0 && matches!((from - 1) % 4, B | I);
            let ok = if open {
                // Inside X: only I-X or L-X.
                to > 0 && (to - 1) / 4 == (from - 1) / 4 && matches!((to - 1) % 4, I | L)
            } else {
                to == 0 || matches!((to - 1) % 4, B | U)
            };
            allowed[from * tags + to] = ok;
        }
    }
    allowed
}

/// `ln Σ exp(t)` over the terms, as `max + ln Σ exp(t - max)`, summed in the terms' order. The
/// terms are read twice (an iterator, not a buffer filled for each tag of each word); a term equal
/// to the maximum adds exp(0), exactly 1, without calling exp.
fn log_sum_exp(terms: impl Iterator<Item = f32> + Clone) -> f32 {
    let max = terms.clone().fold(f32::NEG_INFINITY, f32::max);
    if !max.is_finite() {
        return f32::NEG_INFINITY;
    }
    max + terms
        .map(|t| if t == max { 1.0 } else { (t - max).exp() })
        .sum::<f32>()
        .ln()
}

/// Word index ranges of the sentences (consecutive words with the same sentence index).
pub fn sentence_ranges(words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=words.len() {
        if i == words.len() || words[i].sentence != words[start].sentence {
            out.push(start..i);
            start = i;
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// BILOU tags of a document's words from its entities (the first of overlapping entities wins; an
/// entity covering no whole word is left out).
pub fn gold_tags(words: &[Word], document: &TrainingDocument, labels: &[String]) -> Vec<usize> {
    let mut tags = vec![0; words.len()];
    let mut entities = document.entities.clone();
    entities.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    for (span, label) in entities {
        let Ok(label) = labels.binary_search(&label) else {
            continue;
        };
        let inside: Vec<usize> = (0..words.len())
            .filter(|&i| span.contains_span(words[i].span))
            .collect();
        if inside.is_empty() || inside.iter().any(|&i| tags[i] != 0) {
            continue;
        }
        let base = 1 + 4 * label;
        if inside.len() == 1 {
            tags[inside[0]] = base + U;
        } else {
            for (k, &i) in inside.iter().enumerate() {
                tags[i] = base
                    + if k == 0 {
                        B
                    } else if k + 1 == inside.len() {
                        L
                    } else {
                        I
                    };
            }
        }
    }
    tags
}

/// The tagger as a recommender: suggests nothing until a model is installed.
#[derive(Clone, Debug, Default)]
pub struct TaggerRecommender {
    model: Option<Arc<TaggerModel>>,
}

impl TaggerRecommender {
    pub fn new(model: Arc<TaggerModel>) -> Self {
        Self { model: Some(model) }
    }

    pub fn untrained() -> Self {
        Self { model: None }
    }

    pub fn model(&self) -> Option<&Arc<TaggerModel>> {
        self.model.as_ref()
    }
}

impl Recommender for TaggerRecommender {
    fn name(&self) -> &str {
        NAME
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        let Some(model) = &self.model else {
            return Vec::new();
        };
        model
            .predict(&ctx.words, ctx.chars())
            .into_iter()
            .filter(|(_, label, _)| ctx.has_label(label))
            .map(|(span, label, score)| {
                Suggestion::entity(span, &label, score, NAME, "bilou-perceptron")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The marginals by brute force, in `f64`: every allowed tag sequence of the sentence weighed.
    fn by_enumeration(tags: usize, transitions: &[f32], emissions: &[f32], t: f32) -> Vec<f64> {
        let n = emissions.len() / tags;
        let allowed = allowed_transitions(tags);
        let mut paths: Vec<(f64, Vec<usize>)> = Vec::new();
        for code in 0..tags.pow(n as u32) {
            let path: Vec<usize> = (0..n).map(|k| code / tags.pow(k as u32) % tags).collect();
            let mut from = tags;
            let mut score = 0.0f64;
            let mut ok = may_end(path[n - 1]);
            for (k, &y) in path.iter().enumerate() {
                ok &= allowed[from * tags + y];
                score += f64::from(transitions[from * tags + y] / t)
                    + f64::from(emissions[k * tags + y]) / f64::from(t);
                from = y;
            }
            if ok {
                paths.push((score, path));
            }
        }
        let top = paths.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let mut out = vec![0.0; n * tags];
        let mut total = 0.0;
        for (score, path) in &paths {
            let w = (score - top).exp();
            total += w;
            for (k, &y) in path.iter().enumerate() {
                out[k * tags + y] += w;
            }
        }
        out.iter().map(|w| w / total).collect()
    }

    fn fast(tags: usize, transitions: &[f32], emissions: &[f32], temperature: f32) -> Vec<f32> {
        let lattice = Lattice::new(tags, transitions, temperature);
        let mut scratch = Scratch {
            emissions: emissions.to_vec(),
            ..Scratch::default()
        };
        marginals(&lattice, emissions.len() / tags, &mut scratch);
        scratch.marginals
    }

    proptest! {
        #[test]
        fn the_marginals_are_those_of_every_path_weighed(
            labels in 1usize..3,
            n in 1usize..5,
            seed in proptest::collection::vec(-1.0f32..1.0, 9 * 10 + 9 * 4),
            spread in 0.1f32..40.0,
            temperature in 0.3f32..6.0,
        ) {
            let tags = 1 + 4 * labels;
            let transitions: Vec<f32> =
                seed[..tags * (tags + 1)].iter().map(|x| x * spread).collect();
            let emissions: Vec<f32> =
                seed[90..][..n * tags].iter().map(|x| x * spread * 3.0).collect();
            let expected = by_enumeration(tags, &transitions, &emissions, temperature);
            let got = fast(tags, &transitions, &emissions, temperature);
            prop_assert_eq!(got.len(), expected.len());
            for (a, b) in got.iter().zip(&expected) {
                prop_assert!((f64::from(*a) - b).abs() < 1e-5, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn scores_too_far_apart_for_probabilities_are_weighed_in_logs() {
        // One label: O, B, I, L, U. The first word is all but surely B and the second all but
        // surely O, which cannot follow B: in probability space every weight of the second word
        // underflows to 0, so the pass falls back to logs.
        let tags = 5;
        let transitions = vec![0.0; tags * (tags + 1)];
        let emissions = vec![
            -1.0e4, 1.0e4, -1.0e4, -1.0e4, -1.0e4, // B
            1.0e4, -1.0e4, 0.0, 0.0, -1.0e4, // O, else I or L
        ];
        let got = fast(tags, &transitions, &emissions, 1.0);
        let expected = by_enumeration(tags, &transitions, &emissions, 1.0);
        for (word, expected) in got.chunks(tags).zip(expected.chunks(tags)) {
            let sum: f32 = word.iter().sum();
            assert!((sum - 1.0).abs() < 1e-3, "{word:?}");
            for (a, b) in word.iter().zip(expected) {
                assert!((f64::from(*a) - b).abs() < 1e-3, "{word:?} vs {expected:?}");
            }
        }
    }
}
