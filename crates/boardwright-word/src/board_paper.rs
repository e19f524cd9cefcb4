//! A board paper in the house format: header block, title, numbered
//! sections, Bibliography, appendices; classification on every page.

use boardwright_model::dates::written_out;
use boardwright_model::{BoardPaper, Classification, ContactOfficer, FrontSheet, Publication};
use docx_rs::{
    Docx, Footer, Header, NumPages, PageNum, Paragraph, ParagraphChild, Run, SpecialIndentType, Tab, TabValueType,
    Table, TableRow, WidthType,
};

use crate::blocks::{self, add_blocks, add_inlines, text_run, Part};
use crate::house_style::{self as house, style};

pub fn document(paper: &BoardPaper) -> Docx {
    let front = &paper.front_sheet;
    let mut docx = page_furniture(house::apply(Docx::new()), &front.classification);
    for (label, value) in front_sheet_rows(front) {
        let tab = house::FRONT_SHEET_TAB as i32;
        let row = Paragraph::new()
            .style(style::FRONT_SHEET)
            .add_tab(Tab::new().val(TabValueType::Left).pos(house::FRONT_SHEET_TAB))
            .indent(Some(tab), Some(SpecialIndentType::Hanging(tab)), None, None)
            .add_run(Run::new().bold().add_text(label))
            .add_run(text_run(&value, Run::new().add_tab()));
        docx = docx.add_paragraph(row);
    }
    let title = Paragraph::new().style(style::TITLE).add_run(text_run(front.title.trim(), Run::new()));
    let mut parts = vec![Part::Paragraph(Box::new(title))];
    for section in &paper.sections {
        let mut heading = blocks::styled_paragraph(style::HEADING_1);
        blocks::set_numbering(&mut heading, house::PAPER_NUMBERING, 0);
        heading.children.push(ParagraphChild::Run(Box::new(text_run(section.heading.trim(), Run::new()))));
        parts.push(Part::Paragraph(heading));
        for numbered in &section.paragraphs {
            let (first, rest) = match numbered.content.split_first() {
                Some((boardwright_model::Block::Paragraph(p), rest)) => (p.content.as_slice(), rest),
                // The decoder guarantees a leading paragraph; an empty line keeps the number if not.
                _ => (&[][..], numbered.content.as_slice()),
            };
            let mut para = blocks::styled_paragraph(style::NUMBERED);
            blocks::set_numbering(&mut para, house::PAPER_NUMBERING, 1);
            add_inlines(&mut para, first);
            parts.push(Part::Paragraph(para));
            add_blocks(&mut parts, rest, house::NUMBER_INDENT);
        }
    }
    if !paper.bibliography.is_empty() || paper.contact_officer.is_some() {
        parts.push(Part::Paragraph(Box::new(unnumbered_heading("Bibliography", false))));
        parts.push(Part::Table(Box::new(bibliography(paper))));
    }
    for (i, appendix) in paper.appendices.iter().enumerate() {
        let letter = appendix_letter(i);
        let title = format!("Appendix {letter}: {}", appendix.title.trim());
        parts.push(Part::Paragraph(Box::new(unnumbered_heading(&title, true))));
        add_blocks(&mut parts, &appendix.content, 0);
    }
    crate::workarounds::append_body(docx, parts)
}

fn front_sheet_rows(front: &FrontSheet) -> Vec<(&'static str, String)> {
    let mut rows = vec![("To:", front.to.clone()), ("From:", front.from.clone()), ("Date:", written_out(front.date))];
    if let Some(meeting) = front.meeting_date {
        rows.push(("Meeting date:", written_out(meeting)));
    }
    if let Some(item) = front.agenda_item.as_ref().filter(|i| !i.trim().is_empty()) {
        rows.push(("Agenda item:", item.clone()));
    }
    if let Publication::NotForPublication { reason } = &front.publication {
        let reason = reason.trim();
        let text = if reason.is_empty() {
            "Not for publication".to_string()
        } else {
            format!("Not for publication: {reason}")
        };
        rows.push(("Publication:", text));
    }
    rows
}

/// The classification centred in capitals at the top and bottom of every page, and "Page X of Y".
pub(crate) fn page_furniture(docx: Docx, classification: &Classification) -> Docx {
    let marking = |style_id: &str, marking: &str| {
        Paragraph::new().style(style_id).add_run(text_run(&marking.to_uppercase(), Run::new().bold()))
    };
    let mut footer = Footer::new();
    let mut docx = docx;
    if let Some(m) = classification.marking() {
        docx = docx.header(Header::new().add_paragraph(marking(style::HEADER, m)));
        footer = footer.add_paragraph(marking(style::FOOTER, m));
    }
    let page_x_of_y = Paragraph::new()
        .style(style::FOOTER)
        .add_run(Run::new().add_text("Page "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" of "))
        .add_num_pages(NumPages::new());
    docx.footer(footer.add_paragraph(page_x_of_y))
}

pub(crate) fn unnumbered_heading(text: &str, new_page: bool) -> Paragraph {
    Paragraph::new().style(style::HEADING_1).page_break_before(new_page).add_run(text_run(text, Run::new()))
}

/// "A" … "Z", then "AA", "AB" …
fn appendix_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// Two columns: label | text (linked when the row has a link); the contact officer last.
fn bibliography(paper: &BoardPaper) -> Table {
    const LABEL_WIDTH: usize = 2_600;
    let text_width = house::TEXT_WIDTH - LABEL_WIDTH;
    let label_cell = |label: &str| {
        let p = Paragraph::new().style(style::TABLE_TEXT).add_run(text_run(label.trim(), Run::new().bold()));
        blocks::table_cell(vec![p], LABEL_WIDTH, false)
    };
    let mut rows: Vec<TableRow> = paper
        .bibliography
        .iter()
        .map(|entry| {
            let p = Paragraph::new().style(style::TABLE_TEXT);
            let p = match entry.link.as_deref().filter(|l| boardwright_model::validate::is_allowed_link(l)) {
                Some(link) => p.add_hyperlink(blocks::hyperlink(link, entry.text.trim())),
                None => p.add_run(text_run(entry.text.trim(), Run::new())),
            };
            TableRow::new(vec![label_cell(&entry.label), blocks::table_cell(vec![p], text_width, false)])
        })
        .collect();
    if let Some(officer) = &paper.contact_officer {
        rows.push(TableRow::new(vec![
            label_cell("Contact Officer"),
            blocks::table_cell(contact_lines(officer), text_width, false),
        ]));
    }
    Table::new(rows).set_grid(vec![LABEL_WIDTH, text_width]).width(house::TEXT_WIDTH, WidthType::Dxa)
}

fn contact_lines(officer: &ContactOfficer) -> Vec<Paragraph> {
    let line = |text: &str| Paragraph::new().style(style::TABLE_TEXT).add_run(text_run(text, Run::new()));
    let mut lines = vec![line(&officer.summary())];
    if let Some(phone) = &officer.phone {
        lines.push(line(&format!("Telephone: {phone}")));
    }
    if let Some(email) = &officer.email {
        let p = Paragraph::new().style(style::TABLE_TEXT).add_run(Run::new().add_text("Email: "));
        lines.push(p.add_hyperlink(blocks::hyperlink(&format!("mailto:{}", email.trim()), email.trim())));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendices_are_lettered() {
        let letters: Vec<String> = [0, 1, 25, 26, 27].iter().map(|&i| appendix_letter(i)).collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB"]);
    }
}
