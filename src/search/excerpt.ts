/**
 * A search result's excerpt taken from its answer. Each record ends with what it is found by: the question's other
 * wordings ("Also asked as:") and names ("Also called:", "Related:", "Also spelt:"; src/integrations/search-records.ts),
 * weighted so that another wording or an acronym finds its entry. Pagefind takes the excerpt where the weighted
 * matches are densest, which is often there, and a list says nothing of the answer. A result whose excerpt falls
 * there gets one from the answer instead, chosen and marked as Pagefind chooses and marks them (the densest window
 * of matches, `<mark>` around each word matched), or the answer's start (its short answer) when only the list matched.
 */

/** What the excerpt is made from: Pagefind's result data, or one of its sub-results. */
export interface ExcerptedResult {
  /** The record's text, HTML-escaped, its words separated by white space. */
  raw_content?: string;
  excerpt: string;
  plain_excerpt?: string;
  locations: number[];
  weighted_locations?: { location: number; balanced_score: number }[];
  sub_results?: ExcerptedResult[];
  /** The record's title, which its text starts with and the result shows above the excerpt. */
  meta?: { title?: string };
}

/** The lists that end a record (its other wordings, the names it is found by), by their first words. */
const NAME_LISTS = [['Also', 'asked', 'as:'], ['Also', 'called:'], ['Related:'], ['Also', 'spelt:']];

/** Pagefind's own words: the excerpt length it is configured with (its default), and how it splits the text. */
const EXCERPT_WORDS = 30;
const splitWords = (content: string) => content.split(/[\r\n\s]+/g);

/** Where the names listed after the answer start, as a word index (the text's length when there are none). */
function namesStart(words: string[]): number {
  let start = words.length;
  for (const list of NAME_LISTS) {
    for (let i = words.length - list.length; i >= 0; i--) {
      if (list.every((word, j) => words[i + j] === word)) {
        start = Math.min(start, i);
        break;
      }
    }
  }
  return start;
}

/** Whether Pagefind's excerpt shows any of the names: its window, found in the text, ends past their start. */
function reachesNames(words: string[], end: number, excerpted: ExcerptedResult): boolean {
  const shown = splitWords((excerpted.plain_excerpt ?? excerpted.excerpt.replace(/<\/?mark>/g, '')).trim());
  for (let start = 0; start + shown.length <= words.length; start++) {
    if (shown.every((word, j) => words[start + j] === word)) return start + shown.length > end;
  }
  return false;
}

/** The excerpt for a result, from its answer when Pagefind's falls in the names after it; the result otherwise. */
export function excerptFromAnswer<R extends ExcerptedResult>(result: R): R {
  const content = result.raw_content;
  if (!content) return result;
  const words = splitWords(content);
  const end = namesStart(words);
  // The text starts with the title, shown above the excerpt already: the excerpt starts after it.
  const title = splitWords(result.meta?.title?.trim() ?? '').filter(Boolean);
  const first = title.length && title.length < end && title.every((word, i) => words[i] === word) ? title.length : 0;
  const fix = (excerpted: ExcerptedResult): ExcerptedResult => {
    if (end === words.length || !reachesNames(words, end, excerpted)) return excerpted;
    const length = Math.min(EXCERPT_WORDS, end - first);
    // The densest window of matched words between the title and the names, scored as Pagefind scores them.
    const score = new Array<number>(end).fill(0);
    const weighted = excerpted.weighted_locations ?? excerpted.locations.map((location) => ({ location, balanced_score: 1 }));
    for (const { location, balanced_score } of weighted) if (location >= first && location < end) score[location]! += balanced_score;
    let sum = score.slice(first, first + length).reduce((a, b) => a + b, 0);
    let best = { start: first, sum };
    for (let start = first + 1; start + length <= end; start++) {
      sum += score[start + length - 1]! - score[start - 1]!;
      if (sum > best.sum) best = { start, sum };
    }
    const window = words.slice(best.start, best.start + length);
    const matched = new Set(excerpted.locations);
    return {
      ...excerpted,
      plain_excerpt: window.join(' ').trim(),
      excerpt: window.map((word, i) => (matched.has(best.start + i) ? `<mark>${word}</mark>` : word)).join(' ').trim(),
    };
  };
  return { ...(fix(result) as R), sub_results: result.sub_results?.map(fix) };
}
