//! Revisions: the earlier contents of a paper, kept by every changing save.

use boardwright_model::{paper_from_json, BoardPaper};
use rusqlite::OptionalExtension;

use crate::error::{sql_at, Result, StoreError};
use crate::{columns, PaperId, RevisionSummary, Store};

impl Store {
    /// The revisions of paper `id`, newest first.
    pub fn revisions(&self, id: PaperId) -> Result<Vec<RevisionSummary>> {
        if !self.paper_exists(id)? {
            return Err(StoreError::PaperNotFound { id });
        }
        let e = sql_at(&self.path, "listing the revisions of paper", Some(id));
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, saved_at FROM revisions WHERE paper_id = ?1 ORDER BY id DESC")
            .map_err(e)?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .map_err(e)?;
        let mut revisions = Vec::new();
        for row in rows {
            let (revision, title, saved_at) = row.map_err(e)?;
            let saved_at = columns::time("revision", revision, "saved_at", &saved_at)?;
            revisions.push(RevisionSummary { id: revision, paper_id: id, title, saved_at });
        }
        Ok(revisions)
    }

    /// A revision, and the paper as it was then.
    pub fn get_revision(&self, revision: i64) -> Result<(RevisionSummary, BoardPaper)> {
        let e = sql_at(&self.path, "reading revision", Some(revision));
        let row = self
            .conn
            .prepare_cached("SELECT paper_id, title, saved_at, content FROM revisions WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([revision], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
                })
                .optional()
            })
            .map_err(e)?;
        let Some((paper_id, title, saved_at, content)) = row else {
            return Err(StoreError::RevisionNotFound { id: revision });
        };
        let paper = paper_from_json(&content).map_err(|source| StoreError::RevisionContent {
            revision,
            paper: paper_id,
            source,
        })?;
        let saved_at = columns::time("revision", revision, "saved_at", &saved_at)?;
        Ok((RevisionSummary { id: revision, paper_id, title, saved_at }, paper))
    }

    /// Makes revision `revision` the content of paper `paper_id` again. The
    /// current content is kept as a revision first, so nothing is lost.
    pub fn restore_revision(&mut self, paper_id: PaperId, revision: i64) -> Result<()> {
        let (summary, paper) = self.get_revision(revision)?;
        if summary.paper_id != paper_id {
            return Err(StoreError::RevisionOfAnotherPaper { revision, paper: paper_id, owner: summary.paper_id });
        }
        self.save_paper(paper_id, &paper)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn lists_revisions_newest_first_and_restores_one_keeping_the_current() {
        let (_dir, mut store) = file_store();
        let first = paper("First title", "first body");
        let id = store.create_paper(&first).unwrap();
        let second = paper("Second title", "second body");
        let r1 = store.save_paper(id, &second).unwrap().revision.unwrap();
        let third = paper("Third title", "third body");
        let r2 = store.save_paper(id, &third).unwrap().revision.unwrap();

        let list = store.revisions(id).unwrap();
        assert_eq!(
            list.iter().map(|r| (r.id, r.title.as_str())).collect::<Vec<_>>(),
            [(r2, "Second title"), (r1, "First title")]
        );
        assert!(list[0].saved_at >= list[1].saved_at);
        assert!(list.iter().all(|r| r.paper_id == id));

        let (summary, old) = store.get_revision(r1).unwrap();
        assert_eq!((summary.id, summary.paper_id), (r1, id));
        assert_eq!(old, first);

        store.restore_revision(id, r1).unwrap();
        assert_eq!(store.get_paper(id).unwrap().paper, first);
        let list = store.revisions(id).unwrap();
        assert_eq!(list.len(), 3);
        let (_, kept) = store.get_revision(list[0].id).unwrap();
        assert_eq!(kept, third, "the content before the restore is kept as a revision");
        assert_eq!(store.search("first", 10).unwrap().len(), 1, "search follows the restored content");
        assert!(store.search("third", 10).unwrap().is_empty());
    }

    #[test]
    fn refuses_a_revision_of_another_paper_and_changes_nothing() {
        let (_dir, mut store) = file_store();
        let a = store.create_paper(&paper("A", "a")).unwrap();
        let b = store.create_paper(&paper("B", "b")).unwrap();
        let rev_a = store.save_paper(a, &paper("A2", "a2")).unwrap().revision.unwrap();
        let err = store.restore_revision(b, rev_a).unwrap_err();
        assert!(
            matches!(err, StoreError::RevisionOfAnotherPaper { revision, paper, owner } if (revision, paper, owner) == (rev_a, b, a))
        );
        assert_eq!(store.get_paper(b).unwrap().paper, paper("B", "b"));
        assert!(store.revisions(b).unwrap().is_empty());
        assert!(matches!(store.get_revision(9999), Err(StoreError::RevisionNotFound { id: 9999 })));
        assert!(matches!(store.revisions(9999), Err(StoreError::PaperNotFound { id: 9999 })));
    }

    #[test]
    fn a_revision_that_no_longer_reads_names_itself_and_its_paper() {
        let (_dir, mut store) = file_store();
        let id = store.create_paper(&paper("A", "a")).unwrap();
        let rev = store.save_paper(id, &paper("A2", "a2")).unwrap().revision.unwrap();
        store.conn.execute("UPDATE revisions SET content = '[]' WHERE id = ?1", [rev]).unwrap();
        let err = store.get_revision(rev).unwrap_err();
        assert!(
            matches!(&err, StoreError::RevisionContent { revision, paper, .. } if (*revision, *paper) == (rev, id)),
            "{err}"
        );
        assert!(err.to_string().starts_with(&format!("revision {rev} of paper {id}:")), "{err}");
        assert!(store.restore_revision(id, rev).is_err());
        assert_eq!(store.get_paper(id).unwrap().paper, paper("A2", "a2"), "a failed restore changed the paper");
    }
}
