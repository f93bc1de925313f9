//! Suggestions in the workbench: the recommenders' proposals for the shown document's layer, the
//! analyst's decisions on them, and the tagger that keeps learning on the `gloss-suggest` thread.
//!
//! - **The list** ([`Workbench::suggestions`]) is derived data, computed after anything it depends
//!   on changed: the project's revision, the shown layer, the recommenders' settings and models, the
//!   rejections. On a news article the rule-based recommenders take well under a millisecond
//!   (`benches/workbench_suggestions.rs`), so up to [`SYNC_SUGGESTION_CHARS`] the list is computed on the UI
//!   thread as soon as its inputs change (in [`Workbench::execute`], [`Workbench::tick`], on opening
//!   a document), never while drawing: the first frame that shows a document shows its suggestions. A longer
//!   document's list (about 0.8 s for 1 MB in a release build) is computed on the
//!   `gloss-suggest-doc` thread ([`background`]) and the previous list stays shown until it
//!   arrives; past [`LIVE_SUGGESTION_CHARS`] nothing is suggested live, and a message says so once
//!   per document (`gloss suggest --apply` pre-annotates such documents). The list is empty while a comparison is open for review.
//! - **Focus**: the focused suggestion is the one whose primary span (mention, first content span,
//!   trigger) is the selected range while no annotation is selected. Focusing one selects its span,
//!   so the window scrolls to it and a schema hotkey relabels it; selecting anything else drops the
//!   focus.
//! - **Deciding** ([`decide`]): accepting is one ordinary group of `Add` edits (one undo step)
//!   whose provenance names the recommender and its score
//!   ([`crate::suggest::suggestion_to_edits`]). Rejecting is kept with the (document, layer)
//!   ([`crate::model::Layer::rejections`], saved in its file, so it holds after a restart) and
//!   undone by Ctrl+Z in its turn among the history's steps. Nothing that would make an annotation
//!   `gloss check` rejects is suggested; bulk accept (`Alt+Y`) is asked in the window first
//!   ([`Workbench::accept_all_preview`]) and is one undo step.
//! - **Keys**: `]` / `[` next and previous, `Y` (or Enter, unless the find bar has hits) accept,
//!   `X` reject, `Alt+Y` accept every suggestion of the focused one's label scoring at least as
//!   much. N, A and Enter alone were taken (review, find); and the schema's hotkeys come first: a
//!   plain key that is also a hotkey labels the selection instead
//!   ([`Workbench::suggestion_action_for`]).
//! - **Background** ([`background`]): after changes the tagger retrains on the annotator's layer
//!   (or gold) on the worker, one run at a time; a model older than the installed one is dropped.
//!   With `settings.recommender_url` set, the external model is asked the same way; its failures
//!   become a message ([`Workbench::take_suggestion_message`]), never a wait.
//! - **Trust** ([`trust`]): the project chose that URL, not the user, so nothing is sent to it until
//!   the user trusts it for this project ([`Workbench::recommender_trust`],
//!   [`Command::TrustRecommender`]); the trust is kept in the user's config folder
//!   ([`crate::workbench::trust`]).

mod background;
mod decide;
mod trust;

use std::collections::BTreeMap;
use std::sync::Arc;

use super::shortcuts::{Action, Key, shortcuts};
use super::{Command, Workbench};
use crate::model::{DocId, LayerKey};
use crate::suggest::{
    Precomputed, Recommenders, Suggestion, SuggestionKey, TaggerModel, TrainingReport, Worker,
    suggest_document,
};

use super::trust::TrustStore;
use background::LongDocuments;
use decide::Decision;
pub use trust::RecommenderTrust;

/// Documents up to this many chars get their suggestions on the UI thread, at once.
pub const SYNC_SUGGESTION_CHARS: usize = 20_000;

/// Documents longer than this get no live suggestions: recomputing after every decision would keep a
/// core busy for seconds (the pipeline takes about 0.8 s per MB, release build).
pub const LIVE_SUGGESTION_CHARS: usize = 2_000_000;

/// Held-out F1 (all labels, exact matching) below which a freshly trained tagger is turned off,
/// unless the analyst turned it on or off by hand.
pub const DEFAULT_TAGGER_MIN_F1: f64 = 0.5;

/// How often the analyst took or turned down one recommender's suggestions (this session).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub accepted: u32,
    pub rejected: u32,
}

impl Tally {
    pub fn decided(&self) -> u32 {
        self.accepted + self.rejected
    }

    /// Accepted over decided, in `[0, 1]`; `None` before any decision.
    pub fn rate(&self) -> Option<f64> {
        (self.decided() > 0).then(|| f64::from(self.accepted) / f64::from(self.decided()))
    }
}

/// The tagger's training, as the recommenders panel shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaggerStatus {
    /// The last run that produced a model, with the revision it learnt from.
    pub report: Option<(u64, TrainingReport)>,
    /// The revision of the last training request.
    pub requested: Option<u64>,
    /// See [`DEFAULT_TAGGER_MIN_F1`].
    pub min_f1: f64,
    /// The analyst turned the tagger on or off: training no longer decides.
    pub set_by_hand: bool,
}

/// What a suggestion list was computed for: the layer, the project's revision and the
/// [`SuggestionState::generation`].
type ListKey = (LayerKey, u64, u64);

/// The suggestion list for one [`ListKey`].
#[derive(Debug)]
struct Cached {
    key: ListKey,
    list: Arc<[Suggestion]>,
}

/// Everything the workbench keeps about suggestions. Read it with [`Workbench::suggestion_state`];
/// change it with the suggestion commands.
pub struct SuggestionState {
    recommenders: Recommenders,
    /// Bumps whenever something other than the project changes what is suggested (rejections,
    /// settings, a new model, the external model's answer).
    generation: u64,
    /// The shown layer's list, kept up to date by [`Workbench::refresh_suggestions`].
    cache: Option<Cached>,
    undo: Vec<Decision>,
    redo: Vec<Decision>,
    tallies: BTreeMap<String, Tally>,
    /// Which of several suggestions sharing the selected span is focused.
    hint: Option<SuggestionKey>,
    tagger: TaggerStatus,
    /// The (document, revision) the external model was last asked about, and answered for.
    external_requested: Option<(DocId, u64)>,
    external_answered: Option<(DocId, u64)>,
    external_error: Option<String>,
    /// The installed tagger model and the external model's answer, to set up the recommenders
    /// again on the long-document thread.
    tagger_model: Option<Arc<TaggerModel>>,
    /// The project's own entity model (project.ron's `ner_model`), in the baseline in place of the
    /// shipped news model.
    baseline_model: Option<Arc<TaggerModel>>,
    external_answer: Option<Precomputed>,
    worker: Option<Worker>,
    worker_failed: bool,
    long: Option<LongDocuments>,
    long_failed: bool,
    /// The list the long-document thread was last asked for.
    long_requested: Option<ListKey>,
    messages: Vec<String>,
    /// The last document said to be too long for live suggestions.
    too_long_said: Option<DocId>,
    /// Where the user's trust in recommender URLs is kept, what it says about the project's URL,
    /// and the URL that was checked (`Some(None)`: the project names none).
    trust_store: TrustStore,
    trust: RecommenderTrust,
    trust_checked: Option<Option<String>>,
}

impl SuggestionState {
    /// Puts the project's own entity model into the baseline, in place of the shipped one.
    pub(in crate::workbench) fn use_baseline_model(&mut self, model: Arc<TaggerModel>) {
        self.recommenders
            .push(Box::new(crate::suggest::baseline::Baseline::with_model(
                Arc::clone(&model),
            )));
        self.baseline_model = Some(model);
    }

    /// Says something to the user once, in the window's message area.
    pub(in crate::workbench) fn tell(&mut self, message: String) {
        self.messages.push(message);
    }
}

impl Default for SuggestionState {
    fn default() -> Self {
        Self {
            recommenders: Recommenders::standard(),
            generation: 0,
            cache: None,
            undo: Vec::new(),
            redo: Vec::new(),
            tallies: BTreeMap::new(),
            hint: None,
            tagger: TaggerStatus {
                min_f1: DEFAULT_TAGGER_MIN_F1,
                ..TaggerStatus::default()
            },
            external_requested: None,
            external_answered: None,
            external_error: None,
            tagger_model: None,
            baseline_model: None,
            external_answer: None,
            worker: None,
            worker_failed: false,
            long: None,
            long_failed: false,
            long_requested: None,
            messages: Vec::new(),
            too_long_said: None,
            trust_store: TrustStore::user(),
            trust: RecommenderTrust::NoRecommender,
            trust_checked: None,
        }
    }
}

impl SuggestionState {
    /// The recommenders in the order they run, with their on/off and thresholds.
    pub fn recommenders(&self) -> &Recommenders {
        &self.recommenders
    }

    /// Changes whenever the suggestions may have changed for a reason other than the project's
    /// revision: add it to the revision to key caches of what is drawn.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn tagger(&self) -> &TaggerStatus {
        &self.tagger
    }

    /// Whether the worker is training or asking the external model right now.
    pub fn working(&self) -> bool {
        self.worker.as_ref().is_some_and(Worker::is_busy)
    }

    /// Whether a long document's list is being computed in the background.
    pub fn refining(&self) -> bool {
        self.long.as_ref().is_some_and(LongDocuments::is_busy)
    }

    /// Accepted and rejected suggestions of one recommender, this session.
    pub fn tally(&self, recommender: &str) -> Tally {
        self.tallies.get(recommender).copied().unwrap_or_default()
    }

    /// All recommenders together.
    pub fn total(&self) -> Tally {
        self.tallies
            .values()
            .fold(Tally::default(), |all, t| Tally {
                accepted: all.accepted + t.accepted,
                rejected: all.rejected + t.rejected,
            })
    }

    /// The layer and project revision the shown list was computed for: after every command and
    /// tick it is the shown layer at the current revision (a long document's list may lag behind
    /// while the background computes the next one).
    pub fn computed_for(&self) -> Option<(&LayerKey, u64)> {
        self.cache
            .as_ref()
            .map(|cached| (&cached.key.0, cached.key.1))
    }

    /// The external model's last failure, until it answers again.
    pub fn external_error(&self) -> Option<&str> {
        self.external_error.as_deref()
    }

    pub(super) fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub(super) fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn changed(&mut self) {
        self.generation += 1;
    }

    fn count(&mut self, recommender: &str, accepted: i32, rejected: i32) {
        let tally = self.tallies.entry(recommender.to_owned()).or_default();
        tally.accepted = tally.accepted.saturating_add_signed(accepted);
        tally.rejected = tally.rejected.saturating_add_signed(rejected);
    }
}

/// The actions on suggestions whose keys are plain characters: they yield to the schema's hotkeys
/// (see [`Workbench::suggestion_action_for`]), so [`super::action_for`] does not find them.
pub fn is_suggestion_key(action: Action) -> bool {
    matches!(
        action,
        Action::NextSuggestion
            | Action::PreviousSuggestion
            | Action::AcceptSuggestion
            | Action::RejectSuggestion
    )
}

impl Workbench {
    pub fn suggestion_state(&self) -> &SuggestionState {
        &self.suggestions
    }

    /// The suggestions for the shown document's layer, sorted by position (see the module docs:
    /// for a long document, the last list computed for its layer). A pure read: the list is
    /// computed when what it depends on changes ([`Workbench::refresh_suggestions`]), never here.
    pub fn suggestions(&self) -> Arc<[Suggestion]> {
        match (&self.suggestions.cache, self.current.as_ref()) {
            _ if self.review().is_some() => Arc::from(Vec::new()),
            (Some(cached), Some(layer)) if cached.key.0 == *layer => Arc::clone(&cached.list),
            _ => Arc::from(Vec::new()),
        }
    }

    /// Brings the shown layer's list up to date after its inputs changed (the project's revision,
    /// the shown layer, [`SuggestionState::generation`], a comparison opened or closed). Cheap when
    /// nothing changed. A short document's list is computed here, on the caller's thread; a long
    /// one's is asked of the background thread by [`Workbench::tick`]; one too long for live
    /// suggestions gets an empty list and a message, once per document.
    pub(in crate::workbench) fn refresh_suggestions(&mut self) {
        self.check_trust();
        let Some(key) = self.list_key() else {
            self.suggestions.cache = None;
            return;
        };
        // While a comparison is open the list is hidden ([`Workbench::suggestions`]).
        let fresh = self
            .suggestions
            .cache
            .as_ref()
            .is_some_and(|cached| cached.key == key);
        if fresh || self.review().is_some() {
            return;
        }
        if self.list_is_long() {
            // The previous list of this layer stays shown until the background one arrives.
            if self
                .suggestions
                .cache
                .as_ref()
                .is_some_and(|cached| cached.key.0 != key.0)
            {
                self.suggestions.cache = None;
            }
            return;
        }
        let list: Arc<[Suggestion]> = if self.list_is_off() {
            self.say_too_long(&key.0.doc);
            Arc::from(Vec::new())
        } else {
            Arc::from(suggest_document(
                &self.project,
                &key.0.doc,
                &key.0.layer,
                &self.suggestions.recommenders,
                &self.rejected_keys(&key.0),
            ))
        };
        self.suggestions.cache = Some(Cached { key, list });
    }

    /// Says once per document that it gets no live suggestions, so that an empty list is not
    /// mistaken for a document with nothing to suggest.
    fn say_too_long(&mut self, doc: &DocId) {
        if self.suggestions.too_long_said.as_ref() == Some(doc) {
            return;
        }
        self.suggestions.too_long_said = Some(doc.clone());
        let chars = self.current_doc().map_or(0, |d| d.text.char_len());
        self.suggestions.messages.push(format!(
            "No live suggestions for {doc}: it has {chars} chars, more than {LIVE_SUGGESTION_CHARS} \
             (`gloss suggest --apply` pre-annotates it)"
        ));
    }

    /// Whether the shown document is too long for live suggestions ([`LIVE_SUGGESTION_CHARS`]).
    pub fn suggestions_too_long(&self) -> bool {
        self.current_doc()
            .is_some_and(|doc| doc.text.char_len() > LIVE_SUGGESTION_CHARS)
    }

    /// What the list of the shown layer would be computed for now.
    fn list_key(&self) -> Option<ListKey> {
        let layer = self.current_layer_key()?;
        Some((layer, self.revision, self.suggestions.generation))
    }

    /// Whether the shown document's list is computed in the background.
    fn list_is_long(&self) -> bool {
        self.review().is_none()
            && self.current_doc().is_some_and(|doc| {
                let len = doc.text.char_len();
                len > SYNC_SUGGESTION_CHARS && len <= LIVE_SUGGESTION_CHARS
            })
    }

    /// Whether the shown document gets no list at all.
    fn list_is_off(&self) -> bool {
        self.suggestions_too_long()
    }

    /// The suggestions rejected in a layer (kept with the layer, so saved with it).
    fn rejected_keys(&self, layer: &LayerKey) -> Vec<SuggestionKey> {
        self.project
            .layer(layer)
            .map(|l| l.rejections().map(SuggestionKey::from).collect())
            .unwrap_or_default()
    }

    /// How many suggestions were rejected in a layer.
    pub fn rejected_in(&self, layer: &LayerKey) -> usize {
        self.project
            .layer(layer)
            .map_or(0, |l| l.rejections().count())
    }

    /// The focused suggestion and its index in [`Workbench::suggestions`].
    pub fn focused_suggestion(&self) -> Option<(usize, Suggestion)> {
        let span = self.selection.span.filter(|s| !s.is_empty())?;
        if self.selection.annotation.is_some() {
            return None;
        }
        let list = self.suggestions();
        let at_span = |s: &&Suggestion| s.primary_span() == span;
        let index = list
            .iter()
            .position(|s| at_span(&s) && Some(s.key()) == self.suggestions.hint)
            .or_else(|| list.iter().position(|s| at_span(&s)))?;
        Some((index, list[index].clone()))
    }

    /// The suggestion action a typed character stands for, unless it is one of the schema's hotkeys
    /// (compared as the hotkey command compares them, ignoring case) or a comparison is open.
    pub fn suggestion_action_for(&self, c: char) -> Option<Action> {
        let schema = &self.project.schema;
        let same =
            |hotkey: Option<char>| hotkey.is_some_and(|h| h.to_lowercase().eq(c.to_lowercase()));
        let hotkey = schema.entity_labels.iter().any(|l| same(l.hotkey))
            || schema.event_types.iter().any(|t| same(t.hotkey))
            || (schema.quotes.enabled && same(schema.quotes.hotkey));
        if hotkey || self.review().is_some() {
            return None;
        }
        let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
        shortcuts()
            .iter()
            .filter(|s| is_suggestion_key(s.action))
            .find(|s| {
                s.chords.iter().any(|chord| {
                    !chord.ctrl
                        && !chord.alt
                        && matches!(chord.key, Key::Char(k) if lower(k) == lower(c))
                })
            })
            .map(|s| s.action)
    }

    /// A message for the status line about suggestions (the external model failing), once.
    pub fn take_suggestion_message(&mut self) -> Option<String> {
        (!self.suggestions.messages.is_empty()).then(|| self.suggestions.messages.remove(0))
    }

    /// The command a suggestion action stands for now; `None` when it does not apply.
    pub(super) fn suggestion_command_for(&self, action: Action) -> Option<Command> {
        if self.review().is_some() {
            return None;
        }
        let focused = self.focused_suggestion().map(|(_, s)| s);
        Some(match action {
            Action::NextSuggestion => Command::NextSuggestion,
            Action::PreviousSuggestion => Command::PreviousSuggestion,
            Action::AcceptSuggestion => {
                focused?;
                Command::AcceptSuggestion(None)
            }
            Action::RejectSuggestion => {
                focused?;
                Command::RejectSuggestion(None)
            }
            Action::AcceptAllSuggestions => {
                let focused = focused?;
                Command::AcceptAllSuggestions {
                    label: focused.label().to_owned(),
                    min_score: focused.score,
                }
            }
            _ => return None,
        })
    }
}
