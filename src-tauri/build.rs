fn main() {
    // The app's own commands, so capabilities can allow exactly these (see capabilities/default.json).
    let commands = &[
        "list_papers",
        "get_paper",
        "open_paper",
        "create_paper",
        "duplicate_paper",
        "save_paper",
        "set_status",
        "delete_paper",
        "restore_paper",
        "purge_paper",
        "list_boards",
        "search_papers",
        "list_templates",
        "validate_paper",
        "list_revisions",
        "get_revision",
        "restore_revision",
        "export_paper",
        "default_export_name",
        "open_exported",
        "reveal_exported",
        "section55_overview",
        "create_report",
        "create_sample_report",
        "get_report",
        "save_report",
        "list_report_revisions",
        "restore_report_revision",
        "delete_report",
        "restore_report",
        "create_paper_from_report",
        "link_paper",
        "unlink_paper",
        "list_tracker",
        "export_section55",
        "export_tracker",
        "get_settings",
        "save_settings",
        "app_info",
        "get_zoom",
        "set_zoom",
        "enable_spelling",
        "close_window",
    ];
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
