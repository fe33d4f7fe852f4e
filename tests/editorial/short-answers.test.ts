/**
 * "In short": the two or three sentences a candidate says first, written by the editors in every entry's file
 * (`short:`), and shown first wherever the entry appears.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnkiFile } from '../helpers/anki-import.ts';
import { entryFile } from '../helpers/entry-files.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

const BERT = 'what-is-bert-and-what-makes-it-unique-among-transformer-models';
const bertText = readFileSync(join(ROOT, `sources/entries/${BERT}.md`), 'utf8');
const errorsOf = (vfile: { messages: { fatal?: boolean | null; line?: number | null; reason: string }[] }) =>
  vfile.messages.filter((m) => m.fatal).map((m) => `${m.line}: ${m.reason}`);

describe('an entry file\'s "In short"', () => {
  it('is refused past 60 words, at its line, saying where the rest goes', () => {
    const long = `short: ${Array.from({ length: 61 }, (_, i) => `word${i}`).join(' ')}\n`;
    const { vfile } = entryFile(BERT, bertText.replace(/^---\nshort: >-\n(?: {2}.*\n)+/, `---\n${long}`));
    expect(errorsOf(vfile)).toEqual(['2: short: an "In short" answer has at most 60 words: say the rest in the answer']);
  });

  it('is refused when misspelt, with the key it was meant to be', () => {
    const { vfile } = entryFile(BERT, bertText.replace(/^---\nshort:/, '---\nshrot:'));
    expect(errorsOf(vfile)).toContain('2: shrot: unknown key; did you mean short?');
  });
});

describe('the site\'s short answers', () => {
  const result = realKnowledgeBase();
  const { kb } = result;

  it('give every entry an "In short" of at most 60 words in kb.json', () => {
    expect(kb.entries.filter((e) => !e.short).map((e) => e.id)).toEqual([]);
    const over = kb.entries.filter((e) => e.short!.split(/\s+/).filter(Boolean).length > 60).map((e) => e.id);
    expect(over).toEqual([]);
  });

  it('come first on the topic page and the answer page, before the answer', () => {
    const topic = result.pages.find((p) => p.path === 'topics/model-families.mdx')!.content;
    const section = topic.slice(topic.indexOf(`{#${BERT}\\}`));
    const short = section.indexOf('<InShort>');
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(section.indexOf('BERT (Bidirectional Encoder Representations from Transformers)'));
    const answerPage = result.pages.find((p) => p.path === `q/${BERT}.mdx`)!.content;
    expect(answerPage.indexOf('<InShort>')).toBeGreaterThan(0);
    expect(answerPage.indexOf('<InShort>')).toBeLessThan(answerPage.indexOf('BERT (Bidirectional Encoder Representations from Transformers)'));
  });

  it("are the answer page's description, for link previews and search engines", () => {
    const answerPage = result.pages.find((p) => p.path === `q/${BERT}.mdx`)!.content;
    const bert = kb.entries.find((e) => e.id === BERT)!;
    const firstWords = bert.short!.split(/\s+/).slice(0, 6).join(' ');
    expect(answerPage.split('\n---')[0]).toContain(`description: "${firstWords}`);
  });

  it('open the back of every Anki note, before the full answer', () => {
    const deck = readAnkiFile(result.ankiDeck);
    expect(deck.notes.every((n) => n.fields.Back!.startsWith('<p><strong>In short:</strong>'))).toBe(true);
    const bert = deck.notes.find((n) => n.guid.endsWith(BERT))!;
    expect(bert.fields.Back!.indexOf('<hr>')).toBeLessThan(bert.fields.Back!.indexOf('Bidirectional Encoder Representations'));
  });
});
