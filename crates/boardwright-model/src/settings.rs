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
    }
}
