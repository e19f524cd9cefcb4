//! The Boardwright document model.
//!
//! One document shape flows from the editor's JSON to the store to Word:
//! [`BoardPaper`] is that shape. It is read from JSON only through
//! [`decode::paper_from_json`], which names the place of every error, and
//! written with serde. Nothing here knows SQL, OOXML or IPC.

pub mod dates;
pub mod decode;
pub mod numbering;
mod paper;
pub mod section55;
pub mod settings;
pub mod templates;
pub mod text;
pub mod validate;
pub mod zoom;

pub use decode::{paper_from_json, paper_from_value, DecodeError};
pub use paper::*;
pub use settings::Settings;
pub use validate::{validate, Problem};

/// The version of the JSON interchange format this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Bullets may nest this deep (level 1 is a top-level bullet).
pub const MAX_BULLET_DEPTH: usize = 5;
