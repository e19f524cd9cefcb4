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

/// The kinds of file the app exports.
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

    pub fn filter_name(self) -> &'static str {
        match self {
            SaveAs::Word => "Word document",
            SaveAs::Csv => "CSV (comma-separated values)",
            SaveAs::Backup => "Boardwright backup",
        }
    }
}

/// Where an export goes: `path` if the UI gave one; else the folder of
/// [`EXPORT_DIR_ENV`] under `name`; else what the user picks in the native
/// save dialog (`None` when they cancel).
pub fn choose_target<R: Runtime>(
    app: &AppHandle<R>,
    path: Option<String>,
    name: &str,
    title: &str,
    save_as: SaveAs,
) -> AppResult<Option<PathBuf>> {
    if let Some(path) = path {
        return Ok(Some(PathBuf::from(path)));
    }
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV) {
        return Ok(Some(PathBuf::from(dir).join(name)));
    }
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(name)
        .add_filter(save_as.filter_name(), &[save_as.extension()])
        .blocking_save_file();
    let Some(picked) = picked else { return Ok(None) };
    let path = picked
        .into_path()
        .map_err(|e| AppError::new(ErrorCode::ExportFailed, format!("the chosen file is not a path: {e}")))?;
    // GTK does not add the extension the filter names.
    Ok(Some(if path.extension().is_none() { path.with_extension(save_as.extension()) } else { path }))
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
