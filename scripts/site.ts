// The site built apart from dist/ (which the browser tests serve), into node_modules/.cache/<name>, and served
// by vite's preview server on a free port: what the measuring scripts open in headless Chromium.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function serveBuiltSite(name: string): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = path.join(root, 'node_modules', '.cache', name);
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { url, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}
