//! Events: triggers from a lexicon per event type of the schema (`assets/gazetteers/
//! event_triggers.txt`) and from the analyst's own triggers; arguments from entity mentions in the
//! same sentence, by position and label.
//!
//! Arguments: a time role takes the DATE mention nearest the trigger; a place role the nearest
//! place mention after "in", "at" or "near"; the type's first other role is the actor: for a
//! Participant, every mention before the trigger of the best-ranked label present (PERSON, then ORG,
//! GPE, NORP), and those after "with"; for another actor role (Agent, Attacker), the nearest mention
//! before the trigger in the same clause. The next role with labels (Target, Recipient) takes the
//! first fitting mention shortly after the trigger, in the same clause.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{CharSpan, EventType, RoleDef};

use super::context::{Mention, SuggestContext, split_words};
use super::labels::canonical;
use super::{ArgumentSuggestion, Recommender, Suggestion, SuggestionKind};

/// The recommender's name.
pub const NAME: &str = "events";

const LEXICON: &str = include_str!("../../assets/gazetteers/event_triggers.txt");

/// The order in which label classes make an actor.
const ACTOR_RANK: &[&str] = &["PERSON", "ORG", "GPE", "NORP"];

#[derive(Clone, Copy, Debug, Default)]
pub struct Events;

/// One lexicon line: the keys that identify an event type, and its trigger phrases (lower case).
struct LexiconLine {
    keys: Vec<String>,
    triggers: Vec<Vec<String>>,
}

fn lexicon() -> &'static [LexiconLine] {
    static LINES: OnceLock<Vec<LexiconLine>> = OnceLock::new();
    LINES.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .filter_map(|line| {
                let (keys, triggers) = line.split_once('|')?;
                Some(LexiconLine {
                    keys: keys.split(',').map(|k| k.trim().to_lowercase()).collect(),
                    triggers: triggers
                        .split(',')
                        .map(|t| split_words(&t.trim().to_lowercase()))
                        .filter(|t| !t.is_empty())
                        .collect(),
                })
            })
            .collect()
    })
}

/// A trigger phrase, the schema type it signals, and its score.
struct Trigger<'s> {
    words: Vec<String>,
    event_type: &'s EventType,
    score: f32,
    rule: &'static str,
}

/// The triggers for this schema: the analyst's first (by how often each carried its type), then the
/// lexicon's; longest first.
fn triggers<'s>(ctx: &SuggestContext<'s>) -> Vec<Trigger<'s>> {
    let schema = ctx.schema;
    let mut out: Vec<Trigger<'s>> = Vec::new();
    for (text, types) in &ctx.training.triggers {
        let total: u32 = types.values().sum();
        let best = types
            .iter()
            .filter(|(name, _)| schema.event_type(name).is_some())
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
        if let Some((name, &count)) = best
            && let Some(event_type) = schema.event_type(name)
        {
            out.push(Trigger {
                words: split_words(text),
                event_type,
                score: 0.5 + 0.4 * count as f32 / total.max(1) as f32,
                rule: "learned-trigger",
            });
        }
    }
    for line in lexicon() {
        let Some(event_type) = schema.event_types.iter().find(|ty| {
            let name = ty.name.to_lowercase();
            let parts: Vec<&str> = name.split(['.', '-', '_', ' ']).collect();
            line.keys.iter().any(|key| parts.contains(&key.as_str()))
        }) else {
            continue;
        };
        for words in &line.triggers {
            if !out.iter().any(|t| t.words == *words) {
                out.push(Trigger {
                    words: words.clone(),
                    event_type,
                    score: 0.6,
                    rule: "lexicon",
                });
            }
        }
    }
    out.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    out
}

impl Recommender for Events {
    fn name(&self) -> &str {
        NAME
    }

    fn needs_mentions(&self) -> bool {
        true
    }

    fn suggest(&self, ctx: &SuggestContext) -> Vec<Suggestion> {
        if ctx.schema.event_types.is_empty() {
            return Vec::new();
        }
        let triggers = triggers(ctx);
        let mut by_first: HashMap<&str, Vec<&Trigger>> = HashMap::new();
        for trigger in &triggers {
            if let Some(first) = trigger.words.first() {
                by_first.entry(first.as_str()).or_default().push(trigger);
            }
        }
        let words = &ctx.words;
        let mut out = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let found = by_first
                .get(words[k].lower.as_str())
                .and_then(|candidates| {
                    candidates.iter().copied().find(|t| {
                        t.words.len() <= words.len() - k
                            && t.words.iter().zip(&words[k..]).all(|(a, w)| *a == w.lower)
                    })
                });
            let Some(trigger) = found else {
                k += 1;
                continue;
            };
            let end = k + trigger.words.len();
            let span = CharSpan::new(words[k].span.start, words[end - 1].span.end);
            // A trigger word inside a name ("Belgrade-Pristina Dialogue") is part of the name.
            if ctx.mention_overlaps(span) {
                k = end;
                continue;
            }
            out.push(Suggestion {
                kind: SuggestionKind::Event {
                    trigger: span,
                    event_type: trigger.event_type.name.clone(),
                    arguments: arguments(ctx, span, trigger.event_type),
                },
                score: trigger.score,
                recommender: NAME.to_owned(),
                rule: trigger.rule.to_owned(),
            });
            k = end;
        }
        out
    }
}

fn is_time_role(role: &RoleDef) -> bool {
    role.name.to_lowercase().contains("time")
        || (!role.labels.is_empty() && role.labels.iter().all(|l| canonical(l) == "DATE"))
}

fn is_place_role(role: &RoleDef) -> bool {
    let name = role.name.to_lowercase();
    ["place", "location", "destination", "origin"]
        .iter()
        .any(|p| name.contains(p))
}

fn fits(role: &RoleDef, mention: &Mention) -> bool {
    role.labels.is_empty() || role.labels.contains(&mention.label)
}

/// The arguments for a trigger at `trigger` (see the module documentation).
fn arguments(
    ctx: &SuggestContext,
    trigger: CharSpan,
    event_type: &EventType,
) -> Vec<ArgumentSuggestion> {
    let Some(sentence) = ctx.sentence_of(trigger.start).map(|s| ctx.sentences[s]) else {
        return Vec::new();
    };
    let in_sentence: Vec<&Mention> = ctx.mentions[ctx.mentions_starting_in(sentence)]
        .iter()
        .filter(|m| sentence.contains_span(m.span) && !m.span.overlaps(trigger))
        .collect();
    let mut used: Vec<CharSpan> = Vec::new();
    let mut out = Vec::new();
    let add = |out: &mut Vec<ArgumentSuggestion>,
               used: &mut Vec<CharSpan>,
               role: &RoleDef,
               m: &Mention| {
        used.push(m.span);
        out.push(ArgumentSuggestion {
            role: role.name.clone(),
            span: m.span,
            label: m.label.clone(),
        });
    };
    for role in event_type.roles.iter().filter(|r| is_time_role(r)) {
        let nearest = in_sentence
            .iter()
            .filter(|m| canonical(&m.label) == "DATE" && fits(role, m))
            .min_by_key(|m| distance(m.span, trigger));
        if let Some(m) = nearest {
            add(&mut out, &mut used, role, m);
        }
    }
    for role in event_type.roles.iter().filter(|r| is_place_role(r)) {
        let nearest = in_sentence
            .iter()
            .filter(|m| {
                matches!(canonical(&m.label), "GPE" | "LOC")
                    && fits(role, m)
                    && !used.contains(&m.span)
                    && word_before(ctx, m.span)
                        .is_some_and(|w| matches!(w.as_str(), "in" | "at" | "near"))
            })
            .min_by_key(|m| distance(m.span, trigger));
        if let Some(m) = nearest {
            add(&mut out, &mut used, role, m);
        }
    }
    let mut others = event_type
        .roles
        .iter()
        .filter(|r| !is_time_role(r) && !is_place_role(r) && !r.labels.is_empty());
    if let Some(actor) = others.next() {
        let before: Vec<&&Mention> = in_sentence
            .iter()
            .filter(|m| m.span.end <= trigger.start && fits(actor, m) && !used.contains(&m.span))
            .collect();
        if is_participant(actor) {
            // Every mention of the best-ranked class: "Vucic and Kurti met", and for the others
            // met, "held meetings with Vucic and Kurti".
            let after_with: Vec<&&Mention> = in_sentence
                .iter()
                .filter(|m| {
                    m.span.start >= trigger.end && fits(actor, m) && !used.contains(&m.span)
                })
                .filter(|m| {
                    ctx.text_of(CharSpan::new(trigger.end, m.span.start))
                        .split_whitespace()
                        .any(|w| w == "with")
                })
                .collect();
            for group in [before, after_with] {
                let class = ACTOR_RANK
                    .iter()
                    .find(|class| group.iter().any(|m| canonical(&m.label) == **class));
                for m in group
                    .iter()
                    .filter(|m| class.is_some_and(|c| canonical(&m.label) == *c))
                {
                    add(&mut out, &mut used, actor, m);
                }
            }
        } else if let Some(m) = before.last()
            && clause_between(ctx, m.span.end, trigger.start)
        {
            // The nearest mention before the trigger, in the same clause: the agent.
            add(&mut out, &mut used, actor, m);
        }
    }
    if let Some(target) = others.next() {
        let first_after = in_sentence.iter().find(|m| {
            m.span.start >= trigger.end
                && fits(target, m)
                && !used.contains(&m.span)
                && clause_between(ctx, trigger.end, m.span.start)
        });
        if let Some(m) = first_after {
            add(&mut out, &mut used, target, m);
        }
    }
    out
}

/// Whether `[from, to)` stays within one short clause: no comma, semicolon, full stop or "that",
/// and at most six words.
fn clause_between(ctx: &SuggestContext, from: usize, to: usize) -> bool {
    let between = ctx.text_of(CharSpan::new(from, to));
    let words: Vec<&str> = between.split_whitespace().collect();
    !between.contains([',', ';', '.']) && !words.contains(&"that") && words.len() <= 6
}

/// Roles whose fillers act together: all of them are taken, not only the nearest.
fn is_participant(role: &RoleDef) -> bool {
    let name = role.name.to_lowercase();
    name.starts_with("participant") || name == "parties" || name == "entity"
}

/// Chars between two spans (0 when they touch or overlap).
fn distance(a: CharSpan, b: CharSpan) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The lower-cased word right before a span.
fn word_before(ctx: &SuggestContext, span: CharSpan) -> Option<String> {
    let i = ctx.words.partition_point(|w| w.span.end <= span.start);
    i.checked_sub(1).map(|k| ctx.words[k].lower.clone())
}
