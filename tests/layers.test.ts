/**
 * Data flows down the stages: parsing and cleaning come before rendering, so nothing they depend on, directly or
 * through another module, may live in render/. Read from the import statements of the files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.ts';

const LIB = join(ROOT, 'scripts/lib');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The project files a module imports (packages left out). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec));
}

/** Every project file reachable from `start` through imports, with the chain that reaches it. */
function reachable(start: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of localImports(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const filesOf = (folder: string) =>
  readdirSync(join(LIB, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(LIB, folder, name));

describe('the stages depend only on the stages before them', () => {
  for (const folder of ['parse', 'clean']) {
    it(`${folder}/ imports nothing from render/, directly or through another module`, () => {
      const files = filesOf(folder);
      expect(files.length).toBeGreaterThan(0);
      const intoRender = files.flatMap((file) =>
        [...reachable(file).entries()]
          .filter(([target]) => relative(LIB, target).startsWith('render/'))
          .map(([, chain]) => chain.map((f) => relative(ROOT, f)).join(' → ')),
      );
      expect(intoRender).toEqual([]);
    });
  }

  it('sees an import of render/ where there is one (the check can fail)', () => {
    const pipeline = reachable(join(LIB, 'pipeline.ts'));
    expect([...pipeline.keys()].some((f) => relative(LIB, f).startsWith('render/'))).toBe(true);
  });
});
