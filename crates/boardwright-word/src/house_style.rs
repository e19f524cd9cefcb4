//! The house style: page, fonts, paragraph styles and numbering definitions.
//! Measurements are in twentieths of a point (twips) unless named otherwise.

use docx_rs::*;

pub const FONT: &str = "Arial";
/// 12 pt, in half-points.
pub const BODY_SIZE: usize = 24;
pub const A4_WIDTH: u32 = 11_906;
pub const A4_HEIGHT: u32 = 16_838;
pub const MARGIN: i32 = 1_440;
/// The width between the margins.
pub const TEXT_WIDTH: usize = (A4_WIDTH as usize) - 2 * (MARGIN as usize);
/// Where numbered text starts (after "1." or "1.1") and the header block's tab stop.
pub const NUMBER_INDENT: i32 = 720;
pub const FRONT_SHEET_TAB: usize = 1_985;
/// Each bullet level sits this much further in.
pub const BULLET_STEP: i32 = 360;

/// Style ids (Word's built-in ids where one exists, so Word and screen readers recognise them).
pub mod style {
    pub const TITLE: &str = "Title";
    pub const HEADING_1: &str = "Heading1";
    pub const NUMBERED: &str = "NumberedParagraph";
    pub const CONTINUATION: &str = "BodyTextIndent";
    pub const BULLET: &str = "ListBullet";
    pub const TABLE_TEXT: &str = "TableText";
    pub const FRONT_SHEET: &str = "FrontSheet";
    pub const HEADER: &str = "Header";
    pub const FOOTER: &str = "Footer";
    pub const HYPERLINK: &str = "Hyperlink";
}

/// Numbering instance ids. docx-rs always writes its own abstract numbering
/// and num 1, so ours start at 2 (see `workarounds`).
pub const PAPER_NUMBERING: usize = 2;
pub const BULLET_NUMBERING: usize = 3;

pub fn apply(docx: Docx) -> Docx {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let docx = docx
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(708).footer(708))
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().before(0).after(120).line(264).line_rule(LineSpacingType::Auto))
        .default_tab_stop(720);
    let docx = styles().into_iter().fold(docx, |d, s| d.add_style(s));
    numberings(docx)
}

fn styles() -> Vec<Style> {
    let spaced = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let mut title = Style::new(style::TITLE, StyleType::Paragraph)
        .name("Title")
        .based_on("Normal")
        .next("Normal")
        .bold()
        .size(28)
        .line_spacing(spaced(240, 240));
    // Capitals by formatting, so the stored title (and the file's title property) keeps its case.
    title.run_property = title.run_property.caps();
    let mut heading = Style::new(style::HEADING_1, StyleType::Paragraph)
        .name("heading 1")
        .based_on("Normal")
        .next(style::NUMBERED)
        .bold()
        .size(BODY_SIZE)
        .outline_lvl(0)
        .line_spacing(spaced(240, 120));
    heading.paragraph_property = heading.paragraph_property.keep_next(true);
    vec![
        title,
        heading,
        Style::new(style::NUMBERED, StyleType::Paragraph).name("Numbered Paragraph").based_on("Normal"),
        Style::new(style::CONTINUATION, StyleType::Paragraph).name("Body Text Indent").based_on("Normal").indent(
            Some(NUMBER_INDENT),
            None,
            None,
            None,
        ),
        Style::new(style::BULLET, StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .line_spacing(spaced(0, 60)),
        Style::new(style::TABLE_TEXT, StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .line_spacing(spaced(40, 40)),
        Style::new(style::FRONT_SHEET, StyleType::Paragraph)
            .name("Front Sheet")
            .based_on("Normal")
            .line_spacing(spaced(0, 60)),
        Style::new(style::HEADER, StyleType::Paragraph).name("header").based_on("Normal").align(AlignmentType::Center),
        Style::new(style::FOOTER, StyleType::Paragraph).name("footer").based_on("Normal").align(AlignmentType::Center),
        Style::new(style::HYPERLINK, StyleType::Character).name("Hyperlink").color("0563C1").underline("single"),
    ]
}

fn numberings(docx: Docx) -> Docx {
    let level = |ilvl: usize, fmt: &str, text: &str, left: i32, hanging: i32| {
        Level::new(ilvl, Start::new(1), NumberFormat::new(fmt), LevelText::new(text), LevelJc::new("left")).indent(
            Some(left),
            Some(SpecialIndentType::Hanging(hanging)),
            None,
            None,
        )
    };
    // Sections "1." and paragraphs "1.1": level 1 restarts after each level 0 item (Word's default).
    let paper = AbstractNumbering::new(PAPER_NUMBERING)
        .add_level(level(0, "decimal", "%1.", NUMBER_INDENT, NUMBER_INDENT))
        .add_level(level(1, "decimal", "%1.%2", NUMBER_INDENT, NUMBER_INDENT));
    let symbols = ["\u{2022}", "\u{2013}", "\u{25AA}", "\u{2022}", "\u{2013}"];
    let bullets = symbols.iter().enumerate().fold(AbstractNumbering::new(BULLET_NUMBERING), |n, (i, symbol)| {
        let left = NUMBER_INDENT + BULLET_STEP * (i as i32 + 1);
        n.add_level(level(i, "bullet", symbol, left, BULLET_STEP))
    });
    docx.add_abstract_numbering(paper)
        .add_numbering(Numbering::new(PAPER_NUMBERING, PAPER_NUMBERING))
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING))
}
