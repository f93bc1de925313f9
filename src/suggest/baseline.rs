//! The news baseline: entity mentions from capitalisation, titles before names, the gazetteers and
//! date expressions. Useful on the very first article: it needs no annotation at all.
//!
//! How it reads a sentence: runs of capitalised words ("chunks", which may hold a gazetteer name with
//! lower-case words inside, a hyphen or a name particle) are split at titles ("President", "Prime
//! Minister"); each piece is then an organisation when it holds an organisation keyword ("Council",
//! "Dialogue"), a gazetteer name, a person after a title or when two or more unknown capitalised
//! words stand together. Single unknown words are decided last, from the rest of the document: a
//! person's surname seen earlier in full, an acronym defined in brackets, a word before "said", a
//! word after "in" or "crossing of".
//!
//! With the shipped news model (the default), the model finds PERSON, ORG, GPE and LOC and the rules
//! add what it does not know: dates, nationalities and gazetteer names; see [`Baseline`].

use std::collections::HashSet;
use std::sync::Arc;

use crate::model::CharSpan;

use super::calibration::{Calibration, news_calibration};
use super::context::{SuggestContext, Word};
use super::dates::date_at;
use super::gazetteer::gazetteer;
use super::labels::schema_label;
use super::lexicon::{
    NAME_PARTICLES, PLACE_NOUNS, PLACE_PREPOSITIONS, is_common_word, is_org_keyword, is_speech_verb,
};
use super::tagger::TaggerModel;
use super::tagger_shipped::news_model;
use super::{Recommender, Suggestion};

use super::baseline_model::{combine, mend_boundaries};

/// The recommender's name.
pub const NAME: &str = "baseline";

/// The news baseline recommender: the shipped news model (or the project's own, `ner_model`) for
/// PERSON, ORG, GPE and LOC, and the rules for dates, nationalities and the gazetteers' names; the
/// rules alone when no model is given.
///
/// With the shipped model, scores are calibrated probabilities ([`news_calibration`]); with another
/// model or the rules alone they are the raw confidences, which order suggestions but are not
/// probabilities.
#[derive(Clone, Debug)]
pub struct Baseline {
    model: Option<Arc<TaggerModel>>,
    calibration: Option<&'static Calibration>,
}

impl Default for Baseline {
    /// With the shipped news model and its calibration.
    fn default() -> Self {
        Self {
            model: news_model(),
            calibration: Some(news_calibration()),
        }
    }
}

impl Baseline {
    /// With another model (a project's `ner_model`); its scores are not calibrated.
    pub fn with_model(model: Arc<TaggerModel>) -> Self {
        Self {
            model: Some(model),
            calibration: None,
        }
    }

    /// The capitalisation, gazetteer and date rules alone.
    pub fn rules_only() -> Self {
        Self {
            model: None,
            calibration: None,
        }
    }

    /// The shipped model with its raw scores, before calibration (to fit the calibration table:
    /// `examples/entity_calibration.rs`).
    pub fn uncalibrated() -> Self {
        Self {
            model: news_model(),
            calibration: None,
        }
    }
}

impl Recommender for Baseline {
    fn name(&self) -> &str {
        NAME
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        let words = &ctx.words;
        let rules = find(words);
        let found: Vec<(CharSpan, String, f32, &'static str)> = match &self.model {
            None => rules
                .into_iter()
                .map(|f| {
                    let span = CharSpan::new(words[f.start].span.start, words[f.end - 1].span.end);
                    (span, f.label.to_owned(), f.score, f.rule)
                })
                .collect(),
            Some(model) => combine(words, ctx.chars(), model, rules),
        };
        found
            .into_iter()
            .filter_map(|(span, label, score, rule)| {
                let score = self
                    .calibration
                    .and_then(|table| table.probability(&label, rule, score))
                    .unwrap_or(score);
                let label = schema_label(ctx.schema, &label)?;
                let span = mend_boundaries(words, ctx.chars(), span, &label);
                Some(Suggestion::entity(span, &label, score, NAME, rule))
            })
            .collect()
    }
}

/// A mention the baseline found: words `[start, end)` with a canonical label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub score: f32,
    pub rule: &'static str,
}

/// Every mention in the words, sorted, none overlapping.
pub fn find(words: &[Word]) -> Vec<Found> {
    let mut finder = Finder {
        words,
        found: Vec::new(),
        singles: Vec::new(),
        taken: vec![false; words.len()],
        shouting: shouting_sentences(words),
    };
    finder.dates();
    finder.chunks();
    finder.singles();
    finder.found.sort_by_key(|f| f.start);
    finder.found
}

struct Finder<'w> {
    words: &'w [Word],
    found: Vec<Found>,
    /// Single unknown capitalised words, decided once the whole document has been read.
    singles: Vec<usize>,
    /// Words already inside a mention.
    taken: Vec<bool>,
    /// Sentences written in capitals, where capitals say nothing.
    shouting: HashSet<usize>,
}

impl Finder<'_> {
    fn push(
        &mut self,
        start: usize,
        end: usize,
        label: &'static str,
        score: f32,
        rule: &'static str,
    ) {
        // Trim punctuation at the ends ("-" of a broken hyphenation, a stray full stop).
        let (mut start, mut end) = (start, end);
        while start < end && self.words[start].is_punct() {
            start += 1;
        }
        while end > start && self.words[end - 1].is_punct() {
            end -= 1;
        }
        if start >= end {
            return;
        }
        for taken in &mut self.taken[start..end] {
            *taken = true;
        }
        self.found.push(Found {
            start,
            end,
            label,
            score,
            rule,
        });
    }

    fn dates(&mut self) {
        let mut i = 0;
        while i < self.words.len() {
            match date_at(self.words, i) {
                Some(date) => {
                    self.push(i, i + date.len, "DATE", date.score, date.rule);
                    i += date.len;
                }
                None => i += 1,
            }
        }
    }

    fn chunks(&mut self) {
        let gazetteer = gazetteer();
        let mut after_title = false;
        let mut i = 0;
        while i < self.words.len() {
            let word = &self.words[i];
            if self.taken[i] || self.shouting.contains(&word.sentence) {
                after_title = false;
                i += 1;
                continue;
            }
            if !starts_chunk(word) {
                // A lower-case title before a name: "foreign policy chief Josep Borrell".
                if let Some(len) = gazetteer.title_at(self.words, i)
                    && self.words.get(i + len).is_some_and(Word::is_capitalised)
                {
                    after_title = true;
                    i += len;
                    continue;
                }
                after_title = false;
                i += 1;
                continue;
            }
            let end = self.chunk_end(i);
            self.chunk(i, end, after_title);
            after_title = false;
            i = end.max(i + 1);
        }
    }

    /// Where the chunk starting at `start` ends (exclusive).
    fn chunk_end(&self, start: usize) -> usize {
        let gazetteer = gazetteer();
        let words = self.words;
        let sentence = words[start].sentence;
        let mut j = start;
        let mut has_org_keyword = false;
        while j < words.len() && words[j].sentence == sentence && !self.taken[j] {
            if let Some(hit) = gazetteer.name_at(words, j)
                && !self.taken[j..j + hit.len].contains(&true)
            {
                j += hit.len;
                continue;
            }
            let word = &words[j];
            if starts_chunk(word) {
                has_org_keyword |= is_org_keyword(&word.text);
                j += 1;
                continue;
            }
            let next_is_name = words
                .get(j + 1)
                .is_some_and(|next| next.is_capitalised() && next.sentence == sentence);
            let joins = j > start
                && next_is_name
                && ((word.text == "-"
                    && words[j - 1].span.end == word.span.start
                    && words[j + 1].span.start == word.span.end)
                    || NAME_PARTICLES.contains(&word.lower.as_str())
                    || (word.lower == "of" && has_org_keyword));
            if joins {
                j += 1;
                continue;
            }
            break;
        }
        j
    }

    /// Splits a chunk at titles and labels each piece.
    fn chunk(&mut self, start: usize, end: usize, after_title: bool) {
        let gazetteer = gazetteer();
        let mut piece_start = start;
        let mut piece_after_title = after_title;
        let mut j = start;
        while j < end {
            let name = gazetteer
                .name_at(self.words, j)
                .filter(|hit| j + hit.len <= end)
                .map_or(0, |hit| hit.len);
            let title = gazetteer
                .title_within(self.words, j, end)
                .filter(|_| self.words[j].is_capitalised())
                .unwrap_or(0);
            if title > name {
                if piece_start < j {
                    self.piece(piece_start, j, piece_after_title);
                }
                j += title;
                piece_start = j;
                piece_after_title = true;
                continue;
            }
            j += name.max(1);
        }
        if piece_start < end {
            self.piece(piece_start, end, piece_after_title);
        }
    }

    /// Labels one piece of a chunk (no title inside).
    fn piece(&mut self, start: usize, end: usize, after_title: bool) {
        let gazetteer = gazetteer();
        let words = self.words;
        let mut start = start;
        // A capital at the start of a sentence says nothing: drop a common first word ("A", "The").
        if words[start].sentence_start
            && is_common_word(&words[start].lower)
            && gazetteer.name_at(words, start).is_none()
        {
            start += 1;
        }
        if start >= end {
            return;
        }
        let whole = gazetteer
            .name_at(words, start)
            .filter(|hit| start + hit.len == end);
        if let Some(hit) = whole {
            self.push(start, end, hit.kind.label(), 0.9, gazetteer_rule(hit.kind));
            return;
        }
        let lone_sentence_start = end - start == 1 && words[start].sentence_start;
        if !lone_sentence_start && (start..end).any(|k| is_org_keyword(&words[k].text)) {
            self.push(start, end, "ORG", 0.75, "org-keyword");
            return;
        }
        let mut k = start;
        while k < end {
            if let Some(hit) = gazetteer.name_at(words, k).filter(|hit| k + hit.len <= end) {
                self.push(
                    k,
                    k + hit.len,
                    hit.kind.label(),
                    0.9,
                    gazetteer_rule(hit.kind),
                );
                k += hit.len;
                continue;
            }
            let mut run_end = k + 1;
            while run_end < end && gazetteer.name_at(words, run_end).is_none() {
                run_end += 1;
            }
            self.unknown_run(k, run_end, after_title && k == start);
            k = run_end;
        }
    }

    /// Capitalised words no gazetteer knows.
    fn unknown_run(&mut self, start: usize, end: usize, after_title: bool) {
        let words = self.words;
        let name_words = (start..end).filter(|&k| !words[k].is_punct()).count();
        if name_words == 0 {
            return;
        }
        if after_title {
            self.push(start, end, "PERSON", 0.85, "title+name");
        } else if (2..=3).contains(&name_words) && office_follows(words, end) {
            self.push(start, end, "PERSON", 0.75, "name+office");
        } else if (2..=4).contains(&name_words) {
            self.push(start, end, "PERSON", 0.7, "capitalised-run");
        } else if name_words == 1 {
            self.singles.push(start);
        }
    }

    /// Decides single unknown capitalised words from what the whole document says.
    fn singles(&mut self) {
        let words = self.words;
        let surnames: HashSet<&str> = self
            .found
            .iter()
            .filter(|f| f.label == "PERSON" && f.end - f.start >= 2)
            .map(|f| words[f.end - 1].text.as_str())
            .collect();
        let acronyms: HashSet<&str> = self
            .found
            .iter()
            .filter(|f| f.label == "ORG")
            .filter_map(|f| {
                let open = words.get(f.end)?;
                let acronym = words.get(f.end + 1)?;
                let close = words.get(f.end + 2)?;
                (open.text == "(" && close.text == ")" && acronym.is_acronym())
                    .then_some(acronym.text.as_str())
            })
            .collect();
        let singles = std::mem::take(&mut self.singles);
        for i in singles {
            let word = &words[i];
            if self.taken[i] || is_common_word(&word.lower) {
                continue;
            }
            let previous = |back: usize| i.checked_sub(back).map(|k| words[k].lower.as_str());
            if surnames.contains(word.text.as_str()) {
                self.push(i, i + 1, "PERSON", 0.8, "name-repeat");
            } else if acronyms.contains(word.text.as_str()) {
                self.push(i, i + 1, "ORG", 0.8, "acronym-defined");
            } else if word.is_acronym() {
                self.push(i, i + 1, "ORG", 0.5, "acronym");
            } else if words
                .get(i + 1)
                .is_some_and(|next| is_speech_verb(&next.lower))
                // ("The Treasury said", "the Bishop said": a body or an office after "the".)
                && previous(1) != Some("the")
            {
                self.push(i, i + 1, "PERSON", 0.6, "name+speech-verb");
            } else if previous(1).is_some_and(|p| PLACE_PREPOSITIONS.contains(&p))
                || (previous(1) == Some("of")
                    && previous(2).is_some_and(|p| PLACE_NOUNS.contains(&p)))
            {
                self.push(i, i + 1, "GPE", 0.5, "place-preposition");
            }
        }
    }
}

/// `Hans Mast, senior economic adviser to Credit Suisse First Boston, said`: a comma at word
/// `end`, then within four lower-case words ("a", "senior", "economic") a noun for someone by
/// their trade or office ("adviser", "spokesman", "economist"): the capitalised words before the
/// comma name that person.
fn office_follows(words: &[Word], end: usize) -> bool {
    if words.get(end).is_none_or(|w| w.text != ",") {
        return false;
    }
    (end + 1..words.len().min(end + 5))
        .take_while(|&k| {
            let w = &words[k];
            !w.is_punct() && w.text.chars().all(|c| c.is_lowercase() || c == '-')
        })
        .any(|k| {
            let lower = words[k].lower.as_str();
            let agent = ["er", "or", "ist", "ian"]
                .iter()
                .any(|suffix| lower.ends_with(suffix))
                && lower.len() > 4
                && !matches!(
                    lower,
                    "other" | "former" | "later" | "major" | "minor" | "either"
                )
                && !lower.ends_with("ever");
            agent
                || matches!(
                    lower,
                    "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "official"
                        | "chief"
                        | "head"
                        | "executive"
                        | "president"
                        | "chairman"
                        | "partner"
                        | "secretary"
                )
        })
}

pub(super) fn gazetteer_rule(kind: super::gazetteer::GazKind) -> &'static str {
    match kind {
        super::gazetteer::GazKind::Country => "gazetteer:country",
        super::gazetteer::GazKind::Capital => "gazetteer:capital",
        super::gazetteer::GazKind::Demonym => "gazetteer:demonym",
        super::gazetteer::GazKind::Organisation => "gazetteer:organisation",
        super::gazetteer::GazKind::Region => "gazetteer:region",
        super::gazetteer::GazKind::Place => "gazetteer:place",
    }
}

/// Capitalised (any script) or a name with a digit such as "G7".
fn starts_chunk(word: &Word) -> bool {
    word.is_capitalised()
}

/// Sentences where most words are in capitals (a shouted headline).
fn shouting_sentences(words: &[Word]) -> HashSet<usize> {
    let mut counts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    for word in words.iter().filter(|w| !w.is_punct() && !w.is_number()) {
        let entry = counts.entry(word.sentence).or_default();
        entry.0 += 1;
        if word.is_acronym() {
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (all, caps))| *all >= 3 && caps * 2 > *all)
        .map(|(sentence, _)| sentence)
        .collect()
}
