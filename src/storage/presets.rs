//! The schemas shipped with Gloss, embedded from `assets/presets/<name>.ron` (each a
//! [`SchemaV1`](super::format_v1::SchemaV1) in RON).

use std::path::Path;

use super::convert::schema_from_v1;
use super::error::StorageError;
use super::format_v1::SchemaV1;
use crate::model::Schema;

/// The presets by name, in the order `gloss new --help` lists them.
pub const NAMES: [&str; 4] = ["news", "ontonotes", "conll", "ace2005"];

const SOURCES: [(&str, &str); 4] = [
    ("news", include_str!("../../assets/presets/news.ron")),
    (
        "ontonotes",
        include_str!("../../assets/presets/ontonotes.ron"),
    ),
    ("conll", include_str!("../../assets/presets/conll.ron")),
    ("ace2005", include_str!("../../assets/presets/ace2005.ron")),
];

/// The schema of the preset called `name`; `None` for a name not in [`NAMES`]. (The embedded files are
/// checked by this module's tests, so a shipped preset always parses.)
pub fn preset(name: &str) -> Option<Schema> {
    parse(name)?.ok()
}

/// The preset called `name`, or why its embedded file does not parse.
fn parse(name: &str) -> Option<Result<Schema, StorageError>> {
    let (_, source) = SOURCES.iter().find(|(n, _)| *n == name)?;
    let path = Path::new("assets/presets").join(format!("{name}.ron"));
    Some(
        ron::from_str::<SchemaV1>(source)
            .map_err(|e| StorageError::syntax(&path, source, &e))
            .and_then(|v1| schema_from_v1(v1, &path, source)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_preset_parses_into_a_schema_without_problems() {
        for name in NAMES {
            let schema = match parse(name) {
                Some(Ok(schema)) => schema,
                Some(Err(e)) => panic!("preset {name}: {e}"),
                None => panic!("preset {name} is not embedded"),
            };
            assert!(
                !schema.entity_labels.is_empty(),
                "preset {name} has no entity labels"
            );
            assert_eq!(schema.problems(), Vec::<String>::new(), "preset {name}");
        }
    }

    #[test]
    fn an_unknown_preset_is_none() {
        assert!(preset("brat").is_none());
    }
}
