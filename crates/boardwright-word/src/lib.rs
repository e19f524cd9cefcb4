//! Word export of Boardwright documents in the house style.
//!
//! The only crate that knows OOXML. [`export_board_paper`] turns a paper into
//! the bytes of a .docx (identical input, identical bytes); [`section55`]
//! does the same for Section 55 responses, letters and the tracker;
//! [`write_file`] puts bytes on disk atomically.

mod atomic;
mod blocks;
mod board_paper;
mod house_style;
pub mod section55;
mod workarounds;

use std::path::Path;

use boardwright_model::BoardPaper;
use chrono::{DateTime, Utc};

pub use atomic::write_file;

#[derive(Debug, thiserror::Error)]
pub enum WordError {
    #[error("the folder {0} does not exist")]
    FolderMissing(std::path::PathBuf),
    #[error("{0} is read-only: choose another name, or make it writable")]
    ReadOnly(std::path::PathBuf),
    #[error("{path} could not be written: {reason}")]
    Write { path: std::path::PathBuf, reason: String },
    #[error("the Word document could not be built: {0}")]
    Build(String),
}

/// What goes into the file's properties besides the paper itself.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The file's author (creator); the paper's "From" when unset.
    pub author: Option<String>,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

impl ExportOptions {
    /// Dates taken from the paper itself (midnight UTC on its date), so that a
    /// file exported twice from the same JSON is byte for byte the same.
    pub fn from_paper(paper: &BoardPaper) -> ExportOptions {
        let at = paper.front_sheet.date.and_hms_opt(0, 0, 0).map(|t| t.and_utc()).unwrap_or_default();
        ExportOptions { author: None, created: at, modified: at }
    }
}

/// The .docx bytes of a board paper.
pub fn export_board_paper(paper: &BoardPaper, options: &ExportOptions) -> Result<Vec<u8>, WordError> {
    let title = paper.front_sheet.title.trim();
    let properties = workarounds::CoreProperties {
        title: if title.is_empty() { "Untitled board paper".to_string() } else { title.to_string() },
        subject: format!("Board paper to {}", paper.front_sheet.to.trim()),
        creator: options.author.clone().unwrap_or_else(|| paper.front_sheet.from.trim().to_string()),
        created: options.created,
        modified: options.modified,
    };
    let docx = workarounds::guard("building the document", || board_paper::document(paper))?;
    workarounds::finish(docx, &properties)
}

/// Exports a board paper straight to `target` (atomically).
pub fn export_board_paper_to(paper: &BoardPaper, options: &ExportOptions, target: &Path) -> Result<(), WordError> {
    let bytes = export_board_paper(paper, options)?;
    write_file(&bytes, target)
}

/// A file name for the exported paper: its date and title, safe on Windows
/// and Linux ("2026-11-12 HMICFRS PEEL 2025 - An inspection.docx").
pub fn default_file_name(paper: &BoardPaper) -> String {
    dated_file_name(paper.front_sheet.date, &paper.front_sheet.title, "Board paper", "docx")
}

/// "<date> <title>.<extension>", with what Windows forbids in a name replaced
/// and the title cut at 100 characters; `fallback` for an empty title.
pub(crate) fn dated_file_name(date: chrono::NaiveDate, title: &str, fallback: &str, extension: &str) -> String {
    let title: String = title
        .replace(':', " -")
        .chars()
        .map(|c| match c {
            '<' | '>' | '"' | '/' | '\\' | '|' | '?' | '*' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title: String = title.chars().take(100).collect();
    let title = title.trim_end_matches(['.', ' ', '-']);
    let title = if title.is_empty() { fallback } else { title };
    format!("{} {title}.{extension}", date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_dated() {
        let mut paper = boardwright_model::templates::sample_paper();
        assert_eq!(default_file_name(&paper), "2026-11-12 HMICFRS PEEL 2025 - An inspection of Northshire Police.docx");
        paper.front_sheet.title = "A/B \\ <C>?. ".into();
        assert_eq!(default_file_name(&paper), "2026-11-12 A B C.docx");
        paper.front_sheet.title = "".into();
        assert_eq!(default_file_name(&paper), "2026-11-12 Board paper.docx");
    }
}
