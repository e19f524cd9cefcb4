//! Export through the real GTK save dialog (tauri-plugin-dialog), driven as a
//! user drives it: the dialog is found by its title and typed into with
//! xdotool (XTEST keystrokes), since WebDriver sees only the page. The other
//! end-to-end tests skip the dialog through BOARDWRIGHT_EXPORT_DIR; this one
//! does not set it. Run by scripts/e2e under Xvfb against the release build.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use boardwright_e2e::{cli_binary, wait_for_window, window_ids, App};
use boardwright_tests::readers::libreoffice_text;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn export_through_the_native_save_dialog_and_cancel_it() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_with_save_dialog("save_dialog", dir.path()).await?;
    let result = export_and_cancel(&app, dir.path()).await;
    app.finish(result).await
}

async fn export_and_cancel(app: &App, dir: &Path) -> Result<()> {
    app.client.find(Locator::Css("table.papers tbody tr button.link")).await?.click().await?;
    app.wait_for(".sections > li:nth-child(1) .ProseMirror").await?;
    app.wait_saved().await?;

    // Export to Word opens the dialog, with the default file name filled in.
    app.click("Export to Word").await?;
    let dialog = wait_for_window("Export to Word").await?;
    let chosen = dir.join("chosen folder").join("Board paper from the dialog.docx");
    std::fs::create_dir_all(chosen.parent().context("a parent")?)?;
    // GTK's file name field takes a whole path; Ctrl+A replaces the default name.
    xdotool(&["windowfocus", &dialog])?;
    xdotool(&["key", "ctrl+a"])?;
    xdotool(&["type", "--delay", "5", &chosen.to_string_lossy()])?;
    xdotool(&["key", "Return"])?;
    app.wait_text(".exported", "the exported path", |t| t.contains("Board paper from the dialog.docx")).await?;
    ensure!(chosen.exists(), "the dialog's choice {} was not written", chosen.display());

    // The same file the CLI writes for the stored paper.
    let cli = dir.join("cli.docx");
    let out = std::process::Command::new(cli_binary())
        .args([
            "--db",
            &dir.join("boardwright.sqlite").to_string_lossy(),
            "export",
            "1",
            "--output",
            &cli.to_string_lossy(),
        ])
        .output()?;
    ensure!(out.status.success(), "the CLI export failed: {}", String::from_utf8_lossy(&out.stderr));
    ensure!(std::fs::read(&cli)? == std::fs::read(&chosen)?, "the dialog's file differs from the CLI's");
    let text = libreoffice_text(&chosen).map_err(anyhow::Error::msg)?;
    ensure!(text.contains("1.1"), "LibreOffice reads numbered paragraphs in the exported file");

    // Escape cancels: nothing is written and the editor carries on.
    let before: Vec<_> = std::fs::read_dir(chosen.parent().context("a parent")?)?.collect();
    app.click("Export to Word").await?;
    let dialog = wait_for_window("Export to Word").await?;
    xdotool(&["windowfocus", &dialog])?;
    xdotool(&["key", "Escape"])?;
    app.button("Export to Word").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while window_ids("Export to Word")?.is_some() {
        ensure!(Instant::now() < deadline, "Escape did not close the save dialog");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after: Vec<_> = std::fs::read_dir(chosen.parent().context("a parent")?)?.collect();
    ensure!(before.len() == after.len(), "a cancelled export wrote a file");
    let alerts =
        app.js("return [...document.querySelectorAll('[role=alert]')].map(e => e.textContent)", vec![]).await?;
    ensure!(alerts.as_array().is_some_and(Vec::is_empty), "a cancelled export showed an error: {alerts}");
    Ok(())
}

fn xdotool(args: &[&str]) -> Result<String> {
    let out = Command::new("xdotool").args(args).output().context("running xdotool (scripts/e2e installs it)")?;
    ensure!(out.status.success(), "xdotool {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}
