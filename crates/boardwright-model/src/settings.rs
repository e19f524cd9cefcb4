//! The organisation's settings: what a new paper starts with.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::paper::{BoardPaper, Classification, ContactOfficer};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// e.g. "Northshire Police" or "Office of the Police and Crime Commissioner for Northshire".
    pub organisation: String,
    /// The boards papers go to, offered first in the "To" field.
    pub boards: Vec<String>,
    /// The author's role a new paper is "From".
    pub default_from: String,
    pub default_contact_officer: Option<ContactOfficer>,
    #[ts(type = "string | null")]
    pub default_classification: Classification,
    /// What Section 55 responses and their covering letters carry.
    pub section55: Section55Settings,
}

/// The wording and addresses of Section 55 documents: all editable, because
/// office-holders and addresses change (none is written into the code paths).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct Section55Settings {
    /// The published response's title; `{title}` stands for the report's title.
    pub response_title: String,
    /// The sender's address block, one line per line.
    pub organisation_address: String,
    pub commissioner_name: String,
    /// e.g. "Police and Crime Commissioner for Northshire".
    pub commissioner_title: String,
    /// The addressee of the covering letter, e.g. "The Rt Hon … MP".
    pub home_secretary_name: String,
    pub home_secretary_address: String,
    /// The "cc" line: who at the inspectorate receives the copy.
    pub hmicfrs_copy_to: String,
}

impl Default for Section55Settings {
    fn default() -> Section55Settings {
        Section55Settings {
            response_title: "Police and Crime Commissioner's response to HMICFRS report: {title}".into(),
            organisation_address: String::new(),
            commissioner_name: String::new(),
            commissioner_title: "Police and Crime Commissioner".into(),
            home_secretary_name: "The Home Secretary".into(),
            home_secretary_address: "Home Office\n2 Marsham Street\nLondon\nSW1P 4DF".into(),
            hmicfrs_copy_to: "His Majesty's Chief Inspector of Constabulary, HMICFRS".into(),
        }
    }
}

impl Section55Settings {
    /// The response's title for a report, from the wording in settings.
    pub fn response_title_for(&self, report_title: &str) -> String {
        let wording = if self.response_title.trim().is_empty() {
            Section55Settings::default().response_title
        } else {
            self.response_title.clone()
        };
        if wording.contains("{title}") {
            wording.replace("{title}", report_title.trim())
        } else {
            format!("{}: {}", wording.trim().trim_end_matches(':'), report_title.trim())
        }
    }
}

impl Settings {
    /// Fills a new paper's empty fields from the settings.
    pub fn apply_to_new_paper(&self, paper: &mut BoardPaper) {
        let front = &mut paper.front_sheet;
        if front.from.trim().is_empty() {
            front.from = self.default_from.clone();
        }
        if front.to.trim().is_empty() {
            if let Some(first) = self.boards.first() {
                front.to = first.clone();
            }
        }
        if self.default_classification != Classification::None {
            front.classification = self.default_classification.clone();
        }
        if paper.contact_officer.is_none() {
            paper.contact_officer = self.default_contact_officer.clone();
        }
    }
}

impl<'de> Deserialize<'de> for Classification {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Classification, D::Error> {
        let marking = Option::<String>::deserialize(d)?;
        crate::decode::classification_from_marking(marking.as_deref()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_paper_takes_the_defaults_it_lacks() {
        let settings = Settings {
            organisation: "Northshire Police".into(),
            boards: vec!["Business Coordination Board".into()],
            default_from: "Chief Constable".into(),
            default_contact_officer: Some(ContactOfficer { name: "Supt Alex Morgan".into(), ..Default::default() }),
            default_classification: Classification::OfficialSensitive,
            ..Default::default()
        };
        let mut paper = crate::templates::blank(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        settings.apply_to_new_paper(&mut paper);
        assert_eq!(paper.front_sheet.from, "Chief Constable");
        assert_eq!(paper.front_sheet.to, "Business Coordination Board");
        assert_eq!(paper.front_sheet.classification, Classification::OfficialSensitive);
        assert_eq!(paper.contact_officer.unwrap().name, "Supt Alex Morgan");
    }

    #[test]
    fn settings_read_strictly() {
        let ok: Settings = serde_json::from_str(r#"{"organisation": "X", "default_classification": null}"#).unwrap();
        assert_eq!(ok.default_classification, Classification::None);
        assert!(serde_json::from_str::<Settings>(r#"{"colour": "red"}"#).is_err());
        assert!(serde_json::from_str::<Settings>(r#"{"default_classification": "secret <b>"}"#).is_err());
        assert_eq!(ok.section55, Section55Settings::default(), "settings saved before Section 55 take its defaults");
    }

    #[test]
    fn the_response_title_follows_the_wording_in_settings() {
        let mut s = Section55Settings::default();
        assert_eq!(
            s.response_title_for("PEEL 2025 "),
            "Police and Crime Commissioner's response to HMICFRS report: PEEL 2025"
        );
        s.response_title = "Commissioner's statement on".into();
        assert_eq!(s.response_title_for("PEEL 2025"), "Commissioner's statement on: PEEL 2025");
        s.response_title = " ".into();
        assert!(s.response_title_for("X").ends_with("HMICFRS report: X"));
    }
}
