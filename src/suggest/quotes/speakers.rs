//! What a pronoun ("he said") or a role noun ("the minister said", "the ministry said") beside a
//! cue stands for: the speakers found as `pronoun`, `role-noun` and `organisation` (see the
//! module documentation of `quotes` for the rules in order).

use crate::model::CharSpan;

use super::super::context::{Mention, SuggestContext};
use super::super::labels::canonical;
use super::super::lexicon::PronounRef;
use super::{PRONOUN_REACH, RoleRef, Subject, allowed, cue_at, subject_before};

/// The mention a role noun stands for: for a person's office ("the minister") the latest person
/// carrying that title ("Prime Minister Albin Kurti"), else the latest person within reach; for an
/// organisation ("the ministry") the latest allowed organisation whose name holds the noun, else
/// the latest organisation within reach.
pub(super) fn resolve_role(
    ctx: &SuggestContext,
    span: CharSpan,
    role: RoleRef,
) -> Option<(usize, &'static str)> {
    let noun = ctx.text_of(span).split_whitespace().last()?.to_lowercase();
    let before = ctx.mentions.partition_point(|m| m.span.start < span.start);
    let sentence = ctx.sentence_of(span.start).unwrap_or(0);
    let within_reach = |i: usize| {
        ctx.sentence_of(ctx.mentions[i].span.start)
            .is_some_and(|s| sentence.saturating_sub(s) <= PRONOUN_REACH)
    };
    // The latest few hundred mentions are far enough back; looking at all of them for every role
    // noun would make a long document quadratic.
    let candidates = (before.saturating_sub(300)..before)
        .rev()
        .filter(|&i| ctx.mentions[i].span.end <= span.start && allowed(ctx, &ctx.mentions[i]));
    match role {
        RoleRef::Person => {
            let people: Vec<usize> = candidates
                .filter(|&i| canonical(&ctx.mentions[i].label) == "PERSON")
                .collect();
            // The role in the mention or in its title, before it and after the mention before.
            let titled = |i: usize| {
                let m = &ctx.mentions[i];
                let previous_end = i
                    .checked_sub(1)
                    .map_or(0, |p| ctx.mentions[p].span.end.min(m.span.start));
                let from = m.span.start.saturating_sub(40).max(previous_end);
                ctx.text_of(CharSpan::new(from, m.span.end))
                    .to_lowercase()
                    .contains(&noun)
            };
            people
                .iter()
                .find(|&&i| titled(i))
                .or_else(|| people.iter().find(|&&i| within_reach(i)))
                .map(|&i| (i, "role-noun"))
        }
        RoleRef::Organisation => {
            let groups: Vec<usize> = candidates
                .filter(|&i| canonical(&ctx.mentions[i].label) != "PERSON")
                .collect();
            groups
                .iter()
                .find(|&&i| {
                    ctx.text_of(ctx.mentions[i].span)
                        .to_lowercase()
                        .contains(&noun)
                })
                .or_else(|| {
                    groups
                        .iter()
                        .find(|&&i| canonical(&ctx.mentions[i].label) == "ORG" && within_reach(i))
                })
                .map(|&i| (i, "organisation"))
        }
    }
}

/// The mention a pronoun at `span` stands for (see the module documentation of `quotes`).
pub(super) fn resolve_pronoun(
    ctx: &SuggestContext,
    span: CharSpan,
    reference: PronounRef,
    last_speaker: Option<(usize, usize)>,
    sentence: usize,
) -> Option<usize> {
    // A one-word mention labelled otherwise that is the surname of a person named in the
    // document ("Bloomberg" beside "Michael Bloomberg") is that person.
    let surnames = ctx.person_surnames();
    let compatible = |m: &Mention| {
        allowed(ctx, m)
            && match reference {
                PronounRef::Person => {
                    canonical(&m.label) == "PERSON" || {
                        let name = ctx.text_of(m.span);
                        !name.contains(char::is_whitespace) && surnames.contains(&name)
                    }
                }
                PronounRef::Group => true,
            }
    };
    // The latest mention standing before a cue ("Rutte said the alliance…"), whether or not that
    // made a quote.
    // But the subject of the sentence just before, in the same paragraph, is nearer ("For Kevin
    // Allton, Warhol was a legend. He said, …" after an earlier "Kiara Perkins admitted").
    let previous_subject = ctx
        .sentence_of(span.start)
        .and_then(|s| s.checked_sub(1))
        .and_then(|s| ctx.sentences.get(s))
        .and_then(|previous| {
            // Only its part in the pronoun's paragraph.
            let paragraph = (previous.start..span.start)
                .rev()
                .find(|&k| ctx.chars()[k] == '\n')
                .map_or(previous.start, |k| k + 1);
            let previous = CharSpan::new(paragraph, previous.end.max(paragraph));
            ctx.mentions_starting_in(previous).find(|&i| {
                previous.contains_span(ctx.mentions[i].span) && compatible(&ctx.mentions[i])
            })
        });
    let pronoun_word = ctx.word_at_or_after(span.start);
    for k in (0..pronoun_word).rev() {
        let word = &ctx.words[k];
        if sentence.saturating_sub(word.sentence) > PRONOUN_REACH {
            break;
        }
        if cue_at(ctx, k).is_some() {
            let sentence_start = ctx.word_at_or_after(ctx.sentences[word.sentence].start);
            if let Some(Subject::Mention(index, _)) = subject_before(ctx, sentence_start, k)
                && ctx.mentions.get(index).is_some_and(compatible)
            {
                return match previous_subject {
                    Some(nearer)
                        if ctx.mentions[nearer].span.start > ctx.mentions[index].span.end =>
                    {
                        Some(nearer)
                    }
                    _ => Some(index),
                };
            }
        }
    }
    if let Some((index, at)) = last_speaker
        && sentence.saturating_sub(at) <= PRONOUN_REACH
        && ctx.mentions.get(index).is_some_and(compatible)
    {
        return match previous_subject {
            Some(nearer) if ctx.mentions[nearer].span.start > ctx.mentions[index].span.end => {
                Some(nearer)
            }
            _ => Some(index),
        };
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
