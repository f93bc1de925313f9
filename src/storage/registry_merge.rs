//! Merging two versions of `entities.ron` made from a common one (a sync that finds the registry
//! changed here and on the remote): entity by entity, so that two analysts who each create or
//! change different entities both keep their work, even when git's line merge would conflict (two
//! new entities whose keys sort next to each other).
//!
//! Per key, given the common version (`base`), ours and theirs:
//! - the same on both sides, or changed on one side only: that;
//! - changed on both sides: theirs, with our aliases added after theirs, and our knowledge-base id,
//!   note and merge target where theirs has none; removed on one side and changed on the other:
//!   the changed one (nothing anyone did to an entity is lost).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::error::{StorageError, utf8};
use super::format_v1::{CanonicalEntityV1, EntitiesFile, VERSION};
use super::save::{layer_style, to_ron};

/// The merged file's bytes; an error names the version that does not parse.
pub fn merge_registry_files(
    path: &Path,
    base: Option<&[u8]>,
    ours: &[u8],
    theirs: &[u8],
) -> Result<Vec<u8>, StorageError> {
    let parse =
        |bytes: &[u8], which: &str| -> Result<BTreeMap<String, CanonicalEntityV1>, StorageError> {
            let shown = path.with_file_name(format!(
                "{} ({which})",
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ));
            let source = utf8(&shown, bytes)?;
            let file: EntitiesFile =
                ron::from_str(source).map_err(|e| StorageError::syntax(&shown, source, &e))?;
            Ok(file
                .entities
                .into_iter()
                .map(|e| (e.key.clone(), e))
                .collect())
        };
    let base = match base {
        Some(bytes) => parse(bytes, "common version")?,
        None => BTreeMap::new(),
    };
    let ours = parse(ours, "yours")?;
    let theirs = parse(theirs, "theirs")?;
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut merged = Vec::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let kept = if o == t || o == b {
            t.cloned()
        } else if t == b {
            o.cloned()
        } else {
            match (o, t) {
                (Some(o), Some(t)) => Some(both_changed(o, t)),
                (Some(o), None) => Some(o.clone()),
                (None, Some(t)) => Some(t.clone()),
                (None, None) => None,
            }
        };
        merged.extend(kept);
    }
    to_ron(
        &EntitiesFile {
            format: VERSION,
            entities: merged,
        },
        layer_style(),
        path,
    )
}

fn both_changed(ours: &CanonicalEntityV1, theirs: &CanonicalEntityV1) -> CanonicalEntityV1 {
    let mut merged = theirs.clone();
    for alias in &ours.aliases {
        if !merged.aliases.contains(alias) && *alias != merged.name {
            merged.aliases.push(alias.clone());
        }
    }
    if ours.name != theirs.name && !merged.aliases.contains(&ours.name) {
        merged.aliases.push(ours.name.clone());
    }
    if merged.kb.is_none() {
        merged.kb.clone_from(&ours.kb);
    }
    if merged.note.is_empty() {
        merged.note.clone_from(&ours.note);
    }
    if merged.merged_into.is_none() {
        merged.merged_into.clone_from(&ours.merged_into);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(lines: &[&str]) -> Vec<u8> {
        format!("(format: 1, entities: [{}])", lines.join(", ")).into_bytes()
    }

    fn merged(base: Option<&[&str]>, ours: &[&str], theirs: &[&str]) -> String {
        let base = base.map(file);
        String::from_utf8(
            merge_registry_files(
                Path::new("entities.ron"),
                base.as_deref(),
                &file(ours),
                &file(theirs),
            )
            .unwrap(),
        )
        .unwrap()
    }

    const KURTI: &str = r#"(key: "kurti", name: "Kurti", label: "PERSON")"#;
    const KURTI_ALIAS: &str =
        r#"(key: "kurti", name: "Kurti", label: "PERSON", aliases: ["Albin"])"#;
    const KURTI_KB: &str =
        r#"(key: "kurti", name: "Albin Kurti", label: "PERSON", kb: Some("Q1"))"#;
    const LAJCAK: &str = r#"(key: "lajcak", name: "Lajčák", label: "PERSON")"#;
    const KOSOVO: &str = r#"(key: "kosovo", name: "Kosovo", label: "GPE")"#;

    #[test]
    fn entities_created_on_both_sides_are_both_kept_in_key_order() {
        let out = merged(Some(&[]), &[LAJCAK], &[KOSOVO]);
        let kosovo = out.find("\"kosovo\"").unwrap();
        let lajcak = out.find("\"lajcak\"").unwrap();
        assert!(kosovo < lajcak, "{out}");
        assert!(
            out.starts_with("(\n    format: 1,\n    entities: [\n"),
            "{out}"
        );
    }

    #[test]
    fn a_change_on_one_side_wins_and_changes_on_both_sides_are_combined() {
        assert!(merged(Some(&[KURTI]), &[KURTI], &[KURTI_ALIAS]).contains("aliases: [\"Albin\"]"));
        assert!(merged(Some(&[KURTI]), &[KURTI_ALIAS], &[KURTI]).contains("aliases: [\"Albin\"]"));
        let both = merged(Some(&[KURTI]), &[KURTI_ALIAS], &[KURTI_KB]);
        assert!(
            both.contains(r#"(key: "kurti", name: "Albin Kurti", label: "PERSON", aliases: ["Albin", "Kurti"], kb: Some("Q1"))"#),
            "{both}"
        );
    }

    #[test]
    fn removed_on_one_side_and_changed_on_the_other_keeps_the_change() {
        assert!(merged(Some(&[KURTI]), &[], &[KURTI_ALIAS]).contains("\"kurti\""));
        assert!(!merged(Some(&[KURTI]), &[], &[KURTI]).contains("\"kurti\""));
    }

    #[test]
    fn a_version_that_does_not_parse_is_named() {
        let error = merge_registry_files(
            Path::new("entities.ron"),
            None,
            b"(format: 1, entities: [",
            &file(&[]),
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("entities.ron (yours):"), "{error}");
    }
}
