//! The agreement report: what `gloss agree --json` prints and the Review panel shows.
//!
//! Serialised, it has exactly the shape of issue 6:
//! `{"layers","documents","overall","per_label","quotes","events","pairs"}`. Every figure is an
//! `Option<f64>` in `[-1, 1]` (F1 and agreement rates in `[0, 1]`); `None` (JSON `null`) means the
//! measure is undefined for the data (nothing to compare, or no variation to correct for chance) or
//! does not apply (Cohen's κ needs exactly two layers, Fleiss' κ three or more).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{DocId, LayerName};

/// Which layers and documents to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementOptions {
    /// `None`: every layer of the project except `gold`, sorted by name.
    pub layers: Option<Vec<LayerName>>,
    /// `None`: every document, in project order. Ids the project lacks are ignored.
    pub docs: Option<Vec<DocId>>,
}

/// Agreement among layers, overall, per label, for quotes, for events, and per pair of layers.
///
/// `overall` and `per_label` cover entity mentions in the documents every selected layer has
/// annotated (a layer "has annotated" a document when it exists for it: it has annotations or a
/// status other than new). Each pair covers the documents both of its layers have annotated.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AgreementReport {
    pub layers: Vec<String>,
    /// How many documents `overall`, `per_label`, `quotes` and `events` cover.
    pub documents: usize,
    pub overall: Figures,
    /// By entity label, for every label some selected layer used.
    pub per_label: BTreeMap<String, Figures>,
    pub quotes: QuoteFigures,
    pub events: EventFigures,
    /// Every pair of selected layers, in the order of `layers`.
    pub pairs: Vec<PairReport>,
    /// Counts and confusions shown beside the figures; not part of the JSON shape of issue 6
    /// (serialise it on its own when wanted).
    #[serde(skip)]
    pub diagnostics: Diagnostics,
}

/// The figures for entity mentions, overall or for one label.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Micro F1 over (document, start, end, label), summed over every pair of layers.
    pub span_f1_exact: Option<f64>,
    /// Micro F1 where a mention matches one of the same label it overlaps (one-to-one).
    pub span_f1_overlap: Option<f64>,
    /// Over tokens; exactly two layers only.
    pub cohen_kappa: Option<f64>,
    /// Over tokens; three or more layers only.
    pub fleiss_kappa: Option<f64>,
    /// Over tokens.
    pub krippendorff_alpha_nominal: Option<f64>,
    /// Over chars.
    pub krippendorff_alpha_unitizing: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteFigures {
    /// F1 of quotes matched one-to-one by overlapping content.
    pub content_f1: Option<f64>,
    /// Share of matched quotes whose speakers agree: both absent, or the same span and (for entity
    /// mentions) the same label.
    pub speaker_agreement: Option<f64>,
    /// F1 of cues matched one-to-one by overlap.
    pub cue_f1: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventFigures {
    /// F1 of events matched one-to-one by overlapping triggers.
    pub trigger_f1: Option<f64>,
    /// Share of matched events with the same type.
    pub type_agreement: Option<f64>,
    /// F1 of the arguments of matched events, an argument matching one with the same role and the
    /// same filler span.
    pub argument_f1: Option<f64>,
}

/// Agreement between two layers. Precision and recall read `b` against `a` as the reference.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairReport {
    pub a: String,
    pub b: String,
    pub documents: usize,
    pub span_precision_exact: Option<f64>,
    pub span_recall_exact: Option<f64>,
    pub span_f1_exact: Option<f64>,
    pub span_precision_overlap: Option<f64>,
    pub span_recall_overlap: Option<f64>,
    pub span_f1_overlap: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub krippendorff_alpha_nominal: Option<f64>,
    pub krippendorff_alpha_unitizing: Option<f64>,
    pub quotes: QuoteFigures,
    pub events: EventFigures,
}

/// What the figures rest on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diagnostics {
    /// Documents in which at least two selected layers exist (what the pairs compare).
    pub compared_documents: usize,
    /// Tokens in the documents `overall` covers.
    pub tokens: usize,
    /// Entity mentions by label, then by layer, in the compared documents.
    pub mentions: BTreeMap<String, BTreeMap<String, usize>>,
    pub quotes: BTreeMap<String, usize>,
    pub events: BTreeMap<String, usize>,
    /// Labels no layer used at least [`MIN_ITEMS`] times: their figures say little.
    pub too_few_items: Vec<String>,
    /// The most frequent confusions between two layers' overlapping mentions, most frequent first.
    pub confusions: Vec<Confusion>,
}

/// Below this many mentions in every layer, a label's figures are flagged as unreliable.
pub const MIN_ITEMS: usize = 5;

/// How many confusions the diagnostics list.
pub const TOP_CONFUSIONS: usize = 10;

/// Two labels annotators gave the same stretch of text, sorted; `O` stands for "no mention"
/// (one annotator marked something the other did not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub labels: [String; 2],
    pub count: usize,
}
