//! Dates as a British board paper writes them.

use chrono::NaiveDate;

/// "25 February 2016": day without a leading zero, month in full, British order.
pub fn written_out(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Parses an ISO date (YYYY-MM-DD), naming the text when it is not one.
pub fn parse_iso(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a date (expected YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_out_in_british_english() {
        assert_eq!(written_out(NaiveDate::from_ymd_opt(2016, 2, 25).unwrap()), "25 February 2016");
        assert_eq!(written_out(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()), "5 January 2027");
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(parse_iso("2024-02-29"), Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
        assert_eq!(parse_iso("2023-02-29"), Err("2023-02-29 is not a date (expected YYYY-MM-DD)".to_string()));
        assert!(parse_iso("25/02/2016").is_err());
    }
}
