//! The generated news-like projects the scale benchmarks share (`scale_cli`, `memory`): articles of
//! 3–5 KB of text built from a few names and filler phrases, with an entity mention on every name
//! in each of two layers (`alice`, `bob`, who disagree on a few).

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Timestamp,
};

const NAMES: [(&str, &str); 8] = [
    ("Albin Kurti", "PERSON"),
    ("Aleksandar Vučić", "PERSON"),
    ("Brussels", "GPE"),
    ("European Union", "ORG"),
    ("Prishtinë", "GPE"),
    ("NATO", "ORG"),
    ("Josep Borrell", "PERSON"),
    ("Thursday", "DATE"),
];
const FILLER: [&str; 12] = [
    "the talks",
    "ended without",
    "an agreement",
    "officials said",
    "on the border",
    "after weeks of",
    "tension between",
    "the two sides",
    "and reporters",
    "were told that",
    "a new round",
    "would follow",
];

/// A small deterministic generator, so that every run measures the same projects.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
}

/// One article: its text and its mentions (char spans, labels).
fn article(rng: &mut Rng) -> (String, Vec<(CharSpan, &'static str)>) {
    let target = 3_000 + rng.next() % 2_000;
    let mut text = String::with_capacity(target + 100);
    let mut chars = 0;
    let mut mentions = Vec::new();
    while text.len() < target {
        let (name, label) = NAMES[rng.next() % NAMES.len()];
        let len = name.chars().count();
        mentions.push((CharSpan::new(chars, chars + len), label));
        text.push_str(name);
        chars += len;
        let filler = FILLER[rng.next() % FILLER.len()];
        text.push(' ');
        text.push_str(filler);
        chars += 1 + filler.chars().count();
        if rng.next().is_multiple_of(6) {
            text.push_str(".\n\n");
            chars += 3;
        } else {
            text.push(' ');
            chars += 1;
        }
    }
    (text, mentions)
}

/// A new project (the `news` preset, annotators `alice` and `bob`) holding articles `articles`
/// (`article-000012`, …), each with its mentions in layers `alice` and `bob` when `annotated`.
pub fn news_project(articles: std::ops::Range<usize>, rng: &mut Rng, annotated: bool) -> Project {
    let schema = gloss::storage::presets::preset("news").unwrap();
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    let mut project = Project::new("Scale", schema);
    for annotator in ["alice", "bob"] {
        project.add_annotator(annotator);
    }
    for i in articles {
        let (text, mentions) = article(rng);
        let doc = project.add_document(Document::from_raw(
            DocId::slug(&format!("article-{i:06}")),
            format!("Article {i}"),
            &text,
        ));
        if !annotated {
            continue;
        }
        for (layer, skip) in [("alice", 0), ("bob", 17)] {
            let key = LayerKey::new(doc.clone(), LayerName::new(layer).unwrap());
            for (k, &(span, label)) in mentions.iter().enumerate() {
                // Bob leaves out one mention in 17 and reads one in 13 another way.
                if skip > 0 && k % skip == 3 {
                    continue;
                }
                let label = if skip > 0 && k % 13 == 5 {
                    "ORG"
                } else {
                    label
                };
                let annotation = Annotation::Entity(Entity::new(
                    AnnotationId(k as u32 + 1),
                    span,
                    label,
                    Provenance::manual(layer, now),
                ));
                project
                    .apply(&Edit::Add {
                        key: key.clone(),
                        annotation,
                    })
                    .unwrap();
            }
        }
    }
    project
}
