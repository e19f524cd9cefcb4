//! Earlier versions of a report and its response: kept by saves (at most one
//! per window of editing) and before every restore, so nothing is lost.

use boardwright_model::section55::{record_from_json, InspectionReport, Section55Response};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::{sql_at, Result, StoreError};
use crate::section55::write_report;
use crate::{columns, time, ReportId, ReportRevisionSummary, Store};

/// Keeps the report's current content as a revision if `new` differs from it
/// and (with a `window`) the newest revision is older than the window.
pub(crate) fn keep_previous(
    tx: &Transaction<'_>,
    id: ReportId,
    (content, response_content): (&str, &str),
    window: Option<chrono::Duration>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let current: Option<(String, String, String, Option<String>)> = tx
        .prepare_cached(
            "SELECT r.title, r.content, s.content, s.status FROM reports r \
             LEFT JOIN responses s ON s.report_id = r.id WHERE r.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<String>>(2)?.unwrap_or_default(), r.get(3)?)))
        .optional()?;
    let Some((title, old_content, old_response, status)) = current else { return Ok(()) };
    if old_content == content && old_response == response_content {
        return Ok(());
    }
    if let Some(window) = window {
        let since = time::to_text(now - window);
        let recent: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM report_revisions WHERE report_id = ?1 AND saved_at > ?2)")?
            .query_row(params![id, since], |r| r.get(0))?;
        if recent {
            return Ok(());
        }
    }
    tx.prepare_cached(
        "INSERT INTO report_revisions (report_id, title, status, saved_at, report_content, response_content) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        title,
        status.unwrap_or_else(|| "draft".into()),
        time::to_text(now),
        old_content,
        old_response
    ])?;
    Ok(())
}

impl Store {
    /// The revisions of report `id`, newest first.
    pub fn report_revisions(&self, id: ReportId) -> Result<Vec<ReportRevisionSummary>> {
        self.get_report(id)?;
        let e = sql_at(&self.path, "listing the revisions of report", Some(id));
        let rows: Vec<(i64, String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT id, title, status, saved_at FROM report_revisions WHERE report_id = ?1 ORDER BY id DESC",
            )
            .and_then(|mut s| s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
            .map_err(e)?;
        rows.into_iter()
            .map(|(revision, title, status, saved_at)| {
                Ok(ReportRevisionSummary {
                    id: revision,
                    report_id: id,
                    title,
                    status,
                    saved_at: columns::time("report revision", revision, "saved_at", &saved_at)?,
                })
            })
            .collect()
    }

    /// Makes revision `revision` the content of report `id` again; the
    /// current content is kept as a revision first.
    pub fn restore_report_revision(&mut self, id: ReportId, revision: i64) -> Result<()> {
        let e = sql_at(&self.path, "restoring report revision", Some(revision));
        let row: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT report_id, report_content, response_content FROM report_revisions WHERE id = ?1",
                [revision],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(e)?;
        let Some((owner, content, response_content)) = row else {
            return Err(StoreError::RevisionNotFound { id: revision });
        };
        if owner != id {
            return Err(StoreError::RevisionOfAnotherPaper { revision, paper: id, owner });
        }
        let report: InspectionReport = record_from_json(&content).map_err(|source| StoreError::RecordContent {
            what: "revision of report",
            id,
            source,
        })?;
        let response: Section55Response = record_from_json(&response_content)
            .map_err(|source| StoreError::RecordContent { what: "revision of the response to report", id, source })?;
        let now = time::now();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        keep_previous(&tx, id, (&content, &response_content), None, now).map_err(e)?;
        write_report(&tx, &self.path, id, (&report, &response), (&content, &response_content), now)?;
        tx.commit().map_err(e)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use boardwright_model::section55::Answer;

    use super::*;
    use crate::testutil::{date, file_store};

    #[test]
    fn saves_keep_revisions_within_a_window_and_a_restore_keeps_the_current() {
        let (_dir, mut store) = file_store();
        let mut report = InspectionReport::new_blank(date(2026, 12, 1));
        report.title = "First title".into();
        let id = store.create_report(&report).unwrap();
        let response = store.get_report(id).unwrap().response;
        let minutes = chrono::Duration::minutes;

        report.title = "Second title".into();
        store.save_report(id, &report, &response, minutes(5)).unwrap();
        report.title = "Third title".into();
        store.save_report(id, &report, &response, minutes(5)).unwrap();
        let revisions = store.report_revisions(id).unwrap();
        assert_eq!(revisions.len(), 1, "the second save falls within the window");
        assert_eq!(revisions[0].title, "First title");
        store.save_report(id, &report, &response, minutes(0)).unwrap();
        assert_eq!(store.report_revisions(id).unwrap().len(), 1, "an unchanged save keeps nothing");

        let mut answered = response.clone();
        answered.commissioner_comments = vec![boardwright_model::NumberedParagraph::plain("Kept.")];
        answered.answers.push(boardwright_model::section55::FindingResponse {
            finding: 1,
            answer: Some(Answer::Action { text: "x".into() }),
            ..Default::default()
        });
        store.save_report(id, &report, &answered, minutes(0)).unwrap();
        let revisions = store.report_revisions(id).unwrap();
        assert_eq!(revisions.len(), 2);
        assert_eq!(revisions[0].title, "Third title");

        let oldest = revisions.last().unwrap().id;
        store.restore_report_revision(id, oldest).unwrap();
        let restored = store.get_report(id).unwrap();
        assert_eq!(restored.report.title, "First title");
        assert!(restored.response.commissioner_comments.is_empty());
        let after = store.report_revisions(id).unwrap();
        assert_eq!(after.len(), 3, "the content replaced by the restore is kept");
        assert_eq!(after[0].status, "draft");
        assert!(matches!(store.restore_report_revision(id, 999), Err(StoreError::RevisionNotFound { id: 999 })));
        let other = store.create_report(&report).unwrap();
        assert!(store.restore_report_revision(other, oldest).is_err(), "a revision of another report");
    }
}
