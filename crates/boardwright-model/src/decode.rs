//! Reading a board paper from JSON, strictly.
//!
//! Written by hand over `serde_json::Value` rather than derived, because the
//! body is a tree of internally tagged nodes (`"type": ...`) and serde loses
//! the path inside those: here every error names its place, e.g.
//! `sections[3].paragraphs[1].content[0]: unknown block type "video"`.

use std::fmt;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::paper::*;
use crate::SCHEMA_VERSION;

/// A JSON document that is not a valid board paper, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DecodeError {
    /// Where the error is, e.g. `sections[0].heading`; empty for the whole document.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

type Result<T> = std::result::Result<T, DecodeError>;

impl DecodeError {
    /// The same error inside a larger value: `within("report")` turns `title` into `report.title`.
    pub fn within(self, outer: &str) -> DecodeError {
        let path = if self.path.is_empty() { outer.to_string() } else { format!("{outer}.{}", self.path) };
        DecodeError { path, ..self }
    }
}

fn err<T>(path: &str, message: impl Into<String>) -> Result<T> {
    Err(DecodeError { path: path.to_string(), message: message.into() })
}

/// Parses JSON text into a board paper.
pub fn paper_from_json(json: &str) -> Result<BoardPaper> {
    let value: Value = serde_json::from_str(json).map_err(|e| DecodeError {
        path: format!("line {} column {}", e.line(), e.column()),
        message: format!("not valid JSON ({})", strip_position(&e.to_string())),
    })?;
    paper_from_value(&value)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An object whose fields are all among `allowed`.
struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
}

impl<'v> Obj<'v> {
    fn new(v: &'v Value, path: &str, allowed: &[&str]) -> Result<Obj<'v>> {
        let Value::Object(map) = v else {
            return err(path, format!("expected an object, found {}", kind_of(v)));
        };
        if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return err(path, format!("unknown field \"{unknown}\""));
        }
        Ok(Obj { map, path: path.to_string() })
    }

    fn at(&self, key: &str) -> String {
        child(&self.path, key)
    }

    /// The field's value; a missing field and `null` both give `None`.
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Result<&'v Value> {
        match self.get(key) {
            Some(v) => Ok(v),
            None => err(&self.path, format!("missing field \"{key}\"")),
        }
    }

    fn string(&self, key: &str) -> Result<String> {
        as_string(self.required(key)?, &self.at(key))
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        self.get(key).map(|v| as_string(v, &self.at(key))).transpose()
    }

    /// An optional array; missing or null reads as empty.
    fn array(&self, key: &str) -> Result<&'v [Value]> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(v) => err(&self.at(key), format!("expected an array, found {}", kind_of(v))),
        }
    }

    fn date(&self, key: &str) -> Result<NaiveDate> {
        as_date(self.required(key)?, &self.at(key))
    }

    fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>> {
        self.get(key).map(|v| as_date(v, &self.at(key))).transpose()
    }
}

fn as_string(v: &Value, path: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => err(path, format!("expected a string, found {}", kind_of(other))),
    }
}

fn as_date(v: &Value, path: &str) -> Result<NaiveDate> {
    let text = as_string(v, path)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().filter(|_| text.len() == 10).ok_or_else(|| DecodeError {
        path: path.to_string(),
        message: format!("{text} is not a date (expected YYYY-MM-DD)"),
    })
}

/// The `"type"` of a node, checked to be one of `expected`.
fn node_type<'v>(v: &'v Value, path: &str, what: &str) -> Result<&'v str> {
    let Value::Object(map) = v else {
        return err(path, format!("expected a {what} node (an object), found {}", kind_of(v)));
    };
    match map.get("type") {
        Some(Value::String(t)) => Ok(t),
        Some(other) => err(&child(path, "type"), format!("expected a string, found {}", kind_of(other))),
        None => err(path, format!("missing field \"type\" on a {what} node")),
    }
}

fn items<T>(values: &[Value], path: &str, mut f: impl FnMut(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
    values.iter().enumerate().map(|(i, v)| f(v, &index(path, i))).collect()
}

/// Reads a board paper from a parsed JSON value.
pub fn paper_from_value(v: &Value) -> Result<BoardPaper> {
    let o = Obj::new(
        v,
        "",
        &[
            "schema_version",
            "kind",
            "to",
            "from",
            "date",
            "meeting_date",
            "agenda_item",
            "title",
            "classification",
            "publication",
            "sections",
            "bibliography",
            "contact_officer",
            "appendices",
        ],
    )?;
    let version = o.required("schema_version")?;
    match version.as_u64() {
        Some(n) if n == u64::from(SCHEMA_VERSION) => {}
        Some(n) if n > u64::from(SCHEMA_VERSION) => {
            return err(
                "schema_version",
                format!("{n} is newer than this version of Boardwright reads ({SCHEMA_VERSION}); update Boardwright"),
            )
        }
        _ => return err("schema_version", format!("{version} is not a supported version (expected {SCHEMA_VERSION})")),
    }
    let kind = match o.get("kind") {
        None => DocumentKind::BoardPaper,
        Some(k) => match as_string(k, "kind")?.as_str() {
            "board_paper" => DocumentKind::BoardPaper,
            other => return err("kind", format!("unknown document kind \"{other}\" (expected \"board_paper\")")),
        },
    };
    let front_sheet = FrontSheet {
        to: o.opt_string("to")?.unwrap_or_default(),
        from: o.opt_string("from")?.unwrap_or_default(),
        date: o.date("date")?,
        meeting_date: o.opt_date("meeting_date")?,
        agenda_item: o.opt_string("agenda_item")?,
        title: o.opt_string("title")?.unwrap_or_default(),
        classification: classification(o.get("classification"), "classification")?,
        publication: match o.get("publication") {
            None => Publication::ForPublication,
            Some(p) => publication(p, "publication")?,
        },
    };
    Ok(BoardPaper {
        schema_version: SCHEMA_VERSION,
        kind,
        front_sheet,
        sections: items(o.array("sections")?, "sections", section)?,
        bibliography: items(o.array("bibliography")?, "bibliography", bibliography_entry)?,
        contact_officer: o.get("contact_officer").map(|c| contact_officer(c, "contact_officer")).transpose()?,
        appendices: items(o.array("appendices")?, "appendices", appendix)?,
    })
}

fn classification(v: Option<&Value>, path: &str) -> Result<Classification> {
    let marking = v.map(|v| as_string(v, path)).transpose()?;
    classification_from_marking(marking.as_deref()).map_err(|message| DecodeError { path: path.to_string(), message })
}

/// A marking as typed: empty or "none" for no marking, else capitals.
pub fn classification_from_marking(marking: Option<&str>) -> std::result::Result<Classification, String> {
    let marking = marking.unwrap_or_default().trim();
    if marking.is_empty() || marking.eq_ignore_ascii_case("none") {
        return Ok(Classification::None);
    }
    let allowed = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || " -:/".contains(c);
    if !marking.chars().all(allowed) || marking.len() > 60 {
        return Err(format!(
            "\"{marking}\" is not a classification marking (capitals, e.g. \"OFFICIAL\" or \"OFFICIAL-SENSITIVE\")"
        ));
    }
    Ok(Classification::from_marking(Some(marking)))
}

fn publication(v: &Value, path: &str) -> Result<Publication> {
    let o = Obj::new(v, path, &["status", "reason"])?;
    match o.string("status")?.as_str() {
        "for_publication" => {
            if o.get("reason").is_some() {
                return err(&o.at("reason"), "a paper for publication has no exemption reason");
            }
            Ok(Publication::ForPublication)
        }
        "not_for_publication" => {
            Ok(Publication::NotForPublication { reason: o.opt_string("reason")?.unwrap_or_default() })
        }
        other => err(
            &o.at("status"),
            format!("unknown publication status \"{other}\" (expected \"for_publication\" or \"not_for_publication\")"),
        ),
    }
}

fn section(v: &Value, path: &str) -> Result<Section> {
    let o = Obj::new(v, path, &["heading", "guidance", "paragraphs"])?;
    Ok(Section {
        heading: o.opt_string("heading")?.unwrap_or_default(),
        guidance: o.opt_string("guidance")?,
        paragraphs: items(o.array("paragraphs")?, &o.at("paragraphs"), numbered_paragraph)?,
    })
}

fn numbered_paragraph(v: &Value, path: &str) -> Result<NumberedParagraph> {
    match node_type(v, path, "numbered paragraph")? {
        "numbered_paragraph" => {}
        other => return err(path, format!("unknown node type \"{other}\" (expected \"numbered_paragraph\")")),
    }
    let o = Obj::new(v, path, &["type", "content"])?;
    let content_path = o.at("content");
    let content = items(o.array("content")?, &content_path, block)?;
    match content.first() {
        Some(Block::Paragraph(_)) => {}
        Some(_) => return err(&index(&content_path, 0), "a numbered paragraph must begin with a paragraph of text"),
        None => return err(&content_path, "a numbered paragraph needs at least one paragraph of text"),
    }
    Ok(NumberedParagraph { content })
}

/// Numbered paragraphs inside other records (a Section 55 response's comments)
/// are read by the same strict walk as a paper's sections; serde's path to
/// the record comes first in the message, the walk's path inside it after.
impl<'de> serde::Deserialize<'de> for NumberedParagraph {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<NumberedParagraph, D::Error> {
        let value = Value::deserialize(d)?;
        numbered_paragraph(&value, "").map_err(|e| {
            let message = if e.path.is_empty() { e.message } else { format!("{}: {}", e.path, e.message) };
            serde::de::Error::custom(message)
        })
    }
}

fn block(v: &Value, path: &str) -> Result<Block> {
    match node_type(v, path, "block")? {
        "paragraph" => paragraph(v, path).map(Block::Paragraph),
        "bullet_list" => bullet_list(v, path).map(Block::BulletList),
        "table" => table(v, path).map(Block::Table),
        other => err(path, format!("unknown block type \"{other}\"")),
    }
}

fn paragraph(v: &Value, path: &str) -> Result<Paragraph> {
    let o = Obj::new(v, path, &["type", "content"])?;
    Ok(Paragraph { content: items(o.array("content")?, &o.at("content"), inline)? })
}

fn bullet_list(v: &Value, path: &str) -> Result<BulletList> {
    let o = Obj::new(v, path, &["type", "content"])?;
    let content = items(o.array("content")?, &o.at("content"), list_item)?;
    if content.is_empty() {
        return err(path, "a bullet list needs at least one item");
    }
    Ok(BulletList { content })
}

fn list_item(v: &Value, path: &str) -> Result<ListItem> {
    match node_type(v, path, "list item")? {
        "list_item" => {}
        other => return err(path, format!("unknown node type \"{other}\" in a bullet list (expected \"list_item\")")),
    }
    let o = Obj::new(v, path, &["type", "content"])?;
    let content_path = o.at("content");
    let content = items(o.array("content")?, &content_path, |v, p| match node_type(v, p, "block")? {
        "paragraph" => paragraph(v, p).map(Block::Paragraph),
        "bullet_list" => bullet_list(v, p).map(Block::BulletList),
        "table" => err(p, "a table cannot sit inside a bullet"),
        other => err(p, format!("unknown block type \"{other}\"")),
    })?;
    if !matches!(content.first(), Some(Block::Paragraph(_))) {
        return err(&content_path, "a bullet must begin with a paragraph of text");
    }
    Ok(ListItem { content })
}

fn table(v: &Value, path: &str) -> Result<Table> {
    let o = Obj::new(v, path, &["type", "content"])?;
    let rows = items(o.array("content")?, &o.at("content"), |v, p| {
        match node_type(v, p, "table row")? {
            "table_row" => {}
            other => return err(p, format!("unknown node type \"{other}\" in a table (expected \"table_row\")")),
        }
        let row = Obj::new(v, p, &["type", "content"])?;
        let cells = items(row.array("content")?, &row.at("content"), table_cell)?;
        Ok(TableRow { content: cells })
    })?;
    Ok(Table { content: rows })
}

fn table_cell(v: &Value, path: &str) -> Result<TableCell> {
    match node_type(v, path, "table cell")? {
        // "table_header" is accepted for editors that mark header cells; the first row is the header row regardless.
        "table_cell" | "table_header" => {}
        other => return err(path, format!("unknown node type \"{other}\" in a table row (expected \"table_cell\")")),
    }
    let o = Obj::new(v, path, &["type", "content", "attrs"])?;
    if let Some(attrs) = o.get("attrs") {
        let a = Obj::new(attrs, &o.at("attrs"), &["colspan", "rowspan", "colwidth"])?;
        for key in ["colspan", "rowspan"] {
            if let Some(span) = a.get(key) {
                if span.as_u64() != Some(1) {
                    return err(&a.at(key), "merged cells are not allowed (they make tables inaccessible)");
                }
            }
        }
    }
    let content = items(o.array("content")?, &o.at("content"), |v, p| match node_type(v, p, "paragraph")? {
        "paragraph" => paragraph(v, p),
        other => err(p, format!("a table cell holds paragraphs only, found \"{other}\"")),
    })?;
    Ok(TableCell { content })
}

fn inline(v: &Value, path: &str) -> Result<Inline> {
    match node_type(v, path, "inline")? {
        "text" => {
            let o = Obj::new(v, path, &["type", "text", "marks"])?;
            let text = o.string("text")?;
            let marks = items(o.array("marks")?, &o.at("marks"), mark)?;
            Ok(Inline::Text { text, marks })
        }
        "hard_break" => {
            Obj::new(v, path, &["type"])?;
            Ok(Inline::HardBreak)
        }
        other => err(path, format!("unknown inline type \"{other}\"")),
    }
}

fn mark(v: &Value, path: &str) -> Result<Mark> {
    let simple = |m: Mark| -> Result<Mark> {
        Obj::new(v, path, &["type"])?;
        Ok(m)
    };
    match node_type(v, path, "mark")? {
        "bold" => simple(Mark::Bold),
        "italic" => simple(Mark::Italic),
        "underline" => simple(Mark::Underline),
        "link" => {
            let o = Obj::new(v, path, &["type", "attrs"])?;
            let attrs = Obj::new(o.required("attrs")?, &o.at("attrs"), &["href", "title"])?;
            Ok(Mark::Link { attrs: LinkAttrs { href: attrs.string("href")? } })
        }
        other => err(path, format!("unknown mark \"{other}\" (expected bold, italic, underline or link)")),
    }
}

fn bibliography_entry(v: &Value, path: &str) -> Result<BibliographyEntry> {
    let o = Obj::new(v, path, &["label", "text", "link"])?;
    Ok(BibliographyEntry {
        label: o.opt_string("label")?.unwrap_or_default(),
        text: o.opt_string("text")?.unwrap_or_default(),
        link: o.opt_string("link")?.filter(|l| !l.trim().is_empty()),
    })
}

fn contact_officer(v: &Value, path: &str) -> Result<ContactOfficer> {
    let o = Obj::new(v, path, &["name", "role", "department", "organisation", "phone", "email"])?;
    let opt = |key: &str| -> Result<Option<String>> { Ok(o.opt_string(key)?.filter(|s| !s.trim().is_empty())) };
    Ok(ContactOfficer {
        name: o.opt_string("name")?.unwrap_or_default(),
        role: opt("role")?,
        department: opt("department")?,
        organisation: opt("organisation")?,
        phone: opt("phone")?,
        email: opt("email")?,
    })
}

fn appendix(v: &Value, path: &str) -> Result<Appendix> {
    let o = Obj::new(v, path, &["title", "content"])?;
    Ok(Appendix {
        title: o.opt_string("title")?.unwrap_or_default(),
        content: items(o.array("content")?, &o.at("content"), block)?,
    })
}

#[cfg(test)]
mod tests;
