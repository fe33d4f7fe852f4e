/**
 * Finds a Chromium for the browser tests and for drawing the diagrams at build time, so `npm install && npm test`
 * and `npm run build` work on a machine that has none.
 *
 * In order: CHROMIUM_PATH, an installed Chromium or Chrome, Playwright's cache (`npx playwright-core install
 * chromium`), and on Linux x64 the Chromium that `@sparticuz/chromium` carries inside its npm package (it
 * unpacks to the temp directory on first use and needs no download). On macOS and Windows an installed Chrome
 * is found at its usual place; with none, the error says how to get one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
      return await unpackPackagedChromium();
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

/**
 * The packaged Chromium, unpacked once however many processes ask at the same time. @sparticuz/chromium takes
 * an existing file in the temp directory as unpacked, so a second process (the unit tests beside the site
 * build) would launch a half-written binary, which crashes, and leave it there for every later run. Unpacking
 * is serialised with a lock directory, and a binary is taken as whole only once it has answered `--version`.
 */
export async function unpackPackagedChromium(): Promise<string> {
  const ready = join(tmpdir(), 'kb-chromium.ready');
  const lock = join(tmpdir(), 'kb-chromium.lock');
  if (existsSync(ready)) return packaged.executablePath();
  await acquire(lock);
  try {
    if (existsSync(ready)) return packaged.executablePath();
    const unpacked = join(tmpdir(), 'chromium');
    if (existsSync(unpacked) && !answers(unpacked)) rmSync(unpacked, { force: true });
    const path = await packaged.executablePath();
    if (!answers(path)) throw new Error(`the Chromium unpacked at ${path} does not start; delete it and run again`);
    writeFileSync(ready, path);
    return path;
  } finally {
    rmdirSync(lock);
  }
}

function answers(executable: string): boolean {
  try {
    execFileSync(executable, ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** A lock older than unpacking ever takes was left by a process that died holding it. */
const STALE_LOCK_MS = 5 * 60_000;

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmdirSync(lock);
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
