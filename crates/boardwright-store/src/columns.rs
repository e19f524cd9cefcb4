//! Reading stored columns into typed values; a bad value gives an error
//! naming its row ("paper 5") and column, never a panic.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Result, StoreError};
use crate::{time, PaperStatus};

fn bad(kind: &'static str, id: i64, column: &'static str, value: &str, expected: &'static str) -> StoreError {
    StoreError::BadValue { place: format!("{kind} {id}"), column, value: value.to_string(), expected }
}

/// A stored time; `kind` and `id` name the row ("paper", 5).
pub(crate) fn time(kind: &'static str, id: i64, column: &'static str, text: &str) -> Result<DateTime<Utc>> {
    time::from_text(text).ok_or_else(|| bad(kind, id, column, text, "an RFC 3339 time"))
}

pub(crate) fn opt_time(
    kind: &'static str,
    id: i64,
    column: &'static str,
    text: Option<&str>,
) -> Result<Option<DateTime<Utc>>> {
    text.map(|t| time(kind, id, column, t)).transpose()
}

pub(crate) fn status(id: i64, text: &str) -> Result<PaperStatus> {
    text.parse().map_err(|_| bad("paper", id, "status", text, "a paper status"))
}

pub(crate) fn date(id: i64, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad("paper", id, "paper_date", text, "a date (YYYY-MM-DD)"))
}

/// A paper's date as stored: ISO 8601, `2026-03-01`.
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_name_their_row_and_column() {
        let e = status(5, "lost").unwrap_err().to_string();
        assert_eq!(e, "paper 5: column status holds \"lost\", which is not a paper status");
        let e = time("revision", 7, "saved_at", "soon").unwrap_err().to_string();
        assert_eq!(e, "revision 7: column saved_at holds \"soon\", which is not an RFC 3339 time");
        assert!(date(1, "2026-02-30").is_err());
        assert_eq!(date_text(date(1, "2026-03-01").unwrap()), "2026-03-01");
    }
}
