//! The team part of `project.ron` read on its own, without loading documents and layers (a sync of a
//! 10,000-document project must not load them all), and the labels layer files use that a schema no
//! longer has.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::error::StorageError;
use super::format_v1::{LayerFile, ProjectFile};
use super::{ANNOTATIONS_DIR, PROJECT_FILE, max_ron_bytes, read_project_file};
use crate::model::Team;

/// What a sync needs of `project.ron`: the team, and the labels and event types of the schema.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectHeader {
    pub team: Team,
    pub annotators: Vec<String>,
    /// Entity labels and event types.
    pub labels: BTreeSet<String>,
}

/// Reads `project.ron`'s team and labels; the error names the file and the place.
pub fn read_header(dir: &Path) -> Result<ProjectHeader, StorageError> {
    let path = dir.join(PROJECT_FILE);
    let bytes = read_project_file(&path, max_ron_bytes())?;
    let source = std::str::from_utf8(&bytes).map_err(|e| StorageError::InvalidUtf8 {
        path: path.clone(),
        offset: e.valid_up_to(),
    })?;
    let file: ProjectFile =
        ron::from_str(source).map_err(|e| StorageError::syntax(&path, source, &e))?;
    let labels = file
        .schema
        .entity_labels
        .iter()
        .map(|l| l.name.clone())
        .chain(file.schema.event_types.iter().map(|t| t.name.clone()))
        .collect();
    let annotators = file.annotators.clone();
    let (project, _) = super::convert::project_from_v1(file, &path, source)?;
    Ok(ProjectHeader {
        team: project.team,
        annotators,
        labels,
    })
}

/// Annotations whose label (or event type) is not in `labels`: label → (layer file, count).
/// Layer files that do not parse are skipped here (`gloss check` names them).
pub fn labels_not_in(
    dir: &Path,
    labels: &BTreeSet<String>,
) -> BTreeMap<String, Vec<(String, usize)>> {
    let mut found: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    let annotations = dir.join(ANNOTATIONS_DIR);
    let Ok(docs) = std::fs::read_dir(&annotations) else {
        return found;
    };
    let mut files: Vec<_> = docs
        .flatten()
        .filter_map(|doc| std::fs::read_dir(doc.path()).ok())
        .flat_map(|files| files.flatten().map(|f| f.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for file in files {
        let Ok(bytes) = read_project_file(&file, max_ron_bytes()) else {
            continue;
        };
        let Some(layer) = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| ron::from_str::<LayerFile>(s).ok())
        else {
            continue;
        };
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for label in layer
            .entities
            .iter()
            .map(|e| e.label.as_str())
            .chain(layer.events.iter().map(|e| e.event_type.as_str()))
        {
            if !labels.contains(label) {
                *counts.entry(label).or_default() += 1;
            }
        }
        let relative = file
            .strip_prefix(dir)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        for (label, count) in counts {
            found
                .entry(label.to_owned())
                .or_default()
                .push((relative.clone(), count));
        }
    }
    found
}
