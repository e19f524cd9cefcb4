//! A minimal Tauri window (an empty page, no commands): the baseline the
//! memory measurement compares the app against (tests/e2e/src/bin/measure.rs).

use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .setup(|app| {
            let url = WebviewUrl::External("about:blank".parse()?);
            WebviewWindowBuilder::new(app, "main", url).title("Minimal").inner_size(1200.0, 820.0).build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("the minimal window could not start: {e}");
        std::process::exit(1);
    }
}
