//! The library's first page, handed to the page with its scripts.
//!
//! At launch the first call over IPC took 40–80 ms to come back (the same
//! call takes 5 ms a moment later), most of the page's share of the time to
//! an interactive library. The shell already holds the store while the
//! webview starts, so it reads what the library shows first and gives it to
//! the page as an initialization script. The UI shows it at once and then
//! asks again over IPC, so a reloaded page never keeps stale rows.

use boardwright_model::templates::{self, Template};
use boardwright_store::{ListQuery, PaperPage};
use serde::Serialize;
use ts_rs::TS;

use crate::state::AppState;

/// How many papers the library shows before "Show all": a window shows about
/// 15, and each row is built before the first frame, without the JIT (50 -> 25:
/// the library's mount to its first frame 98 -> 62 ms, scripts/measure).
pub const FIRST_PAGE: u32 = 25;

/// Where the page finds [`LaunchData`] (ui/src/lib/launch.ts reads it).
const GLOBAL: &str = "__BOARDWRIGHT_LAUNCH__";

/// What the library shows first.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct LaunchData {
    /// The query `papers` answers; the UI uses them only for this query.
    pub query: ListQuery,
    pub papers: PaperPage,
    pub boards: Vec<String>,
    pub templates: Vec<Template>,
}

/// The library's opening query: the default (papers outside the bin, last changed first), its first page.
pub fn first_query() -> ListQuery {
    ListQuery { limit: Some(FIRST_PAGE), ..ListQuery::default() }
}

/// The first page from the store; none when the store cannot be read (the UI
/// then asks over IPC, and shows the error that call returns).
pub fn launch_data(state: &AppState) -> Option<LaunchData> {
    let store = state.store().ok()?;
    let query = first_query();
    let papers = store.page_of_papers(&query).ok()?;
    let boards = store.board_choices().ok()?;
    Some(LaunchData { query, papers, boards, templates: templates::all().to_vec() })
}

/// A script that sets the page's launch global to `data`. The JSON goes in as
/// a string literal read by `JSON.parse`: no text of a paper can end the
/// string or run as code, and parsing JSON is quicker than a literal.
pub fn initialization_script(data: &LaunchData) -> Option<String> {
    let json = serde_json::to_string(data).ok()?;
    let literal = serde_json::to_string(&json).ok()?;
    Some(format!("window.{GLOBAL} = JSON.parse({literal});"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_title_stays_inside_the_string() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("boardwright.sqlite"));
        {
            let mut store = state.store().unwrap();
            let mut paper = boardwright_model::templates::sample_paper();
            paper.front_sheet.title = "\"); alert('x'); (\"</script>\u{2028}".into();
            store.create_paper(&paper).unwrap();
        }
        let data = launch_data(&state).expect("the new store reads");
        assert_eq!(data.papers.total, 2, "the sample paper and the new one");
        let script = initialization_script(&data).unwrap();
        let literal = script
            .strip_prefix("window.__BOARDWRIGHT_LAUNCH__ = JSON.parse(")
            .and_then(|s| s.strip_suffix(");"))
            .unwrap();
        // The literal is one JSON string, and what it holds is the data's JSON.
        let inner: String = serde_json::from_str(literal).unwrap();
        let back: serde_json::Value = serde_json::from_str(&inner).unwrap();
        assert_eq!(back["papers"]["papers"][0]["title"], "\"); alert('x'); (\"</script>\u{2028}");
        assert_eq!(back["query"]["limit"], FIRST_PAGE);
    }

    #[test]
    fn an_unreadable_store_gives_no_launch_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("boardwright.sqlite");
        std::fs::write(&path, b"not a database at all, just some text that is long enough").unwrap();
        assert!(launch_data(&AppState::open(path)).is_none());
    }
}
