/**
 * What a reader types, as Pagefind should search it. Pagefind returns only records that contain every word of
 * the query, so a word the wanted question does not contain ("vs", "what is", "how does … work") would empty
 * the results: such words are dropped. Math typed as words ("sqrt dk") is searched as the index spells it.
 * Each word is then spelt as the index spells it, once the index's words have loaded (src/search/spelling.ts):
 * British or American as the index has it, a misspelling corrected to the nearest word of the index.
 * The names of concepts (acronyms, synonyms, number formats) need nothing here: every record carries the
 * vocabulary's names of the concepts it asks about (src/integrations/search-records.ts).
 *
 * Runs in the browser (Pagefind UI's `processTerm`, and the highlighting of a result's words) and in the
 * benchmark.
 */
import { indexSpelling, type Lexicon } from './spelling.ts';

/** Words that carry the question's form, not its subject. */
const FORM_WORDS = new Set([
  'vs', 'versus', 'v', 'what', 'whats', 'why', 'how', 'when', 'which', 'who', 'where', 'is', 'are', 'was', 'does', 'do', 'did',
  'can', 'could', 'should', 'would', 'will', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'by', 'with', 'and', 'or',
  'between', 'difference', 'differences', 'compare', 'compared', 'comparison', 'explain', 'explained', 'define', 'definition',
  'meaning', 'mean', 'means', 'work', 'works', 'working', 'it', 'its', 'we', 'you', 'i', 'me', 'tell', 'about', 'please',
  // The form of the answer wanted, which the answer has without naming it.
  'formula', 'equation', 'example', 'examples',
]);

/** "dk", "d_k", "√dk", "sqrt(dk)": the key dimension, which the records write as math is read, dₖ (and the vocabulary as "sqrt d k"). */
const KEY_DIMENSION = /(?:√|\bsqrt\s*\(?|\bsquare\s+root\s+(?:of\s+)?|\broot\s+(?:of\s+)?)?\s*\bd[\s_]?k\b\)?/gi;

let loaded: Lexicon | undefined;

/** The index's words, once the search dialog has loaded them: every later query is spelt as the index spells it. */
export function useLexicon(lexicon: Lexicon): void {
  loaded = lexicon;
}

/** A hyphenated word ("self-atention") is spelt part by part. */
const respell = (word: string, lexicon: Lexicon) =>
  word
    .split('-')
    .map((part) => indexSpelling(part, lexicon))
    .join('-');

export function searchTerm(query: string, lexicon: Lexicon | undefined = loaded): string {
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(KEY_DIMENSION, ' sqrt dₖ ')
    .replace(/['’]s\b/g, '')
    .replace(/[?!,;:"“”()[\]{}]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    // Spelt first, so that a misspelt form word ("diffrence") is dropped too.
    .map((word) => (lexicon ? respell(word, lexicon) : word));
  const kept = words.filter((w) => !FORM_WORDS.has(w.replace(/\.$/, '')));
  // A query of form words only ("what is") is searched as typed rather than not at all.
  return (kept.length ? kept : words).join(' ');
}

/** The words of a processed query, for highlighting them in the answer a result opens. */
export function highlightWords(query: string): string[] {
  return searchTerm(query)
    .split(/\s+/)
    .filter((w) => w.length > 1 && w !== 'sqrt');
}
