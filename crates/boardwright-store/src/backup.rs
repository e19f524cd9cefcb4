//! Backups: the whole database copied into one self-contained file (SQLite's
//! online backup API), and restoring the store from such a file.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::error::{sql_at, Result, StoreError};
use crate::{check_magic, configure, migrations, read_header, time, Store, BUSY_TIMEOUT};

/// Copies every page of `from` into `to`, in one step, so that `to` changes in
/// one transaction or not at all. Waits up to [`BUSY_TIMEOUT`] for locks.
fn copy_database(from: &Connection, to: &mut Connection, place: &Path, action: &'static str) -> Result<()> {
    let e = sql_at(place, action, None);
    let backup = Backup::new(from, to).map_err(e)?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match backup.step(-1).map_err(e)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(20))
            }
            StepResult::Busy | StepResult::Locked => {
                let busy = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY);
                return Err(e(rusqlite::Error::SqliteFailure(busy, Some("the database stayed locked".into()))));
            }
            // More (not expected when copying every page in one step): go on.
            _ => {}
        }
    }
}

/// The folder a file is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// Makes a rename in `dir` durable, where the system allows it.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = fs::File::open(dir) {
        // Best effort: the data itself is already on disk.
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A new, empty temporary file in `dir`, deleted when dropped unless persisted.
fn temp_file_in(dir: &Path, prefix: &str) -> Result<tempfile::TempPath> {
    fs::create_dir_all(dir).map_err(StoreError::io("create the folder", dir))?;
    let file = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(StoreError::io("create a temporary file in", dir))?;
    Ok(file.into_temp_path())
}

fn open_file(path: &Path, flags: OpenFlags, action: &'static str) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(sql_at(path, action, None))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_at(path, action, None))?;
    Ok(conn)
}

/// Refuses a database that SQLite finds damaged.
fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let report: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|_| StoreError::NotABoardwrightDatabase { path: path.to_path_buf() })?;
    if report == "ok" {
        Ok(())
    } else {
        Err(StoreError::DamagedDatabase { path: path.to_path_buf(), detail: report })
    }
}

/// The file name a backup made on `date` is offered under ("Boardwright backup 2026-12-04.sqlite").
pub fn default_backup_name(date: chrono::NaiveDate) -> String {
    format!("Boardwright backup {}.sqlite", date.format("%Y-%m-%d"))
}

impl Store {
    /// Writes a copy of the whole database to `dest`, replacing any file there
    /// atomically: the copy is made in a temporary file in the same folder,
    /// then renamed over `dest`. The copy is one self-contained file (no `-wal`).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if !self.in_memory && same_file(dest, &self.path) {
            return Err(StoreError::SameFile { path: dest.to_path_buf() });
        }
        let dir = folder_of(dest);
        let temp = temp_file_in(dir, ".boardwright-backup-")?;
        {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE;
            let mut copy = open_file(&temp, flags, "opening the backup")?;
            copy.pragma_update(None, "synchronous", "FULL").map_err(sql_at(dest, "opening the backup", None))?;
            copy_database(&self.conn, &mut copy, dest, "writing the backup")?;
            let e = sql_at(dest, "finishing the backup", None);
            let _mode: String =
                copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0)).map_err(e)?;
            copy.close().map_err(|(_, source)| e(source))?;
        }
        // SQLite synced its commits; sync once more so the rename never exposes a partial file.
        fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(StoreError::io("flush", temp.to_path_buf()))?;
        temp.persist(dest).map_err(|err| StoreError::io("replace", dest)(err.error))?;
        sync_folder(dir);
        Ok(())
    }

    /// Replaces the store's content with the backup at `source`, and returns
    /// the safety copy of the previous content it wrote first, beside the
    /// database: `<name>.before-restore-<time>.sqlite`.
    ///
    /// A file that is not a Boardwright database, is damaged, or was written
    /// by a newer Boardwright is refused, and the store is left as it was. An
    /// older backup is brought up to date. The content is replaced in one
    /// transaction, so the store works on the restored content at once.
    pub fn restore_from_backup(&mut self, source: &Path) -> Result<PathBuf> {
        if self.in_memory {
            return Err(StoreError::InMemory { action: "restore from a backup" });
        }
        if same_file(source, &self.path) {
            return Err(StoreError::SameFile { path: source.to_path_buf() });
        }
        let meta = fs::metadata(source).map_err(StoreError::io("read", source))?;
        if !meta.is_file() || meta.len() == 0 {
            return Err(StoreError::NotABoardwrightDatabase { path: source.to_path_buf() });
        }
        check_magic(source)?;

        // Check a copy, beside the database, and bring it up to date: the backup itself is only read.
        let staging_path = temp_file_in(folder_of(&self.path), ".boardwright-restore-")?;
        let staging = {
            let backup = open_file(source, OpenFlags::SQLITE_OPEN_READ_ONLY, "opening the backup")?;
            if read_header(&backup, source)?.blank {
                return Err(StoreError::NotABoardwrightDatabase { path: source.to_path_buf() });
            }
            let mut staging =
                open_file(&staging_path, OpenFlags::SQLITE_OPEN_READ_WRITE, "opening a copy of the backup")?;
            copy_database(&backup, &mut staging, source, "reading the backup")?;
            staging
        };
        let mut staging = staging;
        quick_check(&staging, source)?;
        migrations::verify(&staging, source)?;
        migrations::apply(&mut staging, source, migrations::MIGRATIONS)?;
        self.match_page_size(&staging, source)?;

        let safety = self.safety_copy_path()?;
        self.backup_to(&safety)?;
        copy_database(&staging, &mut self.conn, &self.path, "restoring from a backup")?;
        drop(staging);
        self.conn.flush_prepared_statement_cache();
        configure(&self.conn, &self.path)?;
        migrations::verify(&self.conn, &self.path)?;
        Ok(safety)
    }

    /// A write-ahead-log database only takes a copy with its own page size.
    fn match_page_size(&self, staging: &Connection, source: &Path) -> Result<()> {
        let page_size = |conn: &Connection| conn.pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0));
        let want = page_size(&self.conn).map_err(sql_at(&self.path, "reading the page size", None))?;
        let e = sql_at(source, "converting the backup's page size", None);
        if page_size(staging).map_err(e)? != want {
            staging.pragma_update(None, "page_size", want).map_err(e)?;
            staging.execute_batch("VACUUM").map_err(e)?;
        }
        Ok(())
    }

    /// `<folder>/<name>.before-restore-<UTC time>.sqlite`, numbered if taken.
    fn safety_copy_path(&self) -> Result<PathBuf> {
        let dir = folder_of(&self.path);
        let name =
            self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "boardwright".into());
        let stamp = time::now().format("%Y%m%dT%H%M%S%.3fZ");
        for n in 1..1000 {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            let candidate = dir.join(format!("{name}.before-restore-{stamp}{suffix}.sqlite"));
            if !candidate.exists() {
                return Ok(candidate);
            }
        }
        Err(StoreError::Io {
            action: "choose a name for the safety copy in",
            path: dir.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "too many safety copies with this time"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::ListQuery;

    fn titles(store: &Store) -> Vec<String> {
        let mut titles: Vec<String> =
            store.list_papers(&ListQuery::default()).unwrap().into_iter().map(|p| p.title).collect();
        titles.sort();
        titles
    }

    fn safety_copies(dir: &Path) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".before-restore-"))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_backup_is_offered_under_its_date() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(default_backup_name(date), "Boardwright backup 2026-12-04.sqlite");
    }

    #[test]
    fn backup_then_restore_gives_back_the_backed_up_content() {
        let (dir, mut store) = file_store();
        let a = store.create_paper(&paper("Alpha", "original words")).unwrap();
        let b = store.create_paper(&paper("Bravo", "bravo words")).unwrap();
        store.set_setting("theme", "dark").unwrap();
        let backup = dir.path().join("backups").join("monday.sqlite");
        store.backup_to(&backup).unwrap();
        assert!(!backup.with_extension("sqlite-wal").exists(), "the backup is one file");

        // Change everything after the backup.
        store.save_paper(a, &paper("Alpha", "edited words")).unwrap();
        store.delete_paper(b).unwrap();
        store.purge_paper(b).unwrap();
        store.create_paper(&paper("Charlie", "new words")).unwrap();
        store.set_setting("theme", "light").unwrap();

        let safety = store.restore_from_backup(&backup).unwrap();
        assert_eq!(titles(&store), ["Alpha", "Bravo"]);
        assert_eq!(store.get_paper(a).unwrap().paper, paper("Alpha", "original words"));
        assert_eq!(store.get_paper(b).unwrap().paper, paper("Bravo", "bravo words"));
        assert_eq!(store.get_setting::<String>("theme").unwrap().as_deref(), Some("dark"));
        assert_eq!(store.search("original", 10).unwrap().len(), 1);
        assert!(store.search("charlie", 10).unwrap().is_empty());
        // The store goes on working on the restored content.
        let d = store.create_paper(&paper("Delta", "after the restore")).unwrap();
        assert_eq!(store.search("after restore", 10).unwrap()[0].id, d);

        // The safety copy holds what was there before.
        let name = safety.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("boardwright.before-restore-") && name.ends_with(".sqlite"), "{name}");
        assert_eq!(safety.parent(), Some(dir.path()));
        assert_eq!(titles(&Store::open(&safety).unwrap()), ["Alpha", "Charlie"]);

        // Another store's live file (write-ahead log and all) also restores.
        let other_path = dir.path().join("other").join("live.sqlite");
        let mut other = Store::open(&other_path).unwrap();
        other.create_paper(&paper("Echo", "from another store")).unwrap();
        store.restore_from_backup(&other_path).unwrap();
        assert_eq!(titles(&store), ["Echo"]);
        assert_eq!(titles(&other), ["Echo"], "the backup was changed");
        store.restore_from_backup(&backup).unwrap();
        store.create_paper(&paper("Delta", "after the restore")).unwrap();

        // And the restored content is what is on disk.
        drop(store);
        let reopened = Store::open(&dir.path().join("boardwright.sqlite")).unwrap();
        assert_eq!(titles(&reopened), ["Alpha", "Bravo", "Delta"]);
        let mode: String = reopened.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert!(fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".tmp")));
    }

    #[test]
    fn backup_replaces_an_existing_file_and_refuses_the_database_itself() {
        let (dir, mut store) = file_store();
        store.create_paper(&paper("Only", "x")).unwrap();
        let dest = dir.path().join("backup.sqlite");
        fs::write(&dest, "an old file in the way").unwrap();
        store.backup_to(&dest).unwrap();
        assert_eq!(titles(&Store::open(&dest).unwrap()), ["Only"]);
        let live = dir.path().join("boardwright.sqlite");
        assert!(matches!(store.backup_to(&live), Err(StoreError::SameFile { .. })));
        assert!(matches!(store.restore_from_backup(&live), Err(StoreError::SameFile { .. })));
        assert_eq!(titles(&store), ["Only"]);
    }

    #[test]
    fn restore_refuses_what_is_not_a_readable_backup_and_changes_nothing() {
        let (dir, mut store) = file_store();
        let id = store.create_paper(&paper("Untouched", "still here")).unwrap();
        let live = dir.path().join("boardwright.sqlite");

        let text = dir.path().join("notes.txt");
        fs::write(&text, "Dear Chief Constable, ".repeat(100)).unwrap();
        let empty = dir.path().join("empty.sqlite");
        fs::write(&empty, "").unwrap();
        let other = dir.path().join("other.sqlite");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        let newer = dir.path().join("newer.sqlite");
        store.backup_to(&newer).unwrap();
        Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let missing = dir.path().join("missing.sqlite");

        let before = store.get_paper(id).unwrap();
        for (path, expect) in [(&text, "not"), (&empty, "not"), (&other, "not"), (&newer, "newer"), (&missing, "io")] {
            let err = store.restore_from_backup(path).unwrap_err();
            let ok = match expect {
                "not" => matches!(&err, StoreError::NotABoardwrightDatabase { path: p } if p == path),
                "newer" => matches!(&err, StoreError::NewerDatabase { found: 99, .. }),
                _ => matches!(&err, StoreError::Io { .. }),
            };
            assert!(ok, "{path:?}: {err}");
            assert!(err.to_string().contains(&path.display().to_string()), "{err}");
        }
        assert_eq!(store.get_paper(id).unwrap().paper, before.paper);
        assert_eq!(store.get_paper(id).unwrap().updated_at, before.updated_at);
        assert_eq!(titles(&store), ["Untouched"]);
        assert!(safety_copies(dir.path()).is_empty(), "a refused restore wrote a safety copy");
        assert_eq!(fs::read(&text).unwrap(), "Dear Chief Constable, ".repeat(100).into_bytes());
        drop(store);
        assert_eq!(titles(&Store::open(&live).unwrap()), ["Untouched"]);
    }

    #[test]
    fn restores_a_backup_with_another_page_size() {
        let dir = tempfile::tempdir().unwrap();
        let big_pages = dir.path().join("big-pages.sqlite");
        {
            let mut conn = Connection::open(&big_pages).unwrap();
            conn.pragma_update(None, "page_size", 8192).unwrap();
            migrations::apply(&mut conn, &big_pages, migrations::MIGRATIONS).unwrap();
        }
        let mut source = Store::open(&big_pages).unwrap();
        source.create_paper(&paper("Big pages", "x")).unwrap();
        let backup = dir.path().join("backup.sqlite");
        source.backup_to(&backup).unwrap();

        let mut store = Store::open(&dir.path().join("live.sqlite")).unwrap();
        store.create_paper(&paper("Small pages", "y")).unwrap();
        store.restore_from_backup(&backup).unwrap();
        assert_eq!(titles(&store), ["Big pages"]);
    }

    #[test]
    fn an_in_memory_store_backs_up_but_cannot_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store.create_paper(&paper("Memory", "x")).unwrap();
        let dest = dir.path().join("memory.sqlite");
        store.backup_to(&dest).unwrap();
        assert_eq!(titles(&Store::open(&dest).unwrap()), ["Memory"]);
        assert!(matches!(store.restore_from_backup(&dest), Err(StoreError::InMemory { .. })));
    }
}
