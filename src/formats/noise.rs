//! What scraping leaves in an article's text, found and removed at import (and never after: a
//! document's text does not change once it exists, so annotations keep their offsets).
//!
//! Whole lines are removed, never parts of a sentence, except a dateline glued to the first
//! paragraph (`BRUSSELS (Reuters) - `), which is cut from its start. Each removal is reported with
//! its line, its text and why. What is removed:
//! - photo captions and credits (`… / Photo: AP`, `(AP Photo/…)`, `Getty Images`), every copy;
//! - a paragraph repeated word for word (a caption or pull quote shown twice): the later copies;
//! - link and widget labels (`Read More`, `Related`, `Advertisement`, `Share this article`) and the
//!   headline that follows a `Read More`, and headlines left at the very end after such a block;
//! - a byline line (`By Jane Doe and John Roe`) and a date line (`Monday, May 18, 2015`) in the first
//!   lines;
//! - paragraphs found in other documents of the same outlet (its boilerplate: "Follow us on…",
//!   licence notes), as the caller decides with `shared`.

use std::collections::HashSet;

/// One thing removed: what the import reports and what the document keeps (as a
/// [`crate::model::RemovedText`]), so that the analyst can put it back before annotating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// Counts from 1, in the text as it was before cleaning.
    pub line: usize,
    /// What was removed.
    pub text: String,
    /// Why, in a few words.
    pub why: String,
    /// Where it goes back: a char offset into the cleaned text (the start of the paragraph that
    /// followed it, or the end of the text).
    pub at: usize,
    /// Exactly what goes back there: the line with a paragraph break, or a dateline's chars.
    pub restore: String,
}

impl Removal {
    /// What the document keeps of this removal.
    pub fn record(&self) -> crate::model::RemovedText {
        crate::model::RemovedText {
            at: self.at,
            text: self.restore.clone(),
            why: self.why.clone(),
        }
    }
}

/// Lines longer than this are article text, whatever they contain.
const MAX_NOISE_CHARS: usize = 400;
/// At most this many lines under a closing "Sources" heading are taken for its list.
const MAX_SOURCES: usize = 15;
/// A headline is at most this long and ends without a full stop.
const MAX_HEADLINE_CHARS: usize = 160;

/// `text` without its scraped noise, and what was removed. `skip_first` lines (the headline) are
/// kept whatever they are. `shared(paragraph)` says in how many other documents of the same outlet
/// the paragraph appears, with the outlet's name; two or more make it boilerplate.
pub fn clean(
    text: &str,
    skip_first: usize,
    shared: &dyn Fn(&str) -> Option<(usize, String)>,
) -> (String, Vec<Removal>) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut keep: Vec<Option<String>> = lines.iter().map(|l| Some((*l).to_owned())).collect();
    let mut removals = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut after_read_more = false;
    let mut body_lines = 0;
    let mut dateline_checked = false;
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        body_lines += 1;
        if i < skip_first || body_lines <= skip_first {
            seen.insert(line.to_owned());
            continue;
        }
        let why: Option<String> = if line.chars().count() > MAX_NOISE_CHARS {
            None
        } else if is_caption(line) {
            Some("a photo caption or credit, not article text".to_owned())
        } else if is_link_label(line) {
            if is_read_more(line) {
                after_read_more = true;
            }
            Some("a link or widget label, not article text".to_owned())
        } else if after_read_more && is_headline(line) {
            after_read_more = false;
            Some("the headline of a related article after \"Read More\"".to_owned())
        } else if seen.contains(line) {
            Some("a repeat of an earlier paragraph".to_owned())
        } else if body_lines <= skip_first + 3 && is_byline(line) {
            Some("a byline, kept apart from the text".to_owned())
        } else if body_lines <= skip_first + 3 && is_date_line(line) {
            Some("a date line, kept apart from the text".to_owned())
        } else if let Some((n, outlet)) = shared(line).filter(|(n, _)| *n >= 2) {
            Some(format!(
                "boilerplate found in {n} other documents of {outlet}"
            ))
        } else {
            None
        };
        if let Some(why) = why {
            removals.push(Removal {
                line: i + 1,
                text: line.to_owned(),
                why,
                at: 0,
                restore: String::new(),
            });
            keep[i] = None;
            continue;
        }
        after_read_more = false;
        seen.insert(line.to_owned());
        if !dateline_checked {
            dateline_checked = true;
            if let Some(cut) = dateline_prefix(line) {
                let lead = raw.len() - raw.trim_start().len();
                keep[i] = Some(raw[lead + cut.len()..].to_owned());
                removals.push(Removal {
                    line: i + 1,
                    text: cut.trim_end().to_owned(),
                    why: "a dateline glued to the first paragraph".to_owned(),
                    at: 0,
                    // The dateline's own chars, its space included, go back before the paragraph.
                    restore: raw[..lead + cut.len()].to_owned(),
                });
            }
        }
    }
    // A list of sources at the end (Wikinews' "Sources", "References", "External links"): the
    // heading and the short lines after it, when nothing else follows.
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| keep[i].as_deref().is_some_and(|l| !l.trim().is_empty()))
        .collect();
    if let Some(at) = kept.iter().rposition(|&i| is_sources_heading(lines[i])) {
        let tail = &kept[at + 1..];
        if at >= 3
            && tail.len() <= MAX_SOURCES
            && tail.iter().all(|&i| {
                keep[i]
                    .as_deref()
                    .is_some_and(|l| l.trim().chars().count() <= MAX_NOISE_CHARS)
            })
        {
            let heading = lines[kept[at]].trim().to_owned();
            for &i in &kept[at..] {
                removals.push(Removal {
                    line: i + 1,
                    text: lines[i].trim().to_owned(),
                    why: format!("the \"{heading}\" list at the end, not article text"),
                    at: 0,
                    restore: String::new(),
                });
                keep[i] = None;
            }
        }
    }
    // Headlines left at the end after a removed block: the rest of a related-links list.
    if let Some(last_removed) = removals.iter().map(|r| r.line).max() {
        let tail: Vec<usize> = (last_removed..lines.len())
            .filter(|&i| keep[i].as_deref().is_some_and(|l| !l.trim().is_empty()))
            .collect();
        if !tail.is_empty()
            && tail.len() <= 3
            && removals.iter().any(|r| is_read_more(&r.text))
            && tail
                .iter()
                .all(|&i| keep[i].as_deref().is_some_and(|l| is_headline(l.trim())))
        {
            for i in tail {
                removals.push(Removal {
                    line: i + 1,
                    text: lines[i].trim().to_owned(),
                    why: "a related-article headline left at the end".to_owned(),
                    at: 0,
                    restore: String::new(),
                });
                keep[i] = None;
            }
        }
    }
    if removals.is_empty() {
        return (text.to_owned(), removals);
    }
    removals.sort_by_key(|r| r.line);
    // Removed lines leave blank lines behind: at most one blank line between paragraphs. Where
    // each kept line starts (in chars) is noted, for the places removals go back to.
    let mut out = String::with_capacity(text.len());
    let mut out_chars = 0;
    let mut starts: Vec<Option<usize>> = vec![None; keep.len()];
    let mut blank_run = 0;
    let mut first = true;
    for (i, line) in keep.into_iter().enumerate() {
        let Some(line) = line else {
            continue;
        };
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 || first {
                continue;
            }
        } else {
            blank_run = 0;
        }
        if !first {
            out.push('\n');
            out_chars += 1;
        }
        if !line.trim().is_empty() {
            starts[i] = Some(out_chars);
        }
        out_chars += line.chars().count();
        out.push_str(&line);
        first = false;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let end = out.chars().count();
    for removal in &mut removals {
        // A dateline goes back at the start of its own line; a whole line before the next kept
        // paragraph, or after the last one.
        let from = removal.line - 1;
        let next = if removal.restore.is_empty() {
            (from + 1..starts.len()).find_map(|j| starts[j])
        } else {
            starts[from]
        };
        match next {
            Some(at) => {
                removal.at = at;
                if removal.restore.is_empty() {
                    removal.restore = format!("{}\n\n", removal.text);
                }
            }
            None => {
                removal.at = end;
                removal.restore = format!("\n\n{}", removal.text);
            }
        }
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
    (out, removals)
}

fn is_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "/ photo:",
        "photo:",
        "photo by ",
        "(ap photo",
        "ap photo/",
        "getty images",
        "/ reuters",
        "reuters/",
        "(photo:",
        "photograph:",
        "image credit",
        "image:",
        "/ aa",
        "/ afp",
        "(afp)",
    ]
    .iter()
    .any(|mark| lower.contains(mark))
        && line.chars().count() < 300
}

/// "Sources", "References", "External links" and the like: the heading of the list of sources that
/// closes a Wikinews or encyclopaedia-style article.
fn is_sources_heading(line: &str) -> bool {
    let lower = line.trim().trim_end_matches(':').to_lowercase();
    matches!(
        lower.as_str(),
        "sources" | "source" | "references" | "external links" | "related news" | "see also"
    )
}

fn is_read_more(line: &str) -> bool {
    let lower = line
        .trim()
        .trim_end_matches([':', '.', '»', '›'])
        .to_lowercase();
    matches!(
        lower.as_str(),
        "read more" | "related" | "also read" | "read also" | "see also" | "more on this"
    )
}

fn is_link_label(line: &str) -> bool {
    let lower = line
        .trim()
        .trim_end_matches([':', '.', '»', '›'])
        .to_lowercase();
    is_read_more(line)
        || matches!(
            lower.as_str(),
            "related articles"
                | "related stories"
                | "related news"
                | "related content"
                | "recommended"
                | "recommended stories"
                | "advertisement"
                | "skip advertisement"
                | "share"
                | "share this article"
                | "share this"
                | "continue reading"
                | "more stories"
                | "most read"
                | "sign up for our newsletter"
                | "subscribe"
        )
}

/// A line that reads as a headline: short, with letters, no sentence punctuation at its end.
fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    chars <= MAX_HEADLINE_CHARS
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with(['.', '!', '?', '"', '”', '\'', ':', ';', ','])
}

fn is_byline(line: &str) -> bool {
    let Some(names) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "and" | "&" | "in" | "de" | "van" | "von" | "|" | "-" | "—"
                )
        })
}

/// `Monday, May 18, 2015`, `18 May 2015`, `2015-05-18`, `May 18, 2015 10:32 GMT`.
fn is_date_line(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 7 {
        return false;
    }
    const MONTHS: [&str; 12] = [
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
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mut has_year = false;
    let mut has_month = false;
    for word in &words {
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches('.');
        if lower.len() == 4 && lower.chars().all(|c| c.is_ascii_digit()) {
            has_year = true;
        } else if MONTHS
            .iter()
            .any(|m| *m == lower || (lower.len() >= 3 && m.starts_with(lower)))
        {
            has_month = true;
        } else if DAYS.contains(&lower)
            || lower.chars().all(|c| c.is_ascii_digit() || c == ':')
            || matches!(
                lower,
                "gmt" | "utc" | "am" | "pm" | "cet" | "updated" | "published"
            )
        {
        } else if (lower.len() == 10 && lower.parse::<jiff::civil::Date>().is_ok())
            || word.parse::<jiff::Timestamp>().is_ok()
        {
            // 2015-05-07, or 2015-05-07T09:00:00Z as some pages print it.
            has_year = true;
            has_month = true;
        } else {
            return false;
        }
    }
    has_year && has_month
}

/// `BRUSSELS (Reuters) - `, `PRISTINA, Kosovo (AP) — `, `Belgrade, May 2 (Reuters) - ` at the
/// start of the first paragraph.
fn dateline_prefix(line: &str) -> Option<&str> {
    let dash = line
        .char_indices()
        .take(80)
        .find(|(_, c)| matches!(c, '-' | '—' | '–'))
        .map(|(i, _)| i)?;
    let before = &line[..dash];
    if !(before.ends_with(' ') && before.trim_end().ends_with(')')) {
        return None;
    }
    let open = before.rfind('(')?;
    let agency = &before[open + 1..before.trim_end().len() - 1];
    let place = before[..open].trim();
    let agency_like = !agency.is_empty()
        && agency.len() <= 20
        && agency
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '/');
    let place_like = place
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|w| !w.is_empty())
        .is_some_and(|w| {
            w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                || w.chars().next().is_some_and(char::is_uppercase)
        });
    let after = line[dash..]
        .char_indices()
        .nth(1)
        .map_or(line.len(), |(i, _)| dash + i);
    let after = after + line[after..].len() - line[after..].trim_start().len();
    (agency_like && place_like && !place.is_empty()).then_some(&line[..after])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<(usize, String)> {
        None
    }

    #[test]
    fn the_sample_article_loses_its_captions_and_read_more_lines() {
        let text = "Stalemate persists\n\nBelgrade has refused.\n\nA Kosovo police officer stands near Jarinje.  / Photo: AP\n\nA Kosovo police officer stands near Jarinje.  / Photo: AP\n\nSerbia and Kosovo failed.\n\nRead More\nRead More\n\nStandoff in northern Kosovo ends after day of deadly clashes\n\n\nNo deal\n\nKurti said.\n\nRead More\nRead More\n\nKosovo PM Kurti blames EU envoy\n\nRoute 6";
        let (clean, removed) = clean(text, 1, &none);
        assert_eq!(
            clean,
            "Stalemate persists\n\nBelgrade has refused.\n\nSerbia and Kosovo failed.\n\nNo deal\n\nKurti said."
        );
        let whys: Vec<(usize, &str)> = removed.iter().map(|r| (r.line, r.why.as_str())).collect();
        assert_eq!(whys.len(), 9, "{whys:?}");
        assert_eq!(removed[0].line, 5);
        assert!(removed[0].why.contains("caption"));
        assert!(
            removed
                .iter()
                .any(|r| r.text == "Route 6" && r.why.contains("end"))
        );
    }

    #[test]
    fn a_closing_list_of_sources_goes_but_a_sources_heading_mid_article_stays() {
        let text = "Headline\n\nThe flag vote begins.\n\nA panel was named.\n\nIt reports in May.\n\nSources\n\n\"Flag debate\" — Stuff, 2015-05-05\n\n\"Panel named\" — RNZ, 2015-05-06";
        let (clean, removed) = clean(text, 1, &none);
        assert_eq!(
            clean,
            "Headline\n\nThe flag vote begins.\n\nA panel was named.\n\nIt reports in May."
        );
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(removed[0].why.contains("\"Sources\" list at the end"));
        // Article text after the heading: no closing list.
        let long = "x".repeat(MAX_NOISE_CHARS + 1);
        let text = format!("Headline\n\nOne.\n\nTwo.\n\nThree.\n\nReferences\n\n{long}");
        let (kept, removed) = super::clean(&text, 1, &none);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(kept, text);
    }

    #[test]
    fn bylines_datelines_and_date_lines_are_cut() {
        assert!(is_date_line("2015-05-07T09:00:00Z"));
        assert!(is_date_line("Published 2023-02-23T10:30:00+01:00"));
        assert!(!is_date_line("2015 was a year"));
        let text = "Headline\n\nBy Jane Doe and John Roe\n\nMonday, May 18, 2015\n\nBRUSSELS (Reuters) - Talks failed on Thursday.\n\nMore text.";
        let (clean, removed) = clean(text, 1, &none);
        assert_eq!(clean, "Headline\n\nTalks failed on Thursday.\n\nMore text.");
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert_eq!(removed[2].text, "BRUSSELS (Reuters) -");
    }

    #[test]
    fn every_removal_goes_back_where_it_was() {
        use crate::model::{CleanedText, Text};
        let text = "Вучић и Курти\n\nBy Jane Doe\n\nBRUSSELS (Reuters) - Talks failed.\n\nA photo.  / Photo: AP\n\nMore text.\n\nRead More\n\nKosovo PM Kurti blames EU envoy";
        let (clean, removed) = clean(text, 1, &none);
        assert_eq!(clean, "Вучић и Курти\n\nTalks failed.\n\nMore text.");
        let cleaned = CleanedText {
            text: Text::new(clean),
            removed: removed.iter().map(Removal::record).collect(),
        };
        let all = cleaned.restore_all().unwrap();
        assert_eq!(all.text.as_str(), text, "every line back in its place");
        // One by one, from the first: the same text.
        let mut one_by_one = cleaned.clone();
        while !one_by_one.removed.is_empty() {
            one_by_one = one_by_one.restore(0).unwrap();
        }
        assert_eq!(one_by_one.text.as_str(), text);
    }

    #[test]
    fn text_without_noise_is_left_exactly_as_it_was() {
        let text = "Вучић и Курти\r\n\n🇽🇰 met in Brussels.\n\n\n\"A quote,\" he said.\n";
        let (clean, removed) = clean(text, 1, &none);
        assert!(removed.is_empty());
        assert_eq!(clean, text);
    }

    #[test]
    fn a_paragraph_shared_by_an_outlets_documents_is_boilerplate() {
        let text = "Headline\n\nThe story.\n\nFollow us on Twitter for more news.";
        let shared = |p: &str| {
            (p == "Follow us on Twitter for more news.").then(|| (3, "TRT World".to_owned()))
        };
        let (clean, removed) = clean(text, 1, &shared);
        assert_eq!(clean, "Headline\n\nThe story.");
        assert_eq!(
            removed[0].why,
            "boilerplate found in 3 other documents of TRT World"
        );
    }
}
