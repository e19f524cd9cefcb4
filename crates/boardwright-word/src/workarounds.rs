//! Every workaround for a gap in docx-rs 0.4.22, in one place.
//!
//! docx-rs has no API for some things a board paper needs, so they are
//! patched into the built XML parts before packing. Each function names the
//! gap; remove it when docx-rs fills it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};

use chrono::{DateTime, Utc};
use docx_rs::{DocumentChild, Docx, TableRow, XMLDocx};

use crate::blocks::Part;

use crate::WordError;

pub struct CoreProperties {
    pub title: String,
    pub subject: String,
    pub creator: String,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

/// Runs docx-rs code that may panic on unusual input (it panics, for
/// example, re-writing some field codes: fixed upstream, not released) and
/// turns a panic into an error.
pub fn guard<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, WordError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| WordError::Build(format!("docx-rs failed while {what}")))
}

/// docx-rs's builders take and return the whole `Docx` by value, so adding
/// 3,500 paragraphs one by one copied it 3,500 times (a third of the time of
/// a 150-page export was memcpy). Push the body into the document directly,
/// setting the flags `Docx::add_paragraph` would set.
pub fn append_body(mut docx: Docx, parts: Vec<Part>) -> Docx {
    docx.document_rels.has_numberings = true;
    docx.document.has_numbering = true;
    docx.document.children.reserve(parts.len());
    for part in parts {
        docx.document.children.push(match part {
            Part::Paragraph(p) => DocumentChild::Paragraph(p),
            Part::Table(t) => DocumentChild::Table(t),
        });
    }
    docx
}

/// docx-rs cannot mark a repeating header row (`w:tblHeader`). Header rows
/// are marked with `cantSplit`, which no other row of ours uses, and
/// [`finish`] adds `tblHeader` beside it.
pub fn mark_header_row(row: TableRow) -> TableRow {
    row.cant_split()
}

const CANT_SPLIT: &str = "<w:cantSplit />";

/// Builds the parts, patches them and packs a compressed, deterministic zip.
pub fn finish(docx: Docx, properties: &CoreProperties) -> Result<Vec<u8>, WordError> {
    let mut xml: XMLDocx = guard("writing the XML parts", || docx.build())?;
    let document = text(std::mem::take(&mut xml.document), "word/document.xml")?;
    let document = document.replace(CANT_SPLIT, "<w:cantSplit /><w:tblHeader />");
    let rels = text(std::mem::take(&mut xml.document_rels), "word/_rels/document.xml.rels")?;
    let (document, rels) = renumber_hyperlinks(&document, &rels);
    xml.document = renumber_paragraph_ids(&document).into_bytes();
    xml.document_rels = rels.into_bytes();
    xml.styles = set_language(&text(std::mem::take(&mut xml.styles), "word/styles.xml")?).into_bytes();
    xml.doc_props.core = core_xml(properties).into_bytes();
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored).map_err(|e| WordError::Build(format!("packing the parts: {e}")))?;
    recompress(stored.into_inner())
}

fn text(bytes: Vec<u8>, part: &str) -> Result<String, WordError> {
    String::from_utf8(bytes).map_err(|_| WordError::Build(format!("{part} is not UTF-8")))
}

/// docx-rs numbers hyperlink relationships from a process-wide counter, so
/// the same paper exported twice gets other ids. Renumber them in order of use.
fn renumber_hyperlinks(document: &str, rels: &str) -> (String, String) {
    const PREFIX: &str = "rIdHyperlink";
    let mut map: HashMap<String, String> = HashMap::new();
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    while let Some(i) = rest.find(PREFIX) {
        let digits = rest[i + PREFIX.len()..].bytes().take_while(u8::is_ascii_digit).count();
        let old = &rest[i..i + PREFIX.len() + digits];
        let next = map.len() + 1;
        let new = map.entry(old.to_string()).or_insert_with(|| format!("{PREFIX}{next}"));
        out.push_str(&rest[..i]);
        out.push_str(new);
        rest = &rest[i + old.len()..];
    }
    out.push_str(rest);
    // The rels file lists each relationship once; map by the quoted id so rIdHyperlink1 never matches rIdHyperlink12.
    let mut rels = rels.to_string();
    let mut pairs: Vec<(&String, &String)> = map.iter().collect();
    pairs.sort();
    for (old, new) in &pairs {
        rels = rels.replace(&format!("Id=\"{old}\""), &format!("Id=\"@{new}\""));
    }
    (out, sort_relationships(&rels.replace("Id=\"@", "Id=\"")))
}

/// docx-rs writes relationships in hash order, which changes from run to run:
/// sort them by id (numerically within a prefix: rId2 before rId10).
fn sort_relationships(rels: &str) -> String {
    const OPEN: &str = "<Relationship ";
    let (Some(first), Some(end)) = (rels.find(OPEN), rels.rfind("</Relationships>")) else {
        return rels.to_string();
    };
    let mut items: Vec<&str> = rels[first..end].split_inclusive("/>").filter(|s| !s.trim().is_empty()).collect();
    let key = |item: &str| {
        let id = item.split("Id=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default().to_string();
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = id[..id.len() - digits.len()].to_string();
        (prefix, digits.parse::<u64>().unwrap_or(0), id)
    };
    items.sort_by_cached_key(|item| key(item));
    format!("{}{}{}", &rels[..first], items.concat(), &rels[end..])
}

/// docx-rs draws paragraph ids (`w14:paraId`) from a thread-local counter that
/// it does not let callers reset; renumber them in document order.
fn renumber_paragraph_ids(document: &str) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    let mut n: u32 = 0;
    while let Some(i) = rest.find(ATTR) {
        let start = i + ATTR.len();
        let Some(len) = rest[start..].find('"') else { break };
        n += 1;
        out.push_str(&rest[..start]);
        // Writing to a String cannot fail.
        let _ = write!(out, "{n:08X}");
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// docx-rs has no API for the document language (`w:lang`): add en-GB to the run defaults.
fn set_language(styles: &str) -> String {
    const LANG: &str = "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\" />";
    if let Some(i) = styles.find("<w:rPrDefault><w:rPr>") {
        let at = i + "<w:rPrDefault><w:rPr>".len();
        return format!("{}{LANG}{}", &styles[..at], &styles[at..]);
    }
    styles.replacen("<w:rPrDefault><w:rPr />", &format!("<w:rPrDefault><w:rPr>{LANG}</w:rPr>"), 1)
}

fn escape(text: &str) -> String {
    crate::blocks::xml_safe(text).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// docx-rs cannot set the title, subject or creator: write core.xml whole.
fn core_xml(p: &CoreProperties) -> String {
    let stamp = |t: &DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>",
            "<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>en-GB</dc:language><cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape(&p.title),
        subject = escape(&p.subject),
        creator = escape(&p.creator),
        created = stamp(&p.created),
        modified = stamp(&p.modified),
    )
}

/// docx-rs 0.4.22 stores zip entries uncompressed (885 KB for a 150-page
/// paper, 24 KB compressed) and stamps them with the current time. Re-pack
/// deflated, with a fixed time, so the bytes depend on the content alone.
fn recompress(stored: Vec<u8>) -> Result<Vec<u8>, WordError> {
    let fail = |e: &dyn std::fmt::Display| WordError::Build(format!("compressing the package: {e}"));
    let mut archive = zip::ZipArchive::new(Cursor::new(stored)).map_err(|e| fail(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // Level 1: a third of the time of the default level, and the 150-page paper is still under 50 KB.
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let mut buffer = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| fail(&e))?;
        let name = entry.name().to_string();
        buffer.clear();
        entry.read_to_end(&mut buffer).map_err(|e| fail(&e))?;
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(&buffer).map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlinks_are_renumbered_in_order_of_use() {
        let doc = r#"<a r:id="rIdHyperlink12"/><b r:id="rIdHyperlink3"/><c r:id="rIdHyperlink12"/>"#;
        let rels = r#"<R Id="rIdHyperlink3" T="b"/><R Id="rIdHyperlink12" T="a"/>"#;
        let (doc, rels) = renumber_hyperlinks(doc, rels);
        assert_eq!(doc, r#"<a r:id="rIdHyperlink1"/><b r:id="rIdHyperlink2"/><c r:id="rIdHyperlink1"/>"#);
        assert_eq!(rels, r#"<R Id="rIdHyperlink2" T="b"/><R Id="rIdHyperlink1" T="a"/>"#);
    }

    #[test]
    fn relationships_are_sorted_by_id() {
        let rels = r#"<Rs><Relationship Id="rIdHyperlink10" /><Relationship Id="rId2" /><Relationship Id="rIdHyperlink9" /><Relationship Id="rId1" /></Rs>"#
            .replace("Rs>", "Relationships>");
        assert_eq!(
            sort_relationships(&rels),
            r#"<Relationships><Relationship Id="rId1" /><Relationship Id="rId2" /><Relationship Id="rIdHyperlink9" /><Relationship Id="rIdHyperlink10" /></Relationships>"#
        );
    }

    #[test]
    fn the_language_goes_into_the_run_defaults() {
        assert_eq!(
            set_language("<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"24\" /></w:rPr>"),
            "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\" /><w:sz w:val=\"24\" /></w:rPr>"
        );
    }
}
