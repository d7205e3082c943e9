// Good-citizen tests: embedding in a sandboxed cross-origin iframe, strict CSP, shared links,
// local persistence, URL settings and hostile input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, metric, open } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let widget, strict, host, browser;

before(async () => {
  // A sandboxed frame without allow-same-origin has an opaque origin, so its module scripts and
  // wasm are cross-origin requests: the widget's host must allow them (README, "Embedding").
  widget = await serve(undefined, { 'access-control-allow-origin': '*' });
  strict = await serve(undefined, { 'content-security-policy': CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.close(), strict?.close(), host?.close()]);
});

/** A page that records page errors and console errors (CSP violations are console errors). */
async function watchedPage(context) {
  const page = await (context ?? browser).newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

test('the embed snippet sizes a sandboxed cross-origin iframe to its content', async () => {
  const page = await watchedPage();
  await open(page, widget.url);
  await page.locator('details.embed summary').click();
  const snippet = await page.inputValue('#embed-code');
  assert.match(snippet, /sandbox="allow-scripts allow-downloads"/);
  assert.match(snippet, /loading="lazy"/);
  // The host is another origin (another port) that pastes the snippet as it is.
  host = await serve(undefined, {}, {
    '/host.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><h1>Blog post</h1>${snippet}</body></html>`,
  });
  const results = [];
  await page.exposeFunction('reportResults', (m) => results.push(m));
  await page.goto(host.url + 'host.html');
  await page.evaluate(() => document.querySelector('iframe').addEventListener(
    'retention-widget:results', (e) => window.reportResults(e.detail)));
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-metric="retention_rate"][data-value]').waitFor();
  // Sized to content: not the snippet's 900 px, and equal to the document inside.
  await page.waitForFunction(() => document.querySelector('iframe').style.height !== '900px');
  const outer = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('iframe')).height));
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
  assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px vs content ${inner}px`);
  // localStorage throws inside the sandbox; the widget still works and reports results.
  await frame.locator('input[name=start]').fill('44');
  await frame.locator('input[name=new]').fill('12');
  await frame.locator('input[name=end]').fill('43');
  await frame.locator('[data-metric="customers_lost"][data-value="13"]').waitFor();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && !(results.at(-1)?.customers_lost === 13); i++) await new Promise((ok) => setTimeout(ok, 20));
  const last = results.at(-1);
  assert.ok(last, 'the host received a results event');
  assert.ok(Math.abs(last.retention_rate - 31 / 44) < 1e-12, JSON.stringify(last));
  assert.deepEqual(page.errors, []);
});

test('runs under a strict Content-Security-Policy without violations', async () => {
  const page = await watchedPage();
  await open(page, strict.url, '?start=20&new=5&end=24&accent=%23c2185b&theme=dark');
  assert.equal(await metric(page, 'retention_rate'), 0.95);
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.equal(accent, '#c2185b');
  assert.deepEqual(page.errors, []);
});

test('copy link restores the exact state in a new tab; a tampered link says so', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await open(page, widget.url);
  await page.fill('input[name=start]', '1000');
  await page.fill('input[name=end]', '950');
  await page.fill('input[name=row2_label]', 'Fév ~ | & #');
  await page.selectOption('#period-unit', 'week');
  await page.click('#copy-link');
  const link = await page.inputValue('#share-link');
  assert.match(link, /#v=1&/);
  const fresh = await watchedPage(await browser.newContext());
  await fresh.goto(link);
  await fresh.locator('[data-metric="customers_won"]').waitFor();
  assert.equal(await fresh.inputValue('input[name=start]'), '1000');
  assert.equal(await fresh.inputValue('input[name=end]'), '950');
  assert.equal(await fresh.inputValue('input[name=row2_label]'), 'Fév ~ | & #');
  assert.equal(await fresh.inputValue('#period-unit'), 'week');
  assert.match(await fresh.locator('#link-status').innerText(), /shared link/);
  const tampered = await watchedPage(await browser.newContext());
  await tampered.goto(widget.url + '#v=99&start=1');
  await tampered.locator('[data-metric="customers_won"]').waitFor();
  assert.match(await tampered.locator('#link-status').innerText(), /could not be read/);
  assert.equal(await tampered.inputValue('input[name=start]'), '20');
  assert.deepEqual([...page.errors, ...fresh.errors, ...tampered.errors], []);
});

test('a reload keeps the edits; reset clears them', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  // The slowest CI machine: a 20× slower CPU makes Yew's scheduler yield mid-render, so the
  // reload below can arrive before the render effect that saves; the page-hide save covers that.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.goto(widget.url);
  await page.locator('[data-metric="customers_won"]').first().waitFor();
  await page.fill('input[name=start]', '321');
  await page.reload();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.locator('[data-metric="customers_won"]').waitFor();
  assert.equal(await page.inputValue('input[name=start]'), '321');
  await page.click('#reset');
  assert.equal(await page.inputValue('input[name=start]'), '20');
  await page.reload();
  await page.locator('[data-metric="customers_won"]').waitFor();
  assert.equal(await page.inputValue('input[name=start]'), '20');
});

test('URL settings: language and direction, theme, panels, compact; bad ones are noted', async () => {
  const page = await watchedPage();
  await open(page, widget.url, '?lang=fa&theme=dark&compact=1&panels=period&colour=red&theme=x');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'fa');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.locator('#panel-table').count(), 0);
  assert.equal(await page.locator('main.compact').count(), 1);
  const note = await page.locator('#ignored-params').innerText();
  assert.match(note, /colour/);
  assert.match(note, /theme=x/);
  await page.selectOption('#lang-select', 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.deepEqual(page.errors, []);
});

test('hostile input never breaks the widget', async () => {
  const page = await watchedPage();
  await open(page, widget.url, '?start=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&end=%E2%80%8F12');
  const huge = '9'.repeat(10 * 1024 * 1024);
  await page.locator('input[name=new]').evaluate((el, v) => {
    el.value = v; el.dispatchEvent(new Event('input', { bubbles: true }));
  }, huge);
  await page.fill('input[name=new_lost]', '\u0000\u0007😀\u202e12');
  await page.fill('input[name=row1_label]', '<script>alert(1)</script>');
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await page.getAttribute('input[name=new]', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('input[name=start]', 'aria-invalid'), 'true');
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /NaN|Infinity/);
  assert.deepEqual(page.errors, []);
});
