// End-to-end tests of the CSV panel (issue 3) against the release build: each input shape pasted,
// messy real-world CSV, refusals with their place, hostile text, files chosen and dropped, a
// ~5 MB activity file with progress and Cancel, downloads, and screenshots.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, metric, open } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const SHOTS = 'tests/e2e/screenshots';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, strict, browser, page;
const pageErrors = [];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve();
  strict = await serve(undefined, { 'content-security-policy': CSP });
  browser = await launch();
});

beforeEach(async () => {
  await page?.context().close();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), strict?.close()]);
  assert.deepEqual(pageErrors, [], 'no page errors or panics');
});

const close = (a, b, tol = 1e-12) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} ≉ ${b}`);
const cell = (name, cohort, k) => `[data-metric="${name}"][data-cohort="${cohort}"][data-period="${k}"]`;

async function paste(text, query = '?panels=csv,table') {
  await page.goto(server.url + query);
  await page.locator('#csv-paste').waitFor();
  await page.fill('#csv-paste', text);
}

/** The whole triangle as { cohort: [active k=0, 1, …] } read from the DOM contract. */
async function triangle(name = 'cohort_active') {
  return page.evaluate((name) => {
    const out = {};
    for (const el of document.querySelectorAll(`[data-metric="${name}"][data-cohort]`)) {
      const c = el.dataset.cohort, k = Number(el.dataset.period);
      (out[c] ??= [])[k] = el.hasAttribute('data-value') ? Number(el.dataset.value) : null;
    }
    return out;
  }, name);
}

// Written out by hand: months Jan–Mar 2024.
// Cohort 2024-01 = {a, b}: Feb only a, Mar a and b.  Cohort 2024-02 = {c, d}: Mar only d.
// Revenue 2024-01: k0 = 10 + 5, k1 = 12 (a, capped at a's 10 for GRR), k2 = 12 + 5.
const ACTIVITY = `customer,date,amount
a,2024-01-05,10
a,2024-02-10,12
a,2024-03-01,12
b,2024-01-20,5
b,2024-03-15,5
c,2024-02-02,8
c,2024-02-20,2
d,2024-02-28,20
d,2024-03-31,30
`;

test('raw activity pasted: the hand-computed triangle, unfinished diagonal, NRR and GRR', async () => {
  await paste(ACTIVITY);
  await page.locator('#cohort-heatmap').waitFor();
  assert.deepEqual(await triangle(), { '2024-01': [2, 1, 2], '2024-02': [2, 1] });
  assert.deepEqual(await triangle('cohort_retention_k'), { '2024-01': [1, 0.5, 1], '2024-02': [1, 0.5] });
  assert.equal(await metric(page, 'cohort_size', '[data-cohort="2024-02"]'), 2);
  assert.equal(await metric(page, 'rows_parsed'), 9);
  assert.equal(await metric(page, 'rows_skipped'), 0);
  assert.match(await page.locator('.read-as').innerText(), /Read as: raw activity, 9 rows used, 0 rows skipped, 3 columns/);
  // The newest period (March) is unfinished in both cohorts: marked by class and in words.
  const open = page.locator('td.unfinished');
  assert.equal(await open.count(), 2);
  assert.match(await open.first().innerText(), /unfinished/);
  assert.equal(await page.locator(`td:has(${cell('cohort_active', '2024-01', 1)})`).getAttribute('class'), 'heat h5');
  // Absolute view: counts shown, shares still in the DOM.
  await page.check('#csv-view-absolute');
  assert.equal((await page.locator(`${cell('cohort_active', '2024-01', 0)}`).innerText()).trim(), '2');
  close(await metric(page, 'cohort_retention_k', '[data-cohort="2024-01"][data-period="1"]'), 0.5);
  // "k or later": b came back in March, so both were still customers at k = 1.
  await page.check('#csv-view-percent');
  await page.check('#csv-basis-unbounded');
  assert.deepEqual(await triangle('cohort_retention_unbounded_k'), { '2024-01': [1, 1, 1], '2024-02': [1, 0.5] });
  // Revenue.
  assert.deepEqual(await triangle('cohort_revenue'), { '2024-01': [15, 12, 17], '2024-02': [30, 30] });
  close(await metric(page, 'nrr', ':not([data-cohort])'), 12 / 15);
  close(await metric(page, 'grr', ':not([data-cohort])'), 10 / 15);
  close(await metric(page, 'nrr', '[data-cohort="2024-01"]'), 12 / 15);
  assert.equal(await page.locator('[data-metric="nrr"][data-cohort="2024-01"]').getAttribute('data-period'), '1');
  // 2024-02 has no complete period after its first yet.
  assert.equal(await metric(page, 'nrr', '[data-cohort="2024-02"]'), null);
  // The chart: one faint line per cohort and the bold average.
  assert.equal(await page.locator('#cohort-curves .cohort-lines polyline').count(), 2);
  assert.equal(await page.locator('#cohort-curves polyline.average').count(), 1);
  close(await metric(page, 'average_retention_unbounded', '[data-period="1"]'), 1);
});

test('a period table fills the period table', async () => {
  await paste('period;start;new;end\nQ1;1000;120;1040\nQ2;;110;1065\nQ3;;130;1110\n');
  await page.locator('#csv-filled-table').waitFor();
  assert.equal(await page.locator('#panel-table tbody tr').count(), 3);
  assert.equal(await page.inputValue('input[name=row1_label]'), 'Q1');
  assert.equal(await page.inputValue('input[name=row3_end]'), '1110');
  // Row 1: (1040 − 120) / 1000.
  close(await metric(page, 'period_retention', '[data-period="1"]'), 0.92);
});

test('a long cohort table with revenue: counts only, so "k or later" and GRR are unavailable', async () => {
  await paste('cohort,period,active,revenue\n2024-01,0,100,1000\n2024-01,1,60,900\n2024-01,2,50,1100\n2024-02,0,80,800\n2024-02,1,40,400\n2024-03,0,90,950\n');
  await page.locator('#cohort-heatmap').waitFor();
  assert.deepEqual(await triangle(), { '2024-01': [100, 60, 50], '2024-02': [80, 40], '2024-03': [90] });
  assert.ok(await page.locator('#csv-basis-unbounded').isDisabled());
  assert.match(await page.locator('#csv-later-unavailable').innerText(), /table of counts/);
  // March is the newest, unfinished period, so k = 1 is finished only for 2024-01: 900 / 1000.
  close(await metric(page, 'nrr', ':not([data-cohort])'), 0.9);
  assert.equal(await page.locator('.headline-period').first().getAttribute('data-period'), '1');
  assert.equal(await metric(page, 'grr', ':not([data-cohort])'), null);
});

test('a wide cohort table in percentages of a size column', async () => {
  await paste('cohort,size,0,1,2\n2024-01,200,100%,45%,30%\n2024-02,100,100%,50%,\n');
  await page.locator('#cohort-heatmap').waitFor();
  assert.deepEqual(await triangle(), { '2024-01': [200, 90, 60], '2024-02': [100, 50] });
  assert.equal(await metric(page, 'cohort_size', '[data-cohort="2024-01"]'), 200);
});

test('messy input: BOM, semicolons, decimal commas, quoted fields, DD.MM.YYYY', async () => {
  const messy = '\uFEFFcustomer_id;date;amount\n' +
    '"a";05.01.2024;"10,50"\n' +
    '"a";13.02.2024;"1.200,00"\n' +
    '"b;x";20.01.2024;5\n' +
    '"c";01.02.2024;"7,25"\n';
  await paste(messy);
  await page.locator('#cohort-heatmap').waitFor();
  // 2024-01 = {a, "b;x"}: Feb only a.  2024-02 = {c}.
  assert.deepEqual(await triangle(), { '2024-01': [2, 1], '2024-02': [1] });
  assert.deepEqual(await triangle('cohort_revenue'), { '2024-01': [15.5, 1200], '2024-02': [7.25] });
  assert.match(await page.locator('.read-as').innerText(), /separated by “;”/);
});

test('ambiguous dates ask which comes first; the answer rebuilds the triangle', async () => {
  await paste('customer,date\na,01/02/2024\na,03/04/2024\nb,02/03/2024\n');
  await page.locator('#csv-day-first').waitFor();
  assert.match(await page.locator('#csv-status').innerText(), /day\/month and month\/day/);
  await page.click('#csv-day-first');
  await page.locator('#cohort-heatmap').waitFor();
  // Day first: a = 1 Feb, 3 Apr; b = 2 Mar. Cohort 2024-02 = {a}, 2024-03 = {b}.
  assert.deepEqual(Object.keys(await triangle()).sort(), ['2024-02', '2024-03']);
  assert.deepEqual((await triangle())['2024-02'], [1, 0, 1]);
});

test('a mostly broken paste is refused, with each row, column and text shown', async () => {
  await paste('customer,date\na,2024-01-05\nb,soon\nc,2024-13-01\nd,\n');
  const status = page.locator('#csv-status');
  await status.locator('.csv-problem').first().waitFor();
  assert.match(await status.innerText(), /3 of 4 data rows cannot be read/);
  const first = status.locator('.csv-problem').first();
  assert.equal(await first.getAttribute('data-row'), '3');
  assert.equal(await first.getAttribute('data-column'), '2');
  assert.match(await first.innerText(), /Row 3, column 2 “date”: not a date — soon/);
  assert.match(await status.locator('.csv-problem').nth(1).innerText(), /no such day — 2024-13-01/);
  assert.equal(await metric(page, 'rows_skipped'), 3);
  assert.equal(await page.locator('#cohort-heatmap').count(), 0);
});

test('HTML in a CSV is shown as text, never as elements', async () => {
  const evil = '<img src=x onerror=alert(1)><b>bold</b>';
  await paste(`cohort,period,active\n"${evil}",0,10\n"${evil}",1,5\n2024-02,0,x\n`);
  await page.locator('#cohort-heatmap').waitFor();
  assert.equal(await page.locator('#panel-csv img, #panel-csv b').count(), 0);
  assert.equal(await page.locator('#cohort-heatmap tbody th').first().innerText(), evil);
  await page.fill('#csv-paste', `customer,date\n${evil},2024-01-01\nx,${evil}\ny,${evil}\n`);
  await page.locator('.csv-problem').first().waitFor();
  assert.equal(await page.locator('#panel-csv img, #panel-csv b').count(), 0);
  assert.equal(await page.locator('.csv-problem code').first().innerText(), evil);
});

test('a chosen file is read; the triangle CSV download defuses formulas', async () => {
  await open(page, server.url);
  const csv = 'cohort,period,active\n=HYPERLINK("http://x"),0,10\n=HYPERLINK("http://x"),1,4\n+2024-02,0,5\n';
  await page.setInputFiles('#csv-file', { name: 'cohorts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#cohort-heatmap').waitFor();
  assert.match(await page.locator('.csv-file-name').innerText(), /cohorts\.csv/);
  await page.check('#csv-view-absolute');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export-csv')]);
  assert.equal(download.suggestedFilename(), 'cohort-triangle.csv');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'cohort,size,0,1,unfinished_from');
  assert.equal(lines[1], '"\'=HYPERLINK(""http://x"")",10,10,4,1');
  assert.match(lines[2], /^'\+2024-02,5,5,,0$/);
});

test('chart downloads: SVG is a standalone file, PNG is drawn on a canvas (also under the strict CSP)', async () => {
  for (const base of [server.url, strict.url]) {
    await page.goto(base + '?panels=csv');
    await page.locator('#csv-paste').waitFor();
    await page.fill('#csv-paste', ACTIVITY);
    await page.locator('#cohort-curves').waitFor();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export-svg')]);
    const markup = await readFile(await svg.path(), 'utf8');
    assert.match(markup, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((markup.match(/<polyline/g) ?? []).length, 3);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export-png')]);
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG signature');
    assert.equal(bytes.readUInt32BE(16), 960, 'PNG width');
  }
});

/** A deterministic activity CSV of about `mb` megabytes (LCG-driven; no randomness). */
function activityFile(mb) {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const lines = ['customer_id,date,amount'];
  let size = 24;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const customer = next() % 20000;
    const start = customer % 12;
    const month = Math.min(11, start + (next() % 6));
    const line = `C${String(customer).padStart(6, '0')},2024-${String(month + 1).padStart(2, '0')}-${String(1 + (next() % 28)).padStart(2, '0')},${(next() % 10000) / 100}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('a ~5 MB activity file loads with a progress bar, without long tasks; Cancel stops a load', async () => {
  const file = activityFile(5);
  // A path, not a buffer: Playwright would otherwise build the File in the page's main thread.
  const path = join(tmpdir(), `retention-activity-${process.pid}.csv`);
  await writeFile(path, file);
  await open(page, server.url);
  await page.evaluate(() => {
    window.__seen = { progress: false, max: 0 };
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    new MutationObserver(() => {
      const bar = document.querySelector('#csv-progress-bar');
      if (bar) { window.__seen.progress = true; window.__seen.max = Math.max(window.__seen.max, Number(bar.value)); }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const t0 = Date.now();
  await page.setInputFiles('#csv-file', path);
  await page.locator('#cohort-heatmap').waitFor({ timeout: 60000 });
  const ms = Date.now() - t0;
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.progress, 'the progress bar was shown');
  assert.ok(seen.max > 0, 'the progress bar moved');
  assert.equal(await page.locator('#csv-progress').count(), 0, 'and is gone when done');
  const rows = file.toString().split('\n').length - 2;
  assert.equal(await metric(page, 'rows_parsed'), rows);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`# 5 MB activity file: ${rows} rows in ${ms} ms, longest main-thread task ${longest.toFixed(0)} ms`);
  await page.screenshot({ path: `${SHOTS}/csv-activity-1280.png`, fullPage: true });

  // Cancel: clicked as soon as the progress bar appears.
  await page.evaluate(() => {
    new MutationObserver((_, obs) => {
      const b = document.querySelector('#csv-cancel');
      if (b) { obs.disconnect(); b.click(); }
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.setInputFiles('#csv-file', path);
  await page.locator('#csv-status', { hasText: /cancelled/ }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#cohort-heatmap').count(), 0);
  assert.equal(await page.locator('#csv-progress').count(), 0);
});

test('screenshots of a loaded triangle at 360 and 1280 px, light and dark', async () => {
  for (const [width, theme] of [[360, 'light'], [1280, 'light'], [1280, 'dark']]) {
    await page.setViewportSize({ width, height: 900 });
    await paste(ACTIVITY, `?panels=csv&theme=${theme}`);
    await page.locator('#cohort-heatmap').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no page-wide horizontal scroll at ${width}px (${overflow})`);
    await page.locator('#panel-csv').screenshot({ path: `${SHOTS}/csv-${width}-${theme}.png` });
  }
});

test('axe: a loaded triangle with revenue and a refusal has no violations, light and dark, ltr and rtl', async () => {
  for (const [theme, lang] of [['light', 'en'], ['dark', 'en'], ['dark', 'fa']]) {
    await page.emulateMedia({ colorScheme: theme });
    await paste(ACTIVITY, `?panels=csv&theme=${theme}&lang=${lang}`);
    await page.locator('#cohort-heatmap').waitFor();
    await page.check('#csv-view-absolute');
    for (const d of await page.locator('#panel-csv details').all()) await d.locator('summary').first().click();
    await page.addScriptTag({ path: axePath });
    const run = () => page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await run(), [], `${theme} ${lang} triangle`);
    await page.fill('#csv-paste', 'customer,date\na,2024-01-05\nb,soon\nc,never\n');
    await page.locator('.csv-problem').first().waitFor();
    assert.deepEqual(await run(), [], `${theme} ${lang} refusal`);
  }
});
