//! Plain-text tables for the commands that print them (stats, agree, eval), laid out by `comfy-table`:
//! no borders, two spaces between columns, widths measured in display columns (so κ, — and Cyrillic
//! take one column each), trailing spaces trimmed.

use comfy_table::presets::NOTHING;
use comfy_table::{CellAlignment, Table};

/// Columns padded to their widest cell; the first `text_columns` columns left-aligned (names), the
/// rest right-aligned (numbers).
pub(super) fn aligned(header: &[&str], rows: &[Vec<String>], text_columns: usize) -> String {
    aligned_by(header, rows, |column| column < text_columns)
}

/// As [`aligned`], with the left-aligned columns chosen by `left`.
pub(super) fn aligned_by(
    header: &[&str],
    rows: &[Vec<String>],
    left: impl Fn(usize) -> bool,
) -> String {
    let mut table = Table::new();
    table.load_style(NOTHING);
    table.set_header(header.to_vec());
    for row in rows {
        table.add_row(row.clone());
    }
    let columns = table.column_count();
    for (i, column) in table.column_iter_mut().enumerate() {
        // Two spaces between columns: the right padding of every column but the last.
        column.set_padding((0, if i + 1 == columns { 0 } else { 2 }));
        column.set_cell_alignment(if left(i) {
            CellAlignment::Left
        } else {
            CellAlignment::Right
        });
    }
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_names_left_and_numbers_right() {
        let rows = vec![
            vec!["alice".to_owned(), "12".to_owned()],
            vec!["bo".to_owned(), "3".to_owned()],
        ];
        assert_eq!(
            aligned(&["layer", "entities"], &rows, 1),
            "layer  entities\nalice        12\nbo            3\n"
        );
    }

    #[test]
    fn non_ascii_labels_keep_columns_aligned() {
        let rows = vec![vec!["Вучић".to_owned(), "1".to_owned()]];
        assert_eq!(aligned(&["name", "n"], &rows, 1), "name   n\nВучић  1\n");
    }

    #[test]
    fn greek_letters_and_dashes_keep_columns_aligned() {
        let rows = vec![vec!["PERSON".to_owned(), "—".to_owned()]];
        assert_eq!(
            aligned(&["label", "Cohen κ"], &rows, 1),
            "label   Cohen κ\nPERSON        —\n"
        );
    }

    #[test]
    fn a_left_aligned_last_column_is_trimmed() {
        let rows = vec![vec!["a".to_owned(), "speaker 1/2".to_owned()]];
        assert_eq!(
            aligned_by(&["source", "accuracy"], &rows, |_| true),
            "source  accuracy\na       speaker 1/2\n"
        );
    }
}
