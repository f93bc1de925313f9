//! A deterministic corpus of news-like articles with entity annotations, for the tagger's benchmark
//! and for `benches/crfsuite_compare.py`. Names are made from syllables, so that held-out documents
//! hold names the tagger never saw; sentences come from templates with lower-case filler between.

use gloss::model::CharSpan;
use gloss::suggest::training::{TrainingDocument, TrainingSet};

/// xorshift64: the same corpus on every run and platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "k", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "gl", "pl", "h", "j",
    "l", "p",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const SURNAME_ENDS: &[&str] = &[
    "ić", "ov", "son", "escu", "i", "ak", "enko", "er", "ez", "ides", "oglu", "a",
];
const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Chancellor",
    "Ambassador",
    "General",
    "Mayor",
    "Senator",
];
const LOWER_ROLES: &[&str] = &[
    "spokesperson",
    "envoy",
    "foreign policy chief",
    "opposition leader",
    "negotiator",
];
const ORG_HEADS: &[&str] = &[
    "Council",
    "Agency",
    "Party",
    "Ministry",
    "Commission",
    "Union",
    "Front",
    "Bank",
    "Institute",
    "Forum",
];
const ORG_ADJECTIVES: &[&str] = &[
    "National",
    "Democratic",
    "Central",
    "Energy",
    "Security",
    "Progressive",
    "United",
    "Regional",
];
const COUNTRIES: &[&str] = &[
    "Serbia", "Kosovo", "Albania", "France", "Germany", "Italy", "Romania", "Moldova", "Ukraine",
    "Greece", "Croatia", "Hungary",
];
const DEMONYMS: &[&str] = &[
    "Serbian",
    "Albanian",
    "French",
    "German",
    "Italian",
    "Romanian",
    "Ukrainian",
    "Greek",
    "European",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
];
const VERBS: &[&str] = &[
    "met",
    "criticised",
    "praised",
    "called",
    "visited",
    "warned",
    "thanked",
    "urged",
];
const FILLER: &[&str] = &[
    "the talks are expected to continue next month",
    "officials gave no further details about the plan",
    "the agreement still needs the approval of both parliaments",
    "tensions have risen in the region over the past year",
    "the proposal was discussed behind closed doors",
    "analysts say the deal could change the balance of power",
    "the two sides have failed to agree on several key issues",
    "many residents remain sceptical about the process",
];
const OPENERS: &[&str] = &[
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Still",
    "Now",
    "Critics",
    "Observers",
];

/// A name of one or two syllables, capitalised.
fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(rng.pick(ONSETS));
        out.push_str(rng.pick(VOWELS));
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An article being written: text and entity spans in chars.
struct Writer {
    text: String,
    len: usize,
    entities: Vec<(CharSpan, String)>,
}

impl Writer {
    fn put(&mut self, s: &str) {
        self.text.push_str(s);
        self.len += s.chars().count();
    }

    fn entity(&mut self, s: &str, label: &str) {
        let start = self.len;
        self.put(s);
        self.entities
            .push((CharSpan::new(start, self.len), label.to_owned()));
    }
}

/// One article of about `words` words.
pub fn article(rng: &mut Rng, words: usize) -> TrainingDocument {
    let mut w = Writer {
        text: String::new(),
        len: 0,
        entities: Vec::new(),
    };
    let people: Vec<(String, String)> = (0..4)
        .map(|_| {
            (
                word(rng, 2),
                format!("{}{}", word(rng, 2), rng.pick(SURNAME_ENDS)),
            )
        })
        .collect();
    let orgs: Vec<String> = (0..2)
        .map(|_| {
            format!(
                "{} {} {}",
                rng.pick(ORG_ADJECTIVES),
                word(rng, 2),
                rng.pick(ORG_HEADS)
            )
        })
        .collect();
    while w.text.split_whitespace().count() < words {
        let (first, last) = &people[rng.below(people.len())];
        let (_, other) = &people[rng.below(people.len())];
        match rng.below(12) {
            0 => {
                w.put(&format!("{} {} ", rng.pick(DEMONYMS), rng.pick(TITLES)));
                w.entity(&format!("{first} {last}"), "PERSON");
                w.put(&format!(" {} ", rng.pick(VERBS)));
                w.entity(other, "PERSON");
                w.put(" in ");
                w.entity(rng.pick(COUNTRIES), "GPE");
                w.put(" on ");
                w.entity(rng.pick(WEEKDAYS), "DATE");
                w.put(".");
            }
            1 => {
                w.put("\"We will not accept this,\" ");
                w.entity(last, "PERSON");
                w.put(" told reporters.");
            }
            2 => {
                w.put("The ");
                w.entity(&orgs[rng.below(orgs.len())].clone(), "ORG");
                w.put(" said in a statement that ");
                w.entity(rng.pick(COUNTRIES), "GPE");
                w.put(&format!(" {}.", rng.pick(FILLER)));
            }
            3 => {
                w.put(&format!("{}, ", rng.pick(OPENERS)));
                w.put(&format!("{}.", rng.pick(FILLER)));
            }
            4 => {
                w.put(&format!("The {} ", rng.pick(LOWER_ROLES)));
                w.entity(&format!("{first} {last}"), "PERSON");
                w.put(" arrived in ");
                w.entity(&word(rng, 3), "GPE");
                w.put(&format!(" on {} ", rng.pick(MONTHS)));
                w.put(&format!("{}, 20{}.", 1 + rng.below(28), 10 + rng.below(15)));
            }
            5 => {
                w.entity(rng.pick(COUNTRIES), "GPE");
                w.put(" and ");
                w.entity(rng.pick(COUNTRIES), "GPE");
                w.put(&format!(" {}, according to ", rng.pick(FILLER)));
                w.entity(&orgs[rng.below(orgs.len())].clone(), "ORG");
                w.put(".");
            }
            6 => {
                w.entity(last, "PERSON");
                w.put(&format!(" and {} ", rng.pick(VERBS)));
                w.entity(&format!("{} {}", word(rng, 2), rng.pick(ORG_HEADS)), "ORG");
                w.put(" officials in the capital, ");
                w.entity(&word(rng, 2), "GPE");
                w.put(".");
            }
            7 => {
                w.put(&format!("{}.", {
                    let f = rng.pick(FILLER);
                    let mut c = f.chars();
                    c.next()
                        .map(|x| x.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                }));
            }
            8 => {
                // Ambiguous single names: a company, a place and a person all stand before "said".
                let name = word(rng, 2);
                match rng.below(3) {
                    0 => w.entity(&name, "ORG"),
                    1 => w.entity(&name, "GPE"),
                    _ => w.entity(&name, "PERSON"),
                }
                w.put(&format!(" said {}.", rng.pick(FILLER)));
            }
            9 => {
                // A headline in title case: capitals that are not names.
                w.put(&format!(
                    "{} Talks In ",
                    rng.pick(&["Fresh", "Tense", "Stalled", "Secret"])
                ));
                w.entity(&word(rng, 2), "GPE");
                w.put(&format!(
                    " {} Again",
                    rng.pick(&["Collapse", "Resume", "Falter", "Continue"])
                ));
            }
            10 => {
                w.put(&format!("{} ", rng.pick(TITLES)));
                w.entity(last, "PERSON");
                w.put(" and ");
                w.entity(rng.pick(DEMONYMS), "NORP");
                w.put(" officials discussed the ");
                w.entity(
                    &format!("{}-{} Dialogue", word(rng, 2), word(rng, 2)),
                    "ORG",
                );
                w.put(".");
            }
            _ => {
                w.put(&format!("Speaking in {}, ", rng.pick(COUNTRIES)));
                w.entity(&format!("{first} {last}"), "PERSON");
                w.put(&format!(" said {}.", rng.pick(FILLER)));
            }
        }
        w.put(if rng.below(4) == 0 { "\n\n" } else { " " });
    }
    // "Speaking in X" put X into the text without a span: mark those too, so the corpus is consistent.
    let text = w.text;
    let mut entities = w.entities;
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = "Speaking in ".chars().collect();
    for i in 0..chars.len().saturating_sub(needle.len()) {
        if chars[i..i + needle.len()] == needle[..] {
            let start = i + needle.len();
            let end = (start..chars.len())
                .find(|&k| chars[k] == ',')
                .unwrap_or(start);
            if end > start {
                entities.push((CharSpan::new(start, end), "GPE".to_owned()));
            }
        }
    }
    // Annotators miss some mentions: about one in thirty is left out.
    entities.retain(|_| rng.below(30) != 0);
    entities.sort();
    TrainingDocument {
        id: format!("article-{}", rng.below(1_000_000)),
        text,
        entities,
    }
}

/// Articles until the corpus holds about `tokens` words (split as the tagger splits them).
pub fn corpus(tokens: usize, seed: u64) -> TrainingSet {
    let mut rng = Rng::new(seed);
    let mut documents = Vec::new();
    let mut total = 0;
    while total < tokens {
        let document = article(&mut rng, 700);
        total += gloss::suggest::context::analyse(&document.text).1.len();
        documents.push(document);
    }
    TrainingSet { documents }
}
