//! Closing the main window without losing what was typed last.
//!
//! A close request is held: the page is asked to store what is pending and
//! then calls `close_window`. A page that cannot answer (it has no hook: it
//! failed to start) is closed at once, and a second request within
//! [`CLOSE_AGAIN_WITHIN`] closes whatever the page is doing (a user who
//! closes again after a save error, or a page that hangs). Later requests
//! ask the page again.
//!
//! Why not the JavaScript API's `onCloseRequested`: registering its listener
//! makes Tauri evaluate a script in the webview, and the first evaluation
//! starts a JavaScriptCore context in the app's process, kept for as long as
//! it runs (2.7 MiB of its code pages alone, `scripts/measure`). Here a
//! script is evaluated only once the user closes.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use tauri::{Manager, Runtime, Window, WindowEvent};

/// The page's hook (ui/src/lib/window.ts installs it): stores what is pending, then closes.
pub const PAGE_HOOK: &str = "__boardwrightCloseRequested";

/// How soon a second close request closes without the page.
pub const CLOSE_AGAIN_WITHIN: Duration = Duration::from_secs(60);

/// When the page was last asked to close.
static LAST_ASKED: Mutex<Option<Instant>> = Mutex::new(None);

/// True when the page should be asked (and the time noted); false when a
/// request came just before and this one closes without it.
fn ask_page(now: Instant, last_asked: &mut Option<Instant>) -> bool {
    if last_asked.is_some_and(|at| now.saturating_duration_since(at) < CLOSE_AGAIN_WITHIN) {
        return false;
    }
    *last_asked = Some(now);
    true
}

/// The script evaluated on a close request: "true" when the page took it over.
fn ask_page_script() -> String {
    format!("typeof window.{PAGE_HOOK} === 'function' ? (window.{PAGE_HOOK}(), true) : false")
}

/// For `Builder::on_window_event`.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let ask = ask_page(Instant::now(), &mut LAST_ASKED.lock().unwrap_or_else(PoisonError::into_inner));
    if !ask {
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

    #[test]
    fn a_second_request_soon_after_closes_and_a_later_one_asks_again() {
        let start = Instant::now();
        let mut last = None;
        assert!(ask_page(start, &mut last), "the first request asks the page");
        assert!(!ask_page(start + Duration::from_secs(5), &mut last), "closing again soon after closes");
        assert!(ask_page(start + CLOSE_AGAIN_WITHIN + Duration::from_secs(1), &mut last), "much later it asks again");
        assert!(!ask_page(start + CLOSE_AGAIN_WITHIN + Duration::from_secs(2), &mut last));
    }
}
