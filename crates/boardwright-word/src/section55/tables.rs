//! Plain data tables for Section 55 documents: a shaded header row repeated
//! on each page, one paragraph per cell, fixed column widths, no merged cells.

use docx_rs::{Paragraph, Run, Table, TableRow, WidthType};

use crate::blocks::{table_cell, text_run};
use crate::house_style::style;

/// A table of text with `header` as its first row. `widths` are in twips and
/// should add up to the text width; a row with fewer cells is padded.
pub fn text_table(header: &[&str], widths: &[usize], rows: &[Vec<String>]) -> Table {
    let header_row = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(label, &width)| {
                let p = Paragraph::new().style(style::TABLE_TEXT).add_run(text_run(label, Run::new().bold()));
                table_cell(vec![p], width, true)
            })
            .collect(),
    );
    let mut table_rows = vec![crate::workarounds::mark_header_row(header_row)];
    for row in rows {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, &width)| {
                let text = row.get(i).map(String::as_str).unwrap_or_default();
                let paragraphs = text
                    .split("\n\n")
                    .map(|piece| Paragraph::new().style(style::TABLE_TEXT).add_run(text_run(piece.trim(), Run::new())))
                    .collect();
                table_cell(paragraphs, width, false)
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    let total: usize = widths.iter().sum();
    Table::new(table_rows).set_grid(widths.to_vec()).width(total, WidthType::Dxa)
}
