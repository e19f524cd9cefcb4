//! The decoder's tests: what it reads, and the place each error names.

use super::*;
use serde_json::json;

fn minimal() -> Value {
    json!({
        "schema_version": 1,
        "to": "Business Coordination Board",
        "from": "Chief Constable",
        "date": "2016-02-25",
        "title": "HMIC Inspection",
        "sections": [
            {"heading": "Purpose", "paragraphs": [
                {"type": "numbered_paragraph", "content": [
                    {"type": "paragraph", "content": [{"type": "text", "text": "To inform."}]}
                ]}
            ]}
        ]
    })
}

fn decode_err(v: Value) -> String {
    paper_from_value(&v).unwrap_err().to_string()
}

#[test]
fn reads_a_minimal_paper() {
    let paper = paper_from_value(&minimal()).unwrap();
    assert_eq!(paper.front_sheet.title, "HMIC Inspection");
    assert_eq!(paper.sections[0].paragraphs.len(), 1);
    assert_eq!(paper.front_sheet.classification, Classification::None);
    assert_eq!(paper.front_sheet.publication, Publication::ForPublication);
}

#[test]
fn names_the_place_of_an_unknown_block_type() {
    let mut v = minimal();
    v["sections"][0]["paragraphs"][0]["content"].as_array_mut().unwrap().push(json!({"type": "video", "src": "x"}));
    assert_eq!(decode_err(v), "sections[0].paragraphs[0].content[1]: unknown block type \"video\"");
}

#[test]
fn names_an_impossible_date() {
    let mut v = minimal();
    v["date"] = json!("2016-02-30");
    assert_eq!(decode_err(v), "date: 2016-02-30 is not a date (expected YYYY-MM-DD)");
}

#[test]
fn rejects_unknown_fields_at_every_level() {
    let mut v = minimal();
    v["colour"] = json!("red");
    assert_eq!(decode_err(v), "unknown field \"colour\"");
    let mut v = minimal();
    v["sections"][0]["paragraphs"][0]["content"][0]["content"][0]["font"] = json!("Comic Sans");
    assert_eq!(decode_err(v), "sections[0].paragraphs[0].content[0].content[0]: unknown field \"font\"");
}

#[test]
fn rejects_unknown_marks_deep_in_nested_bullets() {
    let mut v = minimal();
    v["sections"][0]["paragraphs"][0]["content"].as_array_mut().unwrap().push(json!(
        {"type": "bullet_list", "content": [
            {"type": "list_item", "content": [
                {"type": "paragraph", "content": [{"type": "text", "text": "a"}]},
                {"type": "bullet_list", "content": [
                    {"type": "list_item", "content": [
                        {"type": "paragraph", "content": [{"type": "text", "text": "b", "marks": [{"type": "blink"}]}]}
                    ]}
                ]}
            ]}
        ]}
    ));
    assert_eq!(
        decode_err(v),
        "sections[0].paragraphs[0].content[1].content[0].content[1].content[0].content[0].content[0].marks[0]: \
         unknown mark \"blink\" (expected bold, italic, underline or link)"
    );
}

#[test]
fn reports_malformed_json_with_its_position() {
    let e = paper_from_json("{\"schema_version\": 1,,}").unwrap_err();
    assert_eq!(e.path, "line 1 column 22");
    assert!(e.message.starts_with("not valid JSON"), "{e}");
}

#[test]
fn refuses_newer_schema_versions_and_wrong_types() {
    let mut v = minimal();
    v["schema_version"] = json!(7);
    assert!(decode_err(v).starts_with("schema_version: 7 is newer"));
    let mut v = minimal();
    v["title"] = json!(12);
    assert_eq!(decode_err(v), "title: expected a string, found a number");
    let mut v = minimal();
    v["sections"] = json!({});
    assert_eq!(decode_err(v), "sections: expected an array, found an object");
}

#[test]
fn rejects_merged_cells_and_lowercase_markings() {
    let mut v = minimal();
    v["sections"][0]["paragraphs"][0]["content"].as_array_mut().unwrap().push(json!(
        {"type": "table", "content": [{"type": "table_row", "content": [
            {"type": "table_cell", "attrs": {"colspan": 2}, "content": []}
        ]}]}
    ));
    assert_eq!(
        decode_err(v),
        "sections[0].paragraphs[0].content[1].content[0].content[0].attrs.colspan: merged cells are not allowed (they make tables inaccessible)"
    );
    let mut v = minimal();
    v["classification"] = json!("official <script>");
    assert!(decode_err(v).starts_with("classification: \"official <script>\" is not a classification marking"));
}

#[test]
fn a_numbered_paragraph_begins_with_text() {
    let mut v = minimal();
    v["sections"][0]["paragraphs"][0]["content"] =
        json!([{"type": "bullet_list", "content": [{"type": "list_item", "content": [{"type": "paragraph"}]}]}]);
    assert_eq!(
        decode_err(v),
        "sections[0].paragraphs[0].content[0]: a numbered paragraph must begin with a paragraph of text"
    );
}

#[test]
fn serialising_then_reading_gives_the_same_paper() {
    let mut v = minimal();
    v["classification"] = json!("OFFICIAL-SENSITIVE");
    v["publication"] = json!({"status": "not_for_publication", "reason": "FOIA s31"});
    v["bibliography"] = json!([{"label": "Source Document", "text": "Report", "link": "https://example.org/r"}]);
    v["contact_officer"] = json!({"name": "Supt Jane Smith", "email": "jane@example.org"});
    let paper = paper_from_value(&v).unwrap();
    let again = paper_from_value(&serde_json::to_value(&paper).unwrap()).unwrap();
    assert_eq!(paper, again);
}
