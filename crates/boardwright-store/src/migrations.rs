//! The schema's history: numbered SQL migrations, compiled in.
//!
//! Each runs in its own transaction and is recorded twice: in
//! `PRAGMA user_version` (the version reached) and in `schema_migrations`
//! (with the SHA-256 of its text). On open, the recorded checksums are checked
//! against the migrations this build ships, so a database whose history differs
//! from this build's is refused rather than half understood.
//!
//! Shipped migrations never change: to change the schema, add a new file
//! `migrations/NNNN_name.sql` and a new entry at the end of [`MIGRATIONS`].

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};
use crate::time;

/// `PRAGMA application_id` of every Boardwright database: "BWRT" (0x42575254), set by migration 1.
pub const APPLICATION_ID: i64 = 0x4257_5254;

#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// 1, 2, 3 … in order, with no gaps.
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "initial", sql: include_str!("../migrations/0001_initial.sql") },
    Migration { version: 2, name: "section55", sql: include_str!("../migrations/0002_section55.sql") },
    Migration { version: 3, name: "report_revisions", sql: include_str!("../migrations/0003_report_revisions.sql") },
];

/// The schema version this build reads and writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

impl Migration {
    /// SHA-256 of the migration's text, in lower-case hex. Line endings are
    /// read as `\n`, so a checkout with CRLF line endings gives the same sum.
    pub fn checksum(&self) -> String {
        let digest = Sha256::digest(self.sql.replace("\r\n", "\n").as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn sql_error<'a>(path: &'a Path, action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + 'a {
    move |source| StoreError::Sqlite { place: format!("{} ({action})", path.display()), source }
}

/// Checks that every migration the database records as applied is one this
/// build ships, unchanged.
pub(crate) fn verify(conn: &Connection, path: &Path) -> Result<()> {
    let fail = sql_error(path, "checking the migration history");
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&fail)?;
    if user_version == 0 {
        return Ok(());
    }
    let has_table: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
            [],
            |r| r.get(0),
        )
        .map_err(&fail)?;
    if !has_table {
        return Err(StoreError::MigrationMissing { path: path.to_path_buf(), version: 1, user_version });
    }
    let mut stmt = conn.prepare("SELECT sha256 FROM schema_migrations WHERE version = ?1").map_err(&fail)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version <= user_version) {
        let recorded: Option<String> = stmt.query_row([migration.version], |r| r.get(0)).optional().map_err(&fail)?;
        let Some(recorded) = recorded else {
            return Err(StoreError::MigrationMissing {
                path: path.to_path_buf(),
                version: migration.version,
                user_version,
            });
        };
        let embedded = migration.checksum();
        if recorded != embedded {
            return Err(StoreError::MigrationChecksum {
                path: path.to_path_buf(),
                version: migration.version,
                name: migration.name.to_string(),
                recorded,
                embedded,
            });
        }
    }
    Ok(())
}

/// Applies, in order, each of `migrations` that the database has not had yet.
pub(crate) fn apply(conn: &mut Connection, path: &Path, migrations: &[Migration]) -> Result<()> {
    let fail = sql_error(path, "migrating");
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&fail)?;
    for migration in migrations.iter().filter(|m| m.version > current) {
        let fail = |source| StoreError::Sqlite {
            place: format!("{} (applying migration {} {})", path.display(), migration.version, migration.name),
            source,
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
        tx.execute_batch(migration.sql).map_err(fail)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?1, ?2, ?3, ?4)",
            params![migration.version, migration.name, migration.checksum(), time::to_text(time::now())],
        )
        .map_err(fail)?;
        tx.pragma_update(None, "user_version", migration.version).map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::Store;

    /// The SHA-256 of every shipped migration. Shipped migrations never change
    /// (databases in use record these sums and are refused if they differ):
    /// if this test fails, undo the edit and add a new migration instead.
    const SHIPPED: &[(i64, &str)] = &[
        (1, "429bb15fb6c47876a3bd8c78c2dbe18562bba8440035632eaed36e1565463a17"),
        (2, "ae877969ec76568c9ea69a7238bb7309c4aeea83a2c1ddb0c2bc2d30479a3df2"),
        (3, "c2687e528efad7ebb49e94bb2ba0dee0ea1f045b94e9547e3e36be815e1ed4aa"),
    ];

    #[test]
    fn shipped_migrations_never_change() {
        let actual: Vec<(i64, String)> = MIGRATIONS.iter().map(|m| (m.version, m.checksum())).collect();
        let expected: Vec<(i64, String)> = SHIPPED.iter().map(|(v, s)| (*v, s.to_string())).collect();
        assert!(actual.len() >= expected.len(), "a shipped migration was removed");
        assert_eq!(
            actual[..expected.len()],
            expected[..],
            "a shipped migration was edited; add a new migration instead"
        );
        assert_eq!(actual.len(), expected.len(), "record the checksum of the new migration in SHIPPED");
    }

    #[test]
    fn migrations_are_numbered_in_order_and_the_checksum_ignores_crlf() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "migration {} is out of order", m.name);
        }
        let lf = Migration { version: 9, name: "x", sql: "SELECT 1;\nSELECT 2;\n" };
        let crlf = Migration { sql: "SELECT 1;\r\nSELECT 2;\r\n", ..lf };
        assert_eq!(lf.checksum(), crlf.checksum());
        assert_ne!(lf.checksum(), Migration { sql: "SELECT 3;\n", ..lf }.checksum());
    }

    #[test]
    fn migrates_from_an_empty_file_and_from_every_shipped_version() {
        let dir = tempfile::tempdir().unwrap();
        for k in 0..=MIGRATIONS.len() {
            let path = dir.path().join(format!("at-version-{k}.sqlite"));
            let mut seeded = None;
            if k > 0 {
                let mut conn = Connection::open(&path).unwrap();
                apply(&mut conn, &path, &MIGRATIONS[..k]).unwrap();
                let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
                assert_eq!(version, k as i64);
                // Every version has the papers table of migration 1.
                conn.execute(
                    "INSERT INTO papers (title, board, paper_date, status, created_at, updated_at, content, body) \
                     VALUES ('Old', 'Board', '2026-03-01', 'final', '2026-01-01T00:00:00.000Z', \
                     '2026-01-01T00:00:00.000Z', ?1, 'Purpose from before')",
                    [serde_json::to_string(&paper("Old", "from before")).unwrap()],
                )
                .unwrap();
                seeded = Some(conn.last_insert_rowid());
            }
            let store = Store::open(&path).unwrap();
            assert_eq!(store.is_new(), k == 0, "version {k}");
            let version: i64 = store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert_eq!(version, LATEST_VERSION, "from version {k}");
            let recorded: i64 =
                store.conn.query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
            assert_eq!(recorded, LATEST_VERSION, "from version {k}");
            if let Some(id) = seeded {
                let stored = store.get_paper(id).unwrap();
                assert_eq!(
                    (stored.paper.front_sheet.title.as_str(), stored.status),
                    ("Old", crate::PaperStatus::Final)
                );
            }
        }
    }

    #[test]
    fn refuses_a_database_whose_recorded_migration_differs() {
        let (dir, store) = file_store();
        let path = dir.path().join("boardwright.sqlite");
        store.conn.execute("UPDATE schema_migrations SET sha256 = 'abc' WHERE version = 1", []).unwrap();
        drop(store);
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(&err, StoreError::MigrationChecksum { version: 1, recorded, .. } if recorded == "abc"),
            "{err}"
        );
        assert!(err.to_string().contains(&path.display().to_string()), "{err}");

        let conn = Connection::open(&path).unwrap();
        conn.execute("DELETE FROM schema_migrations", []).unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::MigrationMissing { version: 1, user_version, .. }) if user_version == LATEST_VERSION
        ));
    }

    #[test]
    fn a_failed_migration_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &path, MIGRATIONS).unwrap();
        let broken = Migration {
            version: LATEST_VERSION + 1,
            name: "broken",
            sql: "CREATE TABLE extra (x); SELECT nonsense FROM nowhere;",
        };
        let err = apply(&mut conn, &path, &[broken]).unwrap_err();
        assert!(err.to_string().contains("applying migration"), "{err}");
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, LATEST_VERSION);
        let extra: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'extra'", [], |r| r.get(0)).unwrap();
        assert_eq!(extra, 0, "the half-run migration's table was kept");
    }
}
