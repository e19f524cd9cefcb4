# Shared by scripts/run and scripts/test: install what is missing, quietly.
# Debian/Ubuntu; run as root or with sudo available.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# need_apt COMMAND-OR-FILE PACKAGE...: installs PACKAGEs unless COMMAND is on PATH (or FILE exists).
need_apt() {
  local probe="$1"; shift
  if command -v "$probe" >/dev/null 2>&1 || [ -e "$probe" ]; then return 0; fi
  echo "==> installing $* (for $probe)"
  if [ "$APT_UPDATED" -eq 0 ]; then
    sudo_if_needed apt-get update -qq
    APT_UPDATED=1
  fi
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo is missing: install Rust with rustup (https://rustup.rs), then run this again" >&2
    exit 1
  fi
  need_apt cc build-essential
  need_apt pkg-config pkg-config
}

# What the Tauri shell builds against (WebKitGTK and friends).
need_tauri_build_deps() {
  need_apt /usr/include/webkitgtk-4.1/webkit2/webkit2.h libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev file librsvg2-dev
  # The British English dictionary WebKitGTK spell-checks with: aspell's (src-tauri/src/spelling.rs says why).
  need_apt /var/lib/aspell/en-common.rws aspell-en
}

# Node and the UI's packages, then its build (ui/dist, which the app embeds).
need_ui() {
  need_apt node nodejs npm
  if [ ! -d "$ROOT/ui/node_modules" ] || [ "$ROOT/ui/package-lock.json" -nt "$ROOT/ui/node_modules/.package-lock.json" ]; then
    echo "==> npm ci (ui)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd "$ROOT/ui" && npm run --silent build)
}

# The independent readers the tests check the .docx with.
need_docx_checkers() {
  need_apt soffice libreoffice-writer fonts-liberation fonts-dejavu-core
  need_apt pandoc pandoc
  need_apt pdftotext poppler-utils
  if ! python3 -c "import docx, jsonschema" >/dev/null 2>&1; then
    echo "==> installing python-docx and jsonschema"
    python3 -m pip install --quiet --disable-pip-version-check python-docx jsonschema 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-docx jsonschema 2>/dev/null \
      || need_apt /usr/lib/python3/dist-packages/docx python3-docx python3-jsonschema
  fi
}

# Everything the real-window runs need: WebKitWebDriver, Xvfb, tauri-driver,
# python-xlib, and release builds of the app (UI embedded) and the CLI.
prepare_real_window() {
  need_rust
  need_tauri_build_deps
  need_docx_checkers
  need_apt WebKitWebDriver webkit2gtk-driver
  need_apt xvfb-run xvfb xauth
  # Types into the native save dialog, which WebDriver cannot reach (tests/e2e/tests/save_dialog.rs).
  need_apt xdotool xdotool
  if ! python3 -c 'import Xlib' >/dev/null 2>&1; then
    echo "==> installing python-xlib (closes the window as a window manager would)"
    python3 -m pip install --quiet --disable-pip-version-check python-xlib 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-xlib 2>/dev/null \
      || need_apt /usr/lib/python3/dist-packages/Xlib python3-xlib
  fi
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "==> cargo install tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
  need_ui
  cd "$ROOT"
  echo "==> release build of the app (UI embedded) and the CLI"
  cargo build --release --quiet -p boardwright-app --features custom-protocol
  cargo build --release --quiet -p boardwright-cli
}
