//! The Section 55 documents read back by independent readers: LibreOffice
//! shows the recommendations table and the cc line, pandoc sees the table's
//! header row and the headings, python-docx sees the title property.

use std::path::{Path, PathBuf};

use boardwright_model::section55::{tracker_rows, ReportRecord};
use boardwright_model::templates::sample_section55;
use boardwright_model::Settings;
use boardwright_tests::readers::*;
use boardwright_word::section55::{export_covering_letter, export_response, export_tracker};
use boardwright_word::{write_file, ExportOptions};
use chrono::NaiveDate;

fn settings() -> Settings {
    let mut s = Settings {
        organisation: "Office of the Police and Crime Commissioner for Northshire".into(),
        ..Default::default()
    };
    s.section55.organisation_address = "Police Headquarters\nNorth Road\nNorthtown\nNS1 1AA".into();
    s
}

fn options() -> ExportOptions {
    let at = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc();
    ExportOptions { author: None, created: at, modified: at }
}

fn write(dir: &Path, name: &str, bytes: Vec<u8>) -> PathBuf {
    let path = dir.join(name);
    write_file(&bytes, &path).unwrap();
    path
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn libreoffice_shows_the_response_table_and_the_letter_cc_line() {
    let dir = tempfile::tempdir().unwrap();
    let (report, response) = sample_section55();
    let path =
        write(dir.path(), "response.docx", export_response(&report, &response, &settings(), &options()).unwrap());
    let text = one_line(&libreoffice_text(&path).unwrap());
    for expected in [
        "Police and Crime Commissioner's response to HMICFRS report: PEEL 2025: An inspection of Northshire Police",
        "The Commissioner's comments",
        "The Chief Constable's comments",
        "The Commissioner's response to the Chief Constable's comments",
        "Recommendation Action taken or proposed Owner and target date Status",
        "Recommendation 1 Within six months",
        "A new call-handling model starts in April 2027",
        "ACC Operations By 1 June 2027 In progress",
        "Areas for improvement",
        "AFI 1",
        "Alex Jones",
    ] {
        assert!(text.contains(expected), "LibreOffice shows {expected:?} in:\n{text}");
    }

    let today = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let letter = export_covering_letter(&report, &response, &settings(), today, &options()).unwrap();
    let text = one_line(&libreoffice_text(&write(dir.path(), "letter.docx", letter)).unwrap());
    for expected in [
        "Office of the Police and Crime Commissioner for Northshire Police Headquarters",
        "The Home Secretary Home Office 2 Marsham Street London SW1P 4DF",
        "Dear Home Secretary,",
        "PEEL 2025: An inspection of Northshire Police",
        "Yours sincerely,",
        "cc: His Majesty's Chief Inspector of Constabulary, HMICFRS",
    ] {
        assert!(text.contains(expected), "LibreOffice shows {expected:?} in the letter:\n{text}");
    }
}

#[test]
fn pandoc_sees_the_header_rows_headings_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let (report, response) = sample_section55();
    let path =
        write(dir.path(), "response.docx", export_response(&report, &response, &settings(), &options()).unwrap());
    let ast = pandoc_json(&path).unwrap();
    let mut tables = Vec::new();
    find_all(&ast, "Table", &mut tables);
    assert_eq!(tables.len(), 2, "recommendations and areas for improvement");
    for table in &tables {
        let head = &table["c"][3];
        assert_eq!(head[1].as_array().map(Vec::len), Some(1), "one header row");
        let head = plain(head);
        assert!(head.ends_with("Action taken or proposed Owner and target date Status"), "{head}");
    }
    let mut headers = Vec::new();
    find_all(&ast, "Header", &mut headers);
    let headings: Vec<String> = headers.iter().map(|h| plain(&h["c"][2])).collect();
    assert!(headings.contains(&"Recommendations".to_string()), "{headings:?}");
    let mut links = Vec::new();
    find_all(&ast, "Link", &mut links);
    assert!(links.iter().any(|l| l["c"][2][0].as_str() == report.url.as_deref()), "the report is linked");

    let rows = tracker_rows(
        &[ReportRecord { id: 1, report: &report, response: Some(&response) }],
        options().created.date_naive(),
    );
    let tracker =
        write(dir.path(), "tracker.docx", export_tracker(&rows, &settings(), options().created.date_naive()).unwrap());
    let ast = pandoc_json(&tracker).unwrap();
    let mut tables = Vec::new();
    find_all(&ast, "Table", &mut tables);
    assert_eq!(tables.len(), 1);
    assert!(plain(&tables[0]["c"][3]).starts_with("Report Number Recommendation"));
    assert_eq!(tables[0]["c"][4][0][3].as_array().map(Vec::len), Some(4), "a body row per finding");
}

#[test]
fn python_docx_sees_the_title_property_language_and_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (report, response) = sample_section55();
    let path =
        write(dir.path(), "response.docx", export_response(&report, &response, &settings(), &options()).unwrap());
    let info = python_docx_report(&path).unwrap();
    assert_eq!(
        info["core"]["title"],
        "Police and Crime Commissioner's response to HMICFRS report: PEEL 2025: An inspection of Northshire Police"
    );
    assert_eq!(info["core"]["author"], "Alex Jones");
    assert_eq!(info["default_language"], "en-GB");
    let tables = info["tables"].as_array().unwrap();
    assert!(tables.iter().all(|t| t["header_row_repeats"] == true), "{tables:?}");
    let headings: Vec<&str> = info["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["style"] == "Heading 1")
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "The Commissioner's comments",
            "The Chief Constable's comments",
            "The Commissioner's response to the Chief Constable's comments",
            "Recommendations",
            "Areas for improvement"
        ]
    );
    let today = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let letter = write(
        dir.path(),
        "letter.docx",
        export_covering_letter(&report, &response, &settings(), today, &options()).unwrap(),
    );
    let info = python_docx_report(&letter).unwrap();
    assert_eq!(
        info["core"]["title"],
        "Letter to the Home Secretary: Section 55 response to the HMICFRS report: PEEL 2025: An inspection of Northshire Police"
    );
}
