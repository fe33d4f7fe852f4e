/**
 * `npm test`'s step before Vitest: finds the Chromium the diagrams and browser tests use, unpacking the one inside
 * @sparticuz/chromium where nothing else is installed, in this one process. Inside Vitest the unpacking would
 * happen in the site build's setup and in the unit tests' browser check at once, and a full test run once stalled
 * there with a half-written binary; done here first, every later process finds it ready.
 */
import { findChromium } from './browser.ts';

try {
  await findChromium();
} catch (error) {
  // One line saying how to get a browser, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
