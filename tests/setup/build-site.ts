/**
 * Builds the site once for the site tests, under a sub-path base (as GitHub Pages serves a project site),
 * into dist-test/ so the developer's own dist/ is left alone.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/fixtures.ts';

export const TEST_BASE = '/deep/kb/';
// SITE_DIST with SKIP_SITE_BUILD=1 points the site tests at another build (e.g. a deliberately broken copy).
export const TEST_DIST = process.env.SITE_DIST ?? join(ROOT, 'dist-test');

export default function setup(project: TestProject): void {
  try {
    findChromium();
  } catch (error) {
    // One line saying how to get a browser, not a stack trace, and no silent skip.
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!process.env.SKIP_SITE_BUILD) {
    execFileSync('npm', ['run', 'build', '--silent'], {
      cwd: ROOT,
      // Vitest sets NODE_ENV=test, which would make Astro build its development variant (no search).
      env: { ...process.env, NODE_ENV: 'production', KB_EXTRA_MANIFEST: 'tests/fixtures/hostile/sources.json', BASE_PATH: TEST_BASE, OUT_DIR: TEST_DIST, SITE_URL: 'https://example.org' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  project.provide('dist', TEST_DIST);
  project.provide('base', TEST_BASE);
}

declare module 'vitest' {
  export interface ProvidedContext {
    dist: string;
    base: string;
  }
}
