//! Generated papers: a long one for speed and scale, with its Markdown twin for pandoc.

use boardwright_model::*;

const SENTENCE: &str =
    "The force has reviewed its control room staffing against demand, and the agreed changes start in March";

fn item(text: String, nested: Option<BulletList>) -> ListItem {
    let mut content = vec![Block::Paragraph(Paragraph::plain(text))];
    content.extend(nested.map(Block::BulletList));
    ListItem { content }
}

/// A paper of `sections` sections of `paragraphs` numbered paragraphs; every
/// fourth paragraph carries a bullet list with a nested level. 50 x 40 is
/// 150 pages in LibreOffice.
pub fn large_paper(sections: usize, paragraphs: usize) -> BoardPaper {
    let mut paper = templates::blank(chrono::NaiveDate::from_ymd_opt(2026, 11, 12).unwrap_or_default());
    paper.front_sheet.title = format!("Generated paper of {sections} sections");
    paper.front_sheet.to = "Business Coordination Board".into();
    paper.front_sheet.from = "Chief Constable".into();
    paper.sections = (0..sections)
        .map(|s| Section {
            heading: format!("Section heading {}", s + 1),
            guidance: None,
            paragraphs: (0..paragraphs)
                .map(|p| {
                    let mut content = vec![Block::Paragraph(Paragraph {
                        content: vec![
                            Inline::Text {
                                text: format!("Paragraph {}.{} opens in bold.", s + 1, p + 1),
                                marks: vec![Mark::Bold],
                            },
                            Inline::text(format!(" {SENTENCE} ({s}-{p}).")),
                        ],
                    })];
                    if p % 4 == 0 {
                        let nested = BulletList { content: vec![item("A nested point".into(), None)] };
                        content.push(Block::BulletList(BulletList {
                            content: vec![
                                item(format!("First bullet of {}.{}", s + 1, p + 1), Some(nested)),
                                item("Second bullet".into(), None),
                            ],
                        }));
                    }
                    NumberedParagraph { content }
                })
                .collect(),
        })
        .collect();
    paper
}

/// The same content in Markdown, for `pandoc -f markdown -t docx`: headings,
/// numbered paragraphs (numbers typed, as Markdown has no "1.1" lists),
/// nested bullets, pipe tables and links.
pub fn markdown(paper: &BoardPaper) -> String {
    let front = &paper.front_sheet;
    let mut md = format!("To: {}\\\nFrom: {}\\\nDate: {}\n\n# {}\n\n", front.to, front.from, front.date, front.title);
    for (s, section) in paper.sections.iter().enumerate() {
        md.push_str(&format!("## {}. {}\n\n", s + 1, section.heading));
        for (p, numbered) in section.paragraphs.iter().enumerate() {
            md.push_str(&format!("{}.{} ", s + 1, p + 1));
            blocks_markdown(&mut md, &numbered.content, 0);
        }
    }
    if !paper.bibliography.is_empty() {
        md.push_str("## Bibliography\n\n| | |\n|---|---|\n");
        for entry in &paper.bibliography {
            match &entry.link {
                Some(link) => md.push_str(&format!("| {} | [{}]({link}) |\n", entry.label, entry.text)),
                None => md.push_str(&format!("| {} | {} |\n", entry.label, entry.text)),
            }
        }
        md.push('\n');
    }
    md
}

fn inlines_markdown(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, marks } => {
                let mut t = text.clone();
                for mark in marks {
                    t = match mark {
                        Mark::Bold => format!("**{t}**"),
                        Mark::Italic => format!("*{t}*"),
                        Mark::Underline => format!("[{t}]{{.underline}}"),
                        Mark::Link { attrs } => format!("[{t}]({})", attrs.href),
                    };
                }
                out.push_str(&t);
            }
            Inline::HardBreak => out.push_str("\\\n"),
        }
    }
    out
}

fn blocks_markdown(md: &mut String, blocks: &[Block], depth: usize) {
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                md.push_str(&"    ".repeat(depth.saturating_sub(1)));
                md.push_str(&inlines_markdown(&p.content));
                md.push_str("\n\n");
            }
            Block::BulletList(list) => {
                for item in &list.content {
                    for (i, b) in item.content.iter().enumerate() {
                        match b {
                            Block::Paragraph(p) if i == 0 => {
                                md.push_str(&format!("{}- {}\n", "    ".repeat(depth), inlines_markdown(&p.content)));
                            }
                            other => blocks_markdown(md, std::slice::from_ref(other), depth + 1),
                        }
                    }
                }
                md.push('\n');
            }
            Block::Table(table) => {
                for (r, row) in table.content.iter().enumerate() {
                    let cells: Vec<String> = row
                        .content
                        .iter()
                        .map(|c| c.content.iter().map(|p| inlines_markdown(&p.content)).collect::<Vec<_>>().join(" "))
                        .collect();
                    md.push_str(&format!("| {} |\n", cells.join(" | ")));
                    if r == 0 {
                        md.push_str(&format!("|{}\n", "---|".repeat(cells.len())));
                    }
                }
                md.push('\n');
            }
        }
    }
}
