//! The "Who said what" panel's state: the quotes of the layer being edited grouped by speaker
//! entity, outlet and document, and its events by type and participant with their timeline
//! ([`super::tasks::quotes`] and [`super::tasks::events`], what `gloss quotes` and `gloss events`
//! print), computed in a job and again whenever annotations change while the panel is open; and
//! opening one of the quotes or events a row counts.

use std::sync::Arc;

use super::jobs::Job;
use super::tasks::events::{self, EventRow, TimelinePoint};
use super::tasks::quotes::{self, QuoteRow, QuotesBy};
use super::{Workbench, WorkbenchError};
use crate::model::{AnnotationId, DocId, LayerName, Selection};

/// The tables as the panel draws them.
#[derive(Clone, Debug, Default)]
pub struct WhoSaidView {
    /// The layer tallied.
    pub layer: Option<LayerName>,
    pub by_speaker: Arc<Vec<QuoteRow>>,
    pub by_outlet: Arc<Vec<QuoteRow>>,
    pub events: Arc<Vec<EventRow>>,
    pub timeline: Arc<Vec<TimelinePoint>>,
    /// Whether a tally is running (the tables, if any, are from before the last change).
    pub computing: bool,
}

type Tables = (
    Vec<QuoteRow>,
    Vec<QuoteRow>,
    Vec<EventRow>,
    Vec<TimelinePoint>,
);

#[derive(Default)]
pub(super) struct WhoSaidState {
    view: WhoSaidView,
    running: Option<(u64, LayerName, Job<Tables>)>,
    /// The revision the tables were computed at; `None` before the first tally.
    revision: Option<u64>,
    /// Whether the panel is open (then the tables follow the annotations).
    wanted: bool,
}

impl Workbench {
    /// Who said what, and what happened, in the layer being edited.
    pub fn who_said(&self) -> &WhoSaidView {
        &self.who_said.view
    }

    /// Starts tallying (and keeps the tables current while `follow`); stops following otherwise.
    pub(super) fn tally_corpus(&mut self, follow: bool) -> Result<(), WorkbenchError> {
        self.who_said.wanted = follow;
        if follow {
            self.start_tally();
        }
        Ok(())
    }

    fn start_tally(&mut self) {
        if self.who_said.running.is_some() {
            return;
        }
        let layer = self.edited_layer();
        let project = self.project.clone();
        let tallied = layer.clone();
        let job = self.jobs.start("who-said-what", move |_| {
            (
                quotes::quote_rows(&project, &tallied, QuotesBy::Speaker),
                quotes::quote_rows(&project, &tallied, QuotesBy::Outlet),
                events::event_rows(&project, &tallied),
                events::timeline(&project, &tallied),
            )
        });
        self.who_said.running = Some((self.revision, layer, job));
        self.who_said.view.computing = true;
    }

    /// Collects a finished tally; starts another when annotations changed since. From
    /// [`Workbench::tick`]; never blocks.
    pub(super) fn tick_who_said(&mut self) {
        if let Some((revision, layer, job)) = self.who_said.running.as_mut()
            && let Some(result) = job.poll()
        {
            let (revision, layer) = (*revision, layer.clone());
            self.who_said.running = None;
            self.who_said.view.computing = false;
            if let Ok((by_speaker, by_outlet, events, timeline)) = result {
                self.who_said.view = WhoSaidView {
                    layer: Some(layer),
                    by_speaker: Arc::new(by_speaker),
                    by_outlet: Arc::new(by_outlet),
                    events: Arc::new(events),
                    timeline: Arc::new(timeline),
                    computing: false,
                };
                self.who_said.revision = Some(revision);
            }
        }
        if self.who_said.wanted
            && self.who_said.running.is_none()
            && (self.who_said.revision != Some(self.revision)
                || self.who_said.view.layer.as_ref() != Some(&self.edited_layer()))
        {
            self.start_tally();
        }
    }

    /// Shows an annotation of the layer being edited in its document and selects it.
    pub(super) fn go_to_annotation(
        &mut self,
        doc: DocId,
        id: AnnotationId,
    ) -> Result<(), WorkbenchError> {
        if self.current_id() != Some(&doc) {
            self.select_document(doc.clone())?;
        }
        let Some(annotation) = self.annotation(id) else {
            return Err(WorkbenchError::refused(format!(
                "annotation {id} is not in this layer any more"
            )));
        };
        let span = annotation.primary_span();
        self.selection = Selection {
            doc: Some(doc),
            span: Some(span),
            annotation: Some(id),
        };
        Ok(())
    }
}
