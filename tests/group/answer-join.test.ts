/**
 * The grouping's third pass (scripts/lib/group/answer-join.ts): a question of a source the editors have not
 * reviewed joins the earlier entry whose answers make its points. The fixture is cut from unseen source F
 * (eval/unseen/unseen-f.txt): three rewordings that name no concept the keys could match on, and two questions
 * no entry answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryIndex, JOIN_THRESHOLD, joinProbability } from '../../scripts/lib/group/answer-join.ts';
import { earlierJoins, type JoinDecision, joinQueue, NEAR_MISS } from '../../scripts/tools/review-queue.ts';
import { resemblanceAmong } from '../../scripts/lib/group/resemblance.ts';
import { buildConceptIndex } from '../../scripts/lib/text/concepts.ts';
import { buildLexicon, groupVariants, repositoryData } from '../../scripts/lib/index.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { decodeSource, readIdMap, readManifest, readSources } from '../../scripts/lib/index.ts';
import type { Source } from '../../scripts/lib/read/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { realEntryFiles } from '../helpers/run-pipeline.ts';
import { automaticKnowledgeBase } from '../helpers/kb.ts';

const VOCABULARY = repositoryData().vocabulary;

const FILE = 'tests/fixtures/answer-join/unseen-f-excerpt.txt';
const excerpt: Source = { id: 'unseen-f-excerpt', file: FILE, format: 'question-answer', title: 'Unseen source F (excerpt)' };
const texts = readSources(ROOT, readManifest(ROOT));
const added = [...texts, { source: excerpt, lines: decodeSource(readFileSync(join(ROOT, FILE)), FILE) }];
const options = { base: '/', entryFiles: realEntryFiles(), idMap: readIdMap(ROOT) };

describe('a source nobody reviewed, read with the third pass', () => {
  const { kb } = runPipeline(added, options);
  const entryOf = (start: string) => kb.entries.find((e) => e.variants.some((v) => v.source === excerpt.id && v.question.startsWith(start)))!;
  const othersIn = (start: string) => entryOf(start).variants.filter((v) => v.source !== excerpt.id).map((v) => v.question);

  it('joins a rewording that names no known concept to the entry whose answers make its points', () => {
    expect(othersIn('What does the position-wise MLP sublayer contribute')).toContain('What is the role of the feedforward network in transformers?');
    // Two entries answer it with gradient accumulation since the editors asked how it trades time for memory.
    expect(othersIn('Your GPU fits only 4 sequences per step').some((q) => /gradient accumulation/i.test(q))).toBe(true);
    expect(othersIn('How does continuous batching raise throughput')).toEqual(['What is continuous batching, and why does it raise LLM serving throughput so much?']);
  });

  it('joins a scenario to the entry that answers what it asks', () => {
    expect(othersIn('Your email assistant obeys instructions hidden')).toContain('How can you mitigate prompt injection in an LLM application?');
  });

  it('gives questions no entry answers entries of their own', () => {
    expect(othersIn('How do you make an LLM return output that always parses as valid JSON')).toEqual([]);
  });

  it('never regroups the questions of the sources before it', () => {
    const before = runPipeline(texts, options).kb;
    const together = (k: typeof kb) =>
      new Set(k.entries.map((e) => e.variants.filter((v) => v.source !== excerpt.id).map((v) => `${v.source}:${v.line}`).sort().join(' ')).filter(Boolean));
    expect(together(kb)).toEqual(together(before));
  });
});

describe("the editors' review queue for a source nobody reviewed", () => {
  const decisions: JoinDecision[] = [];
  runPipeline(added, { ...options, joinHooks: { observe: (question, entry, features) => decisions.push({ question, entry, features }) } });
  const queue = joinQueue(decisions);
  const asked = (list: typeof queue.joined) => list.map((d) => d.question[0]!.question);

  it("lists every join the pass made, weakest first, and the rewordings it joined are there", () => {
    expect(queue.joined.length).toBeGreaterThan(0);
    expect(queue.joined.every((d) => d.probability >= JOIN_THRESHOLD)).toBe(true);
    expect(queue.joined.map((d) => d.probability)).toEqual([...queue.joined.map((d) => d.probability)].sort((a, b) => a - b));
    expect(asked(queue.joined).some((q) => q.startsWith('What does the position-wise MLP sublayer contribute'))).toBe(true);
  });

  it('lists the questions left alone nearest to joining, strongest first, and no question in both lists', () => {
    expect(queue.leftAlone.every((d) => d.probability < JOIN_THRESHOLD && d.probability >= NEAR_MISS)).toBe(true);
    // Every question left alone, however far from joining: the new ones are among them.
    const wide = joinQueue(decisions, JOIN_THRESHOLD, 0);
    expect(wide.leftAlone.map((d) => d.probability)).toEqual([...wide.leftAlone.map((d) => d.probability)].sort((a, b) => b - a));
    expect(asked(wide.leftAlone)).toContainEqual(expect.stringMatching(/^How do you make an LLM return output that always parses/));
    const all = [...asked(wide.joined), ...asked(wide.leftAlone)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(decisions.length);
  });
});

describe("the editors' review queue: what the earlier passes joined", () => {
  // The old unseen-source fixture: rewordings that name the concepts the keys match on.
  const PREP = 'tests/fixtures/unseen-source/interview-prep.txt';
  const prep: Source = { id: 'interview-prep', file: PREP, format: 'question-answer', title: 'Interview prep (test source)' };
  const withPrep = [...texts, { source: prep, lines: decodeSource(readFileSync(join(ROOT, PREP)), PREP) }];
  const decisions: JoinDecision[] = [];
  const { entries } = runPipeline(withPrep, { ...options, joinHooks: { observe: (question, entry, features) => decisions.push({ question, entry, features }) } });
  const byAnswers = new Set(joinQueue(decisions).joined.flatMap((d) => d.question));
  const compare = resemblanceAmong(entries.flatMap((e) => e.variants), buildConceptIndex(VOCABULARY), repositoryData().senses).parts;
  const listed = earlierJoins(entries, (s) => s === prep.id, byAnswers, () => false, compare);

  it("lists, with the third pass's joins, every question of the new source that shares an entry, each once", () => {
    const sharing = entries.flatMap((e) => e.variants.filter((v) => v.source === prep.id && e.variants.some((w) => w.source !== prep.id)));
    const inQueue = [...byAnswers, ...listed.map((j) => j.question)];
    expect(new Set(inQueue).size).toBe(inQueue.length);
    expect(new Set(inQueue)).toEqual(new Set(sharing));
    expect(listed.length).toBeGreaterThan(0);
  });

  it('names for each the question of another source it is most like, weakest evidence first', () => {
    for (const j of listed) {
      expect(j.closest.source).not.toBe(prep.id);
      expect(entries.find((e) => e.variants.includes(j.question))!.variants).toContain(j.closest);
    }
    expect(listed.map((j) => j.evidence.score)).toEqual([...listed.map((j) => j.evidence.score)].sort((a, b) => a - b));
  });

  it('leaves out a question an editor has placed with a curation', () => {
    const placed = listed[0]!.question;
    expect(earlierJoins(entries, (s) => s === prep.id, byAnswers, (v) => v === placed, compare).map((j) => j.question)).not.toContain(placed);
  });
});

describe('a source the editors reviewed (groupingReviewed)', () => {
  it('keeps the grouping the earlier passes and the curations gave it', () => {
    const shipped = runPipeline(texts, options).kb;
    const withoutPass = runPipeline(texts, { ...options, joinHooks: { decide: () => false } }).kb;
    expect(texts.every((t) => t.source.groupingReviewed)).toBe(true);
    expect(shipped.entries.map((e) => e.id)).toEqual(withoutPass.entries.map((e) => e.id));
  });

  it('would be regrouped by the pass if it were not reviewed', () => {
    const unreviewed = texts.map((t) => ({ ...t, source: { ...t.source, groupingReviewed: false } }));
    let weighed = 0;
    runPipeline(unreviewed, { ...options, joinHooks: { observe: () => weighed++, decide: () => false } });
    expect(weighed).toBeGreaterThan(100);
  });
});

describe('the third pass on the real sources, none of them reviewed', () => {
  const variants = automaticKnowledgeBase().kb.entries.flatMap((e) => e.variants);
  const lexicon = buildLexicon(texts.map((t) => t.lines.join('\n')));
  const grouping = { isRare: (w: string) => lexicon.count(w) <= 2, senses: repositoryData().senses };
  const together = (groups: ReturnType<typeof groupVariants>) => groups.map((g) => g.variants.map((v) => `${v.source}:${v.line}`).join(' '));

  it('decides as it would with every feature read in full, though it stops comparing once the decision is settled', () => {
    let weighed = 0;
    const watched = groupVariants(variants, buildConceptIndex(VOCABULARY), { ...grouping, joinHooks: { observe: () => weighed++ } });
    const plain = groupVariants(variants, buildConceptIndex(VOCABULARY), grouping);
    const none = groupVariants(variants, buildConceptIndex(VOCABULARY), { ...grouping, joinHooks: { decide: () => false } });
    expect(weighed).toBeGreaterThan(50);
    expect(together(plain)).not.toEqual(together(none));
    expect(together(plain)).toEqual(together(watched));
  });
});

describe('the join decision', () => {
  it('rises with every reading of resemblance', () => {
    const base = { nearest: 0.3, margin: 0.05, answers: 0.3, closestVariant: 0.3 };
    for (const feature of Object.keys(base) as (keyof typeof base)[]) {
      expect(joinProbability({ ...base, [feature]: base[feature] + 0.2 }), feature).toBeGreaterThan(joinProbability(base));
    }
  });

  it('finds no entry for a question that shares no sense with any', () => {
    const fakeResemblance = {
      vectors: (v: { question: string }) => ({ question: new Map([[v.question, 1]]), answer: new Map<string, number>() }),
      resemble: () => 0,
      parts: () => ({ questions: 0, answers: 0, cross: 0, score: 0 }),
      documents: () => 0,
    };
    const variant = (question: string) => ({ source: 's', line: 1, question, answer: null }) as never;
    const index = entryIndex([[variant('attention')], [variant('lora')]], fakeResemblance, () => [0, 1]);
    expect(index.nearest([variant('mamba')])).toBeNull();
    expect(index.nearest([variant('lora')])!.entry).toBe(1);
  });
});
