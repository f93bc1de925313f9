//! Canonical labels (OntoNotes names: PERSON, ORG, GPE, NORP, DATE, LOC) and their names in other
//! schemas (CoNLL's PER and MISC, ACE's PER), so that the rule-based recommenders work with any preset.

use crate::model::Schema;

/// For each canonical label, the schema label names that stand for it, in order of preference.
const ALIASES: &[(&str, &[&str])] = &[
    ("PERSON", &["PERSON", "PER", "PERS", "PEOPLE"]),
    ("ORG", &["ORG", "ORGANIZATION", "ORGANISATION"]),
    ("GPE", &["GPE", "LOC", "LOCATION", "PLACE"]),
    ("LOC", &["LOC", "LOCATION", "PLACE"]),
    ("NORP", &["NORP", "MISC"]),
    ("DATE", &["DATE", "TIME", "TIMEX"]),
];

/// The schema's label for a canonical label, or `None` when the schema has none that fits.
pub fn schema_label(schema: &Schema, canonical: &str) -> Option<String> {
    let aliases = ALIASES
        .iter()
        .find(|(name, _)| *name == canonical)
        .map_or(&[][..], |(_, aliases)| *aliases);
    aliases
        .iter()
        .chain(std::iter::once(&canonical))
        .find_map(|alias| {
            schema
                .entity_labels
                .iter()
                .find(|l| l.name.eq_ignore_ascii_case(alias))
                .map(|l| l.name.clone())
        })
}

/// The canonical label a schema label stands for (`PER` → `PERSON`), or the label itself.
pub fn canonical(label: &str) -> &str {
    ALIASES
        .iter()
        .find(|(_, aliases)| aliases.iter().any(|a| a.eq_ignore_ascii_case(label)))
        .map_or(label, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Color, EntityLabel};

    fn schema(labels: &[&str]) -> Schema {
        Schema {
            entity_labels: labels
                .iter()
                .map(|name| EntityLabel {
                    name: (*name).to_owned(),
                    color: Color::palette(0),
                    hotkey: None,
                    description: String::new(),
                })
                .collect(),
            ..Schema::default()
        }
    }

    #[test]
    fn conll_names_stand_in_for_ontonotes_labels() {
        let conll = schema(&["PER", "LOC", "ORG", "MISC"]);
        assert_eq!(schema_label(&conll, "PERSON").as_deref(), Some("PER"));
        assert_eq!(schema_label(&conll, "GPE").as_deref(), Some("LOC"));
        assert_eq!(schema_label(&conll, "NORP").as_deref(), Some("MISC"));
        assert_eq!(schema_label(&conll, "DATE"), None);
        assert_eq!(canonical("PER"), "PERSON");
    }
}
