//! The Boardwright desktop shell: Tauri commands over the core crates.
//!
//! Thin by rule: commands call `boardwright-model`, `-store` and `-word`, and
//! map their errors to one coded [`error::AppError`]. Only this crate knows IPC.

pub mod closing;
pub mod code_pages;
pub mod commands;
pub mod error;
pub mod launch;
pub mod memory;
pub mod spelling;
pub mod state;

use tauri::{Manager, Runtime};

/// Overrides where the database lives (tests, several profiles); read by the store.
pub const DB_ENV: &str = "BOARDWRIGHT_DB";

/// Plugins, state and commands added to `builder`: shared by `main` and the
/// tests (which start from `tauri::test::mock_builder()`).
pub fn configure<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            // The same file the CLI uses: BOARDWRIGHT_DB, else the OS data folder.
            let db_path = match boardwright_store::default_db_path() {
                Ok(path) => path,
                Err(_) => app.path().app_data_dir()?.join("boardwright.sqlite"),
            };
            let state = state::AppState::open(db_path);
            let first_page = launch::launch_data(&state).as_ref().and_then(launch::initialization_script);
            // The zoom the user left the window at (100% when the store cannot be read).
            let zoom = state.store().ok().and_then(|store| store.zoom().ok()).unwrap_or_default();
            app.manage(state);
            open_main_window(app, first_page, zoom)?;
            Ok(())
        })
        .on_window_event(closing::on_window_event)
        .on_page_load(|_webview, payload| {
            // Launch has mapped much of the app's code that will not run again.
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                memory::return_freed_memory_soon();
            }
        })
        .invoke_handler(all_commands!())
}

/// The main window of tauri.conf.json (which has `"create": false` so that it
/// is made here), given the library's first page when there is one, at `zoom`.
fn open_main_window<R: Runtime>(
    app: &mut tauri::App<R>,
    first_page: Option<String>,
    zoom: boardwright_model::zoom::Zoom,
) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main").cloned() else {
        return Ok(());
    };
    let mut builder = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?;
    if let Some(script) = first_page {
        builder = builder.initialization_script(&script);
    }
    let window = builder.build()?;
    if zoom != boardwright_model::zoom::Zoom::ACTUAL_SIZE {
        window.set_zoom(zoom.factor())?;
    }
    Ok(())
}

pub fn run() {
    memory::run_scripts_without_jit();
    memory::fix_allocator_thresholds();
    let result = configure(tauri::Builder::default()).run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Boardwright could not start: {e}");
        std::process::exit(1);
    }
}
