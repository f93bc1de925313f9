//! Schema: model ⇄ format version 1. Colours are `#rrggbb` strings on disk.

use std::path::Path;

use super::{check_name, line_containing, quoted};
use crate::model::{
    AttributeDef, AttributeTarget, Color, EntityLabel, EventType, QuoteSettings, RoleDef, Schema,
};
use crate::storage::error::StorageError;
use crate::storage::format_v1::{
    AttributeDefV1, AttributeTargetV1, EntityLabelV1, EventTypeV1, QuoteSettingsV1, RoleDefV1,
    SchemaV1,
};

pub(crate) fn schema_to_v1(schema: &Schema) -> SchemaV1 {
    SchemaV1 {
        entity_labels: schema
            .entity_labels
            .iter()
            .map(|label| EntityLabelV1 {
                name: label.name.clone(),
                color: label.color.to_hex(),
                hotkey: label.hotkey,
                description: label.description.clone(),
            })
            .collect(),
        quotes: QuoteSettingsV1 {
            enabled: schema.quotes.enabled,
            hotkey: schema.quotes.hotkey,
            color: schema.quotes.color.to_hex(),
            speaker_labels: schema.quotes.speaker_labels.clone(),
        },
        event_types: schema
            .event_types
            .iter()
            .map(|ty| EventTypeV1 {
                name: ty.name.clone(),
                description: ty.description.clone(),
                color: ty.color.to_hex(),
                hotkey: ty.hotkey,
                roles: ty
                    .roles
                    .iter()
                    .map(|role| RoleDefV1 {
                        name: role.name.clone(),
                        labels: role.labels.clone(),
                        required: role.required,
                        max: role.max,
                    })
                    .collect(),
            })
            .collect(),
        attributes: schema
            .attributes
            .iter()
            .map(|attr| AttributeDefV1 {
                name: attr.name.clone(),
                target: match attr.target {
                    AttributeTarget::Entities => AttributeTargetV1::Entities,
                    AttributeTarget::Quotes => AttributeTargetV1::Quotes,
                    AttributeTarget::Events => AttributeTargetV1::Events,
                },
                labels: attr.labels.clone(),
                values: attr.values.clone(),
                description: attr.description.clone(),
            })
            .collect(),
    }
}

/// The schema a file describes. Only what would make the schema unusable is an error here (a colour
/// that is not `#rrggbb`); duplicate names or hotkeys are left to `model::validate`, so that a project
/// with such a slip still opens and can be fixed.
///
/// `source` is the file's text, used to find the line of a bad value.
pub(crate) fn schema_from_v1(
    v1: SchemaV1,
    path: &Path,
    source: &str,
) -> Result<Schema, StorageError> {
    let color = |owner: String, hex: &str| {
        Color::parse_hex(hex).ok_or_else(|| {
            StorageError::invalid(
                path,
                line_containing(source, &quoted(hex), 0),
                format!(
                    "{owner} has colour {}: expected #rrggbb (six hex digits)",
                    quoted(hex)
                ),
            )
        })
    };
    check_names(&v1, path, source)?;
    let mut entity_labels = Vec::with_capacity(v1.entity_labels.len());
    for label in v1.entity_labels {
        entity_labels.push(EntityLabel {
            color: color(format!("entity label {}", label.name), &label.color)?,
            name: label.name,
            hotkey: label.hotkey,
            description: label.description,
        });
    }
    let quotes = QuoteSettings {
        enabled: v1.quotes.enabled,
        hotkey: v1.quotes.hotkey,
        color: color("the quote settings".to_owned(), &v1.quotes.color)?,
        speaker_labels: v1.quotes.speaker_labels,
    };
    let mut event_types = Vec::with_capacity(v1.event_types.len());
    for ty in v1.event_types {
        event_types.push(EventType {
            color: color(format!("event type {}", ty.name), &ty.color)?,
            name: ty.name,
            description: ty.description,
            hotkey: ty.hotkey,
            roles: ty
                .roles
                .into_iter()
                .map(|role| RoleDef {
                    name: role.name,
                    labels: role.labels,
                    required: role.required,
                    max: role.max,
                })
                .collect(),
        });
    }
    let attributes = v1
        .attributes
        .into_iter()
        .map(|attr| AttributeDef {
            name: attr.name,
            target: match attr.target {
                AttributeTargetV1::Entities => AttributeTarget::Entities,
                AttributeTargetV1::Quotes => AttributeTarget::Quotes,
                AttributeTargetV1::Events => AttributeTarget::Events,
            },
            labels: attr.labels,
            values: attr.values,
            description: attr.description,
        })
        .collect();
    Ok(Schema {
        entity_labels,
        quotes,
        event_types,
        attributes,
    })
}

/// Every name in the schema is printable text.
pub(crate) fn check_names(v1: &SchemaV1, path: &Path, source: &str) -> Result<(), StorageError> {
    for label in &v1.entity_labels {
        check_name(path, source, "entity label", &label.name)?;
    }
    for label in &v1.quotes.speaker_labels {
        check_name(path, source, "speaker label", label)?;
    }
    for ty in &v1.event_types {
        check_name(path, source, "event type", &ty.name)?;
        for role in &ty.roles {
            check_name(path, source, "role", &role.name)?;
            for label in &role.labels {
                check_name(path, source, "role label", label)?;
            }
        }
    }
    for attribute in &v1.attributes {
        check_name(path, source, "attribute", &attribute.name)?;
        for label in &attribute.labels {
            check_name(path, source, "attribute label", label)?;
        }
        for value in &attribute.values {
            check_name(path, source, "attribute value", value)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_colour_names_its_label_and_line() {
        let source =
            "(\n    entity_labels: [\n        (name: \"PERSON\", color: \"#12zz34\"),\n    ],\n)";
        let v1: SchemaV1 = ron::from_str(source).unwrap();
        let error = schema_from_v1(v1, Path::new("project.ron"), source).unwrap_err();
        assert_eq!(
            error.to_string(),
            "project.ron:3: entity label PERSON has colour \"#12zz34\": expected #rrggbb (six hex digits)"
        );
    }
}
