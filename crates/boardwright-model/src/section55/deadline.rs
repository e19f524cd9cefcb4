//! The 56-day time limit, and which regime a report falls under.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// Section 37 of the Policing and Crime Act 2017 came into force on 2 May 2017:
/// reports published from that day carry the 56-day limit and the duty to
/// answer every recommendation.
pub const STATUTORY_REGIME_STARTS: NaiveDate = match NaiveDate::from_ymd_opt(2017, 5, 2) {
    Some(d) => d,
    None => panic!("2 May 2017 is a date"),
};

/// "Before the end of the period of 56 days beginning with the day on which
/// the report is published": the day of publication is day 1.
const PERIOD_DAYS: i64 = 56;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "regime", rename_all = "snake_case")]
pub enum Regime {
    /// Published on or after 2 May 2017: comments published by `last_day`,
    /// every recommendation answered, copies to HMICFRS and the Home Secretary.
    Statutory56Days { last_day: NaiveDate },
    /// Published before 2 May 2017: no time limit, no per-recommendation
    /// duty; the copy goes to the Secretary of State only.
    BeforeMay2017,
}

impl Regime {
    /// Why this regime applies, in words for the record.
    pub fn explanation(&self, published: NaiveDate) -> String {
        let on = crate::dates::written_out(published);
        match self {
            Regime::Statutory56Days { last_day } => format!(
                "Published on {on}, on or after 2 May 2017: section 55 as amended by the Policing and Crime Act 2017 \
                 applies. The comments must be published by {} (56 days, counting {on} as day 1), must answer every \
                 recommendation, and go to HMICFRS and the Home Secretary.",
                crate::dates::written_out(*last_day)
            ),
            Regime::BeforeMay2017 => format!(
                "Published on {on}, before 2 May 2017: no statutory time limit and no duty to answer each \
                 recommendation; the comments went to the Secretary of State only."
            ),
        }
    }

    pub fn answers_every_recommendation(&self) -> bool {
        matches!(self, Regime::Statutory56Days { .. })
    }
}

pub fn regime_for(published: NaiveDate) -> Regime {
    if published >= STATUTORY_REGIME_STARTS {
        Regime::Statutory56Days { last_day: published + Duration::days(PERIOD_DAYS - 1) }
    } else {
        Regime::BeforeMay2017
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeadlineStatus {
    pub last_day: NaiveDate,
    /// 0 on the last day itself; negative once it has passed.
    #[ts(type = "number")]
    pub days_left: i64,
    pub overdue: bool,
}

/// `None` for a report with no time limit (before 2 May 2017).
pub fn deadline_status(published: NaiveDate, today: NaiveDate) -> Option<DeadlineStatus> {
    match regime_for(published) {
        Regime::Statutory56Days { last_day } => {
            let days_left = (last_day - today).num_days();
            Some(DeadlineStatus { last_day, days_left, overdue: days_left < 0 })
        }
        Regime::BeforeMay2017 => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn last_day(published: NaiveDate) -> NaiveDate {
        match regime_for(published) {
            Regime::Statutory56Days { last_day } => last_day,
            Regime::BeforeMay2017 => panic!("{published} should be under the 56-day rule"),
        }
    }

    #[test]
    fn the_domain_example_holds() {
        // domain.md: published 1 December 2026, last day 25 January 2027.
        assert_eq!(last_day(d(2026, 12, 1)), d(2027, 1, 25));
    }

    #[test]
    fn the_day_of_publication_is_day_one() {
        let published = d(2026, 3, 2);
        let last = last_day(published);
        assert_eq!((last - published).num_days() + 1, 56, "56 days counting both ends");
    }

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(last_day(d(2024, 1, 31)), d(2024, 3, 26), "through a leap February");
        assert_eq!(last_day(d(2023, 1, 31)), d(2023, 3, 27), "through a common February");
        assert_eq!(last_day(d(2024, 2, 29)), d(2024, 4, 24), "published on a leap day");
        assert_eq!(last_day(d(2026, 11, 30)), d(2027, 1, 24), "across a year end");
        assert_eq!(last_day(d(2027, 12, 31)), d(2028, 2, 24));
    }

    #[test]
    fn the_regime_changes_on_2_may_2017() {
        assert_eq!(regime_for(d(2017, 5, 1)), Regime::BeforeMay2017);
        assert_eq!(last_day(d(2017, 5, 2)), d(2017, 6, 26));
        assert!(!regime_for(d(2016, 2, 25)).answers_every_recommendation());
        assert!(regime_for(d(2017, 5, 2)).answers_every_recommendation());
        assert!(regime_for(d(2017, 5, 1)).explanation(d(2017, 5, 1)).contains("Secretary of State only"));
        assert!(regime_for(d(2017, 5, 2)).explanation(d(2017, 5, 2)).contains("26 June 2017"));
    }

    #[test]
    fn weekends_do_not_move_the_deadline() {
        // Published on Saturday 6 June 2026; the last day is a Friday, and a weekend last day stays put.
        assert_eq!(last_day(d(2026, 6, 6)), d(2026, 7, 31));
        let sunday_end = last_day(d(2026, 6, 1));
        assert_eq!(sunday_end, d(2026, 7, 26));
        assert_eq!(sunday_end.format("%A").to_string(), "Sunday");
    }

    #[test]
    fn days_left_count_down_to_overdue() {
        let published = d(2026, 12, 1);
        let on = |today| deadline_status(published, today).unwrap();
        assert_eq!(on(d(2026, 12, 1)).days_left, 55);
        assert_eq!(on(d(2027, 1, 25)), DeadlineStatus { last_day: d(2027, 1, 25), days_left: 0, overdue: false });
        assert_eq!(on(d(2027, 1, 26)), DeadlineStatus { last_day: d(2027, 1, 25), days_left: -1, overdue: true });
        assert_eq!(deadline_status(d(2016, 2, 25), d(2026, 1, 1)), None, "no limit before May 2017");
    }
}
