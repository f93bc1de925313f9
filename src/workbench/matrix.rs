//! The curator's view of the team: documents × annotators (assigned or not; not started, in
//! progress, done), the agreement of each document's finished layers, and which documents are
//! ready to adjudicate. Computed in a job whenever the project changes while the view is open
//! (never while drawing), with the same agreement measure as `gloss agree`.

use crate::model::{DocId, GOLD, LayerKey, LayerName, Project, Status};
use crate::review::{self, AgreementOptions};

use super::Workbench;
use super::jobs::Job;

/// How far an annotator is with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Done,
}

impl Progress {
    pub fn name(self) -> &'static str {
        match self {
            Progress::NotStarted => "not started",
            Progress::InProgress => "in progress",
            Progress::Done => "done",
        }
    }
}

/// One annotator's cell of a document's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub assigned: bool,
    pub progress: Progress,
}

/// One document's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub doc: DocId,
    pub title: String,
    /// In the order of [`TeamMatrix::annotators`].
    pub cells: Vec<Cell>,
    /// Exact-match span F1 among the layers marked done (two or more), as `gloss agree` counts it.
    pub agreement: Option<f64>,
    /// Every assigned annotator (two or more) is done and gold is not finished yet.
    pub ready: bool,
}

/// Documents × annotators, in project order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamMatrix {
    pub annotators: Vec<String>,
    pub rows: Vec<Row>,
}

impl TeamMatrix {
    /// Builds the matrix of `project`.
    pub fn of(project: &Project) -> TeamMatrix {
        let mut annotators: Vec<String> = project
            .annotators
            .iter()
            .filter(|name| name.as_str() != GOLD)
            // A curator who has nothing assigned curates, and is no column.
            .filter(|name| {
                !project.team.is_curator(name)
                    || project.team.assignments.values().any(|a| a.contains(name))
            })
            .cloned()
            .collect();
        for names in project.team.assignments.values() {
            for name in names {
                if !annotators.contains(name) {
                    annotators.push(name.clone());
                }
            }
        }
        let rows = project
            .documents()
            .iter()
            .map(|document| {
                let doc = &document.id;
                let cells: Vec<Cell> = annotators
                    .iter()
                    .map(|name| Cell {
                        assigned: project.team.is_assigned(doc, name),
                        progress: progress(project, doc, name),
                    })
                    .collect();
                let done: Vec<LayerName> = annotators
                    .iter()
                    .zip(&cells)
                    .filter(|(_, cell)| cell.progress == Progress::Done)
                    .filter_map(|(name, _)| LayerName::new(name.as_str()))
                    .collect();
                let agreement = (done.len() >= 2)
                    .then(|| {
                        review::agreement(
                            project,
                            &AgreementOptions {
                                layers: Some(done),
                                docs: Some(vec![doc.clone()]),
                            },
                        )
                        .overall
                        .span_f1_exact
                    })
                    .flatten();
                let assigned: Vec<&Cell> = cells.iter().filter(|c| c.assigned).collect();
                let gold = project.status(&LayerKey::new(doc.clone(), LayerName::gold()));
                let ready = assigned.len() >= 2
                    && assigned.iter().all(|c| c.progress == Progress::Done)
                    && !gold.is_finished();
                Row {
                    doc: doc.clone(),
                    title: document.title.clone(),
                    cells,
                    agreement,
                    ready,
                }
            })
            .collect();
        TeamMatrix { annotators, rows }
    }
}

fn progress(project: &Project, doc: &DocId, name: &str) -> Progress {
    let Some(layer) = LayerName::new(name) else {
        return Progress::NotStarted;
    };
    let key = LayerKey::new(doc.clone(), layer);
    match project.status(&key) {
        Status::Done | Status::Adjudicated => Progress::Done,
        Status::InProgress => Progress::InProgress,
        Status::New if project.layer(&key).is_some_and(|l| !l.is_empty()) => Progress::InProgress,
        Status::New => Progress::NotStarted,
    }
}

#[derive(Default)]
pub(super) struct MatrixState {
    open: bool,
    matrix: Option<(u64, TeamMatrix)>,
    running: Option<(u64, Job<TeamMatrix>)>,
}

impl Workbench {
    /// The team matrix while the team view is open: the latest computed (maybe a revision old).
    pub fn team_matrix(&self) -> Option<&TeamMatrix> {
        self.matrix.open.then_some(())?;
        self.matrix.matrix.as_ref().map(|(_, m)| m)
    }

    pub(super) fn show_team(&mut self, open: bool) {
        self.matrix.open = open;
        self.tick_matrix();
    }

    /// Collects a finished matrix, starts one when the project changed. Never blocks.
    pub(super) fn tick_matrix(&mut self) {
        if let Some((revision, job)) = self.matrix.running.as_mut()
            && let Some(result) = job.poll()
        {
            let revision = *revision;
            self.matrix.running = None;
            if let Ok(matrix) = result {
                self.matrix.matrix = Some((revision, matrix));
            }
        }
        let fresh = self
            .matrix
            .matrix
            .as_ref()
            .is_some_and(|(r, _)| *r == self.revision);
        if !self.matrix.open || fresh || self.matrix.running.is_some() {
            return;
        }
        let project = self.project.clone();
        let job = self.jobs.start("team", move |_| TeamMatrix::of(&project));
        self.matrix.running = Some((self.revision, job));
    }
}
