//! Giving back the pages of the app's own executable that it mapped while
//! starting and opening a paper, and mapping later ones a page at a time.
//!
//! The kernel maps a file's pages around each one a program touches (16 at
//! a time), so after launch and one long paper opened about 8 MiB of the
//! app's 12 MB of code was mapped, and counted in its memory, though most of
//! it would not run again. Dropping the mappings of the executable's clean,
//! read-only regions costs nothing but a minor fault when a page runs again:
//! the page stays in the system's page cache, and its contents are the
//! file's. MADV_RANDOM then maps a faulting page alone. Linux only.

/// A region of `/proc/self/smaps` that may be unmapped and faulted back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanRegion {
    pub start: usize,
    pub end: usize,
}

/// The regions of `smaps` that map `exe` read-only and hold only the file's
/// own pages: not writable, and no page copied on write (the relocated
/// RELRO region has such pages, and dropping them would lose the
/// relocations). "Dirty" is no sign: a page of a freshly built file is
/// dirty in the page cache and still the file's.
pub fn clean_regions_of(smaps: &str, exe: &str) -> Vec<CleanRegion> {
    let mut regions = Vec::new();
    // The region being read: its range, and whether it is a candidate so far.
    let mut current: Option<(CleanRegion, bool)> = None;
    let mut finish = |current: &mut Option<(CleanRegion, bool)>| {
        if let Some((region, true)) = current.take() {
            regions.push(region);
        }
    };
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let Some(first) = fields.next() else { continue };
        if let Some((start, end)) = mapping_range(first) {
            finish(&mut current);
            let perms = fields.next().unwrap_or_default();
            // After offset, device and inode: the path, spaces and all.
            let path = fields.skip(3).collect::<Vec<_>>().join(" ");
            let (Ok(start), Ok(end)) = (usize::from_str_radix(start, 16), usize::from_str_radix(end, 16)) else {
                continue;
            };
            let read_only = perms.starts_with('r') && perms.as_bytes().get(1) == Some(&b'-');
            current = Some((CleanRegion { start, end }, read_only && path == exe));
        } else if first == "Anonymous:" {
            let kib: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(u64::MAX);
            if kib != 0 {
                if let Some((_, candidate)) = current.as_mut() {
                    *candidate = false;
                }
            }
        }
    }
    finish(&mut current);
    regions
}

/// The start and end of a mapping's first line in smaps ("55d0a0000000-55d0a0400000 r--p …"), in hex;
/// None for the lines of counts under it.
pub fn mapping_range(first_field: &str) -> Option<(&str, &str)> {
    first_field.split_once('-').filter(|_| first_field.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'))
}

/// Unmaps the clean read-only pages of this process's executable, and asks
/// for pages faulted later to be mapped one by one. Returns how many
/// regions were shed (0 where this is not supported).
pub fn shed_executable_pages() -> usize {
    #[cfg(target_os = "linux")]
    {
        let Ok(exe) = std::fs::read_link("/proc/self/exe") else { return 0 };
        let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else { return 0 };
        let regions = clean_regions_of(&smaps, &exe.to_string_lossy());
        for region in &regions {
            let start = region.start as *mut libc::c_void;
            let len = region.end - region.start;
            // SAFETY: the region maps the executable read-only and holds no
            // page of its own (no copy on write, nothing dirty), so dropping
            // its pages changes no byte the process can read: each is read
            // back from the same file when next touched. MADV_RANDOM only
            // changes how many pages a fault maps.
            unsafe {
                libc::madvise(start, len, libc::MADV_RANDOM);
                libc::madvise(start, len, libc::MADV_DONTNEED);
            }
        }
        regions.len()
    }
    #[cfg(not(target_os = "linux"))]
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
55d0a0000000-55d0a0400000 r--p 00000000 08:01 123 /opt/app/boardwright-app
Size:               4096 kB
Pss:                1536 kB
Shared_Dirty:          0 kB
Private_Dirty:         0 kB
Anonymous:             0 kB
55d0a0400000-55d0a1000000 r-xp 00400000 08:01 123 /opt/app/boardwright-app
Size:              12288 kB
Pss:                8156 kB
Shared_Dirty:          0 kB
Private_Dirty:         0 kB
Anonymous:             0 kB
55d0a1000000-55d0a104b000 r--p 01000000 08:01 123 /opt/app/boardwright-app
Size:                300 kB
Private_Dirty:       300 kB
Anonymous:           300 kB
55d0a104b000-55d0a1051000 rw-p 0104b000 08:01 123 /opt/app/boardwright-app
Size:                 24 kB
Private_Dirty:        24 kB
Anonymous:            24 kB
7f0000000000-7f0000100000 r-xp 00000000 08:01 456 /usr/lib/libwebkit2gtk-4.1.so
Size:               1024 kB
Anonymous:             0 kB
7f0000200000-7f0000300000 r-xp 00000000 08:01 123 /opt/app/boardwright-app (deleted)
Anonymous:             0 kB
";

    #[test]
    fn only_the_executables_clean_read_only_regions_are_shed() {
        let regions = clean_regions_of(SMAPS, "/opt/app/boardwright-app");
        assert_eq!(
            regions,
            vec![
                CleanRegion { start: 0x55d0a0000000, end: 0x55d0a0400000 },
                CleanRegion { start: 0x55d0a0400000, end: 0x55d0a1000000 },
            ],
            "the relocated RELRO region, the data, other files and other paths stay"
        );
    }

    #[test]
    fn a_region_with_an_unreadable_count_is_kept() {
        let smaps = "00400000-00500000 r-xp 00000000 08:01 1 /bin/x\nAnonymous:    lots kB\n";
        assert!(clean_regions_of(smaps, "/bin/x").is_empty());
        assert!(clean_regions_of("not smaps at all\n\n", "/bin/x").is_empty());
    }
}
