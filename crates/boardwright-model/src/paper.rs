//! The types of a board paper. Field names are the JSON field names.
//!
//! Body content uses the node shapes of a ProseMirror-style editor
//! (`{"type": "paragraph", "content": [...]}`), so the editor's JSON for a
//! section body is the `paragraphs` array as it stands.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BoardPaper {
    pub schema_version: u32,
    /// Always "board_paper"; other kinds of document have their own types.
    pub kind: DocumentKind,
    #[serde(flatten)]
    pub front_sheet: FrontSheet,
    pub sections: Vec<Section>,
    pub bibliography: Vec<BibliographyEntry>,
    pub contact_officer: Option<ContactOfficer>,
    pub appendices: Vec<Appendix>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    BoardPaper,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FrontSheet {
    /// The board the paper goes to, e.g. "Business Coordination Board".
    pub to: String,
    /// The author's role, e.g. "Chief Constable".
    pub from: String,
    pub date: NaiveDate,
    pub meeting_date: Option<NaiveDate>,
    pub agenda_item: Option<String>,
    pub title: String,
    /// The marking in capitals, or null for none.
    #[ts(type = "string | null")]
    pub classification: Classification,
    pub publication: Publication,
}

/// A Government Security Classification marking (OFFICIAL unless set).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Classification {
    None,
    #[default]
    Official,
    OfficialSensitive,
    /// Another marking an organisation uses, in capitals
    /// (e.g. "OFFICIAL-SENSITIVE: PERSONAL").
    Other(String),
}

impl Classification {
    /// The marking as printed on the page; `None` for an unmarked paper.
    pub fn marking(&self) -> Option<&str> {
        match self {
            Classification::None => None,
            Classification::Official => Some("OFFICIAL"),
            Classification::OfficialSensitive => Some("OFFICIAL-SENSITIVE"),
            Classification::Other(s) => Some(s),
        }
    }

    pub fn from_marking(marking: Option<&str>) -> Classification {
        match marking {
            None => Classification::None,
            Some("OFFICIAL") => Classification::Official,
            Some("OFFICIAL-SENSITIVE") => Classification::OfficialSensitive,
            Some(other) => Classification::Other(other.to_string()),
        }
    }
}

impl Serialize for Classification {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.marking().serialize(s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Publication {
    ForPublication,
    /// `reason` names the exemption relied on.
    NotForPublication {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Section {
    pub heading: String,
    /// Advice to the author from the template; never exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub guidance: Option<String>,
    pub paragraphs: Vec<NumberedParagraph>,
}

// The node structs keep their JSON node names in TypeScript too (`paragraph`,
// `bullet_list` …): ts-rs takes the value of a struct's `type` tag from its
// TypeScript name, so renaming them would break the tag.

/// A numbered paragraph (1.1, 1.2 …): a paragraph of text, then optionally
/// bullet lists, further unnumbered paragraphs and tables.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "numbered_paragraph")]
pub struct NumberedParagraph {
    pub content: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(untagged)]
pub enum Block {
    Paragraph(Paragraph),
    BulletList(BulletList),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "paragraph")]
pub struct Paragraph {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Inline>>", optional)]
    pub content: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "bullet_list")]
pub struct BulletList {
    pub content: Vec<ListItem>,
}

/// A bullet: a paragraph, then optionally further paragraphs and nested lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "list_item")]
pub struct ListItem {
    pub content: Vec<Block>,
}

/// A simple table: every row has the same number of cells (no merged cells)
/// and the first row is the header row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "table")]
pub struct Table {
    pub content: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "table_row")]
pub struct TableRow {
    pub content: Vec<TableCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename = "table_cell")]
pub struct TableCell {
    pub content: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        #[ts(as = "Option<Vec<Mark>>", optional)]
        marks: Vec<Mark>,
    },
    HardBreak,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Mark {
    Bold,
    Italic,
    Underline,
    Link { attrs: LinkAttrs },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LinkAttrs {
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BibliographyEntry {
    /// e.g. "Source Document".
    pub label: String,
    pub text: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, serde::Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct ContactOfficer {
    /// Rank and name, e.g. "Superintendent Jane Smith". The only required field.
    pub name: String,
    pub role: Option<String>,
    pub department: Option<String>,
    pub organisation: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ContactOfficer {
    /// "name, role, department, organisation", skipping what is unset.
    pub fn summary(&self) -> String {
        [Some(&self.name), self.role.as_ref(), self.department.as_ref(), self.organisation.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Appendix {
    pub title: String,
    pub content: Vec<Block>,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph { content: vec![Inline::text(text)] }
    }
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into(), marks: Vec::new() }
    }
}

impl NumberedParagraph {
    pub fn plain(text: impl Into<String>) -> NumberedParagraph {
        NumberedParagraph { content: vec![Block::Paragraph(Paragraph::plain(text))] }
    }
}
