//! The one entry point of every export: which format, which layers, the files that come out, and a
//! report naming everything the format could not hold.
//!
//! ```text
//! let export = formats::export(&project, ExportFormat::Conll { scheme: TagScheme::Iob2 },
//!                              &ExportSelection { layer: Some(LayerName::gold()), finished_only: true })?;
//! for (path, bytes) in export.placed(&out) { storage::write_atomic(&path, bytes)?; }
//! for line in export.report.lines() { eprintln!("{line}"); }
//! ```
//!
//! What is exported: the layers that exist (a document nobody has annotated has no layer and is not
//! exported), documents in project order, each document's layers in name order. Nothing is dropped
//! silently: an annotation or a part of one that the format cannot hold is counted or named in the
//! [`ExportReport`].

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use super::error::FormatError;
use super::{brat, conll, csv, hf, spacy};
use crate::model::{
    Annotation, AnnotationId, AnnotationKind, CharSpan, DocId, Document, Layer, LayerName, Project,
    Status,
};

/// How token tags mark entity boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagScheme {
    /// `B-` begins every entity, `I-` continues it (CoNLL-2003 as most tools read it today).
    #[default]
    Iob2,
    /// `B-` begin, `I-` inside, `L-` last, `U-` a one-token entity.
    Bilou,
}

impl TagScheme {
    pub fn name(self) -> &'static str {
        match self {
            TagScheme::Iob2 => "iob2",
            TagScheme::Bilou => "bilou",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "iob2" | "iob" | "bio" => Some(TagScheme::Iob2),
            "bilou" => Some(TagScheme::Bilou),
            _ => None,
        }
    }
}

/// The formats Gloss writes. See each module for the exact shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Gloss's own JSON lines: every annotation kind ([`crate::formats::jsonl`]).
    Jsonl,
    /// spaCy / Prodigy JSON lines: `{"text", "spans", "meta"}` ([`crate::formats::spacy`]).
    Spacy,
    /// CoNLL-2003 columns, one token per line ([`crate::formats::conll`]).
    Conll { scheme: TagScheme },
    /// A brat standoff folder ([`crate::formats::brat`]).
    Brat,
    /// Hugging Face token classification JSON lines and `labels.json` ([`crate::formats::hf`]).
    Hf,
    /// `quotes.csv` and `events.csv` for spreadsheets ([`crate::formats::csv`]).
    Csv,
}

impl ExportFormat {
    /// The names `--format` accepts.
    pub const NAMES: [&'static str; 6] = ["jsonl", "spacy", "conll", "brat", "hf", "csv"];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Conll { .. } => "conll",
            ExportFormat::Brat => "brat",
            ExportFormat::Hf => "hf",
            ExportFormat::Csv => "csv",
        }
    }

    /// The format named `name`; `scheme` applies to CoNLL only.
    pub fn parse(name: &str, scheme: TagScheme) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "jsonl" | "gloss" => Some(ExportFormat::Jsonl),
            "spacy" | "prodigy" => Some(ExportFormat::Spacy),
            "conll" | "conll2003" => Some(ExportFormat::Conll { scheme }),
            "brat" => Some(ExportFormat::Brat),
            "hf" | "huggingface" => Some(ExportFormat::Hf),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }

    /// Whether the export is a folder (brat, csv: `--out` names the folder) rather than one file
    /// (`--out` names the file; side files such as `labels.json` go beside it).
    pub fn writes_folder(self) -> bool {
        matches!(self, ExportFormat::Brat | ExportFormat::Csv)
    }
}

/// Which layers to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSelection {
    /// Only this layer (`--layer NAME`, or [`LayerName::gold`] for `--gold`); `None` exports every
    /// layer, each (document, layer) as its own record.
    pub layer: Option<LayerName>,
    /// Only layers whose status is done, or adjudicated for gold (`--status done`).
    pub finished_only: bool,
}

/// One file of an export, with its path relative to where the export goes (see [`Export::placed`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// The files an export makes, in memory, and what it could not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    pub format: ExportFormat,
    /// For a one-file format the first file is the main one (its path is a suggested file name), the
    /// others go beside it; for a folder format every path is relative to the folder.
    pub files: Vec<ExportFile>,
    pub report: ExportReport,
}

impl Export {
    /// Where each file goes when the user asked for `out`: for a folder format, `out/<path>`; for a
    /// one-file format, the main file at `out` and the others in `out`'s folder, where a path that
    /// begins with `.` is a suffix of `out`'s name (CoNLL's `gold.conll.documents.tsv`).
    pub fn placed(&self, out: &Path) -> Vec<(PathBuf, &[u8])> {
        let beside = out.parent().unwrap_or(Path::new(""));
        self.files
            .iter()
            .enumerate()
            .map(|(i, file)| {
                let path = if self.format.writes_folder() {
                    out.join(&file.path)
                } else if i == 0 {
                    out.to_path_buf()
                } else if file.path.to_string_lossy().starts_with('.') {
                    let mut name = out.as_os_str().to_owned();
                    name.push(file.path.as_os_str());
                    PathBuf::from(name)
                } else {
                    beside.join(&file.path)
                };
                (path, file.bytes.as_slice())
            })
            .collect()
    }
}

/// What an export wrote, and everything it could not hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportReport {
    /// Documents with at least one layer exported.
    pub documents: usize,
    /// (document, layer) pairs exported.
    pub layers: usize,
    /// Annotations written, whole or in part.
    pub annotations: usize,
    /// Annotations of a kind the format cannot hold at all (spaCy spans hold no quotes), by kind.
    pub kinds_not_held: BTreeMap<AnnotationKind, usize>,
    /// Parts of written annotations the format has no place for (`"attributes"`, `"notes"`,
    /// `"norms"`, `"entity links"`), counted by annotation.
    pub parts_not_held: BTreeMap<&'static str, usize>,
    /// Labels the format cannot write as they are, each with what was written instead (CoNLL tags
    /// hold no whitespace: `Prime Minister` is written `Prime%20Minister`, read back by Gloss).
    pub labels_encoded: BTreeMap<String, String>,
    /// Text the format had to change to stay readable, counted by annotation (brat's one-line
    /// fields hold no line separators such as U+2028: `"span texts split at line separators"`).
    pub rewritten: BTreeMap<&'static str, usize>,
    /// Every span written with a caveat or left out, by name.
    pub issues: Vec<SpanIssue>,
}

impl ExportReport {
    /// The spans left out of the export.
    pub fn dropped(&self) -> impl Iterator<Item = &SpanIssue> {
        self.issues.iter().filter(|issue| issue.issue.dropped())
    }

    /// The report as lines for a terminal or a dialog: totals first, then each span.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} annotation{} written from {} layer{} of {} document{}",
            self.annotations,
            plural(self.annotations),
            self.layers,
            plural(self.layers),
            self.documents,
            plural(self.documents)
        )];
        if !self.kinds_not_held.is_empty() {
            let kinds: Vec<String> = self
                .kinds_not_held
                .iter()
                .map(|(kind, n)| format!("{n} {}", kind_plural(kind.name(), *n)))
                .collect();
            lines.push(format!(
                "not written, the format cannot hold them: {}",
                kinds.join(", ")
            ));
        }
        if !self.parts_not_held.is_empty() {
            let parts: Vec<String> = self
                .parts_not_held
                .iter()
                .map(|(part, n)| format!("{part} of {n} annotation{}", plural(*n)))
                .collect();
            lines.push(format!(
                "written without what the format cannot hold: {}",
                parts.join(", ")
            ));
        }
        if !self.labels_encoded.is_empty() {
            let labels: Vec<String> = self
                .labels_encoded
                .iter()
                .map(|(label, written)| format!("{label:?} as {written:?}"))
                .collect();
            lines.push(format!(
                "labels written percent-encoded (the format's tags hold no whitespace; Gloss reads \
                 them back): {}",
                labels.join(", ")
            ));
        }
        if !self.rewritten.is_empty() {
            let parts: Vec<String> = self
                .rewritten
                .iter()
                .map(|(what, n)| format!("{what} of {n} annotation{}", plural(*n)))
                .collect();
            lines.push(format!(
                "written changed to suit the format: {}",
                parts.join(", ")
            ));
        }
        lines.extend(self.issues.iter().map(ToString::to_string));
        lines
    }

    pub(crate) fn rewrote(&mut self, what: &'static str) {
        *self.rewritten.entry(what).or_default() += 1;
    }

    pub(crate) fn not_held(&mut self, kind: AnnotationKind) {
        *self.kinds_not_held.entry(kind).or_default() += 1;
    }

    pub(crate) fn part_not_held(&mut self, part: &'static str) {
        *self.parts_not_held.entry(part).or_default() += 1;
    }

    /// Counts the attributes, note and norm of an annotation written by a format with no place for
    /// them.
    pub(crate) fn extras_not_held(&mut self, annotation: &Annotation) {
        if !annotation.attributes().is_empty() {
            self.part_not_held("attributes");
        }
        if !annotation.note().is_empty() {
            self.part_not_held("notes");
        }
        if annotation
            .as_entity()
            .is_some_and(|e| e.details().norm.is_some())
        {
            self.part_not_held("norms");
        }
        if annotation
            .as_entity()
            .is_some_and(|e| e.details().entity.is_some())
        {
            self.part_not_held("entity links");
        }
    }

    pub(crate) fn issue(
        &mut self,
        at: &Selected<'_>,
        annotation: &Annotation,
        span: CharSpan,
        issue: Issue,
    ) {
        self.issues.push(SpanIssue {
            doc: at.document.id.clone(),
            layer: at.layer_name.clone(),
            annotation: annotation.id(),
            kind: annotation.kind(),
            label: annotation.label().to_owned(),
            span,
            text: at.document.text.slice(span).unwrap_or_default().to_owned(),
            issue,
        });
    }
}

/// "1 entity", "2 entities", "3 quotes".
fn kind_plural(name: &str, n: usize) -> String {
    match (n, name.strip_suffix('y')) {
        (1, _) => name.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        (_, None) => format!("{name}s"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One span an export wrote with a caveat, or left out.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanIssue {
    pub doc: DocId,
    pub layer: LayerName,
    pub annotation: AnnotationId,
    pub kind: AnnotationKind,
    /// The entity label or event type; `QUOTE` for quotes.
    pub label: String,
    /// Char offsets, half-open.
    pub span: CharSpan,
    /// The text the span covers.
    pub text: String,
    pub issue: Issue,
}

impl fmt::Display for SpanIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 60;
        let mut text: String = self.text.chars().take(SHOWN).collect();
        if self.text.chars().count() > SHOWN {
            text.push('…');
        }
        write!(
            f,
            "{}/{}: {} {} {} {:?} ({}): {}",
            self.doc,
            self.layer,
            self.kind.name(),
            self.label,
            self.span,
            text,
            self.annotation,
            self.issue
        )
    }
}

/// What happened to a span.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// Left out: it overlaps `kept`, the longer (or earlier) entity the format keeps, since token tags
    /// give each token one entity.
    Overlaps { kept: CharSpan, kept_label: String },
    /// Left out: it covers no token (it is empty, or only whitespace).
    NoToken,
    /// Left out, for the reason given (a label brat cannot write, an empty span).
    NotWritable { reason: String },
    /// Written, but an end falls inside a token as spaCy's English tokenizer splits the text, so
    /// `Doc.char_span(start, end, label, alignment_mode="strict")` gives `None` for it.
    CutsToken,
    /// Written, but it overlaps `other`, also written: spaCy's `doc.ents` cannot hold both (a span
    /// group can).
    OverlapsWritten { other: CharSpan },
    /// Written as `to`: token formats hold no leading or trailing whitespace.
    Trimmed { to: CharSpan },
    /// Written without the part named (an event argument whose filler is missing).
    Partly { missing: String },
}

impl Issue {
    /// Left out: a discontinuous mention, which a format of contiguous spans (token tags, spaCy's
    /// `doc.ents`) cannot hold; writing one part would mislabel it.
    pub fn discontinuous(entity: &crate::model::Entity) -> Issue {
        let parts: Vec<String> = entity.all_spans().map(|s| s.to_string()).collect();
        Issue::NotWritable {
            reason: format!(
                "a discontinuous mention (parts {}): the format holds only contiguous spans",
                parts.join(", ")
            ),
        }
    }

    /// Whether the span was left out of the export.
    pub fn dropped(&self) -> bool {
        matches!(
            self,
            Issue::Overlaps { .. } | Issue::NoToken | Issue::NotWritable { .. }
        )
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::Overlaps { kept, kept_label } => write!(
                f,
                "not written: overlaps {kept_label} {kept}, which is kept (one entity per token)"
            ),
            Issue::NoToken => write!(f, "not written: covers no token"),
            Issue::NotWritable { reason } => write!(f, "not written: {reason}"),
            Issue::CutsToken => write!(
                f,
                "written, but cuts a token: spaCy's Doc.char_span(alignment_mode=\"strict\") gives None"
            ),
            Issue::OverlapsWritten { other } => write!(
                f,
                "written, but overlaps {other}: spaCy's doc.ents cannot hold both"
            ),
            Issue::Trimmed { to } => {
                write!(f, "written as {to}, without leading or trailing whitespace")
            }
            Issue::Partly { missing } => write!(f, "written without {missing}"),
        }
    }
}

/// One (document, layer) chosen for export.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Selected<'a> {
    pub document: &'a Document,
    pub layer_name: &'a LayerName,
    pub layer: &'a Layer,
}

impl<'a> Selected<'a> {
    /// The text `span` covers; an error names the annotation when the span lies outside the text.
    pub(crate) fn covered(&self, id: AnnotationId, span: CharSpan) -> Result<&'a str, FormatError> {
        self.document.text.slice(span).ok_or_else(|| {
            FormatError::Project(format!(
                "{}/{} annotation {id}: span {span} lies outside the text ({} chars)",
                self.document.id,
                self.layer_name,
                self.document.text.char_len()
            ))
        })
    }
}

/// The layers `selection` picks, documents in project order, layers by name.
pub(crate) fn selected<'a>(project: &'a Project, selection: &ExportSelection) -> Vec<Selected<'a>> {
    let mut by_document: HashMap<&DocId, Vec<(&LayerName, &Layer)>> = HashMap::new();
    for (key, layer) in project.layers() {
        let wanted = selection
            .layer
            .as_ref()
            .is_none_or(|name| *name == key.layer)
            && (!selection.finished_only || layer.status.is_finished());
        if wanted {
            by_document
                .entry(&key.doc)
                .or_default()
                .push((&key.layer, layer));
        }
    }
    let mut chosen = Vec::new();
    for document in project.documents() {
        for &(layer_name, layer) in by_document.get(&document.id).into_iter().flatten() {
            chosen.push(Selected {
                document,
                layer_name,
                layer,
            });
        }
    }
    chosen
}

/// Exports the selected layers of `project` in `format`. Fails only when the project holds a span
/// outside its text, which a validated project never does.
pub fn export(
    project: &Project,
    format: ExportFormat,
    selection: &ExportSelection,
) -> Result<Export, FormatError> {
    let chosen = selected(project, selection);
    let mut report = ExportReport {
        layers: chosen.len(),
        documents: count_documents(&chosen),
        ..ExportReport::default()
    };
    let stem = selection.layer.as_ref().map_or("all", LayerName::as_str);
    let file = |name: String, bytes: Vec<u8>| ExportFile {
        path: PathBuf::from(name),
        bytes,
    };
    let files = match format {
        ExportFormat::Jsonl => vec![file(
            format!("{stem}.jsonl"),
            jsonl(project, selection, &mut report)?,
        )],
        ExportFormat::Spacy => {
            vec![file(
                format!("{stem}.spacy.jsonl"),
                spacy::export(&chosen, &mut report)?,
            )]
        }
        ExportFormat::Conll { scheme } => {
            vec![
                file(
                    format!("{stem}.conll"),
                    conll::export(&chosen, scheme, &mut report)?,
                ),
                file(conll::MANIFEST_SUFFIX.to_owned(), conll::manifest(&chosen)),
            ]
        }
        ExportFormat::Hf => {
            let (lines, labels) = hf::export(project, &chosen, &mut report)?;
            vec![
                file(format!("{stem}.hf.jsonl"), lines),
                file("labels.json".to_owned(), labels),
            ]
        }
        ExportFormat::Brat => {
            brat::export(project, &chosen, selection.layer.is_none(), &mut report)?
        }
        ExportFormat::Csv => {
            let (quotes, events) = csv::export(project, &chosen, &mut report)?;
            vec![
                file("quotes.csv".to_owned(), quotes),
                file("events.csv".to_owned(), events),
            ]
        }
    };
    Ok(Export {
        format,
        files,
        report,
    })
}

fn count_documents(chosen: &[Selected<'_>]) -> usize {
    let mut documents = 0;
    let mut last: Option<&DocId> = None;
    for selected in chosen {
        if last != Some(&selected.document.id) {
            documents += 1;
            last = Some(&selected.document.id);
        }
    }
    documents
}

/// Gloss's own JSONL through [`super::jsonl::export_jsonl_bytes`], which filters by layer but not by
/// status: a status filter exports a copy of the project holding only the finished layers.
fn jsonl(
    project: &Project,
    selection: &ExportSelection,
    report: &mut ExportReport,
) -> Result<Vec<u8>, FormatError> {
    let exported = if selection.finished_only {
        let mut finished = Project::new(project.name.clone(), project.schema.clone());
        for document in project.documents() {
            finished.insert_loaded_document(document.clone());
        }
        for (key, layer) in project.layers() {
            if layer.status.is_finished() {
                finished.insert_loaded_layer(key.clone(), layer.clone());
            }
        }
        super::jsonl::export_jsonl_bytes(&finished, selection.layer.as_ref())
    } else {
        super::jsonl::export_jsonl_bytes(project, selection.layer.as_ref())
    };
    let (bytes, summary) = exported.map_err(|err| match err.kind() {
        std::io::ErrorKind::InvalidData => FormatError::Project(err.to_string()),
        _ => FormatError::Io(err),
    })?;
    report.annotations = summary.annotations;
    Ok(bytes)
}

/// Machine-readable status names, as Gloss's JSONL writes them (the model's display names have spaces).
pub(crate) fn status_name(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Adjudicated => "adjudicated",
    }
}

/// The status a machine-readable name stands for (display names with spaces are accepted too).
pub(crate) fn status_named(name: &str) -> Option<Status> {
    Status::ALL
        .into_iter()
        .find(|&status| status_name(status) == name || status.name() == name)
}
