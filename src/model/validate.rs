//! Checks a project against its schema and its texts: what `gloss check` reports and what the window
//! flags in the inspector.

use std::collections::BTreeMap;
use std::fmt;

use super::annotation::{Annotation, AnnotationId, Attributes, Speaker};
use super::layer::{Layer, LayerKey};
use super::project::Project;
use super::schema::{AttributeTarget, Schema};
use super::span::CharSpan;

/// One thing wrong with a project.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub key: Option<LayerKey>,
    pub annotation: Option<AnnotationId>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.key, self.annotation) {
            (Some(key), Some(id)) => write!(f, "{key} annotation {id}: {}", self.message),
            (Some(key), None) => write!(f, "{key}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

/// Every problem in the project, in a stable order (schema first, then by document and layer).
pub fn check(project: &Project) -> Vec<Problem> {
    let mut problems = schema_problems(project);
    problems.extend(layer_problems(project));
    problems.extend(registry_problems(project));
    problems
}

/// The schema's own problems. With [`layer_problems`] of every document and
/// [`registry_problems`], in that order, this is [`check`] (a streamed pass checks a project in
/// batches of documents this way).
pub fn schema_problems(project: &Project) -> Vec<Problem> {
    project
        .schema
        .problems()
        .into_iter()
        .map(|message| Problem {
            key: None,
            annotation: None,
            message: format!("schema: {message}"),
        })
        .collect()
}

/// The problems of every annotation of every layer, by document and layer.
pub fn layer_problems(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, layer) in project.layers() {
        let len = project.document(&key.doc).map_or(0, |d| d.text.char_len());
        for annotation in layer.iter() {
            for message in annotation_problems(&project.schema, layer, annotation, len) {
                problems.push(Problem {
                    key: Some(key.clone()),
                    annotation: Some(annotation.id()),
                    message,
                });
            }
            if let Some(link) = annotation
                .as_entity()
                .and_then(|e| e.details().entity.as_ref())
                && project.registry().get(link).is_none()
            {
                problems.push(Problem {
                    key: Some(key.clone()),
                    annotation: Some(annotation.id()),
                    message: format!(
                        "links to entity {link}, which entities.ron does not have (pull the \
                         team's entities.ron, or link the mention again)"
                    ),
                });
            }
        }
        if key.layer.is_gold() {
            problems.extend(
                gold_contradictions(layer)
                    .into_iter()
                    .map(|(id, message)| Problem {
                        key: Some(key.clone()),
                        annotation: Some(id),
                        message,
                    }),
            );
        }
    }
    problems
}

/// The entity registry's problems: labels the schema lacks, merges into entities it lacks.
pub fn registry_problems(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    for entity in project.registry().iter() {
        if project.schema.entity_label(&entity.label).is_none() {
            problems.push(Problem {
                key: None,
                annotation: None,
                message: format!(
                    "entities.ron: entity {} has the label {}, which the schema no longer has",
                    entity.key, entity.label
                ),
            });
        }
        if let Some(into) = &entity.merged_into
            && project.registry().get(into).is_none()
        {
            problems.push(Problem {
                key: None,
                annotation: None,
                message: format!(
                    "entities.ron: entity {} is merged into {into}, which the file does not have",
                    entity.key
                ),
            });
        }
    }
    problems
}

/// The labels of a layer's annotations that the schema does not have (entity labels and event
/// types; quotes have none), one item per annotation. Loading keeps such annotations (the curator
/// may have removed the label): they are reported, never dropped.
pub fn labels_outside_schema<'a>(
    schema: &'a Schema,
    layer: &'a Layer,
) -> impl Iterator<Item = &'a str> + 'a {
    layer.iter().filter_map(move |annotation| match annotation {
        Annotation::Entity(e) => schema
            .entity_label(&e.label)
            .is_none()
            .then_some(e.label.as_str()),
        Annotation::Event(e) => schema
            .event_type(&e.event_type)
            .is_none()
            .then_some(e.event_type.as_str()),
        Annotation::Quote(_) => None,
    })
}

/// Contradictory gold: entity mentions of one span with different labels (GPE and ORG on
/// "Kosovo"), which no reference can hold. One message per span, on its first mention, naming
/// the labels and the other mentions.
pub fn gold_contradictions(layer: &super::Layer) -> Vec<(AnnotationId, String)> {
    let mut by_span: std::collections::BTreeMap<super::CharSpan, Vec<(AnnotationId, &str)>> =
        std::collections::BTreeMap::new();
    for annotation in layer.iter() {
        if let Some(entity) = annotation.as_entity() {
            by_span
                .entry(entity.span)
                .or_default()
                .push((entity.id, entity.label.as_str()));
        }
    }
    by_span
        .into_iter()
        .filter(|(_, mentions)| mentions.iter().any(|(_, l)| *l != mentions[0].1))
        .map(|(span, mentions)| {
            let said: Vec<String> = mentions
                .iter()
                .map(|(id, label)| format!("{label} (annotation {id})"))
                .collect();
            (
                mentions[0].0,
                format!(
                    "contradictory gold: chars {}..{} are {}; keep one label",
                    span.start,
                    span.end,
                    said.join(" and ")
                ),
            )
        })
        .collect()
}

/// The longest label or event type a file may use that the schema lacks: the schema's own names
/// are checked with the schema; this keeps a damaged file from bringing in a label the length of
/// the file.
pub const MAX_LABEL_CHARS: usize = 200;

/// What is wrong with a label or event type the schema does not have, as a file uses it: empty,
/// too long, or holding a control character; `None` when it is a name.
pub fn label_problem(name: &str) -> Option<String> {
    let chars = name.chars().count();
    if name.trim().is_empty() {
        Some("is empty".to_owned())
    } else if chars > MAX_LABEL_CHARS {
        Some(format!(
            "is {chars} chars long, more than {MAX_LABEL_CHARS}"
        ))
    } else {
        name_problem(name)
    }
}

/// What is wrong with a name the user gives and sees (the project's name, a label, an event type, a
/// role, an attribute, its values, an annotator), or `None`: a control character (a NUL, a line
/// break, an escape) cannot be shown, typed or passed to the window system (a window title with a NUL
/// is refused there).
pub fn name_problem(name: &str) -> Option<String> {
    let bad = name.chars().find(|c| c.is_control())?;
    Some(format!(
        "holds the control character U+{:04X}: expected printable text",
        u32::from(bad)
    ))
}

/// What is wrong with one annotation of a layer: spans, labels, links, roles, attributes.
pub fn annotation_problems(
    schema: &Schema,
    layer: &Layer,
    annotation: &Annotation,
    len: usize,
) -> Vec<String> {
    let mut problems = Vec::new();
    // The spans in `Annotation::spans`' order, without making a list of them: this runs for every
    // annotation of a project.
    let (content, cue, speaker, single): (&[CharSpan], _, _, _) = match annotation {
        Annotation::Entity(e) => (&e.details().parts, None, None, Some(e.span)),
        Annotation::Quote(q) => (
            &q.content,
            q.cue,
            match q.speaker {
                Some(Speaker::Span(span)) => Some(span),
                _ => None,
            },
            None,
        ),
        Annotation::Event(e) => (&[], None, None, Some(e.trigger)),
    };
    let spans = single
        .into_iter()
        .chain(content.iter().copied())
        .chain(cue)
        .chain(speaker);
    for span in spans {
        if span.end > len {
            problems.push(format!("span {span} lies outside the text ({len} chars)"));
        } else if span.is_empty() {
            problems.push(format!("span {span} is empty"));
        }
    }
    match annotation {
        Annotation::Entity(entity) => {
            if schema.entity_label(&entity.label).is_none() {
                problems.push(format!("label {} is not in the schema", entity.label));
            }
            let ends = entity.all_spans().map(|span| span.end);
            let next_starts = entity.all_spans().skip(1).map(|span| span.start);
            if next_starts.zip(ends).any(|(start, end)| end > start) {
                problems.push("the mention's parts overlap or are not in text order".to_owned());
            }
            attribute_problems(
                schema,
                AttributeTarget::Entities,
                &entity.label,
                &entity.details().attributes,
                &mut problems,
            );
        }
        Annotation::Quote(quote) => {
            if quote.content.is_empty() {
                problems.push("quote has no content span".to_owned());
            }
            if quote.content.windows(2).any(|w| w[0].start > w[1].start) {
                problems.push("quote content spans are not in text order".to_owned());
            }
            if let Some(Speaker::Mention(id)) = quote.speaker {
                match layer.get(id) {
                    None => problems.push(format!("speaker {id} does not exist in this layer")),
                    Some(Annotation::Entity(speaker)) => {
                        let allowed = &schema.quotes.speaker_labels;
                        if !allowed.is_empty()
                            && !allowed.iter().any(|label| *label == speaker.label)
                        {
                            problems.push(format!(
                                "speaker {id} is a {}, but speakers must be one of {}",
                                speaker.label,
                                allowed.join(", ")
                            ));
                        }
                    }
                    Some(other) => problems.push(format!(
                        "speaker {id} is a {}, not an entity mention",
                        other.kind().name()
                    )),
                }
            }
            attribute_problems(
                schema,
                AttributeTarget::Quotes,
                "QUOTE",
                &quote.attributes,
                &mut problems,
            );
        }
        Annotation::Event(event) => {
            let Some(ty) = schema.event_type(&event.event_type) else {
                problems.push(format!(
                    "event type {} is not in the schema",
                    event.event_type
                ));
                return problems;
            };
            let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
            for argument in &event.arguments {
                *counts.entry(argument.role.as_str()).or_default() += 1;
                let Some(role) = ty.role(&argument.role) else {
                    problems.push(format!(
                        "role {} is not a role of {}",
                        argument.role, ty.name
                    ));
                    continue;
                };
                match layer.get(argument.filler) {
                    None => problems.push(format!(
                        "argument {} points to {}, which does not exist in this layer",
                        argument.role, argument.filler
                    )),
                    Some(filler) => {
                        if matches!(filler, Annotation::Quote(_)) {
                            problems.push(format!("argument {} points to a quote", argument.role));
                        } else if !role.labels.is_empty()
                            && !role.labels.iter().any(|l| l == filler.label())
                        {
                            problems.push(format!(
                                "argument {} is filled by a {}, but the role takes {}",
                                argument.role,
                                filler.label(),
                                role.labels.join(", ")
                            ));
                        }
                    }
                }
            }
            for role in &ty.roles {
                let count = counts.get(role.name.as_str()).copied().unwrap_or(0);
                if role.required && count == 0 {
                    problems.push(format!(
                        "required role {} of {} is empty",
                        role.name, ty.name
                    ));
                }
                if let Some(max) = role.max
                    && count > max
                {
                    problems.push(format!(
                        "role {} has {count} arguments, at most {max} allowed",
                        role.name
                    ));
                }
            }
            attribute_problems(
                schema,
                AttributeTarget::Events,
                &event.event_type,
                &event.attributes,
                &mut problems,
            );
        }
    }
    problems
}

fn attribute_problems(
    schema: &Schema,
    target: AttributeTarget,
    label: &str,
    attributes: &Attributes,
    problems: &mut Vec<String>,
) {
    for (name, value) in attributes {
        match schema.attribute(target, name) {
            None => problems.push(format!(
                "attribute {name} is not defined for {}",
                target.name()
            )),
            Some(def) => {
                if !def.labels.is_empty() && !def.labels.iter().any(|l| l == label) {
                    problems.push(format!("attribute {name} does not apply to {label}"));
                }
                if !def.values.is_empty() && !def.values.contains(value) {
                    problems.push(format!(
                        "attribute {name} has value {value}, expected one of {}",
                        def.values.join(", ")
                    ));
                }
            }
        }
    }
}
