import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairwiseScores } from '../../scripts/lib/evaluate.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { automaticKnowledgeBase, realKnowledgeBase } from '../helpers/kb.ts';

const labels = JSON.parse(readFileSync(join(ROOT, 'eval/duplicates-dev.json'), 'utf8'));

describe('deduplication on the hand-labelled pairs', () => {
  it('reaches precision 0.95 and recall 0.90 without any curation', () => {
    const { kb } = automaticKnowledgeBase();
    const scores = pairwiseScores(kb, labels);
    expect(scores.unmatched).toEqual([]);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps those scores with the curations applied', () => {
    const { kb } = realKnowledgeBase();
    const scores = pairwiseScores(kb, labels);
    expect(scores.unmatched).toEqual([]);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
  });
});
