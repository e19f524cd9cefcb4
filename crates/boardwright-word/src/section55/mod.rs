//! Section 55 documents: the published response, the covering letter to the
//! Home Secretary (copied to HMICFRS), and the recommendations tracker. They
//! share the house style and the accessibility rules of board papers: real
//! headings, a marked header row on every table, no merged cells, the
//! document title and language set.

mod letter;
mod response;
mod tables;
mod tracker;

use boardwright_model::section55::InspectionReport;
use chrono::NaiveDate;

pub use letter::export_covering_letter;
pub use response::export_response;
pub use tracker::export_tracker;

/// "2026-12-01 PCC response - PEEL 2025.docx": the report's publication date and title.
pub fn response_file_name(report: &InspectionReport) -> String {
    crate::dated_file_name(report.published, &format!("PCC response - {}", report.title), "PCC response", "docx")
}

/// "2026-12-01 Letter to the Home Secretary - PEEL 2025.docx".
pub fn letter_file_name(report: &InspectionReport) -> String {
    let title = format!("Letter to the Home Secretary - {}", report.title);
    crate::dated_file_name(report.published, &title, "Letter to the Home Secretary", "docx")
}

/// "2026-12-01 Recommendations tracker.csv".
pub fn tracker_file_name(on: NaiveDate, extension: &str) -> String {
    crate::dated_file_name(on, "Recommendations tracker", "Recommendations tracker", extension)
}
