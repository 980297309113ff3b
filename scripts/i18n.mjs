// The UI's message catalogues (src/i18n/messages/<locale>/<area>.json, listed in project.inlang/settings.json)
// are compiled by Paraglide into src/i18n/paraglide/: one small function per message, tree-shaken by the build.
// The output is generated, not committed: Vite's plugin (vite.config.ts) writes it for `npm start`, the build
// and Vitest, and `npm run i18n` (run by `npm run typecheck`) writes it for tsc.
import { compile } from '@inlang/paraglide-js';

export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/i18n/paraglide',
  // A language chosen in the page is kept in localStorage; else the browser's preferred language; else English.
  // The storage is read and written by src/i18n/index.ts ('custom-stored'): Paraglide's own 'localStorage'
  // strategy does not guard the access, and a browser that blocks storage throws on it.
  strategy: ['custom-stored', 'preferredLanguage', 'baseLocale'],
  emitTsDeclarations: true,
  emitReadme: false,
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await compile(paraglideOptions);
}
