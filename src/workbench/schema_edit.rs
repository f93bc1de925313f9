//! The schema editor: labels, event types, attributes and quote settings, each change one undo step.
//! Renames reach every annotation of every layer of every document in the same step.

use super::{Workbench, WorkbenchError};
use crate::model::Label;
use crate::model::{Annotation, Edit, EntityLabel, EventType, Schema};

/// Every hotkey of a schema with what it labels: entity labels, event types, quotes.
fn hotkeys(schema: &Schema) -> Vec<(char, String)> {
    let labels = schema
        .entity_labels
        .iter()
        .filter_map(|l| Some((l.hotkey?, l.name.clone())));
    let events = schema
        .event_types
        .iter()
        .filter_map(|t| Some((t.hotkey?, t.name.clone())));
    let quotes = schema
        .quotes
        .hotkey
        .filter(|_| schema.quotes.enabled)
        .map(|k| (k, "quotes".to_owned()));
    labels.chain(events).chain(quotes).collect()
}

/// The schema's hotkeys that are also typed commands, each said as the analyst meets it
/// ("key n of NORP is also “Next disagreement”…"): shown in the schema editor and the key help.
pub fn hotkey_clashes(schema: &Schema) -> Vec<String> {
    hotkeys(schema)
        .into_iter()
        .filter_map(|(key, owner)| {
            let command = super::shortcuts::command_on_typed_key(key)?;
            let winner = if super::review::is_review_key(command.action) {
                format!("while a comparison is open {key} is “{}”", command.name)
            } else if super::suggestions::is_suggestion_key(command.action) {
                format!(
                    "{key} labels {owner}; use the Suggest menu to {}",
                    command.name.to_lowercase()
                )
            } else {
                format!("{key} is “{}”", command.name)
            };
            Some(format!(
                "Key {key} of {owner} is also “{}” ({} menu): {winner}",
                command.name, command.menu
            ))
        })
        .collect()
}

impl Workbench {
    /// Replaces the schema by what `change` makes of it, as one undo step (plus `extra` edits). Refused
    /// if the change brings a problem the schema did not have (a duplicate name or hotkey).
    fn change_schema(
        &mut self,
        change: impl FnOnce(&mut Schema) -> Result<(), WorkbenchError>,
        extra: Vec<Edit>,
    ) -> Result<(), WorkbenchError> {
        let before = self.project.schema.clone();
        let mut after = before.clone();
        change(&mut after)?;
        if after == before && extra.is_empty() {
            return Ok(());
        }
        let old = before.problems();
        if let Some(problem) = after.problems().into_iter().find(|p| !old.contains(p)) {
            return Err(WorkbenchError::Refused(problem));
        }
        // A new hotkey may not take a key a command is typed with: it would silently shadow the
        // command (or be shadowed by it in review). Clashes the schema had already are only shown.
        let known = hotkeys(&before);
        for (key, owner) in hotkeys(&after) {
            if !known.iter().any(|(k, _)| *k == key)
                && let Some(clash) = super::shortcuts::command_clash(key)
            {
                return Err(WorkbenchError::Refused(format!(
                    "{clash}; choose another key for {owner}"
                )));
            }
        }
        let mut edits = vec![Edit::SetSchema {
            before: Box::new(before),
            after: Box::new(after),
        }];
        edits.extend(extra);
        self.apply_edits(edits, self.selection.clone())
    }

    pub(super) fn set_schema_with(
        &mut self,
        change: impl FnOnce(&mut Schema),
    ) -> Result<(), WorkbenchError> {
        self.change_schema(
            |schema| {
                change(schema);
                Ok(())
            },
            Vec::new(),
        )
    }

    pub(super) fn add_entity_label(
        &mut self,
        mut label: EntityLabel,
    ) -> Result<(), WorkbenchError> {
        label.name = label.name.trim().to_owned();
        if label.name.is_empty() {
            return Err(WorkbenchError::refused("a label needs a name"));
        }
        if self.project.schema.entity_label(&label.name).is_some() {
            return Err(WorkbenchError::refused(format!(
                "label {} already exists",
                label.name
            )));
        }
        self.change_schema(
            |schema| {
                schema.entity_labels.push(label);
                Ok(())
            },
            Vec::new(),
        )
    }

    /// Renames a label in the schema (including role, speaker and attribute references) and in every
    /// entity of every layer, as one undo step. Provenance is left alone: the analysts' work is the same.
    pub(super) fn rename_entity_label(
        &mut self,
        from: &str,
        to: &str,
    ) -> Result<(), WorkbenchError> {
        let to = to.trim();
        if from == to {
            return Ok(());
        }
        if to.is_empty() {
            return Err(WorkbenchError::refused("a label needs a name"));
        }
        if self.project.schema.entity_label(from).is_none() {
            return Err(WorkbenchError::refused(format!("there is no label {from}")));
        }
        if self.project.schema.entity_label(to).is_some() {
            return Err(WorkbenchError::refused(format!(
                "label {to} already exists"
            )));
        }
        let mut edits = Vec::new();
        for (key, layer) in self.project.layers() {
            for annotation in layer.iter() {
                if let Annotation::Entity(entity) = annotation
                    && entity.label == from
                {
                    let mut after = entity.clone();
                    after.label = Label::new(to);
                    edits.push(Edit::Replace {
                        key: key.clone(),
                        before: annotation.clone(),
                        after: Annotation::Entity(after),
                    });
                }
            }
        }
        // The registry's entities carry labels too: a file whose entities name a label the
        // schema lacks would not load.
        for entity in self.project.registry().iter().filter(|e| e.label == from) {
            let mut after = entity.clone();
            after.label = to.to_owned();
            edits.push(Edit::SetEntity {
                key: entity.key.clone(),
                before: Some(Box::new(entity.clone())),
                after: Some(Box::new(after)),
            });
        }
        let rename = |names: &mut Vec<String>| {
            for name in names.iter_mut().filter(|n| *n == from) {
                *name = to.to_owned();
            }
        };
        self.change_schema(
            |schema| {
                for label in schema.entity_labels.iter_mut().filter(|l| l.name == from) {
                    label.name = to.to_owned();
                }
                for ty in &mut schema.event_types {
                    for role in &mut ty.roles {
                        rename(&mut role.labels);
                    }
                }
                rename(&mut schema.quotes.speaker_labels);
                for attribute in &mut schema.attributes {
                    rename(&mut attribute.labels);
                }
                Ok(())
            },
            edits,
        )?;
        if self.last_label.as_deref() == Some(from) {
            self.last_label = Some(to.to_owned());
        }
        Ok(())
    }

    pub(super) fn edit_label(
        &mut self,
        name: &str,
        change: impl FnOnce(&mut EntityLabel),
    ) -> Result<(), WorkbenchError> {
        self.change_schema(
            |schema| {
                let label = schema
                    .entity_labels
                    .iter_mut()
                    .find(|l| l.name == name)
                    .ok_or_else(|| WorkbenchError::refused(format!("there is no label {name}")))?;
                change(label);
                Ok(())
            },
            Vec::new(),
        )
    }

    pub(super) fn set_label_hotkey(
        &mut self,
        name: &str,
        hotkey: Option<char>,
    ) -> Result<(), WorkbenchError> {
        if let Some(key) = hotkey {
            let schema = &self.project.schema;
            let owner = schema
                .entity_labels
                .iter()
                .filter(|l| l.name != name)
                .find(|l| l.hotkey == Some(key))
                .map(|l| l.name.clone())
                .or_else(|| {
                    (schema.quotes.enabled && schema.quotes.hotkey == Some(key))
                        .then(|| "quotes".to_owned())
                })
                .or_else(|| {
                    schema
                        .event_types
                        .iter()
                        .find(|t| t.hotkey == Some(key))
                        .map(|t| t.name.clone())
                });
            if let Some(owner) = owner {
                return Err(WorkbenchError::refused(format!(
                    "key {key} is already used by {owner}"
                )));
            }
        }
        self.edit_label(name, |label| label.hotkey = hotkey)
    }

    /// Removes a label nobody uses; refused (saying how many use it) otherwise.
    pub(super) fn remove_entity_label(&mut self, name: &str) -> Result<(), WorkbenchError> {
        if self.project.schema.entity_label(name).is_none() {
            return Err(WorkbenchError::refused(format!("there is no label {name}")));
        }
        let uses = self.count_uses(|a| a.as_entity().is_some_and(|e| e.label == name));
        if uses > 0 {
            return Err(WorkbenchError::refused(format!(
                "{uses} annotation(s) use {name}: relabel or delete them first"
            )));
        }
        let entities = self
            .project
            .registry()
            .iter()
            .filter(|e| e.label == name)
            .count();
        if entities > 0 {
            return Err(WorkbenchError::refused(format!(
                "{entities} entit{} of the registry use{} {name}: change their label first",
                if entities == 1 { "y" } else { "ies" },
                if entities == 1 { "s" } else { "" },
            )));
        }
        self.change_schema(
            |schema| {
                schema.entity_labels.retain(|l| l.name != name);
                for ty in &mut schema.event_types {
                    for role in &mut ty.roles {
                        role.labels.retain(|l| l != name);
                    }
                }
                schema.quotes.speaker_labels.retain(|l| l != name);
                Ok(())
            },
            Vec::new(),
        )
    }

    pub(super) fn add_event_type(
        &mut self,
        mut event_type: EventType,
    ) -> Result<(), WorkbenchError> {
        event_type.name = event_type.name.trim().to_owned();
        if event_type.name.is_empty() {
            return Err(WorkbenchError::refused("an event type needs a name"));
        }
        if self.project.schema.event_type(&event_type.name).is_some() {
            return Err(WorkbenchError::refused(format!(
                "event type {} already exists",
                event_type.name
            )));
        }
        self.change_schema(
            |schema| {
                schema.event_types.push(event_type);
                Ok(())
            },
            Vec::new(),
        )
    }

    /// Replaces an event type. A new name renames it in every event (one step); dropping a role that
    /// some argument fills is refused.
    pub(super) fn update_event_type(
        &mut self,
        name: &str,
        mut updated: EventType,
    ) -> Result<(), WorkbenchError> {
        updated.name = updated.name.trim().to_owned();
        if self.project.schema.event_type(name).is_none() {
            return Err(WorkbenchError::refused(format!(
                "there is no event type {name}"
            )));
        }
        if updated.name.is_empty() {
            return Err(WorkbenchError::refused("an event type needs a name"));
        }
        let renamed = updated.name != name;
        if renamed && self.project.schema.event_type(&updated.name).is_some() {
            return Err(WorkbenchError::refused(format!(
                "event type {} already exists",
                updated.name
            )));
        }
        let mut edits = Vec::new();
        for (key, layer) in self.project.layers() {
            for annotation in layer.iter() {
                let Annotation::Event(event) = annotation else {
                    continue;
                };
                if event.event_type != name {
                    continue;
                }
                if let Some(argument) = event
                    .arguments
                    .iter()
                    .find(|a| updated.role(&a.role).is_none())
                {
                    return Err(WorkbenchError::refused(format!(
                        "role {} is used by event {} in {key}: remove that argument first",
                        argument.role, event.id
                    )));
                }
                if renamed {
                    let mut after = event.clone();
                    after.event_type = Label::new(&updated.name);
                    edits.push(Edit::Replace {
                        key: key.clone(),
                        before: annotation.clone(),
                        after: Annotation::Event(after),
                    });
                }
            }
        }
        let new_name = updated.name.clone();
        self.change_schema(
            |schema| {
                if let Some(slot) = schema.event_types.iter_mut().find(|t| t.name == name) {
                    *slot = updated;
                }
                if renamed {
                    // Roles may take events of this type, and attributes may apply to it.
                    for ty in &mut schema.event_types {
                        for role in &mut ty.roles {
                            for label in role.labels.iter_mut().filter(|l| *l == name) {
                                label.clone_from(&new_name);
                            }
                        }
                    }
                    for attribute in &mut schema.attributes {
                        for label in attribute.labels.iter_mut().filter(|l| *l == name) {
                            label.clone_from(&new_name);
                        }
                    }
                }
                Ok(())
            },
            edits,
        )
    }

    pub(super) fn remove_event_type(&mut self, name: &str) -> Result<(), WorkbenchError> {
        if self.project.schema.event_type(name).is_none() {
            return Err(WorkbenchError::refused(format!(
                "there is no event type {name}"
            )));
        }
        let uses = self.count_uses(|a| a.as_event().is_some_and(|e| e.event_type == name));
        if uses > 0 {
            return Err(WorkbenchError::refused(format!(
                "{uses} event(s) have type {name}: retype or delete them first"
            )));
        }
        self.change_schema(
            |schema| {
                schema.event_types.retain(|t| t.name != name);
                Ok(())
            },
            Vec::new(),
        )
    }

    /// How many annotations of the whole project (every layer) match.
    fn count_uses(&self, matches: impl Fn(&Annotation) -> bool) -> usize {
        self.project
            .layers()
            .map(|(_, layer)| layer.iter().filter(|a| matches(a)).count())
            .sum()
    }
}
