//! Documents: an article's text and what is known about it.

use std::fmt;

use super::text::Text;

/// A document's stable id: a slug made at import (`kosovo-serbia-brussels-talks`), unique in its project,
/// used in file names. Only ASCII letters, digits, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(String);

impl DocId {
    /// `None` unless the id is a non-empty slug of ASCII letters, digits, `-` and `_`.
    pub fn new(id: impl Into<String>) -> Option<Self> {
        let id = id.into();
        let valid = !id.is_empty()
            && id.len() <= 120
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then_some(Self(id))
    }

    /// A slug made from any name: lower case, runs of other chars become `-`; `doc` when nothing is left.
    pub fn slug(name: &str) -> Self {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() || c == '_' {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        slug.truncate(80);
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() {
            slug.push_str("doc");
        }
        Self(slug)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is known about an article besides its text. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// As the source gives it, ideally ISO 8601 (`2022-10-27`); web imports write RFC 3339.
    pub published: Option<String>,
    /// The authors, as the source names them; several are joined with `, `.
    pub author: Option<String>,
    /// A BCP 47 tag such as `en` or `sr-Latn`.
    pub language: Option<String>,
    /// When the page was fetched or the saved page imported, RFC 3339 (`2026-12-03T07:30:00Z`).
    pub retrieved: Option<String>,
    /// The document this one repeats (the same story republished, found at import as a
    /// near-duplicate), when the analyst imported it as a linked duplicate.
    pub duplicate_of: Option<DocId>,
}

/// An article. Its text never changes after import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: DocId,
    pub title: String,
    pub meta: DocumentMeta,
    pub text: Text,
    /// Whether CRLF (or lone CR) line endings were turned into LF at import.
    pub crlf_normalized: bool,
}

impl Document {
    /// A document from raw imported text: line endings are normalised and the fact recorded.
    pub fn from_raw(id: DocId, title: impl Into<String>, raw: &str) -> Self {
        let (text, crlf_normalized) = super::text::normalize_newlines(raw);
        Self {
            id,
            title: title.into(),
            meta: DocumentMeta::default(),
            text: Text::new(text),
            crlf_normalized,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_name_safe() {
        assert_eq!(
            DocId::slug("Kosovo & Serbia: talks!").as_str(),
            "kosovo-serbia-talks"
        );
        assert_eq!(DocId::slug("Вучић").as_str(), "doc");
        assert!(DocId::new("../etc").is_none());
        assert!(DocId::new("a-b_c1").is_some());
    }

    #[test]
    fn import_normalises_crlf_and_says_so() {
        let doc = Document::from_raw(DocId::slug("a"), "A", "one\r\ntwo");
        assert_eq!(doc.text.as_str(), "one\ntwo");
        assert!(doc.crlf_normalized);
    }
}
