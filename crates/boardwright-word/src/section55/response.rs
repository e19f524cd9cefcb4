//! The published response: title, the report and a link to it, the three
//! parts the statute names, the recommendations table, the areas for
//! improvement if answered, and the sign-off.

use boardwright_model::dates::written_out;
use boardwright_model::section55::{Answer, Finding, InspectionReport, Section55Response};
use boardwright_model::validate::is_allowed_link;
use boardwright_model::{Block, NumberedParagraph, Settings};
use docx_rs::{Docx, Paragraph, Run};

use super::tables::{text_table, Cell};
use crate::blocks::{add_blocks, add_inlines, hyperlink, text_run, Part};
use crate::board_paper::{page_furniture, unnumbered_heading};
use crate::house_style::{self as house, style};
use crate::workarounds::{self, CoreProperties};
use crate::{ExportOptions, WordError};

/// Recommendation | Action taken or proposed | Owner and target date | Status: the text width of A4
/// portrait. Four columns, so that words at 12 pt are not broken inside a cell.
const WIDTHS: [usize; 4] = [2600, 2826, 2200, 1400];

/// The .docx bytes of the published response.
pub fn export_response(
    report: &InspectionReport,
    response: &Section55Response,
    settings: &Settings,
    options: &ExportOptions,
) -> Result<Vec<u8>, WordError> {
    let title = settings.section55.response_title_for(&report.title);
    let creator = options.author.clone().unwrap_or_else(|| {
        let name = response.sign_off.name.trim();
        if name.is_empty() {
            settings.organisation.trim().to_string()
        } else {
            name.to_string()
        }
    });
    let properties = CoreProperties {
        title: title.clone(),
        subject: format!("Section 55 response to {}", report.title.trim()),
        creator,
        created: options.created,
        modified: options.modified,
    };
    let docx = workarounds::guard("building the response", || document(&title, report, response, settings))?;
    workarounds::finish(docx, &properties)
}

fn document(title: &str, report: &InspectionReport, response: &Section55Response, settings: &Settings) -> Docx {
    let docx = page_furniture(house::apply(Docx::new()), &settings.default_classification);
    let mut parts = vec![paragraph(Paragraph::new().style(style::TITLE).add_run(text_run(title, Run::new())))];
    parts.push(about_the_report(report));
    if let Some(on) = response.progress.published_on {
        parts.push(plain(&format!("This response was published on {}.", written_out(on))));
    }

    parts.push(heading("The Commissioner's comments"));
    add_body(&mut parts, &response.commissioner_comments, "No comments have been written yet.");

    parts.push(heading("The Chief Constable's comments"));
    add_body(
        &mut parts,
        &response.chief_constable.comments,
        "The Chief Constable's comments have not been received yet.",
    );

    parts.push(heading("The Commissioner's response to the Chief Constable's comments"));
    add_body(&mut parts, &response.response_to_chief_constable, "No response has been written yet.");

    parts.push(heading("Recommendations"));
    if report.recommendations.is_empty() {
        parts.push(plain("The report makes no recommendations."));
    } else {
        parts.push(findings_table("Recommendation", &report.recommendations, response));
    }
    if response.include_areas_for_improvement && !report.areas_for_improvement.is_empty() {
        parts.push(heading("Areas for improvement"));
        parts.push(findings_table("Area for improvement", &report.areas_for_improvement, response));
    }

    let sign_off = &response.sign_off;
    if !sign_off.name.trim().is_empty() || !sign_off.title.trim().is_empty() {
        parts.push(plain(""));
        let name = Paragraph::new().add_run(text_run(sign_off.name.trim(), Run::new().bold()));
        parts.push(paragraph(name));
        parts.push(plain(sign_off.title.trim()));
        if let Some(date) = sign_off.date {
            parts.push(plain(&written_out(date)));
        }
    }
    workarounds::append_body(docx, parts)
}

/// "HMICFRS published <title> on <date>", the title linked to the report's page.
fn about_the_report(report: &InspectionReport) -> Part {
    let inspectorate = report.inspectorate.full_name();
    let abbreviation = report.inspectorate.abbreviation();
    let joint =
        if report.joint_with.is_empty() { String::new() } else { format!(" with {}", join_words(&report.joint_with)) };
    let mut p =
        Paragraph::new().add_run(text_run(&format!("{inspectorate} ({abbreviation}){joint} published "), Run::new()));
    let title = report.title.trim();
    p = match report.url.as_deref().map(str::trim).filter(|u| is_allowed_link(u)) {
        Some(url) => p.add_hyperlink(hyperlink(url, title)),
        None => p.add_run(text_run(title, Run::new().italic())),
    };
    p = p.add_run(text_run(&format!(" on {}.", written_out(report.published)), Run::new()));
    paragraph(p)
}

fn join_words(items: &[String]) -> String {
    let items: Vec<&str> = items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn findings_table(kind: &str, findings: &[Finding], response: &Section55Response) -> Part {
    let rows: Vec<Vec<Cell>> = findings
        .iter()
        .map(|finding| {
            let answer = response.answer_for(finding.id);
            let text = match answer.and_then(|a| a.answer.as_ref()) {
                Some(Answer::Action { text }) if !text.trim().is_empty() => text.trim().to_string(),
                Some(Answer::NoAction { reason }) if !reason.trim().is_empty() => {
                    format!("No action will be taken: {}", reason.trim())
                }
                _ => "No answer yet.".to_string(),
            };
            let owner = answer.map(|a| a.owner.trim()).filter(|o| !o.is_empty());
            let target = answer.and_then(|a| a.target_date).map(|d| format!("By {}", written_out(d)));
            let owner_and_date =
                [owner.map(String::from), target].into_iter().flatten().collect::<Vec<_>>().join("\n\n");
            vec![
                Cell { lead: Some(finding_label(kind, &finding.number)), text: finding.text.trim().to_string() },
                text.into(),
                owner_and_date.into(),
                answer.map(|a| a.status.label().to_string()).unwrap_or_else(|| "Not started".into()).into(),
            ]
        })
        .collect();
    let header = [kind, "Action taken or proposed", "Owner and target date", "Status"];
    Part::Table(Box::new(text_table(&header, &WIDTHS, &rows)))
}

/// "Recommendation 3" for a plain number; the report's own label ("AFI 2") otherwise.
fn finding_label(kind: &str, number: &str) -> String {
    let number = number.trim();
    if number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        format!("{kind} {number}")
    } else {
        number.to_string()
    }
}

/// A comment part: each paragraph unnumbered, its lists and tables after it.
fn add_body(parts: &mut Vec<Part>, body: &[NumberedParagraph], when_empty: &str) {
    let has_text = body.iter().any(|p| !boardwright_model::text::numbered_paragraph_lead(p).trim().is_empty());
    if !has_text && body.iter().all(|p| p.content.len() <= 1) {
        parts.push(plain(when_empty));
        return;
    }
    for numbered in body {
        match numbered.content.split_first() {
            Some((Block::Paragraph(first), rest)) => {
                let mut p = Paragraph::new();
                add_inlines(&mut p, &first.content);
                parts.push(paragraph(p));
                add_blocks(parts, rest, 0);
            }
            _ => add_blocks(parts, &numbered.content, 0),
        }
    }
}

fn heading(text: &str) -> Part {
    paragraph(unnumbered_heading(text, false))
}

fn plain(text: &str) -> Part {
    paragraph(Paragraph::new().add_run(text_run(text, Run::new())))
}

fn paragraph(p: Paragraph) -> Part {
    Part::Paragraph(Box::new(p))
}
