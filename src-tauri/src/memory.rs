//! Keeping the app's memory down: the web engine's JIT and allocator
//! settings, freed memory given back to the system after a large save, and
//! the pages of the app's own code that startup touched and no longer needs.
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
/// serialises it), and once the page has loaded: a moment later, on a
/// thread of its own, trims the heap and sheds the pages of the app's code
/// that the work mapped (crate::code_pages). Calls while one is pending
/// share it.
pub fn return_freed_memory_soon() {
    if TRIM_PENDING.swap(true, Ordering::SeqCst) {
        return;
    }
    let spawned = std::thread::Builder::new().name("trim".into()).spawn(|| {
        std::thread::sleep(Duration::from_secs(1));
        TRIM_PENDING.store(false, Ordering::SeqCst);
        return_freed_memory();
        crate::code_pages::shed_executable_pages();
    });
    if spawned.is_err() {
        TRIM_PENDING.store(false, Ordering::SeqCst);
    }
}

/// JavaScriptCore's options (read from the environment by every process that
/// runs it): `JSC_useJIT=0` is its JIT-less mode, with no machine code at all
/// (neither the baseline JIT and the tiers above it nor the regular
/// expression JIT, nor the pool of executable memory they share), so
/// scripts run in the LLInt interpreter; `JSC_useBaselineJIT=0` turns off
/// only the script JIT.
pub const JIT_OPTION: &str = "JSC_useJIT";
pub const BASELINE_JIT_OPTION: &str = "JSC_useBaselineJIT";

/// Runs the page's scripts without WebKitGTK's JIT. The app's scripts are
/// short event handlers, where compiled code and its profiling data cost far
/// more memory than they save time: with the 150-page paper open and typed
/// into, the baseline JIT off took 30 MiB from the web process
/// (scripts/measure: 296 -> 266 MiB in all), and the JIT-less mode about
/// 5 MiB more (241-243 -> 236 MiB), with the same keystroke p95 (14 ms) and
/// launch time; and the web process no longer grew by about 5 MiB each time
/// a paper was opened and left. Regular expressions are interpreted too: the
/// app's run over a clipboard's HTML or a field, not megabytes. A value the
/// user set for either option wins. Call first thing in `main`, before any
/// thread starts (it sets the environment, which the web process inherits).
pub fn run_scripts_without_jit() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(JIT_OPTION).is_none() && std::env::var_os(BASELINE_JIT_OPTION).is_none() {
        std::env::set_var(JIT_OPTION, "0");
    }
}

/// glibc's allocator settings for the web engine's processes, which inherit
/// the environment. By default glibc raises its mmap threshold each time a
/// large block is freed, so the next large blocks (the web process's paint
/// and layout buffers) come from the main heap, which it gives back only
/// from the top: the web process's heap then stayed at about 6 MiB after
/// typing in a long paper. With fixed thresholds, blocks of 64 KiB and more
/// are mapped on their own and returned when freed, and the heap is trimmed
/// once 128 KiB is free at its top (scripts/measure: the web process 136 ->
/// 131 MiB with the 150-page paper open and typed into; its heap 6 -> 3 MiB).
/// The same limits are set for this process with `mallopt`. Values the user
/// set win. Call first thing in `main`, before any thread starts.
pub fn fix_allocator_thresholds() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        for (name, value) in [(MMAP_THRESHOLD_OPTION, MMAP_THRESHOLD), (TRIM_THRESHOLD_OPTION, TRIM_THRESHOLD)] {
            if std::env::var_os(name).is_none() {
                std::env::set_var(name, value.to_string());
            }
        }
        // This process read its environment when it first allocated, before `main`.
        // SAFETY: mallopt only changes the allocator's tuning parameters.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// glibc's environment names for its mmap and trim thresholds (mallopt(3)).
pub const MMAP_THRESHOLD_OPTION: &str = "MALLOC_MMAP_THRESHOLD_";
pub const TRIM_THRESHOLD_OPTION: &str = "MALLOC_TRIM_THRESHOLD_";
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: i32 = 64 * 1024;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: i32 = 128 * 1024;
