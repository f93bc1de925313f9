//! The on-disk types of format version 1. Separate from the model so that the model can change while
//! files written by this version stay loadable; converted to the model with validation in `load`.
//!
//! Layout of a project folder:
//! - `project.ron`: [`ProjectFile`]
//! - `documents/<doc-id>.txt`: each document's text, UTF-8, LF line endings
//! - `annotations/<doc-id>/<layer>.ron`: [`LayerFile`], one per (document, layer)
//!
//! Every type refuses fields it does not know (`deny_unknown_fields`): a misspelt field (`nrom:` for
//! `norm:`) would otherwise be dropped without a word and lost at the next save. A later version that
//! adds a field reads this version's files unchanged; this version refuses the later files anyway, by
//! their `format` number, before any field is read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;

/// Reads only the version, whatever else a file holds (so, unlike every other type here, it ignores
/// fields it does not know).
#[derive(Debug, Deserialize)]
pub struct VersionProbe {
    pub format: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    pub format: u32,
    pub name: String,
    pub schema: SchemaV1,
    #[serde(default)]
    pub annotators: Vec<String>,
    /// Who may change this file and write gold (added for issue 13; absent in older projects and
    /// left out while empty, so they stay byte for byte as they were).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curators: Vec<String>,
    /// Document id → the annotators it is assigned to (issue 13; left out while empty).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assignments: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub settings: SettingsV1,
    #[serde(default)]
    pub documents: Vec<DocumentEntryV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct SettingsV1 {
    pub min_agree: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommender_url: Option<String>,
    pub recommender_timeout_ms: u64,
    /// Written only when it differs from the default, so existing project files stay as they are.
    #[serde(skip_serializing_if = "is_default_undo_limit")]
    pub undo_limit: u64,
    /// A model file relative to the project folder (`gloss train --out`); written only when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ner_model: Option<String>,
}

fn is_default_undo_limit(limit: &u64) -> bool {
    *limit == crate::model::history::DEFAULT_UNDO_LIMIT as u64
}

impl Default for SettingsV1 {
    fn default() -> Self {
        Self {
            min_agree: 2,
            recommender_url: None,
            recommender_timeout_ms: 5_000,
            undo_limit: crate::model::history::DEFAULT_UNDO_LIMIT as u64,
            ner_model: None,
        }
    }
}

/// One document in the project's index. Its text lives in `documents/<id>.txt`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntryV1 {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub crlf_normalized: bool,
    #[serde(default, skip_serializing_if = "MetaV1::is_empty")]
    pub meta: MetaV1,
    /// What cleaning removed at import and was not put back (added for issue 12; absent in older
    /// projects and for documents nothing was removed from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleaned: Option<CleanedV1>,
}

/// What cleaning removed from a document's text, with the length of the text the places count in:
/// a text that does not have that length (a save stopped between the text and this index) leaves
/// the record unused rather than putting lines back in the wrong place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CleanedV1 {
    /// The text's length in chars.
    pub chars: usize,
    pub removed: Vec<RemovedV1>,
}

/// One removal: where it goes back (a char offset), exactly what goes back, and why it was removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemovedV1 {
    pub at: usize,
    pub text: String,
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct MetaV1 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Added for web imports (issue 12); absent in older projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// The id of the document this one repeats (`gloss import --duplicates link`, issue 12); absent
    /// in older projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

impl MetaV1 {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaV1 {
    #[serde(default)]
    pub entity_labels: Vec<EntityLabelV1>,
    #[serde(default)]
    pub quotes: QuoteSettingsV1,
    #[serde(default)]
    pub event_types: Vec<EventTypeV1>,
    #[serde(default)]
    pub attributes: Vec<AttributeDefV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityLabelV1 {
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<char>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct QuoteSettingsV1 {
    pub enabled: bool,
    pub hotkey: Option<char>,
    pub color: String,
    pub speaker_labels: Vec<String>,
}

impl Default for QuoteSettingsV1 {
    fn default() -> Self {
        Self {
            enabled: true,
            hotkey: Some('q'),
            color: "#6a3d9a".to_owned(),
            speaker_labels: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTypeV1 {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub color: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<char>,
    #[serde(default)]
    pub roles: Vec<RoleDefV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDefV1 {
    pub name: String,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum AttributeTargetV1 {
    Entities,
    Quotes,
    Events,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDefV1 {
    pub name: String,
    pub target: AttributeTargetV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// One (document, layer) file. Annotations sorted by id within each list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerFile {
    pub format: u32,
    pub document: String,
    pub layer: String,
    pub status: StatusV1,
    #[serde(default)]
    pub entities: Vec<EntityV1>,
    #[serde(default)]
    pub quotes: Vec<QuoteV1>,
    #[serde(default)]
    pub events: Vec<EventV1>,
    /// Suggestions the analyst rejected for this layer (added after the first release: files
    /// without it load, and it is left out when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<RejectionV1>,
}

/// A rejected suggestion: the kind of annotation it would have made, its primary span with the
/// text it covers, its label (`QUOTE` for quotes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectionV1 {
    pub kind: RejectedKindV1,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RejectedKindV1 {
    Entity,
    Quote,
    Event,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum StatusV1 {
    New,
    InProgress,
    Done,
    Adjudicated,
}

/// A span with the text it covers, which loading checks against the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanV1 {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum SourceV1 {
    Manual,
    Suggestion { recommender: String, score: f32 },
    Imported { format: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvenanceV1 {
    pub source: SourceV1,
    pub annotator: String,
    pub created: jiff::Timestamp,
    pub modified: jiff::Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityV1 {
    pub id: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The further parts of a discontinuous mention, in text order; written only when there are
    /// some, so files of contiguous mentions stay as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<SpanV1>,
    pub label: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    /// The key of the canonical entity (in `entities.ron`) the mention refers to; written only
    /// when set, so files without links stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub provenance: ProvenanceV1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum QuoteKindV1 {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum SpeakerV1 {
    /// The id of an entity mention in the same layer.
    Mention(u32),
    Span(SpanV1),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteV1 {
    pub id: u32,
    pub kind: QuoteKindV1,
    pub content: Vec<SpanV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<SpanV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub provenance: ProvenanceV1,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArgumentV1 {
    pub role: String,
    /// The id of an entity mention or event in the same layer.
    #[serde(rename = "ref")]
    pub filler: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventV1 {
    pub id: u32,
    #[serde(rename = "type")]
    pub event_type: String,
    pub trigger: SpanV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<ArgumentV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub provenance: ProvenanceV1,
}

/// `entities.ron`: the project's entity registry. Optional: a project without one has no
/// canonical entities yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesFile {
    pub format: u32,
    #[serde(default)]
    pub entities: Vec<CanonicalEntityV1>,
}

/// One canonical entity, on one line of `entities.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanonicalEntityV1 {
    pub key: String,
    pub name: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// An id in a knowledge base, e.g. a Wikidata id (`Q1055`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The key of the entity this one was merged into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}
