//! The Commissioner's response to a report: the three published parts, an
//! answer for each recommendation, where it has got to, and the sign-off.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::completeness::{approval_check, missing_answers, Answer, ApprovalCheck, RecommendationRef};
use super::report::{Finding, InspectionReport};
use crate::paper::NumberedParagraph;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct Section55Response {
    /// The Commissioner's overall comments on the report.
    pub commissioner_comments: Vec<NumberedParagraph>,
    pub chief_constable: ChiefConstableComments,
    /// The Commissioner's response to the Chief Constable's comments.
    pub response_to_chief_constable: Vec<NumberedParagraph>,
    /// One per recommendation (and per area for improvement answered), by finding id.
    pub answers: Vec<FindingResponse>,
    /// Areas for improvement are not named by the statute; the author chooses.
    pub include_areas_for_improvement: bool,
    pub progress: Progress,
    pub sign_off: SignOff,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct ChiefConstableComments {
    /// When the Commissioner invited the Chief Constable to comment.
    pub invited_on: Option<NaiveDate>,
    /// The date the Commissioner set for the comments.
    pub requested_by: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    pub comments: Vec<NumberedParagraph>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct FindingResponse {
    /// The finding's id in the report.
    pub finding: u32,
    pub answer: Option<Answer>,
    pub owner: String,
    pub target_date: Option<NaiveDate>,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Complete,
    NoAction,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Complete => "Complete",
            ActionStatus::NoAction => "No action",
        }
    }

    /// Complete, or decided against: nothing further is due.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Complete | ActionStatus::NoAction)
    }
}

/// Where the response has got to, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    #[default]
    Draft,
    SentToChiefConstable,
    CommentsReceived,
    Approved,
    Sent,
    Published,
}

impl ResponseStatus {
    pub fn label(self) -> &'static str {
        match self {
            ResponseStatus::Draft => "Draft",
            ResponseStatus::SentToChiefConstable => "Sent to the Chief Constable",
            ResponseStatus::CommentsReceived => "Comments received",
            ResponseStatus::Approved => "Approved",
            ResponseStatus::Sent => "Sent",
            ResponseStatus::Published => "Published",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct Progress {
    pub status: ResponseStatus,
    pub sent_to_chief_constable_on: Option<NaiveDate>,
    pub approved_on: Option<NaiveDate>,
    /// Why the response was approved with recommendations unanswered.
    pub approved_without_answers_because: Option<String>,
    pub sent_to_home_secretary_on: Option<NaiveDate>,
    pub sent_to_hmicfrs_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub published_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct SignOff {
    /// e.g. "Alex Jones".
    pub name: String,
    /// e.g. "Police and Crime Commissioner for Northshire".
    pub title: String,
    pub date: Option<NaiveDate>,
}

/// What the author sees at all times beside the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Completeness {
    /// Numbers of the recommendations still without an answer, in report order.
    pub missing_recommendations: Vec<String>,
    /// Numbers of areas for improvement without an answer (only when they are included).
    pub missing_areas_for_improvement: Vec<String>,
    /// Whether "approved" may be set now, and why not.
    pub approval: ApprovalCheck,
}

impl Section55Response {
    pub fn answer_for(&self, finding: u32) -> Option<&FindingResponse> {
        self.answers.iter().find(|a| a.finding == finding)
    }

    /// The completeness of this response against its report.
    pub fn completeness(&self, report: &InspectionReport) -> Completeness {
        let answers = |findings: &[Finding]| -> Vec<(String, Option<Answer>)> {
            findings
                .iter()
                .map(|f| (f.number.trim().to_string(), self.answer_for(f.id).and_then(|a| a.answer.clone())))
                .collect()
        };
        let recommendations = answers(&report.recommendations);
        let approval = approval_check(
            &report.regime(),
            as_refs(&recommendations),
            self.progress.approved_without_answers_because.as_deref(),
        );
        let missing_areas_for_improvement = if self.include_areas_for_improvement {
            missing_answers(as_refs(&answers(&report.areas_for_improvement)))
        } else {
            Vec::new()
        };
        Completeness { missing_recommendations: approval.missing.clone(), missing_areas_for_improvement, approval }
    }

    /// The rule a save must pass: a response at "approved" or beyond has every
    /// recommendation answered, or a recorded reason (under the 56-day rule).
    pub fn check_status(&self, report: &InspectionReport) -> Result<(), String> {
        if self.progress.status < ResponseStatus::Approved {
            return Ok(());
        }
        let check = self.completeness(report).approval;
        match check.reason {
            Some(reason) if !check.may_approve => Err(format!("the response cannot be marked approved: {reason}")),
            _ => Ok(()),
        }
    }

    /// An empty answer for each recommendation that has none yet, in report
    /// order, and none for findings the report no longer has.
    pub fn align_with(&mut self, report: &InspectionReport) {
        let mut aligned = Vec::new();
        for finding in report.recommendations.iter().chain(&report.areas_for_improvement) {
            let existing = self.answers.iter().position(|a| a.finding == finding.id).map(|i| self.answers.remove(i));
            aligned.push(existing.unwrap_or(FindingResponse { finding: finding.id, ..Default::default() }));
        }
        self.answers = aligned;
    }
}

fn as_refs(items: &[(String, Option<Answer>)]) -> Vec<RecommendationRef<'_>> {
    items.iter().map(|(number, answer)| RecommendationRef { number, answer: answer.as_ref() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::section55::report::Addressee;

    fn report(published: NaiveDate) -> InspectionReport {
        let mut r = InspectionReport::new_blank(published);
        r.title = "PEEL 2025".into();
        r.recommendations = (1..=3)
            .map(|i| Finding {
                id: i,
                number: i.to_string(),
                text: format!("Recommendation {i}"),
                addressed_to: Addressee::Forces,
                addressee_name: None,
            })
            .collect();
        r.areas_for_improvement = vec![Finding {
            id: 9,
            number: "AFI 1".into(),
            text: "Supervision".into(),
            addressed_to: Addressee::Forces,
            addressee_name: None,
        }];
        r
    }

    fn answered(response: &mut Section55Response, id: u32) {
        response.answers.iter_mut().find(|a| a.finding == id).unwrap().answer =
            Some(Answer::Action { text: "A plan is agreed.".into() });
    }

    #[test]
    fn approval_waits_for_every_answer() {
        let report = report(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let mut response = Section55Response::default();
        response.align_with(&report);
        assert_eq!(response.answers.len(), 4);
        response.progress.status = ResponseStatus::Approved;
        let error = response.check_status(&report).unwrap_err();
        assert!(error.contains("recommendations 1, 2, 3 have no answer"), "{error}");
        for id in 1..=3 {
            answered(&mut response, id);
        }
        assert_eq!(response.check_status(&report), Ok(()));
        let c = response.completeness(&report);
        assert!(c.missing_recommendations.is_empty());
        assert!(c.missing_areas_for_improvement.is_empty(), "areas are not included yet");
        response.include_areas_for_improvement = true;
        assert_eq!(response.completeness(&report).missing_areas_for_improvement, ["AFI 1"]);
        assert_eq!(response.check_status(&report), Ok(()), "areas for improvement never block approval");
    }

    #[test]
    fn a_recorded_reason_allows_approval_with_gaps() {
        let report = report(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let mut response = Section55Response::default();
        response.align_with(&report);
        response.progress.status = ResponseStatus::Published;
        assert!(response.check_status(&report).is_err(), "published is beyond approved");
        response.progress.approved_without_answers_because = Some("Answered by the national response.".into());
        assert_eq!(response.check_status(&report), Ok(()));
        response.progress.status = ResponseStatus::CommentsReceived;
        response.progress.approved_without_answers_because = None;
        assert_eq!(response.check_status(&report), Ok(()), "a draft may have gaps");
    }

    #[test]
    fn answers_follow_the_report() {
        let mut report = report(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let mut response = Section55Response::default();
        response.align_with(&report);
        answered(&mut response, 2);
        report.recommendations.remove(0);
        report.recommendations[0].number = "2 (revised)".into();
        response.align_with(&report);
        let ids: Vec<u32> = response.answers.iter().map(|a| a.finding).collect();
        assert_eq!(ids, [2, 3, 9]);
        assert!(response.answers[0].answer.is_some(), "the answer survives a renumbering");
    }

    #[test]
    fn responses_read_strictly_with_bodies() {
        let json = r#"{"commissioner_comments": [{"type": "numbered_paragraph", "content": [{"type": "paragraph",
            "content": [{"type": "text", "text": "I welcome the report."}]}]}], "progress": {"status": "approved"}}"#;
        let r: Section55Response = serde_json::from_str(json).unwrap();
        assert_eq!(r.progress.status, ResponseStatus::Approved);
        let bad = r#"{"commissioner_comments": [{"type": "numbered_paragraph", "content": [{"type": "video"}]}]}"#;
        let mut de = serde_json::Deserializer::from_str(bad);
        let error = serde_path_to_error::deserialize::<_, Section55Response>(&mut de).unwrap_err();
        assert_eq!(error.path().to_string(), "commissioner_comments[0]");
        assert!(error.inner().to_string().contains("content[0]: unknown block type \"video\""), "{error}");
    }
}
