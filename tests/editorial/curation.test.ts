/**
 * The editorial stage's grouping decisions on hand-made groups (no pipeline run): compiled once from the entry
 * files, then applied to grouping's first pass (scripts/lib/editorial/curate.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Variant } from '../../scripts/lib/clean/types.ts';
import { compileCuration, curateGroups } from '../../scripts/lib/editorial/curate.ts';
import { instanceKey } from '../../scripts/lib/entries/permalinks.ts';
import type { Group } from '../../scripts/lib/group/index.ts';
import { EMPTY_ID_MAP } from '../../scripts/lib/read/id-map.ts';
import { decisions } from '../helpers/entry-files.ts';

const question = (source: string, line: number, wording: string): Variant => ({ source, line, question: wording, answer: `${wording} Answered.` });
const lora = question('flashcards', 556, 'What is LoRA?');
const loraCost = question('flashcards', 559, 'How does LoRA reduce memory and compute cost?');
const adapters = question('part-6', 40, 'What are adapters?');
const group = (key: string, ...variants: Variant[]): Group => ({ key, subject: { kind: 'about', concepts: [key] }, variants });
const reason = 'test: a decision';
const wordings = (groups: Group[]) => groups.map((g) => g.variants.map((v) => v.question));

describe("the editors' grouping decisions", () => {
  const sources = [lora, loraCost, adapters];

  it('are compiled once: moves in the order of the files, pairs kept apart by source and line', () => {
    const curation = compileCuration(
      [
        decisions('a', { holds: [{ questions: ['flashcards:556', 'part-6:40'], reason }], apart: [{ questions: ['flashcards:556', 'flashcards:559'], reason }] }),
        decisions('b', { holds: [{ questions: ['flashcards:559'], reason }] }),
      ],
      sources,
    );
    expect(curation.moves.map((m) => [m.action, m.questions.map((q) => `${q.source}:${q.line}`)])).toEqual([
      ['merge', ['flashcards:556', 'part-6:40']],
      ['split', ['flashcards:559']],
    ]);
    expect(curation.apart.map(([a, b]) => [a.line, b.line])).toEqual([[556, 559]]);
  });

  it('stop before grouping when a file names a question no source asks', () => {
    expect(() => compileCuration([decisions('a', { holds: [{ questions: ['flashcards:557'], reason }] })], sources)).toThrow(/1 problem in the editors' files/);
  });

  it('merge the groups holding the named questions where the first one named stood, and split a question off as settled', () => {
    const curation = compileCuration(
      [decisions('a', { holds: [{ questions: ['part-6:40', 'flashcards:556'], reason }] }), decisions('b', { holds: [{ questions: ['flashcards:559'], reason }] })],
      sources,
    );
    const curated = curateGroups([group('lora', lora, loraCost), group('adapter', adapters)], curation, EMPTY_ID_MAP);
    // part-6:40 is named first: the merged group takes its group's place and key.
    expect(wordings(curated)).toEqual([['What are adapters?', 'What is LoRA?'], ['How does LoRA reduce memory and compute cost?']]);
    expect(curated[0]!.key).toBe('adapter+curated');
    expect(curated.map((g) => g.settled ?? false)).toEqual([false, true]);
  });

  it("put an editors' question with the questions its entry held when its id was written, else in a settled group of its own", () => {
    const file = { ...decisions('what-is-lora', {}), questions: [{ question: 'What is low-rank adaptation?', line: 2 }] };
    const curation = compileCuration([file], sources);
    const keyed = [group('lora', lora), group('low-rank', curation.questions[0]!), group('adapter', adapters)];
    expect(wordings(curateGroups(keyed, curation, { entries: { 'what-is-lora': [instanceKey(lora)] }, aliases: {} }))).toEqual([
      ['What is LoRA?', 'What is low-rank adaptation?'],
      ['What are adapters?'],
    ]);
    const alone = curateGroups(keyed, curation, EMPTY_ID_MAP);
    expect(wordings(alone)).toEqual([['What is LoRA?'], ['What are adapters?'], ['What is low-rank adaptation?']]);
    expect(alone[2]!.settled).toBe(true);
  });
});
