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

use super::context::{SuggestContext, Word};
use super::dates::date_at;
use super::gazetteer::{GazKind, gazetteer};
use super::labels::schema_label;
use super::lexicon::{
    NAME_PARTICLES, PLACE_NOUNS, PLACE_PREPOSITIONS, is_common_word, is_org_keyword, is_speech_verb,
};
use super::tagger::TaggerModel;
use super::tagger_shipped::news_model;
use super::{Recommender, Suggestion};

/// The recommender's name.
pub const NAME: &str = "baseline";

/// The news baseline recommender: the shipped news model (or the project's own, `ner_model`) for
/// PERSON, ORG, GPE and LOC, and the rules for dates, nationalities and the gazetteers' names; the
/// rules alone when no model is given.
#[derive(Clone, Debug)]
pub struct Baseline {
    model: Option<Arc<TaggerModel>>,
}

impl Default for Baseline {
    /// With the shipped news model.
    fn default() -> Self {
        Self {
            model: news_model(),
        }
    }
}

impl Baseline {
    /// With another model (a project's `ner_model`).
    pub fn with_model(model: Arc<TaggerModel>) -> Self {
        Self { model: Some(model) }
    }

    /// The capitalisation, gazetteer and date rules alone.
    pub fn rules_only() -> Self {
        Self { model: None }
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
                let label = schema_label(ctx.schema, &label)?;
                let span = mend_boundaries(words, ctx.chars(), span, &label);
                Some(Suggestion::entity(span, &label, score, NAME, rule))
            })
            .collect()
    }
}

/// The rule labels the model does not know, or knows worse: dates, nationalities, and names the
/// gazetteers list.
fn rule_kept_beside_model(found: &Found) -> bool {
    found.label == "DATE"
        || found.label == "NORP"
        || found.rule.starts_with("gazetteer:")
        || matches!(
            found.rule,
            "acronym-defined" | "name-repeat" | "name+speech-verb" | "place-preposition"
        )
}

/// How likely a lone capitalised word must be a name for the baseline to suggest it although the
/// model's best reading left it out.
const LONE_WORD_MIN: f32 = 0.25;

/// How likely, on average over its words, the model must find a rule's label for a rule's mention
/// to be kept beside the model's own.
const RULE_AGREEMENT_MIN: f32 = 0.5;

/// Letters of the Latin script only (with accents), which the news model was trained on.
fn is_latin(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x0250)
}

/// The model's mentions, with the rules' dates, nationalities and gazetteer names where the model
/// found nothing; a gazetteer name the model found with the same span keeps the gazetteer's label
/// ("Kosovo" is a GPE even where the model hesitates towards ORG).
fn combine(
    words: &[Word],
    chars: &[char],
    model: &TaggerModel,
    rules: Vec<Found>,
) -> Vec<(CharSpan, String, f32, &'static str)> {
    let gazetteer = gazetteer();
    let mut out: Vec<(CharSpan, String, f32, &'static str)> = Vec::new();
    let (mentions, probabilities) = model.predict_with_probabilities(words, chars);
    for (span, label, confidence) in mentions {
        let span = drop_leading_title(words, span);
        let span = if label == "PERSON" {
            given_name_at_sentence_start(words, span)
        } else {
            span
        };
        let first = words.partition_point(|w| w.span.start < span.start);
        let hit = gazetteer
            .name_at(words, first)
            .filter(|hit| hit.kind != GazKind::Place)
            .filter(|hit| {
                words
                    .get(first + hit.len - 1)
                    .is_some_and(|w| w.span.end == span.end)
            });
        let (label, rule) = match hit {
            Some(hit) => (hit.kind.label().to_owned(), gazetteer_rule(hit.kind)),
            None => (label, "news-model"),
        };
        // A score that the model's own confidence orders, kept below the gazetteer's 0.9 unless
        // the model is sure.
        out.push((span, label, 0.4 + 0.55 * confidence, rule));
    }
    // A lone capitalised word away from a sentence start that the best path left out but the
    // model still gives a fair chance of being a name ("Obama met Merkel").
    for (i, word) in words.iter().enumerate() {
        let lone = word.is_capitalised()
            && !word.sentence_start
            && !word.is_acronym()
            && !is_common_word(&word.lower)
            && gazetteer.title_at(words, i).is_none()
            && (i == 0 || !words[i - 1].is_capitalised())
            && !words.get(i + 1).is_some_and(Word::is_capitalised);
        if !lone || out.iter().any(|(s, ..)| s.overlaps(word.span)) {
            continue;
        }
        let Some(word_probabilities) = probabilities.get(i) else {
            continue;
        };
        let Some((label, _)) = word_probabilities
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
        else {
            continue;
        };
        // The chance of being a name at all; the most likely label names it.
        let p: f32 = word_probabilities.iter().sum();
        if p >= LONE_WORD_MIN {
            let label = model.labels()[label].clone();
            out.push((word.span, label, 0.3 + 0.5 * p, "news-model:lone-word"));
        }
    }
    for f in &rules {
        let span = CharSpan::new(words[f.start].span.start, words[f.end - 1].span.end);
        if out.iter().any(|(s, ..)| s.overlaps(span)) {
            // A name the gazetteer, an organisation keyword or an earlier full name vouches for
            // replaces the model's mentions inside it: "European Union" over "Union",
            // "Belgrade-Pristina Dialogue" over "Belgrade-Pristina", "Kurti" as the person seen
            // in full before.
            // (A city list's hit is not: "Jackson" and "Lincoln" are people too.)
            let vouched = (f.rule.starts_with("gazetteer:") && f.rule != "gazetteer:place")
                || matches!(f.rule, "org-keyword" | "name-repeat" | "acronym-defined");
            // One mention only: a run over several of the model's names ("Refugee Council
            // Enver Solomon") is two names, not one.
            let overlapping: Vec<CharSpan> = out
                .iter()
                .filter(|(s, ..)| s.overlaps(span))
                .map(|(s, ..)| *s)
                .collect();
            let inside = overlapping.len() == 1 && span.contains_span(overlapping[0]);
            if vouched && inside {
                out.retain(|(s, ..)| !s.overlaps(span));
                out.push((span, f.label.to_owned(), f.score, f.rule));
            }
            continue;
        }
        // The other rules propose and the model decides: kept where the model, reading the
        // words, leans to the rule's label ("Aleksandar Vucic" at a sentence start) and not to
        // another one ("New York"); and where the words are not in the Latin script the model
        // was trained on.
        let agrees = || {
            let index = model.labels().iter().position(|l| l == f.label);
            let mean = |k: usize| -> f32 {
                (f.start..f.end)
                    .map(|i| {
                        probabilities
                            .get(i)
                            .and_then(|p| p.get(k))
                            .copied()
                            .unwrap_or(0.0)
                    })
                    .sum::<f32>()
                    / (f.end - f.start) as f32
            };
            index.is_some_and(|own| {
                let own_p = mean(own);
                // At a sentence start the model sees little; there it must only not prefer
                // another label.
                (own_p >= RULE_AGREEMENT_MIN || words[f.start].sentence_start)
                    && (0..model.labels().len()).all(|k| k == own || mean(k) <= own_p)
            })
        };
        let foreign = (f.start..f.end).any(|i| !is_latin(&words[i].text));
        if rule_kept_beside_model(f) || foreign || agrees() {
            out.push((span, f.label.to_owned(), f.score, f.rule));
        }
    }
    out.sort_by_key(|(span, ..)| *span);
    join_organisations(words, &mut out);
    one_label_per_name(chars, &mut out);
    out
}

/// One name, one label in a document: the model's mentions of the same written name take the label
/// its mentions carry with the most confidence in total ("Coron" is a place in "of Coron" and
/// "in Coron" even where a sentence alone reads it as a person). The rules' labels stay.
fn one_label_per_name(chars: &[char], found: &mut [(CharSpan, String, f32, &'static str)]) {
    use std::collections::HashMap;
    let text = |span: CharSpan| -> String { chars[span.start..span.end].iter().collect() };
    let is_model = |rule: &str| rule.starts_with("news-model");
    let mut votes: HashMap<String, HashMap<String, f32>> = HashMap::new();
    for (span, label, score, rule) in found.iter() {
        if is_model(rule) {
            *votes
                .entry(text(*span))
                .or_default()
                .entry(label.clone())
                .or_default() += *score;
        }
    }
    for (span, label, _, rule) in found.iter_mut() {
        if !is_model(rule) {
            continue;
        }
        let best = votes.get(&text(*span)).and_then(|labels| {
            labels
                .iter()
                .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(l, _)| l.clone())
        });
        if let Some(best) = best {
            *label = best;
        }
    }
}

/// "Refugee Council": a name the model split before an organisation keyword becomes one ORG.
fn join_organisations(words: &[Word], found: &mut Vec<(CharSpan, String, f32, &'static str)>) {
    let mut k = 1;
    while k < found.len() {
        let (before, mention) = (&found[k - 1], &found[k]);
        let first = words.partition_point(|w| w.span.start < mention.0.start);
        let keyword_first = words.get(first).is_some_and(|w| is_org_keyword(&w.text));
        let adjacent = first > 0
            && words[first - 1].span.end == before.0.end
            && before.0.end < mention.0.start
            && mention.0.start - before.0.end == 1;
        if mention.1 == "ORG" && keyword_first && adjacent && before.1 != "DATE" {
            let joined = CharSpan::new(before.0.start, mention.0.end);
            let score = before.2.min(mention.2);
            found[k - 1] = (joined, "ORG".to_owned(), score, "news-model+org-keyword");
            found.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "Olaf Scholz met …": the model, which sees little at a sentence start, left out the given name
/// that opens the sentence right before the surname it found.
fn given_name_at_sentence_start(words: &[Word], span: CharSpan) -> CharSpan {
    let first = words.partition_point(|w| w.span.start < span.start);
    let Some(before) = first.checked_sub(1).map(|k| &words[k]) else {
        return span;
    };
    let given_name = before.sentence_start
        && before.is_capitalised()
        && !before.is_acronym()
        && !is_common_word(&before.lower)
        && gazetteer().title_at(words, first - 1).is_none()
        && gazetteer().name_at(words, first - 1).is_none()
        && span.start == before.span.end + 1;
    if given_name {
        CharSpan::new(before.span.start, span.end)
    } else {
        span
    }
}

/// A title at the start of a person's span stays outside it ("General Antonio Guterres").
fn drop_leading_title(words: &[Word], span: CharSpan) -> CharSpan {
    let gazetteer = gazetteer();
    let mut first = words.partition_point(|w| w.span.start < span.start);
    let last = words
        .partition_point(|w| w.span.end <= span.end)
        .saturating_sub(1);
    while first < last {
        match gazetteer.title_at(words, first) {
            Some(len) if first + len <= last => first += len,
            // "Kosovo PM Kurti": a country before a title stays outside too.
            _ => match gazetteer.name_at(words, first) {
                Some(hit)
                    if first + hit.len < last
                        && gazetteer.title_at(words, first + hit.len).is_some() =>
                {
                    first += hit.len;
                }
                _ => break,
            },
        }
    }
    match words.get(first) {
        Some(word) => CharSpan::new(word.span.start, span.end),
        None => span,
    }
}

/// Word boundaries that cut a written name: "U.S" loses its final full stop and "Chi" the "-wai"
/// of "Chi-wai". Extends the span over what is written without a space after it.
fn mend_boundaries(words: &[Word], chars: &[char], span: CharSpan, label: &str) -> CharSpan {
    let mut end = span.end;
    let last = words.partition_point(|w| w.span.end <= end);
    // "U.S." and "D.C.": an abbreviation of single letters keeps its final full stop.
    let dotted = words.get(last.wrapping_sub(1)).is_some_and(|w| {
        w.span.end == end
            && w.text.contains('.')
            && w.text.split('.').all(|part| part.chars().count() <= 1)
    });
    if dotted && chars.get(end) == Some(&'.') {
        end += 1;
    }
    // "Chi-wai": a hyphen and a word glued on, in a person's name ("EU-led" is not a name).
    if label == "PERSON"
        && let (Some(hyphen), Some(next)) = (words.get(last), words.get(last + 1))
        && hyphen.text == "-"
        && hyphen.span.start == end
        && next.span.start == hyphen.span.end
        && next.text.chars().all(char::is_alphabetic)
    {
        end = next.span.end;
    }
    CharSpan::new(span.start, end)
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
                .title_at(self.words, j)
                .filter(|len| j + len <= end && self.words[j].is_capitalised())
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

fn gazetteer_rule(kind: super::gazetteer::GazKind) -> &'static str {
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
