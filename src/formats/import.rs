//! The one entry point of every import: files in, documents, annotations and schema additions out,
//! and nothing in the project changed until the caller applies the result.
//!
//! ```text
//! let files = vec![("gold.spacy.jsonl".to_owned(), std::fs::read(path)?)];
//! let import = formats::import(&project, ImportFormat::Spacy, &files, &options)?;  // project untouched
//! for note in &import.report { eprintln!("{note}"); }                              // skipped spans
//! let edits = import.apply(&mut project)?;
//! ```
//!
//! Rules every importer follows:
//! - A file that cannot be parsed is an error naming the file, the line and what was expected.
//! - Every span is checked against the text it claims to cover, when the format carries that text; a
//!   span that does not fit is reported (file, line, expected and found text) and skipped, and so is
//!   anything that needed it (a quote whose content was skipped).
//! - A document whose id and text equal a project document's is that document: annotations are added
//!   to it. Any other document is new, with an id no project document has.
//! - Labels, event types, roles and attributes the schema lacks are collected in `schema_additions`.
//! - Annotation ids: a format's own numeric ids are kept when free, others are numbered after the
//!   layer's last id.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use super::error::{FormatError, utf8};
use super::import_builder::Builder;
use super::{conll, hf, import_brat, import_jsonl, import_spans, label_studio, txt, webanno};
use crate::model::{
    Annotation, DocId, Document, Edit, LayerKey, LayerName, Project, Schema, Status, Timestamp,
};

/// The formats Gloss reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// Plain text: one document per file, or per non-empty line ([`crate::formats::txt`]).
    Txt { split_lines: bool },
    /// Gloss's own JSONL, as [`crate::formats::jsonl`] writes it.
    Jsonl,
    /// spaCy / Prodigy JSONL: `{"text", "spans": [{"start", "end", "label"}]}`.
    Spacy,
    /// doccano JSONL: `{"text", "label": [[start, end, "LABEL"]]}` or `{"text", "entities": [...]}`.
    Doccano,
    /// A brat folder: `.txt` and `.ann` pairs.
    Brat,
    /// CoNLL columns (IOB1, IOB2, BILOU).
    Conll,
    /// Hugging Face token classification JSONL, with `labels.json` when tags are numbers.
    Hf,
    /// WebAnno TSV 3 as INCEpTION exports it (offsets in UTF-16 code units).
    WebannoTsv3,
    /// Label Studio JSON export (tasks with `annotations[].result[].value`).
    LabelStudio,
}

impl ImportFormat {
    /// The names `--format` accepts.
    pub const NAMES: [&'static str; 9] = [
        "txt",
        "jsonl",
        "spacy",
        "doccano",
        "brat",
        "conll",
        "hf",
        "webanno-tsv3",
        "label-studio",
    ];

    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Txt { .. } => "txt",
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Spacy => "spacy",
            ImportFormat::Doccano => "doccano",
            ImportFormat::Brat => "brat",
            ImportFormat::Conll => "conll",
            ImportFormat::Hf => "hf",
            ImportFormat::WebannoTsv3 => "webanno-tsv3",
            ImportFormat::LabelStudio => "label-studio",
        }
    }

    /// Whether files of this format can name the layer of their annotations, as Gloss's own exports
    /// do (JSONL `layer`, spaCy `meta.layer`, hf ids `<document>:<layer>:<n>`, brat per-layer
    /// folders, CoNLL's manifest beside the file): with [`ImportOptions::keep_layers`] they go back to those layers.
    pub fn names_layers(self) -> bool {
        matches!(
            self,
            ImportFormat::Jsonl
                | ImportFormat::Spacy
                | ImportFormat::Hf
                | ImportFormat::Brat
                | ImportFormat::Conll
        )
    }

    /// The format named `name`; `split_lines` applies to plain text only.
    pub fn parse(name: &str, split_lines: bool) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(ImportFormat::Txt { split_lines }),
            "jsonl" | "gloss" => Some(ImportFormat::Jsonl),
            "spacy" | "prodigy" => Some(ImportFormat::Spacy),
            "doccano" => Some(ImportFormat::Doccano),
            "brat" => Some(ImportFormat::Brat),
            "conll" | "conll2003" => Some(ImportFormat::Conll),
            "hf" | "huggingface" => Some(ImportFormat::Hf),
            "webanno-tsv3" | "webanno" | "tsv3" | "inception" => Some(ImportFormat::WebannoTsv3),
            "label-studio" | "labelstudio" => Some(ImportFormat::LabelStudio),
            _ => None,
        }
    }
}

/// Where imported annotations go and whose they are.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOptions {
    /// The layer imported annotations go to.
    pub layer: LayerName,
    /// Put annotations into the layer the file names instead, where it names one (see
    /// [`ImportFormat::names_layers`]); a layer named that is not a valid name goes to `layer`.
    pub keep_layers: bool,
    /// Recorded in each annotation's provenance (Gloss JSONL keeps its own provenance).
    pub annotator: String,
    pub now: Timestamp,
}

/// Something an import skipped or wants the user to know, with where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNote {
    pub file: String,
    /// Counts from 1; `None` when the note is about the file as a whole or the format has no lines.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// What an import read, not yet in the project: apply it with [`Import::apply`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    /// New documents, with ids no project document has.
    pub documents: Vec<Document>,
    /// Annotations for new or existing documents, with ids free in their layers; links (speakers,
    /// event arguments) point to annotations of the same layer in this list.
    pub annotations: Vec<(LayerKey, Annotation)>,
    /// Layer statuses the files carry (Gloss JSONL).
    pub statuses: Vec<(LayerKey, Status)>,
    /// Entity labels, event types (or the roles an existing event type lacks) and attributes (or the
    /// values an existing attribute lacks) that the imported annotations use and the schema lacks.
    pub schema_additions: Schema,
    /// Spans skipped and other things the user should know, in file order.
    pub report: Vec<ImportNote>,
}

impl Import {
    /// `base` with the additions merged in: new labels, event types and attributes appended, missing
    /// roles and attribute values added to existing ones.
    pub fn merged_schema(&self, base: &Schema) -> Schema {
        let mut schema = base.clone();
        let additions = &self.schema_additions;
        for label in &additions.entity_labels {
            if schema.entity_label(&label.name).is_none() {
                schema.entity_labels.push(label.clone());
            }
        }
        for added in &additions.event_types {
            match schema
                .event_types
                .iter_mut()
                .find(|ty| ty.name == added.name)
            {
                None => schema.event_types.push(added.clone()),
                Some(ty) => {
                    for role in &added.roles {
                        if ty.role(&role.name).is_none() {
                            ty.roles.push(role.clone());
                        }
                    }
                }
            }
        }
        for added in &additions.attributes {
            let existing = schema
                .attributes
                .iter_mut()
                .find(|a| a.target == added.target && a.name == added.name);
            match existing {
                None => schema.attributes.push(added.clone()),
                Some(def) => {
                    for value in &added.values {
                        if !def.values.is_empty() && !def.values.contains(value) {
                            def.values.push(value.clone());
                        }
                    }
                }
            }
        }
        schema
    }

    /// Puts the import into `project`: the schema additions (one [`Edit::SetSchema`]), the new
    /// documents, every annotation ([`Edit::Add`]) and the statuses ([`Edit::SetStatus`]); each
    /// non-gold layer's name joins the project's annotators. Returns the edits, for a history.
    ///
    /// Everything is checked first (document ids free, annotation ids free, spans inside their text),
    /// so an import made for another state of the project fails without changing anything.
    pub fn apply(self, project: &mut Project) -> Result<Vec<Edit>, FormatError> {
        let changed = |message: String| {
            FormatError::Project(format!(
                "the project changed since the files were read: {message}"
            ))
        };
        let mut lengths: HashMap<&DocId, usize> = HashMap::new();
        for document in &self.documents {
            if project.document(&document.id).is_some() {
                return Err(changed(format!("document {} exists now", document.id)));
            }
            lengths.insert(&document.id, document.text.char_len());
        }
        let mut ids = HashSet::new();
        for (key, annotation) in &self.annotations {
            let len = match lengths.get(&key.doc) {
                Some(&len) => len,
                None => match project.document(&key.doc) {
                    Some(document) => document.text.char_len(),
                    None => return Err(changed(format!("document {} is gone", key.doc))),
                },
            };
            let taken = project
                .layer(key)
                .is_some_and(|l| l.contains(annotation.id()));
            if taken || !ids.insert((key, annotation.id())) {
                return Err(changed(format!(
                    "layer {key} already has annotation {}",
                    annotation.id()
                )));
            }
            if let Some(span) = annotation.spans().into_iter().find(|s| s.end > len) {
                return Err(FormatError::Project(format!(
                    "{key} annotation {}: span {span} lies outside the text ({len} chars)",
                    annotation.id()
                )));
            }
        }

        let mut edits = Vec::new();
        let schema = self.merged_schema(&project.schema);
        if schema != project.schema {
            edits.push(Edit::SetSchema {
                before: Box::new(project.schema.clone()),
                after: Box::new(schema),
            });
        }
        for document in self.documents {
            project.add_document(document);
        }
        let layers: BTreeSet<LayerName> = self
            .annotations
            .iter()
            .map(|(key, _)| key.layer.clone())
            .collect();
        for layer in layers.iter().filter(|layer| !layer.is_gold()) {
            project.add_annotator(layer.as_str());
        }
        edits.extend(
            self.annotations
                .into_iter()
                .map(|(key, annotation)| Edit::Add { key, annotation }),
        );
        // A file may give one layer's status twice (a line repeated): the last one holds.
        let mut statuses: Vec<(LayerKey, Status)> = Vec::new();
        for (key, status) in self.statuses {
            statuses.retain(|(k, _)| *k != key);
            statuses.push((key, status));
        }
        for (key, after) in statuses {
            let before = project.status(&key);
            if before != after {
                edits.push(Edit::SetStatus { key, before, after });
            }
        }
        for edit in &edits {
            project
                .apply(edit)
                .map_err(|err| FormatError::Project(err.to_string()))?;
        }
        Ok(edits)
    }
}

/// Reads `files` (name, bytes) in `format` against `project`, which is not changed.
pub fn import(
    project: &Project,
    format: ImportFormat,
    files: &[(String, Vec<u8>)],
    options: &ImportOptions,
) -> Result<Import, FormatError> {
    if files.is_empty() {
        return Err(FormatError::Empty("no files given".to_owned()));
    }
    let mut builder = Builder::new(project, options, format.name());
    match format {
        ImportFormat::Brat => import_brat::read(&mut builder, files)?,
        ImportFormat::Hf => hf::import(&mut builder, files)?,
        _ => {
            for (name, bytes) in files {
                let text = utf8(name, bytes)?;
                match format {
                    ImportFormat::Txt { split_lines } => {
                        for document in txt::documents_from_text(name, text, split_lines) {
                            builder.add_new_document(document);
                        }
                    }
                    ImportFormat::Jsonl => import_jsonl::read(&mut builder, name, text)?,
                    ImportFormat::Spacy | ImportFormat::Doccano => {
                        import_spans::read(&mut builder, name, text)?
                    }
                    ImportFormat::Conll => {
                        // A manifest is read with the CoNLL file it is named after.
                        if name.ends_with(conll::MANIFEST_SUFFIX) {
                            continue;
                        }
                        let manifest = format!("{name}{}", conll::MANIFEST_SUFFIX);
                        let described = match files.iter().find(|(n, _)| *n == manifest) {
                            Some((n, bytes)) => Some(conll::read_manifest(n, utf8(n, bytes)?)?),
                            None => None,
                        };
                        conll::import(&mut builder, name, text, described.as_deref())?
                    }
                    ImportFormat::WebannoTsv3 => webanno::read(&mut builder, name, text)?,
                    ImportFormat::LabelStudio => label_studio::read(&mut builder, name, text)?,
                    ImportFormat::Brat | ImportFormat::Hf => {}
                }
            }
        }
    }
    Ok(builder.finish())
}
