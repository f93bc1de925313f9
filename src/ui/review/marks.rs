//! What the comparison draws: the marks of several layers of one document, coloured by annotator
//! (neutral where every compared layer agrees), and the annotators' comments.
//!
//! Ids differ per layer, so the merged view gets ids of its own: [`Comparison::origin`] maps one
//! back to the layer and annotation it stands for. Rebuilt only when the document, the workbench
//! revision or the compared layers change.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::Color32;

use crate::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Layer, LayerKey, LayerName, Project,
    Speaker,
};
use crate::workbench::{Disagreement, Signature};

use crate::ui::article::{Link, Mark, MarkKind};

/// Colours for annotators, in the order of the compared layers: the Okabe–Ito palette, told apart
/// by readers with any common colour-vision deficiency, and none of them grey.
const ANNOTATOR_COLORS: [Color32; 7] = [
    Color32::from_rgb(0x00, 0x72, 0xb2),
    Color32::from_rgb(0xe6, 0x9f, 0x00),
    Color32::from_rgb(0x00, 0x9e, 0x73),
    Color32::from_rgb(0xcc, 0x79, 0xa7),
    Color32::from_rgb(0xd5, 0x5e, 0x00),
    Color32::from_rgb(0x56, 0xb4, 0xe9),
    Color32::from_rgb(0xf0, 0xe4, 0x42),
];

/// The colour of annotations every compared layer agrees on.
pub const AGREED: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);

/// The colour of the `index`-th compared layer.
pub fn annotator_color(index: usize) -> Color32 {
    ANNOTATOR_COLORS[index % ANNOTATOR_COLORS.len()]
}

/// A note an annotator left on an annotation, shown to the curator and the other annotators.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub layer: usize,
    pub span: CharSpan,
    /// `LABEL “covered text”`.
    pub what: String,
    pub note: String,
}

/// The marks of the compared layers of one document.
#[derive(Default)]
pub struct Comparison {
    key: Option<(DocId, u64, Vec<LayerName>)>,
    /// Bumped on every rebuild: the article views' `marks_revision`.
    pub revision: u64,
    /// Every layer's marks in one view, with ids of the merged view.
    pub merged: Vec<Mark>,
    pub merged_links: Vec<Link>,
    /// The marks of each compared layer with its own ids, for side by side.
    pub sides: Vec<Vec<Mark>>,
    pub side_links: Vec<Vec<Link>>,
    /// Merged-view id − 1 → (index of the compared layer, id in that layer).
    origins: Vec<(usize, AnnotationId)>,
    /// (index of the compared layer, id in that layer) → merged-view id.
    merged_ids: HashMap<(usize, AnnotationId), AnnotationId>,
    pub comments: Vec<Comment>,
}

impl Comparison {
    /// Brings the marks up to date with the shown document and compared layers.
    pub fn refresh(
        &mut self,
        project: &Project,
        doc: &Document,
        revision: u64,
        layers: &[LayerName],
    ) {
        let key = (doc.id.clone(), revision, layers.to_vec());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let next = self.revision.wrapping_add(1);
        *self = build(project, doc, layers);
        self.key = Some(key);
        self.revision = next;
    }

    /// The layer and annotation a merged-view id stands for.
    pub fn origin(&self, id: AnnotationId) -> Option<(usize, AnnotationId)> {
        let index = usize::try_from(id.0).ok()?.checked_sub(1)?;
        self.origins.get(index).copied()
    }

    /// The merged-view id of an annotation of the `layer`-th compared layer.
    pub fn merged_id(&self, layer: usize, id: AnnotationId) -> Option<AnnotationId> {
        self.merged_ids.get(&(layer, id)).copied()
    }

    /// The links of the merged view that touch `id`.
    pub fn links_of(&self, id: Option<AnnotationId>) -> Vec<Link> {
        let Some(id) = id else {
            return Vec::new();
        };
        self.merged_links
            .iter()
            .filter(|l| l.from == id || l.to == id)
            .cloned()
            .collect()
    }
}

fn build(project: &Project, doc: &Document, layers: &[LayerName]) -> Comparison {
    let sources: Vec<Option<&Layer>> = layers
        .iter()
        .map(|name| project.layer(&LayerKey::new(doc.id.clone(), name.clone())))
        .collect();
    // Signatures every compared layer holds are drawn once, in the neutral colour.
    let mut holders: HashMap<Signature, HashSet<usize>> = HashMap::new();
    for (index, layer) in sources.iter().enumerate() {
        for annotation in layer.iter().flat_map(|l| l.iter()) {
            holders
                .entry(Signature::of(annotation, *layer))
                .or_default()
                .insert(index);
        }
    }
    let everyone = layers.len();
    let agreed = |signature: &Signature| {
        everyone > 1 && holders.get(signature).is_some_and(|h| h.len() == everyone)
    };
    let mut tags = Tags::default();
    let mut out = Comparison {
        sides: vec![Vec::new(); layers.len()],
        side_links: vec![Vec::new(); layers.len()],
        ..Comparison::default()
    };
    // Agreed annotations of later layers stand for the first layer's copy in the merged view.
    let mut merged_by_signature: HashMap<Signature, AnnotationId> = HashMap::new();
    let mut drawn: Vec<(usize, &Annotation, AnnotationId, bool)> = Vec::new();
    for (index, layer) in sources.iter().enumerate() {
        for annotation in layer.iter().flat_map(|l| l.iter()) {
            let signature = Signature::of(annotation, *layer);
            let is_agreed = agreed(&signature);
            let existing = is_agreed
                .then(|| merged_by_signature.get(&signature).copied())
                .flatten();
            let merged = match existing {
                Some(id) => id,
                None => {
                    out.origins.push((index, annotation.id()));
                    let id = AnnotationId(u32::try_from(out.origins.len()).unwrap_or(u32::MAX));
                    if is_agreed {
                        merged_by_signature.insert(signature, id);
                    }
                    drawn.push((index, annotation, id, is_agreed));
                    id
                }
            };
            out.merged_ids.insert((index, annotation.id()), merged);
            let color = if is_agreed {
                AGREED
            } else {
                annotator_color(index)
            };
            push_marks(
                &mut out.sides[index],
                &mut out.side_links[index],
                annotation,
                annotation.id(),
                color,
                &mut tags,
                None,
                &|id| Some(id),
            );
            if !annotation.note().trim().is_empty() {
                out.comments.push(Comment {
                    layer: index,
                    span: annotation.primary_span(),
                    what: format!(
                        "{} “{}”",
                        annotation.label(),
                        snippet(doc, annotation.primary_span())
                    ),
                    note: annotation.note().trim().to_owned(),
                });
            }
        }
    }
    let merged_ids = out.merged_ids.clone();
    for (index, annotation, id, is_agreed) in drawn {
        let (color, suffix) = if is_agreed {
            (AGREED, None)
        } else {
            (annotator_color(index), Some(layers[index].as_str()))
        };
        let map = |target: AnnotationId| merged_ids.get(&(index, target)).copied();
        push_marks(
            &mut out.merged,
            &mut out.merged_links,
            annotation,
            id,
            color,
            &mut tags,
            suffix,
            &map,
        );
    }
    out.comments.sort_by_key(|c| (c.span, c.layer));
    out
}

/// One shared string per tag text.
#[derive(Default)]
struct Tags(HashMap<String, Arc<str>>);

impl Tags {
    fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(text.to_owned(), Arc::clone(&shared));
        shared
    }
}

/// The marks and links of one annotation drawn with id `id`; `suffix` names the annotator in its
/// tag; `map` turns the ids it links to into the view's ids.
#[allow(clippy::too_many_arguments)] // One call site per view; a struct would only rename them.
fn push_marks(
    marks: &mut Vec<Mark>,
    links: &mut Vec<Link>,
    annotation: &Annotation,
    id: AnnotationId,
    color: Color32,
    tags: &mut Tags,
    suffix: Option<&str>,
    map: &dyn Fn(AnnotationId) -> Option<AnnotationId>,
) {
    let mut tag = |text: &str| match suffix {
        Some(who) if !text.is_empty() => tags.get(&format!("{text} · {who}")),
        _ => tags.get(text),
    };
    let mut push = |span, kind, tag: Arc<str>| {
        marks.push(Mark {
            span,
            annotation: id,
            kind,
            color,
            tag,
        });
    };
    match annotation {
        Annotation::Entity(entity) => {
            push(entity.span, MarkKind::Entity, tag(&entity.label));
            for part in &entity.details().parts {
                push(*part, MarkKind::Entity, Arc::from(""));
            }
        }
        Annotation::Quote(quote) => {
            for (i, span) in quote.content.iter().enumerate() {
                let text = if i == 0 { tag("QUOTE") } else { tag("") };
                push(*span, MarkKind::QuoteContent, text);
            }
            if let Some(cue) = quote.cue {
                push(cue, MarkKind::QuoteCue, tag("cue"));
            }
            match &quote.speaker {
                Some(Speaker::Span(span)) => push(*span, MarkKind::QuoteSpeaker, tag("speaker")),
                Some(Speaker::Mention(mention)) => {
                    if let Some(to) = map(*mention) {
                        links.push(Link {
                            from: id,
                            to,
                            role: tags.get("speaker"),
                        });
                    }
                }
                None => {}
            }
        }
        Annotation::Event(event) => {
            push(event.trigger, MarkKind::Trigger, tag(&event.event_type));
            for argument in &event.arguments {
                if let Some(to) = map(argument.filler) {
                    links.push(Link {
                        from: id,
                        to,
                        role: tags.get(&argument.role),
                    });
                }
            }
        }
    }
}

/// At most this many chars of covered text in lists.
const SNIPPET_CHARS: usize = 48;

/// The text of a span on one line, shortened with an ellipsis.
pub fn snippet(doc: &Document, span: CharSpan) -> String {
    let Some(text) = doc.text.slice(span) else {
        return format!("(span {span} outside the text)");
    };
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if text.chars().nth(SNIPPET_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// One annotator's version of a disagreement in words: `GPE “Belgrade”`, `Direct quote “…” by
/// “Vucic”`, `MEET “met”: Participant “Vucic”, …`.
pub fn describe(doc: &Document, annotation: &Annotation, linked: &[Annotation]) -> String {
    let span_text = |span| format!("“{}”", snippet(doc, span));
    let find = |id| linked.iter().find(|a| a.id() == id);
    match annotation {
        // A mention in pieces: its parts joined by an ellipsis.
        Annotation::Entity(entity) => {
            let parts: Vec<String> = entity.all_spans().map(|s| snippet(doc, s)).collect();
            format!("{} “{}”", entity.label, parts.join(" … "))
        }
        Annotation::Quote(quote) => {
            let mut out = format!(
                "{} quote {}",
                quote.kind.name(),
                span_text(annotation.primary_span())
            );
            if quote.content.len() > 1 {
                out.push_str(&format!(" (+{} parts)", quote.content.len() - 1));
            }
            match &quote.speaker {
                Some(Speaker::Mention(id)) => match find(*id) {
                    Some(speaker) => out.push_str(&format!(
                        ", speaker {} {}",
                        speaker.label(),
                        span_text(speaker.primary_span())
                    )),
                    None => out.push_str(", speaker (missing)"),
                },
                Some(Speaker::Span(span)) => {
                    out.push_str(&format!(", speaker {}", span_text(*span)));
                }
                None => out.push_str(", no speaker"),
            }
            if let Some(cue) = quote.cue {
                out.push_str(&format!(", cue {}", span_text(cue)));
            }
            out
        }
        Annotation::Event(event) => {
            let mut out = format!("{} {}", event.event_type, span_text(event.trigger));
            let arguments: Vec<String> = event
                .arguments
                .iter()
                .map(|a| match find(a.filler) {
                    Some(filler) => format!(
                        "{} {} {}",
                        a.role,
                        filler.label(),
                        span_text(filler.primary_span())
                    ),
                    None => format!("{} (missing)", a.role),
                })
                .collect();
            if !arguments.is_empty() {
                out.push_str(": ");
                out.push_str(&arguments.join(", "));
            }
            out
        }
    }
}

/// A disagreement in one line for the list: where, and how the versions differ.
pub fn summary(doc: &Document, disagreement: &Disagreement) -> String {
    let version = |v: &Option<crate::workbench::Version>| {
        v.as_ref()
            .map(|v| describe(doc, &v.annotation, &v.linked))
            .unwrap_or_else(|| "nothing".to_owned())
    };
    match (&disagreement.a, &disagreement.b) {
        (Some(_), None) => format!(
            "{} only in {}",
            version(&disagreement.a),
            disagreement.layer_a
        ),
        (None, Some(_)) => format!(
            "{} only in {}",
            version(&disagreement.b),
            disagreement.layer_b
        ),
        _ => format!(
            "{} / {}",
            version(&disagreement.a),
            version(&disagreement.b)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup;
    use crate::model::{Entity, EntityDetails, Label, Provenance, Schema, Status, Timestamp};

    fn layer(marked: &str) -> Layer {
        let marked = markup::parse(marked).unwrap();
        let annotations = marked
            .spans
            .into_iter()
            .enumerate()
            .map(|(i, (span, label))| {
                let id = AnnotationId(i as u32 + 1);
                let entity = Entity::new(
                    id,
                    span,
                    Label::new(&label),
                    Provenance::manual("test", Timestamp::UNIX_EPOCH),
                )
                .with_details(EntityDetails {
                    note: if i == 1 {
                        "unsure".into()
                    } else {
                        String::new()
                    },
                    ..EntityDetails::default()
                });
                (id, Annotation::Entity(entity))
            })
            .collect();
        Layer::from_annotations(Status::Done, annotations)
    }

    #[test]
    fn agreed_mentions_are_drawn_once_in_grey_and_the_rest_in_each_annotators_colour() {
        let a = "[Vucic]{PERSON} met [Kurti]{PERSON}.";
        let b = "[Vucic]{PERSON} met [Kurti]{ORG}.";
        let mut project = Project::new("Test", Schema::default());
        let id = DocId::new("talks").unwrap();
        let doc = Document::from_raw(id.clone(), "Talks", &markup::parse(a).unwrap().text);
        project.add_document(doc.clone());
        let layers = [
            LayerName::new("amira").unwrap(),
            LayerName::new("bruno").unwrap(),
        ];
        for (name, marked) in layers.iter().zip([a, b]) {
            project.insert_loaded_layer(LayerKey::new(id.clone(), name.clone()), layer(marked));
        }
        let mut comparison = Comparison::default();
        comparison.refresh(&project, &doc, 1, &layers);
        let merged: Vec<(&str, Color32)> = comparison
            .merged
            .iter()
            .map(|m| (&*m.tag, m.color))
            .collect();
        assert_eq!(
            merged,
            [
                ("PERSON", AGREED),
                ("PERSON · amira", annotator_color(0)),
                ("ORG · bruno", annotator_color(1)),
            ]
        );
        // The agreed mention of both layers is the same annotation in the merged view.
        assert_eq!(
            comparison.merged_id(0, AnnotationId(1)),
            comparison.merged_id(1, AnnotationId(1))
        );
        assert_eq!(
            comparison.origin(AnnotationId(3)),
            Some((1, AnnotationId(2)))
        );
        let notes: Vec<(usize, &str)> = comparison
            .comments
            .iter()
            .map(|c| (c.layer, c.note.as_str()))
            .collect();
        assert_eq!(notes, [(0, "unsure"), (1, "unsure")]);
    }
}
