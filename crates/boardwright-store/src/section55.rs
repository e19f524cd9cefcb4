//! Section 55 records: inspection reports, the response to each, and the
//! board papers linked to a report. A report and its response are saved
//! together, in one transaction, and a response at "approved" or beyond must
//! pass the model's every-recommendation rule before it is written.

use boardwright_model::section55::{record_from_json, InspectionReport, ResponseStatus, Section55Response};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::error::{sql_at, Result, StoreError};
use crate::{columns, time, LinkedPaper, PaperId, ReportId, Store, StoredReport};

fn status_text(status: ResponseStatus) -> String {
    // The serde name ("sent_to_chief_constable"), so the column reads as the JSON does.
    serde_json::to_value(status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// Writes a report's and its response's content (already serialised) in `tx`.
pub(crate) fn write_report(
    tx: &rusqlite::Transaction<'_>,
    path: &std::path::Path,
    id: ReportId,
    (report, response): (&InspectionReport, &Section55Response),
    (content, response_content): (&str, &str),
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let e = sql_at(path, "saving report", Some(id));
    let now = time::to_text(now);
    let changed = tx
        .execute(
            "UPDATE reports SET title = ?2, published = ?3, updated_at = ?4, content = ?5 WHERE id = ?1",
            params![id, report.title, columns::date_text(report.published), now, content],
        )
        .map_err(e)?;
    if changed == 0 {
        return Err(StoreError::ReportNotFound { id });
    }
    tx.execute(
        "INSERT INTO responses (report_id, status, updated_at, content) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (report_id) DO UPDATE SET status = ?2, updated_at = ?3, content = ?4",
        params![id, status_text(response.progress.status), now, response_content],
    )
    .map_err(e)?;
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T, place: impl FnOnce() -> String) -> Result<String> {
    serde_json::to_string(value).map_err(|source| StoreError::Json { place: place(), source })
}

impl Store {
    /// Adds a report with an empty response (an answer slot for each finding); returns its id.
    pub fn create_report(&mut self, report: &InspectionReport) -> Result<ReportId> {
        self.create_report_with_response(report, &Section55Response::default())
    }

    /// Adds a report and its response in one transaction (all or nothing);
    /// the response must pass the same rule as a save.
    pub fn create_report_with_response(
        &mut self,
        report: &InspectionReport,
        response: &Section55Response,
    ) -> Result<ReportId> {
        let mut response = response.clone();
        response.align_with(report);
        response.check_status(report).map_err(|message| StoreError::Section55Rule { id: None, message })?;
        let content = to_json(report, || format!("new report \"{}\"", report.title))?;
        let response_content = to_json(&response, || format!("the response to new report \"{}\"", report.title))?;
        let now = time::to_text(time::now());
        let e = sql_at(&self.path, "creating a report", None);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        tx.execute(
            "INSERT INTO reports (title, published, created_at, updated_at, content) VALUES (?1, ?2, ?3, ?3, ?4)",
            params![report.title, columns::date_text(report.published), now, content],
        )
        .map_err(e)?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO responses (report_id, status, updated_at, content) VALUES (?1, ?2, ?3, ?4)",
            params![id, status_text(response.progress.status), now, response_content],
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(id)
    }

    /// The report `id` with its response and linked papers, in the bin or not.
    pub fn get_report(&self, id: ReportId) -> Result<StoredReport> {
        let e = sql_at(&self.path, "reading report", Some(id));
        let raw = self
            .conn
            .prepare_cached(
                "SELECT r.content, s.content, r.created_at, r.updated_at, r.deleted_at \
                 FROM reports r LEFT JOIN responses s ON s.report_id = r.id WHERE r.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                })
                .optional()
            })
            .map_err(e)?;
        let Some((content, response, created_at, updated_at, deleted_at)) = raw else {
            return Err(StoreError::ReportNotFound { id });
        };
        let report: InspectionReport =
            record_from_json(&content).map_err(|source| StoreError::RecordContent { what: "report", id, source })?;
        let mut response: Section55Response = match response {
            Some(json) => record_from_json(&json).map_err(|source| StoreError::RecordContent {
                what: "response to report",
                id,
                source,
            })?,
            None => Section55Response::default(),
        };
        response.align_with(&report);
        Ok(StoredReport {
            id,
            report,
            response,
            papers: self.linked_papers(id)?,
            created_at: columns::time("report", id, "created_at", &created_at)?,
            updated_at: columns::time("report", id, "updated_at", &updated_at)?,
            deleted_at: columns::opt_time("report", id, "deleted_at", deleted_at.as_deref())?,
        })
    }

    /// Saves a report and its response together. The response's answers are
    /// aligned with the report's findings first; a response at "approved" or
    /// beyond that fails the every-recommendation rule is refused, and
    /// nothing is written. If the content changed and the report's newest
    /// revision is older than `window`, the previous content becomes a
    /// revision (so an hour of typing leaves one every few minutes).
    pub fn save_report(
        &mut self,
        id: ReportId,
        report: &InspectionReport,
        response: &Section55Response,
        window: chrono::Duration,
    ) -> Result<chrono::DateTime<chrono::Utc>> {
        let mut response = response.clone();
        response.align_with(report);
        response.check_status(report).map_err(|message| StoreError::Section55Rule { id: Some(id), message })?;
        let content = to_json(report, || format!("report {id}"))?;
        let response_content = to_json(&response, || format!("the response to report {id}"))?;
        let now = time::now();
        let e = sql_at(&self.path, "saving report", Some(id));
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        crate::report_revisions::keep_previous(&tx, id, (&content, &response_content), Some(window), now).map_err(e)?;
        write_report(&tx, &self.path, id, (report, &response), (&content, &response_content), now)?;
        tx.commit().map_err(e)?;
        Ok(now)
    }

    /// Every report not in the bin, with its response, newest publication first.
    pub fn list_reports(&self) -> Result<Vec<StoredReport>> {
        let e = sql_at(&self.path, "listing reports", None);
        let ids: Vec<ReportId> = self
            .conn
            .prepare_cached("SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY published DESC, id DESC")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(e)?;
        ids.into_iter().map(|id| self.get_report(id)).collect()
    }

    /// Moves a report (and its response) to the bin.
    pub fn delete_report(&mut self, id: ReportId) -> Result<()> {
        self.set_report_deleted(id, Some(time::to_text(time::now())))
    }

    /// Takes a report back out of the bin.
    pub fn restore_report(&mut self, id: ReportId) -> Result<()> {
        self.set_report_deleted(id, None)
    }

    fn set_report_deleted(&mut self, id: ReportId, at: Option<String>) -> Result<()> {
        let e = sql_at(&self.path, "moving report", Some(id));
        let changed =
            self.conn.execute("UPDATE reports SET deleted_at = ?2 WHERE id = ?1", params![id, at]).map_err(e)?;
        if changed == 0 {
            return Err(StoreError::ReportNotFound { id });
        }
        Ok(())
    }

    /// Records that board paper `paper` is about report `report` (again is harmless).
    pub fn link_paper(&mut self, report: ReportId, paper: PaperId) -> Result<()> {
        self.get_paper(paper)?;
        let e = sql_at(&self.path, "linking a paper to report", Some(report));
        let exists: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM reports WHERE id = ?1)", [report], |r| r.get(0))
            .map_err(e)?;
        if !exists {
            return Err(StoreError::ReportNotFound { id: report });
        }
        self.conn
            .execute("INSERT OR IGNORE INTO report_papers (report_id, paper_id) VALUES (?1, ?2)", [report, paper])
            .map_err(e)?;
        Ok(())
    }

    /// Removes the link between a report and a paper (the paper itself stays).
    pub fn unlink_paper(&mut self, report: ReportId, paper: PaperId) -> Result<()> {
        let e = sql_at(&self.path, "unlinking a paper from report", Some(report));
        self.conn
            .execute("DELETE FROM report_papers WHERE report_id = ?1 AND paper_id = ?2", [report, paper])
            .map_err(e)?;
        Ok(())
    }

    /// The board papers linked to a report, oldest first.
    pub fn linked_papers(&self, report: ReportId) -> Result<Vec<LinkedPaper>> {
        let e = sql_at(&self.path, "reading the papers of report", Some(report));
        self.conn
            .prepare_cached(
                "SELECT p.id, p.title, p.deleted_at IS NOT NULL FROM report_papers l JOIN papers p ON p.id = l.paper_id \
                 WHERE l.report_id = ?1 ORDER BY p.id",
            )
            .and_then(|mut s| {
                s.query_map([report], |r| Ok(LinkedPaper { id: r.get(0)?, title: r.get(1)?, in_bin: r.get(2)? }))?
                    .collect()
            })
            .map_err(e)
    }
}

#[cfg(test)]
mod tests {
    use boardwright_model::section55::{Addressee, Answer, Finding};

    use super::*;
    use crate::testutil::{date, file_store, paper};

    fn report(title: &str) -> InspectionReport {
        let mut r = InspectionReport::new_blank(date(2026, 12, 1));
        r.title = title.into();
        r.recommendations = (1..=3)
            .map(|i| Finding {
                id: i,
                number: i.to_string(),
                text: format!("Recommendation {i}"),
                addressed_to: Addressee::Forces,
                addressee_name: None,
            })
            .collect();
        r
    }

    #[test]
    fn a_report_and_its_response_round_trip_through_the_file() {
        let (dir, mut store) = file_store();
        let id = store.create_report(&report("PEEL 2025")).unwrap();
        let stored = store.get_report(id).unwrap();
        assert_eq!(stored.response.answers.len(), 3, "an answer slot for each recommendation");
        let mut response = stored.response.clone();
        response.answers[0].answer = Some(Answer::Action { text: "Done.".into() });
        response.answers[0].owner = "ACC Operations".into();
        store.save_report(id, &stored.report, &response, chrono::Duration::minutes(5)).unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("boardwright.sqlite")).unwrap();
        let again = store.get_report(id).unwrap();
        assert_eq!(again.response.answers[0].owner, "ACC Operations");
        assert_eq!(store.list_reports().unwrap().len(), 1);
    }

    #[test]
    fn an_approved_response_with_gaps_is_refused_and_nothing_is_written() {
        let (_dir, mut store) = file_store();
        let id = store.create_report(&report("PEEL 2025")).unwrap();
        let stored = store.get_report(id).unwrap();
        let mut response = stored.response.clone();
        response.commissioner_comments = vec![boardwright_model::NumberedParagraph::plain("I welcome the report.")];
        response.progress.status = ResponseStatus::Approved;
        let error = store.save_report(id, &stored.report, &response, chrono::Duration::minutes(5)).unwrap_err();
        assert!(matches!(error, StoreError::Section55Rule { .. }));
        assert!(error.to_string().contains("recommendations 1, 2, 3 have no answer"), "{error}");
        let unchanged = store.get_report(id).unwrap();
        assert_eq!(unchanged.response.progress.status, ResponseStatus::Draft);
        assert!(unchanged.response.commissioner_comments.is_empty());
        response.progress.approved_without_answers_because = Some("Joint response to follow.".into());
        store.save_report(id, &stored.report, &response, chrono::Duration::minutes(5)).unwrap();
        assert_eq!(store.get_report(id).unwrap().response.progress.status, ResponseStatus::Approved);
    }

    #[test]
    fn reports_go_to_the_bin_and_link_their_papers() {
        let (_dir, mut store) = file_store();
        let id = store.create_report(&report("Vetting")).unwrap();
        let paper_id = store.create_paper(&paper("Vetting paper", "Text")).unwrap();
        store.link_paper(id, paper_id).unwrap();
        store.link_paper(id, paper_id).unwrap();
        let linked = store.get_report(id).unwrap().papers;
        assert_eq!(linked, [LinkedPaper { id: paper_id, title: "Vetting paper".into(), in_bin: false }]);
        assert!(matches!(store.link_paper(99, paper_id), Err(StoreError::ReportNotFound { id: 99 })));
        store.unlink_paper(id, paper_id).unwrap();
        assert!(store.linked_papers(id).unwrap().is_empty());
        assert!(store.get_paper(paper_id).is_ok(), "unlinking keeps the paper");
        store.delete_report(id).unwrap();
        assert!(store.list_reports().unwrap().is_empty());
        store.restore_report(id).unwrap();
        assert_eq!(store.list_reports().unwrap().len(), 1);
        assert!(matches!(store.delete_report(42), Err(StoreError::ReportNotFound { id: 42 })));
    }

    #[test]
    fn damaged_stored_content_is_named() {
        let (_dir, mut store) = file_store();
        let id = store.create_report(&report("X")).unwrap();
        store.conn.execute("UPDATE responses SET content = '{\"answers\": 3}' WHERE report_id = ?1", [id]).unwrap();
        let error = store.get_report(id).unwrap_err().to_string();
        assert!(error.contains(&format!("response to report {id}")) && error.contains("answers"), "{error}");
    }
}
