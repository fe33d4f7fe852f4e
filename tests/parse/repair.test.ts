import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairLines } from '../../scripts/lib/parse/repair.ts';
import { manifestSource, ROOT } from '../helpers/fixtures.ts';

const deck = manifestSource('flashcards');
const lines = readFileSync(join(ROOT, deck.file), 'utf8').split('\n');

describe("a source's repairs", () => {
  it('repair the line its manifest entry names before the source is parsed', () => {
    expect(lines[591]).toBe('ou want to support multiple domains on one LLM efficiently. How does LoRA help?');
    const repaired = repairLines(lines, deck);
    expect(repaired.lines[591]).toBe('You want to support multiple domains on one LLM efficiently. How does LoRA help?');
    expect(repaired.problems).toEqual([]);
    expect(repaired.applied).toEqual([true]);
    expect(repaired.lines.filter((l, i) => l !== lines[i])).toHaveLength(1);
  });

  it('leave a line that no longer holds the damaged text as it is, and say so', () => {
    const edited = lines.map((l, i) => (i === 591 ? 'You want to support multiple domains on one LLM efficiently. How does LoRA help?' : l));
    const repaired = repairLines(edited, deck);
    expect(repaired.lines).toEqual(edited);
    expect(repaired.applied).toEqual([false]);
    expect(repaired.problems).toEqual([
      expect.objectContaining({ file: deck.file, line: 592, message: expect.stringMatching(/repair 1 of source "flashcards" .* expects "ou want" on this line/) }),
    ]);
  });
});
