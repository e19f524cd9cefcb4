//! The recommendations tracker as a Word table (landscape: it is wide).

use boardwright_model::dates::written_out;
use boardwright_model::section55::{Rag, TrackerRow};
use boardwright_model::Settings;
use chrono::NaiveDate;
use docx_rs::{Docx, PageOrientationType, Paragraph, Run};

use super::tables::{text_table, Cell};
use crate::blocks::{text_run, Part};
use crate::board_paper::page_furniture;
use crate::house_style::{self as house, style};
use crate::workarounds::{self, CoreProperties};
use crate::WordError;

/// Report | Number | Recommendation | Addressed to | Owner | Target date | Status | RAG: the text width of A4 landscape.
const WIDTHS: [usize; 8] = [2200, 1300, 2700, 1500, 1900, 1300, 1400, 1638];

pub fn export_tracker(rows: &[TrackerRow], settings: &Settings, on: NaiveDate) -> Result<Vec<u8>, WordError> {
    let at = on.and_hms_opt(0, 0, 0).map(|t| t.and_utc()).unwrap_or_default();
    let properties = CoreProperties {
        title: "Recommendations tracker".into(),
        subject: format!("Inspection recommendations at {}", written_out(on)),
        creator: settings.organisation.trim().to_string(),
        created: at,
        modified: at,
    };
    let docx = workarounds::guard("building the tracker", || document(rows, settings, on))?;
    workarounds::finish(docx, &properties)
}

fn document(rows: &[TrackerRow], settings: &Settings, on: NaiveDate) -> Docx {
    let docx = page_furniture(house::apply(Docx::new()), &settings.default_classification)
        .page_size(house::A4_HEIGHT, house::A4_WIDTH)
        .page_orient(PageOrientationType::Landscape);
    let count = |rag: Rag| rows.iter().filter(|r| r.rag == rag).count();
    let summary = format!(
        "At {}: {} item{}; {} red (overdue), {} amber (due within 30 days), {} green (complete), {} not yet due.",
        written_out(on),
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        count(Rag::Red),
        count(Rag::Amber),
        count(Rag::Green),
        count(Rag::NotDue),
    );
    let table_rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let numeric = r.number.chars().all(|c| c.is_ascii_digit() || c == '.');
            // An area for improvement numbered "2" would read as recommendation 2.
            let number = if r.is_recommendation || !numeric { r.number.clone() } else { format!("AFI {}", r.number) };
            vec![
                format!("{} ({})", r.report_title, written_out(r.report_published)),
                number,
                r.text.clone(),
                r.addressed_to.clone(),
                r.owner.clone(),
                r.target_date.map(written_out).unwrap_or_default(),
                r.status.label().to_string(),
                r.rag.label().to_string(),
            ]
            .into_iter()
            .map(Cell::from)
            .collect()
        })
        .collect();
    let header = ["Report", "Number", "Recommendation", "Addressed to", "Owner", "Target date", "Status", "RAG"];
    let parts = vec![
        Part::Paragraph(Box::new(
            Paragraph::new().style(style::TITLE).add_run(text_run("Recommendations tracker", Run::new())),
        )),
        Part::Paragraph(Box::new(Paragraph::new().add_run(text_run(&summary, Run::new())))),
        Part::Table(Box::new(text_table(&header, &WIDTHS, &table_rows))),
    ];
    workarounds::append_body(docx, parts)
}
