import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../scripts/lib/index.ts';
import type { LAYOUTS, Source } from '../../scripts/lib/index.ts';

type Layout = (typeof LAYOUTS)[number]['name'];

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Lines of a fixture cut from a real source: tests/fixtures/<layout>/<name>.txt */
export function fixture(layout: Layout, name: string): string[] {
  return readFileSync(join(ROOT, 'tests/fixtures', layout, `${name}.txt`), 'utf8').split(/\r?\n/);
}

export function testSource(format: Layout, extra: Partial<Source> = {}): Source {
  return { id: `test-${format}`, file: `tests/fixtures/${format}`, format, title: `Test ${format}`, ...extra };
}

/** A real source's manifest entry, with what it knows of the source (layout options, repairs, section topics). */
export function manifestSource(id: string): Source {
  const source = readManifest(ROOT).sources.find((s) => s.id === id);
  if (!source) throw new Error(`no source "${id}" in sources/sources.json`);
  return source;
}
