//! The templates a new paper starts from, and the sample paper a new store
//! offers. Their JSON lives in `assets/` and is compiled in, so the app works
//! offline from a single binary.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::decode::paper_from_json;
use crate::paper::*;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Template {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    #[serde(skip)]
    #[ts(skip)]
    json: &'static str,
}

const TEMPLATES: &[Template] = &[
    Template {
        id: "hmicfrs-inspection",
        name: "Report on an HMICFRS inspection",
        description: "A board paper summarising an inspection report, its recommendations and the force's response.",
        json: include_str!("../../../assets/templates/hmicfrs-inspection.json"),
    },
    Template {
        id: "blank",
        name: "Blank board paper",
        description: "Purpose, Recommendation and Background, to build on.",
        json: include_str!("../../../assets/templates/blank.json"),
    },
];

/// The sample board paper (a realistic paper on an inspection report).
pub const SAMPLE_PAPER_JSON: &str = include_str!("../../../assets/samples/sample-board-paper.json");

/// A sample inspection report and the Commissioner's response to it (approved, every recommendation answered).
pub const SAMPLE_REPORT_JSON: &str = include_str!("../../../assets/samples/sample-inspection-report.json");
pub const SAMPLE_RESPONSE_JSON: &str = include_str!("../../../assets/samples/sample-section55-response.json");

/// The sample report and its response, as shipped.
pub fn sample_section55() -> (crate::section55::InspectionReport, crate::section55::Section55Response) {
    // Checked by a unit test, as the templates are.
    let report = crate::section55::record_from_json(SAMPLE_REPORT_JSON)
        .unwrap_or_else(|e| panic!("the sample report is invalid: {e}"));
    let response = crate::section55::record_from_json(SAMPLE_RESPONSE_JSON)
        .unwrap_or_else(|e| panic!("the sample response is invalid: {e}"));
    (report, response)
}

pub fn all() -> &'static [Template] {
    TEMPLATES
}

pub fn find(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

impl Template {
    /// A new paper from this template, dated `date`.
    pub fn instantiate(&self, date: NaiveDate) -> BoardPaper {
        // The templates are compiled in and checked by a unit test, so failing here is a build defect.
        let mut paper = paper_from_json(self.json).unwrap_or_else(|e| panic!("template {} is invalid: {e}", self.id));
        paper.front_sheet.date = date;
        paper
    }
}

/// A blank paper dated `date`.
pub fn blank(date: NaiveDate) -> BoardPaper {
    TEMPLATES[1].instantiate(date)
}

/// The sample paper, as shipped.
pub fn sample_paper() -> BoardPaper {
    // Checked by a unit test, as the templates are.
    paper_from_json(SAMPLE_PAPER_JSON).unwrap_or_else(|e| panic!("the sample paper is invalid: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_reads_and_has_its_sections() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let hmicfrs = find("hmicfrs-inspection").unwrap().instantiate(date);
        let headings: Vec<&str> = hmicfrs.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Purpose",
                "Recommendation",
                "Background",
                "Inspection Findings",
                "HMICFRS Recommendations",
                "Response",
                "Implications",
                "Recommendation"
            ]
        );
        assert!(hmicfrs.sections.iter().all(|s| s.guidance.is_some()), "every template section carries guidance");
        assert_eq!(hmicfrs.front_sheet.date, date);
        let blank = blank(date);
        assert!(!blank.sections.is_empty());
    }

    #[test]
    fn the_sample_report_and_response_read_and_are_complete() {
        let (report, response) = sample_section55();
        assert!(report.problems().is_empty(), "{:?}", report.problems());
        let completeness = response.completeness(&report);
        assert!(
            completeness.missing_recommendations.is_empty() && completeness.missing_areas_for_improvement.is_empty()
        );
        assert_eq!(response.check_status(&report), Ok(()));
    }

    #[test]
    fn the_sample_paper_is_valid_and_uses_every_kind_of_content() {
        let paper = sample_paper();
        assert_eq!(crate::validate(&paper), vec![], "the sample must have no problems");
        let json = serde_json::to_string(&paper).unwrap();
        for node in ["\"bullet_list\"", "\"table\"", "\"link\"", "\"bold\""] {
            assert!(json.contains(node), "the sample has no {node}");
        }
        assert!(!paper.bibliography.is_empty() && paper.contact_officer.is_some());
        let nested = paper.sections.iter().flat_map(|s| &s.paragraphs).flat_map(|p| &p.content).any(|b| match b {
            Block::BulletList(l) => {
                l.content.iter().any(|i| i.content.iter().any(|b| matches!(b, Block::BulletList(_))))
            }
            _ => false,
        });
        assert!(nested, "the sample has nested bullets");
    }
}
