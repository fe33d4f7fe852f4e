/**
 * Property-based: real source excerpts, mutated (lines inserted, deleted, swapped, duplicated; hostile
 * snippets and random Unicode put in), never make the ingest throw anything but a clear input error, and never
 * make it write a page that MDX cannot compile.
 */
import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IngestError } from '../scripts/lib/shared/errors.ts';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import type { LAYOUTS } from '../scripts/lib/index.ts';

type Layout = (typeof LAYOUTS)[number]['name'];
import { fixture, testSource } from './helpers/fixtures.ts';
import { splitPage } from './helpers/mdx.ts';

const EXCERPTS: [Layout, string][] = [
  ['numbered-questions', 'skipped-numbers-and-labels'],
  ['question-answer', 'prose-and-bullets'],
  ['flashcards', 'markers-lost'],
  ['book', 'hyphenated-and-run-together'],
  ['post', 'figure-labels'],
];

const HOSTILE = [
  '{props.x}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'export const a = 1',
  'import b from "c"',
  '<Component />',
  '<!-- comment',
  '```',
  '[x](javascript:alert(1))',
  '$',
  '$$',
  '$x$ and $$y$$',
  '\\',
  '}',
  '{',
  '</div>',
  '- ',
  '1. Question:',
  'Answer:',
  'Q',
  'A',
  '|a|b|\n|-|-|',
  '\t\t',
  '&amp;',
  '# Heading',
  '> quote',
];

const line = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: line }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('append' as const), at: fc.nat(), text: line }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], mutations: Mutation[]): string[] {
  const out = [...lines];
  for (const m of mutations) {
    const i = out.length ? m.at % out.length : 0;
    if (m.op === 'insert') out.splice(i, 0, ...m.text.split('\n'));
    else if (m.op === 'delete') out.splice(i, 1);
    else if (m.op === 'duplicate' && out.length) out.splice(i, 0, out[i]!);
    else if (m.op === 'append' && out.length) out[i] = `${out[i]} ${m.text}`;
    else if (m.op === 'swap' && out.length) {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
  }
  return out;
}

describe('fuzzing the ingest with mutated real sources', () => {
  const compiled = new Set<string>();

  it('never throws an unhandled error and never writes MDX that fails to compile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXCERPTS), fc.array(mutation, { minLength: 1, maxLength: 12 }), async ([layout, name], mutations) => {
        const lines = mutate(fixture(layout, name), mutations);
        let pages;
        try {
          pages = runPipeline([{ source: testSource(layout), lines }], { base: '/' }).pages;
        } catch (error) {
          // The one input error a mutation can cause: nothing left that reads as a question.
          expect(error).toBeInstanceOf(IngestError);
          expect((error as IngestError).message).toMatch(/found no question/);
          return;
        }
        for (const page of pages) {
          // Astro reads the frontmatter apart from the MDX body, as YAML; its title is a string whatever the source holds.
          const { frontmatter, body } = splitPage(page.content);
          expect(typeof parse(frontmatter).title).toBe('string');
          // A page written the same in another run (the 404 page, an empty glossary) compiled then.
          if (compiled.has(body)) continue;
          try {
            await compile(body, { remarkPlugins: [remarkMath] });
            compiled.add(body);
          } catch (error) {
            throw new Error(`${page.path} does not compile: ${(error as Error).message}\n${page.content}`);
          }
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 600_000);
});
