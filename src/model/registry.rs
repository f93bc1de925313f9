//! The entity registry: the project's canonical entities ("Aleksandar Vučić", a PERSON, Wikidata
//! Q1055), each with the other names it goes by. Entity mentions link to one by its key, so that
//! "Vucic", "Aleksandar Vučić" and "the Serbian president" are one person across the corpus.
//!
//! Pure data with lookups; changed only through [`super::Edit::SetEntity`], whose inverse swaps the
//! two versions, so creating, renaming, merging and splitting entities are all undoable.

use std::collections::BTreeMap;
use std::fmt;

use super::fold::fold_query;

/// A canonical entity's stable key in its project: a slug made from its name when it was created
/// (`aleksandar-vucic`), used in exports. Only ASCII letters, digits, `-` and `_`. Made from the
/// name rather than numbered, so that two analysts who create entities at the same time on two
/// machines do not pick the same key for different people.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey(String);

impl EntityKey {
    /// `None` unless `key` is a non-empty slug of at most 120 ASCII letters, digits, `-` and `_`.
    pub fn new(key: impl Into<String>) -> Option<Self> {
        let key = key.into();
        let valid = !key.is_empty()
            && key.len() <= 120
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then_some(Self(key))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One entity the corpus talks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonicalEntity {
    pub key: EntityKey,
    /// The name the analyst wants shown ("Aleksandar Vučić").
    pub name: String,
    /// An entity label of the schema (PERSON, ORG, …).
    pub label: String,
    /// Other names and descriptions it goes by ("Vucic", "the Serbian president"), in the order
    /// they were added.
    pub aliases: Vec<String>,
    /// An id in a knowledge base, e.g. a Wikidata id (`Q1055`).
    pub kb: Option<String>,
    pub note: String,
    /// Set when this entity was merged into another: mentions linked to it stand for that one.
    /// Kept rather than removed, so a merge never rewrites anyone's layer files (each annotator's
    /// own file in git), and mentions linked on another machine before the merge still resolve.
    pub merged_into: Option<EntityKey>,
}

impl CanonicalEntity {
    /// A new entity with no aliases, knowledge-base id or note.
    pub fn new(key: EntityKey, name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            key,
            name: name.into(),
            label: label.into(),
            aliases: Vec::new(),
            kb: None,
            note: String::new(),
            merged_into: None,
        }
    }

    /// Its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Whether `surface` is its name or one of its aliases, case and accents ignored.
    pub fn is_called(&self, surface: &str) -> bool {
        let folded = fold_query(surface.trim());
        !folded.is_empty() && self.names().any(|name| fold_query(name.trim()) == folded)
    }

    /// Adds `alias` unless the entity is already called that (case and accents ignored). Returns
    /// whether it was added.
    pub fn add_alias(&mut self, alias: &str) -> bool {
        let alias = alias.trim();
        if alias.is_empty() || self.is_called(alias) {
            return false;
        }
        self.aliases.push(alias.to_owned());
        true
    }
}

/// The project's canonical entities, by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registry {
    entities: BTreeMap<EntityKey, CanonicalEntity>,
}

impl Registry {
    /// A registry of `entities`; `Err` names the first key given twice.
    pub fn from_entities(entities: Vec<CanonicalEntity>) -> Result<Self, EntityKey> {
        let mut registry = Self::default();
        for entity in entities {
            if registry.entities.contains_key(&entity.key) {
                return Err(entity.key);
            }
            registry.entities.insert(entity.key.clone(), entity);
        }
        Ok(registry)
    }

    pub fn get(&self, key: &EntityKey) -> Option<&CanonicalEntity> {
        self.entities.get(key)
    }

    /// Every entity, by key, merged ones included.
    pub fn iter(&self) -> impl Iterator<Item = &CanonicalEntity> {
        self.entities.values()
    }

    /// The entities that were not merged into another, by key.
    pub fn live(&self) -> impl Iterator<Item = &CanonicalEntity> {
        self.entities.values().filter(|e| e.merged_into.is_none())
    }

    /// The entity a link to `key` stands for: the entity itself, or the one it was merged into
    /// (through any number of merges). `None` for a key the registry does not have; a chain that
    /// ends at a missing key or loops (which only hand-edited files can make) stops at the last
    /// entity it reached.
    pub fn resolve(&self, key: &EntityKey) -> Option<&CanonicalEntity> {
        let mut entity = self.entities.get(key)?;
        for _ in 0..self.entities.len() {
            match entity
                .merged_into
                .as_ref()
                .and_then(|k| self.entities.get(k))
            {
                Some(next) => entity = next,
                None => break,
            }
        }
        Some(entity)
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// A key for a new entity called `name` that no entity has: its slug, then `-2`, `-3`, ….
    pub fn fresh_key(&self, name: &str) -> EntityKey {
        let base = slug(name);
        if !self.entities.contains_key(&base) {
            return base;
        }
        (2_usize..)
            .map(|n| EntityKey(format!("{base}-{n}")))
            .find(|key| !self.entities.contains_key(key))
            .unwrap_or(base)
    }

    /// Puts `entity` under `key` (`None` removes it). Used by [`super::Project::apply`], which
    /// checks the edit's `before` first.
    pub(crate) fn set(&mut self, key: &EntityKey, entity: Option<CanonicalEntity>) {
        match entity {
            Some(entity) => {
                self.entities.insert(key.clone(), entity);
            }
            None => {
                self.entities.remove(key);
            }
        }
    }
}

/// A slug made from any name: lower case ASCII letters and digits, runs of anything else become
/// `-`; letters with accents lose them ("Vučić" → `vucic`); `entity` when nothing is left.
fn slug(name: &str) -> EntityKey {
    let mut slug = String::new();
    for c in fold_query(name).chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 80 {
            break;
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("entity");
    }
    EntityKey(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(key: &str, name: &str) -> CanonicalEntity {
        CanonicalEntity::new(
            EntityKey::new(key).unwrap_or_else(|| panic!("bad key {key}")),
            name,
            "PERSON",
        )
    }

    #[test]
    fn a_merged_entity_resolves_to_the_one_it_was_merged_into_even_through_loops() {
        let mut a = entity("a", "A");
        let mut b = entity("b", "B");
        let c = entity("c", "C");
        b.merged_into = EntityKey::new("c");
        a.merged_into = EntityKey::new("b");
        let mut registry = Registry::from_entities(vec![a, b, c]).unwrap();
        let key = |k: &str| EntityKey::new(k).unwrap();
        assert_eq!(
            registry.resolve(&key("a")).map(|e| e.name.as_str()),
            Some("C")
        );
        assert_eq!(registry.live().count(), 1);
        assert!(registry.resolve(&key("zz")).is_none());
        let mut looping = entity("c", "C");
        looping.merged_into = EntityKey::new("a");
        registry.set(&key("c"), Some(looping));
        assert!(
            registry.resolve(&key("a")).is_some(),
            "a loop ends, somewhere"
        );
    }

    #[test]
    fn a_new_entity_is_keyed_by_its_name_without_accents_and_never_by_a_taken_key() {
        let mut registry = Registry::default();
        assert_eq!(
            registry.fresh_key("Aleksandar Vučić").as_str(),
            "aleksandar-vucic"
        );
        assert_eq!(registry.fresh_key("  «EU»  ").as_str(), "eu");
        assert_eq!(registry.fresh_key("Вучић").as_str(), "entity");
        let key = registry.fresh_key("Kosovo");
        registry.set(&key, Some(entity("kosovo", "Kosovo")));
        assert_eq!(registry.fresh_key("Kosovo").as_str(), "kosovo-2");
        assert_eq!(registry.fresh_key("kosovo!").as_str(), "kosovo-2");
    }

    #[test]
    fn keys_are_slugs() {
        assert!(EntityKey::new("aleksandar-vucic_2").is_some());
        for bad in ["", "a b", "../x", ".hidden", "vučić", &"x".repeat(121)] {
            assert!(EntityKey::new(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn an_entity_is_called_by_its_name_and_aliases_with_case_and_accents_ignored() {
        let mut vucic = entity("aleksandar-vucic", "Aleksandar Vučić");
        assert!(vucic.add_alias("Vučić"));
        assert!(!vucic.add_alias(" VUCIC "), "the same alias folded");
        assert!(!vucic.add_alias("aleksandar vucic"), "the name itself");
        assert!(!vucic.add_alias("  "));
        assert!(vucic.is_called("vucic"));
        assert!(vucic.is_called("Aleksandar Vucic"));
        assert!(!vucic.is_called("Vučić's"));
        assert_eq!(vucic.aliases, ["Vučić"]);
    }

    #[test]
    fn a_registry_refuses_a_key_given_twice() {
        let twice =
            Registry::from_entities(vec![entity("eu", "EU"), entity("eu", "European Union")]);
        assert_eq!(twice.err().map(|k| k.to_string()).as_deref(), Some("eu"));
    }
}
