//! Find in a long paper, in the real window: matches are counted in every
//! section, near the screen or not, and the one shown is brought up,
//! highlighted, and selected to edit there.

use anyhow::{ensure, Result};
use boardwright_e2e::keys::*;
use boardwright_e2e::App;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn find_counts_every_section_and_brings_a_far_match_up() -> Result<()> {
    let dir = tempfile::tempdir()?;
    {
        let mut store = boardwright_store::Store::open(&dir.path().join("boardwright.sqlite"))?;
        store.create_paper(&boardwright_tests::fixtures::large_paper(20, 12))?;
    }
    let app = App::start("find", dir.path()).await?;
    let result = find_far_down(&app).await;
    app.finish(result).await
}

async fn find_far_down(app: &App) -> Result<()> {
    app.wait_for("table.papers").await?;
    app.client
        .find(Locator::XPath("//table[contains(@class,'papers')]//button[contains(., 'Generated paper')]"))
        .await?
        .click()
        .await?;
    let first = app.wait_for(".sections > li:nth-child(1) .ProseMirror").await?;
    first.click().await?;
    first.send_keys(&format!("{CONTROL}f{NULL}")).await?;
    let input = app.wait_for("#find-in-paper").await?;

    // Three bullet lists a section, twenty sections: most have no editor yet.
    input.send_keys("second BULLET").await?;
    app.wait_text("[data-testid=find-count]", "every match counted", |t| t == "1 of 60").await?;
    input.send_keys(ENTER).await?;
    app.wait_text("[data-testid=find-count]", "the next match", |t| t == "2 of 60").await?;
    // What is typed in the box is not a change to the paper: nothing to undo.
    let undo = app.js("return document.querySelector('button[title^=\"Ctrl+Z\"]').disabled", vec![]).await?;
    ensure!(undo == true, "Undo stays off after typing in the find box: disabled={undo}");

    // Headings are searched too: the one holding the match is marked.
    input.clear().await?;
    input.send_keys("heading 17").await?;
    app.wait_text("[data-testid=find-count]", "the one heading", |t| t == "1 of 1").await?;
    app.wait_for(".sections > li:nth-child(17) input.heading.find-match").await?;

    // One match, far down: its section comes up with an editor and the match highlighted.
    input.clear().await?;
    input.send_keys("first bullet of 17.5").await?;
    app.wait_text("[data-testid=find-count]", "the one match", |t| t == "1 of 1").await?;
    app.wait_text(".sections > li:nth-child(17) .bw-find-match", "the highlighted match", |t| {
        t == "First bullet of 17.5"
    })
    .await?;
    let focused = app.js("return document.activeElement && document.activeElement.id", vec![]).await?;
    ensure!(focused == "find-in-paper", "the focus stays in the box while finding: {focused}");

    // Escape: the box closes and the match is selected in its section, to edit there.
    input.send_keys(ESCAPE).await?;
    let selected = app
        .js(
            "const s = window.getSelection();
             const inSection = document.activeElement && document.activeElement.closest('.sections > li:nth-child(17)') !== null;
             return [s ? s.toString() : '', inSection, document.getElementById('find-in-paper') === null];",
            vec![],
        )
        .await?;
    ensure!(selected == serde_json::json!(["First bullet of 17.5", true, true]), "after Escape: {selected}");
    Ok(())
}
