//! The Word export read back by independent readers: LibreOffice (text and
//! PDF), pandoc and python-docx. These start the real programs.

use std::path::{Path, PathBuf};

use boardwright_model::templates::sample_paper;
use boardwright_model::BoardPaper;
use boardwright_tests::fixtures::large_paper;
use boardwright_tests::readers::*;
use boardwright_word::{export_board_paper_to, ExportOptions};
use serde_json::Value;

fn export(paper: &BoardPaper, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    export_board_paper_to(paper, &ExportOptions::from_paper(paper), &path).unwrap();
    path
}

/// Every label in `labels` appears in `text`, in that order.
fn assert_in_order(text: &str, labels: &[String]) {
    let mut rest = text;
    for label in labels {
        match rest.find(label.as_str()) {
            Some(i) => rest = &rest[i + label.len()..],
            None => panic!("{label:?} is missing or out of order in:\n{}", &text[..text.len().min(3000)]),
        }
    }
}

/// The labels Word shows for a paper: "1.", "1.1", … taken from the model.
fn numbers(paper: &BoardPaper) -> Vec<String> {
    boardwright_model::numbering::outline(paper)
        .into_iter()
        .map(|(label, text)| {
            format!("{label}\t{}", text.trim_end_matches('…').split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn libreoffice_shows_the_numbers_bullets_and_table_of_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let paper = sample_paper();
    let text = libreoffice_text(&export(&paper, dir.path(), "sample.docx")).unwrap();
    // LibreOffice writes each list label, a space, then the text: "3.1 His Majesty's ...".
    let text = text.replace("\u{a0}", " ");
    let normalised: String = text.lines().map(|l| l.trim_start()).collect::<Vec<_>>().join("\n");
    let labels: Vec<String> =
        numbers(&paper).into_iter().map(|l| l.split('\t').next().unwrap().to_string() + " ").collect();
    assert_in_order(&normalised, &labels);
    assert!(normalised.contains("1.1 This paper informs the Board"), "{normalised}");
    assert!(normalised.contains("3.1 His Majesty"));
    for expected in [
        "To:\tBusiness Coordination Board",
        "Date:\t12 November 2026",
        "Referrals are assessed within 24 hours", // a third-level bullet
        "Responding to the public",               // table text
        "Source Document",
        "Superintendent Alex Morgan",
    ] {
        assert!(normalised.contains(expected), "{expected:?} missing");
    }
    // Bullet symbols differ by level: the first three levels each show their own.
    for symbol in ["• Protecting vulnerable people", "◦ The multi-agency", "▪ Referrals are assessed"] {
        assert!(normalised.contains(symbol), "bullet symbol {symbol:?} missing");
    }
}

#[test]
fn the_pdf_carries_the_classification_and_page_x_of_y() {
    let dir = tempfile::tempdir().unwrap();
    let docx = export(&sample_paper(), dir.path(), "sample.docx");
    let (_, text) = libreoffice_pdf_text(&docx).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3, "the sample runs to several pages, got {}", pages.len());
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.first(), Some(&"OFFICIAL"), "page {} starts with the marking", i + 1);
        let footer = format!("Page {} of {total}", i + 1);
        assert_eq!(lines.last(), Some(&footer.as_str()), "page {} ends with its number", i + 1);
        assert_eq!(lines[lines.len() - 2], "OFFICIAL", "page {} carries the marking at the bottom", i + 1);
    }
}

#[test]
fn pandoc_sees_headings_nested_lists_a_table_header_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let paper = sample_paper();
    let ast = pandoc_json(&export(&paper, dir.path(), "sample.docx")).unwrap();
    let mut headers = Vec::new();
    find_all(&ast, "Header", &mut headers);
    let heading_texts: Vec<String> = headers.iter().map(|h| plain(&h["c"][2])).collect();
    for section in &paper.sections {
        assert!(
            heading_texts.contains(&section.heading.split_whitespace().collect::<Vec<_>>().join(" ")),
            "heading {:?} in {heading_texts:?}",
            section.heading
        );
    }
    assert!(heading_texts.iter().any(|h| h == "Bibliography"));

    let mut lists = Vec::new();
    find_all(&ast, "BulletList", &mut lists);
    let nested = lists.iter().any(|l| {
        let mut inner = Vec::new();
        find_all(&l["c"], "BulletList", &mut inner);
        !inner.is_empty()
    });
    assert!(nested, "a bullet list holds a nested bullet list");

    let mut tables = Vec::new();
    find_all(&ast, "Table", &mut tables);
    let head_rows = |t: &Value| t["c"][3][1].as_array().map(|r| r.len()).unwrap_or(0);
    let with_header: Vec<_> = tables.iter().filter(|t| head_rows(t) == 1).collect();
    assert_eq!(with_header.len(), 2, "both body tables have a header row");
    assert!(plain(&with_header[0]["c"][3]).starts_with("Area"));

    let mut links = Vec::new();
    find_all(&ast, "Link", &mut links);
    let targets: Vec<&str> = links.iter().filter_map(|l| l["c"][2][0].as_str()).collect();
    assert!(targets.iter().any(|t| t.starts_with("https://hmicfrs.justiceinspectorates.gov.uk/")), "{targets:?}");
    assert!(targets.contains(&"mailto:alex.morgan@northshire.police.uk"));
}

#[test]
fn python_docx_sees_styles_numbering_title_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let paper = sample_paper();
    let report = python_docx_report(&export(&paper, dir.path(), "sample.docx")).unwrap();
    assert_eq!(report["core"]["title"], paper.front_sheet.title.as_str());
    assert_eq!(report["core"]["author"], "Chief Constable");
    assert_eq!(report["core"]["language"], "en-GB");
    assert_eq!(report["default_language"], "en-GB");
    assert_eq!(report["default_font"], "Arial");
    assert_eq!(report["default_size_half_points"], 24);
    assert_eq!(report["page"]["width_twips"], 11906);
    let paragraphs = report["paragraphs"].as_array().unwrap();
    let headings: Vec<&Value> = paragraphs.iter().filter(|p| p["style"] == "Heading 1").collect();
    assert_eq!(headings.len(), paper.sections.len() + 1 + paper.appendices.len(), "sections, Bibliography, appendices");
    for h in headings.iter().take(paper.sections.len()) {
        assert_eq!(h["outline"], 0);
        assert_eq!(h["num"]["ilvl"], 0, "section headings carry real numbering: {h}");
    }
    let numbered = paragraphs.iter().filter(|p| p["style"] == "Numbered Paragraph").count();
    let expected: usize = paper.sections.iter().map(|s| s.paragraphs.len()).sum();
    assert_eq!(numbered, expected);
    assert!(paragraphs
        .iter()
        .filter(|p| p["style"] == "Numbered Paragraph")
        .all(|p| p["num"]["num_id"] == 2 && p["num"]["ilvl"] == 1));
    assert!(paragraphs.iter().any(|p| p["style"] == "Title"));
    assert!(report["tables"].as_array().unwrap().iter().filter(|t| t["header_row_repeats"] == true).count() >= 2);
    assert_eq!(report["header"][0], "OFFICIAL");
}

#[test]
fn libreoffice_numbers_a_150_page_paper_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let paper = large_paper(50, 40);
    let text = libreoffice_text(&export(&paper, dir.path(), "large.docx")).unwrap();
    let normalised: String = text.lines().map(|l| l.trim_start()).collect::<Vec<_>>().join("\n");
    let labels: Vec<String> =
        numbers(&paper).into_iter().map(|l| format!("\n{}", l.split('\t').next().unwrap())).collect();
    assert_eq!(labels.len(), 50 * 41);
    assert_in_order(&normalised, &labels);
    assert!(normalised.contains("\n50.40 Paragraph 50.40 opens in bold."));
}
