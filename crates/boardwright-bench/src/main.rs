//! `cargo run --release -p boardwright-bench`: the figures behind the targets,
//! measured in one run beside a peer (pandoc) on the same content.
//! A benchmark, not a test: it prints, it does not assert.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use boardwright_model::templates::sample_paper;
use boardwright_model::{BoardPaper, Inline, NumberedParagraph};
use boardwright_store::Store;
use boardwright_tests::fixtures::{large_paper, markdown};
use boardwright_word::{export_board_paper, ExportOptions};

struct Stats {
    median: Duration,
    p95: Duration,
    runs: usize,
}

fn measure(runs: usize, mut f: impl FnMut()) -> Stats {
    f(); // warm up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    Stats { median: times[runs / 2], p95: times[(runs * 95 / 100).min(runs - 1)], runs }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(what: &str, s: &Stats) {
    println!("{what:<52} median {:>9.3} ms   p95 {:>9.3} ms   ({} runs)", ms(s.median), ms(s.p95), s.runs);
}

fn export(paper: &BoardPaper) -> Vec<u8> {
    export_board_paper(paper, &ExportOptions::from_paper(paper)).expect("export")
}

/// pandoc reading Markdown from stdin and writing a .docx to stdout.
fn pandoc(markdown: &str) -> Option<()> {
    let mut child = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "docx", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(markdown.as_bytes()).ok()?;
    child.wait().ok()?.success().then_some(())
}

fn main() {
    println!("Boardwright benchmark (release build expected; run with --release)\n");
    let sample = sample_paper();
    let large = large_paper(50, 40);
    let paragraphs: usize = large.sections.iter().map(|s| s.paragraphs.len()).sum();
    println!("150-page paper: 50 sections x 40 numbered paragraphs ({paragraphs} numbered), bullets every 4th\n");

    let sample_export = measure(200, || drop(export(&sample)));
    row("Word export, sample paper", &sample_export);
    // `boardwright-bench export`: the exports alone, many times (for a profiler).
    let only_export = std::env::args().nth(1).as_deref() == Some("export");
    let large_export = measure(if only_export { 300 } else { 30 }, || drop(export(&large)));
    row("Word export, 150-page paper", &large_export);
    if only_export {
        return;
    }
    println!("{:<52} {} bytes", "  size of the 150-page .docx", export(&large).len());

    let have_pandoc = pandoc("# probe").is_some();
    if have_pandoc {
        let sample_md = markdown(&sample);
        let large_md = markdown(&large);
        let pandoc_sample = measure(10, || {
            pandoc(&sample_md);
        });
        row("pandoc -f markdown -t docx, sample paper", &pandoc_sample);
        let pandoc_large = measure(5, || {
            pandoc(&large_md);
        });
        row("pandoc -f markdown -t docx, 150-page paper", &pandoc_large);
        println!(
            "  ratio pandoc / Boardwright: sample {:.1}x, 150-page {:.1}x",
            ms(pandoc_sample.median) / ms(sample_export.median),
            ms(pandoc_large.median) / ms(large_export.median)
        );
    } else {
        println!("pandoc not found: no peer figures (scripts/test installs it)");
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.sqlite")).expect("store");
    let id = store.create_paper(&large).expect("create");
    let mut edited = large.clone();
    let mut n = 0;
    let save = measure(50, || {
        n += 1;
        edited.sections[7].paragraphs[3] = NumberedParagraph::plain(format!("An edit, number {n}."));
        store.save_paper(id, &edited).expect("save");
    });
    row("save of the 150-page paper (revision + FTS, fsync)", &save);

    let corpus = 10_000;
    let start = Instant::now();
    let mut papers = Vec::with_capacity(corpus);
    for i in 0..corpus {
        let mut p = sample.clone();
        p.front_sheet.title = format!("{} (copy {i})", p.front_sheet.title);
        if let Some(boardwright_model::Block::Paragraph(para)) = p.sections[0].paragraphs[0].content.first_mut() {
            para.content.push(Inline::text(format!(" Reference word{i} for searching.")));
        }
        papers.push(p);
    }
    store.create_papers(&papers).expect("bulk create");
    println!("{:<52} {:.1} s", format!("  stored {corpus} papers for search in"), start.elapsed().as_secs_f64());
    let queries = ["control room", "safeguarding hub", "word4242", "Northshire", "call handling recommendation"];
    for q in queries {
        let s = measure(50, || drop(store.search(q, 50).expect("search")));
        row(&format!("search \"{q}\" over {} papers", corpus + 1), &s);
    }
}
