//! The desktop app in its real window: a person's work, start to finish.
//! Run by scripts/e2e under Xvfb (xvfb-run) against the release build.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use boardwright_e2e::keys::*;
use boardwright_e2e::{cli_binary, App};
use boardwright_tests::readers::{libreoffice_text, pandoc_json};
use fantoccini::Locator;

fn section_body(n: usize) -> String {
    format!(".sections > li:nth-child({n}) .ProseMirror")
}

#[tokio::test(flavor = "multi_thread")]
async fn write_a_paper_from_the_template_and_export_it_to_word() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("write_and_export", dir.path()).await?;
    let result = write_and_export(&app).await;
    app.finish(result).await
}

async fn write_and_export(app: &App) -> Result<()> {
    // A new paper from the HMICFRS template (the default choice).
    app.click("New paper").await?;
    app.wait_for("#editor-title").await?;
    app.type_into(".front-sheet input[list=boards]", "Business Coordination Board").await?;
    app.type_into(".front-sheet .grid label:nth-child(2) input", "Chief Constable").await?;
    app.type_into(".front-sheet .title input", "PEEL 2025: call handling").await?;
    app.wait_text("#editor-title", "the title typed", |t| t == "PEEL 2025: call handling").await?;
    // The window's own title (the taskbar, Alt+Tab) names the paper too.
    boardwright_e2e::wait_for_window("PEEL 2025: call handling – Boardwright").await?;

    // Section 1: two numbered paragraphs, then three levels of bullets and a link.
    let purpose = section_body(1);
    app.type_into(&purpose, "This paper updates the Board.").await?;
    let editor = app.wait_for(&purpose).await?;
    editor.send_keys(&format!("{ENTER}It asks the Board to note the plan.")).await?;
    app.click("Bullet list").await?;
    editor.send_keys(&format!("First point{ENTER}{TAB}Nested point{ENTER}{TAB}Deepest point")).await?;
    editor.send_keys(&format!("{ENTER}{ENTER}{ENTER}{ENTER}See the HMICFRS report")).await?;
    // Select "HMICFRS report" and link it (Ctrl+K opens the link dialog).
    editor.send_keys(&format!("{SHIFT}{}{NULL}", LEFT.repeat("HMICFRS report".len()))).await?;
    editor.send_keys(&format!("{CONTROL}k{NULL}")).await?;
    let href = app.wait_for("#link-href").await?;
    href.clear().await?;
    href.send_keys(&format!("https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025{ENTER}")).await?;

    let numbers = app.numbers_of_section(1).await?;
    ensure!(numbers.len() >= 2 && numbers[0] == "1.1" && numbers[1] == "1.2", "live numbers in section 1: {numbers:?}");
    let background = app.numbers_of_section(3).await?;
    ensure!(background.first().map(String::as_str) == Some("3.1"), "section 3 restarts at 3.1: {background:?}");
    let depth = app
        .js(
            "const body = document.querySelector(arguments[0]);
             let deepest = 0;
             body.querySelectorAll('li').forEach(li => { let d = 0; for (let n = li; n && n !== body; n = n.parentElement) if (n.tagName === 'UL') d++; deepest = Math.max(deepest, d); });
             return deepest;",
            vec![purpose.clone().into()],
        )
        .await?;
    ensure!(depth.as_u64() == Some(3), "bullets nest three deep in the editor, got {depth}");
    let link = app.wait_for(&format!("{purpose} a[href]")).await?;
    ensure!(link.text().await? == "HMICFRS report", "the link covers the selected words");

    // A Word paste in section 4 becomes nested bullets; nothing hostile survives.
    let word = std::fs::read_to_string(
        boardwright_e2e::workspace_root().join("ui/src/editor/__fixtures__/word-list-three-level.html"),
    )?;
    let findings = section_body(4);
    app.type_into(&findings, "Pasted from Word:").await?;
    app.js(
        "const el = document.querySelector(arguments[0]);
         const data = new DataTransfer();
         data.setData('text/html', arguments[1] + '<script>window.__pwned = 1<\\/script><img src=x onerror=\"window.__pwned = 2\">');
         data.setData('text/plain', 'fallback');
         el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
        vec![findings.clone().into(), word.into()],
    )
    .await?;
    let pasted = app
        .js(
            "const body = document.querySelector(arguments[0]);
             return { lists: body.querySelectorAll('ul ul').length, scripts: body.querySelectorAll('script, img').length,
                      pwned: window.__pwned || 0, text: body.textContent };",
            vec![findings.into()],
        )
        .await?;
    ensure!(pasted["lists"].as_u64().unwrap_or(0) >= 1, "the Word list arrives nested: {pasted}");
    ensure!(pasted["scripts"] == 0 && pasted["pwned"] == 0, "nothing hostile survives the paste: {pasted}");
    ensure!(pasted["text"].as_str().unwrap_or_default().contains("Effectiveness"), "the pasted text is kept: {pasted}");

    // Saved within about a second, then exported through the Word crate.
    app.wait_saved().await?;
    app.click("Export to Word").await?;
    let path = app.wait_text(".exported code", "the exported file's path", |t| t.ends_with(".docx")).await?;
    ensure!(path.ends_with("PEEL 2025 - call handling.docx"), "default file name from date and title: {path}");
    let docx = std::path::PathBuf::from(&path);
    let text = libreoffice_text(&docx).map_err(anyhow::Error::msg)?;
    let text: String = text.lines().map(str::trim_start).collect::<Vec<_>>().join("\n");
    for expected in [
        "1.1 This paper updates the Board.",
        "1.2 It asks the Board to note the plan.",
        "Deepest point",
        "3.1 ",
        "Effectiveness",
    ] {
        ensure!(text.contains(expected), "LibreOffice shows {expected:?} in:\n{text}");
    }
    let ast = pandoc_json(&docx).map_err(anyhow::Error::msg)?;
    ensure!(
        ast.to_string().contains("https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025"),
        "the link is a real link"
    );

    // The same file as the CLI writes from the same stored paper.
    let cli_out = docx.with_file_name("cli.docx");
    let status = std::process::Command::new(cli_binary())
        .arg("--db")
        .arg(app.data.join("boardwright.sqlite"))
        .args(["export", "2", "-o"])
        .arg(&cli_out)
        .status()
        .context("running the CLI")?;
    ensure!(status.success(), "the CLI export failed");
    ensure!(
        std::fs::read(&cli_out)? == std::fs::read(&docx)?,
        "the app's .docx and the CLI's are byte for byte the same"
    );

    // The webview loaded a British English dictionary (Settings says which, or why not).
    app.click("Settings").await?;
    app.wait_text("[data-testid=spelling]", "spell checking in British English", |t| {
        t == "Spell checking: British English."
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn work_survives_a_restart_and_revisions_restore() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("restart_and_revisions", dir.path()).await?;
    let result = edit_then_quit(&app).await;
    app.finish(result).await?;

    let app = App::start("restart_and_revisions_relaunched", dir.path()).await?;
    let result = find_and_restore(&app).await;
    app.finish(result).await
}

async fn edit_then_quit(app: &App) -> Result<()> {
    app.wait_for("table.papers").await?;
    let sample = app.client.find(Locator::Css("table.papers td button.link")).await?;
    sample.click().await?;
    app.wait_for(".front-sheet .title input").await?;
    let title = app.wait_for(".front-sheet .title input").await?;
    title.send_keys(&format!("{END} (revised)")).await?;
    app.wait_saved().await?;
    // A change typed just before closing the window, as a user closes it: it must be stored first.
    app.type_into(&section_body(1), "Zanzibar").await?;
    app.close_window_like_a_user().await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    Ok(())
}

async fn find_and_restore(app: &App) -> Result<()> {
    app.type_into("#search", "Zanzibar").await?;
    app.wait_text(".hits", "the paper found by a word typed before quitting", |t| t.contains("(revised)")).await?;
    app.client.find(Locator::Css(".hits button.link")).await?.click().await?;
    app.wait_text("#editor-title", "the revised title", |t| t.ends_with("(revised)")).await?;

    app.click("Revisions").await?;
    let oldest = app.wait_for(".revision-list li:last-child button").await?;
    oldest.click().await?;
    app.click("Restore this revision").await?;
    app.wait_text("#editor-title", "the original title", |t| {
        t == "HMICFRS PEEL 2025: An inspection of Northshire Police"
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_paper_keeps_only_nearby_editors_and_loses_nothing() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let id = {
        let mut store = boardwright_store::Store::open(&dir.path().join("boardwright.sqlite"))?;
        store.create_paper(&boardwright_tests::fixtures::large_paper(20, 12))?
    };
    let app = App::start("long_paper", dir.path()).await?;
    let result = scroll_away_and_back(&app, id).await;
    app.finish(result).await
}

async fn scroll_away_and_back(app: &App, id: i64) -> Result<()> {
    app.wait_for("table.papers").await?;
    let row = app
        .client
        .find(Locator::XPath("//table[contains(@class,'papers')]//button[contains(., 'Generated paper')]"))
        .await?;
    row.click().await?;
    let first = section_body(1);
    app.type_into(&first, "Quokka").await?;
    let live = || app.js("return document.querySelectorAll('.sections .ProseMirror').length", vec![]);
    let at_top = live().await?.as_u64().unwrap_or(0);
    ensure!(at_top > 0 && at_top < 20, "only the sections near the top have an editor: {at_top} of 20");

    // Far down the paper: the first section's editor goes, the last one's comes.
    app.js("document.querySelector('.sections > li:nth-child(20)').scrollIntoView();", vec![]).await?;
    let last = section_body(20);
    app.type_into(&last, "Wombat").await?;
    let gone = app.js("return document.querySelector(arguments[0]) === null", vec![first.clone().into()]).await?;
    ensure!(gone == true, "the first section's editor is unmounted far away");

    // Back at the top the first body is as it was, and its undo history survived.
    app.js("document.querySelector('.sections > li:nth-child(1)').scrollIntoView();", vec![]).await?;
    let body = app.wait_for(&first).await?;
    ensure!(body.text().await?.contains("Quokka"), "the typed word is still there");

    // One history for the whole paper: Ctrl+Z in the first section undoes the
    // last change, made far down in the last one (whose editor is gone) ...
    body.click().await?;
    body.send_keys(&format!("{CONTROL}z{NULL}")).await?;
    wait_stored(app, id, "the last section's word undone first", |t| t.contains("Quokka") && !t.contains("Wombat"))
        .await?;
    // ... then the change before it; and Ctrl+Shift+Z redoes in the same order.
    let last_heading = ".sections > li:nth-child(20) input.heading";
    app.wait_for(last_heading).await?.send_keys(&format!("{CONTROL}z{NULL}")).await?;
    wait_stored(app, id, "both words undone", |t| !t.contains("Quokka") && !t.contains("Wombat")).await?;
    app.wait_for(last_heading).await?.send_keys(&format!("{CONTROL}{SHIFT}z{NULL}")).await?;
    wait_stored(app, id, "the first word redone", |t| t.contains("Quokka") && !t.contains("Wombat")).await?;

    // A removed section comes back with Ctrl+Z, text and all; a heading's typing is undone too.
    let remove = "button[aria-label='Remove section 2']";
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![remove.into()]).await?;
    let second_heading = ".sections > li:nth-child(2) input.heading";
    let heading = app.wait_for(second_heading).await?.prop("value").await?.unwrap_or_default();
    app.wait_for(remove).await?.click().await.context("clicking Remove section 2")?;
    let count = || app.js("return document.querySelectorAll('.sections > li').length", vec![]);
    ensure!(count().await? == 19, "the section was removed");
    let first_heading = app.wait_for(".sections > li:nth-child(1) input.heading").await?;
    first_heading.send_keys(&format!("{CONTROL}z{NULL}")).await.context("Ctrl+Z in the first heading")?;
    ensure!(count().await? == 20, "Ctrl+Z brought the section back");
    let restored = app.wait_for(second_heading).await?.prop("value").await?.unwrap_or_default();
    ensure!(restored == heading, "the restored section is the removed one: {restored:?}, not {heading:?}");
    let field = app.wait_for(second_heading).await?;
    field.click().await.context("clicking the second heading")?;
    field.send_keys(&format!("{END} Revised")).await?;
    field.send_keys(&format!("{CONTROL}z{NULL}")).await?;
    let value = app.wait_for(second_heading).await?.prop("value").await?.unwrap_or_default();
    ensure!(value == heading, "Ctrl+Z undid the heading's typing: {value:?}");
    wait_stored(app, id, "the paper as it was, with the first word", |t| {
        t.contains("Quokka") && !t.contains("Revised")
    })
    .await?;

    // The notice's Undo, pressed after a later change, brings back the section and keeps that change.
    let remove_third = "button[aria-label='Remove section 3']";
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![remove_third.into()])
        .await?;
    app.wait_for(remove_third).await?.click().await.context("clicking Remove section 3")?;
    ensure!(count().await? == 19, "the third section was removed");
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![second_heading.into()])
        .await?;
    app.type_into(second_heading, " Kept").await.context("typing into the second heading")?;
    let stale = app
        .js(
            "return [...document.querySelectorAll('.notices .notice')].filter(n => n.textContent.includes('Removed section \"Section heading 2')).length",
            vec![],
        )
        .await?;
    ensure!(stale == 0, "the first removal's notice went when Ctrl+Z undid it: {stale} left");
    let undo = "//div[contains(@class,'notice')][contains(., 'Section heading 3')]/button[normalize-space()='Undo']";
    app.client.find(Locator::XPath(undo)).await?.click().await.context("the notice's Undo")?;
    ensure!(count().await? == 20, "the notice's Undo brought the third section back");
    wait_stored(app, id, "the later heading change kept", |t| t.contains("Kept") && t.contains("Section heading 3"))
        .await?;
    let stored = boardwright_store::Store::open(&app.data.join("boardwright.sqlite"))?.get_paper(id)?;
    ensure!(stored.paper.sections.len() == 20, "the store has all 20 sections");
    Ok(())
}

/// Waits until the stored paper's text (headings and bodies) satisfies `pred`.
async fn wait_stored(app: &App, id: i64, what: &str, pred: impl Fn(&str) -> bool) -> Result<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let stored = boardwright_store::Store::open(&app.data.join("boardwright.sqlite"))?.get_paper(id)?;
        let text = boardwright_model::text::body_text(&stored.paper);
        if pred(&text) {
            return Ok(());
        }
        ensure!(std::time::Instant::now() < deadline, "the store never had {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn words_misspelt_in_british_english_are_underlined_in_red() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("spelling", dir.path()).await?;
    let result = underlined_misspellings(&app).await;
    app.finish(result).await
}

/// The pinkish red of WebKitGTK's dotted spelling marker (about 255, 130, 130
/// once blended), which nothing else in a body is drawn in.
fn is_marker_red(r: u8, g: u8, b: u8) -> bool {
    r > 200 && r.saturating_sub(g) > 60 && r.saturating_sub(b) > 60 && g.abs_diff(b) < 30
}

/// Red pixels (WebKitGTK's spelling marker) in a PNG screenshot.
fn red_pixels(png_bytes: &[u8]) -> Result<usize> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes)).read_info()?;
    let mut buffer = vec![0; reader.output_buffer_size().context("screenshot size")?];
    let info = reader.next_frame(&mut buffer)?;
    let channels = info.color_type.samples();
    ensure!(channels >= 3 && info.bit_depth == png::BitDepth::Eight, "an 8-bit RGB screenshot: {:?}", info.color_type);
    Ok(buffer[..info.buffer_size()].chunks(channels).filter(|px| is_marker_red(px[0], px[1], px[2])).count())
}

async fn underlined_misspellings(app: &App) -> Result<()> {
    app.click("New paper").await?;
    app.wait_for("#editor-title").await?;
    // British spellings in one body, American ones in the next: only the second is marked.
    let british = section_body(1);
    let american = section_body(2);
    // Ctrl+A first, then the typing replaces the template's text (WebKitWebDriver
    // drops text sent in the same call as a released Ctrl).
    for (body, text) in [
        (&british, "The colour of the organisation's favourite programme. "),
        (&american, "The color of the favorite program centers. "),
    ] {
        app.type_into(body, &format!("{CONTROL}a{NULL}")).await?;
        app.wait_for(body).await?.send_keys(text).await?;
    }
    let typed = app.wait_for(&american).await?.text().await?;
    ensure!(
        typed.trim_end().ends_with("The color of the favorite program centers."),
        "the body holds only the typing: {typed:?}"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let marked = loop {
        let marked = red_pixels(&app.wait_for(&american).await?.screenshot().await?)?;
        if marked > 20 || std::time::Instant::now() > deadline {
            break marked;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    ensure!(marked > 20, "American spellings are underlined in red ({marked} red pixels)");
    let unmarked = red_pixels(&app.wait_for(&british).await?.screenshot().await?)?;
    ensure!(unmarked == 0, "British spellings are not marked ({unmarked} red pixels)");
    Ok(())
}
