//! The Section 55 documents' own checks on the packages they write. The
//! independent readers check them in /tests (section55_readers.rs).

use std::io::Read;

use boardwright_model::section55::{tracker_rows, ReportRecord, ResponseStatus};
use boardwright_model::templates::sample_section55;
use boardwright_model::Settings;
use boardwright_word::section55::*;
use boardwright_word::ExportOptions;
use chrono::{NaiveDate, TimeZone, Utc};

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut entry = archive.by_name(name).unwrap();
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

fn options() -> ExportOptions {
    let at = Utc.with_ymd_and_hms(2027, 1, 10, 9, 0, 0).unwrap();
    ExportOptions { author: None, created: at, modified: at }
}

fn settings() -> Settings {
    let mut s = Settings {
        organisation: "Office of the Police and Crime Commissioner for Northshire".into(),
        ..Default::default()
    };
    s.section55.organisation_address = "Police Headquarters\nNorth Road\nNorthtown\nNS1 1AA".into();
    s.section55.home_secretary_name = "The Rt Hon A. Example MP".into();
    s
}

#[test]
fn the_response_has_its_title_table_header_and_no_merged_cells() {
    let (report, response) = sample_section55();
    let docx = export_response(&report, &response, &settings(), &options()).unwrap();
    assert!(docx == export_response(&report, &response, &settings(), &options()).unwrap(), "deterministic");
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains(
        "<dc:title>Police and Crime Commissioner&apos;s response to HMICFRS report: PEEL 2025: An inspection of Northshire Police</dc:title>"
    ) || core.contains("Police and Crime Commissioner's response to HMICFRS report: PEEL 2025"), "{core}");
    let document = part(&docx, "word/document.xml");
    assert_eq!(document.matches("<w:tblHeader />").count(), 2, "recommendations and areas tables");
    assert!(!document.contains("gridSpan") && !document.contains("vMerge"), "no merged cells");
    for expected in
        ["Action taken or proposed", "ACC Operations", "No action will be taken: ", "1 June 2027", "Alex Jones"]
    {
        assert!(document.contains(expected), "{expected:?} is in the response");
    }
    assert!(part(&docx, "word/styles.xml").contains("w:lang w:val=\"en-GB\""));
}

#[test]
fn the_letter_comes_from_settings_and_copies_hmicfrs_only_under_the_56_day_rule() {
    let (mut report, response) = sample_section55();
    let today = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let docx = export_covering_letter(&report, &response, &settings(), today, &options()).unwrap();
    let document = part(&docx, "word/document.xml");
    for expected in [
        "The Rt Hon A. Example MP",
        "2 Marsham Street",
        "NS1 1AA",
        "12 January 2027",
        "Dear Home Secretary,",
        "Yours sincerely,",
        "cc: His Majesty&apos;s Chief Inspector of Constabulary, HMICFRS",
        "https://www.northshire-pcc.gov.uk/section-55/peel-2025",
    ] {
        assert!(
            document.contains(expected) || document.contains(&expected.replace("&apos;", "'")),
            "{expected:?} in the letter"
        );
    }
    report.published = NaiveDate::from_ymd_opt(2016, 2, 25).unwrap();
    let before =
        part(&export_covering_letter(&report, &response, &settings(), today, &options()).unwrap(), "word/document.xml");
    assert!(!before.contains("cc: "), "before May 2017 the copy went to the Secretary of State only");
}

#[test]
fn the_tracker_is_a_landscape_table_with_a_header_row() {
    let (report, mut response) = sample_section55();
    response.progress.status = ResponseStatus::Published;
    let today = NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
    let rows = tracker_rows(&[ReportRecord { id: 1, report: &report, response: Some(&response) }], today);
    assert_eq!(rows.len(), 4);
    let docx = export_tracker(&rows, &settings(), today).unwrap();
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("w:orient=\"landscape\""));
    assert_eq!(document.matches("<w:tblHeader />").count(), 1);
    assert!(document.contains("Red: overdue") && document.contains("Green: complete"));
    assert_eq!(tracker_file_name(today, "csv"), "2027-04-01 Recommendations tracker.csv");
    assert_eq!(
        response_file_name(&report),
        "2026-12-01 PCC response - PEEL 2025 - An inspection of Northshire Police.docx"
    );
}
