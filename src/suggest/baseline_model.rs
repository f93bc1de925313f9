//! How the baseline puts the news model and its rules together (see [`super::Baseline`]): the
//! model's mentions first, then what the rules add or vouch for, then boundaries mended.

use crate::model::CharSpan;

use super::baseline::{Found, gazetteer_rule};
use super::context::Word;
use super::gazetteer::{GazKind, gazetteer};
use super::lexicon::{is_common_word, is_org_keyword, is_speech_verb};
use super::overlaps::Overlaps;
use super::tagger::TaggerModel;

/// The rule labels the model does not know, or knows worse: dates, nationalities, and names the
/// gazetteers list.
fn rule_kept_beside_model(found: &Found) -> bool {
    found.label == "DATE"
        || found.label == "NORP"
        || found.rule.starts_with("gazetteer:")
        || matches!(
            found.rule,
            "acronym-defined"
                | "name-repeat"
                | "name+speech-verb"
                | "place-preposition"
                | "name+office"
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
pub(super) fn combine(
    words: &[Word],
    chars: &[char],
    model: &TaggerModel,
    rules: Vec<Found>,
) -> Vec<(CharSpan, String, f32, &'static str)> {
    let gazetteer = gazetteer();
    let mut out: Vec<(CharSpan, String, f32, &'static str)> = Vec::new();
    let (mentions, probabilities) = model.predict_with_probabilities(words, chars);
    for (span, label, confidence) in mentions {
        // "Maj" of "said Maj. Gen. Bill Lee", "Adm" of "retired Adm. Eugene Carroll": a title
        // written short is no name, though the model takes it for one.
        if only_a_title(words, span) {
            continue;
        }
        let span = drop_leading_title(words, span);
        // "Morgan Grenfell's Bell": a possessive's ending opens no name.
        let Some(span) = without_leading_possessive(words, span) else {
            continue;
        };
        let span = if label == "PERSON" {
            with_particle_before(words, given_name_at_sentence_start(words, span))
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
        // "the Bishop said", "The Bishop of Durham": a title alone after "the" is an office, no
        // name.
        if first > 0
            && words[first - 1].lower == "the"
            && words.get(first).is_some_and(|w| w.span == span)
            && gazetteer.title_at(words, first).is_some()
        {
            continue;
        }
        let (label, rule) = match hit {
            Some(hit) => (hit.kind.label().to_owned(), gazetteer_rule(hit.kind)),
            None if label == "PERSON" && after_the(words, first, span) => {
                ("ORG".to_owned(), "news-model:after-the")
            }
            // "the so-called Guildford Four", "the Birmingham Six": a group named by its number.
            None if label == "PERSON" && ends_in_number_word(words, span) => {
                ("ORG".to_owned(), "news-model:group")
            }
            None => (label, "news-model"),
        };
        // A score that the model's own confidence orders, kept below the gazetteer's 0.9 unless
        // the model is sure.
        out.push((span, label, 0.4 + 0.55 * confidence, rule));
    }
    // Looking through every mention found so far for each word and each rule made a long document
    // quadratic; an index over the model's mentions answers "which overlap this span?" by a binary
    // search.
    let model_mentions = Overlaps::new(out.iter().map(|(span, ..)| *span));
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
        // (Only the model's mentions can overlap: the lone words pushed so far are other words.)
        if !lone || model_mentions.any(word.span) {
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
    // What the rules add or replace is found against the model's mentions and lone words alone:
    // the rules' mentions never overlap one another (see [`super::baseline::find`]), and a
    // mention a rule replaces lies inside the rule's span, where no other rule reaches. Replaced
    // mentions are marked and dropped at the end, in one pass.
    let found_by_model = Overlaps::new(out.iter().map(|(span, ..)| *span));
    let mut replaced = vec![false; out.len()];
    debug_assert!(
        rules
            .windows(2)
            .all(|pair| pair[0].end <= pair[1].start && pair[0].start < pair[0].end)
    );
    for f in &rules {
        let span = CharSpan::new(words[f.start].span.start, words[f.end - 1].span.end);
        let overlapping: Vec<usize> = found_by_model.overlapping(span).collect();
        if !overlapping.is_empty() {
            // A name the gazetteer, an organisation keyword or an earlier full name vouches for
            // replaces the model's mentions inside it: "European Union" over "Union",
            // "Belgrade-Pristina Dialogue" over "Belgrade-Pristina", "Kurti" as the person seen
            // in full before.
            // (A city list's hit is not: "Jackson" and "Lincoln" are people too.)
            let vouched = (f.rule.starts_with("gazetteer:") && f.rule != "gazetteer:place")
                || matches!(f.rule, "org-keyword" | "name-repeat" | "acronym-defined");
            // One mention only: a run over several of the model's names ("Refugee Council
            // Enver Solomon") is two names, not one.
            let inside = overlapping.len() == 1 && span.contains_span(out[overlapping[0]].0);
            if vouched && inside {
                replaced[overlapping[0]] = true;
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
            let mean = |k: usize| mean_probability(&probabilities, f.start..f.end, k);
            index.is_some_and(|own| {
                let own_p = mean(own);
                // At a sentence start the model sees little; there it must only not prefer
                // another label.
                (own_p >= RULE_AGREEMENT_MIN || words[f.start].sentence_start)
                    && (0..model.labels().len()).all(|k| k == own || mean(k) <= own_p)
            })
        };
        let foreign = (f.start..f.end).any(|i| !is_latin(&words[i].text));
        // A name after a title and before a verb of saying ("Indonesian Energy Minister
        // Subroto said") is a person whatever the model reads.
        let titled_speaker =
            f.rule == "title+name" && words.get(f.end).is_some_and(|w| is_speech_verb(&w.lower));
        if rule_kept_beside_model(f) || foreign || titled_speaker || agrees() {
            out.push((span, f.label.to_owned(), f.score, f.rule));
        }
    }
    let mut index = 0;
    out.retain(|_| {
        let keep = !replaced.get(index).copied().unwrap_or(false);
        index += 1;
        keep
    });
    out.sort_by_key(|(span, ..)| *span);
    join_organisations(words, &mut out);
    join_particle_names(words, &mut out);
    one_label_per_name(chars, &mut out);
    name_parts_repeated(words, &mut out);
    company_names(words, &mut out, model.labels(), &probabilities);
    // "the Texas Democrat told reporters", "Republicans said": a party's members are a group,
    // whichever reading took them for a person.
    for (span, label, _, _) in out.iter_mut() {
        if label == "PERSON" && party_member(words, *span) {
            *label = "NORP".to_owned();
        }
    }
    out
}

/// "He added the Treasury was aware", "force the Administration to consult": one capitalised
/// word right after a lower-case "the" and before a function word or a punctuation mark is a
/// body, not a person, whatever the model read. (Before a noun it may be a person's name used
/// as a modifier: "the Reagan administration".)
fn after_the(words: &[Word], first: usize, span: CharSpan) -> bool {
    first > 0
        && words[first - 1].text == "the"
        && words
            .get(first)
            .is_some_and(|w| w.span == span && !w.is_acronym())
        && words.get(first + 1).is_none_or(|next| {
            next.is_punct()
                || matches!(next.lower.as_str(), "'s" | "’s")
                || (!next.is_capitalised() && is_common_word(&next.lower))
        })
}

/// Whether the last word of `span` is a number written out ("Guildford Four"): no person's name
/// ends so.
fn ends_in_number_word(words: &[Word], span: CharSpan) -> bool {
    let end = words.partition_point(|w| w.span.end <= span.end);
    end >= 2
        && words[end - 1].span.end == span.end
        && words[end - 2].span.start >= span.start
        && matches!(
            words[end - 1].text.as_str(),
            "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Six"
                | "Seven"
                | "Eight"
                | "Nine"
                | "Ten"
                | "Eleven"
                | "Twelve"
        )
}

/// The model's mean probability of label `label` over the words `range` (0 where it gave none).
fn mean_probability(
    probabilities: &[Vec<f32>],
    range: std::ops::Range<usize>,
    label: usize,
) -> f32 {
    let count = range.len().max(1) as f32;
    range
        .map(|i| {
            probabilities
                .get(i)
                .and_then(|p| p.get(label))
                .copied()
                .unwrap_or(0.0)
        })
        .sum::<f32>()
        / count
}

/// A company's legal form, which ends its name as the wire writes it ("Eastman Kodak Co",
/// "Coastal Corp", "S and W Berisford Plc").
/// (Not "AG" or "NV", which the news writes for an attorney general and for Nevada.)
const LEGAL_FORMS: &[&str] = &[
    "Bancorp",
    "Co",
    "Corp",
    "Corporation",
    "Cos",
    "GmbH",
    "Inc",
    "Incorporated",
    "LLC",
    "Limited",
    "Ltd",
    "PLC",
    "Plc",
];

fn is_legal_form(word: &Word) -> bool {
    LEGAL_FORMS.contains(&word.text.trim_end_matches('.'))
}

/// A company named with its legal form is one organisation, whatever the model read in its words
/// ("American Express Co" is no nationality and no person, "Shearson Lehman Brothers Inc" no
/// person); and where the document names it again without the form, in full or by its first words
/// ("Coastal Corp" … "Coastal's outlets", "American Express Co" … "American Express said"), that
/// is the company too. A lone first word is taken only when it is no common word, place,
/// nationality or title ("American" alone stays a nationality).
fn company_names(
    words: &[Word],
    found: &mut Vec<(CharSpan, String, f32, &'static str)>,
    labels: &[String],
    probabilities: &[Vec<f32>],
) {
    use std::collections::HashSet;
    let gazetteer = gazetteer();
    let mut companies: Vec<(usize, usize)> = Vec::new();
    for k in 0..words.len() {
        let last_form = is_legal_form(&words[k])
            && !words.get(k + 1).is_some_and(is_legal_form)
            && !words[k].sentence_start;
        if !last_form {
            continue;
        }
        let sentence = words[k].sentence;
        let mut start = k;
        while start > 0 && k - start < 8 {
            let before = &words[start - 1];
            if before.sentence != sentence {
                break;
            }
            if before.is_capitalised() && !before.is_punct() {
                start -= 1;
                continue;
            }
            let capital_before = start >= 2 && words[start - 2].is_capitalised();
            let glued = start >= 2
                && words[start - 2].span.end == before.span.start
                && before.span.end == words[start].span.start;
            // "Goldman, Sachs and Co", "Donaldson, Lufkin and Jenrette Inc": a partnership's
            // first partner before a comma, when "and" joins the last (one word, no place, no
            // common word).
            let partner = before.text == ","
                && capital_before
                && (start..k).any(|j| matches!(words[j].text.as_str(), "and" | "&"))
                && (start < 3
                    || !words[start - 3].is_capitalised()
                    || words[start - 3].sentence != sentence)
                && !is_common_word(&words[start - 2].lower)
                && !words[start - 2].is_acronym()
                && gazetteer.name_at(words, start - 2).is_none();
            let joins = capital_before
                && (matches!(before.text.as_str(), "and" | "&")
                    || (before.text == "of" && is_org_keyword(&words[start - 2].text))
                    || (before.text == "-" && glued)
                    || partner);
            if !joins {
                break;
            }
            start -= 1;
        }
        // "The Coastal Corp": a common word opening the sentence is none of the name.
        while start < k
            && ((words[start].sentence_start && is_common_word(&words[start].lower))
                || matches!(words[start].text.as_str(), "and" | "&" | "of" | "-"))
        {
            start += 1;
        }
        if start < k && !(start..k).all(|i| is_legal_form(&words[i])) {
            companies.push((start, k + 1));
        }
    }
    if companies.is_empty() {
        return;
    }
    // The names the document may use again without the form: the name's first words.
    let mut short_names: HashSet<Vec<&str>> = HashSet::new();
    for &(start, end) in &companies {
        let mut base_end = end;
        while base_end > start
            && (is_legal_form(&words[base_end - 1])
                || matches!(words[base_end - 1].text.as_str(), "and" | "&" | ","))
        {
            base_end -= 1;
        }
        for prefix_end in start + 1..=base_end {
            if matches!(
                words[prefix_end - 1].text.as_str(),
                "and" | "&" | "of" | "-"
            ) {
                continue;
            }
            let lone = prefix_end == start + 1;
            let word = &words[start];
            let distinctive = word.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !is_common_word(&word.lower)
                && gazetteer.name_at(words, start).is_none()
                && gazetteer.title_at(words, start).is_none();
            if lone && !distinctive {
                continue;
            }
            short_names.insert(
                words[start..prefix_end]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect(),
            );
        }
    }
    let mut spans: Vec<(CharSpan, &'static str, f32)> = companies
        .iter()
        .map(|&(start, end)| {
            (
                CharSpan::new(words[start].span.start, words[end - 1].span.end),
                "company-name",
                0.85,
            )
        })
        .collect();
    let in_company = Overlaps::new(spans.iter().map(|(span, ..)| *span));
    let mentions = Overlaps::new(found.iter().map(|(span, ..)| *span));
    // Each run of capitalised words (less a common word opening its sentence) that is a short
    // name, or a short name before a title ("Coastal Chairman Oscar Wyatt").
    let mut i = 0;
    while i < words.len() {
        let opens_run = words[i].is_capitalised()
            && !words[i].is_punct()
            && (i == 0
                || !words[i - 1].is_capitalised()
                || words[i - 1].sentence != words[i].sentence);
        if !opens_run {
            i += 1;
            continue;
        }
        // ("Brown-Forman" is one run.)
        let glued_hyphen = |k: usize| {
            words[k].text == "-"
                && k > i
                && words[k - 1].span.end == words[k].span.start
                && words
                    .get(k + 1)
                    .is_some_and(|next| next.span.start == words[k].span.end)
        };
        let mut end = i;
        while end < words.len()
            && ((words[end].is_capitalised() && !words[end].is_punct()) || glued_hyphen(end))
            && words[end].sentence == words[i].sentence
        {
            end += 1;
        }
        let mut start = i;
        if words[start].sentence_start && is_common_word(&words[start].lower) {
            start += 1;
        }
        let name_end = (start + 1..=end).rev().find(|&e| {
            let key: Vec<&str> = words[start..e].iter().map(|w| w.text.as_str()).collect();
            short_names.contains(&key) && (e == end || gazetteer.title_at(words, e).is_some())
        });
        if let Some(name_end) = name_end {
            let span = CharSpan::new(words[start].span.start, words[name_end - 1].span.end);
            // Only where no mention runs across the name's edge.
            let clean = mentions
                .overlapping(span)
                .all(|k| span.contains_span(found[k].0));
            if !in_company.any(span) && clean {
                spans.push((span, "company-short-name", 0.8));
            }
        }
        i = end;
    }
    // A mention running out of a company's name keeps what lies outside it, with the label the
    // model finds likeliest for those words ("Chrysler LLC Jim Press" read as one organisation
    // keeps "Jim Press", a person).
    let replacing = Overlaps::new(spans.iter().map(|(span, ..)| *span));
    let mut kept = Vec::with_capacity(found.len());
    for (span, label, score, rule) in found.drain(..) {
        let mut rest = span;
        for company in replacing.overlapping_spans(span) {
            if company.start <= rest.start && company.end < rest.end {
                rest.start = company.end;
            } else if company.start > rest.start && company.end >= rest.end {
                rest.end = company.start;
            } else {
                rest.end = rest.start;
            }
        }
        if rest == span {
            kept.push((span, label, score, rule));
            continue;
        }
        // The rest begins and ends on a word, or goes.
        let mut inside = (words.partition_point(|w| w.span.end <= rest.start)
            ..words.partition_point(|w| w.span.start < rest.end))
            .filter(|&k| {
                let w = &words[k];
                w.span.start >= rest.start && w.span.end <= rest.end && !w.is_punct()
            });
        if let Some(a) = inside.next()
            && words[a].is_capitalised()
        {
            let b = inside.next_back().unwrap_or(a);
            let likeliest = (0..labels.len())
                .map(|l| (l, mean_probability(probabilities, a..b + 1, l)))
                .max_by(|x, y| x.1.total_cmp(&y.1));
            if let Some((l, p)) = likeliest
                && p >= 0.5
            {
                let span = CharSpan::new(words[a].span.start, words[b].span.end);
                kept.push((span, labels[l].clone(), score, rule));
            }
        }
    }
    *found = kept;
    found.extend(
        spans
            .into_iter()
            .map(|(span, rule, score)| (span, "ORG".to_owned(), score, rule)),
    );
    found.sort_by_key(|(span, ..)| *span);
}

/// "Weerachon Sukhondhapatipak" then "Weerachon expressed …": a word that begins or ends a person's
/// name of several words, standing alone elsewhere in the document (no capitalised word beside
/// it) where nothing was found, is that person. Common words ("Will", "Rose"), titles and the
/// gazetteers' names ("Germany" of a span run into "Germany Richard Grenell") are left alone.
fn name_parts_repeated(words: &[Word], found: &mut Vec<(CharSpan, String, f32, &'static str)>) {
    use std::collections::HashSet;
    let gazetteer = gazetteer();
    let usable = |k: usize| {
        let word = &words[k];
        word.is_capitalised()
            && !word.is_acronym()
            && word.text.chars().count() >= 3
            && word.text.chars().all(char::is_alphabetic)
            && !is_common_word(&word.lower)
            && gazetteer.title_at(words, k).is_none()
            && gazetteer.name_at(words, k).is_none()
    };
    let mut parts: HashSet<&str> = HashSet::new();
    let mut particled: HashSet<(&str, &str)> = HashSet::new();
    for (span, label, _, _) in found.iter() {
        if label != "PERSON" {
            continue;
        }
        let first = words.partition_point(|w| w.span.start < span.start);
        let end = words.partition_point(|w| w.span.end <= span.end);
        if end < first + 2 {
            continue;
        }
        for k in [first, end - 1] {
            if usable(k) {
                parts.insert(words[k].text.as_str());
            }
        }
        // "Hans van Liemt" is "Van Liemt" opening a sentence.
        if end - first >= 3 && usable(end - 1) && is_particle(&words[end - 2].text) {
            particled.insert((words[end - 2].text.as_str(), words[end - 1].text.as_str()));
        }
    }
    if parts.is_empty() {
        return;
    }
    let taken = Overlaps::new(found.iter().map(|(span, ..)| *span));
    let mut added = Vec::new();
    for (k, word) in words.iter().enumerate() {
        // Nor a piece of a hyphenated word ("Nesf-e-Jahan").
        let hyphen_at = |j: usize| words.get(j).is_some_and(|w| w.text == "-");
        let glued = (k > 0 && hyphen_at(k - 1) && words[k - 1].span.end == word.span.start)
            || (hyphen_at(k + 1) && words[k + 1].span.start == word.span.end);
        // (A title before it is no other name: "Mr Blair instead hailed".)
        let beside_capital = (k > 0
            && words[k - 1].is_capitalised()
            && !super::speaker_name::is_title(&words[k - 1].text))
            || words.get(k + 1).is_some_and(Word::is_capitalised);
        let lone = parts.contains(word.text.as_str())
            && !(glued || beside_capital || taken.any(word.span));
        if lone {
            added.push((word.span, "PERSON".to_owned(), 0.75, "name-part-repeat"));
        }
        // The particle capitalised as a sentence's first word: the surname with it.
        if k > 0
            && words[k - 1].sentence_start
            && words[k - 1].span.end + 1 == word.span.start
            && !words.get(k + 1).is_some_and(Word::is_capitalised)
            && particled.iter().any(|&(particle, surname)| {
                surname == word.text && words[k - 1].lower == particle.to_lowercase()
            })
        {
            let span = CharSpan::new(words[k - 1].span.start, word.span.end);
            if !taken.any(span) {
                added.push((span, "PERSON".to_owned(), 0.75, "name-part-repeat"));
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|(span, ..)| *span);
    }
}

/// A surname's particle written in lower case inside a name ("Hans van Liemt", "Ursula von der
/// Leyen").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "von" | "van" | "der" | "den" | "de" | "del" | "della" | "di" | "da" | "du" | "dos"
    )
}

/// One name, one label in a document: the model's mentions of the same written name take the label
/// its mentions carry with the most confidence in total ("Coron" is a place in "of Coron" and
/// "in Coron" even where a sentence alone reads it as a person); a person a title or an office
/// vouches for counts as one whole vote. The rules' labels stay.
fn one_label_per_name(chars: &[char], found: &mut [(CharSpan, String, f32, &'static str)]) {
    use std::collections::HashMap;
    let text = |span: CharSpan| -> String { chars[span.start..span.end].iter().collect() };
    let is_model = |rule: &str| rule.starts_with("news-model");
    let mut votes: HashMap<String, HashMap<String, f32>> = HashMap::new();
    // A person the rules found by a title before the name or an office after it ("Energy
    // Minister Subroto said", "Hans Mast, senior economic adviser") is that person wherever the
    // model reads the same name ("Subroto, a member of Opec's … committee" read as a place).
    let titled = |rule: &str| matches!(rule, "title+name" | "name+office");
    for (span, label, score, rule) in found.iter() {
        if is_model(rule) || (titled(rule) && label == "PERSON") {
            *votes
                .entry(text(*span))
                .or_default()
                .entry(label.clone())
                .or_default() += if is_model(rule) { *score } else { 1.0 };
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

/// "Refugee Council": a name the model split before an organisation keyword becomes one ORG; so
/// does a firm's name before "and Co" ("Wertheim and Co", "E.F. Hutton and Co"), whatever label
/// the model gave its parts. One pass (removing each joined mention from the middle of the list
/// made a long document quadratic): each mention is joined to the one kept before it, which may
/// itself be a join.
fn join_organisations(words: &[Word], found: &mut Vec<(CharSpan, String, f32, &'static str)>) {
    let mut joined: Vec<(CharSpan, String, f32, &'static str)> = Vec::with_capacity(found.len());
    for mention in found.drain(..) {
        if let Some(before) = joined.last_mut() {
            let first = words.partition_point(|w| w.span.start < mention.0.start);
            let keyword_first = words.get(first).is_some_and(|w| is_org_keyword(&w.text));
            let adjacent = first > 0
                && words[first - 1].span.end == before.0.end
                && before.0.end < mention.0.start
                && mention.0.start - before.0.end == 1;
            let and_company = first > 1
                && words.get(first).is_some_and(|w| {
                    matches!(w.text.as_str(), "Co" | "Cos") && w.span == mention.0
                })
                && matches!(words[first - 1].text.as_str(), "and" | "&")
                && words[first - 2].span.end == before.0.end
                && before.1 != "DATE";
            if and_company {
                let span = CharSpan::new(before.0.start, mention.0.end);
                let score = before.2.min(mention.2);
                *before = (span, "ORG".to_owned(), score, "news-model+org-keyword");
                continue;
            }
            if mention.1 == "ORG" && keyword_first && adjacent && before.1 != "DATE" {
                let span = CharSpan::new(before.0.start, mention.0.end);
                let score = before.2.min(mention.2);
                *before = (span, "ORG".to_owned(), score, "news-model+org-keyword");
                continue;
            }
        }
        joined.push(mention);
    }
    *found = joined;
}

/// "Nick Van den Brul": a person's name the model split at a surname's particles, the first
/// part ending in one written with a capital ("Van"), the words between all particles in lower
/// case, is one person.
fn join_particle_names(words: &[Word], found: &mut Vec<(CharSpan, String, f32, &'static str)>) {
    let mut joined: Vec<(CharSpan, String, f32, &'static str)> = Vec::with_capacity(found.len());
    for mention in found.drain(..) {
        if let Some(before) = joined.last_mut()
            && before.1 == "PERSON"
            && mention.1 == "PERSON"
        {
            let last = words.partition_point(|w| w.span.end <= before.0.end);
            let first = words.partition_point(|w| w.span.start < mention.0.start);
            let capital_particle = last > 0
                && words[last - 1].span.end == before.0.end
                && words[last - 1].is_capitalised()
                && is_particle(&words[last - 1].lower);
            let between = words.get(last..first).unwrap_or_default();
            if capital_particle
                && !between.is_empty()
                && between.len() <= 2
                && between.iter().all(|w| is_particle(&w.text))
            {
                let span = CharSpan::new(before.0.start, mention.0.end);
                let score = before.2.min(mention.2);
                *before = (span, "PERSON".to_owned(), score, before.3);
                continue;
            }
        }
        joined.push(mention);
    }
    *found = joined;
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

/// Whether `span` holds nothing but titles written short ("Maj", "Lt. Gen", "Gov."), with or
/// without their full stops. A title written out may be a name ("King", "Bishop", "Queen").
fn only_a_title(words: &[Word], span: CharSpan) -> bool {
    let first = words.partition_point(|w| w.span.start < span.start);
    let end = words.partition_point(|w| w.span.end <= span.end);
    first < end
        && words[first..end].iter().all(|w| {
            w.text == "." || crate::model::tokens::TITLE_ABBREVIATIONS.contains(&w.text.as_str())
        })
        && words[first].text != "."
}

/// Whether `span` is one word naming a party's member or members ("Democrat", "Republicans",
/// "Tories").
fn party_member(words: &[Word], span: CharSpan) -> bool {
    let first = words.partition_point(|w| w.span.start < span.start);
    words.get(first).is_some_and(|w| {
        w.span == span
            && matches!(
                w.lower.as_str(),
                "democrat" | "democrats" | "republican" | "republicans" | "tory" | "tories"
            )
    })
}

/// "von Garlem said", "said van der Berg": a surname's particles in lower case right before the
/// person's span, which the model left out, belong to the name.
fn with_particle_before(words: &[Word], span: CharSpan) -> CharSpan {
    let first = words.partition_point(|w| w.span.start < span.start);
    let mut start = first;
    while start > 0
        && first - start < 2
        && is_particle(&words[start - 1].text)
        && words[start - 1].span.end + 1 == words[start].span.start
    {
        start -= 1;
    }
    // "der" and "den" only after "van" or "von" ("van der Berg"), never alone.
    while start < first && matches!(words[start].text.as_str(), "der" | "den") {
        start += 1;
    }
    // A Romance particle only after a given name, a title, a verb of saying or a clause's start
    // ("Mayor de Blasio", "said de Blasio"), not in a phrase of that language ("un pasteur de
    // Goma").
    let romance = words
        .get(start)
        .is_some_and(|w| !matches!(w.text.as_str(), "von" | "van"));
    let opens = start == 0 || {
        let before = &words[start - 1];
        before.is_capitalised() || before.is_punct() || is_speech_verb(&before.lower)
    };
    if romance && start < first && !opens {
        return span;
    }
    match words.get(start) {
        Some(word) if start < first => CharSpan::new(word.span.start, span.end),
        _ => span,
    }
}

/// `span` less a possessive ending ("'s") that opens it, or nothing if that is all it holds.
fn without_leading_possessive(words: &[Word], span: CharSpan) -> Option<CharSpan> {
    let first = words.partition_point(|w| w.span.start < span.start);
    match words.get(first) {
        Some(w) if matches!(w.lower.as_str(), "'s" | "’s" | "'" | "’") => words
            .get(first + 1)
            .filter(|next| next.span.end <= span.end)
            .map(|next| CharSpan::new(next.span.start, span.end)),
        _ => Some(span),
    }
}

/// A title at the start of a person's span stays outside it ("General Antonio Guterres").
fn drop_leading_title(words: &[Word], span: CharSpan) -> CharSpan {
    let gazetteer = gazetteer();
    let mut first = words.partition_point(|w| w.span.start < span.start);
    let last = words
        .partition_point(|w| w.span.end <= span.end)
        .saturating_sub(1);
    // "Deputy Under Secretary of Commerce Bruce Smart": the department after a title's "of"
    // belongs to the title (a place there is left as the model read it: "Governor of Washington
    // Chris Gregoire").
    if first >= 2
        && last >= first + 2
        && words[first - 1].lower == "of"
        && gazetteer.name_at(words, first).is_none()
        && (1..=3).any(|back| {
            first > back
                && gazetteer
                    .title_at(words, first - 1 - back)
                    .is_some_and(|len| first - 1 - back + len == first - 1)
        })
    {
        first += 1;
    }
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
pub(super) fn mend_boundaries(
    words: &[Word],
    chars: &[char],
    span: CharSpan,
    label: &str,
) -> CharSpan {
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
    // "Edward B. MacMahon Jr.", "Nicholas Gallo III": a generational suffix after a person's
    // name, with its full stop when it is written short.
    let last = words.partition_point(|w| w.span.end <= end);
    if label == "PERSON" {
        let suffix = |w: &Word| matches!(w.text.as_str(), "Jr" | "Sr");
        let numeral = |w: &Word| matches!(w.text.as_str(), "II" | "III" | "IV");
        if let Some(next) = words.get(last)
            && (suffix(next) || numeral(next))
            && next.span.start == end + 1
            && chars.get(end) == Some(&' ')
        {
            end = next.span.end;
        }
        let ends_in_suffix = words
            .get(last.wrapping_sub(1))
            .is_some_and(|w| w.span.end == end && suffix(w))
            || words
                .get(last)
                .is_some_and(|w| w.span.end == end && suffix(w));
        if ends_in_suffix && chars.get(end) == Some(&'.') {
            end += 1;
        }
    }
    CharSpan::new(span.start, end)
}
