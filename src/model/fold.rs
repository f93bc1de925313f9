//! Folding text for search: case and diacritics ignored, so that "Vucic" finds "Vučić" and
//! "VUČIĆ", and "Kurti's" finds "Kurti’s".
//!
//! A document's text is folded one char to exactly one char ([`fold_char`]), so a folded text has
//! the same char offsets as the original: a hit found in the folded copy is, unchanged, a span of the
//! original text. Folds that would change the length (`ß` to `ss`, `æ` to `ae`) are not made; a
//! combining mark standing on its own (text in decomposed form, NFD) stays as it is. A query is
//! folded freely ([`fold_query`]): its combining marks are dropped, so a decomposed query finds
//! composed text.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The char `c` stands for in a search: its simple lower case, without diacritics (the first char
/// of its canonical decomposition), with typographic quotes made plain.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    if is_combining_mark(lower) {
        return lower;
    }
    let mut base = None;
    decompose_canonical(lower, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    let base = base.unwrap_or(lower);
    match base {
        // Letters with a stroke or bar have no canonical decomposition, but readers treat them as
        // the plain letter with a mark (Đukanović, Łódź, Ørsted).
        'đ' => 'd',
        'ħ' => 'h',
        'ł' => 'l',
        'ø' => 'o',
        'ŧ' => 't',
        'ı' => 'i',
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        '\u{a0}' => ' ',
        other => other,
    }
}

/// The folded form of a document's text: exactly one char for each char of `text`.
pub fn fold_text(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(fold_char).collect()
}

/// The folded form of a query: each char folded, combining marks dropped.
pub fn fold_query(query: &str) -> String {
    query
        .chars()
        .filter(|&c| !is_combining_mark(c))
        .map(fold_char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_char_for_each_char() {
        for text in [
            "Вучић и Курти",
            "Prishtinë, çështje",
            "🇽🇰 👨‍👩‍👧",
            "İstanbul ß Æ",
            "c\u{30c}",
        ] {
            assert_eq!(
                fold_text(text).chars().count(),
                text.chars().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn case_and_diacritics_fold_away() {
        assert_eq!(fold_text("Vučić"), "vucic");
        assert_eq!(fold_text("VUČIĆ"), "vucic");
        assert_eq!(fold_text("Đukanović"), "dukanovic");
        assert_eq!(fold_text("Prishtinë"), "prishtine");
        assert_eq!(fold_text("Kurti’s"), "kurti's");
        assert_eq!(fold_query("Vuc\u{30c}ic\u{301}"), "vucic");
    }
}
