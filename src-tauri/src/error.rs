//! The one error the UI sees: a code to switch on and a message to show.

use boardwright_model::DecodeError;
use boardwright_store::StoreError;
use boardwright_word::WordError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The database could not be opened (newer, damaged, not a Boardwright file): nothing works until it is.
    DatabaseUnavailable,
    /// A database operation failed.
    Database,
    NotFound,
    /// The paper sent is not a valid board paper (the message names the place).
    InvalidDocument,
    NotInBin,
    ExportFolderMissing,
    ExportReadOnly,
    ExportWriteFailed,
    ExportFailed,
    /// A path the UI asked to open was not exported in this session.
    NotExported,
    InvalidSettings,
    /// A backup could not be written (the message names the file and why).
    BackupFailed,
    /// The file chosen to restore is not a Boardwright backup, is damaged, or is newer than the app: nothing changed.
    BackupRefused,
    /// A save that breaks a Section 55 rule (approved with recommendations unanswered and no reason).
    Section55Rule,
    Internal,
}

#[derive(Debug, Clone, Serialize, TS, thiserror::Error)]
#[ts(export)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError { code, message: message.into() }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let code = match &e {
            StoreError::PaperNotFound { .. } | StoreError::RevisionNotFound { .. } => ErrorCode::NotFound,
            StoreError::ReportNotFound { .. } => ErrorCode::NotFound,
            StoreError::Section55Rule { .. } => ErrorCode::Section55Rule,
            StoreError::RevisionOfAnotherPaper { .. } => ErrorCode::NotFound,
            StoreError::NotInBin { .. } => ErrorCode::NotInBin,
            StoreError::NotABoardwrightDatabase { .. }
            | StoreError::NewerDatabase { .. }
            | StoreError::MigrationChecksum { .. }
            | StoreError::MigrationMissing { .. }
            | StoreError::DamagedDatabase { .. }
            | StoreError::NoDataDir => ErrorCode::DatabaseUnavailable,
            _ => ErrorCode::Database,
        };
        AppError::new(code, e.to_string())
    }
}

impl From<WordError> for AppError {
    fn from(e: WordError) -> AppError {
        let code = match &e {
            WordError::FolderMissing(_) => ErrorCode::ExportFolderMissing,
            WordError::ReadOnly(_) => ErrorCode::ExportReadOnly,
            WordError::Write { .. } => ErrorCode::ExportWriteFailed,
            WordError::Build(_) => ErrorCode::ExportFailed,
        };
        AppError::new(code, e.to_string())
    }
}

impl From<DecodeError> for AppError {
    fn from(e: DecodeError) -> AppError {
        AppError::new(ErrorCode::InvalidDocument, e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;
