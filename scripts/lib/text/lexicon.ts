/**
 * Word counts of one source, used to repair words its PDF extraction broke: a hyphen at a line end
 * ("com-" / "plex") is dropped unless the hyphenated form is a word the source uses ("decoder-only"); a
 * compound that lost its hyphen ("selfattention") gets it back when the source spells it hyphenated more often
 * and the field's vocabulary does not write it as one word ("pretrained"). Built from one source and committed
 * data only, so adding a source never changes how another is cleaned.
 */
import type { ConceptDefinition } from './concepts.ts';

export interface Lexicon {
  count(word: string): number;
  /** The hyphenated spelling of a compound that lost its hyphen, if the sources prefer one. */
  hyphenated(word: string): string | undefined;
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export interface LexiconOptions {
  /** Words known to be written as one word: never taken for a compound that lost its hyphen. */
  words?: Iterable<string>;
}

export function buildLexicon(texts: string[], { words = [] }: LexiconOptions = {}): Lexicon {
  const known = new Set([...words].map((w) => w.toLowerCase()));
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const compounds = new Map<string, string>();
  for (const [word, n] of counts) {
    if (!word.includes('-') || n < 2) continue;
    const joined = word.replaceAll('-', '');
    // Only a spelling seen once is taken for an extraction slip; a word used often is the author's choice.
    if ((counts.get(joined) ?? 0) === 1 && !known.has(joined)) compounds.set(joined, word);
  }
  return {
    count: (word) => counts.get(word.toLowerCase()) ?? 0,
    hyphenated: (word) => compounds.get(word.toLowerCase()),
  };
}

/** The words the vocabulary of concepts writes (its labels and aliases), e.g. "pretrained". */
export function vocabularyWords(vocabulary: ConceptDefinition[]): string[] {
  return [...new Set(vocabulary.flatMap((c) => [c.label, ...c.aliases]).flatMap((text) => text.toLowerCase().match(/\p{L}+/gu) ?? []))];
}

function matchCase(model: string, word: string): string {
  return /^\p{Lu}/u.test(model) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Joins two pieces of text that a line break split, repairing a hyphenated word across the break. */
export function joinBroken(before: string, after: string, lexicon: Lexicon): string {
  const head = before.trimEnd();
  const tail = after.trimStart();
  const split = /([\p{L}]+)-$/u.exec(head);
  const next = /^[\p{Ll}]+/u.exec(tail);
  if (split && next) {
    const keep = lexicon.count(`${split[1]}-${next[0]}`) > 0;
    return `${head.slice(0, keep ? head.length : -1)}${tail}`;
  }
  return `${head} ${tail}`;
}

/** Puts back hyphens that compounds lost ("selfattention" → "self-attention"). */
export function restoreCompounds(text: string, lexicon: Lexicon): string {
  return text.replace(/[\p{L}]{6,}/gu, (word) => {
    const hyphenated = lexicon.hyphenated(word);
    return hyphenated ? matchCase(word, hyphenated) : word;
  });
}
