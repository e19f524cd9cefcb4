//! Body content (the model's blocks and inlines) as Word paragraphs and tables.
//!
//! docx-rs's builders take and return a paragraph (2.4 KB) or a run (736
//! bytes) by value, so each call copies it: the body of a 150-page paper was
//! about 70 MB of copying, a fifth of its export. The hot path here builds
//! each paragraph and run in its box and sets the same public fields those
//! builders set, in place.

use boardwright_model::validate::is_allowed_link;
use boardwright_model::{self as model, Inline, Mark, MAX_BULLET_DEPTH};
use docx_rs::{
    Break, BreakType, Hyperlink, HyperlinkType, Indent, IndentLevel, NumberingId, NumberingProperty, Paragraph,
    ParagraphChild, ParagraphStyle, Run, RunChild, Shading, ShdType, Tab, Table, TableCell, TableRow, Text, WidthType,
};

use crate::house_style::{self as house, style};

/// A top-level piece of the document body.
pub enum Part {
    // Boxed: docx-rs paragraphs and tables are large (2.4 KB and 600 bytes).
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// Removes characters XML 1.0 cannot hold (docx-rs escapes markup characters but passes these through).
pub fn xml_safe(text: &str) -> String {
    let allowed =
        |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        return text.to_string();
    }
    text.chars().filter(|&c| allowed(c)).collect()
}

/// A paragraph in `style`, built in its box.
pub fn styled_paragraph(style: &str) -> Box<Paragraph> {
    let mut paragraph = Box::new(Paragraph::new());
    paragraph.property.style = Some(ParagraphStyle::new(Some(style)));
    paragraph
}

/// What `Paragraph::numbering` sets: the list `id`, at `level` (0-based).
pub fn set_numbering(paragraph: &mut Paragraph, id: usize, level: usize) {
    paragraph.property.numbering_property =
        Some(NumberingProperty::new().add_num(NumberingId::new(id), IndentLevel::new(level)));
    paragraph.has_numbering = true;
}

/// What `Paragraph::indent(Some(left), None, None, None)` sets.
pub fn set_left_indent(paragraph: &mut Paragraph, left: i32) {
    paragraph.property.indent = Some(Indent::new(Some(left), None, None, None));
}

/// Appends plain text to a run, with Word's line breaks and tabs for "\n" and "\t".
pub fn push_text(run: &mut Run, text: &str) {
    let text = xml_safe(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run.children.push(RunChild::Break(Break::new(BreakType::TextWrapping)));
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run.children.push(RunChild::Tab(Tab::new()));
            }
            if !piece.is_empty() {
                run.children.push(RunChild::Text(Text::new(piece.trim_end_matches('\r'))));
            }
        }
    }
}

/// A run of plain text, with Word's line breaks and tabs for "\n" and "\t".
pub fn text_run(text: &str, mut run: Run) -> Run {
    push_text(&mut run, text);
    run
}

/// An external hyperlink whose text is `text`.
pub fn hyperlink(href: &str, text: &str) -> Hyperlink {
    Hyperlink::new(xml_safe(href.trim()), HyperlinkType::External)
        .add_run(text_run(text, Run::new().style(style::HYPERLINK)))
}

/// Appends inline content to a paragraph. A link whose address is not
/// http(s)/mailto stays plain text: validation reports it, and no other
/// scheme reaches a published document.
pub fn add_inlines(paragraph: &mut Paragraph, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { text, marks } => {
                let mut run = Box::new(Run::new());
                let mut link = None;
                for mark in marks {
                    // Marks are few: the builders' copies do not matter here.
                    let plain = std::mem::take(&mut run.run_property);
                    run.run_property = match mark {
                        Mark::Bold => plain.bold(),
                        Mark::Italic => plain.italic(),
                        Mark::Underline => plain.underline("single"),
                        Mark::Link { attrs } => {
                            link = Some(attrs.href.as_str()).filter(|href| is_allowed_link(href));
                            plain
                        }
                    };
                }
                match link {
                    Some(href) => {
                        let plain = std::mem::take(&mut run.run_property);
                        run.run_property = plain.style(style::HYPERLINK);
                        push_text(&mut run, text);
                        let link = Hyperlink::new(xml_safe(href.trim()), HyperlinkType::External);
                        paragraph.children.push(ParagraphChild::Hyperlink(link.add_run(*run)));
                    }
                    None => {
                        push_text(&mut run, text);
                        paragraph.children.push(ParagraphChild::Run(run));
                    }
                }
            }
            Inline::HardBreak => {
                paragraph.children.push(ParagraphChild::Run(Box::new(Run::new().add_break(BreakType::TextWrapping))))
            }
        }
    }
}

/// Blocks inside a numbered paragraph (or an appendix), after its first line.
/// `indent` is where the text of the enclosing paragraph starts.
pub fn add_blocks(out: &mut Vec<Part>, blocks: &[model::Block], indent: i32) {
    for block in blocks {
        match block {
            model::Block::Paragraph(p) => {
                let mut para = styled_paragraph(style::CONTINUATION);
                set_left_indent(&mut para, indent);
                add_inlines(&mut para, &p.content);
                out.push(Part::Paragraph(para));
            }
            model::Block::BulletList(list) => add_bullets(out, list, 1),
            model::Block::Table(table) => out.push(Part::Table(Box::new(self::table(table, indent)))),
        }
    }
}

/// `depth` 1 is a top-level bullet; deeper lists than the house style
/// defines are shown at its deepest level (validation reports them).
fn add_bullets(out: &mut Vec<Part>, list: &model::BulletList, depth: usize) {
    let level = depth.min(MAX_BULLET_DEPTH) - 1;
    let text_indent = house::NUMBER_INDENT + house::BULLET_STEP * (level as i32 + 1);
    for item in &list.content {
        let mut first = true;
        for block in &item.content {
            match block {
                model::Block::Paragraph(p) => {
                    let mut para = styled_paragraph(style::BULLET);
                    if first {
                        set_numbering(&mut para, house::BULLET_NUMBERING, level);
                    } else {
                        set_left_indent(&mut para, text_indent);
                    }
                    add_inlines(&mut para, &p.content);
                    out.push(Part::Paragraph(para));
                }
                model::Block::BulletList(nested) => add_bullets(out, nested, depth + 1),
                model::Block::Table(table) => out.push(Part::Table(Box::new(self::table(table, text_indent)))),
            }
            first = false;
        }
    }
}

/// A bordered table whose first row is a header row, repeated on each page.
pub fn table(table: &model::Table, indent: i32) -> Table {
    let columns = table.content.iter().map(|r| r.content.len()).max().unwrap_or(0).max(1);
    let width = house::TEXT_WIDTH.saturating_sub(indent.max(0) as usize);
    let column_width = width / columns;
    let rows = table
        .content
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let header = r == 0;
            let mut cells: Vec<TableCell> = row
                .content
                .iter()
                .map(|cell| {
                    let paragraphs: Vec<Paragraph> = cell
                        .content
                        .iter()
                        .map(|p| {
                            let mut para = Paragraph::new().style(style::TABLE_TEXT);
                            if header {
                                para = para.bold();
                                add_inlines(&mut para, &bold_all(&p.content));
                            } else {
                                add_inlines(&mut para, &p.content);
                            }
                            para
                        })
                        .collect();
                    table_cell(paragraphs, column_width, header)
                })
                .collect();
            // Short rows are padded so the table stays rectangular (no merged cells).
            while cells.len() < columns {
                cells.push(table_cell(Vec::new(), column_width, header));
            }
            let row = TableRow::new(cells);
            if header {
                crate::workarounds::mark_header_row(row)
            } else {
                row
            }
        })
        .collect();
    Table::new(rows).set_grid(vec![column_width; columns]).width(column_width * columns, WidthType::Dxa).indent(indent)
}

pub fn table_cell(paragraphs: Vec<Paragraph>, width: usize, shaded: bool) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    if paragraphs.is_empty() {
        cell = cell.add_paragraph(Paragraph::new().style(style::TABLE_TEXT));
    }
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    if shaded {
        cell = cell.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("D9D9D9"));
    }
    cell
}

fn bold_all(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text, marks } if !marks.contains(&Mark::Bold) => {
                let mut marks = marks.clone();
                marks.push(Mark::Bold);
                Inline::Text { text: text.clone(), marks }
            }
            other => other.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_safe_drops_only_what_xml_cannot_hold() {
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td\u{FFFE}é😀"), "abc\tdé😀");
    }
}
