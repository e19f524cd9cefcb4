//! A Section 55 response in the real window: from a new inspection report to
//! the published response and the covering letter, with the missing-answer
//! warning and the approval rule on the way. Run by scripts/e2e under Xvfb.

use anyhow::{ensure, Context, Result};
use boardwright_e2e::{cli_binary, App};
use boardwright_tests::readers::{find_all, libreoffice_text, pandoc_json, plain, python_docx_report};

#[tokio::test(flavor = "multi_thread")]
async fn a_new_report_becomes_a_response_and_a_letter() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start("section55_response", dir.path()).await?;
    let result = respond_to_a_report(&app).await;
    app.finish(result).await
}

/// Sets a form control's value as a person's choice would (date inputs and
/// selects have native pickers WebDriver cannot drive in WebKitGTK).
async fn set_value(app: &App, css: &str, value: &str) -> Result<()> {
    app.wait_for(css).await?;
    app.js(
        "const el = document.querySelector(arguments[0]);
         el.focus();
         el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![css.into(), value.into()],
    )
    .await
    .map(drop)
}

/// One history for the report: Ctrl+Z in the title undoes the last body's
/// typing, Ctrl+Shift+Z redoes it, and a removed recommendation comes back.
async fn undo_across_the_report(app: &App, third: &str) -> Result<()> {
    use boardwright_e2e::keys::{CONTROL, NULL, SHIFT};
    let reply = "#response-to-chief-constable .ProseMirror";
    let title = app.wait_for("#report-title").await?;
    title.send_keys(&format!("{CONTROL}z{NULL}")).await?;
    app.wait_text(reply, "the reply's typing undone", |t| !t.contains("Accountability Board")).await?;
    app.wait_for("#report-title").await?.send_keys(&format!("{CONTROL}{SHIFT}z{NULL}")).await?;
    app.wait_text(reply, "the reply's typing redone", |t| t.contains("Accountability Board")).await?;

    let count = || app.js("return document.querySelectorAll('ol.recommendations > li').length", vec![]);
    app.js("document.querySelector(\"button[aria-label^='Remove recommendation 3']\").click();", vec![]).await?;
    ensure!(count().await? == 2, "the third recommendation was removed");
    app.wait_for("#report-title").await?.send_keys(&format!("{CONTROL}z{NULL}")).await?;
    ensure!(count().await? == 3, "Ctrl+Z brought the third recommendation back");
    let text = app
        .js("return document.querySelector('ol.recommendations > li:nth-child(3) textarea.finding-text').value", vec![])
        .await?;
    ensure!(text == third, "the restored recommendation keeps its text: {text}");
    Ok(())
}

async fn completeness(app: &App, what: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
    app.wait_text("[data-testid=completeness]", what, pred).await
}

async fn respond_to_a_report(app: &App) -> Result<()> {
    const TITLE: &str = "Police response to domestic abuse";
    app.click("Inspections").await?;
    app.click("New inspection report").await?;
    app.type_into("#report-title", TITLE).await?;
    set_value(app, "#report-published", "2026-12-01").await?;
    app.type_into("#report-url", "https://hmicfrs.justiceinspectorates.gov.uk/publications/domestic-abuse-2026/")
        .await?;
    // The deadline is a function of the publication date alone: 56 days counting 1 December as day 1.
    app.wait_text("[data-testid=deadline]", "the last day", |t| t.contains("25 January 2027")).await?;

    let recommendations = [
        "Within three months, forces should review how they assess risk at the first call.",
        "By June 2027, forces should train all frontline officers in coercive control.",
        "The College of Policing should update its guidance on domestic abuse protection orders.",
    ];
    for (i, text) in recommendations.iter().enumerate() {
        app.click("Add recommendation").await?;
        app.type_into(&format!("ol.recommendations > li:nth-child({}) textarea.finding-text", i + 1), text).await?;
    }

    app.type_into("#commissioner-comments .ProseMirror", "I welcome this report and its focus on victims.").await?;
    app.type_into("#chief-constable-comments .ProseMirror", "The force accepts all three recommendations.").await?;
    app.type_into("#response-to-chief-constable .ProseMirror", "I will monitor progress at my Accountability Board.")
        .await?;
    undo_across_the_report(app, recommendations[2]).await?;
    app.wait_saved().await?;

    // The warning names every unanswered recommendation, and approval is not offered.
    completeness(app, "the three missing answers", |t| t.contains("1, 2 and 3")).await?;
    let approvable = app
        .js(
            "return [...document.querySelectorAll('#response-status option')]
               .filter(o => o.value === 'approved').map(o => !o.disabled)[0] ?? null;",
            vec![],
        )
        .await?;
    ensure!(approvable == false, "Approved is not offered while answers are missing (got {approvable})");

    let answers = [
        ("action", "A new risk assessment at first contact from March 2027.", "ACC Local Policing"),
        ("action", "Coercive control training for 1,200 officers by May 2027.", "Head of Learning"),
        ("no_action", "This recommendation is for the College of Policing; the force will adopt its guidance.", ""),
    ];
    for (i, (kind, text, owner)) in answers.iter().enumerate() {
        let row = format!("ol.answers > li:nth-child({})", i + 1);
        let choice = format!("{row} input[type=radio][value={kind}]");
        app.wait_for(&choice).await?.click().await?;
        if i == 0 {
            // The choice of answer is in the report's one history too.
            use boardwright_e2e::keys::{CONTROL, NULL, SHIFT};
            let checked = || app.js("return document.querySelector(arguments[0]).checked", vec![choice.clone().into()]);
            app.wait_for(&choice).await?.send_keys(&format!("{CONTROL}z{NULL}")).await?;
            ensure!(checked().await? == false, "Ctrl+Z took back the choice of answer");
            app.wait_for(&choice).await?.send_keys(&format!("{CONTROL}{SHIFT}z{NULL}")).await?;
            ensure!(checked().await? == true, "Ctrl+Shift+Z made it again");
        }
        app.type_into(&format!("{row} textarea.answer-text"), text).await?;
        if !owner.is_empty() {
            app.type_into(&format!("{row} input.answer-owner"), owner).await?;
        }
        match i {
            0 => {
                completeness(app, "two missing answers", |t| t.contains("Recommendations 2 and 3 have no answer"))
                    .await?
            }
            1 => completeness(app, "one missing answer", |t| t.contains("Recommendation 3 has no answer")).await?,
            _ => String::new(),
        };
    }
    completeness(app, "every recommendation answered", |t| t.contains("Every recommendation has an answer")).await?;
    app.wait_saved().await?;
    set_value(app, "#response-status", "approved").await?;
    app.wait_saved().await?;
    let status = app.js("return document.querySelector('#response-status').value;", vec![]).await?;
    ensure!(status == "approved", "the response is approved, got {status}");

    // Both documents, checked by independent readers.
    app.click("Export response").await?;
    let response =
        app.wait_text("[data-testid=exported-response] code", "the response's path", |t| t.ends_with(".docx")).await?;
    app.click("Export covering letter").await?;
    let letter =
        app.wait_text("[data-testid=exported-letter] code", "the letter's path", |t| t.ends_with(".docx")).await?;

    let response_path = std::path::PathBuf::from(&response);
    let text = one_line(&libreoffice_text(&response_path).map_err(anyhow::Error::msg)?);
    for expected in [
        &format!("Police and Crime Commissioner's response to HMICFRS report: {TITLE}")[..],
        "I welcome this report and its focus on victims.",
        "The force accepts all three recommendations.",
        "Recommendation Action taken or proposed Owner and target date Status",
        "A new risk assessment at first contact from March 2027.",
        "No action will be taken: This recommendation is for the College of Policing",
    ] {
        ensure!(text.contains(expected), "LibreOffice shows {expected:?} in the response:\n{text}");
    }
    let ast = pandoc_json(&response_path).map_err(anyhow::Error::msg)?;
    let mut tables = Vec::new();
    find_all(&ast, "Table", &mut tables);
    ensure!(tables.len() == 1, "one recommendations table, found {}", tables.len());
    let head = plain(&tables[0]["c"][3]);
    ensure!(head.starts_with("Recommendation Action taken"), "pandoc sees the header row: {head}");
    let info = python_docx_report(&response_path).map_err(anyhow::Error::msg)?;
    ensure!(
        info["core"]["title"]
            == format!("Police and Crime Commissioner's response to HMICFRS report: {TITLE}").as_str(),
        "python-docx sees the title property: {}",
        info["core"]["title"]
    );

    let letter_text = one_line(&libreoffice_text(std::path::Path::new(&letter)).map_err(anyhow::Error::msg)?);
    for expected in
        ["Dear Home Secretary,", TITLE, "Yours sincerely,", "cc: His Majesty's Chief Inspector of Constabulary"]
    {
        ensure!(letter_text.contains(expected), "LibreOffice shows {expected:?} in the letter:\n{letter_text}");
    }

    // The app's response is the file the CLI writes from the same stored records.
    let cli_out = response_path.with_file_name("cli-response.docx");
    let status = std::process::Command::new(cli_binary())
        .arg("--db")
        .arg(app.data.join("boardwright.sqlite"))
        .args(["report", "export", "1", "--document", "response", "-o"])
        .arg(&cli_out)
        .status()
        .context("running the CLI")?;
    ensure!(status.success(), "the CLI export failed");
    ensure!(
        std::fs::read(&cli_out)? == std::fs::read(&response_path)?,
        "the app's response and the CLI's are the same bytes"
    );

    // The dashboard lists the open response with its last day.
    app.click("Inspections").await?;
    app.wait_text("table.deadlines", "the report on the dashboard", |t| {
        t.contains(TITLE) && t.contains("25 January 2027")
    })
    .await?;
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
