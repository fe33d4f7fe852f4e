import { slug } from 'github-slugger';

/** Ids longer than this are cut at a word boundary: a shared link stays readable. */
const MAX_LENGTH = 64;

/**
 * The id of a new heading (an entry's question, a glossary term): GitHub's slug of its text, as Starlight gives
 * a heading, so a new entry's anchor is the one its heading would have had anyway; the LaTeX commands of its
 * math are dropped first, and runs of spaces count as one. Ids already issued never change (entries/permalinks.ts): this only names new ones.
 */
export function slugify(text: string, maxLength = MAX_LENGTH): string {
  const words = text
    .replace(/\$[^$]*\$/g, (math) => math.replace(/\\[a-z]+/gi, ' ').replace(/[${}]/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  const full = slug(words).replace(/^-+|-+$/g, '');
  if (full.length <= maxLength) return full || 'entry';
  const cut = full.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength).replace(/-+$/, '');
}

/** A question's wording reduced to lower-case words, math dropped: for matching the same question across edits. */
export function normaliseWording(text: string): string {
  return text.toLowerCase().replace(/\$[^$]*\$/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
