use boardwright_model::BoardPaper;
use boardwright_store::{PaperId, RevisionSummary};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::AppResult;
use crate::state::AppState;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct RevisionView {
    pub summary: RevisionSummary,
    pub paper: BoardPaper,
}

#[tauri::command]
pub async fn list_revisions(state: State<'_, AppState>, id: PaperId) -> AppResult<Vec<RevisionSummary>> {
    Ok(state.store()?.revisions(id)?)
}

#[tauri::command]
pub async fn get_revision(state: State<'_, AppState>, revision: i64) -> AppResult<RevisionView> {
    let (summary, paper) = state.store()?.get_revision(revision)?;
    Ok(RevisionView { summary, paper })
}

/// The current content is kept as a revision first, so a restore loses nothing.
#[tauri::command]
pub async fn restore_revision(state: State<'_, AppState>, id: PaperId, revision: i64) -> AppResult<()> {
    Ok(state.store()?.restore_revision(id, revision)?)
}
