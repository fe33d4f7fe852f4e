/**
 * Markdown is parsed once: a stage that writes an answer from a tree it parsed and edited (an editors' answer,
 * an answer with its term links, an answer without its citations) keeps that tree, and the next stage that reads
 * the answer gets it instead of parsing the text again. That is only right if the kept tree is the tree a parse
 * of the text gives; here every tree the real run kept is checked against a fresh parse, and a few lines of
 * source text are checked to take the shortcut that reads them without parsing, with the parser's result.
 */
import { describe, expect, it } from 'vitest';
import { keptTrees, parseInline, parseUntrusted, protectSourceText } from '../scripts/lib/shared/markdown.ts';
import { runReal } from './helpers/run-pipeline.ts';

describe('Markdown parsed once', () => {
  it('keeps, for every answer a stage wrote from a tree, the tree a parse of that answer gives', () => {
    runReal();
    const kept = keptTrees();
    // Editors' answers, answers with their term links and answers without their citations: hundreds of each.
    expect(kept.length).toBeGreaterThan(500);
    const differing = kept.filter((k) => JSON.stringify(k.kept) !== JSON.stringify(k.parsed)).map((k) => k.markdown.slice(0, 80));
    expect(differing).toEqual([]);
  });

  it('reads a line of plain words as the parser would, and parses a line with Markdown in it', () => {
    const viaParser = (text: string) => {
      const tree = parseUntrusted(protectSourceText(text));
      const [first] = tree.children;
      return tree.children.length === 1 && first?.type === 'paragraph' ? first.children : [{ type: 'text', value: text }];
    };
    for (const line of [
      'Scaled dot-product attention divides by the square root of the key dimension.',
      'It is a two-layer fully connected network (with a ReLU) applied to each position: “the same”, 100% of the time.',
      'Import the weights; export the model',
      'ReLU/GELU = non-linear + cheap',
      '1. Not plain: an ordered list',
      'Not plain: **bold** and $x^2$ and a \\ backslash & an ampersand',
      'Trailing space ',
    ]) {
      expect(parseInline(line), line).toEqual(viaParser(line));
    }
  });
});
