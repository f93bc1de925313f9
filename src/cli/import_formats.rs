//! `gloss import --format F`: annotated files of other tools (Gloss's own JSONL, spaCy/Prodigy,
//! doccano, brat, CoNLL, Hugging Face, WebAnno TSV 3, Label Studio) into a project.
//!
//! Every file is read first; [`formats::import`] then reads them against the project without
//! changing it, so a file that cannot be parsed stops the import with the project untouched. Spans
//! that do not fit their text are reported as warnings (file, line, expected and found text) and
//! skipped; labels the schema lacks are added to it and reported. The project is changed and saved
//! under the project lock.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::ImportArgs;
use super::import::{collect, progress_bar};
use super::plural;
use crate::formats::{self, Import, ImportFormat, ImportOptions};
use crate::model::{LayerName, Schema, Timestamp};
use crate::storage::{self, lock::ProjectLock};

/// The layer imported annotations go to when neither `--layer` nor `--annotator` names one.
const DEFAULT_LAYER: &str = "imported";

pub(super) fn run(
    args: &ImportArgs,
    format: ImportFormat,
    annotator: Option<&LayerName>,
) -> anyhow::Result<ExitCode> {
    if args.split_lines {
        anyhow::bail!(
            "--split-lines applies to --format txt only, not to {}",
            format.name()
        );
    }
    let layer = match &args.layer {
        Some(name) => LayerName::new(name.as_str()).with_context(|| {
            format!("--layer {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'")
        })?,
        None => annotator
            .cloned()
            .or_else(|| LayerName::new(DEFAULT_LAYER))
            .unwrap_or_else(LayerName::gold),
    };
    let paths = input_files(&args.paths, format)?;
    let files = read_all(&paths)?;
    // `--format jsonl` takes every JSON-lines shape: Gloss's own lines name their layer.
    let format = if format == ImportFormat::Jsonl && args.format.eq_ignore_ascii_case("jsonl") {
        jsonl_flavour(&files)
    } else {
        format
    };
    let keep_layers = format.names_layers() && args.layer.is_none();
    let options = ImportOptions {
        layer: layer.clone(),
        keep_layers,
        annotator: annotator.map_or_else(|| layer.to_string(), ToString::to_string),
        now: Timestamp::now(),
    };

    // Lock before loading, so that no other writer saves between our load and our save.
    let (_lock, warning) = ProjectLock::acquire(&args.dir)?;
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let mut project = storage::load(&args.dir)?;
    let import = formats::import(&project, format, &files, &options)
        .map_err(|err| anyhow::anyhow!("{err}; nothing was imported"))?;
    for note in &import.report {
        eprintln!("warning: {note}");
    }
    if import.documents.is_empty() && import.annotations.is_empty() && import.statuses.is_empty() {
        anyhow::bail!(
            "nothing to import: the {} {} file{} given hold no documents or annotations{}",
            files.len(),
            format.name(),
            plural(files.len()),
            if import.report.is_empty() {
                ""
            } else {
                " that could be imported (see the warnings above)"
            }
        );
    }

    let additions = schema_additions(&project.schema, &import);
    let summary = Summary::of(&import);
    import
        .apply(&mut project)
        .map_err(|err| anyhow::anyhow!("{}: {err}; nothing was imported", args.dir.display()))?;
    if let Some(annotator) = annotator {
        project.add_annotator(annotator.as_str());
    }
    storage::save(&args.dir, &mut project)?;

    if !additions.is_empty() {
        println!("added to the schema: {}", additions.join("; "));
    }
    let layers: Vec<String> = summary
        .annotations
        .iter()
        .map(|(layer, n)| format!("{n} into {layer}"))
        .collect();
    let total: usize = summary.annotations.values().sum();
    println!(
        "imported {total} annotation{}{} and {} new document{}{} from {} {} file{} into {} \
         (now {} document{})",
        plural(total),
        if layers.is_empty() {
            String::new()
        } else {
            format!(" ({})", layers.join(", "))
        },
        summary.new_documents,
        plural(summary.new_documents),
        match summary.existing_documents {
            0 => String::new(),
            n => format!(", annotating {n} existing document{}", plural(n)),
        },
        files.len(),
        format.name(),
        plural(files.len()),
        args.dir.display(),
        project.documents().len(),
        plural(project.documents().len())
    );
    if summary.notes > 0 {
        println!(
            "{} warning{} above: what was skipped, and why",
            summary.notes,
            plural(summary.notes)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What an import brings, counted before it is applied.
struct Summary {
    new_documents: usize,
    existing_documents: usize,
    /// Annotations by layer.
    annotations: BTreeMap<String, usize>,
    notes: usize,
}

impl Summary {
    fn of(import: &Import) -> Self {
        let new: BTreeSet<&str> = import.documents.iter().map(|d| d.id.as_str()).collect();
        let mut annotated: BTreeSet<&str> = BTreeSet::new();
        let mut annotations: BTreeMap<String, usize> = BTreeMap::new();
        for (key, _) in &import.annotations {
            annotated.insert(key.doc.as_str());
            *annotations.entry(key.layer.to_string()).or_default() += 1;
        }
        Self {
            new_documents: new.len(),
            existing_documents: annotated.iter().filter(|d| !new.contains(*d)).count(),
            annotations,
            notes: import.report.len(),
        }
    }
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

/// The files to read, in command-line order; a folder contributes the format's files under it
/// (searched recursively, sorted by path). A file named explicitly is read whatever its extension.
/// For hf, the `labels.json` beside a data file comes along, since numeric tags need it.
fn input_files(paths: &[PathBuf], format: ImportFormat) -> anyhow::Result<Vec<PathBuf>> {
    let extensions = extensions(format);
    let wanted = |path: &Path| {
        path.extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
            || (format == ImportFormat::Hf && is_labels(path))
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).with_context(|| {
            format!(
                "{}: cannot read (expected a {} file or a folder of them)",
                path.display(),
                format.name()
            )
        })?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            collect(path, &wanted, &mut found)?;
            if found.is_empty() {
                anyhow::bail!(
                    "{}: no {} files in this folder (expected *.{})",
                    path.display(),
                    format.name(),
                    extensions.join(", *.")
                );
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    if format == ImportFormat::Hf {
        let beside: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| Some(f.parent()?.join("labels.json")))
            .filter(|labels| labels.is_file())
            .collect();
        for labels in beside {
            if !files.contains(&labels) {
                files.push(labels);
            }
        }
    }
    let mut seen = BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

/// The extensions a folder is searched for, per format.
fn extensions(format: ImportFormat) -> &'static [&'static str] {
    match format {
        ImportFormat::Txt { .. } => &["txt"],
        ImportFormat::Jsonl | ImportFormat::Spacy | ImportFormat::Doccano | ImportFormat::Hf => {
            &["jsonl"]
        }
        ImportFormat::Brat => &["txt", "ann"],
        ImportFormat::Conll => &["conll", "iob", "bio", "bilou"],
        ImportFormat::WebannoTsv3 => &["tsv"],
        ImportFormat::LabelStudio => &["json"],
    }
}

fn is_labels(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == "labels.json")
}

/// Every file's bytes, named by its path as given (so messages name the file the user can open).
fn read_all(paths: &[PathBuf]) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let progress = progress_bar(paths.len());
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        progress.set_message(path.display().to_string());
        let bytes = std::fs::read(path)
            .with_context(|| format!("{}: cannot read; nothing was imported", path.display()))?;
        files.push((path.display().to_string(), bytes));
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(files)
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
