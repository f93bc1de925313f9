//! Review: how far annotators agree, where they disagree, and adjudication into the gold layer.
//!
//! Depends on [`crate::model`] only. Everything is a pure function of a [`crate::model::Project`]:
//! [`agreement`] computes the report `gloss agree` prints and the Review panel shows;
//! [`disagreements`] and [`pending_disagreements`] list what differs between layers of a document;
//! [`auto_merge`] and [`resolve`] return the [`crate::model::Edit`]s that build the gold layer, to be
//! applied as one undo step through [`crate::model::History`].
//!
//! # The measures
//!
//! - **Span F1** between two layers, micro-averaged: exact over (document, start, end, label);
//!   overlap matching pairs mentions of the same label that share a char, one-to-one, largest
//!   overlap first. Over several layers, every pair's counts are summed.
//! - **Cohen's κ** (two layers), **Fleiss' κ** (three or more) and **Krippendorff's α** (nominal)
//!   over tokens, by the rule of [`mod@token_labels`]: tokens of [`crate::model::tokens::tokens`], each
//!   labelled with its longest covering mention, or `O`. Per label, the same measures on "this label
//!   or not".
//! - **Krippendorff's α_u** over chars (see [`unitizing`]), one category per entity label.
//! - **Quotes**: content F1 (quotes matched by overlapping content), speaker agreement on matched
//!   quotes (speaker spans and labels compared, since ids differ per layer), cue F1.
//! - **Events**: trigger F1 (overlapping triggers), type agreement on matched triggers, argument F1
//!   (role and filler span) on matched triggers.
//!
//! A measure that is undefined for the data is `None`, never a made-up value.

mod adjudicate;
mod agreement;
mod align;
mod compare;
pub mod measures;
mod report;
mod signature;
pub mod token_labels;
pub mod unitizing;

pub use adjudicate::{Choice, auto_merge, resolve};
pub use agreement::{AgreementTally, agreement, agreement_with_tokens};
pub use align::{Disagreement, DisagreementKind, Version, disagreements, pending_disagreements};
pub use measures::{cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal};
pub use report::{
    AgreementOptions, AgreementReport, Confusion, Diagnostics, EventFigures, Figures, MIN_ITEMS,
    PairReport, QuoteFigures, TOP_CONFUSIONS,
};
pub use signature::{Anchor, Signature, SpeakerSignature};
pub use token_labels::{OUTSIDE, token_labels};
pub use unitizing::{CategoryDisagreement, UnitizingAlpha, unitizing_alpha};
