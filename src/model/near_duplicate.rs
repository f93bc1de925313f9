//! Near-duplicate articles: the same story republished by another outlet (a wire story with another
//! headline, byline or boilerplate around it), or the same page extracted twice.
//!
//! Two texts are compared by the Jaccard similarity of their sets of word shingles (runs of
//! [`SHINGLE_WORDS`] lower-cased words; punctuation, case and line breaks do not count). Candidates
//! are found with MinHash signatures and locality-sensitive hashing (bands of rows), so an import
//! is not compared with every document of a large project; each candidate's similarity is then the
//! exact Jaccard of the two shingle sets, so the figure a user sees is not an estimate.
//!
//! [`NEAR_DUPLICATE_JACCARD`] is justified on real data in docs/web.md (examples/near_duplicates.rs):
//! the 1,035 pairs of distinct real news articles score at most 0.002, the same story in three
//! outlets' pages at least 0.63, a page against the hand-copied article at least 0.86, and an
//! article against its own first half (a shortened republication) about 0.5.

use std::collections::{HashMap, HashSet};

/// Words per shingle: long enough that two different articles on one topic share few shingles,
/// short enough that a changed word breaks only a few.
pub const SHINGLE_WORDS: usize = 5;

/// Shingle-set Jaccard at or above which two articles are near-duplicates (see the module doc):
/// below a republication cut to half its length, far above any two distinct articles.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.3;

/// MinHash functions per signature: `BANDS` bands of `ROWS` rows. Two texts become candidates when
/// one band agrees: with 48 × 2, a pair at Jaccard 0.3 (the threshold) is a candidate with
/// probability 1 − (1 − 0.3²)⁴⁸ ≈ 0.989, at 0.5 with 0.99999, and a pair at 0.02 (distinct
/// articles) with 0.02; candidates are then checked exactly, so a candidate costs time, never a
/// wrong report.
const BANDS: usize = 48;
const ROWS: usize = 2;
const HASHES: usize = BANDS * ROWS;

/// The shingles of a text, hashed (64 bits; a collision between two distinct shingles of two
/// articles is far rarer than any similarity this module reports).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shingles(HashSet<u64>);

impl Shingles {
    pub fn of(text: &str) -> Self {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut set = HashSet::new();
        if words.is_empty() {
            return Self(set);
        }
        // A text shorter than one shingle is one shingle of all its words.
        let width = SHINGLE_WORDS.min(words.len());
        for window in words.windows(width) {
            let mut hash = FNV_OFFSET;
            for word in window {
                hash = fnv1a(hash, word.as_bytes());
                hash = fnv1a(hash, b" ");
            }
            set.insert(mix(hash));
        }
        Self(set)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    pub fn jaccard(&self, other: &Self) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        let common = small.iter().filter(|h| large.contains(h)).count();
        let union = self.0.len() + other.0.len() - common;
        if union == 0 {
            0.0
        } else {
            common as f64 / union as f64
        }
    }

    /// The MinHash signature: for each of the hash functions, the least hash of any shingle.
    fn signature(&self) -> [u64; HASHES] {
        let mut signature = [u64::MAX; HASHES];
        for &shingle in &self.0 {
            for (i, slot) in signature.iter_mut().enumerate() {
                let h = mix(shingle ^ SEEDS[i]);
                if h < *slot {
                    *slot = h;
                }
            }
        }
        signature
    }
}

/// A near-duplicate found: the earlier document it repeats and how alike they are.
#[derive(Clone, Debug, PartialEq)]
pub struct NearDuplicate<K> {
    pub of: K,
    /// Exact shingle-set Jaccard, in [0, 1].
    pub similarity: f64,
}

/// Texts indexed for near-duplicate look-ups, each under a key (a document id).
#[derive(Debug)]
pub struct NearDuplicateIndex<K> {
    texts: Vec<(K, Shingles)>,
    /// (band, hash of the band's rows) → indexes into `texts`.
    buckets: HashMap<(usize, u64), Vec<usize>>,
    threshold: f64,
}

impl<K: Clone> NearDuplicateIndex<K> {
    /// An empty index that reports pairs at or above `threshold` Jaccard.
    pub fn new(threshold: f64) -> Self {
        Self {
            texts: Vec::new(),
            buckets: HashMap::new(),
            threshold,
        }
    }

    pub fn insert(&mut self, key: K, text: &str) {
        let shingles = Shingles::of(text);
        if shingles.is_empty() {
            return;
        }
        let index = self.texts.len();
        for band in bands(&shingles.signature()) {
            self.buckets.entry(band).or_default().push(index);
        }
        self.texts.push((key, shingles));
    }

    /// The most similar indexed text at or above the threshold, if any.
    pub fn most_similar(&self, text: &str) -> Option<NearDuplicate<K>> {
        let shingles = Shingles::of(text);
        if shingles.is_empty() {
            return None;
        }
        let mut candidates: Vec<usize> = bands(&shingles.signature())
            .filter_map(|band| self.buckets.get(&band))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|i| (i, shingles.jaccard(&self.texts[i].1)))
            .filter(|(_, similarity)| *similarity >= self.threshold)
            // The most similar; of equals, the first indexed.
            .min_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)))
            .map(|(i, similarity)| NearDuplicate {
                of: self.texts[i].0.clone(),
                similarity,
            })
    }
}

fn bands(signature: &[u64; HASHES]) -> impl Iterator<Item = (usize, u64)> + '_ {
    signature.chunks(ROWS).enumerate().map(|(band, rows)| {
        let mut hash = FNV_OFFSET;
        for row in rows {
            hash = fnv1a(hash, &row.to_le_bytes());
        }
        (band, hash)
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// splitmix64's finaliser: spreads FNV's weak low bits, and with a seed XORed in makes the family
/// of hash functions MinHash needs.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One seed per hash function, fixed so that results never depend on the run.
static SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Serbian President Aleksandar Vučić and Kosovo Prime Minister Albin Kurti met \
        in Brussels on Monday for talks mediated by the European Union, the first such meeting in \
        months. Officials said the two leaders discussed the implementation of an agreement on \
        normalising relations reached earlier this year, including licence plates and the \
        association of Serb-majority municipalities. No joint statement was issued after the talks.";

    #[test]
    fn the_same_story_under_another_outlets_headline_and_byline_is_a_near_duplicate() {
        let republished = format!(
            "Vučić and Kurti meet again\n\nBy Staff Reporter, The Ledger\n\n{WIRE}\n\nRead more: \
             our coverage of the Balkans."
        );
        let mut index = NearDuplicateIndex::new(NEAR_DUPLICATE_JACCARD);
        index.insert("ap", &format!("EU hosts Serbia-Kosovo talks\n\n{WIRE}"));
        let found = index.most_similar(&republished).unwrap();
        assert_eq!(found.of, "ap");
        assert!(found.similarity > 0.6, "{}", found.similarity);
    }

    #[test]
    fn two_articles_on_one_topic_are_not_near_duplicates() {
        let other = "Kosovo Prime Minister Albin Kurti said on Tuesday that his government would \
            not form the association of Serb-majority municipalities before Serbia recognised \
            Kosovo, rejecting pressure from Brussels and Washington after a meeting in Pristina.";
        let mut index = NearDuplicateIndex::new(NEAR_DUPLICATE_JACCARD);
        index.insert("ap", WIRE);
        assert_eq!(index.most_similar(other), None);
        assert!(Shingles::of(WIRE).jaccard(&Shingles::of(other)) < 0.1);
    }

    #[test]
    fn jaccard_ignores_case_punctuation_and_line_breaks() {
        let a = Shingles::of("Вучић и Курти, в Брюсселе: переговоры продолжаются сегодня");
        let b = Shingles::of("вучић и курти\nв брюсселе переговоры продолжаются сегодня!");
        assert_eq!(a.jaccard(&b), 1.0);
        assert_eq!(Shingles::of("").jaccard(&Shingles::of("")), 0.0);
        assert_eq!(Shingles::of("🇽🇰 👨‍👩‍👧").len(), 0);
    }

    #[test]
    fn the_most_similar_of_several_is_reported() {
        let mut index = NearDuplicateIndex::new(0.3);
        let half: String = WIRE.split(". ").take(2).collect::<Vec<_>>().join(". ");
        index.insert("half", &half);
        index.insert("whole", WIRE);
        assert_eq!(index.most_similar(WIRE).unwrap().of, "whole");
    }
}
