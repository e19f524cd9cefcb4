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
