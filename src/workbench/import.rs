//! Importing, written once for the window and the command line: plain-text files (and folders of
//! them) as documents, and annotated files of other tools (Gloss JSONL, spaCy/Prodigy, doccano,
//! brat, CoNLL, Hugging Face, WebAnno TSV 3, Label Studio).
//!
//! An import happens in two steps. [`read_import`] finds and reads every file and parses it against
//! the project without changing it (a file that cannot be read or parsed stops the import with the
//! project untouched); the [`ReadImport`] it gives says what it would add
//! ([`ReadImport::summary`], which the window shows for review). Then [`ReadImport::apply`] puts it
//! into a project (the command line, which saves it) or [`Workbench::apply_read_import`] into the
//! open one (the window, whose autosave writes it). Imports are not annotation edits, so they are
//! not undoable.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::formats::{self, FormatError, Import, ImportFormat, ImportOptions};
use crate::model::{DocId, Document, LayerName, Project, Schema, Timestamp};

use super::Workbench;
use super::files;
use super::jobs::JobContext;

/// The layer imported annotations go to when neither a layer nor an annotator is named.
pub const DEFAULT_IMPORT_LAYER: &str = "imported";

/// What to import, as the analyst chose it in the import dialog or on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRequest {
    /// Plain text carries `split_lines` (one document per non-empty line).
    pub format: ImportFormat,
    /// Files, and folders searched for the format's files.
    pub paths: Vec<PathBuf>,
    /// The layer annotations go to. `None`: the layer each Gloss JSONL line names, else the
    /// annotator's, else [`DEFAULT_IMPORT_LAYER`].
    pub layer: Option<LayerName>,
    /// Who imports: named in the annotations' provenance and added to the project's annotators.
    pub annotator: Option<LayerName>,
    /// Web pages to fetch, each a document (plain-text imports only).
    pub urls: Vec<String>,
    /// RSS, Atom or JSON feeds whose articles are fetched, each a document (plain-text imports only).
    pub feeds: Vec<String>,
    /// Keep scraped noise (captions, "Read More" lines, bylines, an outlet's boilerplate) in the text
    /// instead of removing it at import ([`formats::noise`]).
    pub keep_noise: bool,
    /// What to do with a web page that repeats a document (the same URL or text, or a
    /// near-duplicate: the same story republished).
    pub duplicates: Duplicates,
    /// The pause between two requests to the same host when fetching URLs and feeds.
    pub pause: std::time::Duration,
}

/// What an import does with a web page that repeats a document already in the project or earlier
/// in the import: the same URL, the same text, or a near-duplicate
/// ([`crate::model::near_duplicate`]). Each one is reported with the document it repeats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Duplicates {
    /// Leave it out.
    #[default]
    Skip,
    /// Import it, its `duplicate_of` naming the document it repeats.
    Link,
    /// Import it as any other document.
    Keep,
}

impl Duplicates {
    pub const NAMES: [&str; 3] = ["skip", "link", "keep"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "skip" => Some(Self::Skip),
            "link" => Some(Self::Link),
            "keep" => Some(Self::Keep),
            _ => None,
        }
    }
}

/// Files read and parsed against a project, not yet in it.
#[derive(Debug)]
pub struct ReadImport {
    pub(super) format: ImportFormat,
    pub(super) files: usize,
    pub(super) annotator: Option<LayerName>,
    pub(super) contents: Contents,
    pub(super) summary: ImportSummary,
}

#[derive(Debug)]
pub(super) enum Contents {
    Texts(Vec<Document>),
    Annotations(Box<Import>),
}

/// What an import brings, counted against the project it was read for: the same sentences in the
/// window's review and on the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// What is added, e.g. `2 annotations (2 into gold) and 0 new documents, annotating 1 existing
    /// document from 1 spacy file`.
    pub what: String,
    /// Schema additions as phrases (`entity labels MISC, FAC`, `roles of MEET: Topic`).
    pub schema_additions: Vec<String>,
    /// What was skipped and why, one line each (file, line, expected and found).
    pub warnings: Vec<String>,
    /// Scraped noise removed from the new documents' text, one line each: document, line, the
    /// text removed and why.
    pub removed_noise: Vec<String>,
}

impl ImportSummary {
    /// The review the window shows before anything changes.
    pub fn review_lines(&self) -> Vec<String> {
        let mut lines = vec![format!("To import: {}", self.what)];
        if !self.schema_additions.is_empty() {
            lines.push(format!(
                "added to the schema: {}",
                self.schema_additions.join("; ")
            ));
        }
        if !self.warnings.is_empty() {
            lines.push(format!(
                "{} warning{}: what was skipped, and why:",
                self.warnings.len(),
                plural(self.warnings.len())
            ));
            lines.extend(self.warnings.iter().map(|w| format!("warning: {w}")));
        }
        if !self.removed_noise.is_empty() {
            lines.push(format!(
                "{} line{} of scraped noise removed (--keep-noise keeps them):",
                self.removed_noise.len(),
                plural(self.removed_noise.len())
            ));
            lines.extend(self.removed_noise.iter().map(|r| format!("removed: {r}")));
        }
        lines
    }
}

/// What an applied import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportApplied {
    pub documents: usize,
    pub annotations: usize,
}

/// Finds, reads and parses the files of `request` against `project`, changing nothing. `now`
/// stamps the annotations' provenance. Reports progress to `job` and stops early when it is
/// cancelled. Errors name the file (and the line, for a parse error) and end with "nothing was
/// imported".
pub fn read_import(
    project: &Project,
    request: &ImportRequest,
    now: Timestamp,
    job: Option<&JobContext>,
) -> Result<ReadImport, String> {
    let paths = if request.paths.is_empty() {
        Vec::new()
    } else {
        files::input_files(&request.paths, request.format)?
    };
    let mut read = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        if let Some(job) = job {
            if job.cancelled() {
                return Err("import cancelled; nothing was imported".to_owned());
            }
            job.report(
                Some(i as f32 / paths.len().max(1) as f32),
                format!("Reading {}", path.display()),
            );
        }
        read.push((path.display().to_string(), files::read_input(path)?));
        // A CoNLL export's manifest, beside it, names each block's document and layer.
        let mut manifest = path.as_os_str().to_owned();
        manifest.push(formats::conll::MANIFEST_SUFFIX);
        let manifest = PathBuf::from(manifest);
        if request.format == ImportFormat::Conll && manifest.is_file() {
            read.push((
                manifest.display().to_string(),
                files::read_input(&manifest)?,
            ));
        }
    }
    match request.format {
        ImportFormat::Txt { split_lines } => {
            super::web::read_texts(project, request, read, split_lines, now, job)
        }
        format => read_annotations(project, request, format, read, now),
    }
}

fn read_annotations(
    project: &Project,
    request: &ImportRequest,
    format: ImportFormat,
    read: Vec<(String, Vec<u8>)>,
    now: Timestamp,
) -> Result<ReadImport, String> {
    // Gloss JSONL takes every JSON-lines shape: Gloss's own lines name their layer.
    let format = if format == ImportFormat::Jsonl {
        jsonl_flavour(&read)
    } else {
        format
    };
    let layer = request
        .layer
        .clone()
        .or_else(|| request.annotator.clone())
        .or_else(|| LayerName::new(DEFAULT_IMPORT_LAYER))
        .unwrap_or_else(LayerName::gold);
    let options = ImportOptions {
        keep_layers: format.names_layers() && request.layer.is_none(),
        annotator: request
            .annotator
            .as_ref()
            .map_or_else(|| layer.to_string(), ToString::to_string),
        layer,
        now,
    };
    let import = formats::import(project, format, &read, &options)
        .map_err(|err| format!("{err}; nothing was imported"))?;
    files::check_document_sizes(&import.documents)?;
    let files = read.len();
    let warnings: Vec<String> = import.report.iter().map(ToString::to_string).collect();
    if import.documents.is_empty() && import.annotations.is_empty() && import.statuses.is_empty() {
        return Err(format!(
            "nothing to import: the {files} {} file{} given hold no documents or annotations{}",
            format.name(),
            plural(files),
            match warnings.first() {
                None => String::new(),
                Some(first) => format!(
                    " that could be imported ({} warning{}, the first: {first})",
                    warnings.len(),
                    plural(warnings.len())
                ),
            }
        ));
    }
    let summary = ImportSummary {
        what: describe(&import, files, format),
        schema_additions: schema_additions(&project.schema, &import),
        warnings,
        removed_noise: Vec::new(),
    };
    Ok(ReadImport {
        format,
        files,
        annotator: request.annotator.clone(),
        contents: Contents::Annotations(Box::new(import)),
        summary,
    })
}

impl ReadImport {
    pub fn summary(&self) -> &ImportSummary {
        &self.summary
    }

    /// The format the files were read as (Gloss JSONL may turn out spaCy or doccano lines).
    pub fn format(&self) -> ImportFormat {
        self.format
    }

    /// How many files were read.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Puts the import into `project`: documents, schema additions, annotations, statuses, and the
    /// importing annotator. Refused, changing nothing, when the project changed since it was read
    /// (a document gone, an annotation id taken since). Returns what was added and the first new
    /// document.
    pub fn apply(self, project: &mut Project) -> Result<(ImportApplied, Option<DocId>), String> {
        let mut first = None;
        let applied = match self.contents {
            Contents::Texts(documents) => {
                let applied = ImportApplied {
                    documents: documents.len(),
                    annotations: 0,
                };
                for document in documents {
                    let id = project.add_document(document);
                    first.get_or_insert(id);
                }
                applied
            }
            Contents::Annotations(import) => {
                first = import.documents.first().map(|d| d.id.clone());
                let applied = ImportApplied {
                    documents: import.documents.len(),
                    annotations: import.annotations.len(),
                };
                import
                    .apply(project)
                    .map_err(|err| format!("{err}; nothing was imported"))?;
                applied
            }
        };
        if let Some(annotator) = &self.annotator {
            project.add_annotator(annotator.as_str());
        }
        Ok((applied, first))
    }
}

impl Workbench {
    /// The request for importing `paths` as this workbench's annotator.
    pub fn import_request(
        &self,
        format: ImportFormat,
        paths: Vec<PathBuf>,
        layer: Option<LayerName>,
    ) -> ImportRequest {
        ImportRequest {
            format,
            paths,
            layer,
            annotator: Some(self.annotator.clone()),
            urls: Vec::new(),
            feeds: Vec::new(),
            keep_noise: false,
            duplicates: Duplicates::default(),
            pause: super::fetch::FetchLimits::default().pause,
        }
    }

    /// The workbench's clock, for [`read_import`] run in a job.
    pub fn import_time(&self) -> Timestamp {
        self.now()
    }

    /// Puts an import read against (a copy of) this project into it; shows the first new document
    /// if none was shown. Refused, changing nothing, when the project changed in a way the import
    /// cannot follow.
    pub fn apply_read_import(&mut self, import: ReadImport) -> Result<ImportApplied, String> {
        let (applied, first) = import.apply(&mut self.project)?;
        self.changed();
        if self.current.is_none()
            && let Some(first) = first
        {
            self.show_document(first);
        }
        Ok(applied)
    }

    /// Puts `import` into the project: schema additions, new documents, annotations and statuses.
    /// Everything is checked first; an import read against another state of the project is
    /// refused and changes nothing. Shows the first new document if none was shown.
    pub fn apply_import(&mut self, import: Import) -> Result<ImportApplied, FormatError> {
        let applied = ImportApplied {
            documents: import.documents.len(),
            annotations: import.annotations.len(),
        };
        let first_new = import.documents.first().map(|d| d.id.clone());
        if applied.documents == 0 && applied.annotations == 0 && import.statuses.is_empty() {
            return Ok(applied);
        }
        import.apply(&mut self.project)?;
        self.changed();
        if self.current.is_none()
            && let Some(first) = first_new
        {
            self.show_document(first);
        }
        Ok(applied)
    }

    /// Import options for this workbench: annotations go to `layer`, with the annotator's name and
    /// the workbench's clock in their provenance.
    pub fn import_options(&self, layer: LayerName, keep_layers: bool) -> ImportOptions {
        ImportOptions {
            layer,
            keep_layers,
            annotator: self.annotator.to_string(),
            now: self.now(),
        }
    }
}

/// `2 annotations (2 into gold) and 0 new documents, annotating 1 existing document from 1 spacy
/// file`.
fn describe(import: &Import, files: usize, format: ImportFormat) -> String {
    let new: BTreeSet<&str> = import.documents.iter().map(|d| d.id.as_str()).collect();
    let mut annotated: BTreeSet<&str> = BTreeSet::new();
    let mut by_layer: BTreeMap<String, usize> = BTreeMap::new();
    for (key, _) in &import.annotations {
        annotated.insert(key.doc.as_str());
        *by_layer.entry(key.layer.to_string()).or_default() += 1;
    }
    let existing = annotated.iter().filter(|d| !new.contains(*d)).count();
    let layers: Vec<String> = by_layer
        .iter()
        .map(|(layer, n)| format!("{n} into {layer}"))
        .collect();
    let total: usize = by_layer.values().sum();
    format!(
        "{total} annotation{}{} and {} new document{}{} from {files} {} file{}",
        plural(total),
        if layers.is_empty() {
            String::new()
        } else {
            format!(" ({})", layers.join(", "))
        },
        new.len(),
        plural(new.len()),
        match existing {
            0 => String::new(),
            n => format!(", annotating {n} existing document{}", plural(n)),
        },
        format.name(),
        plural(files),
    )
}

/// The schema additions an import makes, as phrases: `entity labels MISC, FAC`, `roles of MEET: Topic`.
fn schema_additions(schema: &Schema, import: &Import) -> Vec<String> {
    let added = &import.schema_additions;
    let mut phrases = Vec::new();
    let labels: Vec<&str> = added
        .entity_labels
        .iter()
        .filter(|l| schema.entity_label(&l.name).is_none())
        .map(|l| l.name.as_str())
        .collect();
    if !labels.is_empty() {
        phrases.push(format!(
            "entity label{} {}",
            plural(labels.len()),
            labels.join(", ")
        ));
    }
    let mut new_types = Vec::new();
    for ty in &added.event_types {
        match schema.event_type(&ty.name) {
            None => new_types.push(ty.name.as_str()),
            Some(existing) => {
                let roles: Vec<&str> = ty
                    .roles
                    .iter()
                    .filter(|r| existing.role(&r.name).is_none())
                    .map(|r| r.name.as_str())
                    .collect();
                if !roles.is_empty() {
                    phrases.push(format!("roles of {}: {}", ty.name, roles.join(", ")));
                }
            }
        }
    }
    if !new_types.is_empty() {
        phrases.push(format!(
            "event type{} {}",
            plural(new_types.len()),
            new_types.join(", ")
        ));
    }
    for attribute in &added.attributes {
        match schema.attribute(attribute.target, &attribute.name) {
            None => phrases.push(format!("attribute {}", attribute.name)),
            Some(existing) => {
                let values: Vec<&str> = attribute
                    .values
                    .iter()
                    .filter(|v| !existing.values.is_empty() && !existing.values.contains(v))
                    .map(String::as_str)
                    .collect();
                if !values.is_empty() {
                    phrases.push(format!(
                        "values of attribute {}: {}",
                        attribute.name,
                        values.join(", ")
                    ));
                }
            }
        }
    }
    phrases
}

/// Which JSON-lines shape the files are in, from the first line that is a JSON object: Gloss's own
/// lines carry `id` and `layer`; spaCy/Prodigy and doccano lines carry `text` and their spans.
/// A file no line of which parses is read as Gloss's, whose reader names the line at fault.
fn jsonl_flavour(files: &[(String, Vec<u8>)]) -> ImportFormat {
    let first = files
        .iter()
        .filter_map(|(_, bytes)| std::str::from_utf8(bytes).ok())
        .flat_map(str::lines)
        .map(|line| line.trim_start_matches('\u{feff}').trim())
        .find(|line| !line.is_empty());
    let Some(Ok(serde_json::Value::Object(fields))) =
        first.map(serde_json::from_str::<serde_json::Value>)
    else {
        return ImportFormat::Jsonl;
    };
    if fields.contains_key("layer") && fields.contains_key("id") {
        ImportFormat::Jsonl
    } else if fields.contains_key("label") || fields.contains_key("entities") {
        ImportFormat::Doccano
    } else {
        ImportFormat::Spacy
    }
}

/// "s" after a count other than one.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![("f.jsonl".to_owned(), text.as_bytes().to_vec())]
    }

    #[test]
    fn jsonl_lines_are_told_apart_by_their_fields() {
        assert_eq!(
            jsonl_flavour(&file("\n{\"id\":\"a\",\"layer\":\"bob\",\"text\":\"x\"}\n")),
            ImportFormat::Jsonl
        );
        assert_eq!(
            jsonl_flavour(&file("{\"text\":\"x\",\"spans\":[]}")),
            ImportFormat::Spacy
        );
        assert_eq!(
            jsonl_flavour(&file("{\"text\":\"x\",\"label\":[[0,1,\"A\"]]}")),
            ImportFormat::Doccano
        );
        assert_eq!(jsonl_flavour(&file("not json")), ImportFormat::Jsonl);
    }
}
