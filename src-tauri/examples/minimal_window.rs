//! A minimal Tauri window (a one-line page, no commands): the baseline the
//! memory measurement compares the app against (tests/e2e/src/bin/measure.rs).
//! It serves its page through a custom protocol, as the app serves its UI:
//! an `about:blank` window starts no WebKitGTK web process at all, and the
//! baseline would leave out the renderer no app can do without.

use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The mark is read by the launch measurement, as the app's library marks its first frame.
const PAGE: &str = "<!doctype html><html lang=\"en-GB\"><title>Minimal</title><p>Minimal</p>\
    <script>requestAnimationFrame(() => performance.mark('minimal:first-frame'))</script></html>";

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .register_uri_scheme_protocol("minimal", |_ctx, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_default()
        })
        .setup(|app| {
            let url = WebviewUrl::External("minimal://localhost/".parse()?);
            WebviewWindowBuilder::new(app, "main", url).title("Minimal").inner_size(1200.0, 820.0).build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("the minimal window could not start: {e}");
        std::process::exit(1);
    }
}
