import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairwiseScores } from '../../eval/grouping-scores.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { automaticKnowledgeBase, realKnowledgeBase } from '../helpers/kb.ts';

const labels = JSON.parse(readFileSync(join(ROOT, 'eval/duplicates-dev.json'), 'utf8'));

describe('deduplication on the hand-labelled pairs', () => {
  for (const [name, build] of [
    ['without any curation', automaticKnowledgeBase],
    ['with the curations applied', realKnowledgeBase],
  ] as const) {
    it(`reaches precision 0.95 and recall 0.90 ${name}`, () => {
      const scores = pairwiseScores(build().kb, labels);
      expect(scores.unmatched).toEqual([]);
      expect(scores.precision).toBeGreaterThanOrEqual(0.95);
      expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    });
  }
});
