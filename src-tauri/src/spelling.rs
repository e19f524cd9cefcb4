//! British English spell checking in the editor.
//!
//! The UI marks its text fields `lang="en-GB" spellcheck`, which WebView2
//! (Windows) honours with the system's dictionaries. WebKitGTK (Linux) keeps
//! spell checking off until the web context turns it on, and wry does not
//! (wry 0.57 has no setting for it), so the shell does it here. It needs an
//! en_GB dictionary that enchant finds; without one, nothing is marked. The
//! .deb depends on aspell-en: enchant prefers aspell for en_GB, whose
//! dictionary is a memory-mapped file and takes about 8 MiB less than
//! hunspell-en-gb's (scripts/measure: the app process 108 -> 100 MiB with
//! the 150-page paper open). Its en_GB is the -ise spelling, as on GOV.UK.
//!
//! Turning it on loads the dictionary on the main thread (hunspell's took
//! about 0.5 s here), so it is not done at launch (it doubled the time to an
//! interactive library) but when a screen with prose first opens: the UI asks through
//! the `enable_spelling` command.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Runtime, WebviewWindow};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns British English spell checking on for the window's web context (once).
pub fn enable_british_spelling<R: Runtime>(window: &WebviewWindow<R>) {
    if ENABLED.swap(true, Ordering::SeqCst) {
        return;
    }
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

/// The spell checking languages whose dictionary WebKitGTK loaded (empty
/// when it is off or no en_GB dictionary is installed). None where the
/// webview manages spelling itself (WebView2 on Windows).
pub fn loaded_languages<R: Runtime>(window: &WebviewWindow<R>) -> Option<Vec<String>> {
    #[cfg(target_os = "linux")]
    {
        let (tx, rx) = std::sync::mpsc::channel();
        let asked = window.with_webview(move |webview| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            let languages = webview
                .inner()
                .context()
                .filter(|context| context.is_spell_checking_enabled())
                .map(|context| context.spell_checking_languages().iter().map(|l| l.to_string()).collect())
                .unwrap_or_default();
            let _ = tx.send(languages);
        });
        // The webview answers on the main thread; a busy one means "not known", not a hang.
        asked.ok().and_then(|()| rx.recv_timeout(std::time::Duration::from_secs(5)).ok())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = window;
        None
    }
}
