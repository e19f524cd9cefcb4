//! The recommendations tracker and the deadline dashboard: views across every
//! report, computed from the records (no extra state to keep in step).

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::deadline::deadline_status;
use super::report::InspectionReport;
use super::response::{ActionStatus, ResponseStatus, Section55Response};

/// A report with its stored id and response, as the store hands them over.
pub struct ReportRecord<'a> {
    pub id: i64,
    pub report: &'a InspectionReport,
    pub response: Option<&'a Section55Response>,
}

/// Red: past its target date and not closed. Amber: due within 30 days.
/// Green: complete (or closed with no action). Not due: open, with a target
/// more than 30 days away or none set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Red,
    Amber,
    Green,
    NotDue,
}

impl Rag {
    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red: overdue",
            Rag::Amber => "Amber: due within 30 days",
            Rag::Green => "Green: complete",
            Rag::NotDue => "Not yet due",
        }
    }
}

pub const AMBER_WITHIN_DAYS: i64 = 30;
pub const DUE_SOON_WITHIN_DAYS: i64 = 14;

pub fn rag(status: ActionStatus, target: Option<NaiveDate>, today: NaiveDate) -> Rag {
    if status.is_closed() {
        return Rag::Green;
    }
    match target {
        Some(t) if t < today => Rag::Red,
        Some(t) if t <= today + Duration::days(AMBER_WITHIN_DAYS) => Rag::Amber,
        _ => Rag::NotDue,
    }
}

/// Deserialize too: the UI sends back the rows it shows (filtered, sorted) for export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct TrackerRow {
    #[ts(type = "number")]
    pub report_id: i64,
    pub report_title: String,
    pub report_published: NaiveDate,
    pub finding: u32,
    /// false for an area for improvement.
    pub is_recommendation: bool,
    pub number: String,
    pub text: String,
    pub addressed_to: String,
    pub owner: String,
    pub target_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub rag: Rag,
}

/// Every recommendation of every report, then the areas for improvement a
/// response chose to answer; reports newest first, findings in report order.
pub fn tracker_rows(records: &[ReportRecord<'_>], today: NaiveDate) -> Vec<TrackerRow> {
    let mut ordered: Vec<&ReportRecord<'_>> = records.iter().collect();
    ordered.sort_by(|a, b| b.report.published.cmp(&a.report.published).then(b.id.cmp(&a.id)));
    let mut rows = Vec::new();
    for record in ordered {
        let include_areas = record.response.is_some_and(|r| r.include_areas_for_improvement);
        let findings = record.report.recommendations.iter().map(|f| (f, true));
        let areas = record.report.areas_for_improvement.iter().filter(|_| include_areas).map(|f| (f, false));
        for (finding, is_recommendation) in findings.chain(areas) {
            let answer = record.response.and_then(|r| r.answer_for(finding.id));
            let status = answer.map(|a| a.status).unwrap_or_default();
            let target_date = answer.and_then(|a| a.target_date);
            rows.push(TrackerRow {
                report_id: record.id,
                report_title: record.report.title.trim().to_string(),
                report_published: record.report.published,
                finding: finding.id,
                is_recommendation,
                number: finding.number.trim().to_string(),
                text: finding.text.trim().to_string(),
                addressed_to: finding.addressee_label(),
                owner: answer.map(|a| a.owner.trim().to_string()).unwrap_or_default(),
                target_date,
                status,
                rag: rag(status, target_date, today),
            });
        }
    }
    rows
}

/// The tracker as CSV (RFC 4180, dates ISO 8601), one row per finding.
pub fn tracker_csv(rows: &[TrackerRow]) -> Result<String, String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header =
        ["Report", "Published", "Kind", "Number", "Text", "Addressed to", "Owner", "Target date", "Status", "RAG"];
    out.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        let kind = if row.is_recommendation { "Recommendation" } else { "Area for improvement" };
        let target = row.target_date.map(|d| d.to_string()).unwrap_or_default();
        out.write_record([
            row.report_title.as_str(),
            &row.report_published.to_string(),
            kind,
            &row.number,
            &csv_safe(&row.text),
            &row.addressed_to,
            &csv_safe(&row.owner),
            &target,
            row.status.label(),
            row.rag.label(),
        ])
        .map_err(|e| e.to_string())?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// A cell a spreadsheet would run as a formula ("=HYPERLINK(…)") is quoted
/// as text: the tracker is opened in Excel, and a pasted cell is hostile input.
fn csv_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// One open response on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DeadlineRow {
    #[ts(type = "number")]
    pub report_id: i64,
    pub title: String,
    pub published: NaiveDate,
    /// None before May 2017 (no time limit).
    pub last_day: Option<NaiveDate>,
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub due_soon: bool,
    pub status: ResponseStatus,
    /// Recommendations without an answer.
    pub unanswered: usize,
}

/// Responses not yet published, the nearest deadline first; overdue and
/// due-within-14-days marked; reports without a time limit last.
pub fn open_deadlines(records: &[ReportRecord<'_>], today: NaiveDate) -> Vec<DeadlineRow> {
    let mut rows = deadline_rows(records, today);
    rows.retain(|r| r.status < ResponseStatus::Published);
    rows
}

/// Every report's row, published responses too, the newest publication first.
pub fn report_rows(records: &[ReportRecord<'_>], today: NaiveDate) -> Vec<DeadlineRow> {
    let mut rows = deadline_rows(records, today);
    rows.sort_by(|a, b| b.published.cmp(&a.published).then(b.report_id.cmp(&a.report_id)));
    rows
}

/// Every report's deadline row, published responses too, in the dashboard's order.
pub fn deadline_rows(records: &[ReportRecord<'_>], today: NaiveDate) -> Vec<DeadlineRow> {
    let mut rows: Vec<DeadlineRow> = records
        .iter()
        .map(|r| {
            let status = r.response.map(|resp| resp.progress.status).unwrap_or_default();
            // A published response is no longer overdue or due, whatever the date.
            let published = status >= ResponseStatus::Published;
            let deadline = deadline_status(r.report.published, today);
            let days_left = deadline.as_ref().map(|d| d.days_left);
            let unanswered = match r.response {
                Some(resp) => resp.completeness(r.report).missing_recommendations.len(),
                None => r.report.recommendations.len(),
            };
            DeadlineRow {
                report_id: r.id,
                title: r.report.title.trim().to_string(),
                published: r.report.published,
                last_day: deadline.as_ref().map(|d| d.last_day),
                days_left,
                overdue: !published && deadline.as_ref().is_some_and(|d| d.overdue),
                due_soon: !published && days_left.is_some_and(|d| (0..=DUE_SOON_WITHIN_DAYS).contains(&d)),
                status,
                unanswered,
            }
        })
        .collect();
    rows.sort_by(|a, b| match (a.last_day, b.last_day) {
        (Some(x), Some(y)) => x.cmp(&y).then(a.report_id.cmp(&b.report_id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.published.cmp(&a.published),
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::section55::report::{Addressee, Finding};
    use crate::section55::response::FindingResponse;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn report(title: &str, published: NaiveDate, n: u32) -> InspectionReport {
        let mut r = InspectionReport::new_blank(published);
        r.title = title.into();
        r.recommendations = (1..=n)
            .map(|i| Finding {
                id: i,
                number: i.to_string(),
                text: format!("Do {i}"),
                addressed_to: Addressee::Forces,
                addressee_name: None,
            })
            .collect();
        r
    }

    #[test]
    fn rag_marks_on_their_boundaries() {
        let today = d(2026, 12, 1);
        assert_eq!(rag(ActionStatus::InProgress, Some(d(2026, 11, 30)), today), Rag::Red);
        assert_eq!(rag(ActionStatus::InProgress, Some(today), today), Rag::Amber, "due today is not yet overdue");
        assert_eq!(rag(ActionStatus::NotStarted, Some(d(2026, 12, 31)), today), Rag::Amber, "day 30");
        assert_eq!(rag(ActionStatus::NotStarted, Some(d(2027, 1, 1)), today), Rag::NotDue, "day 31");
        assert_eq!(rag(ActionStatus::NotStarted, None, today), Rag::NotDue);
        assert_eq!(rag(ActionStatus::Complete, Some(d(2020, 1, 1)), today), Rag::Green);
        assert_eq!(rag(ActionStatus::NoAction, None, today), Rag::Green);
    }

    #[test]
    fn tracker_rows_cover_every_recommendation() {
        let older = report("Older", d(2026, 1, 10), 2);
        let newer = report("Newer", d(2026, 11, 1), 1);
        let mut response = Section55Response::default();
        response.align_with(&older);
        response.answers[1] = FindingResponse {
            finding: 2,
            answer: None,
            owner: "ACC Crime".into(),
            target_date: Some(d(2026, 11, 1)),
            status: ActionStatus::InProgress,
        };
        let records = [
            ReportRecord { id: 1, report: &older, response: Some(&response) },
            ReportRecord { id: 2, report: &newer, response: None },
        ];
        let rows = tracker_rows(&records, d(2026, 12, 1));
        let summary: Vec<(&str, &str, Rag)> =
            rows.iter().map(|r| (r.report_title.as_str(), r.number.as_str(), r.rag)).collect();
        assert_eq!(summary, [("Newer", "1", Rag::NotDue), ("Older", "1", Rag::NotDue), ("Older", "2", Rag::Red)]);
        assert_eq!(rows[2].owner, "ACC Crime");
    }

    #[test]
    fn csv_quotes_and_defuses_formulae() {
        let older = report("PEEL, 2025 \"final\"", d(2026, 1, 10), 1);
        let mut rows = tracker_rows(&[ReportRecord { id: 1, report: &older, response: None }], d(2026, 12, 1));
        rows[0].text = "=HYPERLINK(\"http://x\")".into();
        let csv = tracker_csv(&rows).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[0], "PEEL, 2025 \"final\"");
        assert_eq!(&record[4], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&record[9], "Not yet due");
    }

    #[test]
    fn the_dashboard_orders_by_deadline_and_marks_the_urgent() {
        let today = d(2026, 12, 1);
        let overdue = report("Overdue", d(2026, 10, 1), 1); // last day 25 November 2026
        let soon = report("Soon", d(2026, 10, 20), 1); // last day 14 December 2026: 13 days left
        let edge = report("Edge", d(2026, 10, 21), 1); // 15 December 2026: 14 days left
        let later = report("Later", d(2026, 11, 20), 1);
        let old = report("Old regime", d(2016, 2, 25), 1);
        let mut published = Section55Response::default();
        published.progress.status = ResponseStatus::Published;
        let done = report("Done", d(2026, 10, 2), 1);
        let records = [
            ReportRecord { id: 1, report: &later, response: None },
            ReportRecord { id: 2, report: &old, response: None },
            ReportRecord { id: 3, report: &soon, response: None },
            ReportRecord { id: 4, report: &overdue, response: None },
            ReportRecord { id: 5, report: &done, response: Some(&published) },
            ReportRecord { id: 6, report: &edge, response: None },
        ];
        let rows = open_deadlines(&records, today);
        let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Overdue", "Soon", "Edge", "Later", "Old regime"]);
        assert!(rows[0].overdue && !rows[0].due_soon);
        assert_eq!((rows[1].days_left, rows[1].due_soon), (Some(13), true));
        assert_eq!((rows[2].days_left, rows[2].due_soon), (Some(14), true));
        assert!(!rows[3].due_soon && !rows[3].overdue);
        assert_eq!((rows[4].last_day, rows[4].overdue), (None, false));
        assert_eq!(rows[0].unanswered, 1);
        let all = report_rows(&records, today);
        let newest_first: Vec<&str> = all.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(newest_first, ["Later", "Edge", "Soon", "Done", "Overdue", "Old regime"]);
    }
}
