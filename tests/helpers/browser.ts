/** The tests' Chromium is the one the build renders diagrams with (scripts/tools/browser.ts). */
export { findChromium, launchChromium } from '../../scripts/tools/browser.ts';
