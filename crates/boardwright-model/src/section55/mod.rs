//! Section 55 of the Police Act 1996: the rules a Police and Crime
//! Commissioner's response to an inspection report must follow (see
//! ../shared/docs/domain.md), and the records they apply to: the report
//! (`report`), the response (`response`), the deadline and regime
//! (`deadline`), the every-recommendation rule (`completeness`), the tracker
//! and dashboard (`tracker`), and a board paper pre-filled from a report.

pub mod board_paper;
pub mod completeness;
pub mod deadline;
pub mod report;
pub mod response;
pub mod tracker;

pub use board_paper::paper_from_report;
pub use completeness::{approval_check, missing_answers, Answer, ApprovalCheck, RecommendationRef};
pub use deadline::{deadline_status, regime_for, DeadlineStatus, Regime, STATUTORY_REGIME_STARTS};
pub use report::{Addressee, Finding, InspectionReport, Inspectorate, ReportKind, ReportProblem};
pub use response::{
    ActionStatus, ChiefConstableComments, Completeness, FindingResponse, Progress, ResponseStatus, Section55Response,
    SignOff,
};
pub use tracker::{open_deadlines, rag, tracker_csv, tracker_rows, DeadlineRow, Rag, ReportRecord, TrackerRow};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::DecodeError;

/// Reads a Section 55 record (a report or a response) from JSON text,
/// naming the place of an error as the paper decoder does.
pub fn record_from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de).map_err(path_error)
}

/// As [`record_from_json`], from a JSON value (what arrives over IPC).
pub fn record_from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(path_error)
}

fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> DecodeError {
    let path = e.path().to_string();
    let message = e.inner().to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    DecodeError { path: if path == "." { String::new() } else { path }, message }
}

/// Everything the author sees beside a report and its response, recomputed on each save.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Section55Check {
    pub regime: Regime,
    /// Which regime applies and why, in words.
    pub regime_explanation: String,
    pub deadline: Option<DeadlineStatus>,
    pub completeness: Completeness,
    pub problems: Vec<ReportProblem>,
}

pub fn check(report: &InspectionReport, response: &Section55Response, today: NaiveDate) -> Section55Check {
    let regime = report.regime();
    Section55Check {
        regime_explanation: regime.explanation(report.published),
        regime,
        deadline: deadline_status(report.published, today),
        completeness: response.completeness(report),
        problems: report.problems(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_errors_name_their_place() {
        let e = record_from_json::<InspectionReport>(r#"{"title": "x", "published": "2026-02-30"}"#).unwrap_err();
        assert_eq!(e.path, "published");
        assert!(e.message.contains("input is out of range") || e.message.contains("invalid"), "{}", e.message);
        let e = record_from_json::<Section55Response>("{").unwrap_err();
        assert!(e.message.contains("EOF"), "{}", e.message);
        let value = serde_json::json!({"answers": [{"finding": 1, "status": "finished"}]});
        let e = record_from_value::<Section55Response>(value).unwrap_err();
        assert_eq!(e.path, "answers[0].status");
    }
}
