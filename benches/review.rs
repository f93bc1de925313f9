//! Agreement speed on a large double-annotated project: 1,000 articles of ~600 words, two layers of
//! ~100 entity mentions each, with some quotes and events, and the disagreements real annotators
//! have (shifted boundaries, other labels, missed and extra mentions, other speakers and arguments).
//!
//! Target on a 2-core machine: the whole agreement report ≤ 1 s.
//! Run: `cargo bench --bench review -- --warm-up-time 1 --measurement-time 10`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::tokens::tokens;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, Event, EventArgument,
    LayerKey, LayerName, Project, Provenance, Quote, QuoteKind, Schema, Speaker, Timestamp,
};
use gloss::review::{AgreementOptions, agreement, auto_merge, disagreements};
use unicode_segmentation::UnicodeSegmentation;

const ARTICLES: usize = 1_000;
const WORDS: usize = 600;
const MENTIONS: usize = 100;
const QUOTES: usize = 6;
const EVENTS: usize = 8;
const LABELS: [&str; 5] = ["PERSON", "ORG", "GPE", "LOC", "DATE"];
const EVENT_TYPES: [&str; 4] = ["MEET", "STATEMENT", "PROTEST", "ATTACK"];
const VOCABULARY: [&str; 24] = [
    "the",
    "talks",
    "in",
    "Brussels",
    "between",
    "Serbia",
    "and",
    "Kosovo",
    "ended",
    "without",
    "agreement",
    "officials",
    "said",
    "on",
    "Thursday",
    "after",
    "hours",
    "of",
    "negotiations",
    "Prishtinë",
    "Вучић",
    "Курти",
    "🇽🇰",
    "Lajčák",
];

/// A small deterministic generator, so every run measures the same project.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// An article: its text and the char span of each word.
fn article(rng: &mut Lcg) -> (String, Vec<CharSpan>) {
    let mut text = String::new();
    let mut words = Vec::with_capacity(WORDS);
    let mut position = 0;
    for i in 0..WORDS {
        if i > 0 {
            let separator = if rng.chance(8) { ". " } else { " " };
            text.push_str(separator);
            position += separator.chars().count();
        }
        let word = VOCABULARY[rng.below(VOCABULARY.len())];
        text.push_str(word);
        let len = word.chars().count();
        words.push(CharSpan::new(position, position + len));
        position += len;
    }
    text.push('.');
    (text, words)
}

/// What one annotator marks: mentions as (first word, word count, label), quotes as (content words,
/// cue word, speaker mention index), events as (trigger word, type, arguments as (role, mention)).
struct Marks {
    mentions: Vec<(usize, usize, usize)>,
    quotes: Vec<(usize, usize, usize, usize)>,
    events: Vec<EventMark>,
}

/// An event: trigger word, type, and its arguments as (role, mention index).
type EventMark = (usize, usize, Vec<(usize, usize)>);

/// The first annotator: mentions of 1–3 words every ~6 words, quotes and events around them.
fn first_annotator(rng: &mut Lcg) -> Marks {
    let mut mentions = Vec::with_capacity(MENTIONS);
    let mut word = 0;
    while mentions.len() < MENTIONS && word + 3 < WORDS {
        let len = 1 + rng.below(3);
        mentions.push((word, len, rng.below(LABELS.len())));
        word += len + 1 + rng.below(5);
    }
    let quotes = (0..QUOTES)
        .map(|_| {
            let start = rng.below(WORDS - 20);
            (
                start,
                5 + rng.below(12),
                start.saturating_sub(1),
                rng.below(mentions.len()),
            )
        })
        .collect();
    let events = (0..EVENTS)
        .map(|_| {
            let arguments = (0..1 + rng.below(2))
                .map(|r| (r, rng.below(mentions.len())))
                .collect();
            (rng.below(WORDS), rng.below(EVENT_TYPES.len()), arguments)
        })
        .collect();
    Marks {
        mentions,
        quotes,
        events,
    }
}

/// The second annotator: mostly the same, with realistic disagreements.
fn second_annotator(rng: &mut Lcg, first: &Marks) -> Marks {
    let mut mentions = Vec::with_capacity(first.mentions.len() + 5);
    for &(word, len, label) in &first.mentions {
        match rng.below(100) {
            0..=79 => mentions.push((word, len, label)),
            80..=86 => mentions.push((word, if len > 1 { len - 1 } else { len + 1 }, label)),
            87..=92 => mentions.push((word, len, (label + 1) % LABELS.len())),
            _ => mentions.push((word + len + 1, 1, label)), // missed this one, marked another
        }
    }
    let quotes = first
        .quotes
        .iter()
        .map(|&(start, len, cue, speaker)| {
            let speaker = if rng.chance(15) {
                (speaker + 1) % mentions.len()
            } else {
                speaker
            };
            (start + usize::from(rng.chance(20)), len, cue, speaker)
        })
        .collect();
    let events = first
        .events
        .iter()
        .map(|(trigger, ty, arguments)| {
            let ty = if rng.chance(15) {
                (ty + 1) % EVENT_TYPES.len()
            } else {
                *ty
            };
            let mut arguments = arguments.clone();
            if rng.chance(20) {
                arguments.pop();
            }
            (*trigger, ty, arguments)
        })
        .collect();
    Marks {
        mentions,
        quotes,
        events,
    }
}

fn write(project: &mut Project, doc: &DocId, name: &str, words: &[CharSpan], marks: &Marks) {
    let key = LayerKey::new(doc.clone(), LayerName::new(name).unwrap());
    let provenance = Provenance::manual(name, Timestamp::UNIX_EPOCH);
    let cover = |first: usize, count: usize| {
        let last = (first + count).min(words.len()) - 1;
        CharSpan::new(words[first.min(last)].start, words[last].end)
    };
    let mut add = |annotation: Annotation| {
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })
            .unwrap()
    };
    let mention_id = |index: usize| AnnotationId(index as u32 + 1);
    for (i, &(word, len, label)) in marks.mentions.iter().enumerate() {
        add(Annotation::Entity(Entity::new(
            mention_id(i),
            cover(word, len),
            LABELS[label],
            provenance.clone(),
        )));
    }
    let mut next = marks.mentions.len() as u32 + 1;
    for &(start, len, cue, speaker) in &marks.quotes {
        add(Annotation::Quote(Box::new(Quote {
            id: AnnotationId(next),
            content: vec![cover(start + 1, len)],
            cue: Some(cover(cue, 1)),
            speaker: Some(Speaker::Mention(mention_id(speaker))),
            kind: QuoteKind::Direct,
            attributes: Default::default(),
            note: String::new(),
            provenance: provenance.clone(),
        })));
        next += 1;
    }
    for (trigger, ty, arguments) in &marks.events {
        add(Annotation::Event(Box::new(Event {
            id: AnnotationId(next),
            trigger: cover(*trigger, 1),
            event_type: EVENT_TYPES[*ty].into(),
            arguments: arguments
                .iter()
                .map(|&(role, mention)| EventArgument {
                    role: ["Agent", "Place"][role].into(),
                    filler: mention_id(mention),
                })
                .collect(),
            attributes: Default::default(),
            note: String::new(),
            provenance: provenance.clone(),
        })));
        next += 1;
    }
}

fn project() -> Project {
    let mut rng = Lcg(42);
    let mut project = Project::new("bench", Schema::default());
    for n in 0..ARTICLES {
        let (text, words) = article(&mut rng);
        let doc = project.add_document(Document::from_raw(
            DocId::slug(&format!("article-{n}")),
            "Article",
            &text,
        ));
        let alice = first_annotator(&mut rng);
        let bob = second_annotator(&mut rng, &alice);
        write(&mut project, &doc, "alice", &words, &alice);
        write(&mut project, &doc, "bob", &words, &bob);
    }
    project
}

fn bench(c: &mut Criterion) {
    let project = project();
    let report = agreement(&project, &AgreementOptions::default());
    eprintln!(
        "{} documents; span F1 exact {:.3}, overlap {:.3}; Cohen's κ {:.3}; α {:.3}; α_u {:.3}",
        report.documents,
        report.overall.span_f1_exact.unwrap_or(f64::NAN),
        report.overall.span_f1_overlap.unwrap_or(f64::NAN),
        report.overall.cohen_kappa.unwrap_or(f64::NAN),
        report
            .overall
            .krippendorff_alpha_nominal
            .unwrap_or(f64::NAN),
        report
            .overall
            .krippendorff_alpha_unitizing
            .unwrap_or(f64::NAN),
    );
    // Tokens (what agreement counts κ and α over, and what token exports write): the quote
    // benchmark's Wikinews articles, by Gloss's tokeniser and by unicode_segmentation alone (what
    // `tokens` was until it segmented ASCII stretches itself).
    let articles: Vec<String> = std::fs::read_dir("benches/data/quotes")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    let chars: usize = articles.iter().map(|a| a.chars().count()).sum();
    println!("{} Wikinews articles, {chars} chars", articles.len());
    c.bench_function("tokens of the Wikinews articles", |b| {
        b.iter(|| articles.iter().map(|a| tokens(a).len()).sum::<usize>())
    });
    c.bench_function(
        "tokens of the Wikinews articles, unicode_segmentation alone",
        |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| {
                        a.split_word_bounds()
                            .filter(|w| !w.chars().all(char::is_whitespace))
                            .count()
                    })
                    .sum::<usize>()
            })
        },
    );
    c.bench_function("agreement over 1,000 articles, two layers", |b| {
        b.iter(|| agreement(&project, &AgreementOptions::default()))
    });
    let doc = project.documents()[0].id.clone();
    let (alice, bob) = (
        LayerName::new("alice").unwrap(),
        LayerName::new("bob").unwrap(),
    );
    c.bench_function("disagreements in one article", |b| {
        b.iter(|| disagreements(&project, &doc, &alice, &bob))
    });
    let layers = [alice, bob];
    let now = Timestamp::UNIX_EPOCH;
    c.bench_function("auto merge of one article", |b| {
        b.iter(|| auto_merge(&project, &doc, &layers, 2, "curator", now))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
