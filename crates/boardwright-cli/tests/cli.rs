//! The `boardwright` binary, run for real against a real SQLite file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("store").join("boardwright.sqlite")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_boardwright"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("BOARDWRIGHT_DB")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail, and returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should have failed");
        assert!(out.stdout.is_empty() || args[0] == "check", "nothing on stdout for a failure");
        String::from_utf8(out.stderr).unwrap()
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

fn sample_json() -> serde_json::Value {
    serde_json::from_str(boardwright_model_sample()).unwrap()
}

fn boardwright_model_sample() -> &'static str {
    include_str!("../../../assets/samples/sample-board-paper.json")
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_store_offers_the_sample_paper() {
    let env = Env::new();
    let list = env.ok(&["list"]);
    assert!(list.contains("HMICFRS PEEL 2025: An inspection of Northshire Police"), "{list}");
    let show = env.ok(&["show", "1"]);
    assert!(show.contains("3.1    His Majesty"), "{show}");
}

#[test]
fn new_import_show_search_export_revisions_restore() {
    let env = Env::new();
    let id = env.ok(&["new", "--title", "Custody inspection", "--to", "Strategic Board", "--date", "2026-03-01"]);
    assert_eq!(id.trim(), "2", "the sample is paper 1");
    let show = env.ok(&["show", "2"]);
    assert!(show.contains("Date:  1 March 2026") && show.contains("5.     HMICFRS Recommendations"), "{show}");

    let mut paper = sample_json();
    paper["title"] = "Stop and search scrutiny".into();
    let file = env.write("paper.json", &paper.to_string());
    let id = env.ok(&["import", &file]).trim().to_string();
    let hits = env.ok(&["search", "scrutiny"]);
    assert!(hits.contains("Stop and search scrutiny"), "{hits}");

    let out = env.path("paper.docx");
    env.ok(&["export", &id, "-o", out.to_str().unwrap()]);
    assert_eq!(&file_bytes(&out)[..2], b"PK");

    assert!(env.ok(&["revisions", &id]).is_empty(), "a new paper has no revisions");
    paper["title"] = "Stop and search scrutiny: second draft".into();
    let file = env.write("paper.json", &paper.to_string());
    env.ok(&["update", &id, &file]);
    let revisions = env.ok(&["revisions", &id]);
    assert_eq!(revisions.lines().count(), 1, "{revisions}");
    assert!(revisions.contains("Stop and search scrutiny"), "{revisions}");
    let revision = revisions.split_whitespace().next().unwrap();
    env.ok(&["restore", &id, revision]);
    assert!(env.ok(&["show", &id]).contains("STOP AND SEARCH SCRUTINY\n"));
    assert_eq!(env.ok(&["revisions", &id]).lines().count(), 2, "the second draft is kept as a revision");
}

#[test]
fn exporting_the_same_json_twice_gives_the_same_bytes() {
    let env = Env::new();
    let sample = env.write("sample.json", boardwright_model_sample());
    let (a, b) = (env.path("a.docx"), env.path("b.docx"));
    env.ok(&["export", &sample, "-o", a.to_str().unwrap()]);
    env.ok(&["export", &sample, "-o", b.to_str().unwrap()]);
    assert!(file_bytes(&a) == file_bytes(&b));
}

#[test]
fn bad_json_is_refused_with_its_place_and_nothing_is_stored() {
    let env = Env::new();
    env.ok(&["list"]);
    let before = file_bytes(&env.db());
    let cases: Vec<(serde_json::Value, &str)> = vec![
        (
            {
                let mut v = sample_json();
                v["date"] = "2016-02-30".into();
                v
            },
            "date: 2016-02-30 is not a date",
        ),
        (
            {
                let mut v = sample_json();
                v["font"] = "Comic Sans".into();
                v
            },
            "unknown field \"font\"",
        ),
        (
            {
                let mut v = sample_json();
                v["sections"][3]["paragraphs"][1]["content"][0]["type"] = "video".into();
                v
            },
            "sections[3].paragraphs[1].content[0]: unknown block type \"video\"",
        ),
    ];
    for (json, expected) in cases {
        let file = env.write("bad.json", &json.to_string());
        let err = env.fails(&["import", &file]);
        assert!(err.contains(expected), "{err}");
        assert!(err.contains("bad.json"), "the error names the file: {err}");
    }
    let file = env.write("broken.json", "{\"schema_version\": 1, ");
    let err = env.fails(&["import", &file]);
    assert!(err.contains("broken.json: line 1 column"), "{err}");
    let err = env.fails(&["import", env.path("missing.json").to_str().unwrap()]);
    assert!(err.contains("missing.json"), "{err}");
    assert_eq!(env.ok(&["list"]).lines().count(), 1, "still only the sample");
    assert!(file_bytes(&env.db()) == before, "the database file is unchanged");
}

#[test]
fn check_lists_every_problem_and_sets_the_exit_code() {
    let env = Env::new();
    let mut paper = sample_json();
    paper["title"] = "".into();
    paper["sections"][0]["heading"] = " ".into();
    let file = env.write("problems.json", &paper.to_string());
    let out = env.run(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("title: the paper has no title"), "{stdout}");
    assert!(stdout.contains("sections[0].heading: section 1 has no heading"), "{stdout}");
    let good = env.write("good.json", boardwright_model_sample());
    assert!(env.ok(&["check", &good]).contains("no problems"));
}

#[test]
fn huge_paragraphs_and_deep_bullets_are_handled() {
    let env = Env::new();
    let mut paper = sample_json();
    paper["sections"][0]["paragraphs"][0]["content"][0]["content"][0]["text"] = "x".repeat(100_000).into();
    let mut list = serde_json::json!({"type": "bullet_list", "content": [{"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "deepest"}]}]}]});
    for _ in 0..9 {
        list = serde_json::json!({"type": "bullet_list", "content": [{"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "level"}]}, list]}]});
    }
    paper["sections"][0]["paragraphs"][0]["content"].as_array_mut().unwrap().push(list);
    let file = env.write("stress.json", &paper.to_string());
    let check = env.run(&["check", &file]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("bullets are nested 6 deep; Boardwright supports 5 levels"));
    let id = env.ok(&["import", &file]);
    let out = env.path("stress.docx");
    env.ok(&["export", id.trim(), "-o", out.to_str().unwrap()]);
    assert!(file_bytes(&out).len() > 1000);
}

#[test]
fn export_names_a_missing_folder_and_a_read_only_target() {
    let env = Env::new();
    let sample = env.write("sample.json", boardwright_model_sample());
    let missing = env.path("nowhere/paper.docx");
    let err = env.fails(&["export", &sample, "-o", missing.to_str().unwrap()]);
    assert!(err.contains("does not exist") && err.contains("nowhere"), "{err}");

    let target = env.path("locked.docx");
    std::fs::write(&target, b"keep me").unwrap();
    let mut perms = std::fs::metadata(&target).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&target, perms).unwrap();
    let err = env.fails(&["export", &sample, "-o", target.to_str().unwrap()]);
    assert!(err.contains("locked.docx is read-only"), "{err}");
    assert_eq!(file_bytes(&target), b"keep me");
}

#[test]
fn backup_and_restore_backup_round_trip() {
    let env = Env::new();
    env.ok(&["new", "--title", "Kept in the backup"]);
    let backup = env.path("backup.sqlite");
    env.ok(&["backup", backup.to_str().unwrap()]);
    env.ok(&["delete", "2"]);
    assert!(!env.ok(&["list"]).contains("Kept in the backup"));
    env.ok(&["restore-backup", backup.to_str().unwrap()]);
    assert!(env.ok(&["list"]).contains("Kept in the backup"));

    let not_a_db = env.write("notes.txt", "not a database");
    let err = env.fails(&["restore-backup", &not_a_db]);
    assert!(err.contains("notes.txt"), "{err}");
    assert!(env.ok(&["list"]).contains("Kept in the backup"), "a refused restore changes nothing");
}

#[test]
fn every_command_has_help() {
    let env = Env::new();
    for command in [
        "new",
        "templates",
        "list",
        "show",
        "import",
        "update",
        "export",
        "search",
        "revisions",
        "restore",
        "delete",
        "undelete",
        "backup",
        "restore-backup",
        "check",
    ] {
        let out = env.ok(&[command, "--help"]);
        assert!(out.contains("Usage: boardwright"), "{command} --help: {out}");
    }
    assert!(!env.db().exists(), "help opens no database");
}

#[test]
fn section55_reports_import_show_export_and_track() {
    let env = Env::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    let report = root.join("sample-inspection-report.json");
    let response = root.join("sample-section55-response.json");
    let id = env.ok(&["report", "import", report.to_str().unwrap(), "--response", response.to_str().unwrap()]);
    assert_eq!(id.trim(), "1");
    let shown = env.ok(&["report", "show", "1"]);
    assert!(shown.contains("Last day: 25 January 2027"), "{shown}");
    assert!(shown.contains("Every recommendation has an answer."), "{shown}");
    let out = env.path("response.docx");
    env.ok(&["report", "export", "1", "--document", "response", "-o", out.to_str().unwrap()]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let csv = env.ok(&["report", "tracker"]);
    assert_eq!(csv.lines().count(), 5, "a header and four findings (areas for improvement included):\n{csv}");

    // A response that breaks the approval rule is refused, and its report is not left behind.
    let gaps = env.path("gaps.json");
    std::fs::write(&gaps, r#"{"progress": {"status": "approved"}}"#).unwrap();
    let err = env.fails(&["report", "import", report.to_str().unwrap(), "--response", gaps.to_str().unwrap()]);
    assert!(err.contains("cannot be marked approved"), "{err}");
    assert_eq!(env.ok(&["report", "list"]).lines().count(), 1, "only the first report is listed");
    let bad = env.path("bad.json");
    std::fs::write(
        &bad,
        r#"{"title": "x", "published": "2026-12-01", "inspectorate": "hmicfrs", "kind": "peel", "forces": 3}"#,
    )
    .unwrap();
    let err = env.fails(&["report", "import", bad.to_str().unwrap()]);
    assert!(err.contains("bad.json: forces: "), "{err}");
}
