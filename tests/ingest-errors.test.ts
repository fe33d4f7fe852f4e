/**
 * Broken input: each case stops the ingest with a non-zero exit and one message naming the file (and line),
 * what was expected and how to fix it, with no stack trace; the previous output is left byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.ts';

/** Run as npm run ingest runs it: on Node's own TypeScript. */
const INGEST = join(ROOT, 'scripts/ingest.ts');
const GOOD_MANIFEST = {
  sources: [{ id: 'qa', file: 'sources/qa.txt', format: 'question-answer', title: 'Questions and answers' }],
};

let root: string;

function ingest(): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [INGEST, '--root', root, '--quiet'], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fingerprint of everything the ingest writes. */
function outputHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  for (const out of ['src/content/docs', 'public/kb.json', 'sources/entry-ids.json']) walk(join(root, out));
  return hash.digest('hex');
}

function writeManifest(manifest: unknown): void {
  writeFileSync(join(root, 'sources/sources.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kb-ingest-'));
  mkdirSync(join(root, 'sources'));
  for (const file of ['vocabulary.yaml', 'topics.yaml']) cpSync(join(ROOT, 'sources', file), join(root, 'sources', file));
  cpSync(join(ROOT, 'tests/fixtures/question-answer/prose-and-bullets.txt'), join(root, 'sources/qa.txt'));
  writeManifest(GOOD_MANIFEST);
  const first = ingest();
  expect(first.status, first.stderr).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases: [string, () => void, RegExp][] = [
  ['an empty source file', () => writeFileSync(join(root, 'sources/qa.txt'), ''), /sources\/qa\.txt: the file is empty\n {2}How to fix: /],
  ['a binary source file', () => writeFileSync(join(root, 'sources/qa.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a])), /sources\/qa\.txt: the file is (?:binary|not UTF-8)/],
  ['a source that is not UTF-8', () => writeFileSync(join(root, 'sources/qa.txt'), Buffer.from('1. Question: Qu\xe9 es?\nAnswer: s\xed', 'latin1')), /sources\/qa\.txt: the file is not UTF-8 text\n {2}How to fix: convert it to UTF-8/],
  ['a manifest entry whose file is missing', () => writeManifest({ sources: [{ ...GOOD_MANIFEST.sources[0], file: 'sources/gone.txt' }] }), /sources\/sources\.json: source "qa" names the file sources\/gone\.txt, which does not exist/],
  ['an unknown layout name', () => writeManifest({ sources: [{ ...GOOD_MANIFEST.sources[0], format: 'slides' }] }), /sources\/sources\.json\n\s*6:\d+\s+error\s+sources\.0\.format: unknown layout "slides": use one of numbered-questions/],
  ['a manifest that is not valid JSON', () => writeManifest('{\n  "sources": [\n    { "id": "qa", }\n  ]\n}'), /sources\/sources\.json:3: the manifest is not valid JSON/],
  ['options its layout does not have', () => writeManifest({ sources: [{ ...GOOD_MANIFEST.sources[0], options: { ratingWidget: ['How well?', '1'] } }] }), /sources\/sources\.json\n\s*\d+:\d+\s+error\s+sources\.0\.options: Unrecognized key: "ratingWidget" \(options of the "question-answer" layout\)/],
  ['a misspelt key in the manifest', () => writeManifest({ sources: [{ ...GOOD_MANIFEST.sources[0], groupingReviwed: true }] }), /sources\/sources\.json\n\s*8:\d+\s+error\s+groupingReviwed: unknown key; did you mean groupingReviewed\?/],
  ['a section put in a topic that does not exist', () => writeManifest({ sources: [{ ...GOOD_MANIFEST.sources[0], sectionTopics: { 'Chapter One': 'cooking' } }] }), /sources\/sources\.json: source "qa" puts its section "Chapter One" in the topic "cooking", which does not exist\n {2}How to fix: use one of foundations, /],
  ['a source in which its parser finds no question', () => writeFileSync(join(root, 'sources/qa.txt'), 'Just some notes.\nNo questions here.\n'), /sources\/qa\.txt: the "question-answer" parser found no question in this file/],
];

describe('broken input', () => {
  for (const [name, breakIt, message] of cases) {
    it(`refuses ${name} with one clear message and leaves the last good output as it was`, () => {
      const before = outputHash();
      const good = readFileSync(join(root, 'sources/qa.txt'));
      breakIt();
      const run = ingest();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      // One message with its fix, or the editors' files' problems listed together, one line each.
      expect(run.stderr).toMatch(/How to fix: |✖ \d+ errors?/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(6);
      expect(outputHash()).toBe(before);
      writeFileSync(join(root, 'sources/qa.txt'), good);
      writeManifest(GOOD_MANIFEST);
    });
  }
});

describe('the command line', () => {
  it('refuses an option it does not know, with its usage, and writes nothing', () => {
    const before = outputHash();
    const run = spawnSync(process.execPath, [INGEST, '--root', root, '--verbose'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ingest: Unknown option '--verbose'\n {2}usage: npm run ingest -- \[--root DIR\] \[--quiet\]\n$/);
    expect(outputHash()).toBe(before);
  });
});

describe("the editors' entry files", () => {
  it('stop the ingest, naming the file and line, when a quote is not in its answer, and leave the last good output', () => {
    const before = outputHash();
    const built = JSON.parse(readFileSync(join(root, 'public/kb.json'), 'utf8'));
    const id: string = built.entries.find((e: { variants: { line: number }[] }) => e.variants.some((v) => v.line === 3)).id;
    const file = join(root, `sources/entries/${id}.md`);
    const text = (quote: string) => `---
corrections:
  - question: qa:3
    quote: "${quote}"
    problem: What the source gets wrong.
    refs:
      - title: A paper
        url: https://example.org/paper
answer:
  writtenFrom: [qa:3]
  reason: The source answers alone; the editors corrected it.
---

The right statement.[^fix]

[^fix]: correction
`;
    mkdirSync(join(root, 'sources/entries'), { recursive: true });
    writeFileSync(file, text('a sentence the answer does not contain'));
    try {
      const run = ingest();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`sources/entries/${id}.md`);
      expect(run.stderr).toMatch(/\n\s*4:1\s+error\s+the quote is not in the answer of qa:3/);
      expect(outputHash()).toBe(before);
      writeFileSync(file, text("Google's Neural Machine Translation (GNMT) system"));
      const fixed = ingest();
      expect(fixed.status, fixed.stderr).toBe(0);
      const kb = JSON.parse(readFileSync(join(root, 'public/kb.json'), 'utf8'));
      const entry = kb.entries.find((e: { variants: { line: number }[] }) => e.variants.some((v) => v.line === 3));
      expect(entry.answer).toBe('The right statement.');
      expect(entry.credits).toEqual([{ point: 'The right statement.', answers: [], correction: true, editors: false }]);
      expect(entry.variants[0].answer).toContain('GNMT');
      expect(entry.notes[0]).toMatchObject({ kind: 'correction', refs: [{ title: 'A paper', url: 'https://example.org/paper' }] });
    } finally {
      rmSync(join(root, 'sources/entries'), { recursive: true, force: true });
    }
  });
});

describe("the editors' vocabulary, topics and diagrams", () => {
  const vocabulary = () => readFileSync(join(ROOT, 'sources/vocabulary.yaml'), 'utf8');
  const lineOf = (text: string, part: string) => text.slice(0, text.indexOf(part)).split('\n').length;

  function refused(breakIt: () => void, messages: RegExp[]): void {
    const before = outputHash();
    breakIt();
    try {
      const run = ingest();
      expect(run.status).toBe(1);
      for (const message of messages) expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(outputHash()).toBe(before);
    } finally {
      cpSync(join(ROOT, 'sources/vocabulary.yaml'), join(root, 'sources/vocabulary.yaml'));
      rmSync(join(root, 'sources/diagrams'), { recursive: true, force: true });
    }
  }

  it('stop the ingest at a misspelt key of a concept, naming the file, the line and the key it meant', () => {
    const text = vocabulary().replace('noGlossary: false', 'noGlosary: false');
    refused(() => writeFileSync(join(root, 'sources/vocabulary.yaml'), text), [
      new RegExp(`sources/vocabulary\\.yaml\n\\s*${lineOf(text, 'noGlosary')}:\\d+\\s+error\\s+noGlosary: unknown key; did you mean noGlossary\\?`),
    ]);
  });

  it('stop the ingest at a concept put in a topic that does not exist', () => {
    const text = vocabulary().replace('topic: peft', 'topic: pefts');
    refused(() => writeFileSync(join(root, 'sources/vocabulary.yaml'), text), [
      new RegExp(`\\n\\s*${lineOf(text, 'topic: pefts')}:\\d+\\s+error\\s+topic: no topic "pefts" in sources/topics\\.yaml`),
    ]);
  });

  it("report every diagram's problem together: one without its frontmatter, one naming a concept the vocabulary lacks", () => {
    refused(
      () => {
        mkdirSync(join(root, 'sources/diagrams'));
        writeFileSync(join(root, 'sources/diagrams/bare.mmd'), 'flowchart LR\n  A --> B\n');
        writeFileSync(join(root, 'sources/diagrams/lora.mmd'), '---\nconcept: lora-adapters\ntitle: LoRA\n---\nflowchart LR\n  A --> B\n');
      },
      [/sources\/diagrams\/bare\.mmd\n\s*1:1\s+error\s+a diagram starts with a frontmatter block/, /sources\/diagrams\/lora\.mmd\n\s*2:\d+\s+error\s+concept: no concept "lora-adapters" in sources\/vocabulary\.yaml/],
    );
  });
});

describe('encodings', () => {
  it('reads UTF-8 with a byte-order mark and CRLF line endings, keeping emoji and non-Latin scripts', () => {
    const text = '\uFEFF1. Question: What does 注意力 (attention) mean? 🤖\r\n\r\nAnswer: Внимание: each token weighs the others — تماماً 👍\r\n';
    writeFileSync(join(root, 'sources/qa.txt'), text);
    const run = ingest();
    expect(run.status, run.stderr).toBe(0);
    const kb = JSON.parse(readFileSync(join(root, 'public/kb.json'), 'utf8'));
    expect(kb.entries[0].question).toBe('What does 注意力 (attention) mean? 🤖');
    expect(kb.entries[0].variants[0].answer).toBe('Внимание: each token weighs the others — تماماً 👍');
    expect(kb.entries[0].variants[0].line).toBe(1);
  });
});

