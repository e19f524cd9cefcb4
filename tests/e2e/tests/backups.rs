//! Backing up every paper from Settings and restoring the backup, in the real
//! window (the export folder seam stands in for the native file dialogs,
//! which tests/save_dialog.rs drives for real).

use anyhow::{ensure, Context, Result};
use boardwright_e2e::App;

#[tokio::test(flavor = "multi_thread")]
async fn a_restored_backup_brings_back_the_papers_it_held() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("backups", dir.path()).await?;
    let result = back_up_then_restore(&app, dir.path()).await;
    app.finish(result).await
}

async fn back_up_then_restore(app: &App, data: &std::path::Path) -> Result<()> {
    app.wait_for("table.papers").await?;
    app.click("Settings").await?;
    app.click("Back up all papers…").await?;
    let shown =
        app.wait_text("[data-testid=backed-up]", "where the backup went", |t| t.contains("Boardwright backup")).await?;
    let written: Vec<_> = std::fs::read_dir(data.join("exports"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("Boardwright backup "))
        .collect();
    ensure!(written.len() == 1, "one backup file in the export folder ({shown})");
    let backup = boardwright_store::Store::open(&written[0].path()).context("the backup opens as a store")?;
    ensure!(backup.page_of_papers(&Default::default())?.total == 1, "the backup holds the sample paper");
    drop(backup);

    // A paper written after the backup: the restore takes it away (it stays in the safety copy).
    app.click("Library").await?;
    app.click("New paper").await?;
    app.type_into(".front-sheet .title input", "Written after the backup").await?;
    app.wait_saved().await?;
    app.click("← Library").await?;
    app.wait_text("table.papers tbody", "the new paper listed", |t| t.contains("Written after the backup")).await?;

    app.click("Settings").await?;
    app.click("Restore from a backup…").await?;
    app.click("Choose the backup and restore").await?;
    app.wait_text("[data-testid=restored]", "where the earlier content was kept", |t| t.contains("before-restore"))
        .await?;
    app.click("Library").await?;
    app.wait_text("table.papers tbody", "only the backed-up paper", |t| {
        t.contains("HMICFRS PEEL 2025") && !t.contains("Written after the backup")
    })
    .await?;
    Ok(())
}
