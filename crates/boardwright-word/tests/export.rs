//! The Word export's own checks on the package it writes. Independent
//! readers (LibreOffice, pandoc, python-docx) check it in /tests.

use std::io::Read;

use boardwright_model::templates::sample_paper;
use boardwright_model::{Block, Inline, NumberedParagraph, Paragraph, Section};
use boardwright_word::{export_board_paper, ExportOptions};

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut entry = archive.by_name(name).unwrap();
    assert_eq!(entry.compression(), zip::CompressionMethod::Deflated, "{name} is compressed");
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

fn export(paper: &boardwright_model::BoardPaper) -> Vec<u8> {
    export_board_paper(paper, &ExportOptions::from_paper(paper)).unwrap()
}

#[test]
fn identical_input_gives_identical_bytes() {
    let paper = sample_paper();
    let first = export(&paper);
    let second = export(&paper);
    assert!(first == second, "two exports of the sample differ");
    let other_thread = std::thread::spawn(move || export(&paper)).join().unwrap();
    assert!(first == other_thread, "an export on another thread differs");
}

#[test]
fn the_package_carries_numbering_header_rows_language_and_properties() {
    let paper = sample_paper();
    let docx = export(&paper);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:tblHeader />"), "header rows repeat");
    assert!(document.contains(r#"<w:numId w:val="2" />"#), "real numbering, ids from 2");
    assert!(document.contains("rIdHyperlink1\""), "hyperlinks renumbered from 1");
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="en-GB""#));
    assert!(styles.contains(r#"w:ascii="Arial""#));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains(&format!("<dc:title>{}</dc:title>", paper.front_sheet.title)), "{core}");
    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:lvlText w:val="%1.%2" />"#));
}

#[test]
fn the_sample_is_compressed_small() {
    let docx = export(&sample_paper());
    assert!(docx.len() < 40_000, "the sample is {} bytes", docx.len());
}

#[test]
fn hostile_text_is_escaped_and_control_characters_dropped() {
    let mut paper = sample_paper();
    paper.front_sheet.title = "A & B <script>alert(1)</script> \u{0} \"q\"".into();
    paper.sections[0].paragraphs.push(NumberedParagraph {
        content: vec![Block::Paragraph(Paragraph {
            content: vec![Inline::Text { text: "x\u{1}y</w:t><w:t>".into(), marks: vec![] }],
        })],
    });
    let docx = export(&paper);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("A &amp; B &lt;script&gt;"), "markup is escaped");
    assert!(!document.contains('\u{0}') && !document.contains('\u{1}'));
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;  &quot;q&quot;</dc:title>"),
        "{core}"
    );
}

#[test]
fn huge_paragraphs_and_deep_bullets_export() {
    let mut paper = sample_paper();
    let mut list = boardwright_model::BulletList {
        content: vec![boardwright_model::ListItem { content: vec![Block::Paragraph(Paragraph::plain("deep"))] }],
    };
    for _ in 0..9 {
        list = boardwright_model::BulletList {
            content: vec![boardwright_model::ListItem {
                content: vec![Block::Paragraph(Paragraph::plain("level")), Block::BulletList(list)],
            }],
        };
    }
    paper.sections.push(Section {
        heading: "Stress".into(),
        guidance: None,
        paragraphs: vec![NumberedParagraph {
            content: vec![Block::Paragraph(Paragraph::plain("word ".repeat(20_000))), Block::BulletList(list)],
        }],
    });
    let docx = export(&paper);
    let document = part(&docx, "word/document.xml");
    // Ten levels deep are shown at the deepest level the house style defines (ilvl 4).
    assert!(document.contains(r#"<w:ilvl w:val="4" />"#));
    assert!(!document.contains(r#"<w:ilvl w:val="5" />"#));
}
