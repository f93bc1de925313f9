//! "Greek court rules worship of ancient Greek deities is legal" (Wikinews, 27 March 2006), annotated
//! by amira alone: entities and one quote.
//!
//! amira's conventions here: gods are PERSONs (the label covers fictional people); religions' and
//! peoples' adjectives and names (`Greek`, `Christian`, `Wicca`, `Hellenic`) are NORP.

use gloss::model::QuoteKind;

use super::draft::{Cue, MentionSpec, QuoteSpec, Spec};

pub const DOC_ID: &str = "greek-court-ancient-deities";

pub const AMIRA: Spec = Spec {
    mentions: MENTIONS,
    notes: &[],
    norms: &[],
    quotes: QUOTES,
    events: &[],
};

const MENTIONS: &[MentionSpec] = &[
    // Greek court rules worship of ancient Greek deities is legal
    ("", "Greek", "NORP"),
    ("", "Greek", "NORP"),
    ("", "Monday, March 27, 2006", "DATE"),
    // Greek court has ruled that worshippers of the ancient Greek religion may now formally associate
    // and worship at archeological sites.
    ("", "Greek", "NORP"),
    ("", "Greek", "NORP"),
    // ... by the Greek Ministry of Culture.
    ("", "Greek Ministry of Culture", "ORG"),
    // The Greek Orthodox Church, a Christian denomination, ...
    ("", "Greek Orthodox Church", "ORG"),
    ("", "Christian", "NORP"),
    // Today, about 100,000 Greeks worship the ancient gods, such as Zeus, Hera, Poseidon, Aphrodite,
    // and Athena.
    ("", "Greeks", "NORP"),
    ("", "Zeus", "PERSON"),
    ("", "Hera", "PERSON"),
    ("", "Poseidon", "PERSON"),
    ("", "Aphrodite", "PERSON"),
    ("", "Athena", "PERSON"),
    // The Greek Orthodox Church estimates that number is closer to 40,000.
    ("church", "Greek Orthodox Church", "ORG"),
    // Many neo-pagan religions, such as Wicca, use aspects of ancient Greek religions in their
    // practice; Hellenic polytheism instead focuses exclusively on the ancient religions, ...
    ("", "Wicca", "NORP"),
    ("", "Greek", "NORP"),
    ("", "Hellenic", "NORP"),
];

const QUOTES: &[QuoteSpec] = &[(
    "q.estimates",
    QuoteKind::Indirect,
    "that number is closer to 40,000",
    Cue::Before("estimates"),
    "church",
)];
