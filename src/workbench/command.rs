//! What the analyst asks for ([`Command`]), and what the workbench answers with besides the project:
//! a two-step interaction in progress ([`Pending`]), the find bar ([`FindState`]), the save state and
//! the errors a user can cause.

use thiserror::Error;

use super::tasks::search::SearchRequest;
use crate::model::{
    AnnotationId, AttributeDef, CharSpan, Color, DocId, DocumentInfo, EditError, EntityKey,
    EntityLabel, EventType, LayerName, QuoteKind, QuoteSettings, Speaker, Status,
};
use crate::review::Choice;
use crate::suggest::SuggestionKey;

/// One user intent. [`super::Workbench::execute`] is the one place that turns commands into changes;
/// every command that changes annotations or the schema is one undo step.
///
/// Spans are char offsets into the current document's text, half-open.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // --- Documents and selection -------------------------------------------------------------------
    /// Shows a document (autosaves what is pending first).
    SelectDocument(DocId),
    NextDocument,
    PreviousDocument,
    /// Selects a text range of the current document, snapped to whole tokens unless char precision is
    /// on. An empty span (a click) selects the token under it. Resolves a pending cue, content or
    /// speaker-span pick. The UI sends this when a drag ends or on double-click, not on every frame.
    SelectSpan(CharSpan),
    /// Shift-click: extends the selected range to a char offset (snapped like [`Command::SelectSpan`]).
    ExtendSelectionTo(usize),
    /// Selects an annotation of the current layer (its primary span becomes the selected range).
    SelectAnnotation(AnnotationId),
    /// Tab: the next annotation in text order (wraps).
    SelectNextAnnotation,
    /// Shift+Tab: the previous annotation in text order (wraps).
    SelectPreviousAnnotation,
    ClearSelection,
    /// Whether selections snap to tokens (`false`, the default) or keep char precision (`true`).
    SetCharPrecision(bool),

    // --- Entities --------------------------------------------------------------------------------
    /// Labels the selection: relabels the selected entity, or creates an entity on the selected span.
    Label(String),
    /// A schema hotkey: an entity label, the quote key or an event type key.
    Hotkey(char),
    /// Removes the selected annotation, unlinking it from quotes and events that point to it (one step).
    Delete,
    /// Moves the start of the selected annotation's span (or of the selected range) one token left.
    GrowStart,
    /// Moves the start one token right (never past the end).
    ShrinkStart,
    /// Moves the end one token right.
    GrowEnd,
    /// Moves the end one token left (never past the start).
    ShrinkEnd,

    // --- History, files, status ------------------------------------------------------------------
    Undo,
    Redo,
    /// Saves now (in the background; [`super::Workbench::save_state`] follows it).
    Save,
    /// Saves, then shares the work through the project's git remote and brings in everyone
    /// else's, in the background ([`super::Workbench::sync_view`] follows it).
    Sync,
    /// Opens (or closes) the team view: documents × annotators ([`super::Workbench::team_matrix`]).
    ShowTeam(bool),
    /// Settles a `project.ron` conflict a sync left: keep the user's version or the remote's.
    SettleProjectConflict {
        keep_mine: bool,
    },
    /// Assigns a document to an annotator, or takes the assignment back (a curator's change).
    SetAssignment {
        doc: DocId,
        annotator: String,
        assigned: bool,
    },
    /// Sets the status of the current annotator's layer of a document.
    SetStatus(DocId, Status),
    /// Marks the current annotator's layer of the current document done, or back in progress.
    ToggleDone,

    // --- Quotes ----------------------------------------------------------------------------------
    /// A quote from the selected span; then waits for its speaker ([`Pending::Speaker`]).
    CreateQuote,
    /// Sets (or with `None` clears) a quote's speaker.
    SetSpeaker {
        quote: AnnotationId,
        speaker: Option<Speaker>,
    },
    /// The speaker of the pending or selected quote := the nearest speaker-like mention before the
    /// quote (PERSON/ORG, or the schema's speaker labels), else the nearest after it.
    SpeakerNearest,
    /// Starts picking a quote's speaker: click a mention, or select a span for a speaker without one.
    PickSpeaker {
        quote: AnnotationId,
    },
    /// Starts picking a quote's cue: the next selected span becomes the cue.
    PickCue {
        quote: AnnotationId,
    },
    /// Starts picking another content span of a split quote: the next selected span is added.
    PickContent {
        quote: AnnotationId,
    },
    /// Sets (or with `None` clears) a quote's cue.
    SetCue {
        quote: AnnotationId,
        span: Option<CharSpan>,
    },
    AddQuoteContent {
        quote: AnnotationId,
        span: CharSpan,
    },
    /// Removes one content span (by position); a quote keeps at least one.
    RemoveQuoteContent {
        quote: AnnotationId,
        index: usize,
    },
    /// Starts picking another part of a discontinuous entity mention: the next selected span is
    /// added to it.
    PickPart {
        entity: AnnotationId,
    },
    /// Adds a part to an entity mention, which becomes discontinuous.
    AddEntityPart {
        entity: AnnotationId,
        span: CharSpan,
    },
    /// Removes one part of a mention (by position, 0 the first); a mention keeps at least one.
    RemoveEntityPart {
        entity: AnnotationId,
        index: usize,
    },
    SetQuoteKind {
        quote: AnnotationId,
        kind: QuoteKind,
    },
    /// Direct → indirect → mixed → direct, for the selected quote.
    CycleQuoteKind,

    // --- Events ----------------------------------------------------------------------------------
    /// An event of this type with the selected span as trigger (or retypes the selected event).
    CreateEvent(String),
    /// Starts filling a role of an event: the next clicked annotation becomes the filler.
    PickArgument {
        event: AnnotationId,
        role: String,
    },
    AddArgument {
        event: AnnotationId,
        role: String,
        filler: AnnotationId,
    },
    /// Removes one argument (by position in the event's argument list).
    RemoveArgument {
        event: AnnotationId,
        index: usize,
    },

    // --- Any annotation --------------------------------------------------------------------------
    /// Sets (or with `None` removes) an attribute of an annotation.
    SetAttribute {
        id: AnnotationId,
        name: String,
        value: Option<String>,
    },
    SetNote {
        id: AnnotationId,
        note: String,
    },
    /// Sets (or with `None` clears) an entity's normalisation id, e.g. a Wikidata id.
    SetNorm {
        id: AnnotationId,
        norm: Option<String>,
    },
    /// Links an entity mention of the current layer to a canonical entity of the registry (`None`
    /// unlinks it); the mention's text joins the entity's aliases.
    LinkEntity {
        id: AnnotationId,
        entity: Option<EntityKey>,
    },
    /// Creates a canonical entity from an entity mention (its text and label) and links it.
    NewEntity(AnnotationId),
    /// Merges the entity `absorb` into `keep`: one entity from then on.
    MergeEntities {
        keep: EntityKey,
        absorb: EntityKey,
    },
    /// Splits a linked mention (and those of its document written the same way) off its entity into
    /// a new one.
    SplitEntity(AnnotationId),
    /// Changes a canonical entity's name, label, aliases, knowledge-base id and note.
    SetEntityInfo {
        key: EntityKey,
        info: Box<super::entities::EntityInfo>,
    },
    /// Keys 1 to 9 while picking a speaker or an argument: the n-th of
    /// [`super::Workbench::pick_candidates`], nearest first.
    PickNumber(usize),
    /// A click on an annotation in the text or the list: resolves a pending speaker or argument pick,
    /// otherwise selects it.
    ClickAnnotation(AnnotationId),
    /// Escape: cancels a pending pick (or, with nothing pending, clears the selection).
    CancelPending,

    // --- Find ------------------------------------------------------------------------------------
    /// Finds every occurrence (case-insensitive) in the current document and selects the first hit at
    /// or after the selection.
    Find(String),
    FindNext,
    FindPrevious,
    /// Labels the current hit with the last label used, then moves to the next hit.
    LabelFindHit,

    // --- Corpus search (see `super::corpus`) -------------------------------------------------------
    /// Searches every document (text, regex or annotations); results come once the index is built.
    SearchCorpus(SearchRequest),
    /// F3: the next hit across documents (wraps), shown and selected.
    NextCorpusHit,
    /// Shift+F3: the previous hit.
    PreviousCorpusHit,
    /// Shows and selects the n-th hit (a click in the results).
    GoToCorpusHit(usize),
    /// Labels every hit as an entity with this label in the layer being edited: one undo step.
    LabelCorpusHits(String),

    // --- Documents' details and text (see `super::document_info`) --------------------------------
    /// Sets a document's title and metadata, after checking them ([`DocumentInfo::problems`]):
    /// one undo step.
    SetDocumentInfo {
        doc: DocId,
        info: Box<DocumentInfo>,
    },
    /// Puts back what cleaning removed at import (`index` into the document's removals, `None`:
    /// all of it): one undo step. Refused once any layer of the document has annotations.
    RestoreRemoved {
        doc: DocId,
        index: Option<usize>,
    },

    // --- Consistency (see `super::consistency`) ----------------------------------------------------
    /// Checks the layer being edited across the corpus (in a job; again after every change).
    CheckConsistency,
    /// Opens (`true`) or closes the "Who said what" tables of the layer being edited: while open,
    /// they are tallied in the background and follow every change.
    TallyCorpus(bool),
    /// Shows an annotation of the layer being edited (in its document) and selects it.
    GoToAnnotation {
        doc: DocId,
        id: AnnotationId,
    },
    /// Shows and selects one place of a finding.
    GoToFindingPlace {
        finding: usize,
        place: usize,
    },
    /// Applies a finding's fix (relabel, or label the unlabelled places): one undo step.
    FixFinding(usize),

    // --- Schema editor (each one undo step) ------------------------------------------------------
    AddEntityLabel(EntityLabel),
    /// Renames a label in the schema and in every annotation of every layer of every document.
    RenameEntityLabel {
        from: String,
        to: String,
    },
    SetLabelColor {
        label: String,
        color: Color,
    },
    SetLabelHotkey {
        label: String,
        hotkey: Option<char>,
    },
    SetLabelDescription {
        label: String,
        description: String,
    },
    /// Refused while any annotation uses the label.
    RemoveEntityLabel(String),
    AddEventType(EventType),
    /// Replaces an event type; a new name renames it in every event. Refused if it drops a role in use.
    UpdateEventType {
        name: String,
        event_type: EventType,
    },
    /// Refused while any event has this type.
    RemoveEventType(String),
    SetAttributeDefs(Vec<AttributeDef>),
    SetQuoteSettings(QuoteSettings),

    // --- Review and adjudication (see `super::review`) -------------------------------------------
    /// Opens the comparison of the shown document over these layers (`None`: every annotator's
    /// layer of it, gold aside), or changes its layers; edits go to gold from now on.
    OpenReview(Option<Vec<LayerName>>),
    /// Closes the comparison; edits go to the annotator's own layer again.
    CloseReview,
    /// N: the next pending disagreement (wraps), selected and scrolled to.
    NextDisagreement,
    /// Shift+N: the previous one.
    PreviousDisagreement,
    /// Makes the n-th pending disagreement current (a click in the list).
    GoToDisagreement(usize),
    /// Settles the current disagreement in gold (one undo step); `Skip` moves on to the next.
    Resolve(Choice),
    /// Merges into gold what at least k (`None`: the project's `min_agree`) of the compared layers
    /// agree on; one undo step.
    AutoMerge(Option<u32>),
    /// Edits go to gold (`true`, selecting the current disagreement's place) or to the annotator's
    /// own layer.
    EditGold(bool),
    /// Marks the gold layer of the shown document adjudicated (one undo step).
    FinishAdjudication,

    // --- Suggestions (see `super::suggestions`) ----------------------------------------------------
    /// `]`: focuses the next suggestion (wraps): its span is selected and scrolled to.
    NextSuggestion,
    /// `[`: the previous suggestion.
    PreviousSuggestion,
    /// Focuses a suggestion (a click on its mark).
    FocusSuggestion(SuggestionKey),
    /// Accepts a suggestion (`None`: the focused one) as ordinary annotations whose provenance
    /// names the recommender and its score; one undo step. Focus moves to the next suggestion.
    AcceptSuggestion(Option<SuggestionKey>),
    /// Rejects a suggestion (`None`: the focused one): not suggested again in this document's
    /// layer this session. Undone by Ctrl+Z in its turn.
    RejectSuggestion(Option<SuggestionKey>),
    /// Accepts every suggestion of `label` (entity label, event type or `QUOTE`) scoring at least
    /// `min_score`, as one undo step.
    AcceptAllSuggestions {
        label: String,
        min_score: f32,
    },
    /// Turns a recommender on or off (by name: `baseline`, `tagger`, …). Not an undo step.
    SetRecommenderEnabled {
        name: String,
        enabled: bool,
    },
    /// Hides a recommender's suggestions scoring below `threshold` (0 to 1). Not an undo step.
    SetRecommenderThreshold {
        name: String,
        threshold: f32,
    },
    /// The held-out F1 below which a trained tagger is turned off (0 to 1); applies now, and
    /// gives the decision back to training if the tagger was turned on or off by hand.
    SetTaggerMinF1(f64),
    /// "Allow for this project": the project's external recommender at `url` (the one the user was
    /// shown) may receive its documents; remembered outside the project.
    TrustRecommender {
        url: String,
    },
    /// "Not now": send the external recommender nothing and stop asking this session.
    DeclineRecommender,
}

/// A two-step interaction in progress: the next click or selection completes it; Escape cancels it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Click the speaker's mention (or select a span when there is none).
    Speaker { quote: AnnotationId },
    /// Select the cue ("said", "told reporters").
    Cue { quote: AnnotationId },
    /// Select another content span of a split quote.
    Content { quote: AnnotationId },
    /// Select another part of a discontinuous entity mention.
    Part { entity: AnnotationId },
    /// Click the annotation that fills `role`.
    Argument { event: AnnotationId, role: String },
}

impl Pending {
    /// What the status line asks the analyst to do.
    pub fn prompt(&self) -> String {
        match self {
            Pending::Speaker { quote } => format!(
                "Click the speaker of quote {quote} (or select a span; Alt+S: nearest mention; Esc: cancel)"
            ),
            Pending::Cue { quote } => format!("Select the cue of quote {quote} (Esc: cancel)"),
            Pending::Content { quote } => {
                format!("Select another content span of quote {quote} (Esc: cancel)")
            }
            Pending::Part { entity } => {
                format!("Select another part of mention {entity} (Esc: cancel)")
            }
            Pending::Argument { event, role } => {
                format!("Click the filler for role {role} of event {event} (Esc: cancel)")
            }
        }
    }
}

/// The find bar: the query, its hits in the current document and which hit is current.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindState {
    pub query: String,
    /// Char spans in the current document, in text order.
    pub hits: Vec<CharSpan>,
    /// Index into `hits`.
    pub current: Option<usize>,
}

impl FindState {
    pub fn current_hit(&self) -> Option<CharSpan> {
        self.current.and_then(|i| self.hits.get(i).copied())
    }
}

/// Whether the project on disk matches the one in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing waits to be written.
    Saved,
    /// Changes wait for the autosave delay.
    Unsaved,
    /// The saver thread is writing.
    Saving,
    /// The last write failed; the message names the file. The data stays marked unsaved and is
    /// written again on the next save.
    Error(String),
}

/// Why a command or an operation did not happen. Nothing changed when one is returned.
#[derive(Debug, Error)]
pub enum WorkbenchError {
    /// The analyst asked for something that does not apply now; the message says what to do instead
    /// ("select some text first").
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Edit(#[from] EditError),
    /// Loading, creating, locking or saving the project failed; the message names the file.
    #[error("{0}")]
    Storage(String),
    /// Another running Gloss has the project open for writing; the message says who.
    #[error("{0}")]
    Locked(String),
}

impl WorkbenchError {
    pub(crate) fn refused(message: impl Into<String>) -> Self {
        WorkbenchError::Refused(message.into())
    }
}
