//! Find in the current document, and labelling the hits with the last label used.

use super::{Workbench, WorkbenchError};
use crate::model::{CharSpan, Selection};

impl Workbench {
    pub(super) fn find_text(&mut self, query: String) -> Result<(), WorkbenchError> {
        self.find.query = query;
        self.find.current = None;
        self.refresh_find();
        let from = self.selection.span.map_or(0, |s| s.start);
        if self.find.hits.is_empty() {
            return Ok(());
        }
        let first = self.find.hits.partition_point(|hit| hit.start < from);
        self.go_to_hit(if first < self.find.hits.len() {
            first
        } else {
            0
        });
        Ok(())
    }

    /// Recomputes the hits of the query in the current document (text never changes, so only a new
    /// query or another document needs this).
    pub(super) fn refresh_find(&mut self) {
        let hits = match self.current_doc() {
            Some(doc) if !self.find.query.is_empty() => {
                occurrences(doc.text.as_str(), &self.find.query)
            }
            _ => Vec::new(),
        };
        self.find.current = self.find.current.filter(|&i| i < hits.len());
        self.find.hits = hits;
    }

    pub(super) fn step_find(&mut self, forward: bool) -> Result<(), WorkbenchError> {
        let count = self.find.hits.len();
        if count == 0 {
            return Err(WorkbenchError::refused(if self.find.query.is_empty() {
                "type something to find first".to_owned()
            } else {
                format!("{:?} does not occur in this document", self.find.query)
            }));
        }
        let next = match self.find.current {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => 0,
            None => count - 1,
        };
        self.go_to_hit(next);
        Ok(())
    }

    /// Labels the current hit with the last label used and moves on to the next hit.
    pub(super) fn label_find_hit(&mut self) -> Result<(), WorkbenchError> {
        let label = self.last_label.clone().ok_or_else(|| {
            WorkbenchError::refused("label something first: this key repeats the last label")
        })?;
        let hit = self
            .find
            .current_hit()
            .ok_or_else(|| WorkbenchError::refused("find something first"))?;
        let before = self.selection.clone();
        self.selection = Selection {
            doc: self.current_id().cloned(),
            span: Some(hit),
            annotation: None,
        };
        if let Err(error) = self.label(&label) {
            self.selection = before;
            return Err(error);
        }
        if self.find.hits.len() > 1 {
            self.step_find(true)?;
        }
        Ok(())
    }

    fn go_to_hit(&mut self, index: usize) {
        let Some(&hit) = self.find.hits.get(index) else {
            return;
        };
        self.find.current = Some(index);
        self.selection = Selection {
            doc: self.current_id().cloned(),
            span: Some(hit),
            annotation: None,
        };
    }
}

/// Every non-overlapping occurrence of `query` in `text`, case-insensitive, as char spans.
///
/// Chars are compared by their simple lower case (one char for one char), so offsets stay those of
/// the original text even where full case folding would change the length (`İ`, `ß`).
fn occurrences(text: &str, query: &str) -> Vec<CharSpan> {
    let fold = |c: char| {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let haystack: Vec<char> = text.chars().map(fold).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        if haystack[i] == needle[0] && haystack[i..i + needle.len()] == needle[..] {
            hits.push(CharSpan::new(i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_case_insensitive_char_spans() {
        let text = "Вучић met КУРТИ; вучић left. 🇽🇰 Вучић";
        assert_eq!(
            occurrences(text, "вучић"),
            vec![
                CharSpan::new(0, 5),
                CharSpan::new(17, 22),
                CharSpan::new(32, 37)
            ]
        );
        assert_eq!(occurrences(text, "курти"), vec![CharSpan::new(10, 15)]);
        assert!(occurrences(text, "").is_empty());
    }
}
