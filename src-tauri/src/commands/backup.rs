//! Backing up every paper, report, revision and setting to one file, and
//! restoring the store from such a file (the store does both; src/backup.rs
//! of boardwright-store).

use boardwright_store::{default_backup_name, StoreError};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::export::{choose_file, choose_target, exported, Asking, ExportResult, SaveAs};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

fn todays_backup_name() -> String {
    default_backup_name(chrono::Local::now().date_naive())
}

/// Writes a backup to `path` if given, else where the user picks in the save
/// dialog (offered as "Boardwright backup <today>.sqlite"). `None` when the user cancels.
#[tauri::command]
pub async fn back_up<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: Option<String>,
) -> AppResult<Option<ExportResult>> {
    let title = "Back up all papers";
    let Some(target) = choose_target(&app, path, &todays_backup_name(), title, SaveAs::Backup)? else {
        return Ok(None);
    };
    state.store()?.backup_to(&target).map_err(|e| AppError::new(ErrorCode::BackupFailed, e.to_string()))?;
    Ok(Some(exported(&state, target)))
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct RestoreResult {
    pub restored_from: String,
    /// Where the content replaced by the backup was kept.
    pub safety_copy: String,
}

/// Replaces the store's content with the backup at `path` if given, else the
/// file the user picks. `None` when the user cancels. A file that is not a
/// Boardwright backup, is damaged or is newer than the app is refused
/// (`BackupRefused`), and nothing changes.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: Option<String>,
) -> AppResult<Option<RestoreResult>> {
    // The end-to-end tests' export folder holds today's backup under its name.
    let title = "Restore from a backup";
    let Some(source) = choose_file(&app, path, &todays_backup_name(), title, SaveAs::Backup, Asking::Open)? else {
        return Ok(None);
    };
    let safety = state.store()?.restore_from_backup(&source).map_err(restore_error)?;
    let result = RestoreResult {
        restored_from: source.to_string_lossy().into_owned(),
        safety_copy: safety.to_string_lossy().into_owned(),
    };
    // "Show in folder" may show the safety copy.
    state.remember_export(safety);
    Ok(Some(result))
}

/// A refused backup has its own code: the store's "not a Boardwright
/// database" is about the chosen file here, not the app's own database, and
/// must not send the UI to its "cannot open the database" screen.
fn restore_error(e: StoreError) -> AppError {
    match &e {
        StoreError::Io { .. }
        | StoreError::NotABoardwrightDatabase { .. }
        | StoreError::NewerDatabase { .. }
        | StoreError::MigrationChecksum { .. }
        | StoreError::MigrationMissing { .. }
        | StoreError::DamagedDatabase { .. }
        | StoreError::SameFile { .. } => AppError::new(ErrorCode::BackupRefused, e.to_string()),
        _ => AppError::new(ErrorCode::Database, e.to_string()),
    }
}
