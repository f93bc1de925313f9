//! The gazetteers shipped in `assets/gazetteers/`: countries with capitals and demonyms,
//! international organisations with acronyms, titles that stand before names, and given names
//! with the sex they are given to. Embedded in the binary, parsed once on first use.

use std::sync::OnceLock;

use super::context::{Word, split_words};
use super::features::WordMap;

const COUNTRIES: &str = include_str!("../../assets/gazetteers/countries.txt");
const ORGANISATIONS: &str = include_str!("../../assets/gazetteers/organisations.txt");
const REGIONS: &str = include_str!("../../assets/gazetteers/regions.txt");
const TITLES: &str = include_str!("../../assets/gazetteers/titles.txt");
const PLACES: &str = include_str!("../../assets/gazetteers/places.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/gazetteers/given_names.txt");

/// The sex a given name is given to (`given_names.txt`: names on one list only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSex {
    Female,
    Male,
}

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GazKind {
    Country,
    Capital,
    Demonym,
    Organisation,
    /// A continent or region that is not a country.
    Region,
    /// A city of at least 100,000 people or a US state (GeoNames): a hint, weaker than the others.
    Place,
}

impl GazKind {
    /// The canonical label (OntoNotes names) of an entry of this kind.
    pub fn label(self) -> &'static str {
        match self {
            GazKind::Country | GazKind::Capital | GazKind::Place => "GPE",
            GazKind::Demonym => "NORP",
            GazKind::Organisation => "ORG",
            GazKind::Region => "LOC",
        }
    }

    /// A short name for rules and features.
    pub fn name(self) -> &'static str {
        match self {
            GazKind::Country => "country",
            GazKind::Capital => "capital",
            GazKind::Demonym => "demonym",
            GazKind::Organisation => "organisation",
            GazKind::Region => "region",
            GazKind::Place => "place",
        }
    }
}

/// A gazetteer hit: `len` words from the one it was looked up at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub len: usize,
    pub kind: GazKind,
}

/// Names by their first word (case-sensitive), and titles by their first word in lower case; each
/// list sorted longest first so that the first match is the longest.
#[derive(Debug, Default)]
pub struct Gazetteer {
    names: WordMap<String, Vec<(Vec<String>, GazKind)>>,
    titles: WordMap<String, Vec<Vec<String>>>,
    /// Given names given to one sex only, as written ("Sheila", "Anne-Marie").
    given: WordMap<String, NameSex>,
    /// Lines of the assets that did not parse (a unit test keeps this empty).
    pub malformed: Vec<String>,
}

/// The shipped gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::shipped)
}

impl Gazetteer {
    fn shipped() -> Self {
        let mut gazetteer = Self::default();
        for (line_no, line) in data_lines(COUNTRIES) {
            let fields: Vec<&str> = line.split('|').collect();
            if fields.len() != 4 || fields[0].trim().is_empty() {
                gazetteer
                    .malformed
                    .push(format!("countries.txt:{line_no}: {line}"));
                continue;
            }
            gazetteer.add_list(fields[0], GazKind::Country);
            gazetteer.add_list(fields[1], GazKind::Capital);
            gazetteer.add_list(fields[2], GazKind::Demonym);
            gazetteer.add_list(fields[3], GazKind::Country);
        }
        for (line_no, line) in data_lines(REGIONS) {
            let fields: Vec<&str> = line.split('|').collect();
            if fields.len() != 2 || fields[0].trim().is_empty() {
                gazetteer
                    .malformed
                    .push(format!("regions.txt:{line_no}: {line}"));
                continue;
            }
            gazetteer.add_list(fields[0], GazKind::Region);
            gazetteer.add_list(fields[1], GazKind::Demonym);
        }
        for (line_no, line) in data_lines(ORGANISATIONS) {
            let fields: Vec<&str> = line.split('|').collect();
            if fields.len() != 3 || fields.iter().all(|f| f.trim().is_empty()) {
                gazetteer
                    .malformed
                    .push(format!("organisations.txt:{line_no}: {line}"));
                continue;
            }
            for field in fields {
                gazetteer.add_list(field, GazKind::Organisation);
            }
        }
        for (line_no, line) in data_lines(PLACES) {
            let fields: Vec<&str> = line.split('|').collect();
            if fields.len() != 3 || fields[0].trim().is_empty() {
                gazetteer
                    .malformed
                    .push(format!("places.txt:{line_no}: {line}"));
                continue;
            }
            // After the countries, capitals and regions: a name already listed keeps its kind.
            let name = fields[0].trim();
            let words = split_words(name);
            let known = words
                .first()
                .and_then(|first| gazetteer.names.get(first))
                .is_some_and(|list| list.iter().any(|(w, _)| *w == words));
            if !known {
                gazetteer.add_list(name, GazKind::Place);
            }
        }
        for (_, line) in data_lines(TITLES) {
            let words: Vec<String> = split_words(line.trim())
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect();
            if let Some(first) = words.first() {
                gazetteer
                    .titles
                    .entry(first.clone())
                    .or_default()
                    .push(words);
            }
        }
        for (line_no, line) in data_lines(GIVEN_NAMES) {
            let sex = match line
                .split_once('|')
                .map(|(name, sex)| (name.trim(), sex.trim()))
            {
                Some((name, "F")) if !name.is_empty() => Some((name, NameSex::Female)),
                Some((name, "M")) if !name.is_empty() => Some((name, NameSex::Male)),
                _ => None,
            };
            match sex {
                Some((name, sex)) => {
                    gazetteer.given.insert(name.to_owned(), sex);
                }
                None => gazetteer
                    .malformed
                    .push(format!("given_names.txt:{line_no}: {line}")),
            }
        }
        for list in gazetteer.names.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        for list in gazetteer.titles.values_mut() {
            list.sort_by_key(|words| std::cmp::Reverse(words.len()));
        }
        gazetteer
    }

    fn add_list(&mut self, field: &str, kind: GazKind) {
        for name in split_list(field) {
            let words = split_words(name);
            if let Some(first) = words.first() {
                let list = self.names.entry(first.clone()).or_default();
                if !list.iter().any(|(w, _)| *w == words) {
                    list.push((words, kind));
                }
            }
        }
    }

    /// The longest name starting at word `i`.
    pub fn name_at(&self, words: &[Word], i: usize) -> Option<Hit> {
        let first = words.get(i)?;
        let candidates = self.names.get(&first.text)?;
        candidates.iter().find_map(|(entry, kind)| {
            let matches = entry.len() <= words.len() - i
                && entry.iter().zip(&words[i..]).all(|(e, w)| *e == w.text);
            matches.then_some(Hit {
                len: entry.len(),
                kind: *kind,
            })
        })
    }

    /// The longest name at the start of `words` (plain word texts, as `split_words` gives them).
    pub fn name_opening(&self, words: &[String]) -> Option<Hit> {
        let candidates = self.names.get(words.first()?)?;
        candidates.iter().find_map(|(entry, kind)| {
            let matches =
                entry.len() <= words.len() && entry.iter().zip(words).all(|(e, w)| e == w);
            matches.then_some(Hit {
                len: entry.len(),
                kind: *kind,
            })
        })
    }

    /// The sex a given name (as written: "Sheila") is given to, when it is given to one only.
    pub fn given_name_sex(&self, name: &str) -> Option<NameSex> {
        self.given.get(name).copied()
    }

    /// The length in words of the longest title starting at word `i` (case-insensitive) that
    /// ends at or before word `end` ("Dr" before a chunk's end where "Dr." would run past it).
    pub fn title_within(&self, words: &[Word], i: usize, end: usize) -> Option<usize> {
        let first = words.get(i)?;
        let candidates = self.titles.get(&first.lower)?;
        candidates.iter().find_map(|entry| {
            let matches = i + entry.len() <= end.min(words.len())
                && entry.iter().zip(&words[i..]).all(|(e, w)| *e == w.lower);
            matches.then_some(entry.len())
        })
    }

    /// The length in words of the longest title starting at word `i` (case-insensitive).
    pub fn title_at(&self, words: &[Word], i: usize) -> Option<usize> {
        self.title_within(words, i, words.len())
    }

    /// Every word's gazetteer hit, longest match first, left to right: `(kind, is_first_word)`.
    pub fn tag_words(&self, words: &[Word]) -> Vec<Option<(GazKind, bool)>> {
        let mut tags = vec![None; words.len()];
        let mut i = 0;
        while i < words.len() {
            if let Some(hit) = self.name_at(words, i) {
                for (k, tag) in tags[i..i + hit.len].iter_mut().enumerate() {
                    *tag = Some((hit.kind, k == 0));
                }
                i += hit.len;
            } else {
                i += 1;
            }
        }
        tags
    }
}

/// Non-empty, non-comment lines with their 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

/// The names of a comma-separated list, trimmed, empty ones dropped.
fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, Schema};
    use crate::suggest::context::{SuggestContext, TrainingView};

    #[test]
    fn names_split_the_quick_way_split_as_uax29_splits_them() {
        use crate::suggest::context::{split_words, split_words_uax29};
        let mut names: Vec<&str> = vec!["New York", "Côte d'Ivoire", "a  b", " x", "x ", ""];
        for text in [COUNTRIES, ORGANISATIONS, REGIONS, TITLES, PLACES] {
            for (_, line) in data_lines(text) {
                names.extend(line.split(['|', ',']).map(str::trim));
            }
        }
        assert!(names.len() > 1000, "{} names", names.len());
        for name in names {
            assert_eq!(split_words(name), split_words_uax29(name), "{name:?}");
        }
    }

    #[test]
    fn the_shipped_gazetteers_parse_without_malformed_lines() {
        assert_eq!(gazetteer().malformed, Vec::<String>::new());
    }

    #[test]
    fn longest_names_win_and_titles_ignore_case() {
        let doc = Document::from_raw(
            DocId::slug("t"),
            "t",
            "European Union foreign policy chief met the European Council in Bosnia and Herzegovina.",
        );
        let schema = Schema::default();
        let training = TrainingView::default();
        let ctx = SuggestContext::new(&doc, &schema, None, &training);
        let g = gazetteer();
        assert_eq!(
            g.name_at(&ctx.words, 0),
            Some(Hit {
                len: 2,
                kind: GazKind::Organisation
            })
        );
        assert_eq!(g.title_at(&ctx.words, 2), Some(3));
        assert_eq!(g.name_at(&ctx.words, 7).map(|h| h.len), Some(2));
        assert_eq!(
            g.name_at(&ctx.words, 10),
            Some(Hit {
                len: 3,
                kind: GazKind::Country
            })
        );
    }
}
