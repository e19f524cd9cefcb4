//! The duty to answer every recommendation: "the action taken or proposed in
//! response, or why no action has been or will be taken".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::deadline::Regime;

/// One of the two answers the statute allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// The action taken or proposed.
    Action { text: String },
    /// Why no action has been or will be taken.
    NoAction { reason: String },
}

impl Answer {
    /// An answer counts only if it says something.
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Action { text } => !text.trim().is_empty(),
            Answer::NoAction { reason } => !reason.trim().is_empty(),
        }
    }
}

/// A recommendation as the report numbers it, with the response's answer if any.
#[derive(Debug, Clone, Copy)]
pub struct RecommendationRef<'a> {
    pub number: &'a str,
    pub answer: Option<&'a Answer>,
}

/// The numbers of the recommendations still without an answer, in report order.
pub fn missing_answers<'a>(recommendations: impl IntoIterator<Item = RecommendationRef<'a>>) -> Vec<String> {
    recommendations
        .into_iter()
        .filter(|r| !r.answer.is_some_and(Answer::is_given))
        .map(|r| r.number.to_string())
        .collect()
}

/// Whether a response may be marked approved, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalCheck {
    /// Recommendations without an answer (shown at all times).
    pub missing: Vec<String>,
    pub may_approve: bool,
    /// Why approval is refused, when it is.
    pub reason: Option<String>,
}

/// Under the 56-day regime a response with unanswered recommendations may be
/// approved only with a recorded reason; before May 2017 there was no such duty.
pub fn approval_check<'a>(
    regime: &Regime,
    recommendations: impl IntoIterator<Item = RecommendationRef<'a>>,
    override_reason: Option<&str>,
) -> ApprovalCheck {
    let missing = missing_answers(recommendations);
    let overridden = override_reason.is_some_and(|r| !r.trim().is_empty());
    let blocked = regime.answers_every_recommendation() && !missing.is_empty() && !overridden;
    let reason = blocked.then(|| {
        format!(
            "recommendation{} {} {} no answer: section 55 requires the action taken or proposed, or why no action \
             will be taken, for each one (or record why the response is approved without {})",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            if missing.len() == 1 { "has" } else { "have" },
            if missing.len() == 1 { "it" } else { "them" },
        )
    });
    ApprovalCheck { missing, may_approve: !blocked, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::section55::regime_for;
    use chrono::NaiveDate;

    fn action(text: &str) -> Answer {
        Answer::Action { text: text.into() }
    }

    fn refs<'a>(items: &'a [(&'a str, Option<Answer>)]) -> Vec<RecommendationRef<'a>> {
        items.iter().map(|(n, a)| RecommendationRef { number: n, answer: a.as_ref() }).collect()
    }

    #[test]
    fn blank_answers_do_not_count() {
        let items = [
            ("1", Some(action("A new call-handling model from April 2027."))),
            ("2", None),
            ("3", Some(action("   "))),
            ("4", Some(Answer::NoAction { reason: "The Home Office owns this.".into() })),
            ("5", Some(Answer::NoAction { reason: String::new() })),
        ];
        assert_eq!(missing_answers(refs(&items)), ["2", "3", "5"]);
    }

    #[test]
    fn approval_needs_every_answer_or_a_recorded_reason_under_the_56_day_rule() {
        let regime = regime_for(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let items = [("1", Some(action("Done."))), ("2", None)];
        let blocked = approval_check(&regime, refs(&items), None);
        assert!(!blocked.may_approve);
        assert_eq!(blocked.missing, ["2"]);
        assert!(blocked.reason.unwrap().starts_with("recommendation 2 has no answer"));
        assert!(approval_check(&regime, refs(&items), Some("Answered in the joint response.")).may_approve);
        assert!(!approval_check(&regime, refs(&items), Some("  ")).may_approve, "a blank reason is no reason");
        let complete = [("1", Some(action("Done."))), ("2", Some(action("Planned for 2027.")))];
        assert_eq!(
            approval_check(&regime, refs(&complete), None),
            ApprovalCheck { missing: vec![], may_approve: true, reason: None }
        );
    }

    #[test]
    fn before_may_2017_there_is_no_duty_but_gaps_still_show() {
        let regime = regime_for(NaiveDate::from_ymd_opt(2016, 2, 25).unwrap());
        let items = [("1", None)];
        let check = approval_check(&regime, refs(&items), None);
        assert!(check.may_approve);
        assert_eq!(check.missing, ["1"]);
    }

    #[test]
    fn answers_read_strictly() {
        let a: Answer = serde_json::from_str(r#"{"kind": "no_action", "reason": "Not for this force."}"#).unwrap();
        assert!(a.is_given());
        assert!(serde_json::from_str::<Answer>(r#"{"kind": "maybe"}"#).is_err());
    }
}
