/**
 * Finds a Chromium for the browser tests and for drawing the diagrams at build time, so `npm install && npm test`
 * and `npm run build` work on a machine that has none.
 *
 * In order: CHROMIUM_PATH, an installed Chromium or Chrome, Playwright's cache (`npx playwright-core install
 * chromium`), and on Linux x64 the Chromium that `@sparticuz/chromium` carries inside its npm package (it
 * unpacks to the temp directory on first use and needs no download). On macOS and Windows an installed Chrome
 * is found at its usual place; with none, the error says how to get one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// Imported up front, not when needed: the build draws its diagrams from an Astro integration, whose dynamic
// imports go through a Vite module runner that is closed by the time the diagrams are drawn.
import packaged from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((root) =>
    process.env[root] ? [join(process.env[root]!, 'Google', 'Chrome', 'Application', 'chrome.exe')] : [],
  ),
];

const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests: set CHROMIUM_PATH to a Chromium or Chrome, install Google Chrome, ' +
  'or run `npx playwright-core install chromium`. (On Linux x64 the one inside @sparticuz/chromium is used; is `npm install` complete?)';

let found: Promise<string> | undefined;

export function findChromium(): Promise<string> {
  found ??= locate();
  return found;
}

async function locate(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist: point it at a Chromium or Chrome executable, or unset it.`);
  }
  const installed = INSTALLED.find((path) => existsSync(path));
  if (installed) return installed;
  const playwrights = chromium.executablePath();
  if (playwrights && existsSync(playwrights)) return playwrights;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      return await packaged.executablePath();
    } catch (error) {
      throw new Error(`${HOW_TO_GET_ONE} (@sparticuz/chromium: ${(error as Error).message})`);
    }
  }
  throw new Error(HOW_TO_GET_ONE);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
