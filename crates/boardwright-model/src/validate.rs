//! What a user must fix before a paper goes to the board: every problem,
//! each with its place, never only the first.

use serde::Serialize;
use ts_rs::TS;

use crate::paper::*;
use crate::MAX_BULLET_DEPTH;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Problem {
    /// Where, in the JSON's terms: `sections[2].heading`.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { path: path.into(), message: message.into() });
    }
}

/// Links a published paper may carry: web pages and e-mail addresses.
pub fn is_allowed_link(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"].iter().find_map(|scheme| lower.strip_prefix(scheme));
    matches!(rest, Some(r) if !r.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}

pub fn validate(paper: &BoardPaper) -> Vec<Problem> {
    let mut problems = Problems::default();
    let front = &paper.front_sheet;
    if front.title.trim().is_empty() {
        problems.add("title", "the paper has no title");
    }
    if front.to.trim().is_empty() {
        problems.add("to", "say which board the paper is for");
    }
    if front.from.trim().is_empty() {
        problems.add("from", "say who the paper is from (the author's role)");
    }
    if let Some(meeting) = front.meeting_date {
        if meeting < front.date {
            problems.add("meeting_date", "the meeting is before the paper's date");
        }
    }
    if let Publication::NotForPublication { reason } = &front.publication {
        if reason.trim().is_empty() {
            problems.add("publication.reason", "say why the paper is not for publication (the exemption relied on)");
        }
    }
    if paper.sections.is_empty() {
        problems.add("sections", "the paper has no sections");
    }
    for (s, section) in paper.sections.iter().enumerate() {
        let path = format!("sections[{s}]");
        if section.heading.trim().is_empty() {
            problems.add(format!("{path}.heading"), format!("section {} has no heading", s + 1));
        }
        if section.paragraphs.is_empty() {
            problems.add(format!("{path}.paragraphs"), format!("section {} has no paragraphs", s + 1));
        }
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            check_blocks(&mut problems, &format!("{path}.paragraphs[{p}].content"), &paragraph.content, 0);
        }
    }
    for (i, entry) in paper.bibliography.iter().enumerate() {
        let path = format!("bibliography[{i}]");
        if entry.label.trim().is_empty() {
            problems.add(format!("{path}.label"), "a bibliography row needs a label, e.g. \"Source Document\"");
        }
        if entry.text.trim().is_empty() {
            problems.add(format!("{path}.text"), "a bibliography row needs its text");
        }
        if let Some(link) = &entry.link {
            check_link(&mut problems, &format!("{path}.link"), link);
        }
    }
    if let Some(officer) = &paper.contact_officer {
        if officer.name.trim().is_empty() {
            problems.add("contact_officer.name", "the contact officer needs a name");
        }
        if let Some(email) = &officer.email {
            let valid = email.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            if !valid {
                problems.add("contact_officer.email", format!("{email} is not an e-mail address"));
            }
        }
    }
    for (a, appendix) in paper.appendices.iter().enumerate() {
        let path = format!("appendices[{a}]");
        if appendix.title.trim().is_empty() {
            problems.add(format!("{path}.title"), format!("appendix {} has no title", a + 1));
        }
        check_blocks(&mut problems, &format!("{path}.content"), &appendix.content, 0);
    }
    problems.0
}

/// `depth` is the bullet depth of `blocks` (0 outside any bullet list).
fn check_blocks(problems: &mut Problems, path: &str, blocks: &[Block], depth: usize) {
    for (i, block) in blocks.iter().enumerate() {
        let path = format!("{path}[{i}]");
        match block {
            Block::Paragraph(p) => check_inlines(problems, &format!("{path}.content"), &p.content),
            Block::BulletList(list) => {
                let depth = depth + 1;
                if depth > MAX_BULLET_DEPTH {
                    problems.add(
                        path.clone(),
                        format!("bullets are nested {depth} deep; Boardwright supports {MAX_BULLET_DEPTH} levels"),
                    );
                    // One problem for the whole over-deep list, not one per level below it.
                    continue;
                }
                for (j, item) in list.content.iter().enumerate() {
                    check_blocks(problems, &format!("{path}.content[{j}].content"), &item.content, depth);
                }
            }
            Block::Table(table) => check_table(problems, &path, table),
        }
    }
}

fn check_table(problems: &mut Problems, path: &str, table: &Table) {
    let Some(header) = table.content.first() else {
        problems.add(path, "the table is empty");
        return;
    };
    let width = header.content.len();
    if width == 0 {
        problems.add(format!("{path}.content[0]"), "the table's header row has no cells");
    }
    if table.content.len() < 2 {
        problems.add(path, "the table has a header row but no rows of data");
    }
    for (r, row) in table.content.iter().enumerate() {
        if row.content.len() != width {
            problems.add(
                format!("{path}.content[{r}]"),
                format!("row {} has {} cells but the header row has {width}", r + 1, row.content.len()),
            );
        }
        for (c, cell) in row.content.iter().enumerate() {
            for (p, para) in cell.content.iter().enumerate() {
                check_inlines(
                    problems,
                    &format!("{path}.content[{r}].content[{c}].content[{p}].content"),
                    &para.content,
                );
            }
        }
    }
    let blank = |cell: &TableCell| cell.content.iter().all(|p| crate::text::inline_text(&p.content).trim().is_empty());
    if header.content.iter().any(blank) {
        problems.add(format!("{path}.content[0]"), "every header cell needs a heading (screen readers announce it)");
    }
}

fn check_inlines(problems: &mut Problems, path: &str, inlines: &[Inline]) {
    for (i, inline) in inlines.iter().enumerate() {
        if let Inline::Text { text, marks } = inline {
            for (m, mark) in marks.iter().enumerate() {
                if let Mark::Link { attrs } = mark {
                    let at = format!("{path}[{i}].marks[{m}].attrs.href");
                    check_link(problems, &at, &attrs.href);
                    let visible = text.trim();
                    if visible.eq_ignore_ascii_case("click here") || visible.eq_ignore_ascii_case("here") {
                        problems.add(
                            format!("{path}[{i}]"),
                            format!("link text \"{visible}\" does not say where the link goes"),
                        );
                    }
                }
            }
        }
    }
}

fn check_link(problems: &mut Problems, path: &str, href: &str) {
    if !is_allowed_link(href) {
        problems.add(path, format!("\"{href}\" is not a web (http/https) or mailto link"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::paper_from_value;
    use serde_json::json;

    fn text(t: &str) -> serde_json::Value {
        json!({"type": "paragraph", "content": [{"type": "text", "text": t}]})
    }

    fn nested_bullets(depth: usize) -> serde_json::Value {
        let mut list = json!({"type": "bullet_list", "content": [{"type": "list_item", "content": [text("deepest")]}]});
        for _ in 1..depth {
            list = json!({"type": "bullet_list", "content": [{"type": "list_item", "content": [text("level"), list]}]});
        }
        list
    }

    fn paper_with(section_content: Vec<serde_json::Value>) -> BoardPaper {
        paper_from_value(&json!({
            "schema_version": 1, "to": "Board", "from": "Chief Constable", "date": "2026-01-01", "title": "T",
            "sections": [{"heading": "Purpose", "paragraphs": [{"type": "numbered_paragraph", "content": section_content}]}]
        }))
        .unwrap()
    }

    #[test]
    fn a_good_paper_has_no_problems() {
        let paper = paper_with(vec![text("Fine."), nested_bullets(MAX_BULLET_DEPTH)]);
        assert_eq!(validate(&paper), vec![]);
    }

    #[test]
    fn lists_every_problem_with_its_place() {
        let mut paper = paper_with(vec![
            text("x"),
            json!({"type": "paragraph", "content": [
                {"type": "text", "text": "bad", "marks": [{"type": "link", "attrs": {"href": "javascript:alert(1)"}}]}
            ]}),
            nested_bullets(10),
        ]);
        paper.front_sheet.title = "  ".into();
        paper.sections.push(Section { heading: String::new(), guidance: None, paragraphs: vec![] });
        let problems: Vec<String> = validate(&paper).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "title: the paper has no title",
                "sections[0].paragraphs[0].content[1].content[0].marks[0].attrs.href: \"javascript:alert(1)\" is not a web (http/https) or mailto link",
                "sections[0].paragraphs[0].content[2].content[0].content[1].content[0].content[1].content[0].content[1].content[0].content[1].content[0].content[1]: bullets are nested 6 deep; Boardwright supports 5 levels",
                "sections[1].heading: section 2 has no heading",
                "sections[1].paragraphs: section 2 has no paragraphs",
            ]
        );
    }

    #[test]
    fn tables_need_equal_rows_and_a_header() {
        let cell = |t: &str| json!({"type": "table_cell", "content": [text(t)]});
        let paper = paper_with(vec![
            text("x"),
            json!({"type": "table", "content": [
                {"type": "table_row", "content": [cell("A"), cell("")]},
                {"type": "table_row", "content": [cell("1")]}
            ]}),
        ]);
        let problems: Vec<String> = validate(&paper).iter().map(|p| p.message.clone()).collect();
        assert_eq!(
            problems,
            [
                "row 2 has 1 cells but the header row has 2",
                "every header cell needs a heading (screen readers announce it)"
            ]
        );
    }

    #[test]
    fn allows_only_web_and_mail_links() {
        assert!(is_allowed_link("https://www.justiceinspectorates.gov.uk/hmicfrs/"));
        assert!(is_allowed_link("mailto:someone@example.org"));
        assert!(!is_allowed_link("file:///etc/passwd"));
        assert!(!is_allowed_link("https://"));
        assert!(!is_allowed_link("javascript:alert(1)"));
    }
}
