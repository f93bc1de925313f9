//! A (document, layer) file: model ⇄ format version 1, with every span, label and link checked on the
//! way in.

use crate::model::EntityDetails;
use crate::model::Label;
use std::collections::BTreeMap;
use std::path::Path;

use super::{annotation_line, quoted};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, CharSpan, Document, Entity, EntityKey, Event,
    EventArgument, Layer, LayerKey, Provenance, Quote, QuoteKind, Rejection, Schema, Source,
    Speaker, Status, Text,
};
use crate::storage::error::{Place, StorageError};
use crate::storage::format_v1::{
    ArgumentV1, EntityV1, EventV1, LayerFile, ProvenanceV1, QuoteKindV1, QuoteV1, RejectedKindV1,
    RejectionV1, SourceV1, SpanV1, SpeakerV1, StatusV1, VERSION,
};

/// The file for one layer: annotations in id order within each kind, every span with the text it
/// covers. Fails only if a span lies outside the text, which the model's edits rule out.
pub(crate) fn layer_to_v1(
    key: &LayerKey,
    layer: &Layer,
    text: &Text,
    path: &Path,
) -> Result<LayerFile, StorageError> {
    let span = |id: AnnotationId, span: CharSpan| -> Result<SpanV1, StorageError> {
        let covered = text.slice(span).ok_or_else(|| {
            StorageError::invalid(
                path,
                None,
                format!(
                    "layer {key}, annotation {id}: span {span} lies outside the text ({} chars); \
                     not saved",
                    text.char_len()
                ),
            )
        })?;
        Ok(SpanV1 {
            start: span.start,
            end: span.end,
            text: covered.to_owned(),
        })
    };
    let mut file = LayerFile {
        format: VERSION,
        document: key.doc.as_str().to_owned(),
        layer: key.layer.as_str().to_owned(),
        status: match layer.status {
            Status::New => StatusV1::New,
            Status::InProgress => StatusV1::InProgress,
            Status::Done => StatusV1::Done,
            Status::Adjudicated => StatusV1::Adjudicated,
        },
        entities: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        rejected: Vec::new(),
    };
    for rejection in layer.rejections() {
        let covered = text.slice(rejection.span).ok_or_else(|| {
            StorageError::invalid(
                path,
                None,
                format!(
                    "layer {key}, rejected suggestion at {}: the span lies outside the text ({} \
                     chars); not saved",
                    rejection.span,
                    text.char_len()
                ),
            )
        })?;
        file.rejected.push(RejectionV1 {
            kind: match rejection.kind {
                AnnotationKind::Entity => RejectedKindV1::Entity,
                AnnotationKind::Quote => RejectedKindV1::Quote,
                AnnotationKind::Event => RejectedKindV1::Event,
            },
            start: rejection.span.start,
            end: rejection.span.end,
            text: covered.to_owned(),
            label: rejection.label.clone(),
        });
    }
    // `Layer::iter` yields id order, so each list comes out sorted by id.
    for annotation in layer.iter() {
        match annotation {
            Annotation::Entity(e) => {
                let covered = span(e.id, e.span)?;
                file.entities.push(EntityV1 {
                    id: e.id.0,
                    start: covered.start,
                    end: covered.end,
                    text: covered.text,
                    parts: e
                        .details()
                        .parts
                        .iter()
                        .map(|&s| span(e.id, s))
                        .collect::<Result<_, _>>()?,
                    label: e.label.to_string(),
                    attributes: e.details().attributes.clone(),
                    norm: e.details().norm.clone(),
                    entity: e.details().entity.as_ref().map(|k| k.as_str().to_owned()),
                    note: e.details().note.clone(),
                    provenance: provenance_to_v1(&e.provenance),
                });
            }
            Annotation::Quote(q) => file.quotes.push(QuoteV1 {
                id: q.id.0,
                kind: match q.kind {
                    QuoteKind::Direct => QuoteKindV1::Direct,
                    QuoteKind::Indirect => QuoteKindV1::Indirect,
                    QuoteKind::Mixed => QuoteKindV1::Mixed,
                },
                content: q
                    .content
                    .iter()
                    .map(|&s| span(q.id, s))
                    .collect::<Result<_, _>>()?,
                cue: q.cue.map(|s| span(q.id, s)).transpose()?,
                speaker: match q.speaker {
                    None => None,
                    Some(Speaker::Mention(id)) => Some(SpeakerV1::Mention(id.0)),
                    Some(Speaker::Span(s)) => Some(SpeakerV1::Span(span(q.id, s)?)),
                },
                attributes: q.attributes.clone(),
                note: q.note.clone(),
                provenance: provenance_to_v1(&q.provenance),
            }),
            Annotation::Event(e) => file.events.push(EventV1 {
                id: e.id.0,
                event_type: e.event_type.to_string(),
                trigger: span(e.id, e.trigger)?,
                arguments: e
                    .arguments
                    .iter()
                    .map(|a| ArgumentV1 {
                        role: a.role.to_string(),
                        filler: a.filler.0,
                    })
                    .collect(),
                attributes: e.attributes.clone(),
                note: e.note.clone(),
                provenance: provenance_to_v1(&e.provenance),
            }),
        }
    }
    Ok(file)
}

fn provenance_to_v1(p: &Provenance) -> ProvenanceV1 {
    ProvenanceV1 {
        source: match &p.source {
            Source::Manual => SourceV1::Manual,
            Source::Suggestion { recommender, score } => SourceV1::Suggestion {
                recommender: recommender.to_string(),
                score: *score,
            },
            Source::Imported { format } => SourceV1::Imported {
                format: format.to_string(),
            },
        },
        annotator: p.annotator.to_string(),
        created: p.created,
        modified: p.modified,
    }
}

fn provenance_from_v1(p: ProvenanceV1) -> Provenance {
    Provenance {
        source: match p.source {
            SourceV1::Manual => Source::Manual,
            SourceV1::Suggestion { recommender, score } => Source::Suggestion {
                recommender: Label::new(&recommender),
                score,
            },
            SourceV1::Imported { format } => Source::Imported {
                format: Label::new(&format),
            },
        },
        annotator: Label::new(&p.annotator),
        created: p.created,
        modified: p.modified,
    }
}

/// What the checks of one layer file need to know, and how they word their errors.
struct Check<'a> {
    path: &'a Path,
    /// The file's text, to find the line of an annotation.
    source: &'a str,
    place: Place<'a>,
    text: &'a Text,
    schema: &'a Schema,
}

impl Check<'_> {
    /// An error about annotation `id` (its `occurrence`-th appearance in the file, from 0).
    fn fail(&self, kind: AnnotationKind, id: u32, occurrence: usize, what: String) -> StorageError {
        StorageError::invalid(
            self.path,
            annotation_line(self.source, id, occurrence),
            format!("{}, {} {id}: {what}", self.place, kind.name()),
        )
    }

    /// Refuses a label or event type the schema does not have unless it is a name: not empty, no
    /// control characters. (One it has was checked with the schema.)
    fn unknown_name(
        &self,
        kind: AnnotationKind,
        id: u32,
        what: &str,
        name: &str,
    ) -> Result<(), StorageError> {
        let problem = crate::model::validate::label_problem(name);
        match problem {
            None => Ok(()),
            Some(problem) => Err(self.fail(
                kind,
                id,
                0,
                format!(
                    "{what} {} {problem}: expected a name such as the schema's",
                    quoted(name)
                ),
            )),
        }
    }

    /// A span of annotation `id`, in bounds and covering exactly the text the file says it covers.
    /// `role` names the span in messages ("span", "content span 2", "cue", "trigger").
    fn span(
        &self,
        kind: AnnotationKind,
        id: u32,
        role: &str,
        (start, end, text): (usize, usize, &str),
    ) -> Result<CharSpan, StorageError> {
        if start > end {
            return Err(self.fail(
                kind,
                id,
                0,
                format!("{role} {start}..{end} ends before it starts: expected start ≤ end"),
            ));
        }
        let span = CharSpan { start, end };
        let Some(covered) = self.text.slice(span) else {
            return Err(self.fail(
                kind,
                id,
                0,
                format!(
                    "{role} {span} is out of bounds: expected an end of at most {} (the text's \
                     length in chars)",
                    self.text.char_len()
                ),
            ));
        };
        if covered != text {
            return Err(self.fail(
                kind,
                id,
                0,
                format!(
                    "covered text mismatch in {role} {span}: the file says {} but the document \
                     text there is {}",
                    quoted(text),
                    quoted(covered)
                ),
            ));
        }
        Ok(span)
    }

    fn span_v1(
        &self,
        kind: AnnotationKind,
        id: u32,
        role: &str,
        span: &SpanV1,
    ) -> Result<CharSpan, StorageError> {
        self.span(kind, id, role, (span.start, span.end, &span.text))
    }

    fn entity(&self, v1: EntityV1) -> Result<Entity, StorageError> {
        let kind = AnnotationKind::Entity;
        let span = self.span(kind, v1.id, "span", (v1.start, v1.end, &v1.text))?;
        let mut parts = Vec::with_capacity(v1.parts.len());
        let mut previous = span;
        for (i, part) in v1.parts.iter().enumerate() {
            let role = format!("part {}", i + 2);
            let part = self.span_v1(kind, v1.id, &role, part)?;
            if part.start < previous.end || part.is_empty() {
                return Err(self.fail(
                    kind,
                    v1.id,
                    0,
                    format!(
                        "{role} {part} does not come after the part before it ({previous}): \
                         expected non-empty parts in text order, not overlapping"
                    ),
                ));
            }
            parts.push(part);
            previous = part;
        }
        // A label the schema lacks (one the curator removed, in a team) is kept, never dropped:
        // `gloss check`, the window and `gloss sync` report it. It must still be a name.
        if self.schema.entity_label(&v1.label).is_none() {
            self.unknown_name(kind, v1.id, "entity label", &v1.label)?;
        }
        let entity = match v1.entity {
            None => None,
            Some(key) => Some(EntityKey::new(key.as_str()).ok_or_else(|| {
                self.fail(
                    kind,
                    v1.id,
                    0,
                    format!(
                        "entity {}: expected the key of an entity in entities.ron \
                         (ASCII letters, digits, - and _)",
                        quoted(&key)
                    ),
                )
            })?),
        };
        Ok(Entity::new(
            AnnotationId(v1.id),
            span,
            Label::new(&v1.label),
            provenance_from_v1(v1.provenance),
        )
        .with_details(EntityDetails {
            parts,
            attributes: v1.attributes,
            norm: v1.norm,
            entity,
            note: v1.note,
        }))
    }

    fn quote(&self, v1: QuoteV1) -> Result<Quote, StorageError> {
        let kind = AnnotationKind::Quote;
        if v1.content.is_empty() {
            return Err(self.fail(
                kind,
                v1.id,
                0,
                "no content span: expected at least one".to_owned(),
            ));
        }
        let mut content = Vec::with_capacity(v1.content.len());
        for (i, span) in v1.content.iter().enumerate() {
            content.push(self.span_v1(kind, v1.id, &format!("content span {}", i + 1), span)?);
        }
        if content.windows(2).any(|w| w[0].start > w[1].start) {
            return Err(self.fail(
                kind,
                v1.id,
                0,
                "content spans are out of order: expected them sorted by start".to_owned(),
            ));
        }
        let cue = v1
            .cue
            .as_ref()
            .map(|s| self.span_v1(kind, v1.id, "cue", s))
            .transpose()?;
        let speaker = match &v1.speaker {
            None => None,
            Some(SpeakerV1::Mention(id)) => Some(Speaker::Mention(AnnotationId(*id))),
            Some(SpeakerV1::Span(s)) => Some(Speaker::Span(self.span_v1(
                kind,
                v1.id,
                "speaker span",
                s,
            )?)),
        };
        Ok(Quote {
            id: AnnotationId(v1.id),
            content,
            cue,
            speaker,
            kind: match v1.kind {
                QuoteKindV1::Direct => QuoteKind::Direct,
                QuoteKindV1::Indirect => QuoteKind::Indirect,
                QuoteKindV1::Mixed => QuoteKind::Mixed,
            },
            attributes: v1.attributes,
            note: v1.note,
            provenance: provenance_from_v1(v1.provenance),
        })
    }

    fn event(&self, v1: EventV1) -> Result<Event, StorageError> {
        let kind = AnnotationKind::Event;
        let trigger = self.span_v1(kind, v1.id, "trigger", &v1.trigger)?;
        if self.schema.event_type(&v1.event_type).is_none() {
            self.unknown_name(kind, v1.id, "event type", &v1.event_type)?;
        }
        Ok(Event {
            id: AnnotationId(v1.id),
            trigger,
            event_type: Label::new(&v1.event_type),
            arguments: v1
                .arguments
                .into_iter()
                .map(|a| EventArgument {
                    role: Label::new(&a.role),
                    filler: AnnotationId(a.filler),
                })
                .collect(),
            attributes: v1.attributes,
            note: v1.note,
            provenance: provenance_from_v1(v1.provenance),
        })
    }

    /// Links point into the same layer: a speaker to an entity mention, an argument to an entity
    /// mention or an event.
    fn links(&self, annotations: &BTreeMap<AnnotationId, Annotation>) -> Result<(), StorageError> {
        for annotation in annotations.values() {
            match annotation {
                Annotation::Entity(_) => {}
                Annotation::Quote(q) => {
                    if let Some(Speaker::Mention(target)) = q.speaker {
                        let found = annotations.get(&target).map(Annotation::kind);
                        if found != Some(AnnotationKind::Entity) {
                            return Err(self.fail(
                                AnnotationKind::Quote,
                                q.id.0,
                                0,
                                format!(
                                    "speaker links to {}: expected the id of an entity mention in this layer",
                                    describe(target, found)
                                ),
                            ));
                        }
                    }
                }
                Annotation::Event(e) => {
                    for argument in &e.arguments {
                        let found = annotations.get(&argument.filler).map(Annotation::kind);
                        if !matches!(found, Some(AnnotationKind::Entity | AnnotationKind::Event)) {
                            return Err(self.fail(
                                AnnotationKind::Event,
                                e.id.0,
                                0,
                                format!(
                                    "argument {} links to {}: expected the id of an entity mention or \
                                     event in this layer",
                                    argument.role,
                                    describe(argument.filler, found)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// "annotation 99, which does not exist" or "quote 4".
fn describe(id: AnnotationId, kind: Option<AnnotationKind>) -> String {
    match kind {
        None => format!("annotation {id}, which does not exist"),
        Some(kind) => format!("{} {id}", kind.name()),
    }
}

/// The layer a file holds, checked against the document it annotates and the project's schema.
/// `key` is where the file was found; the file must say the same. `source` is the file's text.
pub(crate) fn layer_from_v1(
    file: LayerFile,
    key: &LayerKey,
    doc: &Document,
    schema: &Schema,
    path: &Path,
    source: &str,
) -> Result<Layer, StorageError> {
    if file.document != key.doc.as_str() || file.layer != key.layer.as_str() {
        return Err(StorageError::invalid(
            path,
            None,
            format!(
                "the file says it holds document {}, layer {}: expected document {}, layer {} \
                 (from its place in annotations/)",
                quoted(&file.document),
                quoted(&file.layer),
                quoted(key.doc.as_str()),
                quoted(key.layer.as_str())
            ),
        ));
    }
    let check = Check {
        path,
        source,
        place: Place {
            doc: key.doc.as_str(),
            layer: key.layer.as_str(),
        },
        text: &doc.text,
        schema,
    };
    // Gathered in a list and made a map once: a map filled one id at a time, then rebuilt compact
    // (as a layer keeps it), was a twentieth of reading a project. Ids are checked for duplicates
    // as they come: a set of them is made only once they stop rising (files Gloss writes list
    // each kind by id, so that is at the first quote or event whose id is below a mention's).
    let mut annotations: Vec<(AnnotationId, Annotation)> =
        Vec::with_capacity(file.entities.len() + file.quotes.len() + file.events.len());
    let mut seen: Option<std::collections::HashSet<AnnotationId>> = None;
    let mut add = |annotation: Annotation| -> Result<(), StorageError> {
        let id = annotation.id();
        // The layer hands out `largest id + 1` next, which must fit.
        if id.0 == u32::MAX {
            return Err(StorageError::invalid(
                path,
                annotation_line(source, id.0, 0),
                format!(
                    "{}: annotation id {id} is too large: expected at most {}",
                    check.place,
                    u32::MAX - 1
                ),
            ));
        }
        let rising = annotations.last().is_none_or(|(last, _)| id > *last);
        if !rising && seen.is_none() {
            seen = Some(annotations.iter().map(|(id, _)| *id).collect());
        }
        let duplicate = seen.as_mut().is_some_and(|seen| !seen.insert(id));
        if duplicate {
            return Err(StorageError::invalid(
                path,
                annotation_line(source, id.0, 1),
                format!(
                    "{}: duplicate annotation id {id}: expected each id once per layer",
                    check.place
                ),
            ));
        }
        annotations.push((id, annotation));
        Ok(())
    };
    for entity in file.entities {
        add(Annotation::Entity(check.entity(entity)?))?;
    }
    for quote in file.quotes {
        add(Annotation::Quote(Box::new(check.quote(quote)?)))?;
    }
    for event in file.events {
        add(Annotation::Event(Box::new(check.event(event)?)))?;
    }
    // Sorted (already, but for quotes and events among mentions) and built bottom-up, full nodes.
    let annotations: BTreeMap<AnnotationId, Annotation> = annotations.into_iter().collect();
    check.links(&annotations)?;
    let status = match file.status {
        StatusV1::New => Status::New,
        StatusV1::InProgress => Status::InProgress,
        StatusV1::Done => Status::Done,
        StatusV1::Adjudicated => Status::Adjudicated,
    };
    let mut rejected = Vec::with_capacity(file.rejected.len());
    for (n, r) in file.rejected.iter().enumerate() {
        let span = CharSpan {
            start: r.start,
            end: r.end,
        };
        let covered = (r.start <= r.end).then(|| doc.text.slice(span)).flatten();
        if covered != Some(r.text.as_str()) {
            let line = source
                .find("rejected:")
                .map(|at| source[..at].matches('\n').count() + 1);
            return Err(StorageError::invalid(
                path,
                line,
                format!(
                    "{}, rejected suggestion {} ({}..{}): expected a span inside the text ({} \
                     chars) covering {}, found {}",
                    check.place,
                    n + 1,
                    r.start,
                    r.end,
                    doc.text.char_len(),
                    quoted(&r.text),
                    covered.map_or_else(|| "nothing".to_owned(), quoted)
                ),
            ));
        }
        rejected.push(Rejection {
            kind: match r.kind {
                RejectedKindV1::Entity => AnnotationKind::Entity,
                RejectedKindV1::Quote => AnnotationKind::Quote,
                RejectedKindV1::Event => AnnotationKind::Event,
            },
            span,
            label: r.label.clone(),
        });
    }
    Ok(Layer::from_compact_annotations(status, annotations).with_rejections(rejected))
}
