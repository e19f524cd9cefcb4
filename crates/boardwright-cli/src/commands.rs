//! What each command does: open the store, call the core, print.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use boardwright_model::{dates, numbering, paper_from_json, templates, validate, BoardPaper, DecodeError};
use boardwright_store::{ListQuery, PaperStatus, SortKey, Store, StoreError};
use boardwright_word::{ExportOptions, WordError};

use crate::{Cli, Command, Sort};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Word(#[from] WordError),
    #[error("{file}: {error}")]
    Json { file: PathBuf, error: DecodeError },
    #[error("{file}: {reason}")]
    Read { file: PathBuf, reason: String },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T> = std::result::Result<T, CliError>;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db;
    match cli.command {
        Command::New { template, title, to, from, date } => {
            let template = templates::find(&template).ok_or_else(|| {
                let known: Vec<&str> = templates::all().iter().map(|t| t.id).collect();
                CliError::Usage(format!("unknown template \"{template}\" (known: {})", known.join(", ")))
            })?;
            let date = match date {
                Some(d) => dates::parse_iso(&d).map_err(CliError::Usage)?,
                None => chrono::Local::now().date_naive(),
            };
            let mut paper = template.instantiate(date);
            let front = &mut paper.front_sheet;
            front.title = title.unwrap_or_default();
            front.to = to.unwrap_or_default();
            front.from = from.unwrap_or_default();
            let id = open(db)?.create_paper(&paper)?;
            println!("{id}");
        }
        Command::Templates => {
            for t in templates::all() {
                println!("{:<20} {} — {}", t.id, t.name, t.description);
            }
        }
        Command::List { board, status, sort, asc, bin } => {
            let status = status.map(|s| parse_status(&s)).transpose()?;
            let sort = match sort {
                Sort::Title => SortKey::Title,
                Sort::Board => SortKey::Board,
                Sort::Date => SortKey::Date,
                Sort::Updated => SortKey::Updated,
            };
            let query = ListQuery { board, status, sort, descending: !asc, bin, ..ListQuery::default() };
            let papers = open(db)?.list_papers(&query)?;
            if papers.is_empty() {
                eprintln!("{}", if bin { "The bin is empty." } else { "No papers." });
            }
            for p in papers {
                println!(
                    "{:>5}  {:<10}  {:<17}  {:<28}  {}  (changed {})",
                    p.id,
                    p.status.as_str(),
                    dates::written_out(p.date),
                    clip(&p.board, 28),
                    display_title(&p.title),
                    p.updated_at.format("%Y-%m-%d %H:%M")
                );
            }
        }
        Command::Show { id, json } => {
            let stored = open(db)?.get_paper(id)?;
            if json {
                println!("{}", to_json(&stored.paper));
            } else {
                print_outline(&stored.paper);
            }
        }
        Command::Import { file } => {
            // Read and check everything before the store is opened: a failed import writes nothing.
            let paper = read_paper(&file)?;
            warn_problems(&file, &paper);
            let id = open(db)?.create_paper(&paper)?;
            println!("{id}");
        }
        Command::Update { id, file } => {
            let paper = read_paper(&file)?;
            warn_problems(&file, &paper);
            let outcome = open(db)?.save_paper(id, &paper)?;
            match outcome.revision {
                Some(revision) => eprintln!("Paper {id} updated; its previous content is revision {revision}."),
                None => eprintln!("Paper {id} is unchanged."),
            }
        }
        Command::Export { source, output } => {
            let (paper, options) = match source.parse::<i64>() {
                Ok(id) if !Path::new(&source).exists() => {
                    let stored = open(db)?.get_paper(id)?;
                    let options =
                        ExportOptions { author: None, created: stored.created_at, modified: stored.updated_at };
                    (stored.paper, options)
                }
                _ => {
                    let file = PathBuf::from(&source);
                    let paper = read_paper(&file)?;
                    warn_problems(&file, &paper);
                    let options = ExportOptions::from_paper(&paper);
                    (paper, options)
                }
            };
            boardwright_word::export_board_paper_to(&paper, &options, &output)?;
            eprintln!("Wrote {}", output.display());
        }
        Command::Search { text } => {
            let hits = open(db)?.search(&text, 50)?;
            if hits.is_empty() {
                eprintln!("Nothing found for \"{text}\".");
            }
            for hit in hits {
                println!("{:>5}  {}  [{}]\n       {}", hit.id, display_title(&hit.title), hit.board, hit.snippet);
            }
        }
        Command::Revisions { id } => {
            let store = open(db)?;
            let revisions = store.revisions(id)?;
            if revisions.is_empty() {
                eprintln!("Paper {id} has no earlier revisions.");
            }
            for r in revisions {
                println!("{:>6}  {}  {}", r.id, r.saved_at.format("%Y-%m-%d %H:%M:%S"), display_title(&r.title));
            }
        }
        Command::Restore { id, revision } => {
            open(db)?.restore_revision(id, revision)?;
            eprintln!("Paper {id} restored to revision {revision}; its previous content is kept as a revision.");
        }
        Command::Delete { id } => {
            open(db)?.delete_paper(id)?;
            eprintln!("Paper {id} moved to the bin (`boardwright undelete {id}` brings it back).");
        }
        Command::Undelete { id } => {
            open(db)?.restore_paper(id)?;
            eprintln!("Paper {id} restored from the bin.");
        }
        Command::Backup { file } => {
            open(db)?.backup_to(&file)?;
            eprintln!("Backed up to {}", file.display());
        }
        Command::RestoreBackup { file } => {
            let safety = open(db)?.restore_from_backup(&file)?;
            eprintln!("Restored from {}; the previous database is kept at {}", file.display(), safety.display());
        }
        Command::Report(command) => crate::section55::run(&mut open(db)?, command)?,
        Command::Check { file } => {
            let paper = read_paper(&file)?;
            let problems = validate(&paper);
            if problems.is_empty() {
                println!("{}: no problems", file.display());
                return Ok(ExitCode::SUCCESS);
            }
            for p in &problems {
                println!("{}: {p}", file.display());
            }
            eprintln!("{} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the store; a new one is given the sample paper to start from.
fn open(db: Option<PathBuf>) -> Result<Store> {
    let path = match db {
        Some(p) => p,
        None => boardwright_store::default_db_path()?,
    };
    let mut store = Store::open(&path)?;
    if store.is_new() {
        let id = store.create_paper(&templates::sample_paper())?;
        eprintln!("Created {} with a sample paper (id {id}).", path.display());
    }
    Ok(store)
}

fn read_paper(file: &Path) -> Result<BoardPaper> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Read { file: file.to_path_buf(), reason: e.to_string() })?;
    paper_from_json(&text).map_err(|error| CliError::Json { file: file.to_path_buf(), error })
}

fn warn_problems(file: &Path, paper: &BoardPaper) {
    for p in validate(paper) {
        eprintln!("warning: {}: {p}", file.display());
    }
}

fn parse_status(s: &str) -> Result<PaperStatus> {
    s.parse::<PaperStatus>()
        .map_err(|_| CliError::Usage(format!("unknown status \"{s}\" (expected draft, in_review, final or submitted)")))
}

fn to_json(paper: &BoardPaper) -> impl fmt::Display {
    // Serialising our own types to a string cannot fail (no maps with non-string keys).
    serde_json::to_string_pretty(paper).unwrap_or_default()
}

fn print_outline(paper: &BoardPaper) {
    let front = &paper.front_sheet;
    println!("To:    {}", front.to);
    println!("From:  {}", front.from);
    println!("Date:  {}", dates::written_out(front.date));
    if let Some(m) = front.classification.marking() {
        println!("Classification: {m}");
    }
    println!("\n{}\n", display_title(&front.title).to_uppercase());
    for (label, text) in numbering::outline(paper) {
        let indent = if label.ends_with('.') { "" } else { "  " };
        println!("{indent}{label:<6} {text}");
    }
    println!("\n{} words", boardwright_model::text::word_count(paper));
}

fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    }
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
