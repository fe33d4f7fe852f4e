/**
 * One KaTeX: the site serves the stylesheet of the project's `katex` (astro.config.mjs, customCss) and
 * rehype-katex writes the math's HTML with the `katex` it resolves. Two versions name their classes differently,
 * and sub- and superscripts then render at full size; `overrides` in package.json keeps every package on the
 * project's version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

const lock: { packages: Record<string, { version?: string }> } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
const project = JSON.parse(readFileSync(join(ROOT, 'node_modules/katex/package.json'), 'utf8')).version as string;

describe('KaTeX', () => {
  it('is locked at one version only', () => {
    const locked = Object.entries(lock.packages)
      .filter(([path]) => path === 'node_modules/katex' || path.endsWith('/node_modules/katex'))
      .map(([path, entry]) => `${path}@${entry.version}`);
    expect(locked).toEqual([`node_modules/katex@${project}`]);
  });

  it('is, for rehype-katex, the copy whose stylesheet the site serves', () => {
    const fromRehypeKatex = createRequire(createRequire(join(ROOT, 'package.json')).resolve('rehype-katex'));
    expect(fromRehypeKatex.resolve('katex/package.json')).toBe(join(ROOT, 'node_modules/katex/package.json'));
  });
});
