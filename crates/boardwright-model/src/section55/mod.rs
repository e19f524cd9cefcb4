//! Section 55 of the Police Act 1996: the rules a Police and Crime
//! Commissioner's response to an inspection report must follow (see
//! ../shared/docs/domain.md). The first part of the Section 55 work: the
//! deadline and regime, and the every-recommendation rule. The records, the
//! editor and the Word exports build on these.

pub mod completeness;
pub mod deadline;

pub use completeness::{approval_check, missing_answers, Answer, ApprovalCheck, RecommendationRef};
pub use deadline::{deadline_status, regime_for, DeadlineStatus, Regime, STATUTORY_REGIME_STARTS};
