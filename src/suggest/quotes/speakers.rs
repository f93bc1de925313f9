//! What a pronoun ("he said") or a role noun ("the minister said", "the ministry said") beside a
//! cue stands for: the speakers found as `pronoun`, `role-noun` and `organisation` (see the
//! module documentation of `quotes` for the rules in order).

use std::collections::{HashMap, HashSet};

use crate::model::CharSpan;

use super::super::context::{Mention, SuggestContext};
use super::super::gazetteer::{NameSex, gazetteer};
use super::super::labels::canonical;
use super::super::lexicon::{PronounRef, is_speech_verb};
use super::super::speaker_name::speaker_span;
use super::{
    PRONOUN_REACH, RoleRef, Subject, allowed, cue_at, hanging_participle_subject, subject_before,
};

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
            // ("\"It would be fantastic to have Paula in the team,\" said the European
            // cross-country champion": a name in the words quoted is not who the narration's
            // noun stands for.)
            let outside = !ctx.inside_quotation(span.start);
            let people: Vec<usize> = candidates
                .filter(|&i| canonical(&ctx.mentions[i].label) == "PERSON")
                .filter(|&i| !(outside && ctx.inside_quotation(ctx.mentions[i].span.start)))
                .collect();
            let titled = people
                .iter()
                .copied()
                .find(|&i| carries_title(ctx, i, &noun));
            // `But one top Republican strategist warned …. "…," said the strategist`: the noun
            // goes back to someone unnamed, not to the latest person.
            // So too when the noun's own words describe someone the titled person's are not
            // (`said an economist at one of Japan's major brokerage houses. … said Toshiaki
            // Kakimoto, Sumitomo Bank Ltd chief economist. … said the foreign economist`).
            let unnamed = introduced_unnamed(ctx, span, &noun);
            if unnamed && titled.is_none_or(|i| !described_alike(ctx, span, i)) {
                return None;
            }
            // `the prime minister's spokesman was asked …. The spokesman said`: a spokesman
            // whom no one named carries the title of is someone unnamed, not the latest person.
            if noun.starts_with("spokes") && titled.is_none() {
                return None;
            }
            // Else the latest sentence's first person within reach (its subject, roughly:
            // `House Speaker James Wright said President Reagan should …. "…," the Texas
            // Democrat told reporters`).
            titled
                .or_else(|| {
                    let latest = people.iter().copied().find(|&i| within_reach(i))?;
                    let s = ctx.sentence_of(ctx.mentions[latest].span.start);
                    // (Not a name that only qualifies the office of the one after it: "Double
                    // Olympic champion Hicham El Guerrouj".)
                    people
                        .iter()
                        .copied()
                        .take_while(|&i| ctx.sentence_of(ctx.mentions[i].span.start) == s)
                        .filter(|&i| !qualifies_an_office(ctx, i))
                        .last()
                })
                .map(|i| (i, "role-noun"))
        }
        RoleRef::Organisation => {
            // A name inside a quotation is its speaker's ("We believe Chrysler's purchase is
            // …," the union said): the narration's noun stands for one the narration names.
            let outside = !ctx.inside_quotation(span.start);
            let groups: Vec<usize> = candidates
                .filter(|&i| canonical(&ctx.mentions[i].label) != "PERSON")
                .filter(|&i| !(outside && ctx.inside_quotation(ctx.mentions[i].span.start)))
                .collect();
            // An organisation the narration has had speak ("American Express Co said …") is the
            // one "the company" goes on speaking for, though others were named since.
            // ("Public Service Co of Colorado said": so too with the place it is of between.)
            let spoke = |i: usize| {
                let m = &ctx.mentions[i];
                canonical(&m.label) == "ORG" && {
                    let mut next = ctx.word_at_or_after(m.span.end);
                    if ctx.words.get(next).is_some_and(|w| w.lower == "of") {
                        let place = (next + 1..ctx.words.len().min(next + 4))
                            .take_while(|&j| ctx.words[j].is_capitalised())
                            .count();
                        if place > 0 {
                            next += 1 + place;
                        }
                    }
                    ctx.words.get(next).is_some_and(|w| {
                        is_speech_verb(&w.lower) && ctx.words[next - 1].span.end + 1 >= w.span.start
                    })
                }
            };
            groups
                .iter()
                .find(|&&i| {
                    ctx.text_of(ctx.mentions[i].span)
                        .to_lowercase()
                        .contains(&noun)
                })
                // (One named earlier in the noun's own sentence is nearer still: "In a statement
                // on the Airbus website, the company said".)
                .or_else(|| {
                    groups.iter().find(|&&i| {
                        canonical(&ctx.mentions[i].label) == "ORG"
                            && ctx.sentence_of(ctx.mentions[i].span.start) == Some(sentence)
                    })
                })
                .or_else(|| groups.iter().find(|&&i| spoke(i)))
                .or_else(|| {
                    groups
                        .iter()
                        .find(|&&i| canonical(&ctx.mentions[i].label) == "ORG" && within_reach(i))
                })
                .map(|&i| (i, "organisation"))
        }
    }
}

/// Whether mention `i` only qualifies the office of the person named right after it: one to three
/// lower-case words holding a person's noun, then a person's mention ("Double Olympic champion
/// Hicham El Guerrouj", "Obama adviser David Axelrod").
fn qualifies_an_office(ctx: &SuggestContext, i: usize) -> bool {
    let words = &ctx.words;
    let after = ctx.word_at_or_after(ctx.mentions[i].span.end);
    let mut noun = false;
    for j in after..(after + 3).min(words.len()) {
        let w = &words[j];
        if w.is_capitalised() || !w.lower.chars().all(char::is_alphabetic) {
            return false;
        }
        noun |= super::person_noun(&w.lower);
        let next_person = words.get(j + 1).is_some_and(|next| {
            ctx.mentions_starting_in(next.span).any(|m| {
                ctx.mentions[m].span.start == next.span.start
                    && canonical(&ctx.mentions[m].label) == "PERSON"
            })
        });
        if noun && next_person {
            return true;
        }
    }
    false
}

/// Whether a person named before char `at`, within a pronoun's reach, carries the office `noun`
/// ("Chelsea boss Jose Mourinho", for "the Chelsea boss").
pub(super) fn titled_person_before(ctx: &SuggestContext, at: usize, noun: &str) -> bool {
    let before = ctx.mentions.partition_point(|m| m.span.start < at);
    let sentence = ctx.sentence_of(at).unwrap_or(0);
    (before.saturating_sub(300)..before).rev().any(|i| {
        let m = &ctx.mentions[i];
        canonical(&m.label) == "PERSON"
            && m.span.end <= at
            && ctx
                .sentence_of(m.span.start)
                .is_some_and(|s| sentence.saturating_sub(s) <= PRONOUN_REACH)
            && carries_title(ctx, i, noun)
    })
}

/// Whether the words describing the role noun phrase at `span` ("the foreign economist":
/// "foreign") all stand within six words before or twelve after person mention `i`, as its title
/// would ("Toshiaki Kakimoto, Sumitomo Bank Ltd chief economist" has no "foreign"); a phrase of
/// "the" and the noun alone describes anyone.
fn described_alike(ctx: &SuggestContext, span: CharSpan, i: usize) -> bool {
    let words = &ctx.words;
    let first = ctx.word_at_or_after(span.start);
    let last = words.partition_point(|w| w.span.end <= span.end);
    let modifiers: Vec<&str> = (first..last.saturating_sub(1))
        .map(|k| words[k].lower.as_str())
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect();
    let m = ctx.mentions[i].span;
    let at = ctx.word_at_or_after(m.start);
    let near: Vec<&str> = (at.saturating_sub(6)..words.len().min(at + 12))
        .map(|k| words[k].lower.as_str())
        .collect();
    modifiers.iter().all(|w| near.contains(w))
}

/// How many sentences back an office noun ("the official") may go to someone unnamed with the
/// same noun ("a Treasury official").
const UNNAMED_REACH: usize = 8;

/// Whether the role noun at `span` goes back to someone unnamed: within reach before it, the
/// same noun ends an indefinite noun phrase ("a spokesman", "one top Republican strategist",
/// "another official") that no name follows in apposition.
fn introduced_unnamed(ctx: &SuggestContext, span: CharSpan, noun: &str) -> bool {
    let words = &ctx.words;
    let at = ctx.word_at_or_after(span.start);
    let sentence = ctx.sentence_of(span.start).unwrap_or(0);
    // (Further back than a pronoun looks: `A Treasury official said …. "…," the official said. He
    // added …. But he said …. "…," the official said`.)
    (0..at)
        .rev()
        .take_while(|&k| sentence.saturating_sub(words[k].sentence) <= UNNAMED_REACH)
        .filter(|&k| words[k].lower == noun)
        .any(|k| {
            let start = ctx.word_at_or_after(ctx.sentences[words[k].sentence].start);
            let named_after = words.get(k + 1).is_some_and(|w| w.text == ",")
                && words.get(k + 2).is_some_and(|w| w.is_capitalised());
            !named_after && unnamed_right_before(ctx, start, k + 1)
        })
}

/// Whether person mention `i` carries the office `noun` in its name or in its title: the words
/// right before it that can be part of a title ("Foreign Minister", "Secretary of State", "the
/// minister,"), not any word nearby ("The president is yet to sign the 31st [Amendment]": a
/// clause).
fn carries_title(ctx: &SuggestContext, i: usize, noun: &str) -> bool {
    let m = &ctx.mentions[i];
    // (A place the title is of belongs to the title: "The Bishop of Durham, the Rt Rev Dr Tom
    // Wright".)
    let of_place = |p: usize| {
        let place = &ctx.mentions[p];
        matches!(canonical(&place.label), "GPE" | "LOC")
            && ctx
                .word_at_or_after(place.span.start)
                .checked_sub(1)
                .is_some_and(|k| ctx.words[k].lower == "of")
    };
    let previous_end = (0..i)
        .rev()
        .take(3)
        .find(|&p| !of_place(p))
        .map_or(0, |p| ctx.mentions[p].span.end.min(m.span.start));
    ctx.text_of(m.span).to_lowercase().contains(noun)
        || title_before(ctx, m.span.start, previous_end, noun)
        || title_after(ctx, m.span.end, noun)
}

/// Whether `noun` is a word of a title in apposition right after a name ending at char `end`
/// (`Daniel Fernández, bishop of the Diocese of Jujuy,`, `Kurti, the country's prime minister,`):
/// a comma, then at most six words up to the next punctuation, not a relative clause or a verb
/// of saying (`Kurti, who met the minister`).
fn title_after(ctx: &SuggestContext, end: usize, noun: &str) -> bool {
    let first = ctx.word_at_or_after(end);
    if ctx.words.get(first).is_none_or(|w| w.text != ",") {
        return false;
    }
    ctx.words[first + 1..]
        .iter()
        .take(6)
        .take_while(|w| {
            !w.is_punct()
                && !matches!(
                    w.lower.as_str(),
                    "who" | "which" | "that" | "whose" | "said" | "says" | "told"
                )
        })
        .any(|w| w.lower == noun)
}

/// `The Tyler minister explained to Wikinews …. He described …`: whether the sentence `previous`
/// opens with "the", at most two capitalised words and an office noun before a verb, an office
/// that no person named before it carries: someone unnamed is its subject.
fn opens_with_unnamed_office(ctx: &SuggestContext, previous: CharSpan) -> bool {
    let words = &ctx.words;
    let start = ctx.word_at_or_after(previous.start);
    if words.get(start).is_none_or(|w| w.lower != "the") {
        return false;
    }
    let mut k = start + 1;
    while k < start + 3 && words.get(k).is_some_and(|w| w.is_capitalised()) {
        k += 1;
    }
    let Some(noun) = words.get(k) else {
        return false;
    };
    let office = !noun.is_capitalised() && super::PERSON_ROLES.contains(&noun.lower.as_str());
    let verb_follows = words.get(k + 1).is_some_and(|w| {
        w.lower.chars().all(|c| c.is_lowercase())
            && !super::PREPOSITIONS.contains(&w.lower.as_str())
            && w.lower != "and"
    });
    if !(office && verb_follows) {
        return false;
    }
    let before = ctx
        .mentions
        .partition_point(|m| m.span.start < noun.span.start);
    !(before.saturating_sub(300)..before).any(|i| {
        ctx.mentions[i].span.end <= noun.span.start
            && canonical(&ctx.mentions[i].label) == "PERSON"
            && carries_title(ctx, i, &noun.lower)
    })
}

/// `One of the victims from Saraf Jidad … recalled the attack. "…," he said`, `According to an
/// Army official, …. "…," he said`: whether the sentence `previous` opens with someone unnamed
/// ("one of", "a" or "an" and a lower-case noun, names between: "an Army official"; after
/// "according to" too).
fn opens_with_someone_indefinite(ctx: &SuggestContext, previous: CharSpan) -> bool {
    let words = &ctx.words;
    let mut start = ctx.word_at_or_after(previous.start);
    if words.get(start).is_some_and(|w| w.lower == "according")
        && words.get(start + 1).is_some_and(|w| w.lower == "to")
    {
        start += 2;
    }
    // "an Army official": a name may modify the noun.
    let mut noun = start + 1;
    while noun < start + 3 && words.get(noun).is_some_and(|w| w.is_capitalised()) {
        noun += 1;
    }
    words
        .get(start)
        .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an"))
        && words
            .get(noun)
            .is_some_and(|w| !w.is_capitalised() && !w.is_punct())
        || words.get(start).is_some_and(|w| w.lower == "one")
            && words.get(start + 1).is_some_and(|w| w.lower == "of")
}

/// Words that may stand inside a title written before a name ("Secretary of State", "Minister
/// for Trade and Industry", "the country's president").
const TITLE_JOINERS: &[&str] = &["of", "for", "and", "the", "'s", "’s", ",", "-", "–"];

/// Whether `noun` is a word of the title right before char `start` (back to `floor` at most):
/// the nearest few words that are capitalised, joiners or the noun itself ("Pakistani President
/// Mamnoon Hussain", "the minister, Ivica Dacic"), stopping at any other word.
fn title_before(ctx: &SuggestContext, start: usize, floor: usize, noun: &str) -> bool {
    let first = ctx.word_at_or_after(start);
    // `bishop of the Diocese of Jujuy`: a name right after "of" or "for" is the title's object,
    // not the one who holds it.
    if first
        .checked_sub(1)
        .is_some_and(|k| matches!(ctx.words[k].lower.as_str(), "of" | "for"))
    {
        return false;
    }
    (0..first)
        .rev()
        .take(9)
        .map(|k| &ctx.words[k])
        .take_while(|w| {
            w.span.start >= floor
                && (w.is_capitalised()
                    || w.lower.contains(noun)
                    || TITLE_JOINERS.contains(&w.lower.as_str()))
        })
        .any(|w| w.lower.contains(noun))
}

/// A person's grammatical gender, as the text shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender a personal pronoun, a possessive or a title word shows.
/// ("chairman" is not among them: the office keeps its name whoever holds it, "CFTC chairman
/// Susan Phillips".)
fn gender_of_word(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "his" | "him" | "himself" | "mr" | "sir" | "lord" | "actor" | "king" | "prince"
        | "spokesman" | "congressman" | "businessman" | "father" | "husband" | "son"
        | "brother" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" | "mrs" | "ms" | "miss" | "dame" | "lady"
        | "actress" | "queen" | "princess" | "spokeswoman" | "chairwoman" | "congresswoman"
        | "businesswoman" | "mother" | "wife" | "daughter" | "sister" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of each person named in the document, by the last word of their name: from a title
/// word right before the name or opening it ("Actress Denise Crosby", "Mr. Toccafondi"), and from
/// the first "he" or "she" after a mention in its sentence with no other person named between
/// ("Quirin denied it, but on learning of the test he claimed …"), or "his", "himself" or
/// "herself" within three words of it ("Quirin wept in his lawyer's arms"; not "her", as often
/// someone else's or someone else, nor a possessive further on: `Meltzer tweeted after hearing
/// the news of her death`); the more frequent when the text shows both, none when as often.
/// A surname that several people named in full share (a family: "Ruth Brennan", "Tom Brennan")
/// says nothing of anyone's gender: their genders are kept by full name (see `gender_key`).
/// Where the text shows nothing, the given name opening a name of two words or more guesses it
/// ("Margaret Drabble"), when `given_names.txt` lists it for one sex only.
pub(super) fn person_genders(ctx: &SuggestContext) -> Genders {
    let words = &ctx.words;
    let mut votes: HashMap<String, i32> = HashMap::new();
    let mut guesses: HashMap<String, Gender> = HashMap::new();
    let people: Vec<usize> = (0..ctx.mentions.len())
        .filter(|&i| canonical(&ctx.mentions[i].label) == "PERSON")
        .collect();
    let shared = shared_surnames(ctx);
    let mut things = HashSet::new();
    for (n, &i) in people.iter().enumerate() {
        let mention = &ctx.mentions[i];
        let name = ctx.text_of(mention.span);
        if written_as_a_thing(ctx, mention) {
            things.insert(name.clone());
        }
        let Some(key) = gender_key(&name, &shared) else {
            continue;
        };
        let first = ctx.word_at_or_after(mention.span.start);
        let title = [first.checked_sub(1), Some(first)]
            .into_iter()
            .flatten()
            .filter_map(|k| words.get(k))
            .find_map(|w| gender_of_word(w.lower.trim_end_matches('.')));
        // The next person named, where the pronoun could be theirs.
        let next_person = people
            .get(n + 1)
            .map_or(usize::MAX, |&j| ctx.mentions[j].span.start);
        let after = ctx.word_at_or_after(mention.span.end);
        let pronoun = words.get(after).and_then(|w| {
            let sentence = w.sentence;
            (after..words.len())
                .take_while(|&k| words[k].sentence == sentence && words[k].span.start < next_person)
                .find_map(|k| match words[k].lower.as_str() {
                    "he" => Some(Gender::Male),
                    "she" => Some(Gender::Female),
                    "his" | "himself" if k < after + 4 => Some(Gender::Male),
                    "herself" if k < after + 4 => Some(Gender::Female),
                    _ => None,
                })
        });
        // The given name opening a name of two words or more ("Sheila Hancock"), when it is
        // given to one sex only (`given_names.txt`): a guess, taken only where the text shows
        // nothing.
        let mut parts = name.split_whitespace();
        let given = match (parts.next(), parts.next()) {
            (Some(first), Some(_)) => gazetteer().given_name_sex(first),
            _ => None,
        };
        if let Some(sex) = given {
            guesses.entry(key.clone()).or_insert(match sex {
                NameSex::Male => Gender::Male,
                NameSex::Female => Gender::Female,
            });
        }
        for gender in [title, pronoun].into_iter().flatten() {
            *votes.entry(key.clone()).or_default() += match gender {
                Gender::Male => 1,
                Gender::Female => -1,
            };
        }
    }
    let mut by_key: HashMap<String, Gender> = votes
        .into_iter()
        .filter(|(_, v)| *v != 0)
        .map(|(k, v)| (k, if v > 0 { Gender::Male } else { Gender::Female }))
        .collect();
    for (key, gender) in guesses {
        by_key.entry(key).or_insert(gender);
    }
    Genders {
        by_key,
        shared,
        things,
    }
}

/// Whether a one-word mention stands where a place's or a body's name does: after "in", "into",
/// "near" or "outside", not as a possessor ("the operation in Marja"), or after "the" and before
/// punctuation, "and" or "or" ("safe havens from the Taliban and the other extremists"; not "the
/// Obama administration").
fn written_as_a_thing(ctx: &SuggestContext, mention: &Mention) -> bool {
    let words = &ctx.words;
    let first = ctx.word_at_or_after(mention.span.start);
    let after = ctx.word_at_or_after(mention.span.end);
    if after != first + 1 || first == 0 {
        return false;
    }
    let next = words.get(after);
    match words[first - 1].lower.as_str() {
        "in" | "into" | "near" | "outside" => {
            !next.is_some_and(|w| matches!(w.lower.as_str(), "'s" | "’s"))
        }
        "the" => next.is_none_or(|w| {
            (w.is_punct() && !matches!(w.lower.as_str(), "'s" | "’s" | "-"))
                || matches!(w.lower.as_str(), "and" | "or")
        }),
        _ => false,
    }
}

/// The gender the text shows for each person (see `person_genders`).
pub(super) struct Genders {
    /// By `gender_key`.
    by_key: HashMap<String, Gender>,
    /// Surnames several people named in full share.
    shared: HashSet<String>,
    /// One-word names of "persons" the text writes elsewhere as a place or a body (see
    /// `written_as_a_thing`): never "he" or "she".
    things: HashSet<String>,
}

impl Genders {
    /// The gender of the person a mention's text `name` names, when the text shows it.
    fn of(&self, name: &str) -> Option<Gender> {
        gender_key(name, &self.shared).and_then(|key| self.by_key.get(&key).copied())
    }
}

/// The surnames (last words of PERSON mentions of two words or more) that come with two or more
/// different names before them: "Brennan" of "Ruth Brennan" and "Tom Brennan".
fn shared_surnames(ctx: &SuggestContext) -> HashSet<String> {
    let mut names: HashMap<String, HashSet<String>> = HashMap::new();
    for mention in &ctx.mentions {
        if canonical(&mention.label) != "PERSON" {
            continue;
        }
        let name = ctx.text_of(mention.span);
        let mut parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() < 2 {
            continue;
        }
        let Some(last) = parts.pop() else {
            continue;
        };
        names
            .entry(last.to_owned())
            .or_default()
            .insert(parts.join(" "));
    }
    names
        .into_iter()
        .filter(|(_, given)| given.len() >= 2)
        .map(|(surname, _)| surname)
        .collect()
}

/// What a person's gender is kept under: the last word of the name, or the whole name when that
/// last word is a surname several people share (`shared`); a shared surname alone has none.
fn gender_key(name: &str, shared: &HashSet<String>) -> Option<String> {
    let last = name.split_whitespace().next_back()?;
    if !shared.contains(last) {
        return Some(last.to_owned());
    }
    name.contains(char::is_whitespace)
        .then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The mention a pronoun at `span` stands for (see the module documentation of `quotes`). "he"
/// is never a person the text shows as a woman, nor "she" one it shows as a man (`genders`);
/// nor, for the quote whose content is `quoted`, a person it names in the third person
/// (`"President Assad must understand …," he said` is not Assad's).
pub(super) fn resolve_pronoun(
    ctx: &SuggestContext,
    span: CharSpan,
    reference: PronounRef,
    last_speaker: Option<(usize, usize)>,
    sentence: usize,
    genders: &Genders,
    quoted: &[CharSpan],
) -> Option<usize> {
    resolve_pronoun_among(
        ctx,
        span,
        reference,
        last_speaker,
        sentence,
        genders,
        quoted,
    )
}

/// The words the quote content `quoted` writes after a capitalised word ("President Assad",
/// "Bashar al-Assad" give "Assad"): surnames it names people by, in the third person. A surname
/// alone is not counted (it may be the speaker's own, in a signature or a quoted introduction).
fn titled_names_in(ctx: &SuggestContext, quoted: &[CharSpan]) -> HashSet<String> {
    let mut names = HashSet::new();
    for q in quoted {
        let text = ctx.text_of(*q);
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            if pair[0].chars().next().is_some_and(char::is_uppercase)
                && !matches!(pair[0], "I" | "The" | "A" | "An" | "We" | "He" | "She")
            {
                names.insert(pair[1].to_owned());
            }
        }
    }
    names
}

/// Whether mention `m` is a person the quote names by surname as someone other than the speaker
/// (`titled`: see `titled_names_in`).
fn named_in_quote(ctx: &SuggestContext, m: &Mention, titled: &HashSet<String>) -> bool {
    if titled.is_empty() || canonical(&m.label) != "PERSON" {
        return false;
    }
    // The name as a speaker would be shown ("Bashar" the model cut before "al-Assad").
    let name = ctx.text_of(speaker_span(ctx.chars(), m.span, "PERSON"));
    let Some(surname) = name.split_whitespace().last() else {
        return false;
    };
    // "Bashar al-Assad" is "Assad" too.
    let surname = match surname.split_once('-') {
        Some((particle, rest)) if particle.chars().all(char::is_lowercase) => rest,
        _ => surname,
    };
    surname.chars().count() >= 3 && titled.contains(surname)
}

/// `resolve_pronoun`, leaving out the people the quote whose content is `quoted` names in the third
/// person (see `titled_names_in`).
fn resolve_pronoun_among(
    ctx: &SuggestContext,
    span: CharSpan,
    reference: PronounRef,
    last_speaker: Option<(usize, usize)>,
    sentence: usize,
    genders: &Genders,
    quoted: &[CharSpan],
) -> Option<usize> {
    let titled = &titled_names_in(ctx, quoted);
    // `President Reagan has threatened retaliation …. "He took these steps as a last resort," he
    // said`: a quote that opens on someone in the third person is about the one the narration
    // just named, not by him.
    let about_the_one_before = quoted.first().is_some_and(|q| {
        ctx.text_of(*q)
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "He" | "She"))
    });
    // A one-word mention labelled otherwise that is the surname of a person named in the
    // document ("Bloomberg" beside "Michael Bloomberg") is that person.
    let surnames = ctx.person_surnames();
    let wanted = gender_of_word(&ctx.text_of(span).to_lowercase());
    let agrees = |m: &Mention| {
        let known = genders.of(&ctx.text_of(m.span));
        match (wanted, known) {
            (Some(w), Some(k)) => w == k,
            _ => true,
        }
    };
    // "It" is never a person: "It also credited Leonov …" is NASA's.
    let thing = ctx.text_of(span).to_lowercase() == "it";
    // "They" is a body or a group, never one person (a Ministry of Defence spokesman's "they
    // said" is not the judge's quoted before).
    let they = ctx.text_of(span).to_lowercase() == "they";
    // A name inside a quotation is said by its speaker ("We love the Jewish people. There are
    // many Jews living in Iran"), not the narration's: the narration's pronoun outside stands
    // for someone the narration names.
    let outside = !ctx.inside_quotation(span.start);
    // "He did not predict how long the operation in Marja would continue": "he" or "she" stands
    // for a person, never for a name the text writes as a place or a body.
    let compatible = |m: &Mention| {
        allowed(ctx, m)
            && agrees(m)
            && !on_dash_credit_line(ctx, m)
            && !named_in_quote(ctx, m, titled)
            && !(wanted.is_some() && genders.things.contains(&ctx.text_of(m.span)))
            && !(outside && ctx.inside_quotation(m.span.start))
            && match reference {
                PronounRef::Person => {
                    canonical(&m.label) == "PERSON" || {
                        let name = ctx.text_of(m.span);
                        !name.contains(char::is_whitespace) && surnames.contains(&name)
                    }
                }
                PronounRef::Group => canonical(&m.label) != "PERSON" || !(thing || they),
            }
    };
    // The latest mention standing before a cue ("Rutte said the alliance…"), whether or not that
    // made a quote.
    // But the subject of the sentence just before, in the same paragraph, is nearer ("For Kevin
    // Allton, Warhol was a legend. He said, …" after an earlier "Kiara Perkins admitted").
    // `"We were about three words away from a deal. …," he said`: after a quotation of several
    // sentences, the sentence before is the one before the quotation opened.
    let quoted_before = {
        let all = ctx.quotations();
        let i = all.partition_point(|q| q.open < span.start);
        i.checked_sub(1)
            .map(|i| &all[i])
            .filter(|q| q.close_end <= span.start && q.close_end + 3 >= span.start)
            .and_then(|q| {
                let s = ctx.sentence_of(q.open)?;
                // `Barack Obama welcomed the deal: "…. … back." He said`: a quotation opened
                // after words of its own sentence has that sentence before it.
                let chars = ctx.chars();
                let opens_sentence =
                    (ctx.sentences[s].start..q.open).all(|k| !chars[k].is_alphanumeric());
                // One opened in the pronoun's own sentence has the sentence before.
                let own = ctx.sentence_of(span.start) == Some(s);
                Some(if opens_sentence || own { s } else { s + 1 })
            })
    };
    let subject_of = |previous: &CharSpan| -> Option<usize> {
        // Only its part in the pronoun's paragraph; or the whole of it when it is a
        // paragraph of narration on its own, with no quotation mark, right before the
        // pronoun's ("Like President Bush, Prime Minister Ehud Olmert kept his comments
        // broad." then `"…," he said.`).
        let chars = ctx.chars();
        let paragraph = (previous.start..span.start)
            .rev()
            .find(|&k| chars[k] == '\n')
            .map_or(previous.start, |k| k + 1);
        let narration = paragraph > previous.end
            && (previous.start == 0 || chars[previous.start - 1] == '\n')
            && !(previous.start..previous.end)
                .any(|k| crate::suggest::quotation_marks::is_double_mark(chars[k]));
        let paragraph = if narration { previous.start } else { paragraph };
        // `Speaking at a ceremony for winners of the Medal of Honor, Obama praised …`: a phrase
        // opening the sentence holds no subject.
        let from = ctx.word_at_or_after(paragraph);
        let subject_from = subject_start(ctx, from, ctx.word_at_or_after(previous.end));
        let paragraph = match ctx.words.get(subject_from) {
            Some(word) if subject_from > from => word.span.start.min(previous.end),
            _ => paragraph,
        };
        let previous = CharSpan::new(paragraph, previous.end.max(paragraph));
        // `It was no good Mr Blair claiming …, argued Mr Howard.`: see `inverted_speaker`.
        if let Some(found) = inverted_speaker(ctx, previous, &compatible) {
            return Some(found);
        }
        // "She called on Sarkozy to continue …": the one called on is addressed, not the
        // subject; the sentence's subject is no mention, so none is nearer.
        // Nor one compared with it or in its company ("Like President Bush, Prime Minister
        // Ehud Olmert kept …"), as for the sentence-opening subject below.
        ctx.mentions_starting_in(previous)
            .find(|&i| {
                previous.contains_span(ctx.mentions[i].span)
                    && compatible(&ctx.mentions[i])
                    && !compared_or_accompanying(ctx, i)
            })
            .filter(|&i| !called_on(ctx, i))
    };
    // `McLetchie played golf …. He has a son …. He put his switch … down to "…"`: a sentence of
    // the pronoun's paragraph that the same pronoun opens, naming nobody, goes on with the
    // subject of the one before it.
    let pronoun_text = ctx.text_of(span).to_lowercase();
    let mut unnamed_before = false;
    let previous_subject = quoted_before
        .or_else(|| ctx.sentence_of(span.start))
        .and_then(|s| {
            let chars = ctx.chars();
            let mut s = s.checked_sub(1)?;
            for _ in 0..PRONOUN_REACH {
                let previous = ctx.sentences.get(s)?;
                let same_paragraph = chars
                    .get(previous.start..span.start)
                    .is_some_and(|between| !between.contains(&'\n'));
                // `Pointing to retail data, he said Lawson had done well. "…," he said`, `A high
                // asset threshold has worked …, he noted.`: in a sentence where the same pronoun
                // speaks, its names and its opening words are not whom the pronoun stands for;
                // the sentence before it says.
                if pronoun_speaks_in(ctx, *previous, &pronoun_text) {
                    s = s.checked_sub(1)?;
                    continue;
                }
                // Someone unnamed opens the sentence before, in the pronoun's paragraph, and
                // nobody is named between but in a prepositional phrase ("from Saraf Jidad").
                unnamed_before = same_paragraph
                    && opens_with_someone_indefinite(ctx, *previous)
                    && !ctx
                        .mentions_starting_in(CharSpan::new(previous.start, span.start))
                        .any(|i| {
                            compatible(&ctx.mentions[i])
                                && !word_before_mention(ctx, i).is_some_and(|k| {
                                    super::PREPOSITIONS.contains(&ctx.words[k].lower.as_str())
                                })
                        });
                if unnamed_before {
                    return None;
                }
                if let Some(found) = subject_of(previous) {
                    return Some(found);
                }
                // The pronoun goes on with someone unnamed the sentence before opens with, in
                // its paragraph, when nobody is named between.
                unnamed_before = same_paragraph
                    && opens_with_unnamed_office(ctx, *previous)
                    && !ctx
                        .mentions_starting_in(CharSpan::new(previous.start, span.start))
                        .any(|i| compatible(&ctx.mentions[i]));
                if unnamed_before {
                    return None;
                }
                let same_pronoun = ctx
                    .words
                    .get(ctx.word_at_or_after(previous.start))
                    .is_some_and(|w| w.lower == pronoun_text);
                if !(same_pronoun && same_paragraph) {
                    return None;
                }
                s = s.checked_sub(1)?;
            }
            None
        });
    if unnamed_before {
        return None;
    }
    let pronoun_word = ctx.word_at_or_after(span.start);
    for k in (0..pronoun_word).rev() {
        let word = &ctx.words[k];
        if sentence.saturating_sub(word.sentence) > PRONOUN_REACH {
            break;
        }
        if cue_at(ctx, k).is_some() {
            let sentence_start = ctx.word_at_or_after(ctx.sentences[word.sentence].start);
            // "Hugo Chavez criticized Bush, saying …. … he said": a participle hanging from the
            // sentence's verb is its subject's, as for the quote it introduces.
            let sentence_end = ctx.sentences[word.sentence].end;
            let subject = hanging_participle_subject(ctx, sentence_start, k, sentence_end)
                .or_else(|| subject_before(ctx, sentence_start, k));
            // A cue whose subject is itself a role noun or a pronoun ("the president said …
            // He added"): the speaker found for the quote of that sentence is the one meant, not
            // a name at an earlier cue.
            let index = match subject {
                Some(Subject::Mention(index, _)) => Some(index),
                Some(Subject::Role(..) | Subject::Pronoun(..)) => last_speaker
                    .filter(|&(_, at)| at >= word.sentence && at <= sentence)
                    .map(|(index, _)| index),
                // `"…," said Julien Talavan, a spokesman …. "…," he said`: nobody stands before
                // the cue, and the speaker named after it for that sentence's quote is the one
                // meant, not a name at a cue further back.
                None | Some(Subject::None) => last_speaker
                    .filter(|&(_, at)| at == word.sentence)
                    .map(|(index, _)| index),
                _ => None,
            };
            // "A spokesperson for NISA said … "…," he said": the latest cue's subject is someone
            // unnamed, whom the pronoun goes on with; nobody named speaks.
            // So too further back when only quoted words come between (`"…," a senior foreign
            // banker said. "…." / "…," he added.`).
            let nobody_named_since = || {
                !ctx.mentions_starting_in(CharSpan::new(word.span.end, span.start))
                    .any(|i| {
                        compatible(&ctx.mentions[i])
                            && !ctx.inside_quotation(ctx.mentions[i].span.start)
                    })
            };
            // (Not where a pronoun is the cue's subject: `A high asset threshold has worked …,
            // he noted` opens with no one.)
            let pronoun_subject = matches!(subject, Some(Subject::Pronoun(..)));
            // `… a spokesman for Suiker Unie … told Reuters. …, the spokesman added. "…," he
            // said`, `…, the source said, …. But "…," he added`: so too where the latest cue's
            // subject is an office going back to nobody named.
            let office_unnamed = || {
                office_right_before(ctx, sentence_start, k)
                    .is_some_and(|office| resolve_role(ctx, office, RoleRef::Person).is_none())
            };
            let unnamed = !pronoun_subject
                && index.is_none_or(|i| !ctx.mentions.get(i).is_some_and(compatible))
                && (sentence.saturating_sub(word.sentence) <= 1 || nobody_named_since())
                && (opens_with_someone_unnamed(ctx, sentence_start)
                    || unnamed_right_before(ctx, sentence_start, k)
                    || office_unnamed());
            if unnamed {
                return None;
            }
            if let Some(index) = index
                && ctx.mentions.get(index).is_some_and(compatible)
            {
                return match previous_subject {
                    Some(nearer)
                        if ctx.mentions[nearer].span.start > ctx.mentions[index].span.end
                            && !about_the_one_before =>
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
            Some(nearer)
                if ctx.mentions[nearer].span.start > ctx.mentions[index].span.end
                    && !about_the_one_before =>
            {
                Some(nearer)
            }
            _ => Some(index),
        };
    }
    // `The system could mature …, said Sun's chief operating officer Jonathan Schwartz. "…," he
    // asked`: with no cue nor speaker to go on from, the speaker of the sentence before.
    if let Some(found) = sentence
        .checked_sub(1)
        .and_then(|s| ctx.sentences.get(s))
        .and_then(|previous| inverted_speaker(ctx, *previous, &compatible))
    {
        return Some(found);
    }
    // Only mentions within reach can be the sentence-opening subject; the fallback is the last
    // compatible mention before the pronoun, however far. (Looking at every mention of the
    // document for every pronoun made a long document quadratic.)
    let reach = ctx
        .sentences
        .get(sentence.saturating_sub(PRONOUN_REACH))
        .map_or(0, |s| s.start);
    let before_pronoun = ctx.mentions.partition_point(|m| m.span.start < span.start);
    // "Speaking to Martin Smith of PBS, he said": the one spoken to in the pronoun's sentence is
    // not who the pronoun stands for.
    // Nor the one called on in it or in the sentence before ("She called on Sarkozy to continue
    // … "…," she stated").
    let is_before = |i: usize| {
        let in_sentence = ctx.sentence_of(ctx.mentions[i].span.start);
        ctx.mentions[i].span.end <= span.start
            && compatible(&ctx.mentions[i])
            && !(listener(ctx, i) && in_sentence == Some(sentence))
            && !(called_on(ctx, i) && in_sentence.is_some_and(|s| s + 1 >= sentence))
    };
    let within_reach: Vec<usize> = ctx
        .mentions_starting_in(CharSpan::new(reach, span.start.max(reach)))
        .filter(|&i| is_before(i))
        .collect();
    // The subject, roughly: the first compatible mention of its sentence that is not the agent of
    // a passive ("she was attacked by Quirin, Redouane and a third man").
    // Nor one compared with the subject or in its company ("Like President Bush, Prime Minister
    // Ehud Olmert kept …", "brought her in contact with Martin Luther King"): the sentence's
    // subject is the one outside that phrase.
    // Nor one in a phrase opening its sentence (`Speaking at a ceremony for winners of the
    // Medal of Honor, Obama praised …`).
    // The agent of a passive whose subject is no person ("This move was criticized by Nassar
    // al-Rubaie, a Shiite member of Parliament") is the one its sentence brings in.
    let pronoun_before = |i: usize| {
        let m = &ctx.mentions[i];
        ctx.sentence_of(m.span.start).is_some_and(|s| {
            let first = ctx.word_at_or_after(ctx.sentences[s].start);
            (first..ctx.word_at_or_after(m.span.start))
                .any(|k| matches!(ctx.words[k].lower.as_str(), "he" | "she" | "they"))
        })
    };
    let opens_sentence = |i: usize| {
        let m = &ctx.mentions[i];
        (!agent_of_passive(ctx, i) || !pronoun_before(i))
            && !compared_or_accompanying(ctx, i)
            && !in_opening_phrase(ctx, m.span.start)
            && ctx.sentence_of(m.span.start).is_some_and(|s| {
                let sentence = ctx.sentences[s];
                // `She was given a chance …, when Vizmedia dubbed …`: "she" is that sentence's
                // subject; a name later in it is not.
                let opener = &ctx.words[ctx.word_at_or_after(sentence.start)];
                if opener.span.start < m.span.start && matches!(opener.lower.as_str(), "he" | "she")
                {
                    return false;
                }
                !ctx.mentions_starting_in(CharSpan::new(sentence.start, m.span.start))
                    .any(|j| {
                        j != i
                            && is_before(j)
                            && !agent_of_passive(ctx, j)
                            && !compared_or_accompanying(ctx, j)
                            && !in_opening_phrase(ctx, ctx.mentions[j].span.start)
                            && sentence.contains_span(ctx.mentions[j].span)
                    })
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
        .or_else(|| {
            // `Mr Balls, who stepped down …, had suggested that Mr Brown would …. He said ….` /
            // `He also stressed …. Expectations …. Consumer borrowing …. "…," he told a lunch`:
            // the nearest subject opening its sentence beyond reach, rather than the last name.
            let far = ctx
                .sentences
                .get(sentence.saturating_sub(FAR_REACH))
                .map_or(0, |s| s.start);
            ctx.mentions_starting_in(CharSpan::new(far, reach.max(far)))
                .filter(|&i| is_before(i))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .find(|&i| opens_sentence(i))
        })
        .or_else(|| (0..before_pronoun).rev().find(|&i| is_before(i)))
}

/// How many sentences back a pronoun with no subject within `PRONOUN_REACH` looks for one.
const FAR_REACH: usize = 10;

/// `It was no good Mr Blair claiming …, argued Mr Howard.`, `The system could mature, said Sun's
/// chief operating officer Jonathan Schwartz.`: the person a sentence of narration (no quotation
/// mark in it) names after a cue that follows a comma, ending the sentence: that sentence's
/// speaker. (Not `Joe Clark, winding up a visit, said he expected the Reagan administration to
/// act`.)
fn inverted_speaker(
    ctx: &SuggestContext,
    sentence: CharSpan,
    compatible: &dyn Fn(&Mention) -> bool,
) -> Option<usize> {
    let chars = ctx.chars();
    if (sentence.start..sentence.end.min(chars.len()))
        .any(|k| crate::suggest::quotation_marks::is_double_mark(chars[k]))
    {
        return None;
    }
    let words = &ctx.words;
    let first = ctx.word_at_or_after(sentence.start);
    let last = ctx.word_at_or_after(sentence.end);
    (first + 1..last)
        .filter(|&k| words[k - 1].text == "," && cue_at(ctx, k).is_some())
        .find_map(|k| match super::subject_after(ctx, k + 1, sentence.end) {
            Some(Subject::Mention(i, _))
                if canonical(&ctx.mentions[i].label) == "PERSON"
                    && compatible(&ctx.mentions[i])
                    && words
                        .get(ctx.word_at_or_after(ctx.mentions[i].span.end))
                        .is_none_or(|w| {
                            w.span.start >= sentence.end
                                || matches!(w.text.as_str(), "." | "!" | "?")
                        }) =>
            {
                Some(i)
            }
            _ => None,
        })
}

/// Conjunctions that open a subordinate clause: its subject is not the sentence's.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "because", "since", "until", "unless", "if", "although", "though",
    "while", "once", "whereas",
];

/// Whether the pronoun `pronoun` ("he") is the subject of a cue in the sentence `sentence`
/// ("he said", "he also noted").
fn pronoun_speaks_in(ctx: &SuggestContext, sentence: CharSpan, pronoun: &str) -> bool {
    let words = &ctx.words;
    let first = ctx.word_at_or_after(sentence.start);
    (first..words.len())
        .take_while(|&k| words[k].span.end <= sentence.end)
        .any(|k| {
            // `Dr Fox refused to discuss reports that the party had repaid Lord Ashcroft after he
            // said …`: a pronoun opening a subordinate clause is someone else the sentence names.
            let subordinate = k
                .checked_sub(1)
                .is_some_and(|j| SUBORDINATORS.contains(&words[j].lower.as_str()));
            words[k].lower == pronoun && !subordinate && {
                let mut verb = k + 1;
                if words.get(verb).is_some_and(super::is_adverb_word) {
                    verb += 1;
                }
                verb < words.len()
                    && words[verb].span.end <= sentence.end
                    && cue_at(ctx, verb).is_some()
            }
        })
}

/// The word where the subject of a sentence of words `[from, to)` may start: after a phrase
/// opening it (`Speaking at a ceremony …, Obama praised`; see `after_opening_phrase`; `Faced with
/// …, the producers`), but not
/// after "According to …," (`According to analyst Hazem al-Nuaeimi, Sadr is …. "…," he said`:
/// the source is the one who goes on speaking).
fn subject_start(ctx: &SuggestContext, from: usize, to: usize) -> usize {
    let words = &ctx.words;
    if words.get(from).is_some_and(|w| w.lower == "according") {
        return from;
    }
    // `Faced with losing the character of Anya Jenkins, the producers …`: a past participle and
    // a preposition open a phrase too.
    let past_participle = words.get(from).is_some_and(|w| w.lower.ends_with("ed"))
        && words
            .get(from + 1)
            .is_some_and(|w| super::PREPOSITIONS.contains(&w.lower.as_str()));
    if past_participle {
        return (from + 1..to)
            .find(|&k| words[k].text == ",")
            .map_or(from, |comma| comma + 1);
    }
    super::after_opening_phrase(ctx, from, to)
}

/// Whether char `at` lies in a phrase opening its sentence, before the sentence's subject (see
/// `subject_start`).
fn in_opening_phrase(ctx: &SuggestContext, at: usize) -> bool {
    let Some(s) = ctx.sentence_of(at) else {
        return false;
    };
    let sentence = ctx.sentences[s];
    let from = ctx.word_at_or_after(sentence.start);
    let start = subject_start(ctx, from, ctx.word_at_or_after(sentence.end));
    start > from && ctx.words.get(start).is_some_and(|w| at < w.span.start)
}

/// Whether mention `m` is the name on a line of its own that credits a quotation set beside the
/// article (`— Muammar Gaddafi`, the pull quote itself dropped): it names who said the quotation
/// it belongs to, not whom "he" in the narration after it stands for.
fn on_dash_credit_line(ctx: &SuggestContext, m: &Mention) -> bool {
    let chars = ctx.chars();
    let line_start = (0..m.span.start)
        .rev()
        .find(|&k| chars[k] == '\n')
        .map_or(0, |k| k + 1);
    // The whole line: `— Michael Diveroli, Efrain's father` names neither for "he".
    let before: String = chars[line_start..m.span.start].iter().collect();
    let before = before.trim_start();
    ["—", "–", "--", "- "]
        .iter()
        .any(|dash| before.starts_with(dash) || before.trim_end() == dash.trim_end())
}

/// Whether the sentence starting at word `start` opens with an indefinite noun phrase ("A
/// spokesperson for the agency", "An official"): someone the text does not name.
fn opens_with_someone_unnamed(ctx: &SuggestContext, start: usize) -> bool {
    let words = &ctx.words;
    words
        .get(start)
        .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an"))
        && words
            .get(start + 1)
            .is_some_and(|w| !w.is_capitalised() && !w.is_punct())
}

/// `"…," one senior administration official said`, `A London-based Nordic banking expert said`:
/// whether the words right before the cue at word `cue`, back to a punctuation mark or the
/// sentence's start at word `start`, are an indefinite noun phrase ("a", "an", "one" or
/// "another", then up to six words ending in a lower-case noun; a place, a people or a body may
/// modify it, a person's name may not).
fn unnamed_right_before(ctx: &SuggestContext, start: usize, cue: usize) -> bool {
    let words = &ctx.words;
    let Some(first) = (start.max(cue.saturating_sub(7))..cue)
        .rev()
        .take_while(|&k| {
            let w = &words[k];
            w.text.chars().all(char::is_lowercase)
                || w.text == "-"
                || (w.is_capitalised() && !in_person_mention(ctx, w.span))
        })
        .filter(|&k| is_indefinite(&words[k].lower))
        .last()
    else {
        return false;
    };
    // `But one top Republican strategist warned`: a conjunction may open the sentence.
    // (Or follow its cue: `"…," said an economist at one of Japan's major brokerage houses`.)
    let opens = first == start
        || words[first - 1].is_punct()
        || is_speech_verb(&words[first - 1].lower)
        || (first == start + 1 && matches!(words[start].lower.as_str(), "but" | "and" | "yet"));
    first + 1 < cue && words[cue - 1].text.chars().all(char::is_lowercase) && opens
}

/// `the spokesman added`, `, the source said,`: the words right before the cue at word `cue`
/// (an adverb aside) when they are "the", then up to three lower-case words ending in an office
/// or a noun for someone unnamed ("source", "official", "aide"), opening the clause (from the
/// sentence's start at word `start`, or after a punctuation mark): the span from "the" to the
/// noun.
fn office_right_before(ctx: &SuggestContext, start: usize, cue: usize) -> Option<CharSpan> {
    let words = &ctx.words;
    let mut end = cue;
    while end > start && super::is_adverb_word(&words[end - 1]) {
        end -= 1;
    }
    let noun = &words[end.checked_sub(1)?];
    if !(super::PERSON_ROLES.contains(&noun.lower.as_str())
        || super::UNNAMED_SPEAKERS.contains(&noun.lower.as_str()))
        || !noun.text.chars().all(char::is_lowercase)
    {
        return None;
    }
    let the = (start.max(end.saturating_sub(5))..end - 1)
        .rev()
        .take_while(|&j| words[j].text.chars().all(char::is_lowercase) || words[j].lower == "the")
        .find(|&j| words[j].lower == "the")?;
    let opens = the == start || words[the - 1].is_punct();
    let lower_between = (the + 1..end - 1).all(|j| words[j].text.chars().all(char::is_lowercase));
    (opens && lower_between).then(|| CharSpan::new(words[the].span.start, noun.span.end))
}

/// "a", "an", "one" and "another": the determiners of someone unnamed.
pub(super) fn is_indefinite(lower: &str) -> bool {
    matches!(lower, "a" | "an" | "one" | "another")
}

/// Whether the word at `span` is inside a person's mention.
fn in_person_mention(ctx: &SuggestContext, span: CharSpan) -> bool {
    let before = ctx.mentions.partition_point(|m| m.span.start <= span.start);
    ctx.mentions[before.saturating_sub(8)..before]
        .iter()
        .any(|m| m.span.contains_span(span) && canonical(&m.label) == "PERSON")
}

/// The word right before mention `i`, if any.
fn word_before_mention(ctx: &SuggestContext, i: usize) -> Option<usize> {
    ctx.word_at_or_after(ctx.mentions[i].span.start)
        .checked_sub(1)
}

/// Whether mention `i` is the one spoken to: right after "told" ("tells", "telling") or after
/// "to" following "speaking", "talking", "spoke" or "talked".
fn listener(ctx: &SuggestContext, i: usize) -> bool {
    let words = &ctx.words;
    let Some(k) = word_before_mention(ctx, i) else {
        return false;
    };
    match words[k].lower.as_str() {
        "told" | "tells" | "telling" => true,
        "to" => k.checked_sub(1).is_some_and(|j| {
            matches!(
                words[j].lower.as_str(),
                "speaking" | "talking" | "spoke" | "talked" | "speaks" | "talks"
            )
        }),
        _ => false,
    }
}

/// Whether mention `i` is the one a request is made of: right after "called on" (or "upon"),
/// "urged" and their other forms ("She called on Sarkozy to continue", "urged Anna Berg to stay").
fn called_on(ctx: &SuggestContext, i: usize) -> bool {
    let words = &ctx.words;
    let Some(k) = word_before_mention(ctx, i) else {
        return false;
    };
    match words[k].lower.as_str() {
        "urged" | "urges" | "urging" => true,
        "on" | "upon" => k
            .checked_sub(1)
            .is_some_and(|j| matches!(words[j].lower.as_str(), "called" | "calls" | "calling")),
        _ => false,
    }
}

/// Whether mention `i` stands in a phrase of comparison or company: "like", "unlike" or "with"
/// among the (up to three) words of its sentence before it, with no punctuation between ("Like
/// President Bush", "in contact with Martin Luther King"). Not any preposition: "For Kevin
/// Allton, Warhol was a legend" names the topic, who goes on speaking, and "after Spanton smoked"
/// opens a clause of its own.
fn compared_or_accompanying(ctx: &SuggestContext, i: usize) -> bool {
    let words = &ctx.words;
    let starts = ctx.word_at_or_after(ctx.mentions[i].span.start);
    let Some(sentence) = words.get(starts).map(|w| w.sentence) else {
        return false;
    };
    (starts.saturating_sub(3)..starts)
        .rev()
        .take_while(|&k| !words[k].is_punct() && words[k].sentence == sentence)
        .any(|k| matches!(words[k].lower.as_str(), "like" | "unlike" | "with"))
}

/// Whether mention `i` follows "by", alone or in a list of names after it ("by Quirin, Redouane
/// and an unnamed officer").
fn agent_of_passive(ctx: &SuggestContext, i: usize) -> bool {
    let words = &ctx.words;
    let mut start = ctx.mentions[i].span.start;
    loop {
        let Some(k) = ctx.word_at_or_after(start).checked_sub(1) else {
            return false;
        };
        match words[k].lower.as_str() {
            "by" => return true,
            "," | "and" => {
                let Some(previous) = k
                    .checked_sub(1)
                    .and_then(|p| ctx.mentions_ending_at(words[p].span.end).into_iter().next())
                else {
                    return false;
                };
                start = ctx.mentions[previous].span.start;
            }
            _ => return false,
        }
    }
}
