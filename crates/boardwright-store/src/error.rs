//! What can go wrong in the store, each error naming its place: the
//! database file, the paper, the revision or the setting.

use std::path::PathBuf;

use boardwright_model::DecodeError;

use crate::PaperId;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed (`action` is e.g. "create the folder").
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// SQLite reported an error; `place` names the database and what was being done.
    #[error("{place}: {source}")]
    Sqlite {
        place: String,
        #[source]
        source: rusqlite::Error,
    },

    /// The file is not SQLite at all, or is an SQLite database of another program.
    #[error("{path} is not a Boardwright database")]
    NotABoardwrightDatabase { path: PathBuf },

    /// The database was written by a newer Boardwright; it is left exactly as it was.
    #[error("{path} was written by a newer version of Boardwright (database version {found}; this version reads up to {supported}); update Boardwright to open it")]
    NewerDatabase { path: PathBuf, found: i64, supported: i64 },

    /// A migration recorded as applied differs from the one this build ships.
    #[error("{path}: migration {version} ({name}) was applied with checksum {recorded}, but this build's migration has checksum {embedded}; the database's history does not match this version of Boardwright")]
    MigrationChecksum { path: PathBuf, version: i64, name: String, recorded: String, embedded: String },

    /// `user_version` says a migration was applied but `schema_migrations` has no record of it.
    #[error("{path}: the database is at version {user_version} but has no record of migration {version}")]
    MigrationMissing { path: PathBuf, version: i64, user_version: i64 },

    /// A database file that SQLite cannot read through (`detail` is SQLite's report).
    #[error("{path} is damaged: {detail}")]
    DamagedDatabase { path: PathBuf, detail: String },

    /// Backing up onto, or restoring from, the database file in use.
    #[error("{path} is the database in use; choose another file")]
    SameFile { path: PathBuf },

    #[error("there is no paper {id}")]
    PaperNotFound { id: PaperId },

    #[error("there is no inspection report {id}")]
    ReportNotFound { id: i64 },

    /// A stored report or response no longer reads as one.
    #[error("{what} {id}: the stored content cannot be read: {source}")]
    RecordContent {
        what: &'static str,
        id: i64,
        #[source]
        source: DecodeError,
    },

    /// A save that would break a Section 55 rule (e.g. approved with recommendations unanswered); no id for a new report.
    #[error("{}{message}", id.map(|id| format!("report {id}: ")).unwrap_or_default())]
    Section55Rule { id: Option<i64>, message: String },

    #[error("there is no revision {id}")]
    RevisionNotFound { id: i64 },

    #[error("revision {revision} belongs to paper {owner}, not paper {paper}")]
    RevisionOfAnotherPaper { revision: i64, paper: PaperId, owner: PaperId },

    /// Purging is only from the bin, so that nothing is destroyed by one click.
    #[error("paper {id} is not in the bin; delete it before purging it")]
    NotInBin { id: PaperId },

    /// A stored paper's JSON no longer reads as a board paper.
    #[error("paper {id}: the stored content is not a valid board paper: {source}")]
    PaperContent {
        id: PaperId,
        #[source]
        source: DecodeError,
    },

    /// A stored revision's JSON no longer reads as a board paper.
    #[error("revision {revision} of paper {paper}: the stored content is not a valid board paper: {source}")]
    RevisionContent {
        revision: i64,
        paper: PaperId,
        #[source]
        source: DecodeError,
    },

    /// A stored column holds a value the store cannot read (a bad date, time or status).
    #[error("{place}: column {column} holds {value:?}, which is not {expected}")]
    BadValue { place: String, column: &'static str, value: String, expected: &'static str },

    /// A value could not be written as, or read from, JSON (`place` names the paper or setting).
    #[error("{place}: {source}")]
    Json {
        place: String,
        #[source]
        source: serde_json::Error,
    },

    /// There is no folder for application data on this system; set `BOARDWRIGHT_DB`.
    #[error("this system has no folder for application data; set BOARDWRIGHT_DB to the database file to use")]
    NoDataDir,

    /// The operation needs a database file, and this store is in memory.
    #[error("cannot {action}: this store is in memory, not in a file")]
    InMemory { action: &'static str },
}

impl StoreError {
    pub(crate) fn sqlite(place: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
        let place = place.into();
        move |source| StoreError::Sqlite { place, source }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { action, path, source }
    }
}

/// Maps an SQLite error to one naming the database and what was being done:
/// `/path/boardwright.sqlite (saving paper 5): database is locked`.
pub(crate) fn sql_at<'a>(
    path: &'a std::path::Path,
    action: &'static str,
    id: Option<i64>,
) -> impl Fn(rusqlite::Error) -> StoreError + Copy + 'a {
    move |source| {
        let place = match id {
            Some(id) => format!("{} ({action} {id})", path.display()),
            None => format!("{} ({action})", path.display()),
        };
        StoreError::Sqlite { place, source }
    }
}
