// Vite serves and builds the browser game; relative base so dist/ works from any static server. The build is
// an installable web app that plays offline: vite-plugin-pwa writes the manifest and a service worker (Workbox)
// that precaches everything the build emits — scripts, the scenarios, the map, the sounds, the icons.
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { VitePWA } from 'vite-plugin-pwa';
import { paraglideOptions } from './scripts/i18n.mjs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  publicDir: 'assets/icons', // copied to the root of dist/: the icons the manifest names
  plugins: [
    paraglideVitePlugin(paraglideOptions), // the message catalogues, compiled into src/i18n/paraglide/
    VitePWA({
      // A new version waits until every tab of the game is closed: it never reloads a game in progress.
      registerType: 'prompt',
      injectRegister: false, // src/main.ts registers it once the game is playable
      manifest: {
        name: 'Iraq/Syria — shifting alliances',
        short_name: 'Shifting alliances',
        description:
          'A strategy simulation of the Iraq/Syria theatre, 2015–2022, built from two news analyses.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#16222d',
        theme_color: '#16222d',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,png,svg,ogg,mp3,wav,webm}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024, // Phaser's chunk is over Workbox's 2 MB default
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/class\//], // the class server's own pages and answers
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // Phaser in its own chunk so the budget "JS beyond Phaser" can be measured from dist/.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20000,
    hookTimeout: 120000,
  },
});
