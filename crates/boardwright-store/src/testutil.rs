//! Helpers shared by the store's tests.

use boardwright_model::{templates, BoardPaper, NumberedParagraph, Section};
use chrono::NaiveDate;

use crate::Store;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A blank paper with this title and one section holding `body`.
pub fn paper(title: &str, body: &str) -> BoardPaper {
    let mut paper = templates::blank(date(2026, 3, 1));
    paper.front_sheet.title = title.to_string();
    paper.front_sheet.to = "Business Coordination Board".to_string();
    paper.sections = vec![Section {
        heading: "Purpose".to_string(),
        guidance: None,
        paragraphs: vec![NumberedParagraph::plain(body)],
    }];
    paper
}

/// A store in a file of its own folder (kept alive by the returned guard).
pub fn file_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("boardwright.sqlite")).unwrap();
    (dir, store)
}
