//! The user's settings: values of any serde type, stored as JSON under a key.

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{sql_at, Result, StoreError};
use crate::Store;

/// The key the organisation's settings (`boardwright_model::Settings`) are stored under.
pub const SETTINGS_KEY: &str = "settings";

/// The key the window's zoom (`boardwright_model::zoom::Zoom`) is stored under.
pub const ZOOM_KEY: &str = "zoom";

impl Store {
    /// The organisation's settings; the defaults until they are first saved.
    pub fn settings(&self) -> Result<boardwright_model::Settings> {
        Ok(self.get_setting(SETTINGS_KEY)?.unwrap_or_default())
    }

    pub fn save_settings(&mut self, settings: &boardwright_model::Settings) -> Result<()> {
        self.set_setting(SETTINGS_KEY, settings)
    }

    /// The window's zoom; 100% until it is first changed.
    pub fn zoom(&self) -> Result<boardwright_model::zoom::Zoom> {
        Ok(self.get_setting(ZOOM_KEY)?.unwrap_or_default())
    }

    pub fn save_zoom(&mut self, zoom: boardwright_model::zoom::Zoom) -> Result<()> {
        self.set_setting(ZOOM_KEY, &zoom)
    }

    /// The boards to offer in a picker: those in the settings first, in their
    /// order, then any other board a paper outside the bin went to, A–Z.
    pub fn board_choices(&self) -> Result<Vec<String>> {
        let mut boards = self.settings()?.boards;
        for board in self.boards()? {
            if !board.trim().is_empty() && !boards.contains(&board) {
                boards.push(board);
            }
        }
        Ok(boards)
    }

    /// The setting `key`, or `None` if it was never set.
    pub fn get_setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")
            .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
            .map_err(sql_at(&self.path, "reading a setting", None))?;
        json.map(|json| serde_json::from_str(&json))
            .transpose()
            .map_err(|source| StoreError::Json { place: format!("setting \"{key}\""), source })
    }

    /// Sets `key` to `value`, replacing what it was.
    pub fn set_setting<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value)
            .map_err(|source| StoreError::Json { place: format!("setting \"{key}\""), source })?;
        self.conn
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .and_then(|mut s| s.execute(params![key, json]))
            .map_err(sql_at(&self.path, "writing a setting", None))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::*;
    use crate::StoreError;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Window {
        width: u32,
        maximised: bool,
    }

    #[test]
    fn settings_round_trip_and_replace() {
        let (dir, mut store) = file_store();
        assert_eq!(store.get_setting::<String>("theme").unwrap(), None);
        store.set_setting("theme", "dark").unwrap();
        store.set_setting("theme", "light").unwrap();
        store.set_setting("window", &Window { width: 1200, maximised: true }).unwrap();
        drop(store);
        let store = crate::Store::open(&dir.path().join("boardwright.sqlite")).unwrap();
        assert_eq!(store.get_setting::<String>("theme").unwrap().as_deref(), Some("light"));
        assert_eq!(store.get_setting::<Window>("window").unwrap(), Some(Window { width: 1200, maximised: true }));
        let err = store.get_setting::<u32>("theme").unwrap_err();
        assert!(matches!(&err, StoreError::Json { place, .. } if place == "setting \"theme\""), "{err}");
    }

    #[test]
    fn board_choices_put_the_settings_first_then_the_other_boards_of_papers() {
        let (_dir, mut store) = file_store();
        let mut settings = store.settings().unwrap();
        settings.boards = vec!["Strategic Policing Board".into(), "Audit Committee".into()];
        store.save_settings(&settings).unwrap();
        for to in ["Audit Committee", "Police and Crime Panel", "  ", "Estates Board"] {
            let mut p = paper("A paper", "body");
            p.front_sheet.to = to.into();
            store.create_paper(&p).unwrap();
        }
        assert_eq!(
            store.board_choices().unwrap(),
            ["Strategic Policing Board", "Audit Committee", "Estates Board", "Police and Crime Panel"]
        );
    }

    #[test]
    fn the_zoom_is_kept_and_a_bad_one_is_an_error_naming_it() {
        let (dir, mut store) = file_store();
        assert_eq!(store.zoom().unwrap().factor(), 1.0);
        store.save_zoom(boardwright_model::zoom::Zoom::new(2.0).unwrap()).unwrap();
        drop(store);
        let mut store = crate::Store::open(&dir.path().join("boardwright.sqlite")).unwrap();
        assert_eq!(store.zoom().unwrap().factor(), 2.0);
        store.set_setting(super::ZOOM_KEY, &40.0).unwrap();
        let err = store.zoom().unwrap_err();
        assert!(matches!(&err, StoreError::Json { place, .. } if place == "setting \"zoom\""), "{err}");
    }
}
