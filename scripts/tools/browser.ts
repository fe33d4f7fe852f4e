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
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
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
 * an existing file in the temp directory as unpacked, and its own unpacking (streams) left a half-written binary
 * on this machine more than once, which crashed or stalled every later run. Here the archives are unpacked with
 * synchronous calls into a file that is renamed into place only when whole, one process at a time (a lock
 * directory), and a binary is taken as whole only once it has answered `--version`.
 */
export async function unpackPackagedChromium(): Promise<string> {
  const ready = join(tmpdir(), 'kb-chromium.ready');
  const lock = join(tmpdir(), 'kb-chromium.lock');
  const binary = join(tmpdir(), 'chromium');
  if (existsSync(ready) && existsSync(binary)) return binary;
  await acquire(lock);
  try {
    if (existsSync(ready) && existsSync(binary)) return binary;
    if (!existsSync(binary) || !answers(binary)) unpackSync(binary);
    if (!answers(binary)) throw new Error(`the Chromium unpacked at ${binary} does not start; delete it and run again`);
    writeFileSync(ready, binary);
    return binary;
  } finally {
    rmdirSync(lock);
  }
}

/** Where @sparticuz/chromium keeps its archives, and where its own unpacking puts each (its lambdafs.js). */
function unpackSync(binary: string): void {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const partial = `${binary}.${process.pid}.partial`;
  writeFileSync(partial, brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
  renameSync(partial, binary);
  // The fonts the pages are drawn with, and the software GL Chromium falls back to without a GPU.
  for (const [archive, into] of [['fonts.tar.br', join(tmpdir(), 'fonts')], ['swiftshader.tar.br', tmpdir()]] as const) {
    const tar = `${join(tmpdir(), archive.replace(/\.br$/, ''))}.${process.pid}`;
    writeFileSync(tar, brotliDecompressSync(readFileSync(join(bin, archive))));
    mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xf', tar, '-C', into], { stdio: 'ignore' });
    rmSync(tar, { force: true });
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
