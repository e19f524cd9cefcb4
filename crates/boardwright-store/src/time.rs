//! Times as the store writes them: RFC 3339, UTC, milliseconds
//! (`2026-01-31T09:30:00.125Z`), which sort as text.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};

/// Now, to the millisecond (what is stored is exactly what is returned).
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

pub(crate) fn to_text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn from_text(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn writes_utc_with_milliseconds_and_reads_it_back() {
        let t = Utc.with_ymd_and_hms(2026, 1, 31, 9, 30, 0).unwrap() + chrono::Duration::milliseconds(125);
        assert_eq!(to_text(t), "2026-01-31T09:30:00.125Z");
        assert_eq!(from_text("2026-01-31T09:30:00.125Z"), Some(t));
        assert_eq!(from_text("yesterday"), None);
        let n = now();
        assert_eq!(from_text(&to_text(n)), Some(n));
    }
}
