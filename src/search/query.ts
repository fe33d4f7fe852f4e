/**
 * What a reader types, as Pagefind should search it. Pagefind returns only records that contain every word of
 * the query, so a word the wanted question does not contain ("vs", "what is", "how does … work") would empty
 * the results: such words are dropped. Math typed as words ("sqrt dk") is searched as the index spells it.
 * The names of concepts (acronyms, synonyms) need nothing here: every record carries the vocabulary's names of
 * the concepts it asks about (src/integrations/search-records.ts).
 *
 * Runs in the browser (Pagefind UI's `processTerm`) and in the benchmark; no dependencies.
 */

/** Words that carry the question's form, not its subject. */
const FORM_WORDS = new Set([
  'vs', 'versus', 'v', 'what', 'whats', 'why', 'how', 'when', 'which', 'who', 'where', 'is', 'are', 'was', 'does', 'do', 'did',
  'can', 'could', 'should', 'would', 'will', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'by', 'with', 'and', 'or',
  'between', 'difference', 'differences', 'compare', 'compared', 'comparison', 'explain', 'explained', 'define', 'definition',
  'meaning', 'mean', 'means', 'work', 'works', 'working', 'it', 'its', 'we', 'you', 'i', 'me', 'tell', 'about', 'please',
  // The form of the answer wanted, which the answer has without naming it.
  'formula', 'equation', 'example', 'examples',
]);

/** "dk", "d_k", "√dk", "sqrt(dk)": the key dimension d_k, which the records write as d_k (and the vocabulary as "d k"). */
const KEY_DIMENSION = /(?:√|\bsqrt\s*\(?|\bsquare\s+root\s+(?:of\s+)?|\broot\s+(?:of\s+)?)?\s*\bd[\s_]?k\b\)?/gi;

export function searchTerm(query: string): string {
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(KEY_DIMENSION, ' sqrt d_k ')
    .replace(/['’]s\b/g, '')
    .replace(/[?!,;:"“”()[\]{}]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
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
