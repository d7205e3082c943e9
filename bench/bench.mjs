// The widget's benchmark: bundle size against the empty-Yew floor, navigation → first result, and
// keystroke → updated results with a 36-row period table. Prints one line per figure.
// Usage: node bench/bench.mjs [dist] [floor-dist]
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const dist = process.argv[2] ?? 'dist';
const floorDist = process.argv[3] ?? 'bench/out/floor';
const LOADS = 20;
const KEYSTROKES = 60;

async function gzipSize(dir) {
  let raw = 0, gz = 0;
  const parts = [];
  for (const name of await readdir(dir)) {
    if (!/\.(wasm|js|css|html)$/.test(name)) continue;
    const body = await readFile(join(dir, name));
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += z;
    parts.push(`${name.replace(/-[0-9a-f]{16}/, '')}=${(z / 1024).toFixed(1)}`);
  }
  return { raw, gz, parts };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (b) => (b / 1024).toFixed(1);

const size = await gzipSize(dist);
const floor = await gzipSize(floorDist).catch(() => null);
console.log(`bundle_gzip9_kb=${kb(size.gz)} raw_kb=${kb(size.raw)} budget_kb=150 parts_kb: ${size.parts.join(' ')}`);
if (floor) console.log(`floor_empty_yew_gzip9_kb=${kb(floor.gz)} raw_kb=${kb(floor.raw)} widget_minus_floor_kb=${kb(size.gz - floor.gz)}`);

const server = await serve(join(process.cwd(), dist));
const browser = await launch();

// Navigation → first rendered result: a fresh context (empty HTTP cache) per load; the page itself
// records when the first retention value appears, on the navigation's own clock.
const loads = [];
const allPanels = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = () => document.querySelector('[data-metric="retention_rate"][data-value]');
    // The other panels mount one task after the first (App): their time is reported too.
    const all = () => document.querySelector('#panel-model [data-metric="sbg_alpha"][data-value]');
    new MutationObserver((_, obs) => {
      if (window.__firstResult === undefined && seen()) window.__firstResult = performance.now();
      if (all()) { window.__allPanels = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(server.url + '?start=20&new=5&end=24');
  await page.waitForFunction(() => window.__allPanels !== undefined);
  const t = await page.evaluate(() => [window.__firstResult, window.__allPanels]);
  loads.push(t[0]);
  allPanels.push(t[1]);
  await context.close();
}
console.log(`load_to_first_result_ms median=${median(loads).toFixed(1)} min=${Math.min(...loads).toFixed(1)} max=${Math.max(...loads).toFixed(1)} n=${LOADS} goal<=150`);
console.log(`load_to_all_panels_ms median=${median(allPanels).toFixed(1)} min=${Math.min(...allPanels).toFixed(1)} n=${LOADS} (every panel rendered, model fitted)`);

// Keystroke → updated results with 36 rows: time from the input event to the DOM carrying the new
// row churn and span figure, and to the next animation frame (when the browser can paint it).
const page = await browser.newPage();
await page.goto(server.url);
await page.locator('[data-metric="period_churn"]').first().waitFor();
while ((await page.locator('#panel-table tbody tr').count()) < 36) await page.click('button.add');
const rows = await page.locator('#panel-table tbody tr').count();
for (let r = 7; r <= rows; r++) await page.fill(`input[name=row${r}_end]`, String(1200 - r));
const timings = await page.evaluate(async (count) => {
  const dom = [], frame = [];
  const input = document.querySelector('input[name=row36_end]');
  const target = () => document.querySelector('[data-metric="weighted_mean_churn"]');
  for (let i = 0; i < count; i++) {
    const before = target().getAttribute('data-value');
    const t0 = performance.now();
    const changed = new Promise((ok) => {
      const obs = new MutationObserver(() => {
        if (target().getAttribute('data-value') !== before) { obs.disconnect(); ok(performance.now()); }
      });
      obs.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    input.value = String(1100 - (i % 50));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = await changed;
    const t2 = await new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    dom.push(t1 - t0); frame.push(t2 - t0);
  }
  return { dom, frame };
}, KEYSTROKES);
console.log(`keystroke_to_dom_ms median=${median(timings.dom).toFixed(2)} max=${Math.max(...timings.dom).toFixed(2)} rows=${rows} n=${KEYSTROKES} goal<=16`);
console.log(`keystroke_to_next_frame_ms median=${median(timings.frame).toFixed(2)} rows=${rows} n=${KEYSTROKES}`);

await browser.close();
await server.close();
