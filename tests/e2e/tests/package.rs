//! The Linux package as a user installs it: the .deb that scripts/package-deb
//! builds (its path in BOARDWRIGHT_DEB; scripts/test sets it), unpacked, its
//! metadata read with dpkg-deb, and the app it installs started in the real
//! window on a first run.

use anyhow::{ensure, Context, Result};
use boardwright_e2e::App;
use std::path::PathBuf;
use std::process::Command;

fn dpkg_deb(args: &[&str], deb: &PathBuf) -> Result<String> {
    let out = Command::new("dpkg-deb").args(args).arg(deb).output().context("running dpkg-deb")?;
    ensure!(out.status.success(), "dpkg-deb {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_deb_installs_an_app_that_starts_and_offers_the_sample_paper() -> Result<()> {
    let deb = PathBuf::from(
        std::env::var_os("BOARDWRIGHT_DEB")
            .context("BOARDWRIGHT_DEB names the .deb to check (scripts/package-deb builds it)")?,
    );
    let fields = dpkg_deb(&["--field"], &deb)?;
    let field = |name: &str| {
        fields.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_string)).unwrap_or_default()
    };
    ensure!(field("Package") == "boardwright", "package name: {:?}", field("Package"));
    let depends = field("Depends");
    for needed in ["libwebkit2gtk-4.1-0", "aspell-en"] {
        ensure!(depends.contains(needed), "the package depends on {needed}: {depends:?}");
    }
    ensure!(field("Maintainer") == "Boardwright", "maintainer: {:?}", field("Maintainer"));

    let root = tempfile::tempdir()?;
    let status = Command::new("dpkg-deb").arg("-x").arg(&deb).arg(root.path()).status()?;
    ensure!(status.success(), "unpacking {}", deb.display());
    let desktop = std::fs::read_to_string(root.path().join("usr/share/applications/Boardwright.desktop"))
        .context("the menu entry usr/share/applications/Boardwright.desktop")?;
    ensure!(desktop.lines().any(|l| l == "Exec=boardwright-app"), "the menu entry starts the app: {desktop}");
    ensure!(
        root.path().join("usr/share/icons/hicolor/128x128/apps/boardwright-app.png").exists(),
        "the package installs the app's icon"
    );

    // The installed binary, on a first run: it makes the database and offers the sample paper.
    let data = tempfile::tempdir()?;
    let app = App::start_binary("package", data.path(), &root.path().join("usr/bin/boardwright-app")).await?;
    let result = app
        .wait_text("table.papers", "the sample paper in the library", |t| t.contains("Northshire Police"))
        .await
        .map(drop);
    let result = match result {
        Ok(()) if data.path().join("boardwright.sqlite").exists() => Ok(()),
        Ok(()) => Err(anyhow::anyhow!("the first run made no database in {}", data.path().display())),
        Err(e) => Err(e),
    };
    app.finish(result).await
}
