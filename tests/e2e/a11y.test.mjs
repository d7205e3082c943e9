// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every panel, in light and dark themes,
// left-to-right and right-to-left, with results and error messages on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, open } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const theme of ['light', 'dark']) {
  for (const lang of ['en', 'fa']) {
    test(`axe: no violations, ${theme} theme, ${lang} (${lang === 'fa' ? 'rtl' : 'ltr'})`, async () => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      // A bad field on purpose, so error styling and messages are checked too.
      await open(page, server.url, `?theme=${theme}&lang=${lang}&start=44&new=12&end=60`);
      for (const d of await page.locator('details').all()) await d.locator('summary').click();
      await page.click('#copy-link');
      assert.deepEqual(await violations(page), []);
      await context.close();
    });
  }
}
