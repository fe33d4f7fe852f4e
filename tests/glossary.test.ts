/**
 * The glossary: its terms, their definitions and credits, and the links to them in answers. Expected values
 * are written from reading the sources (sources/*.txt), not computed by the code under test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../scripts/lib/text/lexicon.ts';
import type { IngestError } from '../scripts/lib/shared/errors.ts';
import { quoteLines } from '../scripts/lib/links/glossary.ts';
import { GlossaryDataSchema } from '../scripts/lib/read/glossary-data.ts';
import fc from 'fast-check';
import { linkTerms, mentions, termMatcher } from '../scripts/lib/links/link-terms.ts';
import { parseUntrusted, serialise } from '../scripts/lib/shared/markdown.ts';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import { readGlossary, readManifest, readSources } from '../scripts/lib/index.ts';
import { ROOT } from './helpers/fixtures.ts';
import { realKnowledgeBase } from './helpers/kb.ts';

const manifest = readManifest(ROOT);
const linesOf = (source: string) => readFileSync(join(ROOT, manifest.sources.find((s) => s.id === source)!.file), 'utf8').split(/\r?\n/);
/** Letters and digits only: the source's line breaks, hyphens lost in extraction and Markdown escapes do not count. */
const letters = (text: string) => text.toLowerCase().replace(/\\(.)/g, '$1').replace(/[^a-z0-9]+/g, '');
const GLOSSARY_LINK = /\[((?:[^\][]|\\\])+)\]\(\/glossary\/#([a-z0-9-]+)\)/g;
const linksIn = (markdown: string) => [...markdown.matchAll(GLOSSARY_LINK)].map((m) => [m[1]!, m[2]!]);

describe('the glossary', () => {
  const { kb, pages } = realKnowledgeBase();
  const term = (id: string) => kb.glossary.find((t) => t.id === id);

  it('has the terms dozens of answers use, each with a definition', () => {
    const wanted = ['gpt', 'embedding', 'softmax', 'cross-attention', 'feed-forward', 'overfitting', 'pretraining', 'vanishing-gradient', 'causal-attention', 'llm'];
    for (const id of wanted) {
      const t = term(id);
      expect(t, id).toBeDefined();
      expect(t!.definition.length, id).toBeGreaterThan(40);
      expect(t!.entries.length, id).toBeGreaterThan(2);
      expect(kb.entries.some((e) => e.terms.includes(id)), `${id} is linked from some answer`).toBe(true);
    }
    expect(term('pretraining')!.term).toBe('Pre-training');
    expect(term('causal-attention')!.term).toMatch(/^Causal masking/);
  });

  it('has the terms issue 12 found missing: scaled dot-product attention, tokenization, hallucination', () => {
    // Questions that ask about them: Part 6's question 5 (scaled dot-product vs traditional attention), LLM Q&A's
    // "Which tokenizer is used in BERT?", the flashcards' "What are key challenges of RAG pipelines?".
    const wanted: Record<string, [string, string, number]> = {
      'scaled-dot-product': ['Scaled dot-product attention', 'part-6', 32],
      tokenization: ['Tokenization', 'llm-qa', 106],
      hallucination: ['Hallucination', 'flashcards', 544],
    };
    for (const [id, [heading, source, line]] of Object.entries(wanted)) {
      const entry = kb.entries.find((e) => e.variants.some((v) => v.source === source && v.line === line))!;
      expect(term(id)?.term, id).toBe(heading);
      expect(term(id)!.entries, id).toContain(entry.id);
      expect(entry.terms, `${entry.id} links ${id}`).toContain(id);
    }
    expect(term('scaled-dot-product')!.definition).toMatch(/^Scaled dot-product attention.*dot product divided by √dₖ.*softmax.*weighted sum of the values/);
    expect(term('tokenization')!.definition).toMatch(/^Tokenization splits text into tokens.*maps each token to an integer id/);
    expect(term('hallucination')!.definition).toMatch(/^A hallucination is output of a language model that is fluent .* but false, or not supported/);
  });

  it('credits each quoted definition to the line its sentence is on', () => {
    // Read from the sources: the line each defining sentence starts on.
    const credits: Record<string, [string, number]> = {
      gpt: ['200-questions', 306],
      'feed-forward': ['200-questions', 788],
      overfitting: ['200-questions', 89],
      pretraining: ['200-questions', 441],
      'vanishing-gradient': ['200-questions', 95],
      'few-shot': ['200-questions', 465],
      'early-stopping': ['200-questions', 629],
      seq2seq: ['llm-interview-post', 83],
      autoregressive: ['part-6', 146],
      'sliding-window': ['llm-qa', 29],
      'sparse-attention': ['llm-qa', 126],
      'beam-search': ['llm-qa', 80],
      'greedy-search': ['llm-qa', 81],
      mlm: ['llm-qa', 104],
      nsp: ['llm-qa', 104],
      lora: ['flashcards', 557],
    };
    for (const [id, [source, line]] of Object.entries(credits)) {
      expect([term(id)?.source, term(id)?.line], id).toEqual([source, line]);
    }
  });

  it("defines in the editors' words, with references, the terms whose source sentence says only what they are for or is wrong", () => {
    for (const id of ['causal-attention', 'positional-encoding', 'rag', 'attention', 'transformer', 'z-score', 'residual-connection']) {
      expect(term(id)?.source, id).toBeNull();
      expect(term(id)!.references.length, id).toBeGreaterThan(0);
    }
    // What the thing is, not only what it is for.
    expect(term('residual-connection')!.definition).toMatch(/\badds?\b[^.]*\binput\b/i);
  });

  it('never credits a definition to a line that does not hold it', () => {
    for (const t of kb.glossary) {
      if (t.source === null) continue;
      const lines = linesOf(t.source);
      const definition = letters(t.definition);
      const here = letters(lines[t.line! - 1]!);
      // The sentence starts on the credited line and may run on over the next few (PDF line breaks).
      expect(here, `${t.id}: ${t.source}:${t.line}`).toContain(definition.slice(0, 40));
      expect(letters(lines.slice(t.line! - 1, t.line! + 4).join(' ')), `${t.id}: ${t.source}:${t.line}`).toContain(definition);
    }
  });

  it("never credits a definition to a question's line", () => {
    const questionLines = new Set(kb.entries.flatMap((e) => e.variants.map((v) => `${v.source}:${v.line}`)));
    for (const t of kb.glossary) if (t.source !== null) expect(questionLines.has(`${t.source}:${t.line}`), t.id).toBe(false);
  });

  it("credits the editors' definitions to the paper or documentation they follow", () => {
    const editors = [
      ...['llm', 'cross-attention', 'embedding', 'rope', 'mqa', 'gqa', 'kv-cache', 'wordpiece', 'instruction-tuning', 'rlhf'],
      ...['softmax', 'qlora', 'layer-norm', 'linformer', 'scaled-dot-product', 'tokenization', 'hallucination'],
    ];
    for (const id of editors) {
      expect(term(id)?.source, id).toBeNull();
      expect(term(id)!.references.length, id).toBeGreaterThan(0);
      for (const r of term(id)!.references) expect(r.url, id).toMatch(/^https:\/\//);
    }
    expect(term('mqa')!.references.map((r) => r.url)).toContain('https://arxiv.org/abs/1911.02150');
    expect(term('gqa')!.references.map((r) => r.url)).toContain('https://arxiv.org/abs/2305.13245');
    expect(term('qlora')!.references.map((r) => r.url)).toContain('https://arxiv.org/abs/2305.14314');
    expect(term('layer-norm')!.references.map((r) => r.url)).toContain('https://arxiv.org/abs/1607.06450');
    expect(term('scaled-dot-product')!.references.map((r) => r.url)).toContain('https://arxiv.org/abs/1706.03762');
    const page = pages.find((p) => p.path === 'glossary.mdx')!.content;
    expect(page).toContain('<TermCredit references={[{"text":"Shazeer (2019)');
    expect(page).toContain('<TermCredit source={{"text":"LLM Q&A","href":"/sources/#llm-qa"}} line={104} />');
  });

  it('copies no wrong statement as a definition', () => {
    const all = kb.glossary.map((t) => t.definition).join('\n');
    expect(all).not.toMatch(/attend(?:s|ing)? to multiple queries simultaneously/i);
    expect(all).not.toMatch(/query vectors are grouped into different sets/i);
    expect(all).not.toMatch(/representations of the encoder output/i);
    expect(all).not.toMatch(/learn rotations/i);
    expect(term('mqa')!.definition).toMatch(/all query heads share a single key head and a single value head/);
    expect(term('gqa')!.definition).toMatch(/groups, and the heads of a group share one key head and one value head/);
    expect(term('kv-cache')!.definition).toMatch(/keys and values already computed for the previous tokens in every attention layer of a decoder/);
    expect(term('rope')!.definition).toMatch(/fixed \(not learned\)/);
  });

  it('defines each term in a sentence or two that says what it is', () => {
    for (const t of kb.glossary) {
      const sentences = t.definition.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length, t.id).toBeLessThanOrEqual(2);
      expect(t.definition, t.id).not.toMatch(/→|^Use |^LoRA and QLoRA|^BERT (?:is trained|typically uses)/);
    }
    expect(term('mlm')!.definition).toMatch(/^MLM involves randomly masking some tokens/);
    expect(term('nsp')!.definition).toMatch(/^NSP involves training the model to predict whether two sentences follow each other/);
    expect(term('autoregressive')!.definition).toMatch(/^An autoregressive \(AR\) model is a type of statistical or machine learning model/);
    // What QLoRA is: a 4-bit frozen base model with LoRA adapters trained on it; not "builds on LoRA by incorporating quantization".
    expect(term('qlora')!.definition).toMatch(/^QLoRA fine-tunes a large language model by quantizing its frozen pretrained weights to 4 bits .* and training LoRA adapters on top/);
    // What layer normalization computes, not only what it is for ("to stabilize and accelerate training").
    expect(term('layer-norm')!.definition).toMatch(/^Layer normalization normalizes each token's vector across its features: it subtracts the mean .* divides by their standard deviation, then applies a learned per-feature scale and shift/);
    expect(term('linformer')!.definition).toMatch(/compress the keys and values of the n tokens to a fixed number k of rows/);
    // Softmax is a function of any scores, not only of attention scores.
    expect(term('softmax')!.definition).toMatch(/^Softmax turns a vector of real-valued scores into a probability distribution: it exponentiates each score and divides by the sum/);
    expect(term('gpt')!.definition).toBe('GPT (Generative Pretrained Transformer), developed by OpenAI, is a decoder-only transformer architecture designed for text generation.');
  });
});

describe('glossary links in answers', () => {
  const { kb, glossary } = realKnowledgeBase();
  const url = (id: string) => `/glossary/#${id}`;
  const linked = (markdown: string) => serialise(linkTerms(parseUntrusted(markdown), glossary.linking, url).answer);

  it('links terms in a new tree and leaves the answer it was given as it was', () => {
    const answer = parseUntrusted('Multi-query attention shares **one key and value head** across the query heads.');
    const before = structuredClone(answer);
    const { answer: linkedAnswer, linked: terms } = linkTerms(answer, glossary.linking, url);
    expect(answer).toEqual(before);
    expect(terms).toEqual(['mqa']);
    expect(serialise(linkedAnswer)).toBe('[Multi-query attention](/glossary/#mqa) shares **one key and value head** across the query heads.');
  });

  it('links a compound term as one, or not at all, never its parts', () => {
    const answer =
      'Multi-query attention shares one key and value head. Sparse attention and local attention limit what a token sees. ' +
      'Rotary positional embeddings (RoPE) rotate queries and keys. Multi-head self-attention runs in parallel, and the ' +
      'encoder-decoder attention reads the encoder. Grouped-query attention groups the heads; absolute positional embeddings are added.';
    expect(linksIn(linked(answer))).toEqual([
      ['Multi-query attention', 'mqa'],
      ['Sparse attention', 'sparse-attention'],
      ['Rotary positional embeddings', 'rope'],
      ['Multi-head self-attention', 'multi-head'],
      ['encoder-decoder attention', 'cross-attention'],
      ['Grouped-query attention', 'gqa'],
    ]);
  });

  it('does not link "reinforcement learning" to RLHF', () => {
    const answer = 'Transformers have been applied to reinforcement learning. RLHF is reinforcement learning from human feedback.';
    expect(linksIn(linked(answer))).toEqual([['RLHF', 'rlhf']]);
    expect(linksIn(linked('Reinforcement learning is not always RLHF.'))).toEqual([['RLHF', 'rlhf']]);
    for (const e of kb.entries) {
      for (const [text, id] of linksIn(e.answer ?? '')) if (id === 'rlhf') expect(text, e.id).toMatch(/RLHF|human feedback/i);
    }
  });

  it('links an acronym only as it is spelt: "clips" (a verb) is not CLIP, "rope" is not RoPE', () => {
    // The book's answer on gradient clipping (line 837), with the verb an answer uses for it.
    const clipping =
      'Gradient clipping limits the magnitude of gradients during backpropagation, preventing them from exploding and destabilizing training. ' +
      'In practice it clips the global norm of the gradients to a threshold.';
    expect(linksIn(linked(clipping))).toEqual([['Gradient clipping', 'gradient-clipping']]);
    expect(linksIn(linked('Clip the gradients, then step the optimizer.'))).toEqual([]);
    // Part 6, line 273: the model's name still links.
    expect(linksIn(linked('**Example:** Models like CLIP use aligned embeddings for tasks like image-text matching.'))).toEqual([['CLIP', 'clip']]);
    expect(linksIn(linked('A rope is not RoPE, and a rag is not RAG.'))).toEqual([
      ['RoPE', 'rope'],
      ['RAG', 'rag'],
    ]);
    // Part 6, line 171: an acronym's plural is the acronym.
    expect(linksIn(linked('What is catastrophic forgetting in LLMs, and how does it impact model performance?'))).toEqual([
      ['catastrophic forgetting', 'catastrophic-forgetting'],
      ['LLMs', 'llm'],
    ]);
    for (const e of kb.entries) {
      for (const [text, id] of linksIn(e.answer ?? '')) if (id === 'clip') expect(text, e.id).toBe('CLIP');
    }
  });

  it('does not link an example, a description or a neighbouring idea to a term', () => {
    // The book, lines 1221 and 770; Part 6, line 217; the book, line 495.
    const answers = [
      'Generalist models are large-scale AI systems trained to perform multiple tasks. Gemini and Gato are examples.',
      'Some heads specialize in syntactic relations, while others may capture semantic roles or positional information.',
      'Steps for Effective Knowledge Transfer: use pre-trained models as the base.',
      'Cross-task transfer learning is when knowledge from one task (e.g., question answering) is transferred to another related task.',
    ];
    expect(answers.map((a) => linksIn(linked(a)))).toEqual([[['Generalist models', 'generalist']], [], [], []]);
  });

  it('links a compound of the sources as one term: a feedforward layer, a position-wise feedforward network', () => {
    // The book, lines 216, 782 and 746.
    const answers = [
      'Each layer contains a multi-head attention block and a feed-forward neural network, both followed by normalization and residual connections.',
      'A transformer block typically consists of a multi-head attention layer, followed by a position-wise feedforward network.',
      'In transformers, dropout is applied after attention weights and in the feedforward layers.',
      'BERT typically uses the WordPiece tokenizer, which is a subword tokenizer that breaks words into smaller subword units.',
    ];
    expect(answers.map((a) => linksIn(linked(a)))).toEqual([
      [['multi-head attention', 'multi-head'], ['feed-forward neural network', 'feed-forward'], ['residual connections', 'residual-connection']],
      [['multi-head attention', 'multi-head'], ['position-wise feedforward network', 'feed-forward']],
      [['feedforward layers', 'feed-forward']],
      [['BERT', 'bert'], ['WordPiece tokenizer', 'wordpiece'], ['subword tokenizer', 'tokenization']],
    ]);
  });

  it('links scaled dot-product attention as one term, and not the words about scaling', () => {
    // Part 6, lines 34 and 36.
    const answer =
      'Scaled dot-product attention divides the dot product by the square root of the dimension of the key vectors (√d_k). ' +
      'Traditional attention does not use this scaling factor, which can lead to gradient issues.';
    expect(linksIn(linked(answer))).toEqual([
      ['Scaled dot-product attention', 'scaled-dot-product'],
      // "Traditional" says which attention; the term is attention.
      ['attention', 'attention'],
    ]);
  });

  it('does not link the words of a source name or a paper title', () => {
    const answer = 'A large language model predicts tokens *(LLM Q&A, LLM interview post)*. See "Attention is All You Need".';
    expect(linksIn(linked(answer))).toEqual([['large language model', 'llm']]);
  });

  it('splits no compound term in any answer', () => {
    // Compounds read in the sources, whose part must not be a link of its own.
    const splits = [
      /(?:multi-query|grouped-query|group-query|sparse|local|linear|global|hierarchical|segment-level|cross-modal|dot-product|single-head|sliding window|distance-aware|memory-efficient|causal|masked|encoder-decoder)\s+\[attention\]/i,
      /\[attention\]\([^)]*\)\s+(?:scores?|weights?|heads?|matrix|maps?|window|dropout|span|patterns?)\b/i,
      /(?:rotary|absolute|relative|learned|learnable|sinusoidal)\s+\[positional (?:embeddings?|encodings?)\]/i,
      /\[(?:rotary|multi-query|group-query|grouped-query|multi-head|sliding window)\]\(/i,
      /parameter-efficient\s+\[(?:fine-tuning|transfer learning)\]/i,
      /\]\(\/glossary\/#[a-z0-9-]+\)[\s-]*\[(?:attention|self-attention|positional embeddings?)\]/i,
    ];
    for (const e of kb.entries) {
      for (const split of splits) expect(e.answer ?? '', e.id).not.toMatch(split);
    }
  });

  it('reads the phrase a flat list of every phrase, longest first, would read at each place', () => {
    // Phrases of the field that share first words and endings, so that the longest must win and the
    // shorter must be found again after a longer one fails ("attention masks" is "attention mask" + s).
    const phrases = ['attention', 'attention mask', 'attention head', 'multi head attention', 'multi query attention', 'multi head', 'head', 'bias', 'llm', 'llm agent', 'c++ model', 'q&a'];
    const matcher = termMatcher([{ id: 'term', phrases }]);
    const separator = '[\\s\\u2010-\\u2015-]+';
    const flat = new RegExp(
      `(?<![\\p{L}\\p{N}_-])(?:${[...phrases].sort((a, b) => b.length - a.length || a.localeCompare(b)).map((p) => p.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(separator)).join('|')})(?:s|es)?(?![\\p{L}\\p{N}_-])`,
      'giu',
    );
    const words = ['attention', 'Attention', 'mask', 'masks', 'head', 'heads', 'multi', 'Multi', 'query', 'bias', 'biases', 'LLM', 'LLMs', 'agent', 'c++', 'model', 'q&a', 'pre', 'x'];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '-', '  ', '\u2013', ', ', '_', '.')), { maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(mentions(t, matcher).map((m) => [m.index, m.text])).toEqual([...t.matchAll(flat)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});

describe('sources/glossary.json', () => {
  const texts = readSources(ROOT, manifest);
  const data = readGlossary(ROOT);

  it('is checked: a definition is a source line or the editors\' with references, not both', () => {
    const parse = (term: object) => GlossaryDataSchema.safeParse({ terms: [term] }).success;
    expect(parse({ id: 'x', term: 'X', definedIn: { source: 'llm-qa', line: 1 } })).toBe(true);
    expect(parse({ id: 'x', term: 'X', definition: 'X is y.', references: [{ title: 'Paper', url: 'https://example.org/x' }] })).toBe(true);
    expect(parse({ id: 'x', term: 'X', definition: 'X is y.' })).toBe(false);
    expect(parse({ id: 'x', term: 'X', definition: 'X is y.', references: [{ title: 'Paper', url: 'https://example.org' }], definedIn: { source: 'llm-qa', line: 1 } })).toBe(false);
    expect(parse({ id: 'x', definedIn: { source: 'llm-qa', line: 1 } })).toBe(false);
    expect(parse({ id: 'X Y', term: 'X', definedIn: { source: 'llm-qa', line: 1 } })).toBe(false);
  });

  it('stops the ingest with one message naming the file when it is not valid', () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-glossary-'));
    mkdirSync(join(root, 'sources'));
    const message = (json: string) => {
      writeFileSync(join(root, 'sources/glossary.json'), json);
      try {
        readGlossary(root);
        return 'no error';
      } catch (error) {
        return (error as IngestError).format();
      }
    };
    try {
      expect(message('{ "terms": [ }')).toMatch(/^sources\/glossary\.json(?::1)?: the glossary file is not valid JSON/);
      expect(message(JSON.stringify({ terms: [{ id: 'x', term: 'X', definition: 'X is y.' }] }))).toMatch(
        /sources\/glossary\.json\n\s*1:1\s+error\s+terms\.0: an editors' definition needs "references"/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('warns when a credited line holds no sentence, or a sentence that does not name the term', () => {
    const run = (term: object) =>
      runPipeline(texts, { base: '/', glossary: { ...data, terms: [...data.terms, term as never] } }).problems.filter((p) => !p.file.startsWith('sources/entries/'));
    expect(run({ id: 'blank', term: 'Blank', definedIn: { source: 'llm-qa', line: 2 } })).toEqual([
      { file: 'sources/001_101bbbb5d92f4465.txt', line: 2, message: expect.stringContaining('glossary term "Blank" expects its defining sentence here') },
    ]);
    expect(run({ id: 'drift', term: 'Softmax again', concept: 'softmax', definedIn: { source: 'llm-qa', line: 13 } })).toEqual([
      { file: 'sources/001_101bbbb5d92f4465.txt', line: 13, message: expect.stringContaining('does not name it') },
    ]);
  });

  it('quotes the sentences a line starts, over the line breaks of the extraction', () => {
    const lexicon = buildLexicon(texts.map((t) => t.lines.join('\n')));
    const book = linesOf('200-questions');
    expect(quoteLines(book, 794)).toBe('Softmax transforms the raw attention scores into probabilities that sum to one, highlighting important tokens while down-weighting irrelevant ones.');
    expect(quoteLines(book, 306, 1, 1, lexicon)).toBe('GPT (Generative Pretrained Transformer), developed by OpenAI, is a decoder-only transformer architecture designed for text generation.');
    expect(quoteLines(linesOf('llm-qa'), 81)).toBe("Greedy search is a search algorithm that selects the most likely token at each time step based solely on the model's predictions.");
    expect(quoteLines(linesOf('llm-qa'), 104, 3)).toBe('NSP involves training the model to predict whether two sentences follow each other in the original text.');
    expect(quoteLines(linesOf('llm-interview-post'), 83)).toBe('Sequence-to-Sequence (Seq2Seq) Models are a type of neural network architecture designed to transform one sequence of data into another sequence.');
    expect(quoteLines(book, 2)).toBeUndefined();
  });
});
