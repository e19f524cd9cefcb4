use boardwright_model::templates::{self, Template};
use boardwright_model::{paper_from_json, paper_from_value, validate, BoardPaper, Problem};
use boardwright_store::{ListQuery, PaperId, PaperPage, PaperStatus, SearchHit, StoredPaper};
use chrono::{DateTime, Utc};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::settings::load_settings;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// Autosaves within this window of the last revision keep no new revision.
const AUTOSAVE_REVISION_WINDOW_MINUTES: i64 = 5;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct SaveResult {
    /// The revision that now holds the previous content, if one was made.
    #[ts(type = "number | null")]
    pub revision: Option<i64>,
    pub updated_at: DateTime<Utc>,
    /// What the author should still fix (never blocks the save).
    pub problems: Vec<Problem>,
}

/// The editor's JSON, read by the model's strict decoder (errors name the place).
fn decode(paper: &serde_json::Value) -> AppResult<BoardPaper> {
    Ok(paper_from_value(paper)?)
}

#[tauri::command]
pub async fn list_papers(state: State<'_, AppState>, query: ListQuery) -> AppResult<PaperPage> {
    Ok(state.store()?.page_of_papers(&query)?)
}

#[tauri::command]
pub async fn get_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<StoredPaper> {
    Ok(state.store()?.get_paper(id)?)
}

/// A paper as the editor opens it: as stored, with what the author should
/// still fix (checked here, so the editor need not send the paper back).
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct OpenedPaper {
    pub stored: StoredPaper,
    pub problems: Vec<Problem>,
}

#[tauri::command]
pub async fn open_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<OpenedPaper> {
    let stored = {
        let store = state.store()?;
        let stored = store.get_paper(id)?;
        // Only memory: a failure here changes nothing stored.
        let _ = store.release_memory();
        stored
    };
    let problems = validate(&stored.paper);
    // The reply of a long paper is a megabyte, serialised after this returns.
    crate::memory::return_freed_memory_soon();
    Ok(OpenedPaper { stored, problems })
}

#[tauri::command]
pub async fn create_paper(state: State<'_, AppState>, template: String, title: Option<String>) -> AppResult<PaperId> {
    let template = templates::find(&template)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("there is no template \"{template}\"")))?;
    let mut paper = template.instantiate(chrono::Local::now().date_naive());
    paper.front_sheet.title = title.unwrap_or_default();
    let mut store = state.store()?;
    load_settings(&store)?.apply_to_new_paper(&mut paper);
    Ok(store.create_paper(&paper)?)
}

#[tauri::command]
pub async fn duplicate_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<PaperId> {
    let mut store = state.store()?;
    let mut paper = store.get_paper(id)?.paper;
    paper.front_sheet.title = format!("Copy of {}", paper.front_sheet.title.trim());
    Ok(store.create_paper(&paper)?)
}

/// The headers of a `save_paper` call: the paper's id, and "true" for the
/// editor's saves as the user types (their revisions coalesce).
pub const PAPER_ID_HEADER: &str = "x-paper-id";
pub const AUTOSAVE_HEADER: &str = "x-autosave";

/// Saves the paper JSON that is the body of the call (UTF-8 bytes, not an
/// argument: Tauri would parse an argument into a `serde_json::Value` and
/// copy it once more, 20 MB at the peak for a 150-page paper, which glibc
/// then kept). The id and the autosave flag come in headers.
#[tauri::command]
pub async fn save_paper(state: State<'_, AppState>, request: tauri::ipc::Request<'_>) -> AppResult<SaveResult> {
    let invalid = |message: String| AppError::new(ErrorCode::InvalidDocument, message);
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
    let id: PaperId = header(PAPER_ID_HEADER)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| invalid(format!("save_paper: the {PAPER_ID_HEADER} header is missing or not a number")))?;
    let autosave = header(AUTOSAVE_HEADER) == Some("true");
    let tauri::ipc::InvokeBody::Raw(body) = request.body() else {
        return Err(invalid("save_paper: the paper must be the body of the call, as JSON bytes".into()));
    };
    let json = std::str::from_utf8(body).map_err(|e| invalid(format!("the paper is not UTF-8: {e}")))?;
    let decoded = paper_from_json(json)?;
    let outcome = {
        let mut store = state.store()?;
        let outcome = if autosave {
            store.autosave_paper(id, &decoded, chrono::Duration::minutes(AUTOSAVE_REVISION_WINDOW_MINUTES))?
        } else {
            store.save_paper(id, &decoded)?
        };
        // Only memory: a failure here changes nothing stored.
        let _ = store.release_memory();
        outcome
    };
    let result =
        SaveResult { revision: outcome.revision, updated_at: outcome.updated_at, problems: validate(&decoded) };
    drop(decoded);
    crate::memory::return_freed_memory();
    // Decoding and storing mapped code pages; shed them once typing pauses.
    crate::memory::return_freed_memory_soon();
    Ok(result)
}

#[tauri::command]
pub async fn set_status(state: State<'_, AppState>, id: PaperId, status: PaperStatus) -> AppResult<()> {
    Ok(state.store()?.set_status(id, status)?)
}

#[tauri::command]
pub async fn delete_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<()> {
    Ok(state.store()?.delete_paper(id)?)
}

#[tauri::command]
pub async fn restore_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<()> {
    Ok(state.store()?.restore_paper(id)?)
}

#[tauri::command]
pub async fn purge_paper(state: State<'_, AppState>, id: PaperId) -> AppResult<()> {
    Ok(state.store()?.purge_paper(id)?)
}

/// The boards from the settings first, then any other board a paper went to.
#[tauri::command]
pub async fn list_boards(state: State<'_, AppState>) -> AppResult<Vec<String>> {
    Ok(state.store()?.board_choices()?)
}

#[tauri::command]
pub async fn search_papers(state: State<'_, AppState>, text: String) -> AppResult<Vec<SearchHit>> {
    Ok(state.store()?.search(&text, 50)?)
}

#[tauri::command]
pub async fn list_templates() -> AppResult<Vec<Template>> {
    Ok(templates::all().to_vec())
}

#[tauri::command]
pub async fn validate_paper(paper: serde_json::Value) -> AppResult<Vec<Problem>> {
    Ok(validate(&decode(&paper)?))
}
