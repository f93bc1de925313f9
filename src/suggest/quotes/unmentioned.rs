//! A cue's speaker named by capitalised words that are no mention: the entity model misses many
//! names in news text (`His eldest daughter, Tutut, said`, `One protester, Kim In-seok, stated`,
//! `Ban Ki-moon, the U.N. secretary general, said`). When no rule found a subject among the
//! mentions, the name in the cue's subject place is the speaker itself (`name`): a person, or an
//! organisation when one of its words is an organisation's ("Center", "Ministry"). Accepting the
//! quote creates the speaker's mention (see `accept`), so it needs no mention of its own.

use crate::model::CharSpan;

use super::super::context::{SuggestContext, Word};
use super::super::labels::canonical;
use super::super::lexicon::{is_common_word, is_org_keyword};
use super::super::speaker_name::is_title;
use super::{LISTENER_CUES, PREPOSITIONS, RoleRef, Subject, is_adverb_word, paragraph_start};

/// Accounts a body or a person posts from ("the official twitter handle of The Cranberries").
const ACCOUNT_NOUNS: &[&str] = &["account", "handle", "page", "feed", "channel"];

/// Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "de", "da", "das", "del", "della", "di", "do", "dos", "du", "van", "von", "der", "den", "ter",
    "bin", "ibn", "al", "el", "la", "le",
];

/// Capitalised words that name no one: function words that open a sentence and the pronoun "I"
/// (days and months are `DATES`).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "one",
    "some",
    "many",
    "several",
    "another",
    "other",
    "both",
    "all",
    "i",
    "we",
    "he",
    "she",
    "they",
    "it",
    "you",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "also",
    "however",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
];

/// Days and months: they name no one either, unless a person's name written out in the document
/// ends with one ("Theresa May").
const DATES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a word can be part of a name: capitalised (or an acronym), with a letter.
fn name_word(word: &Word) -> bool {
    word.is_capitalised() && word.text.chars().any(char::is_alphabetic)
}

/// Whether the words `start..end` are a name: each a name word, a particle between two of them
/// or a hyphen joining two words ("Ki-moon"); opening with a name word and closing with one or a
/// hyphen's part, and not
/// ending in a title ("the Iranian President") unless a person's name ends with it; its first and last words no function word, day or
/// month (inside, "Kim In-seok" may hold one).
fn is_name(ctx: &SuggestContext, start: usize, end: usize) -> bool {
    let words = &ctx.words;
    let not_name = |w: &Word| {
        NOT_NAMES.contains(&w.lower.as_str())
            || (DATES.contains(&w.lower.as_str()) && !surname_of_a_person(ctx, w, end))
    };
    if start >= end
        || !name_word(&words[start])
        || !(name_word(&words[end - 1]) || (words[end - 1].text != "-" && joined(ctx, end - 1)))
        || not_name(&words[start])
        || not_name(&words[end - 1])
        || (is_title(&words[end - 1].text) && !surname_of_a_person(ctx, &words[end - 1], end))
    {
        return false;
    }
    (start..end).all(|k| {
        let word = &words[k];
        name_word(word)
            || (PARTICLES.contains(&word.text.as_str()) && k > start && k + 1 < end)
            || joined(ctx, k)
    })
}

/// "said May." after "Prime Minister Theresa May", "King said" after "Billy King": a month, a day
/// or a title that ends a person's name written out elsewhere in the document names that person,
/// unless a number follows it ("May 5").
fn surname_of_a_person(ctx: &SuggestContext, word: &Word, end: usize) -> bool {
    let chars = ctx.chars();
    let dated = ctx
        .words
        .get(end)
        .is_some_and(|w| w.text.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let surname: Vec<char> = word.text.chars().collect();
    !dated
        && ctx.mentions.iter().any(|m| {
            let name = &chars[m.span.start..m.span.end];
            canonical(&m.label) == "PERSON"
                && name.len() > surname.len()
                && name.ends_with(&surname)
                && name[name.len() - surname.len() - 1] == ' '
        })
}

/// "Ki-moon": the hyphen at word `k`, or the lower-case word after it, touching the words on
/// both sides.
fn joined(ctx: &SuggestContext, k: usize) -> bool {
    let words = &ctx.words;
    let touches = |a: usize, b: usize| {
        words
            .get(a)
            .zip(words.get(b))
            .is_some_and(|(x, y)| x.span.end == y.span.start)
    };
    if words[k].text == "-" {
        return k > 0 && touches(k - 1, k) && touches(k, k + 1);
    }
    k >= 2 && words[k - 1].text == "-" && touches(k - 2, k - 1) && touches(k - 1, k)
}

/// The first word of the longest name ending at word `end` (exclusive), at or after `from`.
fn name_start(ctx: &SuggestContext, from: usize, end: usize) -> Option<usize> {
    (from..end).find(|&start| is_name(ctx, start, end))
}

/// The speaker a name at words `start..end` stands for: its span with the person's titles left
/// out (see `speaker_name`), as a person, or an organisation when a word of it is an
/// organisation's.
fn named(ctx: &SuggestContext, start: usize, end: usize) -> Subject {
    let words = &ctx.words;
    let span = CharSpan::new(words[start].span.start, words[end - 1].span.end);
    let organisation = (start..end).any(|k| is_org_keyword(&words[k].text));
    Subject::Name(
        span,
        if organisation {
            RoleRef::Organisation
        } else {
            RoleRef::Person
        },
    )
}

/// The name in a cue's subject place before word `cue`, in the clause from word `from`, when the
/// rules found no mention there:
/// - `His eldest daughter, Tutut, said`: a name between two commas right before the cue;
/// - `Ban Ki-moon, the U.N. secretary general, said`: a name opening the clause, before a
///   description between commas that ends at the cue;
/// - `Canadian Public Safety Minister Stockwell Day said`: a name right before the cue, after
///   the clause's opening or a word that is no preposition (not `a letter seen by Sky News says`);
/// - `Anthony Cordesman, a security analyst at the Center … told`: a name opening the clause,
///   its comma and a description in lower case that runs to the cue.
pub(super) fn name_before(ctx: &SuggestContext, from: usize, cue: usize) -> Option<Subject> {
    let words = &ctx.words;
    let mut end = cue;
    while end > from + 1 && is_adverb_word(&words[end - 1]) {
        end -= 1;
    }
    if end <= from {
        return None;
    }
    if let Some(handle) = handle_before(ctx, from, end) {
        return Some(handle);
    }
    let comma_before = |to: usize| (from..to).rev().find(|&k| words[k].text == ",");
    if words[end - 1].text == "," {
        let comma = end - 1;
        let earlier = comma_before(comma)?;
        // `The study's lead author, doctoral candidate Maninder Thind, said`: a name after a
        // description in lower case (two or three words, no "a" or "the") between the commas.
        if let Some(start) = name_start(ctx, earlier + 1, comma)
            && start > earlier + 2
            && start <= earlier + 4
            && words[earlier + 1..start].iter().all(|w| {
                !w.is_capitalised()
                    && w.text.chars().all(char::is_alphabetic)
                    && !NOT_NAMES.contains(&w.lower.as_str())
                    && !PREPOSITIONS.contains(&w.lower.as_str())
            })
        {
            return Some(named(ctx, start, comma));
        }
        if let Some(start) = name_start(ctx, earlier + 1, comma)
            && start == earlier + 1
        {
            // "Ben Summerskill of the British gay rights organization, Stonewall, said": the
            // name between the commas is the body's; the person of the body speaks.
            if let Some(of) = (from..earlier).find(|&k| words[k].lower == "of")
                && is_name(ctx, from, of)
            {
                return Some(named(ctx, from, of));
            }
            return Some(named(ctx, start, comma));
        }
        // A description set off by commas after the name that opens the clause.
        let description = &words[earlier + 1..comma];
        let described = description.first().is_some_and(|w| !w.is_capitalised())
            && description.len() <= 12
            && description
                .iter()
                .all(|w| w.text != "\"" && in_description(w));
        if described && is_name(ctx, from, earlier) {
            return Some(named(ctx, from, earlier));
        }
        return None;
    }
    if let Some(start) = name_start(ctx, from, end) {
        let subject = named(ctx, start, end);
        let organisation = matches!(subject, Subject::Name(_, RoleRef::Organisation));
        let before = start.checked_sub(1).map(|k| &words[k]);
        // A word in letters only, not a preposition or a word that opens a clause: a number
        // makes a person-like name part of a thing's ("The 14th Amendment states"; an
        // organisation may hold one, "the January 25 Youth Coalition said"), a possessive makes
        // it the thing possessed ("the next year's Eurovision saying").
        let after_word = before.is_none_or(|w| {
            w.text == ","
                || (!w.is_capitalised()
                    && w.text
                        .chars()
                        .all(|c| c.is_alphabetic() || (organisation && c.is_ascii_digit()))
                    && !PREPOSITIONS.contains(&w.lower.as_str())
                    && !matches!(
                        w.lower.as_str(),
                        "and" | "or" | "but" | "that" | "which" | "who" | "whom" | "whose"
                    ))
        }) || start == from;
        // A lone capitalised word opening the sentence ("Officials said") is as likely a
        // common noun as a name.
        // A word no common list holds ("Harutizwi asks") is a name all the same.
        let lone_opening =
            end - start == 1 && words[start].sentence_start && is_common_word(&words[start].lower);
        if after_word && !lone_opening {
            return Some(subject);
        }
    }
    // "Anthony Cordesman, a security analyst at the Center … told": the name opening the clause,
    // then its comma and a description opening in lower case with no other comma before the cue.
    let comma = (from..end).find(|&k| words[k].text == ",")?;
    let description = &words[comma + 1..end];
    let described = description.first().is_some_and(|w| !w.is_capitalised())
        && description.len() <= 14
        && description
            .iter()
            .all(|w| !matches!(w.text.as_str(), "," | "\"" | ";" | ":"));
    // `Previously, the same charity has said`: one word opening the sentence before its comma is
    // an opening adverb or phrase ("Previously", "However", "Meanwhile"), not a name.
    let opening_word = comma == from + 1
        && words[from].sentence_start
        && (is_adverb_word(&words[from]) || is_common_word(&words[from].lower));
    (described && comma > from && !opening_word && is_name(ctx, from, comma))
        .then(|| named(ctx, from, comma))
}

/// Whether a word may stand in a description between commas (no quotation mark or clause mark).
fn in_description(word: &Word) -> bool {
    !matches!(word.text.as_str(), ";" | ":" | "\"" | "“" | "”")
}

/// The name right after the cue at word `cue` (`len` words), before char `limit`, when the rules
/// found no mention there: `"…," said Ted Rye.`, `according to production controller Ted Rye,`
/// (up to three lower-case words of description before it). Not after a listener's cue (`told
/// Reuters`), and only when the name ends its clause (a comma, a full stop or the line's end), so
/// that what was said (`said Israel would …`) is not taken for who said it.
pub(super) fn name_after(
    ctx: &SuggestContext,
    cue: usize,
    len: usize,
    limit: usize,
) -> Option<Subject> {
    let words = &ctx.words;
    // The one told, asked or urged after the cue listens.
    let listens = |w: &Word| {
        LISTENER_CUES.contains(&w.lower.as_str())
            || matches!(
                w.lower.as_str(),
                "asked" | "urged" | "urges" | "urging" | "on" | "upon" | "accusing"
            )
    };
    if listens(&words[cue]) || listens(&words[cue + len - 1]) {
        return None;
    }
    let from = cue + len;
    // `"…," tweeted @tvrain [ru] on May 6.`: a handle right after the cue is who wrote.
    if words.get(from).is_some_and(|w| w.text.starts_with('@'))
        || (words.get(from).is_some_and(|w| w.text == "@")
            && words
                .get(from + 1)
                .is_some_and(|w| w.span.start == words[from].span.end))
    {
        let mut end = from + 1;
        while end < words.len()
            && words[end].span.start == words[end - 1].span.end
            && words[end]
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
        {
            end += 1;
        }
        let span = CharSpan::new(words[from].span.start, words[end - 1].span.end);
        if span.end <= limit && span.len() > 1 {
            return Some(Subject::Name(span, RoleRef::Person));
        }
    }
    let mut start = from;
    while start < words.len()
        && start < from + 3
        && !words[start].is_capitalised()
        && words[start].text.chars().all(char::is_alphabetic)
        && !matches!(
            words[start].lower.as_str(),
            "that" | "to" | "on" | "via" | "through" | "about" | "of" | "in" | "at" | "by"
        )
    {
        start += 1;
    }
    // The longest name from `start`, of at most six words, inside the clause.
    let end = (start + 1..=words.len().min(start + 6))
        .filter(|&end| words[end - 1].span.end <= limit && is_name(ctx, start, end))
        .last()
        .unwrap_or(start);
    if end == start || words[start].sentence_start {
        return None;
    }
    // Not a name right before the opening mark (`saying the Iranian President "takes …"`: the
    // subject of the words quoted).
    let closes = words
        .get(end)
        .is_none_or(|w| matches!(w.text.as_str(), "," | "." | ";" | ":"));
    closes.then(|| named(ctx, start, end))
}

/// `the charity Christian Aid issued a statement`, `The UAW issued a statement`: the name right
/// before the verb at word `verb` that issued a document, opening the clause from word `from`
/// after at most "the" and three lower-case words of description ("the charity"); an
/// organisation when a word of it is an organisation's or it is an acronym.
pub(super) fn issuer_before(ctx: &SuggestContext, from: usize, verb: usize) -> Option<Subject> {
    let words = &ctx.words;
    // After an opening phrase ("In response to the allegations, the charity …").
    let from = (from..verb)
        .rev()
        .find(|&k| words[k].text == ",")
        .map_or(from, |comma| comma + 1);
    let start = name_start(ctx, from, verb)?;
    let description = from..start;
    let opens = description.len() <= 4
        && description.clone().all(|k| {
            let w = &words[k];
            w.lower == "the" || (!w.is_capitalised() && w.text.chars().all(char::is_alphabetic))
        });
    // "The official twitter handle of The Cranberries posted a tweet": the account is the
    // body's or the person's, who speaks through it.
    let of_account = || {
        let mut of = start.checked_sub(1)?;
        if words[of].lower == "the" {
            of = of.checked_sub(1)?;
        }
        (of > from
            && words[of].lower == "of"
            && ACCOUNT_NOUNS.contains(&words[of - 1].lower.as_str())
            && (from..of - 1).all(|k| {
                let w = &words[k];
                w.lower == "the" || (!w.is_capitalised() && w.text.chars().all(char::is_alphabetic))
            }))
        .then_some(())
    };
    if !opens && of_account().is_none() || (verb - start == 1 && words[start].sentence_start) {
        return None;
    }
    match named(ctx, start, verb) {
        Subject::Name(span, _) if (start..verb).all(|k| words[k].is_acronym()) => {
            Some(Subject::Name(span, RoleRef::Organisation))
        }
        subject => Some(subject),
    }
}

/// `Dodds of Time Magazine points out`: a person's name of up to three words opening the clause
/// from word `from`, right before "of" (or "of the") and the body's mention at word `starts`, when
/// no mention names the person: the person of the body speaks. A lone word opening the sentence
/// is taken only when it is no common word or plural of people ("Officials of the ministry",
/// "Workers of the union").
pub(super) fn person_of_body(ctx: &SuggestContext, from: usize, starts: usize) -> Option<Subject> {
    let words = &ctx.words;
    let mut of = starts.checked_sub(1)?;
    if words[of].lower == "the" {
        of = of.checked_sub(1)?;
    }
    if of <= from || of - from > 3 || words[of].lower != "of" || !is_name(ctx, from, of) {
        return None;
    }
    let lone = &words[from];
    let plural_of_people = [
        "ers", "ents", "ists", "ians", "ors", "ees", "als", "ies", "ives",
    ]
    .iter()
    .any(|suffix| lone.lower.ends_with(suffix));
    if of == from + 1
        && lone.sentence_start
        && (is_common_word(&lone.lower) || plural_of_people || lone.lower == "staff")
    {
        return None;
    }
    match named(ctx, from, of) {
        subject @ Subject::Name(_, RoleRef::Person) => Some(subject),
        _ => None,
    }
}

/// Nouns before a user name on a platform ("LiveJournal user i_l_d", "blogger sinn-fein-front").
const HANDLE_NOUNS: &[&str] = &[
    "user",
    "blogger",
    "tweeter",
    "twitterer",
    "netizen",
    "commenter",
    "username",
    "handle",
];

/// `Anti-Putin LiveJournal user i_l_d responded`, `Nationalist blogger sinn-fein-front wrote`: a
/// user name written in lower case and holding `_`, `-`, `.`, `@` or a digit (no spaces; a
/// word alone is no user name) right after a noun
/// for a platform's user and right before the cue at word `end`: the user speaks. A capitalised
/// name after such a noun is a name, found by `name_before`'s other rules.
fn handle_before(ctx: &SuggestContext, from: usize, end: usize) -> Option<Subject> {
    let words = &ctx.words;
    let mut start = end.checked_sub(1)?;
    while start > from && words[start].span.start == words[start - 1].span.end {
        start -= 1;
    }
    if start <= from || !HANDLE_NOUNS.contains(&words[start - 1].lower.as_str()) {
        return None;
    }
    let handle = &words[start..end];
    let first = handle[0].text.chars().next()?;
    let lower = first.is_lowercase() || first.is_ascii_digit() || first == '@';
    let plain = handle.iter().all(|w| {
        w.text
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.@".contains(c))
    });
    // A user name has a mark a word lacks ("i_l_d", "sinn-fein-front", "@melistasan", a digit);
    // a lone lower-case word ("blogger himself wrote") is no one's name.
    let marked = handle.iter().any(|w| {
        w.text
            .chars()
            .any(|c| c.is_ascii_digit() || "_-.@".contains(c))
    });
    (lower
        && plain
        && marked
        && handle
            .iter()
            .any(|w| w.text.chars().any(char::is_alphabetic)))
    .then(|| {
        Subject::Name(
            CharSpan::new(handle[0].span.start, handle[handle.len() - 1].span.end),
            RoleRef::Person,
        )
    })
}

/// Whether the pronoun at `pronoun` is "she" (`Some(true)`) or "he" (`Some(false)`); `None` for
/// any other.
fn she(ctx: &SuggestContext, pronoun: CharSpan) -> Option<bool> {
    match ctx.text_of(pronoun).to_lowercase().as_str() {
        "he" => Some(false),
        "she" => Some(true),
        _ => None,
    }
}

/// Verbs that may follow a paragraph's opening subject ("Schmetzer was naturally delighted").
const OPENING_VERBS: &[&str] = &[
    "was", "is", "has", "had", "said", "says", "added", "told", "also", "then", "later", "agreed",
];

/// `Schmetzer was naturally delighted … "I think we played well," he said.`: a paragraph that
/// opens with a lone capitalised word the entity model did not take for a name (not a common
/// word, a day, a title or a body's word; not inside a quotation) and then a verb, and names no
/// person or organisation before a "he" or "she" later in it, is about that word's bearer; the
/// pronoun stands for them.
pub(super) fn paragraph_opening_name(ctx: &SuggestContext, pronoun: CharSpan) -> Option<CharSpan> {
    let chars = ctx.chars();
    let words = &ctx.words;
    she(ctx, pronoun)?;
    let start = paragraph_start(chars, pronoun.start);
    let first = ctx.word_at_or_after(start);
    let subject = words.get(first)?;
    let verb = words.get(first + 1)?;
    let lone_name = subject.is_capitalised()
        && subject.text.chars().count() >= 3
        && subject.text.chars().all(char::is_alphabetic)
        && !is_common_word(&subject.lower)
        && !NOT_NAMES.contains(&subject.lower.as_str())
        && !DATES.contains(&subject.lower.as_str())
        && !is_title(&subject.text)
        && !is_org_keyword(&subject.text);
    let verb_follows = OPENING_VERBS.contains(&verb.lower.as_str())
        || (verb.lower.ends_with("ed") && verb.text.chars().all(char::is_lowercase));
    let named_between = ctx
        .mentions_starting_in(CharSpan::new(start, pronoun.start))
        .any(|i| matches!(canonical(&ctx.mentions[i].label), "PERSON" | "ORG"));
    // `"It's hard to say. / Everything is just speculation," he said.`: a word inside the
    // quotation is what was said, not who is spoken of.
    (subject.span.end < pronoun.start
        && lone_name
        && verb_follows
        && !ctx.mention_overlaps(subject.span)
        && !ctx.inside_quotation(subject.span.start)
        && !named_between)
        .then_some(subject.span)
}

/// `After Ms Maliwal visited the baby's hospital, she tweeted: "…"`: a "he" or "she" after an
/// honorific and a capitalised name the entity model missed, in the pronoun's paragraph, with no
/// person or organisation named in between, stands for that name, when the honorific's sex agrees
/// ("Mr" for "he"; "Mrs", "Ms", "Miss" for "she"; "Dr" for either).
pub(super) fn titled_name_before(ctx: &SuggestContext, pronoun: CharSpan) -> Option<CharSpan> {
    let chars = ctx.chars();
    let words = &ctx.words;
    let she = she(ctx, pronoun)?;
    let start = paragraph_start(chars, pronoun.start);
    let from = ctx.word_at_or_after(start);
    let to = ctx.word_at_or_after(pronoun.start);
    let title = (from..to).rev().find(|&k| {
        let honorific = words[k].text.trim_end_matches('.');
        match honorific {
            "Mr" => !she,
            "Mrs" | "Ms" | "Miss" => she,
            "Dr" => true,
            _ => false,
        }
    })?;
    let mut end = title + 1;
    if words.get(end).is_some_and(|w| w.text == ".") {
        end += 1;
    }
    let first = end;
    while end < to && name_word(&words[end]) && !NOT_NAMES.contains(&words[end].lower.as_str()) {
        end += 1;
    }
    if end == first || end - first > 3 {
        return None;
    }
    let name = CharSpan::new(words[first].span.start, words[end - 1].span.end);
    let named_between = ctx
        .mentions_starting_in(CharSpan::new(words[title].span.start, pronoun.start))
        .any(|i| matches!(canonical(&ctx.mentions[i].label), "PERSON" | "ORG"));
    (!named_between && !ctx.mention_overlaps(name) && !ctx.inside_quotation(name.start))
        .then_some(name)
}
