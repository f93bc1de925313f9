//! Date expressions: weekdays ("Thursday"), month dates ("Sept. 20, 2021", "20 September"), a
//! weekday before a date ("Monday, Sept. 20, 2021"), years after a preposition ("in 2008"), ISO dates
//! and a few relative dates ("yesterday", "last week").

use super::context::Word;

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names and the abbreviations news style uses (with or without the full stop).
const MONTHS: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Whether `lower` (lower case, no full stop) is a month's name or its news-style abbreviation.
pub(crate) fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// Month names that are also ordinary words: only a date when a day or year is beside them.
const AMBIGUOUS_MONTHS: &[&str] = &["march", "may", "mar", "jan", "dec", "sep"];

/// Words after which a bare year is a date ("in 2008", "since 1999").
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "before", "after", "during", "early",
    "late", "mid", "through",
];

const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
const RELATIVE_MODIFIERS: &[&str] = &["last", "next", "this", "past", "coming", "previous"];
const PERIODS: &[&str] = &[
    "week", "weekend", "month", "year", "decade", "century", "spring", "summer", "autumn",
    "winter", "fall",
];

/// A date found at a word: its length in words and the rule that fired.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMatch {
    pub len: usize,
    pub rule: &'static str,
    pub score: f32,
}

/// The longest date expression starting at word `i`.
pub fn date_at(words: &[Word], i: usize) -> Option<DateMatch> {
    let word = words.get(i)?;
    let lower = word.lower.as_str();
    if WEEKDAYS.contains(&lower) && word.is_capitalised() {
        // "Monday, Sept. 20, 2021": a weekday, a comma, then a month date.
        if words.get(i + 1).is_some_and(|w| w.text == ",")
            && let Some(month) = month_date_at(words, i + 2)
        {
            return Some(DateMatch {
                len: 2 + month,
                rule: "date:weekday+month-day",
                score: 0.95,
            });
        }
        return Some(DateMatch {
            len: 1,
            rule: "date:weekday",
            score: 0.9,
        });
    }
    if let Some(len) = month_date_at(words, i) {
        return Some(DateMatch {
            len,
            rule: "date:month-day",
            score: 0.9,
        });
    }
    if let Some(len) = day_month_at(words, i) {
        return Some(DateMatch {
            len,
            rule: "date:day-month",
            score: 0.9,
        });
    }
    if is_year(word) && i > 0 && YEAR_PREPOSITIONS.contains(&words[i - 1].lower.as_str()) {
        return Some(DateMatch {
            len: 1,
            rule: "date:preposition+year",
            score: 0.85,
        });
    }
    if let Some(len) = iso_date_at(words, i) {
        return Some(DateMatch {
            len,
            rule: "date:iso",
            score: 0.95,
        });
    }
    if RELATIVE_DAYS.contains(&lower) {
        return Some(DateMatch {
            len: 1,
            rule: "date:relative-day",
            score: 0.7,
        });
    }
    if RELATIVE_MODIFIERS.contains(&lower)
        && words.get(i + 1).is_some_and(|w| {
            PERIODS.contains(&w.lower.as_str()) || WEEKDAYS.contains(&w.lower.as_str())
        })
    {
        return Some(DateMatch {
            len: 2,
            rule: "date:relative-period",
            score: 0.65,
        });
    }
    None
}

/// "Sept. 20, 2021", "September 20", "Sept. 2021", "March 2008": the length in words.
fn month_date_at(words: &[Word], i: usize) -> Option<usize> {
    let month = words.get(i)?;
    if !month.is_capitalised() || !MONTHS.contains(&month.lower.as_str()) {
        return None;
    }
    let mut j = i + 1;
    if words.get(j).is_some_and(|w| w.text == ".") && month.text.chars().count() <= 4 {
        j += 1;
    }
    let next = words.get(j)?;
    if is_day(next) {
        // Optional ", 2021" or " 2021".
        if words.get(j + 1).is_some_and(|w| w.text == ",") && words.get(j + 2).is_some_and(is_year)
        {
            return Some(j + 3 - i);
        }
        if words.get(j + 1).is_some_and(is_year) {
            return Some(j + 2 - i);
        }
        return Some(j + 1 - i);
    }
    if is_year(next) {
        return Some(j + 1 - i);
    }
    // A month alone is a date after "in"/"on"/"since"/"last"... unless it is also a common word.
    let after_preposition = i > 0
        && (YEAR_PREPOSITIONS.contains(&words[i - 1].lower.as_str())
            || RELATIVE_MODIFIERS.contains(&words[i - 1].lower.as_str()));
    (after_preposition && !AMBIGUOUS_MONTHS.contains(&month.lower.as_str())).then_some(j - i)
}

/// "20 September 2021", "20 Sept.": the length in words.
fn day_month_at(words: &[Word], i: usize) -> Option<usize> {
    let day = words.get(i)?;
    let month = words.get(i + 1)?;
    if !is_day(day) || !month.is_capitalised() || !MONTHS.contains(&month.lower.as_str()) {
        return None;
    }
    let mut j = i + 2;
    if words.get(j).is_some_and(|w| w.text == ".") && month.text.chars().count() <= 4 {
        j += 1;
    }
    if words.get(j).is_some_and(is_year) {
        j += 1;
    }
    Some(j - i)
}

/// "2022-10-27" as one or several words.
fn iso_date_at(words: &[Word], i: usize) -> Option<usize> {
    let year = words.get(i)?;
    if !is_year(year) {
        return None;
    }
    let parts: Vec<&str> = words[i..words.len().min(i + 5)]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    let adjacent = |k: usize| {
        words
            .get(i + k)
            .is_some_and(|w| w.span.start == words[i + k - 1].span.end)
    };
    let two_digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
    (parts.len() == 5
        && parts[1] == "-"
        && two_digits(parts[2])
        && parts[3] == "-"
        && two_digits(parts[4])
        && (1..5).all(adjacent))
    .then_some(5)
}

fn is_day(word: &Word) -> bool {
    let digits = word
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word.text[digits.len()..];
    (suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th"))
        && (1..=2).contains(&digits.len())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &Word) -> bool {
    word.text.len() == 4
        && word.is_number()
        && word
            .text
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2099).contains(&y))
}
