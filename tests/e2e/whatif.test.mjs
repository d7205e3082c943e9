// End-to-end tests of the what-if and retention-model panels (issue 4) in the release build.
// Expected values are worked out by hand in the comments (or published, for the sBG fit), never
// by the formula the widget uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch, metric, open } from './harness.mjs';

const SHOTS = 'tests/e2e/screenshots';
let server, browser, page;
const pageErrors = [];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
});

after(async () => {
  await browser?.close();
  await server?.close();
  assert.deepEqual(pageErrors, [], 'no page errors or panics');
});

const close = (a, b, tol = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} ≉ ${b}`);
const BASE = '?retention=0.9&customers=1000&arpu=10&horizon=3&uplift=5';

async function noBadNumbers() {
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /NaN|Infinity|undefined/);
}

test('+5 points: 90 % → 95 %, lifetime 10 → 20, revenue over 3 periods', async () => {
  await open(page, server.url, `${BASE}&uplift_mode=pp`);
  close(await metric(page, 'baseline_retention_rate'), 0.9, 1e-15);
  close(await metric(page, 'improved_retention_rate'), 0.95, 1e-12);
  // 1 / (1 − r).
  close(await metric(page, 'lifetime_baseline'), 10);
  close(await metric(page, 'lifetime_improved'), 20);
  // 10 · (1000 + 900 + 810) and 10 · (1000 + 950 + 902.5).
  close(await metric(page, 'revenue_baseline'), 27100);
  close(await metric(page, 'revenue_improved'), 28525);
  close(await metric(page, 'revenue_gain'), 1425);
  close(await metric(page, 'revenue_gain_pct'), 1425 / 27100, 1e-12);
  // Default margin 80 %.
  close(await metric(page, 'profit_baseline'), 21680);
  close(await metric(page, 'customers_baseline', '[data-period="2"]'), 810);
  close(await metric(page, 'customers_improved', '[data-period="2"]'), 902.5);
  close(await metric(page, 'period_revenue_baseline', '[data-period="1"]'), 9000);
  // Lost over the horizon: 100 + 90 + 81 vs 50 + 47.5 + 45.125.
  close(await metric(page, 'customers_lost_baseline'), 271);
  close(await metric(page, 'customers_lost_improved'), 142.625);
  // No CAC: no replacement cost, rendered without a value.
  assert.equal(await metric(page, 'replacement_cost'), null);
  assert.equal(await page.locator('[data-metric="replacement_cost"]').count(), 1);
  const conclusion = await page.locator('#panel-whatif .conclusion').innerText();
  assert.match(conclusion, /from 90\s?% to 95\s?%.*1,425/);
  await noBadNumbers();
});

test('+5 % relative: 90 % → 94.5 %', async () => {
  await open(page, server.url, `${BASE}&uplift_mode=relative`);
  close(await metric(page, 'improved_retention_rate'), 0.945, 1e-12);
  assert.ok(await page.locator('input[name=uplift_mode][value=relative]').isChecked());
});

test('CAC prices the lost customers; the discount from the URL is per period', async () => {
  await open(page, server.url, `${BASE}&uplift_mode=pp&cac=50&margin=0.8&discount=0.01&currency=EUR`);
  close(await metric(page, 'replacement_cost'), 271 * 50);
  close(await metric(page, 'replacement_cost_saved'), (271 - 142.625) * 50);
  // CLV = m · ARPU · (1 + d) / (1 + d − r): 8 · 1.01 / 0.11 and 8 · 1.01 / 0.06.
  close(await metric(page, 'clv_baseline'), (8 * 1.01) / 0.11);
  close(await metric(page, 'clv_improved'), (8 * 1.01) / 0.06);
  close(await metric(page, 'clv_gain_pct'), 0.11 / 0.06 - 1);
  assert.equal(await page.locator('select[name=discount_basis]').inputValue(), 'period');
  assert.match(await page.locator('[data-metric="revenue_baseline"]').innerText(), /€/);
});

test('a yearly discount is compounded down to the month', async () => {
  await open(page, server.url, `${BASE}&margin=1`);
  await page.fill('input[name=discount]', '12.68250301319698');
  await page.selectOption('select[name=discount_basis]', 'year');
  // 1.1268250301319698 = 1.01^12, so the monthly rate is 1 %: CLV = 10 · 1.01 / 0.11.
  close(await metric(page, 'clv_baseline'), (10 * 1.01) / 0.11, 1e-6);
});

test('a gain that would reach 100 % is capped, with a message', async () => {
  await open(page, server.url, '?retention=0.95&customers=1000&arpu=10&horizon=3&uplift=20&uplift_mode=pp');
  close(await metric(page, 'improved_retention_rate'), 0.9999, 1e-12);
  const note = page.locator('#panel-whatif .note.capped');
  assert.match(await note.innerText(), /held at 99\.99\s?%/);
  await noBadNumbers();
});

test('100 % retention: lifetime and value unbounded, said so, no number', async () => {
  await open(page, server.url, '?retention=1&customers=10&arpu=1&horizon=3&discount=0');
  assert.equal(await metric(page, 'lifetime_baseline'), null);
  assert.equal(await metric(page, 'clv_baseline'), null);
  assert.match(await page.locator('#panel-whatif').innerText(), /sum has no end/);
  await noBadNumbers();
});

test('typing updates the what-if: slider, fields and a bad value', async () => {
  await open(page, server.url, `${BASE}&uplift_mode=pp`);
  await page.fill('input[name=arpu]', '20');
  close(await metric(page, 'revenue_baseline'), 54200);
  // Drag the slider to 2.5 (keyboard-free: set it and fire the input event a drag fires).
  await page.locator('input[name=uplift_slider]').evaluate((el) => {
    el.value = '2.5';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.inputValue('input[name=uplift]'), '2.5');
  close(await metric(page, 'improved_retention_rate'), 0.925, 1e-12);
  await page.fill('input[name=arpu]', '2,5');
  const arpu = page.locator('input[name=arpu]');
  assert.equal(await arpu.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#wi-arpu-message').innerText(), /point for decimals/);
  assert.equal(await metric(page, 'revenue_baseline'), null);
  await noBadNumbers();
});

test('the baseline can come from the one-period panel, the table or the fitted curve', async () => {
  await open(page, server.url, '?start=20&new=5&end=24&horizon=3&arpu=10');
  // A link describing one period uses its retention, (24 − 5)/20, and its end as customers.
  close(await metric(page, 'baseline_retention_rate'), 0.95, 1e-12);
  close(await metric(page, 'customers_baseline', '[data-period="0"]'), 24);
  await page.check('input[name=retention_source][value=model]');
  // sBG on the default cohort: r₁ = β / (α + β) = 1.182 / 1.886 with the published fit.
  close(await metric(page, 'baseline_retention_rate'), 1.182 / 1.886, 1e-3);
  assert.match(await page.locator('#panel-whatif .resulting').innerText(), /first period/);
});

test('sBG on Fader & Hardie (2007) "regular": α 0.704, β 1.182, LL −1680.3', async () => {
  await open(page, server.url, '?survivors=1000,631,468,382,326,289,262,241&horizon=12');
  close(await metric(page, 'sbg_alpha'), 0.704, 0.001);
  close(await metric(page, 'sbg_beta'), 1.182, 0.001);
  close(await metric(page, 'sbg_log_likelihood'), -1680.3, 0.05);
  assert.notEqual(await metric(page, 'bdw_c'), null);
  assert.match(await page.locator('.chosen-model').innerText(), /sBG/);
  close(await metric(page, 'sbg_survival', '[data-period="0"]'), 1, 0);
  // Paper's projection to year 12: 1000 · S(12) = 170.0 (the count was 173).
  close(await metric(page, 'sbg_survival', '[data-period="12"]'), 0.170, 0.0001);
  assert.equal(await page.locator('[data-metric="sbg_survival"]').count(), 13);
  const low = await metric(page, 'model_survival_lower', '[data-period="12"]');
  const high = await metric(page, 'model_survival_upper', '[data-period="12"]');
  assert.ok(low < 0.170 && 0.170 < high, `band ${low}–${high}`);
  assert.equal(await page.locator('#chart-survival .s-band').count(), 1);
  await noBadNumbers();
});

test('too few periods: a message and the constant-churn fallback, no sBG', async () => {
  await open(page, server.url, '?survivors=1000,900');
  const problems = page.locator('#panel-model .note.problems');
  assert.match(await problems.innerText(), /Only 2 counts/);
  assert.match(await problems.innerText(), /constant churn/);
  assert.match(await page.locator('.chosen-model').innerText(), /Constant churn/);
  close(await metric(page, 'constant_churn'), 0.1, 1e-9);
  assert.equal(await metric(page, 'sbg_alpha'), null);
  assert.equal(await page.locator('[data-metric="sbg_alpha"]').count(), 1);
  assert.equal(await page.locator('[data-metric="sbg_survival"]').count(), 0);
  await noBadNumbers();
});

test('a bad count is reported with its position', async () => {
  await open(page, server.url, '?survivors=1000,631,abc,382');
  const input = page.locator('input[name=survivors]');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#wi-survivors-message').innerText(), /Count 3 \(period 2\).*not a number/);
  assert.equal(await metric(page, 'sbg_alpha'), null);
  await page.fill('input[name=survivors]', '1000, 631, 468, 500');
  assert.match(await page.locator('#panel-model .note.problems').innerText(), /Count 4 \(period 3\) is above/);
});

test('the period table gives a survival curve only for one cohort', async () => {
  await open(page, server.url);
  await page.check('input[name=survivors_source][value=table]');
  assert.match(await page.locator('#panel-model').innerText(), /new customers.*needs one cohort/);
  for (let r = 1; r <= 6; r++) await page.fill(`input[name=row${r}_new]`, '0');
  // Ends 1040, 1065 … are above the starts: fix them to a falling cohort.
  const ends = [900, 800, 720, 660, 610, 570];
  for (let r = 1; r <= 6; r++) await page.fill(`input[name=row${r}_end]`, String(ends[r - 1]));
  assert.notEqual(await metric(page, 'sbg_alpha'), null);
  close(await metric(page, 'observed_survival', '[data-period="6"]'), 0.57, 1e-12);
});

test('screenshots of the panels at 360 and 1280 px; nothing overflows', async () => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, server.url, `${BASE}&uplift_mode=pp&cac=50`);
    await page.locator('#panel-whatif').screenshot({ path: `${SHOTS}/whatif-${width}.png` });
    await page.locator('#panel-model').screenshot({ path: `${SHOTS}/model-${width}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px at ${width}px`);
  }
});
