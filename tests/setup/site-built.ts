/**
 * Before a site test file is loaded: waits until the test site's build (started in the background by
 * tests/setup/build-site.ts) has ended, and stops the file with the build's exit status if it failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { BuildStatus } from './build-site.ts';

const file = inject('buildStatus');
if (file) {
  while (!existsSync(file)) await sleep(200);
  const { code, signal, error } = JSON.parse(readFileSync(file, 'utf8')) as BuildStatus;
  if (code !== 0) {
    throw new Error(`The test site did not build (${error ?? (signal ? `stopped by ${signal}` : `exit code ${code}`)}); the build's errors are printed above.`);
  }
}
