// Issue 3's benchmark: a ~50 MB raw activity file read by the widget in headless Chromium (release
// dist/), against pandas and DuckDB (single-threaded) on the same file and the core's native speed.
// Prints one line per figure. Usage: node bench/csv_browser.mjs [dist] [activity.csv]
// The file is generated once (deterministic, seed 42) under the gitignored bench/out/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const dist = process.argv[2] ?? 'dist';
const file = resolve(process.argv[3] ?? 'bench/out/act50.csv');
const RUNS = 3;

if (!existsSync(file)) {
  mkdirSync('bench/out', { recursive: true });
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'retention-core', '--example', 'gen_activity', '--', '50', '42', file], { stdio: 'inherit' });
}
const bytes = statSync(file).size;
const mb = bytes / 1e6;

const server = await serve(join(process.cwd(), dist));
const browser = await launch();
const runs = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(server.url + '?panels=csv');
  await page.locator('#csv-paste').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { window.__longest = Math.max(window.__longest, e.duration); window.__long.push(Math.round(e.duration)); }
    }).observe({ type: 'longtask' });
    // The clock starts when the input reports the chosen file (capture phase: before the widget).
    document.addEventListener('change', (e) => { if (e.target.id === 'csv-file') window.__chosen = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__shown === undefined && document.querySelector('#cohort-heatmap [data-metric="cohort_active"]')) {
        window.__shown = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  let heap = 0;
  const sampler = setInterval(async () => {
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    } catch { /* the page may be busy or closing */ }
  }, 100);
  await page.setInputFiles('#csv-file', file);
  await page.locator('#cohort-heatmap').waitFor({ timeout: 300000 });
  await page.waitForTimeout(200);
  clearInterval(sampler);
  const r = await page.evaluate(async () => {
    // wasm-bindgen's init returns the already-instantiated exports, memory included.
    const href = document.querySelector('link[rel="modulepreload"][href$=".js"]').href;
    const wasm = await (await import(href)).default();
    return {
      ms: window.__shown - window.__chosen,
      longest: window.__longest,
      long: window.__long,
      wasmBytes: wasm.memory.buffer.byteLength,
      rows: Number(document.querySelector('[data-metric="rows_parsed"]').dataset.value),
      cells: document.querySelectorAll('#cohort-heatmap [data-metric="cohort_active"]').length,
    };
  });
  runs.push({ ...r, heap });
  await context.close();
}
await browser.close();
await server.close();

const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
const median = [...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1];
const widgetS = median.ms / 1000;
console.log(`widget_file_to_triangle_s median=${widgetS.toFixed(3)} best=${(best.ms / 1000).toFixed(3)} n=${RUNS} file_mb=${mb.toFixed(1)} rows=${median.rows} cells=${median.cells} mb_per_s=${(mb / widgetS).toFixed(1)}`);
console.log(`widget_longest_task_ms max=${Math.max(...runs.map((r) => r.longest)).toFixed(0)} goal<200 long_tasks_last_run=[${runs.at(-1).long.join(',')}]`);
console.log(`widget_memory wasm_linear_mb=${(Math.max(...runs.map((r) => r.wasmBytes)) / 1e6).toFixed(1)} js_heap_peak_mb=${(Math.max(...runs.map((r) => r.heap)) / 1e6).toFixed(1)} file_mb=${mb.toFixed(1)} goal<=3x_file`);

const py = spawnSync('python3', ['bench/reference_pandas_duckdb.py', file], { encoding: 'utf8' });
const pandas = Number(/pandas seconds=([\d.]+)/.exec(py.stdout)?.[1]);
const duckdb = Number(/duckdb seconds=([\d.]+)/.exec(py.stdout)?.[1]);
if (py.status !== 0) console.log(`reference failed: ${py.stderr.trim().split('\n').at(-1)}`);
console.log(`pandas_s=${pandas.toFixed(3)} duckdb_1thread_s=${duckdb.toFixed(3)} ${py.stdout.includes('agree: True') ? 'cells_agree' : 'cells_disagree'}`);
console.log(`ratio widget/pandas=${(widgetS / pandas).toFixed(2)} (goal<1) widget/duckdb=${(widgetS / duckdb).toFixed(2)} (goal<=1.5)`);

const native = spawnSync('cargo', ['run', '-q', '--release', '-p', 'retention-core', '--example', 'bench_ingest', '--', file], { encoding: 'utf8' });
const line = native.stdout.split('\n').find((l) => l.startsWith('core_ingest')) ?? native.stderr.trim();
console.log(`native ${line}`);
