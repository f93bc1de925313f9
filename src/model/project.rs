//! The project: schema, documents and every layer of annotations, changed only through [`Edit`]s.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use super::annotation::Annotation;
use super::document::{DocId, Document};
use super::edit::{Edit, EditError};
use super::layer::{Layer, LayerKey, LayerName, Status};
use super::registry::Registry;
use super::schema::Schema;

/// Project-wide settings shared by the team (personal preferences live in the app, not here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How many annotators must agree before adjudication merges an annotation automatically.
    pub min_agree: u32,
    /// The external recommender's `/predict` base URL, if any.
    pub recommender_url: Option<String>,
    pub recommender_timeout_ms: u64,
    /// How many undo steps the window keeps (the oldest are dropped first).
    pub undo_limit: usize,
    /// A tagger model file inside the project folder (`gloss train --out`), used by the baseline
    /// instead of the shipped news model. A path relative to the project folder.
    pub ner_model: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            min_agree: 2,
            recommender_url: None,
            recommender_timeout_ms: 5_000,
            undo_limit: super::history::DEFAULT_UNDO_LIMIT,
            ner_model: None,
        }
    }
}

/// What changed since the project was last saved, so that a save writes only that.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dirty {
    /// The project file (schema, annotators, settings, document index).
    pub project: bool,
    /// Documents added since the last save, whose texts need writing.
    pub documents: BTreeSet<DocId>,
    pub layers: BTreeSet<LayerKey>,
    /// The entity registry (`entities.ron`).
    pub registry: bool,
}

impl Dirty {
    pub fn is_empty(&self) -> bool {
        !self.project && !self.registry && self.documents.is_empty() && self.layers.is_empty()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Project {
    pub name: String,
    pub schema: Schema,
    /// Everyone who has annotated in this project, in the order they joined.
    pub annotators: Vec<String>,
    /// Curators and assignments (`project.ron`; empty for a project not set up for a team).
    pub team: super::Team,
    pub settings: Settings,
    /// The canonical entities mentions link to.
    registry: Registry,
    documents: Vec<Document>,
    index: HashMap<DocId, usize>,
    /// Shared by clones until one of them changes a layer (`Arc::make_mut`): a copy of the project
    /// for a background job costs the window a count per layer, not a copy of every annotation.
    layers: BTreeMap<LayerKey, Arc<Layer>>,
    dirty: Dirty,
    /// Documents the index lists whose text and layers are not read yet (a project opened from its
    /// index, read in the background): each with the length in chars its record of removed lines
    /// counts in, kept as the index had it. Such a document has an empty text and no layers, and
    /// no edit may touch its text or layers until [`Project::fill_document`] puts them in.
    unloaded: HashMap<DocId, usize>,
}

impl Project {
    pub fn new(name: impl Into<String>, schema: Schema) -> Self {
        Self {
            name: name.into(),
            schema,
            dirty: Dirty {
                project: true,
                ..Dirty::default()
            },
            ..Self::default()
        }
    }

    /// Documents in project order (the order they were imported).
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: &DocId) -> Option<&Document> {
        self.index.get(id).map(|&i| &self.documents[i])
    }

    /// The position of a document in project order.
    pub fn document_position(&self, id: &DocId) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Adds a document, giving it a fresh id (`-2`, `-3`, … appended) if its id is taken. Returns the id.
    /// Not an [`Edit`]: imports are not undone from the annotation history.
    pub fn add_document(&mut self, mut document: Document) -> DocId {
        if self.index.contains_key(&document.id) {
            let base = document.id.as_str().to_owned();
            let mut n = 2;
            loop {
                if let Some(id) = DocId::new(format!("{base}-{n}"))
                    && !self.index.contains_key(&id)
                {
                    document.id = id;
                    break;
                }
                n += 1;
            }
        }
        let id = document.id.clone();
        self.index.insert(id.clone(), self.documents.len());
        self.documents.push(document);
        self.dirty.project = true;
        self.dirty.documents.insert(id.clone());
        id
    }

    /// Adds an annotator to the project's list if not already there.
    pub fn add_annotator(&mut self, name: &str) {
        if !self.annotators.iter().any(|a| a == name) {
            self.annotators.push(name.to_owned());
            self.dirty.project = true;
        }
    }

    /// A layer; a layer never written is `None` (and means status New, no annotations).
    pub fn layer(&self, key: &LayerKey) -> Option<&Layer> {
        self.layers.get(key).map(|layer| &**layer)
    }

    /// The status of a layer; `New` for a layer that does not exist yet.
    pub fn status(&self, key: &LayerKey) -> Status {
        self.layers
            .get(key)
            .map_or(Status::New, |layer| layer.status)
    }

    /// Every non-blank layer, sorted by document id then layer name.
    pub fn layers(&self) -> impl Iterator<Item = (&LayerKey, &Layer)> {
        self.layers.iter().map(|(key, layer)| (key, &**layer))
    }

    /// The layers of one document, by layer name (a range of the sorted layers, not a scan).
    pub fn layers_of<'a>(
        &'a self,
        doc: &'a DocId,
    ) -> impl Iterator<Item = (&'a LayerName, &'a Layer)> {
        let first = LayerKey::new(doc.clone(), LayerName::before_all());
        self.layers
            .range(first..)
            .take_while(move |(key, _)| &key.doc == doc)
            .map(|(key, layer)| (&key.layer, &**layer))
    }

    /// Every layer name in use anywhere in the project, sorted.
    pub fn layer_names(&self) -> BTreeSet<LayerName> {
        self.layers.keys().map(|key| key.layer.clone()).collect()
    }

    /// The documents at `positions` (in project order) with their layers, as a project of their
    /// own: the same name, schema, annotators, team, settings and registry, the layers shared with
    /// this project rather than copied. What a batch is split into to be worked on every core.
    pub fn part(&self, positions: std::ops::Range<usize>) -> Project {
        let mut part = Project {
            name: self.name.clone(),
            schema: self.schema.clone(),
            annotators: self.annotators.clone(),
            team: self.team.clone(),
            settings: self.settings.clone(),
            registry: self.registry.clone(),
            ..Project::default()
        };
        for document in self.documents.get(positions).unwrap_or_default() {
            let first = LayerKey::new(document.id.clone(), LayerName::before_all());
            for (key, layer) in self
                .layers
                .range(first..)
                .take_while(|(key, _)| key.doc == document.id)
            {
                part.layers.insert(key.clone(), Arc::clone(layer));
            }
            if let Some(&chars) = self.unloaded.get(&document.id) {
                part.unloaded.insert(document.id.clone(), chars);
            }
            part.insert_loaded_document(document.clone());
        }
        part
    }

    /// Puts a layer read from disk in place. Not an [`Edit`]: used by loaders, does not mark it dirty.
    pub fn insert_loaded_layer(&mut self, key: LayerKey, layer: Layer) {
        if layer.is_blank() {
            self.layers.remove(&key);
        } else {
            self.layers.insert(key, Arc::new(layer));
        }
    }

    /// Puts a document read from disk in place without marking it dirty. Its id must be new.
    pub fn insert_loaded_document(&mut self, document: Document) -> bool {
        if self.index.contains_key(&document.id) {
            return false;
        }
        self.index.insert(document.id.clone(), self.documents.len());
        self.documents.push(document);
        true
    }

    /// Lists a document the index names without its text or layers (see [`Project::is_loaded`]):
    /// `chars` is the length the index gives for the text its record of removed lines counts in.
    /// Not dirty. Its id must be new.
    pub fn insert_unloaded_document(&mut self, mut document: Document, chars: usize) -> bool {
        document.text = super::Text::new(String::new());
        let id = document.id.clone();
        if !self.insert_loaded_document(document) {
            return false;
        }
        self.unloaded.insert(id, chars);
        true
    }

    /// Puts a listed document's text and layers in place, read from disk: the text, what cleaning
    /// removed and the layers become the ones given; title and metadata stay (they may have been
    /// edited since the index was read). Not dirty. `false` when the document is not one waiting.
    pub fn fill_document(
        &mut self,
        document: Document,
        layers: impl IntoIterator<Item = (LayerKey, Layer)>,
    ) -> bool {
        let Some(&position) = self.index.get(&document.id) else {
            return false;
        };
        if self.unloaded.remove(&document.id).is_none() {
            return false;
        }
        let slot = &mut self.documents[position];
        slot.text = document.text;
        slot.removed = document.removed;
        slot.crlf_normalized = document.crlf_normalized;
        for (key, layer) in layers {
            if key.doc == document.id {
                self.insert_loaded_layer(key, layer);
            }
        }
        true
    }

    /// The documents and layers, taking the project apart (a batch read from disk).
    pub fn into_contents(self) -> (Vec<Document>, BTreeMap<LayerKey, Layer>) {
        let layers = self
            .layers
            .into_iter()
            .map(|(key, layer)| (key, Arc::unwrap_or_clone(layer)))
            .collect();
        (self.documents, layers)
    }

    /// Whether a document's text and layers are in memory (always, except in a project opened from
    /// its index while the rest is read).
    pub fn is_loaded(&self, id: &DocId) -> bool {
        !self.unloaded.contains_key(id)
    }

    /// How many listed documents still wait for their text and layers.
    pub fn unloaded_count(&self) -> usize {
        self.unloaded.len()
    }

    /// For a document still waiting: the length in chars the index gives for its text.
    pub fn unloaded_chars(&self, id: &DocId) -> Option<usize> {
        self.unloaded.get(id).copied()
    }

    pub fn dirty(&self) -> &Dirty {
        &self.dirty
    }

    /// The canonical entities mentions link to.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Puts a registry read from disk in place. Not an [`Edit`]: used by loaders, does not mark it
    /// dirty.
    pub fn insert_loaded_registry(&mut self, registry: Registry) {
        self.registry = registry;
    }

    /// Marks everything saved. Storage calls this after a successful save.
    pub fn mark_saved(&mut self) {
        self.dirty = Dirty::default();
    }

    /// Marks the project file as changed (after changing `name`, `annotators` or `settings` directly).
    pub fn mark_project_dirty(&mut self) {
        self.dirty.project = true;
    }

    /// Marks what `dirty` lists as changed, besides what already is: a save handed to another thread
    /// marks the project saved, and puts back exactly what it held if writing fails.
    pub fn mark_dirty(&mut self, dirty: &Dirty) {
        self.dirty.project |= dirty.project;
        self.dirty.registry |= dirty.registry;
        self.dirty.documents.extend(dirty.documents.iter().cloned());
        self.dirty.layers.extend(dirty.layers.iter().cloned());
    }

    /// Marks everything as changed, so that the next save writes every file.
    pub fn mark_all_dirty(&mut self) {
        self.dirty.project = true;
        self.dirty.registry = !self.registry.is_empty();
        self.dirty.documents = self
            .documents
            .iter()
            .filter(|d| self.is_loaded(&d.id))
            .map(|d| d.id.clone())
            .collect();
        self.dirty.layers = self.layers.keys().cloned().collect();
    }

    /// Applies one edit. On error nothing has changed.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        if let Some(key) = edit.key()
            && !self.index.contains_key(&key.doc)
        {
            return Err(EditError::UnknownDocument(key.doc.to_string()));
        }
        let touches = edit.key().map(|key| &key.doc).or(match edit {
            Edit::SetText { doc, .. } => Some(doc),
            _ => None,
        });
        if let Some(doc) = touches
            && self.unloaded.contains_key(doc)
        {
            return Err(EditError::NotLoaded(doc.to_string()));
        }
        match edit {
            Edit::Add { key, annotation } => {
                self.check_bounds(key, annotation)?;
                let layer = Arc::make_mut(self.layers.entry(key.clone()).or_default());
                if layer.contains(annotation.id()) {
                    return Err(EditError::DuplicateId {
                        key: key.to_string(),
                        id: annotation.id(),
                    });
                }
                layer.insert(annotation.clone());
            }
            Edit::Remove { key, annotation } => {
                let id = annotation.id();
                let layer = self.layers.get_mut(key).map(Arc::make_mut).ok_or_else(|| {
                    EditError::Missing {
                        key: key.to_string(),
                        id,
                    }
                })?;
                match layer.get(id) {
                    None => {
                        return Err(EditError::Missing {
                            key: key.to_string(),
                            id,
                        });
                    }
                    Some(current) if current != annotation => {
                        return Err(EditError::Stale {
                            key: key.to_string(),
                            id,
                        });
                    }
                    Some(_) => {}
                }
                layer.remove(id);
                if layer.is_blank() {
                    self.layers.remove(key);
                }
            }
            Edit::Replace { key, before, after } => {
                let id = before.id();
                if after.id() != id {
                    return Err(EditError::IdChanged {
                        key: key.to_string(),
                        id,
                    });
                }
                self.check_bounds(key, after)?;
                let current = self
                    .layers
                    .get_mut(key)
                    .and_then(|layer| Arc::make_mut(layer).get_mut(id))
                    .ok_or_else(|| EditError::Missing {
                        key: key.to_string(),
                        id,
                    })?;
                if current != before {
                    return Err(EditError::Stale {
                        key: key.to_string(),
                        id,
                    });
                }
                *current = after.clone();
            }
            Edit::SetStatus { key, before, after } => {
                let found = self.status(key);
                if found != *before {
                    return Err(EditError::StaleStatus {
                        key: key.to_string(),
                        expected: before.name(),
                        found: found.name(),
                    });
                }
                let layer = Arc::make_mut(self.layers.entry(key.clone()).or_default());
                layer.status = *after;
                if layer.is_blank() {
                    self.layers.remove(key);
                }
            }
            Edit::SetRejected {
                key,
                rejection,
                rejected,
            } => {
                if self.document(&key.doc).is_none() {
                    return Err(EditError::UnknownDocument(key.doc.to_string()));
                }
                let now = self
                    .layers
                    .get(key)
                    .is_some_and(|layer| layer.is_rejected(rejection));
                if now == *rejected {
                    return Err(EditError::StaleRejection {
                        key: key.to_string(),
                        what: format!(
                            "{} the {} suggestion at {}",
                            if *rejected {
                                "rejected"
                            } else {
                                "not rejected"
                            },
                            rejection.label,
                            rejection.span
                        ),
                    });
                }
                let layer = Arc::make_mut(self.layers.entry(key.clone()).or_default());
                layer.set_rejected(rejection, *rejected);
                if layer.is_blank() {
                    self.layers.remove(key);
                }
            }
            Edit::SetSchema { before, after } => {
                if self.schema != **before {
                    return Err(EditError::StaleSchema);
                }
                self.schema = (**after).clone();
                self.dirty.project = true;
                return Ok(());
            }
            Edit::SetDocumentInfo { doc, before, after } => {
                let document = self.document_mut(doc)?;
                if document.info() != **before {
                    return Err(EditError::StaleDocument(doc.to_string()));
                }
                document.title = after.title.clone();
                document.meta = after.meta.clone();
                self.dirty.project = true;
                return Ok(());
            }
            Edit::SetText { doc, before, after } => {
                if !self.text_is_free(doc) {
                    return Err(EditError::TextFixed(doc.to_string()));
                }
                let document = self.document_mut(doc)?;
                if document.cleaned() != **before {
                    return Err(EditError::StaleDocument(doc.to_string()));
                }
                document.text = after.text.clone();
                document.removed = after.removed.clone();
                // The text file is written again, and with it every layer file of the document
                // (a save that writes a text removes the layer files it does not write).
                self.dirty.project = true;
                self.dirty.documents.insert(doc.clone());
                let keys: Vec<LayerKey> = self
                    .layers
                    .keys()
                    .filter(|key| &key.doc == doc)
                    .cloned()
                    .collect();
                self.dirty.layers.extend(keys);
                return Ok(());
            }
            Edit::SetEntity { key, before, after } => {
                if self.registry.get(key) != before.as_deref() {
                    return Err(EditError::StaleEntity(key.to_string()));
                }
                if let Some(after) = after
                    && after.key != *key
                {
                    return Err(EditError::StaleEntity(key.to_string()));
                }
                self.registry.set(key, after.as_deref().cloned());
                self.dirty.registry = true;
                return Ok(());
            }
            Edit::SetAssignment { doc, before, after } => {
                if self.document(doc).is_none() {
                    return Err(EditError::UnknownDocument(doc.to_string()));
                }
                if self.team.assigned(doc) != before.as_slice() {
                    return Err(EditError::StaleDocument(doc.to_string()));
                }
                if after.is_empty() {
                    self.team.assignments.remove(doc);
                } else {
                    self.team.assignments.insert(doc.clone(), after.clone());
                }
                self.dirty.project = true;
                return Ok(());
            }
        }
        if let Some(key) = edit.key() {
            self.dirty.layers.insert(key.clone());
        }
        Ok(())
    }

    /// Whether a document's text may still change: no layer of it has annotations or rejected
    /// suggestions (a status alone moves no offset).
    pub fn text_is_free(&self, doc: &DocId) -> bool {
        self.layers_of(doc)
            .all(|(_, layer)| layer.is_empty() && layer.rejections().next().is_none())
    }

    fn document_mut(&mut self, doc: &DocId) -> Result<&mut Document, EditError> {
        let &i = self
            .index
            .get(doc)
            .ok_or_else(|| EditError::UnknownDocument(doc.to_string()))?;
        Ok(&mut self.documents[i])
    }

    fn check_bounds(&self, key: &LayerKey, annotation: &Annotation) -> Result<(), EditError> {
        let Some(doc) = self.document(&key.doc) else {
            return Err(EditError::UnknownDocument(key.doc.to_string()));
        };
        let len = doc.text.char_len();
        for span in annotation.spans() {
            if span.start > span.end || span.end > len {
                return Err(EditError::OutOfBounds {
                    doc: key.doc.to_string(),
                    id: annotation.id(),
                    span: span.to_string(),
                    len,
                });
            }
        }
        Ok(())
    }
}

/// Two projects are equal when they hold the same data, whatever is waiting to be saved.
impl PartialEq for Project {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.schema == other.schema
            && self.annotators == other.annotators
            && self.team == other.team
            && self.settings == other.settings
            && self.documents == other.documents
            && self.layers == other.layers
    }
}
