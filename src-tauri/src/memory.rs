//! Giving freed memory back to the system after a large save.
//!
//! Each autosave of a long paper decodes about a megabyte of JSON into
//! short-lived values. glibc's allocator keeps the freed pages in its arenas
//! (it trims only the top of the main heap), so the app's resident memory
//! grew with every save of a 150-page paper. `malloc_trim` returns them.
//! Linux (glibc) only; elsewhere it does nothing.

/// Called after each paper save (at most about once a second while typing);
/// a trim of a small heap costs well under a millisecond.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}
