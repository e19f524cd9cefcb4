//! Paragraph numbers as Word will show them: sections 1., 2. …; paragraphs
//! 1.1, 1.2 … restarting in each section. The Word crate writes real Word
//! numbering; this module says what it will display (for the editor, the CLI
//! and tests).

use crate::paper::BoardPaper;

/// The label of section `section` (0-based): "1.".
pub fn section_label(section: usize) -> String {
    format!("{}.", section + 1)
}

/// The label of paragraph `paragraph` (0-based) of section `section` (0-based): "1.1".
pub fn paragraph_label(section: usize, paragraph: usize) -> String {
    format!("{}.{}", section + 1, paragraph + 1)
}

/// One line per heading and numbered paragraph: ("1.", "Purpose"), ("1.1", first words…).
pub fn outline(paper: &BoardPaper) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for (s, section) in paper.sections.iter().enumerate() {
        lines.push((section_label(s), section.heading.clone()));
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            let text = crate::text::numbered_paragraph_lead(paragraph);
            lines.push((paragraph_label(s, p), text));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::*;

    #[test]
    fn paragraphs_restart_in_each_section() {
        let mut paper = crate::templates::blank(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        paper.sections = (0..3)
            .map(|s| Section {
                heading: format!("S{s}"),
                guidance: None,
                paragraphs: (0..2).map(|p| NumberedParagraph::plain(format!("p{s}{p}"))).collect(),
            })
            .collect();
        let labels: Vec<String> = outline(&paper).into_iter().map(|(l, _)| l).collect();
        assert_eq!(labels, ["1.", "1.1", "1.2", "2.", "2.1", "2.2", "3.", "3.1", "3.2"]);
    }
}
