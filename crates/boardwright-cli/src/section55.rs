//! The Section 55 commands: inspection reports and responses in the store,
//! their Word documents, and the recommendations tracker.

use std::path::{Path, PathBuf};

use boardwright_model::dates::written_out;
use boardwright_model::section55::{
    self as s55, record_from_json, tracker_csv, tracker_rows, InspectionReport, ReportRecord, Section55Response,
};
use boardwright_store::{Store, StoredReport};
use boardwright_word::section55 as word;
use boardwright_word::{write_file, ExportOptions};
use clap::{Subcommand, ValueEnum};

use crate::commands::{CliError, Result};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Store a report (and optionally its response) from JSON files; print its id
    Import {
        report: PathBuf,
        #[arg(long, value_name = "RESPONSE.json")]
        response: Option<PathBuf>,
    },
    /// List reports, the nearest response deadline first
    List,
    /// Show a report's regime, deadline and unanswered recommendations, or its JSON
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Export the published response or the covering letter to Word
    Export {
        id: i64,
        #[arg(long, value_enum, default_value_t = Document::Response)]
        document: Document,
        #[arg(short, long, value_name = "OUT.docx")]
        output: PathBuf,
    },
    /// The recommendations tracker as CSV (to standard output, or -o FILE.csv) or Word (-o FILE.docx)
    Tracker {
        #[arg(short, long, value_name = "OUT.csv|OUT.docx")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Document {
    Response,
    Letter,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn read_record<T: serde::de::DeserializeOwned>(file: &Path) -> Result<T> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Read { file: file.to_path_buf(), reason: e.to_string() })?;
    record_from_json(&text).map_err(|error| CliError::Json { file: file.to_path_buf(), error })
}

fn options(stored: &StoredReport) -> ExportOptions {
    ExportOptions { author: None, created: stored.created_at, modified: stored.updated_at }
}

pub fn run(store: &mut Store, command: ReportCommand) -> Result<()> {
    match command {
        ReportCommand::Import { report, response } => {
            let parsed: InspectionReport = read_record(&report)?;
            let response: Section55Response = match response {
                Some(file) => read_record(&file)?,
                None => Section55Response::default(),
            };
            let id = store.create_report_with_response(&parsed, &response)?;
            println!("{id}");
        }
        ReportCommand::List => {
            let stored = store.list_reports()?;
            let records: Vec<ReportRecord<'_>> = stored.iter().map(StoredReport::record).collect();
            for row in s55::tracker::deadline_rows(&records, today()) {
                let deadline = match (row.last_day, row.days_left) {
                    (Some(day), Some(left)) if row.overdue => format!("{}, overdue by {}", written_out(day), -left),
                    (Some(day), Some(left)) => format!("{}, {left} days left", written_out(day)),
                    _ => "no time limit".to_string(),
                };
                let mark = if row.overdue {
                    "OVERDUE "
                } else if row.due_soon {
                    "SOON    "
                } else {
                    "        "
                };
                println!("{:>4}  {mark}{:<22} {:<28} {}", row.report_id, row.status.label(), deadline, row.title);
            }
        }
        ReportCommand::Show { id, json } => {
            let stored = store.get_report(id)?;
            if json {
                let both = serde_json::json!({"report": stored.report, "response": stored.response});
                println!("{}", serde_json::to_string_pretty(&both).unwrap_or_default());
                return Ok(());
            }
            let check = s55::check(&stored.report, &stored.response, today());
            println!("{}", stored.report.title);
            println!("{}", check.regime_explanation);
            if let Some(deadline) = check.deadline {
                println!("Last day: {} ({} days left)", written_out(deadline.last_day), deadline.days_left);
            }
            println!("Status: {}", stored.response.progress.status.label());
            match check.completeness.missing_recommendations.as_slice() {
                [] => println!("Every recommendation has an answer."),
                missing => println!("Without an answer: recommendation {}", missing.join(", ")),
            }
        }
        ReportCommand::Export { id, document, output } => {
            let stored = store.get_report(id)?;
            let settings = store.settings()?;
            let bytes = match document {
                Document::Response => {
                    word::export_response(&stored.report, &stored.response, &settings, &options(&stored))?
                }
                Document::Letter => word::export_covering_letter(
                    &stored.report,
                    &stored.response,
                    &settings,
                    today(),
                    &options(&stored),
                )?,
            };
            write_file(&bytes, &output)?;
            eprintln!("Wrote {}", output.display());
        }
        ReportCommand::Tracker { output } => {
            let stored = store.list_reports()?;
            let records: Vec<ReportRecord<'_>> = stored.iter().map(StoredReport::record).collect();
            let rows = tracker_rows(&records, today());
            let csv = || tracker_csv(&rows).map_err(CliError::Usage);
            match output {
                None => print!("{}", csv()?),
                Some(path) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx")) => {
                    write_file(&word::export_tracker(&rows, &store.settings()?, today())?, &path)?;
                    eprintln!("Wrote {}", path.display());
                }
                Some(path) => {
                    write_file(csv()?.as_bytes(), &path)?;
                    eprintln!("Wrote {}", path.display());
                }
            }
        }
    }
    Ok(())
}
