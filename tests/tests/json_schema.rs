//! docs/board-paper.schema.json agrees with the model: what Boardwright writes
//! validates, and what it refuses, the schema refuses too. Checked by the
//! `jsonschema` Python package, an independent reader.

use std::path::{Path, PathBuf};
use std::process::Command;

use boardwright_tests::fixtures::large_paper;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn check(files: &[PathBuf]) -> Vec<String> {
    let out = Command::new("python3")
        .arg(root().join("tests/readers/schema_check.py"))
        .arg(root().join("docs/board-paper.schema.json"))
        .args(files)
        .output()
        .expect("python3 runs (scripts/test installs jsonschema)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

#[test]
fn shipped_and_serialised_papers_validate_and_bad_ones_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("written.json");
    let mut paper = large_paper(2, 5);
    paper.front_sheet.classification = boardwright_model::Classification::OfficialSensitive;
    paper.front_sheet.publication = boardwright_model::Publication::NotForPublication { reason: "FOIA s31".into() };
    std::fs::write(&written, serde_json::to_string(&paper).unwrap()).unwrap();

    let mut bad = serde_json::to_value(&paper).unwrap();
    bad["sections"][0]["paragraphs"][0]["content"][1] = serde_json::json!({"type": "video"});
    let bad_file = dir.path().join("bad.json");
    std::fs::write(&bad_file, bad.to_string()).unwrap();

    let files = [
        root().join("assets/samples/sample-board-paper.json"),
        root().join("assets/templates/blank.json"),
        root().join("assets/templates/hmicfrs-inspection.json"),
        written,
        bad_file.clone(),
    ];
    let results = check(&files);
    assert_eq!(results.len(), files.len());
    for (file, result) in files[..4].iter().zip(&results) {
        assert_eq!(result, &format!("ok {}", file.display()));
    }
    assert!(results[4].starts_with(&format!("invalid {}", bad_file.display())), "{}", results[4]);
    // And the model refuses the same document.
    assert!(boardwright_model::paper_from_value(&bad).is_err());
}
