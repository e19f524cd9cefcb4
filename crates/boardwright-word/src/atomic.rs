//! Writing a file so that it is never half written: a temporary file in the
//! same folder, flushed and synced, then renamed over the target.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::WordError;

pub fn write_file(bytes: &[u8], target: &Path) -> Result<(), WordError> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WordError::FolderMissing(folder));
    }
    if let Ok(meta) = std::fs::metadata(target) {
        if meta.is_dir() {
            return Err(write_error(target, "it is a folder"));
        }
        // Checked explicitly: on Linux a rename replaces a read-only file, but the user marked it so for a reason.
        if meta.permissions().readonly() {
            return Err(WordError::ReadOnly(target.to_path_buf()));
        }
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".~boardwright-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(|e| write_error(target, &describe(&e)))?;
    temp.write_all(bytes).map_err(|e| write_error(target, &describe(&e)))?;
    temp.as_file().sync_all().map_err(|e| write_error(target, &describe(&e)))?;
    temp.persist(target).map_err(|e| write_error(target, &describe(&e.error)))?;
    sync_folder(&folder);
    Ok(())
}

fn write_error(path: &Path, reason: &str) -> WordError {
    WordError::Write { path: path.to_path_buf(), reason: reason.to_string() }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => {
            "permission denied (is the file open in Word or another program, or the folder read-only?)".to_string()
        }
        ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => e.to_string(),
    }
}

/// Makes the rename durable. Best effort: not every platform can open a folder.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("paper.docx");
        write_file(b"one", &target).unwrap();
        write_file(b"two", &target).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn names_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no-such-folder").join("paper.docx");
        let e = write_file(b"x", &target).unwrap_err();
        assert_eq!(e.to_string(), format!("the folder {} does not exist", dir.path().join("no-such-folder").display()));
    }

    #[test]
    fn refuses_a_read_only_target_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("paper.docx");
        std::fs::write(&target, b"old").unwrap();
        let mut perms = std::fs::metadata(&target).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&target, perms).unwrap();
        assert!(matches!(write_file(b"new", &target), Err(WordError::ReadOnly(_))));
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
    }
}
