//! The agreement figures the Review window shows: [`crate::review::agreement`]'s report (the one
//! `gloss agree` prints), computed in a job whenever its inputs change (the project's revision or
//! the layers compared) while a comparison is open, never while drawing. The last report stays
//! readable while the next one is computed, marked as older.
//!
//! A document's text never changes after import, so its tokens are computed once and kept: an edit
//! costs the measures, not re-tokenising every document.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::model::tokens::tokens;
use crate::model::{CharSpan, DocId};
use crate::review::{self, AgreementOptions, AgreementReport};

use super::Workbench;
use super::jobs::Job;

/// What a report was computed for: the project's revision and the options.
type Inputs = (u64, AgreementOptions);

/// Tokens per document, shared with the jobs; keyed by length too, in case an id is reused.
type TokenCache = Arc<Mutex<HashMap<(DocId, usize), Arc<[CharSpan]>>>>;

/// The figures as the UI draws them.
#[derive(Clone, Debug, Default)]
pub struct AgreementFigures {
    /// The latest report, if any was computed.
    pub report: Option<Arc<AgreementReport>>,
    /// Whether `report` is from before the last change (a newer one is being computed).
    pub stale: bool,
    /// Whether a computation is running.
    pub computing: bool,
    /// Why the last computation gave nothing.
    pub failure: Option<String>,
}

#[derive(Default)]
pub(super) struct FiguresState {
    report: Option<(Inputs, Arc<AgreementReport>)>,
    running: Option<(Inputs, Job<AgreementReport>)>,
    /// Why the computation for these inputs failed (not retried until they change).
    failure: Option<(Inputs, String)>,
    tokens: TokenCache,
}

impl Workbench {
    /// The agreement figures of the open comparison; `None` while no comparison is open.
    pub fn agreement_figures(&self) -> Option<AgreementFigures> {
        let review = self.review()?;
        let inputs = (self.revision, agreement_options(review.chosen_layers()));
        let figures = &self.figures;
        Some(AgreementFigures {
            report: figures.report.as_ref().map(|(_, r)| Arc::clone(r)),
            stale: figures.report.as_ref().is_some_and(|(k, _)| *k != inputs),
            computing: figures.running.is_some(),
            failure: figures.failure.as_ref().map(|(_, message)| message.clone()),
        })
    }

    /// Collects a finished computation and starts one when the inputs changed. Called from
    /// [`Workbench::tick`]; never blocks.
    pub(super) fn tick_figures(&mut self) {
        if let Some((inputs, job)) = self.figures.running.as_mut()
            && let Some(result) = job.poll()
        {
            let inputs = inputs.clone();
            self.figures.running = None;
            match result {
                Ok(report) => {
                    self.figures.report = Some((inputs, Arc::new(report)));
                    self.figures.failure = None;
                }
                Err(failed) => {
                    let message = format!("the agreement could not be computed: {failed}");
                    self.figures.failure = Some((inputs, message));
                }
            }
        }
        let Some(review) = self.review() else {
            return;
        };
        let inputs = (self.revision, agreement_options(review.chosen_layers()));
        let fresh = self
            .figures
            .report
            .as_ref()
            .is_some_and(|(k, _)| *k == inputs);
        // One computation at a time; a newer one starts when it is done.
        let failed = self
            .figures
            .failure
            .as_ref()
            .is_some_and(|(k, _)| *k == inputs);
        if fresh || failed || self.figures.running.is_some() {
            return;
        }
        let project = self.project.clone();
        let options = inputs.1.clone();
        let cache = Arc::clone(&self.figures.tokens);
        let job = self.jobs.start("agreement", move |_| {
            review::agreement_with_tokens(&project, &options, &|document| {
                let key = (document.id.clone(), document.text.char_len());
                let lock = || cache.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(known) = lock().get(&key) {
                    return Arc::clone(known);
                }
                // Tokenised outside the lock: the documents are counted on every core.
                let fresh: Arc<[_]> = Arc::from(tokens(document.text.as_str()));
                Arc::clone(lock().entry(key).or_insert(fresh))
            })
        });
        self.figures.running = Some((inputs, job));
    }
}

/// The options the Review window measures with: the layers compared, every document.
fn agreement_options(layers: Option<&[crate::model::LayerName]>) -> AgreementOptions {
    AgreementOptions {
        layers: layers.map(<[_]>::to_vec),
        docs: None,
    }
}
