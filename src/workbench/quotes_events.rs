//! Quotes (content, cue, speaker, kind) and events (trigger, type, arguments).

use super::{Pending, Workbench, WorkbenchError, speaker};
use crate::model::Label;
use crate::model::{
    Annotation, AnnotationId, CharSpan, Edit, Event, EventArgument, Quote, QuoteKind, Speaker,
};

/// Opening and closing quotation marks in the scripts the newsroom meets: a quote whose text starts or
/// ends with one is taken as direct.
const QUOTE_MARKS: &[char] = &[
    '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›', '「', '」',
];

/// Speaker labels used when the schema names none.
const DEFAULT_SPEAKER_LABELS: &[&str] = &["PERSON", "PER", "ORG"];

impl Workbench {
    /// The quote a command without an explicit id applies to: the pending pick's, else the selected one.
    fn quote_in_focus(&self) -> Result<AnnotationId, WorkbenchError> {
        if let Some(
            Pending::Speaker { quote } | Pending::Cue { quote } | Pending::Content { quote },
        ) = &self.pending
        {
            return Ok(*quote);
        }
        match self.selected_annotation() {
            Some(Annotation::Quote(q)) => Ok(q.id),
            _ => Err(WorkbenchError::refused("select a quote first")),
        }
    }

    /// A replacement of quote `id`, keeping it selected, unless nothing changed.
    fn change_quote(
        &mut self,
        id: AnnotationId,
        change: impl FnOnce(&mut Quote) -> Result<(), WorkbenchError>,
    ) -> Result<(), WorkbenchError> {
        let edit = self.replace(id, |a| match a {
            Annotation::Quote(q) => change(q),
            other => Err(WorkbenchError::refused(format!(
                "annotation {id} is a {}, not a quote",
                other.kind().name()
            ))),
        })?;
        self.apply_keeping_selected(id, edit)
    }

    /// Applies a replacement of annotation `id` with `id` selected afterwards, unless nothing changed.
    fn apply_keeping_selected(
        &mut self,
        id: AnnotationId,
        edit: Edit,
    ) -> Result<(), WorkbenchError> {
        let selection = match &edit {
            Edit::Replace { after, .. } => self.selecting(after.primary_span(), Some(id)),
            _ => self.selection.clone(),
        };
        self.apply_unless_unchanged(edit, selection)
    }

    /// A replacement of event `id`, keeping it selected, unless nothing changed.
    fn change_event(
        &mut self,
        id: AnnotationId,
        change: impl FnOnce(&mut Event) -> Result<(), WorkbenchError>,
    ) -> Result<(), WorkbenchError> {
        let edit = self.replace(id, |a| match a {
            Annotation::Event(e) => change(e),
            other => Err(WorkbenchError::refused(format!(
                "annotation {id} is a {}, not an event",
                other.kind().name()
            ))),
        })?;
        self.apply_keeping_selected(id, edit)
    }

    pub(super) fn create_quote(&mut self) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        if !self.project.schema.quotes.enabled {
            return Err(WorkbenchError::refused(
                "this project's schema does not annotate quotes",
            ));
        }
        let span = self.selected_span()?;
        let text = self
            .current_doc()
            .and_then(|d| d.text.slice(span))
            .unwrap_or_default();
        let kind = if text.starts_with(QUOTE_MARKS) || text.ends_with(QUOTE_MARKS) {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        };
        let id = self.next_id();
        let quote = Quote {
            id,
            content: vec![span],
            cue: None,
            speaker: None,
            kind,
            attributes: Default::default(),
            note: String::new(),
            provenance: self.provenance(),
        };
        let edit = Edit::Add {
            key,
            annotation: Annotation::Quote(Box::new(quote)),
        };
        self.apply_annotation_edits(vec![edit], self.selecting(span, Some(id)))?;
        self.pending = Some(Pending::Speaker { quote: id });
        Ok(())
    }

    pub(super) fn set_speaker(
        &mut self,
        quote: AnnotationId,
        speaker: Option<Speaker>,
    ) -> Result<(), WorkbenchError> {
        match &speaker {
            Some(Speaker::Mention(id))
                if self
                    .annotation(*id)
                    .and_then(Annotation::as_entity)
                    .is_none() =>
            {
                return Err(WorkbenchError::refused(format!(
                    "annotation {id} is not an entity mention of this layer"
                )));
            }
            Some(Speaker::Span(span)) if span.is_empty() => {
                return Err(WorkbenchError::refused("select the speaker's words first"));
            }
            _ => {}
        }
        self.change_quote(quote, |q| {
            q.speaker = speaker;
            Ok(())
        })?;
        if self.pending == Some(Pending::Speaker { quote }) {
            self.pending = None;
        }
        Ok(())
    }

    /// The annotations a pending speaker or argument pick can take, nearest to the quote or event
    /// first, at most nine: keys 1 to 9 pick them ([`Command::PickNumber`]). For a speaker, the
    /// mentions of the speaker labels outside the quote; for a role, the mentions and events of
    /// the labels it takes.
    pub fn pick_candidates(&self) -> Vec<AnnotationId> {
        let (Some(pending), Some(layer)) = (&self.pending, self.current_layer()) else {
            return Vec::new();
        };
        let schema = &self.project.schema;
        let target = pending.target();
        let Some(anchor) = layer.get(target).map(|a| match a {
            Annotation::Quote(q) => q
                .content
                .first()
                .zip(q.content.last())
                .map_or_else(|| a.primary_span(), |(f, l)| f.union(*l)),
            other => other.primary_span(),
        }) else {
            return Vec::new();
        };
        let fits: Box<dyn Fn(&Annotation) -> bool + '_> = match pending {
            Pending::Speaker { .. } => {
                let labels = self.speaker_labels();
                Box::new(move |a: &Annotation| {
                    a.as_entity().is_some_and(|e| {
                        (labels.is_empty() || labels.contains(&e.label.as_str()))
                            && !anchor.contains_span(e.span)
                    })
                })
            }
            Pending::Argument { role, .. } => {
                let takes: Vec<String> = match layer.get(target) {
                    Some(Annotation::Event(e)) => schema
                        .event_type(&e.event_type)
                        .and_then(|ty| ty.role(role))
                        .map(|def| def.labels.clone())
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                Box::new(move |a: &Annotation| {
                    a.id() != target
                        && a.as_quote().is_none()
                        && (takes.is_empty() || takes.iter().any(|l| l == a.label()))
                })
            }
            Pending::Cue { .. } | Pending::Content { .. } | Pending::Part { .. } => {
                return Vec::new();
            }
        };
        let distance = |span: CharSpan| {
            if span.end <= anchor.start {
                anchor.start - span.end
            } else {
                span.start.saturating_sub(anchor.end)
            }
        };
        let mut found: Vec<(usize, usize, AnnotationId)> = layer
            .iter()
            .filter(|a| fits(a))
            .map(|a| (distance(a.primary_span()), a.primary_span().start, a.id()))
            .collect();
        found.sort_unstable();
        found.into_iter().take(9).map(|(.., id)| id).collect()
    }

    /// Keys 1 to 9 during a speaker or argument pick: takes that candidate.
    pub(super) fn pick_number(&mut self, n: usize) -> Result<(), WorkbenchError> {
        let candidates = self.pick_candidates();
        let id = n
            .checked_sub(1)
            .and_then(|i| candidates.get(i))
            .copied()
            .ok_or_else(|| WorkbenchError::refused(format!("there is no candidate {n}")))?;
        self.click_annotation(id)
    }

    /// The labels a speaker mention may carry (the schema's, else PERSON, PER and ORG where the
    /// schema has them).
    fn speaker_labels(&self) -> Vec<&str> {
        let schema = &self.project.schema;
        if schema.quotes.speaker_labels.is_empty() {
            DEFAULT_SPEAKER_LABELS
                .iter()
                .copied()
                .filter(|l| schema.entity_label(l).is_some())
                .collect()
        } else {
            schema
                .quotes
                .speaker_labels
                .iter()
                .map(String::as_str)
                .collect()
        }
    }

    /// Links the pending or selected quote to the mention its attribution names (the name beside the
    /// cue, the person a "he said" stands for, the person named last before a continuation
    /// paragraph), among the schema's speaker labels; see [`super::speaker`].
    pub(super) fn speaker_nearest(&mut self) -> Result<(), WorkbenchError> {
        let quote_id = self.quote_in_focus()?;
        let Some(Annotation::Quote(quote)) = self.annotation(quote_id) else {
            return Err(WorkbenchError::refused("select a quote first"));
        };
        let start = quote.content.first().map_or(0, |s| s.start);
        let end = quote.content.last().map_or(0, |s| s.end);
        let cue = quote.cue;
        let labels = self.speaker_labels();
        let candidates: Vec<speaker::Candidate<'_>> = self
            .current_layer()
            .into_iter()
            .flat_map(|layer| layer.iter())
            .filter_map(Annotation::as_entity)
            .filter(|e| labels.is_empty() || labels.contains(&e.label.as_str()))
            .map(|e| speaker::Candidate {
                id: e.id,
                span: e.span,
                label: e.label.as_str(),
            })
            .collect();
        let found = self
            .current_doc()
            .and_then(|doc| speaker::resolve(&doc.text, start, end, cue, &candidates));
        let Some(speaker) = found else {
            return Err(WorkbenchError::refused(format!(
                "no {} mention near the quote: label the speaker first",
                if labels.is_empty() {
                    "entity".to_owned()
                } else {
                    labels.join(" or ")
                }
            )));
        };
        self.set_speaker(quote_id, Some(Speaker::Mention(speaker)))?;
        self.pending = None;
        Ok(())
    }

    pub(super) fn set_cue(
        &mut self,
        quote: AnnotationId,
        span: Option<CharSpan>,
    ) -> Result<(), WorkbenchError> {
        if span.is_some_and(|s| s.is_empty()) {
            return Err(WorkbenchError::refused("select the cue's words first"));
        }
        self.change_quote(quote, |q| {
            q.cue = span;
            Ok(())
        })
    }

    pub(super) fn add_quote_content(
        &mut self,
        quote: AnnotationId,
        span: CharSpan,
    ) -> Result<(), WorkbenchError> {
        if span.is_empty() {
            return Err(WorkbenchError::refused("select the quote's words first"));
        }
        self.change_quote(quote, |q| {
            if q.content.iter().any(|s| s.overlaps(span)) {
                return Err(WorkbenchError::refused(
                    "that text is already part of the quote",
                ));
            }
            q.content.push(span);
            q.content.sort();
            Ok(())
        })
    }

    pub(super) fn remove_quote_content(
        &mut self,
        quote: AnnotationId,
        index: usize,
    ) -> Result<(), WorkbenchError> {
        self.change_quote(quote, |q| {
            if index >= q.content.len() {
                return Err(WorkbenchError::refused(format!(
                    "the quote has no content span {index}"
                )));
            }
            if q.content.len() == 1 {
                return Err(WorkbenchError::refused(
                    "a quote keeps at least one content span: delete the quote instead",
                ));
            }
            q.content.remove(index);
            Ok(())
        })
    }

    /// A replacement of entity mention `id`, keeping it selected, unless nothing changed.
    fn change_entity(
        &mut self,
        id: AnnotationId,
        change: impl FnOnce(&mut crate::model::Entity) -> Result<(), WorkbenchError>,
    ) -> Result<(), WorkbenchError> {
        let edit = self.replace(id, |a| match a {
            Annotation::Entity(e) => change(e),
            other => Err(WorkbenchError::refused(format!(
                "annotation {id} is a {}, not an entity mention",
                other.kind().name()
            ))),
        })?;
        self.apply_keeping_selected(id, edit)
    }

    /// Adds `span` to a mention as a further part (a discontinuous mention: "[New York] and [New
    /// Jersey] [ports]"); the parts stay in text order, and the earliest is the mention's `span`.
    pub(super) fn add_entity_part(
        &mut self,
        entity: AnnotationId,
        span: CharSpan,
    ) -> Result<(), WorkbenchError> {
        if span.is_empty() {
            return Err(WorkbenchError::refused("select the part's words first"));
        }
        self.change_entity(entity, |e| {
            if e.all_spans().any(|s| s.overlaps(span)) {
                return Err(WorkbenchError::refused(
                    "that text is already part of the mention",
                ));
            }
            let mut all: Vec<CharSpan> = e.all_spans().chain([span]).collect();
            all.sort();
            e.span = all[0];
            e.details_mut().parts = all[1..].to_vec();
            Ok(())
        })
    }

    /// Removes part `index` (0 the first) of a discontinuous mention.
    pub(super) fn remove_entity_part(
        &mut self,
        entity: AnnotationId,
        index: usize,
    ) -> Result<(), WorkbenchError> {
        self.change_entity(entity, |e| {
            let mut all: Vec<CharSpan> = e.all_spans().collect();
            if index >= all.len() {
                return Err(WorkbenchError::refused(format!(
                    "the mention has no part {}",
                    index + 1
                )));
            }
            if all.len() == 1 {
                return Err(WorkbenchError::refused(
                    "a mention keeps at least one part: delete the mention instead",
                ));
            }
            all.remove(index);
            e.span = all[0];
            e.details_mut().parts = all[1..].to_vec();
            Ok(())
        })
    }

    pub(super) fn set_quote_kind(
        &mut self,
        quote: AnnotationId,
        kind: QuoteKind,
    ) -> Result<(), WorkbenchError> {
        self.change_quote(quote, |q| {
            q.kind = kind;
            Ok(())
        })
    }

    pub(super) fn cycle_quote_kind(&mut self) -> Result<(), WorkbenchError> {
        let id = self.quote_in_focus()?;
        self.change_quote(id, |q| {
            q.kind = match q.kind {
                QuoteKind::Direct => QuoteKind::Indirect,
                QuoteKind::Indirect => QuoteKind::Mixed,
                QuoteKind::Mixed => QuoteKind::Direct,
            };
            Ok(())
        })
    }

    /// A new event on the selected span, or the selected event retyped.
    pub(super) fn create_event(&mut self, event_type: &str) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        if self.project.schema.event_type(event_type).is_none() {
            return Err(WorkbenchError::refused(format!(
                "event type {event_type} is not in the schema"
            )));
        }
        if let Some(Annotation::Event(event)) = self.selected_annotation() {
            let id = event.id;
            return self.change_event(id, |e| {
                e.event_type = Label::new(event_type);
                Ok(())
            });
        }
        let span = self.selected_span()?;
        let id = self.next_id();
        let event = Event {
            id,
            trigger: span,
            event_type: Label::new(event_type),
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: self.provenance(),
        };
        let edit = Edit::Add {
            key,
            annotation: Annotation::Event(Box::new(event)),
        };
        self.apply_annotation_edits(vec![edit], self.selecting(span, Some(id)))
    }

    /// A span picked for an event's role: the mention exactly there fills it; otherwise a new
    /// mention of the first entity label the role takes (the first of the schema when the role
    /// takes any) is made there and fills it, in one undo step. So "the proposal" can be a Theme
    /// without labelling it first.
    pub(super) fn argument_from_span(
        &mut self,
        event: AnnotationId,
        role: &str,
        span: CharSpan,
    ) -> Result<(), WorkbenchError> {
        let key = self.layer_key()?;
        let existing = self.current_layer().and_then(|layer| {
            layer
                .iter()
                .find(|a| a.as_entity().is_some_and(|e| e.span == span))
                .map(Annotation::id)
        });
        if let Some(mention) = existing {
            return self.add_argument(event, role, mention);
        }
        let schema = &self.project.schema;
        let before = match self.annotation(event) {
            Some(Annotation::Event(e)) => e.clone(),
            _ => {
                return Err(WorkbenchError::refused(format!(
                    "annotation {event} is not an event"
                )));
            }
        };
        let def = schema
            .event_type(&before.event_type)
            .and_then(|ty| ty.role(role))
            .ok_or_else(|| {
                WorkbenchError::refused(format!("{} has no role {role}", before.event_type))
            })?;
        let filled = before.arguments.iter().filter(|a| a.role == role).count();
        if let Some(max) = def.max
            && filled >= max as usize
        {
            return Err(WorkbenchError::refused(format!(
                "role {role} takes at most {max}: remove one first"
            )));
        }
        let label = if def.labels.is_empty() {
            schema.entity_labels.first().map(|l| l.name.clone())
        } else {
            def.labels
                .iter()
                .find(|l| schema.entity_label(l).is_some())
                .cloned()
        }
        .ok_or_else(|| {
            WorkbenchError::refused(format!(
                "role {role} takes only events ({}): click an event",
                def.labels.join(", ")
            ))
        })?;
        let now = self.now();
        let id = self
            .current_layer()
            .map_or(AnnotationId(1), |layer| layer.next_id());
        let mention = Annotation::Entity(crate::model::Entity::new(
            id,
            span,
            label,
            crate::model::Provenance::manual(self.annotator.as_str(), now),
        ));
        let mut after = before.clone();
        after.arguments.push(EventArgument {
            role: Label::new(role),
            filler: id,
        });
        after.provenance.modified = now;
        let selection = self.selecting(before.trigger, Some(event));
        self.apply_annotation_edits(
            vec![
                Edit::Add {
                    key: key.clone(),
                    annotation: mention,
                },
                Edit::Replace {
                    key,
                    before: Annotation::Event(before),
                    after: Annotation::Event(after),
                },
            ],
            selection,
        )
    }

    pub(super) fn add_argument(
        &mut self,
        event: AnnotationId,
        role: &str,
        filler: AnnotationId,
    ) -> Result<(), WorkbenchError> {
        let filler_label = match self.annotation(filler) {
            None => {
                return Err(WorkbenchError::refused(format!(
                    "annotation {filler} is not in this layer"
                )));
            }
            Some(Annotation::Quote(_)) => {
                return Err(WorkbenchError::refused(
                    "a quote cannot fill an event role: click an entity mention or an event",
                ));
            }
            Some(_) if filler == event => {
                return Err(WorkbenchError::refused(
                    "an event cannot be its own argument",
                ));
            }
            Some(annotation) => annotation.label().to_owned(),
        };
        let schema = self.project.schema.clone();
        self.change_event(event, |e| {
            let ty = schema.event_type(&e.event_type).ok_or_else(|| {
                WorkbenchError::refused(format!("event type {} is not in the schema", e.event_type))
            })?;
            let def = ty.role(role).ok_or_else(|| {
                WorkbenchError::refused(format!("{} has no role {role}", ty.name))
            })?;
            if !def.labels.is_empty() && !def.labels.contains(&filler_label) {
                return Err(WorkbenchError::refused(format!(
                    "role {role} takes {}, not {filler_label}",
                    def.labels.join(", ")
                )));
            }
            let argument = EventArgument {
                role: Label::new(role),
                filler,
            };
            if e.arguments.contains(&argument) {
                return Ok(());
            }
            let count = e.arguments.iter().filter(|a| a.role == role).count();
            if let Some(max) = def.max
                && count >= max as usize
            {
                return Err(WorkbenchError::refused(format!(
                    "role {role} takes at most {max}: remove one first"
                )));
            }
            e.arguments.push(argument);
            Ok(())
        })?;
        if matches!(&self.pending, Some(Pending::Argument { event: e, .. }) if *e == event) {
            self.pending = None;
        }
        Ok(())
    }

    pub(super) fn remove_argument(
        &mut self,
        event: AnnotationId,
        index: usize,
    ) -> Result<(), WorkbenchError> {
        self.change_event(event, |e| {
            if index >= e.arguments.len() {
                return Err(WorkbenchError::refused(format!(
                    "the event has no argument {index}"
                )));
            }
            e.arguments.remove(index);
            Ok(())
        })
    }
}
