//! The commands, invoked through Tauri's IPC layer (mock runtime, no display)
//! against a real SQLite file, with the app's real config and capabilities.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

struct App {
    _dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    export_dir: std::path::PathBuf,
}

fn start() -> App {
    let dir = tempfile::tempdir().unwrap();
    // Read by the app's setup; the tests hold SERIAL, so one app at a time sees it.
    std::env::set_var(boardwright_app::DB_ENV, dir.path().join("boardwright.sqlite"));
    let export_dir = dir.path().join("exports");
    std::fs::create_dir(&export_dir).unwrap();
    let app = started();
    let window = app.get_webview_window("main").expect("the config makes the main window");
    App { _dir: dir, _app: app, window, export_dir }
}

/// The app built as `main` builds it, with its setup run (the mock runtime runs it on the first iteration).
fn started() -> tauri::App<MockRuntime> {
    let mut app = boardwright_app::configure(mock_builder()).build(tauri::generate_context!()).unwrap();
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    app
}

impl App {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.invoke_with(cmd, InvokeBody::Json(args), Default::default())
    }

    fn invoke_with(&self, cmd: &str, body: InvokeBody, headers: tauri::http::HeaderMap) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body,
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    /// save_paper as the UI calls it: the paper's JSON as the body, the id and autosave flag as headers.
    fn save_paper(&self, id: &Value, paper: &Value, autosave: bool) -> Result<Value, Value> {
        let mut headers = tauri::http::HeaderMap::new();
        headers.insert("x-paper-id", id.to_string().parse().unwrap());
        headers.insert("x-autosave", autosave.to_string().parse().unwrap());
        self.invoke_with("save_paper", InvokeBody::Raw(paper.to_string().into_bytes()), headers)
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

/// The env var for the database is process-wide: run the tests one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn the_first_run_offers_the_sample_and_papers_round_trip() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    let page = app.ok("list_papers", json!({"query": {}}));
    assert_eq!((page["papers"].as_array().unwrap().len(), &page["total"]), (1, &json!(1)), "{page}");
    assert_eq!(page["papers"][0]["title"], "HMICFRS PEEL 2025: An inspection of Northshire Police");

    app.ok("save_settings", json!({"settings": {"organisation": "Northshire Police", "default_from": "Chief Constable", "boards": ["Strategic Board"]}}));
    let id = app.ok("create_paper", json!({"template": "hmicfrs-inspection", "title": "Custody"}));
    let stored = app.ok("get_paper", json!({"id": id}));
    assert_eq!(stored["paper"]["from"], "Chief Constable", "settings fill a new paper");
    assert_eq!(stored["paper"]["to"], "Strategic Board");
    assert_eq!(stored["paper"]["sections"].as_array().unwrap().len(), 8);

    // The editor opens a paper with its problems, the same the validator gives for it.
    let untitled = app.ok("create_paper", json!({"template": "hmicfrs-inspection"}));
    let opened = app.ok("open_paper", json!({"id": untitled}));
    let problems = app.ok("validate_paper", json!({"paper": opened["stored"]["paper"]}));
    assert!(problems.as_array().is_some_and(|p| !p.is_empty()), "an untitled paper has problems: {problems}");
    assert_eq!(opened["problems"], problems);
    app.ok("delete_paper", json!({"id": untitled}));
    app.ok("purge_paper", json!({"id": untitled}));

    let mut paper = stored["paper"].clone();
    paper["title"] = "Custody inspection".into();
    paper["sections"][0]["paragraphs"][0]["content"][0] =
        json!({"type": "paragraph", "content": [{"type": "text", "text": "Detention officers"}]});
    let saved = app.save_paper(&id, &paper, true).unwrap_or_else(|e| panic!("save_paper failed: {e}"));
    assert!(saved["revision"].is_number());
    assert_eq!(
        saved["problems"],
        json!([{"path": "bibliography[0].text", "message": "a bibliography row needs its text"}]),
        "the template's empty Source Document row is reported with the save"
    );
    let mut untitled = paper.clone();
    untitled["title"] = "".into();
    let problems = app.ok("validate_paper", json!({"paper": untitled}));
    assert_eq!(problems[0], json!({"path": "title", "message": "the paper has no title"}));
    let hits = app.ok("search_papers", json!({"text": "detention"}));
    assert_eq!(hits[0]["title"], "Custody inspection");
    let boards = app.ok("list_boards", json!({}));
    assert_eq!(boards[0], "Strategic Board");

    let revisions = app.ok("list_revisions", json!({"id": id}));
    assert_eq!(revisions.as_array().unwrap().len(), 1);
    app.ok("restore_revision", json!({"id": id, "revision": revisions[0]["id"]}));
    assert_eq!(app.ok("get_paper", json!({"id": id}))["paper"]["title"], "Custody");
}

#[test]
fn the_zoom_is_kept_and_bounded() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    assert_eq!(app.ok("get_zoom", json!({})), json!(1.0));
    assert_eq!(app.ok("set_zoom", json!({"factor": 2.0})), json!(2.0));
    let err = app.invoke("set_zoom", json!({"factor": 9.0})).unwrap_err();
    assert_eq!(err["code"], "invalid_settings", "{err}");
    assert!(err["message"].as_str().unwrap().contains("outside 0.5–3"), "{err}");
    assert_eq!(app.ok("get_zoom", json!({})), json!(2.0), "a refused zoom changes nothing");
}

#[test]
fn errors_carry_a_code_and_name_the_place() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    let err = app.invoke("get_paper", json!({"id": 999})).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(err["message"], "there is no paper 999");

    let mut paper = app.ok("get_paper", json!({"id": 1}))["paper"].clone();
    paper["sections"][3]["paragraphs"][1]["content"][0]["type"] = "video".into();
    let err = app.save_paper(&json!(1), &paper, false).unwrap_err();
    assert_eq!(err["code"], "invalid_document");
    assert_eq!(err["message"], "sections[3].paragraphs[1].content[0]: unknown block type \"video\"");
    let err = app.invoke_with("save_paper", InvokeBody::Raw(b"{\"title\": ".to_vec()), {
        let mut h = tauri::http::HeaderMap::new();
        h.insert("x-paper-id", "1".parse().unwrap());
        h
    });
    assert_eq!(err.unwrap_err()["code"], "invalid_document", "broken JSON is refused");
    let err = app.invoke("save_paper", json!({"id": 1, "paper": paper, "autosave": false})).unwrap_err();
    assert_eq!(err["code"], "invalid_document", "the paper as an argument is refused: {err}");
    let err = app.invoke_with("save_paper", InvokeBody::Raw(paper.to_string().into_bytes()), Default::default());
    assert!(err.unwrap_err()["message"].as_str().unwrap().contains("x-paper-id"), "a missing id names the header");
    assert_eq!(app.ok("list_revisions", json!({"id": 1})).as_array().unwrap().len(), 0, "nothing was saved");

    let err = app.invoke("save_settings", json!({"settings": {"colour": "red"}})).unwrap_err();
    assert_eq!(err["code"], "invalid_settings");
    let err = app.invoke("open_exported", json!({"path": "/etc/passwd"})).unwrap_err();
    assert_eq!(err["code"], "not_exported");
    app.ok("enable_spelling", json!({}));
    app.ok("enable_spelling", json!({}));
}

#[test]
fn export_writes_the_same_file_as_the_word_crate() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    let target = app.export_dir.join("paper.docx");
    let result = app.ok("export_paper", json!({"id": 1, "path": target.to_str().unwrap()}));
    assert_eq!(result["path"], target.to_str().unwrap());
    let stored =
        boardwright_store::Store::open(&std::path::PathBuf::from(std::env::var_os(boardwright_app::DB_ENV).unwrap()))
            .unwrap()
            .get_paper(1)
            .unwrap();
    let options =
        boardwright_word::ExportOptions { author: None, created: stored.created_at, modified: stored.updated_at };
    let expected = boardwright_word::export_board_paper(&stored.paper, &options).unwrap();
    assert!(std::fs::read(&target).unwrap() == expected, "the app's file is the Word crate's, byte for byte");
    let name = app.ok("default_export_name", json!({"id": 1}));
    assert_eq!(name, "2026-11-12 HMICFRS PEEL 2025 - An inspection of Northshire Police.docx");

    let err = app.invoke("export_paper", json!({"id": 1, "path": app.export_dir.join("missing/x.docx")})).unwrap_err();
    assert_eq!(err["code"], "export_folder_missing");
}

#[test]
fn a_backup_restores_the_papers_it_held_and_a_bad_file_is_refused() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    let backup = app.export_dir.join("monday.sqlite");
    let result = app.ok("back_up", json!({"path": backup.to_str().unwrap()}));
    assert_eq!(result["path"], backup.to_str().unwrap());

    // A paper written after the backup goes when the backup is restored, and stays in the safety copy.
    let id = app.ok("create_paper", json!({"template": "blank", "title": "Written on Tuesday"}));
    let titles = |app: &App| -> Vec<String> {
        let page = app.ok("list_papers", json!({"query": {}}));
        page["papers"].as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(titles(&app).len(), 2);
    let restored = app.ok("restore_backup", json!({"path": backup.to_str().unwrap()}));
    assert_eq!(restored["restored_from"], backup.to_str().unwrap());
    assert_eq!(titles(&app), ["HMICFRS PEEL 2025: An inspection of Northshire Police"]);
    assert_eq!(app.invoke("get_paper", json!({"id": id})).unwrap_err()["code"], "not_found");
    let safety = std::path::PathBuf::from(restored["safety_copy"].as_str().unwrap());
    let kept = boardwright_store::Store::open(&safety).unwrap();
    assert_eq!(kept.get_paper(id.as_i64().unwrap()).unwrap().paper.front_sheet.title, "Written on Tuesday");

    // Not a database: refused with its own code (not the app's "database unavailable"), nothing changed.
    let text = app.export_dir.join("notes.sqlite");
    std::fs::write(&text, "a text file that happens to end in .sqlite, long enough for a header").unwrap();
    let err = app.invoke("restore_backup", json!({"path": text.to_str().unwrap()})).unwrap_err();
    assert_eq!(err["code"], "backup_refused", "{err}");
    assert!(err["message"].as_str().unwrap().contains("notes.sqlite"), "the message names the file: {err}");
    assert_eq!(titles(&app), ["HMICFRS PEEL 2025: An inspection of Northshire Police"]);

    let err = app.invoke("back_up", json!({"path": text.join("b.sqlite")})).unwrap_err();
    assert_eq!(err["code"], "backup_failed", "a file where the folder should be: {err}");
    assert!(err["message"].as_str().unwrap().contains("notes.sqlite"), "the message names the place: {err}");
}

#[test]
fn a_newer_database_is_refused_with_a_clear_code() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.sqlite");
    make_newer_database(&db);
    let before = std::fs::read(&db).unwrap();
    std::env::set_var(boardwright_app::DB_ENV, &db);
    let app = started();
    let window = app.get_webview_window("main").expect("the config makes the main window");
    let wrapped = App { _dir: dir, _app: app, window, export_dir: Default::default() };
    let err = wrapped.invoke("list_papers", json!({"query": {}})).unwrap_err();
    assert_eq!(err["code"], "database_unavailable");
    assert!(err["message"].as_str().unwrap().contains("newer version of Boardwright"), "{err}");
    assert!(std::fs::read(&db).unwrap() == before, "the newer database is not altered");
}

/// A database from "the future": made by this build, then its version raised
/// (the user version is the big-endian u32 at byte 60 of SQLite's header).
fn make_newer_database(path: &std::path::Path) {
    drop(boardwright_store::Store::open(path).unwrap());
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_section55_response_goes_from_a_new_report_to_both_documents() {
    let _guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let app = start();
    let id = app.ok("create_report", json!({"title": "Vetting and counter-corruption"}));
    let view = app.ok("get_report", json!({"id": id}));
    assert_eq!(view["stored"]["report"]["title"], "Vetting and counter-corruption");
    assert_eq!(view["check"]["regime"]["regime"], "statutory56_days", "{}", view["check"]);

    let mut report = view["stored"]["report"].clone();
    report["published"] = "2026-12-01".into();
    report["recommendations"] = json!([
        {"id": 1, "number": "1", "text": "Vet all staff.", "addressed_to": "forces"},
        {"id": 2, "number": "2", "text": "Audit the systems.", "addressed_to": "forces"},
    ]);
    let mut response = view["stored"]["response"].clone();
    let saved = app.ok("save_report", json!({"id": id, "report": report, "response": response}));
    assert_eq!(saved["check"]["deadline"]["last_day"], "2027-01-25");
    assert_eq!(saved["check"]["completeness"]["missing_recommendations"], json!(["1", "2"]));

    // Approving with gaps is refused with its own code, and nothing is written.
    response["progress"]["status"] = "approved".into();
    response["commissioner_comments"] = json!([{"type": "numbered_paragraph", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Lost?"}]}]}]);
    let err = app.invoke("save_report", json!({"id": id, "report": report, "response": response})).unwrap_err();
    assert_eq!(err["code"], "section55_rule", "{err}");
    assert!(err["message"].as_str().unwrap().contains("recommendations 1, 2 have no answer"), "{err}");
    let stored = app.ok("get_report", json!({"id": id}));
    assert_eq!(stored["stored"]["response"]["progress"]["status"], "draft");

    response["answers"] = json!([
        {"finding": 1, "answer": {"kind": "action", "text": "Everyone re-vetted by June."}, "owner": "Head of PSD", "target_date": "2027-06-30", "status": "in_progress"},
        {"finding": 2, "answer": {"kind": "no_action", "reason": "Audited in 2026."}, "status": "no_action"},
    ]);
    let saved = app.ok("save_report", json!({"id": id, "report": report, "response": response}));
    assert_eq!(saved["check"]["completeness"]["approval"]["may_approve"], true);

    // A malformed response names its place.
    let err = app
        .invoke(
            "save_report",
            json!({"id": id, "report": report, "response": {"answers": [{"finding": 1, "status": "done"}]}}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid_document");
    assert!(err["message"].as_str().unwrap().starts_with("response.answers[0].status: "), "{err}");

    for document in ["response", "letter"] {
        let target = app.export_dir.join(format!("{document}.docx"));
        let result =
            app.ok("export_section55", json!({"id": id, "document": document, "path": target.to_str().unwrap()}));
        assert_eq!(result["path"], target.to_str().unwrap());
        assert!(std::fs::read(&target).unwrap().starts_with(b"PK"), "{document} is a zip");
    }
    let overview = app.ok("section55_overview", json!({}));
    assert_eq!(overview["open"][0]["report_id"], id);
    let rows = app.ok("list_tracker", json!({}));
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["owner"], "Head of PSD");
    let csv = app.export_dir.join("tracker.csv");
    app.ok("export_tracker", json!({"rows": rows, "format": "csv", "path": csv.to_str().unwrap()}));
    assert!(std::fs::read_to_string(&csv).unwrap().contains("Head of PSD"));

    let revisions = app.ok("list_report_revisions", json!({"id": id}));
    assert_eq!(revisions.as_array().unwrap().len(), 1, "one revision per five minutes of saves: {revisions}");
    app.ok("restore_report_revision", json!({"id": id, "revision": revisions[0]["id"]}));
    let restored = app.ok("get_report", json!({"id": id}));
    assert_eq!(restored["stored"]["report"]["recommendations"], json!([]), "the version before the first save");
    app.ok("save_report", json!({"id": id, "report": report, "response": response}));

    let paper = app.ok("create_paper_from_report", json!({"id": id}));
    let linked = app.ok("get_report", json!({"id": id}));
    assert_eq!(linked["stored"]["papers"][0]["id"], paper);
    let linked = app.ok("link_paper", json!({"id": id, "paper": 1}));
    assert_eq!(linked.as_array().unwrap().len(), 2, "the sample paper linked too: {linked}");
    let linked = app.ok("unlink_paper", json!({"id": id, "paper": 1}));
    assert_eq!(linked[0]["id"], paper);
    let err = app.invoke("link_paper", json!({"id": id, "paper": 999})).unwrap_err();
    assert_eq!(err["code"], "not_found");
    let paper = app.ok("get_paper", json!({"id": paper}));
    assert_eq!(paper["paper"]["title"], "VETTING AND COUNTER-CORRUPTION");

    let sample = app.ok("create_sample_report", json!({}));
    let sample = app.ok("get_report", json!({"id": sample}));
    assert_eq!(sample["stored"]["response"]["progress"]["status"], "approved");
    assert_eq!(sample["check"]["completeness"]["missing_recommendations"], json!([]));
}
