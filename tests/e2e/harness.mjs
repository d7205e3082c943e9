// Shared by the end-to-end tests and the benchmark: a static server over dist/ on loopback and a
// headless Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. `headers` are added to
 *  every response; `pages` maps a path to an HTML string served instead of a file. */
export async function serve(root = resolve('dist'), headers = {}, pages = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pages[path] !== undefined) {
        res.writeHead(200, { 'content-type': TYPES['.html'], ...headers });
        res.end(pages[path]);
        return;
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium as root on this machine (flags from ../shared/toolchain.md). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** The raw `data-value` of a metric as a number, or null when it is rendered without a value. */
export async function metric(page, name, extra = '') {
  const el = page.locator(`[data-metric="${name}"]${extra}`).first();
  const v = await el.getAttribute('data-value');
  return v === null ? null : Number(v);
}

/** Opens the widget and waits for the first result to render. */
export async function open(page, base, query = '') {
  await page.goto(base + query);
  await page.locator('[data-metric="customers_won"]').first().waitFor();
}
