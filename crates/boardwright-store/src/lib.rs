//! The Boardwright store: board papers, their revisions, full-text search,
//! settings and backups, in one SQLite file.
//!
//! Only this crate knows SQL. A [`Store`] owns one connection; wrap it in a
//! mutex to share it between threads. Reading methods take `&self`, writing
//! ones `&mut self`; every write is one transaction.
//!
//! Times are stored as RFC 3339 UTC text with milliseconds
//! (`2026-01-31T09:30:00.125Z`), so they sort as text.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

mod backup;
mod columns;
mod error;
mod list;
pub mod migrations;
mod papers;
mod report_revisions;
mod revisions;
mod search;
mod section55;
mod settings;
mod snippet;
mod time;
mod types;

#[cfg(test)]
mod testutil;

pub use backup::default_backup_name;
pub use error::{Result, StoreError};
pub use search::{SNIPPET_CLOSE, SNIPPET_OPEN};
pub use types::*;

/// A paper's id in the store.
pub type PaperId = i64;

/// An inspection report's id in the store (its response shares it).
pub type ReportId = i64;

/// How long a statement waits for another connection's lock before failing.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The database file of the Boardwright store.
pub struct Store {
    conn: Connection,
    /// The database file; `:memory:` for an in-memory store.
    path: PathBuf,
    in_memory: bool,
    is_new: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("is_new", &self.is_new).finish_non_exhaustive()
    }
}

/// The database file to use: `BOARDWRIGHT_DB` if set, else
/// `<data dir>/Boardwright/boardwright.sqlite` (e.g. `%APPDATA%\Boardwright\boardwright.sqlite`).
pub fn default_db_path() -> Result<PathBuf> {
    db_path_from(std::env::var_os("BOARDWRIGHT_DB"), dirs::data_dir())
}

fn db_path_from(env: Option<OsString>, data_dir: Option<PathBuf>) -> Result<PathBuf> {
    match env.filter(|v| !v.is_empty()) {
        Some(path) => Ok(PathBuf::from(path)),
        None => data_dir.map(|d| d.join("Boardwright").join("boardwright.sqlite")).ok_or(StoreError::NoDataDir),
    }
}

/// What the header of a database file says, read without changing anything.
pub(crate) struct Header {
    /// No Boardwright schema yet: an empty file, or an SQLite file with nothing in it.
    pub blank: bool,
}

impl Store {
    /// Opens the store at `path`, creating its folders and the file if missing,
    /// and brings its schema up to date.
    ///
    /// Refuses, without changing a byte of it, a file that is not a Boardwright
    /// database ([`StoreError::NotABoardwrightDatabase`]) or that a newer
    /// Boardwright wrote ([`StoreError::NewerDatabase`]).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(StoreError::io("create the folder", parent))?;
        }
        check_magic(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(StoreError::sqlite(format!("{} (opening)", path.display())))?;
        Store::start(conn, path.to_path_buf(), false)
    }

    /// A store in memory, for tests and previews; it starts empty.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(StoreError::sqlite(":memory: (opening)"))?;
        Store::start(conn, PathBuf::from(":memory:"), true)
    }

    fn start(conn: Connection, path: PathBuf, in_memory: bool) -> Result<Store> {
        // A connection setting only: the file is not touched.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(StoreError::sqlite(format!("{} (opening)", path.display())))?;
        // Checked before anything is written, journal mode included.
        let header = read_header(&conn, &path)?;
        configure(&conn, &path)?;
        let mut store = Store { conn, path, in_memory, is_new: header.blank };
        migrations::verify(&store.conn, &store.path)?;
        migrations::apply(&mut store.conn, &store.path, migrations::MIGRATIONS)?;
        Ok(store)
    }

    /// True when this open created the database (the file was missing, empty,
    /// or an SQLite file with nothing in it): the caller may seed it, e.g. with
    /// the sample paper. Always true for an in-memory store.
    pub fn is_new(&self) -> bool {
        self.is_new
    }

    /// The database file; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        (!self.in_memory).then_some(self.path.as_path())
    }

    /// Gives back the memory of the page cache (the pages stay in the file,
    /// and in the system's cache). For the app after a long paper was read
    /// or saved: the connection would otherwise keep up to the whole cache
    /// (16 MiB, [`configure`]) of pages it may not need again soon.
    pub fn release_memory(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA shrink_memory")
            .map_err(StoreError::sqlite(format!("{} (releasing memory)", self.path.display())))
    }
}

/// Refuses a non-empty file that does not begin as every SQLite database does.
/// SQLite itself would take a short text file for an empty database and write over it.
pub(crate) fn check_magic(path: &Path) -> Result<()> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io("read", path)(e)),
    };
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    file.by_ref().take(SQLITE_MAGIC.len() as u64).read_to_end(&mut head).map_err(StoreError::io("read", path))?;
    if head.is_empty() || head == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotABoardwrightDatabase { path: path.to_path_buf() })
    }
}

/// Reads the header of the database on `conn` and refuses what this build must not open.
pub(crate) fn read_header(conn: &Connection, path: &Path) -> Result<Header> {
    let not_ours = || StoreError::NotABoardwrightDatabase { path: path.to_path_buf() };
    let fail = |source: rusqlite::Error| match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => not_ours(),
        _ => StoreError::Sqlite { place: format!("{} (reading the header)", path.display()), source },
    };
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(fail)?;
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(fail)?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(fail)?;
    let blank = application_id == 0 && user_version == 0 && objects == 0;
    if !blank && application_id != migrations::APPLICATION_ID {
        return Err(not_ours());
    }
    if user_version > migrations::LATEST_VERSION {
        return Err(StoreError::NewerDatabase {
            path: path.to_path_buf(),
            found: user_version,
            supported: migrations::LATEST_VERSION,
        });
    }
    Ok(Header { blank })
}

/// Write-ahead logging, foreign keys, a sync to disk on every commit, and a larger page cache.
pub(crate) fn configure(conn: &Connection, path: &Path) -> Result<()> {
    let fail = StoreError::sqlite(format!("{} (configuring)", path.display()));
    (|| {
        // Returns the mode in force: "memory" for an in-memory store; a file system
        // without shared memory may keep "delete", which is safe, only slower.
        let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // 16 MiB of page cache (negative: in KiB), so a search's index pages stay in memory.
        conn.pragma_update(None, "cache_size", -16_384)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    })()
    .map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn the_default_path_is_the_env_var_or_the_data_dir() {
        let data = Some(PathBuf::from("/home/u/.local/share"));
        assert_eq!(db_path_from(Some("/tmp/x.sqlite".into()), data.clone()).unwrap(), PathBuf::from("/tmp/x.sqlite"));
        assert_eq!(
            db_path_from(Some("".into()), data.clone()).unwrap(),
            PathBuf::from("/home/u/.local/share/Boardwright/boardwright.sqlite")
        );
        assert_eq!(
            db_path_from(None, data).unwrap(),
            PathBuf::from("/home/u/.local/share/Boardwright/boardwright.sqlite")
        );
        assert!(matches!(db_path_from(None, None), Err(StoreError::NoDataDir)));
    }

    /// Bytes the connection's page cache holds (SQLite's own count).
    fn cache_used(store: &Store) -> i32 {
        let (mut current, mut highest) = (0, 0);
        // SAFETY: the handle is the live connection's; the out-pointers are valid locals.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_db_status(
                store.conn.handle(),
                rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED,
                &mut current,
                &mut highest,
                0,
            )
        };
        assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
        current
    }

    #[test]
    fn release_memory_empties_the_page_cache_and_keeps_the_data() {
        let (_dir, mut store) = file_store();
        let long = "words of a long paper ".repeat(20_000);
        let id = store.create_paper(&paper("Long", &long)).unwrap();
        store.get_paper(id).unwrap();
        let before = cache_used(&store);
        assert!(before > 200_000, "reading a long paper fills the cache ({before} bytes)");
        store.release_memory().unwrap();
        let after = cache_used(&store);
        assert!(after < before / 4, "the cache went from {before} to {after} bytes");
        assert_eq!(store.get_paper(id).unwrap().paper.front_sheet.title, "Long");
    }

    #[test]
    fn open_creates_folders_and_file_and_says_it_is_new() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a").join("b").join("store.sqlite");
        let mut store = Store::open(&path).unwrap();
        assert!(store.is_new());
        assert!(path.is_file());
        assert_eq!(store.path(), Some(path.as_path()));
        let id = store.create_paper(&paper("Kept", "words")).unwrap();
        drop(store);

        let store = Store::open(&path).unwrap();
        assert!(!store.is_new(), "a second open is not new");
        assert_eq!(store.get_paper(id).unwrap().paper.front_sheet.title, "Kept");
        let pragma = |name: &str| -> String {
            store
                .conn
                .pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| format!("{v:?}"))
                .unwrap()
        };
        assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
        assert_eq!(pragma("foreign_keys"), "Integer(1)");
        assert_eq!(pragma("synchronous"), "Integer(2)");
        assert_eq!(pragma("application_id"), format!("Integer({})", migrations::APPLICATION_ID));
    }

    #[test]
    fn an_empty_file_is_a_new_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.sqlite");
        fs::write(&path, b"").unwrap();
        let store = Store::open(&path).unwrap();
        assert!(store.is_new());
        assert_eq!(store.list_papers(&ListQuery::default()).unwrap().len(), 0);
    }

    #[test]
    fn refuses_files_that_are_not_boardwright_databases_and_leaves_them_alone() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        fs::write(&text, b"hello").unwrap();
        let long_text = dir.path().join("long.txt");
        fs::write(&long_text, "Not a database. ".repeat(500)).unwrap();
        let other = dir.path().join("other.sqlite");
        {
            let conn = Connection::open(&other).unwrap();
            conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        }
        for path in [&text, &long_text, &other] {
            let before = fs::read(path).unwrap();
            let err = Store::open(path).unwrap_err();
            assert!(matches!(&err, StoreError::NotABoardwrightDatabase { path: p } if p == path), "{path:?}: {err}");
            assert!(err.to_string().contains(&path.display().to_string()), "{err}");
            assert_eq!(fs::read(path).unwrap(), before, "{path:?} was changed");
        }
    }

    #[test]
    fn refuses_a_newer_database_without_changing_a_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.sqlite");
        {
            let mut store = Store::open(&path).unwrap();
            store.create_paper(&paper("From the future", "text")).unwrap();
            // As a newer Boardwright would leave it: rollback journal, version 99.
            store.conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
            store.conn.pragma_update(None, "user_version", 99).unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        match &err {
            StoreError::NewerDatabase { path: p, found, supported } => {
                assert_eq!((p, *found, *supported), (&path, 99, migrations::LATEST_VERSION));
            }
            other => panic!("expected NewerDatabase, got {other}"),
        }
        assert!(err.to_string().contains("newer version of Boardwright"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "the newer database was changed");
        assert!(!dir.path().join("future.sqlite-wal").exists(), "the journal mode was changed");
    }

    #[test]
    fn a_store_can_move_between_threads_and_its_errors_too() {
        fn send<T: Send>() {}
        fn send_sync<T: Send + Sync + 'static>() {}
        send::<Store>();
        send_sync::<StoreError>();
    }

    #[test]
    fn in_memory_stores_work_and_have_no_path() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.is_new());
        assert_eq!(store.path(), None);
        let id = store.create_paper(&paper("In memory", "body")).unwrap();
        assert_eq!(store.get_paper(id).unwrap().paper.front_sheet.title, "In memory");
    }
}
