//! What the app holds while it runs: the store, and the files it exported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use boardwright_model::templates::sample_paper;
use boardwright_store::Store;

use crate::error::{AppError, AppResult, ErrorCode};

pub struct AppState {
    /// The store, or why it could not be opened (shown by the UI; nothing is changed on disk).
    store: Result<Mutex<Store>, AppError>,
    db_path: PathBuf,
    exported: Mutex<HashSet<PathBuf>>,
}

impl AppState {
    /// Opens (or creates) the database; a new one is given the sample paper.
    pub fn open(db_path: PathBuf) -> AppState {
        let store = Store::open(&db_path).and_then(|mut store| {
            if store.is_new() {
                store.create_paper(&sample_paper())?;
            }
            Ok(store)
        });
        AppState { store: store.map(Mutex::new).map_err(AppError::from), db_path, exported: Mutex::default() }
    }

    pub fn store(&self) -> AppResult<MutexGuard<'_, Store>> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll back), so go on.
        Ok(store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub fn remember_export(&self, path: PathBuf) {
        self.exported.lock().unwrap_or_else(|p| p.into_inner()).insert(path);
    }

    /// Only files this session exported may be opened or shown from the UI.
    pub fn check_exported(&self, path: &Path) -> AppResult<()> {
        if self.exported.lock().unwrap_or_else(|p| p.into_inner()).contains(path) {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::NotExported, format!("{} was not exported by Boardwright", path.display())))
        }
    }
}
