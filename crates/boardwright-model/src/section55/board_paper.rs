//! A board paper pre-filled from an inspection report: the report's title and
//! date in Purpose and Background, its recommendations under "HMICFRS
//! Recommendations", and the report as the Bibliography's source document.

use chrono::NaiveDate;

use super::report::InspectionReport;
use crate::dates::written_out;
use crate::paper::*;
use crate::templates;

/// The inspection template, filled from `report`; the rest stays as guidance.
pub fn paper_from_report(report: &InspectionReport, date: NaiveDate) -> BoardPaper {
    let mut paper =
        templates::find("hmicfrs-inspection").map_or_else(|| templates::blank(date), |t| t.instantiate(date));
    let title = report.title.trim();
    let inspectorate = report.inspectorate.abbreviation();
    let published = written_out(report.published);
    paper.front_sheet.title = title.to_uppercase();
    let fill = |heading: &str, paper: &mut BoardPaper, paragraphs: Vec<NumberedParagraph>| {
        if let Some(section) = paper.sections.iter_mut().find(|s| s.heading.eq_ignore_ascii_case(heading)) {
            section.paragraphs = paragraphs;
        }
    };
    fill(
        "Purpose",
        &mut paper,
        vec![numbered(format!(
            "This paper informs the Board of the findings of the {inspectorate} report \"{title}\", published on {published}, \
             and of the force's response to its recommendations."
        ))],
    );
    let forces =
        if report.forces.is_empty() { String::new() } else { format!(" It covers {}.", report.forces.join(", ")) };
    fill(
        "Background",
        &mut paper,
        vec![numbered(format!(
            "{} published \"{title}\" ({}) on {published}.{forces}",
            report.inspectorate.full_name(),
            report.kind.label()
        ))],
    );
    let mut listed = Vec::new();
    if !report.recommendations.is_empty() {
        listed.push(numbered_with_list(
            format!(
                "The report makes {} recommendation{}:",
                report.recommendations.len(),
                plural(report.recommendations.len())
            ),
            report.recommendations.iter().map(|f| format!("Recommendation {}: {}", f.number.trim(), f.text.trim())),
        ));
    }
    if !report.areas_for_improvement.is_empty() {
        listed.push(numbered_with_list(
            format!(
                "It identifies {} area{} for improvement:",
                report.areas_for_improvement.len(),
                plural(report.areas_for_improvement.len())
            ),
            report.areas_for_improvement.iter().map(|f| format!("{}: {}", f.number.trim(), f.text.trim())),
        ));
    }
    if !listed.is_empty() {
        fill("HMICFRS Recommendations", &mut paper, listed);
    }
    let link = report.url.as_deref().map(str::trim).filter(|u| crate::validate::is_allowed_link(u)).map(String::from);
    let source = BibliographyEntry { label: "Source Document".into(), text: format!("{inspectorate}: {title}"), link };
    match paper.bibliography.iter_mut().find(|e| e.label == "Source Document") {
        Some(entry) => *entry = source,
        None => paper.bibliography.insert(0, source),
    }
    paper
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn numbered(text: String) -> NumberedParagraph {
    NumberedParagraph { content: vec![Block::Paragraph(Paragraph::plain(text))] }
}

fn numbered_with_list(lead: String, items: impl Iterator<Item = String>) -> NumberedParagraph {
    let items = items.map(|text| ListItem { content: vec![Block::Paragraph(Paragraph::plain(text))] }).collect();
    NumberedParagraph {
        content: vec![Block::Paragraph(Paragraph::plain(lead)), Block::BulletList(BulletList { content: items })],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::section55::report::{Addressee, Finding};

    #[test]
    fn the_paper_carries_the_report() {
        let mut report = InspectionReport::new_blank(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        report.title = "PEEL 2025: Northshire Police".into();
        report.url = Some("https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025-northshire/".into());
        report.recommendations = vec![Finding {
            id: 1,
            number: "1".into(),
            text: "Improve call handling.".into(),
            addressed_to: Addressee::Forces,
            addressee_name: None,
        }];
        let paper = paper_from_report(&report, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap());
        assert!(crate::validate::validate(&paper).iter().all(|p| !p.message.contains("link")));
        let text = crate::text::body_text(&paper);
        assert!(text.contains("published on 1 December 2026"), "{text}");
        assert!(text.contains("Recommendation 1: Improve call handling."));
        assert_eq!(paper.bibliography[0].link.as_deref(), report.url.as_deref());
        assert_eq!(paper.front_sheet.title, "PEEL 2025: NORTHSHIRE POLICE");
        // The JSON reads back through the strict decoder.
        let json = serde_json::to_string(&paper).unwrap();
        assert_eq!(crate::paper_from_json(&json).unwrap(), paper);
    }
}
