// Offline: the built game served by a server of this test's own, opened once (its service worker precaches the
// game), then the server is stopped and the page reloaded: the game boots from the cache, shows its map and
// plays turns. The web app manifest names its icons and Chromium finds nothing that keeps it from installing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/worlds';
import { openPage, sharedBrowser, waitReady } from '../support/browser';

describe('the game offline', { timeout: 120_000 }, () => {
  const browser = sharedBrowser();
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    // dist/ is built by the global setup (tests/support/global-setup.ts).
    const files = sirv(path.join(ROOT, 'dist'), { dev: false, etag: true });
    server = http.createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it('reloads and plays with the server stopped, and is installable', async () => {
    const { page, errors } = await openPage(browser(), url, undefined, { serviceWorkers: 'allow' });
    await waitReady(page);
    // The service worker is active once everything is precached.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(url);
    const cdp = await page.context().newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: unknown[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    const icons = (JSON.parse(manifest.data!) as { icons: { sizes: string }[] }).icons.map((i) => i.sizes);
    expect(icons).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test's browser context is an incognito one, where Chromium installs nothing: that alone is allowed.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    // The server goes away; the page comes back from the cache and plays.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const down = await fetch(url).then(
      () => 'answered',
      () => 'refused',
    );
    expect(down).toBe('refused');
    await page.reload();
    await waitReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => window.simulation.mapView()?.regions.mosul)).toBeTruthy();
    const turn = await page.evaluate(() => {
      window.simulation.hold(['TUR']);
      return window.simulation.endTurn();
    });
    expect(turn).toMatchObject({ ok: true });
    expect(errors).toEqual([]);
  });
});
