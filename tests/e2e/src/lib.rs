//! The harness: start the real app (release build with the embedded UI)
//! through tauri-driver under the current X display, and drive it.
//!
//! Each [`App`] has its own data folder (database and export folder), passed
//! to the app through the environment of its tauri-driver. On failure,
//! [`App::finish`] saves a screenshot and the page source under
//! `target/e2e-artifacts/<test>/` and prints the path.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const TAB: &str = "\u{E004}";
    pub const SHIFT: &str = "\u{E008}";
    pub const CONTROL: &str = "\u{E009}";
    pub const LEFT: &str = "\u{E012}";
    pub const END: &str = "\u{E010}";
    pub const ESCAPE: &str = "\u{E00C}";
    /// Releases held modifiers.
    pub const NULL: &str = "\u{E000}";
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// The app under test: `BOARDWRIGHT_APP`, else the release build (scripts/e2e builds it with the UI embedded).
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("BOARDWRIGHT_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/release/boardwright-app"));
    if !path.exists() {
        bail!("{} is missing: run scripts/e2e, which builds it with the UI embedded", path.display());
    }
    Ok(path)
}

/// The CLI built from the same source: `BOARDWRIGHT_CLI`, else the release build.
pub fn cli_binary() -> PathBuf {
    std::env::var_os("BOARDWRIGHT_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/release/boardwright"))
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

pub struct App {
    pub client: Client,
    driver: Child,
    pub data: PathBuf,
    name: String,
}

impl App {
    /// Starts the app on the data folder `data` (created if missing).
    pub async fn start(name: &str, data: &Path) -> Result<App> {
        let app = App::start_binary(name, data, &app_binary()?).await?;
        app.wait_for("main").await?;
        Ok(app)
    }

    /// Starts the app without the export folder seam: exports go through the
    /// native save dialog, as for a user.
    pub async fn start_with_save_dialog(name: &str, data: &Path) -> Result<App> {
        let app = App::launch(name, data, &app_binary()?, false).await?;
        app.wait_for("main").await?;
        Ok(app)
    }

    /// Starts `binary` (a Tauri app) under WebDriver, with the app's environment.
    pub async fn start_binary(name: &str, data: &Path, binary: &Path) -> Result<App> {
        App::launch(name, data, binary, true).await
    }

    /// `export_seam`: exports go to `data/exports` without a dialog (BOARDWRIGHT_EXPORT_DIR).
    async fn launch(name: &str, data: &Path, binary: &Path, export_seam: bool) -> Result<App> {
        std::fs::create_dir_all(data.join("exports"))?;
        let port = free_port()?;
        let native_port = free_port()?;
        let mut driver = Command::new("tauri-driver");
        if export_seam {
            driver.env("BOARDWRIGHT_EXPORT_DIR", data.join("exports"));
        } else {
            driver.env_remove("BOARDWRIGHT_EXPORT_DIR");
        }
        let driver = driver
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("BOARDWRIGHT_DB", data.join("boardwright.sqlite"))
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(false)
            .spawn()
            .context("starting tauri-driver (cargo install tauri-driver --locked; scripts/e2e does)")?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            if Instant::now() > deadline {
                bail!("tauri-driver did not listen on port {port}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), serde_json::json!({ "application": binary.to_string_lossy() }));
        // tauri-driver listens before WebKitWebDriver behind it is ready ("webdriver server did not
        // respond"), most often right after an earlier test's driver stopped: retry for a while.
        let client = loop {
            let attempt = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(250)).await,
                Err(e) => return Err(e).context("connecting to tauri-driver"),
            }
        };
        Ok(App { client, driver, data: data.to_path_buf(), name: name.to_string() })
    }

    /// Ends a test: on failure saves a screenshot and the page source (and
    /// prints where), then quits the app either way; returns `result`.
    pub async fn finish(self, result: Result<()>) -> Result<()> {
        if let Err(e) = &result {
            let dir = self.save_artifacts().await;
            eprintln!("end-to-end test {} failed: {e:#}\nscreenshot and page source: {}", self.name, dir.display());
        }
        self.quit().await?;
        result
    }

    pub async fn save_artifacts(&self) -> PathBuf {
        let dir = workspace_root().join("target/e2e-artifacts").join(&self.name);
        let _ = std::fs::create_dir_all(&dir);
        // Each with a time limit: a wedged webview must not hang the run.
        let limit = Duration::from_secs(10);
        if let Ok(Ok(source)) = tokio::time::timeout(limit, self.client.source()).await {
            let _ = std::fs::write(dir.join("page.html"), source);
        }
        if let Ok(Ok(png)) = tokio::time::timeout(limit, self.client.screenshot()).await {
            let _ = std::fs::write(dir.join("screenshot.png"), png);
        }
        dir
    }

    /// Ends the WebDriver session (the app quits) and stops tauri-driver with SIGTERM
    /// (SIGKILL would leave WebKitWebDriver holding its port).
    pub async fn quit(mut self) -> Result<()> {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        if let Some(pid) = self.driver.id() {
            // SAFETY: sending a signal to our own child process.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) };
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), self.driver.wait()).await;
        Ok(())
    }

    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("waiting for {css}"))
    }

    /// Waits until `css` exists and its text satisfies `pred`; returns the text.
    pub async fn wait_text(&self, css: &str, what: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = String::new();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = e.text().await {
                    if pred(&text) {
                        return Ok(text);
                    }
                    last = text;
                }
            }
            if Instant::now() > deadline {
                bail!("{css}: expected {what}, last saw {last:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn button(&self, label: &str) -> Result<Element> {
        let xpath = format!("//button[normalize-space()='{label}']");
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::XPath(&xpath))
            .await
            .with_context(|| format!("waiting for the button {label:?}"))
    }

    pub async fn click(&self, label: &str) -> Result<()> {
        self.button(label).await?.click().await.with_context(|| format!("clicking {label:?}"))
    }

    /// Types into the element at `css` (after clicking it).
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let e = self.wait_for(css).await?;
        e.click().await?;
        e.send_keys(text).await.with_context(|| format!("typing into {css}"))
    }

    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> Result<serde_json::Value> {
        self.client.execute(script, args).await.map_err(|e| anyhow!("script failed: {e}"))
    }

    /// The live numbers the editor shows in section `section` (1-based).
    pub async fn numbers_of_section(&self, section: usize) -> Result<Vec<String>> {
        let v = self
            .js(
                "const card = document.querySelectorAll('.section-card')[arguments[0] - 1];
                 return card ? [...card.querySelectorAll('.numbered-paragraph')].map(p => p.getAttribute('data-number')) : null;",
                vec![section.into()],
            )
            .await?;
        serde_json::from_value(v).context("reading the numbers")
    }

    /// Closes the window as a user does (the window manager's close request),
    /// then waits for the app to exit.
    pub async fn close_window_like_a_user(&self) -> Result<()> {
        let script = workspace_root().join("tests/e2e/tools/close_window.py");
        let status = Command::new("python3").arg(script).arg("Boardwright").status().await?;
        ensure!(status.success(), "could not ask the window to close");
        Ok(())
    }

    /// Waits until the editor says every change is stored.
    pub async fn wait_saved(&self) -> Result<()> {
        self.wait_text("[data-testid=save-state]", "\"Saved …\"", |t| t.starts_with("Saved")).await.map(drop)
    }
}

/// The X window whose name is `title` (a native dialog's, the app's own), if there is one.
pub fn window_ids(title: &str) -> Result<Option<String>> {
    let out = std::process::Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .output()?;
    Ok(String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_string))
}

/// Waits (up to 15 s) for a window named `title`; its X id.
pub async fn wait_for_window(title: &str) -> Result<String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(id) = window_ids(title)? {
            // Let GTK finish mapping and filling the dialog.
            tokio::time::sleep(Duration::from_millis(500)).await;
            return Ok(id);
        }
        if Instant::now() > deadline {
            bail!("no window titled {title:?} appeared");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
