/**
 * The layout of the code (README.md, "Layout of the code") as dependency-cruiser checks it with the rules of
 * .dependency-cruiser.cjs: no import circles (type imports included), no stage importing a later one, no code
 * importing tests, the tools and the site through their faces. `npm run lint:deps` prints the same check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.ts';

const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions };

async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const { output } = await cruise(paths, { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name) ?? [v.to])].join(' → ')}`);
}

describe('the import rules', () => {
  it('hold across the ingest, the tools, the site and the tests', async () => {
    expect(await violations(ROOT, ['scripts', 'src', 'tests', 'astro.config.mjs', 'vitest.config.ts'])).toEqual([]);
  }, 60_000);

  it('catch an earlier stage importing a later one, a type-only circle, a layer reaching into a stage, code importing tests and the site past its face', async () => {
    const found = await violations(join(ROOT, 'tests/fixtures/layout'), ['scripts', 'src', 'tests']);
    expect(found).toEqual(
      expect.arrayContaining([
        'parse-before-clean-group-entries-editorial-links-render: scripts/lib/parse/reads-a-page.ts → scripts/lib/render/page.ts',
        expect.stringMatching(/^no-circular: scripts\/lib\/group\/(group|pass)\.ts → /),
        'layers-below-stages: scripts/lib/text/words.ts → scripts/lib/group/group.ts',
        'code-not-tests: scripts/bench/search.ts → tests/helpers/queries.ts',
        'site-through-its-face: src/search.ts → scripts/lib/text/words.ts',
      ]),
    );
  }, 60_000);

  it('lets the site’s Astro components import the ingest only through scripts/lib/site.ts (dependency-cruiser does not read .astro files)', () => {
    const dir = join(ROOT, 'src');
    const astro = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
    expect(astro.length).toBeGreaterThan(5);
    const intoLib = astro.flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/from\s+'([^']*scripts\/lib\/[^']+)'/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(intoLib.filter((i) => !i.endsWith('scripts/lib/site.ts'))).toEqual([]);
  });
});
