//! The covering letter that sends the published response to the Home
//! Secretary, with a copy to HMICFRS. Names and addresses come from settings.

use boardwright_model::dates::written_out;
use boardwright_model::section55::{InspectionReport, Section55Response};
use boardwright_model::validate::is_allowed_link;
use boardwright_model::Settings;
use chrono::NaiveDate;
use docx_rs::{Docx, LineSpacing, Paragraph, Run};

use crate::blocks::{hyperlink, text_run, Part};
use crate::board_paper::{page_furniture, unnumbered_heading};
use crate::house_style as house;
use crate::workarounds::{self, CoreProperties};
use crate::{ExportOptions, WordError};

/// The .docx bytes of the covering letter, dated the day it is sent to the
/// Home Secretary if recorded, else `today`.
pub fn export_covering_letter(
    report: &InspectionReport,
    response: &Section55Response,
    settings: &Settings,
    today: NaiveDate,
    options: &ExportOptions,
) -> Result<Vec<u8>, WordError> {
    let subject = subject(report);
    let properties = CoreProperties {
        title: format!("Letter to the Home Secretary: {subject}"),
        subject: subject.clone(),
        creator: options.author.clone().unwrap_or_else(|| signatory(response, settings).0),
        created: options.created,
        modified: options.modified,
    };
    let docx = workarounds::guard("building the letter", || document(&subject, report, response, settings, today))?;
    workarounds::finish(docx, &properties)
}

fn subject(report: &InspectionReport) -> String {
    format!("Section 55 response to the {} report: {}", report.inspectorate.abbreviation(), report.title.trim())
}

/// The name and title that sign the letter: the response's sign-off, else settings.
fn signatory(response: &Section55Response, settings: &Settings) -> (String, String) {
    let pick = |own: &str, fallback: &str| {
        let own = own.trim();
        if own.is_empty() {
            fallback.trim().to_string()
        } else {
            own.to_string()
        }
    };
    let s55 = &settings.section55;
    (pick(&response.sign_off.name, &s55.commissioner_name), pick(&response.sign_off.title, &s55.commissioner_title))
}

fn document(
    subject: &str,
    report: &InspectionReport,
    response: &Section55Response,
    settings: &Settings,
    today: NaiveDate,
) -> Docx {
    let s55 = &settings.section55;
    let docx = page_furniture(house::apply(Docx::new()), &settings.default_classification);
    let mut parts = Vec::new();
    let mut sender: Vec<&str> = vec![settings.organisation.trim()];
    sender.extend(s55.organisation_address.lines());
    address_block(&mut parts, &sender);
    let date = response.progress.sent_to_home_secretary_on.unwrap_or(today);
    parts.push(line(&written_out(date)));
    let mut addressee: Vec<&str> = vec![s55.home_secretary_name.trim()];
    addressee.extend(s55.home_secretary_address.lines());
    address_block(&mut parts, &addressee);
    parts.push(line("Dear Home Secretary,"));
    parts.push(Part::Paragraph(Box::new(unnumbered_heading(subject, false))));

    let inspectorate = report.inspectorate.full_name();
    let abbreviation = report.inspectorate.abbreviation();
    let published = written_out(report.published);
    let title = report.title.trim();
    let mut opening = Paragraph::new()
        .add_run(text_run(&format!("{inspectorate} ({abbreviation}) published its report "), Run::new()));
    opening = match report.url.as_deref().map(str::trim).filter(|u| is_allowed_link(u)) {
        Some(url) => opening.add_hyperlink(hyperlink(url, title)),
        None => opening.add_run(text_run(title, Run::new().italic())),
    };
    opening = opening.add_run(text_run(&format!(" on {published}."), Run::new()));
    parts.push(Part::Paragraph(Box::new(opening)));

    let statutory = report.regime().answers_every_recommendation();
    let recommendations = report.recommendations.len();
    let mut enclosure = String::from(
        "As section 55 of the Police Act 1996 requires, I enclose my comments on the report, with the Chief \
         Constable's comments and my response to them.",
    );
    if statutory && recommendations > 0 {
        enclosure.push_str(&format!(
            " For each of the report's {recommendations} recommendation{}, the response explains the action taken or \
             proposed, or why no action has been or will be taken.",
            if recommendations == 1 { "" } else { "s" }
        ));
    }
    parts.push(line(&enclosure));

    let url = response.progress.published_url.as_deref().map(str::trim).filter(|u| is_allowed_link(u));
    let when = response.progress.published_on.map(written_out);
    let publication = match (when, url) {
        (Some(on), Some(url)) => {
            let p = Paragraph::new()
                .add_run(text_run(&format!("The response was published on {on} on my website: "), Run::new()))
                .add_hyperlink(hyperlink(url, url))
                .add_run(Run::new().add_text("."));
            Part::Paragraph(Box::new(p))
        }
        (Some(on), None) => line(&format!("The response was published on {on} on my website.")),
        (None, Some(url)) => {
            let p = Paragraph::new()
                .add_run(text_run("The response is published on my website: ", Run::new()))
                .add_hyperlink(hyperlink(url, url))
                .add_run(Run::new().add_text("."));
            Part::Paragraph(Box::new(p))
        }
        (None, None) => line("The response will be published on my website."),
    };
    parts.push(publication);
    if statutory {
        parts.push(line("A copy of this letter and of the response goes to His Majesty's Inspectorate of Constabulary and Fire & Rescue Services."));
    }

    parts.push(line("Yours sincerely,"));
    let (name, role) = signatory(response, settings);
    let spaced = Paragraph::new().line_spacing(LineSpacing::new().before(720).after(0));
    parts.push(Part::Paragraph(Box::new(spaced.add_run(text_run(&name, Run::new().bold())))));
    parts.push(line(&role));
    // Before 2 May 2017 the copy went to the Secretary of State only.
    if statutory && !s55.hmicfrs_copy_to.trim().is_empty() {
        let cc = Paragraph::new()
            .line_spacing(LineSpacing::new().before(480))
            .add_run(text_run(&format!("cc: {}", s55.hmicfrs_copy_to.trim()), Run::new()));
        parts.push(Part::Paragraph(Box::new(cc)));
    }
    workarounds::append_body(docx, parts)
}

/// Lines of an address, close together, then a gap.
fn address_block(parts: &mut Vec<Part>, lines: &[&str]) {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    for (i, text) in lines.iter().enumerate() {
        let after = if i + 1 == lines.len() { 240 } else { 0 };
        let p = Paragraph::new().line_spacing(LineSpacing::new().before(0).after(after));
        parts.push(Part::Paragraph(Box::new(p.add_run(text_run(text, Run::new())))));
    }
}

fn line(text: &str) -> Part {
    Part::Paragraph(Box::new(Paragraph::new().add_run(text_run(text, Run::new()))))
}
