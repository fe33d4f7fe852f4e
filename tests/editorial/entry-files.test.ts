/**
 * The editors' entry files (sources/entries/<id>.md): decisions in the frontmatter, the answer in the body with
 * GFM footnotes citing the original answers; every problem reported at its line, all of them together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialise } from '../../scripts/lib/shared/markdown.ts';
import { EditorialErrors } from '../../scripts/lib/shared/check.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { readManifest, readSources } from '../../scripts/lib/index.ts';
import { entryFile } from '../helpers/entry-files.ts';
import { realEntryFiles } from '../helpers/run-pipeline.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { realKnowledgeBase, siteOptions } from '../helpers/kb.ts';

const BERT = 'what-is-bert-and-what-makes-it-unique-among-transformer-models';
/** The BERT entry's file as it was when these tests were written, so that the editors can go on improving the real one. */
const bertText = readFileSync(join(ROOT, `tests/fixtures/entry-files/${BERT}.md`), 'utf8');
/** The real file, for what the whole pipeline on the real sources reports about it. */
const realBertText = readFileSync(join(ROOT, `sources/entries/${BERT}.md`), 'utf8');
/** The line of the file on which `text` first appears (1-based): where the editors would look. */
const lineOf = (text: string) => bertText.slice(0, bertText.indexOf(text)).split('\n').length;
const errorsOf = (vfile: { messages: { fatal?: boolean | null; line?: number | null; reason: string }[] }) =>
  vfile.messages.filter((m) => m.fatal).map((m) => `${m.line}: ${m.reason}`);

describe('an entry file', () => {
  it('gives its decisions in the frontmatter and the answer in the body, citations as footnotes', () => {
    const { file, vfile } = entryFile(BERT, bertText);
    expect(errorsOf(vfile)).toEqual([]);
    expect(file!.data.answer!.writtenFrom).toEqual(['part-6:104', 'llm-qa:87', '200-questions:298']);
    expect(serialise(file!.answer!)).toMatch(/^- BERT \(Bidirectional Encoder Representations from Transformers\)/);
    expect(file!.citations.map((c) => [c.label, c.answers.map((a) => `${a.source}:${a.line}`)])).toEqual([
      ['part-6', ['part-6:104']],
      ['llm-qa', ['llm-qa:87']],
      ['200-questions', ['200-questions:298']],
    ]);
  });

  it('names a misspelt key with its line and the key it was meant to be', () => {
    const { vfile } = entryFile(BERT, bertText.replace('  writtenFrom:', '  writenFrom:'));
    expect(errorsOf(vfile)).toContain(`${lineOf('  writtenFrom:')}: writenFrom: unknown key; did you mean writtenFrom?`);
    expect(vfile.path).toBe(`sources/entries/${BERT}.md`);
  });

  it('refuses a control character at its line: a TeX command written through a string escape ("\\a" in \\alpha)', () => {
    const { vfile } = entryFile(BERT, bertText.replace('writtenFrom:', 'writtenFrom:').replace(/^---\nshort: >-\n  /, '---\nshort: >-\n  \u0007'));
    expect(errorsOf(vfile)).toContain('3: a control character (U+0007) at column 3: retype it (a TeX command such as \\alpha written through an escape becomes one)');
  });

  it('reports every problem of the file together', () => {
    const text = bertText.replace('  reason:', '  reasons:').replace('    - llm-qa:87', '    - LLM Q&A line 87').replace('[^llm-qa]: llm-qa:87', '[^llm-qa]: line 87');
    const { vfile } = entryFile(BERT, text);
    const errors = errorsOf(vfile);
    expect(errors).toContain(`${lineOf('  reason:')}: reasons: unknown key; did you mean reason?`);
    expect(errors).toContain(`${lineOf('    - llm-qa:87')}: answer.writtenFrom.1: name a question by its source id and line, e.g. "part-6:20"`);
  });

  it('refuses a link inside the site, at its line: the ingest makes those under the base path (a copied glossary link broke on the site)', () => {
    const text = bertText.replace('uses the', 'uses the').replace('**Bidirectional context:**', '**Bidirectional context:** [self-attention](/glossary/#self-attention) and');
    expect(errorsOf(entryFile(BERT, text).vfile)).toEqual([
      `${lineOf('- **Bidirectional context:**')}: a link to "/glossary/#self-attention" inside the site: write "self-attention" as plain text; the ingest links glossary terms and entries itself, under the site's base path`,
    ]);
  });

  it('refuses a citation with no definition, and a definition that names no answer', () => {
    const missing = entryFile(BERT, bertText.replace('[^200-questions]: 200-questions:298', '')).vfile;
    expect(errorsOf(missing)[0]).toMatch(/^\d+: \[\^200-questions\] cites nothing: add its definition/);
    const bad = entryFile(BERT, bertText.replace('[^llm-qa]: llm-qa:87', '[^llm-qa]: LLM Q&A')).vfile;
    expect(errorsOf(bad)).toEqual([expect.stringMatching(new RegExp(`^${lineOf('[^llm-qa]: llm-qa:87')}: \\[\\^llm-qa\\] cites "LLM Q&A": a citation names answers by source and line`))]);
  });
});

describe('the entry files of the site', () => {
  const { kb, problems } = realKnowledgeBase();

  it('leave no credit parenthesis in any answer: the credits are data', () => {
    expect(kb.entries.filter((e) => /\*\([^)]*\)\*/.test(e.answer ?? '')).map((e) => e.id)).toEqual([]);
    const bert = kb.entries.find((e) => e.id === BERT)!;
    // Its first point is the definition all three sources give.
    expect(bert.credits[0]).toEqual({
      point: expect.stringMatching(/^BERT \(Bidirectional Encoder Representations from Transformers\)/),
      answers: [{ source: 'part-6', line: 104 }, { source: 'llm-qa', line: 87 }, { source: '200-questions', line: 298 }],
      correction: false,
      editors: false,
    });
  });

  it("cite, in each editors' answer, every answer it was written from", () => {
    for (const file of realEntryFiles().filter((f) => f.data.answer && f.data.answer.writtenFrom.length > 1)) {
      const entry = kb.entries.find((e) => e.id === file.id)!;
      const cited = new Set(entry.credits.flatMap((c) => c.answers.map((a) => `${a.source}:${a.line}`)));
      expect([...cited].sort(), file.id).toEqual([...file.data.answer!.writtenFrom].sort());
    }
  });

  it('keep one answer per entry, the editors\' where two or more answers need one', () => {
    expect(problems).toEqual([]);
    const several = kb.entries.filter((e) => e.variants.filter((v) => v.answer).length > 1);
    expect(several.filter((e) => !e.editorsAnswer).map((e) => e.id)).toEqual([]);
  });
});

describe('a new source joining an entry the editors answered', () => {
  const texts = readSources(ROOT, readManifest(ROOT));
  const added = { source: { id: 'new-notes', file: 'sources/new-notes.txt', format: 'question-answer' as const, title: 'New notes', shortTitle: 'New notes' }, lines: ['1. Question: What is BERT?', '', 'Answer: BERT is an encoder-only Transformer pretrained with masked language modelling.', '', '2. Question: Why do lighthouse keepers log fog signals?', '', 'Answer: A fog-signal log records when the horn sounded and for how long.'] };
  const result = runPipeline([...texts, added], siteOptions());
  const entry = result.kb.entries.find((e) => e.id === BERT)!;

  it("shows its answer verbatim under the editors' answer, as not yet reviewed", () => {
    expect(entry.variants.map((v) => v.source)).toContain('new-notes');
    expect(entry.answer).toContain('**Also answered by New notes, not yet reviewed by the editors:**\n\nBERT is an encoder-only Transformer pretrained with masked language modelling.');
    const editorsAnswer = realKnowledgeBase().kb.entries.find((e) => e.id === BERT)!.answer!;
    expect(entry.answer!.startsWith(editorsAnswer.trimEnd())).toBe(true);
  });

  it('answers a question only it asks with its own answer, as written', () => {
    const own = result.kb.entries.find((e) => e.variants.some((v) => v.source === 'new-notes' && v.question.startsWith('Why do lighthouse keepers')))!;
    expect(own.variants).toHaveLength(1);
    expect(own.editorsAnswer).toBe(false);
    expect(own.answer).toBe('A fog-signal log records when the horn sounded and for how long.');
  });

  it('lists the entry as waiting for the editors', () => {
    expect(result.problems).toEqual([
      { file: `sources/entries/${BERT}.md`, line: realBertText.split('\n').indexOf('---', 1) + 2, message: expect.stringContaining('new-notes:1 waits for the editors') },
    ]);
  });
});

describe('a file that comes loose from its entry', () => {
  const texts = readSources(ROOT, readManifest(ROOT));
  const withFile = (id: string, text: string) => {
    const files = realEntryFiles().filter((f) => f.id !== id);
    const { file } = entryFile(id, text);
    return () => runPipeline(texts, { ...siteOptions(), entryFiles: [...files, file!] });
  };
  const report = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof EditorialErrors) return error.format();
      throw error;
    }
    return '';
  };

  it('stops the ingest naming the file and line of a question name that matches nothing', () => {
    expect(report(withFile(BERT, bertText.replace('    - llm-qa:87', '    - llm-qa:88')))).toMatch(new RegExp(`sources/entries/what-is-bert-[\\w-]+\\.md\\n\\s*${lineOf('    - llm-qa:87')}:1\\s+error\\s+llm-qa:88 names no question`));
  });

  it('stops the ingest when a quoted claim is not in the answer it names', () => {
    const id = 'sparse-vs-dense-loss-functions-in-language-models';
    const text = readFileSync(join(ROOT, `sources/entries/${id}.md`), 'utf8').replace('quote: "**Dense Loss (Mean Squared Error):**"', 'quote: "Dense loss is always better"');
    const line = text.slice(0, text.indexOf('quote: "Dense loss is always better"')).split('\n').length;
    expect(report(withFile(id, text))).toMatch(new RegExp(`${line}:1\\s+error\\s+the quote is not in the answer of part-6:240`));
  });
});

describe("the editors' own points in an answer", () => {
  const texts = readSources(ROOT, readManifest(ROOT));
  const addition = '\n- BERT-base has 12 layers, a hidden size of 768 and 12 attention heads: 110M parameters.[^ed]\n\n[^ed]: editors\n';
  const references = 'references:\n  - { title: "BERT (Devlin et al., 2019)", url: "https://arxiv.org/abs/1810.04805" }\n';
  const withReferences = bertText.replace(/\n---\n/, `\n${references}---\n`) + addition;

  it('cite "editors", and the works they draw on are shown with the answer', () => {
    const { file, vfile } = entryFile(BERT, withReferences);
    expect(errorsOf(vfile)).toEqual([]);
    const files = realEntryFiles().filter((f) => f.id !== BERT);
    const { kb } = runPipeline(texts, { ...siteOptions(), entryFiles: [...files, file!] });
    const bert = kb.entries.find((e) => e.id === BERT)!;
    expect(bert.credits.at(-1)).toEqual({ point: expect.stringMatching(/^BERT-base has 12 layers/), answers: [], correction: false, editors: true });
    expect(bert.notes).toContainEqual({ kind: 'note', text: 'The points the editors added draw on:', refs: [{ title: 'BERT (Devlin et al., 2019)', url: 'https://arxiv.org/abs/1810.04805' }] });
  });

  it('are refused without references, at the citation, and references no point cites are refused too', () => {
    const bare = entryFile(BERT, bertText + addition);
    const runWith = (file: NonNullable<typeof bare.file>) => () =>
      runPipeline(texts, { ...siteOptions(), entryFiles: [...realEntryFiles().filter((f) => f.id !== BERT), file] });
    const citation = (bertText + addition).split('\n').indexOf('[^ed]: editors') + 1;
    expect(() => runWith(bare.file!)()).toThrow(EditorialErrors);
    expect(errorsOf(bare.vfile)).toContain(`${citation}: [^ed] cites "editors", but the file has no "references": name the works the editors' points draw on`);
    const unused = entryFile(BERT, bertText.replace(/\n---\n/, `\n${references}---\n`));
    expect(() => runWith(unused.file!)()).toThrow(EditorialErrors);
    expect(errorsOf(unused.vfile)[0]).toMatch(/: the file has "references", but no point of the answer cites "editors"/);
  });
});

describe('a point of an answer written from the sources', () => {
  const texts = readSources(ROOT, readManifest(ROOT));
  const answerWith = (body: string) => bertText.replace(/\n\[\^part-6\]: part-6:104/, `\n${body}\n\n[^part-6]: part-6:104`);
  const run = (text: string) => {
    const { file, vfile } = entryFile(BERT, text);
    try {
      runPipeline(texts, { ...siteOptions(), entryFiles: [...realEntryFiles().filter((f) => f.id !== BERT), file!] });
    } catch (error) {
      if (!(error instanceof EditorialErrors)) throw error;
    }
    return errorsOf(vfile);
  };

  it('is refused, at its line, when it cites nothing: the page could not say where it comes from', () => {
    const text = answerWith('BERT-base has 12 layers and 110M parameters.\n\n- BERT-large has 24 layers.');
    const line = (start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    expect(run(text)).toEqual([
      `${line('BERT-base has')}: this point cites nothing: cite the original answer it comes from ("[^part-6]"), or "[^ed]" for the editors' own point with its work in "references"`,
      `${line('- BERT-large')}: this point cites nothing: cite the original answer it comes from ("[^part-6]"), or "[^ed]" for the editors' own point with its work in "references"`,
    ]);
  });

  it('needs no citation of its own as a label, or as a list item under a lead-in that cites', () => {
    const text = answerWith(
      '**Sizes**\n\nTwo sizes were released:[^part-6]\n\n- BERT-base, 110M parameters.\n- **Large:**\n  - 340M parameters.\n\n**Uses**\n\n- Classification heads on the [CLS] token.[^llm-qa]\n- Sentence pairs.',
    );
    const { file, vfile } = entryFile(BERT, text);
    expect(errorsOf(vfile)).toEqual([]);
    // Only the item under a label that cites nothing is a point of its own.
    expect(file!.uncited).toEqual([text.split('\n').indexOf('- Sentence pairs.') + 1]);
  });
});

describe("an editors' question", () => {
  const CONTEXT = 'what-is-a-context-window';
  const contextText = readFileSync(join(ROOT, `sources/entries/${CONTEXT}.md`), 'utf8');
  const { kb } = realKnowledgeBase();

  it('is a wording of its file\'s entry, credited to the editors, answered by the body with its references', () => {
    const entry = kb.entries.find((e) => e.id === CONTEXT)!;
    const ours = entry.variants.find((v) => v.source === 'editors')!;
    expect(ours.question).toBe('What is a "context window"?');
    expect(ours.line).toBe(contextText.split('\n').indexOf('question: What is a "context window"?') + 1);
    expect(entry.answer).toMatch(/^The context window is the maximum number of tokens \(not words\)/);
    expect(entry.sources).toEqual(['llm-interview-post', 'editors']);
    expect(entry.notes.find((n) => n.text === 'References for this answer:')!.refs[0]!.url).toBe('https://arxiv.org/abs/2307.03172');
  });

  it('is added by one file: an id no entry has creates the entry', () => {
    const question = 'What is speculative sampling with a draft model, and why is its output unchanged?';
    const text = `---\nquestion: ${question}\nreferences:\n  - { title: "Fast Inference from Transformers via Speculative Decoding", url: https://arxiv.org/abs/2211.17192 }\n---\n\nA small draft model proposes several tokens; the large model checks them in one pass and keeps the longest prefix it agrees with, so the output follows the large model's distribution.\n`;
    const { file, vfile } = entryFile('what-is-speculative-sampling-with-a-draft-model', text);
    expect(errorsOf(vfile)).toEqual([]);
    const { kb: added } = runPipeline(readSources(ROOT, readManifest(ROOT)), { ...siteOptions(), entryFiles: [...realEntryFiles(), file!] });
    const entry = added.entries.find((e) => e.id === 'what-is-speculative-sampling-with-a-draft-model')!;
    expect(entry.question).toBe(question);
    expect(entry.variants).toEqual([{ source: 'editors', line: 2, question, answer: expect.stringMatching(/^A small draft model proposes/) }]);
    expect(added.entries).toHaveLength(kb.entries.length + 1);
  });

  it('without an answer, or with a misspelt key, is refused at its line', () => {
    const bare = entryFile(CONTEXT, contextText.replace(/\n---\n[\s\S]*$/, '\n---\n')).vfile;
    expect(errorsOf(bare)).toEqual([`2: the file asks the editors' "question" but has no answer: write the answer under the frontmatter`]);
    const misspelt = entryFile(CONTEXT, contextText.replace('question:', 'qestion:')).vfile;
    expect(errorsOf(misspelt)).toContain('2: qestion: unknown key; did you mean question?');
  });

  it('is named by its file, not by source and line, in another entry\'s decisions', () => {
    const { vfile } = entryFile(BERT, bertText.replace('    - llm-qa:87\n', '    - llm-qa:87\n    - editors:2\n'));
    expect(errorsOf(vfile)).toContain(`${lineOf('    - llm-qa:87') + 1}: answer.writtenFrom.2: an editors' question is placed by its file's "question" and answered by its body: name a source's question here`);
  });
});
