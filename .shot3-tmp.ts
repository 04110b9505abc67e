import { chromium } from 'playwright-core';
import * as http from 'http';
import * as fs from 'fs';
import * as path from 'path';
const dir = '/tmp/devbuild';
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const f = path.join(dir, p === '/' ? 'preview.html' : p);
  if (!fs.existsSync(f)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': f.endsWith('.html') ? 'text/html' : f.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
  fs.createReadStream(f).pipe(res);
});
(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as any).port;
  const ctx = await chromium.launchPersistentContext('/tmp/chr-prof7', { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'], viewport: { width: 1000, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/preview.html`);
  await page.getByTestId('verdict').waitFor({ timeout: 60000 });
  await page.evaluate(() => { const aside = document.querySelector('aside[aria-label="Panel tugas"]') as HTMLElement; (aside.parentElement as HTMLElement).style.gridTemplateColumns = `minmax(0,1fr) 320px`; });
  await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
  const tree = page.getByTestId('budget-tree');
  await tree.waitFor();
  const item = tree.locator('[role=treeitem]').nth(2);
  await item.scrollIntoViewIfNeeded();
  await item.hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/pane-320-tree.png' });
  await ctx.close();
  server.close();
})();
