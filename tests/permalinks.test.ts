import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceText } from '../scripts/lib/read/types.ts';
import type { BuiltEntry } from '../scripts/lib/entries/build.ts';
import { assignIds } from '../scripts/lib/entries/permalinks.ts';
import { EMPTY_ID_MAP } from '../scripts/lib/read/id-map.ts';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import { decodeSource, readIdMap, readManifest, readSources } from '../scripts/lib/index.ts';
import { decisions, groupingDecisions } from './helpers/entry-files.ts';
import { ROOT } from './helpers/fixtures.ts';

const texts = readSources(ROOT, readManifest(ROOT));
const entryFiles = groupingDecisions();
const FILE = 'tests/fixtures/unseen-source/interview-prep.txt';
const unseen: SourceText = {
  source: { id: 'interview-prep', file: FILE, format: 'question-answer', title: 'Interview prep (test source)' },
  lines: decodeSource(readFileSync(join(ROOT, FILE)), FILE),
};
const urlByInstance = (kb: ReturnType<typeof runPipeline>['kb']) =>
  new Map(kb.entries.flatMap((e) => e.variants.map((v) => [`${v.source}:${v.line}`, e.url] as const)));

describe('permalinks', () => {
  const first = runPipeline(texts, { base: '/', entryFiles, idMap: EMPTY_ID_MAP });
  const before = urlByInstance(first.kb);

  it('keeps every entry URL when a source is added', () => {
    const after = urlByInstance(runPipeline([...texts, unseen], { base: '/', entryFiles, idMap: first.idMap }).kb);
    const moved = [...before].filter(([instance, url]) => after.get(instance) !== url);
    expect(moved).toEqual([]);
  });

  // Grouping reads sources in manifest order, so reordering may regroup a few questions; every entry whose
  // questions are the same keeps its URL.
  it('keeps the URL of every entry whose questions are unchanged when the sources are reordered', () => {
    const reordered = runPipeline([...texts].reverse(), { base: '/', entryFiles, idMap: first.idMap }).kb;
    const members = (kb: typeof reordered) => new Map(kb.entries.flatMap((e) => e.variants.map((v) => [`${v.source}:${v.line}`, e.variants.map((w) => `${w.source}:${w.line}`).sort().join(' ')] as const)));
    const was = members(first.kb);
    const now = members(reordered);
    const after = urlByInstance(reordered);
    const unchanged = [...before].filter(([instance]) => was.get(instance) === now.get(instance));
    expect(unchanged.length).toBeGreaterThan(before.size * 0.9);
    expect(unchanged.filter(([instance, url]) => after.get(instance) !== url)).toEqual([]);
  });

  it('keeps the id when a wording is corrected in the source', () => {
    const corrected = texts.map((t) =>
      t.source.id === 'llm-qa' ? { ...t, lines: t.lines.map((l) => l.replace('how BERT is bi-directional?', 'How is BERT bidirectional?')) } : t,
    );
    const { kb } = runPipeline(corrected, { base: '/', entryFiles, idMap: first.idMap });
    const line = first.kb.entries.flatMap((e) => e.variants).find((v) => v.question === 'How BERT is bi-directional?')!.line;
    expect(urlByInstance(kb).get(`llm-qa:${line}`)).toBe(before.get(`llm-qa:${line}`));
  });

  it('keeps the id when an entry is renamed', () => {
    const renamed = runPipeline(texts, {
      base: '/',
      entryFiles: [...entryFiles, decisions(first.kb.entries.find((e) => e.variants.some((v) => v.source === 'llm-qa' && v.question === 'What is BERT?'))!.id, { heading: { question: `llm-qa:${first.kb.entries.flatMap((e) => e.variants).find((v) => v.source === 'llm-qa' && v.question === 'What is BERT?')!.line}`, reason: 'test: a clearer heading' } })],
      idMap: first.idMap,
    });
    const entry = renamed.kb.entries.find((e) => e.question === 'What is BERT?')!;
    const line = entry.variants.find((v) => v.source === 'llm-qa')!.line;
    expect(entry.url).toBe(before.get(`llm-qa:${line}`));
  });

  it('lands old anchors of merged entries on the entry they merged into', () => {
    const separate = runPipeline(texts, { base: '/', idMap: EMPTY_ID_MAP });
    const idOf = (kb: typeof separate.kb, start: string) => kb.entries.find((e) => e.variants.some((v) => v.question.startsWith(start)))!.id;
    const oldId = idOf(separate.kb, 'Why were Transformers introduced?');
    const merged = runPipeline(texts, { base: '/', entryFiles, idMap: separate.idMap });
    const survivor = idOf(merged.kb, 'Why were Transformers introduced?');
    expect(survivor).not.toBe(oldId);
    expect(merged.idMap.aliases[oldId]).toBe(survivor);
    const page = merged.pages.find((p) => p.content.includes(`\\{#${survivor}\\}`))!;
    const anchors = page.content.match(/^<AliasAnchors ids=\{(\[.*\])\} \/>$/gm)!.map((line) => JSON.parse(line.slice('<AliasAnchors ids={'.length, -' />'.length - 1)) as string[]);
    expect(anchors.some((ids) => ids.includes(oldId))).toBe(true);
    expect(merged.anchors[oldId]).toBe(merged.anchors[survivor]);
  });

  it('gives a question that leaves the entry it had merged into the id it had before the merge', () => {
    // The flashcards' formula card (line 568) had its own id until a curation merged it into the LoRA entry;
    // the curations now keep it apart again.
    const merged = {
      entries: {
        'how-does-lora-reduce-memory-and-compute-cost': [
          'flashcards:556:what is lora in the context of fine tuning llms',
          'flashcards:559:how does lora reduce memory and compute cost',
          'flashcards:568:write the lora weight update formula',
        ],
      },
      aliases: { 'write-the-lora-weight-update-formula': 'how-does-lora-reduce-memory-and-compute-cost' },
    };
    const { kb, idMap } = runPipeline(texts, { base: '/', entryFiles, idMap: merged });
    const formula = kb.entries.find((e) => e.variants.some((v) => v.source === 'flashcards' && v.line === 568))!;
    expect(formula.variants).toHaveLength(1);
    expect(formula.id).toBe('write-the-lora-weight-update-formula');
    expect(idMap.aliases['write-the-lora-weight-update-formula']).toBeUndefined();
    expect(kb.entries.find((e) => e.id === 'how-does-lora-reduce-memory-and-compute-cost')!.variants.map((v) => v.line)).toContain(559);
  });

  // Entries as assignIds sees them: only the wordings and where they come from matter.
  const entry = (question: string, ...variants: [string, number, string][]) =>
    ({ question, variants: variants.map(([source, line, q]) => ({ source, line, question: q })) }) as unknown as BuiltEntry;
  const scale: [string, number, string] = ['flashcards', 417, 'How does attention scale with sequence length?'];
  const challenges: [string, number, string] = ['part-6', 117, 'What are the challenges in applying transformers to long sequences?'];
  const merged = {
    entries: { 'long-sequences': ['part-6:117:what are the challenges in applying transformers to long sequences', 'flashcards:417:how does attention scale with sequence length'] },
    aliases: { 'how-does-attention-scale-with-sequence-length': 'long-sequences' },
  };

  it('never gives a retired id to a new source\'s question that only shares its wording', () => {
    const newcomer = entry('How does attention scale with sequence length?', ['unseen', 3, 'How does attention scale with sequence length?']);
    const { entries, map } = assignIds([entry('Long sequences', challenges, scale), newcomer], merged);
    expect(entries.map((e) => e.id)).toEqual(['long-sequences', 'how-does-attention-scale-with-sequence-length-2']);
    expect(map.aliases['how-does-attention-scale-with-sequence-length']).toBe('long-sequences');
  });

  it('points a retired id at the entry its question has moved to since', () => {
    // The question was moved out again by a later curation, into an entry that already had an id of its own.
    const previous = { ...merged, entries: { ...merged.entries, 'attention-cost': ['flashcards:417:how does attention scale with sequence length'] } };
    const { map } = assignIds([entry('Long sequences', challenges), entry('Attention cost', scale)], previous);
    expect(map.aliases['how-does-attention-scale-with-sequence-length']).toBe('attention-cost');
  });

  it('gives a split entry\'s id to the part that asks the question the id was named after', () => {
    // The post's "What is LoRA and QLoRA?" (line 59) and the flashcards' "Why is LoRA effective for LLM
    // fine-tuning?" (line 565) were one entry; the curation splits the second off.
    const together = {
      entries: { 'what-is-lora-and-qlora': ['flashcards:565:why is lora effective for llm fine tuning', 'llm-interview-post:59:what is lora and qlora'] },
      aliases: {},
    };
    const { kb } = runPipeline(texts, { base: '/', entryFiles, idMap: together });
    const holder = kb.entries.find((e) => e.id === 'what-is-lora-and-qlora')!;
    const held = holder.variants.map((v) => `${v.source}:${v.line}`);
    expect(held).toContain('llm-interview-post:59');
    expect(held).not.toContain('flashcards:565');
  });

  it('changes nothing in the committed id map when the sources have not changed', () => {
    const committed = readIdMap(ROOT);
    const again = runPipeline(texts, { base: '/', entryFiles, idMap: committed });
    expect(again.idMap).toEqual(committed);
  });
});
