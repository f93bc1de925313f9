//! Quotes: direct quotes from pairs of quotation marks, indirect quotes from "X said that …", each
//! with its cue ("said", "told reporters", "said in a statement") and speaker.
//!
//! Rules, in the order they are tried (the suggestion's `rule` names the one that fired):
//! - `direct:cue-after`: `"…," he said.` / `"…," said Kurti.` — a cue within the words after the
//!   closing mark, before the sentence ends.
//! - `direct:cue-before`: `Kurti said: "…"` — a cue shortly before the opening mark.
//! - `direct:no-cue`: a quotation of three words or more with no cue near it (low score).
//! - `indirect:that`: `Vucic told reporters after his meeting that …` — the content runs to the end
//!   of the sentence; `mixed` when it holds a quotation.
//! - `indirect:according-to`: `According to Kurti, …`.
//!
//! The speaker is the nearest allowed mention beside the cue (the schema's speaker labels). A pronoun
//! beside the cue ("he said") resolves, within three sentences, to the latest compatible mention
//! standing before a cue ("Rutte said …"), else to the speaker of the latest quote, else to the
//! latest sentence's first compatible mention (its subject, roughly); failing all, to the latest
//! compatible mention.
//! Such speakers are marked `resolved_by: "pronoun"` with the pronoun's span.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{CharSpan, QuoteKind};

use super::context::{Mention, SuggestContext};
use super::labels::canonical;
use super::lexicon::{PronounRef, pronoun};
use super::quotation_marks::{pairs, trim_content};
use super::{Recommender, SpeakerSuggestion, Suggestion, SuggestionKind};

/// The recommender's name.
pub const NAME: &str = "quotes";

/// Cue phrases, matched on whole words without regard to case; longer phrases win.
const CUES: &[&str] = &[
    "said in a statement",
    "said in a press release",
    "said in an interview",
    "said on twitter",
    "said on x",
    "said on social media",
    "told reporters",
    "told journalists",
    "told the press",
    "told the media",
    "told a news conference",
    "told a press conference",
    "told parliament",
    "told lawmakers",
    "told state television",
    "told state media",
    "wrote on twitter",
    "wrote on x",
    "wrote on facebook",
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "explained",
    "argued",
    "insisted",
    "warned",
    "claimed",
    "wrote",
    "announced",
    "declared",
    "replied",
    "responded",
    "commented",
    "stressed",
    "emphasised",
    "emphasized",
    "underlined",
    "confirmed",
    "acknowledged",
    "admitted",
    "tweeted",
    "posted",
    "continued",
    "concluded",
    "recalled",
    "suggested",
    "maintained",
    "reiterated",
    "asserted",
    "рекао",
    "рекла",
    "изјавио",
    "изјавила",
    "сказал",
    "сказала",
    "заявил",
    "заявила",
];

/// How many sentences back a pronoun may look for the previous speaker.
const PRONOUN_REACH: usize = 3;

#[derive(Clone, Copy, Debug, Default)]
pub struct Quotes;

impl Recommender for Quotes {
    fn name(&self) -> &str {
        NAME
    }

    fn needs_mentions(&self) -> bool {
        true
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        if !ctx.schema.quotes.enabled {
            return Vec::new();
        }
        let mut candidates = direct_quotes(ctx);
        // Quotations with a cue are quotes of their own; those without may be fragments of a
        // reported quote ("said that the project showed "what solidarity means"").
        let attributed: Vec<CharSpan> = candidates
            .iter()
            .filter(|c| c.cue.is_some())
            .flat_map(|c| c.content.clone())
            .collect();
        let indirect = indirect_quotes(ctx, &attributed);
        candidates.retain(|c| {
            c.cue.is_some()
                || !indirect.iter().any(|i| {
                    i.content
                        .iter()
                        .any(|span| c.content.iter().any(|f| span.overlaps(*f)))
                })
        });
        candidates.extend(indirect);
        candidates.sort_by_key(|c| c.anchor);
        resolve_speakers(ctx, candidates)
    }
}

/// Who stands beside a cue, before speakers are resolved.
#[derive(Clone, Debug, PartialEq)]
enum Subject {
    None,
    Mention(usize),
    Pronoun(CharSpan, PronounRef),
}

#[derive(Clone, Debug)]
struct Candidate {
    content: Vec<CharSpan>,
    cue: Option<CharSpan>,
    subject: Subject,
    kind: QuoteKind,
    rule: &'static str,
    score: f32,
    /// Where the attribution happens (cue start, else content start): the order of resolution.
    anchor: usize,
}

/// Cue phrases by first word, longest first.
fn cue_phrases() -> &'static HashMap<String, Vec<Vec<String>>> {
    static PHRASES: OnceLock<HashMap<String, Vec<Vec<String>>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for cue in CUES {
            let words: Vec<String> = cue.split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                phrases.entry(first.clone()).or_default().push(words);
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        phrases
    })
}

/// The length in words of the longest cue starting at word `i`.
fn cue_at(ctx: &SuggestContext, i: usize) -> Option<usize> {
    let words = &ctx.words;
    let candidates = cue_phrases().get(&words.get(i)?.lower)?;
    candidates.iter().find_map(|phrase| {
        let fits = phrase.len() <= words.len() - i
            && phrase.iter().zip(&words[i..]).all(|(p, w)| *p == w.lower);
        fits.then_some(phrase.len())
    })
}

fn cue_span(ctx: &SuggestContext, i: usize, len: usize) -> CharSpan {
    CharSpan::new(ctx.words[i].span.start, ctx.words[i + len - 1].span.end)
}

fn direct_quotes(ctx: &SuggestContext) -> Vec<Candidate> {
    let words = &ctx.words;
    let mut out: Vec<Candidate> = Vec::new();
    for (open, content, close_end) in pairs(ctx.chars()) {
        let inner = ctx.word_range(content);
        let word_count = words[inner.clone()]
            .iter()
            .filter(|w| !w.is_punct())
            .count();
        let mut candidate = Candidate {
            content: vec![content],
            cue: None,
            subject: Subject::None,
            kind: QuoteKind::Direct,
            rule: "direct:no-cue",
            score: 0.4,
            anchor: content.start,
        };
        if let Some((cue, len, subject)) = cue_after(ctx, close_end) {
            candidate.cue = Some(cue_span(ctx, cue, len));
            candidate.subject = subject;
            candidate.rule = "direct:cue-after";
        } else if let Some((cue, len, subject)) = cue_before(ctx, open) {
            candidate.cue = Some(cue_span(ctx, cue, len));
            candidate.subject = subject;
            candidate.rule = "direct:cue-before";
        } else if word_count < 3 {
            // Two words in quotation marks without a cue: a title or scare quotes, not a quote.
            continue;
        }
        if let Some(cue) = candidate.cue {
            candidate.anchor = cue.start;
            candidate.score = if candidate.subject == Subject::None {
                0.6
            } else {
                0.9
            };
        }
        // `"…," he said, "…"`: the second part shares the first part's cue.
        if let Some(previous) = out.last_mut()
            && previous.cue.is_some()
            && previous.cue == candidate.cue
        {
            previous.content.push(content);
            continue;
        }
        out.push(candidate);
    }
    out
}

/// A cue right after a closing mark: `"…," he said` or `"…," said Kurti`.
fn cue_after(ctx: &SuggestContext, close_end: usize) -> Option<(usize, usize, Subject)> {
    let words = &ctx.words;
    let first = ctx.word_at_or_after(close_end);
    let chars = ctx.chars();
    let line_end = (close_end..chars.len())
        .find(|&p| chars[p] == '\n')
        .unwrap_or(chars.len());
    let mut seen = 0;
    let mut k = first;
    while k < words.len() && seen < 6 {
        let word = &words[k];
        if word.span.start >= line_end
            || matches!(word.text.as_str(), "." | "!" | "?" | "\"" | "“" | "”")
        {
            return None;
        }
        if let Some(len) = cue_at(ctx, k) {
            let subject = subject_before(ctx, first, k).or_else(|| subject_after(ctx, k + len));
            return Some((k, len, subject.unwrap_or(Subject::None)));
        }
        if !word.is_punct() {
            seen += 1;
        }
        k += 1;
    }
    None
}

/// A cue shortly before an opening mark: `Kurti said: "…"`.
fn cue_before(ctx: &SuggestContext, open: usize) -> Option<(usize, usize, Subject)> {
    let words = &ctx.words;
    let end = ctx.word_at_or_after(open);
    let sentence = ctx.sentence_of(open)?;
    let mut gap = 0;
    let mut k = end;
    while k > 0 && gap <= 4 {
        k -= 1;
        if words[k].sentence != sentence {
            return None;
        }
        if let Some(len) = cue_at(ctx, k)
            && k + len <= end
        {
            let sentence_start = ctx.word_at_or_after(ctx.sentences[sentence].start);
            let subject =
                subject_before(ctx, sentence_start, k).or_else(|| subject_after(ctx, k + len));
            return Some((k, len, subject.unwrap_or(Subject::None)));
        }
        if !words[k].is_punct() {
            gap += 1;
        }
    }
    None
}

/// The nearest allowed mention, or a pronoun, in words `[from, cue)`, right before the cue (at
/// most two other words between, such as "also").
fn subject_before(ctx: &SuggestContext, from: usize, cue: usize) -> Option<Subject> {
    let words = &ctx.words;
    let mut k = cue;
    let mut gap = 0;
    while k > from && gap <= 2 {
        k -= 1;
        let word = &words[k];
        if let Some(index) = mention_ending_at(ctx, word.span.end) {
            return Some(Subject::Mention(index));
        }
        if let Some(reference) = pronoun(&word.lower) {
            return Some(Subject::Pronoun(word.span, reference));
        }
        if word.is_punct() {
            return None;
        }
        gap += 1;
    }
    None
}

/// The first allowed mention in the clause after a cue ("said Serbian President Aleksandar Vucic"),
/// a person preferred.
fn subject_after(ctx: &SuggestContext, from: usize) -> Option<Subject> {
    let words = &ctx.words;
    let start = words.get(from)?.span.start;
    let mut end = start;
    for word in words[from..].iter().take(8) {
        if matches!(word.text.as_str(), "." | "," | ";" | "!" | "?" | ":") {
            break;
        }
        end = word.span.end;
    }
    let clause = CharSpan::new(start, end);
    let inside: Vec<usize> = ctx
        .mentions_starting_in(clause)
        .filter(|&i| clause.contains_span(ctx.mentions[i].span) && allowed(ctx, &ctx.mentions[i]))
        .collect();
    inside
        .iter()
        .find(|&&i| canonical(&ctx.mentions[i].label) == "PERSON")
        .or(inside.first())
        .map(|&i| Subject::Mention(i))
}

/// The allowed mention that ends exactly at `end`.
fn mention_ending_at(ctx: &SuggestContext, end: usize) -> Option<usize> {
    ctx.mentions_ending_at(end)
        .into_iter()
        .find(|&i| allowed(ctx, &ctx.mentions[i]))
}

/// Whether the schema lets this mention be a speaker.
fn allowed(ctx: &SuggestContext, mention: &Mention) -> bool {
    let labels = &ctx.schema.quotes.speaker_labels;
    if labels.is_empty() {
        matches!(canonical(&mention.label), "PERSON" | "ORG" | "GPE" | "NORP")
    } else {
        labels.contains(&mention.label)
    }
}

fn indirect_quotes(ctx: &SuggestContext, direct: &[CharSpan]) -> Vec<Candidate> {
    let words = &ctx.words;
    let mut out = Vec::new();
    for sentence in &ctx.sentences {
        if direct
            .iter()
            .any(|d| d.overlaps(*sentence) && d.len() * 2 > sentence.len())
        {
            continue;
        }
        let range = ctx.word_range(*sentence);
        let content_end = sentence_content_end(ctx, *sentence);
        // "According to Kurti, …"
        if let (Some(first), Some(second)) = (words.get(range.start), words.get(range.start + 1))
            && first.lower == "according"
            && second.lower == "to"
            && let Some(comma) = (range.start + 2..range.end).find(|&k| words[k].text == ",")
            && let Some(Subject::Mention(index)) = subject_before(ctx, range.start + 2, comma)
            && let Some(content) = trim_content(ctx.chars(), words[comma].span.end, content_end)
        {
            out.push(Candidate {
                content: vec![content],
                cue: Some(CharSpan::new(first.span.start, second.span.end)),
                subject: Subject::Mention(index),
                kind: kind_of(ctx, content),
                rule: "indirect:according-to",
                score: 0.7,
                anchor: first.span.start,
            });
            continue;
        }
        let mut k = range.start;
        while k < range.end {
            let Some(len) = cue_at(ctx, k) else {
                k += 1;
                continue;
            };
            // "that" within a few words after the cue: "told reporters after his meeting that".
            let that = (k + len..range.end.min(k + len + 6))
                .take_while(|&j| !matches!(words[j].text.as_str(), "." | ";" | "\"" | "“"))
                .find(|&j| words[j].lower == "that");
            let subject = subject_before(ctx, range.start, k);
            if let (Some(that), Some(subject)) = (that, subject)
                && let Some(content) = trim_content(ctx.chars(), words[that].span.end, content_end)
                && !direct.iter().any(|d| d.overlaps(content))
            {
                let cue = cue_span(ctx, k, len);
                out.push(Candidate {
                    content: vec![content],
                    cue: Some(cue),
                    subject,
                    kind: kind_of(ctx, content),
                    rule: "indirect:that",
                    score: 0.75,
                    anchor: cue.start,
                });
                break;
            }
            k += len;
        }
    }
    out
}

/// Where an indirect quote's content ends: the sentence end without its final punctuation.
fn sentence_content_end(ctx: &SuggestContext, sentence: CharSpan) -> usize {
    let chars = ctx.chars();
    let mut end = sentence.end;
    while end > sentence.start && matches!(chars[end - 1], '.' | '!' | '?' | ' ') {
        end -= 1;
    }
    end
}

/// Mixed when the reported content holds a quotation, indirect otherwise.
fn kind_of(ctx: &SuggestContext, content: CharSpan) -> QuoteKind {
    let inner: Vec<char> = ctx.chars()[content.start..content.end].to_vec();
    if pairs(&inner).is_empty() {
        QuoteKind::Indirect
    } else {
        QuoteKind::Mixed
    }
}

/// Turns subjects into speakers, in document order, so that "he said" can refer to the speaker
/// of the quote before.
fn resolve_speakers(ctx: &SuggestContext, candidates: Vec<Candidate>) -> Vec<Suggestion> {
    let mut last_speaker: Option<(usize, usize)> = None; // (mention index, sentence)
    let mut out = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let sentence = ctx.sentence_of(candidate.anchor).unwrap_or(0);
        let speaker = match candidate.subject {
            Subject::None => None,
            Subject::Mention(index) => {
                last_speaker = Some((index, sentence));
                ctx.mentions.get(index).map(|m| SpeakerSuggestion {
                    span: m.span,
                    label: m.label.clone(),
                    resolved_by: "adjacent".to_owned(),
                    pronoun: None,
                })
            }
            Subject::Pronoun(span, reference) => {
                let resolved = resolve_pronoun(ctx, span, reference, last_speaker, sentence);
                if let Some(index) = resolved {
                    last_speaker = Some((index, sentence));
                }
                resolved
                    .and_then(|i| ctx.mentions.get(i))
                    .map(|m| SpeakerSuggestion {
                        span: m.span,
                        label: m.label.clone(),
                        resolved_by: "pronoun".to_owned(),
                        pronoun: Some(span),
                    })
            }
        };
        let score = if candidate.cue.is_some() && speaker.is_none() {
            candidate.score.min(0.6)
        } else {
            candidate.score
        };
        out.push(Suggestion {
            kind: SuggestionKind::Quote {
                content: candidate.content,
                cue: candidate.cue,
                speaker,
                quote_kind: candidate.kind,
            },
            score,
            recommender: NAME.to_owned(),
            rule: candidate.rule.to_owned(),
        });
    }
    out
}

/// The mention a pronoun at `span` stands for (see the module documentation).
fn resolve_pronoun(
    ctx: &SuggestContext,
    span: CharSpan,
    reference: PronounRef,
    last_speaker: Option<(usize, usize)>,
    sentence: usize,
) -> Option<usize> {
    let compatible = |m: &Mention| {
        allowed(ctx, m)
            && match reference {
                PronounRef::Person => canonical(&m.label) == "PERSON",
                PronounRef::Group => true,
            }
    };
    // The latest mention standing before a cue ("Rutte said the alliance…"), whether or not that
    // made a quote.
    let pronoun_word = ctx.word_at_or_after(span.start);
    for k in (0..pronoun_word).rev() {
        let word = &ctx.words[k];
        if sentence.saturating_sub(word.sentence) > PRONOUN_REACH {
            break;
        }
        if cue_at(ctx, k).is_some() {
            let sentence_start = ctx.word_at_or_after(ctx.sentences[word.sentence].start);
            if let Some(Subject::Mention(index)) = subject_before(ctx, sentence_start, k)
                && ctx.mentions.get(index).is_some_and(compatible)
            {
                return Some(index);
            }
        }
    }
    if let Some((index, at)) = last_speaker
        && sentence.saturating_sub(at) <= PRONOUN_REACH
        && ctx.mentions.get(index).is_some_and(compatible)
    {
        return Some(index);
    }
    // Only mentions within reach can be the sentence-opening subject; the fallback is the last
    // compatible mention before the pronoun, however far. (Looking at every mention of the
    // document for every pronoun made a long document quadratic.)
    let reach = ctx
        .sentences
        .get(sentence.saturating_sub(PRONOUN_REACH))
        .map_or(0, |s| s.start);
    let before_pronoun = ctx.mentions.partition_point(|m| m.span.start < span.start);
    let is_before =
        |i: usize| ctx.mentions[i].span.end <= span.start && compatible(&ctx.mentions[i]);
    let within_reach: Vec<usize> = ctx
        .mentions_starting_in(CharSpan::new(reach, span.start.max(reach)))
        .filter(|&i| is_before(i))
        .collect();
    // The subject, roughly: the first compatible mention of its sentence.
    let opens_sentence = |i: usize| {
        let m = &ctx.mentions[i];
        ctx.sentence_of(m.span.start).is_some_and(|s| {
            let sentence = ctx.sentences[s];
            !ctx.mentions_starting_in(CharSpan::new(sentence.start, m.span.start))
                .any(|j| j != i && is_before(j) && sentence.contains_span(ctx.mentions[j].span))
        })
    };
    within_reach
        .iter()
        .rev()
        .find(|&&i| {
            opens_sentence(i)
                && ctx
                    .sentence_of(ctx.mentions[i].span.start)
                    .is_some_and(|s| sentence.saturating_sub(s) <= PRONOUN_REACH)
        })
        .copied()
        .or_else(|| (0..before_pronoun).rev().find(|&i| is_before(i)))
}
