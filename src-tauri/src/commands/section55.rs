//! Section 55: inspection reports, their responses, the dashboard, the
//! tracker and the Word/CSV exports. Each command calls the core and maps errors.

use boardwright_model::section55::{
    self as s55, open_deadlines, paper_from_report, record_from_value, tracker_csv, tracker_rows, DeadlineRow,
    InspectionReport, ReportRecord, Section55Check, Section55Response, TrackerRow,
};
use boardwright_store::{LinkedPaper, PaperId, ReportId, ReportRevisionSummary, StoredReport};
use boardwright_word::{section55 as word, ExportOptions};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::export::{choose_target, write_export, ExportResult, SaveAs};
use crate::commands::settings::load_settings;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// Saves within this window of the last revision keep no new revision (as papers' autosaves).
const REVISION_WINDOW_MINUTES: i64 = 5;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A report as the UI opens it: the stored records and the checks on them.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReportView {
    pub stored: StoredReport,
    pub check: Section55Check,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReportSaveResult {
    pub updated_at: DateTime<Utc>,
    pub check: Section55Check,
}

/// The dashboard: every report, open responses by deadline first.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Section55Overview {
    /// Responses not yet published, the nearest deadline first.
    pub open: Vec<DeadlineRow>,
    /// Every report (published responses too), newest first.
    pub reports: Vec<DeadlineRow>,
}

fn view(stored: StoredReport) -> ReportView {
    let check = s55::check(&stored.report, &stored.response, today());
    ReportView { stored, check }
}

fn records(stored: &[StoredReport]) -> Vec<ReportRecord<'_>> {
    stored.iter().map(StoredReport::record).collect()
}

#[tauri::command]
pub async fn section55_overview(state: State<'_, AppState>) -> AppResult<Section55Overview> {
    let stored = state.store()?.list_reports()?;
    let records = records(&stored);
    let open = open_deadlines(&records, today());
    let reports = s55::tracker::report_rows(&records, today());
    Ok(Section55Overview { open, reports })
}

/// A new report, published today until the author says otherwise; returns its id.
#[tauri::command]
pub async fn create_report(state: State<'_, AppState>, title: String) -> AppResult<ReportId> {
    let mut report = InspectionReport::new_blank(today());
    report.title = title;
    Ok(state.store()?.create_report(&report)?)
}

/// The shipped sample report with its response, stored as a new report; returns its id.
#[tauri::command]
pub async fn create_sample_report(state: State<'_, AppState>) -> AppResult<ReportId> {
    let (report, response) = boardwright_model::templates::sample_section55();
    Ok(state.store()?.create_report_with_response(&report, &response)?)
}

#[tauri::command]
pub async fn get_report(state: State<'_, AppState>, id: ReportId) -> AppResult<ReportView> {
    Ok(view(state.store()?.get_report(id)?))
}

/// Saves a report and its response together (the autosave); the JSON is read
/// strictly, and an approved response with gaps is refused (code `section55_rule`).
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    id: ReportId,
    report: serde_json::Value,
    response: serde_json::Value,
) -> AppResult<ReportSaveResult> {
    let report: InspectionReport = record_from_value(report).map_err(|e| e.within("report"))?;
    let response: Section55Response = record_from_value(response).map_err(|e| e.within("response"))?;
    let window = chrono::Duration::minutes(REVISION_WINDOW_MINUTES);
    let updated_at = state.store()?.save_report(id, &report, &response, window)?;
    Ok(ReportSaveResult { updated_at, check: s55::check(&report, &response, today()) })
}

#[tauri::command]
pub async fn list_report_revisions(state: State<'_, AppState>, id: ReportId) -> AppResult<Vec<ReportRevisionSummary>> {
    Ok(state.store()?.report_revisions(id)?)
}

/// Restores an earlier version; the current one is kept as a revision first.
#[tauri::command]
pub async fn restore_report_revision(state: State<'_, AppState>, id: ReportId, revision: i64) -> AppResult<()> {
    Ok(state.store()?.restore_report_revision(id, revision)?)
}

#[tauri::command]
pub async fn delete_report(state: State<'_, AppState>, id: ReportId) -> AppResult<()> {
    Ok(state.store()?.delete_report(id)?)
}

#[tauri::command]
pub async fn restore_report(state: State<'_, AppState>, id: ReportId) -> AppResult<()> {
    Ok(state.store()?.restore_report(id)?)
}

/// A board paper pre-filled from the report, linked to it; returns the paper's id.
#[tauri::command]
pub async fn create_paper_from_report(state: State<'_, AppState>, id: ReportId) -> AppResult<PaperId> {
    let mut store = state.store()?;
    let stored = store.get_report(id)?;
    let mut paper = paper_from_report(&stored.report, today());
    load_settings(&store)?.apply_to_new_paper(&mut paper);
    let paper_id = store.create_paper(&paper)?;
    store.link_paper(id, paper_id)?;
    Ok(paper_id)
}

/// Links an existing board paper to the report; returns the papers now linked.
#[tauri::command]
pub async fn link_paper(state: State<'_, AppState>, id: ReportId, paper: PaperId) -> AppResult<Vec<LinkedPaper>> {
    let mut store = state.store()?;
    store.link_paper(id, paper)?;
    Ok(store.linked_papers(id)?)
}

#[tauri::command]
pub async fn unlink_paper(state: State<'_, AppState>, id: ReportId, paper: PaperId) -> AppResult<Vec<LinkedPaper>> {
    let mut store = state.store()?;
    store.unlink_paper(id, paper)?;
    Ok(store.linked_papers(id)?)
}

#[tauri::command]
pub async fn list_tracker(state: State<'_, AppState>) -> AppResult<Vec<TrackerRow>> {
    let stored = state.store()?.list_reports()?;
    Ok(tracker_rows(&records(&stored), today()))
}

#[derive(Debug, Clone, Copy, serde::Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Section55Document {
    /// The published response.
    Response,
    /// The covering letter to the Home Secretary, copied to HMICFRS.
    Letter,
}

/// Exports the response or its covering letter: to `path` if given, else
/// where the user picks in the save dialog. `None` when the user cancels.
#[tauri::command]
pub async fn export_section55<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ReportId,
    document: Section55Document,
    path: Option<String>,
) -> AppResult<Option<ExportResult>> {
    let (stored, settings) = {
        let store = state.store()?;
        (store.get_report(id)?, load_settings(&store)?)
    };
    let options = ExportOptions { author: None, created: stored.created_at, modified: stored.updated_at };
    let (bytes, name, title) = match document {
        Section55Document::Response => (
            word::export_response(&stored.report, &stored.response, &settings, &options)?,
            word::response_file_name(&stored.report),
            "Export the response to Word",
        ),
        Section55Document::Letter => (
            word::export_covering_letter(&stored.report, &stored.response, &settings, today(), &options)?,
            word::letter_file_name(&stored.report),
            "Export the covering letter to Word",
        ),
    };
    let Some(target) = choose_target(&app, path, &name, title, SaveAs::Word)? else { return Ok(None) };
    write_export(&state, &bytes, target)
}

#[derive(Debug, Clone, Copy, serde::Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TrackerFormat {
    Docx,
    Csv,
}

/// Exports the tracker rows the UI shows (filtered and sorted there) as a Word table or CSV.
#[tauri::command]
pub async fn export_tracker<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    rows: serde_json::Value,
    format: TrackerFormat,
    path: Option<String>,
) -> AppResult<Option<ExportResult>> {
    let rows: Vec<TrackerRow> = record_from_value(rows).map_err(|e| e.within("rows"))?;
    let settings = load_settings(&*state.store()?)?;
    let on = today();
    let (bytes, save_as) = match format {
        TrackerFormat::Docx => (word::export_tracker(&rows, &settings, on)?, SaveAs::Word),
        TrackerFormat::Csv => {
            let csv = tracker_csv(&rows).map_err(|e| AppError::new(ErrorCode::ExportFailed, e))?;
            (csv.into_bytes(), SaveAs::Csv)
        }
    };
    let name = word::tracker_file_name(on, save_as.extension());
    let Some(target) = choose_target(&app, path, &name, "Export the recommendations tracker", save_as)? else {
        return Ok(None);
    };
    write_export(&state, &bytes, target)
}
