//! The commands the UI invokes. Each calls the core crates and maps errors;
//! none holds business logic. Argument and result types are exported to
//! TypeScript (ui/src/lib/bindings) by ts-rs.

pub mod backup;
pub mod export;
pub mod papers;
pub mod revisions;
pub mod section55;
pub mod settings;

/// Every command, for the invoke handler (and the list in build.rs).
#[macro_export]
macro_rules! all_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::papers::list_papers,
            $crate::commands::papers::get_paper,
            $crate::commands::papers::open_paper,
            $crate::commands::papers::create_paper,
            $crate::commands::papers::duplicate_paper,
            $crate::commands::papers::save_paper,
            $crate::commands::papers::set_status,
            $crate::commands::papers::delete_paper,
            $crate::commands::papers::restore_paper,
            $crate::commands::papers::purge_paper,
            $crate::commands::papers::list_boards,
            $crate::commands::papers::search_papers,
            $crate::commands::papers::list_templates,
            $crate::commands::papers::validate_paper,
            $crate::commands::revisions::list_revisions,
            $crate::commands::revisions::get_revision,
            $crate::commands::revisions::restore_revision,
            $crate::commands::export::export_paper,
            $crate::commands::export::default_export_name,
            $crate::commands::export::open_exported,
            $crate::commands::export::reveal_exported,
            $crate::commands::backup::back_up,
            $crate::commands::backup::restore_backup,
            $crate::commands::section55::section55_overview,
            $crate::commands::section55::create_report,
            $crate::commands::section55::create_sample_report,
            $crate::commands::section55::get_report,
            $crate::commands::section55::save_report,
            $crate::commands::section55::list_report_revisions,
            $crate::commands::section55::restore_report_revision,
            $crate::commands::section55::delete_report,
            $crate::commands::section55::restore_report,
            $crate::commands::section55::create_paper_from_report,
            $crate::commands::section55::link_paper,
            $crate::commands::section55::unlink_paper,
            $crate::commands::section55::list_tracker,
            $crate::commands::section55::export_section55,
            $crate::commands::section55::export_tracker,
            $crate::commands::settings::get_settings,
            $crate::commands::settings::save_settings,
            $crate::commands::settings::app_info,
            $crate::commands::settings::get_zoom,
            $crate::commands::settings::set_zoom,
            $crate::commands::settings::enable_spelling,
            $crate::commands::settings::close_window,
            $crate::commands::settings::set_window_title,
        ]
    };
}
