#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting, lints (host and wasm32), the core's
# native unit and property tests, component tests in headless Chromium, and end-to-end tests with
# Playwright against the release build in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n==== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
# The core's tests are native only (proptest needs an OS RNG), so on wasm32 the core is linted as
# the library the widget links, and the app with all its targets (component tests included).
cargo clippy -p retention-widget --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p retention-core --lib --target wasm32-unknown-unknown -- -D warnings

step "native tests (core unit + property tests, app state)"
cargo test --workspace

step "component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p retention-widget --test components
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p retention-widget --test whatif_components
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p retention-widget --test csv_components

step "release build (trunk)"
trunk build --release

step "end-to-end tests (Playwright, Chromium, dist/)"
node --test --test-concurrency=1 tests/e2e/
