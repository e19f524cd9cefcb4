//! The app at 200% zoom, reached as a user reaches it (Ctrl+= five times:
//! 110, 125, 150, 175, 200%), and kept for the next launch. Every screen must reflow to the
//! narrower viewport (WCAG 2.2, 1.4.10 Reflow): no sideways scrolling of the
//! page, and its main controls inside the window. Data tables may scroll
//! sideways inside their own box, which the check allows.
//! Run by scripts/e2e under Xvfb against the release build.

use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Result};
use boardwright_e2e::keys::*;
use boardwright_e2e::App;

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_reflows_at_200_percent_zoom() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("zoom", dir.path()).await?;
    let unzoomed = app.js("return window.innerWidth", vec![]).await?.as_f64().unwrap_or_default();
    let result = at_200_percent(&app, unzoomed).await;
    app.finish(result).await?;

    // The next launch opens at 200%; Ctrl+0 goes back to 100%.
    let app = App::start("zoom_kept", dir.path()).await?;
    let result = async {
        app.wait_for("table.papers tbody tr").await?;
        let width = app.js("return window.innerWidth", vec![]).await?.as_f64().unwrap_or_default();
        ensure!((width - unzoomed / 2.0).abs() <= 2.0, "relaunched at {width} CSS px wide, not at 200% of {unzoomed}");
        app.wait_for("body").await?.send_keys(&format!("{CONTROL}0{NULL}")).await?;
        wait_for_width(&app, unzoomed, "Ctrl+0 did not restore 100% zoom").await?;
        app.wait_text(".zoom-level", "the zoom shown", |t| t == "Zoom 100%").await.map(drop)
    }
    .await;
    app.finish(result).await
}

/// Waits until the viewport is `width` CSS px wide (give or take rounding).
async fn wait_for_width(app: &App, width: f64, failure: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = app.js("return window.innerWidth", vec![]).await?.as_f64().unwrap_or_default();
        if (now - width).abs() <= 2.0 {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("{failure}: the viewport is {now} CSS px wide, not {width}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn at_200_percent(app: &App, unzoomed: f64) -> Result<()> {
    app.wait_for("table.papers tbody tr").await?;
    let body = app.wait_for("body").await?;
    for _ in 0..5 {
        body.send_keys(&format!("{CONTROL}={NULL}")).await?;
    }
    // At 200% the viewport is half as many CSS pixels wide.
    wait_for_width(app, unzoomed / 2.0, "after Ctrl+= five times").await?;
    app.wait_text(".zoom-level", "the zoom shown", |t| t == "Zoom 200%").await?;

    check_screen(app, "the library", &["New paper", "Show the bin"]).await?;

    press(app, "table.papers tbody tr button.link").await?;
    app.wait_for(".sections > li:nth-child(1) .ProseMirror").await?;
    check_screen(app, "the editor", &["Export to Word", "Revisions", "Add a section"]).await?;

    press_button(app, "Inspections").await?;
    press_button(app, "add the sample report").await?;
    app.wait_for("[data-testid=completeness]").await?;
    check_screen(app, "the report and its response", &["Export response", "Export covering letter"]).await?;

    press_button(app, "Tracker").await?;
    app.wait_for("table").await?;
    check_screen(app, "the tracker", &[]).await?;

    press_button(app, "Settings").await?;
    check_screen(app, "the settings", &["Save settings"]).await?;

    Ok(())
}

/// Enter on the element at `css`, as a keyboard user would (a WebDriver click
/// lands at unzoomed coordinates in WebKitWebDriver once the page is zoomed).
async fn press(app: &App, css: &str) -> Result<()> {
    app.wait_for(css).await?.send_keys(ENTER).await?;
    Ok(())
}

async fn press_button(app: &App, label: &str) -> Result<()> {
    app.button(label).await?.send_keys(ENTER).await?;
    Ok(())
}

/// No sideways scrolling of the page, nothing wider than the window outside a
/// scrolling box, and each button in `buttons` within the window's width.
async fn check_screen(app: &App, screen: &str, buttons: &[&str]) -> Result<()> {
    // Let the screen load and lay out.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let report = app
        .js(
            "const width = document.documentElement.clientWidth;
             const scrolls = (e) => { for (let n = e.parentElement; n; n = n.parentElement) {
               const x = getComputedStyle(n).overflowX; if (x === 'auto' || x === 'scroll') return true; } return false; };
             const wide = [...document.querySelectorAll('body *')].filter((e) => {
               const r = e.getBoundingClientRect();
               return r.width > 0 && (r.right > width + 1 || r.left < -1) && !scrolls(e);
             }).slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}`);
             const outside = arguments[0].filter((label) => {
               const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
               if (!b) return true;
               b.scrollIntoView({ block: 'center' });
               const r = b.getBoundingClientRect();
               return r.left < 0 || r.right > width;
             });
             return { width, scrollWidth: document.documentElement.scrollWidth, wide, outside };",
            vec![serde_json::json!(buttons)],
        )
        .await?;
    let width = report["width"].as_f64().unwrap_or_default();
    let scroll_width = report["scrollWidth"].as_f64().unwrap_or_default();
    ensure!(
        report["wide"].as_array().is_some_and(Vec::is_empty),
        "{screen} at 200%: wider than the window: {}",
        report["wide"]
    );
    ensure!(
        scroll_width <= width + 1.0,
        "{screen} at 200%: the page scrolls sideways ({scroll_width} px of content in {width} px)"
    );
    ensure!(
        report["outside"].as_array().is_some_and(Vec::is_empty),
        "{screen} at 200%: buttons missing or outside the window: {}",
        report["outside"]
    );
    Ok(())
}
