use std::path::PathBuf;

use boardwright_store::PaperId;
use boardwright_word::{default_file_name, export_board_paper_to, ExportOptions};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// Set (by the end-to-end tests) to a folder: exports go there under their
/// default name instead of through the native save dialog, which WebDriver
/// cannot drive. Everything after the dialog is the same code.
pub const EXPORT_DIR_ENV: &str = "BOARDWRIGHT_EXPORT_DIR";

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ExportResult {
    pub path: String,
}

#[tauri::command]
pub async fn default_export_name(state: State<'_, AppState>, id: PaperId) -> AppResult<String> {
    Ok(default_file_name(&state.store()?.get_paper(id)?.paper))
}

/// Exports paper `id` to Word: to `path` if given, else where the user picks
/// in the save dialog. `None` when the user cancels.
#[tauri::command]
pub async fn export_paper<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: PaperId,
    path: Option<String>,
) -> AppResult<Option<ExportResult>> {
    let stored = state.store()?.get_paper(id)?;
    let name = default_file_name(&stored.paper);
    let Some(target) = choose_target(&app, path, &name, "Export to Word", SaveAs::Word)? else { return Ok(None) };
    let options = ExportOptions { author: None, created: stored.created_at, modified: stored.updated_at };
    export_board_paper_to(&stored.paper, &options, &target)?;
    Ok(Some(exported(&state, target)))
}

/// Writes an export's bytes to `target` (atomically) and remembers it for Open / Show in folder.
pub fn write_export(state: &AppState, bytes: &[u8], target: PathBuf) -> AppResult<Option<ExportResult>> {
    boardwright_word::write_file(bytes, &target)?;
    Ok(Some(exported(state, target)))
}

/// Remembers `target` as this session's (for Open / Show in folder) and says where it went.
pub fn exported(state: &AppState, target: PathBuf) -> ExportResult {
    let path = target.to_string_lossy().into_owned();
    state.remember_export(target);
    ExportResult { path }
}

/// The kinds of file the app writes (and, for a backup, reads back).
#[derive(Debug, Clone, Copy)]
pub enum SaveAs {
    Word,
    Csv,
    Backup,
}

impl SaveAs {
    pub fn extension(self) -> &'static str {
        match self {
            SaveAs::Word => "docx",
            SaveAs::Csv => "csv",
            SaveAs::Backup => "sqlite",
        }
    }

    fn filter_name(self) -> &'static str {
        match self {
            SaveAs::Word => "Word document",
            SaveAs::Csv => "CSV (comma-separated values)",
            SaveAs::Backup => "Boardwright backup",
        }
    }
}

/// Which native dialog asks for a file.
#[derive(Debug, Clone, Copy)]
pub enum Asking {
    /// Where to write (an export, a backup); the chosen name gets the kind's extension.
    Save,
    /// Which file to read (a backup to restore).
    Open,
}

/// Where an export goes: see [`choose_file`].
pub fn choose_target<R: Runtime>(
    app: &AppHandle<R>,
    path: Option<String>,
    name: &str,
    title: &str,
    save_as: SaveAs,
) -> AppResult<Option<PathBuf>> {
    choose_file(app, path, name, title, save_as, Asking::Save)
}

/// The file to write or read: `path` if the UI gave one; else the folder of
/// [`EXPORT_DIR_ENV`] under `name`; else what the user picks in the native
/// dialog (`None` when they cancel). A pick that is not a path fails with
/// the action's code (`ExportFailed` for a save, `BackupRefused` for an open).
pub fn choose_file<R: Runtime>(
    app: &AppHandle<R>,
    path: Option<String>,
    name: &str,
    title: &str,
    kind: SaveAs,
    asking: Asking,
) -> AppResult<Option<PathBuf>> {
    if let Some(path) = path {
        return Ok(Some(PathBuf::from(path)));
    }
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV) {
        return Ok(Some(PathBuf::from(dir).join(name)));
    }
    let dialog = app.dialog().file().set_title(title).add_filter(kind.filter_name(), &[kind.extension()]);
    let picked = match asking {
        Asking::Save => dialog.set_file_name(name).blocking_save_file(),
        Asking::Open => dialog.blocking_pick_file(),
    };
    let Some(picked) = picked else { return Ok(None) };
    let code = match asking {
        Asking::Save => ErrorCode::ExportFailed,
        Asking::Open => ErrorCode::BackupRefused,
    };
    let path = picked.into_path().map_err(|e| AppError::new(code, format!("the chosen file is not a path: {e}")))?;
    // GTK does not add the extension the filter names.
    Ok(Some(match asking {
        Asking::Save if path.extension().is_none() => path.with_extension(kind.extension()),
        _ => path,
    }))
}

#[tauri::command]
pub async fn open_exported<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: String) -> AppResult<()> {
    let path = PathBuf::from(path);
    state.check_exported(&path)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("could not open {}: {e}", path.display())))
}

#[tauri::command]
pub async fn reveal_exported<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: String) -> AppResult<()> {
    let path = PathBuf::from(path);
    state.check_exported(&path)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("could not show {}: {e}", path.display())))
}
