//! What every importer shares: documents with ids that fit the project, annotation ids free in their
//! layer, provenance, notes for the report, and the schema additions the annotations need.

use crate::model::Label;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::import::{Import, ImportNote, ImportOptions};
use super::source_text::SourceText;
use crate::model::{
    Annotation, AnnotationId, AttributeDef, AttributeTarget, CharSpan, Color, DocId, Document,
    DocumentMeta, Entity, EntityLabel, EventType, LayerKey, LayerName, Project, Provenance,
    RoleDef, Schema, Source, Status,
};

/// The largest annotation id a file may give and have kept: a layer's next id is one more than its
/// largest, so ids near `u32::MAX` would leave no room for the annotations added after the import
/// (and JSON readers with 32-bit signed integers could not read them). A larger id is renumbered and
/// reported.
pub(crate) const MAX_KEPT_ID: u32 = i32::MAX as u32;

/// Collects what importers read: documents with safe ids, annotations with free ids, notes.
pub(crate) struct Builder<'p> {
    project: &'p Project,
    options: &'p ImportOptions,
    format: &'static str,
    documents: Vec<Document>,
    /// Ids of `documents`, by id.
    new_documents: HashMap<DocId, usize>,
    annotations: Vec<(LayerKey, Annotation)>,
    statuses: Vec<(LayerKey, Status)>,
    /// Per layer: every id taken (in the project or by this import) and the next id to try.
    ids: HashMap<LayerKey, (HashSet<u32>, u32)>,
    report: Vec<ImportNote>,
    /// Layers the files name that went into the chosen layer instead (without `keep_layers`), and
    /// the file that named them first.
    merged: BTreeMap<String, String>,
}

impl<'p> Builder<'p> {
    pub(crate) fn new(
        project: &'p Project,
        options: &'p ImportOptions,
        format: &'static str,
    ) -> Self {
        Self {
            project,
            options,
            format,
            documents: Vec::new(),
            new_documents: HashMap::new(),
            annotations: Vec::new(),
            statuses: Vec::new(),
            ids: HashMap::new(),
            report: Vec::new(),
            merged: BTreeMap::new(),
        }
    }

    /// The layer annotations of `doc` go to when the file names `named` as their layer (Gloss's
    /// spaCy `meta.layer`, hf ids, brat per-layer folders): that layer with
    /// [`ImportOptions::keep_layers`] when it is a valid layer name, else the chosen layer (and the
    /// report will say that several named layers went into one).
    pub(crate) fn named_key(&mut self, doc: &DocId, named: Option<&str>, file: &str) -> LayerKey {
        let Some(named) = named.filter(|n| !n.is_empty()) else {
            return self.key(doc);
        };
        match LayerName::new(named) {
            Some(layer) if self.options.keep_layers => LayerKey::new(doc.clone(), layer),
            _ => {
                if named != self.options.layer.as_str() && self.merged.len() < 1000 {
                    self.merged
                        .entry(named.to_owned())
                        .or_insert_with(|| file.to_owned());
                }
                self.key(doc)
            }
        }
    }

    pub(crate) fn options(&self) -> &ImportOptions {
        self.options
    }

    /// The project's schema, as it is before the import.
    pub(crate) fn schema(&self) -> &Schema {
        &self.project.schema
    }

    /// Registers the document a file describes and returns the id its annotations use: the id of
    /// a project document (or one read earlier) with the same id and text, else a fresh id made from
    /// `id` (a slug of it when it is not a valid id).
    pub(crate) fn document(
        &mut self,
        id: &str,
        title: String,
        source: &SourceText,
        meta: DocumentMeta,
    ) -> DocId {
        let wanted = DocId::new(id).unwrap_or_else(|| DocId::slug(id));
        let same = |document: &Document| document.text == source.text;
        if self.project.document(&wanted).is_some_and(same) {
            return wanted;
        }
        if let Some(&i) = self.new_documents.get(&wanted)
            && self.documents.get(i).is_some_and(same)
        {
            return wanted;
        }
        self.add_new_document(Document {
            id: wanted,
            title,
            meta,
            text: source.text.clone(),
            crlf_normalized: source.crlf_normalized,
            removed: Vec::new(),
        })
    }

    /// Adds a document as new, renaming it (`-2`, `-3`, …) if its id is taken. Returns its id.
    pub(crate) fn add_new_document(&mut self, mut document: Document) -> DocId {
        let taken = |id: &DocId, this: &Self| {
            this.project.document(id).is_some() || this.new_documents.contains_key(id)
        };
        if taken(&document.id, self) {
            let base = document.id.as_str().to_owned();
            let mut n = 2;
            loop {
                let id = DocId::new(format!("{base}-{n}"))
                    .unwrap_or_else(|| DocId::slug(&format!("{base}-{n}")));
                if !taken(&id, self) {
                    document.id = id;
                    break;
                }
                n += 1;
            }
        }
        let id = document.id.clone();
        self.new_documents.insert(id.clone(), self.documents.len());
        self.documents.push(document);
        id
    }

    /// The layer imported annotations of `doc` go to.
    pub(crate) fn key(&self, doc: &DocId) -> LayerKey {
        LayerKey::new(doc.clone(), self.options.layer.clone())
    }

    /// An id free in `key`'s layer: `wanted` when it is free and at most [`MAX_KEPT_ID`], else the
    /// next free one (the lowest free one when the layer's ids already reach the end of the id space).
    pub(crate) fn claim_id(&mut self, key: &LayerKey, wanted: Option<u32>) -> AnnotationId {
        let project = self.project;
        let (taken, next) =
            self.ids
                .entry(key.clone())
                .or_insert_with(|| match project.layer(key) {
                    Some(layer) => (layer.iter().map(|a| a.id().0).collect(), layer.next_id().0),
                    None => (HashSet::new(), 1),
                });
        if let Some(wanted) = wanted.filter(|&w| w > 0 && w <= MAX_KEPT_ID)
            && taken.insert(wanted)
        {
            return AnnotationId(wanted);
        }
        while *next < u32::MAX && !taken.insert(*next) {
            *next += 1;
        }
        if *next < u32::MAX {
            return AnnotationId(*next);
        }
        // The layer already holds an id at the end of the id space (from a file of an older
        // version): take the lowest free id; there are far fewer annotations than ids.
        let lowest = (1..u32::MAX).find(|id| !taken.contains(id)).unwrap_or(1);
        taken.insert(lowest);
        AnnotationId(lowest)
    }

    /// Provenance for an annotation read now from this format.
    pub(crate) fn provenance(&self) -> Provenance {
        Provenance {
            source: Source::Imported {
                format: Label::new(self.format),
            },
            annotator: Label::new(&self.options.annotator),
            created: self.options.now,
            modified: self.options.now,
        }
    }

    /// Adds an entity mention with a fresh id; returns the id.
    pub(crate) fn entity(&mut self, key: &LayerKey, span: CharSpan, label: &str) -> AnnotationId {
        let id = self.claim_id(key, None);
        let provenance = self.provenance();
        self.push(
            key,
            Annotation::Entity(Entity::new(id, span, label, provenance)),
        );
        id
    }

    /// Adds an annotation whose id was claimed with [`Builder::claim_id`].
    pub(crate) fn push(&mut self, key: &LayerKey, annotation: Annotation) {
        self.annotations.push((key.clone(), annotation));
    }

    pub(crate) fn status(&mut self, key: &LayerKey, status: Status) {
        self.statuses.push((key.clone(), status));
    }

    /// Reports something skipped or worth knowing.
    pub(crate) fn note(&mut self, file: &str, line: Option<usize>, message: impl Into<String>) {
        self.report.push(ImportNote {
            file: file.to_owned(),
            line,
            message: message.into(),
        });
    }

    pub(crate) fn finish(mut self) -> Import {
        if !self.merged.is_empty() {
            let names: Vec<String> = self
                .merged
                .keys()
                .take(10)
                .map(|n| super::error::excerpt(n))
                .collect();
            let more = self.merged.len().saturating_sub(names.len());
            let file = self.merged.values().next().cloned().unwrap_or_default();
            let message = format!(
                "the files name {} layer{} ({}{}) but everything went into layer {}: import with \
                 the layers kept (no --layer) to keep each annotator's work apart",
                self.merged.len(),
                if self.merged.len() == 1 { "" } else { "s" },
                names.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                },
                self.options.layer
            );
            self.note(&file, None, message);
        }
        let schema_additions = additions(&self.project.schema, &self.annotations, self.format);
        Import {
            documents: self.documents,
            annotations: self.annotations,
            statuses: self.statuses,
            schema_additions,
            report: self.report,
        }
    }
}

/// What `annotations` use that `schema` lacks.
fn additions(schema: &Schema, annotations: &[(LayerKey, Annotation)], format: &str) -> Schema {
    let description = format!("Added by a {format} import.");
    let mut added = Schema::default();
    let mut colours = schema.entity_labels.len() + schema.event_types.len();
    let mut colour = || {
        colours += 1;
        Color::palette(colours - 1)
    };
    let attribute = |added: &mut Schema, target: AttributeTarget, name: &str, value: &str| {
        let known = schema.attribute(target, name);
        if known.is_some_and(|def| def.values.is_empty() || def.values.iter().any(|v| v == value)) {
            return;
        }
        let def = match added
            .attributes
            .iter_mut()
            .find(|a| a.target == target && a.name == name)
        {
            Some(def) => def,
            None => {
                added.attributes.push(AttributeDef {
                    name: name.to_owned(),
                    target,
                    labels: Vec::new(),
                    values: Vec::new(),
                    description: description.clone(),
                });
                let last = added.attributes.len() - 1;
                &mut added.attributes[last]
            }
        };
        // A new attribute takes any value; an existing one with a list of values gets the new ones.
        if known.is_some() && !def.values.iter().any(|v| v == value) {
            def.values.push(value.to_owned());
        }
    };
    for (_, annotation) in annotations {
        let target = match annotation {
            Annotation::Entity(entity) => {
                if schema.entity_label(&entity.label).is_none()
                    && added.entity_label(&entity.label).is_none()
                {
                    added.entity_labels.push(EntityLabel {
                        name: entity.label.to_string(),
                        color: colour(),
                        hotkey: None,
                        description: description.clone(),
                    });
                }
                AttributeTarget::Entities
            }
            Annotation::Quote(_) => AttributeTarget::Quotes,
            Annotation::Event(event) => {
                let known = schema.event_type(&event.event_type);
                for argument in &event.arguments {
                    if known.is_some_and(|ty| ty.role(&argument.role).is_some()) {
                        continue;
                    }
                    let ty = match added
                        .event_types
                        .iter_mut()
                        .position(|t| t.name == event.event_type)
                    {
                        Some(i) => &mut added.event_types[i],
                        None => {
                            added.event_types.push(new_event_type(
                                &event.event_type,
                                colour(),
                                &description,
                            ));
                            let last = added.event_types.len() - 1;
                            &mut added.event_types[last]
                        }
                    };
                    if ty.role(&argument.role).is_none() {
                        ty.roles.push(RoleDef {
                            name: argument.role.to_string(),
                            labels: Vec::new(),
                            required: false,
                            max: None,
                        });
                    }
                }
                if known.is_none() && added.event_type(&event.event_type).is_none() {
                    added.event_types.push(new_event_type(
                        &event.event_type,
                        colour(),
                        &description,
                    ));
                }
                AttributeTarget::Events
            }
        };
        for (name, value) in annotation.attributes() {
            attribute(&mut added, target, name, value);
        }
    }
    added
}

fn new_event_type(name: &str, color: Color, description: &str) -> EventType {
    EventType {
        name: name.to_owned(),
        description: description.to_owned(),
        color,
        hotkey: None,
        roles: Vec::new(),
    }
}

/// A title from a document's first non-empty line, cut to about 80 chars.
pub(crate) fn title_from(text: &str) -> String {
    const MAX: usize = 80;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    if line.chars().count() <= MAX {
        return line.to_owned();
    }
    let mut cut: String = line.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

/// `path`'s file name without its extension (`data/gold.spacy.jsonl` → `gold.spacy`).
pub(crate) fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}
