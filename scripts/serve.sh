#!/usr/bin/env bash
# Installs what is missing, builds the release widget and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No auto-reload: its inline <script> would be the only one in the page, and a strict CSP blocks it.
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
