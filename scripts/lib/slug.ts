/** URL-safe ids from text: lower case, ASCII letters and digits joined by hyphens, cut at a word boundary. */
const MAX_LENGTH = 64;

export function slugify(text: string, maxLength = MAX_LENGTH): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\$[^$]*\$/g, (m) => m.replace(/\\[a-z]+/gi, ' '))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'entry';
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength);
}

/** A question's wording reduced to lower-case words, math dropped: for matching the same question across edits. */
export function normaliseWording(text: string): string {
  return text.toLowerCase().replace(/\$[^$]*\$/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}
