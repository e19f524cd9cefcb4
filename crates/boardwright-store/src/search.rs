//! Full-text search over the titles and bodies of papers not in the bin.
//!
//! The user's text is never FTS5 syntax: each whitespace-separated word
//! becomes a quoted prefix term (`"word"*`), all of which must match, so
//! quotes, `*`, `NEAR`, `OR` and brackets are only text. A word of one letter
//! or digit is looked for whole (`"a"`): as a prefix it would match nearly
//! every word, and take many times longer. Matches are ranked by bm25, with
//! a word in the title counting ten times one in the body. Snippets are made
//! in `snippet.rs`.

use rusqlite::params;

use crate::error::{sql_at, Result};
use crate::{snippet, SearchHit, Store};

/// Put before each matching word in [`SearchHit::snippet`].
pub const SNIPPET_OPEN: &str = "[";
/// Put after each matching word in [`SearchHit::snippet`].
pub const SNIPPET_CLOSE: &str = "]";
/// How much of a paper's body (in characters) a snippet is looked for in
/// first, so that a hit on a 150-page paper does not read all of it.
const SNIPPET_HEAD: i64 = 32_768;
/// A word in the title counts ten times one in the body.
const TITLE_WEIGHT: f64 = 10.0;

/// The FTS5 query for the user's `text`; `None` when it has no word to search for.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter_map(|word| {
            let prefix = match word.chars().filter(|c| c.is_alphanumeric()).count() {
                // No letter or digit: no token for FTS5 to look for.
                0 => return None,
                // One: the whole word only (see above).
                1 => "",
                _ => "*",
            };
            Some(format!("\"{}\"{prefix}", word.replace('"', "\"\"")))
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Store {
    /// Papers not in the bin whose title or body has every word of `text`
    /// (as a word or the start of one), best match first, at most `limit`.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else { return Ok(Vec::new()) };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let e = sql_at(&self.path, "searching", None);
        // Papers in the bin have no search row. The hits are ranked inside the
        // search table, then only they are read from papers; a long body is read
        // in part (see `SNIPPET_HEAD`).
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.title, p.board, substr(p.body, 1, ?3), octet_length(p.body) \
                 FROM (SELECT rowid AS id, bm25(papers_fts, ?4, 1.0) AS score FROM papers_fts \
                       WHERE papers_fts MATCH ?1 ORDER BY score LIMIT ?2) AS hit \
                 JOIN papers AS p ON p.id = hit.id \
                 ORDER BY hit.score, p.id",
            )
            .map_err(e)?;
        let needles = snippet::needles(text);
        let rows = stmt
            .query_map(params![query, limit, SNIPPET_HEAD, TITLE_WEIGHT], |r| {
                Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?, r.get::<_, i64>(4)?))
            })
            .map_err(e)?;
        let mut hits = Vec::new();
        for row in rows {
            let (id, title, board, head, body_len): (i64, String, String, String, i64) = row.map_err(e)?;
            let snippet = match snippet::snippet(&title, &head, &needles) {
                Some(snippet) => snippet,
                // None of the words in the head of a long body: read it all.
                None if i64::try_from(head.len()).is_ok_and(|n| n < body_len) => {
                    let body = self.body_of(id)?;
                    snippet::snippet(&title, &body, &needles).unwrap_or_else(|| snippet::opening(&body))
                }
                None => snippet::opening(&head),
            };
            hits.push(SearchHit { id, title, board, snippet });
        }
        Ok(hits)
    }

    fn body_of(&self, id: i64) -> Result<String> {
        self.conn
            .prepare_cached("SELECT body FROM papers WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)))
            .map_err(sql_at(&self.path, "reading the text of paper", Some(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    fn ids(store: &Store, text: &str) -> Vec<i64> {
        store.search(text, 10).unwrap().into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn user_text_becomes_quoted_prefix_terms() {
        assert_eq!(fts_query("custody  suite"), Some("\"custody\"* \"suite\"*".into()));
        assert_eq!(fts_query("say \"hi\""), Some("\"say\"* \"\"\"hi\"\"\"*".into()));
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("* \" )("), None);
        assert_eq!(fts_query("a (b) 5"), Some("\"a\" \"(b)\" \"5\"".into()));
    }

    #[test]
    fn finds_papers_by_title_and_body_words_with_a_snippet() {
        let (_dir, mut store) = file_store();
        let custody = store
            .create_paper(&paper("Custody suite refurbishment", "The cells at Northtown need new ventilation."))
            .unwrap();
        let fleet = store
            .create_paper(&paper("Fleet replacement", "Replacing response vehicles, including custody vans."))
            .unwrap();

        assert_eq!(ids(&store, "ventilation"), [custody]);
        assert_eq!(ids(&store, "FLEET"), [fleet], "search ignores case");
        assert_eq!(ids(&store, "vent"), [custody], "words match by prefix");
        assert_eq!(ids(&store, "custody"), [custody, fleet], "a title match ranks first");
        assert_eq!(ids(&store, "custody vans"), [fleet], "every word must match");
        assert!(ids(&store, "helicopter").is_empty());

        let hit = &store.search("ventilation", 10).unwrap()[0];
        assert_eq!(hit.title, "Custody suite refurbishment");
        assert_eq!(hit.board, "Business Coordination Board");
        assert!(hit.snippet.contains("[ventilation]"), "{}", hit.snippet);
        assert_eq!(store.search("custody", 1).unwrap().len(), 1);
        assert!(store.search("custody", 0).unwrap().is_empty());
        assert!(store.search("", 10).unwrap().is_empty());
    }

    #[test]
    fn stops_finding_a_paper_after_delete_and_after_its_text_is_edited_away() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Drones", "Unmanned aircraft for searches.")).unwrap();
        assert_eq!(ids(&store, "aircraft"), [id]);

        store.save_paper(id, &paper("Drones", "Small cameras for searches.")).unwrap();
        assert!(ids(&store, "aircraft").is_empty(), "the old body is still found");
        assert_eq!(ids(&store, "cameras"), [id]);

        store.delete_paper(id).unwrap();
        assert!(ids(&store, "cameras").is_empty(), "a paper in the bin is found");
        store.restore_paper(id).unwrap();
        assert_eq!(ids(&store, "cameras"), [id]);
    }

    #[test]
    fn a_paper_edited_in_the_bin_is_found_by_its_new_words_once_restored() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Horses", "Mounted section stables.")).unwrap();
        store.delete_paper(id).unwrap();
        store.save_paper(id, &paper("Horses", "Mounted section paddocks.")).unwrap();
        assert!(ids(&store, "paddocks").is_empty(), "a save put a paper in the bin back into search");
        store.restore_paper(id).unwrap();
        assert_eq!(ids(&store, "paddocks"), [id]);
        assert!(ids(&store, "stables").is_empty());
    }

    #[test]
    fn a_change_of_formatting_only_keeps_the_paper_found() {
        let (_dir, mut store) = file_store();
        let mut p = paper("Cadets", "Volunteer police cadets.");
        let id = store.create_paper(&p).unwrap();
        if let boardwright_model::Block::Paragraph(para) = &mut p.sections[0].paragraphs[0].content[0] {
            para.content = vec![boardwright_model::Inline::Text {
                text: "Volunteer police cadets.".into(),
                marks: vec![boardwright_model::Mark::Bold],
            }];
        }
        assert!(store.save_paper(id, &p).unwrap().revision.is_some(), "bold is a change of content");
        assert_eq!(ids(&store, "cadets"), [id]);
        p.front_sheet.title = "Cadet scheme".into();
        store.save_paper(id, &p).unwrap();
        assert_eq!(ids(&store, "scheme"), [id]);
    }

    #[test]
    fn a_snippet_is_found_deep_in_a_long_paper() {
        let (_dir, mut store) = file_store();
        let long = format!("{} The helicopter base closes.", "Routine words fill the pages. ".repeat(4_000));
        let id = store.create_paper(&paper("Air support", &long)).unwrap();
        let hits = store.search("helicopter", 10).unwrap();
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [id]);
        assert!(hits[0].snippet.contains("The [helicopter] base closes."), "{}", hits[0].snippet);
        // A hit by the title alone shows the title.
        let hits = store.search("air support", 10).unwrap();
        assert_eq!(hits[0].snippet, "[Air] [support]");
    }

    #[test]
    fn hostile_text_is_only_text() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Say \"hello\" (twice)", "NEAR the OR gate: a*b")).unwrap();
        for text in [
            "\"",
            "*",
            "NEAR(",
            "a OR",
            ")(",
            "\"\"\"",
            "title:x",
            "-x",
            "^a",
            "NOT",
            "AND",
            "a + b",
            "{x}",
            "é'",
            "\u{0}",
            "NEAR(a b, 2)",
            "x\"*\"y",
        ] {
            assert!(store.search(text, 10).is_ok(), "{text:?} gave an error");
        }
        assert_eq!(ids(&store, "NEAR("), [id], "NEAR is a word here");
        assert_eq!(ids(&store, "\"hello\""), [id]);
        assert_eq!(ids(&store, "OR"), [id]);
        assert_eq!(ids(&store, "(twice)"), [id]);
    }
}
