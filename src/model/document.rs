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

/// A document's title and what is known about it: what the Document details window edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    pub title: String,
    pub meta: DocumentMeta,
}

impl DocumentInfo {
    /// What is wrong with the values, one message per field, in field order; empty when all is
    /// well. `published` must be an RFC 3339 date-time (`2022-10-27T10:00:00Z`) or full-date
    /// (`2022-10-27`, RFC 3339's `full-date`); `language` a BCP 47-shaped tag (`en`, `sr-Latn`).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if let Some(published) = self.meta.published.as_deref()
            && !is_rfc3339(published)
        {
            problems.push((
                "published",
                format!(
                    "published {published:?} is not an RFC 3339 date: expected e.g. 2022-10-27 or \
                     2022-10-27T10:00:00Z, or nothing"
                ),
            ));
        }
        if let Some(language) = self.meta.language.as_deref() {
            let shaped = language.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
            if !shaped {
                problems.push((
                    "language",
                    format!(
                        "language {language:?} is not a language tag: expected e.g. en, sr-Latn or \
                         sq, or nothing"
                    ),
                ));
            }
        }
        for (field, value) in [
            ("title", Some(self.title.as_str())),
            ("outlet", self.meta.outlet.as_deref()),
            ("authors", self.meta.author.as_deref()),
            ("source URL", self.meta.url.as_deref()),
        ] {
            if value.is_some_and(|v| v.chars().any(char::is_control)) {
                problems.push((
                    field,
                    format!("the {field} holds a line break or control character"),
                ));
            }
        }
        problems
    }
}

/// Whether `value` is an RFC 3339 date-time (with offset) or full-date.
pub fn is_rfc3339(value: &str) -> bool {
    if value.len() == 10 {
        return value.parse::<jiff::civil::Date>().is_ok() && value.as_bytes()[4] == b'-';
    }
    value.parse::<jiff::Timestamp>().is_ok()
}

/// Something the import's cleaning removed from a document's text ([`crate::formats::noise`]),
/// kept so the analyst can put it back while the document has no annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedText {
    /// Where it goes back: a char offset into the document's current text.
    pub at: usize,
    /// Exactly the chars to insert there (a whole line comes with its paragraph break).
    pub text: String,
    /// Why it was removed, in a few words.
    pub why: String,
}

impl RemovedText {
    /// The removed text as shown: without the paragraph break it is put back with.
    pub fn shown(&self) -> &str {
        self.text.trim()
    }
}

/// A document's text with what cleaning removed from it: the two change together when a removal
/// is put back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CleanedText {
    pub text: Text,
    /// In text order (by `at`, then by where they were in the page).
    pub removed: Vec<RemovedText>,
}

impl CleanedText {
    /// The text with removal `index` put back, and the other removals moved to stay in place.
    /// `None` when there is no such removal or its place is outside the text.
    pub fn restore(&self, index: usize) -> Option<CleanedText> {
        let removal = self.removed.get(index)?;
        let text = self.text.as_str();
        let byte = char_to_byte(text, removal.at)?;
        let mut restored = String::with_capacity(text.len() + removal.text.len());
        restored.push_str(&text[..byte]);
        restored.push_str(&removal.text);
        restored.push_str(&text[byte..]);
        let added = removal.text.chars().count();
        let removed = self
            .removed
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(i, r)| {
                // What was removed after it, or at the same place but later in the page, moves on.
                let moves = r.at > removal.at || (r.at == removal.at && i > index);
                RemovedText {
                    at: if moves { r.at + added } else { r.at },
                    ..r.clone()
                }
            })
            .collect();
        Some(CleanedText {
            text: Text::new(restored),
            removed,
        })
    }

    /// The text with every removal put back (the last first, so no place moves).
    pub fn restore_all(&self) -> Option<CleanedText> {
        let mut cleaned = self.clone();
        for index in (0..self.removed.len()).rev() {
            cleaned = cleaned.restore(index)?;
        }
        Some(cleaned)
    }
}

fn char_to_byte(text: &str, at: usize) -> Option<usize> {
    if at == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(at)
}

/// An article. Its text never changes once it has annotations (offsets stay exact); before that,
/// only putting back what cleaning removed changes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: DocId,
    pub title: String,
    pub meta: DocumentMeta,
    pub text: Text,
    /// Whether CRLF (or lone CR) line endings were turned into LF at import.
    pub crlf_normalized: bool,
    /// What cleaning removed at import and has not been put back, in text order.
    pub removed: Vec<RemovedText>,
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
            removed: Vec::new(),
        }
    }

    /// The title and what is known about the document.
    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            title: self.title.clone(),
            meta: self.meta.clone(),
        }
    }

    /// The text with what cleaning removed from it.
    pub fn cleaned(&self) -> CleanedText {
        CleanedText {
            text: self.text.clone(),
            removed: self.removed.clone(),
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
    fn published_dates_are_rfc_3339_or_nothing() {
        for good in [
            "2022-10-27",
            "2022-10-27T10:00:00Z",
            "2022-10-27T10:00:00+02:00",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "27.10.2022",
            "2022-13-01",
            "yesterday",
            "2022-10-27T10:00:00",
            "",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn restoring_puts_text_back_and_moves_later_places() {
        let cleaned = CleanedText {
            text: Text::new("Вучић\n\nBody.\n\nEnd.".to_owned()),
            removed: vec![
                RemovedText {
                    at: 7,
                    text: "Caption 🇽🇰\n\n".into(),
                    why: "caption".into(),
                },
                RemovedText {
                    at: 7,
                    text: "Caption 🇽🇰\n\n".into(),
                    why: "repeat".into(),
                },
                RemovedText {
                    at: 18,
                    text: "\n\nRead More".into(),
                    why: "link".into(),
                },
            ],
        };
        let second = cleaned.restore(1).unwrap();
        assert_eq!(second.text.as_str(), "Вучић\n\nCaption 🇽🇰\n\nBody.\n\nEnd.");
        assert_eq!(second.removed[0].at, 7, "the earlier copy goes before it");
        assert_eq!(second.removed[1].at, 18 + 12);
        let all = cleaned.restore_all().unwrap();
        assert_eq!(
            all.text.as_str(),
            "Вучић\n\nCaption 🇽🇰\n\nCaption 🇽🇰\n\nBody.\n\nEnd.\n\nRead More"
        );
        assert!(all.removed.is_empty());
        let one_by_one = cleaned
            .restore(0)
            .unwrap()
            .restore(0)
            .unwrap()
            .restore(0)
            .unwrap();
        assert_eq!(one_by_one, all);
        assert!(cleaned.restore(3).is_none());
    }

    #[test]
    fn import_normalises_crlf_and_says_so() {
        let doc = Document::from_raw(DocId::slug("a"), "A", "one\r\ntwo");
        assert_eq!(doc.text.as_str(), "one\ntwo");
        assert!(doc.crlf_normalized);
    }
}
