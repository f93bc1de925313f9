//! What the window remembers besides the workbench: which dialogs are open, what is being typed, the
//! last message. Panels read the workbench, change only this, and put what the analyst asked for in
//! the [`Outbox`], which the app carries out after drawing.

use std::path::PathBuf;

use crate::model::{AnnotationId, CharSpan, DocId};
use crate::workbench::Command;

use super::dialogs::{AnnotatorDialog, NewProjectDialog};
use super::schema_editor::SchemaEditor;

/// The side panels the analyst can hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidePanel {
    Documents,
    Inspector,
}

/// Something the analyst asked for that is about the window or files, not the workbench's state.
#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    /// Page Up/Down, Home, End: scroll the article.
    Scroll(super::article::Page),
    /// F9, F10 and the View menu: show or hide a side panel (remembered).
    TogglePanel(SidePanel),
    /// File ▸ Open project: a native folder dialog.
    OpenProjectDialog,
    OpenProject(PathBuf),
    NewProjectDialog,
    /// The new-project dialog's "Choose…": a native folder dialog for where to create it.
    PickNewProjectFolder,
    /// Create a project in `dir` with a preset schema, then open it.
    CreateProject {
        dir: PathBuf,
        name: String,
        preset: String,
        /// Open the text import once the project is open.
        then_import: bool,
    },
    ImportTexts,
    /// The welcome screen's "Open the sample": a copy of the built-in sample, opened.
    OpenSample,
    /// The welcome screen's "Import articles…": a new project, then the text import.
    ImportIntoNewProject,
    /// File ▸ Import web pages…: the dialog for URLs and feeds.
    ImportWebPages,
    /// Fetch and import these pages and feeds, in a job.
    FetchWebPages {
        urls: Vec<String>,
        feeds: Vec<String>,
        keep_noise: bool,
    },
    /// File ▸ Import annotations…: the import dialog.
    ImportAnnotations,
    /// File ▸ Export: the export dialog.
    ExportJsonl,
    Quit,
    /// Ask (again) who is annotating.
    ChangeAnnotator,
    /// Reopen the project as another annotator, or remember the name for the next project.
    SetAnnotator(String),
    /// Try again to open the read-only project for writing (its lock may have been released).
    ReopenForWriting,
    /// The top bar's Team…: the documents × annotators window.
    OpenTeam,
    /// "Who is annotating?" was cancelled: the project waiting for a name is not opened.
    AnnotatorCancelled,
    ShowHelp,
    ShowSchemaEditor,
    /// Suggest ▸ Recommenders…: open or close the recommenders panel.
    ShowRecommenders,
    /// Open the find bar and put the caret in it.
    OpenFind,
    /// Find ▸ Search all documents (Ctrl+Shift+F): open the corpus search panel, caret in its field.
    OpenCorpusSearch,
    /// Find ▸ Consistency checks…: open the consistency panel and check the layer being edited.
    ShowConsistency,
    /// Find ▸ Who said what…: open the panel of quotes by speaker and events by participant.
    ShowWhoSaid,
    CloseFind,
    /// A hint for the status line ("select a quote first").
    Hint(String),
    /// Alt+Y: ask before accepting every suggestion of `label` scoring at least `min_score`.
    ConfirmAcceptAll {
        label: String,
        min_score: f32,
    },
}

/// How a message in the status line is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    /// A command was refused or failed: the message says what to do instead.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// What the panels ask for during one frame, carried out in order after drawing.
#[derive(Debug, Default)]
pub struct Outbox {
    pub commands: Vec<Command>,
    pub actions: Vec<UiAction>,
    /// Whether the selection was changed with the mouse in the article this frame, which then needs
    /// no scrolling to.
    pub from_article: bool,
}

impl Outbox {
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn action(&mut self, action: UiAction) {
        self.actions.push(action);
    }
}

/// Text being typed into the inspector for one annotation, committed when the field loses focus or
/// Enter is pressed. Reloaded from the model when another annotation is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InspectorDraft {
    /// Which annotation the draft belongs to.
    pub owner: Option<(DocId, AnnotationId)>,
    /// The workbench revision the drafts were last loaded at.
    pub revision: u64,
    pub note: String,
    pub norm: String,
    /// The entities offered for the selected mention, loaded with the drafts (computing them
    /// looks through the registry and the layer).
    pub candidates: Vec<crate::workbench::EntityCandidate>,
    /// Free-text attributes (those without a list of allowed values), by name.
    pub attributes: std::collections::BTreeMap<String, String>,
    /// Fields typed in since they were loaded or committed: what [`InspectorDraft::take_commits`]
    /// still has to hand to the workbench.
    pub dirty: std::collections::BTreeSet<DraftField>,
}

/// A field of the inspector that is edited as text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DraftField {
    Note,
    Norm,
    Attribute(String),
}

impl InspectorDraft {
    /// The commands that save what was typed and not yet committed, for the annotation the draft
    /// belongs to; the draft is clean afterwards. The app runs these before anything that could
    /// move the inspector to another annotation or document, so that typing is never lost.
    pub fn take_commits(&mut self) -> Vec<Command> {
        let Some((_, id)) = &self.owner else {
            self.dirty.clear();
            return Vec::new();
        };
        let id = *id;
        let text = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        };
        std::mem::take(&mut self.dirty)
            .into_iter()
            .map(|field| match field {
                DraftField::Note => Command::SetNote {
                    id,
                    note: self.note.clone(),
                },
                DraftField::Norm => Command::SetNorm {
                    id,
                    norm: text(&self.norm),
                },
                DraftField::Attribute(name) => Command::SetAttribute {
                    value: self.attributes.get(&name).and_then(|v| text(v)),
                    id,
                    name,
                },
            })
            .collect()
    }
}

/// The window's own state. Nothing here is saved with the project.
#[derive(Default)]
pub struct View {
    /// Which side panels were shown last frame (the analyst's choice, less what a narrow window
    /// left out): (documents, inspector).
    pub panels_shown: (bool, bool),
    /// The panel shown last on the analyst's word: a narrow window hides the other one first.
    pub panel_priority: Option<SidePanel>,
    /// The document list's filters, sort and cached order.
    pub doc_list: super::documents::DocList,
    /// The Document details window (title, outlet, authors, date, language, source), while open.
    pub details_open: bool,
    /// The Team window (documents × annotators), while open.
    pub team_open: bool,
    /// The revision, and how many of the documents assigned to the annotator are done / assigned.
    pub assigned_count: Option<(u64, usize, usize)>,
    /// The Document details window's fields as typed.
    pub details: super::details::DetailsDraft,
    pub find_open: bool,
    pub find_query: String,
    /// Put the caret in the find box on the next frame.
    pub focus_find: bool,
    pub help_open: bool,
    pub schema_editor: Option<SchemaEditor>,
    pub new_project: Option<NewProjectDialog>,
    /// File ▸ Import web pages…, while open.
    pub web_import: Option<super::dialogs::WebImportDialog>,
    pub annotator_dialog: Option<AnnotatorDialog>,
    /// Gloss's own file picker, when the desktop's file chooser cannot open.
    pub picker: Option<super::file_picker::FilePicker>,
    /// The export and import dialogs.
    pub formats: super::export_dialog::FormatDialogs,
    /// Errors waiting to be shown in a dialog, oldest first.
    pub errors: Vec<String>,
    /// The last message for the status line.
    pub message: Option<Message>,
    pub draft: InspectorDraft,
    /// Scroll the article so that this span is visible (after a jump from the list or a find hit).
    pub scroll_to: Option<CharSpan>,
    /// How many documents the annotator has finished, and at which workbench revision that was
    /// counted (a status change bumps the revision).
    pub done_count: Option<(u64, usize)>,
    /// What the document list flags per document (contradictory gold, labels the schema lacks),
    /// and the workbench revision it was counted at.
    pub document_problems: Option<(
        u64,
        std::collections::BTreeMap<DocId, crate::workbench::DocumentProblems>,
    )>,
    /// The annotation under the pointer in the article, named in the status line.
    pub hovered: Option<AnnotationId>,
    /// Scroll the annotation list to the selected annotation (after it was selected in the text).
    pub reveal_in_list: bool,
    /// The bulk accept waiting for the analyst's yes (see `bulk_accept`).
    pub bulk_accept: Option<super::bulk_accept::BulkAccept>,
}

impl View {
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Info,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Warning,
        });
    }

    /// An error that needs a dialog (a project that would not open, an export that failed).
    pub fn error(&mut self, text: impl Into<String>) {
        self.errors.push(text.into());
    }
}
