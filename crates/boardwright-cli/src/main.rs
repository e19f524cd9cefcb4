//! `boardwright`: the command line over the core crates.

mod commands;
mod section55;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "boardwright",
    version,
    about = "Board papers and Section 55 responses: write, store, search and export to Word."
)]
struct Cli {
    /// The database file [default: $BOARDWRIGHT_DB, else the OS data folder]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a paper from a template and print its id
    New {
        /// Template id (see `boardwright templates`)
        #[arg(long, default_value = "hmicfrs-inspection")]
        template: String,
        #[arg(long)]
        title: Option<String>,
        /// The board the paper goes to
        #[arg(long)]
        to: Option<String>,
        /// The author's role, e.g. "Chief Constable"
        #[arg(long)]
        from: Option<String>,
        /// The paper's date, YYYY-MM-DD [default: today]
        #[arg(long)]
        date: Option<String>,
    },
    /// List the templates
    Templates,
    /// List papers
    List {
        #[arg(long)]
        board: Option<String>,
        /// draft, in_review, final or submitted
        #[arg(long)]
        status: Option<String>,
        #[arg(long, value_enum, default_value_t = Sort::Updated)]
        sort: Sort,
        /// Sort ascending (the default is newest or last first)
        #[arg(long)]
        asc: bool,
        /// List the papers in the bin instead
        #[arg(long)]
        bin: bool,
    },
    /// Show a paper: its front sheet and numbered outline, or its JSON
    Show {
        id: i64,
        /// Print the paper's JSON instead
        #[arg(long)]
        json: bool,
    },
    /// Store a paper from a JSON file and print its id
    Import { file: PathBuf },
    /// Replace a stored paper's content with a JSON file (the old content becomes a revision)
    Update { id: i64, file: PathBuf },
    /// Export a stored paper (by id) or a JSON file to Word
    Export {
        /// A paper id or a .json file
        source: String,
        #[arg(short, long, value_name = "OUT.docx")]
        output: PathBuf,
    },
    /// Full-text search over titles and bodies
    Search { text: String },
    /// List a paper's revisions, newest first
    Revisions { id: i64 },
    /// Restore a revision of a paper (the current content is kept as a revision)
    Restore { id: i64, revision: i64 },
    /// Move a paper to the bin
    Delete { id: i64 },
    /// Take a paper out of the bin
    Undelete { id: i64 },
    /// Copy the whole database to a file
    Backup { file: PathBuf },
    /// Replace the database with a backup (a safety copy of the current one is kept)
    RestoreBackup { file: PathBuf },
    /// Check a JSON file and list its problems (exit code 1 when there are any)
    Check { file: PathBuf },
    /// Section 55: inspection reports, responses, their Word documents and the tracker
    #[command(subcommand)]
    Report(section55::ReportCommand),
}

#[derive(Clone, Copy, ValueEnum)]
enum Sort {
    Title,
    Board,
    Date,
    Updated,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("boardwright: {e}");
            ExitCode::FAILURE
        }
    }
}
