// End-to-end tests of the release build: a person's view of the widget in headless Chromium.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, launch, metric, open } from './harness.mjs';

const SHOTS = 'tests/e2e/screenshots';
let server, browser, page;
const pageErrors = [];
const foreignRequests = [];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve();
  browser = await launch();
});

// A fresh context per test: the widget keeps its state in local storage, which would otherwise
// carry one test's edits into the next.
beforeEach(async () => {
  await page?.context().close();
  const context = await browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreignRequests.push(r.url()); });
});

after(async () => {
  await browser?.close();
  await server?.close();
  assert.deepEqual(pageErrors, [], 'no page errors or panics');
  assert.deepEqual(foreignRequests, [], 'no request leaves the widget origin');
});

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

test('worked example 20 / 5 / 24 through the URL is 95 %', async () => {
  await open(page, server.url, '?start=20&new=5&end=24');
  close(await metric(page, 'retention_rate'), 0.95);
  close(await metric(page, 'churn_rate'), 0.05);
  assert.equal(await metric(page, 'customers_lost'), 1);
  close(await metric(page, 'net_growth_rate'), 0.2);
  assert.match(await page.locator('[data-metric="retention_rate"]').innerText(), /95\s?%/);
});

test('worked example 44 / 12 / 43 is 70.45 % with 13 lost', async () => {
  await open(page, server.url, '?start=44&new=12&end=43');
  close(await metric(page, 'retention_rate'), 31 / 44);
  assert.equal(await metric(page, 'customers_lost'), 13);
  assert.match(await page.locator('[data-metric="retention_rate"]').innerText(), /70\.45\s?%/);
});

test('simple ratio 100 → 99 is 99 % and shows the flows next to it', async () => {
  await open(page, server.url, '?start=100&new=20&end=99');
  close(await metric(page, 'simple_retention'), 0.99);
  assert.equal(await metric(page, 'customers_lost'), 21);
  assert.equal(await metric(page, 'customers_won'), 20);
  const card = page.locator('.metric', { has: page.locator('[data-metric="simple_retention"]') });
  assert.match(await card.innerText(), /21 lost, 20 won/);
});

test('typing updates results without a submit button', async () => {
  await open(page, server.url);
  await page.fill('input[name=start]', '1000');
  await page.fill('input[name=new]', '500');
  await page.fill('input[name=end]', '1438');
  close(await metric(page, 'retention_rate'), 0.938);
  assert.equal(await page.locator('[data-metric="cohort_retention"]').count(), 0);
  await page.fill('input[name=new_lost]', '12');
  close(await metric(page, 'cohort_retention'), 0.95);
  assert.equal(await page.locator('button[type=submit]').count(), 0);
});

const BAD = [
  { name: 'empty', field: 'start', text: '', message: /Enter a number/ },
  { name: 'non-numeric', field: 'new', text: 'abc', message: /not a number/ },
  { name: 'negative', field: 'end', text: '-3', message: /cannot be negative/ },
  { name: 'fractional', field: 'start', text: '2.5', message: /whole number/ },
  { name: 'zero start', field: 'start', text: '0', message: /above 0/ },
  { name: 'absurdly large', field: 'end', text: '99999999999999999999999', message: /too large/ },
  { name: 'impossible end', field: 'end', text: '26', message: /cannot exceed start \+ new \(25\)/ },
];

for (const bad of BAD) {
  test(`bad input is flagged next to its field: ${bad.name}`, async () => {
    await open(page, server.url, '?start=20&new=5&end=24');
    await page.fill(`input[name=${bad.field}]`, bad.text);
    const input = page.locator(`input[name=${bad.field}]`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = await input.getAttribute('aria-describedby');
    const message = page.locator(`#${describedBy}`);
    assert.match(await message.innerText(), bad.message);
    assert.equal(await message.getAttribute('role'), 'alert');
    assert.equal(await metric(page, 'retention_rate'), null);
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /NaN|Infinity|-\d+(\.\d+)?\s?%/);
  });
}

test('new customers who also churned: no negative rate, a note instead', async () => {
  await open(page, server.url, '?start=10&new=8&end=5');
  assert.equal(await metric(page, 'retention_rate'), null);
  assert.equal(await metric(page, 'churn_rate'), null);
  assert.equal(await metric(page, 'customers_lost'), 13);
  assert.match(await page.locator('.note').first().innerText(), /new customers left/);
});

test('period table: edit, add, move and remove rows; span figures follow', async () => {
  await open(page, server.url);
  const rows = page.locator('#panel-table tbody tr');
  const before = await rows.count();
  assert.ok(before >= 2);
  // Row 1 of the example: 1000 + 120 → 1040, so 80 lost of 1000.
  close(await metric(page, 'period_churn', '[data-period="1"]'), 0.08);
  await page.fill('input[name=row1_end]', '1000');
  close(await metric(page, 'period_churn', '[data-period="1"]'), 0.12);
  await page.click('button.add');
  assert.equal(await rows.count(), before + 1);
  const n = before + 1;
  await page.fill(`input[name=row${n}_new]`, '0');
  await page.fill(`input[name=row${n}_end]`, '1000');
  assert.notEqual(await metric(page, 'period_retention', `[data-period="${n}"]`), null);
  // Move the last row up with the keyboard.
  await page.fill(`input[name=row${n}_label]`, 'Extra');
  await page.focus(`input[name=row${n}_label]`);
  await page.keyboard.press('Alt+ArrowUp');
  assert.equal(await page.inputValue(`input[name=row${n - 1}_label]`), 'Extra');
  // And remove it with the mouse.
  await page.click('button[aria-label="Remove – Extra"]');
  assert.equal(await rows.count(), before);
  for (const name of ['mean_churn', 'weighted_mean_churn', 'compounded_retention', 'annualized_churn']) {
    const v = await metric(page, name);
    assert.ok(v > 0 && v < 1, `${name} = ${v}`);
  }
  assert.ok((await metric(page, 'lifetime_periods')) > 1);
});

test('annualized churn compounds the monthly figure; units change it', async () => {
  await open(page, server.url);
  const monthly = await metric(page, 'weighted_mean_churn');
  close(await metric(page, 'annualized_churn'), 1 - (1 - monthly) ** 12, 1e-12);
  await page.selectOption('#period-unit', 'quarter');
  close(await metric(page, 'annualized_churn'), 1 - (1 - monthly) ** 4, 1e-12);
});

test('screenshots at 360 and 1280 px; nothing overflows a 360 px column', async () => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, server.url, '?start=44&new=12&end=43');
    await page.screenshot({ path: `${SHOTS}/widget-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px at ${width}px`);
  }
});
