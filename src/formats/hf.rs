//! Hugging Face token classification: JSON lines of tokens and tag ids, and `labels.json` naming ids.
//!
//! ```json
//! {"id": "kosovo-talks:gold:0", "tokens": ["Serbian", "President", "Aleksandar", "Vucic"], "ner_tags": [9, 0, 1, 2]}
//! ```
//!
//! - One line per sentence, tokens and sentences as in [`crate::formats::tagging`] (the same as the
//!   CoNLL export, so the same entities are kept and the same ones reported).
//! - `id` is `<document>:<layer>:<sentence index from 0>`.
//! - `ner_tags` are IOB2 tag ids. `labels.json`, beside the lines, maps each id (a string key, as a
//!   model config's `id2label`) to its tag: `0` is `O`, then `B-` and `I-` for each schema label in
//!   schema order (so ids stay the same across exports of a project), then for labels used but not in
//!   the schema, sorted.
//!
//! - Every line also carries its document's title and what is known of its source, the same
//!   columns on every line (`null` where unknown, `authors` a list, `[]` where unknown), so that
//!   `datasets` reads one schema: `title`, `source_url`, `outlet`, `authors`, `published`,
//!   `language`, `retrieved`.
//!
//! Import reads lines whose `ner_tags` are ids (named by a `labels.json` among the files: an object of
//! id → tag, `{"id2label": {…}}`, or a list of tags) or tag strings. Lines whose ids share the part
//! before the last `:` form one document, in order; any other line is a document of its own. The text
//! is rebuilt as for CoNLL: tokens joined by single spaces, one sentence per line.

use std::collections::{BTreeSet, HashMap};
use std::io::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::{FormatError, excerpt, json_problem, utf8};
use super::export::{ExportReport, Selected, TagScheme};
use super::import_builder::{Builder, file_stem, title_from};
use super::source_text::SourceText;
use super::tagging::{decode, rebuild_text, tag_layers};
use crate::model::{CharSpan, DocumentMeta, Project};

pub(crate) fn export(
    project: &Project,
    chosen: &[Selected<'_>],
    report: &mut ExportReport,
) -> Result<(Vec<u8>, Vec<u8>), FormatError> {
    let mut lines = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for (at, (entities, sentences)) in
        chosen
            .iter()
            .zip(tag_layers(chosen, TagScheme::Iob2, report))
    {
        used.extend(entities.iter().map(|e| e.label.to_owned()));
        let text = &at.document.text;
        let meta = &at.document.meta;
        let source = Source {
            title: &at.document.title,
            source_url: meta.url.as_deref(),
            outlet: meta.outlet.as_deref(),
            authors: meta
                .author
                .as_deref()
                .map(|a| a.split(AUTHORS_SEPARATOR).collect())
                .unwrap_or_default(),
            published: meta.published.as_deref(),
            language: meta.language.as_deref(),
            retrieved: meta.retrieved.as_deref(),
        };
        for (n, sentence) in sentences.into_iter().enumerate() {
            let id = format!("{}:{}:{n}", at.document.id, at.layer_name);
            // Tokens come from the text itself, so they always lie inside it.
            let tokens: Vec<&str> = sentence
                .iter()
                .map(|(span, _)| text.slice(*span).unwrap_or_default())
                .collect();
            let tags: Vec<String> = sentence.into_iter().map(|(_, tag)| tag).collect();
            lines.push((id, tokens, tags, source.clone()));
        }
    }

    let mut names = vec!["O".to_owned()];
    let schema_labels = project.schema.entity_labels.iter().map(|l| l.name.clone());
    let extra: Vec<String> = used
        .into_iter()
        .filter(|label| project.schema.entity_label(label).is_none())
        .collect();
    for label in schema_labels.chain(extra) {
        names.push(format!("B-{label}"));
        names.push(format!("I-{label}"));
    }
    let ids: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();

    let mut out = Vec::new();
    for (id, tokens, tags, source) in &lines {
        // Every tag was collected into `names` above, so the lookup always succeeds.
        let ner_tags: Vec<usize> = tags
            .iter()
            .map(|tag| ids.get(tag.as_str()).copied().unwrap_or(0))
            .collect();
        let line = LineOut {
            id,
            tokens,
            ner_tags: &ner_tags,
            source: source.clone(),
        };
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        out.push(b'\n');
    }

    // Written by hand so that ids come in numeric order ("2" before "10").
    let mut labels = b"{\n".to_vec();
    for (i, name) in names.iter().enumerate() {
        let comma = if i + 1 < names.len() { "," } else { "" };
        writeln!(labels, "  \"{i}\": {}{comma}", Value::String(name.clone()))?;
    }
    labels.extend_from_slice(b"}\n");
    Ok((out, labels))
}

/// How the model joins several authors in one string (see [`DocumentMeta::author`]).
const AUTHORS_SEPARATOR: &str = ", ";

#[derive(Serialize)]
struct LineOut<'a> {
    id: &'a str,
    tokens: &'a [&'a str],
    ner_tags: &'a [usize],
    #[serde(flatten)]
    source: Source<'a>,
}

/// The document's columns, on each of its lines.
#[derive(Clone, Serialize)]
struct Source<'a> {
    title: &'a str,
    source_url: Option<&'a str>,
    outlet: Option<&'a str>,
    authors: Vec<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    retrieved: Option<&'a str>,
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<Value>,
    tokens: Vec<String>,
    ner_tags: Vec<Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    authors: Option<Vec<String>>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    retrieved: Option<String>,
}

impl Line {
    /// The document's title and source, as the line gives them.
    fn source(&self) -> (Option<String>, DocumentMeta) {
        let meta = DocumentMeta {
            outlet: self.outlet.clone(),
            url: self.source_url.clone(),
            published: self.published.clone(),
            author: self
                .authors
                .as_ref()
                .filter(|a| !a.is_empty())
                .map(|a| a.join(AUTHORS_SEPARATOR)),
            language: self.language.clone(),
            retrieved: self.retrieved.clone(),
            duplicate_of: None,
        };
        (self.title.clone(), meta)
    }
}

/// Consecutive lines whose ids share the part before the last `:`.
struct LinesOfDocument {
    /// That part, or the whole id of a line without `:`.
    name: Option<String>,
    /// Tokens and tags of each line.
    sentences: Vec<(Vec<String>, Vec<String>)>,
    first_line: usize,
    /// The title and source its first line gives.
    source: (Option<String>, DocumentMeta),
}

pub(crate) fn import(
    builder: &mut Builder<'_>,
    files: &[(String, Vec<u8>)],
) -> Result<(), FormatError> {
    let mut names: Option<(String, HashMap<u64, String>)> = None;
    for (file, bytes) in files.iter().filter(|(name, _)| is_labels(name)) {
        names = Some((file.clone(), label_names(file, utf8(file, bytes)?)?));
    }
    let data: Vec<&(String, Vec<u8>)> = files.iter().filter(|(name, _)| !is_labels(name)).collect();
    if data.is_empty() {
        return Err(FormatError::Empty(
            "only labels.json was given; expected the JSON lines beside it".to_owned(),
        ));
    }
    for (file, bytes) in data {
        let text = utf8(file, bytes)?;
        let mut documents: Vec<LinesOfDocument> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let number = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let parsed: Line = serde_json::from_str(line).map_err(|err| {
                FormatError::parse(
                    file,
                    number,
                    format!(
                        "expected {{\"id\", \"tokens\", \"ner_tags\"}}: {}",
                        json_problem(&err)
                    ),
                )
            })?;
            if parsed.tokens.len() != parsed.ner_tags.len() {
                return Err(FormatError::parse(
                    file,
                    number,
                    format!(
                        "expected as many ner_tags as tokens, found {} tokens and {} tags",
                        parsed.tokens.len(),
                        parsed.ner_tags.len()
                    ),
                ));
            }
            let tags = parsed
                .ner_tags
                .iter()
                .map(|tag| {
                    tag_name(tag, names.as_ref())
                        .map_err(|message| FormatError::parse(file, number, message))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let source = parsed.source();
            let id = parsed.id.map(|id| match id {
                Value::String(s) => s,
                other => other.to_string(),
            });
            let prefix = id
                .as_deref()
                .and_then(|id| id.rsplit_once(':'))
                .map(|(p, _)| p.to_owned());
            match documents.last_mut() {
                Some(last) if prefix.is_some() && last.name == prefix => {
                    last.sentences.push((parsed.tokens, tags));
                }
                _ => documents.push(LinesOfDocument {
                    name: prefix.or(id),
                    sentences: vec![(parsed.tokens, tags)],
                    first_line: number,
                    source,
                }),
            }
        }
        for LinesOfDocument {
            name,
            sentences,
            first_line,
            source,
        } in documents
        {
            // A Gloss id is `<document>:<layer>:<n>`; other ids are kept whole under the file's name.
            let (id, layer) = match name.as_deref().and_then(|n| n.split_once(':')) {
                Some((doc, layer)) => (doc.to_owned(), Some(layer.to_owned())),
                None => (
                    format!(
                        "{}-{}",
                        file_stem(file),
                        name.unwrap_or_else(|| first_line.to_string())
                    ),
                    None,
                ),
            };
            add_document(
                builder,
                file,
                &id,
                layer.as_deref(),
                &sentences,
                first_line,
                source,
            )?;
        }
    }
    Ok(())
}

fn add_document(
    builder: &mut Builder<'_>,
    file: &str,
    id: &str,
    layer: Option<&str>,
    sentences: &[(Vec<String>, Vec<String>)],
    first_line: usize,
    (title, meta): (Option<String>, DocumentMeta),
) -> Result<(), FormatError> {
    let tokens: Vec<&Vec<String>> = sentences.iter().map(|(tokens, _)| tokens).collect();
    let (text, spans) = rebuild_text(&tokens);
    let source = SourceText::new(&text);
    let title = title.unwrap_or_else(|| title_from(&text));
    let doc = builder.document(id, title, &source, meta);
    let key = builder.named_key(&doc, layer, file);
    for (n, ((_, tags), spans)) in sentences.iter().zip(&spans).enumerate() {
        let entities = decode(tags)
            .map_err(|(_, message)| FormatError::parse(file, first_line + n, message))?;
        for entity in entities {
            if let (Some(first), Some(last)) = (spans.get(entity.start), spans.get(entity.end - 1))
            {
                builder.entity(&key, CharSpan::new(first.start, last.end), &entity.label);
            }
        }
    }
    Ok(())
}

fn is_labels(name: &str) -> bool {
    name.rsplit(['/', '\\'])
        .next()
        .is_some_and(|n| n.ends_with("labels.json"))
}

/// The tag a `ner_tags` entry stands for.
fn tag_name(tag: &Value, names: Option<&(String, HashMap<u64, String>)>) -> Result<String, String> {
    match tag {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => {
            let id = n
                .as_u64()
                .ok_or_else(|| format!("expected a tag id (0, 1, …), found {n}"))?;
            match names {
                None => Err(format!(
                    "tag id {id} needs labels.json among the files to name it"
                )),
                Some((file, names)) => names
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| format!("tag id {id} is not in {file}")),
            }
        }
        other => Err(format!(
            "expected a tag id or name, found {}",
            excerpt(&other.to_string())
        )),
    }
}

/// `labels.json`: `{"0": "O", …}`, `{"id2label": {…}}` or `["O", …]`.
fn label_names(file: &str, text: &str) -> Result<HashMap<u64, String>, FormatError> {
    let value: Value = serde_json::from_str(text).map_err(|err| {
        FormatError::parse(
            file,
            err.line(),
            format!("expected a JSON object of tag ids: {}", json_problem(&err)),
        )
    })?;
    let value = value.get("id2label").cloned().unwrap_or(value);
    let mut names = HashMap::new();
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let name = item.as_str().ok_or_else(|| {
                    FormatError::file(file, format!("entry {i}: expected a tag name"))
                })?;
                names.insert(i as u64, name.to_owned());
            }
        }
        Value::Object(map) => {
            for (id, name) in map {
                let parsed = id.parse::<u64>().ok();
                match (parsed, name.as_str()) {
                    (Some(id), Some(name)) => names.insert(id, name.to_owned()),
                    _ => {
                        return Err(FormatError::file(
                            file,
                            format!(
                                "expected \"id\": \"TAG\" pairs, found {}: {}",
                                excerpt(&id),
                                excerpt(&name.to_string())
                            ),
                        ));
                    }
                };
            }
        }
        _ => {
            return Err(FormatError::file(
                file,
                "expected a JSON object of tag ids or a list of tags",
            ));
        }
    }
    Ok(names)
}
