/** The tests' Chromium is the one the build renders diagrams with (scripts/lib/browser.ts). */
export { findChromium, launchChromium } from '../../scripts/tools/browser.ts';
