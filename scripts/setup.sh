#!/usr/bin/env bash
# Installs everything the widget's build and tests need on a fresh machine of this kind, and skips
# in seconds what is already there at the right version. See ../shared/toolchain.md for why each
# piece comes from where it does (only crates.io, npm, PyPI and Debian are reachable).
#
#   scripts/setup.sh          build tools (serve)
#   scripts/setup.sh --test   build tools + Chromium/chromedriver (tests, benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_browser=false
[ "${1:-}" = "--test" ] && want_browser=true

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen version the lock file resolved.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version (about 3 minutes)"
  # --locked fails here on a yanked transitive dependency (toolchain.md).
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# wasm-opt (binaryen 132) and playwright-core come from npm; the stamp skips npm when unchanged.
if [ ! -f node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  say "installing npm packages (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
  touch node_modules/.setup-stamp
fi

if $want_browser && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium and chromedriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Trunk runs cargo with --offline, so every crate must be in the local registry first.
cargo fetch --quiet
say "ready"
