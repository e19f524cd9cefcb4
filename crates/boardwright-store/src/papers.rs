//! Papers: create, read, save (keeping the previous content as a revision),
//! status, and the bin.

use std::path::Path;

use boardwright_model::{paper_from_json, text::body_text, BoardPaper};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::{sql_at, Result, StoreError};
use crate::{columns, time, PaperId, PaperStatus, SaveOutcome, Store, StoredPaper};

/// What a paper writes into its row and its search row.
struct Row {
    title: String,
    board: String,
    date: String,
    content: String,
    body: String,
}

impl Row {
    fn of(paper: &BoardPaper, place: impl FnOnce() -> String) -> Result<Row> {
        let content = serde_json::to_string(paper).map_err(|source| StoreError::Json { place: place(), source })?;
        Ok(Row {
            title: paper.front_sheet.title.clone(),
            board: paper.front_sheet.to.clone(),
            date: columns::date_text(paper.front_sheet.date),
            content,
            body: body_text(paper),
        })
    }
}

/// Rewrites the paper's search row (`rowid` = paper id).
fn index(tx: &Transaction<'_>, id: PaperId, title: &str, body: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM papers_fts WHERE rowid = ?1")?.execute([id])?;
    tx.prepare_cached("INSERT INTO papers_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, title, body])?;
    Ok(())
}

/// Inserts a new draft and its search row; returns its id.
fn insert(tx: &Transaction<'_>, path: &Path, paper: &BoardPaper, now: &str) -> Result<PaperId> {
    let row = Row::of(paper, || format!("new paper \"{}\"", paper.front_sheet.title))?;
    let e = sql_at(path, "creating a paper", None);
    tx.prepare_cached(
        "INSERT INTO papers (title, board, paper_date, status, created_at, updated_at, content, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
    )
    .and_then(|mut s| {
        s.execute(params![row.title, row.board, row.date, PaperStatus::Draft.as_str(), now, row.content, row.body])
    })
    .map_err(e)?;
    let id = tx.last_insert_rowid();
    index(tx, id, &row.title, &row.body).map_err(e)?;
    Ok(id)
}

impl Store {
    /// Adds a paper, as a draft; returns its id.
    pub fn create_paper(&mut self, paper: &BoardPaper) -> Result<PaperId> {
        let e = sql_at(&self.path, "creating a paper", None);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let id = insert(&tx, &self.path, paper, &time::to_text(time::now()))?;
        tx.commit().map_err(e)?;
        Ok(id)
    }

    /// Adds papers, as drafts, in one transaction (all or none); returns their ids in order.
    pub fn create_papers(&mut self, papers: &[BoardPaper]) -> Result<Vec<PaperId>> {
        let e = sql_at(&self.path, "creating papers", None);
        let now = time::to_text(time::now());
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let ids = papers.iter().map(|paper| insert(&tx, &self.path, paper, &now)).collect::<Result<Vec<_>>>()?;
        tx.commit().map_err(e)?;
        Ok(ids)
    }

    /// The paper `id`, in the bin or not.
    pub fn get_paper(&self, id: PaperId) -> Result<StoredPaper> {
        let e = sql_at(&self.path, "reading paper", Some(id));
        let raw = self
            .conn
            .prepare_cached("SELECT status, content, created_at, updated_at, deleted_at FROM papers WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                })
                .optional()
            })
            .map_err(e)?;
        let Some((status, content, created_at, updated_at, deleted_at)) = raw else {
            return Err(StoreError::PaperNotFound { id });
        };
        Ok(StoredPaper {
            id,
            paper: paper_from_json(&content).map_err(|source| StoreError::PaperContent { id, source })?,
            status: columns::status(id, &status)?,
            created_at: columns::time("paper", id, "created_at", &created_at)?,
            updated_at: columns::time("paper", id, "updated_at", &updated_at)?,
            deleted_at: columns::opt_time("paper", id, "deleted_at", deleted_at.as_deref())?,
        })
    }

    /// Saves `paper` as the content of paper `id`, in one transaction. If the
    /// content changed, the previous content becomes a revision (whose id is
    /// returned); an unchanged save writes nothing.
    pub fn save_paper(&mut self, id: PaperId, paper: &BoardPaper) -> Result<SaveOutcome> {
        self.save(id, paper, None)
    }

    /// An autosave: as [`Store::save_paper`], except that the previous content
    /// becomes a revision only if the paper's newest revision is older than
    /// `window`, so typing for an hour leaves one revision every few minutes
    /// rather than thousands.
    pub fn autosave_paper(&mut self, id: PaperId, paper: &BoardPaper, window: chrono::Duration) -> Result<SaveOutcome> {
        self.save(id, paper, Some(window))
    }

    fn save(&mut self, id: PaperId, paper: &BoardPaper, coalesce: Option<chrono::Duration>) -> Result<SaveOutcome> {
        let row = Row::of(paper, || format!("paper {id}"))?;
        let e = sql_at(&self.path, "saving paper", Some(id));
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        // Compared in SQLite: a long paper's content is not copied out to be compared.
        let current = tx
            .prepare_cached(
                "SELECT content = ?2, title = ?3 AND body = ?4, deleted_at IS NOT NULL, updated_at \
                 FROM papers WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row(params![id, row.content, row.title, row.body], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()
            })
            .map_err(e)?;
        let Some((same_content, same_text, in_bin, updated_at)): Option<(bool, bool, bool, String)> = current else {
            return Err(StoreError::PaperNotFound { id });
        };
        if same_content {
            let updated_at = columns::time("paper", id, "updated_at", &updated_at)?;
            return Ok(SaveOutcome { revision: None, updated_at });
        }
        let recent_revision = match coalesce {
            None => false,
            Some(window) => {
                let since = time::to_text(time::now() - window);
                tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM revisions WHERE paper_id = ?1 AND saved_at > ?2)")
                    .and_then(|mut s| s.query_row(params![id, since], |r| r.get::<_, bool>(0)))
                    .map_err(e)?
            }
        };
        let revision = if recent_revision {
            None
        } else {
            // The previous content, saved when the paper was last changed.
            tx.prepare_cached(
                "INSERT INTO revisions (paper_id, title, saved_at, content) \
                 SELECT id, title, updated_at, content FROM papers WHERE id = ?1",
            )
            .and_then(|mut s| s.execute([id]))
            .map_err(e)?;
            Some(tx.last_insert_rowid())
        };
        let updated_at = time::now();
        tx.prepare_cached(
            "UPDATE papers SET title = ?2, board = ?3, paper_date = ?4, updated_at = ?5, content = ?6, body = ?7 \
             WHERE id = ?1",
        )
        .and_then(|mut s| {
            s.execute(params![id, row.title, row.board, row.date, time::to_text(updated_at), row.content, row.body])
        })
        .map_err(e)?;
        // A change of formatting, date or board only leaves the words, and the search row, as they were.
        // A paper in the bin has no search row; restoring it makes one from the row.
        if !same_text && !in_bin {
            index(&tx, id, &row.title, &row.body).map_err(e)?;
        }
        tx.commit().map_err(e)?;
        Ok(SaveOutcome { revision, updated_at })
    }

    /// Sets the paper's status (and its time of change, if the status differs).
    pub fn set_status(&mut self, id: PaperId, status: PaperStatus) -> Result<()> {
        let e = sql_at(&self.path, "setting the status of paper", Some(id));
        let changed = self
            .conn
            .prepare_cached("UPDATE papers SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status <> ?2")
            .and_then(|mut s| s.execute(params![id, status.as_str(), time::to_text(time::now())]))
            .map_err(e)?;
        self.changed_or_exists(id, changed)
    }

    /// Moves the paper to the bin: it leaves the list and search, and can be
    /// restored. Deleting a paper already in the bin does nothing.
    pub fn delete_paper(&mut self, id: PaperId) -> Result<()> {
        let e = sql_at(&self.path, "moving to the bin paper", Some(id));
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let changed = tx
            .prepare_cached("UPDATE papers SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")
            .and_then(|mut s| s.execute(params![id, time::to_text(time::now())]))
            .map_err(e)?;
        if changed > 0 {
            tx.prepare_cached("DELETE FROM papers_fts WHERE rowid = ?1")
                .and_then(|mut s| s.execute([id]))
                .map_err(e)?;
        }
        tx.commit().map_err(e)?;
        self.changed_or_exists(id, changed)
    }

    /// Takes the paper out of the bin. Restoring a paper not in the bin does nothing.
    pub fn restore_paper(&mut self, id: PaperId) -> Result<()> {
        let e = sql_at(&self.path, "restoring from the bin paper", Some(id));
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let changed = tx
            .prepare_cached("UPDATE papers SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL")
            .and_then(|mut s| s.execute([id]))
            .map_err(e)?;
        if changed > 0 {
            tx.prepare_cached(
                "INSERT INTO papers_fts (rowid, title, body) SELECT id, title, body FROM papers WHERE id = ?1",
            )
            .and_then(|mut s| s.execute([id]))
            .map_err(e)?;
        }
        tx.commit().map_err(e)?;
        self.changed_or_exists(id, changed)
    }

    /// Destroys a paper in the bin, with its revisions. A paper not in the bin
    /// is refused ([`StoreError::NotInBin`]).
    pub fn purge_paper(&mut self, id: PaperId) -> Result<()> {
        let e = sql_at(&self.path, "purging paper", Some(id));
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(e)?;
        let deleted_at: Option<Option<String>> = tx
            .prepare_cached("SELECT deleted_at FROM papers WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(e)?;
        match deleted_at {
            None => return Err(StoreError::PaperNotFound { id }),
            Some(None) => return Err(StoreError::NotInBin { id }),
            Some(Some(_)) => {}
        }
        // Its revisions go with it (ON DELETE CASCADE); its search row went when it was binned.
        tx.prepare_cached("DELETE FROM papers WHERE id = ?1").and_then(|mut s| s.execute([id])).map_err(e)?;
        tx.commit().map_err(e)
    }

    /// After an update of `changed` rows: fine if one changed or the paper exists (nothing to change).
    fn changed_or_exists(&self, id: PaperId, changed: usize) -> Result<()> {
        if changed > 0 || self.paper_exists(id)? {
            Ok(())
        } else {
            Err(StoreError::PaperNotFound { id })
        }
    }

    pub(crate) fn paper_exists(&self, id: PaperId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM papers WHERE id = ?1)")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)))
            .map_err(sql_at(&self.path, "looking for paper", Some(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn autosaves_keep_one_revision_per_window() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Draft", "one")).unwrap();
        let window = chrono::Duration::minutes(5);
        let first = store.autosave_paper(id, &paper("Draft", "one two"), window).unwrap();
        assert!(first.revision.is_some(), "the first autosave keeps the content it replaces");
        for n in 0..10 {
            let again = store.autosave_paper(id, &paper("Draft", &format!("one two {n}")), window).unwrap();
            assert_eq!(again.revision, None, "later autosaves in the window keep no revision");
        }
        assert_eq!(store.revisions(id).unwrap().len(), 1);
        assert_eq!(store.get_paper(id).unwrap().paper, paper("Draft", "one two 9"), "every autosave is stored");
        let outside = store.autosave_paper(id, &paper("Draft", "later"), chrono::Duration::zero()).unwrap();
        assert!(outside.revision.is_some(), "past the window, a new revision");
        assert!(store.save_paper(id, &paper("Draft", "explicit")).unwrap().revision.is_some());
    }

    #[test]
    fn creates_reads_and_saves_papers() {
        let (_dir, mut store) = file_store();
        let original = paper("Estates strategy", "The estate is old.");
        let id = store.create_paper(&original).unwrap();
        let stored = store.get_paper(id).unwrap();
        assert_eq!(stored.paper, original);
        assert_eq!(stored.status, PaperStatus::Draft);
        assert_eq!(stored.created_at, stored.updated_at);
        assert_eq!(stored.deleted_at, None);

        let mut edited = original.clone();
        edited.front_sheet.title = "Estates strategy 2027".into();
        let outcome = store.save_paper(id, &edited).unwrap();
        assert!(outcome.revision.is_some());
        let again = store.get_paper(id).unwrap();
        assert_eq!(outcome.updated_at, again.updated_at, "a save reports the time it stored");
        assert_eq!(again.paper, edited);
        assert!(again.updated_at >= stored.updated_at);
        assert_eq!(again.created_at, stored.created_at);

        assert!(matches!(store.get_paper(id + 100), Err(StoreError::PaperNotFound { id: i }) if i == id + 100));
        assert!(matches!(store.save_paper(999, &edited), Err(StoreError::PaperNotFound { id: 999 })));
    }

    #[test]
    fn creates_many_papers_in_one_go() {
        let (_dir, mut store) = file_store();
        let ids = store.create_papers(&[paper("One", "a"), paper("Two", "b"), paper("Three", "c")]).unwrap();
        assert_eq!(ids.len(), 3);
        let titles: Vec<String> = ids.iter().map(|id| store.get_paper(*id).unwrap().paper.front_sheet.title).collect();
        assert_eq!(titles, ["One", "Two", "Three"]);
        assert_eq!(store.search("two", 10).unwrap()[0].id, ids[1]);
        assert_eq!(store.create_papers(&[]).unwrap(), Vec::<PaperId>::new());
    }

    #[test]
    fn each_changed_save_makes_a_revision_and_an_unchanged_one_writes_nothing() {
        let (_dir, mut store) = file_store();
        let mut p = paper("Fleet", "v0");
        let id = store.create_paper(&p).unwrap();
        let mut revisions = Vec::new();
        for i in 1..=3 {
            p.sections[0].paragraphs[0] = boardwright_model::NumberedParagraph::plain(format!("v{i}"));
            revisions.push(store.save_paper(id, &p).unwrap().revision.unwrap());
        }
        assert_eq!(count(&store, "SELECT count(*) FROM revisions"), 3);
        let before = store.get_paper(id).unwrap();
        let changes = store.conn.total_changes();
        assert_eq!(store.save_paper(id, &p).unwrap(), SaveOutcome { revision: None, updated_at: before.updated_at });
        assert_eq!(store.conn.total_changes(), changes, "an unchanged save wrote something");
        assert_eq!(count(&store, "SELECT count(*) FROM revisions"), 3);
        assert_eq!(store.get_paper(id).unwrap().updated_at, before.updated_at);
        // The revisions hold v0, v1, v2 in turn.
        for (i, rev) in revisions.iter().enumerate() {
            let (_, old) = store.get_revision(*rev).unwrap();
            assert_eq!(boardwright_model::text::body_text(&old), format!("Purpose\nv{i}\n"));
        }
    }

    #[test]
    fn sets_the_status() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Status", "x")).unwrap();
        store.set_status(id, PaperStatus::InReview).unwrap();
        assert_eq!(store.get_paper(id).unwrap().status, PaperStatus::InReview);
        store.set_status(id, PaperStatus::InReview).unwrap();
        assert!(matches!(store.set_status(42, PaperStatus::Final), Err(StoreError::PaperNotFound { id: 42 })));
    }

    #[test]
    fn the_bin_keeps_papers_until_they_are_purged() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Binned", "x")).unwrap();
        let mut p = store.get_paper(id).unwrap().paper;
        p.front_sheet.title = "Binned, edited".into();
        store.save_paper(id, &p).unwrap();

        store.delete_paper(id).unwrap();
        assert!(store.get_paper(id).unwrap().deleted_at.is_some());
        store.delete_paper(id).unwrap();
        assert!(matches!(store.delete_paper(77), Err(StoreError::PaperNotFound { id: 77 })));

        store.restore_paper(id).unwrap();
        assert_eq!(store.get_paper(id).unwrap().deleted_at, None);
        assert!(matches!(store.purge_paper(id), Err(StoreError::NotInBin { .. })));
        assert!(store.get_paper(id).is_ok(), "a refused purge kept the paper");

        store.delete_paper(id).unwrap();
        store.purge_paper(id).unwrap();
        assert!(matches!(store.get_paper(id), Err(StoreError::PaperNotFound { .. })));
        assert_eq!(count(&store, "SELECT count(*) FROM revisions"), 0, "revisions go with their paper");
        assert_eq!(count(&store, "SELECT count(*) FROM papers_fts"), 0);
        assert!(matches!(store.purge_paper(id), Err(StoreError::PaperNotFound { .. })));
        assert!(matches!(store.restore_paper(id), Err(StoreError::PaperNotFound { .. })));
    }

    #[test]
    fn a_stored_paper_that_no_longer_reads_gives_an_error_naming_it() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("Broken", "x")).unwrap();
        store
            .conn
            .execute("UPDATE papers SET content = '{\"schema_version\": 1, \"colour\": 1}' WHERE id = ?1", [id])
            .unwrap();
        let err = store.get_paper(id).unwrap_err();
        assert!(matches!(&err, StoreError::PaperContent { id: i, .. } if *i == id), "{err}");
        assert_eq!(
            err.to_string(),
            format!("paper {id}: the stored content is not a valid board paper: unknown field \"colour\"")
        );

        store.conn.execute("UPDATE papers SET content = 'not json' WHERE id = ?1", [id]).unwrap();
        assert!(matches!(store.get_paper(id), Err(StoreError::PaperContent { .. })));
        store.conn.execute("UPDATE papers SET updated_at = 'later' WHERE id = ?1", [id]).unwrap();
        assert!(store.get_paper(id).is_err());
    }

    #[test]
    fn a_failed_save_leaves_the_paper_as_it_was() {
        let (_dir, mut store) = file_store();
        let p = paper("Steady", "before");
        let id = store.create_paper(&p).unwrap();
        // Make the revision insert fail half-way through the save.
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER no_revisions BEFORE INSERT ON revisions BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let mut edited = p.clone();
        edited.front_sheet.title = "Changed".into();
        let err = store.save_paper(id, &edited).unwrap_err();
        assert!(err.to_string().contains(&format!("saving paper {id}")), "{err}");
        assert_eq!(store.get_paper(id).unwrap().paper, p);
        assert!(store.search("Changed", 10).unwrap().is_empty());
        assert_eq!(store.search("Steady", 10).unwrap().len(), 1);
    }
}
