//! An inspection report as the inspectorate published it: its recommendations
//! and areas for improvement, each numbered as the report numbers it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::deadline::{regime_for, Regime};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct InspectionReport {
    pub title: String,
    pub inspectorate: Inspectorate,
    /// Other inspectorates of a joint inspection, e.g. "HM Inspectorate of Prisons".
    #[serde(default)]
    pub joint_with: Vec<String>,
    pub published: NaiveDate,
    /// The report's page on the inspectorate's website.
    #[serde(default)]
    pub url: Option<String>,
    pub kind: ReportKind,
    /// The forces the report covers (empty for a national report on all forces).
    #[serde(default)]
    pub forces: Vec<String>,
    #[serde(default)]
    pub recommendations: Vec<Finding>,
    #[serde(default)]
    pub areas_for_improvement: Vec<Finding>,
}

/// HMIC became HMICFRS in July 2017, when it took on fire and rescue services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Inspectorate {
    Hmicfrs,
    Hmic,
}

impl Inspectorate {
    pub fn abbreviation(self) -> &'static str {
        match self {
            Inspectorate::Hmicfrs => "HMICFRS",
            Inspectorate::Hmic => "HMIC",
        }
    }

    /// The name spelt out, for first use in a published document.
    pub fn full_name(self) -> &'static str {
        match self {
            Inspectorate::Hmicfrs => "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
            Inspectorate::Hmic => "Her Majesty's Inspectorate of Constabulary",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Peel,
    ForceSpecific,
    NationalThematic,
    Joint,
}

impl ReportKind {
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Peel => "PEEL",
            ReportKind::ForceSpecific => "Force-specific",
            ReportKind::NationalThematic => "National or thematic",
            ReportKind::Joint => "Joint inspection",
        }
    }
}

/// A recommendation or an area for improvement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable within the report: the response's answers refer to it, so the
    /// number can be corrected without losing the answer.
    pub id: u32,
    /// As the report gives it: "1", "R3", "AFI 2".
    pub number: String,
    pub text: String,
    pub addressed_to: Addressee,
    /// The body named, for a national body or "other" (e.g. "NPCC", "College of Policing").
    #[serde(default)]
    pub addressee_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    Forces,
    Pccs,
    NationalBody,
    HomeOffice,
    Other,
}

impl Finding {
    /// "Chief constables", "NPCC" …: who the report asks to act.
    pub fn addressee_label(&self) -> String {
        let named = self.addressee_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
        match (self.addressed_to, named) {
            (Addressee::Forces, _) => "Chief constables".into(),
            (Addressee::Pccs, _) => "Police and crime commissioners".into(),
            (Addressee::HomeOffice, _) => "Home Office".into(),
            (Addressee::NationalBody, Some(name)) | (Addressee::Other, Some(name)) => name.into(),
            (Addressee::NationalBody, None) => "A national body".into(),
            (Addressee::Other, None) => "Other".into(),
        }
    }
}

/// A problem with a report record, named by its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReportProblem {
    pub path: String,
    pub message: String,
}

impl InspectionReport {
    /// A report to fill in, published today.
    pub fn new_blank(published: NaiveDate) -> InspectionReport {
        InspectionReport {
            title: String::new(),
            inspectorate: inspectorate_on(published),
            joint_with: Vec::new(),
            published,
            url: None,
            kind: ReportKind::ForceSpecific,
            forces: Vec::new(),
            recommendations: Vec::new(),
            areas_for_improvement: Vec::new(),
        }
    }

    pub fn regime(&self) -> Regime {
        regime_for(self.published)
    }

    /// The recommendation or area for improvement with this id.
    pub fn finding(&self, id: u32) -> Option<&Finding> {
        self.recommendations.iter().chain(&self.areas_for_improvement).find(|f| f.id == id)
    }

    /// The next unused finding id (ids are never reused within a report).
    pub fn next_finding_id(&self) -> u32 {
        self.recommendations.iter().chain(&self.areas_for_improvement).map(|f| f.id).max().map_or(1, |m| m + 1)
    }

    /// What the author should fix; saving is not refused for these.
    pub fn problems(&self) -> Vec<ReportProblem> {
        let mut out = Vec::new();
        let mut add = |path: String, message: &str| out.push(ReportProblem { path, message: message.into() });
        if self.title.trim().is_empty() {
            add("title".into(), "the report needs a title");
        }
        if let Some(url) = self.url.as_deref().filter(|u| !u.trim().is_empty()) {
            if !crate::validate::is_allowed_link(url) {
                add("url".into(), "the web address must start with https:// or http://");
            }
        }
        let mut seen_ids = std::collections::HashSet::new();
        for (list, findings) in
            [("recommendations", &self.recommendations), ("areas_for_improvement", &self.areas_for_improvement)]
        {
            let mut seen_numbers = std::collections::HashSet::new();
            for (i, f) in findings.iter().enumerate() {
                let at = |field: &str| format!("{list}[{i}].{field}");
                if f.number.trim().is_empty() {
                    add(at("number"), "give the number the report uses");
                } else if !seen_numbers.insert(f.number.trim().to_lowercase()) {
                    add(at("number"), "this number is used twice");
                }
                if f.text.trim().is_empty() {
                    add(at("text"), "the text is empty");
                }
                if !seen_ids.insert(f.id) {
                    add(at("id"), "two findings share an id");
                }
            }
        }
        out
    }
}

/// The inspectorate's name on a date: HMIC until July 2017, HMICFRS from then.
pub fn inspectorate_on(published: NaiveDate) -> Inspectorate {
    if published < NaiveDate::from_ymd_opt(2017, 7, 1).unwrap_or(NaiveDate::MIN) {
        Inspectorate::Hmic
    } else {
        Inspectorate::Hmicfrs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn finding(id: u32, number: &str) -> Finding {
        Finding {
            id,
            number: number.into(),
            text: "Improve.".into(),
            addressed_to: Addressee::Forces,
            addressee_name: None,
        }
    }

    #[test]
    fn reports_read_strictly_with_the_place_of_an_error() {
        let json = r#"{"title": "PEEL 2025", "inspectorate": "hmicfrs", "published": "2026-12-01", "kind": "peel",
            "recommendations": [{"id": 1, "number": "1", "text": "x", "addressed_to": "the moon"}]}"#;
        let mut de = serde_json::Deserializer::from_str(json);
        let error = serde_path_to_error::deserialize::<_, InspectionReport>(&mut de).unwrap_err();
        assert_eq!(error.path().to_string(), "recommendations[0].addressed_to");
        assert!(serde_json::from_str::<InspectionReport>(r#"{"title": "x", "colour": 1}"#).is_err());
    }

    #[test]
    fn problems_name_their_place() {
        let mut report = InspectionReport::new_blank(d(2026, 12, 1));
        report.url = Some("javascript:alert(1)".into());
        report.recommendations = vec![finding(1, "1"), finding(2, "1"), finding(2, " ")];
        let paths: Vec<String> = report.problems().into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            ["title", "url", "recommendations[1].number", "recommendations[2].number", "recommendations[2].id"]
        );
        assert_eq!(report.next_finding_id(), 3);
        assert_eq!(InspectionReport::new_blank(d(2026, 1, 1)).next_finding_id(), 1);
    }

    #[test]
    fn the_inspectorate_changed_its_name_in_july_2017() {
        assert_eq!(inspectorate_on(d(2017, 6, 30)), Inspectorate::Hmic);
        assert_eq!(inspectorate_on(d(2017, 7, 1)), Inspectorate::Hmicfrs);
    }

    #[test]
    fn addressees_read_as_words() {
        let mut f = finding(1, "1");
        assert_eq!(f.addressee_label(), "Chief constables");
        f.addressed_to = Addressee::NationalBody;
        assert_eq!(f.addressee_label(), "A national body");
        f.addressee_name = Some("NPCC".into());
        assert_eq!(f.addressee_label(), "NPCC");
    }
}
