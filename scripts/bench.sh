#!/usr/bin/env bash
# The benchmark command: builds the release widget and the empty-Yew floor, then prints size and
# speed figures (bench/bench.mjs). Record the output in docs/BENCHMARKS.md with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release >/dev/null
(cd bench/floor && trunk build --release --dist ../out/floor >/dev/null)
echo "date=$(date -u +%Y-%m-%dT%H:%MZ) rustc=$(rustc --version | cut -d' ' -f2) chromium=$(chromium --version | cut -d' ' -f2)"
node bench/bench.mjs dist bench/out/floor
node bench/model_fit.mjs dist
# Issue 3: a ~50 MB activity file in the browser against pandas and DuckDB (both pip packages).
python3 -c 'import pandas, duckdb' 2>/dev/null || pip install -q pandas duckdb
node bench/csv_browser.mjs dist bench/out/act50.csv
