/**
 * A source is cleaned from its own text and committed data only: adding a source leaves every other source's
 * cleaned questions and answers, and the definitions quoted from them, byte-identical. The added source is an
 * excerpt of Part 6 (tests/fixtures/numbered-questions/), which repeats Part 6's extraction slip "selfattention":
 * with one word count over all sources, the slip seen twice would pass for a spelling and stay unrepaired in Part 6.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { decodeSource, readGlossary, readManifest, readSources } from '../../scripts/lib/index.ts';
import type { KnowledgeBase, Source } from '../../scripts/lib/read/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';

const FILE = 'tests/fixtures/numbered-questions/skipped-numbers-and-labels.txt';
const added: Source = { id: 'part-6-excerpt', file: FILE, format: 'numbered-questions', title: 'An excerpt of Part 6 (test source)' };

const cleanedVariants = (kb: KnowledgeBase, except?: string) =>
  Object.fromEntries(
    kb.entries
      .flatMap((e) => e.variants)
      .filter((v) => v.source !== except)
      .map((v) => [`${v.source}:${v.line}`, { question: v.question, answer: v.answer }] as const)
      .sort((a, b) => a[0].localeCompare(b[0])),
  );
const quotedDefinitions = (kb: KnowledgeBase) => kb.glossary.filter((t) => t.source).map((t) => [t.id, t.definition]);

describe('sources cleaned independently of each other', () => {
  const texts = readSources(ROOT, readManifest(ROOT));
  const glossary = readGlossary(ROOT);
  const before = runPipeline(texts, { base: '/', glossary }).kb;
  const after = runPipeline([...texts, { source: added, lines: decodeSource(readFileSync(join(ROOT, FILE)), FILE) }], { base: '/', glossary }).kb;

  it('adds the new source with its questions', () => {
    expect(after.entries.flatMap((e) => e.variants).filter((v) => v.source === added.id).length).toBeGreaterThan(5);
  });

  it("leaves every other source's cleaned questions and answers byte-identical when a source is added", () => {
    const unchanged = cleanedVariants(before);
    // The sources' questions; the editors' 90 are in their entry files, which this run leaves out.
    expect(Object.keys(unchanged)).toHaveLength(353);
    expect(cleanedVariants(after, added.id)).toEqual(unchanged);
  });

  it('still repairs the slip both sources share, in each of them', () => {
    const repaired = (kb: KnowledgeBase, source: string) =>
      kb.entries.flatMap((e) => e.variants).find((v) => v.source === source && v.answer?.includes('absent in self'))?.answer;
    expect(repaired(after, 'part-6')).toContain('which is absent in self-attention.');
    expect(repaired(after, added.id)).toContain('which is absent in self-attention.');
  });

  it('leaves the definitions quoted from the sources byte-identical when a source is added', () => {
    expect(quotedDefinitions(after)).toEqual(quotedDefinitions(before));
  });
});
