//! The generated long article the window benchmarks share: about `bytes` bytes of news-like words
//! in paragraphs of ~130 chars, with entity mentions spread evenly over it.

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, LayerName,
    Project, Provenance, Timestamp,
};

pub const LABELS: [&str; 6] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"];
pub const WORDS: [&str; 16] = [
    "the",
    "talks",
    "in",
    "Brussels",
    "ended",
    "without",
    "an",
    "agreement",
    "officials",
    "said",
    "Kurti",
    "Vučić",
    "met",
    "Borrell",
    "on",
    "Thursday",
];

/// A project with one document of about `bytes` bytes in paragraphs of ~130 chars, and `count`
/// entity mentions spread over it, in layer `bench`, marked saved.
pub fn generated(bytes: usize, count: usize) -> Project {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut text = String::with_capacity(bytes + 200);
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut chars = 0;
    let mut in_paragraph = 0;
    while text.len() < bytes {
        let word = WORDS[(next() % WORDS.len() as u64) as usize];
        let len = word.chars().count();
        words.push((chars, chars + len));
        text.push_str(word);
        chars += len;
        in_paragraph += len + 1;
        if in_paragraph > 130 {
            text.push_str(".\n\n");
            chars += 3;
            in_paragraph = 0;
        } else {
            text.push(' ');
            chars += 1;
        }
    }
    let schema = gloss::storage::presets::preset("news").unwrap();
    let mut project = Project::new("Bench", schema);
    let doc = project.add_document(Document::from_raw(DocId::slug("big"), "Big", &text));
    let key = LayerKey::new(doc, LayerName::new("bench").unwrap());
    let now = Timestamp::from_second(1_700_000_000).unwrap();
    let step = (words.len() / count).max(1);
    for (i, &(start, end)) in words.iter().step_by(step).take(count).enumerate() {
        let annotation = Annotation::Entity(Entity::new(
            AnnotationId(i as u32 + 1),
            CharSpan::new(start, end),
            LABELS[i % LABELS.len()],
            Provenance::manual("bench", now),
        ));
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })
            .unwrap();
    }
    project.mark_saved();
    project
}
