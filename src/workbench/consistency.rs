//! The consistency panel's state: the findings of the layer being edited
//! ([`super::tasks::consistency`], the check `gloss consistency` runs), computed in a job and again
//! whenever annotations change while the panel has findings; jumping to a finding's places; and
//! fixing a finding in bulk as one undo step.

use crate::model::Label;
use std::sync::Arc;

use super::jobs::Job;
use super::tasks::consistency::{self, ConsistencyReport, Fix};
use super::tasks::search::TextIndex;
use super::{Workbench, WorkbenchError};
use crate::model::{Annotation, AnnotationId, Edit, Entity, LayerKey, LayerName, Selection};

/// The findings as the panel draws them.
#[derive(Clone, Debug, Default)]
pub struct ConsistencyView {
    /// The layer checked.
    pub layer: Option<LayerName>,
    pub report: Option<Arc<ConsistencyReport>>,
    /// Whether a check is running (the report, if any, is from before the last change).
    pub checking: bool,
}

#[derive(Default)]
pub(super) struct ConsistencyState {
    view: ConsistencyView,
    running: Option<(u64, Job<ConsistencyReport>)>,
    /// The revision the report was computed at.
    revision: u64,
    /// Whether the analyst asked for a check (then it follows the annotations).
    wanted: bool,
}

impl Workbench {
    /// The consistency findings of the layer being edited.
    pub fn consistency(&self) -> &ConsistencyView {
        &self.consistency.view
    }

    /// The layer the analyst is editing (their own, or gold while adjudicating): what the panels
    /// that read one layer across the corpus (consistency, who said what) look at.
    pub(super) fn edited_layer(&self) -> LayerName {
        self.current
            .as_ref()
            .map_or_else(|| self.annotator.clone(), |key| key.layer.clone())
    }

    pub(super) fn check_consistency(&mut self) -> Result<(), WorkbenchError> {
        self.consistency.wanted = true;
        self.start_consistency();
        Ok(())
    }

    fn start_consistency(&mut self) {
        if self.consistency.running.is_some() {
            return;
        }
        let layer = self.edited_layer();
        let project = self.project.clone();
        let index = self.corpus_index();
        let job = self.jobs.start("consistency", move |_| {
            let index = index.unwrap_or_else(|| Arc::new(TextIndex::build(project.documents())));
            consistency::check(&project, &index, Some(&layer))
        });
        self.consistency.running = Some((self.revision, job));
        self.consistency.view.checking = true;
    }

    /// Collects a finished check; starts another when annotations changed since. From
    /// [`Workbench::tick`]; never blocks.
    pub(super) fn tick_consistency(&mut self) {
        if let Some((revision, job)) = self.consistency.running.as_mut()
            && let Some(result) = job.poll()
        {
            let revision = *revision;
            self.consistency.running = None;
            self.consistency.view.checking = false;
            if let Ok(report) = result {
                self.consistency.view.layer = report.layers.first().cloned();
                self.consistency.view.report = Some(Arc::new(report));
                self.consistency.revision = revision;
            }
        }
        if self.consistency.wanted
            && self.consistency.running.is_none()
            && (self.consistency.revision != self.revision
                || self.consistency.view.layer.as_ref() != Some(&self.edited_layer()))
        {
            self.start_consistency();
        }
    }

    fn finding(&self, index: usize) -> Result<consistency::Finding, WorkbenchError> {
        self.consistency
            .view
            .report
            .as_ref()
            .and_then(|r| r.findings.get(index).cloned())
            .ok_or_else(|| WorkbenchError::refused("check consistency first"))
    }

    /// Shows place `place` of finding `finding` and selects it.
    pub(super) fn go_to_finding(
        &mut self,
        finding: usize,
        place: usize,
    ) -> Result<(), WorkbenchError> {
        let finding = self.finding(finding)?;
        let place = finding
            .places
            .get(place)
            .ok_or_else(|| WorkbenchError::refused("that place is gone"))?;
        if self.current_id() != Some(&place.doc) {
            self.select_document(place.doc.clone())?;
        }
        let annotation = place
            .annotation
            .map(AnnotationId)
            .filter(|_| finding.layer == self.edited_layer());
        self.selection = Selection {
            doc: Some(place.doc.clone()),
            span: Some(place.span()),
            annotation,
        };
        Ok(())
    }

    /// Applies a finding's fix to the layer it is about (the one being edited), as one undo step.
    pub(super) fn fix_finding(&mut self, index: usize) -> Result<(), WorkbenchError> {
        let finding = self.finding(index)?;
        if finding.layer != self.edited_layer() {
            return Err(WorkbenchError::refused(format!(
                "this finding is about layer {}; fix it there",
                finding.layer
            )));
        }
        let Some(fix) = &finding.fix else {
            return Err(WorkbenchError::refused(
                "this finding has no automatic fix: go to its places and decide",
            ));
        };
        let now = self.now();
        let mut edits = Vec::new();
        match fix {
            Fix::Relabel { label } => {
                for (doc, id) in consistency::mention_ids(&finding.places) {
                    let key = LayerKey::new(doc, finding.layer.clone());
                    let Some(Annotation::Entity(before)) =
                        self.project.layer(&key).and_then(|l| l.get(id))
                    else {
                        continue;
                    };
                    if before.label == *label {
                        continue;
                    }
                    let mut after = before.clone();
                    after.label = Label::new(label);
                    after.provenance.modified = now;
                    edits.push(Edit::Replace {
                        key,
                        before: Annotation::Entity(before.clone()),
                        after: Annotation::Entity(after),
                    });
                }
            }
            Fix::Label { label } => {
                let mut next: std::collections::HashMap<LayerKey, AnnotationId> =
                    std::collections::HashMap::new();
                for place in finding.places.iter().filter(|p| p.annotation.is_none()) {
                    let key = LayerKey::new(place.doc.clone(), finding.layer.clone());
                    let id = next.entry(key.clone()).or_insert_with(|| {
                        self.project
                            .layer(&key)
                            .map_or(AnnotationId(1), |l| l.next_id())
                    });
                    let entity = Entity::new(
                        *id,
                        place.span(),
                        label.clone(),
                        crate::model::Provenance::manual(self.annotator.as_str(), now),
                    );
                    id.0 += 1;
                    edits.push(Edit::Add {
                        key,
                        annotation: Annotation::Entity(entity),
                    });
                }
            }
        }
        if edits.is_empty() {
            return Err(WorkbenchError::refused("nothing left to fix here"));
        }
        let selection = self.selection.clone();
        self.apply_annotation_edits(edits, selection)
    }
}
