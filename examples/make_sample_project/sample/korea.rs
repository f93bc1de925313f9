//! "North Korea puts military in 'quasi-state of war'" (Wikinews, 21 August 2015), annotated by amira
//! and bruno, both done, and settled into gold by the curator.
//!
//! amira's conventions here, beyond the seed article's:
//! - `North` and `South` standing for the two states (`North and South Korea`, `the North`, `The
//!   South retaliated`) are GPEs; `the north` as a direction is not tagged.
//! - News agencies are ORGs, their acronyms too (`KCNA`), as is the army (`KPA`) wherever its acronym
//!   stands on its own, also inside `KPA civil police posts`.
//! - `Thursday afternoon` is tagged `Thursday`: the schema has no TIME label.
//! - KCNA is the speaker of the quotes it is quoted for, also where the text says `it added`.

use gloss::model::QuoteKind;

use super::draft::{Change, Cue, EventSpec, INTENDED, MentionSpec, PAST, QuoteSpec, Spec};

pub const DOC_ID: &str = "north-korea-quasi-state-of-war";

pub const AMIRA: Spec = Spec {
    mentions: MENTIONS,
    notes: NOTES,
    norms: NORMS,
    quotes: QUOTES,
    events: EVENTS,
};

/// bruno finished the article too, and disagrees with amira in five places.
pub const BRUNO: &[Change] = &[
    // Missed: the elliptical "North" of "North and South Korea".
    Change::Missed("p1.north"),
    // Boundary: the part of the day inside the span.
    Change::Span("q1.thursday", "Thursday afternoon"),
    // Label: the state's acronym taken for its government.
    Change::Label("dprk", "ORG"),
    // Speaker: "it added" given to the nearest name before the quote.
    Change::Speaker("q.punishment", "q1.kpa.pretext"),
    // Missed: the town.
    Change::Missed("yeoncheon"),
];

const MENTIONS: &[MentionSpec] = &[
    // North Korea puts military in 'quasi-state of war'
    ("", "North Korea", "GPE"),
    // Friday, August 21, 2015
    ("", "Friday, August 21, 2015", "DATE"),
    // According to Yonhap news agency, quoting North Korea's main news agency Korean Central News
    // Agency (KCNA), the country's military has been placed on high alert ...
    ("", "Yonhap", "ORG"),
    ("", "North Korea", "GPE"),
    ("", "Korean Central News Agency", "ORG"),
    ("", "KCNA", "ORG"),
    // The report comes after North and South Korea exchanged artillery fire yesterday.
    ("p1.north", "North", "GPE"),
    ("p1.south", "South Korea", "GPE"),
    ("p1.yesterday", "yesterday", "DATE"),
    // "War maniacs of the South Korean puppet military made another grave provocation to the DPRK in
    // the central western sector of the front on Thursday afternoon.
    ("q1.southkorean", "South Korean", "NORP"),
    ("dprk", "DPRK", "GPE"),
    ("q1.thursday", "Thursday", "DATE"),
    // They perpetrated such reckless action as firing 36 shells at KPA civil police posts under the
    // absurd pretext that the KPA fired one shell at the south side.
    ("q1.kpa.posts", "KPA", "ORG"),
    ("q1.kpa.pretext", "KPA", "ORG"),
    // Six shells of them hit the area near KPA civil police posts 542 and 543 and other 15 shells
    // fell near KPA civil police posts 250 and 251", said KCNA.
    ("", "KPA", "ORG"),
    ("", "KPA", "ORG"),
    ("q1.kcna", "KCNA", "ORG"),
    // "Kim Jong-un issued an order of the supreme commander of the Korean People's Army [KPA] that
    // the front-line large combined units of the KPA should enter a wartime state ..."
    ("", "Kim Jong-un", "PERSON"),
    ("", "Korean People's Army", "ORG"),
    ("", "KPA", "ORG"),
    ("", "KPA", "ORG"),
    // Yesterday, North Korea fired artillery rounds aimed at a loudspeaker in South Korea that
    // broadcasts anti-Pyongyang propaganda into the North.
    ("p3.yesterday", "Yesterday", "DATE"),
    ("p3.north", "North Korea", "GPE"),
    ("p3.south", "South Korea", "GPE"),
    ("", "Pyongyang", "GPE"),
    ("", "North", "GPE"),
    // "Commanders of the Korean People's Army were hastily dispatched ...", added KCNA.
    ("", "Korean People's Army", "ORG"),
    ("p3.kcna", "KCNA", "ORG"),
    // ... but South Korea evacuated about 80 people in the town of Yeoncheon ...
    ("", "South Korea", "GPE"),
    ("yeoncheon", "Yeoncheon", "GPE"),
    // The South retaliated by firing dozens of rounds of artillery into the north.
    ("p4.south", "South", "GPE"),
    // South Korea had recently started to broadcast propaganda from loudspeakers after an 11-year
    // lull. The broadcasts began on August 10 and South Korea says the broadcasts will continue.
    ("", "South Korea", "GPE"),
    ("", "August 10", "DATE"),
    ("p5.south", "South Korea", "GPE"),
    // After the exchange of fire, North Korea stated it would attack any loudspeakers ...
    ("p5.north", "North Korea", "GPE"),
];

const NOTES: &[(&str, &str)] = &[(
    "p1.north",
    "North Korea, sharing \"Korea\" with South Korea.",
)];

const NORMS: &[(&str, &str)] = &[
    ("North Korea", "Q423"),
    ("South Korea", "Q884"),
    ("DPRK", "Q423"),
    ("Kim Jong-un", "Q56226"),
    ("Pyongyang", "Q18808"),
];

const QUOTES: &[QuoteSpec] = &[
    (
        "q.maniacs",
        QuoteKind::Direct,
        "War maniacs of the South Korean puppet military made another grave provocation to the DPRK in the central western sector of the front on Thursday afternoon. They perpetrated such reckless action as firing 36 shells at KPA civil police posts under the absurd pretext that the KPA fired one shell at the south side. Six shells of them hit the area near KPA civil police posts 542 and 543 and other 15 shells fell near KPA civil police posts 250 and 251",
        Cue::After("said"),
        "q1.kcna",
    ),
    (
        "q.punishment",
        QuoteKind::Direct,
        "Foolhardy provocation deserves harsh punishment",
        Cue::After("added"),
        "q1.kcna",
    ),
    (
        "q.order",
        QuoteKind::Direct,
        "Kim Jong-un issued an order of the supreme commander of the Korean People's Army [KPA] that the front-line large combined units of the KPA should enter a wartime state to be fully battle ready to launch surprise operations",
        Cue::Before("added"),
        "q1.kcna",
    ),
    (
        "q.commanders",
        QuoteKind::Direct,
        "Commanders of the Korean People's Army were hastily dispatched to the front-line troops to command military operations to destroy psychological warfare tools if the enemy does not stop the propaganda broadcast within 48 hours and prepare against the enemy's possible counteractions",
        Cue::After("added"),
        "p3.kcna",
    ),
    (
        "q.continue",
        QuoteKind::Indirect,
        "the broadcasts will continue",
        Cue::Before("says"),
        "p5.south",
    ),
    (
        "q.attack",
        QuoteKind::Indirect,
        "it would attack any loudspeakers broadcasting propaganda and would respond, militarily, within 48 hours if the broadcasts do not stop",
        Cue::Before("stated"),
        "p5.north",
    ),
];

/// Events in text order. Each trigger is found as a whole word after the previous trigger.
#[rustfmt::skip]
const EVENTS: &[EventSpec] = &[
    ("e.exchanged", "CONFLICT", "exchanged",
     &[("Attacker", "p1.north"), ("Attacker", "p1.south"), ("Time", "p1.yesterday")], PAST, "Artillery fire."),
    ("e.firing", "CONFLICT", "firing",
     &[("Attacker", "q1.southkorean"), ("Target", "q1.kpa.posts"), ("Time", "q1.thursday")], PAST,
     "As KCNA tells it."),
    ("e.pretext", "CONFLICT", "fired", &[("Attacker", "q1.kpa.pretext")], PAST,
     "The pretext KCNA calls absurd."),
    ("e.fired", "CONFLICT", "fired",
     &[("Attacker", "p3.north"), ("Target", "p3.south"), ("Time", "p3.yesterday")], PAST,
     "Aimed at a loudspeaker."),
    ("e.retaliated", "CONFLICT", "retaliated", &[("Attacker", "p4.south")], PAST, ""),
    ("e.stated", "STATEMENT", "stated", &[("Agent", "p5.north")], PAST, ""),
    ("e.attack", "CONFLICT", "attack", &[("Attacker", "p5.north")], INTENDED,
     "Any loudspeakers broadcasting propaganda."),
];
