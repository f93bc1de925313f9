//! brat standoff export: a folder with `<doc>.txt` and `<doc>.ann` per document, `annotation.conf`
//! for the schema and `visual.conf` for its colours. With every layer selected, each layer gets a
//! sub-folder (`<layer>/<doc>.ann`); brat finds the configuration in a parent folder.
//!
//! What the `.ann` lines hold (offsets are chars of the `.txt`, which is the document's text):
//! - `T` text-bound annotations: entity mentions (their label), event triggers (their event type),
//!   quote content (`Content`), cues (`Attribution`) and plain speaker spans (`Source`). A span
//!   crossing a line break is written as fragments (`T1\tContent 0 12;13 40\t…`), as brat itself does,
//!   and so is a quote of several content spans; the text field joins the fragments with a space.
//! - `E` events: `E1\tMEET:T5 Participant:T1 Participant2:T2 Place:T3` (a role filled twice is
//!   numbered, as brat does). A quote with a cue is an attribution event in the PolNeAR style:
//!   `E2\tAttribution:<cue T> Source:<speaker T> Content:<content T>`.
//! - `R` relations: a quote with a speaker but no cue is `R1\tAttributed_to Arg1:<content T> Arg2:<speaker T>`.
//! - `A` attributes: `A1\tPolarity T3 negative`; a quote's kind is `A2\tQuoteKind <content T> direct`
//!   and a quote's attributes hang on its content `T`.
//! - `N` norms: `N1\tReference T1 Gloss:Q1246\tKosovo`.
//! - `#` notes: `#1\tAnnotatorNotes T1\t…`, line breaks and tabs written as spaces.
//!
//! brat names hold no whitespace: a label, role or attribute that does not fit is left out and
//! reported. Ids and provenance are not held.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use super::error::FormatError;
use super::export::{ExportFile, ExportReport, Issue, Selected};
use crate::model::{Annotation, AnnotationId, CharSpan, Project, Speaker};

/// Type names for quote attribution in the PolNeAR style.
pub const CONTENT: &str = "Content";
pub const CUE: &str = "Attribution";
pub const SOURCE: &str = "Source";
pub const ATTRIBUTED_TO: &str = "Attributed_to";
pub const QUOTE_KIND: &str = "QuoteKind";
pub const REFERENCE: &str = "Reference";
/// The normalisation database name of Gloss norms.
pub const NORM_DB: &str = "Gloss";
/// The normalisation database name of links to the project's canonical entities (`entities.ron`).
pub const ENTITY_DB: &str = "GlossEntity";

/// Whether brat can use `name` as a type, role or attribute name or value.
pub(crate) fn writable(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(|c| {
            c.is_whitespace() || line_break(c) || matches!(c, ':' | ',' | '|' | '<' | '>' | '=')
        })
}

/// Whether a reader of `.ann` files may end a line at `c`: LF and CR, and everything Python's
/// `str.splitlines()` splits at (VT, FF, U+001C to U+001E, U+0085, U+2028, U+2029). A span is written
/// as fragments between them, as brat does at line breaks, and one-line fields hold none of them.
pub(crate) fn line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A line break other than LF: Gloss texts hold no CR, so these are the separators a naive writer
/// puts into a `.ann` text field.
fn separator(c: char) -> bool {
    c != '\n' && line_break(c)
}

const SPLIT_AT_SEPARATORS: &str =
    "span texts split at line separators (U+2028, U+2029, U+0085 and the like)";
const NOTES_FLATTENED: &str = "notes with line breaks or tabs written on one line";

/// Names and values met while writing, for `annotation.conf`.
#[derive(Default)]
struct Used {
    entities: BTreeSet<String>,
    events: BTreeSet<String>,
    /// Attribute name → (targets as brat `Arg:` types, values).
    attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
}

pub(crate) fn export(
    project: &Project,
    chosen: &[Selected<'_>],
    per_layer_folders: bool,
    report: &mut ExportReport,
) -> Result<Vec<ExportFile>, FormatError> {
    let mut files = Vec::with_capacity(chosen.len() * 2 + 2);
    let mut used = Used::default();
    for at in chosen {
        let folder = if per_layer_folders {
            format!("{}/", at.layer_name)
        } else {
            String::new()
        };
        let ann = Ann::write(at, project.registry(), report, &mut used)?;
        files.push(ExportFile {
            path: PathBuf::from(format!("{folder}{}.txt", at.document.id)),
            bytes: at.document.text.as_str().as_bytes().to_vec(),
        });
        files.push(ExportFile {
            path: PathBuf::from(format!("{folder}{}.ann", at.document.id)),
            bytes: ann.into_bytes(),
        });
    }
    files.push(ExportFile {
        path: PathBuf::from("annotation.conf"),
        bytes: annotation_conf(project, &used).into_bytes(),
    });
    files.push(ExportFile {
        path: PathBuf::from("visual.conf"),
        bytes: visual_conf(project, &used).into_bytes(),
    });
    Ok(files)
}

/// One `.ann` file being written.
struct Ann<'s, 'a> {
    at: &'s Selected<'a>,
    text_bound: String,
    rest: String,
    counts: HashMap<char, usize>,
    /// brat id of each written annotation (the content `T` for quotes).
    ids: HashMap<AnnotationId, String>,
}

impl<'s, 'a> Ann<'s, 'a> {
    fn write(
        at: &'s Selected<'a>,
        registry: &crate::model::Registry,
        report: &mut ExportReport,
        used: &mut Used,
    ) -> Result<String, FormatError> {
        let mut ann = Ann {
            at,
            text_bound: String::new(),
            rest: String::new(),
            counts: HashMap::new(),
            ids: HashMap::new(),
        };
        let layer = at.layer;
        let drop = |report: &mut ExportReport, annotation: &Annotation, reason: String| {
            report.issue(
                at,
                annotation,
                annotation.primary_span(),
                Issue::NotWritable { reason },
            );
        };
        // Entities first, then event ids (events may fill roles of other events), then the rest.
        for annotation in layer.iter() {
            let Annotation::Entity(entity) = annotation else {
                continue;
            };
            if !writable(&entity.label) {
                drop(
                    report,
                    annotation,
                    format!("brat cannot name the label {:?}", entity.label),
                );
                continue;
            }
            let spans: Vec<CharSpan> = entity.all_spans().collect();
            match ann.text_bound_line(&entity.label, &spans, entity.id)? {
                Some(id) => {
                    used.entities.insert(entity.label.to_string());
                    ann.ids.insert(entity.id, id);
                }
                None => drop(
                    report,
                    annotation,
                    "the span holds no text outside line breaks".to_owned(),
                ),
            }
        }
        let mut triggers = Vec::new();
        for annotation in layer.iter() {
            let Annotation::Event(event) = annotation else {
                continue;
            };
            if !writable(&event.event_type) {
                drop(
                    report,
                    annotation,
                    format!("brat cannot name the event type {:?}", event.event_type),
                );
                continue;
            }
            match ann.text_bound_line(&event.event_type, &[event.trigger], event.id)? {
                Some(trigger) => {
                    used.events.insert(event.event_type.to_string());
                    let id = ann.next_id('E');
                    ann.ids.insert(event.id, id.clone());
                    triggers.push((annotation, event, trigger, id));
                }
                None => drop(
                    report,
                    annotation,
                    "the trigger holds no text outside line breaks".to_owned(),
                ),
            }
        }
        for (annotation, event, trigger, id) in triggers {
            let mut line = format!("{id}\t{}:{trigger}", event.event_type);
            let mut roles: HashMap<&str, usize> = HashMap::new();
            for argument in &event.arguments {
                let filler = ann
                    .ids
                    .get(&argument.filler)
                    .filter(|_| writable(&argument.role));
                let Some(filler) = filler else {
                    let missing = format!("argument {} → {}", argument.role, argument.filler);
                    report.issue(at, annotation, event.trigger, Issue::Partly { missing });
                    continue;
                };
                let n = roles.entry(&argument.role).or_default();
                *n += 1;
                let number = if *n > 1 { n.to_string() } else { String::new() };
                let _ = write!(line, " {}{number}:{filler}", argument.role);
            }
            let _ = writeln!(ann.rest, "{line}");
        }
        for annotation in layer.iter() {
            let Annotation::Quote(quote) = annotation else {
                continue;
            };
            let Some(content) = ann.text_bound_line(CONTENT, &quote.content, quote.id)? else {
                drop(
                    report,
                    annotation,
                    "the quote content holds no text outside line breaks".to_owned(),
                );
                continue;
            };
            ann.ids.insert(quote.id, content.clone());
            let mut partly = |missing: String| {
                report.issue(
                    at,
                    annotation,
                    annotation.primary_span(),
                    Issue::Partly { missing },
                );
            };
            let speaker = match &quote.speaker {
                None => None,
                Some(Speaker::Span(span)) => {
                    let found = ann.text_bound_line(SOURCE, &[*span], quote.id)?;
                    if found.is_none() {
                        partly(format!("speaker span {span} (only line breaks)"));
                    }
                    found
                }
                Some(Speaker::Mention(id)) => {
                    let found = ann.ids.get(id).filter(|t| t.starts_with('T')).cloned();
                    if found.is_none() {
                        partly(format!(
                            "speaker {id}, which is not a written entity mention"
                        ));
                    }
                    found
                }
            };
            let cue = match quote.cue {
                Some(cue) => {
                    let found = ann.text_bound_line(CUE, &[cue], quote.id)?;
                    if found.is_none() {
                        partly(format!("cue {cue} (only line breaks)"));
                    }
                    found
                }
                None => None,
            };
            match (cue, &speaker) {
                (Some(cue), _) => {
                    let id = ann.next_id('E');
                    let source = speaker
                        .as_ref()
                        .map(|s| format!(" {SOURCE}:{s}"))
                        .unwrap_or_default();
                    let _ = writeln!(ann.rest, "{id}\t{CUE}:{cue}{source} {CONTENT}:{content}");
                }
                (None, Some(speaker)) => {
                    let id = ann.next_id('R');
                    let _ = writeln!(
                        ann.rest,
                        "{id}\t{ATTRIBUTED_TO} Arg1:{content} Arg2:{speaker}"
                    );
                }
                (None, None) => {}
            }
            ann.attribute(QUOTE_KIND, &content, quote.kind.name(), CONTENT, used);
        }
        for annotation in layer.iter() {
            let Some(id) = ann.ids.get(&annotation.id()).cloned() else {
                continue;
            };
            report.annotations += 1;
            let spans = annotation.spans();
            let separated = spans.iter().any(|&span| {
                at.document
                    .text
                    .slice(span)
                    .is_some_and(|t| t.chars().any(separator))
            });
            if separated {
                report.rewrote(SPLIT_AT_SEPARATORS);
            }
            let target = match annotation {
                Annotation::Entity(entity) => entity.label.to_string(),
                Annotation::Quote(_) => CONTENT.to_owned(),
                Annotation::Event(event) => event.event_type.to_string(),
            };
            for (name, value) in annotation.attributes() {
                if !(writable(name) && writable(value)) {
                    let missing = format!(
                        "attribute {name}={value:?} (brat names and values hold no spaces)"
                    );
                    report.issue(
                        at,
                        annotation,
                        annotation.primary_span(),
                        Issue::Partly { missing },
                    );
                    continue;
                }
                ann.attribute(name, &id, value, &target, used);
            }
            if let Some(entity) = annotation.as_entity()
                && let Some(norm) = &entity.details().norm
            {
                if writable(norm) {
                    let n = ann.next_id('N');
                    let text = flatten(at.covered(entity.id, entity.span)?);
                    let _ = writeln!(ann.rest, "{n}\t{REFERENCE} {id} {NORM_DB}:{norm}\t{text}");
                } else {
                    let missing = format!("norm {norm:?} (brat norms hold no spaces)");
                    report.issue(at, annotation, entity.span, Issue::Partly { missing });
                }
            }
            if let Some(entity) = annotation.as_entity()
                && let Some(link) = &entity.details().entity
            {
                // After merges; a link the registry lacks is written as it is.
                let (key, name) = registry.resolve(link).map_or_else(
                    || {
                        (
                            link.as_str(),
                            at.covered(entity.id, entity.span).unwrap_or_default(),
                        )
                    },
                    |e| (e.key.as_str(), e.name.as_str()),
                );
                let n = ann.next_id('N');
                let _ = writeln!(
                    ann.rest,
                    "{n}\t{REFERENCE} {id} {ENTITY_DB}:{key}\t{}",
                    flatten(name)
                );
            }
            let note = annotation.note();
            if note.chars().any(|c| c == '\t' || line_break(c)) {
                report.rewrote(NOTES_FLATTENED);
            }
            if !note.is_empty() {
                let n = ann.next_id('#');
                let _ = writeln!(ann.rest, "{n}\tAnnotatorNotes {id}\t{}", flatten(note));
            }
        }
        ann.text_bound.push_str(&ann.rest);
        Ok(ann.text_bound)
    }

    fn next_id(&mut self, prefix: char) -> String {
        let n = self.counts.entry(prefix).or_default();
        *n += 1;
        format!("{prefix}{n}")
    }

    /// Writes a `T` line of `spans` split at line breaks; `None` when nothing but line breaks is left.
    fn text_bound_line(
        &mut self,
        label: &str,
        spans: &[CharSpan],
        owner: AnnotationId,
    ) -> Result<Option<String>, FormatError> {
        let mut fragments: Vec<(CharSpan, &str)> = Vec::new();
        for &span in spans {
            let text = self.at.covered(owner, span)?;
            let mut start = span.start;
            for (i, piece) in text.split(line_break).enumerate() {
                if i > 0 {
                    start += 1;
                }
                let len = piece.chars().count();
                if len > 0 {
                    fragments.push((CharSpan::new(start, start + len), piece));
                }
                start += len;
            }
        }
        if fragments.is_empty() {
            return Ok(None);
        }
        let id = self.next_id('T');
        let offsets: Vec<String> = fragments
            .iter()
            .map(|(s, _)| format!("{} {}", s.start, s.end))
            .collect();
        let texts: Vec<&str> = fragments.iter().map(|(_, t)| *t).collect();
        let _ = writeln!(
            self.text_bound,
            "{id}\t{label} {}\t{}",
            offsets.join(";"),
            texts.join(" ")
        );
        Ok(Some(id))
    }

    fn attribute(
        &mut self,
        name: &str,
        target: &str,
        value: &str,
        target_type: &str,
        used: &mut Used,
    ) {
        let id = self.next_id('A');
        let _ = writeln!(self.rest, "{id}\t{name} {target} {value}");
        let (targets, values) = used.attributes.entry(name.to_owned()).or_default();
        targets.insert(target_type.to_owned());
        values.insert(value.to_owned());
    }
}

/// Text for a one-line field: line breaks (every [`line_break`]) and tabs become spaces.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' || line_break(c) { ' ' } else { c })
        .collect()
}

fn annotation_conf(project: &Project, used: &Used) -> String {
    let schema = &project.schema;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Written by Gloss for the project {:?}: entity labels, event types with their roles, quote\n\
         # attribution in the PolNeAR style (an {CUE} event on the cue, with {SOURCE} and {CONTENT}\n\
         # arguments) and attributes.",
        project.name
    );
    out.push_str("[entities]\n");
    let mut entities: Vec<&str> = schema
        .entity_labels
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    entities.extend(
        used.entities
            .iter()
            .map(String::as_str)
            .filter(|l| schema.entity_label(l).is_none()),
    );
    for label in entities.into_iter().filter(|l| writable(l)) {
        let _ = writeln!(out, "{label}");
    }
    let _ = writeln!(out, "{CONTENT}\n{SOURCE}");

    out.push_str("[relations]\n");
    let _ = writeln!(out, "{ATTRIBUTED_TO}\tArg1:{CONTENT}, Arg2:<ENTITY>");
    // Gloss lets mentions nest and cross; brat forbids crossing unless told.
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");

    out.push_str("[events]\n");
    let _ = writeln!(out, "{CUE}\t{SOURCE}?:<ENTITY>, {CONTENT}:{CONTENT}");
    for ty in schema.event_types.iter().filter(|ty| writable(&ty.name)) {
        let roles: Vec<String> = ty
            .roles
            .iter()
            .filter(|role| writable(&role.name))
            .map(|role| {
                let cardinality = match (role.required, role.max) {
                    (true, Some(1)) => "",
                    (true, _) => "+",
                    (false, Some(1)) => "?",
                    (false, _) => "*",
                };
                let labels: Vec<&str> = role
                    .labels
                    .iter()
                    .map(String::as_str)
                    .filter(|l| writable(l))
                    .collect();
                let types = if labels.is_empty() {
                    "<ENTITY>|<EVENT>".to_owned()
                } else {
                    labels.join("|")
                };
                format!("{}{cardinality}:{types}", role.name)
            })
            .collect();
        let _ = writeln!(out, "{}\t{}", ty.name, roles.join(", "));
    }
    for ty in used
        .events
        .iter()
        .filter(|ty| schema.event_type(ty).is_none())
    {
        let _ = writeln!(out, "{ty}");
    }

    out.push_str("[attributes]\n");
    let mut attributes: BTreeMap<&str, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for def in schema.attributes.iter().filter(|def| writable(&def.name)) {
        let (targets, values) = attributes.entry(&def.name).or_default();
        let labels: Vec<String> = def.labels.iter().filter(|l| writable(l)).cloned().collect();
        match def.target {
            crate::model::AttributeTarget::Quotes => {
                targets.insert(CONTENT.to_owned());
            }
            crate::model::AttributeTarget::Entities if labels.is_empty() => {
                targets.insert("<ENTITY>".to_owned());
            }
            crate::model::AttributeTarget::Events if labels.is_empty() => {
                targets.insert("<EVENT>".to_owned());
            }
            _ => targets.extend(labels),
        }
        values.extend(def.values.iter().filter(|v| writable(v)).cloned());
    }
    for (name, (targets, values)) in &used.attributes {
        // A schema attribute keeps its targets; one the schema lacks applies where it was used.
        let known = attributes.contains_key(name.as_str());
        let (all_targets, all_values) = attributes.entry(name).or_default();
        if !known {
            all_targets.extend(targets.iter().cloned());
        }
        all_values.extend(values.iter().cloned());
    }
    if let Some((_, values)) = attributes.get_mut(QUOTE_KIND) {
        values.extend(
            crate::model::QuoteKind::ALL
                .iter()
                .map(|k| k.name().to_owned()),
        );
    }
    for (name, (targets, values)) in attributes {
        if values.is_empty() {
            let _ = writeln!(out, "# {name}: free text, no value used in this export");
            continue;
        }
        let targets: Vec<&str> = targets.iter().map(String::as_str).collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "{name}\tArg:{}, Value:{}",
            targets.join("|"),
            values.join("|")
        );
    }
    out
}

fn visual_conf(project: &Project, used: &Used) -> String {
    let schema = &project.schema;
    let mut colours: Vec<(String, String)> = Vec::new();
    for label in &schema.entity_labels {
        colours.push((label.name.clone(), label.color.to_hex()));
    }
    for ty in &schema.event_types {
        colours.push((ty.name.clone(), ty.color.to_hex()));
    }
    let quote = schema.quotes.color.to_hex();
    for name in [CONTENT, CUE, SOURCE] {
        colours.push((name.to_owned(), quote.clone()));
    }
    for name in used.entities.iter().chain(&used.events) {
        if !colours.iter().any(|(n, _)| n == name) {
            colours.push((name.clone(), "#cccccc".to_owned()));
        }
    }
    let mut out = String::from("[labels]\n");
    for (name, _) in colours.iter().filter(|(n, _)| writable(n)) {
        let _ = writeln!(out, "{name} | {name}");
    }
    out.push_str("[drawing]\n");
    for (name, colour) in colours.iter().filter(|(n, _)| writable(n)) {
        let _ = writeln!(out, "{name}\tbgColor:{colour}");
    }
    out
}
