import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceText } from '../../scripts/lib/read/types.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { decodeSource, readGlossary, readIdMap, readManifest, readSources } from '../../scripts/lib/index.ts';
import { readAnkiFile } from '../helpers/anki-import.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { realEntryFiles } from '../helpers/run-pipeline.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

const texts = readSources(ROOT, readManifest(ROOT));
const options = { base: '/', entryFiles: realEntryFiles(), idMap: readIdMap(ROOT), glossary: readGlossary(ROOT) };
const extra = (id: string, file: string, title: string): SourceText => ({
  source: { id, file, format: 'question-answer', title },
  lines: decodeSource(readFileSync(join(ROOT, file)), file),
});
const hostile = extra('hostile', 'tests/fixtures/hostile/hostile.txt', 'Hostile snippets (test source)');
const unseen = extra('interview-prep', 'tests/fixtures/unseen-source/interview-prep.txt', 'Interview prep (test source)');

// As the site is built: with the committed id map (the run shared by the unit tests).
const first = realKnowledgeBase();
const deck = readAnkiFile(first.ankiDeck);

describe('the Anki deck, read as Anki imports it', () => {
  it('declares a tab-separated HTML file of Basic notes with GUID, deck and tags columns', () => {
    expect(deck.headers).toEqual({
      separator: '\t',
      html: true,
      notetype: 'Basic',
      guidColumn: 1,
      deckColumn: 2,
      tagsColumn: 5,
      columns: ['GUID', 'Deck', 'Front', 'Back', 'Tags'],
    });
  });

  it('has one note per entry, each with a GUID of its own and exactly the five columns', () => {
    const lines = first.ankiDeck.trimEnd().split('\n').filter((l) => !l.startsWith('#'));
    expect(deck.notes).toHaveLength(first.kb.entries.length);
    expect(lines).toHaveLength(first.kb.entries.length);
    expect(new Set(deck.notes.map((n) => n.guid)).size).toBe(first.kb.entries.length);
    for (const note of deck.notes) expect(Object.keys(note.fields)).toEqual(['Front', 'Back']);
  });

  it('files every note in its topic subdeck and tags it with its topic and sources', () => {
    const byGuid = new Map(deck.notes.map((n) => [n.guid, n]));
    const topicTitle = new Map(first.kb.topics.map((t) => [t.id, t.title]));
    for (const entry of first.kb.entries) {
      const note = deck.notes.find((n) => n.guid.endsWith(`:${entry.id}`))!;
      expect(byGuid.get(note.guid)).toBe(note);
      expect(note.deck).toBe(`Transformer & LLM Interview Questions::${topicTitle.get(entry.topic)}`);
      expect(note.tags).toContain(`llm-interview::topic::${entry.topic}`);
      for (const source of entry.sources) expect(note.tags).toContain(`llm-interview::source::${source}`);
    }
    expect(new Set(deck.notes.map((n) => n.deck)).size).toBe(first.kb.topics.length);
  });

  it('puts the question on the front and the answer, the editors’ notes and the sources on the back', () => {
    const entry = first.kb.entries.find((e) => e.id === 'sparse-vs-dense-loss-functions-in-language-models')!;
    const note = deck.notes.find((n) => n.guid.endsWith(`:${entry.id}`))!;
    expect(note.fields.Front).toBe('What is the difference between sparse and dense loss functions in language models?');
    expect(note.fields.Back).toContain('<li>Evaluates token-level predictions.</li>');
    expect(note.fields.Back).toContain("<strong>Editors' correction:</strong>");
    expect(note.fields.Back).toContain('<a href="https://www.tensorflow.org/api_docs/python/tf/keras/losses/SparseCategoricalCrossentropy">');
    expect(note.fields.Back).toContain('<em>Asked in Part 6.</em>');
    // A glossary link is relative to the site: in Anki only its text is left.
    expect(note.fields.Back).toContain('continuous targets such as embeddings, not');
  });

  it('writes math in the delimiters Anki renders with MathJax, never as dollars', () => {
    const withMath = deck.notes.filter((n) => n.fields.Back!.includes('\\('));
    expect(withMath.length).toBeGreaterThan(10);
    expect(deck.notes.find((n) => n.fields.Back!.includes('\\(\\mathrm{LN}(x + \\mathrm{Sublayer}(x))\\)'))).toBeDefined();
    expect(deck.notes.filter((n) => /\$[^$\s][^$]*\$/.test(n.fields.Back!) && !n.fields.Back!.includes('<code>'))).toEqual([]);
  });

  it('keeps hostile source text as escaped text: no script, image, handler or comment reaches Anki', () => {
    const withHostile = readAnkiFile(runPipeline([...texts, hostile], { ...options, idMap: first.idMap }).ankiDeck);
    const notes = withHostile.notes.filter((n) => n.tags.includes('llm-interview::source::hostile'));
    expect(notes.length).toBeGreaterThan(3);
    const html = notes.map((n) => `${n.fields.Front}\n${n.fields.Back}`).join('\n');
    expect(html).not.toMatch(/<(script|img|iframe|style)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).toContain('&#x3C;script>alert("xss")&#x3C;/script>');
    expect(html).toContain('&#x3C;!-- this comment must stay visible -->');
  });

  // Grouping reads sources in manifest order (a new source joins what came before it), so the new source goes last.
  it('keeps every GUID when the deck is built again with a new source', () => {
    const again = readAnkiFile(runPipeline([...texts, unseen], { ...options, idMap: first.idMap }).ankiDeck);
    const guids = new Set(again.notes.map((n) => n.guid));
    expect(deck.notes.filter((n) => !guids.has(n.guid)).map((n) => n.guid)).toEqual([]);
    expect(again.notes.length).toBeGreaterThan(deck.notes.length);
  });

  it('is byte-identical when built twice from the same sources', () => {
    expect(runPipeline(texts, { ...options, idMap: readIdMap(ROOT) }).ankiDeck).toBe(first.ankiDeck);
  });
});
