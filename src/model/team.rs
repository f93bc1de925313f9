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

/// Assigns each of `docs` to `per_doc` of `annotators` (the overlap agreement is measured on),
/// spreading the work evenly: every annotator gets ⌊n⌋ or ⌈n⌉ of the `docs.len() × per_doc`
/// assignments, and the groups rotate so that every pair works together. With a seed the documents
/// are shuffled first (the same seed, the same assignment); without one they go in the order given.
/// `per_doc` must be between 1 and `annotators.len()`.
pub fn distribute(
    docs: &[DocId],
    annotators: &[String],
    per_doc: usize,
    seed: Option<u64>,
) -> BTreeMap<DocId, Vec<String>> {
    let mut order: Vec<&DocId> = docs.iter().collect();
    if let Some(seed) = seed {
        let mut state = seed;
        // Fisher–Yates with splitmix64: small, and the same on every platform and release.
        for i in (1..order.len()).rev() {
            let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
    let n = annotators.len();
    let mut out = BTreeMap::new();
    if n == 0 || per_doc == 0 || per_doc > n {
        return out;
    }
    for (i, doc) in order.into_iter().enumerate() {
        let group = (0..per_doc)
            .map(|j| annotators[(i * per_doc + j) % n].clone())
            .collect();
        out.insert(doc.clone(), group);
    }
    out
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Whether `id` matches a glob of `*` (any run of characters) and `?` (one character).
pub fn glob_matches(glob: &str, id: &str) -> bool {
    let (glob, id): (Vec<char>, Vec<char>) = (glob.chars().collect(), id.chars().collect());
    // The classic two-pointer match with one backtrack point for the last `*`.
    let (mut g, mut i, mut star, mut mark) = (0, 0, None, 0);
    while i < id.len() {
        if g < glob.len() && (glob[g] == '?' || glob[g] == id[i]) {
            g += 1;
            i += 1;
        } else if g < glob.len() && glob[g] == '*' {
            star = Some(g);
            mark = i;
            g += 1;
        } else if let Some(s) = star {
            g = s + 1;
            mark += 1;
            i = mark;
        } else {
            return false;
        }
    }
    glob[g..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<DocId> {
        (0..n)
            .filter_map(|i| DocId::new(format!("d{i:02}").as_str()))
            .collect()
    }

    #[test]
    fn every_document_gets_per_doc_annotators_and_the_load_is_even() {
        let names: Vec<String> = ["amira", "bruno", "chen"].map(String::from).to_vec();
        let assigned = distribute(&ids(10), &names, 2, Some(7));
        assert_eq!(assigned.len(), 10);
        for group in assigned.values() {
            assert_eq!(group.len(), 2);
            assert_ne!(group[0], group[1]);
        }
        let load = |name: &str| {
            assigned
                .values()
                .filter(|g| g.iter().any(|a| a == name))
                .count()
        };
        let loads: Vec<usize> = names.iter().map(|n| load(n)).collect();
        assert_eq!(loads.iter().sum::<usize>(), 20);
        assert!(loads.iter().all(|&l| l == 6 || l == 7), "{loads:?}");
        assert_eq!(distribute(&ids(10), &names, 2, Some(7)), assigned);
        assert_ne!(distribute(&ids(10), &names, 2, Some(8)), assigned);
    }

    #[test]
    fn globs_match_document_ids() {
        assert!(glob_matches("kosovo-*", "kosovo-serbia-talks"));
        assert!(glob_matches("*talks", "kosovo-serbia-talks"));
        assert!(glob_matches("d?1", "d01"));
        assert!(!glob_matches("kosovo-*", "greek-court"));
        assert!(glob_matches("*", "anything"));
    }

    #[test]
    fn without_curators_everyone_may_change_the_project_file() {
        let mut team = Team::default();
        assert!(team.may_change_project("amira"));
        team.curators.push("carla".into());
        assert!(!team.may_change_project("amira"));
        assert!(team.may_change_project("carla"));
    }
}
