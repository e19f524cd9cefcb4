//! The paper list: filtered, sorted summaries, and the boards in use.

use rusqlite::params_from_iter;

use crate::error::{sql_at, Result};
use crate::{columns, ListQuery, PaperPage, PaperSummary, SortKey, Store};

const SUMMARY_COLUMNS: &str = "id, title, board, paper_date, status, updated_at, deleted_at";

/// The SQL for a query. Only fixed fragments are joined here; the user's
/// values are bound as parameters, in the order the fragments name them.
fn list_sql(query: &ListQuery) -> (String, Vec<String>) {
    let (mut sql, values) = filter_sql(SUMMARY_COLUMNS, query);
    let dir = if query.descending { "DESC" } else { "ASC" };
    let order = match query.sort {
        SortKey::Title => format!("title COLLATE NOCASE {dir}, id {dir}"),
        SortKey::Board => format!("board COLLATE NOCASE {dir}, title COLLATE NOCASE, id"),
        SortKey::Date => format!("paper_date {dir}, title COLLATE NOCASE, id"),
        SortKey::Updated => format!("updated_at {dir}, id {dir}"),
    };
    sql.push_str(" ORDER BY ");
    sql.push_str(&order);
    if let Some(limit) = query.limit {
        // A number, not the user's text: safe to write into the SQL.
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    (sql, values)
}

/// `SELECT columns FROM papers WHERE` the query's filters, and the values they bind.
fn filter_sql(columns: &str, query: &ListQuery) -> (String, Vec<String>) {
    let mut sql = format!("SELECT {columns} FROM papers WHERE deleted_at IS ");
    sql.push_str(if query.bin { "NOT NULL" } else { "NULL" });
    let mut values = Vec::new();
    if let Some(board) = &query.board {
        sql.push_str(" AND board = ?");
        values.push(board.clone());
    }
    if let Some(status) = query.status {
        sql.push_str(" AND status = ?");
        values.push(status.as_str().to_string());
    }
    if let Some(text) = query.text.as_deref().filter(|t| !t.trim().is_empty()) {
        sql.push_str(" AND title LIKE ? ESCAPE '\\'");
        values.push(format!("%{}%", escape_like(text.trim())));
    }
    (sql, values)
}

/// `text` for LIKE, its wildcards taken literally.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Store {
    /// The papers `query` asks for, as summaries.
    pub fn list_papers(&self, query: &ListQuery) -> Result<Vec<PaperSummary>> {
        let e = sql_at(&self.path, "listing papers", None);
        let (sql, values) = list_sql(query);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(e)?;
        let rows = stmt
            .query_map(params_from_iter(values.iter()), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            })
            .map_err(e)?;
        let mut papers = Vec::new();
        for row in rows {
            let (id, title, board, date, status, updated_at, deleted_at) = row.map_err(e)?;
            papers.push(PaperSummary {
                id,
                title,
                board,
                date: columns::date(id, &date)?,
                status: columns::status(id, &status)?,
                updated_at: columns::time("paper", id, "updated_at", &updated_at)?,
                deleted_at: columns::opt_time("paper", id, "deleted_at", deleted_at.as_deref())?,
            });
        }
        Ok(papers)
    }

    /// How many papers `query` matches, its limit aside.
    pub fn count_papers(&self, query: &ListQuery) -> Result<u32> {
        let e = sql_at(&self.path, "counting papers", None);
        let (sql, values) = filter_sql("count(*)", query);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(e)?;
        stmt.query_row(params_from_iter(values.iter()), |r| r.get(0)).map_err(e)
    }

    /// The first papers `query` asks for, with how many there are in all.
    pub fn page_of_papers(&self, query: &ListQuery) -> Result<PaperPage> {
        Ok(PaperPage { papers: self.list_papers(query)?, total: self.count_papers(query)? })
    }

    /// The boards that papers outside the bin go to, A–Z, for a picker.
    pub fn boards(&self) -> Result<Vec<String>> {
        let e = sql_at(&self.path, "listing boards", None);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT board FROM papers WHERE deleted_at IS NULL AND trim(board) <> '' \
                 ORDER BY board COLLATE NOCASE, board",
            )
            .map_err(e)?;
        let boards = stmt.query_map([], |r| r.get(0)).map_err(e)?;
        boards.collect::<rusqlite::Result<Vec<String>>>().map_err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::PaperStatus;

    fn titles(store: &Store, query: &ListQuery) -> Vec<String> {
        store.list_papers(query).unwrap().into_iter().map(|p| p.title).collect()
    }

    /// Three papers: A (board Police and Crime Panel, 1 May), b (Audit, 1 Jan), C (Audit, 1 Mar), saved C, A, b.
    fn three() -> (tempfile::TempDir, Store, [i64; 3]) {
        let (dir, mut store) = file_store();
        let mut ids = [0; 3];
        for (i, (title, board, d)) in [
            ("A", "Police and Crime Panel", date(2026, 5, 1)),
            ("b", "Audit Committee", date(2026, 1, 1)),
            ("C", "Audit Committee", date(2026, 3, 1)),
        ]
        .into_iter()
        .enumerate()
        {
            let mut p = paper(title, "body");
            p.front_sheet.to = board.to_string();
            p.front_sheet.date = d;
            ids[i] = store.create_paper(&p).unwrap();
        }
        // Distinct update times, in the order C, A, b.
        for (id, t) in [
            (ids[2], "2026-01-01T00:00:00.001Z"),
            (ids[0], "2026-01-01T00:00:00.002Z"),
            (ids[1], "2026-01-01T00:00:00.003Z"),
        ] {
            store.conn.execute("UPDATE papers SET updated_at = ?2 WHERE id = ?1", rusqlite::params![id, t]).unwrap();
        }
        (dir, store, ids)
    }

    #[test]
    fn lists_sorted_by_each_key_both_ways() {
        let (_dir, store, _) = three();
        let q = |sort, descending| ListQuery { sort, descending, ..ListQuery::default() };
        assert_eq!(titles(&store, &ListQuery::default()), ["b", "A", "C"]);
        assert_eq!(titles(&store, &q(SortKey::Updated, false)), ["C", "A", "b"]);
        assert_eq!(titles(&store, &q(SortKey::Title, false)), ["A", "b", "C"], "titles sort ignoring case");
        assert_eq!(titles(&store, &q(SortKey::Title, true)), ["C", "b", "A"]);
        assert_eq!(titles(&store, &q(SortKey::Board, false)), ["b", "C", "A"]);
        assert_eq!(titles(&store, &q(SortKey::Board, true)), ["A", "b", "C"]);
        assert_eq!(titles(&store, &q(SortKey::Date, false)), ["b", "C", "A"]);
        assert_eq!(titles(&store, &q(SortKey::Date, true)), ["A", "C", "b"]);
    }

    #[test]
    fn filters_by_board_status_title_and_bin() {
        let (_dir, mut store, ids) = three();
        let audit = ListQuery {
            board: Some("Audit Committee".into()),
            sort: SortKey::Title,
            descending: false,
            ..ListQuery::default()
        };
        assert_eq!(titles(&store, &audit), ["b", "C"]);

        store.set_status(ids[2], PaperStatus::Final).unwrap();
        let finals = ListQuery { status: Some(PaperStatus::Final), ..ListQuery::default() };
        assert_eq!(titles(&store, &finals), ["C"]);

        let text = |t: &str| ListQuery { text: Some(t.into()), ..ListQuery::default() };
        assert_eq!(titles(&store, &text("c")), ["C"], "title text ignores case");
        assert_eq!(titles(&store, &text("%")), Vec::<String>::new(), "% is taken literally");
        assert_eq!(titles(&store, &text("")).len(), 3);

        store.delete_paper(ids[0]).unwrap();
        let by_title = ListQuery { sort: SortKey::Title, descending: false, ..ListQuery::default() };
        assert_eq!(titles(&store, &by_title), ["b", "C"]);
        let bin = ListQuery { bin: true, ..ListQuery::default() };
        let binned = store.list_papers(&bin).unwrap();
        assert_eq!(binned.len(), 1);
        assert_eq!((binned[0].id, binned[0].title.as_str(), binned[0].date), (ids[0], "A", date(2026, 5, 1)));
        assert!(binned[0].deleted_at.is_some());
    }

    #[test]
    fn a_limit_keeps_the_first_papers_in_order_and_the_count_ignores_it() {
        let (_dir, mut store, ids) = three();
        let first_two = ListQuery { limit: Some(2), ..ListQuery::default() };
        assert_eq!(titles(&store, &first_two), ["b", "A"]);
        let page = store.page_of_papers(&first_two).unwrap();
        assert_eq!((page.papers.len(), page.total), (2, 3));

        let audit = ListQuery { board: Some("Audit Committee".into()), limit: Some(1), ..ListQuery::default() };
        assert_eq!(store.page_of_papers(&audit).unwrap().total, 2, "the count keeps the filters");
        store.delete_paper(ids[1]).unwrap();
        assert_eq!(store.count_papers(&ListQuery::default()).unwrap(), 2, "the bin is left out");
        assert_eq!(store.count_papers(&ListQuery { bin: true, ..ListQuery::default() }).unwrap(), 1);
        assert!(titles(&store, &ListQuery { limit: Some(0), ..ListQuery::default() }).is_empty());
    }

    #[test]
    fn boards_are_distinct_and_leave_out_the_bin() {
        let (_dir, mut store, ids) = three();
        assert_eq!(store.boards().unwrap(), ["Audit Committee", "Police and Crime Panel"]);
        store.delete_paper(ids[0]).unwrap();
        assert_eq!(store.boards().unwrap(), ["Audit Committee"]);
    }

    #[test]
    fn a_bad_stored_date_is_an_error_not_a_panic() {
        let (_dir, store, ids) = three();
        store.conn.execute("UPDATE papers SET paper_date = 'soon' WHERE id = ?1", [ids[1]]).unwrap();
        let err = store.list_papers(&ListQuery::default()).unwrap_err();
        assert!(err.to_string().starts_with(&format!("paper {}: column paper_date", ids[1])), "{err}");
    }
}
