// Model-fit benchmark: how long a survivors edit takes to reach the page in the release build
// (parse → fit constant/sBG/BdW → band → render), next to the native fit and the SciPy reference,
// so the three figures print together.
// Usage: node bench/model_fit.mjs [dist]   (after `trunk build --release`)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const dist = process.argv[2] ?? 'dist';
const EDITS = 31;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const server = await serve(join(process.cwd(), dist));
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.locator('[data-metric="sbg_alpha"][data-value]').waitFor();
// Each edit changes the last count of Fader & Hardie's cohort, so every edit is a real refit;
// timed from the input event to the DOM carrying the new α (a MutationObserver on the page's
// clock), then to the next animation frame, when the browser can paint it.
const timings = await page.evaluate(async (count) => {
  const dom = [], frame = [];
  const input = document.querySelector('input[name=survivors]');
  const alpha = () => document.querySelector('[data-metric="sbg_alpha"]').getAttribute('data-value');
  for (let i = 0; i < count; i++) {
    const before = alpha();
    const t0 = performance.now();
    const changed = new Promise((ok) => {
      const obs = new MutationObserver(() => {
        if (alpha() !== before) { obs.disconnect(); ok(performance.now()); }
      });
      obs.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    input.value = `1000, 631, 468, 382, 326, 289, 262, ${230 + (i % 2 ? i : 20 - (i % 20))}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = await changed;
    const t2 = await new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    dom.push(t1 - t0); frame.push(t2 - t0);
  }
  return { dom, frame };
}, EDITS);
console.log(`browser_model_update_ms median=${median(timings.dom).toFixed(2)} min=${Math.min(...timings.dom).toFixed(2)} max=${Math.max(...timings.dom).toFixed(2)} n=${EDITS} (survivors edit → sbg_alpha in the DOM; fit of 3 models + 1000-draw band over 24 periods + render)`);
console.log(`browser_model_update_to_frame_ms median=${median(timings.frame).toFixed(2)} n=${EDITS}`);
// Control: an edit elsewhere in the what-if (ARPU) must not refit, so it should cost the
// projection and render only.
const other = await page.evaluate(async (count) => {
  const dom = [];
  const input = document.querySelector('input[name=arpu]');
  const revenue = () => document.querySelector('[data-metric="revenue_baseline"]').getAttribute('data-value');
  for (let i = 0; i < count; i++) {
    const before = revenue();
    const t0 = performance.now();
    const changed = new Promise((ok) => {
      const obs = new MutationObserver(() => {
        if (revenue() !== before) { obs.disconnect(); ok(performance.now()); }
      });
      obs.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    input.value = String(40 + (i % 20));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    dom.push((await changed) - t0);
  }
  return dom;
}, EDITS);
console.log(`browser_arpu_update_ms median=${median(other).toFixed(2)} max=${Math.max(...other).toFixed(2)} n=${EDITS} (what-if edit, no refit)`);
await browser.close();
await server.close();

// Native: the core's own benchmark (release profile, as the workspace builds it: opt-level z).
const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (e) {
    return `${cmd} failed: ${e.message.split('\n')[0]}`;
  }
};
console.log(run('cargo', ['run', '--quiet', '--release', '-p', 'retention-core', '--example', 'bench_fit'])
  .split('\n').map((l) => `native_${l}`).join('\n'));
console.log(run('python3', ['bench/sbg_scipy.py']));
