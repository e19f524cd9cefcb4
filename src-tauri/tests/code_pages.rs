//! The app sheds its executable's clean pages (src/code_pages.rs): shown on
//! this test binary itself. A binary of its own, with this one test: in the
//! library's test binary, tests running beside it faulted code back in while
//! it counted, more or less depending on the machine's load (2996 -> 1912 KiB
//! in one CI run). Alone, what comes back is what the counting itself runs
//! (980 -> 680 KiB here).

#![cfg(target_os = "linux")]

use boardwright_app::code_pages::{mapping_range, shed_executable_pages};

/// KiB of this executable's read-only mappings that are mapped now.
fn mapped_kib(exe: &str) -> u64 {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
    let (mut total, mut ours) = (0, false);
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or_default();
        if mapping_range(first).is_some() {
            ours = line.ends_with(exe) && line.split_whitespace().nth(1).is_some_and(|p| !p.contains('w'));
        } else if ours && first == "Rss:" {
            total += line.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()).unwrap();
        }
    }
    total
}

#[test]
fn shedding_lowers_the_executables_mapped_pages_and_the_code_still_runs() {
    let exe = std::fs::read_link("/proc/self/exe").unwrap().to_string_lossy().into_owned();
    let before = mapped_kib(&exe);
    assert!(shed_executable_pages() >= 1, "the test binary's code is a clean region");
    let after = mapped_kib(&exe);
    // Code runs again after it: formatting and parsing fault pages back in.
    let parsed: u64 = format!("{}", before + 1).parse().unwrap();
    assert_eq!(parsed, before + 1);
    // Everything mapped was dropped; at least a quarter stays out while the count runs.
    assert!(after * 4 < before * 3, "mapped {before} KiB of its read-only regions before, {after} KiB after");
}
