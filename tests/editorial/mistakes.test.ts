/**
 * Every correction of a source is also a mistake a candidate should not make: what is often said and why it is
 * wrong, beside the answer; where it was said stays under "Sources and notes".
 */
import { describe, expect, it } from 'vitest';
import { realKnowledgeBase } from '../helpers/kb.ts';

const POSITION = 'what-is-positional-encoding-and-why-is-it-needed';

describe('common mistakes', () => {
  const result = realKnowledgeBase();
  const { kb } = result;

  it('are one for each correction of a source, in kb.json', () => {
    for (const entry of kb.entries) {
      expect(entry.mistakes.length, entry.id).toBe(entry.notes.filter((n) => n.kind === 'correction').length);
    }
    const position = kb.entries.find((e) => e.id === POSITION)!;
    expect(position.mistakes[0]).toEqual({
      said: '“Self-attention is permutation invariant”',
      why: expect.stringMatching(/^“Invariant” would mean the outputs do not change/),
      where: '*Flashcards*, line 94',
      refs: expect.arrayContaining([{ title: expect.stringMatching(/^Set Transformer/), url: 'https://arxiv.org/abs/1810.00825' }]),
    });
  });

  it('show beside the answer, after it and before "Sources and notes", where the correction\'s citations link', () => {
    const topic = result.pages.find((p) => p.path === 'topics/positional-encoding.mdx')!.content;
    const section = topic.slice(topic.indexOf(`{#${POSITION}\\}`));
    const mistakes = section.search(new RegExp(`<CommonMistakes count=\\{\\d+\\} id=\\{"${POSITION}--corrections"\\}>`));
    expect(mistakes).toBeGreaterThan(section.indexOf('</InShort>') + '</InShort>'.length + 200);
    expect(mistakes).toBeLessThan(section.indexOf('<SourcesAndNotes'));
    expect(section).toContain('- **Often said:** “Self-attention is permutation invariant”\n\n  **Why it is wrong:** “Invariant” would mean');
    expect(section).toMatch(new RegExp(`href=\\{"#${POSITION}--corrections"\\}`));
  });

  it('leave under "Sources and notes" only who said it, not why it is wrong a second time', () => {
    const topic = result.pages.find((p) => p.path === 'topics/positional-encoding.mdx')!.content;
    const section = topic.slice(topic.indexOf(`{#${POSITION}\\}`));
    const notes = section.slice(section.indexOf('<SourcesAndNotes'), section.indexOf('</SourcesAndNotes>'));
    expect(notes).toContain('- *Flashcards*, line 94: “Self-attention is permutation invariant”');
    expect(notes).not.toContain('would mean the outputs do not change');
  });
});
