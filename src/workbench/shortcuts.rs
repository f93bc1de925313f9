//! The one command list: every key binding of the window (schema hotkeys aside), from which the UI
//! builds its menus, the bottom key bar and the F1 help, and matches key presses.

use super::{Command, Workbench};
use crate::model::Annotation;

/// A key, independent of any UI toolkit. `Char` is matched against typed text (so `?` works on any
/// keyboard layout); the others against key presses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Tab,
    Enter,
    Escape,
    Delete,
    Backspace,
    ArrowLeft,
    ArrowRight,
    F1,
    F3,
    F9,
    F10,
    PageUp,
    PageDown,
    Home,
    End,
    Space,
}

/// A key with modifiers. `ctrl` means Cmd on macOS (egui's `Modifiers::command`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

const fn plain(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        shift: false,
        alt: false,
    }
}
const fn ctrl(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        shift: false,
        alt: false,
    }
}
const fn shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        shift: true,
        alt: false,
    }
}
const fn ctrl_shift(key: Key) -> Chord {
    Chord {
        key,
        ctrl: true,
        shift: true,
        alt: false,
    }
}
const fn alt(key: Key) -> Chord {
    Chord {
        key,
        ctrl: false,
        shift: false,
        alt: true,
    }
}

/// What a shortcut or menu entry does. Most map to a [`Command`] through [`Workbench::command_for`];
/// the others (dialogs, find bar focus, help, quit) are the UI's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NewProject,
    OpenProject,
    ImportTexts,
    Export,
    Quit,
    Save,
    Undo,
    Redo,
    Delete,
    SchemaEditor,
    NextAnnotation,
    PreviousAnnotation,
    GrowStart,
    GrowEnd,
    ShrinkStart,
    ShrinkEnd,
    SpeakerNearest,
    /// Link the selected mention to its best candidate entity, or to a new entity.
    LinkEntity,
    /// While picking a speaker or an argument, keys 1 to 9 take the numbered candidate (the typed
    /// digit is read by the window: see `Command::PickNumber`).
    PickNumbered,
    PickCue,
    PickContent,
    CycleQuoteKind,
    ToggleCharPrecision,
    Cancel,
    NextDocument,
    PreviousDocument,
    ToggleDone,
    Find,
    FindNext,
    FindPrevious,
    LabelFindHit,
    /// The corpus search panel (the UI's own), and stepping through its hits across documents.
    SearchCorpus,
    NextCorpusHit,
    PreviousCorpusHit,
    /// The consistency panel (the UI's own).
    Consistency,
    /// The "Who said what" panel (the UI's own).
    WhoSaid,
    /// Suggestions (Suggest menu): see `super::suggestions`.
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    RejectSuggestion,
    AcceptAllSuggestions,
    /// The recommenders panel (the UI's own).
    Recommenders,
    /// Open or close the comparison (Review menu); the rest apply while it is open.
    Review,
    NextDisagreement,
    PreviousDisagreement,
    TakeA,
    TakeB,
    TakeBoth,
    SkipDisagreement,
    EditInGold,
    AutoMerge,
    FinishAdjudication,
    PageDown,
    PageUp,
    ArticleStart,
    ArticleEnd,
    ToggleDocuments,
    ToggleInspector,
    Help,
}

/// One entry of the command list. Also known as [`CommandInfo`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub action: Action,
    /// Menu text, e.g. `Undo`.
    pub name: &'static str,
    /// Key text shown next to the menu entry and in help, e.g. `Ctrl+Shift+Z / Ctrl+Y`; empty if none.
    pub keys: &'static str,
    /// The chords that trigger it, in the order of `keys`.
    pub chords: &'static [Chord],
    pub description: &'static str,
    /// The menu it belongs to: `File`, `Edit`, `Annotate`, `Navigate`, `Find`, `Review` or `Help`.
    pub menu: &'static str,
}

/// The name the brief uses for an entry of the command list.
pub type CommandInfo = Shortcut;

const fn entry(
    action: Action,
    name: &'static str,
    keys: &'static str,
    chords: &'static [Chord],
    description: &'static str,
    menu: &'static str,
) -> Shortcut {
    Shortcut {
        action,
        name,
        keys,
        chords,
        description,
        menu,
    }
}

use Key::{
    ArrowLeft, ArrowRight, Backspace, Char, Delete, End, Enter, Escape, F1, F3, F9, F10, Home,
    PageDown, PageUp, Space, Tab,
};

static SHORTCUTS: &[Shortcut] = &[
    entry(
        Action::NewProject,
        "New project…",
        "Ctrl+N",
        &[ctrl(Char('n'))],
        "Create a project folder from a schema preset",
        "File",
    ),
    entry(
        Action::OpenProject,
        "Open project…",
        "Ctrl+O",
        &[ctrl(Char('o'))],
        "Open a project folder",
        "File",
    ),
    entry(
        Action::ImportTexts,
        "Import text files…",
        "Ctrl+I",
        &[ctrl(Char('i'))],
        "Add plain-text files as documents",
        "File",
    ),
    entry(
        Action::Export,
        "Export…",
        "Ctrl+E",
        &[ctrl(Char('e'))],
        "Export annotations (JSONL, spaCy, CoNLL, brat, HF, CSV)",
        "File",
    ),
    entry(
        Action::Save,
        "Save",
        "Ctrl+S",
        &[ctrl(Char('s'))],
        "Save now (Gloss also saves 3 s after each change)",
        "File",
    ),
    entry(
        Action::Quit,
        "Quit",
        "Ctrl+Q",
        &[ctrl(Char('q'))],
        "Save and close the window",
        "File",
    ),
    entry(
        Action::Undo,
        "Undo",
        "Ctrl+Z",
        &[ctrl(Char('z'))],
        "Undo the last annotation change, in any document",
        "Edit",
    ),
    entry(
        Action::Redo,
        "Redo",
        "Ctrl+Shift+Z / Ctrl+Y",
        &[ctrl_shift(Char('z')), ctrl(Char('y'))],
        "Redo what was undone",
        "Edit",
    ),
    entry(
        Action::Delete,
        "Delete annotation",
        "Delete / Backspace",
        &[plain(Delete), plain(Backspace)],
        "Remove the selected annotation and its links",
        "Edit",
    ),
    entry(
        Action::SchemaEditor,
        "Schema…",
        "",
        &[],
        "Edit labels, colours, hotkeys, event types, roles and attributes",
        "Edit",
    ),
    entry(
        Action::ToggleCharPrecision,
        "Character precision",
        "Alt+P",
        &[alt(Char('p'))],
        "Select single characters instead of whole tokens",
        "Edit",
    ),
    entry(
        Action::GrowStart,
        "Grow start",
        "Shift+←",
        &[shift(ArrowLeft)],
        "Move the start of the span one token left",
        "Annotate",
    ),
    entry(
        Action::GrowEnd,
        "Grow end",
        "Shift+→",
        &[shift(ArrowRight)],
        "Move the end of the span one token right",
        "Annotate",
    ),
    entry(
        Action::ShrinkStart,
        "Shrink start",
        "Ctrl+→",
        &[ctrl(ArrowRight)],
        "Move the start of the span one token right",
        "Annotate",
    ),
    entry(
        Action::ShrinkEnd,
        "Shrink end",
        "Ctrl+←",
        &[ctrl(ArrowLeft)],
        "Move the end of the span one token left",
        "Annotate",
    ),
    entry(
        Action::SpeakerNearest,
        "Nearest speaker",
        "Alt+S",
        &[alt(Char('s'))],
        "Link the quote to the speaker its attribution names (\"Kurti said\", \"he said\")",
        "Annotate",
    ),
    entry(
        Action::PickNumbered,
        "Pick a numbered candidate",
        "1 … 9",
        &[
            plain(Char('1')),
            plain(Char('2')),
            plain(Char('3')),
            plain(Char('4')),
            plain(Char('5')),
            plain(Char('6')),
            plain(Char('7')),
            plain(Char('8')),
            plain(Char('9')),
        ],
        "While a quote waits for its speaker or an event for an argument: take the candidate the inspector numbers (nearest first)",
        "Annotate",
    ),
    entry(
        Action::LinkEntity,
        "Link entity",
        "Alt+L",
        &[alt(Char('l'))],
        "Link the selected mention to the entity it most likely stands for (see the inspector), or make it a new entity",
        "Annotate",
    ),
    entry(
        Action::PickCue,
        "Mark cue",
        "Alt+C",
        &[alt(Char('c'))],
        "Select the quote's cue (\"said\") next",
        "Annotate",
    ),
    entry(
        Action::PickContent,
        "Add part",
        "Alt+A",
        &[alt(Char('a'))],
        "Select another part of the selected quote or mention next (a split quote, a \
         discontinuous mention)",
        "Annotate",
    ),
    entry(
        Action::CycleQuoteKind,
        "Quote kind",
        "Alt+K",
        &[alt(Char('k'))],
        "Cycle the quote between direct, indirect and mixed",
        "Annotate",
    ),
    entry(
        Action::Cancel,
        "Cancel",
        "Esc",
        &[plain(Escape)],
        "Cancel a pick in progress, or clear the selection",
        "Annotate",
    ),
    entry(
        Action::NextAnnotation,
        "Next annotation",
        "Tab",
        &[plain(Tab)],
        "Select the next annotation in the text",
        "Navigate",
    ),
    entry(
        Action::PreviousAnnotation,
        "Previous annotation",
        "Shift+Tab",
        &[shift(Tab)],
        "Select the previous annotation in the text",
        "Navigate",
    ),
    entry(
        Action::NextDocument,
        "Next document",
        "Alt+→",
        &[alt(ArrowRight)],
        "Show the next document",
        "Navigate",
    ),
    entry(
        Action::PreviousDocument,
        "Previous document",
        "Alt+←",
        &[alt(ArrowLeft)],
        "Show the previous document",
        "Navigate",
    ),
    entry(
        Action::ToggleDone,
        "Mark done",
        "Ctrl+D",
        &[ctrl(Char('d'))],
        "Mark your layer of this document done (again: in progress)",
        "Navigate",
    ),
    entry(
        Action::Find,
        "Find…",
        "Ctrl+F",
        &[ctrl(Char('f'))],
        "Find text in this document",
        "Find",
    ),
    entry(
        Action::FindNext,
        "Next hit",
        "Enter",
        &[plain(Enter)],
        "Go to the next hit",
        "Find",
    ),
    entry(
        Action::FindPrevious,
        "Previous hit",
        "Shift+Enter",
        &[shift(Enter)],
        "Go to the previous hit",
        "Find",
    ),
    entry(
        Action::LabelFindHit,
        "Label hit",
        "Ctrl+Enter / Ctrl+L",
        &[ctrl(Enter), ctrl(Char('l'))],
        "Label the hit with the last label used and go to the next",
        "Find",
    ),
    entry(
        Action::SearchCorpus,
        "Search all documents…",
        "Ctrl+Shift+F",
        &[ctrl_shift(Char('f'))],
        "Search every document: text (case and accents ignored), regex, or annotations",
        "Find",
    ),
    entry(
        Action::NextCorpusHit,
        "Next search hit",
        "F3",
        &[plain(F3)],
        "Go to the next hit of the corpus search, in whichever document it is",
        "Find",
    ),
    entry(
        Action::PreviousCorpusHit,
        "Previous search hit",
        "Shift+F3",
        &[shift(F3)],
        "Go to the previous hit of the corpus search",
        "Find",
    ),
    entry(
        Action::Consistency,
        "Consistency checks…",
        "",
        &[],
        "Where your layer labels one surface form differently, leaves it unlabelled, varies its boundaries or overlaps labels",
        "Find",
    ),
    entry(
        Action::WhoSaid,
        "Who said what…",
        "",
        &[],
        "Every quote of your layer by speaker entity and by outlet, every event by type and participant, with charts",
        "Find",
    ),
    // Suggestions: the plain keys yield to the schema's hotkeys (see
    // `super::Workbench::suggestion_action_for`); N, A and Enter alone belong to review and find.
    entry(
        Action::NextSuggestion,
        "Next suggestion",
        "]",
        &[plain(Char(']'))],
        "Focus the next model suggestion: its span is selected, a label key relabels it",
        "Suggest",
    ),
    entry(
        Action::PreviousSuggestion,
        "Previous suggestion",
        "[",
        &[plain(Char('['))],
        "Focus the previous model suggestion",
        "Suggest",
    ),
    entry(
        Action::AcceptSuggestion,
        "Accept suggestion",
        "Y / Enter",
        &[plain(Char('y'))],
        "Add the focused suggestion as an annotation (Enter too, unless the find bar has hits)",
        "Suggest",
    ),
    entry(
        Action::RejectSuggestion,
        "Reject suggestion",
        "X",
        &[plain(Char('x'))],
        "Drop the focused suggestion; it is not suggested again in this document",
        "Suggest",
    ),
    entry(
        Action::AcceptAllSuggestions,
        "Accept all like this",
        "Alt+Y",
        &[alt(Char('y'))],
        "Accept every suggestion with the focused one's label scoring at least as much (one undo step)",
        "Suggest",
    ),
    entry(
        Action::Recommenders,
        "Recommenders…",
        "",
        &[],
        "Turn recommenders on or off, set thresholds, see how well the tagger does",
        "Suggest",
    ),
    // Review: apart from Ctrl+R, these keys apply only while the comparison is open, where they
    // take precedence over the schema's hotkeys (see `super::review::review_action_for`).
    entry(
        Action::Review,
        "Compare and adjudicate…",
        "Ctrl+R",
        &[ctrl(Char('r'))],
        "Open (or close) the comparison of this document's layers, to settle them into gold",
        "Review",
    ),
    entry(
        Action::NextDisagreement,
        "Next disagreement",
        "N",
        &[plain(Char('n'))],
        "Go to the next disagreement between the annotators",
        "Review",
    ),
    entry(
        Action::PreviousDisagreement,
        "Previous disagreement",
        "Shift+N",
        &[shift(Char('n'))],
        "Go to the previous disagreement",
        "Review",
    ),
    entry(
        Action::TakeA,
        "Take A",
        "A",
        &[plain(Char('a'))],
        "Gold takes the first annotator's version of this disagreement",
        "Review",
    ),
    entry(
        Action::TakeB,
        "Take B",
        "B",
        &[plain(Char('b'))],
        "Gold takes the second annotator's version",
        "Review",
    ),
    entry(
        Action::TakeBoth,
        "Take both",
        "T",
        &[plain(Char('t'))],
        "Gold takes both versions",
        "Review",
    ),
    entry(
        Action::SkipDisagreement,
        "Skip",
        "S",
        &[plain(Char('s'))],
        "Decide later: go to the next disagreement",
        "Review",
    ),
    entry(
        Action::EditInGold,
        "Edit in gold",
        "E",
        &[plain(Char('e'))],
        "Select this place in gold, to fix it with the ordinary annotation keys",
        "Review",
    ),
    entry(
        Action::AutoMerge,
        "Merge what annotators agree on",
        "",
        &[],
        "Copy into gold every annotation enough annotators agree on (the project's min_agree)",
        "Review",
    ),
    entry(
        Action::FinishAdjudication,
        "Mark adjudicated",
        "",
        &[],
        "Mark the gold layer of this document adjudicated",
        "Review",
    ),
    entry(
        Action::PageDown,
        "Page down",
        "Page Down / Space",
        &[plain(PageDown), plain(Space)],
        "Scroll the article down by a screen",
        "Navigate",
    ),
    entry(
        Action::PageUp,
        "Page up",
        "Page Up / Shift+Space",
        &[plain(PageUp), shift(Space)],
        "Scroll the article up by a screen",
        "Navigate",
    ),
    entry(
        Action::ArticleStart,
        "Start of the article",
        "Home",
        &[plain(Home)],
        "Scroll to the article's first line",
        "Navigate",
    ),
    entry(
        Action::ArticleEnd,
        "End of the article",
        "End",
        &[plain(End)],
        "Scroll to the article's last line",
        "Navigate",
    ),
    entry(
        Action::ToggleDocuments,
        "Documents panel",
        "F9",
        &[plain(F9)],
        "Show or hide the document list (a narrow window hides it for the article's sake)",
        "View",
    ),
    entry(
        Action::ToggleInspector,
        "Inspector panel",
        "F10",
        &[plain(F10)],
        "Show or hide the inspector and the annotation list",
        "View",
    ),
    entry(
        Action::Help,
        "Keyboard shortcuts",
        "F1 / ?",
        &[plain(F1), plain(Char('?'))],
        "List every shortcut",
        "Help",
    ),
];

/// Every key binding of the window (schema hotkeys aside), in menu order.
pub fn shortcuts() -> &'static [Shortcut] {
    SHORTCUTS
}

/// The entry of an action.
pub fn shortcut(action: Action) -> Option<&'static Shortcut> {
    SHORTCUTS.iter().find(|s| s.action == action)
}

/// The action a chord triggers, if any. Letters match in either case. The review keys are not
/// found here: see [`super::review_action_for`].
/// The command a key typed alone (no Ctrl, no Alt) triggers somewhere in the window, if any: the
/// suggestion keys (`]`, `[`, `y`, `x`), the review keys (`n`, `a`, `b`, …), `?`. Letters match in
/// either case, as the review keys do. A schema hotkey on such a key would collide with it.
pub fn command_on_typed_key(key: char) -> Option<&'static Shortcut> {
    SHORTCUTS.iter().find(|s| {
        s.chords.iter().any(|chord| match chord.key {
            Char(c) => !chord.ctrl && !chord.alt && c.to_lowercase().eq(key.to_lowercase()),
            _ => false,
        })
    })
}

/// What a schema hotkey on `key` collides with, said for the analyst; `None` when nothing does.
pub fn command_clash(key: char) -> Option<String> {
    let command = command_on_typed_key(key)?;
    let when = if super::review::is_review_key(command.action) {
        " while a comparison is open"
    } else if super::suggestions::is_suggestion_key(command.action) {
        " on a suggestion"
    } else {
        ""
    };
    Some(format!(
        "key {key} is already “{}” ({} menu, {}){when}",
        command.name, command.menu, command.keys
    ))
}

pub fn action_for(chord: Chord) -> Option<Action> {
    let lower = |key: Key| match key {
        Char(c) => Char(c.to_ascii_lowercase()),
        other => other,
    };
    let chord = Chord {
        key: lower(chord.key),
        ..chord
    };
    SHORTCUTS
        .iter()
        // Review keys are plain letters: outside the comparison they are the schema's hotkeys.
        .filter(|s| !super::review::is_review_key(s.action))
        // Suggestion keys yield to the schema's hotkeys: see `Workbench::suggestion_action_for`.
        .filter(|s| !super::suggestions::is_suggestion_key(s.action))
        .find(|s| {
            s.chords.iter().any(|c| {
                Chord {
                    key: lower(c.key),
                    ..*c
                } == chord
            })
        })
        .map(|s| s.action)
}

impl Workbench {
    /// The command an action stands for now (e.g. `PickCue` needs a selected quote), or `None` for the
    /// UI's own actions (dialogs, find bar, help, quit) and when it does not apply.
    pub fn command_for(&self, action: Action) -> Option<Command> {
        let selected_quote = match self.selected_annotation() {
            Some(Annotation::Quote(q)) => Some(q.id),
            _ => None,
        };
        Some(match action {
            Action::Save => Command::Save,
            Action::Undo => Command::Undo,
            Action::Redo => Command::Redo,
            Action::Delete => Command::Delete,
            Action::NextAnnotation => Command::SelectNextAnnotation,
            Action::PreviousAnnotation => Command::SelectPreviousAnnotation,
            Action::GrowStart => Command::GrowStart,
            Action::GrowEnd => Command::GrowEnd,
            Action::ShrinkStart => Command::ShrinkStart,
            Action::ShrinkEnd => Command::ShrinkEnd,
            Action::SpeakerNearest => Command::SpeakerNearest,
            Action::LinkEntity => self.link_entity_command()?,
            Action::PickCue => Command::PickCue {
                quote: selected_quote?,
            },
            Action::PickContent => match self.selected_annotation() {
                Some(Annotation::Entity(e)) => Command::PickPart { entity: e.id },
                _ => Command::PickContent {
                    quote: selected_quote?,
                },
            },
            Action::CycleQuoteKind => Command::CycleQuoteKind,
            Action::ToggleCharPrecision => Command::SetCharPrecision(!self.char_precision()),
            Action::Cancel => Command::CancelPending,
            Action::NextDocument => Command::NextDocument,
            Action::PreviousDocument => Command::PreviousDocument,
            Action::ToggleDone => Command::ToggleDone,
            // Enter accepts the focused suggestion, unless the find bar has hits to step through.
            Action::FindNext
                if self.find().hits.is_empty() && self.focused_suggestion().is_some() =>
            {
                Command::AcceptSuggestion(None)
            }
            Action::FindNext => Command::FindNext,
            Action::FindPrevious => Command::FindPrevious,
            Action::LabelFindHit => Command::LabelFindHit,
            Action::NextCorpusHit => Command::NextCorpusHit,
            Action::PreviousCorpusHit => Command::PreviousCorpusHit,
            Action::Review
            | Action::NextDisagreement
            | Action::PreviousDisagreement
            | Action::TakeA
            | Action::TakeB
            | Action::TakeBoth
            | Action::SkipDisagreement
            | Action::EditInGold
            | Action::AutoMerge
            | Action::FinishAdjudication => return self.review_command_for(action),
            Action::NextSuggestion
            | Action::PreviousSuggestion
            | Action::AcceptSuggestion
            | Action::RejectSuggestion
            | Action::AcceptAllSuggestions => return self.suggestion_command_for(action),
            Action::NewProject
            | Action::OpenProject
            | Action::ImportTexts
            | Action::Export
            | Action::Quit
            | Action::SchemaEditor
            | Action::Find
            | Action::SearchCorpus
            | Action::Consistency
            | Action::WhoSaid
            | Action::PickNumbered
            | Action::Help
            | Action::PageDown
            | Action::PageUp
            | Action::ArticleStart
            | Action::ArticleEnd
            | Action::ToggleDocuments
            | Action::ToggleInspector
            | Action::Recommenders => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_listed_once_and_no_chord_is_bound_twice() {
        let mut actions = std::collections::HashSet::new();
        let mut chords = std::collections::HashSet::new();
        for s in shortcuts() {
            assert!(actions.insert(s.action), "{:?} listed twice", s.action);
            for chord in s.chords {
                assert!(chords.insert(*chord), "{chord:?} bound twice");
            }
            assert_eq!(s.keys.is_empty(), s.chords.is_empty(), "{}", s.name);
        }
    }

    #[test]
    fn typed_keys_name_the_command_they_would_collide_with() {
        assert_eq!(
            command_on_typed_key('y').map(|s| s.action),
            Some(Action::AcceptSuggestion)
        );
        assert_eq!(
            command_on_typed_key('N').map(|s| s.action),
            Some(Action::NextDisagreement)
        );
        assert_eq!(command_on_typed_key('p'), None, "Alt+P is no typed key");
        assert_eq!(
            command_clash('n').as_deref(),
            Some(
                "key n is already “Next disagreement” (Review menu, N) while a comparison is open"
            )
        );
    }

    #[test]
    fn chords_find_their_action() {
        assert_eq!(action_for(ctrl(Char('Z'))), Some(Action::Undo));
        assert_eq!(action_for(ctrl_shift(Char('z'))), Some(Action::Redo));
        assert_eq!(action_for(plain(Char('?'))), Some(Action::Help));
        assert_eq!(
            action_for(ctrl_shift(Char('F'))),
            Some(Action::SearchCorpus)
        );
        assert_eq!(action_for(ctrl(Char('f'))), Some(Action::Find));
        assert_eq!(
            action_for(plain(Char('p'))),
            None,
            "plain letters belong to the schema's hotkeys"
        );
    }
}
