//! British English spell checking in the editor.
//!
//! The UI marks its text fields `lang="en-GB" spellcheck`, which WebView2
//! (Windows) honours with the system's dictionaries. WebKitGTK (Linux) keeps
//! spell checking off until the web context turns it on, and wry does not
//! (wry 0.57 has no setting for it), so the shell does it here, once, for the
//! main window. It needs a hunspell dictionary for en_GB (Debian:
//! hunspell-en-gb, which the .deb depends on); without one, nothing is marked.

use tauri::{Manager, Runtime};

pub fn enable_british_spelling<R: Runtime, M: Manager<R>>(app: &M) {
    let Some(window) = app.get_webview_window("main") else { return };
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_spell_checking_enabled(true);
            context.set_spell_checking_languages(&["en_GB"]);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
