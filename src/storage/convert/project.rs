//! The project file: model ⇄ format version 1 (name, schema, annotators, settings, document index).

use std::collections::HashSet;
use std::path::Path;

use super::{check_name, line_containing, quoted, schema_from_v1, schema_to_v1};
use crate::model::RemovedText;
use crate::model::{DocId, DocumentMeta, Project, Settings, Team};
use crate::storage::error::StorageError;
use crate::storage::format_v1::{
    CleanedV1, DocumentEntryV1, MetaV1, ProjectFile, RemovedV1, SettingsV1, VERSION,
};

/// A document as the index names it; its text is read separately.
#[derive(Clone, Debug)]
pub(crate) struct DocumentEntry {
    pub id: DocId,
    pub title: String,
    pub meta: DocumentMeta,
    pub crlf_normalized: bool,
    /// What cleaning removed, and the length in chars of the text its places count in.
    pub cleaned: Option<(usize, Vec<RemovedText>)>,
}

pub(crate) fn project_to_v1(project: &Project) -> ProjectFile {
    ProjectFile {
        format: VERSION,
        name: project.name.clone(),
        schema: schema_to_v1(&project.schema),
        annotators: project.annotators.clone(),
        curators: project.team.curators.clone(),
        assignments: project
            .team
            .assignments
            .iter()
            .map(|(doc, names)| (doc.as_str().to_owned(), names.clone()))
            .collect(),
        settings: SettingsV1 {
            min_agree: project.settings.min_agree,
            recommender_url: project.settings.recommender_url.clone(),
            recommender_timeout_ms: project.settings.recommender_timeout_ms,
            undo_limit: project.settings.undo_limit as u64,
            ner_model: project.settings.ner_model.clone(),
        },
        documents: project
            .documents()
            .iter()
            .map(|doc| DocumentEntryV1 {
                id: doc.id.as_str().to_owned(),
                title: doc.title.clone(),
                crlf_normalized: doc.crlf_normalized,
                meta: MetaV1 {
                    outlet: doc.meta.outlet.clone(),
                    url: doc.meta.url.clone(),
                    published: doc.meta.published.clone(),
                    author: doc.meta.author.clone(),
                    language: doc.meta.language.clone(),
                    retrieved: doc.meta.retrieved.clone(),
                    duplicate_of: doc
                        .meta
                        .duplicate_of
                        .as_ref()
                        .map(|id| id.as_str().to_owned()),
                },
                cleaned: (!doc.removed.is_empty()).then(|| CleanedV1 {
                    // A document not read yet keeps the length its index entry gave.
                    chars: project
                        .unloaded_chars(&doc.id)
                        .unwrap_or_else(|| doc.text.char_len()),
                    removed: doc
                        .removed
                        .iter()
                        .map(|r| RemovedV1 {
                            at: r.at,
                            text: r.text.clone(),
                            why: r.why.clone(),
                        })
                        .collect(),
                }),
            })
            .collect(),
    }
}

/// Refuses to write a project whose name, annotators or schema names hold a control character, which
/// loading would refuse: what Gloss saves, it must be able to open again.
pub(crate) fn check_project_names(file: &ProjectFile, path: &Path) -> Result<(), StorageError> {
    check_name(path, "", "the project name", &file.name)?;
    for annotator in &file.annotators {
        check_name(path, "", "annotator", annotator)?;
    }
    for curator in &file.curators {
        check_name(path, "", "curator", curator)?;
    }
    super::schema::check_names(&file.schema, path, "")
}

/// The project without its documents and layers, and the document index in project order. Document ids
/// must be valid slugs (they name files) and unique.
pub(crate) fn project_from_v1(
    file: ProjectFile,
    path: &Path,
    source: &str,
) -> Result<(Project, Vec<DocumentEntry>), StorageError> {
    check_name(path, source, "the project name", &file.name)?;
    for annotator in &file.annotators {
        check_name(path, source, "annotator", annotator)?;
    }
    let schema = schema_from_v1(file.schema, path, source)?;
    let mut project = Project::new(file.name, schema);
    project.annotators = file.annotators;
    project.settings = Settings {
        min_agree: file.settings.min_agree,
        recommender_url: file.settings.recommender_url,
        recommender_timeout_ms: file.settings.recommender_timeout_ms,
        undo_limit: usize::try_from(file.settings.undo_limit).unwrap_or(usize::MAX),
        ner_model: file.settings.ner_model,
    };
    let mut seen = HashSet::with_capacity(file.documents.len());
    let mut entries = Vec::with_capacity(file.documents.len());
    for entry in file.documents {
        let needle = format!("id: {}", quoted(&entry.id));
        let Some(id) = DocId::new(entry.id.as_str()) else {
            return Err(StorageError::invalid(
                path,
                line_containing(source, &needle, 0),
                format!(
                    "document id {} is not valid: expected 1 to 120 ASCII letters, digits, - or _ \
                     (it names the document's files)",
                    quoted(&entry.id)
                ),
            ));
        };
        if !seen.insert(id.clone()) {
            return Err(StorageError::invalid(
                path,
                line_containing(source, &needle, 1),
                format!(
                    "document id {id} appears twice in the document index: expected each id once"
                ),
            ));
        }
        let duplicate_of = match entry.meta.duplicate_of.as_deref() {
            None => None,
            Some(of) => Some(DocId::new(of).ok_or_else(|| {
                StorageError::invalid(
                    path,
                    line_containing(source, &format!("duplicate_of: {}", quoted(of)), 0),
                    format!(
                        "document {id}: duplicate_of {} is not a document id: expected 1 to 120 \
                         ASCII letters, digits, - or _",
                        quoted(of)
                    ),
                )
            })?),
        };
        entries.push(DocumentEntry {
            id,
            title: entry.title,
            crlf_normalized: entry.crlf_normalized,
            meta: DocumentMeta {
                outlet: entry.meta.outlet,
                url: entry.meta.url,
                published: entry.meta.published,
                author: entry.meta.author,
                language: entry.meta.language,
                retrieved: entry.meta.retrieved,
                duplicate_of,
            },
            cleaned: entry.cleaned.map(|c| {
                let removed = c
                    .removed
                    .into_iter()
                    .map(|r| RemovedText {
                        at: r.at,
                        text: r.text,
                        why: r.why,
                    })
                    .collect();
                (c.chars, removed)
            }),
        });
    }
    project.team = team_from_v1(file.curators, file.assignments, &seen, path, source)?;
    Ok((project, entries))
}

/// Curators and assignments: every name must be a valid annotator name, every assigned document one
/// of the index.
fn team_from_v1(
    curators: Vec<String>,
    assignments: std::collections::BTreeMap<String, Vec<String>>,
    documents: &HashSet<DocId>,
    path: &Path,
    source: &str,
) -> Result<Team, StorageError> {
    for curator in &curators {
        check_name(path, source, "curator", curator)?;
    }
    let mut team = Team {
        curators,
        assignments: Default::default(),
    };
    for (doc, names) in assignments {
        let known = DocId::new(doc.as_str()).filter(|id| documents.contains(id));
        let Some(id) = known else {
            return Err(StorageError::invalid(
                path,
                line_containing(source, &quoted(&doc), 0),
                format!(
                    "assignments name document {}, which is not in the document index: expected \
                     one of the documents listed under documents",
                    quoted(&doc)
                ),
            ));
        };
        for name in &names {
            check_name(path, source, "assigned annotator", name)?;
        }
        team.assignments.insert(id, names);
    }
    Ok(team)
}
