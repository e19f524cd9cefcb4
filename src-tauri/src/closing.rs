//! Closing the main window without losing what was typed last.
//!
//! The first close request is held: the page is asked to store what is
//! pending and then calls `close_window`. A page that cannot answer (it has
//! no hook: it failed to start) is closed at once, and a second request
//! closes whatever the page is doing (a user who closes again after a save
//! error, or a page that hangs).
//!
//! Why not the JavaScript API's `onCloseRequested`: registering its listener
//! makes Tauri evaluate a script in the webview, and the first evaluation
//! starts a JavaScriptCore context in the app's process, kept for as long as
//! it runs (2.7 MiB of its code pages alone, `scripts/measure`). Here a
//! script is evaluated only once the user closes.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Manager, Runtime, Window, WindowEvent};

/// The page's hook (ui/src/lib/window.ts installs it): stores what is pending, then closes.
pub const PAGE_HOOK: &str = "__boardwrightCloseRequested";

static CLOSE_ASKED: AtomicBool = AtomicBool::new(false);

/// The script evaluated on a close request: "true" when the page took it over.
fn ask_page_script() -> String {
    format!("typeof window.{PAGE_HOOK} === 'function' ? (window.{PAGE_HOOK}(), true) : false")
}

/// For `Builder::on_window_event`.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    if CLOSE_ASKED.swap(true, Ordering::SeqCst) {
        return;
    }
    let Some(webview) = window.get_webview_window(window.label()) else { return };
    api.prevent_close();
    let closing = webview.clone();
    let asked = webview.eval_with_callback(ask_page_script(), move |taken_over| {
        if taken_over.trim() != "true" {
            let _ = closing.destroy();
        }
    });
    if asked.is_err() {
        let _ = webview.destroy();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_names_the_hook_the_page_installs() {
        let page = include_str!("../../ui/src/lib/window.ts");
        assert!(page.contains(PAGE_HOOK), "ui/src/lib/window.ts must install window.{PAGE_HOOK}");
        assert!(ask_page_script().contains(&format!("window.{PAGE_HOOK}()")));
    }
}
