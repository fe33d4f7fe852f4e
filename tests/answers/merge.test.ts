/**
 * Merged answers on real entries, one behaviour each. The expectations come from reading the sources' answers
 * (sources/*.txt): which sentences say the same thing, which facts each source states. They read the automatic
 * merge, with the editors' corrections and without the editors' answers (sources/answers.json), which stand for it
 * on the site only while no new source answers the entry.
 */
import type { List, ListItem } from 'mdast';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../scripts/lib/answer/plain.ts';
import { parseUntrusted } from '../../scripts/lib/markdown/untrusted.ts';
import { withoutEditorsAnswers } from '../helpers/kb.ts';

const PART6 = 'Part 6';
const QA = 'LLM Q&A';
const CARDS = 'Flashcards';
const BOOK = '200 Questions (book)';
const POST = 'LLM interview post';

interface Bullet {
  text: string;
  credits: string[];
}

/** The merged answer of the entry asking `question`, as its points: text without credits, and every source credited in it. */
function answerOf(question: string): { markdown: string; text: string; bullets: Bullet[] } {
  const entry = withoutEditorsAnswers().kb.entries.find((e) => e.variants.some((v) => v.question === question));
  if (!entry?.answer) throw new Error(`no merged answer for "${question}"`);
  const markdown = entry.answer.replace(/\[([^\]]*)\]\(\/[^)]*\)/g, '$1').replace(/\\&/g, '&');
  const bullets = parseUntrusted(markdown)
    .children.filter((n): n is List => n.type === 'list')
    .flatMap((list) => list.children as ListItem[])
    .map((item) => {
      // A credit is an emphasis "(Source, Source)" naming only sources.
      const credits: string[] = [];
      const visit = (node: { type: string; children?: unknown[] }) => {
        if (node.type === 'emphasis') {
          const inside = /^\((.*)\)$/.exec(plainText(node.children as never))?.[1];
          if (inside) credits.push(...splitCredits(inside));
        }
        for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
      };
      visit(item);
      return { text: plainText(item.children).replace(/\s+/g, ' ').trim(), credits: [...new Set(credits)] };
    });
  return { markdown, text: plainText(parseUntrusted(markdown).children).replace(/\s+/g, ' '), bullets };
}

const SOURCES = [PART6, QA, CARDS, BOOK, POST];
/** "Part 6, 200 Questions (book)" → the source names, when every part is one. */
function splitCredits(inside: string): string[] {
  const parts = inside.split(/,\s*(?![^()]*\))/).map((s) => s.trim());
  return parts.every((p) => SOURCES.includes(p)) ? parts : [];
}

/** The merged answer's sections: each bold heading ("**Encoder:**") and the text of the bullets under it ("" for the opening list). */
function sectionsOf(markdown: string): { heading: string; bullets: string[] }[] {
  const out: { heading: string; bullets: string[] }[] = [{ heading: '', bullets: [] }];
  for (const node of parseUntrusted(markdown).children) {
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong') out.push({ heading: plainText(node.children).trim(), bullets: [] });
    if (node.type === 'list') out.at(-1)!.bullets.push(...(node.children as ListItem[]).map((item) => plainText(item.children).replace(/\s+/g, ' ').trim()));
  }
  return out.filter((s) => s.bullets.length);
}

const bulletsMatching = (bullets: Bullet[], pattern: RegExp) => bullets.filter((b) => pattern.test(b.text));

describe('merged answers', () => {
  it('positional encoding: the four wordings of "transformers have no sense of order" are one point, credited to all four sources', () => {
    const { bullets, text, markdown } = answerOf('Why is positional encoding needed?');
    // Part 6: "do not have inherent sequential processing like RNNs"; book: "lack inherent order-awareness since they
    // do not use recurrence"; post: "they are unaware of token order"; flashcards: "Self-attention is permutation invariant".
    const lacksOrder = /do not have inherent sequential processing|lack inherent order-awareness|unaware of token order|permutation invariant|inability of transformer architectures to capture sequence order/;
    const stating = bulletsMatching(bullets, lacksOrder);
    expect(stating.map((b) => b.text)).toHaveLength(1);
    expect(stating[0]!.credits.sort()).toEqual([PART6, CARDS, BOOK, POST].sort());
    // The name the kept wording must carry: Part 6 compares with RNNs.
    expect(stating[0]!.text).toMatch(/RNN|recurren/);
    // No second point that says transformers lack order, in any words.
    expect(bulletsMatching(bullets, /\b(?:lack|do not have|unaware|inability|invariant)\b[^.]*\b(?:order|sequen)/i)).toHaveLength(1);
    // Nothing the sources state is lost: the book's example and kinds, the post's formula and its series.
    expect(text).toContain('"cat sat" and "sat cat"');
    expect(text).toMatch(/fixed \(e\.g\., sinusoidal\) or learned/);
    expect(text).toContain('GPT series');
    expect(markdown).toContain('PE_{(pos,2i)}=\\sin(pos/10000^{2i/d_{model}})');
    expect(markdown).toContain('PE_{(pos,2i+1)}=\\cos(pos/10000^{2i/d_{model}})');
    // 14 points before; what the sources say fits in far fewer.
    expect(bullets.length).toBeLessThanOrEqual(9);
  });

  it('multi-head attention: Part 6 says "focus on different parts simultaneously" twice, the merged answer once; its formula and facts stay', () => {
    const { bullets, text, markdown } = answerOf('What is multi-head attention and why is it useful?');
    // Part 6, line 20: "Allows the model to focus on different parts of the input sequence simultaneously."
    // Part 6, line 164: "**Efficiency:** Enables the model to focus on various parts of the sequence simultaneously."
    const focus = bulletsMatching(bullets, /focus on (?:different|various) parts of the (?:input )?sequence simultaneously/);
    expect(focus).toHaveLength(1);
    expect(focus[0]!.credits).toEqual([PART6]);
    // The book's "This allows the model to capture different types of relationships … complex patterns" is the post's
    // "This approach improves the model's ability to capture more complex patterns and relationships": one point, both credited.
    const patterns = bulletsMatching(bullets, /complex patterns/);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]!.credits).toEqual(expect.arrayContaining([BOOK, POST]));
    expect(markdown.match(/\\operatorname\{MultiHead\}/g)).toHaveLength(1);
    // The post's "dv-dimensional output … final result" is corrected by the editors, who keep its fact.
    expect(text).toContain('$d_v$-dimensional');
    for (const fact of ['denoted as h times', 'syntax and semantics', 'runs several self-attention mechanisms in parallel', 'single-head attention']) {
      expect(text).toContain(fact);
    }
    // 11 points before.
    expect(bullets.length).toBeLessThan(11);
  });

  it('RNN limitations: six wordings from five sources give one answer in which each of their points appears once', () => {
    const { bullets, text } = answerOf('What are the main limitations of RNNs/LSTMs that Transformers overcome?');
    expect(bulletsMatching(bullets, /Solve RNN limitations/)).toHaveLength(0);
    // "RNNs process data sequentially …; transformers process input in parallel" (Part 6, line 92), "Transformers
    // process sequences in parallel, unlike the sequential nature of RNNs/LSTMs" (Part 6, line 98), "Enable
    // parallelization over sequence elements", "Sequential computation → slow" (flashcards), "process entire sequences
    // in parallel, allowing for much faster training" (book) and the post's "**Parallelization:**": one point.
    const parallel = bulletsMatching(bullets, /^(?:Parallelism|Parallelization|Sequential Processing):|^Enable parallelization/);
    expect(parallel.map((b) => b.text.slice(0, 40))).toHaveLength(1);
    expect(parallel[0]!.credits.sort()).toEqual([PART6, CARDS, BOOK, POST].sort());
    // The post's "Positional Encoding" item is the post's alone: the book's "process entire sequences in parallel" is
    // the parallelization point, not the reason positional encoding is given.
    expect(bulletsMatching(bullets, /^Positional Encoding:/)[0]!.credits).toEqual([POST]);
    // Part 6 (line 98) and the post (line 113) make one wrong claim, that Transformers scale better with long
    // sequences: one correction says so, once.
    const scaling = bulletsMatching(bullets, /^Efficiency and Scalability:/);
    expect(scaling).toHaveLength(1);
    expect(scaling[0]!.text.match(/Editors' correction/g)).toHaveLength(1);
    expect(scaling[0]!.text.match(/less\* efficient on long sequences|less efficient on long sequences/g)).toHaveLength(1);
    // Part 6's "Fixed Context Length" (a limit of Transformers, not RNNs) is replaced by the editors' correction.
    expect(text).not.toContain('Fixed Context Length');
    expect(text).toContain('no fixed context length');
    // The post's labelled items keep their own label and body ("Positional Encoding" is about token order).
    expect(text).toContain('Positional Encoding: Since Transformers process the entire sequence at once, positional encoding');
    expect(bulletsMatching(bullets, /Context Bottleneck:/)).toHaveLength(1);
    // "Better scaling to large datasets" (card 8), "Harder to scale to very large datasets" (card 50), the book's
    // "more scalable" and the post's "scale better for large datasets": one point.
    expect(bulletsMatching(bullets, /large datasets/)).toHaveLength(1);
    // What the second flashcard adds stays: the remedies it names.
    expect(text).toContain('residual connections, layer normalisation - stable activations, weight init');
  });

  it("overfitting: the post's five techniques are all there, each credited to the sources that name it", () => {
    const { bullets, text } = answerOf('What is overfitting in machine learning, and how can it be prevented?');
    // The book: "Techniques such as dropout, regularization, and early stopping are used to prevent overfitting."
    // The post lists Regularization (L1, L2), Dropout, Data Augmentation, Early Stopping and Simpler Models.
    const expected: [RegExp, string[]][] = [
      [/^Regularization \(L1, L2\):/, [BOOK, POST]],
      [/^Dropout:/, [BOOK, POST]],
      [/^Early Stopping:/, [BOOK, POST]],
      [/^Data Augmentation:/, [POST]],
      [/^Simpler Models:/, [POST]],
    ];
    for (const [label, credits] of expected) {
      const found = bulletsMatching(bullets, label);
      expect(found, String(label)).toHaveLength(1);
      expect(found[0]!.credits.sort(), String(label)).toEqual([...credits].sort());
    }
    // The book's sentence is made by those three points: not a point of its own.
    expect(bulletsMatching(bullets, /Techniques such as dropout, regularization, and early stopping/)).toHaveLength(0);
    for (const fact of ['L1 (Lasso)', 'L2 (Ridge)', 'flipping or rotating images', 'validation loss', 'features, parameters, or layers']) expect(text).toContain(fact);
    // Both definitions' facts: the post's "unseen or test data", the book's "noise or details".
    expect(text).toContain('unseen or test data');
    expect(text).toContain('noise or details');
  });

  it('queries, keys and values: the sentence that defines them is there, once', () => {
    const { bullets, text } = answerOf('What are queries, keys, and values in self-attention?');
    // Book line 184: "In self-attention, each token is projected into three vectors: the query, key, and value."
    // Book line 697: "Each input token is projected into three vectors: a query vector, a key vector, and a value vector."
    expect(bulletsMatching(bullets, /projected into three vectors/)).toHaveLength(1);
    expect(text).toMatch(/projected into three vectors: (?:the query, key, and value|a query vector, a key vector, and a value vector)/);
    // And what they are for: the dot product of query and key weights the values.
    expect(text).toMatch(/dot products?/);
    expect(text).toMatch(/value vectors/);
    expect(text).toContain('Query-Key-Value mechanism');
  });

  it('encoder-only and decoder-only: every example model of every source stays', () => {
    const { text } = answerOf('What is the difference between encoder-only and decoder-only transformers?');
    for (const model of ['BERT', 'GPT', 'T5', 'BART', 'GNMT']) expect(text).toContain(model);
    expect(text).toContain('text generation and language modeling');
  });
});

describe('merged answers divided by the sources\' own headings', () => {
  it('encoder and decoder: a point labelled as a section goes under that section, and its label is not said twice', () => {
    const { markdown, bullets } = answerOf('What are the roles of the encoder and decoder in a Transformer?');
    const sections = sectionsOf(markdown);
    // Part 6 line 186 heads its answer "**Encoder:**", "**Decoder:**", "**Information Flow:**"; Part 6 line 50
    // labels its items "**Encoder:**" and "**Decoder:**".
    const encoder = sections.find((s) => s.heading === 'Encoder:');
    const decoder = sections.find((s) => s.heading === 'Decoder:');
    expect(encoder && decoder).toBeTruthy();
    for (const s of sections) for (const b of s.bullets) expect(b, s.heading).not.toMatch(/^(?:Encoder|Decoder):/);
    // The book's "The decoder then generates the output sequence one token at a time …" is about the decoder.
    expect(decoder!.bullets.some((b) => /^The decoder then generates the output sequence one token at a time/.test(b))).toBe(true);
    expect(encoder!.bullets.some((b) => /decoder then generates|^Generates output/.test(b))).toBe(false);
    // "Generates output sequence step-by-step" (Part 6) is that point again, in other words.
    expect(bulletsMatching(bullets, /step-by-step|one token at a time/)).toHaveLength(1);
    expect(bulletsMatching(bullets, /one token at a time/)[0]!.credits.sort()).toEqual([PART6, BOOK].sort());
    // "The encoder-decoder structure consists of two main parts" names both: it opens the answer, under neither.
    expect(sections[0]!.heading).toBe('');
    expect(sections[0]!.bullets.some((b) => /consists of two main parts/.test(b))).toBe(true);
    // Nothing lost: the book's tasks and Part 6's information flow.
    for (const fact of ['machine translation', 'summarization', 'Uses self-attention to capture relationships between input tokens', 'generating the next token during inference']) {
      expect(markdown).toContain(fact);
    }
  });

  it('catastrophic forgetting: the flashcard\'s "Replay / mixed data" is the post\'s rehearsal methods, credited to both', () => {
    const { bullets } = answerOf('How do you avoid catastrophic forgetting during fine-tuning?');
    // Flashcards line 541: "Replay / mixed data"; the post: "**Rehearsal methods:** … retraining the model on a mix of old and new data".
    // Its "Regularization (e.g., L2)" is corrected by the editors: L2 toward the pretrained weights.
    expect(bulletsMatching(bullets, /Replay|Rehearsal/)).toHaveLength(1);
    expect(bulletsMatching(bullets, /Rehearsal methods:/)[0]!.credits).toEqual(expect.arrayContaining([CARDS, POST]));
    for (const label of [/Elastic Weight Consolidation \(EWC\):/, /Use small learning rates/, /Freeze early layers/, /Regularization toward the pretrained weights/, /Modular approaches:/]) {
      expect(bulletsMatching(bullets, label), String(label)).toHaveLength(1);
    }
  });

  it('pretraining: the book\'s "masked language modeling (BERT) or autoregressive prediction (GPT)" is made by Part 6\'s two items, which keep their names', () => {
    const { markdown, bullets } = answerOf('What is pretraining in transfer learning?');
    // Part 6 line 135: "**Masked Language Modeling (MLM):** BERT-like models …", "**Autoregressive Modeling:** GPT-like models …".
    expect(bulletsMatching(bullets, /tasks like masked language modeling/)).toHaveLength(0);
    for (const [label, name] of [[/^Masked Language Modeling \(MLM\):/, 'BERT-like'], [/^Autoregressive Modeling:/, 'GPT-like']] as const) {
      const [item] = bulletsMatching(bullets, label);
      expect(item?.text, String(label)).toContain(name);
      expect(item!.credits.sort()).toEqual([PART6, BOOK].sort());
    }
    // The book's "These pretrained models are then adapted …" follows its definition of pretraining, first.
    expect(sectionsOf(markdown)[0]!.bullets[0]).toMatch(/^Pretraining is the process of training a model .* These pretrained models are then adapted/);
  });

  it('training efficiency: the flashcard\'s "Mixed precision / float16" keeps its format, as an item of its list', () => {
    const { bullets } = answerOf('How do modern Transformers improve training efficiency?');
    expect(bulletsMatching(bullets, /^Mixed precision \/ float16/)).toHaveLength(1);
    expect(bulletsMatching(bullets, /mixed-precision training/)).toHaveLength(1);
  });
});

describe('merged answers with the editors\' corrections in them', () => {
  it('layer normalization: Part 6\'s "Stabilizes training and accelerates convergence" is credited where the point is said, and no credit dangles after a correction', () => {
    const { markdown, bullets, text } = answerOf('What is the role of layer normalization in transformers?');
    // Part 6 line 44, LLM Q&A line 110 ("helps stabilize the training process … accelerates convergence") and the
    // book line 726 ("reduces internal covariate shift, accelerates training, and improves model stability").
    const stabilises = bullets.find((b) => /It helps stabilize the training process by reducing the internal covariate shift and accelerates convergence/.test(b.text));
    expect(stabilises?.credits.sort()).toEqual([PART6, QA, BOOK].sort());
    // The replaced Post-LN sentence takes its sources' credit with it: a correction is never followed by a second credit.
    expect(markdown).not.toMatch(/\*\(Editors' correction[^)]*\)\*\s*\*\(/);
    // LLM Q&A's "improves the generalization performance" is corrected: layer normalization helps optimisation.
    expect(text).not.toContain('improves the generalization performance');
    expect(text).toContain('optimisation rather than generalization');
  });

  it('scaling by √d_k: the points the correction says again go into it, their sources credited with it', () => {
    const { markdown, bullets } = answerOf('Why do we scale attention scores by $\\sqrt{d_k}$?');
    // The book's "Without scaling, the dot products … push softmax into regions with very small gradients" and Part 6's
    // "Prevents large dot-product values from distorting the softmax function" are the corrected point, rightly said.
    expect(bulletsMatching(bullets, /^Without scaling, the dot products/)).toHaveLength(0);
    expect(bulletsMatching(bullets, /^Prevents large dot-product values/)).toHaveLength(0);
    expect(bulletsMatching(bullets, /small gradients|extremely small/)).toHaveLength(1);
    expect(markdown).toContain("*(Editors' correction; also Part 6, 200 Questions (book))*");
    // Part 6's other points stay: what the scaling is, and which attention lacks it (corrected: unscaled dot products).
    expect(bulletsMatching(bullets, /divides the dot product by the square root/)).toHaveLength(1);
    expect(bulletsMatching(bullets, /^Traditional attention does not use this scaling factor/)).toHaveLength(0);
    expect(bulletsMatching(bullets, /^Unscaled dot-product attention \(Luong et al\., 2015\) does not use this factor/)).toHaveLength(1);
  });

  it('RNN limitations: long-range dependencies are one point, the book\'s "Additionally, …" stands on its own, and no "What it is" heading opens an answer about limits', () => {
    const { markdown, bullets } = answerOf('What are the main limitations of RNNs/LSTMs that Transformers overcome?');
    // The correction of Part 6's "Fixed Context Length" and the post's and flashcards' "Long-Range Dependencies".
    expect(bulletsMatching(bullets, /long-range dependencies/i)).toHaveLength(1);
    expect(markdown).toContain("*(Editors' correction; also Flashcards, LLM interview post)*");
    // Book line 252: "Additionally, transformers are more scalable and flexible." followed a sentence the correction replaced.
    expect(markdown).not.toContain('Additionally, transformers');
    expect(bulletsMatching(bullets, /^Transformers are more scalable and flexible\./)[0]?.credits).toEqual([BOOK]);
    expect(sectionsOf(markdown).map((s) => s.heading)).not.toContain('What it is');
  });
});

describe('a single source\'s answers with a correction in them', () => {
  it('DistilBERT: the book\'s first sentence, whose figures the correction restates, goes; what it says of training stays, after the correction', () => {
    const { text } = answerOf('How is DistilBERT different from BERT?');
    // Book line 348: "DistilBERT is a compact version of BERT that retains 97% of its performance while being 40% smaller and 60% faster."
    expect(text).not.toContain('compact version of BERT that retains 97%');
    expect(text.match(/40% smaller/g)).toHaveLength(1);
    expect(text).toMatch(/Editors' correction\)[^]*"student" model learns to replicate the outputs of a larger "teacher" model/);
    // Book line 994, "It uses knowledge distillation to learn from the original BERT model during training", is line 350's point again.
    expect(text.match(/knowledge distillation/g)).toHaveLength(1);
  });
});

describe('an entry one source answers in two wordings', () => {
  it('FlashAttention: the editors\' two answers run in their order, under no headings, each sentence once and whole', () => {
    const { markdown, bullets } = answerOf('What is FlashAttention?');
    expect(sectionsOf(markdown)).toHaveLength(1);
    expect(bullets[0]!.text).toMatch(/^FlashAttention \(Dao et al\., 2022\) is an IO-aware algorithm/);
    // editors.txt line 146 ends "…, which allows longer contexts."; line 150's "parallelising over the sequence length" does not say it.
    expect(bullets.filter((b) => b.text.includes('The extra memory is therefore linear in sequence length, which allows longer contexts.'))).toHaveLength(1);
    const order = ['limited by memory bandwidth and costs', 'The full', 'On modern GPUs', 'Fewer memory accesses', 'FlashAttention-2 went further'];
    const positions = order.map((words) => bullets.findIndex((b) => b.text.includes(words)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('a sentence that leans on the one before it', () => {
  it('stays after it: "In contrast, …" and "X, on the other hand, …" never open a point', () => {
    // Book: "RNNs require sequential processing, … In contrast, transformers use self-attention …";
    // "Single-head attention computes a single attention score distribution. Multi-head attention, on the other hand, …".
    const parallel = answerOf('How do Transformers achieve parallelization?').bullets;
    const multiHead = answerOf('What is multi-head attention and why is it useful?').bullets;
    for (const b of [...parallel, ...multiHead]) expect(b.text).not.toMatch(/^(?:In contrast|On the other hand)\b|^[^.,]{1,60}, on the other hand,/);
    expect(bulletsMatching(parallel, /RNNs require sequential processing[^]*In contrast, transformers use/)).toHaveLength(1);
    expect(bulletsMatching(multiHead, /Single-head attention computes a single attention score distribution\. Multi-head attention, on the other hand/)).toHaveLength(1);
  });
});

describe('one answer\'s own sentences', () => {
  it('beam search: the editors\' sentences keep their order; greedy decoding is not folded into the beam-search sentence', () => {
    const { bullets } = answerOf('What are the differences between beam search and greedy search?');
    // editors.txt line 109 (question line 107): "… Greedy decoding picks the most probable token … Beam search keeps the $B$ best partial sequences
    // (the beam width). At each step it extends every sequence …".
    const at = (words: string) => bullets.findIndex((b) => b.text.includes(words));
    expect(at('Greedy decoding picks the most probable token')).toBeGreaterThanOrEqual(0);
    expect(at('Greedy decoding picks the most probable token')).toBeLessThan(at('Beam search keeps the'));
    expect(at('Beam search keeps the')).toBeLessThan(at('At each step it extends every sequence'));
    expect(bulletsMatching(bullets, /At each step it extends[^]*Greedy decoding picks/)).toEqual([]);
  });
});
