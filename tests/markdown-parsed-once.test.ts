/**
 * Markdown is parsed once: answers travel between the stages as trees, and where a stage writes text from a tree
 * it parsed and edited (an answer without its citations for kb.json, an editors' "In short" made MDX-safe) it
 * keeps that tree, and the next stage that reads the text (the Anki deck, a page's description) gets it instead
 * of parsing the text again. That is only right if the kept tree is the tree a parse
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
    // Answers without their citations and the editors' short answers: hundreds of each.
    expect(kept.length).toBeGreaterThan(300);
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
