//! Keeping the app's memory down: the web engine's JIT, and freed memory
//! given back to the system after a large save.
//!
//! Each autosave of a long paper decodes about a megabyte of JSON into
//! short-lived values. glibc's allocator keeps the freed pages in its arenas
//! (it trims only the top of the main heap), so the app's resident memory
//! grew with every save of a 150-page paper. `malloc_trim` returns them.
//! Linux (glibc) only; elsewhere it does nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Called after each paper save (at most about once a second while typing);
/// a trim of a small heap costs well under a millisecond.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

static TRIM_PENDING: AtomicBool = AtomicBool::new(false);

/// For a command whose large reply is built after it returns (Tauri
/// serialises it): trims a moment later, on a thread of its own; calls
/// while one is pending share it.
pub fn return_freed_memory_soon() {
    if TRIM_PENDING.swap(true, Ordering::SeqCst) {
        return;
    }
    let spawned = std::thread::Builder::new().name("trim".into()).spawn(|| {
        std::thread::sleep(Duration::from_secs(1));
        TRIM_PENDING.store(false, Ordering::SeqCst);
        return_freed_memory();
    });
    if spawned.is_err() {
        TRIM_PENDING.store(false, Ordering::SeqCst);
    }
}

/// JavaScriptCore's option (read from the environment by every process that
/// runs it) for its baseline JIT; off, the tiers above it (DFG, FTL) are off
/// too and scripts run in the LLInt interpreter.
pub const BASELINE_JIT_OPTION: &str = "JSC_useBaselineJIT";

/// Runs the page's scripts without WebKitGTK's JIT. The app's scripts are
/// short event handlers, where compiled code and its profiling data cost far
/// more memory than they save time: with the 150-page paper open and typed
/// into, the web process took 30 MiB less (scripts/measure: 296 -> 266 MiB
/// in all), with the same keystroke p95 (6 ms) and launch time. A value the
/// user set wins. Call first thing in `main`, before any thread starts (it
/// sets the environment, which the web process inherits).
pub fn run_scripts_without_jit() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(BASELINE_JIT_OPTION).is_none() {
        std::env::set_var(BASELINE_JIT_OPTION, "0");
    }
}
