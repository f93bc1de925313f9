//! Who does what on a shared project: the curators (who own the schema, the document index and the
//! assignments in `project.ron`, and the gold layer) and which annotators each document is assigned to.
//!
//! A project with no curators is a project nobody has set up for a team: everyone may change
//! `project.ron`, as before teams existed.

use std::collections::BTreeMap;

use super::DocId;

/// The team of a project. Names are annotator names (they name layers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Team {
    /// Who may change the schema, the assignments and the document index, and write gold.
    pub curators: Vec<String>,
    /// The annotators each document is assigned to, in the order they were assigned. A document
    /// that is not here is assigned to nobody.
    pub assignments: BTreeMap<DocId, Vec<String>>,
}

impl Team {
    /// Whether `name` may change `project.ron`: a curator, or anyone while nobody is.
    pub fn may_change_project(&self, name: &str) -> bool {
        self.curators.is_empty() || self.is_curator(name)
    }

    pub fn is_curator(&self, name: &str) -> bool {
        self.curators.iter().any(|c| c == name)
    }

    /// The annotators `doc` is assigned to (empty when nobody).
    pub fn assigned(&self, doc: &DocId) -> &[String] {
        self.assignments.get(doc).map_or(&[], Vec::as_slice)
    }

    /// Whether `doc` is assigned to `name`.
    pub fn is_assigned(&self, doc: &DocId, name: &str) -> bool {
        self.assigned(doc).iter().any(|a| a == name)
    }

    pub fn is_empty(&self) -> bool {
        self.curators.is_empty() && self.assignments.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_curators_everyone_may_change_the_project_file() {
        let mut team = Team::default();
        assert!(team.may_change_project("amira"));
        team.curators.push("carla".into());
        assert!(!team.may_change_project("amira"));
        assert!(team.may_change_project("carla"));
    }
}
