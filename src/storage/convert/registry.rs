//! `entities.ron` to and from the model's [`Registry`], with validation: keys are slugs and unique,
//! names are not empty, labels are the schema's entity labels.

use std::path::Path;

use super::{line_containing, quoted};
use crate::model::{CanonicalEntity, EntityKey, Registry, Schema};
use crate::storage::error::StorageError;
use crate::storage::format_v1::{CanonicalEntityV1, EntitiesFile, VERSION};

/// The file for a registry: entities by key.
pub(crate) fn registry_to_v1(registry: &Registry) -> EntitiesFile {
    EntitiesFile {
        format: VERSION,
        entities: registry
            .iter()
            .map(|e| CanonicalEntityV1 {
                key: e.key.as_str().to_owned(),
                name: e.name.clone(),
                label: e.label.clone(),
                aliases: e.aliases.clone(),
                kb: e.kb.clone(),
                note: e.note.clone(),
                merged_into: e.merged_into.as_ref().map(|k| k.as_str().to_owned()),
            })
            .collect(),
    }
}

/// The registry `file` describes; the first problem names the file, the line and what was expected.
pub(crate) fn registry_from_v1(
    file: EntitiesFile,
    schema: &Schema,
    path: &Path,
    source: &str,
) -> Result<Registry, StorageError> {
    let mut entities = Vec::with_capacity(file.entities.len());
    for v1 in file.entities {
        let line = line_containing(source, &format!("key: {}", quoted(&v1.key)), 0);
        let fail = |message: String| StorageError::invalid(path, line, message);
        let key = EntityKey::new(v1.key.as_str()).ok_or_else(|| {
            fail(format!(
                "entity key {}: expected 1 to 120 ASCII letters, digits, - and _",
                quoted(&v1.key)
            ))
        })?;
        if v1.name.trim().is_empty() {
            return Err(fail(format!("entity {key} has an empty name")));
        }
        // A label the schema lacks is kept (the curator may have removed it): `gloss check`
        // reports it. It must still be a name.
        if schema.entity_label(&v1.label).is_none() {
            let problem = crate::model::validate::label_problem(&v1.label);
            if let Some(problem) = problem {
                return Err(fail(format!(
                    "entity {key} has the label {} which {problem}: expected a name such as \
                     the schema's entity labels",
                    quoted(&v1.label)
                )));
            }
        }
        let merged_into = match v1.merged_into {
            None => None,
            Some(into) => Some(EntityKey::new(into.as_str()).ok_or_else(|| {
                fail(format!(
                    "entity {key} is merged into {}: expected an entity key (ASCII letters, \
                     digits, - and _)",
                    quoted(&into)
                ))
            })?),
        };
        entities.push(CanonicalEntity {
            key,
            name: v1.name,
            label: v1.label,
            aliases: v1.aliases,
            kb: v1.kb,
            note: v1.note,
            merged_into,
        });
    }
    Registry::from_entities(entities).map_err(|key| {
        StorageError::invalid(
            path,
            line_containing(source, &format!("key: {}", quoted(key.as_str())), 1),
            format!("entity key {key} is given twice: expected each key once"),
        )
    })
}
