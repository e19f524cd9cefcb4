//! The store's public data types. They derive `Serialize` for the desktop UI
//! (whose TypeScript types are generated from them): field names are the JSON names.

use std::fmt;
use std::str::FromStr;

use boardwright_model::BoardPaper;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{PaperId, ReportId};
use boardwright_model::section55::{InspectionReport, Section55Response};

/// Where a paper is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum PaperStatus {
    #[default]
    Draft,
    InReview,
    Final,
    Submitted,
}

impl PaperStatus {
    pub const ALL: [PaperStatus; 4] =
        [PaperStatus::Draft, PaperStatus::InReview, PaperStatus::Final, PaperStatus::Submitted];

    /// The stored (and JSON) name: `draft`, `in_review`, `final`, `submitted`.
    pub fn as_str(self) -> &'static str {
        match self {
            PaperStatus::Draft => "draft",
            PaperStatus::InReview => "in_review",
            PaperStatus::Final => "final",
            PaperStatus::Submitted => "submitted",
        }
    }
}

impl fmt::Display for PaperStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that is not one of the status names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a paper status (expected draft, in_review, final or submitted)")]
pub struct UnknownStatus(pub String);

impl FromStr for PaperStatus {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<PaperStatus, UnknownStatus> {
        PaperStatus::ALL.into_iter().find(|status| status.as_str() == s).ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// A paper as stored, with what the store knows about it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StoredPaper {
    #[ts(type = "number")]
    pub id: PaperId,
    pub paper: BoardPaper,
    pub status: PaperStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the paper is in the bin.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A row of the paper list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PaperSummary {
    #[ts(type = "number")]
    pub id: PaperId,
    pub title: String,
    /// The board the paper goes to (its "To").
    pub board: String,
    /// The paper's date.
    pub date: NaiveDate,
    pub status: PaperStatus,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SaveOutcome {
    /// The revision that now holds the previous content; `None` when the
    /// content was unchanged and nothing was written.
    #[ts(type = "number | null")]
    pub revision: Option<i64>,
    /// The paper's time of change after the save.
    pub updated_at: DateTime<Utc>,
}

/// An earlier content of a paper.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub paper_id: PaperId,
    pub title: String,
    /// When this content was saved (it was the paper's content from then until the next change).
    pub saved_at: DateTime<Utc>,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    #[ts(type = "number")]
    pub id: PaperId,
    pub title: String,
    pub board: String,
    /// A few words around the best match, each matching word between
    /// [`SNIPPET_OPEN`](crate::SNIPPET_OPEN) and [`SNIPPET_CLOSE`](crate::SNIPPET_CLOSE)
    /// (`[` and `]`), cut text marked by `…`.
    pub snippet: String,
}

/// How to sort the paper list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Title,
    Board,
    /// The paper's date.
    Date,
    /// When the paper was last changed.
    #[default]
    Updated,
}

/// Which papers to list, and in what order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, deny_unknown_fields)]
pub struct ListQuery {
    /// Only papers to this board (exactly as [`Store::boards`](crate::Store::boards) gives it).
    pub board: Option<String>,
    pub status: Option<PaperStatus>,
    /// Only papers whose title contains this text (ignoring case for A–Z).
    pub text: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
    /// True: list only the papers in the bin; false: only those not in it.
    pub bin: bool,
    /// At most this many papers (the first in the order asked for); none: all of them.
    pub limit: Option<u32>,
}

impl Default for ListQuery {
    /// Every paper not in the bin, most recently changed first.
    fn default() -> ListQuery {
        ListQuery {
            board: None,
            status: None,
            text: None,
            sort: SortKey::Updated,
            descending: true,
            bin: false,
            limit: None,
        }
    }
}

/// The papers a [`ListQuery`] asks for, and how many there are without its limit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PaperPage {
    pub papers: Vec<PaperSummary>,
    pub total: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_back_what_they_write() {
        for status in PaperStatus::ALL {
            assert_eq!(status.as_str().parse::<PaperStatus>(), Ok(status));
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.as_str()));
        }
        assert_eq!(PaperStatus::from_str("In Review"), Err(UnknownStatus("In Review".into())));
    }

    #[test]
    fn the_default_list_is_newest_first_outside_the_bin() {
        let q = ListQuery::default();
        assert_eq!((q.sort, q.descending, q.bin), (SortKey::Updated, true, false));
    }
}

/// An inspection report as stored, with its response and the papers about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StoredReport {
    #[ts(type = "number")]
    pub id: ReportId,
    pub report: InspectionReport,
    pub response: Section55Response,
    pub papers: Vec<LinkedPaper>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl StoredReport {
    /// The report as the model's tracker and dashboard take it.
    pub fn record(&self) -> boardwright_model::section55::ReportRecord<'_> {
        boardwright_model::section55::ReportRecord { id: self.id, report: &self.report, response: Some(&self.response) }
    }
}

/// A board paper written about a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LinkedPaper {
    #[ts(type = "number")]
    pub id: PaperId,
    pub title: String,
    pub in_bin: bool,
}

/// An earlier version of a report and its response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReportRevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub report_id: ReportId,
    /// The report's title then.
    pub title: String,
    /// The response's status then (`draft`, `approved` …).
    pub status: String,
    pub saved_at: DateTime<Utc>,
}
