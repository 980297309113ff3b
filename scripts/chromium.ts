// Debian's Chromium for the measuring scripts (never a downloaded browser), with the flags DESIGN.md gives.
import { chromium } from 'playwright-core';

/** The flags every launch uses (the browser tests add their own). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
