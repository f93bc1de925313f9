//! "Over 900 asylum seekers rescued off Indonesian coast" (Wikinews, 18 May 2015), annotated by amira
//! and bruno, both done; the curator has only merged what they agree on.
//!
//! amira's conventions here, beyond the seed article's:
//! - `US State Department` is one ORG (a name), and `State Department` alone is one too.
//! - Peoples and religious groups (`Rohingya`, `Bangladeshis`, `Muslims`, `Buddhist`) are NORP.
//! - `Untied Nations` is the article's misprint of the United Nations, tagged and noted.

use gloss::model::QuoteKind;

use super::draft::{Change, Cue, EventSpec, MentionSpec, PAST, PRESENT, QuoteSpec, Spec};

pub const DOC_ID: &str = "asylum-seekers-rescued-off-indonesia";

pub const AMIRA: Spec = Spec {
    mentions: MENTIONS,
    notes: NOTES,
    norms: NORMS,
    quotes: QUOTES,
    events: EVENTS,
};

/// bruno finished the article too, and disagrees with amira in four places.
pub const BRUNO: &[Change] = &[
    // Boundary, and an extra mention: "US" apart from "State Department".
    Change::Extra("statedept", "US", "GPE"),
    Change::Span("statedept", "State Department"),
    // Missed: the misprint.
    Change::Missed("untied"),
    // Speaker: the man in the reported words rather than the department reporting them.
    Change::Speaker("q.kerry", "kerry"),
];

const MENTIONS: &[MentionSpec] = &[
    // Over 900 asylum seekers rescued off Indonesian coast
    ("", "Indonesian", "NORP"),
    ("", "Monday, May 18, 2015", "DATE"),
    // On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy
    // reportedly saved 200 more after they were found swimming along the coast of Aceh, Indonesia.
    ("", "Friday", "DATE"),
    ("", "Indonesian Navy", "ORG"),
    ("", "Aceh", "GPE"),
    ("", "Indonesia", "GPE"),
    // Major general Fuad Basya, spokesman for the Indonesian military, said ...
    ("basya", "Fuad Basya", "PERSON"),
    ("", "Indonesian", "NORP"),
    // The rescued members included Bangladeshis and Rohingya, a stateless minority of Muslims from
    // Myanmar. Myanmar is mainly Buddhist and the United Nations rates the Rohingya among the world's
    // most persecuted groups.
    ("", "Bangladeshis", "NORP"),
    ("", "Rohingya", "NORP"),
    ("", "Muslims", "NORP"),
    ("", "Myanmar", "GPE"),
    ("", "Myanmar", "GPE"),
    ("", "Buddhist", "NORP"),
    ("", "United Nations", "ORG"),
    ("", "Rohingya", "NORP"),
    // According to ABC News, Basya also believes the asylum seekers found in the water may have left
    // the boat on purpose to be rescued to avoid being sent away from Indonesia waters.
    ("", "ABC News", "ORG"),
    ("basya2", "Basya", "PERSON"),
    ("", "Indonesia", "GPE"),
    // Malaysia and Indonesia have maintained a policy of turning away boats of migrants which,
    // according to AFP, the Untied Nations and United States have both criticised.
    ("p3.malaysia", "Malaysia", "GPE"),
    ("p3.indonesia", "Indonesia", "GPE"),
    ("", "AFP", "ORG"),
    ("untied", "Untied Nations", "ORG"),
    ("", "United States", "GPE"),
    // One Rohingya, Muhammad Amin, the first boat rescued on Friday was turned around twice, toward
    // Malaysia by Indonesian navy and then toward Indonesia by Malaysian navy.
    ("", "Rohingya", "NORP"),
    ("", "Muhammad Amin", "PERSON"),
    ("", "Friday", "DATE"),
    ("", "Malaysia", "GPE"),
    ("", "Indonesian", "NORP"),
    ("", "Indonesia", "GPE"),
    ("", "Malaysian", "NORP"),
    // Discussing his concern in a public statement, Malaysia's Prime Minister, Najib Razak said, ...
    ("", "Malaysia", "GPE"),
    ("najib", "Najib Razak", "PERSON"),
    // Thailand has recently cracked down on human trafficking, ...
    ("", "Thailand", "GPE"),
    // The US State Department said John Kerry, the Secretary of State, contacted Thailand's foreign
    // minister over temporary housing for the Rohingya out at sea.
    ("statedept", "US State Department", "ORG"),
    ("kerry", "John Kerry", "PERSON"),
    ("", "Thailand", "GPE"),
    ("", "Rohingya", "NORP"),
    // Jeff Rathke, the State Department Spokesperson, said, "We urge ..."
    ("rathke", "Jeff Rathke", "PERSON"),
    ("", "State Department", "ORG"),
    // Rathke also asked the governments of South East Asia not to turn away boats of people seeking
    // asylum.
    ("rathke2", "Rathke", "PERSON"),
    ("", "South East Asia", "LOC"),
];

const NOTES: &[(&str, &str)] = &[("untied", "Sic: the United Nations.")];

const NORMS: &[(&str, &str)] = &[
    ("Indonesia", "Q252"),
    ("Malaysia", "Q833"),
    ("Myanmar", "Q836"),
    ("Thailand", "Q869"),
    ("United Nations", "Q1065"),
    ("United States", "Q30"),
    ("John Kerry", "Q22316"),
];

const QUOTES: &[QuoteSpec] = &[
    (
        "q.noticed",
        QuoteKind::Indirect,
        "fisherman first noticed the people and a warship was deployed to retrieve them",
        Cue::Before("said"),
        "basya",
    ),
    (
        "q.purpose",
        QuoteKind::Indirect,
        "the asylum seekers found in the water may have left the boat on purpose to be rescued to avoid being sent away from Indonesia waters",
        Cue::Before("believes"),
        "basya2",
    ),
    (
        "q.contact",
        QuoteKind::Direct,
        "We are in contact with all relevant parties, with whom we share the desire to find a solution to this crisis",
        Cue::Before("said"),
        "najib",
    ),
    (
        "q.kerry",
        QuoteKind::Indirect,
        "John Kerry, the Secretary of State, contacted Thailand's foreign minister over temporary housing for the Rohingya out at sea",
        Cue::Before("said"),
        "statedept",
    ),
    (
        "q.urge",
        QuoteKind::Direct,
        "We urge the governments of the region to work together quickly, first and foremost, to save the lives of migrants now at sea who are in need of an immediate rescue effort",
        Cue::Before("said"),
        "rathke",
    ),
    (
        "q.asked",
        QuoteKind::Indirect,
        "not to turn away boats of people seeking asylum",
        Cue::Before("asked"),
        "rathke2",
    ),
];

/// Events in text order. Each trigger is found as a whole word after the previous trigger.
#[rustfmt::skip]
const EVENTS: &[EventSpec] = &[
    ("e.turning", "REJECT", "turning away", &[("Agent", "p3.malaysia"), ("Agent", "p3.indonesia")], PRESENT,
     "Boats of migrants; a policy."),
    ("e.statement", "STATEMENT", "statement", &[("Agent", "najib")], PAST, ""),
    ("e.urge", "DEMAND", "urge", &[("Agent", "rathke")], PRESENT, "That the governments work together."),
    ("e.asked", "DEMAND", "asked", &[("Agent", "rathke2")], PAST, "Not to turn boats away."),
];
