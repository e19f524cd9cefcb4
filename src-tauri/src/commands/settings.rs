use boardwright_model::zoom::Zoom;
use boardwright_model::Settings;
use boardwright_store::Store;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

pub fn load_settings(store: &Store) -> AppResult<Settings> {
    Ok(store.settings()?)
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> AppResult<Settings> {
    load_settings(&*state.store()?)
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: serde_json::Value) -> AppResult<Settings> {
    let settings: Settings = serde_json::from_value(settings)
        .map_err(|e| AppError::new(ErrorCode::InvalidSettings, format!("settings: {e}")))?;
    state.store()?.save_settings(&settings)?;
    Ok(settings)
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database: String,
    /// The spell checking languages with a dictionary loaded (e.g. "en_GB");
    /// empty when none is; null where the webview manages spelling (Windows).
    pub spelling: Option<Vec<String>>,
}

#[tauri::command]
pub async fn app_info<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
) -> AppResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        database: state.db_path().display().to_string(),
        spelling: crate::spelling::loaded_languages(&window),
    })
}

/// Turns on British English spell checking (the first call; later ones do
/// nothing). Called by the screens that hold prose when they open, not at
/// launch: loading the dictionary takes about half a second (src/spelling.rs).
#[tauri::command]
pub async fn enable_spelling<R: tauri::Runtime>(window: tauri::WebviewWindow<R>) -> AppResult<()> {
    crate::spelling::enable_british_spelling(&window);
    Ok(())
}

/// Closes the window for good: the page calls it once it has stored what
/// was pending, after a close request (src/closing.rs).
#[tauri::command]
pub async fn close_window<R: tauri::Runtime>(window: tauri::WebviewWindow<R>) -> AppResult<()> {
    window.destroy().map_err(|e| AppError::new(ErrorCode::Internal, format!("could not close the window: {e}")))
}

/// The window's title, which the taskbar and Alt+Tab show: what is open, then the app.
pub fn window_title(open: Option<&str>) -> String {
    match open.map(str::trim).filter(|t| !t.is_empty()) {
        // A long title is cut: the app's name must stay in sight.
        Some(title) if title.chars().count() > 80 => {
            format!("{}… – Boardwright", title.chars().take(79).collect::<String>())
        }
        Some(title) => format!("{title} – Boardwright"),
        None => "Boardwright".to_string(),
    }
}

/// Names what is open in the window's title (`None`: nothing).
#[tauri::command]
pub async fn set_window_title<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    open: Option<String>,
) -> AppResult<()> {
    window
        .set_title(&window_title(open.as_deref()))
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("could not set the window's title: {e}")))
}

#[tauri::command]
pub async fn get_zoom(state: State<'_, AppState>) -> AppResult<f64> {
    Ok(state.store()?.zoom()?.factor())
}

/// Zooms the window to `factor` (1 is 100%) and keeps it for the next launch.
#[tauri::command]
pub async fn set_zoom<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
    factor: f64,
) -> AppResult<f64> {
    let zoom = Zoom::try_from(factor).map_err(|e| AppError::new(ErrorCode::InvalidSettings, e))?;
    window
        .set_zoom(zoom.factor())
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("could not zoom the window: {e}")))?;
    state.store()?.save_zoom(zoom)?;
    Ok(zoom.factor())
}

#[cfg(test)]
mod tests {
    use super::window_title;

    #[test]
    fn the_title_names_what_is_open_then_the_app() {
        assert_eq!(window_title(Some(" PEEL 2025 ")), "PEEL 2025 – Boardwright");
        assert_eq!(window_title(Some("  ")), "Boardwright");
        assert_eq!(window_title(None), "Boardwright");
        let long = "x".repeat(100);
        let title = window_title(Some(&long));
        assert!(
            title.ends_with("… – Boardwright") && title.chars().count() == 80 + " – Boardwright".chars().count(),
            "{title}"
        );
    }
}
