//! What a recommender sees: the document split into words and sentences, the schema, the layer's
//! existing annotations, entity mentions known so far, and what the analyst taught project-wide.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use super::labels::canonical;
use super::quotation_marks::{Quotation, quotations};
use crate::model::tokens;
use crate::model::{
    Annotation, AnnotationId, CharSpan, Document, Layer, LayerName, Project, Schema,
};

/// A word of the document: a Unicode word-boundary token (UAX #29, no whitespace) with a possessive
/// `'s` / `’s` split off, so that `Kosovo’s` gives the mention `Kosovo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Char offsets, half-open.
    pub span: CharSpan,
    pub text: String,
    /// `text` in lower case.
    pub lower: String,
    /// The first word of its sentence (or of a quotation opening it), whose capital letter says
    /// nothing about being a name.
    pub sentence_start: bool,
    /// Index of the sentence (in [`SuggestContext::sentences`]) that holds the word.
    pub sentence: usize,
}

impl Word {
    /// Starts with an upper-case letter (any script: `Вучић`, `Öcalan`).
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case (`EU`, `NATO`, `KFOR`).
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
    }

    pub fn is_number(&self) -> bool {
        self.text.chars().all(|c| c.is_ascii_digit())
    }

    /// Has no letter or digit (`,`, `"`, `-`, `🇽🇰`).
    pub fn is_punct(&self) -> bool {
        !self.text.chars().any(char::is_alphanumeric)
    }
}

/// An entity mention a structure recommender (quotes, events) may point at: an annotation of the
/// layer, or an entity suggestion made in the same run.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: CharSpan,
    pub label: String,
    /// The annotation, when the mention is already in the layer.
    pub existing: Option<AnnotationId>,
}

/// What the analyst has taught across the project, from one layer name over every document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingView {
    /// Exact surface form of an entity mention → label → how often the form carried it.
    pub forms: HashMap<String, BTreeMap<String, u32>>,
    /// Lower-cased event trigger text → event type → how often.
    pub triggers: HashMap<String, BTreeMap<String, u32>>,
    /// How many documents contributed.
    pub documents: usize,
    /// The forms split into words, by first word; built on first use, dropped by [`Self::add`].
    index: OnceLock<FormIndex>,
}

/// Surface forms by their first word, each with its words, its most frequent label and that label's
/// share of the form's annotations; longest first.
pub type FormIndex = HashMap<String, Vec<FormEntry>>;

/// A surface form the analyst labelled.
#[derive(Clone, Debug, PartialEq)]
pub struct FormEntry {
    pub words: Vec<String>,
    pub label: String,
    /// How often the form carried `label`, over how often it was annotated at all.
    pub share: f32,
    /// How often the form carried `label`.
    pub count: u32,
}

impl TrainingView {
    /// Everything `layer` holds across the project's documents.
    pub fn of_layer(project: &Project, layer: &LayerName) -> Self {
        let mut view = Self::default();
        for document in project.documents() {
            let key = crate::model::LayerKey::new(document.id.clone(), layer.clone());
            if let Some(annotations) = project.layer(&key) {
                view.add(document, annotations);
            }
        }
        view
    }

    /// The surface forms by first word (see [`FormIndex`]).
    pub fn form_index(&self) -> &FormIndex {
        self.index.get_or_init(|| {
            let mut index = FormIndex::new();
            for (form, labels) in &self.forms {
                let total: u32 = labels.values().sum();
                // The most frequent label; ties go to the first in name order, so runs agree.
                let Some((label, &count)) =
                    labels.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                else {
                    continue;
                };
                let words = split_words(form);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                index.entry(first).or_default().push(FormEntry {
                    words,
                    label: label.clone(),
                    share: count as f32 / total.max(1) as f32,
                    count,
                });
            }
            for entries in index.values_mut() {
                entries.sort_by(|a, b| {
                    b.words
                        .len()
                        .cmp(&a.words.len())
                        .then(a.words.cmp(&b.words))
                });
            }
            index
        })
    }

    /// Adds one document's layer.
    pub fn add(&mut self, document: &Document, layer: &Layer) {
        self.index = OnceLock::new();
        let mut any = false;
        for annotation in layer.iter() {
            match annotation {
                Annotation::Entity(e) => {
                    if let Some(text) = document.text.slice(e.span) {
                        *self
                            .forms
                            .entry(text.to_owned())
                            .or_default()
                            .entry(e.label.to_string())
                            .or_default() += 1;
                        any = true;
                    }
                }
                Annotation::Event(e) => {
                    if let Some(text) = document.text.slice(e.trigger) {
                        *self
                            .triggers
                            .entry(text.to_lowercase())
                            .or_default()
                            .entry(e.event_type.to_string())
                            .or_default() += 1;
                        any = true;
                    }
                }
                Annotation::Quote(_) => {}
            }
        }
        if any {
            self.documents += 1;
        }
    }
}

/// The input of [`super::Recommender::suggest`]. Built once per document and run.
#[derive(Debug)]
pub struct SuggestContext<'a> {
    pub document: &'a Document,
    pub schema: &'a Schema,
    /// The layer's annotations on this document, if it has any.
    pub layer: Option<&'a Layer>,
    pub training: &'a TrainingView,
    pub words: Vec<Word>,
    /// Sentences as char spans (see [`crate::model::tokens::sentences`]): never across a line break.
    pub sentences: Vec<CharSpan>,
    /// Entity mentions for quote speakers and event arguments: the layer's entities, then the entity
    /// suggestions of this run. Sorted by span; change it only through [`Self::add_mentions`].
    pub mentions: Vec<Mention>,
    /// For each mention, the largest end among it and those before it: lets "which mentions
    /// overlap or end at this place?" be answered without looking at every mention (a long
    /// document has hundreds of thousands).
    mention_max_end: Vec<usize>,
    /// The last words of the PERSON mentions of two words or more, made once when first asked
    /// for (see [`Self::person_surnames`]) and again after mentions are added.
    person_surnames: OnceLock<HashSet<String>>,
    /// The texts of the place mentions (GPE, LOC), made once when first asked for (see
    /// [`Self::place_names`]) and again after mentions are added.
    place_names: OnceLock<HashSet<String>>,
    /// The quotations of the text, found once when first asked for (see [`Self::quotations`]).
    quotations: OnceLock<Vec<Quotation>>,
    chars: Vec<char>,
}

impl<'a> SuggestContext<'a> {
    pub fn new(
        document: &'a Document,
        schema: &'a Schema,
        layer: Option<&'a Layer>,
        training: &'a TrainingView,
    ) -> Self {
        let (chars, words, sentences) = analyse(document.text.as_str());
        let mut mentions: Vec<Mention> = layer
            .into_iter()
            .flat_map(Layer::iter)
            .filter_map(Annotation::as_entity)
            .map(|e| Mention {
                span: e.span,
                label: e.label.to_string(),
                existing: Some(e.id),
            })
            .collect();
        mentions.sort_by_key(|m| m.span);
        Self {
            document,
            schema,
            layer,
            training,
            words,
            sentences,
            mention_max_end: max_ends(&mentions),
            mentions,
            person_surnames: OnceLock::new(),
            place_names: OnceLock::new(),
            quotations: OnceLock::new(),
            chars,
        }
    }

    /// The indices of the mentions starting inside `span` (they may end past it), in order.
    pub fn mentions_starting_in(&self, span: CharSpan) -> std::ops::Range<usize> {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        from..to.max(from)
    }

    /// Whether any mention overlaps `span` (as [`CharSpan::overlaps`]).
    pub fn mention_overlaps(&self, span: CharSpan) -> bool {
        let candidates = self.mentions.partition_point(|m| m.span.start < span.end);
        (0..candidates)
            .rev()
            .take_while(|&i| self.mention_max_end[i] > span.start)
            .any(|i| self.mentions[i].span.overlaps(span))
    }

    /// The indices of the mentions ending exactly at `end`, in order.
    pub fn mentions_ending_at(&self, end: usize) -> Vec<usize> {
        let candidates = self.mentions.partition_point(|m| m.span.start < end);
        let mut out: Vec<usize> = (0..candidates)
            .rev()
            .take_while(|&i| self.mention_max_end[i] >= end)
            .filter(|&i| self.mentions[i].span.end == end)
            .collect();
        out.reverse();
        out
    }

    /// The document's chars, for scanning.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The text a span covers; empty when out of bounds.
    pub fn text_of(&self, span: CharSpan) -> String {
        if span.start > span.end || span.end > self.chars.len() {
            return String::new();
        }
        self.chars[span.start..span.end].iter().collect()
    }

    /// The index of the first word that ends after `offset`.
    pub fn word_at_or_after(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= offset)
    }

    /// The words lying inside `span`, as an index range into [`Self::words`].
    pub fn word_range(&self, span: CharSpan) -> std::ops::Range<usize> {
        let start = self.words.partition_point(|w| w.span.start < span.start);
        let end = self.words.partition_point(|w| w.span.end <= span.end);
        start..end.max(start)
    }

    /// The index of the sentence holding `offset`.
    pub fn sentence_of(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.start <= offset)
            .map(|_| i)
    }

    /// Whether the schema has this entity label.
    pub fn has_label(&self, label: &str) -> bool {
        self.schema.entity_label(label).is_some()
    }

    /// Adds mentions (from entity suggestions), keeping the list sorted and without a mention that
    /// overlaps one already known.
    pub fn add_mentions(&mut self, more: impl IntoIterator<Item = Mention>) {
        // Comparing each new mention with every known one made a long document quadratic. Known
        // mentions sorted by start with the running maximum of their ends answer "does any of them
        // overlap this span?" by a binary search; the added ones never overlap one another, so
        // ordered by start their ends never decrease and only the nearest before can reach in.
        self.mentions.sort_by_key(|m| m.span);
        let mut max_end = 0;
        let known: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .map(|m| {
                max_end = max_end.max(m.span.end);
                (m.span.start, max_end)
            })
            .collect();
        let mut added: std::collections::BTreeMap<(usize, usize), Mention> = Default::default();
        for mention in more {
            let span = mention.span;
            let candidates = known.partition_point(|&(start, _)| start < span.end);
            let overlaps_known = candidates > 0 && known[candidates - 1].1 > span.start;
            let overlaps_added = added
                .range(..(span.end, 0))
                .next_back()
                .is_some_and(|(_, m)| m.span.overlaps(span));
            if !overlaps_known && !overlaps_added {
                added.insert((span.start, span.end), mention);
            }
        }
        self.mentions.extend(added.into_values());
        self.mentions.sort_by_key(|m| m.span);
        self.mention_max_end = max_ends(&self.mentions);
        self.person_surnames = OnceLock::new();
        self.place_names = OnceLock::new();
    }

    /// Every quotation of the text, paired marks and quotes running over paragraphs (see
    /// [`quotations`]). Made once: the text never changes.
    pub fn quotations(&self) -> &[Quotation] {
        self.quotations.get_or_init(|| quotations(&self.chars))
    }

    /// The first quotation whose opening mark is at char `at` or after it.
    pub fn quotation_from(&self, at: usize) -> Option<&Quotation> {
        let all = self.quotations();
        all.get(all.partition_point(|q| q.open < at))
    }

    /// Whether char `at` lies inside the content of a quotation (they are sorted and do not
    /// overlap: only the last one opening before `at` can hold it).
    pub fn inside_quotation(&self, at: usize) -> bool {
        let all = self.quotations();
        let i = all.partition_point(|q| q.open <= at);
        i > 0
            && all[i - 1]
                .contents
                .iter()
                .any(|c| c.start <= at && at < c.end)
    }

    /// The surnames of the people the mentions name: the last word of every PERSON mention of
    /// two words or more ("Bloomberg" of "Michael Bloomberg"). Made once per set of mentions:
    /// making it for every pronoun made a long document quadratic.
    pub fn person_surnames(&self) -> &HashSet<String> {
        self.person_surnames.get_or_init(|| {
            self.mentions
                .iter()
                .filter(|m| canonical(&m.label) == "PERSON")
                .filter_map(|m| {
                    let name = self.text_of(m.span);
                    let mut words = name.split_whitespace();
                    let last = words.next_back()?;
                    words.next().is_some().then(|| last.to_owned())
                })
                .collect()
        })
    }

    /// The texts of the mentions of places (GPE, LOC) in the document, as written ("Anjouan",
    /// "United States"). Made once per set of mentions.
    pub fn place_names(&self) -> &HashSet<String> {
        self.place_names.get_or_init(|| {
            self.mentions
                .iter()
                .filter(|m| matches!(canonical(&m.label), "GPE" | "LOC"))
                .map(|m| self.text_of(m.span))
                .collect()
        })
    }
}

/// The running maximum of the mentions' ends (see [`SuggestContext::mention_max_end`]).
fn max_ends(mentions: &[Mention]) -> Vec<usize> {
    let mut max_end = 0;
    mentions
        .iter()
        .map(|m| {
            max_end = max_end.max(m.span.end);
            max_end
        })
        .collect()
}

/// A text as recommenders read it: its chars, its words and its sentences.
pub fn analyse(text: &str) -> (Vec<char>, Vec<Word>, Vec<CharSpan>) {
    let chars: Vec<char> = text.chars().collect();
    let sentences = tokens::sentences(text);
    let words = words(&chars, &tokens::tokens(text), &sentences);
    (chars, words, sentences)
}

/// The word spans of a text: UAX #29 tokens with a possessive `'s` / `’s` split off.
pub fn word_spans(chars: &[char], token_spans: &[CharSpan]) -> Vec<CharSpan> {
    let mut out = Vec::with_capacity(token_spans.len() + token_spans.len() / 8);
    for &span in token_spans {
        let token = &chars[span.start..span.end];
        let n = token.len();
        let possessive = n > 2
            && matches!(token[n - 2], '\'' | '’')
            && matches!(token[n - 1], 's' | 'S')
            && token[..n - 2]
                .iter()
                .all(|c| c.is_alphanumeric() || *c == '-');
        if possessive {
            out.push(CharSpan::new(span.start, span.end - 2));
            out.push(CharSpan::new(span.end - 2, span.end));
        } else {
            out.push(span);
        }
    }
    out
}

/// The words of a short text (a gazetteer entry, a lexicon phrase), as strings.
pub fn split_words(text: &str) -> Vec<String> {
    // Thousands of gazetteer names are split at start-up, nearly all ASCII letters with single
    // spaces between words: there UAX #29 breaks at the spaces and nowhere else, and there is no
    // possessive to split off.
    let plain = !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
    if plain {
        return text.split(' ').map(str::to_owned).collect();
    }
    split_words_uax29(text)
}

/// [`split_words`] the long way, for any text.
pub(super) fn split_words_uax29(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    word_spans(&chars, &tokens::tokens(text))
        .into_iter()
        .map(|span| chars[span.start..span.end].iter().collect())
        .collect()
}

/// Words from UAX #29 tokens, possessives split off, each marked with its sentence.
fn words(chars: &[char], token_spans: &[CharSpan], sentences: &[CharSpan]) -> Vec<Word> {
    let mut out: Vec<Word> = word_spans(chars, token_spans)
        .into_iter()
        .map(|span| {
            let text: String = chars[span.start..span.end].iter().collect();
            let lower = text.to_lowercase();
            Word {
                span,
                text,
                lower,
                sentence_start: false,
                sentence: 0,
            }
        })
        .collect();
    // Mark sentences and sentence starts (skipping opening punctuation such as a quotation mark).
    let mut sentence = 0;
    let mut expect_start = true;
    for word in &mut out {
        while sentence + 1 < sentences.len() && sentences[sentence].end <= word.span.start {
            sentence += 1;
            expect_start = true;
        }
        if sentence == 0 && sentences.first().is_some_and(|s| s.start > word.span.start) {
            expect_start = true;
        }
        word.sentence = sentence;
        if expect_start && !word.is_punct() {
            word.sentence_start = true;
            expect_start = false;
        } else if !word.is_punct() {
            expect_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    #[test]
    fn possessives_split_and_sentence_starts_are_marked() {
        let doc = Document::from_raw(
            DocId::slug("t"),
            "t",
            "Kosovo’s PM met Вучић. \"We left,\" he said.",
        );
        let schema = Schema::default();
        let training = TrainingView::default();
        let ctx = SuggestContext::new(&doc, &schema, None, &training);
        let texts: Vec<&str> = ctx.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kosovo",
                "’s",
                "PM",
                "met",
                "Вучић",
                ".",
                "\"",
                "We",
                "left",
                ",",
                "\"",
                "he",
                "said",
                "."
            ]
        );
        let starts: Vec<&str> = ctx
            .words
            .iter()
            .filter(|w| w.sentence_start)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(starts, ["Kosovo", "We"]);
        assert!(ctx.words[4].is_capitalised());
    }
}

#[cfg(test)]
mod mention_index_tests {
    use super::*;
    use crate::model::DocId;

    /// Spans from a small deterministic generator, so a failure repeats.
    fn mentions(seed: u64, n: usize) -> Vec<Mention> {
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
                Mention {
                    span: CharSpan::new(start, start + 1 + next() % 12),
                    label: "PERSON".to_owned(),
                    existing: None,
                }
            })
            .collect()
    }

    #[test]
    fn mention_lookups_answer_as_looking_at_every_mention_would() {
        let doc = Document::from_raw(DocId::slug("t"), "t", &"x ".repeat(120));
        let schema = Schema::default();
        let training = TrainingView::default();
        for seed in 0..40 {
            let mut ctx = SuggestContext::new(&doc, &schema, None, &training);
            ctx.add_mentions(mentions(seed, 30));
            ctx.add_mentions(mentions(seed + 500, 30));
            // Added mentions never overlap one another.
            for (i, a) in ctx.mentions.iter().enumerate() {
                for b in &ctx.mentions[i + 1..] {
                    assert!(!a.span.overlaps(b.span), "seed {seed}: {a:?} {b:?}");
                }
            }
            for probe in mentions(seed + 1000, 60) {
                let span = probe.span;
                let naive_overlap = ctx.mentions.iter().any(|m| m.span.overlaps(span));
                assert_eq!(ctx.mention_overlaps(span), naive_overlap, "seed {seed}");
                let naive_ending: Vec<usize> = (0..ctx.mentions.len())
                    .filter(|&i| ctx.mentions[i].span.end == span.end)
                    .collect();
                assert_eq!(ctx.mentions_ending_at(span.end), naive_ending);
                let naive_starting: Vec<usize> = (0..ctx.mentions.len())
                    .filter(|&i| span.contains(ctx.mentions[i].span.start))
                    .collect();
                assert_eq!(
                    ctx.mentions_starting_in(span).collect::<Vec<_>>(),
                    naive_starting
                );
            }
        }
    }
}
