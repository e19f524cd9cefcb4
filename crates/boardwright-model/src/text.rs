//! Plain text of a paper: for search, word counts and outlines.

use crate::paper::*;

/// The text of a run of inline nodes; a hard break reads as a space.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::HardBreak => out.push(' '),
        }
    }
    out
}

fn push_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(p) => push_line(out, &inline_text(&p.content)),
            Block::BulletList(list) => {
                for item in &list.content {
                    push_blocks(out, &item.content);
                }
            }
            Block::Table(table) => {
                for row in &table.content {
                    for cell in &row.content {
                        for p in &cell.content {
                            push_line(out, &inline_text(&p.content));
                        }
                    }
                }
            }
        }
    }
}

fn push_line(out: &mut String, line: &str) {
    if !line.is_empty() {
        out.push_str(line);
        out.push('\n');
    }
}

/// Every word of the body (sections, bibliography, contact officer, appendices), one block a line.
pub fn body_text(paper: &BoardPaper) -> String {
    let mut out = String::new();
    for section in &paper.sections {
        push_line(&mut out, &section.heading);
        for paragraph in &section.paragraphs {
            push_blocks(&mut out, &paragraph.content);
        }
    }
    for entry in &paper.bibliography {
        push_line(&mut out, &entry.label);
        push_line(&mut out, &entry.text);
    }
    if let Some(officer) = &paper.contact_officer {
        push_line(&mut out, &officer.summary());
    }
    for appendix in &paper.appendices {
        push_line(&mut out, &appendix.title);
        push_blocks(&mut out, &appendix.content);
    }
    out
}

/// Words in the title and body.
pub fn word_count(paper: &BoardPaper) -> usize {
    paper.front_sheet.title.split_whitespace().count() + body_text(paper).split_whitespace().count()
}

/// The first words of a numbered paragraph, for outlines and lists.
pub fn numbered_paragraph_lead(paragraph: &NumberedParagraph) -> String {
    let text = match paragraph.content.first() {
        Some(Block::Paragraph(p)) => inline_text(&p.content),
        _ => String::new(),
    };
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_of_title_and_body() {
        let mut paper = crate::templates::blank(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        paper.front_sheet.title = "Two words".into();
        paper.sections = vec![Section {
            heading: "Purpose".into(),
            guidance: None,
            paragraphs: vec![NumberedParagraph::plain("three more words")],
        }];
        assert_eq!(word_count(&paper), 6);
    }

    #[test]
    fn leads_are_cut_on_a_character_boundary() {
        let p = NumberedParagraph::plain("é".repeat(100));
        assert_eq!(numbered_paragraph_lead(&p).chars().count(), 61);
    }
}
