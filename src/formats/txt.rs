//! Plain-text import: a file becomes one document, or one document per non-empty line.
//!
//! Conventions, so that offsets agree with other tools reading the same file:
//! - CRLF and lone CR become LF, and the document records that they did ([`Document::from_raw`]).
//! - A leading byte-order mark (U+FEFF) is dropped: it is an encoding artefact, not text, and keeping it
//!   would shift every offset by one against tools that strip it.
//! - A file (or line) holding only whitespace yields no document; the caller may warn about it.

use std::path::Path;

use crate::model::{DocId, Document};

/// Titles of per-line documents are cut to about this many chars, at a word boundary.
pub const LINE_TITLE_CHARS: usize = 80;

/// A whole-file document's title is its first non-empty line, cut to this many chars: long enough for
/// any headline, short enough that a file whose first line is a whole paragraph gets a usable title.
pub const FILE_TITLE_CHARS: usize = 200;

/// The documents in one plain-text file.
///
/// - `split_lines == false`: one document whose text is the whole file (line endings normalised), titled
///   by its first non-empty line (trimmed) or, failing that, `file_name`; its id is the slug of the file
///   stem (`Kosovo Talks.txt` → `kosovo-talks`).
/// - `split_lines == true`: one document per non-empty line, in file order; its text is the line without
///   surrounding whitespace, its title the line shortened to about [`LINE_TITLE_CHARS`] chars, its id
///   `<stem>-1`, `<stem>-2`, … numbered by document (empty lines are not counted).
///
/// Ids may collide with documents already in a project; [`crate::model::Project::add_document`] makes
/// them unique.
pub fn documents_from_text(file_name: &str, raw: &str, split_lines: bool) -> Vec<Document> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let stem = Path::new(file_name)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or(file_name);
    let stem_id = DocId::slug(stem);
    if !split_lines {
        if raw.trim().is_empty() {
            return Vec::new();
        }
        let document = Document::from_raw(stem_id, "", raw);
        let title = document
            .text
            .as_str()
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .map_or_else(
                || file_name.to_owned(),
                |line| shorten(line, FILE_TITLE_CHARS),
            );
        return vec![Document { title, ..document }];
    }
    let (text, crlf_normalized) = crate::model::text::normalize_newlines(raw);
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(i, line)| {
            // The stem slug is at most 80 chars, so `<stem>-<n>` is always a valid id; slug() is only a
            // fallback that cannot fail.
            let id = DocId::new(format!("{stem_id}-{}", i + 1))
                .unwrap_or_else(|| DocId::slug(&format!("{stem_id}-{}", i + 1)));
            let mut document = Document::from_raw(id, shorten(line, LINE_TITLE_CHARS), line);
            document.crlf_normalized = crlf_normalized;
            document
        })
        .collect()
}

/// `line` cut to at most `max` chars: at the last space before the limit when there is one in the second
/// half, else mid-word, with `…` appended when anything was cut.
fn shorten(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        return line.to_owned();
    }
    // Leave room for the ellipsis.
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(space) if cut[..space].chars().count() >= max / 2 => cut[..space].trim_end(),
        _ => cut.as_str(),
    };
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_one_document_titled_by_its_first_line() {
        let docs = documents_from_text(
            "Kosovo Talks.txt",
            "\r\n  Stalemate persists  \r\nSerbia and Kosovo\r\n",
            false,
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id.as_str(), "kosovo-talks");
        assert_eq!(docs[0].title, "Stalemate persists");
        assert_eq!(
            docs[0].text.as_str(),
            "\n  Stalemate persists  \nSerbia and Kosovo\n"
        );
        assert!(docs[0].crlf_normalized);
    }

    #[test]
    fn a_file_without_words_has_no_document() {
        assert!(documents_from_text("empty.txt", " \n\t\n", false).is_empty());
        assert!(documents_from_text("empty.txt", "", true).is_empty());
    }

    #[test]
    fn split_lines_numbers_the_non_empty_lines() {
        let raw = "Вучић и Курти\r\n\r\n  Prishtinë, çështje  \r\n🇽🇰 👨‍👩‍👧\r\n";
        let docs = documents_from_text("lines.txt", raw, true);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["lines-1", "lines-2", "lines-3"]);
        assert_eq!(docs[0].text.as_str(), "Вучић и Курти");
        assert_eq!(docs[1].text.as_str(), "Prishtinë, çështje");
        assert_eq!(docs[1].title, "Prishtinë, çështje");
        assert_eq!(docs[2].text.char_len(), 8);
        assert!(docs.iter().all(|d| d.crlf_normalized));
    }

    #[test]
    fn a_byte_order_mark_is_not_text() {
        let docs = documents_from_text("bom.txt", "\u{feff}Kurti", false);
        assert_eq!(docs[0].text.as_str(), "Kurti");
    }

    #[test]
    fn long_lines_get_titles_cut_at_a_word() {
        let line = "word ".repeat(40);
        let docs = documents_from_text("long.txt", &line, true);
        let title = &docs[0].title;
        assert!(title.chars().count() <= LINE_TITLE_CHARS, "{title}");
        assert!(title.ends_with("word…"), "{title}");
        assert_eq!(docs[0].text.as_str(), line.trim());
    }

    #[test]
    fn a_long_word_is_cut_mid_word() {
        let title = shorten(&"ж".repeat(100), 10);
        assert_eq!(title, format!("{}…", "ж".repeat(9)));
    }
}
