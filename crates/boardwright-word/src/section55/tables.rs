//! Plain data tables for Section 55 documents: a shaded header row repeated
//! on each page, one paragraph per cell, fixed column widths, no merged cells.

use docx_rs::{Paragraph, Run, Table, TableRow, WidthType};

use crate::blocks::{table_cell, text_run};
use crate::house_style::style;

/// The text of a cell: an optional bold first line, then paragraphs split at blank lines.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub lead: Option<String>,
    pub text: String,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { lead: None, text }
    }
}

/// A table of text with `header` as its first row. `widths` are in twips and
/// should add up to the text width; a row with fewer cells is padded.
pub fn text_table(header: &[&str], widths: &[usize], rows: &[Vec<Cell>]) -> Table {
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
                let cell = row.get(i).cloned().unwrap_or_default();
                let line =
                    |text: &str, run: Run| Paragraph::new().style(style::TABLE_TEXT).add_run(text_run(text, run));
                let mut paragraphs: Vec<Paragraph> =
                    cell.lead.iter().map(|lead| line(lead, Run::new().bold())).collect();
                paragraphs.extend(
                    cell.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| line(p, Run::new())),
                );
                table_cell(paragraphs, width, false)
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    let total: usize = widths.iter().sum();
    Table::new(table_rows).set_grid(widths.to_vec()).width(total, WidthType::Dxa)
}
