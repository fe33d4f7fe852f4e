/**
 * The attach pass's bound on how much a question resembles an entry (scripts/lib/group/entry-bound.ts), on the
 * real questions read twenty at a time, so that the rarities move between readings as they do over many sources:
 * an entry the bound passes over could not have been chosen.
 */
import { describe, expect, it } from 'vitest';
import { buildConceptIndex, repositoryData, type Variant } from '../../scripts/lib/index.ts';
import { ATTACH_THRESHOLD } from '../../scripts/lib/group/attach.ts';
import { entryBounds } from '../../scripts/lib/group/entry-bound.ts';
import { resemblanceReader } from '../../scripts/lib/group/resemblance.ts';
import { automaticKnowledgeBase } from '../helpers/kb.ts';

const { vocabulary, senses } = repositoryData();
const STEP = 20;

describe('the bound on the mean resemblance of a question to an entry', () => {
  const { kb } = automaticKnowledgeBase();
  const entryOf = new Map(kb.entries.flatMap((e, i) => e.variants.map((v) => [v, i] as const)));
  const variants = kb.entries.flatMap((e) => e.variants).sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line);
  const reader = resemblanceReader(buildConceptIndex(vocabulary), senses);
  const visible = reader.growing();
  const bounds = entryBounds<number>(reader.bags, reader.senses, visible);
  const members = new Map<number, Variant[]>();
  const readings: { bound: number; mean: number }[] = [];
  for (let start = 0; start < variants.length; start += STEP) {
    const step = variants.slice(start, start + STEP);
    bounds.arriving(step);
    visible.add(step);
    const { resemble, vectors } = visible.now();
    for (const v of step) {
      for (const [entry, ws] of members) {
        const mean = ws.reduce((sum, w) => sum + resemble(v, w), 0) / ws.length;
        readings.push({ bound: bounds.mean([v], entry, vectors), mean });
      }
    }
    for (const v of step) {
      const entry = entryOf.get(v)!;
      bounds.add(entry, v);
      members.set(entry, [...(members.get(entry) ?? []), v]);
    }
  }

  it('is never below the mean, however far the rarities have moved since the entry was summed', () => {
    expect(readings.length).toBeGreaterThan(10_000);
    expect(readings.filter((r) => r.bound < r.mean - 1e-9)).toEqual([]);
  });

  it('passes over most entries a question does not resemble', () => {
    const apart = readings.filter((r) => r.mean < ATTACH_THRESHOLD);
    expect(apart.filter((r) => r.bound < ATTACH_THRESHOLD).length).toBeGreaterThan(0.9 * apart.length);
  });
});
