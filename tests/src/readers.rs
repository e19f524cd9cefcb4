//! Independent readers of a .docx: LibreOffice, pdftotext, pandoc and
//! python-docx, each started for real. A missing tool is an error that says
//! how to install it (scripts/test does), never a silent skip.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(program: &str, args: &[&str], cwd: &Path) -> Result<String, String> {
    let output = Command::new(program).args(args).current_dir(cwd).output().map_err(|e| {
        format!("could not start {program} ({e}); install it with scripts/test, which installs every checker")
    })?;
    if !output.status.success() {
        return Err(format!(
            "{program} {args:?} failed ({}):\n{}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Converts `docx` with headless LibreOffice (its own profile, so runs can overlap) and returns the new file.
fn soffice_convert(docx: &Path, filter: &str, extension: &str) -> Result<PathBuf, String> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let profile = format!("-env:UserInstallation=file://{}", work.path().join("profile").display());
    let out_dir = docx.parent().ok_or("the .docx has no folder")?;
    let docx_arg = docx.to_string_lossy().into_owned();
    let out_arg = out_dir.to_string_lossy().into_owned();
    run("soffice", &[&profile, "--headless", "--convert-to", filter, "--outdir", &out_arg, &docx_arg], out_dir)?;
    let converted = docx.with_extension(extension);
    if !converted.exists() {
        return Err(format!("LibreOffice wrote no {}", converted.display()));
    }
    Ok(converted)
}

/// LibreOffice's text export: the only reader that prints list labels ("3.1").
pub fn libreoffice_text(docx: &Path) -> Result<String, String> {
    let txt = soffice_convert(docx, "txt:Text (encoded):UTF8", "txt")?;
    std::fs::read_to_string(&txt).map_err(|e| e.to_string()).map(|t| t.trim_start_matches('\u{feff}').to_string())
}

/// LibreOffice's PDF, read back by `pdftotext -layout`; also returns the PDF's path.
pub fn libreoffice_pdf_text(docx: &Path) -> Result<(PathBuf, String), String> {
    let pdf = soffice_convert(docx, "pdf", "pdf")?;
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let text = run("pdftotext", &["-layout", &pdf_arg, "-"], Path::new("/"))?;
    Ok((pdf, text))
}

/// pandoc's JSON AST of the document.
pub fn pandoc_json(docx: &Path) -> Result<serde_json::Value, String> {
    let arg = docx.to_string_lossy().into_owned();
    let json = run("pandoc", &["-f", "docx", "-t", "json", &arg], Path::new("/"))?;
    serde_json::from_str(&json).map_err(|e| format!("pandoc's JSON: {e}"))
}

/// What python-docx sees (see readers/python_docx_report.py).
pub fn python_docx_report(docx: &Path) -> Result<serde_json::Value, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("readers").join("python_docx_report.py");
    let script = script.to_string_lossy().into_owned();
    let arg = docx.to_string_lossy().into_owned();
    let json = run("python3", &[&script, &arg], Path::new("/"))?;
    serde_json::from_str(&json).map_err(|e| format!("python-docx report: {e}"))
}

/// Every node of pandoc's JSON AST whose tag (`t`) is `tag`, depth first.
pub fn find_all<'v>(v: &'v serde_json::Value, tag: &str, out: &mut Vec<&'v serde_json::Value>) {
    match v {
        serde_json::Value::Object(map) => {
            if map.get("t").and_then(serde_json::Value::as_str) == Some(tag) {
                out.push(v);
            }
            map.values().for_each(|c| find_all(c, tag, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|c| find_all(c, tag, out)),
        _ => {}
    }
}

/// The words of a pandoc AST node, joined by single spaces.
pub fn plain(v: &serde_json::Value) -> String {
    let mut words = Vec::new();
    let mut strs = Vec::new();
    find_all(v, "Str", &mut strs);
    for s in strs {
        words.push(s["c"].as_str().unwrap_or_default().to_string());
    }
    words.join(" ")
}
